'use strict';
// Web Crypto: the Crypto object (globalThis.crypto, crypto.webcrypto) with
// getRandomValues/randomUUID, SubtleCrypto (digest here, the other
// operations in internal/crypto/subtle, loaded on first use) and CryptoKey.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  binding,
  isArrayBuffer,
  isArrayBufferView,
  kKeyObject,
  lazyDOMException,
  viewBytes,
} = require('internal/crypto/util');
const random = require('internal/crypto/random');

const kConstruct = Symbol('kConstruct');

function codedTypeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function requireArguments(length, required, prefix) {
  if (length < required) {
    throw codedTypeError(
      'ERR_MISSING_ARGS',
      `${prefix}: ${required} argument${required === 1 ? '' : 's'} required, ` +
      `but only ${length} present.`);
  }
}

// ---- SubtleCrypto ----

// Web Crypto digest names (matched case-insensitively) -> OpenSSL names.
const kDigests = {
  'sha-1': ['SHA-1', 'sha1'],
  'sha-256': ['SHA-256', 'sha256'],
  'sha-384': ['SHA-384', 'sha384'],
  'sha-512': ['SHA-512', 'sha512'],
};

function normalizeDigestAlgorithm(algorithm) {
  let name;
  if (algorithm !== null && typeof algorithm === 'object') {
    if (algorithm.name === undefined) {
      throw codedTypeError(
        'ERR_MISSING_OPTION',
        "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' " +
        "because 'name' is required in 'Algorithm'.");
    }
    name = `${algorithm.name}`;
  } else {
    name = `${algorithm}`;
  }
  const entry = kDigests[name.toLowerCase()];
  if (entry === undefined) {
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  return entry[1];
}

function bufferSource(data, prefix, context) {
  if (isArrayBuffer(data)) return data;
  if (isArrayBufferView(data)) return data;
  throw codedTypeError(
    'ERR_INVALID_ARG_TYPE',
    `${prefix}: ${context} is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}

let subtle;

async function digest(algorithm, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
  requireArguments(arguments.length, 2, prefix);
  data = bufferSource(data, prefix, '2nd argument');
  const name = normalizeDigestAlgorithm(algorithm);
  return new Promise((resolve, reject) => {
    // The binding copies data before returning, so later changes do not matter.
    binding.digest(name, viewBytes(data), (err, result) => {
      if (err) {
        reject(lazyDOMException('The operation failed for an operation-specific reason',
                                'OperationError'));
      } else {
        resolve(result);
      }
    });
  });
}

let ops;
function lazyOps() {
  if (ops === undefined) ops = require('internal/crypto/subtle');
  return ops;
}

const kOrdinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];

function cryptoKeyArg(value, prefix, index) {
  if (value === null || typeof value !== 'object' || value[kKeyObject] === undefined) {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         `${prefix}: ${kOrdinals[index]} argument is not of type CryptoKey.`);
  }
  return value;
}

function usagesArg(value, prefix, index) {
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         `${prefix}: ${kOrdinals[index]} argument can not be converted to sequence.`);
  }
  return [...value].map((u) => `${u}`);
}

function formatArg(value) {
  return `${value}`;
}

// Each operation: its required argument count and how arguments convert.
function defineOperation(name, required, convert) {
  return {
    async [name](...args) {
      if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
      const prefix = `Failed to execute '${name}' on 'SubtleCrypto'`;
      requireArguments(args.length, required, prefix);
      const converted = convert(args, prefix);
      return Reflect.apply(lazyOps()[name], undefined, converted);
    },
  }[name];
}

const encrypt = defineOperation('encrypt', 3, ([alg, key, data], p) =>
  [alg, cryptoKeyArg(key, p, 1), bufferSource(data, p, '3rd argument')]);
const decrypt = defineOperation('decrypt', 3, ([alg, key, data], p) =>
  [alg, cryptoKeyArg(key, p, 1), bufferSource(data, p, '3rd argument')]);
const sign = defineOperation('sign', 3, ([alg, key, data], p) =>
  [alg, cryptoKeyArg(key, p, 1), bufferSource(data, p, '3rd argument')]);
const verify = defineOperation('verify', 4, ([alg, key, sig, data], p) =>
  [alg, cryptoKeyArg(key, p, 1), bufferSource(sig, p, '3rd argument'),
   bufferSource(data, p, '4th argument')]);
const generateKey = defineOperation('generateKey', 3, ([alg, ext, usages], p) =>
  [alg, !!ext, usagesArg(usages, p, 2)]);
const deriveKey = defineOperation('deriveKey', 5, ([alg, key, dalg, ext, usages], p) =>
  [alg, cryptoKeyArg(key, p, 1), dalg, !!ext, usagesArg(usages, p, 4)]);
const deriveBits = defineOperation('deriveBits', 2, ([alg, key, length], p) =>
  [alg, cryptoKeyArg(key, p, 1), length === undefined || length === null ? null : length >>> 0]);
const importKey = defineOperation('importKey', 5, ([format, data, alg, ext, usages], p) =>
  [formatArg(format), data, alg, !!ext, usagesArg(usages, p, 4)]);
const exportKey = defineOperation('exportKey', 2, ([format, key], p) =>
  [formatArg(format), cryptoKeyArg(key, p, 1)]);
const wrapKey = defineOperation('wrapKey', 4, ([format, key, wrappingKey, alg], p) =>
  [formatArg(format), cryptoKeyArg(key, p, 1), cryptoKeyArg(wrappingKey, p, 2), alg]);
const unwrapKey = defineOperation(
  'unwrapKey', 7, ([format, wrapped, key, alg, ualg, ext, usages], p) =>
    [formatArg(format), bufferSource(wrapped, p, '2nd argument'), cryptoKeyArg(key, p, 2), alg,
     ualg, !!ext, usagesArg(usages, p, 6)]);

const subtleMethods = {
  encrypt,
  decrypt,
  sign,
  verify,
  digest,
  generateKey,
  deriveKey,
  deriveBits,
  importKey,
  exportKey,
  wrapKey,
  unwrapKey,
};
for (const name of Object.keys(subtleMethods)) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    __proto__: null, value: subtleMethods[name], writable: true, enumerable: true,
    configurable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'SubtleCrypto', writable: false, enumerable: false,
  configurable: true,
});

subtle = new SubtleCrypto(kConstruct);

// ---- CryptoKey ----

const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kUsages = Symbol('kUsages');
const kType = Symbol('kType');

class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kType];
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }

  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kAlgorithm];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kUsages];
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({
      type: this.type,
      extractable: this.extractable,
      algorithm: this.algorithm,
      usages: this.usages,
    }, opts)}`;
  }
}
for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  const desc = Object.getOwnPropertyDescriptor(CryptoKey.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(CryptoKey.prototype, name, desc);
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CryptoKey', writable: false, enumerable: false, configurable: true,
});

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kKeyObject] !== undefined;
}

