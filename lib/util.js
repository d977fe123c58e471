'use strict';
// node:util.

const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  deprecate,
  promisify,
  toUSVString,
  getSystemErrorMap: internalGetSystemErrorMap,
  getSystemErrorName: internalGetSystemErrorName,
} = require('internal/util');
const { debuglog } = require('internal/util/debuglog');
const types = require('util/types');

let errors;
function lazyErrors() {
  if (errors === undefined) errors = require('internal/errors');
  return errors;
}

let validators;
function lazyValidators() {
  if (validators === undefined) validators = require('internal/validators');
  return validators;
}

function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isError(e) {
  return types.isNativeError(e) || e instanceof Error ||
    Object.prototype.toString.call(e) === '[object Error]';
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

function isBuffer(arg) {
  return require('buffer').Buffer.isBuffer(arg);
}

function pad(n) {
  return n.toString().padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function timestamp() {
  const d = new Date();
  const t = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

// Logs `26 Feb 16:19:34 - message` to stdout.
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function inherits(ctor, superCtor) {
  const { codes: { ERR_INVALID_ARG_TYPE } } = lazyErrors();
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection would read as success in a callback: wrap it.
  if (!reason) {
    const { codes: { ERR_FALSY_VALUE_REJECTION } } = lazyErrors();
    reason = new ERR_FALSY_VALUE_REJECTION(reason);
  }
  return cb(reason);
}

function callbackify(original) {
  const { validateFunction } = lazyValidators();
  validateFunction(original, 'original');

  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') {
    descriptors.length.value++;
  }
  if (typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.setPrototypeOf(descriptors[key], null);
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function getSystemErrorName(err) {
  lazyValidators().validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    const { codes: { ERR_OUT_OF_RANGE } } = lazyErrors();
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return internalGetSystemErrorName(err);
}

function getSystemErrorMap() {
  return internalGetSystemErrorMap();
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function shouldColorize(stream) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) {
    return force === '' || !(force === '0' || force === 'false');
  }
  if (process.env.NO_COLOR !== undefined || process.env.NODE_DISABLE_COLORS !== undefined) {
    return false;
  }
  try {
    return stream?.isTTY === true &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  } catch {
    return false;
  }
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  const { validateString, validateBoolean, validateOneOf } = lazyValidators();
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  let skipColorize = false;
  if (validateStream) {
    if (stream === null || typeof stream !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = lazyErrors();
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'],
                                     stream);
    }
    skipColorize = !shouldColorize(stream);
  }
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    const codes = inspect.colors[key];
    if (codes == null) {
      validateOneOf(key, 'format', Object.keys(inspect.colors));
    }
    left += `\u001b[${codes[0]}m`;
    right = `\u001b[${codes[1]}m${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}

// Resolves when signal aborts; the listener lives only as long as resource.
async function aborted(signal, resource) {
  const { codes: { ERR_INVALID_ARG_TYPE } } = lazyErrors();
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  const { validateAbortSignal, validateObject, kValidateObjectAllowArray,
          kValidateObjectAllowFunction } = lazyValidators();
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource',
                 (kValidateObjectAllowArray | 0) | (kValidateObjectAllowFunction | 0));
  if (signal.aborted) return;
  const { kWeakHandler, kResistStopPropagation } = require('internal/event_target');
  let resolve;
  const promise = new Promise((res) => {
    resolve = res;
  });
  signal.addEventListener('abort', () => resolve(), {
    __proto__: null,
    once: true,
    [kWeakHandler]: resource,
    [kResistStopPropagation]: true,
  });
  return promise;
}

// Parses the dotenv format: KEY=value lines, `export` prefixes, # comments,
// and single-, double- (with \n escapes) or backtick-quoted values that may
// span lines.
function parseEnv(content) {
  lazyValidators().validateString(content, 'content');
  const result = {};
  const src = content.replace(/\r\n?/g, '\n');
  let i = 0;
  const n = src.length;
  while (i < n) {
    let lineEnd = src.indexOf('\n', i);
    if (lineEnd === -1) lineEnd = n;
    const line = src.slice(i, lineEnd);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed[0] === '#') {
      i = lineEnd + 1;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) {
      i = lineEnd + 1;
      continue;
    }
    let key = line.slice(0, eq).trim();
    if (key.startsWith('export ')) key = key.slice(7).trim();
    if (key === '') {
      i = lineEnd + 1;
      continue;
    }
    let pos = i + eq + 1;
    while (pos < n && (src[pos] === ' ' || src[pos] === '\t')) pos++;
    const q = src[pos];
    if (q === '"' || q === "'" || q === '`') {
      const close = src.indexOf(q, pos + 1);
      if (close !== -1) {
        let value = src.slice(pos + 1, close);
        if (q === '"') value = value.replaceAll('\\n', '\n');
        result[key] = value;
        let next = src.indexOf('\n', close);
        if (next === -1) next = n;
        i = next + 1;
        continue;
      }
    }
    let value = src.slice(pos, lineEnd);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    result[key] = value.trim();
    i = lineEnd + 1;
  }
  return result;
}

module.exports = {
  _errnoException(...args) {
    return new (lazyErrors().ErrnoException)(...args);
  },
  _exceptionWithHostPort(...args) {
    return new (lazyErrors().ExceptionWithHostPort)(...args);
  },
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  transferableAbortSignal(signal) {
    return require('internal/abort_controller').transferableAbortSignal(signal);
  },
  transferableAbortController() {
    return require('internal/abort_controller').transferableAbortController();
  },
  aborted,
  types,
  parseEnv,
  parseArgs(config) {
    return require('internal/util/parse_args').parseArgs(config);
  },
};

function defineLazy(name, load) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const value = load();
      Object.defineProperty(module.exports, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true, value,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true, value,
      });
    },
  });
}

defineLazy('TextDecoder', () => require('internal/encoding').TextDecoder);
defineLazy('TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazy('MIMEType', () => require('internal/mime').MIMEType);
defineLazy('MIMEParams', () => require('internal/mime').MIMEParams);
