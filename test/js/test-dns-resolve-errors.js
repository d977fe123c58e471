'use strict';
// Failed queries give node's DNS error shape: 'queryMx ENOTFOUND name' with code,
// syscall and hostname (and no errno).
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const { startDnsServer } = require('./fixtures/fake-dns-server');

startDnsServer((q) => {
  if (q.domain === 'missing.example') return { rcode: 3 };
  if (q.domain === 'refused.example') return { rcode: 5 };
  if (q.domain === 'fail.example') return { rcode: 2 };
  return [];
}, common.mustCall((server, address) => {
  const resolver = new dns.Resolver();
  resolver.setServers([address]);
  const cases = [
    ['resolveMx', 'missing.example', 'ENOTFOUND', 'queryMx'],
    ['resolve4', 'empty.example', 'ENODATA', 'queryA'],
    ['resolveTxt', 'refused.example', 'EREFUSED', 'queryTxt'],
    ['resolveSrv', 'fail.example', 'ESERVFAIL', 'querySrv'],
  ];
  let left = cases.length;
  for (const [method, host, code, syscall] of cases) {
    resolver[method](host, common.mustCall((err, res) => {
      assert.strictEqual(res, undefined);
      assert.strictEqual(err.message, `${syscall} ${code} ${host}`);
      assert.strictEqual(err.code, code);
      assert.strictEqual(err.syscall, syscall);
      assert.strictEqual(err.hostname, host);
      assert.strictEqual(err.errno, undefined);
      assert.strictEqual(dns[code.slice(1)], code);
      if (--left === 0) server.close();
    }));
  }
}));
