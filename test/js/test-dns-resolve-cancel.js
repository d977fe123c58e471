'use strict';
// cancel() ends every pending query with ECANCELLED.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer } = require('./fixtures/fake-dns-server');

let resolver;
let seen = 0;
startDnsServer(common.mustCall(() => {
  // Never answer; cancel once both queries have arrived.
  if (++seen === 2) resolver.cancel();
  return null;
}, 2), common.mustCall((server, address) => {
  resolver = new dns.Resolver();
  resolver.setServers([address]);
  let left = 2;
  for (const host of ['one.example', 'two.example']) {
    resolver.resolve4(host, common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECANCELLED');
      assert.strictEqual(err.syscall, 'queryA');
      assert.strictEqual(err.hostname, host);
      assert.strictEqual(err.message, `queryA ECANCELLED ${host}`);
      if (--left === 0) server.close();
    }));
  }
}));
