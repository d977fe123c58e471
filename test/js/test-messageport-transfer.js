'use strict';
// Transferring a port moves its end of the channel to a new MessagePort object
// (listed in MessageEvent.ports); the old object closes. Bad transfer lists
// throw DataCloneError and transfer nothing.
const common = require('./common');
const assert = require('node:assert');
const { MessageChannel, MessagePort } = require('node:worker_threads');

const outer = new MessageChannel();
const inner = new MessageChannel();
const buffer = new ArrayBuffer(4);

assert.throws(() => outer.port1.postMessage(null, [buffer, outer.port1]), {
  name: 'DataCloneError', message: 'Transfer list contains source port',
});
assert.throws(() => outer.port1.postMessage(inner.port1, []), {
  name: 'TypeError',
  code: 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
  message: 'Object that needs transfer was found in message but not listed in transferList',
});
assert.strictEqual(buffer.byteLength, 4);

inner.port1.on('close', common.mustCall());
outer.port1.postMessage({ port: inner.port1, buffer }, [inner.port1, buffer]);
assert.strictEqual(buffer.byteLength, 0);

outer.port2.addEventListener('message', common.mustCall((event) => {
  const { port, buffer: received } = event.data;
  assert.ok(port instanceof MessagePort);
  assert.notStrictEqual(port, inner.port1);
  assert.deepStrictEqual(event.ports, [port]);
  assert.strictEqual(received.byteLength, 4);
  port.on('message', common.mustCall((msg) => {
    assert.strictEqual(msg, 'through the moved port');
    port.close();
    outer.port1.close();
  }));
  inner.port2.postMessage('through the moved port');
}));
outer.port2.start();
