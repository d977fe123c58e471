'use strict';
// generateKeyPair(Sync), generateKey(Sync), generatePrime(Sync) and
// checkPrime(Sync). Generation runs in the binding, on the thread pool for
// the callback forms.

const {
  codes: {
    ERR_CRYPTO_INVALID_CURVE,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_UNKNOWN_DH_GROUP,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_OPTION,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  binding,
  bytesOf,
  getCurves,
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/crypto/util');
const {
  PrivateKeyObject,
  newSecretKey,
  parsePrivateKeyEncoding,
  parsePublicKeyEncoding,
  publicKeyOf,
} = require('internal/crypto/keys');

function parseEncodings(keyType, options) {
  const { publicKeyEncoding, privateKeyEncoding } = options || {};
  let pub, priv;
  if (publicKeyEncoding != null) {
    if (typeof publicKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', publicKeyEncoding);
    }
    pub = publicKeyEncoding.format === 'jwk' ? { format: 'jwk' } :
      parsePublicKeyEncoding(publicKeyEncoding, keyType, 'publicKeyEncoding');
  }
  if (privateKeyEncoding != null) {
    if (typeof privateKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', privateKeyEncoding);
    }
    priv = privateKeyEncoding.format === 'jwk' ? { format: 'jwk' } :
      parsePrivateKeyEncoding(privateKeyEncoding, keyType, 'privateKeyEncoding');
    if (priv.format !== 'jwk') priv = privateKeyEncoding;
  }
  if (pub !== undefined && pub.format !== 'jwk') pub = publicKeyEncoding;
  return { pub, priv };
}

function u32Bytes(n) {
  const out = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return new Uint8Array(out.length ? out : [0]);
}

const kKeyTypes = {
  __proto__: null,
  'rsa': 'rsa', 'rsa-pss': 'rsa-pss', 'dsa': 'dsa', 'ec': 'ec', 'ed25519': 'ed25519',
  'ed448': 'ed448', 'x25519': 'x25519', 'x448': 'x448', 'dh': 'dh',
};

// Validates options and returns what the binding takes.
function keyPairParams(type, options) {
  validateString(type, 'type');
  const params = {};
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { publicExponent } = options;
      if (publicExponent == null) publicExponent = 0x10001;
      else validateUint32(publicExponent, 'options.publicExponent');
      params.modulusLength = modulusLength;
      params.publicExponent = u32Bytes(publicExponent);
      if (type === 'rsa-pss') {
        const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
        if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
        if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
        if (mgf1HashAlgorithm !== undefined) {
          validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
        }
        if (hash !== undefined) validateString(hash, 'options.hash');
        if (mgf1Hash !== undefined) validateString(mgf1Hash, 'options.mgf1Hash');
        const h = hashAlgorithm || hash;
        const m = mgf1HashAlgorithm || mgf1Hash;
        for (const value of [h, m]) {
          if (value !== undefined && binding.digestSize(value) < 0) {
            throw new ERR_CRYPTO_INVALID_DIGEST(value);
          }
        }
        params.hash = h;
        params.mgf1Hash = m;
        params.saltLength = saltLength;
      }
      break;
    }
    case 'dsa': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { divisorLength } = options;
      if (divisorLength == null) divisorLength = undefined;
      else validateInt32(divisorLength, 'options.divisorLength', 0);
      params.modulusLength = modulusLength;
      params.divisorLength = divisorLength;
      break;
    }
    case 'ec': {
      validateObject(options, 'options');
      const { namedCurve } = options;
      validateString(namedCurve, 'options.namedCurve');
      let { paramEncoding } = options;
      if (paramEncoding == null || paramEncoding === 'named') paramEncoding = 'named';
      else if (paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      if (!getCurves().includes(namedCurve) &&
          !['P-256', 'P-384', 'P-521', 'P-224', 'P-192'].includes(namedCurve)) {
        throw new ERR_CRYPTO_INVALID_CURVE();
      }
      params.namedCurve = namedCurve;
      params.explicitCurve = paramEncoding === 'explicit';
      break;
    }
    case 'ed25519':
    case 'ed448':
    case 'x25519':
    case 'x448':
      if (options !== undefined) validateObject(options, 'options');
      break;
    case 'dh': {
      validateObject(options, 'options');
      const { group, primeLength, prime, generator } = options;
      if (group != null) {
        if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
        if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
        validateString(group, 'options.group');
        if (!/^(modp(1|2|5|14|15|16|17|18))$/.test(group)) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
        params.group = group;
      } else {
        if (prime != null) {
          if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
          if (!isArrayBufferView(prime)) {
            throw new ERR_INVALID_ARG_TYPE('options.prime', ['Buffer', 'TypedArray', 'DataView'],
                                           prime);
          }
          params.prime = bytesOf(prime);
        } else if (primeLength != null) {
          validateInt32(primeLength, 'options.primeLength', 0);
          params.primeLength = primeLength;
        } else {
          throw new ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
        }
        if (generator != null) validateInt32(generator, 'options.generator', 0);
        params.generator = generator == null ? 2 : generator;
      }
      break;
    }
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return params;
}

function encodeKeyPair(handle, enc) {
  const publicKey = publicKeyOf(handle);
  const privateKey = new PrivateKeyObject(handle);
  return {
    publicKey: enc.pub === undefined ? publicKey : publicKey.export(enc.pub),
    privateKey: enc.priv === undefined ? privateKey : privateKey.export(enc.priv),
  };
}

function generateKeyPairSync(type, options) {
  const params = keyPairParams(type, options);
  const enc = parseEncodings(kKeyTypes[type], options);
  return encodeKeyPair(binding.keyGenerate(type, params), enc);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const params = keyPairParams(type, options);
  const enc = parseEncodings(kKeyTypes[type], options);
  binding.keyGenerate(type, params, (err, handle) => {
    if (err) {
      callback(err);
      return;
    }
    let pair;
    try {
      pair = encodeKeyPair(handle, enc);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, pair.publicKey, pair.privateKey);
  });
}

// ---- secret keys ----

function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      validateOneOf(length, 'options.length', [128, 192, 256]);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  return Math.floor(length / 8);
}

