'use strict';
// util.types: engine-backed type checks that Symbol.toStringTag or a changed
// prototype cannot fool. The `util` binding reports each object's engine type
// tag; the tags of known objects are learned once here, so the checks are one
// native call and a comparison.

let binding;
try {
  binding = internalBinding('util');
} catch {
  binding = undefined;
}

const ObjectPrototypeToString = Object.prototype.toString;
const FunctionPrototypeToString = Function.prototype.toString;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const TypedArrayPrototypeGetToStringTag =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const SymbolPrototypeValueOf = Symbol.prototype.valueOf;
const BigIntPrototypeValueOf = BigInt.prototype.valueOf;

// Module namespace objects are built by the ES module loader; it registers them here.
const moduleNamespaces = new WeakSet();
function markAsModuleNamespace(ns) {
  moduleNamespaces.add(ns);
  return ns;
}

function isModuleNamespaceObject(value) {
  return typeof value === 'object' && value !== null && moduleNamespaces.has(value);
}

function isExternal(value) {
  return false;
}

// Async and generator functions are told apart by their source text, which the
// engine keeps exactly as written (bound and native functions read as
// `function () { [native code] }`).
function skipSpace(src, i) {
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 ||
        c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) {
      i++;
    } else if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const end = src.indexOf('*/', i + 2);
      if (end === -1) return src.length;
      i = end + 2;
    } else if (c === 47 && src.charCodeAt(i + 1) === 47) {
      const end = src.indexOf('\n', i + 2);
      if (end === -1) return src.length;
      i = end + 1;
    } else {
      return i;
    }
  }
}

function isIdentChar(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 95 || c === 36 || c > 127;
}

// 0: ordinary, 1: async, 2: generator, 3: async generator.
function functionKind(fn) {
  let src;
  try {
    src = FunctionPrototypeToString.call(fn);
  } catch {
    return 0;
  }
  let i = 0;
  let kind = 0;
  if (src.startsWith('async') && !isIdentChar(src.charCodeAt(5))) {
    const j = skipSpace(src, 5);
    const c = src.charCodeAt(j);
    if (c === 40) { // `async (` is an async arrow or a method named async.
      let depth = 0;
      let k = j;
      for (; k < src.length; k++) {
        const d = src.charCodeAt(k);
        if (d === 40) depth++;
        else if (d === 41 && --depth === 0) break;
      }
      k = skipSpace(src, k + 1);
      return src.startsWith('=>', k) ? 1 : 0;
    }
    if (c === 61 && src.charCodeAt(j + 1) === 62) return 0; // `async => ...`
    kind = 1;
    i = j;
  }
  if (src.startsWith('function', i) && !isIdentChar(src.charCodeAt(i + 8))) {
    i = skipSpace(src, i + 8);
  }
  if (src.charCodeAt(i) === 42) kind |= 2;
  return kind;
}

function isAsyncFunction(value) {
  return typeof value === 'function' && (functionKind(value) & 1) !== 0;
}

function isGeneratorFunction(value) {
  return typeof value === 'function' && (functionKind(value) & 2) !== 0;
}

let T;
let getCellType;

