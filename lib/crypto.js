'use strict';
// node:crypto on OpenSSL 3: randomness, hashes, HMAC, key derivation,
// secret keys and Web Crypto (getRandomValues, randomUUID, subtle.digest).
// ciphers, asymmetric keys, signatures, key agreement and X509 certificates.

const {
  codes: {
    ERR_CRYPTO_ENGINE_UNKNOWN,
    ERR_CRYPTO_FIPS_UNAVAILABLE,
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { validateNumber, validateString } = require('internal/validators');
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

function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags !== undefined) validateNumber(flags, 'flags');
  flags = flags === undefined ? 0xFFFF : flags >>> 0;
  if (flags === 0) flags = 0xFFFF;
  if (!binding.setEngine(id, flags)) throw new ERR_CRYPTO_ENGINE_UNKNOWN(id);
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

// The rest of the API lives in files loaded on first use; the wrappers keep
// node's parameter counts (function.length).
let cipherMod, keygenMod, sigMod, dhMod, x509Mod, keysMod;
function lazyCipher() {
  if (cipherMod === undefined) cipherMod = require('internal/crypto/cipher');
  return cipherMod;
}
function lazyKeygen() {
  if (keygenMod === undefined) keygenMod = require('internal/crypto/keygen');
  return keygenMod;
}
function lazySig() {
  if (sigMod === undefined) sigMod = require('internal/crypto/sig');
  return sigMod;
}
function lazyDh() {
  if (dhMod === undefined) dhMod = require('internal/crypto/diffiehellman');
  return dhMod;
}
function lazyX509() {
  if (x509Mod === undefined) x509Mod = require('internal/crypto/x509');
  return x509Mod;
}
function lazyKeys() {
  if (keysMod === undefined) keysMod = require('internal/crypto/keys');
  return keysMod;
}
/* eslint-disable no-unused-vars */
function createCipheriv(cipher, key, iv, options) {
  return Reflect.apply(lazyCipher().createCipheriv, this, arguments);
}
function createDecipheriv(cipher, key, iv, options) {
  return Reflect.apply(lazyCipher().createDecipheriv, this, arguments);
}
function getCipherInfo(nameOrNid, options) {
  return Reflect.apply(lazyCipher().getCipherInfo, this, arguments);
}
function publicEncrypt(key, buffer) {
  return Reflect.apply(lazyCipher().publicEncrypt, this, arguments);
}
function privateDecrypt(key, buffer) {
  return Reflect.apply(lazyCipher().privateDecrypt, this, arguments);
}
function privateEncrypt(key, buffer) {
  return Reflect.apply(lazyCipher().privateEncrypt, this, arguments);
}
function publicDecrypt(key, buffer) {
  return Reflect.apply(lazyCipher().publicDecrypt, this, arguments);
}
function createPublicKey(key) {
  return Reflect.apply(lazyKeys().createPublicKey, this, arguments);
}
function createPrivateKey(key) {
  return Reflect.apply(lazyKeys().createPrivateKey, this, arguments);
}
function generateKeyPair(type, options, callback) {
  return Reflect.apply(lazyKeygen().generateKeyPair, this, arguments);
}
function generateKeyPairSync(type, options) {
  return Reflect.apply(lazyKeygen().generateKeyPairSync, this, arguments);
}
function generateKey(type, options, callback) {
  return Reflect.apply(lazyKeygen().generateKey, this, arguments);
}
function generateKeySync(type, options) {
  return Reflect.apply(lazyKeygen().generateKeySync, this, arguments);
}
function generatePrime(size, options, callback) {
  return Reflect.apply(lazyKeygen().generatePrime, this, arguments);
}
function generatePrimeSync(size, options) {
  return Reflect.apply(lazyKeygen().generatePrimeSync, this, arguments);
}
function checkPrime(candidate, options, callback) {
  return Reflect.apply(lazyKeygen().checkPrime, this, arguments);
}
function checkPrimeSync(candidate, options) {
  return Reflect.apply(lazyKeygen().checkPrimeSync, this, arguments);
}
function createSign(algorithm, options) {
  return Reflect.apply(lazySig().createSign, this, arguments);
}
function createVerify(algorithm, options) {
  return Reflect.apply(lazySig().createVerify, this, arguments);
}
function sign(algorithm, data, key, callback) {
  return Reflect.apply(lazySig().signOneShot, this, arguments);
}
function verify(algorithm, data, key, signature, callback) {
  return Reflect.apply(lazySig().verifyOneShot, this, arguments);
}
function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return Reflect.apply(lazyDh().createDiffieHellman, this, arguments);
}
function createDiffieHellmanGroup(name) {
  return Reflect.apply(lazyDh().createDiffieHellmanGroup, this, arguments);
}
function getDiffieHellman(name) {
  return Reflect.apply(lazyDh().createDiffieHellmanGroup, this, arguments);
}
function createECDH(curve) {
  return Reflect.apply(lazyDh().createECDH, this, arguments);
}
function diffieHellman(options) {
  return Reflect.apply(lazyDh().diffieHellman, this, arguments);
}
/* eslint-enable no-unused-vars */

module.exports = {
  checkPrime,
  checkPrimeSync,
  createCipheriv,
  createDecipheriv,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  diffieHellman,
  generatePrime,
  generatePrimeSync,
  getCiphers,
  getCipherInfo,
  getCurves,
  getDiffieHellman,
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign,
  setEngine,
  timingSafeEqual,
  getFips,
  setFips,
  verify,
  hash,
  Certificate: undefined,
  // Placeholders keep node's key order; defineLazyClass() fills them in.
  Cipher: undefined,
  Cipheriv: undefined,
  Decipher: undefined,
  Decipheriv: undefined,
  DiffieHellman: undefined,
  DiffieHellmanGroup: undefined,
  ECDH: undefined,
  Hash,
  Hmac,
  KeyObject,
  Sign: undefined,
  Verify: undefined,
  X509Certificate: undefined,
  secureHeapUsed,
  constants,
};

// Classes from the lazily loaded files: data properties once read.
function defineLazyClass(name, load) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    get() {
      const value = load();
      Object.defineProperty(module.exports, name, {
        __proto__: null, value, enumerable: true, configurable: true, writable: true,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, name, {
        __proto__: null, value, enumerable: true, configurable: true, writable: true,
      });
    },
    enumerable: true,
    configurable: true,
  });
}
defineLazyClass('Certificate', () => require('internal/crypto/certificate'));
defineLazyClass('Cipheriv', () => lazyCipher().Cipheriv);
defineLazyClass('Decipheriv', () => lazyCipher().Decipheriv);
defineLazyClass('DiffieHellman', () => lazyDh().DiffieHellman);
defineLazyClass('DiffieHellmanGroup', () => lazyDh().DiffieHellmanGroup);
defineLazyClass('ECDH', () => lazyDh().ECDH);
defineLazyClass('Sign', () => lazySig().Sign);
defineLazyClass('Verify', () => lazySig().Verify);
defineLazyClass('X509Certificate', () => lazyX509().X509Certificate);

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
