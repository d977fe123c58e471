'use strict';
// fetch, Headers, Request, Response, FormData and WebSocket are globals with
// node's property attributes; fetch is a plain (not async) function.
require('./common');
const assert = require('node:assert');

for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'WebSocket']) {
  assert.strictEqual(typeof globalThis[name], 'function');
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(typeof desc.value, 'function', name);
  assert.strictEqual(desc.writable, true);
  assert.strictEqual(desc.configurable, true);
  assert.strictEqual(desc.enumerable, name === 'fetch', name);
}
assert.strictEqual(fetch.length, 1);
assert.strictEqual(fetch.name, 'fetch');
assert.strictEqual(Object.getPrototypeOf(fetch), Function.prototype);
assert.strictEqual(Object.prototype.toString.call(new Headers()), '[object Headers]');
assert.strictEqual(Object.prototype.toString.call(new FormData()), '[object FormData]');
assert.strictEqual(Object.prototype.toString.call(new Response()), '[object Response]');
assert.strictEqual(Object.prototype.toString.call(new Request('http://a/')), '[object Request]');
assert.throws(() => Headers(), TypeError);
