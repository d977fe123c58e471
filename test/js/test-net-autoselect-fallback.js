'use strict';
// With both address families from lookup, a failed attempt falls through to
// the next address; attempts are reported as events and recorded.
const common = require('./common');
const assert = require('assert');
const net = require('net');

const server = net.createServer((sock) => sock.end('hi'));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  const lookup = common.mustCall((host, opts, cb) => {
    assert.strictEqual(opts.all, true);
    const answers = [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }];
    process.nextTick(cb, null, answers);
  });
  const client = net.connect({ host: 'dual-stack-name', port, lookup });
  const attempts = [];
  client.on('connectionAttempt', (address, p, family) => attempts.push([address, p, family]));
  client.on('connectionAttemptFailed', common.mustCall((address, p, family, err) => {
    assert.strictEqual(address, '::1');
    assert.strictEqual(err.syscall, 'connect');
  }));
  client.on('connect', common.mustCall(() => {
    assert.deepStrictEqual(attempts, [['::1', port, 6], ['127.0.0.1', port, 4]]);
    assert.deepStrictEqual(client.autoSelectFamilyAttemptedAddresses,
                           [`::1:${port}`, `127.0.0.1:${port}`]);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
  }));
  client.resume();
  client.on('close', common.mustCall(() => server.close()));
}));
