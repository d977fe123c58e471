'use strict';
// The Fetch standard's body: extracting a body (with its Content-Type) from
// what Request and Response accept, and the Body mixin (text, json,
// arrayBuffer, bytes, blob, formData, body, bodyUsed). A body is
// { stream, source, length }; its ReadableStream is made only when a caller
// asks for it, so consuming a string or byte body never builds one.

const { kState } = require('internal/webstreams/util');

const kInner = Symbol('kInner');

let Blob;
let isBlob;
function loadBlob() {
  if (Blob === undefined) ({ Blob, isBlob } = require('internal/blob'));
}

let FormDataMod;
function formDataModule() {
  FormDataMod ??= require('internal/fetch/formdata');
  return FormDataMod;
}

let ReadableStream;
function readableStreamClass() {
  ReadableStream ??= require('internal/webstreams/readablestream').ReadableStream;
  return ReadableStream;
}

let encoder;
function encodeUtf8(str) {
  if (encoder === undefined) {
    const { TextEncoder } = require('internal/encoding');
    encoder = new TextEncoder();
  }
  return encoder.encode(str);
}

let decoder;
function decodeUtf8(bytes) {
  if (decoder === undefined) {
    const { TextDecoder } = require('internal/encoding');
    decoder = new TextDecoder();
  }
  return decoder.decode(bytes);
}

function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function isReadableStream(obj) {
  return obj != null && typeof obj === 'object' && obj[kState] !== undefined &&
    typeof obj.getReader === 'function' && obj instanceof readableStreamClass();
}

function isStreamDisturbed(stream) {
  return stream[kState].disturbed;
}

function isStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function isURLSearchParams(obj) {
  return obj != null && typeof obj === 'object' &&
    Object.prototype.toString.call(obj) === '[object URLSearchParams]';
}

