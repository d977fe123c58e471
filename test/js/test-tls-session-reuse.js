'use strict';
// Session resumption: a session from the 'session' event (TLS 1.3 ticket) or
// getSession() (TLS 1.2) resumes on the next connection.
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

const { ca, key, cert } = makeCerts();
const server = tls.createServer({ key, cert }, (s) => s.end('x'));
server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  const run = (maxVersion, done) => {
    let session;
    const c1 = tls.connect({ port, host: 'localhost', ca, maxVersion }, common.mustCall(() => {
      assert.strictEqual(c1.isSessionReused(), false);
      if (maxVersion === 'TLSv1.2') session = c1.getSession();
    }));
    c1.on('session', (s) => { session = s; });
    c1.resume();
    c1.on('close', common.mustCall(() => {
      assert.ok(Buffer.isBuffer(session));
      const c2 = tls.connect({ port, host: 'localhost', ca, maxVersion, session },
                             common.mustCall(() => {
        assert.strictEqual(c2.isSessionReused(), true);
        assert.strictEqual(c2.authorized, true);
        c2.resume();
        c2.on('close', done);
      }));
    }));
  };
  run('TLSv1.3', common.mustCall(() => run('TLSv1.2', () => server.close())));
}));
