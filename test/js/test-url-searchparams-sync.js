'use strict';
// url.searchParams and url.search stay in step in both directions.
require('./common');
const assert = require('node:assert');

const u = new URL('http://h/p?a=1&b=2#frag');
const params = u.searchParams;
assert.strictEqual(params.get('a'), '1');
params.append('c', 'x y');
assert.strictEqual(u.href, 'http://h/p?a=1&b=2&c=x+y#frag');
assert.strictEqual(u.hash, '#frag');
params.delete('a');
params.delete('b');
params.delete('c');
assert.strictEqual(u.href, 'http://h/p#frag');
assert.strictEqual(u.search, '');
u.search = '?z=%20';
assert.strictEqual(params.get('z'), ' ');
u.href = 'http://other/?k=v';
assert.strictEqual(params.get('k'), 'v');
assert.strictEqual(u.searchParams, params);
params.set('k', 'w');
assert.strictEqual(u.href, 'http://other/?k=w');
u.hash = 'h';
params.sort();
assert.strictEqual(u.href, 'http://other/?k=w#h');
