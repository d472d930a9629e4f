/**
 * Cost figures for the cost panel and the runs table, counted by the training worker
 * (LabWorkerApi.cost builds the model there and counts it), memoised on the page so that moving α
 * back and forth asks once per configuration. The page itself never loads tfjs.
 */
import type { CostReport } from '../../octconv/types';
import type { ModelFields } from '../../train/face';

/** The fields of a config that determine its cost. */
export type CostKey = ModelFields;

/** Counts one configuration (the worker's LabWorkerApi.cost). */
export type CostCounter = (k: CostKey) => Promise<CostReport>;

const cache = new Map<string, Promise<CostReport>>();
let counter: CostCounter | null = null;
let waiting: ((c: CostCounter) => void)[] = [];

/** Sets where costs are counted (once the worker is up); queued requests then go out. */
export function setCostCounter(c: CostCounter): void {
  counter = c;
  for (const resolve of waiting) resolve(c);
  waiting = [];
}

function whenCounter(): Promise<CostCounter> {
  return counter ? Promise.resolve(counter) : new Promise((resolve) => waiting.push(resolve));
}

/**
 * Cost of an Oct-ResNet or Oct-MobileNet (CIFAR stem) for one 32×32×3 image (params, MACs,
 * activation elements, per layer, and the vanilla totals), memoised per (architecture, depth,
 * width, α, block); waits for the worker when it is not up yet.
 * @throws (rejects with) the worker's Error for an invalid config (e.g. odd spatial size).
 */
export function getCost(k: CostKey): Promise<CostReport> {
  const key = `${k.architecture ?? 'resnet'}/${k.block}/${k.depth}/${k.widthMultiplier}/${k.alpha}`;
  let p = cache.get(key);
  if (!p) {
    const fields: CostKey = {
      architecture: k.architecture,
      depth: k.depth,
      widthMultiplier: k.widthMultiplier,
      alpha: k.alpha,
      block: k.block,
    };
    p = whenCounter().then((count) => count(fields));
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
