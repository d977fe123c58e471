'use strict';
// Messages between threads: a structured clone (already made by postMessage)
// written in V8's serialization format (lib/v8.js) so it can cross into
// another engine instance as bytes. Transferred MessagePorts travel beside
// the bytes as links of the messaging binding; in the bytes they are object
// references 0..n-1, which the receiving side fills with new ports first.

const v8 = require('v8');

let kSerializerState;
let kDeserializerState;

function stateSymbol(obj, name) {
  return Object.getOwnPropertySymbols(obj).find((s) => s.description === name);
}

let lazyDOMException;
function dataCloneError(message) {
  lazyDOMException ??= require('internal/per_context/domexception').DOMException;
  return new lazyDOMException(message, 'DataCloneError');
}

// Host objects in a message: a tag, then what makes the object again.
const kHostWasmModule = 0; // the module's bytes
const kHostFileHandle = 1; // the descriptor + 1 (0: a closed handle)

let lazyFsPromises;
function fsPromises() {
  lazyFsPromises ??= require('internal/fs/promises');
  return lazyFsPromises;
}

class MessageDeserializer extends v8.Deserializer {
  _readHostObject() {
    const tag = this.readUint32();
    if (tag === kHostFileHandle) {
      const fd = this.readUint32() - 1;
      if (fd !== -1 && fdTracking !== null) fdTracking.received(fd);
      return new (fsPromises().FileHandle)(fd);
    }
    const length = this.readUint32();
    return new WebAssembly.Module(this.readRawBytes(length));
  }
}

// A transferred FileHandle's clone is made in the sending thread; its
// descriptor now belongs to the receiving one, so the clone gives it up (once:
// a message with shared memory is written twice).
const sentFds = new WeakMap(); // the clone -> its descriptor
// Set in a worker that tracks the descriptors it opens (trackUnmanagedFds,
// worker/thread.js): a FileHandle's descriptor that arrives counts as opened
// there, one that leaves as no longer its own to close.
let fdTracking = null;
function setFdTracking(hooks) {
  fdTracking = hooks;
}

function isSentFileHandle(value) {
  return lazyFsPromises !== undefined && value instanceof lazyFsPromises.FileHandle;
}

// No FileHandle exists before the module that makes them is loaded: until
// then a message has no host objects but WebAssembly modules to look for.
let BuiltinModule;
function fileHandlesExist() {
  if (lazyFsPromises !== undefined) return true;
  BuiltinModule ??= require('internal/bootstrap/realm').BuiltinModule;
  if (!BuiltinModule.isLoaded('internal/fs/promises')) return false;
  fsPromises();
  return true;
}

class MessageSerializer extends v8.Serializer {
  constructor(shared) {
    super();
    this.shared = shared;
  }

  _getDataCloneError(message) {
    return dataCloneError(message);
  }

  // A WebAssembly.Module crosses as the bytes it was compiled from, a
  // FileHandle as its descriptor.
  _writeHostObject(object) {
    if (isSentFileHandle(object)) {
      let fd = sentFds.get(object);
      if (fd === undefined) {
        fd = fsPromises().detachFd(object);
        sentFds.set(object, fd);
        if (fd !== -1 && fdTracking !== null) fdTracking.sent(fd);
      }
      this.writeUint32(kHostFileHandle);
      this.writeUint32(fd + 1);
      return;
    }
    const bytes = require('internal/wasm_modules').bytesOf.get(object);
    if (bytes === undefined) return super._writeHostObject(object);
    this.writeUint32(kHostWasmModule);
    this.writeUint32(bytes.byteLength);
    this.writeRawBytes(bytes);
  }

  _getSharedArrayBufferId(buffer) {
    // Collected here; encode() then writes them as references it fills in first.
    if (!this.shared.includes(buffer)) this.shared.push(buffer);
    return 0;
  }
}

// SharedArrayBuffer memory another thread sees: the engine's C API cannot
// make a SharedArrayBuffer over existing bytes, so a receiving thread gets an
// ArrayBuffer over the same memory that presents itself as a
// SharedArrayBuffer (docs/differences.md: Atomics.wait needs a real one).
const regionIds = new WeakMap(); // SharedArrayBuffer -> region id (sending side)
const regions = new Map(); // region id -> the buffer this thread uses for it

