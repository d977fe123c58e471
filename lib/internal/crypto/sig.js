'use strict';
// Sign and Verify (Writable streams over a running digest) and the one-shot
// crypto.sign()/crypto.verify(), with RSA padding, PSS salt length and the
// DSA/ECDSA signature encoding options.

const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_SIGN_KEY_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateFunction,
  validateString,
} = require('internal/validators');
const {
  binding,
  bytesOf,
  getArrayBufferOrView,
  isArrayBufferView,
  kHandle,
  lazyBuffer,
  normalizeEncoding,
  toBuffer,
  viewBytes,
} = require('internal/crypto/util');
const {
  isCryptoKey,
  isKeyObject,
  preparePrivateKey,
  preparePublicOrPrivateKey,
} = require('internal/crypto/keys');

let Writable;
function lazyWritable() {
  if (Writable === undefined) {
    Writable = require('stream').Writable;
    Object.setPrototypeOf(Sign.prototype, Writable.prototype);
    Object.setPrototypeOf(Sign, Writable);
    Object.setPrototypeOf(Verify.prototype, Writable.prototype);
    Object.setPrototypeOf(Verify, Writable);
  }
  return Writable;
}

function invalidDigest() {
  const err = new TypeError('Invalid digest');
  err.code = 'ERR_CRYPTO_INVALID_DIGEST';
  return err;
}

function isOptionsObject(options) {
  return typeof options === 'object' && options !== null && !isKeyObject(options) &&
    !isCryptoKey(options) && !isArrayBufferView(options);
}

function getIntOption(name, options) {
  if (!isOptionsObject(options)) return undefined;
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

function getDSASignatureEncoding(options) {
  if (isOptionsObject(options)) {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return 0;
    if (dsaEncoding === 'ieee-p1363') return 1;
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return 0;
}

function updateData(data, encoding) {
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
    const enc = normalizeEncoding(encoding);
    return enc === undefined || enc === 'utf8' ? data : lazyBuffer().from(data, enc);
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return viewBytes(data);
}

function initHandle(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  const handle = binding.signNew(algorithm);
  if (handle === null) throw invalidDigest();
  self[kHandle] = handle;
  Reflect.apply(lazyWritable(), self, [options]);
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initHandle(this, algorithm, options);
}

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function update(data, encoding) {
  binding.signUpdate(this[kHandle], updateData(data, encoding));
  return this;
};

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = preparePrivateKey(options);
  const padding = getIntOption('padding', options);
  const saltLength = getIntOption('saltLength', options);
  const dsaEncoding = getDSASignatureEncoding(options);
  const ret = toBuffer(binding.signFinal(this[kHandle], handle, padding, saltLength,
                                         dsaEncoding));
  if (encoding && encoding !== 'buffer') return ret.toString(encoding);
  return ret;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initHandle(this, algorithm, options);
}

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const handle = preparePublicOrPrivateKey(options);
  const padding = getIntOption('padding', options);
  const saltLength = getIntOption('saltLength', options);
  const dsaEncoding = getDSASignatureEncoding(options);
  signature = bytesOf(getArrayBufferOrView(signature, 'signature', sigEncoding));
  return binding.verifyFinal(this[kHandle], handle, signature, padding, saltLength,
                             dsaEncoding);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

function checkAlgorithm(algorithm) {
  if (algorithm != null) {
    validateString(algorithm, 'algorithm');
    if (binding.digestSize(algorithm) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  }
  return algorithm == null ? undefined : algorithm;
}

function signOneShot(algorithm, data, key, callback) {
  algorithm = checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = bytesOf(getArrayBufferOrView(data, 'data'));
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = preparePrivateKey(key);
  const padding = getIntOption('padding', key);
  const saltLength = getIntOption('saltLength', key);
  const dsaEncoding = getDSASignatureEncoding(key);
  if (callback === undefined) {
    return toBuffer(binding.signOneShot(handle, algorithm, data, padding, saltLength,
                                        dsaEncoding));
  }
  binding.signOneShot(handle, algorithm, data, padding, saltLength, dsaEncoding,
                      (err, sig) => {
                        if (err) callback(err);
                        else callback(null, toBuffer(sig));
                      });
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  algorithm = checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = bytesOf(getArrayBufferOrView(data, 'data'));
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  }
  const handle = preparePublicOrPrivateKey(key);
  const padding = getIntOption('padding', key);
  const saltLength = getIntOption('saltLength', key);
  const dsaEncoding = getDSASignatureEncoding(key);
  signature = bytesOf(getArrayBufferOrView(signature, 'signature'));
  return binding.verifyOneShot(handle, algorithm, data, signature, padding, saltLength,
                               dsaEncoding, callback);
}

module.exports = {
  Sign,
  Verify,
  createSign,
  createVerify,
  signOneShot,
  verifyOneShot,
};
