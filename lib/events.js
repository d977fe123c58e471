'use strict';
// node:events: EventEmitter and the static helpers (once, on, getEventListeners,
// setMaxListeners, addAbortListener...). Listeners live in `this._events`, a
// null-prototype object mapping each event name to either the listener itself
// (the common single-listener case) or an array of listeners, as in node, since
// user code and other modules read `_events` directly.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNHANDLED_ERROR,
  },
  AbortError,
  genericNodeError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  kValidateObjectAllowNullable,
  validateFunction,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');

const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
// Shared with internal/event_target through the symbol registry, so that
// neither module has to load the other eagerly.
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kResistStopPropagation = Symbol.for('nodejs.internal.kResistStopPropagation');
// `on(emitter, name, { [kFirstEventParam]: true })` yields the first emitted
// argument instead of the argument array (used by readline and streams).
const kFirstEventParam = Symbol.for('nodejs.kFirstEventParam');
// The engine may predate explicit resource management; node defines
// Symbol.dispose itself in that case (addAbortListener returns a Disposable).
if (typeof Symbol.dispose !== 'symbol') {
  Object.defineProperty(Symbol, 'dispose', {
    __proto__: null,
    value: Symbol('Symbol.dispose'),
    writable: false,
    enumerable: false,
    configurable: false,
  });
}
const kDispose = Symbol.dispose;

let defaultMaxListeners = 10;

let inspectFn;
function lazyInspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

function isEventTarget(obj) {
  return obj != null && obj.constructor != null && obj.constructor[kIsEventTarget] === true;
}

EventEmitter.prototype[kCapture] = false;

function init(opts) {
  if (this._events === undefined ||
      this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }

  this._maxListeners = this._maxListeners || undefined;

  if (opts != null && opts.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // Read through the prototype so that EventEmitter.captureRejections
    // set after this point still applies to emitters created before.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  // Reading `then` once, as a Promise/A+ implementation would.
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, function(err) {
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    // Emitting 'error' with capture off keeps a rejecting 'error' listener
    // from looping back here.
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

// The fatal-exception printer calls er[kEnhanceStackBeforeInspector]() (when
// present) to add where the 'error' event was emitted, as node prints it.
// err.stack itself stays unchanged for 'uncaughtException' listeners.
const kEnhanceStackBeforeInspector = Symbol.for('nodejs.kEnhanceStackBeforeInspector');

// Longest run of equal lines shared by `a` and `b`: { len, offset } in `a`.
function identicalSequenceRange(a, b) {
  let best = { len: 0, offset: 0 };
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos === -1) continue;
    let len = 1;
    while (i + len < a.length && pos + len < b.length && a[i + len] === b[pos + len]) len++;
    if (len > 3 && len > best.len) best = { len, offset: i };
  }
  return best;
}

function enhanceStackTrace(err, own) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // Ignore a throwing or missing constructor.
  }
  const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errStack = String(err.stack).split('\n').slice(1);
  const ownStack = String(own.stack).split('\n').slice(1);
  const { len, offset } = identicalSequenceRange(ownStack, errStack);
  if (len > 0) {
    ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  }
  return err.stack + sep + ownStack.join('\n');
}

function throwUnhandledError(er, emitter) {
  if (er instanceof Error) {
    try {
      const capture = {};
      Error.captureStackTrace(capture, EventEmitter.prototype.emit);
      Object.defineProperty(er, kEnhanceStackBeforeInspector, {
        __proto__: null,
        value: enhanceStackTrace.bind(emitter, er, capture),
        configurable: true,
      });
    } catch {
      // Continue regardless of error.
    }
    throw er;
  }
  let stringifiedEr;
  try {
    stringifiedEr = lazyInspect(er);
  } catch {
    stringifiedEr = er;
  }
  const err = new ERR_UNHANDLED_ERROR(stringifiedEr);
  err.context = er;
  throw err;
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  let doError = (type === 'error');
  if (events !== undefined) {
    if (doError) {
      if (events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
      doError = (events.error === undefined);
    }
  } else if (!doError) {
    return false;
  }

  if (doError) throwUnhandledError(args.length > 0 ? args[0] : undefined, this);

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    // Most listeners return undefined: test that first so that the
    // rejection capture costs nothing in the common case. `args` is copied
    // there because passing it on as is makes the engine allocate it on
    // every call (it can no longer forward the arguments to apply()).
    if (result !== undefined && result !== null) addCatch(this, result, type, args.slice());
  } else {
    const len = handler.length;
    // A listener may add or remove listeners: iterate over a snapshot.
    const listeners = len === 2 ? [handler[0], handler[1]] : handler.slice();
    for (let i = 0; i < len; ++i) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args.slice());
    }
  }
  return true;
};

