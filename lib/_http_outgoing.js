'use strict';
// node:_http_outgoing — OutgoingMessage, the writable side shared by
// ServerResponse and ClientRequest: header storage, the header block, and
// the body with Content-Length or chunked encoding.

const Stream = require('stream');
const EE = require('events');
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
  hideStackFrames,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { kOutHeaders, kNeedDrain, utcDate } = require('internal/http');
const {
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  chunkExpression: RE_TE_CHUNKED,
} = require('_http_common');

const kCorked = Symbol('corked');
const kChunkedBuffer = Symbol('kChunkedBuffer');
const kChunkedLength = Symbol('kChunkedLength');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kBytesWritten = Symbol('kBytesWritten');
const kErrored = Symbol('errored');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');
// A method run just before 'finish' is emitted: the server's bookkeeping for a
// response, which node does in the first 'finish' listener (saves a bound
// function and a listener per response).
const kBeforeFinish = Symbol('kBeforeFinish');

const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;
const crlfBuf = Buffer.from('\r\n');

let defaultHighWaterMark;

function nop() {}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this[kChunkedBuffer] = [];
  this[kChunkedLength] = 0;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kErrored] = null;
  if (options?.highWaterMark !== undefined) {
    this[kHighWaterMark] = options.highWaterMark;
  } else {
    defaultHighWaterMark ??= Stream.getDefaultHighWaterMark(false);
    this[kHighWaterMark] = defaultHighWaterMark;
  }
  this[kRejectNonStandardBodyWrites] = options?.rejectNonStandardBodyWrites ?? false;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

function getter(name, get, set) {
  Object.defineProperty(OutgoingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

getter('errored', function() { return this[kErrored]; });
getter('closed', function() { return this._closed; });
getter('writableFinished', function() {
  return this.finished && this.outputSize === 0 &&
    (!this.socket || this.socket.writableLength === 0);
});
getter('writableObjectMode', function() { return false; });
getter('writableLength', function() {
  return this.outputSize + this[kChunkedLength] +
    (this.socket ? this.socket.writableLength : 0);
});
getter('writableHighWaterMark', function() {
  return this.socket ? this.socket.writableHighWaterMark : this[kHighWaterMark];
});
getter('writableCorked', function() { return this[kCorked]; });
getter('writableEnded', function() { return this.finished; });
getter('writableNeedDrain', function() { return !this.destroyed && !this.finished &&
  this[kNeedDrain]; });
getter('connection', function() { return this.socket; }, function(val) { this.socket = val; });
getter('headersSent', function() { return !!this._header; });

let warnedHeaders = false;
let warnedHeaderNames = false;
function warnHeaders() {
  if (!warnedHeaders) {
    warnedHeaders = true;
    process.emitWarning('OutgoingMessage.prototype._headers is deprecated',
                        'DeprecationWarning', 'DEP0066');
  }
}
function warnHeaderNames() {
  if (!warnedHeaderNames) {
    warnedHeaderNames = true;
    process.emitWarning('OutgoingMessage.prototype._headerNames is deprecated',
                        'DeprecationWarning', 'DEP0066');
  }
}

getter('_headers', function() {
  warnHeaders();
  return this.getHeaders();
}, function(val) {
  warnHeaders();
  if (val == null) {
    this[kOutHeaders] = null;
  } else if (typeof val === 'object') {
    const headers = this[kOutHeaders] = { __proto__: null };
    for (const name of Object.keys(val)) headers[name.toLowerCase()] = [name, val[name]];
  }
});

getter('_headerNames', function() {
  warnHeaderNames();
  const headers = this[kOutHeaders];
  if (headers === null) return null;
  const out = { __proto__: null };
  for (const key of Object.keys(headers)) out[key] = headers[key][0];
  return out;
}, function(val) {
  warnHeaderNames();
  if (typeof val === 'object' && val !== null) {
    const headers = this[kOutHeaders];
    if (!headers) return;
    for (const key of Object.keys(val)) {
      const header = headers[key];
      if (header) header[0] = val[key];
    }
  }
});

OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  const headersMap = this[kOutHeaders];
  const headers = {};
  if (headersMap !== null) {
    for (const key of Object.keys(headersMap)) headers[headersMap[key][0]] = headersMap[key][1];
  }
  return headers;
};

OutgoingMessage.prototype.cork = function cork() {
  this[kCorked]++;
  if (this.socket) this.socket.cork();
};

OutgoingMessage.prototype.uncork = function uncork() {
  this[kCorked]--;
  if (this.socket) this.socket.uncork();
  if (this[kCorked] || this[kChunkedBuffer].length === 0) return;
  // Writes made while corked go out as one chunk.
  const len = this[kChunkedLength];
  const buf = this[kChunkedBuffer];
  this._send(len.toString(16), 'latin1', null);
  this._send(crlfBuf, null, null);
  let callbacks = null;
  for (let n = 0; n < buf.length; n += 3) {
    this._send(buf[n], buf[n + 1], null);
    if (buf[n + 2] !== null && buf[n + 2] !== nop) (callbacks ??= []).push(buf[n + 2]);
  }
  this._send(crlfBuf, null, callbacks === null ? null : (err) => {
    for (let i = 0; i < callbacks.length; i++) callbacks[i](err);
  });
  this[kChunkedBuffer] = [];
  this[kChunkedLength] = 0;
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) {
      socket.setTimeout(msecs);
    });
  } else {
    this.socket.setTimeout(msecs);
  }
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) {
    this.socket.destroy(error);
  } else {
    this.once('socket', function socketDestroyOnConnect(socket) {
      socket.destroy(error);
    });
  }
  return this;
};

