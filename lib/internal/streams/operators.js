'use strict';
// The Readable helper methods (map, filter, flatMap, drop, take, forEach,
// toArray, some, every, find, reduce, asIndexedPairs, compose), built on
// async iteration. map() runs up to `concurrency` calls at once but yields
// results in input order.

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { isWritable, isNodeStream } = require('internal/streams/utils');
const { finished } = require('internal/streams/end-of-stream');

const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

let staticCompose;
let addAbortSignalNoValidate;

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options != null && options.signal != null) {
    validateAbortSignal(options.signal, 'options.signal');
  }
}

function isAborted(options) {
  return !!(options && options.signal && options.signal.aborted);
}

function compose(stream, options) {
  validateOptions(options);

  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }

  staticCompose ??= require('internal/streams/compose');
  const composedStream = staticCompose(this, stream);

  if (options && options.signal) {
    addAbortSignalNoValidate ??=
      require('internal/streams/add-abort-signal').addAbortSignalNoValidate;
    // Not validated again: done above.
    addAbortSignalNoValidate(options.signal, composedStream);
  }

  return composedStream;
}

// A signal that aborts with `outer` (when given). The returned function
// detaches it once the operation is over.
function linkedSignal(outer) {
  const ac = new AbortController();
  if (!outer) return { signal: ac.signal, detach() {} };
  if (outer.aborted) {
    ac.abort(outer.reason);
    return { signal: ac.signal, detach() {} };
  }
  const onAbort = () => ac.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  return {
    signal: ac.signal,
    detach() {
      outer.removeEventListener('abort', onAbort);
    },
  };
}

function map(fn, options) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  validateOptions(options);

  let concurrency = 1;
  if (options != null && options.concurrency != null) {
    concurrency = Math.floor(options.concurrency);
  }

  let highWaterMark = concurrency - 1;
  if (options != null && options.highWaterMark != null) {
    highWaterMark = Math.floor(options.highWaterMark);
  }

  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);

  // Results that may wait (done or in flight) before the consumer takes
  // them.
  highWaterMark += concurrency;

  return async function* map() {
    const { signal, detach } = linkedSignal(options && options.signal);
    const stream = this;
    const queue = [];
    const signalOpt = { signal };

    // Wakes the consumer when the queue gets an entry.
    let next;
    // Wakes the pump when the queue has room again.
    let resume;
    let done = false;
    // Calls of fn still running.
    let cnt = 0;

    function onCatch() {
      done = true;
      afterItemProcessed();
    }

    function afterItemProcessed() {
      cnt -= 1;
      maybeResume();
    }

    function maybeResume() {
      if (resume && !done && cnt < concurrency && queue.length < highWaterMark) {
        resume();
        resume = null;
      }
    }

    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;

          if (signal.aborted) throw new AbortError();

          try {
            val = fn(val, signalOpt);

            if (val === kEmpty) continue;

            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }

          cnt += 1;

          val.then(afterItemProcessed, onCatch);

          queue.push(val);
          if (next) {
            next();
            next = null;
          }

          if (!done && (queue.length >= highWaterMark || cnt >= concurrency)) {
            await new Promise((resolve) => {
              resume = resolve;
            });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.then(afterItemProcessed, onCatch);
        queue.push(val);
      } finally {
        done = true;
        if (next) {
          next();
          next = null;
        }
      }
    }

    pump();

    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];

          if (val === kEof) return;

          if (signal.aborted) throw new AbortError();

          if (val !== kEmpty) yield val;

          queue.shift();
          maybeResume();
        }

        await new Promise((resolve) => {
          next = resolve;
        });
      }
    } finally {
      done = true;
      if (resume) {
        resume();
        resume = null;
      }
      detach();
    }
  }.call(this);
}

let asIndexedPairsWarned = false;
function asIndexedPairs(options = undefined) {
  if (!asIndexedPairsWarned) {
    asIndexedPairsWarned = true;
    process.emitWarning('readable.asIndexedPairs will be removed in a future version.',
                        'DeprecationWarning', 'DEP0173');
  }
  validateOptions(options);

  return async function* asIndexedPairs() {
    let index = 0;
    for await (const val of this) {
      if (isAborted(options)) {
        throw new AbortError(undefined, { cause: options.signal.reason });
      }
      yield [index++, val];
    }
  }.call(this);
}

async function some(fn, options = undefined) {
  // eslint-disable-next-line no-unused-vars
  for await (const unused of filter.call(this, fn, options)) {
    return true;
  }
  return false;
}

async function every(fn, options = undefined) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  // every(fn) is !some(!fn).
  return !(await some.call(this, async (...args) => {
    return !(await fn(...args));
  }, options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) {
    return result;
  }
  return undefined;
}

async function forEach(fn, options) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  async function forEachFn(value, options) {
    await fn(value, options);
    return kEmpty;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const unused of map.call(this, forEachFn, options));
}

function filter(fn, options) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  }
  async function filterFn(value, options) {
    if (await fn(value, options)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

// ERR_MISSING_ARGS with the message Array#reduce users know.
class ReduceAwareErrMissingArgs extends ERR_MISSING_ARGS {
  constructor() {
    super('reduce');
    this.message = 'Reduce of an empty stream requires an initial value';
  }
}

async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('reducer', ['Function', 'AsyncFunction'], reducer);
  }
  validateOptions(options);

  let hasInitialValue = arguments.length > 1;
  if (isAborted(options)) {
    const err = new AbortError(undefined, { cause: options.signal.reason });
    this.once('error', () => {}); // The error is reported through the promise.
    await finished(this.destroy(err));
    throw err;
  }

  const { signal, detach } = linkedSignal(options && options.signal);
  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (isAborted(options)) throw new AbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) throw new ReduceAwareErrMissingArgs();
  } finally {
    detach();
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);

  const result = [];
  for await (const val of this) {
    if (isAborted(options)) {
      throw new AbortError(undefined, { cause: options.signal.reason });
    }
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flatMap() {
    for await (const val of values) {
      yield* val;
    }
  }.call(this);
}

function toIntegerOrInfinity(number) {
  // Only NaN and negatives are rejected; fractions pass as in the proposal.
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* drop() {
    if (isAborted(options)) throw new AbortError();
    for await (const val of this) {
      if (isAborted(options)) throw new AbortError();
      if (number-- <= 0) yield val;
    }
  }.call(this);
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* take() {
    if (isAborted(options)) throw new AbortError();
    for await (const val of this) {
      if (isAborted(options)) throw new AbortError();
      if (number-- > 0) yield val;
      // Stop before pulling another item.
      if (number <= 0) return;
    }
  }.call(this);
}

module.exports.streamReturningOperators = {
  asIndexedPairs,
  drop,
  filter,
  flatMap,
  map,
  take,
  compose,
};

module.exports.promiseReturningOperators = {
  every,
  forEach,
  reduce,
  toArray,
  some,
  find,
};
