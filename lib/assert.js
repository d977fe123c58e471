'use strict';
// node:assert. The messages and error shapes follow node's; deep equality
// lives in internal/util/comparisons, the message generation in
// internal/assert/assertion_error.

const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const AssertionError = require('internal/assert/assertion_error');
const { innerOk, isError } = require('internal/assert/utils');

const ObjectIs = Object.is;
const ObjectKeys = Object.keys;
const ObjectPrototypeIsPrototypeOf = Function.prototype.call.bind(Object.prototype.isPrototypeOf);
const NumberIsNaN = Number.isNaN;
const ReflectApply = Reflect.apply;
const RegExpExec = Function.prototype.call.bind(RegExp.prototype.exec);
const RegExpSourceGetter = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const PromisePrototype = Promise.prototype;

let isDeepEqual;
let isDeepStrictEqual;
function lazyLoadComparison() {
  const comparison = require('internal/util/comparisons');
  isDeepEqual = comparison.isDeepEqual;
  isDeepStrictEqual = comparison.isDeepStrictEqual;
}

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

function isRegExp(value) {
  if (value === null || typeof value !== 'object' || value === RegExp.prototype) return false;
  try {
    ReflectApply(RegExpSourceGetter, value, []);
    return true;
  } catch {
    return false;
  }
}

function isPromise(value) {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Promise) return true;
  return Object.prototype.toString.call(value) === '[object Promise]' &&
    ObjectPrototypeIsPrototypeOf(PromisePrototype, value);
}

let warned = false;

// The module itself is assert.ok().
const assert = module.exports = ok;

const NO_EXCEPTION_SENTINEL = {};

// The function whose caller is the top frame of an AssertionError's stack.
// rejects() and doesNotReject() run their checks after an await, when the
// engine's stack starts at the resumed function: the frames start below
// the helper that creates the error instead, so that they show the
// assertion that failed.
function stackStart(fn) {
  if (fn === rejects) return expectsError;
  if (fn === doesNotReject) return expectsNoError;
  return fn;
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (warned === false) {
      warned = true;
      process.emitWarning(
        'assert.fail() with more than one argument is deprecated. ' +
          'Please use assert.strictEqual() instead or only pass a message.',
        'DeprecationWarning',
        'DEP0094',
      );
    }
    if (argsLen === 2) operator = '!=';
  }

  if (message instanceof Error) throw message;

  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

assert.fail = fail;
assert.AssertionError = AssertionError;

function ok(...args) {
  innerOk(ok, args.length, args[0], args[1]);
}
assert.ok = ok;

function equal(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!NumberIsNaN(actual) || !NumberIsNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}
assert.equal = equal;

function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (NumberIsNaN(actual) && NumberIsNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}
assert.notEqual = notEqual;

function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepEqual === undefined) lazyLoadComparison();
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}
assert.deepEqual = deepEqual;

function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepEqual === undefined) lazyLoadComparison();
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}
assert.notDeepEqual = notDeepEqual;

function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepEqual === undefined) lazyLoadComparison();
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual,
    });
  }
}
assert.deepStrictEqual = deepStrictEqual;

function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepEqual === undefined) lazyLoadComparison();
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual,
    });
  }
}
assert.notDeepStrictEqual = notDeepStrictEqual;

function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!ObjectIs(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}
assert.strictEqual = strictEqual;

function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (ObjectIs(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual,
    });
  }
}
assert.notStrictEqual = notStrictEqual;

function partialDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  require('internal/util').emitExperimentalWarning('assert.partialDeepStrictEqual');
  if (!require('internal/util/comparisons').isPartialStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'partialDeepStrictEqual',
      stackStartFn: partialDeepStrictEqual,
    });
  }
}
assert.partialDeepStrictEqual = partialDeepStrictEqual;

// The shape {key: value} an error is compared against in the message, with
// only the keys the validation object has.
class Comparison {
  constructor(obj, keys, actual) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) &&
            RegExpExec(obj[key], actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({
        actual: a,
        expected: b,
        operator: 'deepStrictEqual',
        stackStartFn: stackStart(fn),
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: stackStart(fn) });
  }
}

function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;
  let throwError = false;

  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (RegExpExec(expected, str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({
        actual,
        expected,
        message,
        operator: 'deepStrictEqual',
        stackStartFn: stackStart(fn),
      });
      err.operator = fn.name;
      throw err;
    } else {
      // A validation object: each of its keys must match.
      const keys = ObjectKeys(expected);
      if (expected instanceof Error) {
        keys[keys.length] = 'name';
        keys[keys.length] = 'message';
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      if (isDeepEqual === undefined) lazyLoadComparison();
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            RegExpExec(expected[key], actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    // An error class that matches (arrow functions have no prototype).
    return;
  } else if (ObjectPrototypeIsPrototypeOf(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = 'The error is expected to be an instance of ' +
        `"${expected.name}". Received `;
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) {
          message += `\n\nError message:\n\n${actual.message}`;
        }
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    // A validation function must return true.
    const res = ReflectApply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return` +
          ` "true". Received ${inspect(res)}`;
        if (isError(actual)) {
          message += `\n\nCaught error:\n\n${actual}`;
        }
      }
      throwError = true;
    }
  }

  if (throwError) {
    const err = new AssertionError({
      actual,
      expected,
      message,
      operator: fn.name,
      stackStartFn: stackStart(fn),
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function getActual(fn) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function checkIsPromise(obj) {
  // A thenable with catch counts too; a function with then/catch does not.
  return isPromise(obj) ||
    (obj !== null && typeof obj === 'object' &&
     typeof obj.then === 'function' && typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT(
          'error/message',
          `The error message "${actual.message}" is identical to the message.`,
        );
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT(
        'error/message',
        `The error "${actual}" is identical to the message.`,
      );
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }

  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn: stackStart(stackStartFn),
    });
  }

  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      return RegExpExec(expected, str) !== null;
    }
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (ObjectPrototypeIsPrototypeOf(Error, expected)) return false;
  return ReflectApply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION_SENTINEL) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\n` +
        `Actual message: "${actual && actual.message}"`,
      stackStartFn: stackStart(stackStartFn),
    });
  }
  throw actual;
}

