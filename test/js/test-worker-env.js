'use strict';
// A worker gets a copy of process.env (or options.env); SHARE_ENV shares it.
const common = require('./common');
const assert = require('node:assert');
const { Worker, SHARE_ENV } = require('node:worker_threads');

process.env.CAIRN_WORKER_TEST = 'parent';
const code = `
  const { parentPort } = require('node:worker_threads');
  const before = process.env.CAIRN_WORKER_TEST;
  process.env.CAIRN_WORKER_TEST = 'child';
  process.env.NUM = 5;
  parentPort.postMessage([before, process.env.NUM]);
`;
const w1 = new Worker(code, { eval: true });
w1.on('message', common.mustCall((m) => assert.deepStrictEqual(m, ['parent', '5'])));
w1.on('exit', common.mustCall(() => {
  assert.strictEqual(process.env.CAIRN_WORKER_TEST, 'parent');
  const w2 = new Worker(code, { eval: true, env: { CAIRN_WORKER_TEST: 'given' } });
  w2.on('message', common.mustCall((m) => assert.deepStrictEqual(m, ['given', '5'])));
  w2.on('exit', common.mustCall(() => {
    const w3 = new Worker(code, { eval: true, env: SHARE_ENV });
    w3.on('exit', common.mustCall(() => {
      assert.strictEqual(process.env.CAIRN_WORKER_TEST, 'child');
    }));
  }));
}));
