'use strict';
// The 'advanced' IPC serialization of child_process (serialization:
// 'advanced'): structured-clone values (Map, Set, Date, RegExp, BigInt,
// typed arrays, Buffers, errors, cycles) in cairn's own binary format.
// Each message is a frame: a 4-byte big-endian payload length, then the
// payload. Both ends of a channel are cairn, so the format only has to be
// self-consistent (it is not V8's wire format).

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

const T_UNDEFINED = 0;
const T_NULL = 1;
const T_TRUE = 2;
const T_FALSE = 3;
const T_NUMBER = 4;
const T_BIGINT = 5;
const T_STRING = 6;
const T_OBJECT = 7;
const T_ARRAY = 8;
const T_MAP = 9;
const T_SET = 10;
const T_DATE = 11;
const T_REGEXP = 12;
const T_ARRAYBUFFER = 13;
const T_VIEW = 14;
const T_ERROR = 15;
const T_REF = 16;
const T_BOXED = 17;
const T_HOLE = 18;

const kViews = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
];
const kBufferView = 255;
const kErrors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];

function cloneError(message) {
  const err = new Error(message);
  err.name = 'DataCloneError';
  err.code = 25;
  return err;
}

class Writer {
  constructor() {
    this.buf = Buffer.allocUnsafe(256);
    this.pos = 4;
    this.seen = new Map();
  }

  reserve(n) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  u8(v) {
    this.reserve(1);
    this.buf[this.pos++] = v;
  }

  u32(v) {
    this.reserve(4);
    this.buf.writeUInt32LE(v, this.pos);
    this.pos += 4;
  }

  f64(v) {
    this.reserve(8);
    this.buf.writeDoubleLE(v, this.pos);
    this.pos += 8;
  }

  bytes(view) {
    const src = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
    this.u32(src.length);
    this.reserve(src.length);
    src.copy(this.buf, this.pos);
    this.pos += src.length;
  }

  // Strings travel as UTF-16 code units so lone surrogates survive.
  str(s) {
    this.u32(s.length);
    this.reserve(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      this.buf.writeUInt16LE(s.charCodeAt(i), this.pos);
      this.pos += 2;
    }
  }

  value(v) {
    switch (typeof v) {
      case 'undefined': return this.u8(T_UNDEFINED);
      case 'boolean': return this.u8(v ? T_TRUE : T_FALSE);
      case 'number':
        this.u8(T_NUMBER);
        return this.f64(v);
      case 'bigint':
        this.u8(T_BIGINT);
        return this.str(v.toString(16));
      case 'string':
        this.u8(T_STRING);
        return this.str(v);
      case 'object':
        if (v === null) return this.u8(T_NULL);
        return this.object(v);
      default:
        throw cloneError(`${String(v)} could not be cloned.`);
    }
  }

  object(v) {
    const ref = this.seen.get(v);
    if (ref !== undefined) {
      this.u8(T_REF);
      return this.u32(ref);
    }
    this.seen.set(v, this.seen.size);
    if (Array.isArray(v)) {
      this.u8(T_ARRAY);
      this.u32(v.length);
      for (let i = 0; i < v.length; i++) {
        if (i in v) this.value(v[i]);
        else this.u8(T_HOLE);
      }
      return;
    }
    if (ArrayBuffer.isView(v)) {
      this.u8(T_VIEW);
      const index = Buffer.isBuffer(v) ? kBufferView : kViews.findIndex((C) => v instanceof C);
      if (index < 0) throw cloneError(`${Object.prototype.toString.call(v)} could not be cloned.`);
      this.u8(index);
      return this.bytes(v);
    }
    if (v instanceof ArrayBuffer) {
      this.u8(T_ARRAYBUFFER);
      return this.bytes(new Uint8Array(v));
    }
    if (v instanceof Map) {
      this.u8(T_MAP);
      this.u32(v.size);
      for (const [k, val] of v) {
        this.value(k);
        this.value(val);
      }
      return;
    }
    if (v instanceof Set) {
      this.u8(T_SET);
      this.u32(v.size);
      for (const k of v) this.value(k);
      return;
    }
    if (v instanceof Date) {
      this.u8(T_DATE);
      return this.f64(v.getTime());
    }
    if (v instanceof RegExp) {
      this.u8(T_REGEXP);
      this.str(v.source);
      return this.str(v.flags);
    }
    if (v instanceof Error) {
      this.u8(T_ERROR);
      const index = kErrors.findIndex((C) => Object.getPrototypeOf(v) === C.prototype);
      this.u8(index < 0 ? 0 : index);
      this.str(String(v.message));
      this.str(typeof v.stack === 'string' ? v.stack : '');
      return;
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) {
      this.u8(T_BOXED);
      return this.value(v.valueOf());
    }
    if (typeof v === 'function' || typeof v.then === 'function' && v instanceof Promise) {
      throw cloneError(`${String(v)} could not be cloned.`);
    }
    this.u8(T_OBJECT);
    const keys = Object.keys(v);
    this.u32(keys.length);
    for (const k of keys) {
      this.str(k);
      this.value(v[k]);
    }
  }
}

