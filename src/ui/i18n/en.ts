/**
 * The English catalogue: every UI string of src/ui, one section per area (./en/*.ts). English is
 * the reference: ./zhCN.ts must give every key (checked by `npm run typecheck`).
 */
import { page } from './en/page';

export const en = { ...page };
