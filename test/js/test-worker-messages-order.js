'use strict';
// Issue 7: 1,000,000 small messages from the main thread reach a worker in
// the order they were posted; the worker answers once, with the count.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const COUNT = 1000000;
const w = new Worker(`
  const { parentPort } = require('node:worker_threads');
  let next = 0;
  let bad = -1;
  parentPort.on('message', (m) => {
    if (bad < 0 && m !== next) bad = next;
    if (++next === ${COUNT}) parentPort.postMessage({ count: next, bad });
  });
`, { eval: true });

w.on('online', common.mustCall(() => {
  for (let i = 0; i < COUNT; i++) w.postMessage(i);
}));
w.on('message', common.mustCall((m) => {
  assert.deepStrictEqual(m, { count: COUNT, bad: -1 });
  w.terminate();
}));
