/**
 * "Save" reports the real outcome (issue 14 item 7). tfjs resolves its IndexedDB save when the
 * put request succeeds, before the transaction commits; a browser whose storage quota is
 * exhausted aborts the commit afterwards, and nothing is kept. The fault is reproduced in
 * fake-indexeddb by aborting the weights transaction right after its put succeeds.
 */
import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelToFiles, storeModel } from '../../src/train/model-io';

let model: tf.LayersModel;
const wasBrowser = tf.env().getBool('IS_BROWSER');

beforeAll(async () => {
  await tf.setBackend('cpu');
  // tfjs's IndexedDB handler needs a browser-like global (`self`) and IS_BROWSER.
  (globalThis as { self?: unknown }).self ??= globalThis;
  tf.env().set('IS_BROWSER', true);
  model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 10 })] });
});

afterAll(() => {
  tf.env().set('IS_BROWSER', wasBrowser);
  model.dispose();
});

/** Makes every put into tfjs's weights store ('models_store') abort its transaction at commit, as a full quota does. */
function exhaustQuota(): () => void {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const req = put.apply(this, args);
    if (this.name === 'models_store') req.addEventListener('success', () => this.transaction.abort());
    return req;
  };
  return () => void (proto.put = put);
}

describe('storeModel reads the model back', () => {
  it('a normal save is stored and read back equal', async () => {
    const files = await modelToFiles(model);
    expect(await storeModel(model, 'fits', files.weights)).toEqual({ stored: true });
  });

  it('with the quota exhausted the save is reported as not stored, with the reason', async () => {
    const files = await modelToFiles(model);
    const restore = exhaustQuota();
    try {
      // tfjs itself reports success: the fault is real.
      await expect(model.save('indexeddb://octconv-lab/raw')).resolves.toBeDefined();
      const outcome = await storeModel(model, 'full', files.weights);
      expect(outcome).toEqual({
        stored: false,
        reason: "the browser reported the write done but kept nothing under 'full' (storage full, or site data blocked)",
      });
    } finally {
      restore();
    }
    await expect(tf.loadLayersModel('indexeddb://octconv-lab/full')).rejects.toThrow(/Cannot find model/);
  });

  it('an earlier copy under the same name that differs is not taken for the new one', async () => {
    const files = await modelToFiles(model);
    const other = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 10 })] });
    await storeModel(other, 'same-name', (await modelToFiles(other)).weights);
    other.dispose();
    const restore = exhaustQuota();
    try {
      const outcome = await storeModel(model, 'same-name', files.weights);
      expect(outcome.stored).toBe(false);
      expect(outcome.stored === false && outcome.reason).toBe(
        `the copy kept under 'same-name' differs from the model (${files.weights.byteLength} weight bytes kept, ${files.weights.byteLength} saved; the write was not kept)`,
      );
    } finally {
      restore();
    }
  });
});
