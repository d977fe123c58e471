'use strict';
// util.inspect and util.format, producing node's output byte for byte.
// Loadable on its own: console and the uncaught-exception printer use it.

const types = require('internal/util/types');
const {
  isAsyncFunction,
  isGeneratorFunction,
  isAnyArrayBuffer,
  isArrayBuffer,
  isArgumentsObject,
  isBoxedPrimitive,
  isDataView,
  isExternal,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isPromise,
  isSet,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isRegExp,
  isDate,
  isTypedArray,
  isStringObject,
  isNumberObject,
  isBooleanObject,
  isBigIntObject,
} = types;

let binding;
try {
  binding = internalBinding('util');
} catch {
  binding = undefined;
}

const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectKeys = Object.keys;
const ObjectIs = Object.is;
const uncurryThis = (fn) => Function.prototype.call.bind(fn);
const hasOwn = uncurryThis(Object.prototype.hasOwnProperty);
const propertyIsEnumerable = uncurryThis(Object.prototype.propertyIsEnumerable);
const ObjectPrototypeToString = Object.prototype.toString;
const FunctionPrototypeToString = Function.prototype.toString;
const ReflectOwnKeys = Reflect.ownKeys;
const ErrorPrototypeToString = Error.prototype.toString;
const DatePrototypeGetTime = Date.prototype.getTime;
const DatePrototypeToISOString = Date.prototype.toISOString;
const DatePrototypeToString = Date.prototype.toString;
const RegExpPrototypeToString = RegExp.prototype.toString;
const SymbolPrototypeToString = Symbol.prototype.toString;
const SymbolPrototypeValueOf = Symbol.prototype.valueOf;
const NumberPrototypeValueOf = Number.prototype.valueOf;
const StringPrototypeValueOf = String.prototype.valueOf;
const BooleanPrototypeValueOf = Boolean.prototype.valueOf;
const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
const MapPrototypeGetSize = ObjectGetOwnPropertyDescriptor(Map.prototype, 'size').get;
const SetPrototypeGetSize = ObjectGetOwnPropertyDescriptor(Set.prototype, 'size').get;
const MapPrototypeEntries = Map.prototype.entries;
const SetPrototypeValues = Set.prototype.values;
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayPrototypeGetLength =
  ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
const TypedArrayPrototypeGetToStringTag =
  ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const ArrayBufferPrototypeGetByteLength =
  ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const ArrayIsArray = Array.isArray;
const { hasNoNamedProperties } = require('internal/util/shape');
const MathMin = Math.min;
const MathMax = Math.max;
const MathSqrt = Math.sqrt;
const MathRound = Math.round;
const MathFloor = Math.floor;
const MathTrunc = Math.trunc;
const NumberIsNaN = Number.isNaN;
const NumberIsFinite = Number.isFinite;
const JSONStringify = JSON.stringify;
const SymbolIterator = Symbol.iterator;
const SymbolToStringTag = Symbol.toStringTag;
const SymbolToPrimitive = Symbol.toPrimitive;
const StringPrototypePadStart = String.prototype.padStart;
const StringPrototypePadEnd = String.prototype.padEnd;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const inspectDefaultOptions = Object.seal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

const kPending = 0;
const kRejected = 2;

// Strings that need escaping: control characters, the quote in use, the
// backslash, C1 controls and lone surrogates.
const strEscapeSequencesRegExp =
  /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const strEscapeSequencesReplacer =
  /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const strEscapeSequencesRegExpSingle =
  /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const strEscapeSequencesReplacerSingle =
  /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const numberRegExp = /^(0|[1-9][0-9]*)$/;
