'use strict';
// structuredClone throws DataCloneError (a DOMException) with V8's messages, and
// node's TypeErrors for bad arguments and transfer lists.
require('./common');
const assert = require('node:assert');

function dataCloneError(message) {
  return (err) => {
    assert.strictEqual(err.name, 'DataCloneError');
    assert.strictEqual(err.code, 25);
    assert.strictEqual(err.constructor.name, 'DOMException');
    assert.ok(err instanceof Error);
    assert.strictEqual(err.message, message);
    return true;
  };
}

assert.throws(() => structuredClone(function foo() {}),
              dataCloneError('function foo() {} could not be cloned.'));
assert.throws(() => structuredClone({ a: [() => 1] }), dataCloneError('() => 1 could not be cloned.'));
assert.throws(() => structuredClone(Symbol('x')), dataCloneError('Symbol(x) could not be cloned.'));
assert.throws(() => structuredClone(new WeakMap()), dataCloneError('#<WeakMap> could not be cloned.'));
assert.throws(() => structuredClone(new WeakSet()), dataCloneError('#<WeakSet> could not be cloned.'));
assert.throws(() => structuredClone(new WeakRef({})), dataCloneError('#<WeakRef> could not be cloned.'));
assert.throws(() => structuredClone(Promise.resolve()),
              dataCloneError('#<Promise> could not be cloned.'));
assert.throws(() => structuredClone(new Proxy({}, {})), dataCloneError('#<Object> could not be cloned.'));

assert.throws(() => structuredClone(), {
  name: 'TypeError', code: 'ERR_MISSING_ARGS', message: 'The value argument must be specified',
});
assert.throws(() => structuredClone(1, 5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The options argument must be either an object or undefined',
});
assert.throws(() => structuredClone(1, { transfer: 5 }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'Optional transferList argument must be an iterable',
});
for (const bad of [{}, 1, new SharedArrayBuffer(1)]) {
  assert.throws(() => structuredClone(1, { transfer: [bad] }), {
    name: 'TypeError',
    code: 'ERR_INVALID_TRANSFER_OBJECT',
    message: 'Found invalid object in transferList',
  });
}
const ab = new ArrayBuffer(1);
assert.throws(() => structuredClone(1, { transfer: [ab, ab] }),
              dataCloneError('Transfer list contains duplicate ArrayBuffer'));
assert.strictEqual(structuredClone(1, null), 1);
assert.strictEqual(structuredClone(1, {}), 1);
