/**
 * A Vite plugin that stops tfjs from reading its flags from the page URL. tfjs-core's
 * Environment constructor parses `location.search` with decodeURIComponent (so `/?x=%` throws
 * "URI malformed" when tfjs loads) and applies `?tfjsflags=NAME:value` to any registered flag
 * (so `/?tfjsflags=DEBUG:true` makes tfjs evaluate unregistered flags and throw). A lab link must
 * never configure tfjs, so `populateURLFlags` becomes a no-op in the page and the workers.
 */
import type { Plugin } from 'vite';

/** The method tfjs-core 4.x defines in dist/environment.js. */
const METHOD = 'populateURLFlags() {';

/** See the file comment. Fails the build when tfjs-core's environment module no longer has the method. */
export function tfjsNoUrlFlags(): Plugin {
  return {
    name: 'octconv:tfjs-no-url-flags',
    enforce: 'pre',
    transform(code, id) {
      if (!/tfjs-core[\\/]dist[\\/]environment\.js$/.test(id.split('?')[0])) return null;
      if (!code.includes(METHOD)) this.error(`tfjs-core's ${id} has no '${METHOD}': update scripts/vite/tfjs-no-url-flags.ts`);
      return { code: code.replace(METHOD, `${METHOD} return; // lab links never set tfjs flags\n`), map: null };
    },
  };
}
