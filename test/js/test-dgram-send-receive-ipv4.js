'use strict';
// A datagram sent to a socket bound on 127.0.0.1 arrives whole, with rinfo.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
const expected = ['hello', 'a-b-c', ''];

server.on('message', common.mustCall((msg, rinfo) => {
  assert.ok(Buffer.isBuffer(msg));
  assert.strictEqual(msg.toString(), expected.shift());
  assert.strictEqual(rinfo.address, '127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv4');
  assert.strictEqual(rinfo.port, client.address().port);
  assert.strictEqual(rinfo.size, msg.length);
  if (expected.length === 0) {
    server.close();
    client.close();
  }
}, 3));

server.bind(0, '127.0.0.1', common.mustCall(() => {
  const { address, family, port } = server.address();
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 'IPv4');
  assert.ok(port > 0);
  client.send('hello', port, '127.0.0.1', common.mustSucceed((bytes) => {
    assert.strictEqual(bytes, 5);
    client.send(['a-', Buffer.from('b-'), new Uint8Array([99])], port, '127.0.0.1',
                common.mustSucceed((n) => {
                  assert.strictEqual(n, 5);
                  client.send(Buffer.alloc(0), port, '127.0.0.1', common.mustSucceed());
                }));
  }));
}));
