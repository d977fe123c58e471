'use strict';
// The Fetch standard's Headers class: a header list keyed by lower-cased name
// that keeps the first spelling of each name, combines repeated values with
// ", " (except set-cookie, kept apart), and iterates sorted by name. Guards
// ('immutable', 'request', 'response', 'none') decide what may change.

const kList = Symbol('kHeadersList');
const kGuard = Symbol('kGuard');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

// Token characters of RFC 9110, indexed by char code.
const tokenChars = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") tokenChars[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) tokenChars[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) tokenChars[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) tokenChars[c] = 1;

function isValidHeaderName(name) {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || tokenChars[c] === 0) return false;
  }
  return true;
}

function isHttpWhitespace(c) {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function normalizeValue(value) {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isValidHeaderValue(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

function toByteString(value) {
  const str = `${value}`;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at ' +
                          `index ${i} has a value of ${c} which is greater than 255.`);
    }
  }
  return str;
}

function argCount(prefix, given, needed) {
  if (given < needed) {
    throw new TypeError(`${prefix}: ${needed} argument${needed === 1 ? '' : 's'} required, ` +
                        `but${given === 0 ? '' : ' only'} ${given} found.`);
  }
}

// The list: Map from lower-cased name to { name, value } and, for set-cookie,
// a separate array of values.
class HeadersList {
  constructor() {
    this.map = new Map();
    this.cookies = null;
    this.sorted = null;
  }

  append(name, value) {
    const key = name.toLowerCase();
    const entry = this.map.get(key);
    this.sorted = null;
    if (entry === undefined) {
      this.map.set(key, { name, value });
    } else {
      entry.value += (key === 'cookie' ? '; ' : ', ') + value;
    }
    if (key === 'set-cookie') (this.cookies ??= []).push(value);
  }

  set(name, value) {
    const key = name.toLowerCase();
    this.sorted = null;
    this.map.set(key, { name, value });
    if (key === 'set-cookie') this.cookies = [value];
  }

  delete(name) {
    const key = name.toLowerCase();
    if (key === 'set-cookie') this.cookies = null;
    this.sorted = null;
    this.map.delete(key);
  }

  has(name) {
    return this.map.has(name.toLowerCase());
  }

  get(name) {
    const entry = this.map.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  // The sorted and combined [name, value] pairs the iterators walk.
  entries() {
    if (this.sorted !== null) return this.sorted;
    const keys = [...this.map.keys()].sort();
    const out = [];
    for (const key of keys) {
      if (key === 'set-cookie' && this.cookies !== null) {
        for (const v of this.cookies) out.push([key, v]);
      } else {
        out.push([key, this.map.get(key).value]);
      }
    }
    this.sorted = out;
    return out;
  }

  clone() {
    const list = new HeadersList();
    for (const [key, entry] of this.map) {
      list.map.set(key, { name: entry.name, value: entry.value });
    }
    if (this.cookies !== null) list.cookies = [...this.cookies];
    return list;
  }
}

function checkHeaders(self) {
  if (self === null || typeof self !== 'object' || !(kList in self)) {
    const err = new TypeError('Illegal invocation');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
}

function fill(headers, init) {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
                        'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  if (init[kList] !== undefined) {
    for (const [name, value] of init[kList].entries()) appendHeader(headers, name, value);
    return;
  }
  const iter = init[Symbol.iterator];
  if (iter !== undefined && iter !== null) {
    if (typeof iter !== 'function') {
      throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
                          'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    }
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' ||
          typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError('Headers constructor: expected name/value pair to be length 2, ' +
                            'found 0.');
      }
      const items = [...pair];
      if (items.length !== 2) {
        throw new TypeError('Headers constructor: expected name/value pair to be length 2, ' +
                            `found ${items.length}.`);
      }
      appendHeader(headers, toByteString(items[0]), toByteString(items[1]));
    }
    return;
  }
  for (const key of Reflect.ownKeys(init)) {
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc === undefined || !desc.enumerable) continue;
    if (typeof key === 'symbol') {
      // The misspelling is undici's.
      throw new TypeError('Headers contructor: init is a symbol, which cannot be converted ' +
                          'to a DOMString.');
    }
    appendHeader(headers, toByteString(key), toByteString(init[key]));
  }
}

function checkGuard(headers) {
  if (headers[kGuard] === 'immutable') throw new TypeError('immutable');
}

function appendHeader(headers, name, value, prefix = 'Headers.append') {
  value = normalizeValue(value);
  if (!isValidHeaderName(name)) {
    throw new TypeError(`${prefix}: "${name}" is an invalid header name.`);
  }
  if (!isValidHeaderValue(value)) {
    throw new TypeError(`${prefix}: "${value}" is an invalid header value.`);
  }
  checkGuard(headers);
  headers[kList].append(name, value);
}

