'use strict';
// KeyObject (secret, public and private keys), createSecretKey/
// createPublicKey/createPrivateKey, PEM/DER/JWK import and export, and the
// key-argument handling shared by ciphers, signatures and key agreement.
// Asymmetric keys live in the binding as KeyObjectHandles (an EVP_PKEY).

const {
  codes: {
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
    ERR_CRYPTO_INVALID_JWK,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_JWK_UNSUPPORTED_CURVE,
    ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_PASSPHRASE,
  },
} = require('internal/errors');
const { validateObject, validateOneOf, validateString } = require('internal/validators');
const {
  binding,
  bytesOf,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  isArrayBufferView,
  kHandle,
  kKeyObject,
  lazyBuffer,
  toBuffer,
} = require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');
const kKeyData = Symbol('kKeyData');
const kConstruct = Symbol('kConstruct');
const kInfo = Symbol('kInfo');

// Who consumes a key argument (node's key contexts).
const kConsumePublic = 0;
const kConsumePrivate = 1;
const kCreatePublic = 2;
const kCreatePrivate = 3;

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
    if (!isCryptoKey(key)) {
      throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    }
    return key[kKeyObject];
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    if (this.type === 'secret') {
      const a = this[kKeyData];
      const b = otherKeyObject[kKeyData];
      return a.byteLength === b.byteLength && binding.timingSafeEqual(a, b);
    }
    return binding.keyEquals(this[kHandle], otherKeyObject[kHandle]);
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

const kJwkCurves = {
  __proto__: null,
  prime256v1: 'P-256',
  secp256k1: 'secp256k1',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};
const kCurveOfJwk = {
  __proto__: null,
  'P-256': 'prime256v1',
  'secp256k1': 'secp256k1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
};

function b64url(bytes) {
  return toBuffer(bytes).toString('base64url');
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, handle) {
    super(type, kConstruct);
    Object.defineProperty(this, kHandle, {
      __proto__: null, value: handle, enumerable: false, configurable: false, writable: false,
    });
  }

  get asymmetricKeyType() {
    return keyInfo(this).type;
  }

  get asymmetricKeyDetails() {
    const info = keyInfo(this);
    switch (info.type) {
      case 'rsa':
      case 'rsa-pss': {
        const details = {
          modulusLength: info.modulusLength,
          publicExponent: BigInt(`0x${info.publicExponent}`),
        };
        if (info.hashAlgorithm !== undefined) {
          details.hashAlgorithm = info.hashAlgorithm;
          // OpenSSL leaves out the MGF1 digest when it is the default, SHA-1.
          details.mgf1HashAlgorithm = info.mgf1HashAlgorithm === undefined ?
            'sha1' : info.mgf1HashAlgorithm;
          details.saltLength = info.saltLength;
        }
        return details;
      }
      case 'dsa':
        return { modulusLength: info.modulusLength, divisorLength: info.divisorLength };
      case 'ec':
        return { namedCurve: info.namedCurve };
      default:
        return {};
    }
  }

  exportJwk(isPublic) {
    const type = this.asymmetricKeyType;
    const c = binding.keyComponents(this[kHandle], isPublic);
    const priv = !isPublic && this.type === 'private';
    if (type === 'rsa') {
      const jwk = { kty: 'RSA', n: b64url(c.n), e: b64url(c.e) };
      if (priv) {
        for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) jwk[k] = b64url(c[k]);
      }
      return jwk;
    }
    if (type === 'ec') {
      const crv = kJwkCurves[c.curve];
      if (crv === undefined) throw new ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(c.curve);
      const jwk = { kty: 'EC', x: b64url(c.x), y: b64url(c.y), crv };
      if (priv) jwk.d = b64url(c.d);
      return jwk;
    }
    if (type === 'ed25519' || type === 'ed448' || type === 'x25519' || type === 'x448') {
      const crv = { ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448' }[type];
      const jwk = { crv };
      if (priv) jwk.d = b64url(c.d);
      jwk.x = b64url(c.x);
      jwk.kty = 'OKP';
      return jwk;
    }
    throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
  }
}

function keyInfo(key) {
  let info = key[kInfo];
  if (info === undefined) {
    info = binding.keyInfo(key[kHandle]);
    Object.defineProperty(key, kInfo, {
      __proto__: null, value: info, enumerable: false, configurable: false, writable: false,
    });
  }
  return info;
}

