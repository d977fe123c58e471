'use strict';
// Hash and Hmac (update/digest objects that are also Transform streams) and
// the one-shot crypto.hash(). The digest state lives in the binding; each
// update() crosses into C once with the whole chunk.

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  binding,
  digestArg,
  digestEncoding,
  encodeDigest,
  finishDigest,
  isArrayBufferView,
  kHandle,
  normalizeEncoding,
  stringBytes,
  toBuffer,
  viewBytes,
} = require('internal/crypto/util');
const LazyTransform = require('internal/crypto/lazy_transform');

const kFinalized = Symbol('kFinalized');
const kState = Symbol('kState');

function checkUpdateData(data, encoding) {
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
    return stringBytes(data, encoding);
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return viewBytes(data);
}

// ---- Hash ----

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  const copyOf = algorithm instanceof Hash ? algorithm : undefined;
  if (copyOf === undefined) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  const outLen = xofLen === undefined ? -1 : xofLen;
  let handle;
  if (copyOf !== undefined) {
    handle = binding.hashCopy(copyOf[kHandle], outLen);
  } else {
    handle = binding.hashNew(digestArg(algorithm), outLen);
    if (handle === null) throw new Error('Digest method not supported');
  }
  this[kHandle] = handle;
  this[kState] = { [kFinalized]: false };
  Reflect.apply(LazyTransform, this, [options]);
}

Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  const data = typeof chunk === 'string' ? stringBytes(chunk, encoding) : viewBytes(chunk);
  binding.hashUpdate(this[kHandle], data);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(toBuffer(binding.hashDigest(this[kHandle], 0)));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  const bytes = checkUpdateData(data, encoding || 'utf8');
  if (!binding.hashUpdate(this[kHandle], bytes)) throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  outputEncoding = outputEncoding || 'buffer';
  // Converted first, like node, so a throwing toString() leaves the hash usable.
  const code = digestEncoding(`${outputEncoding}`);
  const result = finishDigest(binding.hashDigest(this[kHandle], code), code);
  state[kFinalized] = true;
  return result;
};

// ---- Hmac ----

let keys;
function prepareSecretKey(key, encoding) {
  if (keys === undefined) keys = require('internal/crypto/keys');
  return keys.prepareSecretKey(key, encoding);
}

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  let encoding;
  if (options !== null && typeof options === 'object' && options.encoding !== undefined) {
    encoding = options.encoding;
    validateString(encoding, 'options.encoding');
  }
  key = prepareSecretKey(key, encoding);
  const handle = binding.hmacNew(digestArg(hmac), viewBytes(key));
  if (handle === null) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = handle;
  this[kState] = { [kFinalized]: false };
  Reflect.apply(LazyTransform, this, [options]);
}

Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype._transform = function _transform(chunk, encoding, callback) {
  const data = typeof chunk === 'string' ? stringBytes(chunk, encoding) : viewBytes(chunk);
  binding.hmacUpdate(this[kHandle], data);
  callback();
};

Hmac.prototype._flush = function _flush(callback) {
  this.push(toBuffer(binding.hmacDigest(this[kHandle], 0)));
  callback();
};

Hmac.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  const bytes = checkUpdateData(data, encoding || 'utf8');
  if (!binding.hmacUpdate(this[kHandle], bytes)) throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  outputEncoding = outputEncoding || 'buffer';
  const encoding = `${outputEncoding}`;
  // A second digest() gives an empty result, as in node.
  if (state[kFinalized]) return encodeDigest(new Uint8Array(0), encoding);
  state[kFinalized] = true;
  const code = digestEncoding(encoding);
  return finishDigest(binding.hmacDigest(this[kHandle], code), code);
};

// ---- crypto.hash(algorithm, data[, outputEncoding]) ----

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let normalized = outputEncoding;
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    normalized = normalizeEncoding(outputEncoding);
    if (normalized === undefined) {
      throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
    }
  }
  const code = digestEncoding(normalized);
  const result = binding.oneShotDigest(digestArg(algorithm), viewBytes(input), code);
  if (result === null) throw new Error(`Digest method ${algorithm} is not supported`);
  return finishDigest(result, code);
}

module.exports = {
  Hash,
  Hmac,
  hash,
};
