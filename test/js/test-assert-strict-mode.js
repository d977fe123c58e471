'use strict';
// node:assert/strict is assert.strict: the loose methods are the strict
// ones, and it has the same keys as node:assert.
require('./common');
const assert = require('node:assert');
const strict = require('node:assert/strict');

assert.strictEqual(strict, assert.strict);
assert.strictEqual(strict.strict, strict);
assert.strictEqual(strict.equal, assert.strictEqual);
assert.strictEqual(strict.deepEqual, assert.deepStrictEqual);
assert.strictEqual(strict.notEqual, assert.notStrictEqual);
assert.strictEqual(strict.notDeepEqual, assert.notDeepStrictEqual);
assert.strictEqual(strict.AssertionError, assert.AssertionError);
assert.strictEqual(strict.CallTracker, assert.CallTracker);
assert.deepStrictEqual(Object.keys(strict).sort(), Object.keys(assert).sort());
assert.throws(() => strict.equal(1, '1'), { operator: 'strictEqual' });
assert.throws(() => strict.deepEqual([1], ['1']), { operator: 'deepStrictEqual' });
strict.notEqual(0, false);
assert.throws(() => strict(), { message: 'No value argument passed to `assert.ok()`' });
