/**
 * Cost figures for the cost panel and the runs table, computed on the page so that moving α
 * updates them at once, before any training and without waiting for a busy worker. countCost
 * (src/octconv) builds the tfjs model to count it, so the page loads tfjs lazily and runs it on
 * the cpu backend (building a model allocates its weights, nothing is executed).
 */
import type { CostReport } from '../../octconv/types';
import { modelConfigOf, type ModelFields } from '../../train/model-config';

/** The fields of a config that determine its cost. */
export type CostKey = ModelFields;

const cache = new Map<string, Promise<CostReport>>();
let tfReady: Promise<typeof import('../../octconv/index')> | null = null;

/** Load tfjs (cpu backend) and the octconv core once. */
function loadCore(): Promise<typeof import('../../octconv/index')> {
  tfReady ??= (async () => {
    // The core builds models with the @tensorflow/tfjs umbrella package: pin its engine to cpu.
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    await tf.ready();
    return import('../../octconv/index');
  })();
  return tfReady;
}

/**
 * Cost of an Oct-ResNet or Oct-MobileNet (CIFAR stem) for one 32×32×3 image (params, MACs, activation elements, per layer,
 * and the vanilla totals), memoised per (architecture, depth, width, α, block). The built model is disposed by countCost.
 * @throws Error from countCost for an invalid config (e.g. odd spatial size).
 */
export function getCost(k: CostKey): Promise<CostReport> {
  const key = `${k.architecture ?? 'resnet'}/${k.block}/${k.depth}/${k.widthMultiplier}/${k.alpha}`;
  let p = cache.get(key);
  if (!p) {
    p = loadCore().then(({ countCost }) => countCost(modelConfigOf(k, 0)));
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
