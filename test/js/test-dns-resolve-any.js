'use strict';
// resolveAny() lists every record with its type; only A and AAAA carry a ttl.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');
const dns = require('node:dns');

// A tiny DNS server on 127.0.0.1 that answers from fixed records.
const TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33,
  NAPTR: 35, ANY: 255, CAA: 257 };
const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const str = (s) => { const b = Buffer.from(s, 'latin1'); return Buffer.concat([Buffer.from([b.length]), b]); };
const dnsName = (n) => Buffer.concat([...n.split('.').filter(Boolean).map(str), Buffer.from([0])]);
function rdata(r) {
  switch (r.type) {
    case 'A': return Buffer.from(r.address.split('.').map(Number));
    case 'AAAA': {
      const [head, tail] = r.address.split('::');
      const h = head ? head.split(':') : [];
      const t = tail ? tail.split(':') : [];
      const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
      return Buffer.concat(groups.map((g) => u16(parseInt(g, 16))));
    }
    case 'CNAME': case 'NS': case 'PTR': return dnsName(r.value);
    case 'MX': return Buffer.concat([u16(r.priority), dnsName(r.exchange)]);
    case 'TXT': return Buffer.concat(r.entries.map(str));
    case 'SRV': return Buffer.concat([u16(r.priority), u16(r.weight), u16(r.port), dnsName(r.name)]);
    case 'SOA': return Buffer.concat([dnsName(r.nsname), dnsName(r.hostmaster), u32(r.serial),
      u32(r.refresh), u32(r.retry), u32(r.expire), u32(r.minttl)]);
    case 'CAA': return Buffer.concat([Buffer.from([r.critical]), str('issue'), Buffer.from(r.issue)]);
    case 'NAPTR': return Buffer.concat([u16(r.order), u16(r.preference), str(r.flags),
      str(r.service), str(r.regexp), dnsName(r.replacement)]);
  }
  throw new Error(`no rdata for ${r.type}`);
}
// answer(question) returns records, { rcode } or null (no reply).
function startDnsServer(answer, ready) {
  const server = dgram.createSocket('udp4');
  server.on('message', (msg, rinfo) => {
    let off = 12;
    const labels = [];
    while (msg[off] !== 0) {
      labels.push(msg.toString('latin1', off + 1, off + 1 + msg[off]));
      off += msg[off] + 1;
    }
    const q = { domain: labels.join('.'), type: msg.readUInt16BE(off + 1) };
    const a = answer(q);
    if (a === null) return;
    const records = Array.isArray(a) ? a : [];
    const rrs = records.map((r) => {
      const d = rdata(r);
      return Buffer.concat([dnsName(q.domain), u16(TYPES[r.type]), u16(1), u32(r.ttl || 0),
        u16(d.length), d]);
    });
    const header = Buffer.concat([msg.subarray(0, 2), u16(0x8180 | (a.rcode || 0)), u16(1),
      u16(rrs.length), u16(0), u16(0)]);
    server.send(Buffer.concat([header, msg.subarray(12, off + 5), ...rrs]), rinfo.port,
                rinfo.address);
  });
  server.bind(0, '127.0.0.1', () => ready(server, `127.0.0.1:${server.address().port}`));
}

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
