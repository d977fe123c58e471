'use strict';
// node:async_hooks — AsyncLocalStorage, AsyncResource and createHook.
// Context propagation is internal/async_context's (see its header for what
// this engine can and cannot follow); hooks and ids are internal/async_hooks'.

const {
  codes: {
    ERR_ASYNC_CALLBACK,
    ERR_ASYNC_TYPE,
    ERR_INVALID_ASYNC_ID,
  },
} = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const asyncContext = require('internal/async_context');
const internal = require('internal/async_hooks');

// ---- createHook ----

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') throw new ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.before');
    }
    if (after !== undefined && typeof after !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.after');
    }
    if (destroy !== undefined && typeof destroy !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.destroy');
    }
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
    Object.defineProperty(this, 'callbacks', {
      value: { init, before, after, destroy, promiseResolve },
      enumerable: false,
    });
  }

  enable() {
    internal.enableHook(this);
    return this;
  }

  disable() {
    internal.disableHook(this);
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

// ---- AsyncResource ----

const kAsyncId = Symbol('asyncId');
const kTriggerAsyncId = Symbol('triggerAsyncId');
const kFrame = Symbol('kFrame');
const kDestroyed = Symbol('kDestroyed');
let warnedAsyncResource = false;
let destroyRegistry;

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let triggerAsyncId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts === undefined ? internal.executionAsyncId() : opts.triggerAsyncId;
      if (triggerAsyncId === undefined) triggerAsyncId = internal.executionAsyncId();
      requireManualDestroy = Boolean(opts?.requireManualDestroy);
    }
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    const asyncId = internal.newAsyncId();
    this[kAsyncId] = asyncId;
    this[kTriggerAsyncId] = triggerAsyncId;
    this[kFrame] = asyncContext.capture();
    this[kDestroyed] = false;
    if (internal.hasHooks('init')) internal.emitInit(asyncId, type, triggerAsyncId, this);
    // As in node, a resource made while destroy hooks exist reports destroy
    // when it is garbage-collected, unless it asked to do that itself.
    if (!requireManualDestroy && internal.hasHooks('destroy')) {
      destroyRegistry ??= new FinalizationRegistry((id) => internal.emitDestroy(id));
      destroyRegistry.register(this, asyncId, this);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return internal.runInResource(this[kAsyncId], this[kTriggerAsyncId], this, this[kFrame],
                                  fn, thisArg, args);
  }

  emitDestroy() {
    if (!this[kDestroyed]) {
      this[kDestroyed] = true;
      destroyRegistry?.unregister(this);
      internal.emitDestroy(this[kAsyncId]);
    }
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerAsyncId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function(...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = function(...args) {
        return resource.runInAsyncScope(fn, thisArg, ...args);
      };
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true,
        enumerable: true,
        get() {
          if (!warnedAsyncResource) {
            warnedAsyncResource = true;
            process.emitWarning('The asyncResource property on bound functions is deprecated',
                                'DeprecationWarning', 'DEP0172');
          }
          return self;
        },
        set(value) { self = value; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ----

class AsyncLocalStorage {
  #enabled = false;
  #defaultValue;

  constructor(options = {}) {
    validateObject(options, 'options');
    this.#defaultValue = options.defaultValue;
    if (options.name !== undefined) {
      Object.defineProperty(this, 'name', { value: `${options.name}`, enumerable: false });
    }
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const frame = asyncContext.capture();
    return function runInAsyncScope(fn, ...args) {
      return asyncContext.runWith(frame, fn, this, ...args);
    };
  }

  disable() {
    if (!this.#enabled) return;
    this.#enabled = false;
    // Drop this store from the current frame so it does not come back.
    const frame = asyncContext.getFrame();
    if (frame !== null && frame.has(this)) asyncContext.setFrame(withoutKey(frame, this));
  }

  _enable() {
    if (!this.#enabled) {
      this.#enabled = true;
      asyncContext.enablePromiseTracking();
    }
  }

  enterWith(store) {
    this._enable();
    const frame = withKey(asyncContext.getFrame(), this, store);
    asyncContext.setFrame(frame);
    asyncContext.queueFrameMarker(frame);
  }

  run(store, callback, ...args) {
    this._enable();
    const prev = asyncContext.getFrame();
    const frame = withKey(prev, this, store);
    return runScoped(prev, frame, callback, args);
  }

  exit(callback, ...args) {
    if (!this.#enabled) return Reflect.apply(callback, null, args);
    const prev = asyncContext.getFrame();
    if (prev === null || !prev.has(this)) return Reflect.apply(callback, null, args);
    return runScoped(prev, withoutKey(prev, this), callback, args);
  }

  getStore() {
    if (!this.#enabled) return this.#defaultValue;
    const frame = asyncContext.getFrame();
    if (frame === null || !frame.has(this)) return this.#defaultValue;
    return frame.get(this);
  }
}

Object.defineProperty(AsyncLocalStorage.prototype, '_propagate', {
  value: function _propagate() {},
  writable: true,
  configurable: true,
});

// Runs callback in frame and restores prev. Microtasks the callback queues
// follow a marker that enters frame (see internal/async_context); when the
// callback returns a promise (an async function), its continuations keep that
// frame, otherwise a second marker puts prev back.
function runScoped(prev, frame, callback, args) {
  asyncContext.setFrame(frame);
  asyncContext.queueFrameMarker(frame);
  let async = false;
  try {
    const result = Reflect.apply(callback, null, args);
    async = typeof result?.then === 'function';
    return result;
  } finally {
    asyncContext.setFrame(prev);
    if (!async) asyncContext.queueFrameMarker(prev);
  }
}

function withKey(frame, key, value) {
  const map = frame === null ? new Map() : new Map(frame);
  map.set(key, value);
  return map;
}

function withoutKey(frame, key) {
  if (frame.size === 1) return null;
  const map = new Map(frame);
  map.delete(key);
  return map;
}

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: internal.executionAsyncId,
  triggerAsyncId: internal.triggerAsyncId,
  executionAsyncResource: internal.executionAsyncResource,
  asyncWrapProviders: internal.asyncWrapProviders,
  AsyncResource,
};