function learnTags() {
  const t = getCellType;
  // This file is strict code: sloppy-mode arguments objects (the engine has
  // two more kinds of them) come from the Function constructor.
  const argsTags = [
    t(new Function('return arguments')()),
    t(new Function('a', 'return [() => a, arguments][1]')(1)),
    t((function() { return arguments; })()),
  ];
  const tags = {
    unusable: new Set(),
    object: t({}),
    map: t(new Map()),
    set: t(new Set()),
    weakMap: t(new WeakMap()),
    weakSet: t(new WeakSet()),
    mapIterator: t(new Map().keys()),
    setIterator: t(new Set().keys()),
    promise: t(new Promise(() => {})),
    date: t(new Date(0)),
    regExp: t(/a/),
    error: t(new Error()),
    arrayBuffer: t(new ArrayBuffer(0)),
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function' ? t(new SharedArrayBuffer(0)) : -2,
    dataView: t(new DataView(new ArrayBuffer(0))),
    int8: t(new Int8Array(0)),
    uint8: t(new Uint8Array(0)),
    uint8Clamped: t(new Uint8ClampedArray(0)),
    int16: t(new Int16Array(0)),
    uint16: t(new Uint16Array(0)),
    int32: t(new Int32Array(0)),
    uint32: t(new Uint32Array(0)),
    float16: typeof Float16Array === 'function' ? t(new Float16Array(0)) : -2,
    float32: t(new Float32Array(0)),
    float64: t(new Float64Array(0)),
    bigInt64: t(new BigInt64Array(0)),
    bigUint64: t(new BigUint64Array(0)),
    number: t(new Number(0)),
    string: t(new String('')),
    boolean: t(new Boolean(false)),
    symbol: t(Object(Symbol())),
    bigint: t(Object(0n)),
    generator: t((function*() {})()),
    asyncGenerator: t((async function*() {})()),
    proxy: t(new Proxy({}, {})),
    args0: argsTags[0],
    args1: argsTags[1],
    args2: argsTags[2],
  };
  // Every tag must be told apart from a plain object's, except boxed symbols
  // and bigints, which are checked by their valueOf brand on a match.
  const seen = new Set([tags.object]);
  for (const key of Object.keys(tags)) {
    if (key === 'object' || key === 'unusable' || key === 'symbol' || key === 'bigint' ||
        key.startsWith('args')) {
      continue;
    }
    if (tags[key] === -2) continue;
    // Shared and plain ArrayBuffers may share a tag (told apart below).
    if (key === 'sharedArrayBuffer' && tags[key] === tags.arrayBuffer) continue;
    if (seen.has(tags[key]) || tags[key] < 0) {
      tags.unusable.add(key);
      continue;
    }
    seen.add(tags[key]);
  }
  if (argsTags.some((a) => a === tags.object || a < 0)) return undefined;
  return tags;
}

if (binding !== undefined && typeof binding.getCellType === 'function') {
  getCellType = binding.getCellType;
  T = learnTags();
}

