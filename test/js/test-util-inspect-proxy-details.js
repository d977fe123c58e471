'use strict';
// Proxies are inspected through their target, or shown with their handler
// when showProxy is set; revoked proxies are recognized.
require('./common');
const assert = require('node:assert');
const { inspect, types } = require('node:util');

const target = { a: 1 };
const handler = { get() { return 5; } };
const proxy = new Proxy(target, handler);
assert.strictEqual(inspect(proxy), '{ a: 1 }');
assert.strictEqual(inspect(proxy, { showProxy: true }),
                   'Proxy [ { a: 1 }, { get: [Function: get] } ]');
assert.strictEqual(types.isProxy(proxy), true);
assert.strictEqual(types.isProxy(target), false);
assert.strictEqual(types.isProxy(globalThis), false);
const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();
assert.strictEqual(inspect(revoked), '<Revoked Proxy>');
assert.strictEqual(inspect(new Proxy(function named() {}, {})), '[Function: named]');
