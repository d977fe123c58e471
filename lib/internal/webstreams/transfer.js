'use strict';
// Transfer of web streams through structuredClone(value, { transfer }) within
// one thread: the transferred stream reads from (or writes to) the original
// through a reader (or writer) that keeps it locked, and every chunk is
// structured-cloned on the way, as if it had crossed a MessagePort.
// Transfer to another thread (a worker) is not supported yet.

const {
  kState,
  kType,
  lazyDOMException,
  nop,
  setPromiseHandled,
  then,
} = require('internal/webstreams/util');

function clone(value) {
  return require('internal/structured_clone').structuredClone(value);
}

function transferReadable(stream) {
  const {
    ReadableStreamDefaultReader,
    createReadableStream,
    isReadableStreamLocked,
  } = require('internal/webstreams/readablestream');
  if (isReadableStreamLocked(stream)) {
    throw lazyDOMException('Cannot transfer a locked ReadableStream', 'DataCloneError');
  }
  const reader = new ReadableStreamDefaultReader(stream);
  return {
    data: undefined,
    deserializeInfo: () => {
      let out;
      const pull = () => then(reader.read(), ({ value, done }) => {
        const controller = out[kState].controller;
        if (done) {
          controller.close();
          return;
        }
        let copy;
        try {
          copy = clone(value);
        } catch (err) {
          controller.error(err);
          setPromiseHandled(reader.cancel(err));
          return;
        }
        controller.enqueue(copy);
      });
      out = createReadableStream(nop, pull, (reason) => reader.cancel(reason), 0);
      return out;
    },
  };
}

function transferWritable(stream) {
  const {
    acquireWritableStreamDefaultWriter,
    createWritableStream,
    isWritableStreamLocked,
  } = require('internal/webstreams/writablestream');
  if (isWritableStreamLocked(stream)) {
    throw lazyDOMException('Cannot transfer a locked WritableStream', 'DataCloneError');
  }
  const writer = acquireWritableStreamDefaultWriter(stream);
  return {
    data: undefined,
    deserializeInfo: () => createWritableStream(
      nop,
      (chunk) => then(writer.ready, () => writer.write(clone(chunk))),
      () => writer.close(),
      (reason) => writer.abort(reason)),
  };
}

function transferTransform(stream) {
  const { TransformStream } = require('internal/webstreams/transformstream');
  const { readable, writable } = stream[kState];
  if (readable.locked) {
    throw lazyDOMException('Cannot transfer a locked ReadableStream', 'DataCloneError');
  }
  if (writable.locked) {
    throw lazyDOMException('Cannot transfer a locked WritableStream', 'DataCloneError');
  }
  const r = transferReadable(readable).deserializeInfo;
  const w = transferWritable(writable).deserializeInfo;
  return {
    data: undefined,
    deserializeInfo: () => {
      const out = Object.create(TransformStream.prototype);
      out[kType] = 'TransformStream';
      out[kState] = {
        readable: r(),
        writable: w(),
        backpressure: undefined,
        backpressureChange: undefined,
        controller: undefined,
      };
      return out;
    },
  };
}

module.exports = {
  transferReadable,
  transferWritable,
  transferTransform,
};
