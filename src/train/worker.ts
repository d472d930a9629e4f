/**
 * The Web Worker entry (browser only): owns the tfjs backend, the dataset and the model, and
 * exposes a {@link LabSession} with comlink. The page creates it with
 * `new Worker(new URL('../train/worker.ts', import.meta.url), { type: 'module' })` and wraps it
 * with `comlink.wrap<LabWorkerApi>()`. Training in a worker keeps running in background tabs.
 */
import './wasm-paths.browser';
import * as comlink from 'comlink';
import { browserDataLoader } from './loaders.browser';
import { probeCifar10Url } from '../data/index';
import { LabSession } from './session';
import { setWasmThreadBudget } from './backend';

// A page running several training workers names each "… threads=N" with its share of the cores.
const budget = /threads=(\d+)/.exec((self as { name?: string }).name ?? '');
if (budget) setWasmThreadBudget(Number(budget[1]));
comlink.expose(new LabSession({ loadData: browserDataLoader, probeData: probeCifar10Url }));
