'use strict';
// Deep equality as node's assert.deepEqual / assert.deepStrictEqual and
// util.isDeepStrictEqual define it.
//
// The loose mode compares primitives with `==` and ignores prototypes and
// symbol keys; the strict mode compares primitives with Object.is, requires
// identical prototypes and compares enumerable own symbol keys too. Both check
// the type tag (Object.prototype.toString) and the brand of built-ins (a Date
// only equals a Date), compare Map keys and Set entries unordered, and stop
// recursing when both sides reach a cycle at the same depth.
//
// Everything that user code could patch (Array iterators, Object.prototype
// properties, prototype methods) is captured here at load time.

const ObjectIs = Object.is;
const ObjectKeys = Object.keys;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ArrayIsArray = Array.isArray;
const NumberIsNaN = Number.isNaN;
const ReflectApply = Reflect.apply;
const SafeMap = Map;
const { hasNoNamedProperties } = require('internal/util/shape');
const SafeSet = Set;

const uncurry = (fn) => (self, ...args) => ReflectApply(fn, self, args);
const uncurry0 = (fn) => (self) => ReflectApply(fn, self, []);
const uncurry1 = (fn) => (self, a) => ReflectApply(fn, self, [a]);
const getter = (proto, name) => {
  const desc = ObjectGetOwnPropertyDescriptor(proto, name);
  return desc === undefined ? undefined : uncurry0(desc.get);
};

const ObjectPrototypeToString = uncurry0(Object.prototype.toString);
const hasOwn = uncurry1(Object.prototype.hasOwnProperty);
const isEnumerable = uncurry1(Object.prototype.propertyIsEnumerable);

