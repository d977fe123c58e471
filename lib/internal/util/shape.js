'use strict';
// Whether an array or typed array has no own named properties, without listing
// its keys. Object.keys and Reflect.ownKeys list every index before any named
// property: a million strings for a 1 MB Buffer, about a second in
// JavaScriptCore (V8 can skip the indices; the engine API here cannot).
//
// An object's named properties are fixed by its shape (the engine's structure
// id, read by the util binding): an array or view with the shape of a fresh one
// of a built-in kind has none. The fresh objects are kept here so that their
// shape ids stay theirs; only these private objects are remembered, never a
// user's (a user's object could later change without changing its id).

let shapes;

const ArrayIsArray = Array.isArray;
const TypedArrayLength = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), 'length').get);
const TypedArrayTag = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get);
// Below this many elements listing the keys is cheap: not worth a binding call.
const kMinLength = 256;

function elementCount(value) {
  if (ArrayIsArray(value)) return value.length;
  return TypedArrayTag(value) === undefined ? 0 : TypedArrayLength(value);
}

function freshObjects() {
  const fresh = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
                 Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array,
                 BigUint64Array].map((Kind) => new Kind(0));
  fresh.push(require('buffer').Buffer.alloc(0));
  // Arrays change shape with the kind of their elements: none yet, small integers,
  // doubles, anything, and sparse.
  const sparse = [];
  sparse[1e7] = 0;
  fresh.push([], new Array(4).fill(0), new Array(4).fill(0.5), new Array(4).fill('x'),
             sparse);
  return fresh;
}

// True when `value`, a large array or typed array, certainly has no own named
// property other than an array's length; false when it has, cannot be told, or
// is small (then listing its keys is cheap).
function hasNoNamedProperties(value) {
  if (!(elementCount(value) > kMinLength)) return false;
  const { getShape } = internalBinding('util');
  if (shapes === undefined) {
    shapes = new Map();
    for (const obj of freshObjects()) shapes.set(getShape(obj), obj);
    shapes.delete(-1);
  }
  return shapes.has(getShape(value));
}

module.exports = { hasNoNamedProperties };
