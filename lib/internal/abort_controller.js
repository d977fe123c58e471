'use strict';
// AbortController and AbortSignal (WHATWG DOM), with node's extras:
// AbortSignal.timeout() on an unref'd timer that does not keep the signal
// alive, AbortSignal.any(), util.aborted() and the transferable signals.

const {
  Event,
  EventTarget,
  defineEventHandler,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kTrustEvent,
  kWeakHandler,
} = require('internal/event_target');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  validateAbortSignal,
  validateArray,
  validateObject,
  validateUint32,
} = require('internal/validators');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');
// Marks a signal that may be posted to a MessagePort (worker_threads reads it).
const kTransferable = Symbol.for('nodejs.abort_controller.transferable');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  if (DOMExceptionCtor === undefined) {
    DOMExceptionCtor = require('internal/per_context/domexception').DOMException;
  }
  return new DOMExceptionCtor(message, name);
}

// Signals that have 'abort' listeners and may still abort on their own (a
// timeout or a composite signal): kept alive until they abort or lose their
// listeners. Other signals are only kept alive by their users.
const gcPersistentSignals = new Set();

let clearTimeoutRegistry;
function timeoutRegistry() {
  if (clearTimeoutRegistry === undefined) {
    clearTimeoutRegistry = new FinalizationRegistry((timer) => clearTimeout(timer));
  }
  return clearTimeoutRegistry;
}

function customInspect(self, obj, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

// The timer holds the signal weakly, so an unused timeout signal can be
// collected (and its timer cleared) before it fires.
function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(signal, lazyDOMException('The operation was aborted due to timeout',
                                           'TimeoutError'));
    }
  }, delay);
  if (typeof timeout?.unref === 'function') timeout.unref();
  return timeout;
}

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrowSymbol) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [kInspect](depth, options, inspect) {
    return customInspect(this, { aborted: this.aborted }, depth, options, inspect);
  }

  static abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    timeoutRegistry().register(signal, setWeakAbortSignalTimeout(new WeakRef(signal), delay));
    return signal;
  }

  static any(signals) {
    validateArray(signals, 'signals');
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal?.[kAborted] === undefined) {
        throw new ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', signal);
      }
    }
    const resultSignal = createAbortSignal({ composite: true });
    if (signals.length === 0) return resultSignal;
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal[kAborted]) {
        resultSignal[kAborted] = true;
        resultSignal[kReason] = signal[kReason];
        return resultSignal;
      }
    }
    // The result holds its sources strongly (they must live while someone
    // may wait on the result); the sources hold the result weakly.
    const sources = new Set();
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal[kComposite]) {
        const inner = signal[kSourceSignals];
        if (inner !== undefined) for (const s of inner) sources.add(s);
      } else {
        sources.add(signal);
      }
    }
    resultSignal[kSourceSignals] = sources;
    const resultRef = new WeakRef(resultSignal);
    for (const source of sources) {
      if (source[kDependantSignals] === undefined) source[kDependantSignals] = new Set();
      source[kDependantSignals].add(resultRef);
    }
    return resultSignal;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const mayAbortAlone = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (mayAbortAlone && type === 'abort' && !this[kAborted] && !weak && size === 1) {
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: { __proto__: null, enumerable: true },
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'AbortSignal',
  },
});
Object.defineProperties(AbortSignal, {
  abort: { __proto__: null, enumerable: true },
  timeout: { __proto__: null, enumerable: true },
  any: { __proto__: null, enumerable: true },
});

defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = undefined) {
  const signal = new AbortSignal(kDontThrowSymbol);
  signal[kAborted] = init?.aborted === true;
  signal[kReason] = init?.reason;
  signal[kComposite] = init?.composite === true;
  if (init?.transferable) signal[kTransferable] = true;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  gcPersistentSignals.delete(signal);
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
  const dependants = signal[kDependantSignals];
  if (dependants !== undefined) {
    signal[kDependantSignals] = undefined;
    for (const ref of dependants) {
      const dependant = ref.deref();
      if (dependant !== undefined) abortSignal(dependant, reason);
    }
  }
}

let makeTransferableController;
class AbortController {
  #signal;

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#signal in self)) {
      throw new ERR_INVALID_THIS('AbortController');
    }
  }

  get signal() {
    AbortController.#check(this);
    this.#signal ??= createAbortSignal();
    return this.#signal;
  }

  abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    AbortController.#check(this);
    this.#signal ??= createAbortSignal();
    abortSignal(this.#signal, reason);
  }

  [kInspect](depth, options, inspect) {
    return customInspect(this, { signal: this.signal }, depth, options, inspect);
  }

  static {
    makeTransferableController = () => {
      const controller = new AbortController();
      controller.#signal = createAbortSignal({ transferable: true });
      return controller;
    };
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: { __proto__: null, enumerable: true },
  abort: { __proto__: null, enumerable: true },
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'AbortController',
  },
});

// Marks a signal as transferable (worker_threads may post it); returns it.
function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  signal[kTransferable] = true;
  return signal;
}

function transferableAbortController() {
  return makeTransferableController();
}

// util.aborted(): resolves once `signal` aborts, but holds the listener only
// as long as `resource` is alive.
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowArray | kValidateObjectAllowFunction);
  if (signal.aborted) return;
  let resolve;
  const promise = new Promise((res) => {
    resolve = res;
  });
  signal.addEventListener('abort', resolve, {
    __proto__: null,
    [kWeakHandler]: resource,
    once: true,
    [kResistStopPropagation]: true,
  });
  return promise;
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  abortSignal,
  createAbortSignal,
  kAborted,
  kReason,
  kTransferable,
  transferableAbortController,
  transferableAbortSignal,
};
