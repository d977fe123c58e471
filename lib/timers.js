'use strict';
// node:timers

const {
  Timeout,
  Immediate,
  insert,
  active,
  unrefActive,
  unenroll,
  clearTimeout,
  clearImmediate,
} = require('internal/timers');
const { validateFunction, validateNumber } = require('internal/validators');

function setTimeout(callback, after, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let args;
  const n = arguments.length;
  if (n > 2) {
    switch (n) {
      case 3: args = [arg1]; break;
      case 4: args = [arg1, arg2]; break;
      default:
        args = [arg1, arg2, arg3];
        for (let i = 5; i < n; i++) args[i - 2] = arguments[i];
    }
  }
  const timeout = new Timeout(callback, after, args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let args;
  const n = arguments.length;
  if (n > 2) {
    switch (n) {
      case 3: args = [arg1]; break;
      case 4: args = [arg1, arg2]; break;
      default:
        args = [arg1, arg2, arg3];
        for (let i = 5; i < n; i++) args[i - 2] = arguments[i];
    }
  }
  const timeout = new Timeout(callback, repeat, args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearInterval(timer) {
  clearTimeout(timer);
}

function setImmediate(callback, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let args;
  const n = arguments.length;
  if (n > 1) {
    switch (n) {
      case 2: args = [arg1]; break;
      case 3: args = [arg1, arg2]; break;
      default:
        args = [arg1, arg2, arg3];
        for (let i = 4; i < n; i++) args[i - 1] = arguments[i];
    }
  }
  return new Immediate(callback, args);
}

// Deprecated legacy API (node still ships it).
let enrollWarned = false;
function enroll(item, msecs) {
  if (!enrollWarned) {
    enrollWarned = true;
    process.emitWarning('timers.enroll() is deprecated. Please use setTimeout instead.',
                        'DeprecationWarning', 'DEP0095');
  }
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
  if (item._idleTimeout >= 0) unenroll(item);
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
  _unrefActive: unrefActive,
  active,
  unenroll,
  enroll,
  get promises() {
    promises ??= require('timers/promises');
    return promises;
  },
};
