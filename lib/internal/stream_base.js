'use strict';
// A Duplex stream over a native stream handle from internalBinding('stream_wrap')
// (Pipe, TTY): the stdio of child processes, and the base a socket can build on.
// The handle calls back handle.onread(nread, chunk) and req.oncomplete(status).

const { Duplex } = require('stream');
const { ErrnoException } = require('internal/errors');

const uv = internalBinding('uv');
const { writeState } = internalBinding('stream_wrap');
const kOwner = Symbol('owner');

function onStreamRead(nread, chunk) {
  const stream = this[kOwner];
  if (stream === undefined || stream.destroyed) return;
  if (nread > 0) {
    stream.bytesRead += nread;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, nread);
    if (!stream.push(buf) && stream._reading && stream._handle) {
      stream._reading = false;
      stream._handle.readStop();
    }
    return;
  }
  if (nread === uv.UV_EOF) {
    stream._reading = false;
    if (stream._handle) stream._handle.readStop();
    stream.push(null);
    return;
  }
  stream.destroy(new ErrnoException(nread, 'read'));
}

class StreamSocket extends Duplex {
  constructor(options = {}) {
    super({
      allowHalfOpen: !!options.allowHalfOpen,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: false,
      readable: options.readable !== false,
      writable: options.writable !== false,
      highWaterMark: options.highWaterMark,
    });
    this._handle = null;
    this._reading = false;
    this.bytesRead = 0;
    this._bytesDispatched = 0;
    if (options.handle) this._attach(options.handle);
    if (this._handle && options.readable !== false && !options.manualStart) {
      // Start reading now, as node does, so data is buffered until consumed.
      this.read(0);
    }
  }

  _attach(handle) {
    this._handle = handle;
    handle[kOwner] = this;
    handle.onread = onStreamRead;
  }

  get bytesWritten() {
    return this._bytesDispatched + (this.writableLength || 0);
  }

  get writeQueueSize() {
    return this._handle ? this._handle.writeQueueSize : 0;
  }

  _read() {
    if (!this._handle || this._reading) return;
    this._reading = true;
    const err = this._handle.readStart();
    if (err) {
      this._reading = false;
      this.destroy(new ErrnoException(err, 'read'));
    }
  }

  _dispatch(req, err, cb) {
    if (err) {
      cb(new ErrnoException(err, 'write'));
      return;
    }
    this._bytesDispatched += writeState[0];
    if (writeState[1] !== 1) {
      cb();
      return;
    }
    req.oncomplete = (status) => {
      if (status < 0) cb(new ErrnoException(status, 'write'));
      else cb();
    };
  }

  _write(chunk, encoding, cb) {
    if (!this._handle) {
      cb(new ErrnoException(uv.UV_EBADF, 'write'));
      return;
    }
    const req = {};
    let err;
    if (typeof chunk === 'string') {
      if (encoding === 'utf8' || encoding === 'utf-8') {
        err = this._handle.writeUtf8String(req, chunk);
      } else {
        err = this._handle.writeBuffer(req, Buffer.from(chunk, encoding));
      }
    } else {
      err = this._handle.writeBuffer(req, chunk);
    }
    this._dispatch(req, err, cb);
  }

  _writev(chunks, cb) {
    if (!this._handle) {
      cb(new ErrnoException(uv.UV_EBADF, 'write'));
      return;
    }
    const list = new Array(chunks.length);
    for (let i = 0; i < chunks.length; i++) {
      const { chunk, encoding } = chunks[i];
      list[i] = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    }
    const req = {};
    this._dispatch(req, this._handle.writev(req, list), cb);
  }

  _final(cb) {
    if (!this._handle) {
      cb();
      return;
    }
    const req = { oncomplete: () => cb() };
    const err = this._handle.shutdown(req);
    // A peer that is already gone is not an error for ending our side.
    if (err) cb();
  }

  _destroy(err, cb) {
    const handle = this._handle;
    if (handle) {
      this._handle = null;
      this._reading = false;
      handle.onread = noop;
      handle.close(() => this.emit('close', !!err));
    } else {
      process.nextTick(() => this.emit('close', !!err));
    }
    cb(err);
  }

  destroySoon() {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', this.destroy);
  }

  ref() {
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle) this._handle.unref();
    return this;
  }

  setBlocking(on) {
    if (this._handle) this._handle.setBlocking(!!on);
  }
}

function noop() {}

function setRawMode(flag) {
  flag = !!flag;
  const err = this._handle ? this._handle.setRawMode(flag) : uv.UV_EBADF;
  if (err) {
    this.emit('error', new ErrnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
}

// process.stdin over a pipe, socket or terminal on `fd`: reading starts when
// the stream is consumed and stops when it is paused, so an unread stdin never
// keeps the process alive. Returns null for other descriptors (files, none).
function createStdinStream(fd) {
  const type = internalBinding('tty').guessHandleType(fd);
  const { Pipe, TTY, constants } = internalBinding('stream_wrap');
  let handle;
  if (type === 'TTY') {
    try {
      handle = new TTY(fd);
    } catch {
      return null;
    }
  } else if (type === 'PIPE' || type === 'TCP') {
    handle = new Pipe(constants.SOCKET);
    if (handle.open(fd) !== 0) {
      handle.close();
      return null;
    }
  } else {
    return null;
  }
  const stream = new StreamSocket({ handle, writable: false, manualStart: true });
  stream.fd = fd;
  stream.on('pause', () => {
    process.nextTick(() => {
      if (stream._handle && stream._reading && !stream.readableFlowing) {
        stream._reading = false;
        stream._readableState.reading = false;
        stream._handle.readStop();
      }
    });
  });
  if (type === 'TTY') {
    stream.isTTY = true;
    stream.isRaw = false;
    stream.setRawMode = setRawMode;
  }
  return stream;
}

// The owners (sockets, servers, streams) of the stream handles that keep the
// event loop alive: what process._getActiveHandles() lists.
function getActiveHandles() {
  const handles = internalBinding('stream_wrap').getActiveHandles();
  for (let i = 0; i < handles.length; i++) handles[i] = handles[i][kOwner] ?? handles[i];
  return handles;
}

// Their resource names, for process.getActiveResourcesInfo().
function getActiveHandlesInfo() {
  return internalBinding('stream_wrap').getActiveHandlesInfo();
}

module.exports = {
  StreamSocket,
  createStdinStream,
  getActiveHandles,
  getActiveHandlesInfo,
  kOwner,
};
