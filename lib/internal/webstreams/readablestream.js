'use strict';
// ReadableStream (WHATWG Streams): default and byte streams, the default and
// BYOB readers, both controllers, the BYOB request, tee, pipeTo/pipeThrough,
// ReadableStream.from() and async iteration. The abstract operations follow
// the standard's algorithms step by step so that promise settlement order
// matches it (and node).

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { queueMicrotask } = require('internal/process/task_queues');
const {
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsClosedPromise,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const {
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  arrayBufferByteLength,
  arrayBufferSlice,
  checkThis,
  cloneAsUint8Array,
  copyDataBlockBytes,
  createDeferredPromise,
  customInspect,
  defineToStringTag,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isArrayBufferDetached,
  isBrandOf,
  kInspect,
  kState,
  kType,
  lazyDOMException,
  lazyInspect,
  makeEnumerable,
  makeStaticEnumerable,
  nop,
  promiseCall,
  queueLength,
  resetQueue,
  setPromiseHandled,
  then,
  transferArrayBuffer,
  viewBuffer,
  viewInfo,
} = require('internal/webstreams/util');

const kCreate = Symbol('kCreate');
const kPull = Symbol('kPull');
const kCancel = Symbol('kCancel');
const kRelease = Symbol('kRelease');

let writable;
function lazyWritable() {
  writable ??= require('internal/webstreams/writablestream');
  return writable;
}

function isReadableStream(obj) {
  return isBrandOf(obj, 'ReadableStream');
}

function isByteController(obj) {
  return isBrandOf(obj, 'ReadableByteStreamController');
}

function isDefaultReader(obj) {
  return isBrandOf(obj, 'ReadableStreamDefaultReader');
}

function isBYOBReader(obj) {
  return isBrandOf(obj, 'ReadableStreamBYOBReader');
}

function validateView(view, name = 'view') {
  if (!ArrayBuffer.isView(view)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], view);
  }
}

// WebIDL [EnforceRange] unsigned long long.
function toEnforcedUint(value, name) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ERR_INVALID_ARG_VALUE(name, value);
  const t = Math.trunc(n);
  if (t < 0 || t > Number.MAX_SAFE_INTEGER) throw new ERR_INVALID_ARG_VALUE(name, value);
  return t;
}

// ---------------------------------------------------------------------------
// ReadableStream

class ReadableStream {
  constructor(source = undefined, strategy = undefined) {
    if (source === kCreate) {
      initializeReadableStream(this);
      return;
    }
    if (source !== undefined &&
        (source === null || (typeof source !== 'object' && typeof source !== 'function'))) {
      throw new ERR_INVALID_ARG_TYPE('source', 'object', source);
    }
    if (strategy !== undefined && strategy !== null &&
        typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'object', strategy);
    }
    // The strategy dictionary is converted first, then the source's members
    // are read in lexicographic order, as WebIDL does.
    const highWaterMark = strategy?.highWaterMark;
    const size = strategy?.size;
    const src = source ?? {};
    const autoAllocateChunkSize = src.autoAllocateChunkSize;
    const cancel = src.cancel;
    const pull = src.pull;
    const start = src.start;
    let type = src.type;
    if (cancel !== undefined && typeof cancel !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('source.cancel', 'Function', cancel);
    }
    if (pull !== undefined && typeof pull !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('source.pull', 'Function', pull);
    }
    if (start !== undefined && typeof start !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('source.start', 'Function', start);
    }
    if (type !== undefined) {
      type = `${type}`;
      if (type !== 'bytes') throw new ERR_INVALID_ARG_VALUE('source.type', type);
    }