const coreModuleRegExp = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
const nodeModulesRegExp = /[/\\]node_modules[/\\](.+?)(?=[/\\])/g;
const classRegExp = /^(\s+[^(]*?)\s*{/;
const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

const kMinLineWidth = 16;

// Escaped forms of the characters below 0xa0 (undefined where none is needed).
const meta = [];
for (let i = 0; i < 0xa0; i++) {
  if (i < 0x20 || i >= 0x7f) {
    meta[i] = `\\x${i.toString(16).toUpperCase().padStart(2, '0')}`;
  } else {
    meta[i] = '';
  }
}
meta[8] = '\\b';
meta[9] = '\\t';
meta[10] = '\\n';
meta[12] = '\\f';
meta[13] = '\\r';
meta[39] = "\\'";
meta[92] = '\\\\';

function escapeFn(str) {
  const code = str.charCodeAt(0);
  return code < 0xa0 ? meta[code] : `\\u${code.toString(16)}`;
}

let builtInObjects;
function getBuiltInObjects() {
  if (builtInObjects === undefined) {
    builtInObjects = new Set([
      'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date',
      'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
      'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl',
      'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array',
      'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array',
      'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy',
      'Reflect', 'FinalizationRegistry', 'WeakRef', 'SharedArrayBuffer', 'Atomics',
      'WebAssembly',
    ]);
  }
  return builtInObjects;
}

function getProxyDetails(value, showProxy) {
  if (binding === undefined) return undefined;
  return binding.getProxyDetails(value, showProxy);
}

function getPromiseDetails(promise) {
  if (binding === undefined) return undefined;
  return binding.getPromiseDetails(promise);
}

function isError(e) {
  return isNativeError(e) || e instanceof Error;
}

function isStackOverflowError(err) {
  return err instanceof RangeError && err.message === 'Maximum call stack size exceeded.';
}

// ---- colors ----

const colors = { __proto__: null };
function defineColors() {
  const table = [
    ['reset', 0, 0], ['bold', 1, 22], ['dim', 2, 22], ['italic', 3, 23],
    ['underline', 4, 24], ['blink', 5, 25], ['inverse', 7, 27], ['hidden', 8, 28],
    ['strikethrough', 9, 29], ['doubleunderline', 21, 24], ['black', 30, 39],
    ['red', 31, 39], ['green', 32, 39], ['yellow', 33, 39], ['blue', 34, 39],
    ['magenta', 35, 39], ['cyan', 36, 39], ['white', 37, 39], ['bgBlack', 40, 49],
    ['bgRed', 41, 49], ['bgGreen', 42, 49], ['bgYellow', 43, 49], ['bgBlue', 44, 49],
    ['bgMagenta', 45, 49], ['bgCyan', 46, 49], ['bgWhite', 47, 49], ['framed', 51, 54],
    ['overlined', 53, 55], ['gray', 90, 39], ['redBright', 91, 39],
    ['greenBright', 92, 39], ['yellowBright', 93, 39], ['blueBright', 94, 39],
    ['magentaBright', 95, 39], ['cyanBright', 96, 39], ['whiteBright', 97, 39],
    ['bgGray', 100, 49], ['bgRedBright', 101, 49], ['bgGreenBright', 102, 49],
    ['bgYellowBright', 103, 49], ['bgBlueBright', 104, 49], ['bgMagentaBright', 105, 49],
    ['bgCyanBright', 106, 49], ['bgWhiteBright', 107, 49],
  ];
  for (const [name, on, off] of table) colors[name] = [on, off];
  const aliases = [
    ['gray', 'grey'], ['gray', 'blackBright'], ['bgGray', 'bgGrey'],
    ['bgGray', 'bgBlackBright'], ['dim', 'faint'], ['strikethrough', 'crossedout'],
    ['strikethrough', 'strikeThrough'], ['strikethrough', 'crossedOut'],
    ['hidden', 'conceal'], ['inverse', 'swapColors'], ['inverse', 'swapcolors'],
    ['doubleunderline', 'doubleUnderline'],
  ];
  for (const [target, alias] of aliases) {
    Object.defineProperty(colors, alias, {
      __proto__: null,
      get() {
        return this[target];
      },
      set(value) {
        this[target] = value;
      },
      configurable: true,
      enumerable: false,
    });
  }
}
defineColors();

const styles = Object.assign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) {
      return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
    }
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

// ---- entry points ----

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    // Legacy signature: inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      const optKeys = ObjectKeys(opts);
      for (let i = 0; i < optKeys.length; ++i) {
        const key = optKeys[i];
        if (hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Unknown options are handed to custom inspect functions.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;

Object.defineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    if (options === null || typeof options !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    Object.assign(inspectDefaultOptions, options);
  },
});

inspect.colors = colors;
inspect.styles = styles;

function getUserOptions(ctx, isCrossContext) {
  const ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  if (isCrossContext) {
    Object.setPrototypeOf(ret, null);
    for (const key of ObjectKeys(ret)) {
      if ((typeof ret[key] === 'object' || typeof ret[key] === 'function') && ret[key] !== null) {
        delete ret[key];
      }
    }
    ret.stylize = Object.setPrototypeOf((value, flavour) => {
      let stylized;
      try {
        stylized = `${ctx.stylize(value, flavour)}`;
      } catch {
      }
      if (typeof stylized !== 'string') return value;
      return stylized;
    }, null);
  }
  return ret;
}

// ---- the core ----

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) {
    return ctx.stylize('null', 'null');
  }

  const context = value;
  // Module namespaces are proxies inside cairn; node shows them as namespaces.
  const proxy = isModuleNamespaceObject(value) ? undefined : getProxyDetails(value, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) {
      return ctx.stylize('<Revoked Proxy>', 'special');
    }
    if (ctx.showProxy) {
      return formatProxy(ctx, proxy, recurseTimes);
    }
    value = proxy;
  }

  if (ctx.customInspect) {
    const maybeCustom = value[customInspectSymbol];
    if (typeof maybeCustom === 'function' &&
        maybeCustom !== inspect &&
        // Not for a prototype object such as Foo.prototype.
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = proxy !== undefined || !(context instanceof Object);
      const ret = maybeCustom.call(context, depth, getUserOptions(ctx, isCrossContext), inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') {
          return formatValue(ctx, ret, recurseTimes);
        }
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function isInstanceof(object, proto) {
  try {
    return object instanceof proto;
  } catch {
    return false;
  }
}

// The engine's idea of the class of an object without a usable constructor.
const { nullProtoNames } = require('internal/error_stack');
function internalGetConstructorName(obj) {
  if (typeof obj === 'function') return 'Function';
  if (ArrayIsArray(obj)) return 'Array';
  // V8 remembers which constructor made an object even after its prototype
  // is set to null; cairn records it when that happens (internal/error_stack).
  const remembered = nullProtoNames.get(obj);
  if (remembered !== undefined) return remembered;
  const tag = ObjectPrototypeToString.call(obj);
  const name = tag.slice(8, -1);
  return name === '' ? 'Object' : name;
}

// The name of the first constructor on the prototype chain that value is an
// instance of; null for a null prototype; with a hint of the prototype when
// the chain has no usable constructor.
const kAsyncContextConstructor = Symbol.for('nodejs.internal.asyncContextConstructor');
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const tmp = obj;
  while (obj) {
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    // AsyncLocalStorage turns Promise.prototype.constructor into a getter that
    // carries the real constructor (see internal/async_context).
    const ctor = descriptor?.get?.[kAsyncContextConstructor] ?? descriptor?.value;
    if (descriptor !== undefined &&
        typeof ctor === 'function' &&
        ctor.name !== '' &&
        isInstanceof(tmp, ctor)) {
      if (protoProps !== undefined &&
          (firstProto !== obj || !getBuiltInObjects().has(ctor.name))) {
        addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return String(ctor.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) {
      firstProto = obj;
    }
  }

  if (firstProto === null) {
    return null;
  }

  const res = internalGetConstructorName(tmp);

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return `${res} <Complex prototype>`;
  }

  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);

  if (protoConstr === null) {
    return `${res} <${inspect(firstProto, {
      ...ctx,
      customInspect: false,
      depth: -1,
    })}>`;
  }

  return `${res} <${protoConstr}>`;
}

// Lists the non-function properties of user-defined prototypes (showHidden).
function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
  let depth = 0;
  let keys;
  let keySet;
  do {
    if (depth !== 0 || main === obj) {
      obj = ObjectGetPrototypeOf(obj);
      if (obj === null) {
        return;
      }
      const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined &&
          typeof descriptor.value === 'function' &&
          getBuiltInObjects().has(descriptor.value.name)) {
        return;
      }
    }

    if (depth === 0) {
      keySet = new Set();
    } else {
      for (const key of keys) keySet.add(key);
    }
    keys = ReflectOwnKeys(obj);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' ||
          hasOwn(main, key) ||
          (depth !== 0 && keySet.has(key))) {
        continue;
      }
      const desc = ObjectGetOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') {
        continue;
      }
      const value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
      if (ctx.colors) {
        output.push(`\u001b[2m${value}\u001b[22m`);
      } else {
        output.push(value);
      }
    }
    ctx.seen.pop();
  } while (++depth !== 3);
}

function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) {
      return `[${fallback}${size}: null prototype] [${tag}] `;
    }
    return `[${fallback}${size}: null prototype] `;
  }

  if (tag !== '' && constructor !== tag) {
    return `${constructor}${size} [${tag}] `;
  }
  return `${constructor}${size} `;
}

