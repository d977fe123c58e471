'use strict';
// KeyObject for secret (symmetric) keys: createSecretKey() and the key
// argument handling of Hmac and hkdf. Asymmetric keys are not implemented yet.

const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateObject, validateOneOf } = require('internal/validators');
const {
  binding,
  bytesOf,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  isArrayBufferView,
  kKeyObject,
  toBuffer,
} = require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');
const kKeyData = Symbol('kKeyData');
const kConstruct = Symbol('kConstruct');

class KeyObject {
  constructor(type, data) {
    // Only this file can make key objects (node's take a native handle).
    if (data !== kConstruct) {
      if (type !== 'secret' && type !== 'public' && type !== 'private') {
        throw new ERR_INVALID_ARG_VALUE('type', type);
      }
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', data);
    }
    this[kKeyType] = type;
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    if (key === null || typeof key !== 'object' || key[kKeyObject] === undefined) {
      throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    }
    return key[kKeyObject];
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    const a = this[kKeyData];
    const b = otherKeyObject[kKeyData];
    return a.byteLength === b.byteLength && binding.timingSafeEqual(a, b);
  }
}

Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  __proto__: null,
  configurable: true,
  value: 'KeyObject',
});

class SecretKeyObject extends KeyObject {
  constructor(data, token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super('secret', kConstruct);
    Object.defineProperty(this, kKeyData, {
      __proto__: null, value: data, enumerable: false, configurable: false, writable: false,
    });
  }

  get symmetricKeySize() {
    return this[kKeyData].byteLength;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: toBuffer(this[kKeyData].slice()).toString('base64url') };
      }
    }
    return toBuffer(this[kKeyData].slice());
  }
}

function isKeyObject(value) {
  return value != null && value[kKeyType] !== undefined;
}

function isCryptoKey(value) {
  return value != null && typeof value === 'object' && value[kKeyObject] !== undefined;
}

// The key bytes for a secret-key argument (string, buffer, KeyObject or
// CryptoKey); bufferOnly rejects key objects, as createSecretKey does.
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kKeyData];
    }
    if (isCryptoKey(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kKeyObject][kKeyData];
    }
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      bufferOnly ? ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
        ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'],
      key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function createSecretKey(key, encoding) {
  const bytes = bytesOf(prepareSecretKey(key, encoding, true));
  return new SecretKeyObject(bytes.slice(), kConstruct);
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  createSecretKey,
  isCryptoKey,
  isKeyObject,
  kKeyData,
  prepareSecretKey,
};