    initializeReadableStream(this);
    if (type === 'bytes') {
      if (size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', size);
      }
      const hwm = extractHighWaterMark(highWaterMark, 0);
      let chunkSize;
      if (autoAllocateChunkSize !== undefined) {
        chunkSize = toEnforcedUint(autoAllocateChunkSize, 'source.autoAllocateChunkSize');
        if (chunkSize === 0) {
          throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', chunkSize);
        }
      }
      setUpReadableByteStreamController(
        this, new ReadableByteStreamController(kCreate),
        start === undefined ? nop : () => ReflectApply(start, source, [this[kState].controller]),
        pull === undefined ? resolvedUndefined :
          () => promiseCall(pull, source, this[kState].controller),
        cancel === undefined ? resolvedUndefined : (reason) => promiseCall(cancel, source, reason),
        hwm, chunkSize);
    } else {
      const sizeAlgorithm = extractSizeAlgorithm(size);
      const hwm = extractHighWaterMark(highWaterMark, 1);
      setUpReadableStreamDefaultController(
        this, new ReadableStreamDefaultController(kCreate),
        start === undefined ? nop : () => ReflectApply(start, source, [this[kState].controller]),
        pull === undefined ? resolvedUndefined :
          () => promiseCall(pull, source, this[kState].controller),
        cancel === undefined ? resolvedUndefined : (reason) => promiseCall(cancel, source, reason),
        hwm, sizeAlgorithm);
    }
  }

  get locked() {
    checkThis(this, 'ReadableStream');
    return isReadableStreamLocked(this);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return PromiseReject(new ERR_INVALID_THIS('ReadableStream'));
    if (isReadableStreamLocked(this)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    checkThis(this, 'ReadableStream');
    if (options !== undefined && options !== null &&
        typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    let mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    mode = `${mode}`;
    if (mode !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = undefined) {
    checkThis(this, 'ReadableStream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    const dest = transform?.writable;
    if (!lazyWritable().isWritableStream(dest)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', dest);
    }
    const { preventAbort, preventCancel, preventClose, signal } = pipeOptions(options);
    if (isReadableStreamLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    }
    if (lazyWritable().isWritableStreamLocked(dest)) {
      throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    }
    const promise = readableStreamPipeTo(this, dest, preventClose, preventAbort,
                                         preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = undefined) {
    try {
      checkThis(this, 'ReadableStream');
      if (!lazyWritable().isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination);
      }
      const { preventAbort, preventCancel, preventClose, signal } = pipeOptions(options);
      if (isReadableStreamLocked(this)) {
        throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      }
      if (lazyWritable().isWritableStreamLocked(destination)) {
        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      }
      return readableStreamPipeTo(this, destination, preventClose, preventAbort,
                                  preventCancel, signal);
    } catch (err) {
      return PromiseReject(err);
    }
  }

  tee() {
    checkThis(this, 'ReadableStream');
    return readableStreamTee(this, false);
  }

  values(options = undefined) {
    checkThis(this, 'ReadableStream');
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const preventCancel = !!options?.preventCancel;
    const reader = new ReadableStreamDefaultReader(this);
    return createAsyncIterator(reader, preventCancel);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  get [kIsDisturbed]() {
    return this[kState].disturbed;
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsReadable]() {
    return this[kState].state === 'readable';
  }

  [kInspect](depth, options) {
    checkThis(this, 'ReadableStream');
    return customInspect(depth, options, 'ReadableStream', {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: isByteController(this[kState].controller),
    });
  }
}

Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  __proto__: null,
  value: ReadableStream.prototype.values,
  writable: true,
  enumerable: false,
  configurable: true,
});
// structuredClone(stream, { transfer: [stream] }) moves the stream; without
// the transfer list it throws, as in node.
{
  const { kTransfer, kTransferMode } = require('internal/structured_clone');
  Object.defineProperty(ReadableStream.prototype, kTransferMode, {
    __proto__: null, value: 2, writable: false, enumerable: false, configurable: true,
  });
  Object.defineProperty(ReadableStream.prototype, kTransfer, {
    __proto__: null,
    value() {
      checkThis(this, 'ReadableStream');
      return require('internal/webstreams/transfer').transferReadable(this);
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
makeEnumerable(ReadableStream,
               ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);
makeStaticEnumerable(ReadableStream, ['from']);
defineToStringTag(ReadableStream);

function resolvedUndefined() {
  return PromiseResolve();
}

function pipeOptions(options) {
  if (options !== undefined && options !== null &&
      typeof options !== 'object' && typeof options !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  const preventAbort = !!options?.preventAbort;
  const preventCancel = !!options?.preventCancel;
  const preventClose = !!options?.preventClose;
  const signal = options?.signal;
  if (signal !== undefined) {
    const { AbortSignal } = require('internal/abort_controller');
    if (!(signal instanceof AbortSignal)) {
      throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    }
  }
  return { preventAbort, preventCancel, preventClose, signal };
}

function initializeReadableStream(stream) {
  stream[kType] = 'ReadableStream';
  stream[kState] = {
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  };
  stream[kIsClosedPromise] = createDeferredPromise();
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kControllerErrorFunction] = nop;
}

function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = new ReadableStream(kCreate);
  setUpReadableStreamDefaultController(stream, new ReadableStreamDefaultController(kCreate),
                                       startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                       highWaterMark, sizeAlgorithm);
  return stream;
}

function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
  const stream = new ReadableStream(kCreate);
  setUpReadableByteStreamController(stream, new ReadableByteStreamController(kCreate),
                                    startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, undefined);
  return stream;
}

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return PromiseResolve();
  if (state.state === 'errored') return PromiseReject(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && isBYOBReader(reader)) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (let i = 0; i < requests.length; i++) requests[i].closeSteps(undefined);
  }
  const sourceCancelPromise = state.controller[kCancel](reason);
  return then(sourceCancelPromise, nop);
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  stream[kIsClosedPromise].resolve();
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].close.resolve();
  if (isDefaultReader(reader)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (let i = 0; i < requests.length; i++) requests[i].closeSteps();
  }
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  stream[kIsClosedPromise].reject(error);
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].close.reject(error);
  setPromiseHandled(reader[kState].close.promise);
  if (isDefaultReader(reader)) {
    readableStreamDefaultReaderErrorReadRequests(reader, error);
  } else {
    readableStreamBYOBReaderErrorReadIntoRequests(reader, error);
  }
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const readRequest = reader[kState].readRequests.shift();
  if (done) readRequest.closeSteps();
  else readRequest.chunkSteps(chunk);
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const readIntoRequest = reader[kState].readIntoRequests.shift();
  if (done) readIntoRequest.closeSteps(chunk);
  else readIntoRequest.chunkSteps(chunk);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamHasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isDefaultReader(reader);
}

function readableStreamHasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBYOBReader(reader);
}

// ---------------------------------------------------------------------------
// Readers

function readerGenericInitialize(reader, stream) {
  const rstate = reader[kState];
  rstate.stream = stream;
  stream[kState].reader = reader;
  switch (stream[kState].state) {
    case 'readable':
      rstate.close = createDeferredPromise();
      break;
    case 'closed':
      rstate.close = { promise: PromiseResolve(), resolve: nop, reject: nop };
      break;
    default:
      rstate.close = {
        promise: PromiseReject(stream[kState].storedError), resolve: nop, reject: nop,
      };
      setPromiseHandled(rstate.close.promise);
  }
}

function readerGenericRelease(reader) {
  const rstate = reader[kState];
  const stream = rstate.stream;
  const err = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') {
    rstate.close.reject(err);
  } else {
    rstate.close = { promise: PromiseReject(err), resolve: nop, reject: nop };
  }
  setPromiseHandled(rstate.close.promise);
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  rstate.stream = undefined;
}

function readableStreamDefaultReaderErrorReadRequests(reader, error) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i].errorSteps(error);
}

function readableStreamBYOBReaderErrorReadIntoRequests(reader, error) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i].errorSteps(error);
}

function readableStreamDefaultReaderRelease(reader) {
  readerGenericRelease(reader);
  readableStreamDefaultReaderErrorReadRequests(
    reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamBYOBReaderRelease(reader) {
  readerGenericRelease(reader);
  readableStreamBYOBReaderErrorReadIntoRequests(
    reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') {
    readRequest.closeSteps();
  } else if (state.state === 'errored') {
    readRequest.errorSteps(state.storedError);
  } else {
    state.controller[kPull](readRequest);
  }
}

function readableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
  const stream = reader[kState].stream;
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'errored') {
    readIntoRequest.errorSteps(state.storedError);
  } else {
    readableByteStreamControllerPullInto(state.controller, view, min, readIntoRequest);
  }
}

// A read request that settles a promise with an iteration result.
class DefaultReadRequest {
  constructor() {
    this.deferred = createDeferredPromise();
  }

  chunkSteps(value) {
    this.deferred.resolve({ value, done: false });
  }

  closeSteps() {
    this.deferred.resolve({ value: undefined, done: true });
  }

  errorSteps(error) {
    this.deferred.reject(error);
  }
}

