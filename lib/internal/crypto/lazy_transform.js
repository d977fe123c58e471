'use strict';
// LazyTransform: the base of crypto's stream classes (Hash, Hmac). Most
// callers only use update()/digest(), so the Transform stream state is built
// on first use of a stream feature, and node:stream itself is loaded only
// when something reaches past the crypto prototypes: a stream method
// (hash.pipe, hash.on), `instanceof`, Object.getPrototypeOf, or `in`.
// Until then the prototype chain ends in a Proxy that loads node:stream,
// splices Transform.prototype in its own place and answers from there, so
// createHash().update().digest() never pays for loading the stream stack.

let linked = false;

function LazyTransform(options) {
  this._options = options;
}

// Puts stream.Transform.prototype under LazyTransform.prototype.
function link() {
  if (linked) return LazyTransform.Transform;
  linked = true;
  const { Transform } = require('stream');
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  Object.setPrototypeOf(LazyTransform, Transform);
  LazyTransform.Transform = Transform;
  return Transform;
}

function stateGetter(name) {
  return function() {
    link().call(this, this._options);
    // Written strings reach _transform() with their encoding, as update() takes them.
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function stateSetter(name) {
  return function(value) {
    Object.defineProperty(this, name, {
      __proto__: null,
      value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  };
}

for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    __proto__: null,
    get: stateGetter(name),
    set: stateSetter(name),
    configurable: true,
    enumerable: true,
  });
}

// The stand-in for Transform.prototype. Its traps run only for properties that
// neither the instance nor the crypto prototypes have.
const proto = () => link().prototype;
const standIn = new Proxy({ __proto__: null }, {
  __proto__: null,
  get: (target, key, receiver) => Reflect.get(proto(), key, receiver),
  set(target, key, value, receiver) {
    // The crypto classes store their state under symbols and `_options`,
    // which no stream prototype defines accessors for: keep those on the
    // instance without loading node:stream.
    if (!linked && (typeof key === 'symbol' || key === '_options') &&
        receiver !== null && typeof receiver === 'object') {
      return Reflect.defineProperty(receiver, key, {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    }
    return Reflect.set(proto(), key, value, receiver);
  },
  has: (target, key) => Reflect.has(proto(), key),
  // Seen from a chain walk (instanceof), the stand-in is Transform.prototype's
  // place: what follows it is Transform.prototype itself.
  getPrototypeOf: () => proto(),
  setPrototypeOf: () => false,
  ownKeys: () => Reflect.ownKeys(proto()),
  getOwnPropertyDescriptor: (target, key) => {
    const desc = Reflect.getOwnPropertyDescriptor(proto(), key);
    // A proxy may not report a non-configurable property its target lacks.
    if (desc !== undefined) desc.configurable = true;
    return desc;
  },
  defineProperty: (target, key, desc) => Reflect.defineProperty(proto(), key, desc),
  deleteProperty: (target, key) => Reflect.deleteProperty(proto(), key),
  isExtensible: () => true,
  preventExtensions: () => false,
});
Object.setPrototypeOf(LazyTransform.prototype, standIn);

module.exports = LazyTransform;
