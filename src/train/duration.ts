/**
 * Durations as people read them, one format for the CLI progress bars (./sweep-progress.ts) and
 * the page's run progress (src/ui/lib/runProgress.ts). tfjs-free.
 */

/**
 * "1 h 02 min", "3 min 05 s", "42 s" for a duration in ms (rounded to whole seconds).
 * @param unknown what to show for null or a non-finite duration (nothing measured yet)
 */
export function formatDuration(ms: number | null, unknown = '?'): string {
  if (ms === null || !Number.isFinite(ms)) return unknown;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
