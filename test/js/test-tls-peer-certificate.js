'use strict';
// getPeerCertificate(): node's object shape, and the issuer chain up to the
// self-signed root when detailed.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');
const tls = require('node:tls');

// Certificates for this test, made with the openssl CLI in a temporary dir.
function makeCerts() {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const { execFileSync } = require('node:child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-tls-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-subj', '/CN=Test CA', '-keyout', 'ca.key', '-out', 'ca.pem',
      '-days', '30');
  const leaf = (name, cn, san) => {
    fs.writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
    run('req', '-new', ...ec, '-subj', `/CN=${cn}`, '-keyout', `${name}.key`,
        '-out', `${name}.csr`);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key',
        '-CAcreateserial', '-out', `${name}.pem`, '-days', '30', '-extfile', `${name}.ext`);
  };
  leaf('localhost', 'localhost', 'DNS:localhost,IP:127.0.0.1');
  leaf('other', 'other.test', 'DNS:other.test,DNS:*.wild.test');
  run('req', '-x509', ...ec, '-subj', '/CN=localhost', '-keyout', 'self.key',
      '-out', 'self.pem', '-days', '30');
  const read = (f) => fs.readFileSync(path.join(dir, f));
  return {
    ca: read('ca.pem'),
    key: read('localhost.key'), cert: read('localhost.pem'),
    otherKey: read('other.key'), otherCert: read('other.pem'),
    selfKey: read('self.key'), selfCert: read('self.pem'),
  };
}

const { ca, key, cert } = makeCerts();
const server = tls.createServer({ key, cert, ca }, (s) => s.end());
server.listen(0, common.mustCall(() => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca },
                        common.mustCall(() => {
    const p = c.getPeerCertificate(true);
    assert.strictEqual(Object.getPrototypeOf(p.subject), null);
    assert.strictEqual(p.subject.CN, 'localhost');
    assert.strictEqual(p.issuer.CN, 'Test CA');
    assert.strictEqual(p.subjectaltname, 'DNS:localhost, IP Address:127.0.0.1');
    assert.strictEqual(p.ca, false);
    assert.strictEqual(p.bits, 256);
    assert.strictEqual(p.asn1Curve, 'prime256v1');
    assert.strictEqual(p.nistCurve, 'P-256');
    assert.ok(Buffer.isBuffer(p.pubkey));
    assert.strictEqual(p.pubkey.length, 65);
    assert.ok(Buffer.isBuffer(p.raw));
    assert.match(p.valid_from, /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
    assert.match(p.valid_to, /GMT$/);
    assert.match(p.serialNumber, /^[0-9A-F]+$/);
    const sha256 = crypto.createHash('sha256').update(p.raw).digest('hex')
      .toUpperCase().match(/../g).join(':');
    assert.strictEqual(p.fingerprint256, sha256);
    assert.strictEqual(p.fingerprint.length, 59);
    assert.strictEqual(p.fingerprint512.length, 191);
    const root = p.issuerCertificate;
    assert.strictEqual(root.subject.CN, 'Test CA');
    assert.strictEqual(root.ca, true);
    assert.strictEqual(root.issuerCertificate, root);
    assert.strictEqual(c.getPeerCertificate(false).issuerCertificate, undefined);
    assert.deepStrictEqual(c.getCertificate(), {});
    c.end();
    server.close();
  }));
}));
