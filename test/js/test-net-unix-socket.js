'use strict';
// A Unix domain socket server and client exchange data; address() is the path.
const common = require('./common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');

const sockPath = path.join(os.tmpdir(), `cairn-net-${process.pid}.sock`);
try { fs.unlinkSync(sockPath); } catch {}

const server = net.createServer(common.mustCall((sock) => {
  sock.end('from server');
}));
server.listen(sockPath, common.mustCall(() => {
  assert.strictEqual(server.address(), sockPath);
  const client = net.connect(sockPath, common.mustCall(() => {
    assert.deepStrictEqual(client.address(), {});
  }));
  let data = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { data += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(data, 'from server');
    server.close(common.mustCall(() => {
      assert.strictEqual(fs.existsSync(sockPath), false);
    }));
  }));
}));
