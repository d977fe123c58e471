'use strict';
// Blob and File (W3C File API) and the blob: URL registry behind
// URL.createObjectURL(), URL.revokeObjectURL() and buffer.resolveObjectURL().
// A Blob holds a list of immutable byte chunks; slice() shares them.

const {
  codes: {
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

const kChunks = Symbol('kChunks');
const kLength = Symbol('kLength');
const kType = Symbol('kType');
const kName = Symbol('kName');
const kLastModified = Symbol('kLastModified');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kStreamChunkSize = 65536;

let encoder;
function encodeUtf8(str) {
  if (encoder === undefined) {
    const { TextEncoder } = require('internal/encoding');
    encoder = new TextEncoder();
  }
  return encoder.encode(str);
}

let kMaxLength;
function maxLength() {
  kMaxLength ??= require('buffer').kMaxLength;
  return kMaxLength;
}

function isBlob(obj) {
  return obj != null && typeof obj === 'object' && obj[kChunks] !== undefined;
}

function checkBlob(self) {
  if (!isBlob(self)) throw new ERR_INVALID_THIS('Blob');
}

function checkFile(self) {
  if (!isBlob(self) || self[kName] === undefined) throw new ERR_INVALID_THIS('File');
}

// The type attribute: lower-cased, or empty when it holds a character outside
// U+0020..U+007E.
function normalizeType(type) {
  if (type === undefined) return '';
  type = `${type}`;
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return '';
  }
  return type.toLowerCase();
}

function convertLineEndings(str) {
  return str.replace(/\r\n?/g, '\n');
}

function validateOptions(options) {
  if (options !== undefined && options !== null &&
      typeof options !== 'object' && typeof options !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
  }
  let endings = options?.endings;
  if (endings === undefined) {
    endings = 'transparent';
  } else {
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
  }
  return { endings, type: normalizeType(options?.type) };
}

// Turns the blob parts into a list of byte chunks and their total length.
function processParts(sources, endings) {
  if (sources === undefined) return { chunks: [], length: 0 };
  if (sources === null || typeof sources !== 'object' ||
      typeof sources[Symbol.iterator] !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
  }
  const parts = [];
  let length = 0;
  for (const source of sources) {
    if (isBlob(source)) {
      const chunks = source[kChunks];
      for (let i = 0; i < chunks.length; i++) parts.push(chunks[i]);
      length += source[kLength];
    } else if (ArrayBuffer.isView(source)) {
      // Copied below, once the total size is known to be allowed.
      parts.push({ view: source });
      length += source.byteLength;
    } else if (source instanceof ArrayBuffer ||
               Object.prototype.toString.call(source) === '[object ArrayBuffer]' ||
               Object.prototype.toString.call(source) === '[object SharedArrayBuffer]') {
      parts.push({ view: new Uint8Array(source) });
      length += source.byteLength;
    } else {
      let str = `${source}`;
      if (endings === 'native') str = convertLineEndings(str);
      const bytes = encodeUtf8(str);
      parts.push(bytes);
      length += bytes.byteLength;
    }
  }
  if (length > maxLength()) throw new ERR_BUFFER_TOO_LARGE(maxLength());
  const chunks = [];
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    if (part instanceof FileSegment) {
      chunks.push(part);
      continue;
    }
    if (!(part instanceof Uint8Array)) {
      const view = part.view;
      part = new Uint8Array(view.byteLength);
      part.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    }
    if (part.byteLength > 0) chunks.push(part);
  }
  return { chunks, length };
}

function initBlob(blob, chunks, length, type) {
  blob[kChunks] = chunks;
  blob[kLength] = length;
  blob[kType] = type;
}

// All the bytes of blob in one new Uint8Array: synchronously when they are
// all in memory, else as a promise (file-backed parts are read then).
function concat(blob) {
  const out = new Uint8Array(blob[kLength]);
  const chunks = blob[kChunks];
  let offset = 0;
  let pending;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk instanceof FileSegment) {
      const at = offset;
      const read = readSegment(chunk, 0, chunk.byteLength).then((bytes) => out.set(bytes, at));
      pending ??= [];
      pending.push(read);
    } else {
      out.set(chunk, offset);
    }
    offset += chunk.byteLength;
  }
  if (pending === undefined) return out;
  return Promise.all(pending).then(() => out);
}

