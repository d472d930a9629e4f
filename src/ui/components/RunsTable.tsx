import { memo } from 'react';
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
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const summaries = summarizeRuns(runs);
  return (
    <section className="panel" aria-labelledby="runs-h">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <h2 id="runs-h">Runs</h2>
        <span className="muted">
          {runs.length} run{runs.length === 1 ? '' : 's'} (kept in this browser)
        </span>
        <div className="buttons presenter-hide" style={{ marginLeft: 'auto', marginTop: 0 }}>
          <button
            type="button"
            disabled={!runs.length}
            onClick={() => downloadBlob(`octconv-runs-${stamp}.csv`, runsToCsv(runs), 'text/csv')}
          >
            Export CSV
          </button>
          <button
            type="button"
            disabled={!runs.length}
            onClick={() => downloadBlob(`octconv-runs-${stamp}.json`, runsToJson(runs, summaries), 'application/json')}
          >
            Export JSON
          </button>
          <button
            type="button"
            disabled={!summaries.length}
            onClick={() => downloadBlob(`octconv-summary-${stamp}.csv`, summaryToCsv(summaries), 'text/csv')}
          >
            Export summary CSV
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table data-testid="runs-table" className="runs-table">
          <thead>
            <tr>
              <th className="left" title="select the run whose confusion matrix is shown">
                select
              </th>
              <th className="left presenter-hide">show</th>
              <th className="left">α</th>
              <th title="model family and size: R8 = Oct-ResNet-8, MBv1×1 = Oct-MobileNet v1 at width 1">model</th>
              <th>params</th>
              <th>MMACs</th>
              <th>
                MACs
                <br />% vanilla
              </th>
              <th>
                act.
                <br />
                mem
              </th>
              <th>
                mem
                <br />% vanilla
              </th>
              <th>top-1 %</th>
              <th>top-5 %</th>
              <th>img/s</th>
              <th>time (s)</th>
              <th className="left">backend</th>
              <th className="left">status</th>
              <th className="presenter-hide">
                <span className="sr-only">actions</span>
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
                    <label title="show this run's confusion matrix and per-class accuracy">
                      <input
                        type="radio"
                        name="run-select"
                        checked={selected}
                        onChange={() => onSelect(r.id)}
                        onClick={(e) => e.stopPropagation()}
                        aria-label={`select run #${r.number} (α=${formatAlpha(r.config.alpha)}) for the confusion matrix`}
                        data-testid="run-select"
                      />
                      #{r.number}
                    </label>
                  </td>
                  <td className="left presenter-hide">
                    <input
                      type="checkbox"
                      checked={r.visible}
                      aria-label={`show run #${r.number} (α=${formatAlpha(r.config.alpha)}) in the charts`}
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
                      r.message ?? (r.firstStepMs !== null ? `first step ${r.firstStepMs.toFixed(0)} ms after start` : undefined)
                    }
                  >
                    {r.status}
                    {r.message ? ` — ${errorHint(r.message) ?? r.message.slice(0, 60)}` : ''}
                  </td>
                  <td className="presenter-hide actions">
                    <button
                      type="button"
                      disabled={r.id === activeId}
                      aria-label={`delete run #${r.number} (α=${formatAlpha(r.config.alpha)})`}
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
