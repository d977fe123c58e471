'use strict';
// util.format placeholders and the joining of extra arguments.
require('./common');
const assert = require('node:assert');
const { format, formatWithOptions } = require('node:util');

assert.strictEqual(format('%s:%d:%i:%f', 'a', '42.5', 42.5, '1.5x'), 'a:42.5:42:1.5');
assert.strictEqual(format('%d %i %d', 10n, -0, -0), '10n 0 -0');
assert.strictEqual(format('%j', { a: 1 }), '{"a":1}');
const circular = {};
circular.self = circular;
assert.strictEqual(format('%j', circular), '[Circular]');
assert.strictEqual(format('%o', [1]), '[ 1, [length]: 1 ]');
assert.strictEqual(format('%O', { a: { b: { c: { d: 1 } } } }), '{ a: { b: { c: [Object] } } }');
assert.strictEqual(format('%s', { a: [1, 2] }), '{ a: [Array] }');
assert.strictEqual(format('%s', { toString() { return 'custom'; } }), 'custom');
assert.strictEqual(format('%c%s', 'color: red', 'x'), 'x');
assert.strictEqual(format('100%% %s', 'done', 'extra', 1), '100% done extra 1');
assert.strictEqual(format('%x %s'), '%x %s');
assert.strictEqual(format(1, 'a', { b: 2 }), "1 a { b: 2 }");
assert.strictEqual(formatWithOptions({ colors: true }, '%O', 1), '\u001b[33m1\u001b[39m');
assert.throws(() => formatWithOptions(null), { code: 'ERR_INVALID_ARG_TYPE' });
