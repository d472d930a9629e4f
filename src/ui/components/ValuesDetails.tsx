import { useTranslation } from 'react-i18next';
import { toCsv, type CsvCell } from '../lib/csv';
import { downloadBlob } from '../lib/download';
import { ValueTable } from './ValueTable';
import './chartValues.css';

/** Props of {@link ValuesDetails}. */
export interface ValuesDetailsProps {
  /** Shown in the closed summary, e.g. "Values (table, CSV)". */
  summary: string;
  caption: string;
  head: string[];
  /** Data rows: numbers are shown to 6 significant digits and written to the CSV to 12 (exact). */
  rows: CsvCell[][];
  /** File name of the CSV download, e.g. "band-accuracy.csv". */
  csvName: string;
  /** Text shown under the table (e.g. the worst cell), or none. */
  note?: string;
  testId?: string;
}

/** Table text of a cell: a number to 6 significant digits (0.03125, 87.1111), '—' for none. */
const cellText = (c: CsvCell): string =>
  typeof c === 'number' && Number.isFinite(c)
    ? String(Number(c.toPrecision(6)))
    : c === null || c === undefined || typeof c === 'number'
      ? '—'
      : String(c);

/**
 * A chart's exact values on request: a closed `<details>` holding a table of the values (the
 * table of ./ChartImage, shown) and a button that saves the same rows as CSV (RFC 4180).
 */
export function ValuesDetails({ summary, caption, head, rows, csvName, note, testId }: ValuesDetailsProps) {
  const { t } = useTranslation();
  return (
    <details className="chart-values" data-testid={testId}>
      <summary>{summary}</summary>
      <div className="table-scroll">
        <ValueTable className="compact" caption={caption} head={head} rows={rows.map((r) => r.map(cellText))} />
      </div>
      {note ? <p className="muted">{note}</p> : null}
      <button type="button" onClick={() => downloadBlob(csvName, toCsv(head, rows), 'text/csv')}>
        {t('values.csv')}
      </button>
    </details>
  );
}