function encodeExported(bytes, format) {
  const buf = toBuffer(bytes);
  return format === 'pem' ? buf.toString('latin1') : buf;
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') return this.exportJwk(true);
    const { format, type } = parsePublicKeyEncoding(options, this.asymmetricKeyType);
    return encodeExported(binding.keyExport(this[kHandle], true, format, type), format);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
      }
      return this.exportJwk(false);
    }
    const { format, type, cipher, passphrase } =
      parsePrivateKeyEncoding(options, this.asymmetricKeyType);
    return encodeExported(
      binding.keyExport(this[kHandle], false, format, type, cipher, passphrase), format);
  }
}

function isKeyObject(value) {
  return value != null && value[kKeyType] !== undefined;
}

function isCryptoKey(value) {
  return value != null && typeof value === 'object' && value[kKeyObject] !== undefined;
}

// ---- encodings ----

function option(name, objName) {
  return objName === undefined ? `options.${name}` : `options.${objName}.${name}`;
}

function parseKeyFormat(formatStr, defaultFormat, optionName) {
  if (formatStr === undefined && defaultFormat !== undefined) return defaultFormat;
  if (formatStr === 'pem') return 'pem';
  if (formatStr === 'der') return 'der';
  if (formatStr === 'jwk') return 'jwk';
  throw new ERR_INVALID_ARG_VALUE(optionName, formatStr);
}

function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
  if (typeStr === undefined && !required) return undefined;
  if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for RSA keys');
    }
    return 'pkcs1';
  }
  if (typeStr === 'spki' && isPublic !== false) return 'spki';
  if (typeStr === 'pkcs8' && isPublic !== true) return 'pkcs8';
  if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for EC keys');
    }
    return 'sec1';
  }
  throw new ERR_INVALID_ARG_VALUE(optionName, typeStr);
}

function parseKeyFormatAndType(enc, keyType, isPublic, objName) {
  const { format: formatStr, type: typeStr } = enc;
  const isInput = keyType === undefined;
  const format = parseKeyFormat(formatStr, isInput ? 'pem' : undefined,
                                option('format', objName));
  const isRequired = (!isInput || format === 'der') && format !== 'jwk';
  const type = parseKeyType(typeStr, isRequired, keyType, isPublic, option('type', objName));
  return { format, type };
}

function isStringOrBuffer(val) {
  return typeof val === 'string' || isArrayBufferView(val) || isAnyArrayBuffer(val);
}

function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');
  const isInput = keyType === undefined;
  const { format, type } = parseKeyFormatAndType(enc, keyType, isPublic, objName);
  let cipher, passphrase, encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);
    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      }
    }
    if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw new ERR_INVALID_ARG_VALUE(option('passphrase', objName), passphrase);
    }
  }
  if (passphrase !== undefined) passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  return { format, type, cipher, passphrase };
}

function parsePublicKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, keyType ? true : undefined, objName);
}

function parsePrivateKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, false, objName);
}

// ---- key arguments ----

function keyTypesFor(ctx) {
  return ctx === kCreatePrivate ?
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];
}

function handleOfKeyObject(key, ctx, name) {
  if (ctx === kCreatePrivate) throw new ERR_INVALID_ARG_TYPE(name, keyTypesFor(ctx), key);
  if (key.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    }
    if (key.type !== 'public') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private or public');
    }
  }
  return key[kHandle];
}

function jwkString(jwk, name) {
  validateString(jwk[name], `key.${name}`);
  return lazyBuffer().from(jwk[name], 'base64url');
}

