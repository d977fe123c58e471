'use strict';
// node:net — TCP and Unix domain sockets over the stream_wrap binding's TCP
// and Pipe handles.

const EventEmitter = require('events');
const { Duplex } = require('stream');
const {
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
  ErrnoException,
  ExceptionWithHostPort,
  NodeAggregateError,
  UVExceptionWithHostPort: uvExceptionWithHostPort,
  genericNodeError,
  uvErrName,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');
const { isIP, isIPv4, isIPv6, normalizedArgsSymbol } = require('internal/net');
const {
  Timeout, insert, unrefActive, clearTimeout, TIMEOUT_MAX,
} = require('internal/timers');

const { TCP, Pipe, constants: handleConstants, writeState } = internalBinding('stream_wrap');
const uv = internalBinding('uv');

const { kOwner } = require('internal/stream_base');
const { stamp: stampAsyncFrame } = require('internal/async_context');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');

// A TCP connect being timed for perf_hooks observers of 'net' (entry 'connect').
const kPerfConnect = Symbol('kPerfConnect');
// The errors of a happy-eyeballs connect's failed attempts so far.
const kConnectErrors = Symbol('kConnectErrors');
const kTimeout = Symbol('timeout');
// A cleared timeout of the socket, re-armed by the next setTimeout() instead of a
// new one (an HTTP server sets one after every response), and _onTimeout bound.
const kTimeoutFree = Symbol('timeoutFree');
const kOnTimeoutBound = Symbol('onTimeoutBound');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kSetNoDelay = Symbol('kSetNoDelay');
const kBuffer = Symbol('kBuffer');
const kBufferGen = Symbol('kBufferGen');
const kBufferCb = Symbol('kBufferCb');
const kBufferPending = Symbol('kBufferPending');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');

const DEFAULT_IPV4_ADDR = '0.0.0.0';
const DEFAULT_IPV6_ADDR = '::';

let dns;
// --[no-]network-family-autoselection and
// --network-family-autoselection-attempt-timeout=N set the defaults.
let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;
for (const arg of process.execArgv) {
  if (arg === '--no-network-family-autoselection') autoSelectFamilyDefault = false;
  else if (arg === '--network-family-autoselection') autoSelectFamilyDefault = true;
  else if (arg.startsWith('--network-family-autoselection-attempt-timeout=')) {
    const n = Number(arg.slice(arg.indexOf('=') + 1));
    if (Number.isInteger(n) && n > 0) autoSelectFamilyAttemptTimeoutDefault = Math.max(n, 10);
  }
}

function noop() {}

function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// connect()/listen() arguments as [options, callback-or-null].
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = internalBinding('tty').guessHandleType(fd);
  if (type === 'PIPE') {
    return new Pipe(isServer ? handleConstants.SERVER : handleConstants.SOCKET);
  }
  if (type === 'TCP') return new TCP(isServer ? handleConstants.SERVER : handleConstants.SOCKET);
  throw new ERR_INVALID_FD_TYPE(type);
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

// An unref'd timer, as node's internal setUnrefTimeout.
function setUnrefTimeout(callback, after) {
  const timer = new Timeout(callback, after, undefined, false, false);
  insert(timer, timer._idleTimeout);
  return timer;
}

// ---- reading and writing ----

// onread: { buffer, callback } mode: data is copied into the user's buffer
// (or one from the user's generator) piece by piece and handed to the
// callback instead of being pushed; a callback returning false pauses.
function deliverUserBuffer(socket) {
  const pending = socket[kBufferPending];
  while (pending.length > 0 && !socket.destroyed && socket._handle) {
    const item = pending[0];
    if (item === null) {
      pending.shift();
      if (socket[kBufferGen]) socket[kBufferGen]();
      socket.push(null);
      socket.read(0);
      return;
    }
    if (!socket._handle.reading) return;
    const buf = socket[kBufferGen] ? socket[kBufferGen]() : socket[kBuffer];
    const n = Math.min(buf.length, item.length);
    buf.set(item.subarray(0, n));
    if (n === item.length) pending.shift();
    else pending[0] = item.subarray(n);
    const ret = socket[kBufferCb].call(socket, n, buf);
    if (ret === false && socket._handle && socket._handle.reading) {
      socket._handle.reading = false;
      socket._handle.readStop();
    }
  }
}

function onStreamRead(nread, chunk) {
  const socket = this[kOwner];
  if (socket === undefined) return;
  if (socket[kBuffer] && (nread > 0 || nread === uv.UV_EOF) && !socket.destroyed) {
    if (nread > 0) {
      socket[kBytesRead] += nread;
      socket._unrefTimer();
    }
    socket[kBufferPending].push(nread > 0 ? new Uint8Array(chunk.buffer, chunk.byteOffset, nread) :
      null);
    deliverUserBuffer(socket);
    return;
  }
  if (nread > 0) {
    if (socket.destroyed) return;
    socket[kBytesRead] += nread;
    socket._unrefTimer();
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, nread);
    if (!socket.push(buf)) {
      this.reading = false;
      if (!socket.destroyed) {
        const err = this.readStop();
        if (err) socket.destroy(new ErrnoException(err, 'read'));
      }
    }
    return;
  }
  if (nread === 0 || socket.destroyed) return;
  if (nread !== uv.UV_EOF) {
    socket.destroy(new ErrnoException(nread, 'read'));
    return;
  }
  this.reading = false;
  this.readStop();
  socket.push(null);
  socket.read(0);
}

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(new ErrnoException(err, 'read'));
}