function isAnyArrayBuffer(obj) {
  if (obj instanceof ArrayBuffer) return true;
  const tag = Object.prototype.toString.call(obj);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

function copyBytes(view) {
  if (isAnyArrayBuffer(view)) return new Uint8Array(view.slice(0));
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

// Extracts a body from `object`. Returns { body, type } where type is the
// Content-Type to add, or null.
function extractBody(object, keepalive = false) {
  loadBlob();
  let source = null;
  let stream = null;
  let type = null;
  let length = null;
  if (typeof object === 'string') {
    source = encodeUtf8(object);
    type = 'text/plain;charset=UTF-8';
  } else if (isURLSearchParams(object)) {
    source = encodeUtf8(object.toString());
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (isAnyArrayBuffer(object) || ArrayBuffer.isView(object)) {
    source = copyBytes(object);
  } else if (isBlob(object)) {
    source = object;
    length = object.size;
    if (object.type !== '') type = object.type;
  } else if (formDataModule().isFormData(object)) {
    const out = formDataModule().serializeFormData(object);
    source = out.blob;
    length = out.blob.size;
    type = out.type;
  } else if (isReadableStream(object)) {
    if (keepalive) throw new TypeError('keepalive');
    if (isStreamDisturbed(object) || isStreamLocked(object)) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    stream = object;
  } else if (object != null && typeof object[Symbol.asyncIterator] === 'function') {
    if (keepalive) throw new TypeError('keepalive');
    stream = readableStreamClass().from(iterateBytes(object));
  } else {
    source = encodeUtf8(`${object}`);
    type = 'text/plain;charset=UTF-8';
  }
  if (source !== null && length === null) length = source.byteLength;
  return { body: { stream, source, length }, type };
}

async function* iterateBytes(iterable) {
  for await (const chunk of iterable) {
    if (typeof chunk === 'string') yield encodeUtf8(chunk);
    else if (ArrayBuffer.isView(chunk)) {
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else if (isAnyArrayBuffer(chunk)) yield new Uint8Array(chunk);
    else throw new TypeError('Received non-Uint8Array chunk');
  }
}

// A body whose bytes arrive later: returns { body, controller } where
// the controller is the stream's byte controller.
function bytesStream(bytes) {
  return new (readableStreamClass())({
    type: 'bytes',
    pull(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

// The body's stream, made on first request.
function bodyStream(body) {
  if (body.stream === null) {
    loadBlob();
    const source = body.source;
    body.stream = isBlob(source) ? source.stream() : bytesStream(new Uint8Array(source));
    body.source = null;
    body.sourceTaken = true;
  }
  return body.stream;
}

function bodyUnusable(body) {
  if (body === null) return false;
  if (body.stream === null) return body.consumed === true;
  return isStreamDisturbed(body.stream) || isStreamLocked(body.stream);
}

// Reads the whole body: resolves with a Uint8Array.
async function readAllBytes(body) {
  if (body.stream === null) {
    body.consumed = true;
    loadBlob();
    const source = body.source;
    body.source = null;
    if (isBlob(source)) return new Uint8Array(await source.arrayBuffer());
    return body.shared ? source.slice() : source;
  }
  const reader = body.stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      throw new TypeError('Received non-Uint8Array chunk');
    }
    chunks.push(value);
    total += value.byteLength;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

// Clones a body: tees its stream, or shares its immutable source.
function cloneBody(body) {
  if (body.stream === null && !body.consumed) {
    body.shared = true;
    return { stream: null, source: body.source, length: body.length, shared: true };
  }
  const [a, b] = body.stream.tee();
  body.stream = a;
  return { stream: b, source: null, length: body.length };
}

function mimeTypeOf(inner) {
  const type = inner.headersList.get('content-type');
  return type === null ? '' : type;
}

// Lower-cases type/subtype and parameter names, as a parsed MIME type
// serializes; returns '' for an unparsable value.
function serializeMime(type) {
  const parts = type.split(';');
  const essence = parts[0].trim().toLowerCase();
  const slash = essence.indexOf('/');
  if (slash <= 0 || slash === essence.length - 1) return '';
  let out = essence;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i].trim();
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    let value = part.slice(eq + 1).toLowerCase();
    if (value.startsWith('"')) {
      const end = value.indexOf('"', 1);
      value = value.slice(1, end === -1 ? undefined : end);
      if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(value)) value = `"${value}"`;
    }
    out += `;${part.slice(0, eq).toLowerCase()}=${value}`;
  }
  return out;
}

function consume(self, convert) {
  const inner = self?.[kInner];
  if (inner === undefined) return Promise.reject(illegalInvocation());
  if (bodyUnusable(inner.body)) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  if (inner.body === null) return Promise.resolve().then(() => convert(new Uint8Array(0), inner));
  return readAllBytes(inner.body).then((bytes) => convert(bytes, inner));
}

function toArrayBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return bytes.buffer;
  }
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

const mixin = {
  arrayBuffer() {
    return consume(this, (bytes) => toArrayBuffer(bytes));
  },
  blob() {
    return consume(this, (bytes, inner) => {
      loadBlob();
      let type = mimeTypeOf(inner);
      if (type !== '') type = serializeMime(type);
      return new Blob([bytes], { type });
    });
  },
  bytes() {
    return consume(this, (bytes) => bytes);
  },
  formData() {
    return consume(this, (bytes, inner) =>
      formDataModule().parseFormData(bytes, mimeTypeOf(inner)));
  },
  json() {
    return consume(this, (bytes) => JSON.parse(decodeUtf8(bytes)));
  },
  text() {
    return consume(this, (bytes) => decodeUtf8(bytes));
  },
};

function installBodyMixin(cls) {
  for (const name of Object.keys(mixin)) {
    Object.defineProperty(cls.prototype, name, {
      value: mixin[name], writable: true, enumerable: true, configurable: true,
    });
  }
  Object.defineProperty(cls.prototype, 'body', {
    get() {
      const inner = this?.[kInner];
      if (inner === undefined) throw illegalInvocation();
      return inner.body === null ? null : bodyStream(inner.body);
    },
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(cls.prototype, 'bodyUsed', {
    get() {
      const inner = this?.[kInner];
      if (inner === undefined) throw illegalInvocation();
      const body = inner.body;
      if (body === null) return false;
      if (body.stream === null) return body.consumed === true;
      return isStreamDisturbed(body.stream);
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = {
  kInner,
  extractBody,
  bodyStream,
  bodyUnusable,
  cloneBody,
  readAllBytes,
  installBodyMixin,
  illegalInvocation,
  isReadableStream,
  isStreamDisturbed,
  isStreamLocked,
  encodeUtf8,
  decodeUtf8,
};