function _addListener(target, type, listener, prepend) {
  checkListener(listener);

  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      // A 'newListener' listener may have replaced _events.
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }

    const m = _getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const name = lazyInspect(target, { depth: -1 });
      const w = genericNodeError(
        `Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} ` +
        `listeners added to ${name}. MaxListeners is ${m}. ` +
        'Use emitter.setMaxListeners() to increase limit',
        { name: 'MaxListenersExceededWarning', emitter: target, type, count: existing.length });
      process.emitWarning(w);
    }
  }

  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, arguments);
  }
}

function _onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);

  const events = this._events;
  if (events === undefined) return this;

  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener !== undefined) {
        this.emit('removeListener', type, list.listener || listener);
      }
    }
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;

    if (position === 0) list.shift();
    else list.splice(position, 1);

    if (list.length === 1) events[type] = list[0];

    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }

  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;

  // Without 'removeListener' listeners there is nobody to tell.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }

  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // LIFO order, so that 'removeListener' listeners see a consistent list.
    for (let i = listeners.length - 1; i >= 0; i--) {
      this.removeListener(type, listeners[i]);
    }
  }

  return this;
};

function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];

  const evlistener = events[type];
  if (evlistener === undefined) return [];

  if (typeof evlistener === 'function') {
    return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  }

  return unwrap ? unwrapListeners(evlistener) : evlistener.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;

  if (events !== undefined) {
    const evlistener = events[type];

    if (typeof evlistener === 'function') {
      if (listener != null) {
        return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      }
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (let i = 0, l = evlistener.length; i < l; i++) {
          if (evlistener[i] === listener || evlistener[i].listener === listener) matching++;
        }
        return matching;
      }
      return evlistener.length;
    }
  }

  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function unwrapListeners(arr) {
  const ret = new Array(arr.length);
  for (let i = 0; i < ret.length; ++i) {
    const orig = arr[i].listener;
    ret[i] = typeof orig === 'function' ? orig : arr[i];
  }
  return ret;
}

// Deprecated: use emitter.listenerCount().
function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
}

// ---- static helpers --------------------------------------------------------

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    return require('internal/event_target').getEventTargetListeners(emitterOrTarget, type);
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  }
  if (isEventTarget(emitterOrTarget)) {
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (let i = 0; i < eventTargets.length; i++) {
    const target = eventTargets[i];
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target?.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function addErrorHandlerIfEventEmitter(emitter, handler, flags) {
  if (typeof emitter.on === 'function') {
    eventTargetAgnosticAddListener(emitter, 'error', handler, flags);
  }
}

async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      resolve(args);
    };
    const opts = { __proto__: null, once: true, [kResistStopPropagation]: true };
    eventTargetAgnosticAddListener(emitter, name, resolver, opts);
    if (name !== 'error' && typeof emitter.once === 'function') {
      // EventTarget has no 'error' event.
      emitter.once('error', errorListener);
    }
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    if (signal != null) {
      eventTargetAgnosticAddListener(signal, 'abort', abortListener, opts);
    }
  });
}

function createIterResult(value, done) {
  return { value, done };
}