class Headers {
  constructor(init = undefined) {
    this[kList] = new HeadersList();
    this[kGuard] = 'none';
    if (init !== undefined) fill(this, init);
  }

  append(name, value) {
    checkHeaders(this);
    argCount('Headers.append', arguments.length, 2);
    appendHeader(this, toByteString(name), toByteString(value));
  }

  delete(name) {
    checkHeaders(this);
    argCount('Headers.delete', arguments.length, 1);
    name = toByteString(name);
    if (!isValidHeaderName(name)) {
      throw new TypeError(`Headers.delete: "${name}" is an invalid header name.`);
    }
    checkGuard(this);
    this[kList].delete(name);
  }

  get(name) {
    checkHeaders(this);
    argCount('Headers.get', arguments.length, 1);
    name = toByteString(name);
    if (!isValidHeaderName(name)) {
      throw new TypeError(`Headers.get: "${name}" is an invalid header name.`);
    }
    return this[kList].get(name);
  }

  has(name) {
    checkHeaders(this);
    argCount('Headers.has', arguments.length, 1);
    name = toByteString(name);
    if (!isValidHeaderName(name)) {
      throw new TypeError(`Headers.has: "${name}" is an invalid header name.`);
    }
    return this[kList].has(name);
  }

  set(name, value) {
    checkHeaders(this);
    argCount('Headers.set', arguments.length, 2);
    name = toByteString(name);
    value = normalizeValue(toByteString(value));
    if (!isValidHeaderName(name)) {
      throw new TypeError(`Headers.set: "${name}" is an invalid header name.`);
    }
    if (!isValidHeaderValue(value)) {
      throw new TypeError(`Headers.set: "${value}" is an invalid header value.`);
    }
    checkGuard(this);
    this[kList].set(name, value);
  }

  getSetCookie() {
    checkHeaders(this);
    const cookies = this[kList].cookies;
    return cookies === null ? [] : [...cookies];
  }

  forEach(callback, thisArg = undefined) {
    checkHeaders(this);
    argCount('Headers.forEach', arguments.length, 1);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of " +
                          "type 'Function'.");
    }
    const list = this[kList];
    for (let i = 0; i < list.entries().length; i++) {
      const [name, value] = list.entries()[i];
      callback.call(thisArg, value, name, this);
    }
  }

  keys() {
    checkHeaders(this);
    return makeIterator(this, 'key');
  }

  values() {
    checkHeaders(this);
    return makeIterator(this, 'value');
  }

  entries() {
    checkHeaders(this);
    return makeIterator(this, 'key+value');
  }

  [kInspect](depth, options) {
    const { inspect } = require('internal/util/inspect');
    const obj = {};
    for (const entry of this[kList].map.values()) obj[entry.name] = entry.value;
    options = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Headers ${inspect(obj, options)}`;
  }
}

Object.defineProperty(Headers.prototype, Symbol.iterator, {
  value: Headers.prototype.entries, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(Headers.prototype, Symbol.toStringTag, {
  value: 'Headers', configurable: true,
});
for (const name of ['append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'forEach',
  'keys', 'values', 'entries']) {
  Object.defineProperty(Headers.prototype, name, { enumerable: true });
}

const HeadersIteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const state = this?.[kList];
        if (state === undefined || state.headers === undefined) {
          throw new TypeError("'next' called on an object that does not implement interface " +
                              'Headers Iterator.');
        }
        const entries = state.headers[kList].entries();
        if (state.index >= entries.length) return { value: undefined, done: true };
        const [name, value] = entries[state.index++];
        if (state.kind === 'key') return { value: name, done: false };
        if (state.kind === 'value') return { value, done: false };
        return { value: [name, value], done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: 'Headers Iterator', configurable: true },
  });

function makeIterator(headers, kind) {
  const it = Object.create(HeadersIteratorPrototype);
  it[kList] = { headers, kind, index: 0 };
  return it;
}

// Internal helpers for Request, Response and fetch.
function headersFromList(list, guard) {
  const headers = Object.create(Headers.prototype);
  headers[kList] = list;
  headers[kGuard] = guard;
  return headers;
}

function getList(headers) {
  return headers[kList];
}

function setGuard(headers, guard) {
  headers[kGuard] = guard;
}

module.exports = {
  Headers,
  HeadersList,
  fill,
  getList,
  headersFromList,
  setGuard,
  isValidHeaderName,
  isValidHeaderValue,
  normalizeValue,
  toByteString,
  argCount,
};
