'use strict';
// stream.Transform: a Duplex whose output is computed from its input by
// _transform(chunk, encoding, callback), with _flush() at the end. A write
// completes only once the readable side has room, so backpressure carries
// through.

module.exports = Transform;

const Duplex = require('internal/streams/duplex');
const { getHighWaterMark } = require('internal/streams/state');
const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);

  // With a readable highWaterMark of 0 the writable side would stall
  // forever unless it also buffers nothing by default.
  const readableHighWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options);

  // Pushes from _transform() happen inside write(), not inside _read():
  // they must not be treated as synchronous reads.
  this._readableState.sync = false;

  this[kCallback] = null;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // When a subclass overrides _final, flush on 'prefinish' instead.
  this.on('prefinish', prefinish);
}

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) {
          cb(er);
        } else {
          this.destroy(er);
        }
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

// Writable hands _write() the same bound onwrite for every chunk and has at
// most one _write() in flight, so one completion function per stream (made
// on the first write) replaces a closure per chunk.
const kOnTransformed = Symbol('kOnTransformed');
const kLengthBefore = Symbol('kLengthBefore');

function afterTransform(stream, callback, lengthBefore, err, val) {
  if (err) {
    callback(err);
    return;
  }

  const rState = stream._readableState;
  if (val != null) stream.push(val);

  if (rState.ended) {
    // The output was ended from inside _transform(): complete the write
    // asynchronously, as node does.
    process.nextTick(callback);
  } else if (stream._writableState.ended || lengthBefore === rState.length ||
      rState.length < rState.highWaterMark) {
    callback();
  } else {
    // The readable side is full: finish this write when it is read.
    stream[kCallback] = callback;
  }
}

Transform.prototype._write = function(chunk, encoding, callback) {
  const lengthBefore = this._readableState.length;
  let done;
  if (callback === this._writableState.onwrite) {
    this[kLengthBefore] = lengthBefore;
    done = this[kOnTransformed];
    if (done === undefined) {
      done = this[kOnTransformed] = (err, val) => {
        afterTransform(this, this._writableState.onwrite, this[kLengthBefore], err, val);
      };
    }
  } else {
    // Called directly by user code with its own callback.
    done = (err, val) => afterTransform(this, callback, lengthBefore, err, val);
  }
  this._transform(chunk, encoding, done);
};

Transform.prototype._read = function() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};
