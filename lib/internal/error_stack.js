'use strict';
// Gives errors created by user code node's `stack` layout ("Error: msg\n    at
// fn (file:1:2)") on an engine whose stacks read "fn@file:1:2", and emulates
// V8's Error.captureStackTrace / Error.prepareStackTrace / CallSite API, which
// npm packages (depd, source-map-support...) rely on.
//
// The global error constructors are replaced by Proxies of themselves whose
// construct/apply traps rewrite the new error's stack. Errors the engine throws
// by itself (a TypeError from `null.x`) keep the engine's layout; printers and
// util.inspect convert those when they show them.

const kNativeFrame = '[native code]';
// Internal files whose frames at the top of a new error's stack are the
// machinery that made the error, not where the user's code failed.
const hiddenTopUrls = ['node:internal/error_stack', 'node:internal/errors'];
const kIsNodeError = Symbol.for('nodejs.isNodeError');
const kHiddenNatives = new Set(['apply', 'call', 'construct', 'bind']);
// Files compiled inside a one-line wrapper (CommonJS): url -> the wrapper's
// length, taken off first-line columns so they match the file.
const wrapperOffsets = new Map();

// "name@url:line:col" -> { name, url, line, col } (line/col undefined when unknown)
function parseFrame(line) {
  const at = line.indexOf('@');
  if (at === -1) return null;
  let name = line.slice(0, at);
  let rest = line.slice(at + 1);
  if (name === 'global code' || name === 'module code' || name === 'eval code') name = '';
  const m = /^(.*):(\d+):(\d+)$/.exec(rest);
  if (m) return { name, url: m[1], line: +m[2], col: +m[3] };
  return { name, url: rest, line: undefined, col: undefined };
}

function formatFrame(f) {
  if (f.url === kNativeFrame) return `    at ${f.name || '<anonymous>'} (native)`;
  const loc = f.line === undefined ? (f.url || '<anonymous>') : `${f.url}:${f.line}:${f.col}`;
  if (!f.name) return f.moduleTop ? `    at Object.<anonymous> (${loc})` : `    at ${loc}`;
  return `    at ${f.name} (${loc})`;
}

class CallSite {
  constructor(f) { this._f = f; }
  getThis() { return undefined; }
  getTypeName() { return null; }
  getFunction() { return undefined; }
  getFunctionName() { return this._f.name || null; }
  getMethodName() { return null; }
  getFileName() { return this._f.url === kNativeFrame ? undefined : (this._f.url || undefined); }
  getLineNumber() { return this._f.line ?? null; }
  getColumnNumber() { return this._f.col ?? null; }
  getEvalOrigin() { return undefined; }
  getScriptNameOrSourceURL() { return this.getFileName(); }
  getScriptHash() { return ''; }
  getEnclosingColumnNumber() { return null; }
  getEnclosingLineNumber() { return null; }
  getPosition() { return 0; }
  getPromiseIndex() { return null; }
  isToplevel() { return !this._f.name; }
  isEval() { return false; }
  isNative() { return this._f.url === kNativeFrame; }
  isConstructor() { return false; }
  isAsync() { return false; }
  isPromiseAll() { return false; }
  toString() { return formatFrame(this._f).slice(7); }
}

function isHiddenTopFrame(line) {
  if (line.endsWith(`@${kNativeFrame}`)) return true;
  for (let k = 0; k < hiddenTopUrls.length; k++) {
    if (line.includes(`@${hiddenTopUrls[k]}:`)) return true;
  }
  return false;
}

function parseFrames(raw, skipSelf) {
  if (typeof raw !== 'string' || raw === '') return [];
  const out = [];
  const lines = raw.split('\n');
  let i = 0;
  if (skipSelf) {
    while (i < lines.length && isHiddenTopFrame(lines[i])) i++;
  }
  for (; i < lines.length; i++) {
    const f = parseFrame(lines[i]);
    if (f === null) continue;
    // V8 shows no frame for the engine's own call helpers.
    if (f.url === kNativeFrame && kHiddenNatives.has(f.name)) continue;
    if (f.line === 1 && f.col !== undefined) {
      const offset = wrapperOffsets.get(f.url);
      if (offset !== undefined && f.col > offset) f.col -= offset;
    }
    out.push(f);
  }
  // A CommonJS module's top-level code runs in its wrapper function, called
  // by the loader's _compile: V8 names that frame `Object.<anonymous>`.
  for (let k = 0; k + 1 < out.length; k++) {
    const next = out[k + 1];
    if (out[k].name === '' && next.name === '_compile' &&
        next.url === 'node:internal/modules/cjs/loader') {
      out[k].moduleTop = true;
    }
  }
  return out;
}