class ReadIntoRequest {
  constructor() {
    this.deferred = createDeferredPromise();
  }

  chunkSteps(value) {
    this.deferred.resolve({ value, done: false });
  }

  closeSteps(value) {
    this.deferred.resolve({ value, done: true });
  }

  errorSteps(error) {
    this.deferred.reject(error);
  }
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kType] = 'ReadableStreamDefaultReader';
    this[kState] = { stream: undefined, readRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    readerGenericInitialize(this, stream);
  }

  read() {
    if (!isDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const readRequest = new DefaultReadRequest();
    readableStreamDefaultReaderRead(this, readRequest);
    return readRequest.deferred.promise;
  }

  releaseLock() {
    checkThis(this, 'ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    if (!isDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readableStreamCancel(this[kState].stream, reason);
  }

  [kInspect](depth, options) {
    checkThis(this, 'ReadableStreamDefaultReader');
    return customInspect(depth, options, 'ReadableStreamDefaultReader', {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    });
  }
}

makeEnumerable(ReadableStreamDefaultReader, ['read', 'releaseLock', 'closed', 'cancel']);
defineToStringTag(ReadableStreamDefaultReader);

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kType] = 'ReadableStreamBYOBReader';
    this[kState] = { stream: undefined, readIntoRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    if (!isByteController(stream[kState].controller)) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    readerGenericInitialize(this, stream);
  }

  read(view, options = undefined) {
    if (!isBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    let min = 1;
    try {
      validateView(view);
      if (options !== undefined && options !== null &&
          typeof options !== 'object' && typeof options !== 'function') {
        throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
      }
      if (options?.min !== undefined) {
        min = toEnforcedUint(options.min, 'options.min');
      }
    } catch (err) {
      return PromiseReject(err);
    }
    const buffer = viewBuffer(view);
    if (view.byteLength === 0 || arrayBufferByteLength(buffer) === 0) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (isArrayBufferDetached(buffer)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (min === 0) {
      return PromiseReject(new ERR_INVALID_ARG_VALUE('options.min', min,
                                                     'must be greater than 0'));
    }
    if (view instanceof DataView ? min > view.byteLength : min > view.length) {
      return PromiseReject(new ERR_OUT_OF_RANGE('options.min', '<= view.length', min));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const readIntoRequest = new ReadIntoRequest();
    readableStreamBYOBReaderRead(this, view, min, readIntoRequest);
    return readIntoRequest.deferred.promise;
  }

  releaseLock() {
    checkThis(this, 'ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }

  get closed() {
    if (!isBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readableStreamCancel(this[kState].stream, reason);
  }

  [kInspect](depth, options) {
    checkThis(this, 'ReadableStreamBYOBReader');
    return customInspect(depth, options, 'ReadableStreamBYOBReader', {
      stream: this[kState].stream,
      readIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].close.promise,
    });
  }
}

makeEnumerable(ReadableStreamBYOBReader, ['read', 'releaseLock', 'closed', 'cancel']);
defineToStringTag(ReadableStreamBYOBReader);

// ---------------------------------------------------------------------------
// ReadableStreamDefaultController

class ReadableStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'ReadableStreamDefaultController';
    this[kState] = {};
  }

  get desiredSize() {
    checkThis(this, 'ReadableStreamDefaultController');
    return readableStreamDefaultControllerGetDesiredSize(this);
  }

  close() {
    checkThis(this, 'ReadableStreamDefaultController');
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    checkThis(this, 'ReadableStreamDefaultController');
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    checkThis(this, 'ReadableStreamDefaultController');
    readableStreamDefaultControllerError(this, error);
  }

  [kCancel](reason) {
    const state = this[kState];
    resetQueue(state);
    const result = state.cancelAlgorithm(reason);
    readableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }

  [kPull](readRequest) {
    const state = this[kState];
    const stream = state.stream;
    if (queueLength(state) > 0) {
      const chunk = dequeueValue(state);
      if (state.closeRequested && queueLength(state) === 0) {
        readableStreamDefaultControllerClearAlgorithms(this);
        readableStreamClose(stream);
      } else {
        readableStreamDefaultControllerCallPullIfNeeded(this);
      }
      readRequest.chunkSteps(chunk);
    } else {
      stream[kState].reader[kState].readRequests.push(readRequest);
      readableStreamDefaultControllerCallPullIfNeeded(this);
    }
  }

  [kRelease]() {}

  [kInspect](depth, options) {
    checkThis(this, 'ReadableStreamDefaultController');
    return customInspect(depth, options, 'ReadableStreamDefaultController', {});
  }
}

makeEnumerable(ReadableStreamDefaultController, ['desiredSize', 'close', 'enqueue', 'error']);
defineToStringTag(ReadableStreamDefaultController);

function setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                              cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  const state = controller[kState];
  state.stream = stream;
  resetQueue(state);
  state.started = false;
  state.closeRequested = false;
  state.pullAgain = false;
  state.pulling = false;
  state.strategySizeAlgorithm = sizeAlgorithm;
  state.strategyHWM = highWaterMark;
  state.pullAlgorithm = pullAlgorithm;
  state.cancelAlgorithm = cancelAlgorithm;
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = (error) => readableStreamDefaultControllerError(controller,
                                                                                     error);
  const startResult = startAlgorithm();
  then(PromiseResolve(startResult), () => {
    state.started = true;
    readableStreamDefaultControllerCallPullIfNeeded(controller);
  }, (error) => readableStreamDefaultControllerError(controller, error));
}

function readableStreamDefaultControllerCallPullIfNeeded(controller) {
  if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  then(state.pullAlgorithm(), () => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
  }, (error) => readableStreamDefaultControllerError(controller, error));
}

function readableStreamDefaultControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return false;
  if (!state.started) return false;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  return readableStreamDefaultControllerGetDesiredSize(controller) > 0;
}

function readableStreamDefaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.pullAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
  state.strategySizeAlgorithm = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  state.closeRequested = true;
  if (queueLength(state) === 0) {
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  const stream = state.stream;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = state.strategySizeAlgorithm(chunk);
    } catch (err) {
      readableStreamDefaultControllerError(controller, err);
      throw err;
    }
    try {
      enqueueValueWithSize(state, chunk, size);
    } catch (err) {
      readableStreamDefaultControllerError(controller, err);
      throw err;
    }
  }
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function readableStreamDefaultControllerError(controller, error) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return;
  resetQueue(state);
  readableStreamDefaultControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const streamState = state.stream[kState].state;
  if (streamState === 'errored') return null;
  if (streamState === 'closed') return 0;
  return state.strategyHWM - state.queueTotalSize;
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !readableStreamDefaultControllerShouldCallPull(controller);
}

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  const state = controller[kState];
  return !state.closeRequested && state.stream[kState].state === 'readable';
}

