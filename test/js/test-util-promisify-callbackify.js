'use strict';
// util.promisify (with util.promisify.custom) and util.callbackify.
const common = require('./common');
const assert = require('node:assert');
const { promisify, callbackify } = require('node:util');

function legacy(a, cb) {
  setImmediate(() => (a < 0 ? cb(new Error('neg')) : cb(null, a * 2)));
}
const p = promisify(legacy);
assert.strictEqual(promisify(p), p);
p(2).then(common.mustCall((v) => assert.strictEqual(v, 4)));
p(-1).catch(common.mustCall((e) => assert.strictEqual(e.message, 'neg')));

function custom() {}
custom[promisify.custom] = () => 'custom';
assert.strictEqual(promisify(custom)(), 'custom');
assert.strictEqual(promisify.custom, Symbol.for('nodejs.util.promisify.custom'));
assert.throws(() => promisify(42), { code: 'ERR_INVALID_ARG_TYPE' });

async function answer(x) { return x + 1; }
const cbAnswer = callbackify(answer);
assert.strictEqual(cbAnswer.name, 'answerCallbackified');
assert.strictEqual(cbAnswer.length, 2);
cbAnswer(1, common.mustSucceed((v) => assert.strictEqual(v, 2)));
callbackify(() => Promise.reject(null))(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_FALSY_VALUE_REJECTION');
  assert.strictEqual(err.reason, null);
}));
