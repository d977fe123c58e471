'use strict';
// terminate() stops a worker stuck in a loop; the promise gives exit code 1.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker(`
  require('node:worker_threads').parentPort.postMessage('looping');
  for (;;) {}
`, { eval: true });
w.on('message', common.mustCall(() => {
  w.terminate().then(common.mustCall((code) => {
    assert.strictEqual(code, 1);
  }));
}));
w.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));
