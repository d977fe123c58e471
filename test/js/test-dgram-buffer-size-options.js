'use strict';
// recvBufferSize/sendBufferSize apply at bind; the getters read the kernel values.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const sock = dgram.createSocket({ type: 'udp4', recvBufferSize: 16384, sendBufferSize: 16384 });
sock.bind(0, '127.0.0.1', common.mustCall(() => {
  // Linux reports twice the requested size.
  const factor = process.platform === 'linux' ? 2 : 1;
  assert.strictEqual(sock.getRecvBufferSize(), 16384 * factor);
  assert.strictEqual(sock.getSendBufferSize(), 16384 * factor);
  sock.setRecvBufferSize(32768);
  assert.strictEqual(sock.getRecvBufferSize(), 32768 * factor);
  assert.strictEqual(sock.getSendQueueSize(), 0);
  assert.strictEqual(sock.getSendQueueCount(), 0);
  sock.close();
}));
