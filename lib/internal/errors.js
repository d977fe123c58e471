'use strict';
// Node's coded errors: `new codes.ERR_X(...args)` gives an error whose name is
// the base class name, whose `code` is 'ERR_X' and whose message is node's.

// The coded errors: lib/internal/errors/codes.js registers them with E(). That
// table is large, and most programs never throw one, so it loads on first use:
// until then `codes.ERR_X` is a stand-in constructor that loads the table and
// builds the real error.
const registered = { __proto__: null };
const stubs = { __proto__: null };
const messages = new Map();
let tableLoaded = false;

function loadTable() {
  if (!tableLoaded) {
    tableLoaded = true;
    require('internal/errors/codes');
  }
}

function realCode(key) {
  loadTable();
  const ctor = registered[key];
  if (ctor === undefined) throw new TypeError(`Unknown error code: ${key}`);
  return ctor;
}

function makeStub(key) {
  const stub = function NodeError(...args) {
    return new (realCode(key))(...args);
  };
  for (const variant of ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'URIError']) {
    Object.defineProperty(stub, variant, {
      __proto__: null,
      get() { return realCode(key)[variant]; },
      configurable: true,
    });
  }
  return stub;
}

const codes = new Proxy(registered, {
  __proto__: null,
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    const ctor = target[key];
    if (ctor !== undefined || tableLoaded) return ctor;
    if (!key.startsWith('ERR_')) return undefined;
    return stubs[key] ??= makeStub(key);
  },
  has(target, key) {
    loadTable();
    return key in target;
  },
  ownKeys(target) {
    loadTable();
    return Reflect.ownKeys(target);
  },
  getOwnPropertyDescriptor(target, key) {
    loadTable();
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
});
const kIsNodeError = Symbol.for('nodejs.isNodeError');

let inspectFn;
function lazyInspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

function formatMessage(self, msg, args) {
  if (typeof msg === 'function') return Reflect.apply(msg, self, args);
  let i = 0;
  return msg.replace(/%[sdjifoO%]/g, (m) => {
    if (m === '%%') return '%';
    const a = args[i++];
    if (m === '%d' || m === '%i') return String(typeof a === 'bigint' ? `${a}n` : Number(a));
    if (m === '%j') return JSON.stringify(a);
    if (m === '%o' || m === '%O') return lazyInspect(a);
    // Objects and bigints format as util.format's %s does.
    if ((typeof a === 'object' && a !== null) || typeof a === 'bigint' ||
        (typeof a === 'number' && a === 0 && 1 / a < 0)) {
      return require('internal/util/inspect').format('%s', a);
    }
    return String(a);
  });
}

function makeNodeErrorWithCode(Base, key) {
  return function NodeError(...args) {
    const limit = Error.stackTraceLimit;
    const error = new Base();
    Error.stackTraceLimit = limit;
    const message = formatMessage(error, messages.get(key), args);
    Object.defineProperties(error, {
      __proto__: null,
      [kIsNodeError]: { __proto__: null, value: true, enumerable: false, writable: false, configurable: true },
      message: { __proto__: null, value: message, enumerable: false, writable: true, configurable: true },
      toString: {
        __proto__: null,
        value() { return `${this.name} [${key}]: ${this.message}`; },
        enumerable: false, writable: true, configurable: true,
      },
    });
    error.code = key;
    return error;
  };
}

function E(sym, val, def, ...otherClasses) {
  messages.set(sym, val);
  if (def === SystemError) {
    registered[sym] = makeSystemErrorWithCode(sym);
    return;
  }
  const ctor = makeNodeErrorWithCode(def, sym);
  for (const clazz of otherClasses) ctor[clazz.name] = makeNodeErrorWithCode(clazz, sym);
  registered[sym] = ctor;
}

