'use strict';
// node:vm on JavaScriptCore. A context is a new global object in the main
// context's group (so objects pass freely between them) with its own
// builtins; its globals forward to the contextified "sandbox" object (see
// src/binding/contextify.c). Scripts are kept as source and evaluated by the
// engine in the target context; timeouts are in internal/vm.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_SCRIPT_EXECUTION_TIMEOUT,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');

const binding = internalBinding('contextify');

const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
const ReflectApply = Reflect.apply;
const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;

// Called by the binding with its callbacks bypassed (so the checks below see the
// global's real properties): gives a context's global accessors that forward
// the sandbox's symbol-keyed properties, all of them or those described by
// `description`. The engine hands the global's callbacks a symbol key as its
// description, so they can only forward string keys.
function mirrorSymbols(global, sandbox, description) {
  const symbols = ObjectGetOwnPropertySymbols(sandbox);
  for (let i = 0; i < symbols.length; i++) {
    const sym = symbols[i];
    if (description !== undefined && sym.description !== description) continue;
    if (ReflectApply(ObjectPrototypeHasOwnProperty, global, [sym])) continue;
    ObjectDefineProperty(global, sym, {
      __proto__: null,
      get() { return sandbox[sym]; },
      set(value) { sandbox[sym] = value; },
      enumerable: false,
      configurable: true,
    });
  }
}

// A stand-in for a Proxy in a global's prototype chain (see makeStandIn in the
// binding): its own properties are the proxy's.
function standInHas(proxy, name) {
  return ReflectGetOwnPropertyDescriptor(proxy, name) !== undefined;
}

function standInGet(proxy, name) {
  const desc = ReflectGetOwnPropertyDescriptor(proxy, name);
  if (desc === undefined) return undefined;
  if ('value' in desc) return desc.value;
  return desc.get === undefined ? undefined : ReflectApply(desc.get, proxy, []);
}

binding.setHelpers(mirrorSymbols, standInHas, standInGet, ObjectPrototypeHasOwnProperty);

let isProxy;

// Replaces each Proxy in the prototype chain of a context's global with a
// stand-in; returns whether it replaced one.
function replaceProxiesInChain(global) {
  isProxy ??= require('internal/util/types').isProxy;
  let replaced = false;
  let o = global;
  for (let depth = 0; depth < 10000; depth++) {
    const p = Reflect.getPrototypeOf(o);
    if (p === null) break;
    if (isProxy(p)) {
      const standIn = binding.makeStandIn(p);
      Reflect.setPrototypeOf(standIn, Reflect.getPrototypeOf(p));
      if (!Reflect.setPrototypeOf(o, standIn)) return replaced;
      replaced = true;
      o = standIn;
    } else {
      o = p;
    }
  }
  return replaced;
}

const kProxyInChain = 'Proxy is not allowed in the global prototype chain.';

// binding.runScript, once more after swapping out proxies the engine refuses to
// find in the global's prototype chain.
function runScriptIn(global, source, filename, line, names) {
  try {
    return binding.runScript(global, source, filename, line, names);
  } catch (err) {
    if (global === null || err === null || typeof err !== 'object' ||
        err.message !== kProxyInChain || err.name !== 'TypeError' ||
        !replaceProxiesInChain(binding.globalOf(global))) {
      throw err;
    }
  }
  return binding.runScript(global, source, filename, line, names);
}

const kValidateObjectAllowObjects = (1 << 1) | (1 << 2);
const kEmptyObject = Object.freeze({ __proto__: null });
const kDefaultFilename = 'evalmachine.<anonymous>';

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

// contextified object (or a DONT_CONTEXTIFY global) -> its context's global
const contexts = new WeakMap();
let contextCounter = 0;
let timeouts;  // internal/vm, loaded on the first timeout

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function lazyBuffer() {
  return require('buffer').Buffer;
}

function validateImportModuleDynamically(value, name) {
  if (value === undefined || value === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
  if (typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'function', value);
  }
}

// import() in a script run with importModuleDynamically:
// USE_MAIN_CONTEXT_DEFAULT_LOADER goes to the ES module loader: the module
// transform (CommonJS mode) turns each import(x) into a call of a hidden global
// that is given the script's number, and so its file, as first argument.
const importReferrers = [];
function withDynamicImport(source, filename) {
  if (!source.includes('import')) return source;
  const r = internalBinding('module_wrap').transform(source, 1);
  if (r.error !== undefined || !r.code.includes(`${r.prefix}import(`)) return source;
  const name = `${r.prefix}import`;
  if (!Object.prototype.hasOwnProperty.call(globalThis, name)) {
    Object.defineProperty(globalThis, name, {
      __proto__: null,
      configurable: true,
      value(id, specifier, options) {
        const esm = require('internal/modules/esm/loader');
        return esm.importFromCJS(specifier, options, importReferrers[id]);
      },
    });
  }
  const path = require('path');
  const id = importReferrers.push(path.resolve(filename)) - 1;
  return r.code.replaceAll(`${name}(`, `${name}(${id}, `);
}

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowObjects);
  return contexts.has(object);
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

