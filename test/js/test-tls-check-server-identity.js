'use strict';
// tls.checkServerIdentity(): node's matching rules (wildcards, CN fallback,
// IP addresses, trailing dots, quoted names) and its reasons.
require('./common');
const assert = require('node:assert');
const tls = require('node:tls');

const ok = (host, cert) => assert.strictEqual(tls.checkServerIdentity(host, cert), undefined,
                                              `${host} should match`);
const bad = (host, cert, reason) => {
  const err = tls.checkServerIdentity(host, cert);
  assert.ok(err instanceof Error, `${host} should not match`);
  assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(err.message,
                     `Hostname/IP does not match certificate's altnames: ${err.reason}`);
  assert.strictEqual(err.cert, cert);
  if (reason !== undefined) assert.strictEqual(err.reason, reason);
};

ok('a.com', { subject: { CN: 'a.com' } });
ok('A.COM', { subject: { CN: 'a.com' } });
ok('a.com.', { subject: { CN: 'a.com' } });
bad('b.com', { subject: { CN: 'a.com' } }, "Host: b.com. is not cert's CN: a.com");
ok('b.a.com', { subject: { CN: ['x.com', '*.a.com'] } });
bad('a.com', { subject: {} }, 'Cert does not contain a DNS name');
bad('a.com', {}, 'Cert does not contain a DNS name');

const san = { subjectaltname: 'DNS:*.example.com, DNS:exact.org', subject: { CN: 'ignored.com' } };
ok('foo.example.com', san);
ok('exact.org', san);
bad('ignored.com', san,
    "Host: ignored.com. is not in the cert's altnames: DNS:*.example.com, DNS:exact.org");
bad('a.b.example.com', san);
bad('example.com', san);
ok('foo.bar.example', { subjectaltname: 'DNS:f*o.bar.example' });
bad('fooo.bar.example', { subjectaltname: 'DNS:f*oo*.bar.example' });
bad('foo.com', { subjectaltname: 'DNS:*.com' });
bad('xn--x.example.com', { subjectaltname: 'DNS:xn--*.example.com' });
bad('a.example.com', { subjectaltname: 'DNS:a..example.com' });

const ips = { subjectaltname: 'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1' };
ok('127.0.0.1', ips);
// IPv6 literals have no ASCII host form, so they never match (as in node).
bad('::1', ips, 'Cert does not contain a DNS name');
bad('1.2.3.4', { subjectaltname: 'IP Address:1.2.3.04' }, "IP: 1.2.3.4 is not in the cert's list: ");
ok('1.2.3.4.', { subjectaltname: 'IP Address:1.2.3.4' });
bad('127.0.0.2', ips, "IP: 127.0.0.2 is not in the cert's list: 127.0.0.1, ::1");
bad('127.0.0.1', { subject: { CN: '127.0.0.1' } },
    "IP: 127.0.0.1 is not in the cert's list: ");

ok('a.com', { subjectaltname: 'DNS:"a.com", DNS:b.com' });
bad('c.com', { subjectaltname: 'DNS:"x, DNS:c.com", DNS:b.com' });
