'use strict';
// socket.setTimeout emits 'timeout' after idleness without closing the socket;
// a long socket timeout does not keep the process alive by itself.
const common = require('./common');
const assert = require('assert');
const net = require('net');

const server = net.createServer((sock) => sock.resume());
server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port);
  const start = Date.now();
  client.setTimeout(50, common.mustCall(() => {
    assert.ok(Date.now() - start >= 40);
    assert.strictEqual(client.destroyed, false);
    client.setTimeout(0);
    client.setTimeout(60 * 1000);
    client.destroy();
    server.close();
  }));
  assert.throws(() => client.setTimeout(-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => client.setTimeout('1'), { code: 'ERR_INVALID_ARG_TYPE' });
}));
