'use strict';
// terminate() stops a worker that waits in its loop; a second terminate()
// after 'exit' resolves to undefined.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker(`
  setInterval(() => {}, 1000);
  require('node:worker_threads').parentPort.postMessage('ready');
`, { eval: true });
w.once('message', common.mustCall(async () => {
  const code = await w.terminate();
  assert.strictEqual(code, 1);
  assert.strictEqual(await w.terminate(), undefined);
}));
