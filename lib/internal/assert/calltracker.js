'use strict';
// assert.CallTracker (deprecated in node, still present): wraps functions
// and reports which were not called the expected number of times.

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_UNAVAILABLE_DURING_EXIT,
  },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');
const AssertionError = require('internal/assert/assertion_error');

const ReflectApply = Reflect.apply;
const ObjectFreeze = Object.freeze;
const ArrayPrototypeSlice = Function.prototype.call.bind(Array.prototype.slice);
const SetAdd = Function.prototype.call.bind(Set.prototype.add);
const SetDelete = Function.prototype.call.bind(Set.prototype.delete);
const SetValues = Function.prototype.call.bind(Set.prototype.values);
const SetIteratorNext = Function.prototype.call.bind(
  Object.getPrototypeOf(new Set().values()).next);
const WeakMapGet = Function.prototype.call.bind(WeakMap.prototype.get);
const WeakMapHas = Function.prototype.call.bind(WeakMap.prototype.has);
const WeakMapSet = Function.prototype.call.bind(WeakMap.prototype.set);

function noop() {}

function setToArray(set) {
  const out = [];
  const it = SetValues(set);
  for (;;) {
    const step = SetIteratorNext(it);
    if (step.done) return out;
    out[out.length] = step.value;
  }
}

class CallTrackerContext {
  #expected;
  #calls;
  #name;
  #stackTrace;

  constructor(expected, stackTrace, name) {
    this.#calls = [];
    this.#expected = expected;
    this.#stackTrace = stackTrace;
    this.#name = name;
  }

  track(thisArg, args) {
    const argsClone = ObjectFreeze(ArrayPrototypeSlice(args));
    const calls = this.#calls;
    calls[calls.length] = ObjectFreeze({ thisArg, arguments: argsClone });
  }

  get delta() {
    return this.#calls.length - this.#expected;
  }

  reset() {
    this.#calls = [];
  }

  getCalls() {
    return ObjectFreeze(ArrayPrototypeSlice(this.#calls));
  }

  report() {
    if (this.delta !== 0) {
      const message = `Expected the ${this.#name} function to be ` +
        `executed ${this.#expected} time(s) but was ` +
        `executed ${this.#calls.length} time(s).`;
      return {
        message,
        actual: this.#calls.length,
        expected: this.#expected,
        operator: this.#name,
        stack: this.#stackTrace,
      };
    }
    return undefined;
  }
}

class CallTracker {
  #callChecks = new Set();
  #trackedFunctions = new WeakMap();

  #getTrackedFunction(tracked) {
    if (!WeakMapHas(this.#trackedFunctions, tracked)) {
      throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    }
    return WeakMapGet(this.#trackedFunctions, tracked);
  }

  reset(tracked) {
    if (tracked === undefined) {
      const checks = setToArray(this.#callChecks);
      for (let i = 0; i < checks.length; i++) checks[i].reset();
      return;
    }
    this.#getTrackedFunction(tracked).reset();
  }

  getCalls(tracked) {
    return this.#getTrackedFunction(tracked).getCalls();
  }

  calls(fn, expected = 1) {
    const callChecks = this.#callChecks;
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    if (process._exiting) throw new ERR_UNAVAILABLE_DURING_EXIT();

    const context = new CallTrackerContext(expected, new Error(), fn.name || 'calls');
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, argList) {
        context.track(thisArg, argList);
        // Back in the pending checks while the count is not (or no longer)
        // the expected one.
        if (context.delta === 0) {
          SetDelete(callChecks, context);
        } else {
          SetAdd(callChecks, context);
        }
        return ReflectApply(target, thisArg, argList);
      },
    });
    SetAdd(callChecks, context);
    WeakMapSet(this.#trackedFunctions, tracked, context);
    return tracked;
  }

  report() {
    const errors = [];
    const checks = setToArray(this.#callChecks);
    for (let i = 0; i < checks.length; i++) {
      const message = checks[i].report();
      if (message !== undefined) errors[errors.length] = message;
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = CallTracker;
