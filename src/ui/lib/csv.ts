/**
 * CSV export (RFC 4180) of tabular rows; DOM-free.
 */

/** A cell value: numbers are written as-is, null/undefined as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** Quote a cell when it contains a comma, a quote, CR or LF; double any quote inside (RFC 4180 §2.6–2.7). */
export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Serialise a header and rows to CSV with CRLF line ends (RFC 4180 §2.1).
 * @throws Error when a row's length differs from the header's.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new Error(`toCsv: row ${i} has ${r.length} cells, the header has ${header.length}`);
    }
  });
  return [header, ...rows].map((r) => r.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}
