'use strict';
// node:querystring — the legacy `a=b&c=d` parser and serializer.

let BufferCtor;
function lazyBuffer() {
  if (BufferCtor === undefined) BufferCtor = require('buffer').Buffer;
  return BufferCtor;
}

let ERR_INVALID_URI;
function invalidUri() {
  if (ERR_INVALID_URI === undefined) ERR_INVALID_URI = require('internal/errors').codes.ERR_INVALID_URI;
  return new ERR_INVALID_URI();
}

// hexValue[c] is the value of hex digit c, or -1.
const hexValue = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) hexValue[48 + i] = i;
for (let i = 0; i < 6; i++) {
  hexValue[65 + i] = 10 + i;
  hexValue[97 + i] = 10 + i;
}

function hexOf(code) {
  return code < 128 ? hexValue[code] : -1;
}

const hexBytes = [];
for (let i = 0; i < 256; i++) hexBytes.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Characters qs.escape leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const unreserved = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!\'()*') {
  unreserved[c.charCodeAt(0)] = 1;
}

// Percent-encodes str as UTF-8, leaving the characters in `keep` alone.
// A high or low surrogate always takes the next code unit as its partner
// (as node does); one at the very end throws ERR_INVALID_URI.
function percentEncode(str, keep) {
  const len = str.length;
  let out = '';
  let last = 0;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (keep[c] === 1) continue;
      if (last < i) out += str.slice(last, i);
      out += hexBytes[c];
      last = i + 1;
      continue;
    }
    if (last < i) out += str.slice(last, i);
    if (c < 0x800) {
      out += hexBytes[0xC0 | (c >> 6)] + hexBytes[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += hexBytes[0xE0 | (c >> 12)] + hexBytes[0x80 | ((c >> 6) & 0x3F)] +
        hexBytes[0x80 | (c & 0x3F)];
    } else {
      i++;
      if (i >= len) throw invalidUri();
      c = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(i) & 0x3FF));
      out += hexBytes[0xF0 | (c >> 18)] + hexBytes[0x80 | ((c >> 12) & 0x3F)] +
        hexBytes[0x80 | ((c >> 6) & 0x3F)] + hexBytes[0x80 | (c & 0x3F)];
    }
    last = i + 1;
  }
  if (last === 0) return str;
  if (last < len) out += str.slice(last);
  return out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return percentEncode(str, unreserved);
}

// Decodes %XX sequences (and '+' when decodeSpaces) into bytes; anything else
// is copied, one byte per UTF-16 code unit (truncated), as node does.
function unescapeBuffer(s, decodeSpaces) {
  const Buffer = lazyBuffer();
  s = `${s}`;
  const len = s.length;
  const out = Buffer.allocUnsafe(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && i + 2 < len) { // '%'
      const hi = hexOf(s.charCodeAt(i + 1));
      const lo = hi === -1 ? -1 : hexOf(s.charCodeAt(i + 2));
      if (lo !== -1) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    } else if (c === 43 && decodeSpaces) { // '+'
      out[n++] = 32;
      continue;
    }
    out[n++] = c;
  }
  return n === len ? out : out.subarray(0, n);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return module.exports.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// ---- stringify ----

