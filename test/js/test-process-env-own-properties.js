'use strict';
// process.env's own properties are the environment variables only: names inherited from
// Object.prototype are reachable but not own.
require('./common');
const assert = require('node:assert');

assert.strictEqual(process.env.hasOwnProperty, Object.prototype.hasOwnProperty);
assert.strictEqual(Object.hasOwn(process.env, 'hasOwnProperty'), false);
assert.strictEqual(Object.getOwnPropertyDescriptor(process.env, 'toString'), undefined);
assert.strictEqual('toString' in process.env, true);

process.env.CAIRN_OWN_TEST = 'x';
assert.strictEqual(Object.hasOwn(process.env, 'CAIRN_OWN_TEST'), true);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(process.env, 'CAIRN_OWN_TEST'),
                       { value: 'x', writable: true, enumerable: true, configurable: true });
process.env.hasOwnProperty = 'asdf';
assert.strictEqual(Object.hasOwn(process.env, 'hasOwnProperty'), true);
assert.strictEqual(process.env.hasOwnProperty, 'asdf');
delete process.env.hasOwnProperty;
delete process.env.CAIRN_OWN_TEST;
assert.strictEqual(Object.hasOwn(process.env, 'CAIRN_OWN_TEST'), false);
