import { useCallback, useState } from 'react';

/**
 * Number controls holding an invalid typed value (label → error message); while any is set, Train
 * is blocked (src/ui/lib/fieldCheck.ts names them).
 * @returns the current map and the callback a field calls with its error, or null once it is valid
 */
export function useFieldErrors(): [Record<string, string>, (label: string, error: string | null) => void] {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const onFieldError = useCallback(
    (label: string, error: string | null) =>
      setFieldErrors((m) => {
        if ((m[label] ?? null) === error) return m;
        const { [label]: _old, ...rest } = m;
        return error === null ? rest : { ...rest, [label]: error };
      }),
    [],
  );
  return [fieldErrors, onFieldError];
}
