'use strict';
// reverse() asks for the PTR records of the in-addr.arpa name.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer, TYPES } = require('./fixtures/fake-dns-server');

startDnsServer(common.mustCall((q) => {
  assert.strictEqual(q.domain, '7.2.0.192.in-addr.arpa');
  assert.strictEqual(q.type, TYPES.PTR);
  return [{ type: 'PTR', value: 'a.example' }, { type: 'PTR', value: 'b.example' }];
}), common.mustCall((server, address) => {
  const resolver = new dns.Resolver();
  resolver.setServers([address]);
  resolver.reverse('192.0.2.7', common.mustSucceed((names) => {
    assert.deepStrictEqual(names, ['a.example', 'b.example']);
    server.close();
  }));
}));