let types;
if (T !== undefined) {
  // Checks whose tag could not be learned use the brand checks instead.
  const fallback = makeBrandChecks();
  const tagOfCheck = {
    isDate: 'date', isBooleanObject: 'boolean', isNumberObject: 'number',
    isStringObject: 'string', isNativeError: 'error', isRegExp: 'regExp',
    isGeneratorObject: 'generator', isPromise: 'promise', isMap: 'map', isSet: 'set',
    isMapIterator: 'mapIterator', isSetIterator: 'setIterator', isWeakMap: 'weakMap',
    isWeakSet: 'weakSet', isArrayBuffer: 'arrayBuffer', isDataView: 'dataView',
    isSharedArrayBuffer: 'sharedArrayBuffer', isProxy: 'proxy', isUint8Array: 'uint8',
    isUint8ClampedArray: 'uint8Clamped', isUint16Array: 'uint16', isUint32Array: 'uint32',
    isInt8Array: 'int8', isInt16Array: 'int16', isInt32Array: 'int32',
    isFloat32Array: 'float32', isFloat64Array: 'float64', isBigInt64Array: 'bigInt64',
    isBigUint64Array: 'bigUint64',
  };
  const tagOf = getCellType;
  const is = (tag) => (value) => tagOf(value) === tag;
  const typedTags = [T.int8, T.uint8, T.uint8Clamped, T.int16, T.uint16, T.int32,
                     T.uint32, T.float16, T.float32, T.float64, T.bigInt64, T.bigUint64];
  const typedMin = Math.min(...typedTags.filter((x) => x >= 0));
  const typedMax = Math.max(...typedTags);
  const typedSet = new Set(typedTags);
  const sharedTagged = T.sharedArrayBuffer === T.arrayBuffer;
  const ArrayBufferByteLength =
    Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  // The byteLength getter of ArrayBuffer.prototype rejects shared buffers.
  const notShared = (value) => {
    try {
      ArrayBufferByteLength.call(value);
      return true;
    } catch {
      return false;
    }
  };
  // Typed array tags are contiguous in the engine; fall back to a set if not.
  const contiguous = typedMax - typedMin + 1 === typedSet.size - (typedSet.has(-2) ? 1 : 0);
  const isTypedArray = contiguous ?
    (value) => { const t = tagOf(value); return t >= typedMin && t <= typedMax; } :
    (value) => { const t = tagOf(value); return t >= 0 && typedSet.has(t); };
  types = {
    isExternal,
    isDate: is(T.date),
    isArgumentsObject(value) {
      const t = tagOf(value);
      return t === T.args0 || t === T.args1 || t === T.args2;
    },
    isBigIntObject(value) {
      if (tagOf(value) !== T.bigint) return false;
      try {
        BigIntPrototypeValueOf.call(value);
        return true;
      } catch {
        return false;
      }
    },
    isBooleanObject: is(T.boolean),
    isNumberObject: is(T.number),
    isStringObject: is(T.string),
    isSymbolObject(value) {
      if (tagOf(value) !== T.symbol) return false;
      try {
        SymbolPrototypeValueOf.call(value);
        return true;
      } catch {
        return false;
      }
    },
    isNativeError: is(T.error),
    isRegExp: is(T.regExp),
    isAsyncFunction,
    isGeneratorFunction,
    isGeneratorObject(value) {
      const t = tagOf(value);
      return t === T.generator || t === T.asyncGenerator;
    },
    isPromise: is(T.promise),
    isMap: is(T.map),
    isSet: is(T.set),
    isMapIterator: is(T.mapIterator),
    isSetIterator: is(T.setIterator),
    isWeakMap: is(T.weakMap),
    isWeakSet: is(T.weakSet),
    isArrayBuffer(value) {
      return tagOf(value) === T.arrayBuffer && (!sharedTagged || notShared(value));
    },
    isDataView: is(T.dataView),
    isSharedArrayBuffer(value) {
      return tagOf(value) === T.sharedArrayBuffer && (!sharedTagged || !notShared(value));
    },
    isProxy(value) {
      return tagOf(value) === T.proxy && !moduleNamespaces.has(value);
    },
    isModuleNamespaceObject,
    isAnyArrayBuffer(value) {
      const t = tagOf(value);
      return t === T.arrayBuffer || t === T.sharedArrayBuffer;
    },
    isBoxedPrimitive(value) {
      const t = tagOf(value);
      if (t === T.number || t === T.string || t === T.boolean) return true;
      if (t === T.symbol || t === T.bigint) {
        return types.isSymbolObject(value) || types.isBigIntObject(value);
      }
      return false;
    },
    isArrayBufferView(value) {
      return ArrayBuffer.isView(value);
    },
    isTypedArray,
    isUint8Array: is(T.uint8),
    isUint8ClampedArray: is(T.uint8Clamped),
    isUint16Array: is(T.uint16),
    isUint32Array: is(T.uint32),
    isInt8Array: is(T.int8),
    isInt16Array: is(T.int16),
    isInt32Array: is(T.int32),
    isFloat32Array: is(T.float32),
    isFloat64Array: is(T.float64),
    isBigInt64Array: is(T.bigInt64),
    isBigUint64Array: is(T.bigUint64),
  };
  for (const name of Object.keys(tagOfCheck)) {
    if (T.unusable.has(tagOfCheck[name])) types[name] = fallback[name];
  }
  const typedKeys = ['int8', 'uint8', 'uint8Clamped', 'int16', 'uint16', 'int32', 'uint32',
                     'float16', 'float32', 'float64', 'bigInt64', 'bigUint64'];
  if (typedKeys.some((key) => T.unusable.has(key))) types.isTypedArray = fallback.isTypedArray;
  if (T.unusable.has('arrayBuffer') || T.unusable.has('sharedArrayBuffer')) {
    types.isAnyArrayBuffer = fallback.isAnyArrayBuffer;
  }
} else {
  types = makeBrandChecks();
}

