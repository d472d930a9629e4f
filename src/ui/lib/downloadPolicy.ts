/**
 * When the data panel asks before downloading CIFAR-10 instead of starting on its own: a download
 * over ASK_ABOVE_BYTES on a metered or slow connection (Network Information API, where the browser
 * has it) or on a small or touch screen (a phone). A cached copy always loads without asking.
 */
import { t } from '../i18n';

/** Downloads larger than this ask first on a phone or a metered connection (50 MiB). */
export const ASK_ABOVE_BYTES = 50 * 1024 * 1024;

/** What the page knows about the device and its connection (every field optional: browsers differ). */
export interface DownloadEnv {
  /** navigator.connection.saveData: the user asked for less data. */
  saveData?: boolean;
  /** navigator.connection.effectiveType: 'slow-2g' | '2g' | '3g' | '4g'. */
  effectiveType?: string;
  /** navigator.connection.type, e.g. 'cellular' or 'wifi' (Chromium on Android). */
  type?: string;
  /** matchMedia('(max-width: 600px)'). */
  smallScreen?: boolean;
  /** matchMedia('(pointer: coarse)'): a touch screen. */
  coarsePointer?: boolean;
}

/** Why the page asks ('' when it does not): the connection or the screen, in words of the current language. */
export function askReason(env: DownloadEnv): string {
  if (env.saveData) return t('download.saveData');
  if (env.type === 'cellular') return t('download.cellular');
  if (env.effectiveType && /(^|-)(2g|3g)$/.test(env.effectiveType)) return t('download.slow', { type: env.effectiveType });
  if (env.smallScreen || env.coarsePointer) return t('download.phone');
  return '';
}

/**
 * Whether to ask before a URL load: only when nothing is cached, the download is over
 * ASK_ABOVE_BYTES (or of unknown size: CIFAR-10 is large) and {@link askReason} names a reason.
 */
export function shouldAskBeforeDownload(probe: { cached: boolean; downloadBytes: number | null }, env: DownloadEnv): boolean {
  if (probe.cached) return false;
  if (probe.downloadBytes !== null && probe.downloadBytes <= ASK_ABOVE_BYTES) return false;
  return askReason(env) !== '';
}

/** Reads {@link DownloadEnv} from this browser (navigator.connection, matchMedia); {} outside a page. */
export function readDownloadEnv(): DownloadEnv {
  if (typeof window === 'undefined') return {};
  const c = (navigator as { connection?: { saveData?: boolean; effectiveType?: string; type?: string } }).connection;
  const media = (q: string) => (typeof window.matchMedia === 'function' ? window.matchMedia(q).matches : false);
  return {
    saveData: c?.saveData,
    effectiveType: c?.effectiveType,
    type: c?.type,
    smallScreen: media('(max-width: 600px)'),
    coarsePointer: media('(pointer: coarse)'),
  };
}
