'use strict';
// process.env coerces values to strings, deletes, enumerates, and rejects
// symbols and non-data descriptors like node.
const assert = require('node:assert');

process.env.CAIRN_TEST_NUM = 42;
assert.strictEqual(process.env.CAIRN_TEST_NUM, '42');
assert.ok(Object.keys(process.env).includes('CAIRN_TEST_NUM'));
assert.ok('CAIRN_TEST_NUM' in process.env);
delete process.env.CAIRN_TEST_NUM;
assert.strictEqual(process.env.CAIRN_TEST_NUM, undefined);
assert.strictEqual('CAIRN_TEST_NUM' in process.env, false);
assert.throws(() => { process.env.X = Symbol('s'); }, TypeError);
assert.throws(() => Object.defineProperty(process.env, 'Y', { get() { return 1; } }),
              { code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY' });
assert.strictEqual(typeof process.env.hasOwnProperty, 'function');
const copy = { ...process.env };
assert.strictEqual(copy.PATH, process.env.PATH);
