/**
 * Global setup of the e2e project: builds the lab once (scripts/browser/chromium.ts buildLabSite,
 * a production build with the page budget and the service worker) into {@link E2E_SITE}; every e2e
 * file serves that folder on its own port (its own origin, so caches and service workers stay apart).
 */
import { resolve } from 'node:path';
import { buildLabSite } from '../../scripts/browser/chromium';
import { E2E_SITE } from './site';

export default async function setup(): Promise<void> {
  await buildLabSite(resolve(__dirname, '../..'), E2E_SITE);
}
