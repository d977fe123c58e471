'use strict';
// What happens to a promise rejection nobody handled (--unhandled-rejections).

const { options } = require('internal/bootstrap/realm');

class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    super('This error originated either by throwing inside of an async function ' +
      'without a catch block, or by rejecting a promise which was not handled with ' +
      `.catch(). The promise rejected with the reason "${safeInspect(reason)}".`);
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  __proto__: null, value: 'UnhandledPromiseRejection', writable: true, configurable: true,
});

function safeInspect(v) {
  try {
    return require('internal/util/inspect').inspect(v);
  } catch {
    return String(v);
  }
}

let warned = false;
function unhandled(promise, reason) {
  const mode = options.unhandledRejections || 'throw';
  const { fatalException } = require('internal/process/execution');
  if (mode === 'none') {
    process.emit('unhandledRejection', reason, promise);
    return;
  }
  if (mode === 'strict') {
    const err = reason instanceof Error ? reason : new UnhandledPromiseRejection(reason);
    if (!fatalException(err, true)) return;
    process.emit('unhandledRejection', reason, promise);
    return;
  }
  const handled = process.emit('unhandledRejection', reason, promise);
  if (handled) return;
  if (mode === 'warn' || mode === 'warn-with-error-code') {
    if (mode === 'warn-with-error-code') process.exitCode = 1;
    emitUnhandledWarning(reason);
    return;
  }
  // 'throw' (the default): raise it as an uncaught exception.
  const err = isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason);
  fatalException(err, true);
}

function isErrorLike(v) {
  return v instanceof Error || (v !== null && typeof v === 'object' &&
    Object.prototype.toString.call(v) === '[object Error]');
}

function emitUnhandledWarning(reason) {
  const warning = new Error('Unhandled promise rejection. This error originated either by ' +
    'throwing inside of an async function without a catch block, or by rejecting a ' +
    'promise which was not handled with .catch(). To terminate the node process on ' +
    'unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: 1)');
  warning.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(warning);
  if (!warned) warned = true;
}

module.exports = { unhandled, UnhandledPromiseRejection };
