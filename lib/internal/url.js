'use strict';
// The WHATWG URL Standard in JavaScript: URL, URLSearchParams, and the file
// URL helpers the module loader uses. The parser follows the standard's state
// machine. Domain names get an approximation of UTS #46 (NFKC + lower case +
// Punycode) until an ICU-backed binding replaces it.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

const isWindows = process.platform === 'win32';

// ------------------------------------------------------------ encoding ----

// UTF-8 bytes of a string; lone surrogates become U+FFFD.
function utf8Bytes(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      const d = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i++;
      } else {
        c = 0xFFFD;
      }
    }
    if (c < 0x800) {
      out.push(0xC0 | (c >> 6), 0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out.push(0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
    } else {
      out.push(0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F), 0x80 | ((c >> 6) & 0x3F),
               0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Decodes UTF-8 bytes, replacing each maximal invalid subpart with U+FFFD.
function utf8Decode(bytes) {
  let out = '';
  const len = bytes.length;
  let i = 0;
  while (i < len) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0xF;
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x7;
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = j < len ? bytes[j] : -1;
      if (c < lower || c > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      out += '\uFFFD';
      i = j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

function hexDigit(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// Percent-decodes a string into bytes (the string is UTF-8 encoded first).
function percentDecodeBytes(str) {
  const bytes = utf8Bytes(str);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 37 && i + 2 < bytes.length) {
      const h = hexDigit(bytes[i + 1]);
      const l = hexDigit(bytes[i + 2]);
      if (h !== -1 && l !== -1) {
        out.push(h * 16 + l);
        i += 2;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Percent-encode sets, as tables over ASCII (everything >= 0x7F is encoded).
function makeSet(base, extra) {
  const set = new Uint8Array(128);
  if (base) set.set(base);
  else for (let i = 0; i < 0x20; i++) set[i] = 1;
  set[0x7F] = 1;
  for (const ch of extra) set[ch.charCodeAt(0)] = 1;
  return set;
}
const C0_SET = makeSet(null, '');
const FRAGMENT_SET = makeSet(C0_SET, ' "<>`');
const QUERY_SET = makeSet(C0_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeSet(QUERY_SET, '\'');
const PATH_SET = makeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = makeSet(USERINFO_SET, '$%&+,');
const FORM_SET = makeSet(COMPONENT_SET, '!\'()~');

// Percent-encodes the characters of str that are in `set` (and non-ASCII).
function encodeSet(str, set, spaceAsPlus) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) {
      if (set[c] !== 1 && !(spaceAsPlus && c === 32)) continue;
      out += str.slice(last, i) + (spaceAsPlus && c === 32 ? '+' : hexTable[c]);
      last = i + 1;
      continue;
    }
    let end = i + 1;
    if (c >= 0xD800 && c <= 0xDBFF && end < str.length) {
      const d = str.charCodeAt(end);
      if (d >= 0xDC00 && d <= 0xDFFF) end++;
    }
    out += str.slice(last, i);
    const bytes = utf8Bytes(str.slice(i, end));
    for (let k = 0; k < bytes.length; k++) out += hexTable[bytes[k]];
    last = end;
    i = end - 1;
  }
  if (last === 0) return str;
  return out + str.slice(last);
}

// ------------------------------------------------------------- schemes ----

const specialPorts = {
  __proto__: null,
  'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443,
};
function isSpecialScheme(protocol) {
  switch (protocol) {
    case 'http:': case 'https:': case 'ws:': case 'wss:': case 'ftp:': case 'file:':
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------- hosts ----

const FAILURE = Symbol('failure');

// Forbidden host code points (the domain set adds C0 controls, % and DEL).
const forbiddenHost = new Uint8Array(128);
for (const ch of '\0\t\n\r #/:<>?@[\\]^|') forbiddenHost[ch.charCodeAt(0)] = 1;
const forbiddenDomain = new Uint8Array(forbiddenHost);
for (let i = 0; i < 0x20; i++) forbiddenDomain[i] = 1;
forbiddenDomain[0x25] = 1;
forbiddenDomain[0x7F] = 1;

function parseIPv4Number(s) {
  if (s.length === 0) return FAILURE;
  let radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) {
    s = s.slice(2);
    radix = 16;
  } else if (s.length >= 2 && s[0] === '0') {
    s = s.slice(1);
    radix = 8;
  }
  if (s.length === 0) return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return FAILURE;
  return parseInt(s, radix);
}

function endsInNumber(input) {
  // Fast answer for the common case: a last label with a letter beyond 'f'.
  let i = input.length - 1;
  if (i >= 0 && input.charCodeAt(i) === 46) i--;
  for (; i >= 0; i--) {
    const code = input.charCodeAt(i);
    if (code === 46) break;
    const c = code | 0x20;
    if (c > 102 && c !== 120) return false;
  }
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== FAILURE;
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === FAILURE) return FAILURE;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return FAILURE;
  }
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(n % 256));
    n = Math.floor(n / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const len = input.length;
  const at = (i) => (i < len ? input.charCodeAt(i) : -1);
  if (at(p) === 58) {
    if (at(p + 1) !== 58) return FAILURE;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(p) !== -1) {
    if (pieceIndex === 8) return FAILURE;
    if (at(p) === 58) {
      if (compress !== null) return FAILURE;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && hexDigit(at(p)) !== -1) {
      value = value * 16 + hexDigit(at(p));
      p++;
      length++;
    }
    if (at(p) === 46) { // '.': an embedded IPv4 address
      if (length === 0) return FAILURE;
      p -= length;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (at(p) !== -1) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 46 && numbersSeen < 4) p++;
          else return FAILURE;
        }
        if (!(at(p) >= 48 && at(p) <= 57)) return FAILURE;
        while (at(p) >= 48 && at(p) <= 57) {
          const number = at(p) - 48;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return FAILURE;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return FAILURE;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (at(p) === 58) {
      p++;
      if (at(p) === -1) return FAILURE;
    } else if (at(p) !== -1) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  // Compress the first longest run of two or more zero pieces.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (best === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return `[${out}]`;
}

// ---- Punycode (RFC 3492) ----

const PC_BASE = 36;
const PC_TMIN = 1;
const PC_TMAX = 26;
const PC_SKEW = 38;
const PC_DAMP = 700;

function pcAdapt(delta, numPoints, first) {
  delta = first ? Math.floor(delta / PC_DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) >> 1) {
    delta = Math.floor(delta / (PC_BASE - PC_TMIN));
    k += PC_BASE;
  }
  return k + Math.floor(((PC_BASE - PC_TMIN + 1) * delta) / (delta + PC_SKEW));
}

function pcDigit(d) {
  return String.fromCharCode(d < 26 ? d + 97 : d + 22);
}

function punycodeEncode(input) {
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  let out = '';
  for (const c of cps) if (c < 0x80) out += String.fromCharCode(c);
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = 128;
  let delta = 0;
  let bias = 72;
  while (handled < cps.length) {
    let m = Infinity;
    for (const c of cps) if (c >= n && c < m) m = c;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = PC_BASE; ; k += PC_BASE) {
          const t = k <= bias ? PC_TMIN : k >= bias + PC_TMAX ? PC_TMAX : k - bias;
          if (q < t) break;
          out += pcDigit(t + ((q - t) % (PC_BASE - t)));
          q = Math.floor((q - t) / (PC_BASE - t));
        }
        out += pcDigit(q);
        bias = pcAdapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

function punycodeDecode(input) {
  const out = [];
  let b = input.lastIndexOf('-');
  if (b < 0) b = 0;
  for (let j = 0; j < b; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return FAILURE;
    out.push(c);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let idx = b > 0 ? b + 1 : 0; idx < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = PC_BASE; ; k += PC_BASE) {
      if (idx >= input.length) return FAILURE;
      const c = input.charCodeAt(idx++);
      const digit = c >= 48 && c <= 57 ? c - 22 : c >= 65 && c <= 90 ? c - 65 :
        c >= 97 && c <= 122 ? c - 97 : PC_BASE;
      if (digit >= PC_BASE) return FAILURE;
      i += digit * w;
      const t = k <= bias ? PC_TMIN : k >= bias + PC_TMAX ? PC_TMAX : k - bias;
      if (digit < t) break;
      w *= PC_BASE - t;
      if (w > 0x7FFFFFFF) return FAILURE;
    }
    bias = pcAdapt(i - oldi, out.length + 1, oldi === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10FFFF) return FAILURE;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

// Unassigned code points (noncharacters included), private use, controls and
// lone surrogates are never valid in a domain label.
const disallowedCodePoints = /[\p{Cn}\p{Co}\p{Cs}\p{Cc}]/u;

// An approximation of UTS #46 ToASCII (transitional processing off).
function domainToASCIIInternal(domain, beStrict) {
  let mapped = domain;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7F]/.test(mapped)) {
    mapped = mapped.replace(/[\u00AD\u200B\u2060\uFEFF\u034F\u180B-\u180D\uFE00-\uFE0F]/g, '');
    mapped = mapped.normalize('NFKC').toLowerCase().normalize('NFC');
    mapped = mapped.replace(/[\u3002\uFF0E\uFF61]/g, '.');
  } else {
    mapped = mapped.toLowerCase();
  }
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === FAILURE || decoded.length === 0) return FAILURE;
      if (decoded.normalize('NFKC').toLowerCase() !== decoded ||
          disallowedCodePoints.test(decoded)) {
        return FAILURE;
      }
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7F]/.test(label)) {
      if (/[\uFFFD]/.test(label) || disallowedCodePoints.test(label)) return FAILURE;
      labels[i] = `xn--${punycodeEncode(label)}`;
    }
  }
  const result = labels.join('.');
  if (beStrict && (result.length > 253 || labels.some((l) => l.length > 63))) return FAILURE;
  return result;
}

function parseOpaqueHost(input) {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 128 && forbiddenHost[c] === 1) return FAILURE;
  }
  return encodeSet(input, C0_SET);
}

