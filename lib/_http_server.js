'use strict';
// node:_http_server — the HTTP server: one parser per connection (fed
// straight from the socket handle when it can), requests and responses in
// order for keep-alive and pipelining, and the server's timeouts.

const net = require('net');
const EE = require('events');
const {
  parsers,
  freeParser,
  continueExpression,
  chunkExpression,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  prepareError,
  kOnExecute,
  kOnTimeout,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  debug,
} = require('_http_common');
const {
  OutgoingMessage,
  kBeforeFinish,
  kUniqueHeaders,
  parseUniqueHeadersOption,
} = require('_http_outgoing');
const { IncomingMessage } = require('_http_incoming');
const { kOutHeaders, kNeedDrain, connResetException } = require('internal/http');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateInteger,
  validateObject,
} = require('internal/validators');

const dc = require('diagnostics_channel');
const onRequestStartChannel = dc.channel('http.server.request.start');
const onResponseCreatedChannel = dc.channel('http.server.response.created');
const onResponseFinishChannel = dc.channel('http.server.response.finish');

const kServerResponse = Symbol('ServerResponse');
// A response being timed, from its creation to its end, for perf_hooks observers of 'http'
// (entry 'HttpRequest').
const kPerfServer = Symbol('kPerfServer');
const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');
const kConnections = Symbol('http.server.connections');
const kState = Symbol('kState');
// What resOnFinish needs, set on a response the server created.
const kResSocket = Symbol('kResSocket');
const kResState = Symbol('kResState');
const kResServer = Symbol('kResServer');

const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: 'I\'m a Teapot',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

const kLenientAll = HTTPParser.kLenientAll | 0;
const kLenientNone = HTTPParser.kLenientNone | 0;

function noop() {}

const linkValueRegExp = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;

// A Link header value from a string or an array of them.
function validateLinkHeaderValue(hints) {
  if (typeof hints === 'string' && linkValueRegExp.test(hints)) return hints;
  if (Array.isArray(hints)) {
    let ok = true;
    for (let i = 0; i < hints.length; i++) {
      if (typeof hints[i] !== 'string' || !linkValueRegExp.test(hints[i])) ok = false;
    }
    if (ok) return hints.join(', ');
  }
  throw new ERR_INVALID_ARG_VALUE('hints', hints,
                                  'must be an array or string of format "</styles.css>; ' +
                                  'rel=preload; as=style"');
}

