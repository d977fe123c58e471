'use strict';
// Request: URL parsing, method normalization and validation, body rules,
// defaults of the other attributes, and clone().
require('./common');
const assert = require('node:assert');

assert.throws(() => new Request('/relative'), (err) => {
  assert.strictEqual(err.name, 'TypeError');
  assert.strictEqual(err.message, 'Failed to parse URL from /relative');
  assert.strictEqual(err.cause.code, 'ERR_INVALID_URL');
  return true;
});
assert.throws(() => new Request('http://u:p@a/'), {
  message: 'Request cannot be constructed from a URL that includes credentials: http://u:p@a/',
});
assert.throws(() => new Request('http://a/', { method: 'GET', body: 'x' }), {
  message: 'Request with GET/HEAD method cannot have body.',
});
assert.throws(() => new Request('http://a/', { method: 'CONNECT' }), {
  message: "'CONNECT' HTTP method is unsupported.",
});
assert.throws(() => new Request('http://a/', { method: 'b ad' }), {
  message: "'b ad' is not a valid HTTP method.",
});
assert.throws(() => new Request('http://a/', { mode: 'navigate' }), {
  message: 'Request constructor: invalid request mode navigate.',
});
assert.throws(() => new Request('http://a/', { method: 'POST', body: new ReadableStream() }), {
  message: 'RequestInit: duplex option is required when sending a body.',
});

const r = new Request('http://a/b?c#d', { method: 'post', body: 'xy', headers: { 'X-A': '1' } });
assert.strictEqual(r.method, 'POST');
assert.strictEqual(r.url, 'http://a/b?c#d');
assert.strictEqual(r.headers.get('content-type'), 'text/plain;charset=UTF-8');
assert.strictEqual(r.headers.get('x-a'), '1');
assert.strictEqual(new Request('http://a/', { method: 'delete' }).method, 'DELETE');
assert.strictEqual(new Request('http://a/', { method: 'Custom' }).method, 'Custom');
assert.strictEqual(r.mode, 'cors');
assert.strictEqual(r.credentials, 'same-origin');
assert.strictEqual(r.cache, 'default');
assert.strictEqual(r.redirect, 'follow');
assert.strictEqual(r.referrer, 'about:client');
assert.strictEqual(r.keepalive, false);
assert.strictEqual(r.signal.aborted, false);
assert.strictEqual(r.bodyUsed, false);

const copy = r.clone();
const derived = new Request(r);
assert.strictEqual(r.bodyUsed, true);
assert.throws(() => new Request(r), {
  message: 'Cannot construct a Request with a Request object that has already been used.',
});
Promise.all([copy.text(), derived.text()]).then((texts) => {
  assert.deepStrictEqual(texts, ['xy', 'xy']);
});

// The request's signal follows the init signal.
const controller = new AbortController();
const req = new Request('http://a/', { signal: controller.signal });
controller.abort('why');
assert.strictEqual(req.signal.aborted, true);
assert.strictEqual(req.signal.reason, 'why');
