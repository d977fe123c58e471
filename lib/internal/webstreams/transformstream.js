'use strict';
// TransformStream (WHATWG Streams) and its default controller: a writable
// side whose chunks go through transform() into a readable side.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const {
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  checkThis,
  createDeferredPromise,
  customInspect,
  defineToStringTag,
  extractHighWaterMark,
  extractSizeAlgorithm,
  kInspect,
  kState,
  kType,
  makeEnumerable,
  promiseCall,
  then,
} = require('internal/webstreams/util');
const {
  createReadableStream,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure,
} = require('internal/webstreams/readablestream');
const {
  createWritableStream,
  writableStreamDefaultControllerErrorIfNeeded,
} = require('internal/webstreams/writablestream');

const kCreate = Symbol('kCreate');

function validateStrategy(strategy, name) {
  if (strategy !== undefined && strategy !== null &&
      typeof strategy !== 'object' && typeof strategy !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', strategy);
  }
}

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined,
              readableStrategy = undefined) {
    if (transformer !== undefined && (transformer === null ||
        (typeof transformer !== 'object' && typeof transformer !== 'function'))) {
      throw new ERR_INVALID_ARG_TYPE('transformer', 'object', transformer);
    }
    validateStrategy(writableStrategy, 'writableStrategy');
    validateStrategy(readableStrategy, 'readableStrategy');
    const wHWMValue = writableStrategy?.highWaterMark;
    const wSize = writableStrategy?.size;
    const rHWMValue = readableStrategy?.highWaterMark;
    const rSize = readableStrategy?.size;
    const t = transformer ?? {};
    const cancel = t.cancel;
    const flush = t.flush;
    const readableType = t.readableType;
    const start = t.start;
    const transform = t.transform;
    const writableType = t.writableType;
    for (const [name, fn] of [['cancel', cancel], ['flush', flush], ['start', start],
                              ['transform', transform]]) {
      if (fn !== undefined && typeof fn !== 'function') {
        throw new ERR_INVALID_ARG_TYPE(`transformer.${name}`, 'Function', fn);
      }
    }
    if (readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', readableType);
    }
    if (writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', writableType);
    }
    const readableHWM = extractHighWaterMark(rHWMValue, 0);
    const readableSizeAlgorithm = extractSizeAlgorithm(rSize);
    const writableHWM = extractHighWaterMark(wHWMValue, 1);
    const writableSizeAlgorithm = extractSizeAlgorithm(wSize);
    const startPromise = createDeferredPromise();
    initializeTransformStream(this, startPromise.promise, writableHWM, writableSizeAlgorithm,
                              readableHWM, readableSizeAlgorithm);
    const controller = new TransformStreamDefaultController(kCreate);
    setUpTransformStreamDefaultController(
      this, controller,
      transform === undefined ? (chunk) => {
        try {
          transformStreamDefaultControllerEnqueue(controller, chunk);
          return PromiseResolve();
        } catch (err) {
          return PromiseReject(err);
        }
      } : (chunk) => promiseCall(transform, transformer, chunk, controller),
      flush === undefined ? resolvedUndefined : () => promiseCall(flush, transformer, controller),
      cancel === undefined ? resolvedUndefined :
        (reason) => promiseCall(cancel, transformer, reason));
    if (start !== undefined) {
      startPromise.resolve(ReflectApply(start, transformer, [controller]));
    } else {
      startPromise.resolve();
    }
  }

  get readable() {
    checkThis(this, 'TransformStream');
    return this[kState].readable;
  }

  get writable() {
    checkThis(this, 'TransformStream');
    return this[kState].writable;
  }

  [kInspect](depth, options) {
    checkThis(this, 'TransformStream');
    return customInspect(depth, options, 'TransformStream', {
      readable: this[kState].readable,
      writable: this[kState].writable,
      backpressure: this[kState].backpressure,
    });
  }
}

