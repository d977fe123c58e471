'use strict';
// process.exit() inside a worker ends only the worker, with that exit code.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker(`
  process.on('exit', (code) => require('node:worker_threads').parentPort.postMessage('exit ' + code));
  process.exit(7);
  require('node:worker_threads').parentPort.postMessage('not reached');
`, { eval: true });
const got = [];
w.on('message', (m) => got.push(m));
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 7);
  assert.deepStrictEqual(got, ['exit 7']);
  setImmediate(common.mustCall());
}));
