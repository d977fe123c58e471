'use strict';
// stream.duplexPair(): two connected Duplex streams; what is written to one
// is read from the other.

const Duplex = require('internal/streams/duplex');
const { codes: { ERR_INVALID_STATE } } = require('internal/errors');

const kCallback = Symbol('Callback');
const kInitOtherSide = Symbol('InitOtherSide');

class DuplexSide extends Duplex {
  #otherSide = null;

  constructor(options) {
    super(options);
    this[kCallback] = null;
  }

  [kInitOtherSide](otherSide) {
    // Only one side can ever be attached.
    if (this.#otherSide === null) {
      this.#otherSide = otherSide;
    } else {
      throw new ERR_INVALID_STATE('Other side is already set');
    }
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this.#otherSide.push(chunk);
      this.#otherSide[kCallback] = callback;
    }
  }

  _final(callback) {
    this.#otherSide.on('end', callback);
    this.#otherSide.push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kInitOtherSide](side1);
  side1[kInitOtherSide](side0);
  return [side0, side1];
}

module.exports = duplexPair;