// Cached data: a small header V8-style consumers can round-trip. It is accepted
// again for a source of the same length, as V8 does (V8 checks a source hash
// of the length and its flags).
const kCacheMagic = 0x43524e31;  // "CRN1"

function makeCachedData(source) {
  const buf = lazyBuffer().alloc(12);
  buf.writeUInt32LE(kCacheMagic, 0);
  buf.writeUInt32LE(source.length >>> 0, 4);
  buf.writeUInt32LE(cachedDataVersionTag(), 8);
  return buf;
}

function cachedDataMatches(data, source) {
  if (data.byteLength !== 12) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return view.getUint32(0, true) === kCacheMagic &&
    view.getUint32(4, true) === (source.length >>> 0) &&
    view.getUint32(8, true) === cachedDataVersionTag();
}

function cachedDataVersionTag() {
  return 0x6361726e;
}

const reSourceMap = /\/[*/][#@]\s*sourceMappingURL\s*=\s*(\S+?)\s*(?:\*\/\s*)?$/;

function sourceMapURLOf(code) {
  // Only a magic comment on one of the last lines counts, as in V8.
  const tail = code.slice(code.lastIndexOf('\n', code.length - 2) + 1);
  const m = reSourceMap.exec(tail);
  return m ? m[1] : undefined;
}

// Spaces in front of the first line give it the requested column offset (the
// engine's API has no column parameter).
function positioned(code, columnOffset) {
  if (columnOffset > 0 && !code.startsWith('#!')) {
    return ' '.repeat(columnOffset) + code;
  }
  return code;
}

const kSource = Symbol('kSource');
const kFilename = Symbol('kFilename');
const kLine = Symbol('kLine');
const kTimed = Symbol('kTimed');
const kNames = Symbol('kNames');

class Script {
  constructor(code, options = kEmptyObject) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = kDefaultFilename,
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData',
                                     ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    validateImportModuleDynamically(importModuleDynamically, 'options.importModuleDynamically');

    const source = positioned(code, columnOffset);
    const line = lineOffset + 1;
    try {
      binding.checkSyntax(source, filename, line);
    } catch (err) {
      decorateErrorStack(err, source, filename, line);
      throw err;
    }

    Object.defineProperties(this, {
      [kSource]: {
        __proto__: null,
        value: importModuleDynamically === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER ?
          withDynamicImport(source, filename) : source,
      },
      [kFilename]: { __proto__: null, value: filename },
      [kLine]: { __proto__: null, value: line },
      [kTimed]: { __proto__: null, value: undefined, writable: true },
      [kNames]: { __proto__: null, value: undefined, writable: true },
    });
    if (cachedData !== undefined) {
      this.cachedDataRejected = !cachedDataMatches(cachedData, code);
    }
    if (produceCachedData) {
      this.cachedData = makeCachedData(code);
      this.cachedDataProduced = true;
    }
    this.sourceMapURL = sourceMapURLOf(code);
  }

  runInThisContext(options) {
    const { timeout, displayErrors } = getRunOptions(options);
    return run(this, null, timeout, displayErrors);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { timeout, displayErrors } = getRunOptions(options);
    return run(this, contexts.get(contextifiedObject), timeout, displayErrors);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    return makeCachedData(originalCode(this));
  }
}

function originalCode(script) {
  return script[kSource];
}

function getRunOptions(options) {
  if (options === undefined) return kEmptyObject;
  validateObject(options, 'options');
  const {
    displayErrors = true,
    breakOnSigint = false,
    timeout,
  } = options;
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout, displayErrors };
}

function run(script, global, timeout, displayErrors = true) {
  if (!displayErrors) return runTimed(script, global, timeout);
  try {
    return runTimed(script, global, timeout);
  } catch (err) {
    decorateErrorStack(err, script[kSource], script[kFilename], script[kLine]);
    throw err;
  }
}

// Like node's displayErrors: an error thrown by the script's own code gets
// "file:line", the line and a caret in front of its stack.
const decorated = new WeakSet();

