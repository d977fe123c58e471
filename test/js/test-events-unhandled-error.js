'use strict';
// An 'error' event without listeners throws: the value itself when it is an
// Error, otherwise ERR_UNHANDLED_ERROR with the inspected value and `context`.
const assert = require('node:assert');
const EventEmitter = require('node:events');

const ee = new EventEmitter();
const err = new Error('boom');
assert.throws(() => ee.emit('error', err), (e) => e === err);

assert.throws(() => ee.emit('error', 'a string'), {
  name: 'Error',
  code: 'ERR_UNHANDLED_ERROR',
  message: "Unhandled error. ('a string')",
  context: 'a string',
});
assert.throws(() => ee.emit('error', { message: 'x' }), {
  code: 'ERR_UNHANDLED_ERROR',
  message: "Unhandled error. ({ message: 'x' })",
});
assert.throws(() => ee.emit('error'), {
  code: 'ERR_UNHANDLED_ERROR',
  message: 'Unhandled error. (undefined)',
});

// errorMonitor sees the error before it is thrown, and with a listener.
let seen = 0;
ee.on(EventEmitter.errorMonitor, (e) => { seen++; assert.strictEqual(e, err); });
assert.throws(() => ee.emit('error', err), (e) => e === err);
ee.once('error', () => {});
assert.strictEqual(ee.emit('error', err), true);
assert.strictEqual(seen, 2);