function isIndexKey(key) {
  if (typeof key !== 'string') return false;
  const len = key.length;
  if (len === 0 || len > 10) return false;
  let c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && len > 1)) return false;
  for (let i = 1; i < len; i++) {
    c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return len < 10 || +key < 4294967295;
}

// Own keys of an array-like object that are not array indices. The engine
// lists index keys first, in ascending order, so a dense prefix is skipped.
function getOwnNonIndexProperties(value, showHidden) {
  // Listing a large array's keys costs a string per index (internal/util/shape).
  if (hasNoNamedProperties(value)) {
    return showHidden && ArrayIsArray(value) ? ['length'] : [];
  }
  const keys = ReflectOwnKeys(value);
  const out = [];
  let i = 0;
  const length = value.length;
  if (typeof length === 'number' && length > 0) {
    const dense = MathMin(length, keys.length);
    if (dense > 0 && isIndexKey(keys[dense - 1])) i = dense;
  }
  for (; i < keys.length; i++) {
    const key = keys[i];
    if (isIndexKey(key)) continue;
    if (!showHidden && !propertyIsEnumerable(value, key)) continue;
    out.push(key);
  }
  return out;
}

function getKeys(value, showHidden) {
  let keys;
  const symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    if (symbols.length !== 0) {
      for (let i = 0; i < symbols.length; i++) keys.push(symbols[i]);
    }
  } else {
    try {
      keys = ObjectKeys(value);
    } catch (err) {
      if (!isModuleNamespaceObject(value)) throw err;
      keys = ObjectGetOwnPropertyNames(value);
    }
    if (symbols.length !== 0) {
      for (let i = 0; i < symbols.length; i++) {
        if (propertyIsEnumerable(value, symbols[i])) keys.push(symbols[i]);
      }
    }
  }
  return keys;
}

// For a null-prototype object, the name V8 would still know it by.
function nullProtoFallback(constructor, value) {
  return constructor === null ? internalGetConstructorName(value) : 'Object';
}

function getCtxName(constructor, tag, fallback) {
  return getPrefix(constructor, tag, fallback);
}

// Formats an object: picks its braces, prefix ("Map(2)", "[class A]") and the
// formatter of its entries by kind, then adds the listed own properties.
function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) {
    protoProps = [];
  }

  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) {
    protoProps = undefined;
  }

  let tag = value[SymbolToStringTag];
  if (typeof tag !== 'string' ||
      (tag !== '' &&
      (ctx.showHidden ? hasOwn : propertyIsEnumerable)(value, SymbolToStringTag))) {
    tag = '';
  }
  let base = '';
  let formatter = getEmptyFormatArray;
  let braces;
  let noIterator = true;
  let i = 0;
  let extrasType = kObjectType;

  if (SymbolIterator in value || constructor === null) {
    noIterator = false;
    if (ArrayIsArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) :
        '';
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) {
        return `${braces[0]}]`;
      }
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (isSet(value)) {
      const size = SetPrototypeGetSize.call(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = constructor !== null ?
        formatSet.bind(null, value) :
        formatSet.bind(null, SetPrototypeValues.call(value));
      if (size === 0 && keys.length === 0 && protoProps === undefined) {
        return `${prefix}{}`;
      }
      braces = [`${prefix}{`, '}'];
    } else if (isMap(value)) {
      const size = MapPrototypeGetSize.call(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = constructor !== null ?
        formatMap.bind(null, value) :
        formatMap.bind(null, MapPrototypeEntries.call(value));
      if (size === 0 && keys.length === 0 && protoProps === undefined) {
        return `${prefix}{}`;
      }
      braces = [`${prefix}{`, '}'];
    } else if (isTypedArray(value)) {
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      let bound = value;
      let fallback = '';
      if (constructor === null) {
        fallback = TypedArrayPrototypeGetToStringTag.call(value);
        bound = new globalThis[fallback](value);
      }
      const size = TypedArrayPrototypeGetLength.call(value);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) {
        return `${braces[0]}]`;
      }
      formatter = formatTypedArray.bind(null, bound, size);
      extrasType = kArrayExtrasType;
    } else if (isMapIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Map', tag);
      formatter = formatIterator.bind(null, braces);
    } else if (isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Set', tag);
      formatter = formatIterator.bind(null, braces);
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) {
        return ctx.stylize(base, 'special');
      }
    } else if (constructor === 'Object') {
      if (isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined) {
        return `${braces[0]}}`;
      }
    } else if (isRegExp(value)) {
      base = RegExpPrototypeToString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') {
        base = `${prefix}${base}`;
      }
      if ((keys.length === 0 && protoProps === undefined) ||
          (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (isDate(value)) {
      if (NumberIsNaN(DatePrototypeGetTime.call(value))) {
        base = DatePrototypeToString.call(value);
      } else {
        base = DatePrototypeToISOString.call(value);
      }
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') {
        base = `${prefix}${base}`;
      }
      if (keys.length === 0 && protoProps === undefined) {
        return ctx.stylize(base, 'date');
      }
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) {
        return base;
      }
    } else if (isAnyArrayBuffer(value)) {
      const arrayType = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return prefix +
              `{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
    } else if (isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
    } else if (isModuleNamespaceObject(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      formatter = formatNamespaceObject.bind(null, keys);
    } else if (isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) {
        return base;
      }
    } else {
      if (keys.length === 0 && protoProps === undefined) {
        if (isExternal(value)) {
          return ctx.stylize('[External: <address>]', 'special');
        }
        return `${getCtxName(constructor, tag, nullProtoFallback(constructor, value))}{}`;
      }
      braces[0] = `${getCtxName(constructor, tag, nullProtoFallback(constructor, value))}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let constructorName = getCtxName(constructor, tag, 'Object').slice(0, -1);
    if (constructor !== null) {
      constructorName = `[${constructorName}]`;
    }
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    if (protoProps !== undefined) {
      for (let j = 0; j < protoProps.length; j++) output.push(protoProps[j]);
    }
  } catch (err) {
    const constructorName = getCtxName(constructor, tag, 'Object').slice(0, -1);
    return handleMaxCallStackSize(ctx, err, constructorName, indentationLvl);
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces[0] = `${reference} ${braces[0]}`;
      }
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output = output.sort(comparator);
    } else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }

  const res = reduceToSingleString(
    ctx, output, base, braces, extrasType, recurseTimes, value);
  // Output accumulated per indentation level: past 2 ** 27 characters the
  // remaining values are only summarized, so huge graphs stay printable.
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) {
    ctx.depth = -1;
  }
  return res;
}

function getIteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let fn;
  let type;
  if (isNumberObject(value)) {
    fn = NumberPrototypeValueOf;
    type = 'Number';
  } else if (isStringObject(value)) {
    fn = StringPrototypeValueOf;
    type = 'String';
    keys.splice(0, value.length);
  } else if (isBooleanObject(value)) {
    fn = BooleanPrototypeValueOf;
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    fn = BigIntPrototypeValueOf;
    type = 'BigInt';
  } else {
    fn = SymbolPrototypeValueOf;
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) {
      base += ' (null prototype)';
    } else {
      base += ` (${constructor})`;
    }
  }
  base += `: ${formatPrimitive(stylizeNoColor, fn.call(value), ctx)}]`;
  if (tag !== '' && tag !== constructor) {
    base += ` [${tag}]`;
  }
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

function getClassBase(value, constructor, tag) {
  const hasName = hasOwn(value, 'name');
  const name = (hasName && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) {
    base += ` [${constructor}]`;
  }
  if (tag !== '' && constructor !== tag) {
    base += ` [${tag}]`;
  }
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) {
      base += ` extends ${superName}`;
    }
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(value, constructor, tag) {
  let stringified;
  try {
    stringified = FunctionPrototypeToString.call(value);
  } catch {
    stringified = '';
  }
  if (stringified.startsWith('class') && stringified.endsWith('}')) {
    const slice = stringified.slice(5, -1);
    const bracketIndex = slice.indexOf('{');
    if (bracketIndex !== -1 &&
        (!slice.slice(0, bracketIndex).includes('(') ||
          classRegExp.exec(slice.replace(stripCommentsRegExp, '')) !== null)
    ) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (isGeneratorFunction(value)) {
    type = `Generator${type}`;
  }
  if (isAsyncFunction(value)) {
    type = `Async${type}`;
  }
  let base = `[${type}`;
  if (constructor === null) {
    base += ' (null prototype)';
  }
  if (value.name === '') {
    base += ' (anonymous)';
  } else {
    base += `: ${value.name}`;
  }
  base += ']';
  if (constructor !== type && constructor !== null) {
    base += ` ${constructor}`;
  }
  if (tag !== '' && constructor !== tag) {
    base += ` [${tag}]`;
  }
  return base;
}

// ---- errors ----

// A stack frame as JavaScriptCore writes it: `name@url:line:column`.
const jscFrameRegExp = /^[^\n@]*@(?:|\[native code\]|[^\n]*:\d+:\d+)$/;

function convertJscFrame(line) {
  const at = line.lastIndexOf('@', line.length - 1);
  let name = line.slice(0, at);
  // Names never contain '@' in practice, but URLs can; split at the first one.
  const first = line.indexOf('@');
  if (first !== at) name = line.slice(0, first);
  const url = line.slice(name.length + 1);
  if (name === 'global code' || name === 'module code' || name === 'eval code') name = '';
  if (url === '[native code]') return `    at ${name || '<anonymous>'} (native)`;
  if (url === '') return `    at ${name || '<anonymous>'} (<anonymous>)`;
  if (name === '') return `    at ${url}`;
  return `    at ${name} (${url})`;
}

// Turns a stack of JavaScriptCore frames (with or without a message header)
// into V8's layout. A stack that already has V8 frames is returned as is.
function toV8Stack(err, stack) {
  if (stack.includes('\n    at ')) return stack;
  const lines = stack.split('\n');
  let start = lines.length;
  while (start > 0 && jscFrameRegExp.test(lines[start - 1])) start--;
  if (start === lines.length) return stack;
  let header;
  if (start === 0) {
    try {
      header = ErrorPrototypeToString.call(err);
    } catch {
      header = 'Error';
    }
  } else {
    header = lines.slice(0, start).join('\n');
  }
  let out = header;
  for (let i = start; i < lines.length; i++) out += `\n${convertJscFrame(lines[i])}`;
  return out;
}

function getStackString(error) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    stack = undefined;
  }
  if (stack) {
    stack = String(stack);
    return toV8Stack(error, stack);
  }
  try {
    return ErrorPrototypeToString.call(error);
  } catch {
    return 'Error';
  }
}

// The frame lines of a stack; frames repeated from the cause's stack are
// folded into one `... n lines matching cause stack trace ...` line.
function getStackFrames(ctx, err, stack) {
  const frames = stack.split('\n');

  let cause;
  try {
    ({ cause } = err);
  } catch {
  }

  if (cause != null && isError(cause)) {
    const causeStack = getStackString(cause);
    const causeStackStart = causeStack.indexOf('\n    at');
    if (causeStackStart !== -1) {
      const causeFrames = causeStack.slice(causeStackStart + 1).split('\n');
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

// The longest run (more than 3 lines) of a that also appears in b.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = MathMin(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) {
          len++;
        }
        if (len > 3) {
          return { len, offset: i };
        }
      }
    }
  }

  return { len: 0, offset: 0 };
}

