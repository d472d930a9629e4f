import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { alphaVar } from '../lib/alphaColor';
import { formatBytes, formatMMacs, formatPercent } from '../lib/costMath';
import { downloadBlob } from '../lib/download';
import { runsToCsv, runsToJson, summaryToCsv } from '../lib/runExport';
import type { RunRecord } from '../lib/runs';
import { formatAlpha } from '../lib/formatAlpha';
import { shortModelName } from '../lib/modelLabel';
import { errorHint } from '../lib/runSummary';
import { summarizeRuns } from '../lib/runStats';
import { SweepSummary } from './SweepSummary';

/** Props of {@link RunsTable}. */
export interface RunsTableProps {
  runs: RunRecord[];
  /** Run whose confusion matrix / per-class accuracy is shown. */
  selectedId: string | null;
  onSelect(id: string): void;
  onToggleVisible(id: string, visible: boolean): void;
  onDelete(ids: string[]): void;
  /** The active run cannot be deleted. */
  activeId: string | null;
}

/** MIME type of each export's file kind. */
const MIME = { csv: 'text/csv', json: 'application/json' } as const;

const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(1)}`);

/**
 * Every run: α, model (R8, MBv1×1), params, MMACs (% of vanilla), activation memory (float32, one image,
 * % of vanilla), top-1, top-5, images/s, time, backend, status; show/hide in the charts, select,
 * delete, export CSV / JSON (paper Table 2 layout).
 */
export const RunsTable = memo(function RunsTable({
  runs,
  selectedId,
  onSelect,
  onToggleVisible,
  onDelete,
  activeId,
}: RunsTableProps) {
  const { t } = useTranslation();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const summaries = summarizeRuns(runs);
  // The downloads: file name (stamped) and kind, and the text, made when clicked.
  const exports = [
    { label: 'runs.exportCsv', empty: !runs.length, name: 'octconv-runs', ext: 'csv', text: () => runsToCsv(runs) },
    { label: 'runs.exportJson', empty: !runs.length, name: 'octconv-runs', ext: 'json', text: () => runsToJson(runs, summaries) },
    {
      label: 'runs.exportSummary',
      empty: !summaries.length,
      name: 'octconv-summary',
      ext: 'csv',
      text: () => summaryToCsv(summaries),
    },
  ] as const;
  return (
    <section className="panel" aria-labelledby="runs-h">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <h2 id="runs-h">{t('runs.title')}</h2>
        <span className="muted">{t('runs.count', { count: runs.length })}</span>
        <div className="buttons presenter-hide" style={{ marginLeft: 'auto', marginTop: 0 }}>
          {exports.map(({ label, empty, name, ext, text }) => (
            <button
              key={label}
              type="button"
              disabled={empty}
              onClick={() => downloadBlob(`${name}-${stamp}.${ext}`, text(), MIME[ext])}
            >
              {t(label)}
            </button>
          ))}
        </div>
      </div>
      <div className="table-scroll">
        <table data-testid="runs-table" className="runs-table">
          <thead>
            <tr>
              <th className="left" title={t('runs.selectTitle')}>
                {t('runs.select')}
              </th>
              <th className="left presenter-hide">{t('runs.show')}</th>
              <th className="left">α</th>
              <th title={t('runs.modelTitle')}>{t('runs.model')}</th>
              <th>{t('runs.params')}</th>
              <th>{t('runs.mmacs')}</th>
              <th>
                {t('runs.macs')}
                <br />
                {t('runs.pctVanilla')}
              </th>
              <th>
                {t('runs.act')}
                <br />
                {t('runs.mem')}
              </th>
              <th>
                {t('runs.mem')}
                <br />
                {t('runs.pctVanilla')}
              </th>
              <th>{t('runs.top1')}</th>
              <th>{t('runs.top5')}</th>
              <th>{t('runs.imgPerSec')}</th>
              <th>{t('runs.time')}</th>
              <th className="left">{t('runs.backend')}</th>
              <th className="left">{t('runs.status')}</th>
              <th className="presenter-hide">
                <span className="sr-only">{t('runs.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const c = r.cost;
              const selected = r.id === selectedId;
              return (
                <tr
                  key={r.id}
                  className={selected ? 'selected' : undefined}
                  aria-selected={selected}
                  data-testid="run-row"
                  data-status={r.status}
                  data-first-step-ms={r.firstStepMs ?? undefined}
                  onClick={() => onSelect(r.id)}
                >
                  <td className="select">
                    <label title={t('runs.selectRowTitle')}>
                      <input
                        type="radio"
                        name="run-select"
                        checked={selected}
                        onChange={() => onSelect(r.id)}
                        onClick={(e) => e.stopPropagation()}
                        aria-label={t('runs.selectRow', { number: r.number, alpha: formatAlpha(r.config.alpha) })}
                        data-testid="run-select"
                      />
                      #{r.number}
                    </label>
                  </td>
                  <td className="left presenter-hide">
                    <input
                      type="checkbox"
                      checked={r.visible}
                      aria-label={t('runs.showRow', { number: r.number, alpha: formatAlpha(r.config.alpha) })}
                      onChange={(e) => onToggleVisible(r.id, e.target.checked)}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </td>
                  <td className="left">
                    <span className="swatch" style={{ background: alphaVar(r.config.alpha) }} aria-hidden="true" />
                    {formatAlpha(r.config.alpha)}
                  </td>
                  <td data-testid="run-model">{shortModelName(r.config)}</td>
                  <td>{c ? c.params.toLocaleString() : '—'}</td>
                  <td>{c ? formatMMacs(c.macs) : '—'}</td>
                  <td>{c ? formatPercent(c.macs / c.vanilla.macs) : '—'}</td>
                  <td>{c ? formatBytes(c.activationElements * 4) : '—'}</td>
                  <td>{c ? formatPercent(c.activationElements / c.vanilla.activationElements) : '—'}</td>
                  <td data-testid="run-top1">{pct(r.test?.top1)}</td>
                  <td>{pct(r.test?.top5)}</td>
                  <td>{r.imagesPerSecond ? r.imagesPerSecond.toFixed(0) : '—'}</td>
                  <td>{r.elapsedMs !== null ? (r.elapsedMs / 1000).toFixed(1) : '—'}</td>
                  <td className="left">{r.backend ?? '—'}</td>
                  <td
                    className="left status"
                    title={
                      r.message ?? (r.firstStepMs !== null ? t('runs.firstStep', { ms: r.firstStepMs.toFixed(0) }) : undefined)
                    }
                  >
                    {t(`status.${r.status}`)}
                    {r.message ? ` — ${errorHint(r.message) ?? r.message.slice(0, 60)}` : ''}
                  </td>
                  <td className="presenter-hide actions">
                    <button
                      type="button"
                      disabled={r.id === activeId}
                      aria-label={t('runs.deleteRow', { number: r.number, alpha: formatAlpha(r.config.alpha) })}
                      onClick={(e) => {
                        e.stopPropagation();
                        onDelete([r.id]);
                      }}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SweepSummary summaries={summaries} />
    </section>
  );
});
