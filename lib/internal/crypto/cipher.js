'use strict';
// Cipheriv/Decipheriv (update/final objects that are also Transform
// streams), getCipherInfo, and RSA publicEncrypt/privateDecrypt/
// privateEncrypt/publicDecrypt. The cipher state lives in the binding.

const {
  codes: {
    ERR_CRYPTO_INVALID_STATE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateInt32,
  validateObject,
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
  prepareSecretKey,
} = require('internal/crypto/keys');
const LazyTransform = require('internal/crypto/lazy_transform');

let StringDecoder;
function getDecoder(decoder, encoding) {
  const normalized = normalizeEncoding(encoding) || encoding;
  if (StringDecoder === undefined) StringDecoder = require('string_decoder').StringDecoder;
  decoder = decoder || new StringDecoder(encoding);
  if (decoder.encoding !== normalized && normalizeEncoding(decoder.encoding) !== normalized) {
    const err = new Error('Cannot change encoding');
    err.code = 'ERR_INTERNAL_ASSERTION';
    throw err;
  }
  return decoder;
}

function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return -1;
}

function createCipherBase(cipher, credential, iv, options, decipher) {
  const authTagLength = getUIntOption(options, 'authTagLength');
  this[kHandle] = binding.cipherNew(cipher, credential, iv, decipher,
                                    authTagLength === -1 ? undefined : authTagLength);
  this._decoder = null;
  LazyTransform.call(this, options);
}

function createCipherWithIV(cipher, key, options, decipher, iv) {
  validateString(cipher, 'cipher');
  const encoding = options && typeof options === 'object' ? options.encoding : undefined;
  const keyBytes = bytesOf(prepareSecretKey(key, encoding));
  const ivBytes = iv === null ? null : bytesOf(getArrayBufferOrView(iv, 'iv'));
  Reflect.apply(createCipherBase, this, [cipher, keyBytes, ivBytes, options, decipher]);
}

function encodeOutput(self, bytes, outputEncoding) {
  const buf = toBuffer(bytes);
  if (outputEncoding && outputEncoding !== 'buffer') {
    self._decoder = getDecoder(self._decoder, outputEncoding);
    return self._decoder.write(buf);
  }
  return buf;
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    validateEncoding(data, inputEncoding);
    const enc = normalizeEncoding(inputEncoding);
    data = enc === undefined || enc === 'utf8' ? data : lazyBuffer().from(data, enc);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  } else {
    data = viewBytes(data);
  }
  const out = binding.cipherUpdate(this[kHandle], data);
  return encodeOutput(this, out, outputEncoding);
}

function final(outputEncoding) {
  const out = binding.cipherFinal(this[kHandle]);
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(toBuffer(out));
  }
  return toBuffer(out);
}

function setAutoPadding(ap) {
  if (!binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  }
  return this;
}

function getAuthTag() {
  const tag = binding.cipherGetAuthTag(this[kHandle]);
  if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return toBuffer(tag);
}

function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (binding.cipherSetAuthTag(this[kHandle], bytesOf(tagbuf)) !== 0) {
    throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  return this;
}

function setAAD(aadbuf, options) {
  const encoding = options && typeof options === 'object' ? options.encoding : undefined;
  const buffer = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
  let plaintextLength;
  if (options && typeof options === 'object' && options.plaintextLength !== undefined) {
    plaintextLength = options.plaintextLength;
    validateInt32(plaintextLength, 'options.plaintextLength', 0);
  }
  if (!binding.cipherSetAAD(this[kHandle], bytesOf(buffer), plaintextLength)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
}

function _transform(chunk, encoding, callback) {
  try {
    this.push(this.update(chunk, encoding));
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function _flush(callback) {
  try {
    this.push(this.final());
  } catch (e) {
    callback(e);
    return;
  }
  callback();
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  Reflect.apply(createCipherWithIV, this, [cipher, key, options, false, iv]);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  Reflect.apply(createCipherWithIV, this, [cipher, key, options, true, iv]);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

for (const proto of [Cipheriv.prototype, Decipheriv.prototype]) {
  Object.assign(proto, { _transform, _flush, update, final, setAutoPadding, setAAD });
}
Cipheriv.prototype.getAuthTag = getAuthTag;
Decipheriv.prototype.setAuthTag = setAuthTag;

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = binding.getCipherInfo(nameOrNid, keyLength, ivLength);
  if (info === undefined) return undefined;
  // node's order: mode, name, nid, blockSize, ivLength, keyLength.
  return info;
}

// ---- RSA ----

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function rsaFunctionFor(op, defaultPadding, keyKind) {
  return (options, buffer) => {
    const handle = keyKind === 'private' ?
      preparePrivateKey(options) : preparePublicOrPrivateKey(options);
    let oaepHash, oaepLabel;
    const isObj = typeof options === 'object' && options !== null && !isKeyObject(options) &&
      !ArrayBuffer.isView(options) && !isCryptoKey(options);
    let pad = defaultPadding;
    if (isObj) {
      pad = options.padding || defaultPadding;
      oaepHash = options.oaepHash;
      if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
      if (options.oaepLabel !== undefined) {
        oaepLabel = bytesOf(getArrayBufferOrView(options.oaepLabel, 'key.oaepLabel',
                                                 options.encoding));
      }
    }
    buffer = bytesOf(getArrayBufferOrView(buffer, 'buffer', isObj ? options.encoding : undefined));
    return toBuffer(binding.rsaCipher(op, handle, buffer, pad, oaepHash, oaepLabel));
  };
}

const publicEncrypt = rsaFunctionFor(0, RSA_PKCS1_OAEP_PADDING, 'public');
const privateDecrypt = rsaFunctionFor(1, RSA_PKCS1_OAEP_PADDING, 'private');
const privateEncrypt = rsaFunctionFor(2, RSA_PKCS1_PADDING, 'private');
const publicDecrypt = rsaFunctionFor(3, RSA_PKCS1_PADDING, 'public');

module.exports = {
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getCipherInfo,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
};
