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
  if (FastBufferCtor === undefined) FastBufferCtor = require('internal/buffer').FastBuffer;
  return FastBufferCtor;
}

// A Buffer over the whole of a Uint8Array or ArrayBuffer the binding made.
function toBuffer(bytes) {
  const FastBuffer = lazyFastBuffer();
  if (bytes instanceof ArrayBuffer) return new FastBuffer(bytes, 0, bytes.byteLength);
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

// Encodes a digest as node's digest(encoding) does: a known encoding other
// than 'buffer' gives a string, anything else the Buffer.
function encodeDigest(bytes, encoding) {
  const buf = toBuffer(bytes);
  if (encoding === undefined || encoding === 'buffer') return buf;
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || encoding === '') return buf;
  return buf.toString(enc);
}

let hashes;
// The digest names, case duplicates removed (the lowercase spelling wins),
// sorted like node's getHashes().
function getHashes() {
  if (hashes === undefined) {
    const byLower = new Map();
    for (const name of binding.getHashes()) {
      const lower = name.toLowerCase();
      const seen = byLower.get(lower);
      if (seen === undefined || name === lower) byLower.set(lower, name);
    }
    hashes = [...byLower.values()].sort();
  }
  return hashes.slice();
}

module.exports = {
  binding,
  bytesOf,
  encodeDigest,
  getArrayBufferOrView,
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
