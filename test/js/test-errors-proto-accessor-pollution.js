'use strict';
// Creating an error still works when Object.prototype has a `get` or `set`
// (an accessor descriptor must not be assumed from inherited keys).
require('./common');
const assert = require('node:assert');

Object.prototype.get = function() { throw new Error('get called'); };
Object.prototype.set = function() { throw new Error('set called'); };
try {
  const err = new TypeError('boom');
  assert.strictEqual(err.message, 'boom');
  assert.throws(() => assert.strictEqual(1, 2), assert.AssertionError);
  assert.match(String(new Error('x').stack), /^Error: x/);
} finally {
  delete Object.prototype.get;
  delete Object.prototype.set;
}
