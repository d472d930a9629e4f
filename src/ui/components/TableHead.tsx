/** One header cell of {@link TableHead}: its text, or the text and a tooltip. */
export type HeadCell = string | { text: string; title: string };

/** Props of {@link TableHead}. */
export interface TableHeadProps {
  /** The column headers, the row-label column first. */
  cells: readonly HeadCell[];
}

/**
 * The header row of a figures table: the first column (row labels) left-aligned, the figure
 * columns right-aligned (the tables' CSS default).
 */
export function TableHead({ cells }: TableHeadProps) {
  return (
    <thead>
      <tr>
        {cells.map((cell, i) => {
          const { text, title } = typeof cell === 'string' ? { text: cell, title: undefined } : cell;
          return (
            <th key={i} className={i === 0 ? 'left' : undefined} title={title}>
              {text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
