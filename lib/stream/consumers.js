'use strict';
// node:stream/consumers: read a whole stream (or async iterable) into one
// value.

const { Buffer } = require('buffer');

// The bytes a Blob would hold for chunk: views and ArrayBuffers as they
// are, anything else as its string form in UTF-8.
function toBytes(chunk) {
  if (ArrayBuffer.isView(chunk)) {
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  return Buffer.from(String(chunk), 'utf8');
}

async function collect(stream) {
  const chunks = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = toBytes(chunk);
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  const out = new Uint8Array(length);
  let off = 0;
  for (let i = 0; i < chunks.length; i++) {
    out.set(chunks[i], off);
    off += chunks[i].byteLength;
  }
  return out;
}

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const bytes = await collect(stream);
  return bytes.buffer;
}

async function buffer(stream) {
  const bytes = await collect(stream);
  return Buffer.from(bytes.buffer, 0, bytes.byteLength);
}

async function text(stream) {
  const dec = new TextDecoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') {
      str += chunk;
    } else {
      str += dec.decode(chunk, { stream: true });
    }
  }
  // Flush a trailing partial character.
  str += dec.decode(undefined, { stream: false });
  return str;
}

async function json(stream) {
  const str = await text(stream);
  return JSON.parse(str);
}

module.exports = {
  arrayBuffer,
  blob,
  buffer,
  text,
  json,
};