// One message as a frame (length prefix included).
function serialize(message) {
  const w = new Writer();
  w.value(message);
  w.buf.writeUInt32BE(w.pos - 4, 0);
  return w.buf.subarray(0, w.pos);
}

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
    this.refs = [];
  }

  u8() { return this.buf[this.pos++]; }

  u32() {
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  f64() {
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  str() {
    const n = this.u32();
    let s = '';
    for (let i = 0; i < n; i++) {
      s += String.fromCharCode(this.buf.readUInt16LE(this.pos));
      this.pos += 2;
    }
    return s;
  }

  bytes() {
    const n = this.u32();
    const out = new Uint8Array(n);
    out.set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }

  value() {
    const tag = this.u8();
    switch (tag) {
      case T_UNDEFINED: return undefined;
      case T_NULL: return null;
      case T_TRUE: return true;
      case T_FALSE: return false;
      case T_NUMBER: return this.f64();
      case T_BIGINT: {
        const s = this.str();
        return s[0] === '-' ? -BigInt(`0x${s.slice(1)}`) : BigInt(`0x${s}`);
      }
      case T_STRING: return this.str();
      case T_REF: return this.refs[this.u32()];
      case T_ARRAY: {
        const n = this.u32();
        const arr = new Array(n);
        this.refs.push(arr);
        for (let i = 0; i < n; i++) {
          if (this.buf[this.pos] === T_HOLE) this.pos++;
          else arr[i] = this.value();
        }
        return arr;
      }
      case T_OBJECT: {
        const obj = {};
        this.refs.push(obj);
        const n = this.u32();
        for (let i = 0; i < n; i++) {
          const k = this.str();
          obj[k] = this.value();
        }
        return obj;
      }
      case T_MAP: {
        const map = new Map();
        this.refs.push(map);
        const n = this.u32();
        for (let i = 0; i < n; i++) {
          const k = this.value();
          map.set(k, this.value());
        }
        return map;
      }
      case T_SET: {
        const set = new Set();
        this.refs.push(set);
        const n = this.u32();
        for (let i = 0; i < n; i++) set.add(this.value());
        return set;
      }
      case T_DATE: {
        const d = new Date(this.f64());
        this.refs.push(d);
        return d;
      }
      case T_REGEXP: {
        const source = this.str();
        const re = new RegExp(source, this.str());
        this.refs.push(re);
        return re;
      }
      case T_ARRAYBUFFER: {
        const ab = this.bytes().buffer;
        this.refs.push(ab);
        return ab;
      }
      case T_VIEW: {
        const index = this.u8();
        const ab = this.bytes().buffer;
        let view;
        if (index === kBufferView) {
          view = Buffer.from(ab);
        } else {
          const C = kViews[index];
          if (C === undefined) throw new ERR_INVALID_ARG_VALUE('message', index, 'is corrupt');
          view = C === DataView ? new DataView(ab) :
            new C(ab, 0, ab.byteLength / C.BYTES_PER_ELEMENT);
        }
        this.refs.push(view);
        return view;
      }
      case T_ERROR: {
        const C = kErrors[this.u8()] || Error;
        const err = new C(this.str());
        const stack = this.str();
        Object.defineProperty(err, 'stack', {
          value: stack, writable: true, configurable: true, enumerable: false,
        });
        this.refs.push(err);
        return err;
      }
      case T_BOXED: {
        const box = Object(this.value());
        this.refs.push(box);
        return box;
      }
      default:
        throw new ERR_INVALID_ARG_VALUE('message', tag, 'is corrupt');
    }
  }
}

// Splits a byte stream into messages: push(chunk) returns the complete ones.
class FrameParser {
  constructor() {
    this.chunks = [];
    this.length = 0;
  }

  get buffering() {
    return this.length !== 0;
  }

  push(chunk) {
    this.chunks.push(chunk);
    this.length += chunk.length;
    const messages = [];
    while (this.length >= 4) {
      if (this.chunks[0].length < 4) this.flatten();
      const size = this.chunks[0].readUInt32BE(0);
      if (this.length < size + 4) break;
      this.flatten();
      const all = this.chunks[0];
      messages.push(new Reader(all.subarray(4, size + 4)).value());
      const rest = all.subarray(size + 4);
      this.chunks = rest.length ? [rest] : [];
      this.length = rest.length;
    }
    return messages;
  }

  flatten() {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
  }
}

module.exports = { serialize, FrameParser };
