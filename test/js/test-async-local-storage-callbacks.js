'use strict';
// AsyncLocalStorage stores follow timers, intervals, immediates, nextTick,
// queueMicrotask and promise callbacks, each keeping the store it was
// scheduled with; run() and exit() scope synchronously.
const common = require('./common');
const assert = require('node:assert');
const { AsyncLocalStorage } = require('node:async_hooks');

const als = new AsyncLocalStorage();
assert.strictEqual(als.getStore(), undefined);

function check(expected) {
  return common.mustCall(() => assert.strictEqual(als.getStore(), expected));
}

for (const store of ['a', 'b']) {
  als.run(store, () => {
    assert.strictEqual(als.getStore(), store);
    setTimeout(check(store), 1);
    setImmediate(check(store));
    process.nextTick(check(store));
    queueMicrotask(check(store));
    Promise.resolve().then(check(store));
    Promise.reject(new Error('x')).catch(check(store)).finally(check(store));
    const interval = setInterval(common.mustCall(() => {
      assert.strictEqual(als.getStore(), store);
      clearInterval(interval);
    }), 1);
    als.exit(() => assert.strictEqual(als.getStore(), undefined));
    als.run('inner', () => assert.strictEqual(als.getStore(), 'inner'));
    assert.strictEqual(als.getStore(), store);
  });
}
assert.strictEqual(als.getStore(), undefined);
setTimeout(check(undefined), 2);

// Each storage has its own slot.
const other = new AsyncLocalStorage();
als.run(1, () => other.run(2, () => {
  setTimeout(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 1);
    assert.strictEqual(other.getStore(), 2);
  }), 1);
}));

// A promise callback keeps the store of the then() call, not of the resolve().
let resolve;
const p = new Promise((r) => { resolve = r; });
als.run('then-time', () => p.then(check('then-time')));
als.run('resolve-time', () => setTimeout(() => resolve(), 1));
