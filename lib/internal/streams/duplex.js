'use strict';
// stream.Duplex: a Readable that is also a Writable. It inherits from
// Readable and borrows Writable's methods; `instanceof Writable` holds through
// Writable's hasInstance hook.

module.exports = Duplex;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Stream } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');

const { ReadableState } = Readable;
const { WritableState } = Writable;

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

{
  const keys = Object.keys(Writable.prototype);
  for (let v = 0; v < keys.length; v++) {
    const method = keys[v];
    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
  }
}

let addAbortSignal;

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  this._readableState = new ReadableState(options, this, true);
  this._writableState = new WritableState(options, this, true);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    if (options.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }

    if (options.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }

    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
  } else {
    this.allowHalfOpen = true;
  }

  Stream.call(this, options);

  if (options && options.signal) {
    addAbortSignal ??= require('internal/streams/add-abort-signal').addAbortSignal;
    addAbortSignal(options.signal, this);
  }

  destroyImpl.construct(this, onConstructed);
}

function onConstructed() {
  ReadableState.onConstructed.call(this);
  WritableState.onConstructed.call(this);
}

Duplex.prototype.destroy = Writable.prototype.destroy;

function writableDescriptor(name) {
  return Object.getOwnPropertyDescriptor(Writable.prototype, name);
}

Object.defineProperties(Duplex.prototype, {
  writable: { __proto__: null, ...writableDescriptor('writable') },
  writableHighWaterMark: { __proto__: null, ...writableDescriptor('writableHighWaterMark') },
  writableObjectMode: { __proto__: null, ...writableDescriptor('writableObjectMode') },
  writableBuffer: { __proto__: null, ...writableDescriptor('writableBuffer') },
  writableLength: { __proto__: null, ...writableDescriptor('writableLength') },
  writableFinished: { __proto__: null, ...writableDescriptor('writableFinished') },
  writableCorked: { __proto__: null, ...writableDescriptor('writableCorked') },
  writableEnded: { __proto__: null, ...writableDescriptor('writableEnded') },
  writableNeedDrain: { __proto__: null, ...writableDescriptor('writableNeedDrain') },

  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      // Set both sides, as before the states existed separately.
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

let webStreamsAdapters;
function lazyWebStreams() {
  webStreamsAdapters ??= require('internal/webstreams/adapters');
  return webStreamsAdapters;
}

Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function(duplex) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex);
};

let duplexify;
Duplex.from = function(body) {
  duplexify ??= require('internal/streams/duplexify');
  return duplexify(body, 'body');
};