// Queues or writes data, putting the header block in front of the first
// piece (in the same write when both are strings).
OutgoingMessage.prototype._send = function _send(data, encoding, callback, byteLength) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' &&
        (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      const header = this._header;
      this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
      this.outputSize += header.length;
      this._onPendingData(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback, size) {
  const conn = this.socket;
  if (conn?.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn !== null && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this[kHighWaterMark];
};

OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers) {
  const state = {
    connection: false,
    contLen: false,
    te: false,
    date: false,
    expect: false,
    trailer: false,
    header: firstLine,
  };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (let i = 0; i < headers.length; i++) {
          const entry = headers[i];
          processHeader(this, state, entry[0], entry[1], true);
        }
      } else {
        if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let n = 0; n < headers.length; n += 2) {
          processHeader(this, state, headers[n], headers[n + 1], true);
        }
      }
    } else {
      for (const key in headers) {
        if (Object.hasOwn(headers, key)) processHeader(this, state, key, headers[key], true);
      }
    }
  }

  let { header } = state;
  if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + '\r\n';

  // A 204 or 304 has no body: a chunked one cannot be kept alive.
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }

  if (this._removedConnection) {
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const keepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (keepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (keepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        header += keepAliveHeader(this._keepAliveTimeout, this._maxRequestsPerSocket);
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }

  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen &&
               typeof this._contentLength === 'number') {
      header += 'Content-Length: ' + this._contentLength + '\r\n';
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      // Neither length nor chunked: the body ends with the connection.
      this._last = true;
    }
  }

  if (this.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();

  this._header = header + '\r\n';
  this._headerSent = false;
  // Expect: 100-continue sends the head at once, to wait for the go-ahead.
  if (state.expect) this._send('');
};

