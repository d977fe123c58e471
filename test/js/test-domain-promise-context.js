'use strict';
// Promise reactions, queueMicrotask callbacks and async functions started in
// domain.run() see that domain as process.domain.
const common = require('./common');
const assert = require('node:assert');
const domain = require('node:domain');

const d = domain.create();
d.run(() => {
  Promise.resolve().then(common.mustCall(() => assert.strictEqual(process.domain, d)));
  queueMicrotask(common.mustCall(() => assert.strictEqual(process.domain, d)));
  (async () => {
    await null;
    assert.strictEqual(process.domain, d);
  })().then(common.mustCall());
});
assert.notStrictEqual(process.domain, d);