function regionOf(buffer) {
  let id = regionIds.get(buffer);
  if (id === undefined) {
    id = internalBinding('messaging').shareMemory(buffer);
    regionIds.set(buffer, id);
    if (id >= 0 && !regions.has(id)) regions.set(id, buffer);
  }
  return id;
}

const aliasConstructor = Object.freeze({
  __proto__: null,
  name: 'SharedArrayBuffer',
  [Symbol.species]: ArrayBuffer,
});

function openRegion(id) {
  if (id < 0) return new SharedArrayBuffer(0);
  let buffer = regions.get(id);
  if (buffer !== undefined) return buffer;
  buffer = internalBinding('messaging').openMemory(id);
  const byteLength = buffer.byteLength;
  Object.setPrototypeOf(buffer, SharedArrayBuffer.prototype);
  Object.defineProperties(buffer, {
    byteLength: { value: byteLength, enumerable: false, configurable: true },
    growable: { value: false, enumerable: false, configurable: true },
    maxByteLength: { value: byteLength, enumerable: false, configurable: true },
    // Copies (slice, structured clone) make ArrayBuffers: the engine refuses
    // to make a SharedArrayBuffer from an ArrayBuffer's slice.
    constructor: { value: aliasConstructor, enumerable: false, configurable: true, writable: true },
  });
  regions.set(id, buffer);
  regionIds.set(buffer, id);
  return buffer;
}

function serialize(value, ports, shared, seeded, buffers) {
  const ser = new MessageSerializer(shared);
  if (buffers !== undefined) {
    for (let i = 0; i < buffers.length; i++) ser.transferArrayBuffer(i, buffers[i]);
  }
  kSerializerState ??= stateSymbol(ser, 'kSerializerState');
  const state = ser[kSerializerState];
  if (fileHandlesExist()) state.isHost = isSentFileHandle;
  for (let i = 0; i < ports.length; i++) state.ids.set(ports[i], i);
  state.nextId = ports.length;
  if (seeded) {
    for (let i = 0; i < shared.length; i++) state.ids.set(shared[i], ports.length + i);
    state.nextId += shared.length;
  }
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

// Returns { data: Uint8Array, links } for value (a fresh clone) whose
// transferred ports are `ports`; toLink(port) turns each into a link. The
// bytes start with the shared-memory regions the value refers to.
// `buffers` (optional) are transferred ArrayBuffers: the bytes refer to them
// by index and the caller moves them beside the bytes.
function encode(value, ports, toLink, buffers) {
  const shared = [];
  let body = serialize(value, ports, shared, false, buffers);
  if (shared.length > 0) body = serialize(value, ports, shared, true, buffers);
  const header = new Uint8Array(4 + 4 * shared.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, shared.length, true);
  for (let i = 0; i < shared.length; i++) view.setInt32(4 + 4 * i, regionOf(shared[i]), true);
  const data = new Uint8Array(header.length + body.length);
  data.set(header, 0);
  data.set(body, header.length);
  const links = [];
  for (let i = 0; i < ports.length; i++) links.push(toLink(ports[i]));
  return { data, links };
}

// The inverse: { value, ports } with fromLink(link) making each port;
// `buffers` are the transferred ArrayBuffers that came with the bytes.
function decode(data, links, fromLink, buffers) {
  const ports = [];
  for (let i = 0; i < links.length; i++) ports.push(fromLink(links[i]));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(0, true);
  const shared = [];
  for (let i = 0; i < count; i++) shared.push(openRegion(view.getInt32(4 + 4 * i, true)));
  const offset = 4 + 4 * count;
  const des = new MessageDeserializer(data.subarray(offset));
  kDeserializerState ??= stateSymbol(des, 'kDeserializerState');
  const objects = des[kDeserializerState].objects;
  for (let i = 0; i < ports.length; i++) objects.push(ports[i]);
  for (let i = 0; i < shared.length; i++) objects.push(shared[i]);
  if (buffers !== undefined) {
    for (let i = 0; i < buffers.length; i++) {
      des.transferArrayBuffer(i, buffers[i] ?? new ArrayBuffer(0));
    }
  }
  des.readHeader();
  return { value: des.readValue(), ports };
}

module.exports = { encode, decode, dataCloneError, setFdTracking };
