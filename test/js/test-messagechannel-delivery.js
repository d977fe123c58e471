'use strict';
// Messages arrive asynchronously, in order, as structured clones; ticks and
// microtasks run between two messages; node-style listeners get the data and
// DOM listeners a MessageEvent; close() reaches both ends.
const common = require('./common');
const assert = require('node:assert');
const { MessageChannel, MessagePort } = require('node:worker_threads');

const { port1, port2 } = new MessageChannel();
assert.ok(port1 instanceof MessagePort);
assert.strictEqual(port1.hasRef(), false);

const log = [];
const sent = { a: [1, 2] };
port1.postMessage(sent);
port1.postMessage(2);
log.push('sync');

port2.on('message', common.mustCall((data) => {
  log.push(`message ${JSON.stringify(data)}`);
  if (data === 2) {
    assert.deepStrictEqual(log, [
      'sync', 'message {"a":[1,2]}', 'tick', 'microtask', 'message 2',
    ]);
    port2.close(common.mustCall());
    return;
  }
  assert.notStrictEqual(data, sent);
  assert.deepStrictEqual(data, sent);
  process.nextTick(() => log.push('tick'));
  queueMicrotask(() => log.push('microtask'));
}, 2));
assert.strictEqual(port2.hasRef(), true);

port2.addEventListener('message', common.mustCall((event) => {
  assert.strictEqual(event.constructor.name, 'MessageEvent');
  assert.strictEqual(event.target, port2);
  assert.deepStrictEqual(event.ports, []);
}, 2));
