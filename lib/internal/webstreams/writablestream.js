'use strict';
// WritableStream (WHATWG Streams) with its default writer and controller. The
// abstract operations follow the standard so that promise settlement order
// matches it (and node).

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kIsErrored,
  kIsWritable,
  kIsClosedPromise,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const {
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  checkThis,
  createDeferredPromise,
  customInspect,
  defineToStringTag,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isBrandOf,
  kInspect,
  kState,
  kType,
  makeEnumerable,
  nop,
  peekQueueValue,
  promiseCall,
  queueLength,
  resetQueue,
  setPromiseHandled,
  then,
} = require('internal/webstreams/util');

const kCreate = Symbol('kCreate');
const kAbortSteps = Symbol('kAbortSteps');
const kErrorSteps = Symbol('kErrorSteps');
const kCloseSentinel = Symbol('kCloseSentinel');

function isWritableStream(obj) {
  return isBrandOf(obj, 'WritableStream');
}

function isWriter(obj) {
  return isBrandOf(obj, 'WritableStreamDefaultWriter');
}

// A deferred promise that knows whether it is still pending.
function pending() {
  const deferred = createDeferredPromise();
  const record = {
    promise: deferred.promise,
    pending: true,
    resolve(value) {
      if (!record.pending) return;
      record.pending = false;
      deferred.resolve(value);
    },
    reject(error) {
      if (!record.pending) return;
      record.pending = false;
      deferred.reject(error);
    },
  };
  return record;
}

function settled(promise) {
  return { promise, pending: false, resolve: nop, reject: nop };
}

function rejectedHandled(error) {
  const promise = PromiseReject(error);
  setPromiseHandled(promise);
  return settled(promise);
}

class WritableStream {
  constructor(sink = undefined, strategy = undefined) {
    if (sink === kCreate) {
      initializeWritableStream(this);
      return;
    }
    if (sink !== undefined &&
        (sink === null || (typeof sink !== 'object' && typeof sink !== 'function'))) {
      throw new ERR_INVALID_ARG_TYPE('sink', 'object', sink);
    }
    if (strategy !== undefined && strategy !== null &&
        typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'object', strategy);
    }
    const highWaterMark = strategy?.highWaterMark;
    const size = strategy?.size;
    const snk = sink ?? {};
    const abort = snk.abort;
    const close = snk.close;
    const start = snk.start;
    const type = snk.type;
    const write = snk.write;
    if (abort !== undefined && typeof abort !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sink.abort', 'Function', abort);
    }
    if (close !== undefined && typeof close !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sink.close', 'Function', close);
    }
    if (start !== undefined && typeof start !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sink.start', 'Function', start);
    }
    if (write !== undefined && typeof write !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sink.write', 'Function', write);
    }
    if (type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    initializeWritableStream(this);
    const sizeAlgorithm = extractSizeAlgorithm(size);
    const hwm = extractHighWaterMark(highWaterMark, 1);
    const controller = new WritableStreamDefaultController(kCreate);
    setUpWritableStreamDefaultController(
      this, controller,
      start === undefined ? nop : () => ReflectApply(start, sink, [controller]),
      write === undefined ? resolvedUndefined :
        (chunk) => promiseCall(write, sink, chunk, controller),
      close === undefined ? resolvedUndefined : () => promiseCall(close, sink),
      abort === undefined ? resolvedUndefined : (reason) => promiseCall(abort, sink, reason),
      hwm, sizeAlgorithm);
  }

