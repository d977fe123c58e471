'use strict';
// Web Crypto: the Crypto object (globalThis.crypto, crypto.webcrypto) with
// getRandomValues/randomUUID, and SubtleCrypto with digest(). The other
// SubtleCrypto operations reject with NotSupportedError for now.

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

function notSupported(name) {
  return {
    async [name]() {
      if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
    },
  }[name];
}

const subtleMethods = {
  encrypt: notSupported('encrypt'),
  decrypt: notSupported('decrypt'),
  sign: notSupported('sign'),
  verify: notSupported('verify'),
  digest,
  generateKey: notSupported('generateKey'),
  deriveKey: notSupported('deriveKey'),
  deriveBits: notSupported('deriveBits'),
  importKey: notSupported('importKey'),
  exportKey: notSupported('exportKey'),
  wrapKey: notSupported('wrapKey'),
  unwrapKey: notSupported('unwrapKey'),
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

// ---- CryptoKey (keys come with the rest of SubtleCrypto) ----

class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CryptoKey', writable: false, enumerable: false, configurable: true,
});

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
  SubtleCrypto,
  crypto,
};