function decorateErrorStack(err, source, filename, firstLine) {
  if (err === null || typeof err !== 'object' || decorated.has(err)) return;
  try {
    const { line, column, sourceURL } = err;
    if (sourceURL !== filename || typeof line !== 'number') return;
    const text = source.split('\n')[line - firstLine];
    if (text === undefined) return;
    const raw = err.stack;
    if (typeof raw !== 'string') return;
    let stack = require('internal/error_stack').toNodeStack(err, raw);
    stack = stack.replace(/\n {4}at checkSyntax \(native\)/, '');
    let col = typeof column === 'number' && column > 0 ? column - 1 : 0;
    if (col > text.length) col = text.length - text.trimStart().length;
    const m = /(?:throw\s+)?(?:new\s+)?[\w$.]+\s*$/.exec(text.slice(0, col));
    if (m && text[col] === '(') col = m.index;
    const pad = text.slice(0, col).replace(/[^\t]/g, ' ');
    decorated.add(err);
    err.stack = `${filename}:${line}\n${text.replace(/\r$/, '')}\n${pad}^\n\n${stack}`;
    // The header is in the stack now; the uncaught-error printer must not add
    // its own.
    Object.defineProperty(err, 'sourceURL', {
      __proto__: null, value: undefined, writable: true, enumerable: false, configurable: true,
    });
  } catch {
    // Leave an error whose properties cannot be read as it is.
  }
}

// The names a script declares at top level (var, function), which a context's
// global must route to its sandbox; parsed once per script.
function declaredNames(script, global) {
  if (global === null) return undefined;
  let names = script[kNames];
  if (names === undefined) {
    names = binding.varNames(script[kSource]);
    script[kNames] = names;
  }
  return names;
}

function runTimed(script, global, timeout) {
  const source = script[kSource];
  const filename = script[kFilename];
  const line = script[kLine];
  const names = declaredNames(script, global);
  if (timeout === undefined) {
    return runScriptIn(global, source, filename, line, names);
  }
  timeouts ??= require('internal/vm');
  let timed = script[kTimed];
  if (timed === undefined) {
    timed = timeouts.instrumentLoops(source);
    if (timed !== null && timed !== source) {
      try {
        binding.checkSyntax(timed, filename, line);
      } catch {
        timed = null;
      }
    }
    script[kTimed] = timed ?? source;
    timed = script[kTimed];
  }
  if (timed !== source) timeouts.installTick(binding.globalOf(global));
  const r = timeouts.withTimeout(binding, timeout,
                                 () => runScriptIn(global, timed, filename, line, names));
  if (r.timedOut) throw new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout);
  return r.value;
}

// Evaluated in each new context with a sandbox: properties defined on the
// context's global with Object.defineProperty / defineProperties or
// Reflect.defineProperty inside the context are defined on the sandbox too, as
// node's definer interceptor does (the engine's callbacks do not see defines).
// The hooks are bound functions, which read as native code.
const kDefineHooks = `(function (sandbox) {
  'use strict';
  const global = globalThis;
  const { defineProperty, defineProperties, getOwnPropertyDescriptor } = Object;
  const { apply, defineProperty: reflectDefine, ownKeys } = Reflect;
  const forward = (key, desc) => {
    if (typeof key === 'symbol') return;
    try {
      reflectDefine(sandbox, key, desc);
    } catch {
      // The sandbox refuses (frozen): the global alone has it.
    }
  };
  const hook = (target, name, fn) => {
    const bound = apply(Function.prototype.bind, fn, [undefined]);
    defineProperty(bound, 'name', { __proto__: null, value: name, configurable: true });
    defineProperty(target, name, {
      __proto__: null, value: bound, writable: true, enumerable: false, configurable: true,
    });
  };
  hook(Object, 'defineProperty', function (o, key, desc) {
    const r = defineProperty(o, key, desc);
    if (o === global) forward(key, desc);
    return r;
  });
  hook(Reflect, 'defineProperty', function (o, key, desc) {
    const r = reflectDefine(o, key, desc);
    if (r && o === global) forward(key, desc);
    return r;
  });
  hook(Object, 'defineProperties', function (o, props) {
    const r = defineProperties(o, props);
    if (o === global) {
      const keys = ownKeys(props);
      for (let i = 0; i < keys.length; i++) {
        const d = getOwnPropertyDescriptor(props, keys[i]);
        if (d !== undefined && d.enumerable) forward(keys[i], props[keys[i]]);
      }
    }
    return r;
  });
})`;

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) {
    validateString(contextOptions.name, 'options.contextName');
  }
  if (contextOptions.origin !== undefined) {
    validateString(contextOptions.origin, 'options.contextOrigin');
  }
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) {
      validateBoolean(strings, 'options.contextCodeGeneration.strings');
    }
    if (wasm !== undefined) {
      validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    }
    contextOptions.codeGeneration = { strings, wasm };
  }
  if (options.microtaskMode !== undefined) {
    validateString(options.microtaskMode, 'options.microtaskMode');
  }
  return contextOptions;
}

