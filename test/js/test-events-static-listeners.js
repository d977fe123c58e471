'use strict';
// getEventListeners / getMaxListeners / setMaxListeners work on both
// EventEmitter and EventTarget, and validate their targets.
const assert = require('node:assert');
const events = require('node:events');

const ee = new events.EventEmitter();
const et = new EventTarget();
const fn = () => {};
ee.on('x', fn);
et.addEventListener('x', fn);
assert.deepStrictEqual(events.getEventListeners(ee, 'x'), [fn]);
assert.deepStrictEqual(events.getEventListeners(et, 'x'), [fn]);
assert.deepStrictEqual(events.getEventListeners(et, 'y'), []);
events.setMaxListeners(3, ee, et);
assert.strictEqual(events.getMaxListeners(ee), 3);
assert.strictEqual(events.getMaxListeners(et), 3);
assert.throws(() => events.getEventListeners({}, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "emitter" argument must be an instance of EventEmitter or EventTarget. ' +
           'Received an instance of Object',
});
assert.throws(() => events.setMaxListeners(1, 'nope'), { code: 'ERR_INVALID_ARG_TYPE' });

// addAbortListener calls the listener on abort, even when propagation stops.
const ac = new AbortController();
let called = 0;
ac.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
events.addAbortListener(ac.signal, () => called++);
const d = events.addAbortListener(ac.signal, () => called += 10);
d[Symbol.dispose]();
ac.abort();
assert.strictEqual(called, 1);
