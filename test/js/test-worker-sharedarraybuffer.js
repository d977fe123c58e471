'use strict';
// A SharedArrayBuffer in workerData shares its memory with the worker.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const sab = new SharedArrayBuffer(8);
const view = new Int32Array(sab);
const w = new Worker(`
  const { workerData, parentPort } = require('node:worker_threads');
  const view = new Int32Array(workerData);
  Atomics.add(view, 0, 5);
  parentPort.postMessage([workerData.byteLength, workerData.constructor.name]);
`, { eval: true, workerData: sab });
w.on('message', common.mustCall((m) => {
  assert.deepStrictEqual(m, [8, 'SharedArrayBuffer']);
}));
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(Atomics.load(view, 0), 5);
}));
