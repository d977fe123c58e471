'use strict';
// node:stream. The module is the legacy Stream constructor with the stream
// classes and helpers attached, as in node.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  setDefaultHighWaterMark,
  getDefaultHighWaterMark,
} = require('internal/streams/state');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const utils = require('internal/streams/utils');
const legacy = require('internal/streams/legacy');

const Stream = module.exports = legacy.Stream;

let promises;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;

Stream.Readable = require('internal/streams/readable');

// The helper methods are installed now but their module loads on first use:
// most programs never call them. [name, length, returns a stream].
let operators;
const operatorList = [
  ['asIndexedPairs', 0, true], ['drop', 1, true], ['filter', 2, true],
  ['flatMap', 2, true], ['map', 2, true], ['take', 1, true], ['compose', 2, true],
  ['every', 1, false], ['forEach', 2, false], ['reduce', 3, false],
  ['toArray', 1, false], ['some', 1, false], ['find', 2, false],
];
for (const { 0: key, 1: length, 2: returnsStream } of operatorList) {
  const fn = returnsStream ?
    function(...args) {
      if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
      operators ??= require('internal/streams/operators');
      return Stream.Readable.from(
        Reflect.apply(operators.streamReturningOperators[key], this, args));
    } :
    function(...args) {
      if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
      operators ??= require('internal/streams/operators');
      return Reflect.apply(operators.promiseReturningOperators[key], this, args);
    };
  Object.defineProperty(fn, 'name', { __proto__: null, value: key });
  Object.defineProperty(fn, 'length', { __proto__: null, value: length });
  Object.defineProperty(Stream.Readable.prototype, key, {
    __proto__: null,
    value: fn,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');

// pipeline(), compose(), duplexPair() and addAbortSignal() load their
// modules on first call.
let pipelineImpl;
function pipeline(...streams) {
  pipelineImpl ??= require('internal/streams/pipeline').pipeline;
  return Reflect.apply(pipelineImpl, this, streams);
}
function compose(...streams) {
  return Reflect.apply(require('internal/streams/compose'), this, streams);
}
function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
}
function addAbortSignal(signal, stream) {
  return require('internal/streams/add-abort-signal').addAbortSignal(signal, stream);
}

Stream.duplexPair = duplexPair;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = compose;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises;
  },
});

const customPromisify = Symbol.for('nodejs.util.promisify.custom');

Object.defineProperty(pipeline, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises.pipeline;
  },
});

Object.defineProperty(eos, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises.finished;
  },
});

// Backwards-compatible with the old (pre-streams2) module shape.
Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = legacy.isUint8Array;
Stream._uint8ArrayToBuffer = legacy.uint8ArrayToBuffer;