const ErrorPrototypeToString = Error.prototype.toString;
function headerOf(err) {
  try {
    if (err[kIsNodeError] === true && typeof err.code === 'string') {
      return `${err.name} [${err.code}]: ${err.message}`;
    }
    return Reflect.apply(ErrorPrototypeToString, err, []);
  } catch {
    return 'Error';
  }
}

function buildStack(err, frames) {
  const prepare = OriginalError.prepareStackTrace ?? ErrorProxy.prepareStackTrace;
  if (typeof prepare === 'function') {
    return prepare(err, frames.map((f) => new CallSite(f)));
  }
  let s = headerOf(err);
  for (let i = 0; i < frames.length; i++) s += `\n${formatFrame(frames[i])}`;
  return s;
}

// Like V8, the stack string is made on first read, so a name or message set
// after construction shows in its header.
function defineLazyStack(err, frames) {
  let value;
  let made = false;
  Object.defineProperty(err, 'stack', {
    __proto__: null,
    get() {
      if (!made) {
        made = true;
        value = buildStack(err, frames);
      }
      return value;
    },
    set(v) {
      made = true;
      value = v;
    },
    enumerable: false,
    configurable: true,
  });
}

// The descriptor has no prototype: a `get` or `set` added to Object.prototype must not turn
// it into an accessor descriptor.
function defineLoc(err, key, value) {
  Object.defineProperty(err, key, {
    __proto__: null, value, writable: true, enumerable: false, configurable: true,
  });
}

// `limit` (optional) is the Error.stackTraceLimit the caller saw: the traps below capture a
// few extra frames for themselves and the engine's helpers, then keep that many.
function fixStack(err, limit) {
  if (err === null || typeof err !== 'object') return err;
  const desc = Object.getOwnPropertyDescriptor(err, 'stack');
  if (desc === undefined || typeof desc.value !== 'string') return err;
  const frames = parseFrames(desc.value, true);
  if (typeof limit === 'number' && frames.length > limit) frames.length = limit > 0 ? limit : 0;
  defineLazyStack(err, frames);
  // The engine's own location properties point into the trap: move them to
  // where the error was created (the uncaught-error printer reads them).
  const top = frames[0];
  if (top !== undefined && top.line !== undefined) {
    defineLoc(err, 'sourceURL', top.url);
    defineLoc(err, 'line', top.line);
    defineLoc(err, 'column', top.col);
  }
  return err;
}

const OriginalError = globalThis.Error;
// Frames the construct/apply traps add above the caller's (the trap itself, Reflect.construct
// and the engine's own constructor frames), with room to spare.
const kTrapFrames = 4;
const originalCapture = OriginalError.captureStackTrace;
let ErrorProxy;

function wrapConstructor(Ctor) {
  const proxy = new Proxy(Ctor, {
    __proto__: null,
    construct(target, args, newTarget) {
      const limit = OriginalError.stackTraceLimit;
      if (typeof limit === 'number') OriginalError.stackTraceLimit = limit + kTrapFrames;
      let err;
      try {
        err = Reflect.construct(target, args, newTarget === proxy ? target : newTarget);
      } finally {
        if (typeof limit === 'number') OriginalError.stackTraceLimit = limit;
      }
      fixStack(err, limit);
      return err;
    },
    apply(target, thisArg, args) {
      const limit = OriginalError.stackTraceLimit;
      if (typeof limit === 'number') OriginalError.stackTraceLimit = limit + kTrapFrames;
      let err;
      try {
        err = Reflect.construct(target, args);
      } finally {
        if (typeof limit === 'number') OriginalError.stackTraceLimit = limit;
      }
      fixStack(err, limit);
      return err;
    },
    getPrototypeOf(target) {
      return target === OriginalError ? Reflect.getPrototypeOf(target) : ErrorProxy;
    },
  });
  Object.defineProperty(Ctor.prototype, 'constructor', {
    __proto__: null,
    value: proxy, writable: true, enumerable: false, configurable: true,
  });
  return proxy;
}