// Host parser: returns the serialized host or FAILURE.
function parseHost(input, isOpaque) {
  if (input.length > 0 && input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAILURE;
    const address = parseIPv6(input.slice(1, -1));
    return address === FAILURE ? FAILURE : serializeIPv6(address);
  }
  if (isOpaque) return parseOpaqueHost(input);
  // eslint-disable-next-line no-control-regex
  const domain = /[^\x00-\x7F%]/.test(input) || input.includes('%') ?
    utf8Decode(percentDecodeBytes(input)) : input;
  const ascii = domainToASCIIInternal(domain, false);
  if (ascii === FAILURE || ascii.length === 0) return FAILURE;
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if (c >= 128 || forbiddenDomain[c] === 1) return FAILURE;
  }
  if (endsInNumber(ascii)) {
    const ipv4 = parseIPv4(ascii);
    return ipv4 === FAILURE ? FAILURE : serializeIPv4(ipv4);
  }
  return ascii;
}

// --------------------------------------------------------------- parser ----

function isAsciiAlpha(c) {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAsciiDigit(c) {
  return c >= 48 && c <= 57;
}
function isAsciiAlnum(c) {
  return isAsciiAlpha(c) || isAsciiDigit(c);
}

function isWindowsDriveLetter(s, normalizedOnly) {
  return s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) &&
    (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}

// Whether input[p..] starts with a Windows drive letter followed by the end
// or one of / \ ? #.
function startsWithDriveLetter(input, p) {
  if (input.length - p < 2) return false;
  if (!isAsciiAlpha(input.charCodeAt(p))) return false;
  const c1 = input[p + 1];
  if (c1 !== ':' && c1 !== '|') return false;
  if (input.length - p === 2) return true;
  const c2 = input[p + 2];
  return c2 === '/' || c2 === '\\' || c2 === '?' || c2 === '#';
}

function isSingleDot(s) {
  return s === '.' || s.toLowerCase() === '%2e';
}
function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: {
      const l = s.toLowerCase();
      return l === '.%2e' || l === '%2e.';
    }
    case 6: return s.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file:' && path.length === 1 && isWindowsDriveLetter(path[0], true)) {
    return;
  }
  path.pop();
}

