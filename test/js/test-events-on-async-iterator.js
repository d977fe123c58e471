'use strict';
// events.on() returns an async iterator over emitted argument arrays that
// removes its listeners when the loop ends and throws on 'error'.
const assert = require('node:assert');
const { on, EventEmitter } = require('node:events');

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => {
    ee.emit('foo', 'a');
    ee.emit('foo', 'b', 'c');
  });
  const seen = [];
  for await (const args of on(ee, 'foo')) {
    seen.push(args);
    if (seen.length === 2) break;
  }
  assert.deepStrictEqual(seen, [['a'], ['b', 'c']]);
  assert.strictEqual(ee.listenerCount('foo'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);

  const err = new Error('kaboom');
  process.nextTick(() => ee.emit('error', err));
  await assert.rejects(async () => {
    for await (const args of on(ee, 'foo')) assert.fail(args);
  }, err);

  // `close` events end the iteration.
  process.nextTick(() => {
    ee.emit('foo', 1);
    ee.emit('end');
  });
  const values = [];
  for await (const [v] of on(ee, 'foo', { close: ['end'] })) values.push(v);
  assert.deepStrictEqual(values, [1]);
  done = true;
})();
let done = false;
process.on('exit', () => assert.ok(done));