// Makes the first line of a regular-looking stack name the class and the
// Symbol.toStringTag when they differ from the error's name.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;

  if (constructor === null ||
      (name.endsWith('Error') &&
       stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        if (len === 0) {
          stack = `${prefix}: ${stack}`;
        } else {
          stack = `${prefix}${stack.slice(len)}`;
        }
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

// Drops own name/message/stack keys whose values the printed stack shows.
function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (!ctx.showHidden && keys.length !== 0) {
    for (const name of ['name', 'message', 'stack']) {
      const index = keys.indexOf(name);
      if (index === -1) continue;
      const value = err[name];
      // A stack in the engine's own layout was shown converted.
      if (stack.includes(value) ||
          (name === 'stack' && typeof value === 'string' && toV8Stack(err, value) === stack)) {
        keys.splice(index, 1);
      }
    }
  }
}

function markNodeModules(ctx, line) {
  let tempLine = '';
  let nodeModule;
  let pos = 0;
  nodeModulesRegExp.lastIndex = 0;
  while ((nodeModule = nodeModulesRegExp.exec(line)) !== null) {
    tempLine += line.slice(pos, nodeModule.index + 14);
    tempLine += ctx.stylize(nodeModule[1], 'module');
    pos = nodeModule.index + nodeModule[0].length;
  }
  if (pos !== 0) {
    line = tempLine + line.slice(pos);
  }
  return line;
}

// Node's builtin module ids: stack frames in them are grayed out.
const builtinIds = new Set([
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
  '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
  '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap',
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
  'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
  'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises',
  'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
  'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
  'wasi', 'worker_threads', 'zlib',
  // Internal modules that show up in node's own stack traces.
  'internal/main/run_main_module', 'internal/modules/cjs/loader', 'internal/modules/helpers',
  'internal/modules/run_main', 'internal/modules/esm/loader', 'internal/modules/esm/module_job',
  'internal/modules/esm/translators', 'internal/process/task_queues', 'internal/timers',
  'internal/process/execution', 'internal/errors', 'internal/util', 'internal/validators',
  'internal/event_target', 'internal/streams/readable', 'internal/streams/writable',
]);
let builtinIdsComplete = false;
function isBuiltinModuleId(id) {
  if (!builtinIdsComplete) {
    builtinIdsComplete = true;
    try {
      for (const name of internalBinding('builtins').list()) builtinIds.add(name);
    } catch {
      // Only the public ids are known.
    }
  }
  return builtinIds.has(id);
}

function safeGetCwd() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

function pathToFileUrlHref(path) {
  try {
    return require('url').pathToFileURL(path).href;
  } catch {
    let out = 'file://';
    for (const ch of path) {
      const c = ch.codePointAt(0);
      if (c <= 0x20 || c === 0x22 || c === 0x23 || c === 0x25 || c === 0x3c || c === 0x3e ||
          c === 0x3f || c === 0x5c || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7c ||
          c === 0x7d || c >= 0x7f) {
        try {
          out += encodeURIComponent(ch);
        } catch {
          out += '%EF%BF%BD';
        }
      } else {
        out += ch;
      }
    }
    return out;
  }
}

// Grays out the working directory (and an opening parenthesis before it,
// with the matching closing one) in a stack frame line.
function markCwd(ctx, line, cwd) {
  let start = line.indexOf(cwd);
  if (start === -1) return line;
  let cwdLength = cwd.length;
  if (line.slice(start - 7, start) === 'file://') {
    cwdLength += 7;
    start -= 7;
  }
  const from = line[start - 1] === '(' ? start - 1 : start;
  const to = from !== start && line.endsWith(')') ? -1 : line.length;
  const cwdEnd = start + cwdLength + 1;
  let out = line.slice(0, from);
  out += ctx.stylize(line.slice(from, cwdEnd), 'undefined');
  out += line.slice(cwdEnd, to);
  if (to === -1) out += ctx.stylize(')', 'undefined');
  return out;
}

function formatError(err, constructor, tag, ctx, keys) {
  let name;
  let message;
  try {
    name = err.name != null ? String(err.name) : 'Error';
  } catch {
    name = 'Error';
  }
  try {
    message = err.message;
  } catch {
    message = undefined;
  }
  let stack = getStackString(err);

  removeDuplicateErrorKeys(ctx, keys, err, stack);

  if ('cause' in err &&
      (keys.length === 0 || !keys.includes('cause'))) {
    keys.push('cause');
  }

  try {
    if (ArrayIsArray(err.errors) &&
        (keys.length === 0 || !keys.includes('errors'))) {
      keys.push('errors');
    }
  } catch {
    // A throwing getter: leave it out.
  }

  stack = improveStack(stack, constructor, name, tag);

  let pos = (message && typeof message === 'string' && stack.indexOf(message)) || -1;
  if (pos !== -1) pos += message.length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    let newStack = stack.slice(0, stackStart);
    const stackFramePart = stack.slice(stackStart + 1);
    const lines = getStackFrames(ctx, err, stackFramePart);
    if (ctx.colors) {
      // Gray out frames of builtin modules and the working directory;
      // underline package names.
      const cwd = safeGetCwd();
      let cwdUrl;
      for (let line of lines) {
        const core = coreModuleRegExp.exec(line);
        if (core !== null && isBuiltinModuleId(core[1])) {
          newStack += `\n${ctx.stylize(line, 'undefined')}`;
          continue;
        }
        line = markNodeModules(ctx, line);
        if (cwd !== undefined) {
          let marked = markCwd(ctx, line, cwd);
          if (marked === line) {
            cwdUrl ??= pathToFileUrlHref(cwd);
            marked = markCwd(ctx, line, cwdUrl);
          }
          line = marked;
        }
        newStack += `\n${line}`;
      }
    } else {
      newStack += `\n${lines.join('\n')}`;
    }
    stack = newStack;
  }
  if (ctx.indentationLvl !== 0) {
    const indentation = ' '.repeat(ctx.indentationLvl);
    stack = stack.replaceAll('\n', `\n${indentation}`);
  }
  return stack;
}

// ---- numbers ----

function addNumericSeparator(integerString) {
  let result = '';
  let i = integerString.length;
  const start = integerString.startsWith('-') ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    result = `_${integerString.slice(i - 3, i)}${result}`;
  }
  return i === integerString.length ?
    integerString :
    `${integerString.slice(0, i)}${result}`;
}

function addNumericSeparatorEnd(integerString) {
  let result = '';
  let i = 0;
  for (; i < integerString.length - 3; i += 3) {
    result += `${integerString.slice(i, i + 3)}_`;
  }
  return i === 0 ?
    integerString :
    `${result}${integerString.slice(i)}`;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (ObjectIs(number, -0)) {
      return fn('-0', 'number');
    }
    return fn(`${number}`, 'number');
  }
  const integer = MathTrunc(number);
  const string = String(integer);
  if (integer === number) {
    if (!NumberIsFinite(number) || string.includes('e')) {
      return fn(string, 'number');
    }
    return fn(`${addNumericSeparator(string)}`, 'number');
  }
  if (NumberIsNaN(number)) {
    return fn(string, 'number');
  }
  const full = String(number);
  if (full.includes('e')) return fn(full, 'number');
  const dot = full.indexOf('.');
  return fn(`${addNumericSeparator(full.slice(0, dot))}.${
    addNumericSeparatorEnd(full.slice(dot + 1))}`, 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const string = String(bigint);
  if (!numericSeparator) {
    return fn(`${string}n`, 'bigint');
  }
  return fn(`${addNumericSeparator(string)}n`, 'bigint');
}

// ---- strings ----

function addQuotes(str, quotes) {
  if (quotes === -1) {
    return `"${str}"`;
  }
  if (quotes === -2) {
    return `\`${str}\``;
  }
  return `'${str}'`;
}

