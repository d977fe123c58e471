'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy (WHATWG Streams).

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_OPTION,
  },
} = require('internal/errors');
const {
  customInspect,
  defineToStringTag,
  kInspect,
  makeEnumerable,
} = require('internal/webstreams/util');

const kHighWaterMark = Symbol('kHighWaterMark');

function validateInit(init) {
  if (init === null || typeof init !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('init', 'object', init);
  }
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');
  return +init.highWaterMark;
}

// One size function per class, shared by every instance as the standard asks.
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
const countSize = { size() { return 1; } }.size;

function check(self, name) {
  if (self == null || typeof self !== 'object' || self[kHighWaterMark] === undefined ||
      !(self instanceof (name === 'CountQueuingStrategy' ?
        CountQueuingStrategy : ByteLengthQueuingStrategy))) {
    throw new ERR_INVALID_THIS(name);
  }
}

class ByteLengthQueuingStrategy {
  constructor(init) {
    this[kHighWaterMark] = validateInit(init);
  }

  get highWaterMark() {
    check(this, 'ByteLengthQueuingStrategy');
    return this[kHighWaterMark];
  }

  get size() {
    check(this, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ByteLengthQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}

class CountQueuingStrategy {
  constructor(init) {
    this[kHighWaterMark] = validateInit(init);
  }

  get highWaterMark() {
    check(this, 'CountQueuingStrategy');
    return this[kHighWaterMark];
  }

  get size() {
    check(this, 'CountQueuingStrategy');
    return countSize;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'CountQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}

makeEnumerable(ByteLengthQueuingStrategy, ['highWaterMark', 'size']);
makeEnumerable(CountQueuingStrategy, ['highWaterMark', 'size']);
defineToStringTag(ByteLengthQueuingStrategy);
defineToStringTag(CountQueuingStrategy);

module.exports = {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
};
