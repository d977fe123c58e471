'use strict';
// A worker echoes messages back through parentPort; workerData arrives cloned.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker(`
  const { parentPort, workerData, isMainThread, threadId } = require('node:worker_threads');
  parentPort.on('message', (m) => {
    parentPort.postMessage({ echo: m, workerData, isMainThread, threadId });
    parentPort.close();
  });
`, { eval: true, workerData: { list: [1, 2, 3], map: new Map([['a', 1]]) } });
w.on('message', common.mustCall((m) => {
  assert.deepStrictEqual(m.echo, { n: 42, d: new Date(0) });
  assert.deepStrictEqual(m.workerData, { list: [1, 2, 3], map: new Map([['a', 1]]) });
  assert.strictEqual(m.isMainThread, false);
  assert.strictEqual(m.threadId, w.threadId);
}));
w.on('online', common.mustCall());
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(w.threadId, -1);
}));
w.postMessage({ n: 42, d: new Date(0) });
