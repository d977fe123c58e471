'use strict';
// An AsyncResource made while a destroy hook is enabled reports destroy once
// it is garbage-collected (gc() under --expose-gc collects at once); one made
// with requireManualDestroy does not.
require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const child = spawnSync(process.execPath, ['--expose-gc', '-e', `
  const { createHook, AsyncResource } = require('node:async_hooks');
  const ids = new Map();
  const destroyed = [];
  createHook({
    init(id, type) { if (type.startsWith('X_')) ids.set(id, type); },
    destroy(id) { if (ids.has(id)) destroyed.push(ids.get(id)); },
  }).enable();
  (function make() {
    new AsyncResource('X_AUTO');
    new AsyncResource('X_MANUAL', { requireManualDestroy: true });
  })();
  let rounds = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < 1000; i++) new Array(100);
    globalThis.gc();
    if (destroyed.length > 0 || ++rounds === 50) {
      clearInterval(timer);
      setImmediate(() => console.log(destroyed.join(',')));
    }
  }, 10);
`], { encoding: 'utf8' });
assert.strictEqual(child.stderr, '');
assert.strictEqual(child.stdout, 'X_AUTO\n');