// structuredClone(stream, { transfer: [stream] }) moves the stream; without
// the transfer list it throws, as in node.
{
  const { kTransfer, kTransferMode } = require('internal/structured_clone');
  Object.defineProperty(TransformStream.prototype, kTransferMode, {
    __proto__: null, value: 2, writable: false, enumerable: false, configurable: true,
  });
  Object.defineProperty(TransformStream.prototype, kTransfer, {
    __proto__: null,
    value() {
      checkThis(this, 'TransformStream');
      return require('internal/webstreams/transfer').transferTransform(this);
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
makeEnumerable(TransformStream, ['readable', 'writable']);
defineToStringTag(TransformStream);

function resolvedUndefined() {
  return PromiseResolve();
}

function initializeTransformStream(stream, startPromise, writableHWM, writableSizeAlgorithm,
                                   readableHWM, readableSizeAlgorithm) {
  stream[kType] = 'TransformStream';
  const state = stream[kState] = {
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };
  const startAlgorithm = () => startPromise;
  state.writable = createWritableStream(
    startAlgorithm,
    (chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk),
    () => transformStreamDefaultSinkCloseAlgorithm(stream),
    (reason) => transformStreamDefaultSinkAbortAlgorithm(stream, reason),
    writableHWM, writableSizeAlgorithm);
  state.readable = createReadableStream(
    startAlgorithm,
    () => transformStreamDefaultSourcePullAlgorithm(stream),
    (reason) => transformStreamDefaultSourceCancelAlgorithm(stream, reason),
    readableHWM, readableSizeAlgorithm);
  transformStreamSetBackpressure(stream, true);
}

function readableController(stream) {
  return stream[kState].readable[kState].controller;
}

function writableController(stream) {
  return stream[kState].writable[kState].controller;
}

function transformStreamError(stream, error) {
  readableStreamDefaultControllerError(readableController(stream), error);
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamErrorWritableAndUnblockWrite(stream, error) {
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  writableStreamDefaultControllerErrorIfNeeded(writableController(stream), error);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) transformStreamSetBackpressure(stream, false);
}

function transformStreamSetBackpressure(stream, backpressure) {
  const state = stream[kState];
  if (state.backpressureChange !== undefined) state.backpressureChange.resolve();
  state.backpressureChange = createDeferredPromise();
  state.backpressure = backpressure;
}

class TransformStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = 'TransformStreamDefaultController';
    this[kState] = {
      stream: undefined,
      transformAlgorithm: undefined,
      flushAlgorithm: undefined,
      cancelAlgorithm: undefined,
      finishPromise: undefined,
    };
  }

  get desiredSize() {
    checkThis(this, 'TransformStreamDefaultController');
    return readableStreamDefaultControllerGetDesiredSize(
      readableController(this[kState].stream));
  }

  enqueue(chunk = undefined) {
    checkThis(this, 'TransformStreamDefaultController');
    transformStreamDefaultControllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    checkThis(this, 'TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    checkThis(this, 'TransformStreamDefaultController');
    transformStreamDefaultControllerTerminate(this);
  }

  [kInspect](depth, options) {
    checkThis(this, 'TransformStreamDefaultController');
    return customInspect(depth, options, 'TransformStreamDefaultController', {
      stream: this[kState].stream,
    });
  }
}

makeEnumerable(TransformStreamDefaultController,
               ['desiredSize', 'enqueue', 'error', 'terminate']);
defineToStringTag(TransformStreamDefaultController);

function setUpTransformStreamDefaultController(stream, controller, transformAlgorithm,
                                               flushAlgorithm, cancelAlgorithm) {
  const state = controller[kState];
  state.stream = stream;
  stream[kState].controller = controller;
  state.transformAlgorithm = transformAlgorithm;
  state.flushAlgorithm = flushAlgorithm;
  state.cancelAlgorithm = cancelAlgorithm;
}

function transformStreamDefaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.transformAlgorithm = undefined;
  state.flushAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
}

function transformStreamDefaultControllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const rc = readableController(stream);
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(rc)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    readableStreamDefaultControllerEnqueue(rc, chunk);
  } catch (err) {
    transformStreamErrorWritableAndUnblockWrite(stream, err);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = readableStreamDefaultControllerHasBackpressure(rc);
  if (backpressure !== stream[kState].backpressure) {
    transformStreamSetBackpressure(stream, true);
  }
}

function transformStreamDefaultControllerPerformTransform(controller, chunk) {
  const stream = controller[kState].stream;
  const transformPromise = controller[kState].transformAlgorithm(chunk);
  return then(transformPromise, undefined, (reason) => {
    transformStreamError(stream, reason);
    throw reason;
  });
}

function transformStreamDefaultControllerTerminate(controller) {
  const stream = controller[kState].stream;
  readableStreamDefaultControllerClose(readableController(stream));
  const error = new ERR_INVALID_STATE.TypeError('TransformStream has been terminated');
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
  const state = stream[kState];
  const controller = state.controller;
  if (state.backpressure) {
    return then(state.backpressureChange.promise, () => {
      const writable = state.writable[kState];
      if (writable.state === 'erroring') throw writable.storedError;
      return transformStreamDefaultControllerPerformTransform(controller, chunk);
    });
  }
  return transformStreamDefaultControllerPerformTransform(controller, chunk);
}

function transformStreamDefaultSinkAbortAlgorithm(stream, reason) {
  const cstate = stream[kState].controller[kState];
  if (cstate.finishPromise !== undefined) return cstate.finishPromise.promise;
  const readable = stream[kState].readable;
  const finish = cstate.finishPromise = createDeferredPromise();
  const cancelPromise = cstate.cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  then(cancelPromise, () => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      readableStreamDefaultControllerError(readable[kState].controller, reason);
      finish.resolve();
    }
  }, (error) => {
    readableStreamDefaultControllerError(readable[kState].controller, error);
    finish.reject(error);
  });
  return finish.promise;
}

function transformStreamDefaultSinkCloseAlgorithm(stream) {
  const cstate = stream[kState].controller[kState];
  if (cstate.finishPromise !== undefined) return cstate.finishPromise.promise;
  const readable = stream[kState].readable;
  const finish = cstate.finishPromise = createDeferredPromise();
  const flushPromise = cstate.flushAlgorithm();
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  then(flushPromise, () => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      readableStreamDefaultControllerClose(readable[kState].controller);
      finish.resolve();
    }
  }, (error) => {
    readableStreamDefaultControllerError(readable[kState].controller, error);
    finish.reject(error);
  });
  return finish.promise;
}

function transformStreamDefaultSourcePullAlgorithm(stream) {
  transformStreamSetBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function transformStreamDefaultSourceCancelAlgorithm(stream, reason) {
  const cstate = stream[kState].controller[kState];
  if (cstate.finishPromise !== undefined) return cstate.finishPromise.promise;
  const writable = stream[kState].writable;
  const finish = cstate.finishPromise = createDeferredPromise();
  const cancelPromise = cstate.cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  then(cancelPromise, () => {
    if (writable[kState].state === 'errored') {
      finish.reject(writable[kState].storedError);
    } else {
      writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, reason);
      transformStreamUnblockWrite(stream);
      finish.resolve();
    }
  }, (error) => {
    writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, error);
    transformStreamUnblockWrite(stream);
    finish.reject(error);
  });
  return finish.promise;
}

module.exports = {
  TransformStream,
  TransformStreamDefaultController,
};
