'use strict';
// FormData (XHR standard) and its two wire forms: multipart/form-data
// serialization for request bodies, and multipart/form-data and
// application/x-www-form-urlencoded parsing for Body.formData().

const { Blob, File, isBlob } = require('internal/blob');
const { argCount } = require('internal/fetch/headers');

const kEntries = Symbol('kEntries');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function isFormData(obj) {
  return obj != null && typeof obj === 'object' && obj[kEntries] !== undefined;
}

function check(self) {
  if (!isFormData(self)) throw illegalInvocation();
}

function toUSVString(value) {
  return `${value}`.toWellFormed();
}

// The entry value: a string, or a File (a Blob is wrapped in one).
function makeValue(prefix, value, filename, nargs) {
  if (!isBlob(value)) {
    if (nargs > 2) {
      throw new TypeError(`${prefix}: parameter 2 is not of type 'Blob'`);
    }
    return toUSVString(value);
  }
  const isFile = value instanceof File;
  if (filename !== undefined) filename = toUSVString(filename);
  else if (isFile) return value;
  else filename = 'blob';
  const options = { type: value.type };
  if (isFile) options.lastModified = value.lastModified;
  return new File([value], filename, options);
}

class FormData {
  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
    this[kEntries] = [];
  }

  append(name, value, filename = undefined) {
    check(this);
    argCount('FormData.append', arguments.length, 2);
    this[kEntries].push({
      name: toUSVString(name),
      value: makeValue('Failed to execute \'append\' on \'FormData\'', value, filename,
                       arguments.length),
    });
  }

  delete(name) {
    check(this);
    argCount('FormData.delete', arguments.length, 1);
    name = toUSVString(name);
    this[kEntries] = this[kEntries].filter((e) => e.name !== name);
  }

  get(name) {
    check(this);
    argCount('FormData.get', arguments.length, 1);
    name = toUSVString(name);
    const entry = this[kEntries].find((e) => e.name === name);
    return entry === undefined ? null : entry.value;
  }

  getAll(name) {
    check(this);
    argCount('FormData.getAll', arguments.length, 1);
    name = toUSVString(name);
    return this[kEntries].filter((e) => e.name === name).map((e) => e.value);
  }

  has(name) {
    check(this);
    argCount('FormData.has', arguments.length, 1);
    name = toUSVString(name);
    return this[kEntries].some((e) => e.name === name);
  }

  set(name, value, filename = undefined) {
    check(this);
    argCount('FormData.set', arguments.length, 2);
    name = toUSVString(name);
    const entry = {
      name,
      value: makeValue('Failed to execute \'set\' on \'FormData\'', value, filename,
                       arguments.length),
    };
    const entries = this[kEntries];
    const index = entries.findIndex((e) => e.name === name);
    if (index === -1) {
      entries.push(entry);
    } else {
      entries[index] = entry;
      this[kEntries] = entries.filter((e, i) => i <= index || e.name !== name);
    }
  }

  keys() {
    check(this);
    return makeIterator(this, 'key');
  }

  values() {
    check(this);
    return makeIterator(this, 'value');
  }

  entries() {
    check(this);
    return makeIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    check(this);
    argCount('FormData.forEach', arguments.length, 1);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of " +
                          "type 'Function'.");
    }
    for (const [name, value] of this) callback.call(thisArg, value, name, this);
  }

  [kInspect](depth, options) {
    const { inspect } = require('internal/util/inspect');
    const obj = {};
    for (const { name, value } of this[kEntries]) {
      if (obj[name] === undefined) obj[name] = value;
      else if (Array.isArray(obj[name])) obj[name].push(value);
      else obj[name] = [obj[name], value];
    }
    options = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `FormData ${inspect(obj, options)}`;
  }
}

for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values',
  'entries', 'forEach']) {
  Object.defineProperty(FormData.prototype, name, { enumerable: true });
}
Object.defineProperty(FormData.prototype, Symbol.iterator, {
  value: FormData.prototype.entries, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(FormData.prototype, Symbol.toStringTag, {
  value: 'FormData', configurable: true,
});

const kIter = Symbol('kIter');
const FormDataIteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const state = this?.[kIter];
        if (state === undefined) {
          throw new TypeError("'next' called on an object that does not implement interface " +
                              'FormData Iterator.');
        }
        const entries = state.form[kEntries];
        if (state.index >= entries.length) return { value: undefined, done: true };
        const { name, value } = entries[state.index++];
        if (state.kind === 'key') return { value: name, done: false };
        if (state.kind === 'value') return { value, done: false };
        return { value: [name, value], done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: 'FormData Iterator', configurable: true },
  });

function makeIterator(form, kind) {
  const it = Object.create(FormDataIteratorPrototype);
  it[kIter] = { form, kind, index: 0 };
  return it;
}

