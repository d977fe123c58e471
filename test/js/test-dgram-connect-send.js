'use strict';
// A connected socket sends without an address, reports its peer and can disconnect.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const server = dgram.createSocket('udp4');
server.bind(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  client.connect(port, '127.0.0.1', common.mustCall(() => {
    assert.deepStrictEqual(client.remoteAddress(), { address: '127.0.0.1', family: 'IPv4', port });
    assert.throws(() => client.connect(port), {
      code: 'ERR_SOCKET_DGRAM_IS_CONNECTED', message: 'Already connected',
    });
    assert.throws(() => client.send('x', 0, 1, port, '127.0.0.1'), {
      code: 'ERR_SOCKET_DGRAM_IS_CONNECTED',
    });
    client.send('ping', common.mustSucceed((n) => assert.strictEqual(n, 4)));
  }));
  server.on('message', common.mustCall((msg, rinfo) => {
    assert.strictEqual(msg.toString(), 'ping');
    client.disconnect();
    assert.throws(() => client.remoteAddress(), {
      code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED', message: 'Not connected',
    });
    assert.throws(() => client.disconnect(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
    client.close();
    server.close();
  }));
}));
