'use strict';
// The WHATWG URL API: URL, URLSearchParams, and the file URL helpers the
// module loader uses. The parser itself (the URL Standard's state machine,
// hosts and UTS #46 through ICU) is C: internalBinding('url'), src/url.

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

// The application/x-www-form-urlencoded percent-encode set, as a table over
// ASCII (everything >= 0x7F is encoded).
const FORM_SET = new Uint8Array(128);
for (let i = 0; i < 0x20; i++) FORM_SET[i] = 1;
for (const ch of ' "#<>?`{}/:;=@[\\]^|$%&+,!\'()~\x7F') FORM_SET[ch.charCodeAt(0)] = 1;

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

// The parser is C (src/url): parse/update return the href and leave the
// component offsets in the shared urlComponents array.
const binding = internalBinding('url');
const urlComponents = binding.urlComponents;
const kOmitted = 4294967295;
const kParsed = Symbol('kParsed');

// What binding.update's `which` means (src/url/url.h url_setter_t).
const kHref = 0;
const kProtocol = 1;
const kUsername = 2;
const kPassword = 3;
const kHost = 4;
const kHostname = 5;
const kPort = 6;
const kPathname = 7;
const kSearch = 8;
const kHash = 9;

// The serialized URL and its component offsets (node's URLContext; what
// util.inspect(url, { showHidden: true }) shows as [Symbol(context)]).
class URLContext {
  href = '';
  protocol_end = 0;
  username_end = 0;
  host_start = 0;
  host_end = 0;
  pathname_start = 0;
  search_start = 0;
  hash_start = 0;
  port = 0;
  scheme_type = 1;

  get hasPort() { return this.port !== kOmitted; }
  get hasSearch() { return this.search_start !== kOmitted; }
  get hasHash() { return this.hash_start !== kOmitted; }
}

