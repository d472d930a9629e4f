/**
 * SHA-256 of downloaded files with the platform's SubtleCrypto (browser, worker, Node 20), so the
 * browser loader can check the bytes against the `manifest.json` that `npm run data` writes.
 */

/** True where SubtleCrypto exists: secure contexts (https, localhost, 127.0.0.1) and Node. */
export function canHash(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.digest === 'function';
}

/**
 * Lower-case hex SHA-256 of `bytes`.
 * @throws Error when SubtleCrypto is unavailable (an http:// page that is not localhost).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (!canHash()) throw new Error('SubtleCrypto is unavailable (the page is not a secure context: https or localhost)');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
