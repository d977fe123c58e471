'use strict';
// tls.createSecureContext(): bad input throws node's errors (OpenSSL codes,
// argument codes) and never crashes.
require('./common');
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

const { key, cert, otherKey } = makeCerts();

assert.throws(() => tls.createSecureContext({ cert: 'garbage' }), {
  message: 'error:0480006C:PEM routines::no start line',
  code: 'ERR_OSSL_PEM_NO_START_LINE',
  library: 'PEM routines',
  reason: 'no start line',
});
assert.throws(() => tls.createSecureContext({ key: 'garbage' }), { code: 'ERR_OSSL_UNSUPPORTED' });
assert.throws(() => tls.createSecureContext({ cert, key: otherKey }),
              { code: 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' });
assert.throws(() => tls.createSecureContext({ ciphers: 'nonsense' }), {
  message: 'error:0A0000B9:SSL routines::no cipher match',
  code: 'ERR_SSL_NO_CIPHER_MATCH',
});
assert.throws(() => tls.createSecureContext({ key: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.key" property must be of type string or an instance of Buffer, ' +
    'TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => tls.createSecureContext({ minVersion: 'TLSv9' }), {
  code: 'ERR_TLS_INVALID_PROTOCOL_VERSION',
  message: '"TLSv9" is not a valid minimum TLS protocol version',
});
assert.throws(() => tls.createSecureContext({ secureProtocol: 'TLSv1_2_method',
                                              maxVersion: 'TLSv1.3' }), {
  code: 'ERR_TLS_PROTOCOL_VERSION_CONFLICT',
  message: 'TLS protocol version "TLSv1.3" conflicts with secureProtocol "TLSv1_2_method"',
});
assert.throws(() => tls.createSecureContext({ secureProtocol: 'bogus' }),
              { code: 'ERR_TLS_INVALID_PROTOCOL_METHOD', message: 'Unknown method: bogus' });
assert.throws(() => tls.createSecureContext({ pfx: Buffer.from('junk') }), Error);

// A good context still works after all that.
const ctx = tls.createSecureContext({ key, cert });
assert.ok(ctx instanceof tls.SecureContext);
assert.ok(ctx.context);