// Escapes control characters, quotes and the backslash, choosing the quote
// that needs the least escaping (single, then double, then backtick).
function strEscape(str) {
  let escapeTest = strEscapeSequencesRegExp;
  let escapeReplace = strEscapeSequencesReplacer;
  let singleQuote = 39;

  if (str.includes("'")) {
    if (!str.includes('"')) {
      singleQuote = -1;
    } else if (!str.includes('`') && !str.includes('${')) {
      singleQuote = -2;
    }
    if (singleQuote !== 39) {
      escapeTest = strEscapeSequencesRegExpSingle;
      escapeReplace = strEscapeSequencesReplacerSingle;
    }
  }

  if (str.length < 5000 && escapeTest.exec(str) === null) {
    return addQuotes(str, singleQuote);
  }
  if (str.length > 100) {
    str = str.replace(escapeReplace, escapeFn);
    return addQuotes(str, singleQuote);
  }

  let result = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const point = str.charCodeAt(i);
    if (point === singleQuote ||
        point === 92 ||
        point < 32 ||
        (point > 126 && point < 160)) {
      if (last === i) {
        result += meta[point];
      } else {
        result += `${str.slice(last, i)}${meta[point]}`;
      }
      last = i + 1;
    } else if (point >= 0xd800 && point <= 0xdfff) {
      if (point <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      result += `${str.slice(last, i)}\\u${point.toString(16)}`;
      last = i + 1;
    }
  }

  if (last !== str.length) {
    result += str.slice(last);
  }
  return addQuotes(result, singleQuote);
}

// Long strings (beyond breakLength) are split after each newline into
// concatenated pieces.
function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    if (ctx.compact !== true &&
        value.length > kMinLineWidth &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return value
        .split(/(?<=\n)/)
        .map((line) => fn(strEscape(line), 'string'))
        .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(value), 'string') + trailer;
  }
  if (typeof value === 'number') {
    return formatNumber(fn, value, ctx.numericSeparator);
  }
  if (typeof value === 'bigint') {
    return formatBigInt(fn, value, ctx.numericSeparator);
  }
  if (typeof value === 'boolean') {
    return fn(`${value}`, 'boolean');
  }
  if (typeof value === 'undefined') {
    return fn('undefined', 'undefined');
  }
  return fn(SymbolPrototypeToString.call(value), 'symbol');
}

// ---- collections ----

// Namespace properties still in their temporal dead zone read as <uninitialized>.
function formatNamespaceObject(keys, ctx, value, recurseTimes) {
  const output = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    try {
      output[i] = formatProperty(ctx, value, recurseTimes, keys[i], kObjectType);
    } catch (err) {
      if (!(isNativeError(err) && err.name === 'ReferenceError')) {
        throw err;
      }
      const tmp = { [keys[i]]: '' };
      output[i] = formatProperty(ctx, tmp, recurseTimes, keys[i], kObjectType);
      const pos = output[i].lastIndexOf(' ');
      output[i] = output[i].slice(0, pos + 1) +
                  ctx.stylize('<uninitialized>', 'special');
    }
  }
  keys.length = 0;
  return output;
}

