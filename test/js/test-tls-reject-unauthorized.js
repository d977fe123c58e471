'use strict';
// Certificate checks on the client: node's error codes for a self-signed
// certificate, an unknown issuer and a name mismatch, and
// rejectUnauthorized: false reporting them instead.
const common = require('./common');
const assert = require('node:assert');
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

const { ca, key, cert, selfKey, selfCert } = makeCerts();
const serve = (opts, next) => {
  const server = tls.createServer(opts, (s) => s.end());
  server.on('tlsClientError', () => {});
  server.listen(0, () => next(server, server.address().port));
};

const cases = [
  (done) => serve({ key: selfKey, cert: selfCert }, (server, port) => {
    tls.connect({ port, host: 'localhost' }, common.mustNotCall())
      .on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
        assert.strictEqual(err.message, 'self-signed certificate');
        server.close(done);
      }));
  }),
  (done) => serve({ key, cert }, (server, port) => {
    tls.connect({ port, host: 'localhost' }, common.mustNotCall())
      .on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
        server.close(done);
      }));
  }),
  (done) => serve({ key, cert }, (server, port) => {
    tls.connect({ port, host: 'localhost', servername: 'example.com', ca }, common.mustNotCall())
      .on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
        assert.strictEqual(err.reason,
                           "Host: example.com. is not in the cert's altnames: " +
                           'DNS:localhost, IP Address:127.0.0.1');
        assert.strictEqual(err.host, 'example.com');
        server.close(done);
      }));
  }),
  (done) => serve({ key: selfKey, cert: selfCert }, (server, port) => {
    const c = tls.connect({ port, host: 'localhost', rejectUnauthorized: false },
                          common.mustCall(() => {
      assert.strictEqual(c.authorized, false);
      assert.strictEqual(c.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      c.end();
      server.close(done);
    }));
  }),
];
const next = () => { const t = cases.shift(); if (t) t(next); };
next();
