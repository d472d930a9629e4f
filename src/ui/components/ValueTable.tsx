/** Props of {@link ValueTable}. */
export interface ValueTableProps {
  /** Caption text; none when empty or absent. */
  caption?: string;
  /** Column headers. */
  head: string[];
  /** Data rows as display text; the first cell of each row is its row header. */
  rows: string[][];
  className?: string;
}

/**
 * A chart's values as a table: a caption, a header row, then one row per data row whose first
 * cell is a row header. Shared by ./ChartImage (read by screen readers only) and ./ValuesDetails
 * (shown on request).
 */
export function ValueTable({ caption, head, rows, className }: ValueTableProps) {
  return (
    <table className={className}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
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
  );
}
