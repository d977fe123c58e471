'use strict';
// deepEqual (loose) and deepStrictEqual agree with node on the corner cases:
// prototypes, -0, NaN, unordered Map/Set entries with object keys, typed
// arrays, boxed primitives, dates, regular expressions, errors and cycles.
require('./common');
const assert = require('node:assert');
const { isDeepStrictEqual } = require('node:util');

function loose(a, b) {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
const strict = isDeepStrictEqual;

function both(a, b, expectLoose, expectStrict) {
  assert.strictEqual(loose(a, b), expectLoose);
  assert.strictEqual(loose(b, a), expectLoose);
  assert.strictEqual(strict(a, b), expectStrict);
  assert.strictEqual(strict(b, a), expectStrict);
}

both(1, '1', true, false);
both(0, -0, true, false);
both(NaN, NaN, true, true);
both({ a: [1, 2, { b: NaN }] }, { a: [1, 2, { b: NaN }] }, true, true);
both([1, , 3], [1, undefined, 3], false, false);  // eslint-disable-line no-sparse-arrays
both(Object.create(null), {}, true, false);
both(new Set([[1], { a: 1 }]), new Set([{ a: 1 }, [1]]), true, true);
both(new Set([1, '1']), new Set(['1', 1]), true, true);
both(new Set(['1']), new Set([1]), true, false);
both(new Map([[{}, 'a'], [{}, 'b']]), new Map([[{}, 'b'], [{}, 'a']]), true, true);
both(new Map([[1, 'a'], ['1', 'b']]), new Map([['1', 'a'], [true, 'b']]), true, false);
both(new Map([[{ x: 1 }, 5], [{ x: 1 }, 5]]), new Map([[{ x: 1 }, 5], [{ x: 2 }, 5]]), false, false);
both(new Uint8Array([1, 2]), Buffer.from([1, 2]), true, false);
both(new Int16Array([256]), new Uint16Array([256]), false, false);
both(new Float64Array([0]), new Float64Array([-0]), true, false);
both(new ArrayBuffer(2), new ArrayBuffer(3), false, false);
both(new Number(1), new Number(1), true, true);
both(new Number(1), new Number(2), false, false);
both(new String('a'), 'a', false, false);
both(new Date(2000, 3, 14), new Date(2000, 3, 14), true, true);
both(/a/g, /a/g, true, true);
both(/a/g, /a/i, false, false);
const re = /a/g;
re.lastIndex = 3;
both(re, /a/g, false, false);
both(new Error('a'), new Error('a'), true, true);
both(new Error('a'), new TypeError('a'), false, false);
both(new Error('a', { cause: 1 }), new Error('a', { cause: 2 }), false, false);
both({ [Symbol.for('s')]: 1 }, {}, true, false);
// Only enumerable own properties count.
const hidden = {};
Object.defineProperty(hidden, 'x', { value: 1 });
both(hidden, {}, true, true);
both({ x: 1 }, hidden, false, false);
// Cycles.
const c1 = { a: 1 };
c1.self = c1;
const c2 = { a: 1 };
c2.self = c2;
both(c1, c2, true, true);
const c3 = { a: 1, self: { a: 1 } };
both(c1, c3, false, false);
// Arguments objects are not arrays or plain objects.
const args = (function() { return arguments; })(1);
both(args, [1], false, false);
both(args, { 0: 1 }, false, false);
