'use strict';
// Key derivation: pbkdf2, hkdf and scrypt, each synchronous or on the thread
// pool (OpenSSL's PKCS5_PBKDF2_HMAC, EVP_KDF HKDF and EVP_PBE_scrypt).

const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
    ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  binding,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  isArrayBufferView,
  lazyBuffer,
  toBuffer,
  viewBytes,
} = require('internal/crypto/util');

// ---- pbkdf2 ----

function pbkdf2Check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  // OpenSSL takes these as signed ints.
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password: viewBytes(password), salt: viewBytes(salt), iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = pbkdf2Check(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  const started = binding.pbkdf2(args.password, args.salt, args.iterations, args.keylen,
                                 args.digest, (err, result) => {
                                   if (err) return callback(err);
                                   callback(null, toBuffer(result));
                                 });
  if (started === null) throw new ERR_CRYPTO_INVALID_DIGEST(args.digest);
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const args = pbkdf2Check(password, salt, iterations, keylen, digest);
  const result = binding.pbkdf2(args.password, args.salt, args.iterations, args.keylen,
                                args.digest);
  if (result === null) throw new ERR_CRYPTO_INVALID_DIGEST(args.digest);
  return toBuffer(result);
}

// ---- hkdf ----

let keys;
function lazyKeys() {
  if (keys === undefined) keys = require('internal/crypto/keys');
  return keys;
}

function toBufIfString(value) {
  return typeof value === 'string' ? lazyBuffer().from(value, 'utf8') : value;
}

function validateByteSource(value, name) {
  value = toBufIfString(value);
  if (isAnyArrayBuffer(value) || isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(
    name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], value);
}

// The input keying material's bytes.
function hkdfKey(key) {
  const { isKeyObject, isCryptoKey, prepareSecretKey } = lazyKeys();
  if (isKeyObject(key) || isCryptoKey(key)) return prepareSecretKey(key);
  if (isAnyArrayBuffer(key)) return key;
  key = toBufIfString(key);
  if (!isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'],
      key);
  }
  return key;
}

function hkdfCheck(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  key = hkdfKey(key);
  salt = validateByteSource(salt, 'salt');
  info = validateByteSource(info, 'info');
  validateInteger(length, 'length', 0, internalBinding('buffer').kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = binding.digestSize(hash);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hash);
  if (length > 255 * size) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return { hash, key: viewBytes(key), salt: viewBytes(salt), info: viewBytes(info), length };
}

function hkdf(hash, key, salt, info, length, callback) {
  const args = hkdfCheck(hash, key, salt, info, length);
  validateFunction(callback, 'callback');
  binding.hkdf(args.hash, args.key, args.salt, args.info, args.length, callback);
}

function hkdfSync(hash, key, salt, info, length) {
  const args = hkdfCheck(hash, key, salt, info, length);
  return binding.hkdf(args.hash, args.key, args.salt, args.info, args.length);
}

// ---- scrypt ----

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptCheck(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const hasN = options.N !== undefined;
    if (hasN) {
      N = options.N;
      validateUint32(N, 'N');
    }
    if (options.cost !== undefined) {
      if (hasN) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      N = options.cost;
      validateUint32(N, 'cost');
    }
    const hasR = options.r !== undefined;
    if (hasR) {
      r = options.r;
      validateUint32(r, 'r');
    }
    if (options.blockSize !== undefined) {
      if (hasR) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    const hasP = options.p !== undefined;
    if (hasP) {
      p = options.p;
      validateUint32(p, 'p');
    }
    if (options.parallelization !== undefined) {
      if (hasP) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  const problem = binding.checkScryptParams(N, r, p, maxmem);
  if (problem !== undefined) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS(problem ? `: ${problem}` : '');
  }
  return { password: viewBytes(password), salt: viewBytes(salt), keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const a = scryptCheck(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding.scrypt(a.password, a.salt, a.N, a.r, a.p, a.maxmem, a.keylen, (err, result) => {
    if (err) return callback(err);
    callback(null, toBuffer(result));
  });
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  const a = scryptCheck(password, salt, keylen, options);
  return toBuffer(binding.scrypt(a.password, a.salt, a.N, a.r, a.p, a.maxmem, a.keylen));
}

module.exports = {
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
};
