'use strict';
// events.once() resolves with the argument array (EventEmitter) or [event]
// (EventTarget), rejects on 'error', and rejects with AbortError on abort.
const assert = require('node:assert');
const { once, EventEmitter } = require('node:events');

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('x', 1, 2));
  assert.deepStrictEqual(await once(ee, 'x'), [1, 2]);
  assert.strictEqual(ee.listenerCount('error'), 0);

  const err = new Error('e');
  process.nextTick(() => ee.emit('error', err));
  await assert.rejects(once(ee, 'x'), err);
  assert.strictEqual(ee.listenerCount('x'), 0);

  const et = new EventTarget();
  process.nextTick(() => et.dispatchEvent(new Event('y')));
  const [event] = await once(et, 'y');
  assert.strictEqual(event.type, 'y');

  const ac = new AbortController();
  process.nextTick(() => ac.abort());
  await assert.rejects(once(ee, 'z', { signal: ac.signal }), { name: 'AbortError' });
  assert.strictEqual(ee.listenerCount('z'), 0);
  done = true;
})();
let done = false;
process.on('exit', () => assert.ok(done));
