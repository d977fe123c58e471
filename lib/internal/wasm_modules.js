'use strict';
// The bytes each WebAssembly.Module was compiled from (the engine cannot hand a compiled
// module to another thread's engine, so a module posted to a worker is sent as its bytes
// and compiled again there). Filled by the wrappers of WebAssembly.Module, compile and
// instantiate (lib/internal/bootstrap/globals.js), which copy the bytes when called.

const bytesOf = new WeakMap();

// A copy of a BufferSource's bytes, or undefined for anything else.
function copyOf(source) {
  if (ArrayBuffer.isView(source)) {
    return new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice();
  }
  if (source instanceof ArrayBuffer || source instanceof SharedArrayBuffer) {
    return new Uint8Array(source).slice();
  }
  return undefined;
}

function remember(module, bytes) {
  if (bytes !== undefined && typeof module === 'object' && module !== null) {
    bytesOf.set(module, bytes);
  }
}

module.exports = { bytesOf, copyOf, remember };
