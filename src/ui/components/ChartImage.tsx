import type { CSSProperties, ReactNode } from 'react';
import { ValueTable } from './ValueTable';

/** Props of {@link ChartImage}. */
export interface ChartImageProps {
  /** The chart's accessible name: what it shows and, for data charts, a summary of the values. */
  label: string;
  /** Optional visually hidden table of the values (header row, then data rows), read after the chart. */
  table?: { caption: string; head: string[]; rows: string[][] };
  className?: string;
  style?: CSSProperties;
  testId?: string;
  children: ReactNode;
}

/**
 * Wraps a recharts chart (render it with accessibilityLayer={false}, so its SVG is no unnamed
 * keyboard stop) as one image with an accessible name (the drawing inside is aria-hidden), followed
 * by a table of its values that only screen readers see (inside a .sr-only box: a table ignores width).
 */
export function ChartImage({ label, table, className, style, testId, children }: ChartImageProps) {
  return (
    <>
      <div role="img" aria-label={label} className={className} style={style} data-testid={testId}>
        {/* The drawing itself is not read: the name and the table say what it shows. */}
        <div aria-hidden="true" style={{ height: '100%' }}>
          {children}
        </div>
      </div>
      {table ? (
        <div className="sr-only">
          <ValueTable {...table} />
        </div>
      ) : null}
    </>
  );
}