function primitiveToString(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function encodeDefault(v, encode) {
  switch (typeof v) {
    case 'string': return v.length > 0 ? encode(v) : '';
    case 'number':
      if (!Number.isFinite(v)) return '';
      // Only exponent forms ('1e+21') contain characters needing escapes.
      return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function encodeCustom(v, encode) {
  return encode(primitiveToString(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeDefault : encodeCustom;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = Object.keys(obj);
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const prefix = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; j++) {
        if (out) out += sep;
        out += prefix + convert(v[j], encode);
      }
    } else {
      if (out) out += sep;
      out += prefix + convert(v, encode);
    }
  }
  return out;
}

// ---- parse ----

function decodePart(s, decode) {
  try {
    return decode(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function addPair(obj, key, value, keyEncoded, valueEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodePart(key, decode);
  if (value.length > 0 && valueEncoded) value = decodePart(value, decode);
  const cur = obj[key];
  if (cur === undefined) obj[key] = value;
  else if (cur.pop) cur[cur.length] = value;
  else obj[key] = [cur, value];
}

// One pass over the string, character by character, so that results match
// node's exactly: separators are matched greedily without backtracking (a
// failed partial match is plain text), the separator is tried before `eq`,
// characters taken by a partial match are neither '+'-decoded nor counted
// when looking for %XX escapes, '+' becomes a space (or '%20' for a part
// already known to need decoding), and a part is decoded
// only if it has a valid %XX escape (always, with a custom decoder).
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  const sepLen = sep.length;
  const eqLen = eq.length;

  let budget = 1000;
  if (options && typeof options.maxKeys === 'number') budget = options.maxKeys;
  if (!(budget > 0)) budget = Infinity;

  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const custom = decode !== qsUnescape;

  const len = qs.length;
  let key = '';
  let value = '';
  let inKey = eqLen > 0; // an empty `eq` makes everything a value
  let keyEncoded = custom;
  let valueEncoded = custom;
  let escState = 0; // 1 after '%', 2 after '%X'
  let last = 0; // start of the text not yet copied into key/value
  let sepIdx = 0;
  let eqIdx = 0;
  for (let i = 0; i < len; i++) {
    const c = qs.charCodeAt(i);
    if (c === sep.charCodeAt(sepIdx)) {
      if (++sepIdx === sepLen) {
        const end = i - sepLen + 1;
        if (inKey) {
          if (last < end) {
            key += qs.slice(last, end);
          } else if (key.length === 0) {
            // An empty pair: it only uses up the key budget.
            if (--budget === 0) return obj;
            last = i + 1;
            sepIdx = eqIdx = 0;
            continue;
          }
        } else if (last < end) {
          value += qs.slice(last, end);
        }
        addPair(obj, key, value, keyEncoded, valueEncoded, decode);
        if (--budget === 0) return obj;
        key = value = '';
        inKey = eqLen > 0;
        keyEncoded = valueEncoded = custom;
        escState = 0;
        last = i + 1;
        sepIdx = eqIdx = 0;
      }
      continue;
    }
    sepIdx = 0;
    if (inKey) {
      if (c === eq.charCodeAt(eqIdx)) {
        if (++eqIdx === eqLen) {
          const end = i - eqLen + 1;
          if (last < end) key += qs.slice(last, end);
          inKey = false;
          escState = 0;
          last = i + 1;
        }
        continue;
      }
      eqIdx = 0;
      if (!keyEncoded) {
        if (c === 37) {
          escState = 1;
          continue;
        }
        if (escState > 0) {
          if (hexOf(c) !== -1) {
            if (++escState === 3) keyEncoded = true;
            continue;
          }
          escState = 0;
        }
      }
      if (c === 43) {
        if (last < i) key += qs.slice(last, i);
        key += keyEncoded ? '%20' : ' ';
        last = i + 1;
        continue;
      }
      // Other key characters also go through the value's escape check below:
      // once the key is known to need decoding, another escape in the key
      // marks the *value* as needing decoding too (node does this).
    } else if (c === 43) {
      if (last < i) value += qs.slice(last, i);
      value += valueEncoded ? '%20' : ' ';
      last = i + 1;
      continue;
    }
    if (!valueEncoded) {
      if (c === 37) {
        escState = 1;
      } else if (escState > 0) {
        if (hexOf(c) !== -1) {
          if (++escState === 3) valueEncoded = true;
        } else {
          escState = 0;
        }
      }
    }
  }
  if (last < len) {
    if (inKey) key += qs.slice(last);
    else value += qs.slice(last);
  } else if (eqIdx === 0 && key.length === 0 && (inKey || eqLen === 0)) {
    // The string ended with an empty pair.
    return obj;
  }
  addPair(obj, key, value, keyEncoded, valueEncoded, decode);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