// ---------------------------------------------------------------------------
// Byte streams

class ReadableStreamBYOBRequest {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'ReadableStreamBYOBRequest';
    this[kState] = { controller: undefined, view: null };
  }

  get view() {
    checkThis(this, 'ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    checkThis(this, 'ReadableStreamBYOBRequest');
    const { controller, view } = this[kState];
    bytesWritten = toEnforcedUint(bytesWritten, 'bytesWritten');
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    if (isArrayBufferDetached(viewBuffer(view))) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    readableByteStreamControllerRespond(controller, bytesWritten);
  }

  respondWithNewView(view) {
    checkThis(this, 'ReadableStreamBYOBRequest');
    validateView(view);
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    if (isArrayBufferDetached(viewBuffer(view))) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    readableByteStreamControllerRespondWithNewView(controller, view);
  }

  [kInspect](depth, options) {
    checkThis(this, 'ReadableStreamBYOBRequest');
    return customInspect(depth, options, 'ReadableStreamBYOBRequest', {
      view: this[kState].view,
      controller: this[kState].controller,
    });
  }
}

makeEnumerable(ReadableStreamBYOBRequest, ['view', 'respond', 'respondWithNewView']);
defineToStringTag(ReadableStreamBYOBRequest);

class ReadableByteStreamController {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'ReadableByteStreamController';
    this[kState] = {};
  }

  get byobRequest() {
    checkThis(this, 'ReadableByteStreamController');
    return readableByteStreamControllerGetBYOBRequest(this);
  }

  get desiredSize() {
    checkThis(this, 'ReadableByteStreamController');
    return readableByteStreamControllerGetDesiredSize(this);
  }

  close() {
    checkThis(this, 'ReadableByteStreamController');
    const state = this[kState];
    if (state.closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (state.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    readableByteStreamControllerClose(this);
  }

  enqueue(chunk) {
    checkThis(this, 'ReadableByteStreamController');
    validateView(chunk, 'buffer');
    const state = this[kState];
    const buffer = viewBuffer(chunk);
    if (chunk.byteLength === 0 || isArrayBufferDetached(buffer) ||
        arrayBufferByteLength(buffer) === 0) {
      throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    }
    if (state.closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (state.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    readableByteStreamControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    checkThis(this, 'ReadableByteStreamController');
    readableByteStreamControllerError(this, error);
  }

  [kCancel](reason) {
    readableByteStreamControllerClearPendingPullIntos(this);
    resetQueue(this[kState]);
    const result = this[kState].cancelAlgorithm(reason);
    readableByteStreamControllerClearAlgorithms(this);
    return result;
  }

  [kPull](readRequest) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queueTotalSize > 0) {
      readableByteStreamControllerFillReadRequestFromQueue(this, readRequest);
      return;
    }
    const autoAllocateChunkSize = state.autoAllocateChunkSize;
    if (autoAllocateChunkSize !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(autoAllocateChunkSize);
      } catch (err) {
        readRequest.errorSteps(err);
        return;
      }
      state.pendingPullIntos.push({
        buffer,
        bufferByteLength: autoAllocateChunkSize,
        byteOffset: 0,
        byteLength: autoAllocateChunkSize,
        bytesFilled: 0,
        minimumFill: 1,
        elementSize: 1,
        viewConstructor: Uint8Array,
        readerType: 'default',
      });
    }
    stream[kState].reader[kState].readRequests.push(readRequest);
    readableByteStreamControllerCallPullIfNeeded(this);
  }

  [kRelease]() {
    const state = this[kState];
    if (state.pendingPullIntos.length > 0) {
      const first = state.pendingPullIntos[0];
      first.readerType = 'none';
      state.pendingPullIntos = [first];
    }
  }

  [kInspect](depth, options) {
    checkThis(this, 'ReadableByteStreamController');
    return customInspect(depth, options, 'ReadableByteStreamController', {});
  }
}

makeEnumerable(ReadableByteStreamController,
               ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);
defineToStringTag(ReadableByteStreamController);

function setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
                                           cancelAlgorithm, highWaterMark,
                                           autoAllocateChunkSize) {
  const state = controller[kState];
  state.stream = stream;
  state.pullAgain = false;
  state.pulling = false;
  state.byobRequest = null;
  resetQueue(state);
  state.closeRequested = false;
  state.started = false;
  state.strategyHWM = highWaterMark;
  state.pullAlgorithm = pullAlgorithm;
  state.cancelAlgorithm = cancelAlgorithm;
  state.autoAllocateChunkSize = autoAllocateChunkSize;
  state.pendingPullIntos = [];
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = (error) => readableByteStreamControllerError(controller,
                                                                                  error);
  const startResult = startAlgorithm();
  then(PromiseResolve(startResult), () => {
    state.started = true;
    readableByteStreamControllerCallPullIfNeeded(controller);
  }, (error) => readableByteStreamControllerError(controller, error));
}

function readableByteStreamControllerCallPullIfNeeded(controller) {
  if (!readableByteStreamControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  then(state.pullAlgorithm(), () => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      readableByteStreamControllerCallPullIfNeeded(controller);
    }
  }, (error) => readableByteStreamControllerError(controller, error));
}

function readableByteStreamControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return false;
  if (state.closeRequested) return false;
  if (!state.started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) {
    return true;
  }
  return readableByteStreamControllerGetDesiredSize(controller) > 0;
}

function readableByteStreamControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function readableByteStreamControllerClearPendingPullIntos(controller) {
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function readableByteStreamControllerClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  if (state.queueTotalSize > 0) {
    state.closeRequested = true;
    return;
  }
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const err = new ERR_INVALID_STATE.TypeError('Partial read');
      readableByteStreamControllerError(controller, err);
      throw err;
    }
  }
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function readableByteStreamControllerCommitPullIntoDescriptor(stream, desc) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filledView = readableByteStreamControllerConvertPullIntoDescriptor(desc);
  if (desc.readerType === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function readableByteStreamControllerConvertPullIntoDescriptor(desc) {
  const buffer = transferArrayBuffer(desc.buffer);
  const Ctor = desc.viewConstructor;
  return new Ctor(buffer, desc.byteOffset, desc.bytesFilled / desc.elementSize);
}

function readableByteStreamControllerEnqueue(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  const buffer = viewBuffer(chunk);
  const byteOffset = chunk.byteOffset;
  const byteLength = chunk.byteLength;
  if (isArrayBufferDetached(buffer)) {
    throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
  }
  const transferredBuffer = transferArrayBuffer(buffer);
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (isArrayBufferDetached(first.buffer)) {
      throw new ERR_INVALID_STATE.TypeError(
        'Destination ArrayBuffer is zero-length or detached');
    }
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, first);
    }
  }
  if (readableStreamHasDefaultReader(stream)) {
    readableByteStreamControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer,
                                                      byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length > 0) {
        readableByteStreamControllerShiftPendingPullInto(controller);
      }
      const transferredView = new Uint8Array(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(stream, transferredView, false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer,
                                                    byteOffset, byteLength);
    const filled = readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    for (let i = 0; i < filled.length; i++) {
      readableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
    }
  } else {
    readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer,
                                                    byteOffset, byteLength);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset,
                                                         byteLength) {
  const state = controller[kState];
  state.queue.push({ buffer, byteOffset, byteLength });
  state.queueTotalSize += byteLength;
}

function readableByteStreamControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset,
                                                               byteLength) {
  let clone;
  try {
    clone = arrayBufferSlice(buffer, byteOffset, byteOffset + byteLength);
  } catch (err) {
    readableByteStreamControllerError(controller, err);
    throw err;
  }
  readableByteStreamControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
}

function readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, desc) {
  if (desc.bytesFilled > 0) {
    readableByteStreamControllerEnqueueClonedChunkToQueue(controller, desc.buffer,
                                                          desc.byteOffset, desc.bytesFilled);
  }
  readableByteStreamControllerShiftPendingPullInto(controller);
}

function readableByteStreamControllerError(controller, error) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return;
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetQueue(state);
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function readableByteStreamControllerFillHeadPullIntoDescriptor(controller, size, desc) {
  desc.bytesFilled += size;
}

function readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, desc) {
  const state = controller[kState];
  const maxBytesToCopy = Math.min(state.queueTotalSize, desc.byteLength - desc.bytesFilled);
  const maxBytesFilled = desc.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % desc.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= desc.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - desc.bytesFilled;
    ready = true;
  }
  const queue = state.queue;
  while (totalBytesToCopyRemaining > 0) {
    const head = queue[state.queueHead];
    const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    copyDataBlockBytes(desc.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
    if (head.byteLength === bytesToCopy) {
      queue[state.queueHead] = undefined;
      state.queueHead++;
      compactQueue(state);
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    state.queueTotalSize -= bytesToCopy;
    readableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesToCopy, desc);
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function compactQueue(state) {
  if (state.queueHead === state.queue.length) {
    state.queue = [];
    state.queueHead = 0;
  } else if (state.queueHead > 1024 && state.queueHead * 2 > state.queue.length) {
    state.queue = state.queue.slice(state.queueHead);
    state.queueHead = 0;
  }
}

function readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest) {
  const state = controller[kState];
  const entry = state.queue[state.queueHead];
  state.queue[state.queueHead] = undefined;
  state.queueHead++;
  compactQueue(state);
  state.queueTotalSize -= entry.byteLength;
  readableByteStreamControllerHandleQueueDrain(controller);
  const view = new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength);
  readRequest.chunkSteps(view);
}

function readableByteStreamControllerGetBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null && state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
                                first.byteLength - first.bytesFilled);
    const byobRequest = new ReadableStreamBYOBRequest(kCreate);
    byobRequest[kState].controller = controller;
    byobRequest[kState].view = view;
    state.byobRequest = byobRequest;
  }
  return state.byobRequest;
}

function readableByteStreamControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const streamState = state.stream[kState].state;
  if (streamState === 'errored') return null;
  if (streamState === 'closed') return 0;
  return state.strategyHWM - state.queueTotalSize;
}

function readableByteStreamControllerHandleQueueDrain(controller) {
  const state = controller[kState];
  if (state.queueTotalSize === 0 && state.closeRequested) {
    readableByteStreamControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  } else {
    readableByteStreamControllerCallPullIfNeeded(controller);
  }
}

function readableByteStreamControllerInvalidateBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null) return;
  state.byobRequest[kState].controller = undefined;
  state.byobRequest[kState].view = null;
  state.byobRequest = null;
}

function readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller) {
  const state = controller[kState];
  const filled = [];
  while (state.pendingPullIntos.length > 0) {
    if (state.queueTotalSize === 0) break;
    const desc = state.pendingPullIntos[0];
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, desc)) {
      readableByteStreamControllerShiftPendingPullInto(controller);
      filled.push(desc);
    }
  }
  return filled;
}

function readableByteStreamControllerProcessReadRequestsUsingQueue(controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  const requests = reader[kState].readRequests;
  while (requests.length > 0) {
    if (state.queueTotalSize === 0) return;
    const readRequest = requests.shift();
    readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest);
  }
}

