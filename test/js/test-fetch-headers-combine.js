'use strict';
// Headers: names are case-insensitive, values are trimmed and combined with
// ", ", iteration is sorted by lower-cased name, and set-cookie values stay
// apart (getSetCookie).
require('./common');
const assert = require('node:assert');
const util = require('node:util');

const h = new Headers([['B', '1'], ['a', ' 2\t'], ['set-cookie', 'x=1'], ['Set-Cookie', 'y=2'],
  ['b', '3']]);
assert.strictEqual(h.get('b'), '1, 3');
assert.strictEqual(h.get('A'), '2');
assert.strictEqual(h.get('set-cookie'), 'x=1, y=2');
assert.strictEqual(h.get('missing'), null);
assert.strictEqual(h.has('SET-COOKIE'), true);
assert.deepStrictEqual(h.getSetCookie(), ['x=1', 'y=2']);
assert.deepStrictEqual([...h], [['a', '2'], ['b', '1, 3'], ['set-cookie', 'x=1'],
  ['set-cookie', 'y=2']]);
assert.deepStrictEqual([...h.keys()], ['a', 'b', 'set-cookie', 'set-cookie']);
assert.deepStrictEqual([...h.values()], ['2', '1, 3', 'x=1', 'y=2']);
assert.strictEqual(util.inspect(h), "Headers { B: '1, 3', a: '2', 'set-cookie': 'x=1, y=2' }");

h.set('b', 'z');
h.delete('set-cookie');
assert.deepStrictEqual(h.getSetCookie(), []);
const seen = [];
h.forEach(function(value, name, self) {
  assert.strictEqual(this, seen);
  assert.strictEqual(self, h);
  seen.push(`${name}=${value}`);
}, seen);
assert.deepStrictEqual(seen, ['a=2', 'b=z']);

// A record and another Headers object initialize too.
const r = new Headers({ 'X-One': '1', 'x-two': '2' });
assert.deepStrictEqual([...new Headers(r)], [['x-one', '1'], ['x-two', '2']]);
// Iterating while mutating sees the live list.
const it = r.keys();
assert.strictEqual(it.next().value, 'x-one');
r.append('x-three', '3');
assert.strictEqual(it.next().value, 'x-three');
assert.strictEqual(Object.prototype.toString.call(it), '[object Headers Iterator]');
