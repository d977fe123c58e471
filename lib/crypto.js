'use strict';
// node:crypto on OpenSSL 3: randomness, hashes, HMAC, key derivation,
// secret keys and Web Crypto (getRandomValues, randomUUID, subtle.digest).
// Ciphers, signatures and asymmetric keys are not implemented yet: their
// entry points throw ERR_METHOD_NOT_IMPLEMENTED.

const {
  codes: {
    ERR_CRYPTO_FIPS_UNAVAILABLE,
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH,
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  binding,
  clearDigestIds,
  getCiphers,
  getCurves,
  getHashes,
  isAnyArrayBuffer,
  isArrayBufferView,
  viewBytes,
} = require('internal/crypto/util');
const {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
} = require('internal/crypto/random');
const { Hash, Hmac, hash } = require('internal/crypto/hash');

// Key derivation is rarely used: load it on first call. The wrappers keep
// node's parameter counts (function.length).
let kdf;
function lazyKdf() {
  if (kdf === undefined) kdf = require('internal/crypto/kdf');
  return kdf;
}
/* eslint-disable no-unused-vars */
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  return Reflect.apply(lazyKdf().pbkdf2, this, arguments);
}
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return Reflect.apply(lazyKdf().pbkdf2Sync, this, arguments);
}
function hkdf(digest, ikm, salt, info, keylen, callback) {
  return Reflect.apply(lazyKdf().hkdf, this, arguments);
}
function hkdfSync(digest, ikm, salt, info, keylen) {
  return Reflect.apply(lazyKdf().hkdfSync, this, arguments);
}
function scrypt(password, salt, keylen, options, ...callback) {
  return Reflect.apply(lazyKdf().scrypt, this, arguments);
}
function scryptSync(password, salt, keylen, ...options) {
  return Reflect.apply(lazyKdf().scryptSync, this, arguments);
}
/* eslint-enable no-unused-vars */
const { KeyObject, createSecretKey } = require('internal/crypto/keys');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// node checks these in C++, whose message does not describe the value.
function bufferArgError(name) {
  const err = new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                       null);
  err.message = `The "${name}" argument must be an instance of ArrayBuffer, Buffer, ` +
    'TypedArray, or DataView.';
  return err;
}