function newRecord() {
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    opaque: false, // path is an opaque string in path[0]
    query: null,
    fragment: null,
  };
}

function copyRecord(r) {
  return {
    scheme: r.scheme,
    username: r.username,
    password: r.password,
    host: r.host,
    port: r.port,
    path: r.path.slice(),
    opaque: r.opaque,
    query: r.query,
    fragment: r.fragment,
  };
}

const S = {
  SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4,
  PATH_OR_AUTHORITY: 5, RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8,
  SPECIAL_AUTHORITY_IGNORE_SLASHES: 9, AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13,
  FILE: 14, FILE_SLASH: 15, FILE_HOST: 16, PATH_START: 17, PATH: 18, OPAQUE_PATH: 19,
  QUERY: 20, FRAGMENT: 21,
};

// The basic URL parser. Returns a record, or FAILURE. With `url` and
// `override` set it updates `url` in place (the setters); then the return
// value is FAILURE, or undefined for success or a silent stop.
function basicParse(input, base, url, override) {
  if (!url) {
    url = newRecord();
    // Strip leading/trailing C0 controls and spaces.
    // eslint-disable-next-line no-control-regex
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  // eslint-disable-next-line no-control-regex
  input = input.replace(/[\t\n\r]/g, '');
  let state = override || S.SCHEME_START;
  let special = isSpecialScheme(url.scheme);
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const len = input.length;
  // Code points: surrogate pairs are kept together by working on UTF-16
  // units; the encode sets treat pairs as one character.
  for (let p = 0; p <= len; p++) {
    const c = p < len ? input.charCodeAt(p) : -1; // -1 is EOF
    const ch = p < len ? input[p] : '';
    switch (state) {
      case S.SCHEME_START:
        if (c !== -1 && isAsciiAlpha(c)) {
          buffer += ch.toLowerCase();
          state = S.SCHEME;
        } else if (!override) {
          state = S.NO_SCHEME;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case S.SCHEME:
        if (c !== -1 && (isAsciiAlnum(c) || c === 43 || c === 45 || c === 46)) {
          buffer += ch.toLowerCase();
        } else if (c === 58) {
          const scheme = `${buffer}:`;
          if (override) {
            if (special !== isSpecialScheme(scheme)) return undefined;
            if ((url.username !== '' || url.password !== '' || url.port !== null) &&
                scheme === 'file:') {
              return undefined;
            }
            if (url.scheme === 'file:' && url.host === '') return undefined;
          }
          url.scheme = scheme;
          special = isSpecialScheme(scheme);
          if (override) {
            if (url.port === specialPorts[scheme]) url.port = null;
            return undefined;
          }
          buffer = '';
          if (scheme === 'file:') {
            state = S.FILE;
          } else if (isSpecialScheme(scheme) && base && base.scheme === scheme) {
            state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(scheme)) {
            state = S.SPECIAL_AUTHORITY_SLASHES;
          } else if (input[p + 1] === '/') {
            state = S.PATH_OR_AUTHORITY;
            p++;
          } else {
            url.opaque = true;
            url.path = [''];
            state = S.OPAQUE_PATH;
          }
        } else if (!override) {
          buffer = '';
          state = S.NO_SCHEME;
          p = -1;
        } else {
          return FAILURE;
        }
        break;

      case S.NO_SCHEME:
        if (!base || (base.opaque && c !== 35)) return FAILURE;
        if (base.opaque && c === 35) {
          url.scheme = base.scheme;
          special = isSpecialScheme(url.scheme);
          url.path = base.path.slice();
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (base.scheme !== 'file:') {
          state = S.RELATIVE;
          p--;
        } else {
          state = S.FILE;
          p--;
        }
        break;

      case S.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 47 && input[p + 1] === '/') {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = S.RELATIVE;
          p--;
        }
        break;

      case S.PATH_OR_AUTHORITY:
        if (c === 47) {
          state = S.AUTHORITY;
        } else {
          state = S.PATH;
          p--;
        }
        break;

      case S.RELATIVE:
        url.scheme = base.scheme;
        special = isSpecialScheme(url.scheme);
        if (c === 47) {
          state = S.RELATIVE_SLASH;
        } else if (special && c === 92) {
          state = S.RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 63) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 35) {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== -1) {
            url.query = null;
            shortenPath(url);
            state = S.PATH;
            p--;
          }
        }
        break;

      case S.RELATIVE_SLASH:
        if (special && (c === 47 || c === 92)) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 47) {
          state = S.AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = S.PATH;
          p--;
        }
        break;

      case S.SPECIAL_AUTHORITY_SLASHES:
        if (c === 47 && input[p + 1] === '/') {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p--;
        }
        break;

      case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 47 && c !== 92) {
          state = S.AUTHORITY;
          p--;
        }
        break;

      case S.AUTHORITY:
        if (c === 64) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (let i = 0; i < buffer.length; i++) {
            const bc = buffer.charCodeAt(i);
            if (bc === 58 && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            let end = i + 1;
            if (bc >= 0xD800 && bc <= 0xDBFF && end < buffer.length) end++;
            const enc = encodeSet(buffer.slice(i, end), USERINFO_SET);
            if (passwordTokenSeen) url.password += enc;
            else url.username += enc;
            i = end - 1;
          }
          buffer = '';
        } else if (c === -1 || c === 47 || c === 63 || c === 35 ||
                   (special && c === 92)) {
          if (atSignSeen && buffer === '') return FAILURE;
          p -= buffer.length + 1;
          buffer = '';
          state = S.HOST;
        } else {
          buffer += ch;
        }
        break;

      case S.HOST:
      case S.HOSTNAME:
        if (override && url.scheme === 'file:') {
          p--;
          state = S.FILE_HOST;
        } else if (c === 58 && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (override === S.HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !special);
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = S.PORT;
        } else if (c === -1 || c === 47 || c === 63 || c === 35 ||
                   (special && c === 92)) {
          p--;
          if (special && buffer === '') return FAILURE;
          if (override && buffer === '' &&
              (url.username !== '' || url.password !== '' || url.port !== null)) {
            return FAILURE;
          }
          const host = parseHost(buffer, !special);
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = S.PATH_START;
          if (override) return undefined;
        } else {
          if (c === 91) insideBrackets = true;
          if (c === 93) insideBrackets = false;
          buffer += ch;
        }
        break;

      case S.PORT:
        if (c !== -1 && isAsciiDigit(c)) {
          buffer += ch;
        } else if (c === -1 || c === 47 || c === 63 || c === 35 ||
                   (special && c === 92) || override) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === specialPorts[url.scheme] ? null : port;
            buffer = '';
            if (override) return undefined;
          }
          if (override) return FAILURE;
          state = S.PATH_START;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case S.FILE:
        url.scheme = 'file:';
        special = true;
        url.host = '';
        if (c === 47 || c === 92) {
          state = S.FILE_SLASH;
        } else if (base && base.scheme === 'file:') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 63) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 35) {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== -1) {
            url.query = null;
            if (!startsWithDriveLetter(input, p)) {
              shortenPath(url);
            } else {
              url.path = [];
            }
            state = S.PATH;
            p--;
          }
        } else {
          state = S.PATH;
          p--;
        }
        break;

      case S.FILE_SLASH:
        if (c === 47 || c === 92) {
          state = S.FILE_HOST;
        } else {
          if (base && base.scheme === 'file:') {
            url.host = base.host;
            if (!startsWithDriveLetter(input, p) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = S.PATH;
          p--;
        }
        break;

      case S.FILE_HOST:
        if (c === -1 || c === 47 || c === 92 || c === 63 || c === 35) {
          p--;
          if (!override && isWindowsDriveLetter(buffer, false)) {
            state = S.PATH;
          } else if (buffer === '') {
            url.host = '';
            if (override) return undefined;
            state = S.PATH_START;
          } else {
            let host = parseHost(buffer, false);
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (override) return undefined;
            buffer = '';
            state = S.PATH_START;
          }
        } else {
          buffer += ch;
        }
        break;

      case S.PATH_START:
        if (special) {
          state = S.PATH;
          if (c !== 47 && c !== 92) p--;
        } else if (!override && c === 63) {
          url.query = '';
          state = S.QUERY;
        } else if (!override && c === 35) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== -1) {
          state = S.PATH;
          if (c !== 47) p--;
        } else if (override && url.host === null) {
          url.path.push('');
        }
        break;

      case S.PATH: {
        if (c === -1 || c === 47 || (special && c === 92) ||
            (!override && (c === 63 || c === 35))) {
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (c !== 47 && !(special && c === 92)) url.path.push('');
          } else if (isSingleDot(buffer) && c !== 47 && !(special && c === 92)) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file:' && url.path.length === 0 &&
                isWindowsDriveLetter(buffer, false)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 63) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 35) {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else {
          buffer += encodeChar(input, p, PATH_SET);
          if (c >= 0xD800 && c <= 0xDBFF && isLowSurrogate(input, p + 1)) p++;
        }
        break;
      }

      case S.OPAQUE_PATH:
        if (c === 63) {
          url.query = '';
          state = S.QUERY;
        } else if (c === 35) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== -1) {
          url.path[0] += encodeChar(input, p, C0_SET);
          if (c >= 0xD800 && c <= 0xDBFF && isLowSurrogate(input, p + 1)) p++;
        }
        break;

      case S.QUERY:
        if ((!override && c === 35) || c === -1) {
          const set = special ? SPECIAL_QUERY_SET : QUERY_SET;
          url.query += encodeSet(buffer, set);
          buffer = '';
          if (c === 35) {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else if (c !== -1) {
          buffer += ch;
        }
        break;

      case S.FRAGMENT:
        if (c !== -1) {
          url.fragment += encodeChar(input, p, FRAGMENT_SET);
          if (c >= 0xD800 && c <= 0xDBFF && isLowSurrogate(input, p + 1)) p++;
        }
        break;
    }
  }
  return override ? undefined : url;
}

