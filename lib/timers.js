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
function enroll(item, msecs) {
  validateNumber(msecs, 'msecs', 0, 2 ** 31 - 1);
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