function readableByteStreamControllerPullInto(controller, view, min, readIntoRequest) {
  const state = controller[kState];
  const stream = state.stream;
  const { ctor, elementSize } = viewInfo(view);
  const minimumFill = min * elementSize;
  const byteOffset = view.byteOffset;
  const byteLength = view.byteLength;
  let buffer;
  try {
    buffer = transferArrayBuffer(viewBuffer(view));
  } catch (err) {
    readIntoRequest.errorSteps(err);
    return;
  }
  const desc = {
    buffer,
    bufferByteLength: arrayBufferByteLength(buffer),
    byteOffset,
    byteLength,
    bytesFilled: 0,
    minimumFill,
    elementSize,
    viewConstructor: ctor,
    readerType: 'byob',
  };
  if (state.pendingPullIntos.length > 0) {
    state.pendingPullIntos.push(desc);
    stream[kState].reader[kState].readIntoRequests.push(readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    const emptyView = new ctor(desc.buffer, desc.byteOffset, 0);
    readIntoRequest.closeSteps(emptyView);
    return;
  }
  if (state.queueTotalSize > 0) {
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, desc)) {
      const filledView = readableByteStreamControllerConvertPullIntoDescriptor(desc);
      readableByteStreamControllerHandleQueueDrain(controller);
      readIntoRequest.chunkSteps(filledView);
      return;
    }
    if (state.closeRequested) {
      const err = new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
      readableByteStreamControllerError(controller, err);
      readIntoRequest.errorSteps(err);
      return;
    }
  }
  state.pendingPullIntos.push(desc);
  stream[kState].reader[kState].readIntoRequests.push(readIntoRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespond(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
  } else {
    if (bytesWritten === 0) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  readableByteStreamControllerRespondInternal(controller, bytesWritten);
}

function readableByteStreamControllerRespondInClosedState(controller, first) {
  if (first.readerType === 'none') {
    readableByteStreamControllerShiftPendingPullInto(controller);
  }
  const stream = controller[kState].stream;
  if (readableStreamHasBYOBReader(stream)) {
    while (readableStreamGetNumReadIntoRequests(stream) > 0) {
      const desc = readableByteStreamControllerShiftPendingPullInto(controller);
      readableByteStreamControllerCommitPullIntoDescriptor(stream, desc);
    }
  }
}

function readableByteStreamControllerRespondInReadableState(controller, bytesWritten, desc) {
  const stream = controller[kState].stream;
  readableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesWritten, desc);
  if (desc.readerType === 'none') {
    readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, desc);
    const filled = readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    for (let i = 0; i < filled.length; i++) {
      readableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
    }
    return;
  }
  if (desc.bytesFilled < desc.minimumFill) return;
  readableByteStreamControllerShiftPendingPullInto(controller);
  const remainderSize = desc.bytesFilled % desc.elementSize;
  if (remainderSize > 0) {
    const end = desc.byteOffset + desc.bytesFilled;
    readableByteStreamControllerEnqueueClonedChunkToQueue(controller, desc.buffer,
                                                          end - remainderSize, remainderSize);
  }
  desc.bytesFilled -= remainderSize;
  const filled = readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
  readableByteStreamControllerCommitPullIntoDescriptor(stream, desc);
  for (let i = 0; i < filled.length; i++) {
    readableByteStreamControllerCommitPullIntoDescriptor(stream, filled[i]);
  }
}

function readableByteStreamControllerRespondInternal(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  if (state.stream[kState].state === 'closed') {
    readableByteStreamControllerRespondInClosedState(controller, first);
  } else {
    readableByteStreamControllerRespondInReadableState(controller, bytesWritten, first);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespondWithNewView(controller, view) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  const buffer = viewBuffer(view);
  if (state.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) {
      throw new ERR_INVALID_STATE.TypeError('View is not zero-length');
    }
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_STATE.TypeError('View is zero-length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bufferByteLength !== arrayBufferByteLength(buffer)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  const viewByteLength = view.byteLength;
  first.buffer = transferArrayBuffer(buffer);
  readableByteStreamControllerRespondInternal(controller, viewByteLength);
}

function readableByteStreamControllerShiftPendingPullInto(controller) {
  return controller[kState].pendingPullIntos.shift();
}

// ---------------------------------------------------------------------------
// tee

function readableStreamTee(stream, cloneForBranch2) {
  if (isByteController(stream[kState].controller)) {
    return readableByteStreamTee(stream);
  }
  return readableStreamDefaultTee(stream, cloneForBranch2);
}

function readableStreamDefaultTee(stream, cloneForBranch2) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferredPromise();

  const readRequest = {
    chunkSteps(chunk) {
      queueMicrotask(() => {
        readAgain = false;
        const chunk1 = chunk;
        let chunk2 = chunk;
        if (!canceled2 && cloneForBranch2) chunk2 = structuredClone(chunk);
        if (!canceled1) {
          readableStreamDefaultControllerEnqueue(branch1[kState].controller, chunk1);
        }
        if (!canceled2) {
          readableStreamDefaultControllerEnqueue(branch2[kState].controller, chunk2);
        }
        reading = false;
        if (readAgain) pullAlgorithm();
      });
    },
    closeSteps() {
      reading = false;
      if (!canceled1) readableStreamDefaultControllerClose(branch1[kState].controller);
      if (!canceled2) readableStreamDefaultControllerClose(branch2[kState].controller);
      if (!canceled1 || !canceled2) cancelPromise.resolve();
    },
    errorSteps() {
      reading = false;
    },
  };

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return PromiseResolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, readRequest);
    return PromiseResolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(nop, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(nop, pullAlgorithm, cancel2Algorithm);

  then(reader[kState].close.promise, undefined, (error) => {
    readableStreamDefaultControllerError(branch1[kState].controller, error);
    readableStreamDefaultControllerError(branch2[kState].controller, error);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

function readableByteStreamTee(stream) {
  let reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferredPromise();

  function forwardReaderError(thisReader) {
    then(thisReader[kState].close.promise, undefined, (error) => {
      if (thisReader !== reader) return;
      readableByteStreamControllerError(branch1[kState].controller, error);
      readableByteStreamControllerError(branch2[kState].controller, error);
      if (!canceled1 || !canceled2) cancelPromise.resolve();
    });
  }

  function pullWithDefaultReader() {
    if (isBYOBReader(reader)) {
      readableStreamBYOBReaderRelease(reader);
      reader = new ReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    readableStreamDefaultReaderRead(reader, {
      chunkSteps(chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneAsUint8Array(chunk);
            } catch (err) {
              readableByteStreamControllerError(branch1[kState].controller, err);
              readableByteStreamControllerError(branch2[kState].controller, err);
              cancelPromise.resolve(readableStreamCancel(stream, err));
              return;
            }
          }
          if (!canceled1) readableByteStreamControllerEnqueue(branch1[kState].controller, chunk1);
          if (!canceled2) readableByteStreamControllerEnqueue(branch2[kState].controller, chunk2);
          reading = false;
          if (readAgainForBranch1) pull1Algorithm();
          else if (readAgainForBranch2) pull2Algorithm();
        });
      },
      closeSteps() {
        reading = false;
        const c1 = branch1[kState].controller;
        const c2 = branch2[kState].controller;
        if (!canceled1) readableByteStreamControllerClose(c1);
        if (!canceled2) readableByteStreamControllerClose(c2);
        if (c1[kState].pendingPullIntos.length > 0) readableByteStreamControllerRespond(c1, 0);
        if (c2[kState].pendingPullIntos.length > 0) readableByteStreamControllerRespond(c2, 0);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      errorSteps() {
        reading = false;
      },
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (isDefaultReader(reader)) {
      readableStreamDefaultReaderRelease(reader);
      reader = new ReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    readableStreamBYOBReaderRead(reader, view, 1, {
      chunkSteps(chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let cloned;
            try {
              cloned = cloneAsUint8Array(chunk);
            } catch (err) {
              readableByteStreamControllerError(byobBranch[kState].controller, err);
              readableByteStreamControllerError(otherBranch[kState].controller, err);
              cancelPromise.resolve(readableStreamCancel(stream, err));
              return;
            }
            if (!byobCanceled) {
              readableByteStreamControllerRespondWithNewView(byobBranch[kState].controller,
                                                             chunk);
            }
            readableByteStreamControllerEnqueue(otherBranch[kState].controller, cloned);
          } else if (!byobCanceled) {
            readableByteStreamControllerRespondWithNewView(byobBranch[kState].controller, chunk);
          }
          reading = false;
          if (readAgainForBranch1) pull1Algorithm();
          else if (readAgainForBranch2) pull2Algorithm();
        });
      },
      closeSteps(chunk) {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) readableByteStreamControllerClose(byobBranch[kState].controller);
        if (!otherCanceled) readableByteStreamControllerClose(otherBranch[kState].controller);
        if (chunk !== undefined) {
          if (!byobCanceled) {
            readableByteStreamControllerRespondWithNewView(byobBranch[kState].controller, chunk);
          }
          const oc = otherBranch[kState].controller;
          if (!otherCanceled && oc[kState].pendingPullIntos.length > 0) {
            readableByteStreamControllerRespond(oc, 0);
          }
        }
        if (!byobCanceled || !otherCanceled) cancelPromise.resolve();
      },
      errorSteps() {
        reading = false;
      },
    });
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return PromiseResolve();
    }
    reading = true;
    const byobRequest = readableByteStreamControllerGetBYOBRequest(branch1[kState].controller);
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequest[kState].view, false);
    return PromiseResolve();
  }

  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return PromiseResolve();
    }
    reading = true;
    const byobRequest = readableByteStreamControllerGetBYOBRequest(branch2[kState].controller);
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequest[kState].view, true);
    return PromiseResolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  branch1 = createReadableByteStream(nop, pull1Algorithm, cancel1Algorithm);
  branch2 = createReadableByteStream(nop, pull2Algorithm, cancel2Algorithm);
  forwardReaderError(reader);
  return [branch1, branch2];
}

