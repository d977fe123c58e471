'use strict';
// process.exit() in a worker ends it at once: the caller's catch and finally
// blocks do not run.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const flags = new Int32Array(new SharedArrayBuffer(8));
const w = new Worker(`
  const { workerData } = require('node:worker_threads');
  try {
    try { process.exit(3); } finally { workerData[1] = 1; }
  } catch { workerData[0] = 1; }
  workerData[0] = 2;
`, { eval: true, workerData: flags });
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 3);
  assert.deepStrictEqual([...flags], [0, 0]);
}));
