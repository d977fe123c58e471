'use strict';
// Helpers shared by the library (node's internal/util): promisify,
// deprecate, system error names, small object and function utilities.

const kEmptyObject = Object.freeze({ __proto__: null });
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kEnumerableProperty = { __proto__: null, enumerable: true };
Object.freeze(kEnumerableProperty);

let errorsModule;
function lazyErrors() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule;
}

let validators;
function lazyValidators() {
  if (validators === undefined) validators = require('internal/validators');
  return validators;
}

let uvBinding;
function lazyUv() {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  return uvBinding;
}

// ---- deprecation and experimental warnings ----

const codesWarned = new Set();

// Wraps fn so that its first call emits a DeprecationWarning (once per code
// when a code is given, else once per wrapper).
function deprecate(fn, msg, code, useEmitSync) {
  if (code !== undefined) lazyValidators().validateString(code, 'code');
  if (process.noDeprecation === true) {
    return fn;
  }

  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          codesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) {
      return Reflect.construct(fn, args, new.target);
    }
    return Reflect.apply(fn, this, args);
  }

  // Keep fn's statics and prototype chain reachable through the wrapper; node 22 also
  // keeps its length.
  Object.setPrototypeOf(deprecated, fn);
  Object.defineProperty(deprecated, 'length', { __proto__: null, value: fn.length, configurable: true });
  if (fn.prototype) {
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  const msg = `${feature} is an experimental feature and might change at any time`;
  process.emitWarning(msg, 'ExperimentalWarning');
}

// ---- promisify ----

function promisify(original) {
  const { validateFunction } = lazyValidators();
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  // Names for the callback's extra results (used by some core functions
  // whose callback takes more than one value).
  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) {
          return reject(err);
        }
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) {
            obj[argumentNames[i]] = values[i];
          }
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.setPrototypeOf(descriptors[key], null);
  }
  return Object.defineProperties(fn, descriptors);
}

promisify.custom = kCustomPromisifiedSymbol;

// ---- system errors ----

function getSystemErrorName(err) {
  return lazyUv().errName(err);
}

let errorMap;
function getSystemErrorMap() {
  if (errorMap === undefined) errorMap = lazyUv().getErrorMap();
  return errorMap;
}

function getSystemErrorMessage(err) {
  return lazyUv().errMessage(err);
}

// ---- small utilities ----

function isError(e) {
  const types = require('internal/util/types');
  return types.isNativeError(e) || e instanceof Error;
}

function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const last = output.length - 1;
    for (let i = 0; i < last; i++) {
      str += output[i];
      str += separator;
    }
    str += output[last];
  }
  return str;
}

// A faster list.splice(index, 1) for hot paths.
function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Defines getters on target that load `key` from the module `id` on first use.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let lazyLoadedValue;
    function set(value) {
      Object.defineProperty(target, key, {
        __proto__: null, writable: true, value, configurable: true, enumerable,
      });
    }
    Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    function get() {
      mod ??= require(id);
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    descriptors[key] = { __proto__: null, configurable: true, enumerable, get, set };
  }
  Object.defineProperties(target, descriptors);
}

function defineOperation(target, name, method) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: true, configurable: true, value: method,
  });
}

function exposeInterface(target, name, interfaceObject) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true,
    value: interfaceObject,
  });
}

function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}

function setOwnProperty(obj, key, value) {
  return Object.defineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value, writable: true,
  });
}

let DOMExceptionCtor;
function lazyDOMExceptionClass() {
  DOMExceptionCtor ??= globalThis.DOMException ||
    require('internal/per_context/domexception').DOMException;
  return DOMExceptionCtor;
}

function lazyDOMException(message, name) {
  const DOMException = lazyDOMExceptionClass();
  return new DOMException(message, name);
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = item.toLowerCase();
    if (low) {
      map.set(key, key);
    } else {
      map.set(key, item);
    }
  }
  return Array.from(map.values()).sort();
}

// The canonical name of a Buffer encoding, or undefined if unknown.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') {
        return 'utf16le';
      }
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') {
        return 'utf16le';
      }
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' ||
          `${enc}`.toLowerCase() === 'base64url') {
        return 'base64url';
      }
      break;
    default:
      if (enc === '') return 'utf8';
  }
  return undefined;
}

function toUSVString(str) {
  str = `${str}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
                     '\ufffd');
}

function guessHandleType(fd) {
  return internalBinding('util').guessHandleType(fd);
}

function sleep(msec) {
  lazyValidators().validateUint32(msec, 'msec');
  internalBinding('util').sleep(msec);
}

function assertCrypto() {
  // cairn always links OpenSSL.
}

function removeColors(str) {
  return require('internal/util/inspect').stripVTControlCharacters(`${str}`);
}

const isWindows = process.platform === 'win32';
const isMacOS = process.platform === 'darwin';

module.exports = {
  assertCrypto,
  cachedResult,
  createDeferredPromise,
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  defineLazyProperties,
  defineOperation,
  deprecate,
  emitExperimentalWarning,
  exposeInterface,
  exposeLazyInterfaces,
  filterDuplicateStrings,
  getConstructorOf,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  guessHandleType,
  isError,
  isMacOS,
  isWindows,
  join,
  kEmptyObject,
  kEnumerableProperty,
  kIsEncodingSymbol,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  promisify,
  removeColors,
  setOwnProperty,
  sleep,
  spliceOne,
  toUSVString,
};