// Without engine help (e.g. under the node shim): brand checks through
// built-in methods that throw on a wrong receiver.
function makeBrandChecks() {
  let types;
  const brand = (fn) => (value) => {
    if (typeof value !== 'object' || value === null) return false;
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
  const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const typedTag = (value) => {
    if (!ArrayBuffer.isView(value)) return undefined;
    return TypedArrayPrototypeGetToStringTag.call(value);
  };
  const typed = (name) => (value) => typedTag(value) === name;
  const mapIterProto = Object.getPrototypeOf(new Map().keys());
  const setIterProto = Object.getPrototypeOf(new Set().keys());
  const mapIterNext = mapIterProto.next;
  const setIterNext = setIterProto.next;
  const toStr = (value) => ObjectPrototypeToString.call(value);
  types = {
    isExternal,
    isDate: brand((v) => Date.prototype.getTime.call(v)),
    isArgumentsObject(value) {
      return typeof value === 'object' && value !== null &&
        toStr(value) === '[object Arguments]' && !(Symbol.toStringTag in value);
    },
    isBigIntObject: brand((v) => BigIntPrototypeValueOf.call(v)),
    isBooleanObject: brand((v) => Boolean.prototype.valueOf.call(v)),
    isNumberObject: brand((v) => Number.prototype.valueOf.call(v)),
    isStringObject: brand((v) => String.prototype.valueOf.call(v)),
    isSymbolObject: brand((v) => SymbolPrototypeValueOf.call(v)),
    isNativeError(value) {
      return typeof value === 'object' && value !== null && Error.isError !== undefined ?
        Error.isError(value) :
        (value instanceof Error && toStr(value) === '[object Error]');
    },
    isRegExp(value) {
      return typeof value === 'object' && value !== null && value !== RegExp.prototype &&
        brand((v) => getter(RegExp.prototype, 'source').call(v))(value);
    },
    isAsyncFunction,
    isGeneratorFunction,
    isGeneratorObject(value) {
      return typeof value === 'object' && value !== null &&
        (toStr(value) === '[object Generator]' || toStr(value) === '[object AsyncGenerator]');
    },
    isPromise(value) {
      return value instanceof Promise;
    },
    isMap: brand((v) => getter(Map.prototype, 'size').call(v)),
    isSet: brand((v) => getter(Set.prototype, 'size').call(v)),
    isMapIterator(value) {
      return typeof value === 'object' && value !== null &&
        Object.getPrototypeOf(value) === mapIterProto && mapIterNext !== undefined;
    },
    isSetIterator(value) {
      return typeof value === 'object' && value !== null &&
        Object.getPrototypeOf(value) === setIterProto && setIterNext !== undefined;
    },
    isWeakMap: brand((v) => WeakMap.prototype.has.call(v, {})),
    isWeakSet: brand((v) => WeakSet.prototype.has.call(v, {})),
    isArrayBuffer: brand((v) => getter(ArrayBuffer.prototype, 'byteLength').call(v)),
    isDataView: brand((v) => getter(DataView.prototype, 'byteLength').call(v)),
    isSharedArrayBuffer: typeof SharedArrayBuffer === 'function' ?
      brand((v) => getter(SharedArrayBuffer.prototype, 'byteLength').call(v)) : () => false,
    isProxy() {
      return false;
    },
    isModuleNamespaceObject,
    isAnyArrayBuffer(value) {
      return types.isArrayBuffer(value) || types.isSharedArrayBuffer(value);
    },
    isBoxedPrimitive(value) {
      return types.isNumberObject(value) || types.isStringObject(value) ||
        types.isBooleanObject(value) || types.isBigIntObject(value) ||
        types.isSymbolObject(value);
    },
    isArrayBufferView(value) {
      return ArrayBuffer.isView(value);
    },
    isTypedArray(value) {
      return typedTag(value) !== undefined;
    },
    isUint8Array: typed('Uint8Array'),
    isUint8ClampedArray: typed('Uint8ClampedArray'),
    isUint16Array: typed('Uint16Array'),
    isUint32Array: typed('Uint32Array'),
    isInt8Array: typed('Int8Array'),
    isInt16Array: typed('Int16Array'),
    isInt32Array: typed('Int32Array'),
    isFloat32Array: typed('Float32Array'),
    isFloat64Array: typed('Float64Array'),
    isBigInt64Array: typed('BigInt64Array'),
    isBigUint64Array: typed('BigUint64Array'),
  };
  return types;
}

module.exports = {
  ...types,
  markAsModuleNamespace,
  // Returns the typed array's element kind ('Uint8Array'...) or undefined.
  typedArrayKind(value) {
    if (!ArrayBuffer.isView(value)) return undefined;
    return TypedArrayPrototypeGetToStringTag.call(value);
  },
};