function createCryptoKey(keyObject, algorithm, extractable, usages) {
  const key = Object.create(CryptoKey.prototype);
  const hidden = (value) => ({ __proto__: null, value, enumerable: false, writable: false,
                               configurable: false });
  Object.defineProperty(key, kKeyObject, hidden(keyObject));
  Object.defineProperty(key, kType, hidden(keyObject.type));
  Object.defineProperty(key, kAlgorithm, hidden(algorithm));
  Object.defineProperty(key, kExtractable, hidden(!!extractable));
  Object.defineProperty(key, kUsages, hidden(usages));
  return key;
}

// ---- Crypto ----

class Crypto {
  constructor(token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }
}

let crypto;

function getRandomValues(array) {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  requireArguments(arguments.length, 1, "Failed to execute 'getRandomValues' on 'Crypto'");
  return random.getRandomValues(array);
}

function randomUUID() {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  return random.randomUUID();
}

Object.defineProperties(Crypto.prototype, {
  subtle: { __proto__: null, enumerable: true },
  getRandomValues: {
    __proto__: null, value: getRandomValues, writable: true, enumerable: true, configurable: true,
  },
  randomUUID: {
    __proto__: null, value: randomUUID, writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: {
    __proto__: null, value: 'Crypto', writable: false, enumerable: false, configurable: true,
  },
});

crypto = new Crypto(kConstruct);

module.exports = {
  Crypto,
  CryptoKey,
  createCryptoKey,
  SubtleCrypto,
  crypto,
};
