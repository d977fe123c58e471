'use strict';
// https.createServer() and https.get() with a trusted CA: the request, the
// response body, ALPN http/1.1 and a keep-alive socket reused with its TLS
// session by the agent.
const common = require('./common');
const assert = require('node:assert');
const https = require('node:https');

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
const server = https.createServer({ key, cert }, common.mustCall((req, res) => {
  assert.strictEqual(req.socket.encrypted, true);
  assert.strictEqual(req.socket.alpnProtocol, false);
  res.end(`hello ${req.url}`);
}, 2));
server.listen(0, common.mustCall(() => {
  const agent = new https.Agent({ keepAlive: true });
  const get = (path, next) => {
    https.get({ host: 'localhost', port: server.address().port, path, ca, agent },
              common.mustCall((res) => {
      assert.strictEqual(res.statusCode, 200);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', common.mustCall(() => {
        assert.strictEqual(body, `hello ${path}`);
        next(res.socket);
      }));
    }));
  };
  get('/a', (first) => {
    setImmediate(() => get('/b', (second) => {
      assert.strictEqual(second, first);
      agent.destroy();
      server.close();
    }));
  });
}));
