'use strict';
// dns.Resolver answers each record type in node's result shape (callback form).
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer, TYPES } = require('./fixtures/fake-dns-server');

const records = {
  [TYPES.A]: [{ type: 'A', address: '1.2.3.4' }, { type: 'A', address: '5.6.7.8' }],
  [TYPES.AAAA]: [{ type: 'AAAA', address: '2001:db8::1' }],
  [TYPES.MX]: [{ type: 'MX', priority: 10, exchange: 'mx.example.org' }],
  [TYPES.NS]: [{ type: 'NS', value: 'ns1.example.org' }, { type: 'NS', value: 'ns2.example.org' }],
  [TYPES.TXT]: [{ type: 'TXT', entries: ['v=spf1', '-all'] }, { type: 'TXT', entries: ['x'] }],
  [TYPES.SRV]: [{ type: 'SRV', priority: 1, weight: 2, port: 5060, name: 'sip.example.org' }],
  [TYPES.PTR]: [{ type: 'PTR', value: 'host.example.org' }],
  [TYPES.CNAME]: [{ type: 'CNAME', value: 'alias.example.org' }],
  [TYPES.CAA]: [{ type: 'CAA', critical: 0, issue: 'ca.example.net' }],
  [TYPES.NAPTR]: [{ type: 'NAPTR', order: 100, preference: 10, flags: 'S', service: 'SIP+D2T',
    regexp: '', replacement: '_sip._tcp.example.org' }],
  [TYPES.SOA]: [{ type: 'SOA', nsname: 'ns1.example.org', hostmaster: 'root.example.org',
    serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minttl: 300 }],
};

const expected = {
  resolve4: ['1.2.3.4', '5.6.7.8'],
  resolve6: ['2001:db8::1'],
  resolveMx: [{ exchange: 'mx.example.org', priority: 10 }],
  resolveNs: ['ns1.example.org', 'ns2.example.org'],
  resolveTxt: [['v=spf1', '-all'], ['x']],
  resolveSrv: [{ name: 'sip.example.org', port: 5060, priority: 1, weight: 2 }],
  resolvePtr: ['host.example.org'],
  resolveCname: ['alias.example.org'],
  resolveCaa: [{ critical: 0, issue: 'ca.example.net' }],
  resolveNaptr: [{ flags: 'S', service: 'SIP+D2T', regexp: '', replacement: '_sip._tcp.example.org',
    order: 100, preference: 10 }],
  resolveSoa: { nsname: 'ns1.example.org', hostmaster: 'root.example.org', serial: 2024010101,
    refresh: 7200, retry: 3600, expire: 1209600, minttl: 300 },
};

startDnsServer((q) => {
  assert.strictEqual(q.domain, 'example.org');
  return records[q.type];
}, common.mustCall((server, address) => {
  const resolver = new dns.Resolver();
  resolver.setServers([address]);
  let left = Object.keys(expected).length;
  for (const [method, want] of Object.entries(expected)) {
    resolver[method]('example.org', common.mustSucceed((res) => {
      assert.deepStrictEqual(res, want, method);
      if (--left === 0) server.close();
    }));
  }
}));
