/**
 * A dropped or chosen file that cannot be read (moved or deleted after it was chosen) is named,
 * with what to do, instead of the browser's bare "network error" (issue 14 item 11).
 */
import { describe, expect, it } from 'vitest';
import { loadCifar10FromFiles } from '../../src/data/index';
import { readChosenFile } from '../../src/data/face';
import { syntheticFiles } from '../data/fixtures';

/** A File-like whose read fails as Chromium's does for a file deleted after it was chosen. */
function vanished(name: string, size: number): Blob & { name: string } {
  const blob = new Blob([new Uint8Array(size)]);
  return Object.assign(blob, {
    name,
    stream: () => new ReadableStream<Uint8Array>({ pull: (c) => c.error(new TypeError('network error')) }),
  });
}

describe('unreadable chosen files', () => {
  it('loadCifar10FromFiles names the file that could not be read', async () => {
    const files = syntheticFiles(2).map((f) => Object.assign(new Blob([f.bytes as BlobPart]), { name: f.name }));
    files[2] = vanished(files[2].name, files[2].size);
    await expect(loadCifar10FromFiles(files, () => {}, { recordsPerFile: 2 })).rejects.toThrow(
      `${files[2].name} could not be read (TypeError: network error): it was moved, deleted or changed after you chose it, or the browser may not read it. Choose the file again.`,
    );
  });

  it('a model file read (text/arrayBuffer) that fails is named too', async () => {
    const err = Object.assign(new Error('The requested file could not be read'), { name: 'NotReadableError' });
    await expect(readChosenFile('m.weights.bin', () => Promise.reject(err))).rejects.toThrow(
      'm.weights.bin could not be read (NotReadableError: The requested file could not be read): it was moved',
    );
    await expect(readChosenFile('m.json', async () => 'ok')).resolves.toBe('ok');
  });
});
