'use strict';
// An aborted signal closes the socket.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const controller = new AbortController();
const sock = dgram.createSocket({ type: 'udp4', signal: controller.signal });
sock.on('close', common.mustCall());
sock.bind(0, '127.0.0.1', common.mustCall(() => {
  controller.abort();
  assert.throws(() => sock.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
}));

const aborted = dgram.createSocket({ type: 'udp4', signal: AbortSignal.abort() });
aborted.on('close', common.mustCall());
assert.throws(() => aborted.bind(0), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