function onWriteComplete(status) {
  const socket = this.socket;
  if (socket.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  if (status < 0) {
    const ex = new ErrnoException(status, 'write');
    if (typeof this.callback === 'function') this.callback(ex);
    else socket.destroy(ex);
    return;
  }
  socket._unrefTimer();
  if (typeof this.callback === 'function') this.callback(null);
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = genericNodeError('This socket has been ended by the other party',
                              { code: 'EPIPE' });
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function initSocketHandle(socket) {
  socket._undestroy();
  socket._sockname = null;
  if (socket._handle) {
    socket._handle[kOwner] = socket;
    socket._handle.onread = onStreamRead;
  }
}

// ---- Socket ----

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options?.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode, 'is not supported');
  } else if (options?.readableObjectMode || options?.writableObjectMode) {
    throw new ERR_INVALID_ARG_VALUE(
      `options.${options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode'}`,
      options.readableObjectMode || options.writableObjectMode, 'is not supported');
  }
  if (typeof options?.keepAliveInitialDelay !== 'undefined') {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }

  this.connecting = false;
  this._hadError = false;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kTimeoutFree] = null;
  this[kOnTimeoutBound] = null;
  this._closeAfterHandlingError = false;

  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };

  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  // The socket handles `signal` itself (the stream must not add a second
  // abort listener).
  const { signal } = options;
  options.signal = undefined;
  Duplex.call(this, options);
  options.signal = signal;

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw new ErrnoException(err, 'open');
  } else {
    this._handle = null;
  }

  const onread = options.onread;
  if (onread !== null && typeof onread === 'object' &&
      (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function') &&
      typeof onread.callback === 'function') {
    if (typeof onread.buffer === 'function') {
      this[kBuffer] = true;
      this[kBufferGen] = onread.buffer;
    } else {
      this[kBuffer] = onread.buffer;
      this[kBufferGen] = null;
    }
    this[kBufferCb] = onread.callback;
    this[kBufferPending] = [];
  } else {
    this[kBuffer] = null;
  }

  this.on('end', onReadableStreamEnd);
  initSocketHandle(this);

  this._pendingData = null;
  this._pendingEncoding = '';
  this._bytesDispatched = 0;

  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (options.signal) addClientAbortSignalOption(this, options);

  this.server = null;
  this._server = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

function addClientAbortSignalOption(self, options) {
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  let disposable;
  function onAbort() {
    disposable?.[Symbol.dispose]?.();
    self._aborted = true;
    const { AbortError } = require('internal/errors');
    self.destroy(new AbortError(undefined, { cause: signal.reason }));
  }
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    self.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  const old = this[kTimeout];
  if (old) {
    clearTimeout(old);
    this[kTimeoutFree] = old;
  }
  if (msecs === 0) {
    this[kTimeout] = null;
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = armSocketTimeout(this, msecs);
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

function armSocketTimeout(socket, msecs) {
  let bound = socket[kOnTimeoutBound];
  if (bound == null || bound.target !== socket._onTimeout) {
    const target = socket._onTimeout;
    bound = socket[kOnTimeoutBound] = { target, fn: target.bind(socket) };
  }
  const timer = socket[kTimeoutFree];
  if (timer != null && msecs >= 1) {
    socket[kTimeoutFree] = null;
    timer._onTimeout = bound.fn;
    timer._idleTimeout = msecs;
    unrefActive(timer);
    return timer;
  }
  return setUnrefTimeout(bound.fn, msecs);
}

Socket.prototype._onTimeout = function _onTimeout() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function address() {
  return this._getsockname();
};

Object.defineProperty(Socket.prototype, '_connecting', {
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  get() { return !this._handle || this.connecting; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  get() {
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

Socket.prototype._read = function _read(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.pause = function pause() {
  if (this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) {
      const err = this._handle.readStop();
      if (err) this.destroy(new ErrnoException(err, 'read'));
    }
  }
  return Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function resume() {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
    deliverUserBuffer(this);
  }
  return Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function read(n) {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return Duplex.prototype.read.call(this, n);
};

Socket.prototype.end = function end(data, encoding, callback) {
  Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype._reset = function _reset() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._final = function _final(cb) {
  if (this.pending) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();
  const req = {
    // As in node, a failed shutdown (ENOTSOCK on a terminal, ENOTCONN...)
    // still finishes the stream.
    oncomplete: () => cb(),
  };
  const err = this._handle.shutdown(req);
  if (err === 1 || err === uv.UV_ENOTCONN) return cb();
  if (err !== 0) return cb(new ErrnoException(err, 'shutdown'));
};

Socket.prototype._writeGeneric = function _writeGeneric(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  if (this[kTimeout] != null || this._parent != null) this._unrefTimer();
  const handle = this._handle;
  const req = { socket: this, callback: null, oncomplete: onWriteComplete };
  let err;
  if (writev) {
    const allBuffers = data.allBuffers;
    const list = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const { chunk, encoding: enc } = data[i];
      list[i] = (allBuffers || typeof chunk !== 'string') ? chunk : Buffer.from(chunk, enc);
    }
    err = handle.writev(req, list);
  } else if (typeof data === 'string') {
    if (encoding === 'buffer') {
      const ex = new TypeError('Second argument must be a buffer');
      ex.code = 'ERR_INVALID_ARG_TYPE';
      throw ex;
    }
    if (encoding === 'utf8' || encoding === 'utf-8') {
      err = handle.writeUtf8String(req, data);
    } else if ((encoding === 'latin1' || encoding === 'binary') &&
               typeof handle.writeLatin1String === 'function') {
      err = handle.writeLatin1String(req, data);
    } else {
      err = handle.writeBuffer(req, Buffer.from(data, encoding));
    }
  } else {
    err = handle.writeBuffer(req, data);
  }
  if (err !== 0) {
    cb(new ErrnoException(err, 'write'));
    return;
  }
  // What the write did is in writeState ([bytes, queued]), read before anything else writes.
  const bytes = writeState[0];
  this._bytesDispatched += bytes;
  if (writeState[1] === 1) {
    this[kLastWriteQueueSize] = bytes;
    req.callback = cb;
  } else {
    cb();
  }
};

Socket.prototype._writev = function _writev(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function _write(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Object.defineProperty(Socket.prototype, 'bytesRead', {
  get() { return this[kBytesRead]; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  get() {
    let bytes = this._bytesDispatched;
    const data = this._pendingData;
    const encoding = this._pendingEncoding;
    const writableBuffer = this.writableBuffer;
    if (!writableBuffer) return undefined;
    for (const el of writableBuffer) {
      bytes += el.chunk instanceof Buffer ? el.chunk.length :
        Buffer.byteLength(el.chunk, el.encoding);
    }
    if (Array.isArray(data)) {
      for (let i = 0; i < data.length; i++) {
        const chunk = data[i];
        if (data.allBuffers || chunk instanceof Buffer) bytes += chunk.length;
        else bytes += Buffer.byteLength(chunk.chunk, chunk.encoding);
      }
    } else if (data) {
      if (typeof data !== 'string') bytes += data.length;
      else bytes += Buffer.byteLength(data, encoding);
    }
    return bytes;
  },
  configurable: true,
});

Socket.prototype._getpeername = function _getpeername() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  } else if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function _getsockname() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
  }
  return this._sockname;
};

function protoGetter(name, fn) {
  Object.defineProperty(Socket.prototype, name, {
    configurable: false,
    enumerable: true,
    get: fn,
  });
}
protoGetter('remoteAddress', function remoteAddress() { return this._getpeername().address; });
protoGetter('remoteFamily', function remoteFamily() { return this._getpeername().family; });
protoGetter('remotePort', function remotePort() { return this._getpeername().port; });
protoGetter('localAddress', function localAddress() { return this._getsockname().address; });
protoGetter('localPort', function localPort() { return this._getsockname().port; });
protoGetter('localFamily', function localFamily() { return this._getsockname().family; });

Socket.prototype._destroy = function _destroy(exception, cb) {
  this.connecting = false;
  for (let s = this; s !== null; s = s._parent) {
    clearTimeout(s[kTimeout]);
  }
  if (this._handle) {
    const isException = !!exception;
    const handle = this._handle;
    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      const err = handle.reset(() => this.emit('close', isException));
      if (err) {
        this.emit('error', new ErrnoException(err, 'reset'));
        handle.close(() => this.emit('close', isException));
      }
    } else {
      handle.close(() => this.emit('close', isException));
    }
    handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function emitCloseNT(socket) {
  socket.emit('close', socket._hadError || !!socket.errored);
}

Socket.prototype.ref = function ref() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

// ---- connecting ----

Socket.prototype.connect = function connect(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];

  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  const { path } = options;
  const pipe = !!path;
  if (!this._handle) {
    this._handle = pipe ? new Pipe(handleConstants.SOCKET) : new TCP(handleConstants.SOCKET);
    initSocketHandle(this);
    // Byte counts are per connection.
    this[kBytesRead] = 0;
    this._bytesDispatched = 0;
  }
  if (cb !== null) this.once('connect', cb);
  this._unrefTimer();
  this.connecting = true;
  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
  }
  return family;
}

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamily } = options;

  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress);
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = autoSelectFamilyDefault;
  if (options.autoSelectFamilyAttemptTimeout != null) {
    validateInt32(options.autoSelectFamilyAttemptTimeout,
                  'options.autoSelectFamilyAttemptTimeout', 1);
  }

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, host, port, addressType, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  if (dns === undefined) dns = require('dns');
  const dnsopts = { family: socketToDnsFamily(options.family), hints: options.hints || 0 };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = dns.ADDRCONFIG;
  }
  self._host = host;
  const lookup = options.lookup || dns.lookup;

  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
    dnsopts.all = true;
    lookup(host, dnsopts, function emitLookup(err, addresses) {
      if (!self.connecting) return;
      if (err) {
        self.emit('lookup', err, undefined, undefined, host);
        process.nextTick(connectErrorNT, self, err);
        return;
      }
      if (!Array.isArray(addresses) || addresses.length === 0) {
        const ex = new ERR_INVALID_IP_ADDRESS(addresses);
        self.emit('lookup', ex, undefined, undefined, host);
        process.nextTick(connectErrorNT, self, ex);
        return;
      }
      // Try each address in turn until one connects.
      const list = [];
      for (const a of addresses) {
        if (isIP(a.address) && (a.family === 4 || a.family === 6)) list.push(a);
      }
      const first = addresses[0];
      for (const a of addresses) {
        self.emit('lookup', null, a.address, a.family, host);
      }
      if (!self.connecting) return;
      if (list.length === 0) {
        const ex = isIP(first.address) ?
          new ERR_INVALID_ADDRESS_FAMILY(first.family, options.host, options.port) :
          new ERR_INVALID_IP_ADDRESS(first.address);
        process.nextTick(connectErrorNT, self, ex);
        return;
      }
      self._unrefTimer();
      const has4 = list.some((a) => a.family === 4);
      const has6 = list.some((a) => a.family === 6);
      if (!has4 || !has6) {
        internalConnect(self, list[0].address, port, list[0].family, localAddress, localPort);
        return;
      }
      // Both families: alternate them, starting with the first answer's.
      const a = list.filter((x) => x.family === list[0].family);
      const b = list.filter((x) => x.family !== list[0].family);
      const order = [];
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (i < a.length) order.push(a[i]);
        if (i < b.length) order.push(b[i]);
      }
      self.autoSelectFamilyAttemptedAddresses = [];
      self[kConnectErrors] = [];
      internalConnectMultiple(self, order, 0, port, localPort);
    });
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    self.emit('lookup', err, ip, addressType, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(ip));
    } else if (addressType !== 4 && addressType !== 6) {
      process.nextTick(connectErrorNT, self,
                       new ERR_INVALID_ADDRESS_FAMILY(addressType, options.host, options.port));
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
    }
  });
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

