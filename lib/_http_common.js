'use strict';
// node:_http_common — what the HTTP server and client share: the pool of
// parsers from internalBinding('http_parser'), the parser callbacks that turn
// parsed messages into IncomingMessage objects, and the token checks.

const {
  methods, allMethods, HTTPParser, setHeadersCompleteFast,
} = internalBinding('http_parser');
const { IncomingMessage, readStart, readStop } = require('_http_incoming');

const kIncomingMessage = Symbol('IncomingMessage');
const kRequestTimeout = Symbol('RequestTimeout');
const kOnMessageBegin = HTTPParser.kOnMessageBegin | 0;
const kOnHeaders = HTTPParser.kOnHeaders | 0;
const kOnHeadersComplete = HTTPParser.kOnHeadersComplete | 0;
const kOnBody = HTTPParser.kOnBody | 0;
const kOnMessageComplete = HTTPParser.kOnMessageComplete | 0;
const kOnExecute = HTTPParser.kOnExecute | 0;
const kOnTimeout = HTTPParser.kOnTimeout | 0;

const MAX_HEADER_PAIRS = 2000;

let debugFn;
function debug(...args) {
  if (debugFn === undefined) debugFn = require('internal/util/debuglog').debuglog('http');
  debugFn(...args);
}

// Header pairs that arrived before the end of the header section (more
// than the parser keeps), or trailers after the body.
function parserOnHeaders(headers, url) {
  if (this.maxHeaderPairs <= 0 || this._headers.length < this.maxHeaderPairs) {
    for (let i = 0; i < headers.length; i++) this._headers.push(headers[i]);
  }
  if (typeof url === 'string') this._url += url;
}

function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url,
                                 statusCode, statusMessage, upgrade, shouldKeepAlive) {
  return onHeadersComplete(this, versionMajor, versionMinor, headers, method, url,
                           statusCode, statusMessage, upgrade, shouldKeepAlive);
}

// What the binding calls instead of parserOnHeadersComplete, with upgrade (1)
// and shouldKeepAlive (2) as flags: 8 arguments cost the engine less than 9.
function parserOnHeadersCompleteFlags(versionMajor, versionMinor, headers, method, url,
                                      statusCode, statusMessage, flags) {
  return onHeadersComplete(this, versionMajor, versionMinor, headers, method, url,
                           statusCode, statusMessage, (flags & 1) !== 0, (flags & 2) !== 0);
}
if (typeof setHeadersCompleteFast === 'function') {
  setHeadersCompleteFast(parserOnHeadersComplete, parserOnHeadersCompleteFlags);
}

function onHeadersComplete(parser, versionMajor, versionMinor, headers, method, url,
                           statusCode, statusMessage, upgrade, shouldKeepAlive) {
  const socket = parser.socket;
  if (parser._headers.length > 0) {
    headers = headers ? parser._headers.concat(headers) : parser._headers;
    parser._headers = [];
  } else if (headers === undefined) {
    headers = [];
  }
  if (parser._url) {
    if (!url) url = parser._url;
    parser._url = '';
  }

  const Incoming = (socket && socket.server && socket.server[kIncomingMessage]) ||
    IncomingMessage;
  const incoming = parser.incoming = new Incoming(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = versionMajor === 1 ? (versionMinor === 1 ? '1.1' :
    versionMinor === 0 ? '1.0' : `1.${versionMinor}`) : `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = socket?.server?.joinDuplicateHeaders ||
    parser.joinDuplicateHeaders;
  incoming.url = url;
  incoming.upgrade = upgrade;

  let n = headers.length;
  if (parser.maxHeaderPairs > 0 && n > parser.maxHeaderPairs) n = parser.maxHeaderPairs;
  incoming._addHeaderLines(headers, n);

  if (typeof method === 'number') {
    incoming.method = allMethods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

function parserOnBody(b) {
  const stream = this.incoming;
  if (stream === null || stream === undefined) return;
  if (!stream._dumped) {
    const ret = stream.push(b);
    if (!ret) readStop(this.socket);
  }
}

function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null && stream !== undefined) {
    stream.complete = true;
    const headers = parser._headers;
    if (headers.length) {
      stream._addHeaderLines(headers, headers.length);
      parser._headers = [];
      parser._url = '';
    }
    stream.push(null);
  }
  // Reads may have been stopped for back pressure: the next message starts.
  readStart(parser.socket);
}

// A small pool of reusable objects, as node's internal FreeList.
class FreeList {
  constructor(name, max, ctor) {
    this.name = name;
    this.ctor = ctor;
    this.max = max;
    this.list = [];
  }

  hasItems() {
    return this.list.length > 0;
  }

  alloc() {
    return this.list.length > 0 ? this.list.pop() : this.ctor();
  }

  free(obj) {
    if (this.list.length < this.max) {
      this.list.push(obj);
      return true;
    }
    return false;
  }
}

const parsers = new FreeList('parsers', 1000, function parsersCb() {
  const parser = new HTTPParser();
  cleanParser(parser);
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  return parser;
});

function closeParserInstance(parser) {
  parser.close();
}

// Returns a parser to the pool (or closes it when the pool is full) and cuts
// its links to the request and socket.
function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    cleanParser(parser);
    parser.remove();
    if (parsers.free(parser) === false) {
      setImmediate(closeParserInstance, parser);
    } else {
      parser.free();
    }
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

function cleanParser(parser) {
  parser._headers = [];
  parser._url = '';
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = MAX_HEADER_PAIRS;
  parser[kOnMessageBegin] = null;
  parser[kOnExecute] = null;
  parser[kOnTimeout] = null;
  parser._consumed = false;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
}

const CRLF = '\r\n';
const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// Whether val is a valid RFC 7230 token (header names, methods).
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
// True when val has a character a header value may not hold.
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

function prepareError(err, parser, rawPacket) {
  rawPacket ||= parser.getCurrentBuffer();
  if (!Buffer.isBuffer(rawPacket)) {
    rawPacket = Buffer.from(rawPacket.buffer, rawPacket.byteOffset, rawPacket.byteLength);
  }
  err.rawPacket = rawPacket;
  if (typeof err.reason === 'string') err.message = `Parse Error: ${err.reason}`;
}

let warnedLenient = false;
let insecureFlag;
// --insecure-http-parser: every parser is lenient (node warns once).
function isLenient() {
  if (insecureFlag === undefined) {
    insecureFlag = process.execArgv.includes('--insecure-http-parser') ||
      /(^|\s)--insecure-http-parser(\s|$)/.test(process.env.NODE_OPTIONS || '');
  }
  if (insecureFlag && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return insecureFlag;
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression,
  continueExpression,
  CRLF,
  freeParser,
  methods: methods.slice().sort(),
  parsers,
  kIncomingMessage,
  kRequestTimeout,
  HTTPParser,
  isLenient,
  prepareError,
  debug,
  FreeList,
  kOnExecute,
  kOnTimeout,
  kOnMessageBegin,
};
