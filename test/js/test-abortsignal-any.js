'use strict';
// AbortSignal.any() follows the first of its signals to abort, through
// nested any() signals too, and validates its input.
const assert = require('node:assert');

const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
const nested = AbortSignal.any([any]);
const order = [];
a.signal.addEventListener('abort', () => order.push('a'));
any.addEventListener('abort', () => order.push('any'));
nested.addEventListener('abort', () => order.push('nested'));
b.abort('first');
a.abort('second');
assert.strictEqual(any.reason, 'first');
assert.strictEqual(nested.reason, 'first');
assert.deepStrictEqual(order, ['any', 'nested', 'a']);

const already = AbortSignal.any([new AbortController().signal, AbortSignal.abort('r')]);
assert.strictEqual(already.aborted, true);
assert.strictEqual(already.reason, 'r');
assert.strictEqual(AbortSignal.any([]).aborted, false);
assert.throws(() => AbortSignal.any(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => AbortSignal.any([a.signal, 1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "signals[1]" argument must be an instance of AbortSignal. ' +
           'Received type number (1)',
});
