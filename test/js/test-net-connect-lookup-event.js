'use strict';
// Connecting by host name emits 'lookup' with the resolved address, and a
// custom lookup function is used instead of dns.lookup.
const common = require('./common');
const assert = require('assert');
const net = require('net');

const server = net.createServer((sock) => sock.end());
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const lookup = common.mustCall((host, opts, cb) => {
    assert.strictEqual(host, 'my-test-host');
    process.nextTick(cb, null, '127.0.0.1', 4);
  });
  const client = net.connect({ port: server.address().port, host: 'my-test-host', lookup,
                               autoSelectFamily: false });
  client.on('lookup', common.mustCall((err, address, family, host) => {
    assert.strictEqual(err, null);
    assert.strictEqual(address, '127.0.0.1');
    assert.strictEqual(family, 4);
    assert.strictEqual(host, 'my-test-host');
  }));
  client.on('connect', common.mustCall(() => {
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
  }));
  client.resume();
  client.on('close', common.mustCall(() => server.close()));
}));
