'use strict';
// node:timers

const { validateFunction, validateNumber } = require('internal/validators');

// The timer machinery loads with the first timer, not at startup: the globals
// below are installed for every program, most of which never set a timer.
let internal;
function lazy() {
  internal ??= require('internal/timers');
  return internal;
}

// The callback arguments after the first `skip` arguments, or undefined.
function restArgs(argsObject, skip) {
  const n = argsObject.length;
  if (n <= skip) return undefined;
  const args = new Array(n - skip);
  for (let i = skip; i < n; i++) args[i - skip] = argsObject[i];
  return args;
}

function setTimeout(callback, after) {
  validateFunction(callback, 'callback');
  const { Timeout, insert } = lazy();
  const timeout = new Timeout(callback, after, restArgs(arguments, 2), false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat) {
  validateFunction(callback, 'callback');
  const { Timeout, insert } = lazy();
  const timeout = new Timeout(callback, repeat, restArgs(arguments, 2), true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) {
  if (internal !== undefined || (timer !== null && typeof timer === 'object')) {
    lazy().clearTimeout(timer);
  }
}

function clearInterval(timer) {
  clearTimeout(timer);
}

function clearImmediate(immediate) {
  if (internal !== undefined) internal.clearImmediate(immediate);
}

function setImmediate(callback) {
  validateFunction(callback, 'callback');
  return new (lazy().Immediate)(callback, restArgs(arguments, 1));
}

// Deprecated legacy API (node still ships it); each function warns once.
const warned = new Set();
function warnOnce(name, instead, code) {
  if (warned.has(code)) return;
  warned.add(code);
  process.emitWarning(`timers.${name}() is deprecated. Please use ${instead} instead.`,
                      'DeprecationWarning', code);
}

function enroll(item, msecs) {
  warnOnce('enroll', 'setTimeout', 'DEP0095');
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (msecs > 2 ** 31 - 1) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${2 ** 31 - 1}.`, 'TimeoutOverflowWarning');
    msecs = 2 ** 31 - 1;
  }
  if (item._idleTimeout >= 0) lazy().unenroll(item);
  item._idleTimeout = msecs;
  item._idleNext = item;
  item._idlePrev = item;
}

let promises;
module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive(item) {
    warnOnce('_unrefActive', 'timeout.refresh()', 'DEP0127');
    lazy().unrefActive(item);
  },
  active(item) {
    warnOnce('active', 'timeout.refresh()', 'DEP0126');
    lazy().active(item);
  },
  unenroll(item) {
    warnOnce('unenroll', 'clearTimeout', 'DEP0096');
    lazy().unenroll(item);
  },
  enroll,
  get promises() {
    promises ??= require('timers/promises');
    return promises;
  },
};