// Tries list[index] and, when it fails, the next address on a fresh handle,
// emitting 'connectionAttempt' and 'connectionAttemptFailed' as node does.
function internalConnectMultiple(self, list, index, port, localPort) {
  const { address, family } = list[index];
  self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
  self.emit('connectionAttempt', address, port, family);
  const last = index + 1 >= list.length;
  const req = stampAsyncFrame({ oncomplete: null, address, port, addressType: family, localPort });
  req.oncomplete = function(status, handle, r, readable, writable) {
    if (status !== 0 && self.connecting && !self.destroyed) {
      const ex = new ExceptionWithHostPort(status, 'connect', address, port);
      self.emit('connectionAttemptFailed', address, port, family, ex);
      self[kConnectErrors].push(ex);
      if (last) {
        // Every address failed: one error holding each attempt's, as node.
        self.destroy(new NodeAggregateError(self[kConnectErrors]));
        return;
      }
      const old = self._handle;
      if (old) {
        old.onread = noop;
        old.close();
      }
      self._handle = new TCP(handleConstants.SOCKET);
      // A TLS socket puts its TLS layer on each new attempt's handle
      // (TLSSocket.prototype._wrapAttemptHandle in lib/_tls_wrap.js).
      if (typeof self._wrapAttemptHandle === 'function') {
        self._handle = self._wrapAttemptHandle(self._handle);
      }
      initSocketHandle(self);
      internalConnectMultiple(self, list, index + 1, port, localPort);
      return;
    }
    afterConnect.call(this, status, handle, r, readable, writable);
  };
  let err = 0;
  if (localPort) {
    err = family === 4 ? self._handle.bind(DEFAULT_IPV4_ADDR, localPort) :
      self._handle.bind6(DEFAULT_IPV6_ADDR, localPort, 0);
  }
  if (!err) {
    err = family === 4 ? self._handle.connect(req, address, port) :
      self._handle.connect6(req, address, port);
  }
  if (err) process.nextTick(() => req.oncomplete(err, self._handle, req, false, false));
  else if (hasObserver('net')) self[kPerfConnect] = startPerf('net', 'connect', { host: address, port });
}