// The argument count matters (a string second argument is the message only
// when no third one is given), so the rest arguments are passed through
// as they are (without array spread, which user code could break by
// patching the array iterator).
function withArgs(fn, actual, args) {
  const argv = [fn, actual];
  for (let i = 0; i < args.length; i++) argv[i + 2] = args[i];
  return argv;
}

function throws(promiseFn, ...args) {
  ReflectApply(expectsError, undefined, withArgs(throws, getActual(promiseFn), args));
}
assert.throws = throws;

async function rejects(promiseFn, ...args) {
  ReflectApply(expectsError, undefined, withArgs(rejects, await waitForActual(promiseFn), args));
}
assert.rejects = rejects;

function doesNotThrow(fn, ...args) {
  ReflectApply(expectsNoError, undefined, withArgs(doesNotThrow, getActual(fn), args));
}
assert.doesNotThrow = doesNotThrow;

async function doesNotReject(fn, ...args) {
  ReflectApply(expectsNoError, undefined, withArgs(doesNotReject, await waitForActual(fn), args));
}
assert.doesNotReject = doesNotReject;

function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) {
        message += err.constructor.name;
      } else {
        message += err.message;
      }
    } else {
      message += inspect(err);
    }

    const newErr = new AssertionError({
      actual: err,
      expected: null,
      operator: 'ifError',
      message,
      stackStartFn: ifError,
    });

    // Append the frames of the original error, without the frames both
    // stacks share.
    const origStack = err.stack;
    if (typeof origStack === 'string') {
      const originalFrames = stackFrames(origStack);
      if (originalFrames !== null) {
        let newFrames = newErr.stack.split('\n');
        for (let i = 0; i < originalFrames.length; i++) {
          const pos = newFrames.indexOf(originalFrames[i]);
          if (pos !== -1) {
            newFrames = newFrames.slice(0, pos);
            break;
          }
        }
        newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
      }
    }
    throw newErr;
  }
}
assert.ifError = ifError;

// The frame lines of a stack string (V8 "    at ..." or JavaScriptCore
// "fn@file:line:col" lines), or null when it does not look like a stack.
function stackFrames(stack) {
  const v8Start = stack.indexOf('\n    at');
  if (v8Start !== -1) return stack.slice(v8Start + 1).split('\n');
  const lines = stack.split('\n');
  let first = 0;
  // A header line ("Error: message") may come before the frames.
  if (lines.length > 0 && !isEngineFrame(lines[0])) first = 1;
  if (first >= lines.length) return null;
  for (let i = first; i < lines.length; i++) {
    if (!isEngineFrame(lines[i])) return null;
  }
  return lines.slice(first);
}

function isEngineFrame(line) {
  return /^[^\s@]*@(?:.+:\d+:\d+|\[native code\])?$/.test(line) ||
    /^(?:global|eval|module) code@/.test(line);
}

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) {
    throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  }
  const match = fn === assert.match;
  if (typeof string !== 'string' || (RegExpExec(regexp, string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})` :
      (match ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({
      actual: string,
      expected: regexp,
      message,
      operator: fn.name,
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
}
assert.match = match;

function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
}
assert.doesNotMatch = doesNotMatch;

let CallTracker;
function defineCallTracker(target) {
  Object.defineProperty(target, 'CallTracker', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      if (CallTracker === undefined) {
        CallTracker = require('internal/util').deprecate(
          require('internal/assert/calltracker'), 'assert.CallTracker is deprecated.', 'DEP0173');
      }
      return CallTracker;
    },
    set(value) {
      Object.defineProperty(target, 'CallTracker', {
        __proto__: null, value, enumerable: true, configurable: true, writable: true,
      });
    },
  });
}
defineCallTracker(assert);

function strict(...args) {
  innerOk(strict, args.length, args[0], args[1]);
}

// assert.strict: the same functions, with the loose comparisons replaced by
// the strict ones (the CallTracker accessor is copied as an accessor).
{
  const keys = ObjectKeys(assert);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'CallTracker') defineCallTracker(strict);
    else strict[key] = assert[key];
  }
  strict.equal = assert.strictEqual;
  strict.deepEqual = assert.deepStrictEqual;
  strict.notEqual = assert.notStrictEqual;
  strict.notDeepEqual = assert.notDeepStrictEqual;
}
assert.strict = strict;
assert.strict.strict = assert.strict;