const MapSize = getter(Map.prototype, 'size');
const MapGet = uncurry1(Map.prototype.get);
const MapHas = uncurry1(Map.prototype.has);
const MapEntries = uncurry0(Map.prototype.entries);
const MapIteratorNext = uncurry0(ObjectGetPrototypeOf(new Map().entries()).next);
const SetSize = getter(Set.prototype, 'size');
const SetHas = uncurry1(Set.prototype.has);
const SetValues = uncurry0(Set.prototype.values);
const SetIteratorNext = uncurry0(ObjectGetPrototypeOf(new Set().values()).next);
const SetAdd = uncurry1(Set.prototype.add);
const SetDelete = uncurry1(Set.prototype.delete);
const MapSet = uncurry(Map.prototype.set);
const MapDelete = uncurry1(Map.prototype.delete);
const DateGetTime = uncurry0(Date.prototype.getTime);
const RegExpSource = getter(RegExp.prototype, 'source');
const RegExpFlags = getter(RegExp.prototype, 'flags');
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayTag = getter(TypedArrayPrototype, Symbol.toStringTag);
const TypedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
const TypedArrayByteOffset = getter(TypedArrayPrototype, 'byteOffset');
const TypedArrayByteLength = getter(TypedArrayPrototype, 'byteLength');
const TypedArrayLength = getter(TypedArrayPrototype, 'length');
const DataViewBuffer = getter(DataView.prototype, 'buffer');
const DataViewByteOffset = getter(DataView.prototype, 'byteOffset');
const DataViewByteLength = getter(DataView.prototype, 'byteLength');
const ArrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const SharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  getter(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const ArrayBufferIsView = ArrayBuffer.isView;
const NumberValueOf = uncurry0(Number.prototype.valueOf);
const StringValueOf = uncurry0(String.prototype.valueOf);
const BooleanValueOf = uncurry0(Boolean.prototype.valueOf);
const BigIntValueOf = uncurry0(BigInt.prototype.valueOf);
const SymbolValueOf = uncurry0(Symbol.prototype.valueOf);
const WeakMapHas = uncurry1(WeakMap.prototype.has);
const WeakSetHas = uncurry1(WeakSet.prototype.has);
const ErrorIsError = typeof Error.isError === 'function' ? Error.isError : undefined;
const RegExpPrototype = RegExp.prototype;

// Brand checks: a built-in method that only accepts its own kind throws
// for anything else.
function brand(fn) {
  return (value) => {
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
}
const isMap = brand(MapSize);
const isSet = brand(SetSize);
const isDate = brand(DateGetTime);
const isRegExpBrand = brand(RegExpSource);
const isRegExp = (value) => value !== RegExpPrototype && isRegExpBrand(value);
const isArrayBuffer = brand(ArrayBufferByteLength);
const isSharedArrayBuffer = SharedArrayBufferByteLength === undefined ?
  () => false : brand(SharedArrayBufferByteLength);
const isAnyArrayBuffer = (value) => isArrayBuffer(value) || isSharedArrayBuffer(value);
const isNumberObject = brand(NumberValueOf);
const isStringObject = brand(StringValueOf);
const isBooleanObject = brand(BooleanValueOf);
const isBigIntObject = brand(BigIntValueOf);
const isSymbolObject = brand(SymbolValueOf);
const isWeakMap = brand((v) => WeakMapHas(v, WeakMapHas));
const isWeakSet = brand((v) => WeakSetHas(v, WeakSetHas));
const isBoxedPrimitive = (value) => isNumberObject(value) || isStringObject(value) ||
  isBooleanObject(value) || isBigIntObject(value) || isSymbolObject(value);
function isNativeError(value) {
  if (ErrorIsError !== undefined) return ErrorIsError(value);
  return ObjectPrototypeToString(value) === '[object Error]';
}
const isTypedArray = (value) => TypedArrayTag(value) !== undefined;

function isErrorLike(value) {
  return isNativeError(value) || value instanceof Error;
}

// The bytes of an ArrayBufferView as a Uint8Array over the same memory.
function viewBytes(view) {
  if (isTypedArray(view)) {
    return new Uint8Array(TypedArrayBuffer(view), TypedArrayByteOffset(view),
                          TypedArrayByteLength(view));
  }
  return new Uint8Array(DataViewBuffer(view), DataViewByteOffset(view),
                        DataViewByteLength(view));
}

function viewByteLength(view) {
  return isTypedArray(view) ? TypedArrayByteLength(view) : DataViewByteLength(view);
}

function sameBytes(a, b) {
  const len = a.length;
  if (len !== b.length) return false;
  if (len > 512) return internalBinding('buffer').compare(a, b) === 0;
  for (let i = 0; i < len; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameViewBytes(a, b) {
  if (viewByteLength(a) !== viewByteLength(b)) return false;
  return sameBytes(viewBytes(a), viewBytes(b));
}

// Loose Float32Array/Float64Array equality compares elements with ===, so
// that +0 equals -0 (and NaN never equals).
function sameFloatElements(a, b) {
  if (TypedArrayByteLength(a) !== TypedArrayByteLength(b)) return false;
  const len = TypedArrayLength(a);
  for (let i = 0; i < len; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameArrayBufferBytes(a, b) {
  const lenA = isArrayBuffer(a) ? ArrayBufferByteLength(a) : SharedArrayBufferByteLength(a);
  const lenB = isArrayBuffer(b) ? ArrayBufferByteLength(b) : SharedArrayBufferByteLength(b);
  if (lenA !== lenB) return false;
  return sameBytes(new Uint8Array(a), new Uint8Array(b));
}

function sameBoxedPrimitive(a, b) {
  if (isNumberObject(a)) return isNumberObject(b) && ObjectIs(NumberValueOf(a), NumberValueOf(b));
  if (isStringObject(a)) return isStringObject(b) && StringValueOf(a) === StringValueOf(b);
  if (isBooleanObject(a)) return isBooleanObject(b) && BooleanValueOf(a) === BooleanValueOf(b);
  if (isBigIntObject(a)) return isBigIntObject(b) && BigIntValueOf(a) === BigIntValueOf(b);
  return isSymbolObject(b) && SymbolValueOf(a) === SymbolValueOf(b);
}

function sameRegExp(a, b) {
  return RegExpSource(a) === RegExpSource(b) && RegExpFlags(a) === RegExpFlags(b) &&
    a.lastIndex === b.lastIndex;
}

// Object.keys, with V8's wording for a broken Proxy ownKeys trap (the one
// error a comparison can run into that programs and tests match on).
function ownKeys(value) {
  try {
    return ObjectKeys(value);
  } catch (err) {
    const m = typeof err?.message === 'string' && /^Proxy object's 'target' has the non-configurable property '(.*)' that was not in the result from the 'ownKeys' trap$/.exec(err.message);
    if (m) throw new TypeError(`'ownKeys' on proxy: trap result did not include '${m[1]}'`);
    throw err;
  }
}

// A canonical array index: "0" or a numeral without a leading zero below
// 2 ** 32 - 1.
function isIndexKey(key) {
  const len = key.length;
  if (len === 0 || len > 10) return false;
  const c0 = key.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || (c0 === 48 && len > 1)) return false;
  for (let i = 1; i < len; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return len < 10 || +key < 4294967295;
}

// The enumerable own keys that are not array indices, plus (strict mode) the
// enumerable own symbols.
function nonIndexKeys(value, withSymbols) {
  // Listing a large array's keys costs a string per index (internal/util/shape).
  if (hasNoNamedProperties(value)) return [];
  const all = ownKeys(value);
  // Index keys come first in property order: find where they end with a
  // binary search instead of testing every key of a large array.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isIndexKey(all[mid])) lo = mid + 1;
    else hi = mid;
  }
  const keys = lo === 0 ? all : all.slice(lo);
  if (withSymbols) {
    const symbols = ObjectGetOwnPropertySymbols(value);
    for (let i = 0; i < symbols.length; i++) {
      if (isEnumerable(value, symbols[i])) keys[keys.length] = symbols[i];
    }
  }
  return keys;
}

function countEnumerable(value, keys) {
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    if (isEnumerable(value, keys[i])) count++;
  }
  return count;
}

const kPlain = 0;
const kArray = 1;
const kSet = 2;
const kMap = 3;

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) {
    return a !== 0 || !strict || ObjectIs(a, b);
  }

  if (strict) {
    if (typeof a !== 'object') {
      return typeof a === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
    }
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (NumberIsNaN(a) && NumberIsNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }

  const tag = ObjectPrototypeToString(a);
  if (tag !== ObjectPrototypeToString(b)) return false;

  if (ArrayIsArray(a)) {
    if (!ArrayIsArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return compareKeys(a, b, strict, memos, kArray, keysA);
  }
  if (tag === '[object Object]') {
    return compareKeys(a, b, strict, memos, kPlain, undefined);
  }
  if (isDate(a)) {
    if (!isDate(b) || DateGetTime(a) !== DateGetTime(b)) return false;
  } else if (isRegExp(a)) {
    if (!isRegExp(b) || !sameRegExp(a, b)) return false;
  } else if (isErrorLike(a)) {
    if (!isErrorLike(b) || !sameErrorFields(a, b, strict, memos)) return false;
  } else if (ArrayBufferIsView(a)) {
    if (!ArrayBufferIsView(b) || TypedArrayTag(a) !== TypedArrayTag(b)) return false;
    if (!strict && isTypedArray(a) &&
        (TypedArrayTag(a) === 'Float32Array' || TypedArrayTag(a) === 'Float64Array')) {
      if (!isTypedArray(b) || !sameFloatElements(a, b)) return false;
    } else if (!sameViewBytes(a, b)) {
      return false;
    }
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return compareKeys(a, b, strict, memos, kPlain, keysA);
  } else if (isSet(a)) {
    if (!isSet(b) || SetSize(a) !== SetSize(b)) return false;
    return compareKeys(a, b, strict, memos, kSet, undefined);
  } else if (isMap(a)) {
    if (!isMap(b) || MapSize(a) !== MapSize(b)) return false;
    return compareKeys(a, b, strict, memos, kMap, undefined);
  } else if (isAnyArrayBuffer(a)) {
    if (!isAnyArrayBuffer(b) || !sameArrayBufferBytes(a, b)) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!sameBoxedPrimitive(a, b)) return false;
  } else if (isWeakMap(a) || isWeakSet(a)) {
    // The entries of weak collections cannot be enumerated: only the same
    // instance is equal.
    return false;
  } else if (ArrayIsArray(b) || ArrayBufferIsView(b) || isSet(b) || isMap(b) ||
             isDate(b) || isRegExp(b) || isAnyArrayBuffer(b) || isBoxedPrimitive(b) ||
             isErrorLike(b) || isWeakMap(b) || isWeakSet(b)) {
    return false;
  }
  return compareKeys(a, b, strict, memos, kPlain, undefined);
}

// Errors compare name, message, cause and errors even when those are not
// enumerable (the stack never).
function sameErrorFields(a, b, strict, memos) {
  if (a.message !== b.message || a.name !== b.name) return false;
  const messageEnum = isEnumerable(a, 'message');
  const nameEnum = isEnumerable(a, 'name');
  const causeEnum = isEnumerable(a, 'cause');
  const errorsEnum = isEnumerable(a, 'errors');
  if (messageEnum !== isEnumerable(b, 'message') || nameEnum !== isEnumerable(b, 'name') ||
      causeEnum !== isEnumerable(b, 'cause') || errorsEnum !== isEnumerable(b, 'errors')) {
    return false;
  }
  if (!causeEnum && !innerDeepEqual(a.cause, b.cause, strict, memos)) return false;
  if (!errorsEnum && !innerDeepEqual(a.errors, b.errors, strict, memos)) return false;
  return true;
}

// Compares the key sets, then (with cycle detection) the values. keysA is
// given for arrays and typed arrays (their non-index keys, symbols
// included in strict mode); otherwise the enumerable own string keys are
// compared here, and in strict mode the enumerable own symbols as well.
function compareKeys(a, b, strict, memos, kind, keysA) {
  const givenKeys = keysA !== undefined;
  if (!givenKeys) {
    keysA = ownKeys(a);
    if (keysA.length !== ownKeys(b).length) return false;
  }
  for (let i = 0; i < keysA.length; i++) {
    if (!isEnumerable(b, keysA[i])) return false;
  }

  if (strict && !givenKeys) {
    const symbolsA = ObjectGetOwnPropertySymbols(a);
    if (symbolsA.length !== 0) {
      let count = 0;
      for (let i = 0; i < symbolsA.length; i++) {
        const key = symbolsA[i];
        if (isEnumerable(a, key)) {
          if (!isEnumerable(b, key)) return false;
          keysA[keysA.length] = key;
          count++;
        } else if (isEnumerable(b, key)) {
          return false;
        }
      }
      const symbolsB = ObjectGetOwnPropertySymbols(b);
      if (symbolsA.length !== symbolsB.length && countEnumerable(b, symbolsB) !== count) {
        return false;
      }
    } else {
      const symbolsB = ObjectGetOwnPropertySymbols(b);
      if (symbolsB.length !== 0 && countEnumerable(b, symbolsB) !== 0) return false;
    }
  }

  if (keysA.length === 0) {
    if (kind === kPlain || (kind === kArray && a.length === 0)) return true;
    if (kind === kSet && SetSize(a) === 0) return true;
    if (kind === kMap && MapSize(a) === 0) return true;
  }

  // Each pair in progress is remembered with its depth. Meeting both values
  // again means a cycle on both sides: equal if both cycles have the same
  // depth.
  if (memos === undefined) {
    memos = { a: new SafeMap(), b: new SafeMap(), depth: 0 };
  } else {
    const depthA = MapGet(memos.a, a);
    if (depthA !== undefined) {
      const depthB = MapGet(memos.b, b);
      if (depthB !== undefined) return depthA === depthB;
    }
    memos.depth++;
  }
  MapSet(memos.a, a, memos.depth);
  MapSet(memos.b, b, memos.depth);

  const result = compareValues(a, b, strict, keysA, memos, kind);

  MapDelete(memos.a, a);
  MapDelete(memos.b, b);
  return result;
}

function compareValues(a, b, strict, keys, memos, kind) {
  if (kind === kSet) {
    if (!sameSetEntries(a, b, strict, memos)) return false;
  } else if (kind === kMap) {
    if (!sameMapEntries(a, b, strict, memos)) return false;
  } else if (kind === kArray) {
    const len = a.length;
    for (let i = 0; i < len; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // A hole: compare the remaining own keys of both by name. The first i
        // keys of `a` are the indices before the hole.
        const keysA = ObjectKeys(a);
        for (let j = i; j < keysA.length; j++) {
          const key = keysA[j];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        return keysA.length === ObjectKeys(b).length;
      }
    }
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

function setValuesOf(set) {
  const out = [];
  const it = SetValues(set);
  for (;;) {
    const step = SetIteratorNext(it);
    if (step.done) return out;
    out[out.length] = step.value;
  }
}

function mapEntriesOf(map) {
  const keys = [];
  const values = [];
  const it = MapEntries(map);
  for (;;) {
    const step = MapIteratorNext(it);
    if (step.done) return { keys, values };
    keys[keys.length] = step.value[0];
    values[values.length] = step.value[1];
  }
}

// The primitive a loose comparison could match besides the value itself:
// true when some number/boolean/bigint/numeric string might, false when
// nothing can, otherwise null or undefined (which equal each other loosely).
function looseAlternative(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      return !NumberIsNaN(+prim);
    case 'number':
      return !NumberIsNaN(prim);
    default:
      return true;
  }
}

function setMightHaveLoosePrim(a, b, prim) {
  const alt = looseAlternative(prim);
  if (alt != null) return alt;
  return SetHas(b, alt) && !SetHas(a, alt);
}

function mapMightHaveLoosePrim(a, b, prim, item, memos) {
  const alt = looseAlternative(prim);
  if (alt != null) return alt;
  const itemB = MapGet(b, alt);
  if ((itemB === undefined && !MapHas(b, alt)) || !innerDeepEqual(item, itemB, false, memos)) {
    return false;
  }
  return !MapHas(a, alt) && innerDeepEqual(item, itemB, false, memos);
}

// Finds and removes an entry of `pending` deep-equal to value.
function takeEqualSetEntry(pending, value, strict, memos) {
  const candidates = setValuesOf(pending);
  for (let i = 0; i < candidates.length; i++) {
    if (innerDeepEqual(value, candidates[i], strict, memos)) {
      SetDelete(pending, candidates[i]);
      return true;
    }
  }
  return false;
}

function sameSetEntries(a, b, strict, memos) {
  // Objects (and in loose mode primitives missing from b) are matched
  // pairwise after the cheap identity lookups.
  let pending = null;
  const valuesA = setValuesOf(a);
  for (let i = 0; i < valuesA.length; i++) {
    const value = valuesA[i];
    if (typeof value === 'object' && value !== null) {
      if (pending === null) pending = new SafeSet();
      SetAdd(pending, value);
    } else if (!SetHas(b, value)) {
      if (strict) return false;
      if (!setMightHaveLoosePrim(a, b, value)) return false;
      if (pending === null) pending = new SafeSet();
      SetAdd(pending, value);
    }
  }
  if (pending === null) return true;
  const valuesB = setValuesOf(b);
  for (let i = 0; i < valuesB.length; i++) {
    const value = valuesB[i];
    if (typeof value === 'object' && value !== null) {
      if (!takeEqualSetEntry(pending, value, strict, memos)) return false;
    } else if (!strict && !SetHas(a, value) &&
               !takeEqualSetEntry(pending, value, strict, memos)) {
      return false;
    }
  }
  return SetSize(pending) === 0;
}

// Finds and removes a key of `pending` whose key and value in `map` are
// deep-equal to key/item.
function takeEqualMapEntry(pending, map, key, item, strict, memos) {
  const candidates = setValuesOf(pending);
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (innerDeepEqual(key, candidate, strict, memos) &&
        innerDeepEqual(item, MapGet(map, candidate), strict, memos)) {
      SetDelete(pending, candidate);
      return true;
    }
  }
  return false;
}

function sameMapEntries(a, b, strict, memos) {
  let pending = null;
  const entriesA = mapEntriesOf(a);
  for (let i = 0; i < entriesA.keys.length; i++) {
    const key = entriesA.keys[i];
    const itemA = entriesA.values[i];
    if (typeof key === 'object' && key !== null) {
      if (pending === null) pending = new SafeSet();
      SetAdd(pending, key);
    } else {
      const itemB = MapGet(b, key);
      if ((itemB === undefined && !MapHas(b, key)) ||
          !innerDeepEqual(itemA, itemB, strict, memos)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, itemA, memos)) return false;
        if (pending === null) pending = new SafeSet();
        SetAdd(pending, key);
      }
    }
  }
  if (pending === null) return true;
  const entriesB = mapEntriesOf(b);
  for (let i = 0; i < entriesB.keys.length; i++) {
    const key = entriesB.keys[i];
    const itemB = entriesB.values[i];
    if (typeof key === 'object' && key !== null) {
      if (!takeEqualMapEntry(pending, a, key, itemB, strict, memos)) return false;
    } else if (!strict &&
               (!MapHas(a, key) || !innerDeepEqual(MapGet(a, key), itemB, false, memos)) &&
               !takeEqualMapEntry(pending, a, key, itemB, false, memos)) {
      return false;
    }
  }
  return SetSize(pending) === 0;
}

// assert.partialDeepStrictEqual(): `expected` may leave out object
// properties, array elements (the rest must appear in order), Set entries
// and Map entries; everything it has must be strictly deep-equal in
// `actual`. Other built-ins (typed arrays, dates, ...) must be equal.
function partialEqual(actual, expected, seen) {
  if (typeof expected !== 'object' || expected === null ||
      typeof actual !== 'object' || actual === null) {
    return innerDeepEqual(actual, expected, true, undefined);
  }
  if (ObjectGetPrototypeOf(actual) !== ObjectGetPrototypeOf(expected) ||
      ObjectPrototypeToString(actual) !== ObjectPrototypeToString(expected)) {
    return false;
  }
  let pairs = MapGet(seen, expected);
  if (pairs !== undefined && SetHas(pairs, actual)) return true;
  if (pairs === undefined) {
    pairs = new SafeSet();
    MapSet(seen, expected, pairs);
  }
  SetAdd(pairs, actual);

  if (ArrayIsArray(expected)) {
    if (!ArrayIsArray(actual)) return false;
    let j = 0;
    for (let i = 0; i < expected.length; i++) {
      while (j < actual.length && !partialEqual(actual[j], expected[i], seen)) j++;
      if (j === actual.length) return false;
      j++;
    }
  } else if (isSet(expected)) {
    if (!isSet(actual)) return false;
    const candidates = setValuesOf(actual);
    const used = new SafeSet();
    const wanted = setValuesOf(expected);
    for (let i = 0; i < wanted.length; i++) {
      let found = false;
      for (let j = 0; j < candidates.length && !found; j++) {
        if (!SetHas(used, j) && partialEqual(candidates[j], wanted[i], seen)) {
          SetAdd(used, j);
          found = true;
        }
      }
      if (!found) return false;
    }
  } else if (isMap(expected)) {
    if (!isMap(actual)) return false;
    const wanted = mapEntriesOf(expected);
    const have = mapEntriesOf(actual);
    for (let i = 0; i < wanted.keys.length; i++) {
      const key = wanted.keys[i];
      if (typeof key !== 'object' || key === null) {
        if (!MapHas(actual, key) || !partialEqual(MapGet(actual, key), wanted.values[i], seen)) {
          return false;
        }
        continue;
      }
      let found = false;
      for (let j = 0; j < have.keys.length && !found; j++) {
        found = innerDeepEqual(have.keys[j], key, true, undefined) &&
          partialEqual(have.values[j], wanted.values[i], seen);
      }
      if (!found) return false;
    }
  } else if (ObjectPrototypeToString(expected) !== '[object Object]' &&
             (ArrayBufferIsView(expected) || isDate(expected) || isRegExp(expected) ||
              isAnyArrayBuffer(expected) || isBoxedPrimitive(expected) ||
              isErrorLike(expected) || isWeakMap(expected) || isWeakSet(expected))) {
    return innerDeepEqual(actual, expected, true, undefined);
  }

  const keys = ownKeys(expected);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (ArrayIsArray(expected) && isIndexKey(key)) continue;
    if (!isEnumerable(actual, key) || !partialEqual(actual[key], expected[key], seen)) return false;
  }
  const symbols = ObjectGetOwnPropertySymbols(expected);
  for (let i = 0; i < symbols.length; i++) {
    const key = symbols[i];
    if (!isEnumerable(expected, key)) continue;
    if (!isEnumerable(actual, key) || !partialEqual(actual[key], expected[key], seen)) return false;
  }
  return true;
}

function isPartialStrictEqual(actual, expected) {
  return partialEqual(actual, expected, new SafeMap());
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false, undefined);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true, undefined);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
  isPartialStrictEqual,
};