function internalConnect(self, address, port, addressType, localAddress, localPort) {
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress ||= DEFAULT_IPV4_ADDR;
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress ||= DEFAULT_IPV6_ADDR;
      err = self._handle.bind6(localAddress, localPort, 0);
    }
    if (err) {
      self.destroy(new ExceptionWithHostPort(err, 'bind', localAddress, localPort));
      return;
    }
  }
  const req = stampAsyncFrame({
    oncomplete: afterConnect, address, port, localAddress, localPort, addressType,
  });
  if (addressType === 4) err = self._handle.connect(req, address, port);
  else if (addressType === 6) err = self._handle.connect6(req, address, port);
  else err = self._handle.connect(req, address);
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname && sockname.address) details = sockname.address + ':' + sockname.port;
    self.destroy(new ExceptionWithHostPort(err, 'connect', address, port, details));
  } else if ((addressType === 4 || addressType === 6) && hasObserver('net')) {
    self[kPerfConnect] = startPerf('net', 'connect', { host: address, port });
  }
}

function afterConnect(status, handle, req, readable, writable) {
  const self = handle[kOwner];
  if (!self || self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) self.end();
    self._unrefTimer();
    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }
    self.emit('connect');
    self.emit('ready');
    if (readable && !self.isPaused()) self.read(0);
    if (self[kPerfConnect] !== undefined) {
      stopPerf(self[kPerfConnect]);
      self[kPerfConnect] = undefined;
    }
  } else {
    let details;
    if (req.localAddress && req.localPort) {
      details = req.localAddress + ':' + req.localPort;
    }
    const ex = new ExceptionWithHostPort(status, 'connect', req.address, req.port, details);
    if (details) {
      ex.localAddress = req.localAddress;
      ex.localPort = req.localPort;
    }
    self.destroy(ex);
  }
}

