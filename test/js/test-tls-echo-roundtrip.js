'use strict';
// A TLS echo server and client: a megabyte goes through both ways intact, and
// the client sees a verified TLS 1.3 session.
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
const server = tls.createServer({ key, cert }, common.mustCall((socket) => {
  assert.strictEqual(socket.encrypted, true);
  assert.strictEqual(socket.authorized, false);
  socket.pipe(socket);
}));
server.listen(0, common.mustCall(() => {
  const payload = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 31) & 0xff;
  const client = tls.connect({ port: server.address().port, host: 'localhost', ca },
                             common.mustCall(() => {
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.authorizationError, null);
    assert.strictEqual(client.getProtocol(), 'TLSv1.3');
    const cipher = client.getCipher();
    assert.strictEqual(cipher.version, 'TLSv1.3');
    assert.match(cipher.name, /^TLS_/);
    assert.strictEqual(client.encrypted, true);
    client.end(payload);
  }));
  const chunks = [];
  client.on('data', (d) => chunks.push(d));
  client.on('end', common.mustCall(() => {
    assert.ok(Buffer.concat(chunks).equals(payload));
    server.close();
  }));
}));
