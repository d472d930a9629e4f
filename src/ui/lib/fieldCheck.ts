/**
 * Checking what a user typed into a number control against its schema range, and the one-line
 * reason that blocks Train while any control holds an invalid value (issue 14 item 9: a typed
 * learning rate 100 or batch 0 must never be replaced silently by the previous value). DOM-free.
 */
import type { NumberSpec } from '../state/labSchema';
import { t as tr } from '../i18n';

/** A typed value: the number to apply (null = empty optional field), or why it is refused. */
export type FieldCheck = { ok: true; value: number | null } | { ok: false; error: string };

/** Formats a range bound as the user would type it. */
const bound = (n: number) => String(n);

/**
 * Checks the text of a number control. Empty text is null for optional fields, else an error;
 * the error says what is allowed and repeats what was typed ("must be ≤ 10 (got 100)").
 */
export function checkNumberField(text: string, spec: NumberSpec): FieldCheck {
  const t = text.trim();
  if (t === '') return spec.optional ? { ok: true, value: null } : { ok: false, error: tr('field.enterNumber') };
  const v = Number(t);
  const r = spec.range;
  if (!Number.isFinite(v)) return { ok: false, error: tr('field.enterNumberGot', { text: t }) };
  if (r.integer && !Number.isInteger(v)) return { ok: false, error: tr('field.wholeNumber', { text: t }) };
  const low = r.minExclusive ? v <= r.min : v < r.min;
  if (low || v > r.max) {
    return {
      ok: false,
      error: tr('field.range', { op: r.minExclusive ? '>' : '≥', min: bound(r.min), max: bound(r.max), text: t }),
    };
  }
  return { ok: true, value: v };
}

/**
 * Why Train is blocked by invalid controls, or null when every control is valid.
 * @param errors control label → its error (controls without an error are absent).
 * @returns e.g. "Fix Learning rate (must be > 0 and ≤ 10 (got 100)) to train." — every bad field named.
 */
export function invalidFieldsReason(errors: Readonly<Record<string, string>>): string | null {
  const bad = Object.entries(errors);
  if (bad.length === 0) return null;
  return tr('blocked.fields', { fields: bad.map(([label, e]) => `${label}: ${e}`).join('; ') });
}
