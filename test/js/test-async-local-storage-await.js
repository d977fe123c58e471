'use strict';
// One async function keeps its AsyncLocalStorage store across every kind of
// await: promises, plain values, thenables, rejections, timers and async
// iteration; the caller's store is unchanged.
const common = require('./common');
const assert = require('node:assert');
const { AsyncLocalStorage } = require('node:async_hooks');
const { setTimeout: sleep } = require('node:timers/promises');

const als = new AsyncLocalStorage();
const seen = [];
const mark = () => seen.push(als.getStore());

async function* numbers() {
  yield 1;
  await null;
  yield 2;
}

async function work() {
  mark();
  await 0; mark();
  await null; mark();
  await sleep(1); mark();
  await Promise.resolve(); mark();
  await { then(r) { r(); } }; mark();
  await (async () => { await 0; mark(); })(); mark();
  try {
    await Promise.reject(new Error('no'));
  } catch {
    mark();
  }
  await new Promise((r) => setImmediate(r)); mark();
  for await (const n of numbers()) { assert.ok(n); mark(); }
  return 'done';
}

als.run('store', work).then(common.mustCall((value) => {
  assert.strictEqual(value, 'done');
  assert.strictEqual(seen.length, 12);
  assert.deepStrictEqual(new Set(seen), new Set(['store']));
}));
assert.strictEqual(als.getStore(), undefined);

// enterWith() sets the store for the rest of this execution and what it schedules.
setTimeout(common.mustCall(() => {
  als.enterWith('entered');
  assert.strictEqual(als.getStore(), 'entered');
  setImmediate(common.mustCall(() => assert.strictEqual(als.getStore(), 'entered')));
}), 5);
