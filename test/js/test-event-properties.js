'use strict';
// Event and CustomEvent: constructor options, constants, brand checks.
const assert = require('node:assert');

const ev = new Event('foo', { cancelable: true, bubbles: true });
assert.strictEqual(ev.type, 'foo');
assert.strictEqual(ev.bubbles, true);
assert.strictEqual(ev.cancelable, true);
assert.strictEqual(ev.composed, false);
assert.strictEqual(ev.isTrusted, false);
assert.strictEqual(ev.eventPhase, Event.NONE);
assert.strictEqual(ev.target, null);
assert.deepStrictEqual(ev.composedPath(), []);
assert.strictEqual(typeof ev.timeStamp, 'number');
ev.preventDefault();
assert.strictEqual(ev.defaultPrevented, true);
assert.strictEqual(ev.returnValue, false);
assert.strictEqual(Object.prototype.toString.call(ev), '[object Event]');
assert.strictEqual(new Event(1).type, '1');
assert.throws(() => new Event(), TypeError);
assert.throws(() => new Event('a', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => Reflect.get(Event.prototype, 'type', {}), { code: 'ERR_INVALID_THIS' });
assert.deepStrictEqual([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE],
                       [0, 1, 2, 3]);

const ce = new CustomEvent('bar', { detail: { x: 1 } });
assert.deepStrictEqual(ce.detail, { x: 1 });
assert.strictEqual(new CustomEvent('bar').detail, null);
assert.ok(ce instanceof Event);
assert.strictEqual(Object.prototype.toString.call(ce), '[object CustomEvent]');