const kWatermarkData = Symbol.for('nodejs.watermarkData');
function on(emitter, event, options = {}) {
  // Parameters validation
  validateObject(options, 'options', kValidateObjectAllowNullable);
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);
  const firstParam = options[kFirstEventParam] === true;

  // Unconsumed events, and pending next() promises waiting for one.
  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  let size = 0;

  const iterator = Object.setPrototypeOf({
    next() {
      // First, we consume all unread events.
      if (size) {
        const value = unconsumedEvents.shift();
        size--;
        if (paused && size < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(createIterResult(value, false));
      }

      // Then we error, if an error happened.
      if (error) {
        const p = Promise.reject(error);
        // Only the first element errors.
        error = null;
        return p;
      }

      // If the iterator is finished, resolve to done.
      if (finished) return closeHandler();

      // Wait until an event happens.
      return new Promise(function(resolve, reject) {
        unconsumedPromises.push({ resolve, reject });
      });
    },

    return() {
      return closeHandler();
    },

    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      errorHandler(err);
    },

    [Symbol.asyncIterator]() {
      return this;
    },

    // Buffering state, for readline's async iterator and node's tests.
    get [kWatermarkData]() {
      return {
        get size() { return size; },
        get low() { return lowWatermark; },
        get high() { return highWatermark; },
        get isPaused() { return paused; },
      };
    },
  }, AsyncIteratorPrototype);

  // Adding event handlers.
  const listenerOpts = { __proto__: null, [kResistStopPropagation]: true };
  eventTargetAgnosticAddListener(emitter, event, eventHandler, listenerOpts);
  if (event !== 'error' && typeof emitter.on === 'function') {
    emitter.on('error', errorHandler);
  }
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) {
      eventTargetAgnosticAddListener(emitter, closeEvents[i], closeHandler, listenerOpts);
    }
  }
  const abortListenerDisposable = signal ? addAbortListener(signal, abortListener) : null;

  return iterator;

  function abortListener() {
    errorHandler(new AbortError(undefined, { cause: signal?.reason }));
  }

  function eventHandler(...args) {
    const value = firstParam ? args[0] : args;
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve(createIterResult(value, false));
    } else {
      size++;
      if (!paused && size > highWatermark && typeof emitter.pause === 'function') {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    }
  }

  function errorHandler(err) {
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().reject(err);
    } else {
      // The next time we call next()
      error = err;
    }
    closeHandler();
  }

  function closeHandler() {
    abortListenerDisposable?.[kDispose]();
    eventTargetAgnosticRemoveListener(emitter, event, eventHandler, listenerOpts);
    if (event !== 'error' && typeof emitter.removeListener === 'function') {
      emitter.removeListener('error', errorHandler);
    }
    if (closeEvents?.length) {
      for (let i = 0; i < closeEvents.length; i++) {
        eventTargetAgnosticRemoveListener(emitter, closeEvents[i], closeHandler, listenerOpts);
      }
    }
    finished = true;
    const doneResult = createIterResult(undefined, true);
    while (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve(doneResult);
    }
    return Promise.resolve(doneResult);
  }
}

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

function validateInteger(value, name, min) {
  require('internal/validators').validateInteger(value, name, min);
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');

  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener,
                            { __proto__: null, once: true, [kResistStopPropagation]: true });
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  return {
    __proto__: null,
    [kDispose]() {
      removeEventListener?.();
    },
  };
}

// ---- EventEmitterAsyncResource (needs async_hooks, built on first use) ------

let EventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
  const { AsyncResource } = require('async_hooks');

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    #eventEmitter;

    constructor(ee, type, options) {
      super(type, options);
      this.#eventEmitter = ee;
    }

    get eventEmitter() {
      if (!(#eventEmitter in this)) {
        throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      }
      return this.#eventEmitter;
    }
  }

  EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
    #asyncResource;

    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          validateString(options?.name, 'options.name');
        }
        name = options?.name || new.target.name;
      }
      super(options);
      this.#asyncResource = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    emit(event, ...args) {
      if (!(#asyncResource in this)) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      const asyncResource = this.#asyncResource;
      return asyncResource.runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      if (!(#asyncResource in this)) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      this.#asyncResource.emitDestroy();
    }

    get asyncId() {
      if (!(#asyncResource in this)) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      return this.#asyncResource.asyncId();
    }

    get triggerAsyncId() {
      if (!(#asyncResource in this)) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      return this.#asyncResource.triggerAsyncId();
    }

    get asyncResource() {
      if (!(#asyncResource in this)) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      return this.#asyncResource;
    }
  };
  return EventEmitterAsyncResource;
}

// Static properties, in node's order (Object.keys(require('events')) shows it).
module.exports = EventEmitter;
EventEmitter.addAbortListener = addAbortListener;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
// Backwards-compat with node 0.10.x
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;
Object.defineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
  configurable: true,
});
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get: lazyEventEmitterAsyncResource,
  set: undefined,
});
EventEmitter.errorMonitor = kErrorMonitor;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    validateNumber(arg, 'defaultMaxListeners', 0);
    defaultMaxListeners = arg;
  },
});
Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: {
    __proto__: null,
    value: kMaxEventTargetListeners,
    enumerable: false,
    configurable: false,
    writable: false,
  },
  kMaxEventTargetListenersWarned: {
    __proto__: null,
    value: kMaxEventTargetListenersWarned,
    enumerable: false,
    configurable: false,
    writable: false,
  },
});
EventEmitter.setMaxListeners = setMaxListeners;
EventEmitter.init = init;
EventEmitter.listenerCount = staticListenerCount;
