'use strict';
// process's Symbol.toStringTag is its own property (not its prototype's): an
// object made with process's prototype is a plain [object Object].
require('./common');
const assert = require('node:assert');

assert.strictEqual(Object.prototype.toString.call(process), '[object process]');
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(process, Symbol.toStringTag), {
  value: 'process', writable: true, enumerable: false, configurable: false,
});
const fake = Object.create(Object.getPrototypeOf(process));
assert.strictEqual(Object.prototype.toString.call(fake), '[object Object]');
assert.notDeepStrictEqual(fake, process);