// ---------------------------------------------------------------------------
// pipeTo

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel,
                              signal) {
  const {
    acquireWritableStreamDefaultWriter,
    writableStreamAbort,
    writableStreamCloseQueuedOrInFlight,
    writableStreamDefaultWriterCloseWithErrorPropagation,
    writableStreamDefaultWriterRelease,
    writableStreamDefaultWriterWrite,
    writerReadyPromise,
    writerClosedPromise,
  } = lazyWritable();
  const reader = new ReadableStreamDefaultReader(source);
  const writer = acquireWritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = PromiseResolve();
  const result = createDeferredPromise();
  let abortAlgorithm;

  if (signal !== undefined) {
    abortAlgorithm = () => {
      // node's own AbortError becomes the DOMException the standard asks for.
      let error = signal.reason;
      const { AbortError } = require('internal/errors');
      if (error instanceof AbortError) error = lazyDOMException(error.message, 'AbortError');
      const actions = [];
      if (!preventAbort) {
        actions.push(() => {
          if (dest[kState].state === 'writable') return writableStreamAbort(dest, error);
          return PromiseResolve();
        });
      }
      if (!preventCancel) {
        actions.push(() => {
          if (source[kState].state === 'readable') return readableStreamCancel(source, error);
          return PromiseResolve();
        });
      }
      shutdownWithAnAction(() => Promise.all(actions.map((action) => action())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { __proto__: null, once: true });
  }

  function pipeStep() {
    if (shuttingDown) return PromiseResolve(true);
    return then(writerReadyPromise(writer), () => {
      const step = createDeferredPromise();
      readableStreamDefaultReaderRead(reader, {
        chunkSteps(chunk) {
          currentWrite = then(writableStreamDefaultWriterWrite(writer, chunk), undefined, nop);
          step.resolve(false);
        },
        closeSteps() {
          step.resolve(true);
        },
        errorSteps: step.reject,
      });
      return step.promise;
    });
  }

  function pipeLoop() {
    return new Promise((resolveLoop, rejectLoop) => {
      function next(done) {
        if (done) resolveLoop();
        else then(pipeStep(), next, rejectLoop);
      }
      next(false);
    });
  }

  function waitForWritesToFinish() {
    const oldCurrentWrite = currentWrite;
    return then(currentWrite, () => (oldCurrentWrite !== currentWrite ?
      waitForWritesToFinish() : undefined));
  }

  function destIsWritableAndOpen() {
    return dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest);
  }

  function shutdownWithAnAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      then(action(), () => finalize(originalIsError, originalError),
           (newError) => finalize(true, newError));
    };
    if (destIsWritableAndOpen()) then(waitForWritesToFinish(), doTheRest);
    else doTheRest();
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (destIsWritableAndOpen()) {
      then(waitForWritesToFinish(), () => finalize(isError, error));
    } else {
      finalize(isError, error);
    }
  }

  function finalize(isError, error) {
    writableStreamDefaultWriterRelease(writer);
    readableStreamDefaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) result.reject(error);
    else result.resolve();
  }

  // Errors must be propagated forward.
  const onSourceError = (storedError) => {
    if (!preventAbort) {
      shutdownWithAnAction(() => writableStreamAbort(dest, storedError), true, storedError);
    } else {
      shutdown(true, storedError);
    }
  };
  if (source[kState].state === 'errored') onSourceError(source[kState].storedError);
  else then(reader[kState].close.promise, undefined, onSourceError);

  // Errors must be propagated backward.
  const onDestError = (storedError) => {
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, storedError), true, storedError);
    } else {
      shutdown(true, storedError);
    }
  };
  if (dest[kState].state === 'errored') onDestError(dest[kState].storedError);
  else then(writerClosedPromise(writer), undefined, onDestError);

  // Closing must be propagated forward.
  const onSourceClosed = () => {
    if (!preventClose) {
      shutdownWithAnAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  };
  if (source[kState].state === 'closed') onSourceClosed();
  else setPromiseHandled(then(reader[kState].close.promise, onSourceClosed));

  // Closing must be propagated backward.
  if (writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const destClosed = new ERR_INVALID_STATE.TypeError('Destination WritableStream is closed');
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, destClosed), true, destClosed);
    } else {
      shutdown(true, destClosed);
    }
  }

  setPromiseHandled(pipeLoop());
  return result.promise;
}

