'use strict';
// Uncaught exceptions and exiting: node's 'uncaughtException' semantics, the
// printed layout of a fatal error, and the once-only 'exit' event.

const { getCaptureCallback, toExitCode } = require('internal/process/per_thread');

const kNodeVersionLine = `Node.js ${process.version}`;
// Sources of code that has no file (eval, stdin), by the name in its stack frames.
const virtualSources = new Map();

function registerSource(name, source) {
  virtualSources.set(name, source);
}

function writeErr(s) {
  try {
    internalBinding('tty').writeString(2, s);
  } catch {
    // stderr is gone; nothing more can be reported
  }
}

function inspectValue(v) {
  try {
    return require('internal/util/inspect').inspect(v, { colors: false });
  } catch {
    try { return String(v); } catch { return '[uncaught value]'; }
  }
}

function sourceLineOf(url, line) {
  let text = virtualSources.get(url);
  if (text === undefined) {
    if (typeof url !== 'string' || url.startsWith('node:') || url === '') return undefined;
    let file = url;
    if (file.startsWith('file://')) {
      try { file = decodeURIComponent(new URL(file).pathname); } catch { return undefined; }
    }
    text = internalBinding('modules').readOptional(file);
    if (text === undefined) return undefined;
  }
  const lines = text.split('\n');
  let s = lines[line - 1];
  if (s === undefined) return undefined;
  if (line === 1 && s.startsWith('#!')) s = s; // shown as written
  return s.replace(/\r$/, '');
}

// "file:line\nsource\n   ^\n\n" for an error thrown at a known place in user code.
function locationHeader(err) {
  if (err === null || typeof err !== 'object') return '';
  let url, line, column;
  try {
    url = err.sourceURL;
    line = err.line;
    column = err.column;
  } catch {
    return '';
  }
  if (typeof url !== 'string' || typeof line !== 'number') return '';
  const src = sourceLineOf(url, line);
  if (src === undefined) return '';
  let caretCol = typeof column === 'number' && column > 0 ? column - 1 : 0;
  const offset = require('internal/error_stack').wrapperOffsets.get(url);
  if (line === 1 && offset !== undefined && caretCol >= offset && src.length < caretCol) {
    caretCol -= offset;
  }
  // JavaScriptCore points at the call's parenthesis for `new Error(...)`;
  // node points at the start of the expression.
  const m = /(?:new\s+)?[\w$.]+\s*$/.exec(src.slice(0, caretCol));
  if (m && src[caretCol] === '(') caretCol = m.index;
  const pad = src.slice(0, caretCol).replace(/[^\t]/g, ' ');
  return `${url}:${line}\n${src}\n${pad}^\n\n`;
}

// Errors V8 would decorate with an "arrow" (the ES module loader's link
// errors): the source line and caret, printed with no blank line after.
const arrowMessages = new WeakMap();
function setArrowMessage(err, text) {
  arrowMessages.set(err, text);
}

function printUncaught(err, fromPromise) {
  let out;
  const isError = err !== null && typeof err === 'object' &&
    (err instanceof Error || typeof err.stack === 'string');
  if (isError) {
    const arrow = arrowMessages.get(err);
    out = `${arrow ?? locationHeader(err)}${inspectValue(err)}\n`;
  } else {
    out = `${inspectValue(err)}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n`;
    if (fromPromise) out = `${inspectValue(err)}\n`;
  }
  writeErr(`${out}\n${kNodeVersionLine}\n`);
}

// Run when the process ends because nothing is left to do (not process.exit()),
// before 'exit': the ES module loader's unsettled top-level await check.
const naturalExitHooks = [];
function emitNaturalExit() {
  for (let i = 0; i < naturalExitHooks.length; i++) naturalExitHooks[i]();
  return emitExitOnce(undefined);
}

let exitEmitted = false;
// Emits 'exit' once and returns the exit code the process ends with.
function emitExitOnce(code) {
  if (code !== undefined) process.exitCode = code;
  if (!exitEmitted) {
    exitEmitted = true;
    process._exiting = true;
    // node: listeners see process.exitCode as the number being exited with
    const exiting = toExitCode(process.exitCode);
    process.exitCode = exiting;
    process.emit('exit', exiting);
  }
  return toExitCode(process.exitCode);
}

let handlingFatal = false;
let domainErrorHook = null;
let handlerThrewHook = null;
// Set by a worker thread: hook(err) takes an error an 'uncaughtException'
// handler threw, before the thread exits as for an uncaught error.
function setHandlerThrewHook(hook) {
  handlerThrewHook = hook;
}
// Set by node:domain: hook(err) returns true when the active domain took err.
function setDomainErrorHook(hook) {
  domainErrorHook = hook;
}
// Called by the C side (and by tick/microtask runners) with an uncaught error.
// Returns true when a handler took it; otherwise prints it and exits.
function fatalException(err, fromPromise = false) {
  if (err === 'JavaScript execution terminated.' &&
      require('internal/bootstrap/realm').BuiltinModule.isLoaded('vm') &&
      internalBinding('contextify').takeWatchdogFired()) {
    // a vm timeout whose watchdog had to stop the whole turn
    const { codes: { ERR_SCRIPT_EXECUTION_TIMEOUT } } = require('internal/errors');
    err = new ERR_SCRIPT_EXECUTION_TIMEOUT(0);
  }
  const capture = getCaptureCallback();
  const binding = internalBinding('process');
  if (typeof process._fatalException !== 'function') {
    // node's exit code for a monkey-patched-away process._fatalException
    printUncaught(err, fromPromise);
    binding.reallyExit(6);
  }
  if (handlingFatal) {
    printUncaught(err, fromPromise);
    binding.reallyExit(7);
  }
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  try {
    // node:domain routes errors thrown while a domain is active to it.
    if (domainErrorHook !== null && !fromPromise && domainErrorHook(err)) return true;
    if (capture !== null) {
      capture(err);
      return true;
    }
    process.emit('uncaughtExceptionMonitor', err, origin);
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, origin);
      return true;
    }
  } catch (handlerErr) {
    handlingFatal = true;
    if (handlerThrewHook === null) {
      printUncaught(handlerErr, false);
      binding.reallyExit(7);
    }
    // A worker reports the handler's error to its parent like any uncaught
    // one ('error' on the Worker) and ends with code 1, without 'exit'.
    handlerThrewHook(handlerErr);
    exitEmitted = true;
    process._exiting = true;
    process.exitCode = 1;
    binding.reallyExit(1);
  }
  handlingFatal = true;
  printUncaught(err, fromPromise);
  // node exits with 1 here whatever exitCode says.
  const code = 1;
  let finalCode = code;
  try {
    process.exitCode = code;
    // 'exit' listeners may still change the code
    finalCode = emitExitOnce(undefined);
  } catch (exitErr) {
    printUncaught(exitErr, false);
    binding.reallyExit(7);
  }
  binding.reallyExit(finalCode);
  return false;
}

module.exports = {
  emitExitOnce,
  emitNaturalExit,
  naturalExitHooks,
  setArrowMessage,
  fatalException,
  printUncaught,
  registerSource,
  setDomainErrorHook,
  setHandlerThrewHook,
};
