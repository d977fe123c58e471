'use strict';
// BroadcastChannel messages cross threads: a worker's channel receives what
// the main thread posts under the same name, and answers.
const common = require('./common');
const assert = require('node:assert');
const { Worker, BroadcastChannel } = require('node:worker_threads');

const bc = new BroadcastChannel('test-worker-bc');
const got = [];
bc.onmessage = common.mustCall((e) => {
  got.push(e.data);
  if (e.data === 'done') {
    assert.deepStrictEqual(got, ['echo hi', 'done']);
    bc.close();
  }
}, 2);
const w = new Worker(`
  const { BroadcastChannel, parentPort } = require('node:worker_threads');
  const bc = new BroadcastChannel('test-worker-bc');
  bc.onmessage = (e) => {
    bc.postMessage('echo ' + e.data);
    bc.postMessage('done');
    bc.close();
  };
  parentPort.postMessage('ready');
`, { eval: true });
w.on('message', common.mustCall(() => bc.postMessage('hi')));