function hideStackFrames(fn) {
  return fn;
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object',
  'boolean', 'bigint', 'symbol'];

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint': return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean': return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol': return `type symbol (${String(value)})`;
    case 'function': return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${lazyInspect(value, { depth: -1 })}`;
    case 'string': {
      let s = value;
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      if (s.indexOf("'") === -1) return `type string ('${s}')`;
      return `type string (${JSON.stringify(s)})`;
    }
    default: return `type ${type} (${lazyInspect(value, { colors: false })})`;
  }
}

function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default: return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    if (types.length > 2) {
      const last = types.pop();
      msg += `one of type ${types.join(', ')}, or ${last}`;
    } else if (types.length === 2) {
      msg += `one of type ${types[0]} or ${types[1]}`;
    } else {
      msg += `of type ${types[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      const last = instances.pop();
      msg += `an instance of ${instances.join(', ')}, or ${last}`;
    } else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      const last = other.pop();
      msg += `one of ${other.join(', ')}, or ${last}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}

// Errors for libuv failures: "ENOENT: no such file or directory, open 'x'".
let uvBinding;
function uvErrName(err) {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  if (typeof uvBinding.errName === 'function') return uvBinding.errName(err);
  return `Unknown system error ${err}`;
}
function uvErrMessage(err) {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  if (typeof uvBinding.errMessage === 'function') return uvBinding.errMessage(err);
  return 'unknown error';
}

function UVException(ctx) {
  const code = uvErrName(ctx.errno);
  const desc = uvErrMessage(ctx.errno);
  let message = `${code}: ${ctx.message || desc}, ${ctx.syscall}`;
  let path, dest;
  if (ctx.path) {
    path = ctx.path.toString();
    message += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = ctx.dest.toString();
    message += ` -> '${dest}'`;
  }
  const err = new Error(message);
  for (const prop of Object.keys(ctx)) {
    if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
    err[prop] = ctx[prop];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  return err;
}

// "listen EADDRINUSE: address already in use :::8080" (with libuv's message)
function UVExceptionWithHostPort(err, syscall, address, port) {
  return hostPortError(err, syscall, address, port, `: ${uvErrMessage(err)}`, false);
}

// The two differ in node in the message and in the order of their first keys (what
// util.inspect shows): errno before code for ExceptionWithHostPort, code first otherwise.
function hostPortError(err, syscall, address, port, messageTail, errnoFirst) {
  const code = uvErrName(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const ex = new Error(`${syscall} ${code}${messageTail}${details}`);
  if (errnoFirst) ex.errno = err;
  ex.code = code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

function ErrnoException(err, syscall, original) {
  const code = uvErrName(err);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = new Error(message);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// "connect ECONNREFUSED 127.0.0.1:1" (no message)
function ExceptionWithHostPort(err, syscall, address, port, additional) {
  const ex = hostPortError(err, syscall, address, port, '', true);
  if (additional) ex.message += ` - Local (${additional})`;
  return ex;
}

function genericNodeError(message, props) {
  const err = new Error(message);
  Object.assign(err, props);
  return err;
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

class SystemError extends Error {
  constructor(key, context) {
    loadTable();
    let message = `${messages.get(key)}: ${context.syscall} returned ` +
      `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    super(message);
    this.code = key;
    Object.defineProperty(this, 'info', { value: context, enumerable: true, configurable: true });
    for (const k of ['errno', 'syscall', 'path', 'dest']) {
      if (context[k] !== undefined) {
        Object.defineProperty(this, k, {
          get() { return context[k]; },
          set(v) { context[k] = v; },
          enumerable: true, configurable: true,
        });
      }
    }
    Object.defineProperty(this, 'name', {
      value: 'SystemError', enumerable: false, writable: true, configurable: true,
    });
    Object.defineProperty(this, kIsNodeError, { __proto__: null, value: true, configurable: true });
  }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}

// An AggregateError with node's marks: `code` is its first error's (a happy-eyeballs connect
// that failed on every address).
class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super(errors, message);
    this.code = errors[0]?.code;
  }
  get [kIsNodeError]() { return true; }
  get ['constructor']() { return AggregateError; }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) { super(key, ctx); }
  };
}

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  return desc === undefined ? Object.isExtensible(Error) : desc.writable === true;
}


module.exports = {
  AbortError,
  addNumericalSeparator,
  codes,
  determineSpecificType,
  E,
  ErrnoException,
  ExceptionWithHostPort,
  formatList,
  genericNodeError,
  hideStackFrames,
  invalidArgType,
  isErrorStackTraceLimitWritable,
  lazyInspect,
  kIsNodeError,
  NodeAggregateError,
  makeSystemErrorWithCode,
  SystemError,
  UVException,
  UVExceptionWithHostPort,
  uvErrName,
};