// ---- ServerResponse ----

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this[kResSocket] = undefined;
  this[kResState] = undefined;
  this[kResServer] = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
  if (onResponseCreatedChannel.hasSubscribers) {
    onResponseCreatedChannel.publish({ request: req, response: this });
  }
  if (hasObserver('http')) {
    this[kPerfServer] = startPerf('http', 'HttpRequest', {
      req: { method: req.method, url: req.url, headers: req.headers },
    });
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.statusMessage = undefined;

ServerResponse.prototype._finish = function _finish() {
  if (this[kPerfServer] !== undefined) {
    stopPerf(this[kPerfServer], {
      res: {
        statusCode: this.statusCode,
        statusMessage: this.statusMessage,
        headers: this.getHeaders(),
      },
    });
    this[kPerfServer] = undefined;
  }
  OutgoingMessage.prototype._finish.call(this);
};

function onServerResponseClose() {
  const msg = this._httpMessage;
  if (msg) emitCloseNT(msg);
}

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  // A server connection has this listener for its whole life (see
  // connectionListenerInternal).
  if (socket[kState] === undefined) socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  if (socket[kState] === undefined) socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinkHeaderValue(hints.link);
  if (link.length === 0) return;
  head += 'Link: ' + link + '\r\n';
  for (const key of Object.keys(hints)) {
    if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  }
  head += '\r\n';
  this._writeRaw(head, 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    // setHeader() was used: obj's fields join (and override) those.
    if (Array.isArray(obj)) {
      if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
      for (let n = 0; n < obj.length; n += 2) this.removeHeader(obj[n]);
      for (let n = 0; n < obj.length; n += 2) {
        if (obj[n]) this.appendHeader(obj[n], obj[n + 1]);
      }
    } else if (obj) {
      const keys = Object.keys(obj);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k) this.setHeader(k, obj[k]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');

  const statusLine = 'HTTP/1.1 ' + statusCode + ' ' + this.statusMessage + '\r\n';
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  // A final status sent to a client waiting for 100 Continue: the body it
  // may still send cannot be told apart from the next request.
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;

  this._storeHeader(statusLine, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// ---- Server ----

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) {
    validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  }
  this.insecureHTTPParser = insecureHTTPParser;

  this.requestTimeout = integerOption(options.requestTimeout, 'requestTimeout', 300000);
  this.headersTimeout = integerOption(options.headersTimeout, 'headersTimeout',
                                      Math.min(60000, this.requestTimeout));
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', options.headersTimeout);
  }
  this.keepAliveTimeout = integerOption(options.keepAliveTimeout, 'keepAliveTimeout', 5000);
  this.connectionsCheckingInterval = integerOption(options.connectionsCheckingInterval,
                                                   'connectionsCheckingInterval', 30000);

  this.requireHostHeader = booleanOption(options.requireHostHeader,
                                         'options.requireHostHeader', true);
  const joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;
  this.rejectNonStandardBodyWrites = booleanOption(options.rejectNonStandardBodyWrites,
                                                   'options.rejectNonStandardBodyWrites',
                                                   false);
}

function integerOption(value, name, def) {
  if (value === undefined) return def;
  validateInteger(value, name, 0);
  return value;
}

function booleanOption(value, name, def) {
  if (value === undefined) return def;
  validateBoolean(value, name);
  return value;
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype[Symbol.asyncDispose] = async function() {
  if (!this.listening) return;
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype.close = function close(...args) {
  httpServerPreClose(this);
  net.Server.prototype.close.apply(this, args);
  return this;
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  const connections = this[kConnections];
  if (!connections) return;
  for (const socket of [...connections]) socket.destroy();
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  const connections = this[kConnections];
  if (!connections) return;
  for (const socket of [...connections]) {
    const parser = socket.parser;
    if (parser && parser.messageStart !== 0) continue;
    const msg = socket._httpMessage;
    if (msg && !msg.finished) continue;
    socket.destroy();
  }
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype[EE.captureRejectionSymbol] = function(err, event, ...args) {
  switch (event) {
    case 'request': {
      const res = args[1];
      if (!res.headersSent && !res.writableEnded) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.statusCode = 500;
        res.end(STATUS_CODES[500]);
      } else {
        res.destroy();
      }
      break;
    }
    default:
      net.Server.prototype[EE.captureRejectionSymbol].apply(this, [err, event, ...args]);
  }
};

function setupConnectionsTracking() {
  const server = this instanceof Server ? this : arguments[0];
  if (!server[kConnections]) server[kConnections] = new Set();
  if (server[kConnectionsCheckingInterval]) clearInterval(server[kConnectionsCheckingInterval]);
  if (server.connectionsCheckingInterval > 0) {
    server[kConnectionsCheckingInterval] =
      setInterval(checkConnections.bind(server), server.connectionsCheckingInterval).unref();
  }
}

function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

// Requests whose headers (or whole message) take too long get a 408.
function checkConnections() {
  const headersTimeout = this.headersTimeout;
  const requestTimeout = this.requestTimeout;
  if (headersTimeout === 0 && requestTimeout === 0) return;
  const now = loopNow();
  for (const socket of this[kConnections]) {
    const parser = socket.parser;
    if (!parser || parser.messageStart === 0) continue;
    const elapsed = now - parser.messageStart;
    if ((!parser.headersCompleted && headersTimeout > 0 && elapsed > headersTimeout) ||
        (requestTimeout > 0 && elapsed > requestTimeout)) {
      parser.messageStart = 0;
      socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

let timersBinding;
// The clock of parser.messageStart (the parser sets it from the loop's time
// when a message begins, and clears it when the message is complete).
function loopNow() {
  timersBinding ??= internalBinding('timers');
  return timersBinding.getLibuvNow();
}

function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  socket.server = server;
  if (server.timeout && typeof socket.setTimeout === 'function') {
    socket.setTimeout(server.timeout);
  }
  socket.on('timeout', socketOnTimeout);

  const parser = parsers.alloc();
  const lenient = server.insecureHTTPParser === undefined ?
    isLenient() : server.insecureHTTPParser;
  parser.initialize(HTTPParser.REQUEST, {}, server.maxHeaderSize || 0,
                    lenient ? kLenientAll : kLenientNone);
  parser.socket = socket;
  socket.parser = parser;
  // As node, the first request's headers timeout counts from the connection.
  parser.messageStart = loopNow();
  if (typeof server.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  }

  const state = {
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    onPendingData: null,
    outgoing: [],
    incoming: [],
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
  };
  socket[kState] = state;
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  state.onPendingData = updateOutgoingData.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  // After socketOnClose, as node's per-response listener comes after it.
  socket.on('close', onServerResponseClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket, state);

  if (server[kConnections]) server[kConnections].add(socket);

  // Data and readable listeners added later by the user take the socket
  // back from the parser.
  socket.on = generateSocketListenerWrapper('on');
  socket.addListener = generateSocketListenerWrapper('addListener');
  socket.prependListener = generateSocketListenerWrapper('prependListener');
  socket.setEncoding = socketSetEncoding;

  if (socket._handle && typeof parser.consume === 'function' && !socket._handle._consumed &&
      isConsumable(socket._handle)) {
    parser._consumed = true;
    socket._handle._consumed = true;
    parser.consume(socket._handle);
    // the parser calls back in the frame of the 'connection' event, as node's
    // HTTPINCOMINGMESSAGE resource does
    require('internal/async_context').restamp(parser);
  }
  parser[kOnExecute] = onParserExecute.bind(undefined, server, socket, parser, state);
  parser[kOnTimeout] = null;
  socket._paused = false;
}

let streamWrap;
function isConsumable(handle) {
  streamWrap ??= internalBinding('stream_wrap');
  return handle instanceof streamWrap.TCP || handle instanceof streamWrap.Pipe;
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.parser.resume();
    socket.resume();
    const parser = socket.parser;
    if (parser && parser._consumed && parser._readStopped && socket._handle) {
      parser._readStopped = false;
      socket._handle.reading = true;
      socket._handle.readStart();
    }
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const req = this.parser?.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(socket, state) {
  debug('server socket close');
  const server = socket.server;
  if (server && server[kConnections]) server[kConnections].delete(socket);
  freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    debug('parse error');
    socketOnError.call(socket, ret);
  } else if (!server.httpAllowHalfOpen) {
    abortIncoming(state.incoming);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

function onParserExecute(server, socket, parser, state, ret) {
  // Reads that go straight to the parser still count as socket activity.
  socket._unrefTimer();
  if (typeof ret === 'number' && ret < 0) {
    onConsumedReadError(socket, ret);
    return;
  }
  onParserExecuteCommon(server, socket, parser, state, ret, undefined);
}

let uvEOF;
// EOF or a read error on a socket the parser consumes.
function onConsumedReadError(socket, nread) {
  uvEOF ??= internalBinding('uv').UV_EOF;
  if (socket.destroyed) return;
  if (nread === uvEOF) {
    if (socket._handle) socket._handle.readStop();
    socket.push(null);
    socket.read(0);
    return;
  }
  const { ErrnoException } = require('internal/errors');
  socket.destroy(new ErrnoException(nread, 'read'));
}

const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const requestTimeoutResponse = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const requestHeaderFieldsTooLargeResponse =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const requestChunkExtensionsTooLargeResponse =
  'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';

function socketOnError(e) {
  // Later errors are the same failure's echoes.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0 || !this.listeners('error').includes(noop)) {
    this.on('error', noop);
  }
  if (!this.server.emit('clientError', e, this)) {
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW':
          response = requestHeaderFieldsTooLargeResponse;
          break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
          response = requestChunkExtensionsTooLargeResponse;
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT':
          response = requestTimeoutResponse;
          break;
        default:
          response = badRequestResponse;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  resetSocketTimeout(server, socket, state);

  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    debug('parse error', ret);
    socketOnError.call(socket, ret);
  } else if (parser.incoming && parser.incoming.upgrade) {
    const req = parser.incoming;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (d === undefined) d = parser.getCurrentBuffer();
    const bodyHead = d.slice(ret, d.length);

    socket.readableFlowing = null;
    socket.removeListener('data', state.onData);
    socket.removeListener('end', state.onEnd);
    socket.removeListener('close', state.onClose);
    socket.removeListener('close', onServerResponseClose);
    socket.removeListener('drain', state.onDrain);
    socket.removeListener('error', socketOnError);
    socket.removeListener('timeout', socketOnTimeout);
    unconsume(parser, socket);
    parser.finish();
    freeParser(parser, req, socket);
    if (server[kConnections]) server[kConnections].delete(socket);
    socket[kState] = undefined;
    parser = null;

    if (server.listenerCount(eventName) > 0) {
      debug('SERVER have listener for %s', eventName);
      server.emit(eventName, req, socket, bodyHead);
    } else {
      // CONNECT with nobody to take it.
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.method === 'PRI') {
    debug('SERVER got PRI request');
    socket.destroy();
  }

  if (socket._paused && socket.parser) {
    // onIncoming paused the socket; the parser waits too.
    socket.parser.pause();
  }
}

function clearIncoming(req) {
  req = req || this;
  const parser = req.socket?.parser;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) parser.incoming = null;
    else req.on('end', clearIncoming);
  }
}

function resOnFinish(req, res, socket, state, server) {
  if (onResponseFinishChannel.hasSubscribers) {
    onResponseFinishChannel.publish({ request: req, response: res, socket, server });
  }
  // The first request in line is ours, unless abortIncoming() emptied it.
  if (state.incoming.length > 0 && state.incoming[0] === req) state.incoming.shift();

  // An unread body would block the connection: throw it away.
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();

  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);

  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

// Runs resOnFinish just before 'finish' (node runs it as the first 'finish'
// listener) for the responses the server made.
ServerResponse.prototype[kBeforeFinish] = function beforeFinish() {
  const socket = this[kResSocket];
  if (socket === undefined) return;
  const state = this[kResState];
  const server = this[kResServer];
  this[kResSocket] = undefined;
  this[kResState] = undefined;
  this[kResServer] = undefined;
  resOnFinish(this.req, this, socket, state, server);
};

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

// The Host and Expect headers without building req.headers.
function findHeaders(raw, out) {
  out.host = undefined;
  out.expect = undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.length === 4) {
      if (out.host === undefined && name.toLowerCase() === 'host') out.host = raw[i + 1];
    } else if (name.length === 6) {
      if (name.toLowerCase() === 'expect') {
        out.expect = out.expect === undefined ? raw[i + 1] : out.expect + ', ' + raw[i + 1];
      }
    }
  }
}

const found = { host: undefined, expect: undefined };

function ResponseDone(req, res, socket, state, server) {
  this.req = req;
  this.res = res;
  this.socket = socket;
  this.state = state;
  this.server = server;
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  resetSocketTimeout(server, socket, state);

  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }

  state.incoming.push(req);

  // A client that sends requests faster than it reads responses is paused.
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
      const parser = socket.parser;
      if (parser && parser._consumed && socket._handle && !parser._readStopped) {
        parser._readStopped = true;
        socket._handle.reading = false;
        socket._handle.readStop();
      }
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = state.onPendingData;
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];

  if (onRequestStartChannel.hasSubscribers) {
    onRequestStartChannel.publish({ request: req, response: res, socket, server });
  }

  if (socket._httpMessage) {
    // An earlier response is still being written: this one waits its turn.
    state.outgoing.push(res);
  } else {
    res.assignSocket(socket);
  }

  res[kResSocket] = socket;
  res[kResState] = state;
  res[kResServer] = server;

  let handled = false;
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    findHeaders(req.rawHeaders, found);
    if (server.requireHostHeader && found.host === undefined) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    const limit = server.maxRequestsPerSocket;
    const isRequestsLimitSet = typeof limit === 'number' && limit > 0;
    if (isRequestsLimitSet) {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached = limit <= state.requestsCount;
    }
    if (isRequestsLimitSet && limit < state.requestsCount) {
      handled = true;
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
    } else if (found.expect !== undefined) {
      handled = true;
      if (continueExpression.test(found.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    }
  }

  if (!handled) server.emit('request', req, res);
  return 0;
}

function resetSocketTimeout(server, socket, state) {
  if (!state.keepAliveTimeoutSet) return;
  socket.setTimeout(server.timeout || 0);
  state.keepAliveTimeoutSet = false;
}

function unconsume(parser, socket) {
  if (socket._handle) {
    if (parser._consumed) parser.unconsume();
    parser._consumed = false;
    socket._handle._consumed = false;
    if (parser._readStopped) {
      parser._readStopped = false;
      socket._handle.reading = true;
      socket._handle.readStart();
    }
    socket.removeListener('pause', onSocketPause);
    socket.removeListener('resume', onSocketResume);
  }
}

function onSocketResume() {}
function onSocketPause() {}

function generateSocketListenerWrapper(originalFnName) {
  return function socketListenerWrap(ev, fn) {
    const res = net.Socket.prototype[originalFnName].call(this, ev, fn);
    if (!this.parser) {
      this.on = net.Socket.prototype.on;
      this.addListener = net.Socket.prototype.addListener;
      this.prependListener = net.Socket.prototype.prependListener;
      return res;
    }
    if (ev === 'data' || ev === 'readable') unconsume(this.parser, this);
    return res;
  };
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  httpServerPreClose,
  kConnectionsCheckingInterval,
};
