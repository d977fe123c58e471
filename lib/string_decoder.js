'use strict';
// node:string_decoder. Decodes a stream of byte chunks to strings without
// splitting multi-byte characters. The per-chunk bookkeeping is here; the
// byte-to-string conversions are single calls into the `buffer` binding.
//
// State lives in a 7-byte Buffer, as in Node: bytes 0-3 hold an incomplete
// character, byte 4 how many bytes it still misses, byte 5 how many are
// buffered, byte 6 the encoding id.

const { Buffer, normalizeEncoding } = require('buffer');
const binding = internalBinding('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_STRING_TOO_LONG,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

const kNativeDecoder = Symbol('kNativeDecoder');
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

// The binding's encoding ids.
const kAscii = 0;
const kUtf8 = 1;
const kBase64 = 2;
const kUcs2 = 3;
const kLatin1 = 4;
const kHex = 5;
const kBase64Url = 7;

const encodingsMap = {
  __proto__: null,
  ascii: kAscii,
  utf8: kUtf8,
  base64: kBase64,
  utf16le: kUcs2,
  latin1: kLatin1,
  hex: kHex,
  base64url: kBase64Url,
};

const isEncoding = Buffer.isEncoding;

function normalize(enc) {
  const nenc = normalizeEncoding(enc);
  if (nenc === undefined) {
    // A user-replaced Buffer.isEncoding may accept more names.
    if (Buffer.isEncoding === isEncoding || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return nenc;
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

// A Uint8Array over the bytes of any ArrayBufferView.
function toBytes(view) {
  if (getTypedArrayTag.call(view) === 'Uint8Array') return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function makeString(bytes, start, end, enc) {
  const s = binding.slice(bytes, start, end, enc);
  if (s === undefined) throw new ERR_STRING_TOO_LONG();
  return s;
}

function decodeChunk(state, data) {
  const enc = state[kEncodingField];
  let start = 0;
  let end = data.length;
  if (enc !== kUtf8 && enc !== kUcs2 && enc !== kBase64 && enc !== kBase64Url) {
    return end === 0 ? '' : makeString(data, 0, end, enc);
  }

  // First complete a character left over from the previous chunk.
  let prepend = '';
  let missing = state[kMissingBytes];
  if (missing > 0) {
    let buffered = state[kBufferedBytes];
    if (enc === kUtf8) {
      // A byte that is not a continuation ends the incomplete character early;
      // it then starts a new one.
      for (let i = 0; i < end && i < missing; i++) {
        if ((data[i] & 0xC0) !== 0x80) {
          for (let k = 0; k < i; k++) state[buffered + k] = data[k];
          buffered += i;
          start = i;
          missing = 0;
          break;
        }
      }
    }
    const take = Math.min(end - start, missing);
    for (let k = 0; k < take; k++) state[buffered + k] = data[start + k];
    start += take;
    missing -= take;
    buffered += take;
    state[kMissingBytes] = missing;
    state[kBufferedBytes] = buffered;
    if (missing === 0) {
      prepend = makeString(state, 0, buffered, enc);
      state[kBufferedBytes] = 0;
    }
  }
  if (start === end) return prepend;

  // Then hold back an incomplete character at the end of this chunk.
  let buffered = 0;
  missing = 0;
  if (enc === kUtf8) {
    if (data[end - 1] & 0x80) {
      for (let i = end - 1; ; i--) {
        buffered++;
        const b = data[i];
        if ((b & 0xC0) === 0x80) {
          // A continuation byte: keep looking for the lead byte, but no
          // further than a character can reach.
          if (buffered >= 4 || i === start) {
            buffered = 0;
            break;
          }
          continue;
        }
        if ((b & 0xE0) === 0xC0) missing = 2;
        else if ((b & 0xF0) === 0xE0) missing = 3;
        else if ((b & 0xF8) === 0xF0) missing = 4;
        else {
          buffered = 0;
          break;
        }
        if (buffered >= missing) {
          // Complete (or too long to be valid): decode it now.
          missing = 0;
          buffered = 0;
        }
        missing -= buffered;
        break;
      }
    }
  } else if (enc === kUcs2) {
    if ((end - start) % 2 === 1) {
      buffered = 1;
      missing = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      // The first half of a surrogate pair.
      buffered = 2;
      missing = 2;
    }
  } else {
    buffered = (end - start) % 3;
    if (buffered > 0) missing = 3 - buffered;
  }
  if (buffered > 0) {
    end -= buffered;
    for (let k = 0; k < buffered; k++) state[k] = data[end + k];
  }
  state[kMissingBytes] = missing;
  state[kBufferedBytes] = buffered;
  if (end <= start) return prepend;
  const body = makeString(data, start, end, enc);
  return prepend === '' ? body : prepend + body;
}

function flush(state) {
  const enc = state[kEncodingField];
  if (enc === kUcs2 && state[kBufferedBytes] % 2 === 1) {
    // A lone trailing byte of UTF-16 is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  const buffered = state[kBufferedBytes];
  if (buffered === 0) return '';
  const ret = makeString(state, 0, buffered, enc);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return ret;
}

function StringDecoder(encoding) {
  this.encoding = normalize(encoding);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = encodingsMap[this.encoding];
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  const state = this[kNativeDecoder];
  if (!state) throw new ERR_INVALID_THIS('StringDecoder');
  return decodeChunk(state, toBytes(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this[kNativeDecoder]);
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(0, 4);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
