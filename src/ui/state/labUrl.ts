/**
 * URL ⇄ lab state, driven by LAB_SCHEMA (./labSchema.ts). Parsing never throws: a bad value
 * (out of range, wrong type, unknown name, hostile text) falls back to the default and adds a
 * human-readable notice that the page shows. DOM-free (takes and returns query strings).
 */
import type { TrainConfig } from '../../train/protocol';
import { validateTrainConfig } from '../../train/face';
import {
  LAB_PARAM_NAMES,
  LAB_SCHEMA,
  defaultLabState,
  type LabState,
  type NumberListSpec,
  type NumberSpec,
  type ParamSpec,
} from './labSchema';
import { t as tr } from '../i18n';

/** Suffix of a parameter that hides the control of the same name (`alpha_hide=1`). */
export const HIDE_SUFFIX = '_hide';
/** Longest value echoed back in a notice (hostile URLs must not flood the page). */
const MAX_ECHO = 40;
/** Most notices one URL yields; the rest are summarised in one more line. */
export const MAX_URL_NOTICES = 8;

/** Keeps the first {@link MAX_URL_NOTICES} notices and summarises the rest in one line. */
export function capNotices(notices: string[]): string[] {
  if (notices.length <= MAX_URL_NOTICES) return notices;
  const rest = notices.length - MAX_URL_NOTICES;
  return [...notices.slice(0, MAX_URL_NOTICES), tr('url.more', { count: rest, rest, all: notices.length })];
}

/** Result of parsing a URL query. */
export interface ParsedLabUrl {
  state: LabState;
  /** Names of the controls hidden by `<name>_hide`. */
  hidden: Set<keyof LabState>;
  /** One message per rejected parameter, e.g. "alpha=7 is out of range …; using 0.25". */
  notices: string[];
}

/** Shorten and quote a user-provided value for a notice. */
function echo(v: string): string {
  const s = v.length > MAX_ECHO ? `${v.slice(0, MAX_ECHO)}…` : v;
  return JSON.stringify(s);
}

function describeRange(spec: NumberSpec | NumberListSpec): string {
  const r = spec.range;
  const lo = r.minExclusive ? `> ${r.min}` : `≥ ${r.min}`;
  return tr('url.range', { kind: r.integer ? tr('url.integer') : tr('url.number'), low: lo, max: r.max });
}

function checkNumber(spec: NumberSpec | NumberListSpec, text: string): number | string {
  const t = text.trim();
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return tr('url.notNumber');
  const v = Number(t);
  const r = spec.range;
  if (!Number.isFinite(v)) return tr('url.notFinite');
  if (r.integer && !Number.isInteger(v)) return tr('url.mustBe', { range: describeRange(spec) });
  if ((r.minExclusive ? v <= r.min : v < r.min) || v > r.max) return tr('url.outOfRange', { range: describeRange(spec) });
  return v;
}

/** Parse one raw value against its spec: the value, or an error phrase for the notice. */
function parseValue(spec: ParamSpec, raw: string): { value: unknown } | { error: string } {
  switch (spec.kind) {
    case 'number': {
      if (spec.optional && (raw === '' || raw === 'all' || raw === 'none')) return { value: null };
      const v = checkNumber(spec, raw);
      return typeof v === 'number' ? { value: v } : { error: v };
    }
    case 'enum':
      return spec.options.includes(raw) ? { value: raw } : { error: tr('url.oneOf', { options: spec.options.join(', ') }) };
    case 'boolean':
      if (raw === '1' || raw === 'true' || raw === '') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: tr('url.boolean') };
    case 'numberList': {
      const parts = raw.split(',').filter((p) => p.trim() !== '');
      if (parts.length === 0) return { error: tr('url.emptyList') };
      if (parts.length > spec.maxLength) return { error: tr('url.tooMany', { max: spec.maxLength }) };
      const out: number[] = [];
      for (const p of parts) {
        const v = checkNumber(spec, p);
        if (typeof v !== 'number') return { error: tr('url.contains', { entry: echo(p), error: v }) };
        out.push(v);
      }
      return { value: out };
    }
  }
}

function formatDefault(v: unknown): string {
  if (v === null) return tr('url.none');
  return Array.isArray(v) ? v.join(',') : String(v);
}

/**
 * Parse a query string (`location.search`, with or without '?') into a lab state.
 * Never throws. Unknown names, repeated names, bad values and configs that the engine's
 * validateTrainConfig rejects (e.g. depth 10 with basic blocks) each give a notice, and the
 * offending field keeps its default.
 */
