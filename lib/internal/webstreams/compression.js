'use strict';
// CompressionStream and DecompressionStream (WHATWG Compression): the
// readable/writable pair of a zlib stream. zlib is loaded on first use.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  customInspect,
  defineToStringTag,
  kInspect,
  makeEnumerable,
} = require('internal/webstreams/util');

const kTransform = Symbol('kTransform');
const kType = Symbol('kType');

function check(self, name) {
  if (self == null || typeof self !== 'object' || self[kType] !== name) {
    throw new ERR_INVALID_THIS(name);
  }
}

function badFormat(className, format) {
  const err = new ERR_INVALID_ARG_VALUE('format', format);
  err.message = `Failed to construct '${className}': 1st argument value '${format}' ` +
    'is not a valid enum value of type CompressionFormat.';
  return err;
}

function createPair(zlibStream) {
  const { newReadableWritablePairFromDuplex } = require('internal/webstreams/adapters');
  return newReadableWritablePairFromDuplex(zlibStream);
}

class CompressionStream {
  constructor(format) {
    format = `${format}`;
    const zlib = require('zlib');
    let handle;
    switch (format) {
      case 'deflate': handle = zlib.createDeflate(); break;
      case 'deflate-raw': handle = zlib.createDeflateRaw(); break;
      case 'gzip': handle = zlib.createGzip(); break;
      default: throw badFormat('CompressionStream', format);
    }
    this[kType] = 'CompressionStream';
    this[kTransform] = createPair(handle);
  }

  get readable() {
    check(this, 'CompressionStream');
    return this[kTransform].readable;
  }

  get writable() {
    check(this, 'CompressionStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    check(this, 'CompressionStream');
    return customInspect(depth, options, 'CompressionStream', {
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

class DecompressionStream {
  constructor(format) {
    format = `${format}`;
    const zlib = require('zlib');
    let handle;
    switch (format) {
      case 'deflate': handle = zlib.createInflate(); break;
      case 'deflate-raw': handle = zlib.createInflateRaw(); break;
      case 'gzip': handle = zlib.createGunzip(); break;
      default: throw badFormat('DecompressionStream', format);
    }
    this[kType] = 'DecompressionStream';
    this[kTransform] = createPair(handle);
  }

  get readable() {
    check(this, 'DecompressionStream');
    return this[kTransform].readable;
  }

  get writable() {
    check(this, 'DecompressionStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    check(this, 'DecompressionStream');
    return customInspect(depth, options, 'DecompressionStream', {
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

makeEnumerable(CompressionStream, ['readable', 'writable']);
makeEnumerable(DecompressionStream, ['readable', 'writable']);
defineToStringTag(CompressionStream);
defineToStringTag(DecompressionStream);

module.exports = {
  CompressionStream,
  DecompressionStream,
};
