'use strict';
// DiffieHellman, DiffieHellmanGroup, ECDH (node's stateful key agreement
// objects) and diffieHellman() over two KeyObjects.

const {
  codes: {
    ERR_CRYPTO_ECDH_INVALID_FORMAT,
    ERR_CRYPTO_INCOMPATIBLE_KEY,
    ERR_CRYPTO_INVALID_CURVE,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_UNKNOWN_DH_GROUP,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const {
  binding,
  bytesOf,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  isArrayBufferView,
  kHandle,
  lazyBuffer,
  toBuffer,
} = require('internal/crypto/util');
const { isKeyObject } = require('internal/crypto/keys');

const POINT_CONVERSION_COMPRESSED = 2;
const POINT_CONVERSION_UNCOMPRESSED = 4;
const POINT_CONVERSION_HYBRID = 6;

function encode(bytes, encoding) {
  const buf = toBuffer(bytes);
  if (encoding && encoding !== 'buffer') return buf.toString(encoding);
  return buf;
}

function toBuf(value, encoding) {
  if (typeof value === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return lazyBuffer().from(value, encoding);
  }
  return value;
}

function defineVerifyError(self) {
  Object.defineProperty(self, 'verifyError', {
    __proto__: null,
    enumerable: true,
    value: binding.dhVerifyError(self[kHandle]),
    writable: false,
  });
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !isArrayBufferView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE(
      'sizeOrKey', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  if (keyEncoding && !lazyBuffer().isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  keyEncoding = keyEncoding || 'buffer';
  genEncoding = genEncoding || 'buffer';
  if (typeof sizeOrKey !== 'number') sizeOrKey = bytesOf(toBuf(sizeOrKey, keyEncoding));
  if (!generator) {
    generator = 2;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = bytesOf(toBuf(generator, genEncoding));
  } else if (!isArrayBufferView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE(
      'generator', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      generator);
  } else {
    generator = bytesOf(generator);
  }
  this[kHandle] = binding.dhNew(sizeOrKey, generator);
  defineVerifyError(this);
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  const handle = binding.dhNewGroup(name);
  if (handle === null) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
  this[kHandle] = handle;
  defineVerifyError(this);
}

function dhGenerateKeys(encoding) {
  return encode(binding.dhGenerateKeys(this[kHandle]), encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  key = bytesOf(getArrayBufferOrView(key, 'key', inEnc));
  return encode(binding.dhComputeSecret(this[kHandle], key), outEnc);
}

function getter(what) {
  return function(encoding) {
    return encode(binding.dhGet(this[kHandle], what), encoding);
  };
}

function setter(what) {
  return function(key, encoding) {
    key = bytesOf(getArrayBufferOrView(key, 'key', encoding));
    binding.dhSet(this[kHandle], what, key);
    return this;
  };
}

for (const proto of [DiffieHellman.prototype, DiffieHellmanGroup.prototype]) {
  proto.generateKeys = dhGenerateKeys;
  proto.computeSecret = dhComputeSecret;
  proto.getPrime = getter(0);
  proto.getGenerator = getter(1);
  proto.getPublicKey = getter(2);
  proto.getPrivateKey = getter(3);
}
DiffieHellman.prototype.setPublicKey = setter(2);
DiffieHellman.prototype.setPrivateKey = setter(3);

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

// ---- ECDH ----

function getFormat(format) {
  if (format) {
    if (format === 'compressed') return POINT_CONVERSION_COMPRESSED;
    if (format === 'hybrid') return POINT_CONVERSION_HYBRID;
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return POINT_CONVERSION_UNCOMPRESSED;
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  const handle = binding.ecdhNew(curve);
  if (handle === null) throw new ERR_CRYPTO_INVALID_CURVE();
  this[kHandle] = handle;
}

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = bytesOf(getArrayBufferOrView(key, 'key', inEnc));
  return encode(binding.ecdhComputeSecret(this[kHandle], key), outEnc);
};

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  binding.ecdhGenerateKeys(this[kHandle]);
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = getFormat(format);
  return encode(binding.ecdhGetPublicKey(this[kHandle], f), encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  return encode(binding.ecdhGetPrivateKey(this[kHandle]), encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = bytesOf(getArrayBufferOrView(key, 'key', encoding));
  binding.ecdhSetPrivateKey(this[kHandle], key);
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = bytesOf(getArrayBufferOrView(key, 'key', encoding));
  binding.ecdhSetPublicKey(this[kHandle], key);
  return this;
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = bytesOf(getArrayBufferOrView(key, 'key', inEnc));
  const f = getFormat(format);
  const out = binding.ecdhConvertKey(key, curve, f);
  if (out === null) throw new ERR_CRYPTO_INVALID_CURVE();
  return encode(out, outEnc);
};

function createECDH(curve) {
  return new ECDH(curve);
}

// ---- diffieHellman() ----

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!isKeyObject(publicKey)) throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !['dh', 'ec', 'x448', 'x25519'].includes(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
                                          `${privateType} and ${publicType}`);
  }
  return toBuffer(binding.keyDerive(privateKey[kHandle], publicKey[kHandle]));
}

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  diffieHellman,
};
