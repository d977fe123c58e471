'use strict';
// assert.match/doesNotMatch and assert.ifError messages and error shapes.
require('./common');
const assert = require('node:assert');

assert.match('I will pass', /pass$/);
assert.doesNotMatch('I will pass', /fail$/);
assert.throws(() => assert.match('string', /abc/), {
  actual: 'string',
  expected: /abc/,
  operator: 'match',
  generatedMessage: true,
  message: "The input did not match the regular expression /abc/. Input:\n\n'string'\n",
});
assert.throws(() => assert.doesNotMatch('string', /string/, 'custom'), {
  operator: 'doesNotMatch',
  generatedMessage: false,
  message: 'custom',
});
assert.throws(() => assert.match({ abc: 123 }, /abc/), {
  message: 'The "string" argument must be of type string. Received type object ({ abc: 123 })',
});
assert.throws(() => assert.match('x', 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "regexp" argument must be an instance of RegExp. Received type string (\'x\')',
});

assert.ifError(null);
assert.ifError(undefined);
const original = new Error('test error');
assert.throws(() => assert.ifError(original), (err) => {
  assert.strictEqual(err.message, 'ifError got unwanted exception: test error');
  assert.strictEqual(err.actual, original);
  assert.strictEqual(err.expected, null);
  assert.strictEqual(err.operator, 'ifError');
  return true;
});
assert.throws(() => assert.ifError(new TypeError()), {
  message: 'ifError got unwanted exception: TypeError',
});
assert.throws(() => assert.ifError(false), { message: 'ifError got unwanted exception: false' });
assert.throws(() => assert.ifError({ stack: false }), {
  message: 'ifError got unwanted exception: { stack: false }',
});