function createContext(contextObject = {}, options = kEmptyObject) {
  if (contextObject !== constants.DONT_CONTEXTIFY && isContext(contextObject)) {
    return contextObject;
  }
  validateObject(options, 'options');
  const {
    name = `VM Context ${contextCounter}`,
    origin,
    codeGeneration,
    microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  let strings = true;
  if (codeGeneration !== undefined) {
    const { strings: s = true, wasm = true } = codeGeneration;
    validateBoolean(s, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
    strings = s;
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  validateImportModuleDynamically(importModuleDynamically, 'options.importModuleDynamically');
  contextCounter++;

  if (contextObject === constants.DONT_CONTEXTIFY) {
    const global = binding.makeContext(null, name, strings);
    contexts.set(global, global);
    return global;
  }
  const global = binding.makeContext(contextObject, name, strings);
  contexts.set(contextObject, global);
  binding.runScript(global, kDefineHooks, 'node:vm', 1, null)(contextObject);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') {
    options = { filename: options };
  }
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') {
    options = { filename: options };
  }
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, __proto__: null };
  return createScript(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') {
    options = { filename: options };
  }
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = kEmptyObject) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    for (let i = 0; i < params.length; i++) {
      if (typeof params[i] !== 'string') {
        throw new ERR_INVALID_ARG_TYPE(`params[${i}]`, 'string', params[i]);
      }
    }
  } else {
    params = [];
  }
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData,
    produceCachedData = false,
    parsingContext,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE('options.cachedData',
                                   ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  let global = null;
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null ||
        !contexts.has(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
    global = contexts.get(parsingContext);
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  for (let i = 0; i < contextExtensions.length; i++) {
    const ext = contextExtensions[i];
    if (typeof ext !== 'object' || ext === null) {
      throw new ERR_INVALID_ARG_TYPE(`options.contextExtensions[${i}]`, 'object', ext);
    }
  }
  validateImportModuleDynamically(importModuleDynamically, 'options.importModuleDynamically');

  // The parameter list is checked on its own first, so that a body such as
  // "}, function () {" cannot escape the function.
  const paramList = params.join(', ');
  binding.checkSyntax(`(function (${paramList}\n) {})`, filename || kDefaultFilename, 1);
  const exts = contextExtensions.map((_, i) => `with (arguments[${i}]) `).join('');
  // The header shares the body's first line when there is no line above to
  // hold it, so that line numbers stay right.
  let head = `(function () { ${exts}return function (${paramList}) {`;
  let line = lineOffset + 1;
  if (lineOffset >= 1) {
    head += '\n';
    line = lineOffset;
  }
  const source = `${head}${positioned(code, columnOffset)}\n}; })`;
  const name = filename || kDefaultFilename;
  const factory = runScriptIn(global, source, name, line, null);
  const fn = Reflect.apply(factory, undefined, contextExtensions);
  if (line === lineOffset + 1 && global === null) {
    require('internal/error_stack').wrapperOffsets.set(name, head.length);
  }
  if (cachedData !== undefined) {
    fn.cachedDataRejected = !cachedDataMatches(cachedData, code);
  }
  if (produceCachedData) {
    fn.cachedDataProduced = true;
    fn.cachedData = makeCachedData(code);
  }
  return fn;
}

let measureMemoryWarned = false;

function measureMemory(options = kEmptyObject) {
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time',
                        'ExperimentalWarning');
  }
  const stats = binding.heapStatistics() || {};
  const size = (stats.heapSize || 0) + (stats.extraMemorySize || 0);
  const estimate = { jsMemoryEstimate: size, jsMemoryRange: [size, (stats.heapCapacity || 0) + (stats.extraMemorySize || 0)] };
  const result = { total: estimate };
  if (mode === 'detailed') {
    result.current = { ...estimate, jsMemoryRange: [...estimate.jsMemoryRange] };
    result.other = [];
  }
  return Promise.resolve(result);
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};

// vm.Module and its subclasses exist with --experimental-vm-modules only, as in node.
function hasVmModulesFlag() {
  const flag = '--experimental-vm-modules';
  if (process.execArgv.includes(flag)) return true;
  const nodeOptions = process.env.NODE_OPTIONS;
  return typeof nodeOptions === 'string' && nodeOptions.split(/\s+/).includes(flag);
}

if (hasVmModulesFlag()) {
  const { Module, SourceTextModule, SyntheticModule } = require('internal/vm/module');
  module.exports.Module = Module;
  module.exports.SourceTextModule = SourceTextModule;
  module.exports.SyntheticModule = SyntheticModule;
}
