'use strict';
// node:_http_incoming — IncomingMessage, the readable side of an HTTP
// message: a request on the server, a response on the client. Header
// objects are built from rawHeaders the first time they are read.

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

// Starts reading again a socket that back pressure stopped.
function readStart(socket) {
  if (socket && !socket._paused && socket.readable) {
    socket.resume();
    const parser = socket.parser;
    if (parser && parser._consumed && socket._handle && parser._readStopped) {
      parser._readStopped = false;
      socket._handle.reading = true;
      socket._handle.readStart();
    }
  }
}

function readStop(socket) {
  if (socket) {
    socket.pause();
    const parser = socket.parser;
    if (parser && parser._consumed && socket._handle && !parser._readStopped) {
      parser._readStopped = true;
      socket._handle.reading = false;
      socket._handle.readStop();
    }
  }
}

function IncomingMessage(socket) {
  let streamOptions;
  if (socket) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;

  this.socket = socket;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this.complete = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperties(IncomingMessage.prototype, {
  connection: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this.socket; },
    set(val) { this.socket = val; },
  },
  headers: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (!this[kHeaders]) {
        this[kHeaders] = {};
        const src = this.rawHeaders;
        const dst = this[kHeaders];
        for (let n = 0; n < this[kHeadersCount]; n += 2) {
          this._addHeaderLine(src[n], src[n + 1], dst);
        }
      }
      return this[kHeaders];
    },
    set(val) { this[kHeaders] = val; },
  },
  headersDistinct: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (!this[kHeadersDistinct]) {
        this[kHeadersDistinct] = {};
        const src = this.rawHeaders;
        const dst = this[kHeadersDistinct];
        for (let n = 0; n < this[kHeadersCount]; n += 2) {
          this._addHeaderLineDistinct(src[n], src[n + 1], dst);
        }
      }
      return this[kHeadersDistinct];
    },
    set(val) { this[kHeadersDistinct] = val; },
  },
  trailers: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (!this[kTrailers]) {
        this[kTrailers] = {};
        const src = this.rawTrailers;
        const dst = this[kTrailers];
        for (let n = 0; n < this[kTrailersCount]; n += 2) {
          this._addHeaderLine(src[n], src[n + 1], dst);
        }
      }
      return this[kTrailers];
    },
    set(val) { this[kTrailers] = val; },
  },
  trailersDistinct: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (!this[kTrailersDistinct]) {
        this[kTrailersDistinct] = {};
        const src = this.rawTrailers;
        const dst = this[kTrailersDistinct];
        for (let n = 0; n < this[kTrailersCount]; n += 2) {
          this._addHeaderLineDistinct(src[n], src[n + 1], dst);
        }
      }
      return this[kTrailersDistinct];
    },
    set(val) { this[kTrailersDistinct] = val; },
  },
});

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

// Reading the message (the user, or its flowing mode) counts as consuming it, so that a
// response ending early does not dump it. node marks this in _read, which its parser, pushing
// the body a tick later, always reaches first; here a body that arrived whole with its
// headers may be read without _read ever being called.
IncomingMessage.prototype.read = function read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  return Readable.prototype.read.call(this, n);
};

// (read() above marks the message consumed before any _read.)
IncomingMessage.prototype._read = function _read(n) {
  // The parser pushes the body; we only make sure the socket flows.
  if (this.socket.readable) readStart(this.socket);
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  // A request whose body was not read to the end poisons a kept-alive
  // connection: destroy the socket too.
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  if (headers && headers.length) {
    let dest;
    if (this.complete) {
      if (n === headers.length && this.rawTrailers.length === 0) {
        this.rawTrailers = headers;
      } else {
        for (let i = 0; i < n; i++) this.rawTrailers.push(headers[i]);
      }
      this[kTrailersCount] = this.rawTrailers.length;
      dest = this[kTrailers];
    } else {
      if (n === headers.length && this.rawHeaders.length === 0) {
        this.rawHeaders = headers;
      } else {
        for (let i = 0; i < n; i++) this.rawHeaders.push(headers[i]);
      }
      this[kHeadersCount] = this.rawHeaders.length;
      dest = this[kHeaders];
    }
    if (dest) {
      for (let i = 0; i < n; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
    }
  }
};

// How a repeated header combines, by lowercase name: these keep their first
// value, set-cookie becomes an array, cookie joins with '; ', and every
// other header joins with ', '.
const kKeepFirst = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from',
  'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location',
  'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);
const kJoinComma = 0;
const kArray = 1;
const kJoinSemicolon = 2;
const kFirst = 3;
const kindCache = new Map();

function headerKind(name) {
  let kind = kindCache.get(name);
  if (kind === undefined) {
    if (name === 'set-cookie') kind = kArray;
    else if (name === 'cookie') kind = kJoinSemicolon;
    else if (kKeepFirst.has(name)) kind = kFirst;
    else kind = kJoinComma;
    if (kindCache.size < 1000) kindCache.set(name, kind);
  }
  return kind;
}

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  field = field.toLowerCase();
  const kind = headerKind(field);
  if (kind === kJoinComma || kind === kJoinSemicolon) {
    if (typeof dest[field] === 'string') {
      dest[field] += (kind === kJoinComma ? ', ' : '; ') + value;
    } else {
      dest[field] = value;
    }
  } else if (kind === kArray) {
    if (dest['set-cookie'] !== undefined) dest['set-cookie'].push(value);
    else dest['set-cookie'] = [value];
  } else if (this.joinDuplicateHeaders) {
    if (dest[field] === undefined) dest[field] = value;
    else dest[field] += ', ' + value;
  } else if (dest[field] === undefined) {
    dest[field] = value;
  }
};

IncomingMessage.prototype._addHeaderLineDistinct = function _addHeaderLineDistinct(field, value,
                                                                                   dest) {
  field = field.toLowerCase();
  if (!dest[field]) dest[field] = [value];
  else dest[field].push(value);
};

// The request body is not going to be read: throw it away so the connection
// can carry on with the next request.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

function onError(self, error, cb) {
  // As node: 'error' is only emitted when someone listens for it.
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
