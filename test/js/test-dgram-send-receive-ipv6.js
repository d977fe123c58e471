'use strict';
// udp6 sockets exchange datagrams over ::1 (skipped when the host has no IPv6).
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const server = dgram.createSocket('udp6');
server.on('error', (err) => {
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT') {
    console.log('1..0 # Skipped: no IPv6 loopback');
    server.close();
    return;
  }
  throw err;
});
server.bind(0, '::1', common.mustCall(() => {
  const client = dgram.createSocket('udp6');
  server.on('message', common.mustCall((msg, rinfo) => {
    assert.strictEqual(msg.toString(), 'six');
    assert.strictEqual(rinfo.family, 'IPv6');
    assert.strictEqual(rinfo.address, '::1');
    assert.strictEqual(server.address().family, 'IPv6');
    server.close();
    client.close();
  }));
  client.send('six', server.address().port, '::1');
}));