// The Keep-Alive line for a server's settings, built once per settings.
let lastKeepAlive = { timeout: 0, max: 0, line: '' };
function keepAliveHeader(timeout, max) {
  const cache = lastKeepAlive;
  if (cache.timeout === timeout && cache.max === max) return cache.line;
  const seconds = Math.floor(timeout / 1000);
  const line = ~~max > 0 ? `Keep-Alive: timeout=${seconds}, max=${max}\r\n` :
    `Keep-Alive: timeout=${seconds}\r\n`;
  lastKeepAlive = { timeout, max, line };
  return line;
}

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  // As node (RFC 6266 4.3): with a Content-Length, a Content-Disposition value goes through
  // Buffer.from(value, 'latin1'), so its latin1 characters reach the wire as those bytes.
  if (key.length === 19 && key.toLowerCase() === 'content-disposition' && self._contentLength) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = Buffer.from(value[i], 'latin1');
    } else {
      value = Buffer.from(value, 'latin1');
    }
  }
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) &&
        (!self[kUniqueHeaders] || !self[kUniqueHeaders].has(key.toLowerCase()))) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + '\r\n';
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  const len = field.length;
  if (len < 4 || len > 17) return;
  switch (field.toLowerCase()) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (RE_CONN_CLOSE.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RE_TE_CHUNKED.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
      state.date = true;
      break;
    case 'expect':
      state.expect = true;
      break;
    case 'trailer':
      state.trailer = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

const validateHeaderName = hideStackFrames((name, label) => {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
});

const validateHeaderValue = hideStackFrames((name, value) => {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', name);
});

function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  for (let i = 0; i < headers.length; i++) unique.add(String(headers[i]).toLowerCase());
  return unique;
}

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  // Headers joins set-cookie values; they must stay separate lines.
  const cookies = [];
  for (const { 0: key, 1: value } of headers) {
    if (key === 'set-cookie') {
      if (Array.isArray(value)) cookies.push(...value);
      else cookies.push(value);
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = name.toLowerCase();
  const headers = this[kOutHeaders];
  if (headers === null || !headers[field]) return this.setHeader(name, value);
  if (!Array.isArray(headers[field][1])) headers[field][1] = [headers[field][1]];
  const existing = headers[field][1];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) existing.push(value[i]);
  } else {
    existing.push(value);
  }
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headersMap = this[kOutHeaders];
  if (headersMap === null) return [];
  const values = Object.values(headersMap);
  const headers = new Array(values.length);
  for (let i = 0; i < values.length; i++) headers[i] = values[i][0];
  return headers;
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = { __proto__: null };
  if (headers) {
    for (const key of Object.keys(headers)) ret[key] = headers[key][1];
  }
  return ret;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection':
      this._removedConnection = true;
      break;
    case 'content-length':
      this._removedContLen = true;
      break;
    case 'transfer-encoding':
      this._removedTE = true;
      break;
    case 'date':
      this.sendDate = false;
      break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = write_(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

function onError(msg, err, callback) {
  if (msg.destroyed) return;
  process.nextTick(emitErrorNt, msg, err, callback);
}

function emitErrorNt(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null && msg._hasBody &&
    !msg._removedContLen && !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

function byteLengthOf(chunk, encoding) {
  if (typeof chunk !== 'string') return chunk.byteLength;
  // A short ASCII string (the usual small body) is its own byte length:
  // cheaper to check here than to ask the binding.
  if (chunk.length <= 64 && (!encoding || encoding === 'utf8' || encoding === 'utf-8' ||
                             encoding === 'latin1')) {
    let i = 0;
    while (i < chunk.length && chunk.charCodeAt(i) < 0x80) i++;
    if (i === chunk.length) return i;
  }
  return Buffer.byteLength(chunk, encoding);
}

function write_(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }

  let err;
  if (msg.finished) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (msg.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }

  let len;
  if (msg.strictContentLength) {
    len ??= byteLengthOf(chunk, encoding);
    if (strictContentLength(msg) &&
        (fromEnd ? msg[kBytesWritten] + len !== msg._contentLength :
          msg[kBytesWritten] + len > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(len + msg[kBytesWritten], msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }

  if (!msg._header) {
    if (fromEnd) {
      len ??= byteLengthOf(chunk, encoding);
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    process.nextTick(callback);
    return true;
  }

  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    len ??= byteLengthOf(chunk, encoding);
    if (msg[kCorked] && msg._headerSent) {
      msg[kChunkedBuffer].push(chunk, encoding, callback);
      msg[kChunkedLength] += len;
      ret = msg[kChunkedLength] < msg[kHighWaterMark];
    } else {
      msg._send(len.toString(16), 'latin1', null);
      msg._send(crlfBuf, null, null);
      msg._send(chunk, encoding, null, len);
      ret = msg._send(crlfBuf, null, callback);
    }
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

function connectionCorkNT(conn) {
  conn.uncork();
}

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const keys = Object.keys(headers);
  const isArray = Array.isArray(headers);
  for (let i = 0; i < keys.length; i++) {
    let field;
    let value;
    if (isArray) {
      if (!headers[keys[i]]) continue;
      field = headers[keys[i]][0];
      value = headers[keys[i]][1];
    } else {
      field = keys[i];
      value = headers[field];
    }
    validateHeaderName(field, 'Trailer name');
    if (Array.isArray(value) && value.length > 1 &&
        (!this[kUniqueHeaders] || !this[kUniqueHeaders].has(field.toLowerCase()))) {
      for (let j = 0; j < value.length; j++) {
        if (checkInvalidHeaderChar(value[j])) throw new ERR_INVALID_CHAR('trailer content', field);
        this._trailer += field + ': ' + value[j] + '\r\n';
      }
    } else {
      if (Array.isArray(value)) value = value.join('; ');
      if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('trailer content', field);
      this._trailer += field + ': ' + value + '\r\n';
    }
  }
};

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  if (outmsg[kBeforeFinish] !== undefined) outmsg[kBeforeFinish]();
  outmsg.emit('finish');
}

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }

  const socket = this.socket;
  let corked = false;
  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(),
              typeof callback !== 'function' ? nop : callback);
      return this;
    }
    // With the head not built yet the body's length is known: head and body
    // go out in one write, no need to cork.
    if (socket !== null && (this._headerSent || this.chunkedEncoding ||
                            socket._httpMessage !== this || !socket.writable ||
                            this[kOutHeaders]?.['transfer-encoding'] !== undefined)) {
      socket.cork();
      corked = true;
    }
    write_(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (!this._header) {
    if (socket !== null) {
      socket.cork();
      corked = true;
    }
    this._contentLength = 0;
    this._implicitHeader();
  }

  if (typeof callback === 'function') this.once('finish', callback);

  if (strictContentLength(this) && this[kBytesWritten] !== this._contentLength) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten], this._contentLength);
  }

  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', onFinish.bind(undefined, this));
  } else if (!this._headerSent || this.outputData.length ||
             (socket !== null && (socket.writableLength || socket.writableCorked))) {
    this._send('', 'latin1', onFinish.bind(undefined, this));
  } else {
    process.nextTick(onFinish, this);
  }

  if (socket !== null && (corked || socket.writableCorked)) {
    // end() fully uncorks the connection.
    socket._writableState.corked = 1;
    socket.uncork();
  }
  this[kCorked] = 1;
  this.uncork();

  this.finished = true;

  // Everything went to the socket: the message is done.
  if (this.outputData.length === 0 && socket !== null && socket._httpMessage === this) {
    this._finish();
  }
  return this;
};

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

// Writes what was queued before the socket was assigned.
OutgoingMessage.prototype._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) {
      this._finish();
    } else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputLength = this.outputData.length;
  if (outputLength <= 0) return undefined;
  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (let i = 0; i < outputLength; i++) {
    const { data, encoding, callback } = outputData[i];
    outputData[i].data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  // Sends the head now.
  this._send('');
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[EE.captureRejectionSymbol] = function(err, event) {
  this.destroy(err);
};

module.exports = {
  kBeforeFinish,
  kHighWaterMark,
  kUniqueHeaders,
  parseUniqueHeadersOption,
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
};
