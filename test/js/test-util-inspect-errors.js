'use strict';
// Errors print their stack, extra properties, causes and aggregated errors.
require('./common');
const assert = require('node:assert');
const { inspect } = require('node:util');

const err = new Error('boom');
err.code = 'E_X';
const out = inspect(err);
assert.match(out, /^Error: boom\n {4}at /);
assert.match(out, /\n {2}code: 'E_X'\n}$/);

const noStack = new TypeError('bare');
noStack.stack = '';
assert.strictEqual(inspect(noStack), '[TypeError: bare]');
noStack.stack = 'custom';
assert.strictEqual(inspect(noStack), '[custom]');

const withCause = new Error('outer', { cause: 'inner' });
withCause.stack = 'Error: outer';
assert.strictEqual(inspect(withCause), "[Error: outer] { [cause]: 'inner' }");

const agg = new AggregateError([new Error('a')], 'many');
agg.stack = 'AggregateError: many';
agg.errors[0].stack = 'Error: a';
assert.strictEqual(inspect(agg), '[AggregateError: many] { [errors]: [ [Error: a] ] }');

class MyError extends Error {}
const mine = new MyError('m');
mine.stack = 'Error: m\n    at x (file.js:1:1)';
assert.strictEqual(inspect(mine), 'MyError: m\n    at x (file.js:1:1)');
assert.strictEqual(inspect({ e: mine }), '{\n  e: MyError: m\n      at x (file.js:1:1)\n}');
