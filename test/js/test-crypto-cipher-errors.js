'use strict';
// Cipheriv/Decipheriv reject bad keys, IVs and tag lengths with node's error
// codes, and report OpenSSL's errors for bad padding.
const assert = require('node:assert');
const crypto = require('node:crypto');

const key = Buffer.alloc(16);
const iv = Buffer.alloc(16);

assert.throws(() => crypto.createCipheriv('aes-128-xxx', key, iv), {
  name: 'Error', code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN', message: 'Invalid key length',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(15)), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_IV', message: 'Invalid initialization vector',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, null), { code: 'ERR_CRYPTO_INVALID_IV' });
assert.throws(() => crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(13)),
              { code: 'ERR_CRYPTO_INVALID_IV' });
assert.throws(() => crypto.createCipheriv(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "cipher" argument must be of type string. Received type number (1)',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "iv" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
    'TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, iv, { authTagLength: -1 }), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.authTagLength' is invalid. Received -1",
});

// Tag lengths.
assert.throws(() => crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(12), { authTagLength: 3 }), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_AUTH_TAG', message: 'Invalid authentication tag length: 3',
});
assert.throws(() => crypto.createCipheriv('aes-128-ccm', key, Buffer.alloc(12)), {
  code: 'ERR_CRYPTO_INVALID_AUTH_TAG', message: 'authTagLength required for aes-128-ccm',
});
{
  const d = crypto.createDecipheriv('aes-128-gcm', key, Buffer.alloc(12));
  assert.throws(() => d.setAuthTag(Buffer.alloc(3)), {
    code: 'ERR_CRYPTO_INVALID_AUTH_TAG', message: 'Invalid authentication tag length: 3',
  });
  d.setAuthTag(Buffer.alloc(16));
  assert.throws(() => d.setAuthTag(Buffer.alloc(16)), {
    code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state for operation setAuthTag',
  });
  const e = crypto.createDecipheriv('aes-128-gcm', key, Buffer.alloc(12), { authTagLength: 8 });
  assert.throws(() => e.setAuthTag(Buffer.alloc(16)), { message: 'Invalid authentication tag length: 16' });
  const c = crypto.createDecipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(12));
  assert.throws(() => c.setAuthTag(Buffer.alloc(8)), { message: 'Invalid authentication tag length: 8' });
}
{
  const ccm = crypto.createCipheriv('aes-128-ccm', key, Buffer.alloc(12), { authTagLength: 16 });
  assert.throws(() => ccm.setAAD(Buffer.alloc(1)), {
    code: 'ERR_MISSING_ARGS', message: 'options.plaintextLength required for CCM mode with AAD',
  });
  const once = crypto.createCipheriv('aes-128-ccm', key, Buffer.alloc(12), { authTagLength: 16 });
  once.update('ab');
  assert.throws(() => once.update('ab'), { message: 'Trying to add data in unsupported state' });
}

// Padding errors come from OpenSSL.
{
  const d = crypto.createDecipheriv('aes-128-cbc', key, iv);
  d.update(Buffer.alloc(16));
  assert.throws(() => d.final(), {
    code: 'ERR_OSSL_BAD_DECRYPT', message: 'error:1C800064:Provider routines::bad decrypt',
    library: 'Provider routines', reason: 'bad decrypt',
  });
  const c = crypto.createCipheriv('aes-128-cbc', key, iv);
  c.setAutoPadding(false);
  c.update('abc');
  assert.throws(() => c.final(), {
    code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH',
    message: 'error:1C80006B:Provider routines::wrong final block length',
  });
}

// State after final().
{
  const c = crypto.createCipheriv('aes-128-cbc', key, iv);
  c.final();
  assert.throws(() => c.update('a'), { message: 'Trying to add data in unsupported state' });
  assert.throws(() => c.final(), { code: 'ERR_CRYPTO_INVALID_STATE' });
  assert.throws(() => c.setAutoPadding(), {
    code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state for operation setAutoPadding',
  });
  const fresh = crypto.createCipheriv('aes-128-cbc', key, iv);
  assert.throws(() => fresh.setAAD(Buffer.alloc(1)), { message: 'Invalid state for operation setAAD' });
  assert.throws(() => fresh.update(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "data" argument must be of type string or an instance of Buffer, TypedArray, ' +
      'or DataView. Received type number (1)',
  });
  assert.strictEqual(typeof fresh.setAuthTag, 'undefined');
  assert.strictEqual(typeof crypto.createDecipheriv('aes-128-cbc', key, iv).getAuthTag, 'undefined');
}
