'use strict';
// Issue 7: subprocess.send(message, server) passes the listening socket; the
// child gets a net.Server that accepts connections on the parent's port.
const common = require('./common');
const assert = require('node:assert');
const { fork } = require('node:child_process');
const net = require('node:net');

if (process.argv[2] === 'child') {
  process.on('message', common.mustCall((msg, server) => {
    assert.strictEqual(msg, 'server');
    assert.ok(server instanceof net.Server);
    server.on('connection', (socket) => {
      socket.end('child ' + process.pid);
      server.close();
      process.disconnect();
    });
    process.send('ready');
  }));
} else {
  const child = fork(__filename, ['child']);
  const server = net.createServer(common.mustNotCall());
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const port = server.address().port;
    child.send('server', server, common.mustSucceed());
    child.on('message', common.mustCall((msg) => {
      assert.strictEqual(msg, 'ready');
      server.close();
      net.connect(port, '127.0.0.1', common.mustCall(function() {
        let data = '';
        this.setEncoding('utf8');
        this.on('data', (c) => { data += c; });
        this.on('end', common.mustCall(() => {
          assert.strictEqual(data, 'child ' + child.pid);
        }));
      }));
    }));
  }));
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}
