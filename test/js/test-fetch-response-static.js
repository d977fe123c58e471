'use strict';
// Response: the constructor's status checks, Response.json(), error() and
// redirect(), and the default Content-Type of each body kind.
require('./common');
const assert = require('node:assert');

assert.throws(() => new Response('x', { status: 99 }), {
  name: 'RangeError', message: 'init["status"] must be in the range of 200 to 599, inclusive.',
});
assert.throws(() => new Response('x', { status: 204 }), {
  name: 'TypeError', message: 'Response constructor: Invalid response status code 204',
});
assert.throws(() => new Response('x', { statusText: '\n' }), {
  name: 'TypeError', message: 'Invalid statusText',
});
assert.throws(() => Response.redirect('http://a/', 200), {
  name: 'RangeError', message: 'Invalid status code 200',
});
assert.throws(() => Response.redirect('/a'), {
  name: 'TypeError', message: 'Failed to parse URL from /a',
});

const r = new Response('hi', { status: 201, statusText: 'Made', headers: { 'x-a': '1' } });
assert.strictEqual(r.status, 201);
assert.strictEqual(r.ok, true);
assert.strictEqual(r.statusText, 'Made');
assert.strictEqual(r.type, 'default');
assert.strictEqual(r.url, '');
assert.strictEqual(r.redirected, false);
assert.strictEqual(r.headers.get('content-type'), 'text/plain;charset=UTF-8');

const e = Response.error();
assert.strictEqual(e.type, 'error');
assert.strictEqual(e.status, 0);
assert.strictEqual(e.ok, false);
assert.strictEqual(e.body, null);

const redirect = Response.redirect('http://a/b c', 301);
assert.strictEqual(redirect.status, 301);
assert.strictEqual(redirect.headers.get('location'), 'http://a/b%20c');

const json = Response.json({ a: [1] }, { status: 400 });
assert.strictEqual(json.status, 400);
assert.strictEqual(json.headers.get('content-type'), 'application/json');

const types = [
  [new URLSearchParams('a=1'), 'application/x-www-form-urlencoded;charset=UTF-8'],
  [new Blob(['x'], { type: 'a/b' }), 'a/b'],
  [new Blob(['x']), null],
  [new Uint8Array(1), null],
  [new ArrayBuffer(1), null],
];
for (const [body, type] of types) {
  assert.strictEqual(new Response(body).headers.get('content-type'), type);
}
assert.strictEqual(new Response(null).body, null);
json.json().then((value) => assert.deepStrictEqual(value, { a: [1] }));
