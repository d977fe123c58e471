'use strict';
// A server that never answers makes the query fail with ETIMEOUT after the tries.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer } = require('./fixtures/fake-dns-server');

startDnsServer(common.mustCallAtLeast(() => null, 1), common.mustCall((server, address) => {
  const resolver = new dns.Resolver({ timeout: 50, tries: 2 });
  resolver.setServers([address]);
  const start = Date.now();
  resolver.resolve4('slow.example', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ETIMEOUT');
    assert.strictEqual(err.message, 'queryA ETIMEOUT slow.example');
    assert.ok(Date.now() - start < 5000);
    server.close();
  }));
}));