  get locked() {
    checkThis(this, 'WritableStream');
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return PromiseReject(new ERR_INVALID_THIS('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return PromiseReject(new ERR_INVALID_THIS('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    checkThis(this, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsWritable]() {
    return this[kState].state === 'writable';
  }

  [kInspect](depth, options) {
    checkThis(this, 'WritableStream');
    return customInspect(depth, options, 'WritableStream', {
      locked: this.locked,
      state: this[kState].state,
    });
  }
}

// structuredClone(stream, { transfer: [stream] }) moves the stream; without
// the transfer list it throws, as in node.
{
  const { kTransfer, kTransferMode } = require('internal/structured_clone');
  Object.defineProperty(WritableStream.prototype, kTransferMode, {
    __proto__: null, value: 2, writable: false, enumerable: false, configurable: true,
  });
  Object.defineProperty(WritableStream.prototype, kTransfer, {
    __proto__: null,
    value() {
      checkThis(this, 'WritableStream');
      return require('internal/webstreams/transfer').transferWritable(this);
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
makeEnumerable(WritableStream, ['locked', 'abort', 'close', 'getWriter']);
defineToStringTag(WritableStream);

function resolvedUndefined() {
  return PromiseResolve();
}

function initializeWritableStream(stream) {
  stream[kType] = 'WritableStream';
  stream[kState] = {
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
  };
  stream[kIsClosedPromise] = createDeferredPromise();
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kControllerErrorFunction] = nop;
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = new WritableStream(kCreate);
  setUpWritableStreamDefaultController(stream, new WritableStreamDefaultController(kCreate),
                                       startAlgorithm, writeAlgorithm, closeAlgorithm,
                                       abortAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function writableStreamAbort(stream, reason) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') return PromiseResolve();
  state.controller[kState].abortController.abort(reason);
  if (state.state === 'closed' || state.state === 'errored') return PromiseResolve();
  if (state.pendingAbortRequest !== undefined) return state.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (state.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = createDeferredPromise();
  state.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') {
    return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  const promise = createDeferredPromise();
  state.closeRequest = promise;
  const writer = state.writer;
  if (writer !== undefined && state.backpressure && state.state === 'writable') {
    writer[kState].ready.resolve();
  }
  writableStreamDefaultControllerClose(state.controller);
  return promise.promise;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const state = stream[kState];
  const controller = state.controller;
  state.state = 'erroring';
  state.storedError = reason;
  const writer = state.writer;
  if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const state = stream[kState];
  state.state = 'errored';
  state.controller[kErrorSteps]();
  const storedError = state.storedError;
  const requests = state.writeRequests;
  state.writeRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i].reject(storedError);
  const abortRequest = state.pendingAbortRequest;
  if (abortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const promise = state.controller[kAbortSteps](abortRequest.reason);
  then(promise, () => {
    abortRequest.promise.resolve();
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.promise.reject(reason);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  const state = stream[kState];
  state.inFlightWriteRequest.resolve();
  state.inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  const state = stream[kState];
  state.inFlightWriteRequest.reject(error);
  state.inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest.resolve();
  state.inFlightCloseRequest = undefined;
  if (state.state === 'erroring') {
    state.storedError = undefined;
    if (state.pendingAbortRequest !== undefined) {
      state.pendingAbortRequest.promise.resolve();
      state.pendingAbortRequest = undefined;
    }
  }
  state.state = 'closed';
  const writer = state.writer;
  if (writer !== undefined) writer[kState].closed.resolve();
  stream[kIsClosedPromise].resolve();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const state = stream[kState];
  state.inFlightCloseRequest.reject(error);
  state.inFlightCloseRequest = undefined;
  if (state.pendingAbortRequest !== undefined) {
    state.pendingAbortRequest.promise.reject(error);
    state.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  const state = stream[kState];
  return state.closeRequest !== undefined || state.inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  const state = stream[kState];
  return state.inFlightWriteRequest !== undefined || state.inFlightCloseRequest !== undefined;
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const state = stream[kState];
  if (state.closeRequest !== undefined) {
    state.closeRequest.reject(state.storedError);
    state.closeRequest = undefined;
  }
  const writer = state.writer;
  if (writer !== undefined) {
    writer[kState].closed.reject(state.storedError);
    setPromiseHandled(writer[kState].closed.promise);
  }
  stream[kIsClosedPromise].reject(state.storedError);
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const state = stream[kState];
  const writer = state.writer;
  if (writer !== undefined && backpressure !== state.backpressure) {
    if (backpressure) writer[kState].ready = pending();
    else writer[kState].ready.resolve();
  }
  state.backpressure = backpressure;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultWriter

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    this[kType] = 'WritableStreamDefaultWriter';
    this[kState] = { stream: undefined, ready: undefined, closed: undefined };
    setUpWritableStreamDefaultWriter(this, stream);
  }

  get closed() {
    if (!isWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].closed.promise;
  }

  get desiredSize() {
    checkThis(this, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    }
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  get ready() {
    if (!isWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    if (!isWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    checkThis(this, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    if (!isWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [kInspect](depth, options) {
    checkThis(this, 'WritableStreamDefaultWriter');
    const stream = this[kState].stream;
    return customInspect(depth, options, 'WritableStreamDefaultWriter', {
      stream,
      close: this[kState].closed.promise,
      ready: this[kState].ready.promise,
      desiredSize: stream === undefined ? undefined :
        writableStreamDefaultWriterGetDesiredSize(this),
    });
  }
}

makeEnumerable(WritableStreamDefaultWriter,
               ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']);
defineToStringTag(WritableStreamDefaultWriter);

function acquireWritableStreamDefaultWriter(stream) {
  return new WritableStreamDefaultWriter(stream);
}

function setUpWritableStreamDefaultWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
  }
  const wstate = writer[kState];
  const state = stream[kState];
  wstate.stream = stream;
  state.writer = writer;
  switch (state.state) {
    case 'writable':
      if (!writableStreamCloseQueuedOrInFlight(stream) && state.backpressure) {
        wstate.ready = pending();
      } else {
        wstate.ready = settled(PromiseResolve());
      }
      wstate.closed = pending();
      break;
    case 'erroring':
      wstate.ready = rejectedHandled(state.storedError);
      wstate.closed = pending();
      break;
    case 'closed':
      wstate.ready = settled(PromiseResolve());
      wstate.closed = settled(PromiseResolve());
      break;
    default:
      wstate.ready = rejectedHandled(state.storedError);
      wstate.closed = rejectedHandled(state.storedError);
  }
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState];
  if (writableStreamCloseQueuedOrInFlight(stream) || state.state === 'closed') {
    return PromiseResolve();
  }
  if (state.state === 'errored') return PromiseReject(state.storedError);
  return writableStreamClose(stream);
}

function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
  const wstate = writer[kState];
  if (wstate.closed.pending) {
    wstate.closed.reject(error);
    setPromiseHandled(wstate.closed.promise);
  } else {
    wstate.closed = rejectedHandled(error);
  }
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
  const wstate = writer[kState];
  if (wstate.ready.pending) {
    wstate.ready.reject(error);
    setPromiseHandled(wstate.ready.promise);
  } else {
    wstate.ready = rejectedHandled(error);
  }
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState].state;
  if (s === 'errored' || s === 'erroring') return null;
  if (s === 'closed') return 0;
  return writableStreamDefaultControllerGetDesiredSize(stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const stream = writer[kState].stream;
  const releasedError = new ERR_INVALID_STATE.TypeError('Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
  writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const controller = stream[kState].controller;
  const chunkSize = writableStreamDefaultControllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
  }
  const state = stream[kState];
  if (state.state === 'errored') return PromiseReject(state.storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state.state === 'closed') {
    return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state.state === 'erroring') return PromiseReject(state.storedError);
  const promise = createDeferredPromise();
  state.writeRequests.push(promise);
  writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
  return promise.promise;
}

function writerReadyPromise(writer) {
  return writer[kState].ready.promise;
}

function writerClosedPromise(writer) {
  return writer[kState].closed.promise;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultController

class WritableStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'WritableStreamDefaultController';
    this[kState] = {};
  }

  get signal() {
    checkThis(this, 'WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    checkThis(this, 'WritableStreamDefaultController');
    if (this[kState].stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, error);
  }

  [kAbortSteps](reason) {
    const result = this[kState].abortAlgorithm(reason);
    writableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }

  [kErrorSteps]() {
    resetQueue(this[kState]);
  }

  [kInspect](depth, options) {
    checkThis(this, 'WritableStreamDefaultController');
    return customInspect(depth, options, 'WritableStreamDefaultController', {
      stream: this[kState].stream,
    });
  }
}

makeEnumerable(WritableStreamDefaultController, ['signal', 'error']);
defineToStringTag(WritableStreamDefaultController);

let AbortControllerCtor;
function setUpWritableStreamDefaultController(stream, controller, startAlgorithm,
                                              writeAlgorithm, closeAlgorithm, abortAlgorithm,
                                              highWaterMark, sizeAlgorithm) {
  const state = controller[kState];
  state.stream = stream;
  stream[kState].controller = controller;
  resetQueue(state);
  AbortControllerCtor ??= require('internal/abort_controller').AbortController;
  state.abortController = new AbortControllerCtor();
  state.started = false;
  state.strategySizeAlgorithm = sizeAlgorithm;
  state.strategyHWM = highWaterMark;
  state.writeAlgorithm = writeAlgorithm;
  state.closeAlgorithm = closeAlgorithm;
  state.abortAlgorithm = abortAlgorithm;
  stream[kControllerErrorFunction] =
    (error) => writableStreamDefaultControllerErrorIfNeeded(controller, error);
  writableStreamUpdateBackpressure(stream, writableStreamDefaultControllerGetBackpressure(
    controller));
  const startResult = startAlgorithm();
  then(PromiseResolve(startResult), () => {
    state.started = true;
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }, (error) => {
    state.started = true;
    writableStreamDealWithRejection(stream, error);
  });
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!state.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  if (stream[kState].state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (queueLength(state) === 0) return;
  const value = peekQueueValue(state);
  if (value === kCloseSentinel) writableStreamDefaultControllerProcessClose(controller);
  else writableStreamDefaultControllerProcessWrite(controller, value);
}

function writableStreamDefaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.writeAlgorithm = undefined;
  state.closeAlgorithm = undefined;
  state.abortAlgorithm = undefined;
  state.strategySizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller[kState], kCloseSentinel, 0);
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerError(controller, error) {
  const stream = controller[kState].stream;
  writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') {
    writableStreamDefaultControllerError(controller, error);
  }
}

function writableStreamDefaultControllerGetBackpressure(controller) {
  return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
}

function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
  const state = controller[kState];
  if (state.strategySizeAlgorithm === undefined) return 1;
  try {
    return state.strategySizeAlgorithm(chunk);
  } catch (err) {
    writableStreamDefaultControllerErrorIfNeeded(controller, err);
    return 1;
  }
}

function writableStreamDefaultControllerGetDesiredSize(controller) {
  const state = controller[kState];
  return state.strategyHWM - state.queueTotalSize;
}

function writableStreamDefaultControllerProcessClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  const sstate = stream[kState];
  sstate.inFlightCloseRequest = sstate.closeRequest;
  sstate.closeRequest = undefined;
  dequeueValue(state);
  const sinkClosePromise = state.closeAlgorithm();
  writableStreamDefaultControllerClearAlgorithms(controller);
  then(sinkClosePromise, () => writableStreamFinishInFlightClose(stream),
       (reason) => writableStreamFinishInFlightCloseWithError(stream, reason));
}

function writableStreamDefaultControllerProcessWrite(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  const sstate = stream[kState];
  sstate.inFlightWriteRequest = sstate.writeRequests.shift();
  const sinkWritePromise = state.writeAlgorithm(chunk);
  then(sinkWritePromise, () => {
    writableStreamFinishInFlightWrite(stream);
    dequeueValue(state);
    if (!writableStreamCloseQueuedOrInFlight(stream) && sstate.state === 'writable') {
      writableStreamUpdateBackpressure(stream,
                                       writableStreamDefaultControllerGetBackpressure(controller));
    }
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }, (reason) => {
    if (sstate.state === 'writable') writableStreamDefaultControllerClearAlgorithms(controller);
    writableStreamFinishInFlightWriteWithError(stream, reason);
  });
}

function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
  const state = controller[kState];
  try {
    enqueueValueWithSize(state, chunk, chunkSize);
  } catch (err) {
    writableStreamDefaultControllerErrorIfNeeded(controller, err);
    return;
  }
  const stream = state.stream;
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream,
                                     writableStreamDefaultControllerGetBackpressure(controller));
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  isWritableStream,
  isWritableStreamLocked,
  createWritableStream,
  acquireWritableStreamDefaultWriter,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDealWithRejection,
  writableStreamDefaultControllerErrorIfNeeded,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
  writableStreamStartErroring,
  writableStreamUpdateBackpressure,
  writerReadyPromise,
  writerClosedPromise,
};