// ---- Server ----

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof options.keepAliveInitialDelay !== 'undefined') {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (typeof options.highWaterMark !== 'undefined') {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
    if (options.highWaterMark < 0) options.highWaterMark = 0;
  }
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? require('stream').getDefaultHighWaterMark(false);
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return uv.UV_EINVAL;
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(handleConstants.SERVER);
  } else {
    handle = new TCP(handleConstants.SERVER);
    isTCP = true;
  }
  if (address || port || isTCP) {
    if (!address) {
      err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags);
      if (err) {
        handle.close();
        return createServerHandle(DEFAULT_IPV4_ADDR, port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else {
      err = handle.bind(address, port);
    }
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  if (self._handle) self.emit('listening');
}

Server.prototype._listen2 = function setupListenHandle(address, port, addressType, backlog, fd,
                                                       flags) {
  if (!this._handle) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = DEFAULT_IPV4_ADDR;
        addressType = 4;
      } else {
        address = DEFAULT_IPV6_ADDR;
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      const error = uvExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }
  this._connectionKey = addressType + ':' + address + ':' + port;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
};

function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags) {
  if (exclusive || !require('internal/cluster/state').isWorker) {
    server._listen2(address, port, addressType, backlog, fd, flags);
    return;
  }
  // A cluster worker asks the primary for the listening handle.
  const serverQuery = { address, port, addressType, fd, flags, backlog };
  require('cluster')._getServer(server, serverQuery, function listenOnPrimaryHandle(err, handle) {
    if (err === 0 && port > 0 && handle && handle.getsockname) {
      // A round-robin handle bound elsewhere means the port was taken.
      const out = {};
      handle.getsockname(out);
      if (out.port !== undefined && out.port !== port) err = uv.UV_EADDRINUSE;
    }
    if (err) {
      server.emit('error', new ExceptionWithHostPort(err, 'bind', address, port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd, flags);
  });
}

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  if (dns === undefined) dns = require('dns');
  dns.lookup(address, function doListen(err, ip, addressType) {
    if (err) {
      self.emit('error', err);
    } else {
      addressType = ip ? addressType : 4;
      listenInCluster(self, ip, port, addressType, backlog, undefined, exclusive, flags);
    }
  });
}

function addServerAbortSignalOption(self, options) {
  if (options?.signal === undefined) return;
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  const onAborted = () => self.close();
  if (signal.aborted) {
    process.nextTick(onAborted);
  } else {
    signal.addEventListener('abort', onAborted, { once: true });
    self.once('close', () => signal.removeEventListener('abort', onAborted));
  }
}

Server.prototype.listen = function listen(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);
  options = options._handle || options.handle || options;
  const flags = options.ipv6Only === true ? handleConstants.UV_TCP_IPV6ONLY : 0;

  if (options instanceof TCP) {
    this._handle = options;
    listenInCluster(this, null, -1, -1, backlogFromArgs);
    return this;
  }
  addServerAbortSignalOption(this, options);
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) ||
      options.port === null) {
    options.port = 0;
  }
  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive,
                      flags);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined, options.exclusive);
    if (!this._handle) return this;
    let mode = 0;
    if (options.readableAll === true) mode |= handleConstants.UV_READABLE;
    if (options.writableAll === true) mode |= handleConstants.UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw new ErrnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }
  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options,
                                    'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