function generateKeySync(type, options) {
  const n = secretKeyLength(type, options);
  const bytes = new Uint8Array(n);
  binding.randomFillSync(bytes);
  return newSecretKey(bytes);
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const n = secretKeyLength(type, options);
  const bytes = new Uint8Array(n);
  binding.randomFill(bytes, (err) => {
    if (err) callback(err);
    else callback(null, newSecretKey(bytes));
  });
}

// ---- primes ----

function bigintToBytes(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function bytesToBigInt(bytes) {
  let n = 0n;
  for (const b of new Uint8Array(bytes)) n = (n << 8n) | BigInt(b);
  return n;
}

function primeBytes(value, name) {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', value);
    return bigintToBytes(value);
  }
  if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView',
      'bigint'], value);
  }
  return bytesOf(value).slice();
}

function primeParams(size, options) {
  validateInt32(size, 'size', 1);
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (add !== undefined) add = primeBytes(add, 'options.add');
  if (rem !== undefined) rem = primeBytes(rem, 'options.rem');
  // Without add, rem means nothing (as in node).
  if (add === undefined) rem = undefined;
  if (add !== undefined) {
    const a = bytesToBigInt(add);
    if (a !== 0n && a >= 2n ** BigInt(size)) {
      throw new ERR_OUT_OF_RANGE('options.add', `<= ${size} bits`, a);
    }
    if (rem !== undefined && a !== 0n && bytesToBigInt(rem) >= a) {
      throw new ERR_OUT_OF_RANGE('options.rem', '< options.add', bytesToBigInt(rem));
    }
  }
  return { safe, bigint, add, rem };
}

function generatePrimeSync(size, options = {}) {
  const { safe, bigint, add, rem } = primeParams(size, options);
  const ab = binding.generatePrime(size, safe, add, rem);
  return bigint ? bytesToBigInt(ab) : ab;
}

function generatePrime(size, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const { safe, bigint, add, rem } = primeParams(size, options);
  binding.generatePrime(size, safe, add, rem, (err, ab) => {
    if (err) callback(err);
    else callback(undefined, bigint ? bytesToBigInt(ab) : ab);
  });
}

function checkPrimeParams(candidate, options) {
  const bytes = primeBytes(candidate, 'candidate');
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  return { bytes: bytes.length ? bytes : new Uint8Array(1), checks };
}

function checkPrimeSync(candidate, options = {}) {
  const { bytes, checks } = checkPrimeParams(candidate, options);
  return binding.checkPrime(bytes, checks);
}

function checkPrime(candidate, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const { bytes, checks } = checkPrimeParams(candidate, options);
  binding.checkPrime(bytes, checks, (err, result) => {
    if (err) callback(err);
    else callback(undefined, result);
  });
}

module.exports = {
  checkPrime,
  checkPrimeSync,
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
  generatePrime,
  generatePrimeSync,
};