// A KeyObjectHandle from a JWK object.
function handleFromJwk(jwk, ctx) {
  validateObject(jwk, 'key.key');
  const { kty } = jwk;
  validateOneOf(kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;
  let handle;
  if (kty === 'OKP') {
    const { crv } = jwk;
    validateOneOf(crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    const x = jwkString(jwk, 'x');
    const fields = { x };
    if (!isPublic) fields.d = jwkString(jwk, 'd');
    handle = binding.keyFromComponents(crv.toLowerCase(), !isPublic, fields);
  } else if (kty === 'EC') {
    const { crv } = jwk;
    validateOneOf(crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    const fields = { curve: kCurveOfJwk[crv], x: jwkString(jwk, 'x'), y: jwkString(jwk, 'y') };
    if (!isPublic) fields.d = jwkString(jwk, 'd');
    handle = binding.keyFromComponents('ec', !isPublic, fields);
  } else {
    const fields = { n: jwkString(jwk, 'n'), e: jwkString(jwk, 'e') };
    if (!isPublic) {
      for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) fields[k] = jwkString(jwk, k);
    }
    handle = binding.keyFromComponents('rsa', !isPublic, fields);
  }
  if (handle === undefined) {
    const err = new ERR_CRYPTO_INVALID_JWK();
    if (kty === 'EC') err.message = 'Invalid JWK EC key';
    throw err;
  }
  return handle;
}

// Whether DER bytes are an EncryptedPrivateKeyInfo (SEQUENCE { SEQUENCE, ...
// }) rather than a PrivateKeyInfo (SEQUENCE { INTEGER, ... }).
function isEncryptedPrivateKeyInfo(der) {
  if (der.length < 4 || der[0] !== 0x30) return false;
  let i = 1;
  if (der[i] & 0x80) i += 1 + (der[i] & 0x7f);
  else i += 1;
  return der[i] === 0x30;
}

// The KeyObjectHandle for an asymmetric key argument (PEM/DER/JWK input, an
// options object, a KeyObject or a CryptoKey). The result may hold a
// private key when a public one was asked for (it then acts as public).
function prepareAsymmetricKey(key, ctx, name = 'key') {
  if (isKeyObject(key)) return handleOfKeyObject(key, ctx, name);
  if (isCryptoKey(key)) return handleOfKeyObject(key[kKeyObject], ctx, name);
  const wantPrivate = ctx === kConsumePrivate || ctx === kCreatePrivate;
  if (isStringOrBuffer(key)) {
    return binding.keyParse(bytesOf(getArrayBufferOrView(key, name)), wantPrivate, 'pem');
  }
  if (typeof key === 'object' && key !== null) {
    const { key: data, encoding, format } = key;
    if (isKeyObject(data)) return handleOfKeyObject(data, ctx, `${name}.key`);
    if (isCryptoKey(data)) return handleOfKeyObject(data[kKeyObject], ctx, `${name}.key`);
    if (format === 'jwk') return handleFromJwk(data, ctx);
    if (!isStringOrBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE(`${name}.key`, keyTypesFor(ctx), data);
    }
    const isPublic = ctx === kConsumePrivate || ctx === kCreatePrivate ? false : undefined;
    const enc = parseKeyEncoding(key, undefined, isPublic);
    const bytes = bytesOf(getArrayBufferOrView(data, `${name}.key`, encoding));
    if (enc.format === 'der' && enc.type === 'pkcs8' && enc.passphrase === undefined &&
        isEncryptedPrivateKeyInfo(bytes)) {
      throw new ERR_MISSING_PASSPHRASE();
    }
    return binding.keyParse(bytes, wantPrivate, enc.format, enc.type,
                            enc.passphrase === undefined ? undefined : bytesOf(enc.passphrase));
  }
  throw new ERR_INVALID_ARG_TYPE(name, keyTypesFor(ctx), key);
}

function preparePrivateKey(key, name) {
  return prepareAsymmetricKey(key, kConsumePrivate, name);
}

function preparePublicOrPrivateKey(key, name) {
  return prepareAsymmetricKey(key, kConsumePublic, name);
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

function newSecretKey(bytes) {
  return new SecretKeyObject(bytes, kConstruct);
}

// A public KeyObject for a handle (which may hold a private key).
function publicKeyOf(handle) {
  return new PublicKeyObject(binding.keyPublic(handle));
}

function createPublicKey(key) {
  const handle = prepareAsymmetricKey(key, kCreatePublic);
  return publicKeyOf(handle);
}

function createPrivateKey(key) {
  return new PrivateKeyObject(prepareAsymmetricKey(key, kCreatePrivate));
}

module.exports = {
  AsymmetricKeyObject,
  KeyObject,
  PrivateKeyObject,
  PublicKeyObject,
  SecretKeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  isCryptoKey,
  isKeyObject,
  kConsumePrivate,
  kConsumePublic,
  kKeyData,
  newSecretKey,
  parsePrivateKeyEncoding,
  parsePublicKeyEncoding,
  prepareAsymmetricKey,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  prepareSecretKey,
  publicKeyOf,
};
