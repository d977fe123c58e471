'use strict';
// TextEncoderStream and TextDecoderStream (WHATWG Encoding): transform
// streams around TextEncoder and a streaming TextDecoder.

const {
  codes: { ERR_INVALID_THIS },
} = require('internal/errors');
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transformstream');
const {
  customInspect,
  defineToStringTag,
  kInspect,
  makeEnumerable,
} = require('internal/webstreams/util');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');

function check(self, name) {
  if (self == null || typeof self !== 'object' || self[kType] !== name) {
    throw new ERR_INVALID_THIS(name);
  }
}

class TextEncoderStream {
  constructor() {
    this[kType] = 'TextEncoderStream';
    const encoder = new TextEncoder();
    this[kHandle] = encoder;
    // A lone high surrogate at the end of a chunk waits for the next chunk.
    let pending = '';
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        let str = pending + `${chunk}`;
        pending = '';
        if (str.length === 0) return;
        const last = str.charCodeAt(str.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = str[str.length - 1];
          str = str.slice(0, -1);
          if (str.length === 0) return;
        }
        controller.enqueue(encoder.encode(str));
      },
      flush(controller) {
        if (pending !== '') {
          controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
          pending = '';
        }
      },
    });
  }

  get encoding() {
    check(this, 'TextEncoderStream');
    return this[kHandle].encoding;
  }

  get readable() {
    check(this, 'TextEncoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    check(this, 'TextEncoderStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    check(this, 'TextEncoderStream');
    return customInspect(depth, options, 'TextEncoderStream', {
      encoding: this[kHandle].encoding,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = undefined) {
    this[kType] = 'TextDecoderStream';
    const decoder = new TextDecoder(encoding, options);
    this[kHandle] = decoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        const value = decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush(controller) {
        const value = decoder.decode();
        if (value) controller.enqueue(value);
      },
    });
  }

  get encoding() {
    check(this, 'TextDecoderStream');
    return this[kHandle].encoding;
  }

  get fatal() {
    check(this, 'TextDecoderStream');
    return this[kHandle].fatal;
  }

  get ignoreBOM() {
    check(this, 'TextDecoderStream');
    return this[kHandle].ignoreBOM;
  }

  get readable() {
    check(this, 'TextDecoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    check(this, 'TextDecoderStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    check(this, 'TextDecoderStream');
    return customInspect(depth, options, 'TextDecoderStream', {
      encoding: this[kHandle].encoding,
      fatal: this[kHandle].fatal,
      ignoreBOM: this[kHandle].ignoreBOM,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

makeEnumerable(TextEncoderStream, ['encoding', 'readable', 'writable']);
makeEnumerable(TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);
defineToStringTag(TextEncoderStream);
defineToStringTag(TextDecoderStream);

module.exports = {
  TextEncoderStream,
  TextDecoderStream,
};