Object.defineProperty(Server.prototype, 'listening', {
  get() { return !!(this._handle && this._connectionKey); },
  configurable: true,
  enumerable: true,
});

Server.prototype.address = function address() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw new ErrnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

function onconnection(err, clientHandle) {
  const self = this[kOwner];
  if (err) {
    self.emit('error', new ErrnoException(err, 'accept'));
    return;
  }
  if (self.maxConnections != null && self._connections >= self.maxConnections) {
    if (clientHandle.getsockname || clientHandle.getpeername) {
      const data = Object.create(null);
      if (clientHandle.getsockname) {
        const local = {};
        clientHandle.getsockname(local);
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
      }
      if (clientHandle.getpeername) {
        const remote = {};
        clientHandle.getpeername(remote);
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      self.emit('drop', data);
    } else {
      self.emit('drop');
    }
    clientHandle.close();
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
}

// Sockets this server handed to child processes (child.send(msg, socket)) are
// counted by those children: getConnections() asks them, close() waits for them.
Server.prototype._setupWorker = function _setupWorker(socketList) {
  this._usingWorkers = true;
  this._workers.push(socketList);
  socketList.once('exit', (list) => {
    const i = this._workers.indexOf(list);
    if (i !== -1) this._workers.splice(i, 1);
  });
};

Server.prototype.getConnections = function getConnections(cb) {
  const workers = this._usingWorkers ? this._workers.slice() : [];
  if (workers.length === 0) {
    process.nextTick(cb, null, this._connections);
    return this;
  }
  let left = workers.length;
  let total = this._connections;
  const onCount = (err, count) => {
    if (left <= 0) return;
    if (err) {
      left = 0;
      process.nextTick(cb, err);
      return;
    }
    total += count;
    if (--left === 0) process.nextTick(cb, null, total);
  };
  for (const w of workers) w.getConnections(onCount);
  return this;
};

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() { cb(new ERR_SERVER_NOT_RUNNING()); });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  // The key stays: a socket still queued for a child (child.send waits for the
  // previous handle's ack) is sent under it after close(), and the child must
  // count it for close() to wait for it.
  const workers = this._usingWorkers ? this._workers.slice() : [];
  if (workers.length > 0) {
    // Held open (one connection more) until every child has closed the
    // sockets it got from this server.
    let left = workers.length;
    this._connections++;
    const onWorkerClose = () => {
      if (--left !== 0) return;
      this._connections--;
      this._emitCloseIfDrained();
    };
    for (const w of workers) w.close(onWorkerClose);
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function() {
  if (!this._handle) return;
  const { promisify } = require('util');
  return promisify(this.close).call(this);
};

Server.prototype._emitCloseIfDrained = function _emitCloseIfDrained() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT2, this);
};

function emitCloseNT2(self) {
  self.emit('close');
}

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  switch (event) {
    case 'connection':
      sock.destroy(err);
      break;
    default:
      this.emit('error', err);
  }
};

Server.prototype.ref = function ref() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function unref() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

let warnSimultaneousAccepts = true;
function _setSimultaneousAccepts() {
  if (warnSimultaneousAccepts) {
    process.emitWarning(
      'net._setSimultaneousAccepts() is deprecated and will be removed.',
      'DeprecationWarning', 'DEP0121');
    warnSimultaneousAccepts = false;
  }
}

// ---- module functions ----

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  if (value < 10) value = 10;
  autoSelectFamilyAttemptTimeoutDefault = value;
}

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};

Object.defineProperties(module.exports, {
  BlockList: {
    configurable: true,
    enumerable: true,
    get() { return require('internal/blocklist').BlockList; },
  },
  SocketAddress: {
    configurable: true,
    enumerable: true,
    get() { return require('internal/socketaddress').SocketAddress; },
  },
});
