'use strict';
// node:stream/web: the WHATWG stream classes.

const {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
} = require('internal/webstreams/readablestream');
const {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
} = require('internal/webstreams/writablestream');
const {
  TransformStream,
  TransformStreamDefaultController,
} = require('internal/webstreams/transformstream');
const {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
} = require('internal/webstreams/queuingstrategies');

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream: undefined,
  TextDecoderStream: undefined,
  CompressionStream: undefined,
  DecompressionStream: undefined,
};

// The encoding and compression streams load their modules on first use.
function lazy(name, id) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const value = require(id)[name];
      Object.defineProperty(module.exports, name, {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, name, {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
}
lazy('TextEncoderStream', 'internal/webstreams/encoding');
lazy('TextDecoderStream', 'internal/webstreams/encoding');
lazy('CompressionStream', 'internal/webstreams/compression');
lazy('DecompressionStream', 'internal/webstreams/compression');