// ---------------------------------------------------------------------------
// Async iteration

const AsyncIteratorPrototype =
  Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

const ReadableStreamAsyncIteratorPrototype = Object.create(AsyncIteratorPrototype);

function createAsyncIterator(reader, preventCancel) {
  let ongoing;
  let finished = false;

  function getNext() {
    if (reader[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    const promise = createDeferredPromise();
    readableStreamDefaultReaderRead(reader, {
      chunkSteps(chunk) {
        promise.resolve({ value: chunk, done: false });
      },
      closeSteps() {
        readableStreamDefaultReaderRelease(reader);
        promise.resolve({ value: undefined, done: true });
      },
      errorSteps(error) {
        readableStreamDefaultReaderRelease(reader);
        promise.reject(error);
      },
    });
    return promise.promise;
  }

  function nextSteps() {
    if (finished) return PromiseResolve({ value: undefined, done: true });
    return then(getNext(), (result) => {
      ongoing = undefined;
      if (result.done) finished = true;
      return result;
    }, (reason) => {
      ongoing = undefined;
      finished = true;
      throw reason;
    });
  }

  function returnSteps(value) {
    if (finished) return PromiseResolve({ value, done: true });
    finished = true;
    if (reader[kState].stream === undefined) {
      return PromiseResolve({ value, done: true });
    }
    if (!preventCancel) {
      const result = readableStreamCancel(reader[kState].stream, value);
      readableStreamDefaultReaderRelease(reader);
      return result;
    }
    readableStreamDefaultReaderRelease(reader);
    return PromiseResolve();
  }

  const iterator = Object.create(ReadableStreamAsyncIteratorPrototype);
  Object.assign(iterator, {
    next() {
      ongoing = ongoing !== undefined ? then(ongoing, nextSteps, nextSteps) : nextSteps();
      return ongoing;
    },
    return(value) {
      const steps = () => returnSteps(value);
      const returnPromise = ongoing !== undefined ? then(ongoing, steps, steps) : steps();
      return then(returnPromise, () => ({ value, done: true }));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  });
  return iterator;
}

// ---------------------------------------------------------------------------
// ReadableStream.from()

function getAsyncIterator(iterable) {
  let method = iterable?.[Symbol.asyncIterator];
  if (method === undefined || method === null) {
    method = iterable?.[Symbol.iterator];
    if (method === undefined || method === null) {
      throw new ERR_ARG_NOT_ITERABLE(typeof iterable === 'string' ? iterable :
        lazyInspect()(iterable));
    }
    const syncIterator = ReflectApply(method, iterable, []);
    if (syncIterator === null || typeof syncIterator !== 'object') {
      throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
    }
    const syncNext = syncIterator.next;
    // CreateAsyncFromSyncIterator
    return {
      iterator: {
        next() {
          const result = ReflectApply(syncNext, syncIterator, []);
          if (result === null || typeof result !== 'object') {
            throw new ERR_INVALID_STATE.TypeError(
              'The iterator.next() method must return an object');
          }
          const done = !!result.done;
          return then(PromiseResolve(result.value), (value) => ({ value, done }));
        },
        return(value) {
          const ret = syncIterator.return;
          if (ret === undefined || ret === null) return PromiseResolve({ value, done: true });
          const result = ReflectApply(ret, syncIterator, [value]);
          if (result === null || typeof result !== 'object') {
            throw new ERR_INVALID_STATE.TypeError(
              'The iterator.return() method must return an object');
          }
          const done = !!result.done;
          return then(PromiseResolve(result.value), (v) => ({ value: v, done }));
        },
      },
    };
  }
  if (typeof method !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('iterable[Symbol.asyncIterator]', 'Function', method);
  }
  const iterator = ReflectApply(method, iterable, []);
  if (iterator === null || typeof iterator !== 'object') {
    throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  }
  return { iterator, next: iterator.next };
}

function readableStreamFromIterable(iterable) {
  const record = getAsyncIterator(iterable);
  const iterator = record.iterator;
  const nextMethod = record.next ?? iterator.next;
  let stream;

  function pullAlgorithm() {
    let nextResult;
    try {
      nextResult = ReflectApply(nextMethod, iterator, []);
    } catch (err) {
      return PromiseReject(err);
    }
    return then(PromiseResolve(nextResult), (iterResult) => {
      if (iterResult === null || typeof iterResult !== 'object') {
        throw new ERR_INVALID_STATE.TypeError(
          'The iterator.next() method must return an object');
      }
      if (iterResult.done) {
        readableStreamDefaultControllerClose(stream[kState].controller);
      } else {
        readableStreamDefaultControllerEnqueue(stream[kState].controller, iterResult.value);
      }
    });
  }

  function cancelAlgorithm(reason) {
    let returnMethod;
    try {
      returnMethod = iterator.return;
    } catch (err) {
      return PromiseReject(err);
    }
    if (returnMethod === undefined || returnMethod === null) return PromiseResolve();
    let returnResult;
    try {
      returnResult = ReflectApply(returnMethod, iterator, [reason]);
    } catch (err) {
      return PromiseReject(err);
    }
    return then(PromiseResolve(returnResult), (iterResult) => {
      if (iterResult === null || typeof iterResult !== 'object') {
        throw new ERR_INVALID_STATE.TypeError(
          'The iterator.return() method must return an object');
      }
    });
  }

  stream = createReadableStream(nop, pullAlgorithm, cancelAlgorithm, 0);
  return stream;
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  isReadableStream,
  isReadableStreamLocked,
  createReadableStream,
  createReadableByteStream,
  readableStreamCancel,
  readableStreamClose,
  readableStreamError,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableByteStreamControllerClose,
  readableByteStreamControllerEnqueue,
  readableByteStreamControllerError,
  readableStreamTee,
};