// ---- file-backed parts (fs.openAsBlob) ----

// A range of a file that must not change after the Blob was made.
class FileSegment {
  constructor(file, start, byteLength) {
    this.file = file;
    this.start = start;
    this.byteLength = byteLength;
  }

  subarray(begin, end) {
    return new FileSegment(this.file, this.start + begin, end - begin);
  }
}

function notReadable() {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException('The blob could not be read', 'NotReadableError');
}

// Reads length bytes at offset within segment, failing if the file changed.
// The read is synchronous (pieces of at most kStreamChunkSize when streaming)
// so that a blob read is not interleaved with writes to the file.
function readSegmentSync(segment, offset, length) {
  const fs = require('fs');
  const { file } = segment;
  let fd;
  try {
    const stat = fs.statSync(file.path);
    if (stat.size !== file.size || stat.mtimeMs !== file.mtimeMs) throw notReadable();
    const out = new Uint8Array(length);
    if (length === 0) return out;
    fd = fs.openSync(file.path, 'r');
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, out, done, length - done, segment.start + offset + done);
      if (n === 0) break;
      done += n;
    }
    if (done !== length) throw notReadable();
    return out;
  } catch {
    throw notReadable();
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readSegment(segment, offset, length) {
  try {
    return Promise.resolve(readSegmentSync(segment, offset, length));
  } catch (err) {
    return Promise.reject(err);
  }
}

// The Blob behind fs.openAsBlob(path, { type }).
function createFileBackedBlob(path, type) {
  const fs = require('fs');
  let stat;
  try {
    stat = fs.statSync(path);
  } catch {
    const err = new ERR_INVALID_ARG_VALUE('path', path);
    err.message = 'Unable to open file as blob';
    throw err;
  }
  const file = { path, size: stat.size, mtimeMs: stat.mtimeMs };
  const blob = Object.create(Blob.prototype);
  initBlob(blob, [new FileSegment(file, 0, stat.size)], stat.size, normalizeType(type));
  const { markTransferMode } = require('internal/structured_clone');
  markTransferMode(blob, true, false);
  blob[require('internal/structured_clone').kClone] = notCloneable;
  return blob;
}

function notCloneable() {
  const { codes: { ERR_INVALID_STATE } } = require('internal/errors');
  throw new ERR_INVALID_STATE('File-backed Blobs are not cloneable');
}

let TextDecoderCtor;
class Blob {
  constructor(sources = undefined, options = undefined) {
    const { endings, type } = validateOptions(options);
    const { chunks, length } = processParts(sources, endings);
    initBlob(this, chunks, length, type);
  }

  get type() {
    checkBlob(this);
    return this[kType];
  }

  get size() {
    checkBlob(this);
    return this[kLength];
  }

  slice(start = 0, end = undefined, contentType = '') {
    checkBlob(this);
    const size = this[kLength];
    start = relativeIndex(start, size, 0);
    end = relativeIndex(end, size, size);
    const span = Math.max(end - start, 0);
    const chunks = [];
    let skip = start;
    let remaining = span;
    const source = this[kChunks];
    for (let i = 0; i < source.length && remaining > 0; i++) {
      const chunk = source[i];
      if (skip >= chunk.byteLength) {
        skip -= chunk.byteLength;
        continue;
      }
      const take = Math.min(chunk.byteLength - skip, remaining);
      chunks.push(skip === 0 && take === chunk.byteLength ? chunk :
        chunk.subarray(skip, skip + take));
      remaining -= take;
      skip = 0;
    }
    const blob = Object.create(Blob.prototype);
    initBlob(blob, chunks, span, normalizeType(contentType));
    return blob;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(concat(this)).then((bytes) => bytes.buffer);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    TextDecoderCtor ??= require('internal/encoding').TextDecoder;
    return Promise.resolve(concat(this)).then((bytes) => new TextDecoderCtor().decode(bytes));
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(concat(this));
  }

  stream() {
    checkBlob(this);
    const { ReadableStream } = require('internal/webstreams/readablestream');
    const chunks = this[kChunks];
    let index = 0;
    let offset = 0;
    function pull(controller) {
      if (index >= chunks.length) {
        controller.close();
        const request = controller.byobRequest;
        if (request !== null) request.respond(0);
        return;
      }
      const chunk = chunks[index];
      const take = Math.min(chunk.byteLength - offset, kStreamChunkSize);
      if (chunk instanceof FileSegment) {
        return readSegment(chunk, offset, take).then((bytes) => {
          offset += take;
          if (offset >= chunk.byteLength) {
            index++;
            offset = 0;
          }
          if (bytes.byteLength === 0) return pull(controller);
          controller.enqueue(bytes);
        });
      }
      const request = controller.byobRequest;
      if (request !== null) {
        const view = request.view;
        const n = Math.min(take, view.byteLength);
        new Uint8Array(view.buffer, view.byteOffset, n).set(chunk.subarray(offset, offset + n));
        offset += n;
        if (offset >= chunk.byteLength) {
          index++;
          offset = 0;
        }
        request.respond(n);
        return;
      }
      controller.enqueue(chunk.slice(offset, offset + take));
      offset += take;
      if (offset >= chunk.byteLength) {
        index++;
        offset = 0;
      }
    }
    return new ReadableStream({ type: 'bytes', pull });
  }

  [kInspect](depth, options) {
    if (depth < 0) return `[${this[kName] === undefined ? 'Blob' : 'File'}]`;
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    if (this[kName] !== undefined) {
      return `File ${inspect({
        size: this[kLength],
        type: this[kType],
        name: this[kName],
        lastModified: this[kLastModified],
      }, opts)}`;
    }
    return `Blob ${inspect({ size: this[kLength], type: this[kType] }, opts)}`;
  }
}

function relativeIndex(value, size, fallback) {
  if (value === undefined) return fallback;
  let n = Math.trunc(Number(value));
  if (n !== n) n = 0;
  if (n < 0) return Math.max(size + n, 0);
  return Math.min(n, size);
}

class File extends Blob {
  constructor(fileBits, fileName, options = undefined) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    this[kName] = `${fileName}`;
    let lastModified;
    if (options?.lastModified !== undefined) {
      lastModified = +options.lastModified;
      if (lastModified !== lastModified) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this[kLastModified] = lastModified;
  }

  get name() {
    checkFile(this);
    return this[kName];
  }

  get lastModified() {
    checkFile(this);
    return this[kLastModified];
  }
}

for (const [ctor, names] of [[Blob, ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes',
                                     'stream']],
                             [File, ['name', 'lastModified']]]) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(ctor.prototype, name);
    desc.enumerable = true;
    Object.defineProperty(ctor.prototype, name, desc);
  }
  Object.defineProperty(ctor.prototype, Symbol.toStringTag, {
    __proto__: null, value: ctor.name, writable: false, enumerable: false, configurable: true,
  });
}

// ---- blob: URLs ----

const registry = new Map();

function createObjectURL(obj) {
  if (!isBlob(obj)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
  const { randomUUID } = require('crypto');
  const id = `nodedata:${randomUUID()}`;
  registry.set(id, obj);
  return `blob:${id}`;
}

// The registry key of a blob: URL, or undefined.
function objectURLKey(url) {
  const { URL } = require('internal/url');
  let parsed;
  try {
    parsed = new URL(`${url}`);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'blob:') return undefined;
  const parts = parsed.pathname.split(':');
  if (parts.length !== 2 || parts[0] !== 'nodedata') return undefined;
  return parsed.pathname;
}

function revokeObjectURL(url) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
  const key = objectURLKey(url);
  if (key !== undefined) registry.delete(key);
}

function resolveObjectURL(url) {
  const key = objectURLKey(url);
  if (key === undefined) return undefined;
  const blob = registry.get(key);
  if (blob === undefined) return undefined;
  return blob.slice(0, blob.size, blob.type);
}

module.exports = {
  Blob,
  File,
  isBlob,
  createFileBackedBlob,
  createObjectURL,
  revokeObjectURL,
  resolveObjectURL,
};
