'use strict';
// Exceeding the listener limit emits one MaxListenersExceededWarning with
// node's text and the emitter/type/count properties.
const assert = require('node:assert');
const EventEmitter = require('node:events');

class Foo extends EventEmitter {}
const ee = new Foo();
ee.setMaxListeners(1);
let warnings = 0;
process.on('warning', (w) => {
  warnings++;
  assert.strictEqual(w.name, 'MaxListenersExceededWarning');
  assert.strictEqual(w.message,
                     'Possible EventEmitter memory leak detected. 2 tick listeners added ' +
                     'to [Foo]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit');
  assert.strictEqual(w.emitter, ee);
  assert.strictEqual(w.type, 'tick');
  assert.strictEqual(w.count, 2);
});
ee.on('tick', () => {});
ee.on('tick', () => {});
ee.on('tick', () => {});
assert.strictEqual(ee._events.tick.warned, true);
process.on('exit', () => assert.strictEqual(warnings, 1));

assert.throws(() => ee.setMaxListeners(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => { EventEmitter.defaultMaxListeners = 'x'; }, { code: 'ERR_INVALID_ARG_TYPE' });