function timingSafeEqual(buf1, buf2) {
  if (!isAnyArrayBuffer(buf1) && !isArrayBufferView(buf1)) throw bufferArgError('buf1');
  if (!isAnyArrayBuffer(buf2) && !isArrayBufferView(buf2)) throw bufferArgError('buf2');
  if (buf1.byteLength !== buf2.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(viewBytes(buf1), viewBytes(buf2));
}

function getFips() {
  return binding.getFips();
}

function setFips(val) {
  if (!binding.setFips(!!val)) throw new ERR_CRYPTO_FIPS_UNAVAILABLE();
  clearDigestIds();
}

function secureHeapUsed() {
  return binding.secureHeapUsed();
}

let webcrypto;
function lazyWebCrypto() {
  if (webcrypto === undefined) webcrypto = require('internal/crypto/webcrypto');
  return webcrypto;
}

function getRandomValues(array) {
  return lazyWebCrypto().crypto.getRandomValues(array);
}

function notImplemented(name) {
  // A named function, so stack traces and inspect() show what was called.
  return {
    [name]() {
      throw new ERR_METHOD_NOT_IMPLEMENTED(`crypto.${name}`);
    },
  }[name];
}

const constants = Object.create(null);
Object.assign(constants, binding.constants);
{
  const defaultCipherList =
    'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
    'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:' +
    'ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:' +
    '!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
  // Insertion order as in node: the TLS version numbers come after the cipher list.
  const tail = {};
  for (const key of ['TLS1_VERSION', 'TLS1_1_VERSION', 'TLS1_2_VERSION', 'TLS1_3_VERSION',
    'POINT_CONVERSION_COMPRESSED', 'POINT_CONVERSION_UNCOMPRESSED',
    'POINT_CONVERSION_HYBRID']) {
    tail[key] = constants[key];
    delete constants[key];
  }
  constants.defaultCoreCipherList = defaultCipherList;
  Object.assign(constants, tail);
  let current = defaultCipherList;
  Object.defineProperty(constants, 'defaultCipherList', {
    __proto__: null,
    get() { return current; },
    set(value) { current = value; },
    enumerable: true,
    configurable: true,
  });
}

module.exports = {
  checkPrime: notImplemented('checkPrime'),
  checkPrimeSync: notImplemented('checkPrimeSync'),
  createCipheriv: notImplemented('createCipheriv'),
  createDecipheriv: notImplemented('createDecipheriv'),
  createDiffieHellman: notImplemented('createDiffieHellman'),
  createDiffieHellmanGroup: notImplemented('createDiffieHellmanGroup'),
  createECDH: notImplemented('createECDH'),
  createHash,
  createHmac,
  createPrivateKey: notImplemented('createPrivateKey'),
  createPublicKey: notImplemented('createPublicKey'),
  createSecretKey,
  createSign: notImplemented('createSign'),
  createVerify: notImplemented('createVerify'),
  diffieHellman: notImplemented('diffieHellman'),
  generatePrime: notImplemented('generatePrime'),
  generatePrimeSync: notImplemented('generatePrimeSync'),
  getCiphers,
  getCipherInfo: notImplemented('getCipherInfo'),
  getCurves,
  getDiffieHellman: notImplemented('getDiffieHellman'),
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair: notImplemented('generateKeyPair'),
  generateKeyPairSync: notImplemented('generateKeyPairSync'),
  generateKey: notImplemented('generateKey'),
  generateKeySync: notImplemented('generateKeySync'),
  privateDecrypt: notImplemented('privateDecrypt'),
  privateEncrypt: notImplemented('privateEncrypt'),
  publicDecrypt: notImplemented('publicDecrypt'),
  publicEncrypt: notImplemented('publicEncrypt'),
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign: notImplemented('sign'),
  setEngine: notImplemented('setEngine'),
  timingSafeEqual,
  getFips,
  setFips,
  verify: notImplemented('verify'),
  hash,
  Certificate: notImplemented('Certificate'),
  Cipher: notImplemented('Cipher'),
  Cipheriv: notImplemented('Cipheriv'),
  Decipher: notImplemented('Decipher'),
  Decipheriv: notImplemented('Decipheriv'),
  DiffieHellman: notImplemented('DiffieHellman'),
  DiffieHellmanGroup: notImplemented('DiffieHellmanGroup'),
  ECDH: notImplemented('ECDH'),
  Hash,
  Hmac,
  KeyObject,
  Sign: notImplemented('Sign'),
  Verify: notImplemented('Verify'),
  X509Certificate: notImplemented('X509Certificate'),
  secureHeapUsed,
  constants,
};

function defineGetter(name, get) {
  Object.defineProperty(module.exports, name, {
    __proto__: null, get, enumerable: true, configurable: false,
  });
}
defineGetter('webcrypto', () => lazyWebCrypto().crypto);
defineGetter('subtle', () => lazyWebCrypto().crypto.subtle);
defineGetter('getRandomValues', () => getRandomValues);

// Deprecated aliases of randomBytes (DEP0115, warned under --pending-deprecation).
function pendingDeprecation() {
  const argv = process.execArgv || [];
  return argv.includes('--pending-deprecation') ||
    /(^|\s)--pending-deprecation(\s|$)/.test((process.env && process.env.NODE_OPTIONS) || '');
}

function defineRandomBytesAlias(name) {
  const define = (target, value) => {
    Object.defineProperty(target, name, {
      __proto__: null, value, enumerable: false, configurable: true, writable: true,
    });
  };
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    get() {
      let value = randomBytes;
      if (pendingDeprecation()) {
        value = require('internal/util').deprecate(
          randomBytes, `crypto.${name} is deprecated.`, 'DEP0115');
      }
      define(this, value);
      return value;
    },
    set(value) { define(this, value); },
    enumerable: false,
    configurable: true,
  });
}
defineRandomBytesAlias('pseudoRandomBytes');
defineRandomBytesAlias('prng');
defineRandomBytesAlias('rng');
