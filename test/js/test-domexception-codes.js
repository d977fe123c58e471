'use strict';
// DOMException: name/message/code, legacy constants, Error prototype chain.
const assert = require('node:assert');

const e = new DOMException('msg', 'DataCloneError');
assert.strictEqual(e.name, 'DataCloneError');
assert.strictEqual(e.message, 'msg');
assert.strictEqual(e.code, 25);
assert.ok(e instanceof Error);
assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
assert.strictEqual(typeof e.stack, 'string');
assert.strictEqual(new DOMException('x', 'NoSuchName').code, 0);
const d = new DOMException();
assert.strictEqual(d.name, 'Error');
assert.strictEqual(d.message, '');
assert.strictEqual(new DOMException('x', { name: 'TimeoutError', cause: 1 }).cause, 1);
assert.strictEqual(DOMException.ABORT_ERR, 20);
assert.strictEqual(DOMException.prototype.TIMEOUT_ERR, 23);
assert.strictEqual(DOMException.INVALID_NODE_TYPE_ERR, 24);
assert.throws(() => DOMException.prototype.name, { code: 'ERR_INVALID_THIS' });
