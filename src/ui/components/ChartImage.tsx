import type { CSSProperties, ReactNode } from 'react';

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
 * keyboard stop) as one image with an accessible name, followed by a table of its values that only
 * screen readers see (.sr-only).
 */
export function ChartImage({ label, table, className, style, testId, children }: ChartImageProps) {
  return (
    <>
      <div role="img" aria-label={label} className={className} style={style} data-testid={testId}>
        {children}
      </div>
      {table ? (
        <table className="sr-only">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.join('|')}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
