'use strict';
// node:https — HTTP over TLS: the http server's connection handling on a
// tls.Server, and an http Agent whose connections are tls.connect() sockets
// (with a TLS session cache per origin).

const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { kUniqueHeaders, parseUniqueHeadersOption } = require('_http_outgoing');
const {
  Server: HttpServer,
  storeHTTPOptions,
  _connectionListener,
  setupConnectionsTracking,
  httpServerPreClose,
} = require('_http_server');
const { debug } = require('_http_common');
const { validateObject } = require('internal/validators');

const kOnKeylog = Symbol('onkeylog');

// ---- Server ----

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols && !opts.ALPNCallback) {
    // HTTP/1.1 is the only protocol this server speaks.
    opts.ALPNProtocols = ['http/1.1'];
  }
  storeHTTPOptions.call(this, opts);
  tls.Server.call(this, { noDelay: true, ...opts }, _connectionListener);

  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);
  this.addListener('tlsClientError', function addListener(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kUniqueHeaders] = parseUniqueHeadersOption(opts.uniqueHeaders);
  this.on('listening', onListening);
}

function onListening() {
  setupConnectionsTracking(this);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

Server.prototype.closeAllConnections = HttpServer.prototype.closeAllConnections;
Server.prototype.closeIdleConnections = HttpServer.prototype.closeIdleConnections;
Server.prototype.setTimeout = HttpServer.prototype.setTimeout;

Server.prototype.close = function close(...args) {
  httpServerPreClose(this);
  tls.Server.prototype.close.apply(this, args);
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function() {
  if (!this.listening) return;
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// ---- Agent ----

function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  debug('createConnection', options);

  if (options._agentKey) {
    const session = this._getSession(options._agentKey);
    if (session) {
      debug('reuse session for %j', options._agentKey);
      options = { session, ...options };
    }
  }

  const socket = tls.connect(options);

  if (options._agentKey) {
    socket.on('session', (session) => {
      this._cacheSession(options._agentKey, session);
    });
    socket.once('close', (err) => {
      if (err) this._evictSession(options._agentKey);
    });
  }
  if (this[kOnKeylog]) socket.on('keylog', this[kOnKeylog]);
  return socket;
}

function maybeEnableKeylog(eventName) {
  if (eventName !== 'keylog') return;
  this.removeListener('newListener', maybeEnableKeylog);
  const agent = this;
  this[kOnKeylog] = function onkeylog(line) {
    agent.emit('keylog', line, this);
  };
  for (const list of Object.values(this.sockets)) {
    for (const socket of list) socket.on('keylog', this[kOnKeylog]);
  }
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
  this.on('newListener', maybeEnableKeylog);
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);
Agent.prototype.createConnection = createConnection;

// The TLS options that make two connections to one host:port different.
const kNameParts = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx',
                    'rejectUnauthorized', 'servername', 'minVersion', 'maxVersion',
                    'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam',
                    'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier',
                    'privateKeyEngine'];

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const part of kNameParts) {
    name += ':';
    const value = options[part];
    switch (part) {
      case 'rejectUnauthorized':
      case 'honorCipherOrder':
      case 'secureOptions':
        if (value !== undefined) name += value;
        break;
      case 'servername':
        if (value && value !== options.host) name += value;
        break;
      case 'sigalgs':
        if (value) name += JSON.stringify(value);
        break;
      default:
        if (value) name += value;
    }
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  if (this._sessionCache.map[key]) {
    this._sessionCache.map[key] = session;
    return;
  }
  if (this._sessionCache.list.length >= this.maxCachedSessions) {
    const oldKey = this._sessionCache.list.shift();
    debug('evicting %j', oldKey);
    delete this._sessionCache.map[oldKey];
  }
  this._sessionCache.list.push(key);
  this._sessionCache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const index = this._sessionCache.list.indexOf(key);
  if (index === -1) return;
  this._sessionCache.list.splice(index, 1);
  delete this._sessionCache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---- client ----

function request(...args) {
  let options = {};
  const { URL, urlToHttpOptions, isURL } = require('internal/url');
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(args.shift()));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(args.shift());
  }
  if (args[0] && typeof args[0] !== 'function') {
    Object.assign(options, args.shift());
  }
  options._defaultAgent = module.exports.globalAgent;
  args.unshift(options);
  return Reflect.construct(ClientRequest, args);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
