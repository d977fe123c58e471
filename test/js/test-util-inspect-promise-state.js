'use strict';
// util.inspect reads a promise's state and result without settling handlers.
require('./common');
const assert = require('node:assert');
const { inspect } = require('node:util');

assert.strictEqual(inspect(Promise.resolve(3)), 'Promise { 3 }');
const rejected = Promise.reject(42);
rejected.catch(() => {});
assert.strictEqual(inspect(rejected), 'Promise { <rejected> 42 }');
assert.strictEqual(inspect(rejected, { depth: -1 }), '[Promise]');
assert.strictEqual(inspect(new Promise(() => {})), 'Promise { <pending> }');
assert.strictEqual(inspect(Promise.resolve({ a: [1] })), 'Promise { { a: [ 1 ] } }');
class Sub extends Promise {}
assert.strictEqual(inspect(Sub.resolve('s')), "Sub [Promise] { 's' }");
const p = Promise.resolve(1);
p.extra = true;
assert.strictEqual(inspect(p), 'Promise { 1, extra: true }');
