'use strict';
// The pre-streams2 `Stream` base class: an EventEmitter with a simple pipe().

const EE = require('events');

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

Stream.prototype.pipe = function(dest, options) {
  const source = this;

  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);

  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);

  // Standard streams are never ended by a pipe.
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }

  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }

  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }

  function onerror(er) {
    cleanup();
    if (listenerCount(this, 'error') === 0) this.emit('error', er);
  }

  prependListener(source, 'error', onerror);
  prependListener(dest, 'error', onerror);

  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }

  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);

  return dest;
};

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

function isUint8Array(value) {
  return typedArrayTag.call(value) === 'Uint8Array';
}

let Buffer;
// A Buffer over the same memory.
function uint8ArrayToBuffer(chunk) {
  Buffer ??= require('buffer').Buffer;
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function listenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return EE.listenerCount(emitter, type);
}

// Adds fn in front of the existing listeners, also for emitters that predate
// prependListener().
function prependListener(emitter, event, fn) {
  if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
  const events = emitter._events;
  if (!events || !events[event]) {
    emitter.on(event, fn);
  } else if (Array.isArray(events[event])) {
    events[event].unshift(fn);
  } else {
    events[event] = [fn, events[event]];
  }
}

module.exports = { Stream, prependListener, isUint8Array, uint8ArrayToBuffer };
