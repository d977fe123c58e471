'use strict';
// FinalizationRegistry callbacks run once their targets are collected.
require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const child = spawnSync(process.execPath, ['--expose-gc', '-e', `
  const seen = [];
  const registry = new FinalizationRegistry((held) => seen.push(held));
  (function register() {
    for (let i = 0; i < 5; i++) registry.register({ payload: new Array(1000).fill(i) }, i);
  })();
  let rounds = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < 1000; i++) new Array(100);
    globalThis.gc();
    if (seen.length === 5 || ++rounds === 50) {
      clearInterval(timer);
      console.log(seen.sort().join(','));
    }
  }, 10);
`], { encoding: 'utf8' });
assert.strictEqual(child.stderr, '');
assert.strictEqual(child.stdout, '0,1,2,3,4\n');