function toStr(v) {
  if (typeof v === 'string') return v;
  // V8's message, which node's tests match.
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${v}`;
}

class URL {
  #context = new URLContext();
  #searchParams = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    if (input === kParsed) {
      // URL.parse(): base is the href, urlComponents hold its offsets.
      this.#updateContext(base);
      return;
    }
    input = toStr(input);
    if (base !== undefined) base = toStr(base);
    const href = binding.parse(input, base);
    if (href === undefined) {
      throw invalidUrl(toUSVString(input), base === undefined ? undefined : toUSVString(base));
    }
    this.#updateContext(href);
  }

  #updateContext(href) {
    const c = this.#context;
    c.href = href;
    c.protocol_end = urlComponents[0];
    c.username_end = urlComponents[1];
    c.host_start = urlComponents[2];
    c.host_end = urlComponents[3];
    c.port = urlComponents[4];
    c.pathname_start = urlComponents[5];
    c.search_start = urlComponents[6];
    c.hash_start = urlComponents[7];
    c.scheme_type = urlComponents[8];
    if (this.#searchParams !== null) {
      const q = this.#getSearch();
      URLSearchParams._setList(this.#searchParams, q ? parseUrlencoded(q.slice(1)) : []);
    }
  }

  #set(which, value) {
    const href = binding.update(this.#context.href, which, toStr(value));
    if (href !== false) this.#updateContext(href);
    return href;
  }

  // Node lets V8's private field check fail here; give the same message.
  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#context in self)) {
      throw new TypeError('Cannot read private member #context from an object whose class ' +
                          'did not declare it');
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toStr(input);
    if (base !== undefined) base = toStr(base);
    return binding.canParse(input, base);
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toStr(input);
    if (base !== undefined) base = toStr(base);
    const href = binding.parse(input, base);
    if (href === undefined) return null;
    return new URL(kParsed, href);
  }

  // URLSearchParams' update steps: the query is already serialized
  // (ASCII, form-encoded), or null.
  static _setQueryFromParams(url, query) {
    const c = url.#context;
    const href = c.href;
    const end = c.search_start !== kOmitted ? c.search_start :
      (c.hash_start !== kOmitted ? c.hash_start : href.length);
    const hash = c.hash_start !== kOmitted ? href.slice(c.hash_start) : '';
    const q = query === null ? '' : `?${query}`;
    c.href = href.slice(0, end) + q + hash;
    c.search_start = query === null ? kOmitted : end;
    if (c.hash_start !== kOmitted) c.hash_start = end + q.length;
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
    if (opts && opts.showHidden) {
      const c = this.#context;
      const shown = new URLContext();
      for (const key of Object.keys(c)) shown[key] = c[key];
      Object.defineProperties(shown, {
        hasPort: { get() { return c.port !== kOmitted; }, enumerable: false },
        hasSearch: { get() { return c.search_start !== kOmitted; }, enumerable: false },
        hasHash: { get() { return c.hash_start !== kOmitted; }, enumerable: false },
      });
      obj[Symbol('context')] = shown;
    }
    if (typeof depth === 'number' && depth < 0) return this;
    return `${this.constructor.name} ${inspectValue(obj, { ...opts, depth })}`;
  }

  toString() {
    URL.#check(this);
    return this.#context.href;
  }

  get href() {
    URL.#check(this);
    return this.#context.href;
  }

  set href(value) {
    URL.#check(this);
    value = toStr(value);
    const href = binding.update('', kHref, value);
    if (href === false) throw invalidUrl(toUSVString(value));
    this.#updateContext(href);
  }

  get origin() {
    URL.#check(this);
    const c = this.#context;
    switch (c.scheme_type) {
      case 1: { // not special: only blob: has an origin
        if (c.protocol_end !== 5 || !c.href.startsWith('blob:')) return 'null';
        const inner = URL.parse(this.pathname);
        if (inner !== null) {
          const t = inner.#context.scheme_type;
          if (t === 0 || t === 2) return inner.origin;
        }
        return 'null';
      }
      case 6: // file:
        return 'null';
      default:
        return `${c.href.slice(0, c.protocol_end)}//${this.host}`;
    }
  }

  get protocol() {
    URL.#check(this);
    const c = this.#context;
    return c.href.slice(0, c.protocol_end);
  }

  set protocol(value) {
    URL.#check(this);
    this.#set(kProtocol, value);
  }

  get username() {
    URL.#check(this);
    const c = this.#context;
    if (c.protocol_end + 2 < c.username_end) {
      return c.href.slice(c.protocol_end + 2, c.username_end);
    }
    return '';
  }

  set username(value) {
    URL.#check(this);
    this.#set(kUsername, value);
  }

  get password() {
    URL.#check(this);
    const c = this.#context;
    if (c.host_start > c.username_end) return c.href.slice(c.username_end + 1, c.host_start);
    return '';
  }

  set password(value) {
    URL.#check(this);
    this.#set(kPassword, value);
  }

  #hostname() {
    const c = this.#context;
    let start = c.host_start;
    if (c.href.charCodeAt(start) === 64 /* @ */ && start < c.host_end) start++;
    return c.href.slice(start, c.host_end);
  }

  get host() {
    URL.#check(this);
    const c = this.#context;
    const name = this.#hostname();
    return c.port === kOmitted ? name : `${name}:${c.port}`;
  }

  set host(value) {
    URL.#check(this);
    this.#set(kHost, value);
  }

  get hostname() {
    URL.#check(this);
    return this.#hostname();
  }

  set hostname(value) {
    URL.#check(this);
    this.#set(kHostname, value);
  }

  get port() {
    URL.#check(this);
    const p = this.#context.port;
    return p === kOmitted ? '' : `${p}`;
  }

  set port(value) {
    URL.#check(this);
    this.#set(kPort, value);
  }

  get pathname() {
    URL.#check(this);
    const c = this.#context;
    const end = c.search_start !== kOmitted ? c.search_start :
      (c.hash_start !== kOmitted ? c.hash_start : c.href.length);
    return c.href.slice(c.pathname_start, end);
  }

  set pathname(value) {
    URL.#check(this);
    this.#set(kPathname, value);
  }

  #getSearch() {
    const c = this.#context;
    if (c.search_start === kOmitted) return '';
    const end = c.hash_start !== kOmitted ? c.hash_start : c.href.length;
    return end - c.search_start <= 1 ? '' : c.href.slice(c.search_start, end);
  }

  get search() {
    URL.#check(this);
    return this.#getSearch();
  }

  set search(value) {
    URL.#check(this);
    this.#set(kSearch, value);
  }

  get searchParams() {
    URL.#check(this);
    if (this.#searchParams === null) {
      const params = new URLSearchParams(this.#getSearch());
      URLSearchParams._setUrl(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    URL.#check(this);
    const c = this.#context;
    if (c.hash_start === kOmitted || c.href.length - c.hash_start <= 1) return '';
    return c.href.slice(c.hash_start);
  }

  set hash(value) {
    URL.#check(this);
    this.#set(kHash, value);
  }

  toJSON() {
    URL.#check(this);
    return this.#context.href;
  }

  static createObjectURL(obj) {
    return require('internal/blob').createObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    require('internal/blob').revokeObjectURL(url);
  }
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
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToUnicode(`${domain}`);
}

// The host name conversion of the legacy url.parse(): '' when invalid.
function toASCIILegacy(hostname) {
  const nul = hostname.indexOf('\0');
  if (nul !== -1) hostname = hostname.slice(0, nul);
  // eslint-disable-next-line no-control-regex
  hostname = hostname.replace(/[\t\n\r]/g, '');
  return binding.toASCII(hostname);
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
};
