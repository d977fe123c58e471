'use strict';
// addEventListener options: once, capture as part of the identity, signal,
// duplicates ignored, handleEvent objects looked up at dispatch time.
const assert = require('node:assert');

const et = new EventTarget();
const calls = [];
function a(e) { calls.push(['a', e.type, this === et]); }
et.addEventListener('x', a);
et.addEventListener('x', a);  // duplicate
et.addEventListener('x', a, { capture: true });  // not a duplicate
const obj = {};
et.addEventListener('x', obj, { once: true });
obj.handleEvent = function(e) { calls.push(['obj', this === obj]); };
assert.strictEqual(et.dispatchEvent(new Event('x')), true);
assert.deepStrictEqual(calls, [['a', 'x', true], ['a', 'x', true], ['obj', true]]);

calls.length = 0;
et.removeEventListener('x', a, { capture: true });
et.dispatchEvent(new Event('x'));
assert.deepStrictEqual(calls, [['a', 'x', true]]);

// During dispatch the event is at its target.
et.addEventListener('p', (e) => calls.push([e.eventPhase, e.currentTarget === et]));
calls.length = 0;
et.dispatchEvent(new Event('p'));
assert.deepStrictEqual(calls, [[2, true]]);

// A signal removes the listener; an aborted one never adds it.
const ac = new AbortController();
let n = 0;
et.addEventListener('y', () => n++, { signal: ac.signal });
et.dispatchEvent(new Event('y'));
ac.abort();
et.dispatchEvent(new Event('y'));
et.addEventListener('y', () => n++, { signal: ac.signal });
et.dispatchEvent(new Event('y'));
assert.strictEqual(n, 1);

// preventDefault() on a cancelable event makes dispatchEvent() return false.
et.addEventListener('z', (e) => e.preventDefault());
assert.strictEqual(et.dispatchEvent(new Event('z', { cancelable: true })), false);
assert.strictEqual(et.dispatchEvent(new Event('z')), true);

// stopImmediatePropagation() skips the remaining listeners.
let later = false;
et.addEventListener('w', (e) => e.stopImmediatePropagation());
et.addEventListener('w', () => { later = true; });
et.dispatchEvent(new Event('w'));
assert.strictEqual(later, false);

assert.throws(() => et.addEventListener('x'), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => et.addEventListener('x', 'nope'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be an instance of EventListener. ' +
           "Received type string ('nope')",
});
assert.throws(() => et.dispatchEvent({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => EventTarget.prototype.dispatchEvent.call({}, new Event('x')),
              { code: 'ERR_INVALID_THIS' });