function isLowSurrogate(s, i) {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  return c >= 0xDC00 && c <= 0xDFFF;
}

// The percent-encoded form of the character (or surrogate pair) at input[p].
function encodeChar(input, p, set) {
  const c = input.charCodeAt(p);
  if (c < 0x80) return set[c] === 1 ? hexTable[c] : input[p];
  let end = p + 1;
  if (c >= 0xD800 && c <= 0xDBFF && isLowSurrogate(input, end)) end++;
  return encodeSet(input.slice(p, end), set);
}

function serializePath(url) {
  if (url.opaque) return url.path[0];
  let out = '';
  for (const seg of url.path) out += `/${seg}`;
  return out;
}

function serializeRecord(url, excludeFragment) {
  let out = url.scheme;
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  }
  if (url.host === null && !url.opaque && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function cannotHaveCredentialsOrPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file:';
}

// ------------------------------------------------------- urlencoded ----

function parseUrlencoded(input) {
  const list = [];
  if (input.length === 0) return list;
  const seqs = input.split('&');
  for (const seq of seqs) {
    if (seq.length === 0) continue;
    const eq = seq.indexOf('=');
    let name = eq === -1 ? seq : seq.slice(0, eq);
    let value = eq === -1 ? '' : seq.slice(eq + 1);
    name = utf8Decode(percentDecodeBytes(name.replace(/\+/g, ' ')));
    value = utf8Decode(percentDecodeBytes(value.replace(/\+/g, ' ')));
    list.push(name, value);
  }
  return list;
}

function serializeUrlencoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i > 0) out += '&';
    out += `${encodeSet(list[i], FORM_SET, true)}=${encodeSet(list[i + 1], FORM_SET, true)}`;
  }
  return out;
}

function toUSVString(v) {
  // V8's message, which node's tests match.
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  const s = `${v}`;
  return typeof s.toWellFormed === 'function' ? s.toWellFormed() :
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// ----------------------------------------------------- URLSearchParams ----

const kInspect = Symbol.for('nodejs.util.inspect.custom');
let lazyInspect;
function inspectValue(v, opts) {
  if (lazyInspect === undefined) lazyInspect = require('internal/util/inspect').inspect;
  return lazyInspect(v, opts);
}

class URLSearchParams {
  #list = [];
  #url = null; // the URL whose query this object mirrors

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Nothing.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') {
          throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        }
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const kv = Array.from(pair);
          if (kv.length !== 2) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this.#list.push(toUSVString(kv[0]), toUSVString(kv[1]));
        }
      } else {
        const keys = Reflect.ownKeys(init);
        for (const key of keys) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) {
            const k = toUSVString(key);
            const v = toUSVString(init[key]);
            // A later key that converts to the same string replaces the value.
            let found = false;
            for (let i = 0; i < this.#list.length; i += 2) {
              if (this.#list[i] === k) {
                this.#list[i + 1] = v;
                found = true;
                break;
              }
            }
            if (!found) this.#list.push(k, v);
          }
        }
      }
    } else {
      let s = toUSVString(init);
      if (s[0] === '?') s = s.slice(1);
      this.#list = parseUrlencoded(s);
    }
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#list in self)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
  }

  // Called by URL when its query changes.
  static _setList(params, list) {
    params.#list = list;
  }
  static _setUrl(params, url) {
    params.#url = url;
  }

  #update() {
    if (this.#url === null) return;
    const s = serializeUrlencoded(this.#list);
    URL._setQueryFromParams(this.#url, s === '' ? null : s);
  }

  get size() {
    URLSearchParams.#check(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    const out = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) out.push(list[i + 1]);
    }
    return out;
  }

  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    const list = this.#list;
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    URLSearchParams.#check(this);
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable, by UTF-16 code units (which plain string comparison gives).
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out = [];
    for (const [k, v] of pairs) out.push(k, v);
    this.#list = out;
    this.#update();
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    let list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      const key = list[i];
      const value = list[i + 1];
      callback.call(thisArg, value, key, this);
      list = this.#list;
    }
  }

  keys() {
    URLSearchParams.#check(this);
    return createIterator(this, 'key');
  }

  values() {
    URLSearchParams.#check(this);
    return createIterator(this, 'value');
  }

  entries() {
    URLSearchParams.#check(this);
    return createIterator(this, 'key+value');
  }

  toString() {
    URLSearchParams.#check(this);
    return serializeUrlencoded(this.#list);
  }

  static _list(params) {
    return params.#list;
  }

  [kInspect](recurseTimes, ctx) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspectValue(v, innerOpts);
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce((prev, cur) => prev + cur.length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n` +
        `  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ` +
        `${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', writable: false, enumerable: false, configurable: true,
});
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'size', 'sort',
  'entries', 'forEach', 'keys', 'values', 'toString']) {
  const desc = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, name, desc);
}

const URLSearchParamsIteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
const kIterState = Symbol('kIterState');
Object.defineProperties(URLSearchParamsIteratorPrototype, {
  next: {
    value: function next() {
      const state = this === null || typeof this !== 'object' ? undefined : this[kIterState];
      if (state === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      const list = URLSearchParams._list(state.target);
      if (state.index >= list.length) return { value: undefined, done: true };
      const key = list[state.index];
      const value = list[state.index + 1];
      state.index += 2;
      let result;
      if (state.kind === 'key') result = key;
      else if (state.kind === 'value') result = value;
      else result = [key, value];
      return { value: result, done: false };
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
  [kInspect]: {
    value: function inspect(recurseTimes, ctx) {
      const state = this[kIterState];
      if (state === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      if (typeof recurseTimes === 'number' && recurseTimes < 0) {
        return ctx.stylize('[Object]', 'special');
      }
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const list = URLSearchParams._list(state.target);
      const output = [];
      for (let i = state.index; i < list.length; i += 2) {
        if (state.kind === 'key') output.push(list[i]);
        else if (state.kind === 'value') output.push(list[i + 1]);
        else output.push([list[i], list[i + 1]]);
      }
      const outputStrs = output.map((v) => inspectValue(v, innerOpts));
      const length = outputStrs.reduce((prev, cur) => prev + cur.length + 2, -2);
      const breakLn = length > ctx.breakLength;
      let outputStr;
      if (breakLn) {
        outputStr = `\n  ${outputStrs.join(',\n  ')}`;
      } else {
        outputStr = ` ${outputStrs.join(', ')}`;
      }
      return `${this[Symbol.toStringTag]} {${outputStr} }`;
    },
    writable: true, configurable: true,
  },
});

function createIterator(target, kind) {
  const it = Object.create(URLSearchParamsIteratorPrototype);
  Object.defineProperty(it, kIterState, {
    value: { target, kind, index: 0 }, enumerable: false,
  });
  return it;
}

// ----------------------------------------------------------------- URL ----

// Node's URL parse error: a plain TypeError 'Invalid URL' with code, input
// and (when given) base.
function invalidUrl(input, base) {
  const err = new TypeError('Invalid URL');
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, invalidUrl);
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

const kOmitted = 4294967295;
const schemeTypes = {
  __proto__: null, 'http:': 0, 'https:': 2, 'ws:': 3, 'ftp:': 4, 'wss:': 5, 'file:': 6,
};

// What util.inspect(url, { showHidden: true }) shows as [Symbol(context)]:
// the component offsets of the serialized URL.
class URLContext {
  constructor(r) {
    const href = serializeRecord(r, false);
    this.href = href;
    this.protocol_end = r.scheme.length;
    if (r.host === null) {
      this.username_end = this.host_start = this.host_end = this.protocol_end;
    } else {
      const start = this.protocol_end + 2;
      this.username_end = start + r.username.length;
      this.host_start = r.password !== '' ? this.username_end + 1 + r.password.length :
        this.username_end;
      this.host_end = this.host_start + (includesCredentials(r) ? 1 : 0) + r.host.length;
    }
    this.pathname_start = this.host_end + (r.port !== null ? 1 + String(r.port).length : 0);
    const pathEnd = this.pathname_start + serializePath(r).length +
      (r.host === null && !r.opaque && r.path.length > 1 && r.path[0] === '' ? 2 : 0);
    this.search_start = r.query !== null ? pathEnd : kOmitted;
    this.hash_start = r.fragment !== null ?
      (r.query !== null ? pathEnd + 1 + r.query.length : pathEnd) : kOmitted;
    this.port = r.port !== null ? r.port : kOmitted;
    this.scheme_type = r.scheme in schemeTypes ? schemeTypes[r.scheme] : 1;
    const self = this;
    Object.defineProperties(this, {
      hasPort: { get() { return self.port !== kOmitted; }, enumerable: false },
      hasSearch: { get() { return self.search_start !== kOmitted; }, enumerable: false },
      hasHash: { get() { return self.hash_start !== kOmitted; }, enumerable: false },
    });
  }
}

class URL {
  #r;
  #searchParams = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    let baseRecord;
    if (base !== undefined) {
      base = toUSVString(base);
      baseRecord = basicParse(base, null);
      if (baseRecord === FAILURE) throw invalidUrl(input, base);
    }
    const r = basicParse(input, baseRecord);
    if (r === FAILURE) throw invalidUrl(input, base);
    this.#r = r;
  }

  // Node lets V8's private field check fail here; give the same message.
  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#r in self)) {
      throw new TypeError('Cannot read private member #context from an object whose class ' +
                          'did not declare it');
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    let baseRecord;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base), null);
      if (baseRecord === FAILURE) return false;
    }
    return basicParse(input, baseRecord) !== FAILURE;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static _setQueryFromParams(url, query) {
    url.#r.query = query;
  }

  static _record(url) {
    return url.#r;
  }

  #syncParams() {
    if (this.#searchParams !== null) {
      const q = this.#r.query;
      URLSearchParams._setList(this.#searchParams, q ? parseUrlencoded(q) : []);
    }
  }

  [kInspect](depth, opts) {
    URL.#check(this);
    const obj = { __proto__: { constructor: URL } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts && opts.showHidden) obj[Symbol('context')] = new URLContext(this.#r);
    if (typeof depth === 'number' && depth < 0) return this;
    return `${this.constructor.name} ${inspectValue(obj, { ...opts, depth })}`;
  }

  toString() {
    URL.#check(this);
    return serializeRecord(this.#r, false);
  }

  get href() {
    URL.#check(this);
    return serializeRecord(this.#r, false);
  }

  set href(value) {
    URL.#check(this);
    value = toUSVString(value);
    const r = basicParse(value, null);
    if (r === FAILURE) throw invalidUrl(value);
    this.#r = r;
    this.#syncParams();
  }

  get origin() {
    URL.#check(this);
    const r = this.#r;
    switch (r.scheme) {
      case 'blob:': {
        const path = serializePath(r);
        const inner = basicParse(path, null);
        if (inner !== FAILURE && (inner.scheme === 'http:' || inner.scheme === 'https:')) {
          return tupleOrigin(inner);
        }
        return 'null';
      }
      case 'ftp:':
      case 'http:':
      case 'https:':
      case 'ws:':
      case 'wss:':
        return tupleOrigin(r);
      default:
        return 'null';
    }
  }

  get protocol() {
    URL.#check(this);
    return this.#r.scheme;
  }

  set protocol(value) {
    URL.#check(this);
    basicParse(`${toUSVString(value)}:`, null, this.#r, S.SCHEME_START);
  }

  get username() {
    URL.#check(this);
    return this.#r.username;
  }

  set username(value) {
    URL.#check(this);
    if (cannotHaveCredentialsOrPort(this.#r)) return;
    this.#r.username = encodeSet(toUSVString(value), USERINFO_SET);
  }

  get password() {
    URL.#check(this);
    return this.#r.password;
  }

  set password(value) {
    URL.#check(this);
    if (cannotHaveCredentialsOrPort(this.#r)) return;
    this.#r.password = encodeSet(toUSVString(value), USERINFO_SET);
  }

  get host() {
    URL.#check(this);
    const r = this.#r;
    if (r.host === null) return '';
    if (r.port === null) return r.host;
    return `${r.host}:${r.port}`;
  }

  set host(value) {
    URL.#check(this);
    const r = this.#r;
    if (r.opaque) return;
    const copy = copyRecord(r);
    if (basicParse(toUSVString(value), null, copy, S.HOST) !== FAILURE) this.#r = copy;
  }

  get hostname() {
    URL.#check(this);
    const h = this.#r.host;
    return h === null ? '' : h;
  }

  set hostname(value) {
    URL.#check(this);
    const r = this.#r;
    if (r.opaque) return;
    const copy = copyRecord(r);
    if (basicParse(toUSVString(value), null, copy, S.HOSTNAME) !== FAILURE) this.#r = copy;
  }

  get port() {
    URL.#check(this);
    const p = this.#r.port;
    return p === null ? '' : String(p);
  }

  set port(value) {
    URL.#check(this);
    const r = this.#r;
    if (cannotHaveCredentialsOrPort(r)) return;
    value = toUSVString(value);
    if (value === '') {
      r.port = null;
      return;
    }
    const copy = copyRecord(r);
    if (basicParse(value, null, copy, S.PORT) !== FAILURE) this.#r = copy;
  }

  get pathname() {
    URL.#check(this);
    return serializePath(this.#r);
  }

  set pathname(value) {
    URL.#check(this);
    const r = this.#r;
    if (r.opaque) return;
    const copy = copyRecord(r);
    copy.path = [];
    if (basicParse(toUSVString(value), null, copy, S.PATH_START) !== FAILURE) this.#r = copy;
  }

  get search() {
    URL.#check(this);
    const q = this.#r.query;
    return q === null || q === '' ? '' : `?${q}`;
  }

  set search(value) {
    URL.#check(this);
    const r = this.#r;
    value = toUSVString(value);
    if (value === '') {
      r.query = null;
      if (this.#searchParams !== null) URLSearchParams._setList(this.#searchParams, []);
      return;
    }
    if (value[0] === '?') value = value.slice(1);
    r.query = '';
    basicParse(value, null, r, S.QUERY);
    this.#syncParams();
  }

  get searchParams() {
    URL.#check(this);
    if (this.#searchParams === null) {
      const params = new URLSearchParams(this.#r.query || '');
      URLSearchParams._setUrl(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    URL.#check(this);
    const f = this.#r.fragment;
    return f === null || f === '' ? '' : `#${f}`;
  }

  set hash(value) {
    URL.#check(this);
    const r = this.#r;
    value = toUSVString(value);
    if (value === '') {
      r.fragment = null;
      return;
    }
    if (value[0] === '#') value = value.slice(1);
    r.fragment = '';
    basicParse(value, null, r, S.FRAGMENT);
  }

  toJSON() {
    URL.#check(this);
    return serializeRecord(this.#r, false);
  }

  static createObjectURL(obj) {
    return require('internal/blob').createObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    require('internal/blob').revokeObjectURL(url);
  }
}

function tupleOrigin(r) {
  let out = `${r.scheme}//${r.host}`;
  if (r.port !== null) out += `:${r.port}`;
  return out;
}

Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  value: 'URL', writable: false, enumerable: false, configurable: true,
});
for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, name, desc);
}
for (const name of ['canParse', 'parse', 'createObjectURL', 'revokeObjectURL']) {
  const desc = Object.getOwnPropertyDescriptor(URL, name);
  desc.enumerable = true;
  Object.defineProperty(URL, name, desc);
}

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

// ----------------------------------------------------- file URL helpers ----

function getPathFromURLPosix(url) {
  if (url.hostname !== '') {
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return utf8Decode(percentDecodeBytes(pathname));
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = pathname.replace(/\//g, '\\');
  pathname = utf8Decode(percentDecodeBytes(pathname));
  if (hostname !== '') {
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname[2];
  if (letter < 97 || letter > 122 || sep !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? isWindows;
  if (typeof path === 'string') {
    path = new URL(path);
  } else if (!isURL(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// Characters pathToFileURL escapes beyond what the URL parser does.
function encodePathChars(filepath, windows) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (!windows && filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

let pathModule;
function lazyPath() {
  if (pathModule === undefined) pathModule = require('path');
  return pathModule;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? isWindows;
  const path = lazyPath();
  if (windows && typeof filepath === 'string' && filepath.startsWith('\\\\')) {
    const outURL = new URL('file://');
    // UNC path: \\server\share\resource
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(prefixLength, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), windows);
    return outURL;
  }
  if (typeof filepath !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  // path.resolve drops a trailing separator; keep it.
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 47 || (windows && last === 92)) &&
      resolved[resolved.length - 1] !== (windows ? '\\' : '/')) {
    resolved += '/';
  }
  if (windows) resolved = resolved.replace(/\\/g, '/');
  resolved = encodePathChars(resolved, windows);
  // '?' and '#' would start a query or fragment.
  if (resolved.includes('?')) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.includes('#')) resolved = resolved.replace(/#/g, '%23');
  return new URL(`file://${resolved}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search: search,
    pathname: pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

// domainToASCII / domainToUnicode: '' for an invalid domain.
function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const r = parseHost(`${domain}`, false);
  if (r === FAILURE || r[0] === '[') return r === FAILURE ? '' : r;
  return r;
}

// The host name conversion of the legacy url.parse(): '' when invalid.
function toASCIILegacy(hostname) {
  const nul = hostname.indexOf('\0');
  if (nul !== -1) hostname = hostname.slice(0, nul);
  // eslint-disable-next-line no-control-regex
  hostname = hostname.replace(/[\t\n\r]/g, '');
  const r = domainToASCIIInternal(hostname, false);
  return r === FAILURE ? '' : r;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const ascii = domainToASCII(domain);
  if (ascii === '') return '';
  return ascii.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    const decoded = punycodeDecode(label.slice(4));
    return decoded === FAILURE ? label : decoded;
  }).join('.');
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  isURL,
  toASCIILegacy,
  encodeStr: encodeSet,
  // For the legacy url module.
  parseHost,
  FAILURE,
};
