'use strict';
// close(cb) emits 'close' on the next tick; ref()/unref() and asyncDispose are safe after it.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const sock = dgram.createSocket('udp4');
let closed = false;
sock.bind(0, '127.0.0.1', common.mustCall(() => {
  sock.on('close', common.mustCall(() => { closed = true; }));
  assert.strictEqual(sock.close(common.mustCall()), sock);
  assert.strictEqual(closed, false);
  assert.strictEqual(sock.ref(), sock);
  assert.strictEqual(sock.unref(), sock);
  sock[Symbol.asyncDispose]().then(common.mustCall());
}));

const other = dgram.createSocket('udp4');
other.bind(0, '127.0.0.1', common.mustCall(async () => {
  await other[Symbol.asyncDispose]();
  assert.throws(() => other.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
}));
