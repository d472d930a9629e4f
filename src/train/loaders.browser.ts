/**
 * The browser's CIFAR-10 loader for {@link LabSession}: from a URL (IndexedDB cache first) or
 * from files the user picked. DOM-free (fetch, IndexedDB and File exist in workers).
 */
import { loadCifar10FromFiles, loadCifar10FromUrl } from '../data/index';
import type { DataLoader } from './session';

/** Loads by DataSource kind; `origin` says whether bytes came from the network, cache or files. */
export const browserDataLoader: DataLoader = async (source, onProgress) => {
  if (source.kind === 'url') return loadCifar10FromUrl(source.baseUrl, onProgress);
  const dataset = await loadCifar10FromFiles(source.files, onProgress);
  return { dataset, origin: 'files' };
};
