'use strict';
// resolve4/resolve6 with { ttl: true } give { address, ttl } objects.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer, TYPES } = require('./fixtures/fake-dns-server');

startDnsServer((q) => (q.type === TYPES.A ?
  [{ type: 'A', address: '10.0.0.1', ttl: 300 }, { type: 'A', address: '10.0.0.2', ttl: 3333333333 }] :
  [{ type: 'AAAA', address: 'fe80::1', ttl: 42 }]), common.mustCall((server, address) => {
  const resolver = new dns.Resolver();
  resolver.setServers([address]);
  resolver.resolve4('example.org', { ttl: true }, common.mustSucceed((res) => {
    assert.deepStrictEqual(res, [{ address: '10.0.0.1', ttl: 300 },
                                 { address: '10.0.0.2', ttl: 3333333333 }]);
    resolver.resolve6('example.org', { ttl: true }, common.mustSucceed((res6) => {
      assert.deepStrictEqual(res6, [{ address: 'fe80::1', ttl: 42 }]);
      resolver.resolve4('example.org', { ttl: false }, common.mustSucceed((plain) => {
        assert.deepStrictEqual(plain, ['10.0.0.1', '10.0.0.2']);
        server.close();
      }));
    }));
  }));
}));
