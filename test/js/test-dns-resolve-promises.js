'use strict';
// dns.promises: module functions follow dns.setServers(), and Resolver queries resolve.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer, TYPES } = require('./fixtures/fake-dns-server');

startDnsServer((q) => {
  if (q.type === TYPES.MX) return [{ type: 'MX', priority: 1, exchange: 'a.example' }];
  if (q.type === TYPES.A) return [{ type: 'A', address: '192.0.2.7' }];
  return [];
}, common.mustCall(async (server, address) => {
  dns.setServers([address]);
  assert.deepStrictEqual(dns.promises.getServers(), [address]);
  assert.deepStrictEqual(await dns.promises.resolve4('example.org'), ['192.0.2.7']);
  assert.deepStrictEqual(await dns.promises.resolve('example.org', 'MX'),
                         [{ exchange: 'a.example', priority: 1 }]);
  const resolver = new dns.promises.Resolver({ timeout: 1000, tries: 2 });
  resolver.setServers([address]);
  assert.deepStrictEqual(await resolver.resolve('example.org'), ['192.0.2.7']);
  await assert.rejects(resolver.resolveTxt('example.org'), {
    code: 'ENODATA', syscall: 'queryTxt', hostname: 'example.org',
  });
  server.close();
}));
