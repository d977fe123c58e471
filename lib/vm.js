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

function runTimed(script, global, timeout) {
  const source = script[kSource];
  const filename = script[kFilename];
  const line = script[kLine];
  if (timeout === undefined) {
    return binding.runScript(global, source, filename, line);
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
                                 () => binding.runScript(global, timed, filename, line));
  if (r.timedOut) throw new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout);
  return r.value;
}

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
  const factory = binding.runScript(global, source, name, line);
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
