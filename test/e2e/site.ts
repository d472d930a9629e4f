/** The production build every e2e file serves: built once per test run by ./buildSite.ts. */
import { resolve } from 'node:path';

export const E2E_SITE = resolve(__dirname, '../../test-artifacts/e2e-dist');
