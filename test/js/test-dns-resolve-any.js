'use strict';
// resolveAny() lists every record with its type; only A and AAAA carry a ttl.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer, TYPES } = require('./fixtures/fake-dns-server');

const answers = [
  { type: 'A', address: '1.2.3.4', ttl: 60 },
  { type: 'AAAA', address: '::42', ttl: 61 },
  { type: 'MX', priority: 5, exchange: 'mail.example.org', ttl: 62 },
  { type: 'NS', value: 'ns.example.org', ttl: 63 },
  { type: 'TXT', entries: ['hello', 'world'] },
  { type: 'PTR', value: 'ptr.example.org' },
  { type: 'SOA', nsname: 'ns.example.org', hostmaster: 'admin.example.org', serial: 1,
    refresh: 2, retry: 3, expire: 4, minttl: 5 },
  { type: 'CAA', critical: 128, issue: 'letsencrypt.org' },
];

startDnsServer((q) => {
  assert.strictEqual(q.type, TYPES.ANY);
  return answers;
}, common.mustCall((server, address) => {
  const resolver = new dns.Resolver();
  resolver.setServers([address]);
  resolver.resolveAny('example.org', common.mustSucceed((res) => {
    assert.deepStrictEqual(res, [
      { address: '1.2.3.4', ttl: 60, type: 'A' },
      { address: '::42', ttl: 61, type: 'AAAA' },
      { exchange: 'mail.example.org', priority: 5, type: 'MX' },
      { value: 'ns.example.org', type: 'NS' },
      { entries: ['hello', 'world'], type: 'TXT' },
      { value: 'ptr.example.org', type: 'PTR' },
      { nsname: 'ns.example.org', hostmaster: 'admin.example.org', serial: 1, refresh: 2,
        retry: 3, expire: 4, minttl: 5, type: 'SOA' },
      { critical: 128, issue: 'letsencrypt.org', type: 'CAA' },
    ]);
    server.close();
  }));
}));