function escapeName(str, normalize) {
  if (normalize) str = str.replace(/\r\n|\r|\n/g, '\r\n');
  return str.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

// Serializes the entries into a Blob; returns { blob, type }.
function serializeFormData(form) {
  let boundary = '----formdata-undici-0';
  for (let i = 0; i < 11; i++) boundary += Math.floor(Math.random() * 10);
  const parts = [];
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  for (const { name, value } of form[kEntries]) {
    if (typeof value === 'string') {
      parts.push(`${prefix}; name="${escapeName(name, true)}"\r\n\r\n` +
                 `${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`);
    } else {
      parts.push(`${prefix}; name="${escapeName(name, true)}"; ` +
                 `filename="${escapeName(value.name, false)}"\r\n` +
                 `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`);
      parts.push(value);
      parts.push('\r\n');
    }
  }
  parts.push(`--${boundary}--\r\n`);
  return { blob: new Blob(parts), type: `multipart/form-data; boundary=${boundary}` };
}

function parseError() {
  return new TypeError('Failed to parse body as FormData.');
}

// The boundary parameter of a multipart/form-data type, or null.
function getBoundary(type) {
  const m = /;\s*boundary=("([^"]*)"|[^;\s]*)/i.exec(type);
  if (m === null) return null;
  const b = m[2] !== undefined ? m[2] : m[1];
  return b.length > 0 && b.length <= 70 ? b : null;
}

function indexOf(bytes, needle, from) {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer:
  for (let i = bytes.indexOf(first, from); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

function latin1(bytes, start, end) {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function parseDispositionParam(header, param) {
  const re = new RegExp(`;\\s*${param}=("((?:[^"\\\\]|\\\\.)*)"|[^;]*)`, 'i');
  const m = re.exec(header);
  if (m === null) return undefined;
  return m[2] !== undefined ? m[2] : m[1].trim();
}

function parseMultipart(bytes, boundary) {
  const { decodeUtf8 } = require('internal/fetch/body');
  const { Buffer } = require('buffer');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delim = Buffer.from(`--${boundary}`, 'latin1');
  const form = new FormData();
  let pos = indexOf(buf, delim, 0);
  if (pos === -1) throw parseError();
  pos += delim.length;
  for (;;) {
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) return form;
    if (buf[pos] !== 0x0d || buf[pos + 1] !== 0x0a) throw parseError();
    pos += 2;
    const headerEnd = indexOf(buf, Buffer.from('\r\n\r\n'), pos);
    const emptyHeaders = buf[pos] === 0x0d && buf[pos + 1] === 0x0a;
    let headerText;
    let bodyStart;
    if (emptyHeaders) {
      headerText = '';
      bodyStart = pos + 2;
    } else {
      if (headerEnd === -1) throw parseError();
      headerText = latin1(buf, pos, headerEnd);
      bodyStart = headerEnd + 4;
    }
    const next = indexOf(buf, Buffer.from(`\r\n--${boundary}`, 'latin1'), bodyStart);
    if (next === -1) throw parseError();
    let name;
    let filename;
    let type = 'text/plain';
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) throw parseError();
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        if (!/^form-data\s*(;|$)/i.test(value)) throw parseError();
        name = parseDispositionParam(value, 'name');
        filename = parseDispositionParam(value, 'filename');
      } else if (key === 'content-type') {
        type = value;
      }
    }
    if (name === undefined) throw parseError();
    name = decodeUtf8(Buffer.from(name, 'latin1'));
    const content = buf.subarray(bodyStart, next);
    if (filename !== undefined) {
      filename = decodeUtf8(Buffer.from(filename, 'latin1'));
      form[kEntries].push({ name, value: new File([content], filename, { type }) });
    } else {
      form[kEntries].push({ name, value: decodeUtf8(content) });
    }
    pos = next + 2 + delim.length;
  }
}

// Body.formData(): parses bytes by the body's Content-Type.
function parseFormData(bytes, contentType) {
  const essence = contentType.split(';')[0].trim().toLowerCase();
  if (essence === 'multipart/form-data') {
    const boundary = getBoundary(contentType);
    if (boundary === null) throw parseError();
    return parseMultipart(bytes, boundary);
  }
  if (essence === 'application/x-www-form-urlencoded') {
    const { decodeUtf8 } = require('internal/fetch/body');
    const { URLSearchParams } = require('internal/url');
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(decodeUtf8(bytes))) {
      form[kEntries].push({ name, value });
    }
    return form;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or ' +
                      '"application/x-www-form-urlencoded".');
}

module.exports = {
  FormData,
  isFormData,
  serializeFormData,
  parseFormData,
};