function captureStackTrace(obj, fn) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
    throw new TypeError('Invalid argument');
  }
  originalCapture(obj, typeof fn === 'function' ? fn : captureStackTrace);
  defineLazyStack(obj, parseFrames(obj.stack, true));
}

// Objects whose prototype was set to null -> the name of the constructor that
// made them, which V8 keeps in the object's map and util.inspect shows.
const nullProtoNames = new WeakMap();
function rememberConstructor(obj) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return;
  const proto = Object.getPrototypeOf(obj);
  if (proto === null || proto === Object.prototype) return;
  const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
  const ctor = desc?.value;
  if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '') {
    nullProtoNames.set(obj, ctor.name);
  }
}

// The engine keeps the prototype of a global object (the main one, a vm
// context's) immutable to JS; V8 does not, and jsdom sets a vm context's. A
// global's prototype is an empty object of its own whose prototype is
// Object.prototype: that object's prototype becomes proto instead, so lookups
// through the global see proto's properties as in node (getPrototypeOf still
// returns the empty object). True when obj is such a global.
function setGlobalPrototype(obj, proto) {
  if (obj === null || typeof obj !== 'object' || (proto !== null && typeof proto !== 'object' &&
      typeof proto !== 'function')) {
    return false;
  }
  if (internalBinding('contextify').realmGlobal(obj) !== obj) return false;
  const inner = Object.getPrototypeOf(obj);
  if (inner === null || Object.getOwnPropertyNames(inner).length !== 0 ||
      Object.getPrototypeOf(inner) === null) {
    return false;
  }
  Reflect.setPrototypeOf(inner, proto);
  return Object.getPrototypeOf(inner) === proto;
}

// `stackTraceLimit` is the --stack-trace-limit option (a string) when given.
function install(stackTraceLimit) {
  const originalSetPrototypeOf = Object.setPrototypeOf;
  Object.defineProperty(Object, 'setPrototypeOf', {
    __proto__: null,
    value: function setPrototypeOf(obj, proto) {
      if (proto === null) rememberConstructor(obj);
      try {
        return originalSetPrototypeOf(obj, proto);
      } catch (err) {
        if (setGlobalPrototype(obj, proto)) return obj;
        throw err;
      }
    },
    writable: true, enumerable: false, configurable: true,
  });
  const originalReflectSet = Reflect.setPrototypeOf;
  Object.defineProperty(Reflect, 'setPrototypeOf', {
    __proto__: null,
    value: function setPrototypeOf(obj, proto) {
      if (proto === null) rememberConstructor(obj);
      return originalReflectSet(obj, proto);
    },
    writable: true, enumerable: false, configurable: true,
  });
  // V8 keeps 10 frames; the engine's default is 100.
  const limit = stackTraceLimit === undefined ? NaN : Number(stackTraceLimit);
  OriginalError.stackTraceLimit = Number.isNaN(limit) ? 10 : limit;
  ErrorProxy = wrapConstructor(OriginalError);
  OriginalError.captureStackTrace = captureStackTrace;
  const names = ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError',
    'URIError', 'AggregateError'];
  globalThis.Error = ErrorProxy;
  for (const name of names) {
    const Ctor = globalThis[name];
    if (typeof Ctor === 'function') globalThis[name] = wrapConstructor(Ctor);
  }
}

// Converts a stack the engine wrote (no header, JSC frames) to node's layout.
function toNodeStack(err, raw) {
  if (typeof raw !== 'string') return raw;
  if (raw.includes('\n    at ') || raw.startsWith('    at ')) return raw;
  return buildStack(err, parseFrames(raw, false));
}

module.exports = { install, nullProtoNames, fixStack, toNodeStack, parseFrames, CallSite, wrapperOffsets, kIsNodeError };
