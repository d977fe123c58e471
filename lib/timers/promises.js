'use strict';
// node:timers/promises

const { Timeout, Immediate, insert, clearTimeout, clearImmediate } = require('internal/timers');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateObject, validateNumber } =
  require('internal/validators');

const kScheduler = Symbol('kScheduler');

function cancelListenerHandler(clear, reject, signal) {
  if (!this._destroyed) {
    clear(this);
    reject(new AbortError(undefined, { cause: signal?.reason }));
  }
}

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  try {
    if (typeof after !== 'undefined') validateNumber(after, 'delay');
    const { signal, ref } = checkOptions(options);
    if (signal?.aborted) {
      return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    }
    let oncancel;
    const ret = new Promise((resolve, reject) => {
      const timeout = new Timeout(resolve, after, [value], false, ref);
      insert(timeout, timeout._idleTimeout);
      if (signal) {
        oncancel = cancelListenerHandler.bind(timeout, clearTimeout, reject, signal);
        signal.addEventListener('abort', oncancel, { once: true });
      }
    });
    return oncancel !== undefined ?
      ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
  } catch (err) {
    return Promise.reject(err);
  }
}

function setImmediate(value, options = {}) {
  try {
    const { signal, ref } = checkOptions(options);
    if (signal?.aborted) {
      return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    }
    let oncancel;
    const ret = new Promise((resolve, reject) => {
      const immediate = new Immediate(resolve, [value]);
      if (!ref) immediate.unref();
      if (signal) {
        oncancel = cancelListenerHandler.bind(immediate, clearImmediate, reject, signal);
        signal.addEventListener('abort', oncancel, { once: true });
      }
    });
    return oncancel !== undefined ?
      ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
  } catch (err) {
    return Promise.reject(err);
  }
}

async function* setInterval(after, value, options = {}) {
  validateObject(options, 'options');
  if (typeof after !== 'undefined') validateNumber(after, 'delay');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });

  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = new Timeout(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after, undefined, true, ref);
    insert(interval, interval._idleTimeout);
    if (signal) {
      onCancel = () => {
        clearTimeout(interval);
        if (callback) {
          callback(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => (callback = resolve));
      }
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    clearTimeout(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

class Scheduler {
  constructor() {
    throw new TypeError('Illegal constructor');
  }
  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_ARG_TYPE('this', 'Scheduler', this);
    return setImmediate();
  }
  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_ARG_TYPE('this', 'Scheduler', this);
    return setTimeout(delay, undefined, options);
  }
}

const scheduler = Object.create(Scheduler.prototype, { [kScheduler]: { value: true } });
void ERR_INVALID_ARG_VALUE;

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
