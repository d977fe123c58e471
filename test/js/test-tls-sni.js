'use strict';
// SNI: the server's SNICallback chooses the certificate from the client's
// servername, and both ends see that name.
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

const { ca, key, cert, otherKey, otherCert } = makeCerts();
const other = tls.createSecureContext({ key: otherKey, cert: otherCert });
const server = tls.createServer({
  key, cert,
  SNICallback: common.mustCall((name, cb) => {
    setImmediate(() => cb(null, name === 'localhost' ? undefined : other));
  }, 2),
}, common.mustCall((socket) => {
  socket.end(socket.servername);
}, 2));
server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  const check = (servername, cn, next) => {
    const c = tls.connect({ port, servername, ca }, common.mustCall(() => {
      assert.strictEqual(c.getPeerCertificate().subject.CN, cn);
      let text = '';
      c.setEncoding('utf8');
      c.on('data', (d) => { text += d; });
      c.on('end', common.mustCall(() => {
        assert.strictEqual(text, servername);
        next();
      }));
    }));
  };
  check('localhost', 'localhost', () => {
    check('x.wild.test', 'other.test', () => server.close());
  });
}));
