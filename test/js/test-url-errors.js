'use strict';
// URL errors: ERR_INVALID_URL with input and base, missing arguments, parse and canParse.
require('./common');
const assert = require('node:assert');

assert.throws(() => new URL('http://a b/'), {
  name: 'TypeError', code: 'ERR_INVALID_URL', message: 'Invalid URL', input: 'http://a b/',
});
assert.throws(() => new URL('x', 'bad base'), (err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_URL');
  assert.strictEqual(err.input, 'x');
  assert.strictEqual(err.base, 'bad base');
  return true;
});
assert.throws(() => new URL('http://[::1/'), { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL('https://h:65536/'), { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => URL.canParse(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => new URL(Symbol('x')), TypeError);
assert.strictEqual(URL.canParse('x', 'http://a/'), true);
assert.strictEqual(URL.canParse('x', 'nope'), false);
assert.strictEqual(URL.canParse('http://a:99999/'), false);
assert.strictEqual(URL.parse('nope'), null);
assert.strictEqual(URL.parse('/x', 'https://a/').href, 'https://a/x');
assert.ok(URL.parse('https://a/') instanceof URL);
const u = new URL('http://a/');
assert.throws(() => { u.href = 'nope'; }, { code: 'ERR_INVALID_URL', input: 'nope' });
assert.strictEqual(u.href, 'http://a/');
assert.throws(() => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}),
              TypeError);