export function parseLabUrl(search: string): ParsedLabUrl {
  const state = defaultLabState() as unknown as Record<string, unknown>;
  const hidden = new Set<keyof LabState>();
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: state as unknown as LabState, hidden, notices: [tr('url.unreadable')] };
  }
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    if (name.endsWith(HIDE_SUFFIX)) {
      const target = name.slice(0, -HIDE_SUFFIX.length);
      if (!(target in LAB_SCHEMA)) {
        notices.push(tr('url.noControl', { name: echo(name), target: echo(target) }));
      } else if (raw === '0' || raw === 'false') {
        hidden.delete(target as keyof LabState);
      } else if (raw === '1' || raw === 'true' || raw === '') {
        hidden.add(target as keyof LabState);
      } else {
        notices.push(tr('url.hideBoolean', { name: echo(name), raw: echo(raw), target: echo(target) }));
      }
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(LAB_SCHEMA, name)) {
      notices.push(tr('url.unknown', { name: echo(name) }));
      continue;
    }
    const key = name as keyof LabState;
    if (seen.has(name)) {
      notices.push(tr('url.repeated', { name }));
      continue;
    }
    seen.add(name);
    const spec = LAB_SCHEMA[key];
    const r = parseValue(spec, raw);
    if ('error' in r) {
      notices.push(tr('url.badValue', { name, raw: echo(raw), error: r.error, fallback: formatDefault(spec.default) }));
    } else if (spec.kind === 'numberList') {
      const list = r.value as number[];
      const unique = [...new Set(list)];
      if (unique.length < list.length) notices.push(tr('url.repeats', { name, raw: echo(raw), values: unique.join(',') }));
      state[key] = unique;
    } else {
      state[key] = r.value;
    }
  }
  // Cross-field checks by the engine's own validator: reset the named field and try again.
  for (let attempt = 0; attempt < LAB_PARAM_NAMES.length; attempt++) {
    try {
      validateTrainConfig(toTrainConfig(state as unknown as LabState));
      break;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const field = LAB_PARAM_NAMES.find((n) => message.startsWith(`${n} `));
      const fallback = defaultLabState() as unknown as Record<string, unknown>;
      if (!field || state[field] === fallback[field]) {
        notices.push(tr('url.defaultConfig', { message }));
        Object.assign(state, fallback, {
          sweep: state.sweep,
          theme: state.theme,
          presenter: state.presenter,
          x: state.x,
          lang: state.lang,
        });
        break;
      }
      notices.push(tr('url.defaultField', { message, fallback: formatDefault(fallback[field]) }));
      state[field] = fallback[field];
    }
  }
  return { state: state as unknown as LabState, hidden, notices: capNotices(notices) };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Serialise a lab state to a query string (without '?'): only values that differ from the
 * defaults, in schema order (booleans as 1/0, like the links people write), then the `<name>_hide=1` flags. parseLabUrl(serialiseLabUrl(s, h))
 * gives back s and h.
 */
export function serialiseLabUrl(state: LabState, hidden: Iterable<keyof LabState> = []): string {
  const params = new URLSearchParams();
  const defaults = defaultLabState();
  for (const name of LAB_PARAM_NAMES) {
    const v = state[name];
    if (sameValue(v, defaults[name])) continue;
    params.set(name, v === null ? 'all' : Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  for (const name of LAB_PARAM_NAMES) if ([...hidden].includes(name)) params.set(`${name}${HIDE_SUFFIX}`, '1');
  return params.toString();
}

/** The TrainConfig a lab state describes (nulls become absent optional fields). */
export function toTrainConfig(state: LabState, overrides: Partial<TrainConfig> = {}): TrainConfig {
  const c: TrainConfig = {
    depth: state.depth,
    widthMultiplier: state.widthMultiplier,
    alpha: state.alpha,
    block: state.block,
    epochs: state.epochs,
    batchSize: state.batchSize,
    learningRate: state.learningRate,
    momentum: state.momentum,
    weightDecay: state.weightDecay,
    labelSmoothing: state.labelSmoothing,
    schedule: state.schedule,
    seed: state.seed,
    augment: state.augment,
    flipTTA: state.flipTTA,
    readbackEvery: state.readbackEvery,
  };
  if (state.architecture && state.architecture !== 'resnet') c.architecture = state.architecture;
  if (state.trainLimit !== null) c.trainLimit = state.trainLimit;
  if (state.testLimit !== null) c.testLimit = state.testLimit;
  if (state.maxSteps !== null) c.maxSteps = state.maxSteps;
  return { ...c, ...overrides };
}
