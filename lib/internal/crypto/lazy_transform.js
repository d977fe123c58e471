'use strict';
// LazyTransform: the base of crypto's stream classes (Hash, Hmac). Most
// callers only use update()/digest(), so the Transform stream state is built
// on first use of a stream feature, and node:stream itself is loaded on the
// first construction rather than when node:crypto loads.

let linked = false;

function LazyTransform(options) {
  if (!linked) link();
  this._options = options;
}

// Puts stream.Transform.prototype under LazyTransform.prototype.
function link() {
  linked = true;
  const { Transform } = require('stream');
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  Object.setPrototypeOf(LazyTransform, Transform);
  LazyTransform.Transform = Transform;
}

function stateGetter(name) {
  return function() {
    LazyTransform.Transform.call(this, this._options);
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

module.exports = LazyTransform;
