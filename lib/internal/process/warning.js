'use strict';
// process.emitWarning and the default 'warning' printer.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateString } = require('internal/validators');

let traceWarningHelperShown = false;

let redirectFile;
function writeOut(message) {
  if (redirectFile === undefined) {
    const { options } = require('internal/bootstrap/realm');
    redirectFile = options.redirectWarnings || process.env.NODE_REDIRECT_WARNINGS || null;
  }
  if (redirectFile) {
    try {
      require('fs').appendFileSync(redirectFile, `${message}\n`);
      return;
    } catch {
      // fall back to stderr, as node does
    }
  }
  try {
    process.stderr.write(`${message}\n`);
  } catch {
    // stderr is gone
  }
}

let disabled;
function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  if (disabled === undefined) {
    const { options } = require('internal/bootstrap/realm');
    disabled = new Set(options.disableWarning || []);
  }
  // --disable-warning=CODE or =Type (e.g. DeprecationWarning)
  if (disabled.size > 0 && (disabled.has(warning.code) || disabled.has(warning.name))) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const { options } = require('internal/bootstrap/realm');
  const trace = options.traceWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += require('internal/util/inspect').inspect(warning);
  } else {
    msg += typeof warning.toString === 'function' ?
      `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    const argv0 = require('path').basename(process.argv0 || 'node');
    msg += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  writeOut(msg);
}

function createWarningObject(warning, type, code, ctor, detail) {
  const limit = Error.stackTraceLimit;
  warning = new Error(warning);
  Error.stackTraceLimit = limit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(warning, ctor || process.emitWarning);
  }
  return warning;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Like node: an uncaught exception on the next tick, not a throw here.
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', warning));
}

function setup(options) {
  if (!options.noWarnings && process.env.NODE_NO_WARNINGS !== '1') {
    process.on('warning', onWarning);
  }
}

module.exports = { emitWarning, onWarning, setup, createWarningObject };
