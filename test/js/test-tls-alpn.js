'use strict';
// ALPN: the server picks its first protocol the client offers; with no common
// protocol the handshake fails with no_application_protocol on both sides.
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
const server = tls.createServer({ key, cert, ALPNProtocols: ['a', 'b'] },
                                common.mustCall((socket) => {
  assert.strictEqual(socket.alpnProtocol, 'b');
  socket.end();
}));
server.on('tlsClientError', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SSL_NO_APPLICATION_PROTOCOL');
}));
server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  const c1 = tls.connect({ port, host: 'localhost', ca, ALPNProtocols: ['x', 'b'] },
                         common.mustCall(() => {
    assert.strictEqual(c1.alpnProtocol, 'b');
    c1.resume();
    c1.on('end', common.mustCall(() => {
      const c2 = tls.connect({ port, host: 'localhost', ca, ALPNProtocols: ['zz'] },
                             common.mustNotCall());
      c2.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
        server.close();
      }));
    }));
  }));
}));
