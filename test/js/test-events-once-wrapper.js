'use strict';
// once() wraps the listener: rawListeners() shows the wrapper (with
// .listener), listeners() the original, and the wrapper is removed before the
// listener runs.
const assert = require('node:assert');
const EventEmitter = require('node:events');

const ee = new EventEmitter();
function listener(...args) {
  assert.deepStrictEqual(args, [1, 2]);
  assert.strictEqual(ee.listenerCount('x'), 0);
  calls++;
}
let calls = 0;
ee.once('x', listener);
const raw = ee.rawListeners('x');
assert.notStrictEqual(raw[0], listener);
assert.strictEqual(raw[0].listener, listener);
assert.deepStrictEqual(ee.listeners('x'), [listener]);
assert.strictEqual(ee.listenerCount('x', listener), 1);
assert.strictEqual(ee.emit('x', 1, 2), true);
assert.strictEqual(ee.emit('x', 1, 2), false);
assert.strictEqual(calls, 1);

// Removing by the original function works for once listeners.
ee.once('y', listener);
ee.removeListener('y', listener);
assert.strictEqual(ee.emit('y'), false);
assert.deepStrictEqual(ee.eventNames(), []);
