/*
 * Node entry of a tfjs-backend-wasm 4.22.0 pthread worker (worker_threads). The package hands its
 * pthread workers a blob: URL and the main script as a Blob, which Node's Worker and the worker's
 * importScripts (fs.readFileSync) cannot open; this file runs the package's own worker code
 * unchanged, with URL.createObjectURL answering the package's threaded-SIMD factory file for a Blob.
 * Started by src/tfjs-fixes/wasm-node-threads.ts.
 */
'use strict';
const factoryPath = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const { wasmWorkerContents } = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js');
const createObjectURL = URL.createObjectURL.bind(URL);
const revokeObjectURL = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (obj) => (obj instanceof Blob ? factoryPath : createObjectURL(obj));
URL.revokeObjectURL = (url) => (url === factoryPath ? undefined : revokeObjectURL(url));
// As the package does before making its Blob: the template literal holds real newlines inside "…".
new Function('require', '__filename', wasmWorkerContents.replace(/\n/g, '\\n'))(require, __filename);