// Arrays with holes: runs of missing indices become `<n empty items>`.
function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = ObjectKeys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) {
      break;
    }
    if (`${index}` !== key) {
      if (!numberRegExp.test(key)) {
        break;
      }
      const emptyItems = tmp - index;
      const ending = emptyItems > 1 ? 's' : '';
      const message = `<${emptyItems} empty item${ending}>`;
      output.push(ctx.stylize(message, 'undefined'));
      index = tmp;
      if (output.length === maxLength) {
        break;
      }
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      const ending = remaining > 1 ? 's' : '';
      const message = `<${remaining} empty item${ending}>`;
      output.push(ctx.stylize(message, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  }
  return output;
}

let hexSliceFn;
function formatArrayBuffer(ctx, value) {
  let buffer;
  try {
    buffer = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const len = MathMin(ctx.maxArrayLength, buffer.length);
  let str;
  if (hexSliceFn === undefined) {
    hexSliceFn = null;
    try {
      const { Buffer } = require('buffer');
      if (Buffer && typeof Buffer.prototype.hexSlice === 'function') {
        hexSliceFn = Buffer.prototype.hexSlice;
      }
    } catch {
      // No buffer module: format in JS.
    }
  }
  if (hexSliceFn !== null) {
    str = hexSliceFn.call(buffer, 0, len).replace(/(.{2})/g, '$1 ').trim();
  } else {
    const parts = new Array(len);
    for (let i = 0; i < len; i++) {
      parts[i] = (buffer[i] < 16 ? '0' : '') + buffer[i].toString(16);
    }
    str = parts.join(' ');
  }
  const remaining = buffer.length - ctx.maxArrayLength;
  if (remaining > 0) {
    str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  }
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatArray(ctx, value, recurseTimes) {
  const valLen = value.length;
  const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);

  const remaining = valLen - len;
  const output = [];
  for (let i = 0; i < len; i++) {
    if (!hasOwn(value, i)) {
      return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  if (remaining > 0) {
    output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  }
  return output;
}

function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = value.length - maxLength;
  const output = new Array(maxLength);
  const elementFormatter = value.length > 0 && typeof value[0] === 'number' ?
    formatNumber :
    formatBigInt;
  for (let i = 0; i < maxLength; ++i) {
    output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
  }
  if (remaining > 0) {
    output[maxLength] = `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
  }
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of [
      'BYTES_PER_ELEMENT',
      'length',
      'byteLength',
      'byteOffset',
      'buffer',
    ]) {
      const str = formatValue(ctx, value[key], recurseTimes, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatSet(value, ctx, ignored, recurseTimes) {
  const length = isSet(value) ? SetPrototypeGetSize.call(value) : Infinity;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  let total = 0;
  for (const v of value) {
    if (i < maxLength) {
      output.push(formatValue(ctx, v, recurseTimes));
      i++;
    }
    total++;
    if (length !== Infinity && i >= maxLength) break;
  }
  const remaining = (length === Infinity ? total : length) - i;
  if (remaining > 0) {
    output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  }
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(value, ctx, ignored, recurseTimes) {
  const length = isMap(value) ? MapPrototypeGetSize.call(value) : Infinity;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  let total = 0;
  for (const { 0: k, 1: v } of value) {
    if (i < maxLength) {
      output.push(
        `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`,
      );
      i++;
    }
    total++;
    if (length !== Infinity && i >= maxLength) break;
  }
  const remaining = (length === Infinity ? total : length) - i;
  if (remaining > 0) {
    output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  }
  ctx.indentationLvl -= 2;
  return output;
}

function formatSetIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
  const maxLength = MathMin(maxArrayLength, entries.length);
  const output = new Array(maxLength);
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) {
    output[i] = formatValue(ctx, entries[i], recurseTimes);
  }
  ctx.indentationLvl -= 2;
  if (state === kWeak && !ctx.sorted) {
    output.sort();
  }
  const remaining = entries.length - maxLength;
  if (remaining > 0) {
    output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  }
  return output;
}

function formatMapIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
  const len = entries.length / 2;
  const remaining = len - maxArrayLength;
  const maxLength = MathMin(maxArrayLength, len);
  const output = new Array(maxLength);
  let i = 0;
  ctx.indentationLvl += 2;
  if (state === kWeak) {
    for (; i < maxLength; i++) {
      const pos = i * 2;
      output[i] =
        `${formatValue(ctx, entries[pos], recurseTimes)} => ${
          formatValue(ctx, entries[pos + 1], recurseTimes)}`;
    }
    if (!ctx.sorted) output.sort();
  } else {
    for (; i < maxLength; i++) {
      const pos = i * 2;
      const res = [
        formatValue(ctx, entries[pos], recurseTimes),
        formatValue(ctx, entries[pos + 1], recurseTimes),
      ];
      output[i] = reduceToSingleString(
        ctx, res, '', ['[', ']'], kArrayExtrasType, recurseTimes);
    }
  }
  ctx.indentationLvl -= 2;
  if (remaining > 0) {
    output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  }
  return output;
}

const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

// The engine offers no way to list the entries of weak collections.
function formatWeakSet(ctx, value, recurseTimes) {
  return formatWeakCollection(ctx);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatWeakCollection(ctx);
}

// The remaining entries of a Map or Set iterator, without advancing it:
// [entries, isKeyValue] where key-value entries are flattened.
function previewIteratorEntries(iterator) {
  const state = binding !== undefined ? binding.getIteratorState(iterator) : undefined;
  if (state === undefined) return [[], false];
  const { 0: collection, 1: index, 2: kind, 3: isMapIter } = state;
  const entries = [];
  let i = 0;
  if (isMapIter) {
    for (const { 0: k, 1: v } of MapPrototypeEntries.call(collection)) {
      if (i++ < index) continue;
      if (kind === 0) entries.push(k);
      else if (kind === 1) entries.push(v);
      else entries.push(k, v);
    }
  } else {
    for (const v of SetPrototypeValues.call(collection)) {
      if (i++ < index) continue;
      if (kind === 2) entries.push(v, v);
      else entries.push(v);
    }
  }
  return [entries, kind === 2];
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const { 0: entries, 1: isKeyValue } = previewIteratorEntries(value);
  if (isKeyValue) {
    braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
    return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
  }

  return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
}

function formatPromise(ctx, value, recurseTimes) {
  let output;
  const details = getPromiseDetails(value);
  if (details === undefined || details[0] === kPending) {
    output = [ctx.stylize('<pending>', 'special')];
  } else {
    const state = details[0];
    const result = details[1];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    output = [
      state === kRejected ?
        `${ctx.stylize('<rejected>', 'special')} ${str}` :
        str,
    ];
  }
  return output;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc,
                        original = value) {
  let name, str;
  let extra = ' ';
  desc = desc || ObjectGetOwnPropertyDescriptor(value, key) ||
    { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    if (ctx.getters && (ctx.getters === true ||
          (ctx.getters === 'get' && desc.set === undefined) ||
          (ctx.getters === 'set' && desc.set !== undefined))) {
      try {
        const tmp = desc.get.call(original);
        ctx.indentationLvl += 2;
        if (tmp === null) {
          str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        } else if (typeof tmp === 'object') {
          str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        } else {
          const primitive = formatPrimitive(s, tmp, ctx);
          str = `${s(`[${label}:`, sp)} ${primitive}${s(']', sp)}`;
        }
        ctx.indentationLvl -= 2;
      } catch (err) {
        const message = `<Inspection threw (${err.message})>`;
        str = `${s(`[${label}:`, sp)} ${message}${s(']', sp)}`;
      }
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) {
    return str;
  }
  if (typeof key === 'symbol') {
    const tmp = SymbolPrototypeToString.call(key).replace(strEscapeSequencesReplacer, escapeFn);
    name = `[${ctx.stylize(tmp, 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    const tmp = String(key).replace(strEscapeSequencesReplacer, escapeFn);
    name = `[${tmp}]`;
  } else if (keyStrRegExp.exec(key) !== null) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(String(key)), 'string');
  }
  return `${name}:${extra}${str}`;
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return ctx.stylize('Proxy [Array]', 'special');
  }
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const res = [
    formatValue(ctx, proxy[0], recurseTimes),
    formatValue(ctx, proxy[1], recurseTimes),
  ];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(
    ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

function getEmptyFormatArray() {
  return [];
}

function handleMaxCallStackSize(ctx, err, constructorName, indentationLvl) {
  if (isStackOverflowError(err)) {
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(
      `[${constructorName}: Inspection interrupted ` +
        'prematurely. Maximum call stack size exceeded.]',
      'special',
    );
  }
  throw err;
}

// ---- layout ----

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength)
    return false;
  for (let i = 0; i < output.length; i++) {
    if (ctx.colors) {
      totalLength += removeColors(output[i]).length;
    } else {
      totalLength += output[i].length;
    }
    if (totalLength > ctx.breakLength) {
      return false;
    }
  }
  return base === '' || !base.includes('\n');
}

// output.join(separator) built by concatenation: the engine keeps the result
// as a rope instead of copying every nested level into a new flat string.
function joinLazily(output, separator) {
  if (output.length === 0) return '';
  let str = output[0];
  for (let i = 1; i < output.length; i++) {
    str += separator;
    str += output[i];
  }
  return str;
}

// Joins the formatted entries: on one line when they fit breakLength (and the
// object is within `compact` levels of the innermost one), else one entry per
// line. compact: true uses the older layout that starts entries right after
// the brace.
function reduceToSingleString(
  ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact &&
          entries === output.length) {
        const start = output.length + ctx.indentationLvl +
                      braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joinedOutput = output.join(', ');
          if (!joinedOutput.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joinedOutput}` +
              ` ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
      joinLazily(output, `,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ` +
      braces[1];
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const ln = base === '' && braces[0].length === 1 ?
    ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${joinLazily(output, `,\n${indentation}  `)} ${braces[1]}`;
}

// Groups arrays of many short entries into aligned columns.
// The number of columns aims at a roughly square block (characters being about
// 2.5 times taller than wide), biased towards more columns for short entries,
// and is capped by breakLength, compact * 4 and 15. Numbers are right-aligned,
// anything else left-aligned.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let i = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) {
    outputLength--;
  }
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = MathSqrt(actualMax - totalLength / output.length);
    const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(
        MathSqrt(
          approxCharHeights * biasedMax * outputLength,
        ) / biasedMax,
      ),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) {
      return output;
    }
    const tmp = [];
    const maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if (dataLen[j] > lineLength)
          lineLength = dataLen[j];
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    let order = StringPrototypePadStart;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          order = StringPrototypePadEnd;
          break;
        }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = MathMin(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
        str += order.call(`${output[j]}, `, padding, ' ');
      }
      if (order === StringPrototypePadStart) {
        const padding = maxLineLength[j - i] +
                        output[j].length -
                        dataLen[j] -
                        separatorSpace;
        str += output[j].padStart(padding, ' ');
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) {
      tmp.push(output[outputLength]);
    }
    output = tmp;
  }
  return output;
}

// ---- string width and control characters ----

// CSI and OSC escape sequences (ECMA-48).
const ansiRegExp = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))', 'g');

function removeColors(str) {
  return String(str).replace(ansiRegExp, '');
}

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('str', 'string', str);
  }
  return str.replace(ansiRegExp, '');
}

function isFullWidthCodePoint(code) {
  return code >= 0x1100 && (
    code <= 0x115f ||
    code === 0x2329 ||
    code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function isZeroWidthCodePoint(code) {
  return code <= 0x1F ||
    (code >= 0x7F && code <= 0x9F) ||
    (code >= 0x300 && code <= 0x36F) ||
    (code >= 0x200B && code <= 0x200F) ||
    (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) ||
    (code >= 0xFE20 && code <= 0xFE2F) ||
    (code >= 0xE0100 && code <= 0xE01EF);
}

// The number of terminal columns str takes.
function getStringWidth(str, removeControlChars = true) {
  let width = 0;
  if (removeControlChars) str = stripVTControlCharacters(str);
  let ascii = true;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii) return str.length;
  str = str.normalize('NFC');
  for (const char of str) {
    const code = char.codePointAt(0);
    if (isFullWidthCodePoint(code)) {
      width += 2;
    } else if (!isZeroWidthCodePoint(code)) {
      width++;
    }
  }
  return width;
}

// ---- format ----

// Whether %s should inspect value (its toString is the built-in one) rather
// than call String() on it.
function hasBuiltInToString(value) {
  const proxyTarget = getProxyDetails(value, false);
  if (proxyTarget !== undefined) {
    if (proxyTarget === null) {
      return true;
    }
    value = proxyTarget;
  }

  if (typeof value[SymbolToPrimitive] === 'function') {
    return false;
  }

  if (typeof value.toString !== 'function') {
    return true;
  }

  if (hasOwn(value, 'toString')) {
    return false;
  }

  let pointer = value;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (!hasOwn(pointer, 'toString'));

  const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined &&
    typeof descriptor.value === 'function' &&
    getBuiltInObjects().has(descriptor.value.name);
}

const firstErrorLine = (error) => String(error.message).split('\n', 1)[0];
let CIRCULAR_ERROR_MESSAGE;
function tryStringify(arg) {
  try {
    return JSONStringify(arg);
  } catch (err) {
    if (!CIRCULAR_ERROR_MESSAGE) {
      try {
        const a = {};
        a.a = a;
        JSONStringify(a);
      } catch (circularError) {
        CIRCULAR_ERROR_MESSAGE = firstErrorLine(circularError);
      }
    }
    if (err.name === 'TypeError' &&
        firstErrorLine(err) === CIRCULAR_ERROR_MESSAGE) {
      return '[Circular]';
    }
    throw err;
  }
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (typeof inspectOptions !== 'object' || inspectOptions === null) {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

function formatNumberNoColor(number, options) {
  return formatNumber(
    stylizeNoColor,
    number,
    options?.numericSeparator ?? inspectDefaultOptions.numericSeparator,
  );
}

function formatBigIntNoColor(bigint, options) {
  return formatBigInt(
    stylizeNoColor,
    bigint,
    options?.numericSeparator ?? inspectDefaultOptions.numericSeparator,
  );
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';

  if (typeof first === 'string') {
    if (args.length === 1) {
      return first;
    }
    let tempStr;
    let lastPos = 0;

    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) === 37) {
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: { // %s
              const tempArg = args[++a];
              if (typeof tempArg === 'number') {
                tempStr = formatNumberNoColor(tempArg, inspectOptions);
              } else if (typeof tempArg === 'bigint') {
                tempStr = formatBigIntNoColor(tempArg, inspectOptions);
              } else if (typeof tempArg !== 'object' ||
                         tempArg === null ||
                         !hasBuiltInToString(tempArg)) {
                tempStr = String(tempArg);
              } else {
                tempStr = inspect(tempArg, {
                  ...inspectOptions,
                  depth: 0,
                  colors: false,
                  compact: 3,
                });
              }
              break;
            }
            case 106: // 'j'
              tempStr = tryStringify(args[++a]);
              break;
            case 100: { // %d
              const tempNum = args[++a];
              if (typeof tempNum === 'bigint') {
                tempStr = formatBigIntNoColor(tempNum, inspectOptions);
              } else if (typeof tempNum === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumberNoColor(Number(tempNum), inspectOptions);
              }
              break;
            }
            case 79: // 'O'
              tempStr = inspect(args[++a], inspectOptions);
              break;
            case 111: // 'o'
              tempStr = inspect(args[++a], {
                ...inspectOptions,
                showHidden: true,
                showProxy: true,
                depth: 4,
              });
              break;
            case 105: { // %i
              const tempInteger = args[++a];
              if (typeof tempInteger === 'bigint') {
                tempStr = formatBigIntNoColor(tempInteger, inspectOptions);
              } else if (typeof tempInteger === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumberNoColor(
                  Number.parseInt(tempInteger), inspectOptions);
              }
              break;
            }
            case 102: { // %f
              const tempFloat = args[++a];
              if (typeof tempFloat === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumberNoColor(
                  Number.parseFloat(tempFloat), inspectOptions);
              }
              break;
            }
            case 99: // 'c'
              a += 1;
              tempStr = '';
              break;
            case 37: // '%'
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) {
            str += first.slice(lastPos, i - 1);
          }
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) {
        str += first.slice(lastPos);
      }
    }
  }

  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

module.exports = {
  getOwnNonIndexProperties,
  identicalSequenceRange,
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStackString,
  getStringWidth,
  stripVTControlCharacters,
  isError,
  stylizeWithColor,
  stylizeNoColor,
  customInspectSymbol,
};
