'use strict';
// Bridges between node streams and WHATWG streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb.

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateObject,
} = require('internal/validators');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
  isReadableNodeStream,
  isWritableNodeStream,
  isDuplexNodeStream,
} = require('internal/streams/utils');
const {
  ReadableStream,
  isReadableStream,
} = require('internal/webstreams/readablestream');
const {
  WritableStream,
  isWritableStream,
} = require('internal/webstreams/writablestream');
const {
  CountQueuingStrategy,
} = require('internal/webstreams/queuingstrategies');
const {
  PromiseResolve,
  createDeferredPromise,
  then,
} = require('internal/webstreams/util');

function lazyBuffer() {
  return require('buffer').Buffer;
}

function eos(stream, options, callback) {
  return require('internal/streams/end-of-stream')(stream, options, callback);
}

// Destroys stream; without an error an unfinished stream gets an AbortError.
function destroyStream(stream, error) {
  require('internal/streams/destroy').destroyer(stream, error);
}

function validateEncoding(encoding) {
  if (encoding !== undefined && !lazyBuffer().isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
}

function byteSize(chunk) {
  if (typeof chunk === 'string') return lazyBuffer().byteLength(chunk);
  return chunk?.byteLength ?? 1;
}

// ---- node Writable -> WritableStream ----

function newWritableStreamFromStreamWritable(streamWritable) {
  // A Duplex that is not writable passes, and gives a closed WritableStream.
  if (!isWritableNodeStream(streamWritable) &&
      (typeof streamWritable?._writableState !== 'object' || streamWritable === null)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    { highWaterMark, size: byteSize };

  let controller;
  let backpressurePromise;
  let closed;

  function onDrain() {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  }

  const cleanup = eos(streamWritable, {}, (error) => {
    if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      error = new AbortError(undefined, { cause: error });
    }
    cleanup();
    // A later error has no one to report to.
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller?.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller?.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = createDeferredPromise();
        const done = () => {
          backpressurePromise = undefined;
        };
        return then(backpressurePromise.promise, done, (err) => {
          done();
          throw err;
        });
      }
    },
    abort(reason) {
      destroyStream(streamWritable, reason);
    },
    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferredPromise();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return PromiseResolve();
    },
  }, strategy);
}

// ---- WritableStream -> node Writable ----

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    highWaterMark,
    decodeStrings = true,
    objectMode = false,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const writer = writableStream.getWriter();
  let closed = false;
  const { Writable } = require('stream');

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroyStream(writable, err));
        }
      }
      then(writer.ready, () => {
        const writes = chunks.map((data) => writer.write(data.chunk));
        then(Promise.all(writes), () => done(), done);
      }, done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        const buf = lazyBuffer().from(chunk, encoding);
        chunk = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroyStream(writable, err);
        }
      }
      then(writer.ready, () => {
        then(writer.write(chunk), () => done(), done);
      }, done);
    },

    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        if (error != null) then(writer.abort(error), done, done);
        else then(writer.close(), done, done);
        return;
      }
      done();
    },

    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroyStream(writable, err));
        }
      }
      if (!closed) then(writer.close(), () => done(), done);
    },
  });

  then(writer.closed, () => {
    closed = true;
    if (!isWritableEnded(writable)) destroyStream(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroyStream(writable, error);
  });

  return writable;
}

// ---- node Readable -> ReadableStream ----

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  // A Duplex that is not readable passes, and gives a cancelled ReadableStream.
  if (!isReadableNodeStream(streamReadable) &&
      (typeof streamReadable?._readableState !== 'object' || streamReadable === null)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  let strategy = options.strategy;
  if (!strategy) {
    strategy = objectMode ? new CountQueuingStrategy({ highWaterMark }) :
      { highWaterMark, size: byteSize };
  }

  let controller;
  let wasCanceled = false;

  function onData(chunk) {
    if (!objectMode && lazyBuffer().isBuffer(chunk)) {
      chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function onError(error) {
    cleanup();
    if (wasCanceled) return;
    streamReadable.on('error', () => {});
    if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      error = new AbortError(undefined, { cause: error });
    }
    if (error) {
      controller.error(error);
    } else {
      try {
        controller.close();
      } catch {
        // already closed
      }
    }
  }

  // Paused first, so that adding the 'data' listener does not start the
  // flow: pull() resumes it.
  streamReadable.pause();
  const cleanup = eos(streamReadable, {}, onError);
  streamReadable.on('data', onData);

  return new ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      wasCanceled = true;
      destroyStream(streamReadable, reason);
    },
  }, strategy);
}

// ---- ReadableStream -> node Readable ----

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const {
    highWaterMark,
    encoding,
    objectMode = false,
    signal,
  } = options;
  validateEncoding(encoding);
  validateBoolean(objectMode, 'options.objectMode');

  const reader = readableStream.getReader();
  let closed = false;
  const { Readable } = require('stream');

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,

    read() {
      then(reader.read(), (chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => destroyStream(readable, error));
    },

    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        then(reader.cancel(error), done, done);
        return;
      }
      done();
    },
  });

  then(reader.closed, () => {
    closed = true;
  }, (error) => {
    closed = true;
    destroyStream(readable, error);
  });

  return readable;
}

// ---- Duplex <-> { readable, writable } ----

function newReadableWritablePairFromDuplex(duplex) {
  if (!isDuplexNodeStream(duplex)) {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }
  let writable;
  if (isWritable(duplex)) {
    writable = newWritableStreamFromStreamWritable(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }
  let readable;
  if (isReadable(duplex)) {
    readable = newReadableStreamFromStreamReadable(duplex);
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateEncoding(encoding);

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const { Duplex } = require('stream');

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroyStream(duplex, err));
        }
      }
      then(writer.ready, () => {
        const writes = chunks.map((data) => writer.write(data.chunk));
        then(Promise.all(writes), () => done(), done);
      }, done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        const buf = lazyBuffer().from(chunk, encoding);
        chunk = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroyStream(duplex, err);
        }
      }
      then(writer.ready, () => {
        then(writer.write(chunk), () => done(), done);
      }, done);
    },

    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroyStream(duplex, err));
        }
      }
      if (!writableClosed) then(writer.close(), () => done(), done);
    },

    read() {
      then(reader.read(), (chunk) => {
        if (chunk.done) duplex.push(null);
        else duplex.push(chunk.value);
      }, (error) => destroyStream(duplex, error));
    },

    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      const closeWriter = () => (writableClosed ? undefined : writer.abort(error));
      const closeReader = () => (readableClosed ? undefined : reader.cancel(error));
      if (!writableClosed || !readableClosed) {
        then(Promise.all([closeWriter(), closeReader()]), done, done);
        return;
      }
      done();
    },
  });

  then(writer.closed, () => {
    writableClosed = true;
    if (!isWritableEnded(duplex)) destroyStream(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyStream(duplex, error);
  });

  then(reader.closed, () => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyStream(duplex, error);
  });

  return duplex;
}

module.exports = {
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
