'use strict';
// send() on an unbound socket binds it first, emitting 'listening' before sending.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const target = dgram.createSocket('udp4');
target.bind(0, '127.0.0.1', common.mustCall(() => {
  const client = dgram.createSocket('udp4');
  const order = [];
  client.on('listening', common.mustCall(() => {
    order.push('listening');
    assert.strictEqual(client.address().address, '0.0.0.0');
  }));
  target.on('message', common.mustCall((msg, rinfo) => {
    assert.deepStrictEqual(order, ['listening', 'sent']);
    assert.strictEqual(rinfo.port, client.address().port);
    client.close();
    target.close();
  }));
  client.send('implicit', target.address().port, '127.0.0.1', common.mustSucceed(() => {
    order.push('sent');
  }));
  assert.throws(() => client.address(), { code: 'EBADF', syscall: 'getsockname' });
}));
