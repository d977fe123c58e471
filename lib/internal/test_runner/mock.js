'use strict';
// node:test's mock tracker: mock.fn / method / getter / setter, call records,
// one-shot implementations, restore and reset.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateFunction, validateObject, validateInteger } = require('internal/validators');

function noop() {}

class MockFunctionContext {
  #calls = [];
  #impl;
  #original;
  #onces = new Map();
  #restore;
  #times;

  constructor(impl, original, restore, times) {
    this.#impl = impl;
    this.#original = original;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() { return this.#calls.slice(); }
  callCount() { return this.#calls.length; }

  mockImplementation(impl) {
    validateFunction(impl, 'implementation');
    this.#impl = impl;
  }

  mockImplementationOnce(impl, onCall) {
    validateFunction(impl, 'implementation');
    const call = onCall ?? this.#calls.length;
    validateInteger(call, 'onCall', this.#calls.length);
    this.#onces.set(call, impl);
  }

  resetCalls() { this.#calls = []; }

  restore() {
    if (this.#restore) this.#restore();
  }

  // Internal: the implementation for the next call, and the record of it.
  nextImpl() {
    const n = this.#calls.length;
    const once = this.#onces.get(n);
    if (once !== undefined) {
      this.#onces.delete(n);
      return once;
    }
    if (this.#times !== undefined && n >= this.#times) return this.#original;
    return this.#impl;
  }

  record(entry) { this.#calls.push(entry); }
}

function makeMock(original, impl, restore, times) {
  const ctx = new MockFunctionContext(impl, original, restore, times);
  const target = original ?? impl;
  const proxy = new Proxy(target, {
    __proto__: null,
    apply(fnTarget, thisArg, args) {
      const fn = ctx.nextImpl();
      const entry = { __proto__: null, arguments: args, error: undefined, result: undefined,
                      stack: new Error(), target: undefined, this: thisArg };
      try {
        entry.result = Reflect.apply(fn, thisArg, args);
      } catch (err) {
        entry.error = err;
        ctx.record(entry);
        throw err;
      }
      ctx.record(entry);
      return entry.result;
    },
    construct(fnTarget, args, newTarget) {
      const fn = ctx.nextImpl();
      const entry = { __proto__: null, arguments: args, error: undefined, result: undefined,
                      stack: new Error(), target: newTarget, this: undefined };
      try {
        entry.result = Reflect.construct(fn, args, newTarget);
        entry.this = entry.result;
      } catch (err) {
        entry.error = err;
        ctx.record(entry);
        throw err;
      }
      ctx.record(entry);
      return entry.result;
    },
    get(obj, key, receiver) {
      if (key === 'mock') return ctx;
      return Reflect.get(obj, key, receiver);
    },
  });
  return proxy;
}

class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times } = options;
    if (times !== undefined) validateInteger(times, 'options.times', 1);
    const mock = makeMock(original, implementation, undefined, times);
    this.#mocks.push({ mock, restore: noop });
    return mock;
  }

  method(object, methodName, implementation = undefined, options = {}) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    const { getter = false, setter = false, times } = options;
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter,
                                      "cannot be used with 'options.getter'");
    }
    let owner = object;
    let descriptor;
    while (owner !== null) {
      descriptor = Reflect.getOwnPropertyDescriptor(owner, methodName);
      if (descriptor) break;
      owner = Reflect.getPrototypeOf(owner);
    }
    const kind = getter ? 'get' : setter ? 'set' : 'value';
    const original = descriptor?.[kind];
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    const ownDescriptor = Reflect.getOwnPropertyDescriptor(object, methodName);
    const restore = () => {
      if (ownDescriptor) Reflect.defineProperty(object, methodName, ownDescriptor);
      else delete object[methodName];
    };
    const mock = makeMock(original, implementation ?? original, restore, times);
    const next = { __proto__: null, configurable: true, enumerable: descriptor.enumerable };
    if (kind === 'value') {
      next.value = mock;
      next.writable = true;
    } else {
      next[kind] = mock;
      const other = kind === 'get' ? 'set' : 'get';
      if (descriptor[other]) next[other] = descriptor[other];
    }
    Reflect.defineProperty(object, methodName, next);
    this.#mocks.push({ mock, restore });
    return mock;
  }

  getter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }

  setter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }

  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (const { restore } of this.#mocks) restore();
  }
}

module.exports = { MockTracker, MockFunctionContext };
