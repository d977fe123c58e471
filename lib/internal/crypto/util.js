'use strict';
// Helpers shared by the files of lib/internal/crypto: byte-source checks,
// encodings, the digest-name list and lazily loaded dependencies.

const binding = internalBinding('crypto');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

let bufferModule;
function lazyBuffer() {
  if (bufferModule === undefined) bufferModule = require('buffer');
  return bufferModule.Buffer;
}

let FastBufferCtor;
function lazyFastBuffer() {
  if (FastBufferCtor === undefined) {
    // lib/buffer.js puts Buffer's methods on FastBuffer.prototype.
    lazyBuffer();
    FastBufferCtor = require('internal/buffer').FastBuffer;
  }
  return FastBufferCtor;
}

// A Buffer over the whole of a Uint8Array or ArrayBuffer the binding made.
// Uint8Arrays change prototype in place: wrapping them would make the engine
// materialize their ArrayBuffer, which costs more than the digest itself.
function toBuffer(bytes) {
  const FastBuffer = lazyFastBuffer();
  if (bytes instanceof ArrayBuffer) return new FastBuffer(bytes, 0, bytes.byteLength);
  return Object.setPrototypeOf(bytes, FastBuffer.prototype);
}

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  if (DOMExceptionCtor === undefined) {
    DOMExceptionCtor = require('internal/per_context/domexception').DOMException;
  }
  return new DOMExceptionCtor(message, name);
}

const isArrayBufferView = ArrayBuffer.isView;
const getTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;

function isArrayBuffer(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    abByteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

function isSharedArrayBuffer(value) {
  if (sabByteLength === undefined || typeof value !== 'object' || value === null) return false;
  try {
    sabByteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

// The TypedArray kind ('Uint8Array', ...) or undefined for anything else.
function typedArrayTag(value) {
  return getTag.call(value);
}

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

// node's normalizeEncoding: the canonical name, or undefined if unknown.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

// What the binding hashes for (string, encoding): the string itself when it
// is hashed as UTF-8 (the binding encodes it), else its bytes.
function stringBytes(data, encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || enc === 'utf8') return data;
  return lazyBuffer().from(data, enc);
}

// node's getArrayBufferOrView: strings become bytes; buffers pass through.
function getArrayBufferOrView(buffer, name, encoding) {
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return lazyBuffer().from(buffer, encoding);
  }
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

// A Uint8Array over exactly the bytes of an ArrayBuffer or a view.
function bytesOf(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (value instanceof Uint8Array) return value;
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

// What the binding takes for a buffer argument: TypedArrays and ArrayBuffers
// as they are, a DataView as a Uint8Array over the same bytes.
function viewBytes(value) {
  if (isArrayBufferView(value) && typedArrayTag(value) === undefined) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return value;
}

// Output forms the binding produces itself (src/binding/crypto.c CRYPTO_ENC_*).
const kEncBuffer = 0;
const kEncodingCodes = { __proto__: null, hex: 1, base64: 2, base64url: 3, latin1: 4 };

// The binding's code for a digest(encoding) argument: known encodings other
// than 'buffer' give a string, anything else a Buffer, as in node.
function digestEncoding(encoding) {
  if (encoding === undefined || encoding === 'buffer' || encoding === '') return kEncBuffer;
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) return kEncBuffer;
  return kEncodingCodes[enc] || enc;
}

// Turns what the binding returned for digestEncoding(encoding) into the result.
function finishDigest(result, code) {
  if (typeof result === 'string') return result;
  const buf = toBuffer(result);
  return typeof code === 'string' ? buf.toString(code) : buf;
}

// Encodes digest bytes as node's digest(encoding) does.
function encodeDigest(bytes, encoding) {
  const code = digestEncoding(encoding);
  const buf = toBuffer(bytes);
  if (code === kEncBuffer) return buf;
  return buf.toString(typeof code === 'string' ? code : normalizeEncoding(encoding));
}

// Digest names the binding resolved, by the small number it prefers to a
// name (bounded: names come from callers).
const digestIds = new Map();
function digestArg(name) {
  const id = digestIds.get(name);
  if (id !== undefined) return id;
  const found = binding.digestId(name);
  if (found < 0) return name;
  if (digestIds.size < 256) digestIds.set(name, found);
  return found;
}

// Forgets the numbers (they depend on the FIPS setting).
function clearDigestIds() {
  digestIds.clear();
}

// Names from the binding with case duplicates removed (the lowercase spelling
// wins), sorted like node's getHashes()/getCiphers().
function filterDuplicateStrings(items) {
  const byLower = new Map();
  for (const name of items) {
    const lower = name.toLowerCase();
    const seen = byLower.get(lower);
    if (seen === undefined || name === lower) byLower.set(lower, name);
  }
  return [...byLower.values()].sort();
}

let hashes;
function getHashes() {
  if (hashes === undefined) hashes = filterDuplicateStrings(binding.getHashes());
  return hashes.slice();
}

let ciphers;
function getCiphers() {
  if (ciphers === undefined) ciphers = filterDuplicateStrings(binding.getCiphers());
  return ciphers.slice();
}

let curves;
function getCurves() {
  if (curves === undefined) curves = filterDuplicateStrings(binding.getCurves());
  return curves.slice();
}

module.exports = {
  binding,
  bytesOf,
  clearDigestIds,
  digestArg,
  digestEncoding,
  encodeDigest,
  finishDigest,
  getArrayBufferOrView,
  getCiphers,
  getCurves,
  getHashes,
  isAnyArrayBuffer,
  isArrayBuffer,
  isArrayBufferView,
  isTypedArray,
  kHandle,
  kKeyObject,
  lazyBuffer,
  lazyDOMException,
  lazyFastBuffer,
  normalizeEncoding,
  stringBytes,
  toBuffer,
  typedArrayTag,
  viewBytes,
};
