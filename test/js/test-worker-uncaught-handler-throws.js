'use strict';
// An 'uncaughtException' handler that throws in a worker: as in node 22, the
// handler's error reaches the parent as the Worker's 'error', the worker's own
// 'exit' listeners do not run, and the exit code is 1 (a process would print
// the error and exit with 7).
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const ran = new Int32Array(new SharedArrayBuffer(4));
const w = new Worker(`
  const { workerData } = require('node:worker_threads');
  process.on('exit', () => { workerData[0] = 1; process.exitCode = 5; });
  process.on('uncaughtException', () => { throw new TypeError('from handler'); });
  setTimeout(() => { throw new Error('first'); }, 1);
`, { eval: true, workerData: ran });
w.on('error', common.mustCall((err) => {
  assert.ok(err instanceof TypeError);
  assert.strictEqual(err.message, 'from handler');
}));
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 1);
  assert.strictEqual(ran[0], 0);
}));
