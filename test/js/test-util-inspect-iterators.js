'use strict';
// Map and Set iterators are previewed from their current position without
// being advanced.
require('./common');
const assert = require('node:assert');
const { inspect } = require('node:util');

const map = new Map([['a', 1], ['b', 2]]);
const entries = map.entries();
assert.strictEqual(inspect(entries), "[Map Entries] { [ 'a', 1 ], [ 'b', 2 ] }");
assert.strictEqual(inspect(entries), "[Map Entries] { [ 'a', 1 ], [ 'b', 2 ] }");
entries.next();
assert.strictEqual(inspect(entries), "[Map Entries] { [ 'b', 2 ] }");
assert.deepStrictEqual(entries.next().value, ['b', 2]);
assert.strictEqual(inspect(map.keys()), "[Map Iterator] { 'a', 'b' }");
assert.strictEqual(inspect(map.values(), { maxArrayLength: 1 }),
                   '[Map Iterator] { 1, ... 1 more item }');
const set = new Set([1, 3]);
assert.strictEqual(inspect(set.values()), '[Set Iterator] { 1, 3 }');
assert.strictEqual(inspect(set.entries()), '[Set Entries] { [ 1, 1 ], [ 3, 3 ] }');
