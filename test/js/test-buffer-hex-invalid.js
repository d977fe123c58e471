'use strict';
// Hex decoding stops at the first invalid pair and drops an odd last digit;
// filling with hex that decodes to nothing is an error.
require('./common');
const assert = require('node:assert');

assert.strictEqual(Buffer.from('abzz12', 'hex').toString('hex'), 'ab');
assert.strictEqual(Buffer.from('abc', 'hex').toString('hex'), 'ab');
assert.strictEqual(Buffer.from('zz', 'hex').length, 0);
assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);
assert.throws(() => Buffer.alloc(4).fill('zz', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The argument 'value' is invalid. Received 'zz'",
});
assert.strictEqual(Buffer.alloc(5).fill('0102', 'hex').toString('hex'), '0102010201');
