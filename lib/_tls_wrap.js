'use strict';
// node:_tls_wrap — TLSSocket, tls.Server, tls.connect and tls.createServer.
//
// A TLSSocket is a net.Socket whose _handle is a TLSWrap from the tls_wrap
// binding: the TLSWrap owns the OpenSSL session and sits on a parent handle
// (a TCP or Pipe handle it reads natively, or a JSStreamHandle over any JS
// duplex stream). net.Socket's reading, writing, shutdown and close code runs
// unchanged on it; socket-level calls (connect, bind, getpeername...) are
// forwarded to the parent. See docs/tls.md.

const EventEmitter = require('events');
const net = require('net');
const common = require('_tls_common');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_MULTIPLE_CALLBACK,
    ERR_SOCKET_CLOSED,
    ERR_TLS_ALPN_CALLBACK_INVALID_RESULT,
    ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_INVALID_STATE,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SNI_FROM_SERVER,
  },
  genericNodeError,
} = require('internal/errors');
const {
  validateBuffer,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const { kOwner } = require('internal/stream_base');

const binding = internalBinding('tls_wrap');
const { TCP, Pipe, constants: handleConstants } = internalBinding('stream_wrap');
const uv = internalBinding('uv');

const kConnectOptions = Symbol('connect-options');
const kDisableRenegotiation = Symbol('disable-renegotiation');
const kErrorEmitted = Symbol('error-emitted');
const kHandshakeTimeout = Symbol('handshake-timeout');
const kRes = Symbol('res');
const kSNICallback = Symbol('snicallback');
const kALPNCallback = Symbol('alpncallback');
const kIsVerified = Symbol('verified');
const kPendingSession = Symbol('pendingSession');
const kTLSWrap = Symbol('tlsWrap');
const kParentOnread = Symbol('parentOnread');
const kServername = Symbol('servername');

let ipServernameWarned = false;
let warnedAllowUnauthorized = false;

function noop() {}

function connReset(message) {
  return genericNodeError(message, { code: 'ECONNRESET' });
}

// ---- a JS stream as a parent handle ----

// The parent of a TLSWrap over a stream with no native handle (a Duplex, or a
// net.Socket that is not connected yet): ciphertext travels as JS chunks.
class JSStreamHandle {
  constructor(stream) {
    this.stream = stream;
    this.onread = null;
    this.reading = false;
    this.closed = false;
    stream.on('data', (chunk) => {
      if (typeof chunk === 'string') chunk = Buffer.from(chunk);
      if (this.onread) this.onread(chunk.length, chunk);
    });
    stream.once('end', () => {
      if (this.onread) this.onread(uv.UV_EOF);
    });
    stream.pause();
  }

  readStart() {
    this.reading = true;
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.reading = false;
    this.stream.pause();
    return 0;
  }

  writeEncrypted(chunk) {
    if (this.closed || this.stream.destroyed || this.stream.writableEnded) return;
    this.stream.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  shutdown(req) {
    if (this.stream.writableEnded || this.stream.destroyed) {
      process.nextTick(() => req.oncomplete(0));
      return 0;
    }
    this.stream.end(() => req.oncomplete(0));
    return 0;
  }

  close(cb) {
    this.closed = true;
    if (typeof this.stream.destroy === 'function' && !this.stream.destroyed) {
      this.stream.destroy();
    }
    if (typeof cb === 'function') process.nextTick(cb);
  }

  getpeername(out) {
    if (typeof this.stream._getpeername !== 'function') return uv.UV_EINVAL;
    Object.assign(out, this.stream._getpeername());
    return 0;
  }

  getsockname(out) {
    if (typeof this.stream._getsockname !== 'function') return uv.UV_EINVAL;
    Object.assign(out, this.stream._getsockname());
    return 0;
  }

  ref() { if (typeof this.stream.ref === 'function') this.stream.ref(); }
  unref() { if (typeof this.stream.unref === 'function') this.stream.unref(); }
}

// ---- the TLSWrap handle ----

// Socket-level methods a TLSWrap forwards to its parent handle.
const kProxied = ['ref', 'unref', 'open', 'bind', 'listen', 'connect', 'bind6', 'connect6',
                  'getsockname', 'getpeername', 'setNoDelay', 'setKeepAlive', 'setBlocking',
                  'reset', 'fchmod'];
// JavaScriptCore keeps a native class's prototype only weakly: holding it
// here keeps the forwarding methods added to it.
let wrapProto = null;

function patchWrapPrototype(res) {
  const proto = Object.getPrototypeOf(res);
  wrapProto = proto;
  for (const name of kProxied) {
    Object.defineProperty(proto, name, {
      __proto__: null,
      configurable: true,
      writable: true,
      value: function(...args) {
        const parent = this._parent;
        if (parent == null || typeof parent[name] !== 'function') return uv.UV_EBADF;
        return Reflect.apply(parent[name], parent, args);
      },
    });
  }
  Object.defineProperty(proto, 'fd', {
    __proto__: null,
    configurable: true,
    get() { return this._parent?.fd ?? -1; },
  });
  Object.defineProperty(proto, 'hasRef', {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function hasRef() {
      const parent = this._parent;
      return parent != null && typeof parent.hasRef === 'function' ? parent.hasRef() : false;
    },
  });
}

function onParentRead(nread, buf) {
  const res = this[kTLSWrap];
  if (res === undefined) return;
  if (nread > 0) res.receive(buf);
  else if (nread < 0) res.receiveEnd(nread);
}

// ---- callbacks from the binding (this is the TLSWrap) ----

function onhandshakedone() {
  const owner = this[kOwner];
  if (owner) owner._finishInit();
}

function onerror(err) {
  const owner = this[kOwner];
  if (!owner || owner._hadError) return;
  owner._hadError = true;
  if (!owner._secureEstablished) {
    owner._closeAfterHandlingError = true;
    owner.destroy(err);
  } else if (owner._tlsOptions?.isServer && owner._rejectUnauthorized &&
             /peer did not return a certificate/.test(err.message)) {
    owner.destroy();
  } else {
    owner._emitTLSError(err);
  }
}

function onnewsessionclient(session) {
  const owner = this[kOwner];
  if (!owner) return;
  session = Buffer.from(session.buffer, session.byteOffset, session.byteLength);
  if (owner[kIsVerified]) owner.emit('session', session);
  else owner[kPendingSession] = session;
}

function onkeylogclient(line) {
  const owner = this[kOwner];
  if (owner) owner.emit('keylog', Buffer.from(line.buffer, line.byteOffset, line.byteLength));
}

function onkeylogserver(line) {
  const owner = this[kOwner];
  if (owner && owner.server) {
    owner.server.emit('keylog', Buffer.from(line.buffer, line.byteOffset, line.byteLength),
                      owner);
  }
}

// SNI: the server's SNICallback picks a context, then the handshake resumes.
function oncertcb(servername) {
  const owner = this[kOwner];
  if (!owner) return;
  if (!servername || !owner._SNICallback) {
    this.certCbDone();
    return;
  }
  let once = false;
  owner._SNICallback(servername, (err, context) => {
    if (once) return owner.destroy(new ERR_MULTIPLE_CALLBACK());
    once = true;
    if (err) return owner.destroy(err);
    if (owner._handle === null) return owner.destroy(new ERR_SOCKET_CLOSED());
    if (context) owner._handle.setSecureContext(context.context || context);
    owner._handle.certCbDone();
  });
}

// ALPNCallback: returns the index of the chosen protocol, or undefined.
function onalpnselect(protocols) {
  const owner = this[kOwner];
  if (!owner) return undefined;
  const servername = this.getServername();
  let selected;
  try {
    selected = owner[kALPNCallback]({ servername, protocols });
  } catch (err) {
    process.nextTick(() => owner.destroy(err));
    return undefined;
  }
  if (selected === undefined) return undefined;
  const index = protocols.indexOf(selected);
  if (index === -1) {
    const err = new ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(selected, protocols);
    process.nextTick(() => owner.destroy(err));
    return undefined;
  }
  return index;
}

// ---- TLSSocket ----

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const tlsOptions = { ...opts };
  let enableTrace = tlsOptions.enableTrace;
  if (enableTrace == null) enableTrace = false;
  else if (typeof enableTrace !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.enableTrace', 'boolean', enableTrace);
  }
  if (tlsOptions.ALPNProtocols) require('tls').convertALPNProtocols(tlsOptions.ALPNProtocols,
                                                                      tlsOptions);
  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this[kALPNCallback] = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kRes] = null;
  this[kIsVerified] = false;
  this[kPendingSession] = null;

  let wrap;
  if ((socket instanceof net.Socket && socket._handle) || !socket) {
    wrap = socket;
  } else {
    wrap = new JSStreamHandle(socket);
  }

  net.Socket.call(this, {
    handle: this._wrapHandle(wrap, socket),
    allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
    pauseOnCreate: tlsOptions.pauseOnConnect,
    manualStart: true,
    highWaterMark: tlsOptions.highWaterMark,
    onread: !socket ? tlsOptions.onread : null,
    signal: tlsOptions.signal,
  });
  this.encrypted = true;
  this.on('error', this._tlsError);
  this._init(socket, wrap);
  this.read(0);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype.disableRenegotiation = function disableRenegotiation() {
  this[kDisableRenegotiation] = true;
};

TLSSocket.prototype._wrapHandle = function _wrapHandle(wrap, socket, parentHandle) {
  const options = this._tlsOptions;
  let handle = parentHandle;
  if (handle) {
    handle[kOwner] = this;
  } else if (wrap instanceof JSStreamHandle) {
    handle = wrap;
  } else if (wrap) {
    handle = wrap._handle;
  }
  if (!handle) {
    handle = options.pipe ? new Pipe(handleConstants.SOCKET) : new TCP(handleConstants.SOCKET);
    handle[kOwner] = this;
  }
  const context = options.secureContext || options.credentials ||
    common.createSecureContext(options);
  if (!context || !context.context) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  const res = binding.wrap(handle, context.context, !!options.isServer);
  if (Object.getPrototypeOf(res) !== wrapProto) patchWrapPrototype(res);
  res._parent = handle;
  res._parentWrap = wrap;
  res._secureContext = context;
  res.reading = false;
  handle[kTLSWrap] = res;
  handle[kParentOnread] = handle.onread;
  handle.onread = onParentRead;
  this[kRes] = res;
  return res;
};

function onSocketCloseDestroySSL() {
  const res = this[kRes];
  if (res) res.destroySSL();
  this[kRes] = null;
  const parent = this._parent;
  if (parent && !parent.destroyed) {
    // The parent's handle went with the TLS socket's.
    parent._handle = null;
    parent.destroy();
  }
}

TLSSocket.prototype._destroySSL = function _destroySSL() {
  const res = this[kRes];
  if (res) res.destroySSL();
};

// Configures a fresh TLSWrap from the socket's options.
function setupSSL(self, ssl) {
  const options = self._tlsOptions;
  if (self._requestCert || self._rejectUnauthorized) {
    ssl.setVerifyMode(self._requestCert, self._rejectUnauthorized);
  }
  ssl.onhandshakedone = onhandshakedone;
  ssl.onerror = onerror;
  if (options.isServer) {
    if (self.server && self.server.listenerCount('keylog') > 0) {
      ssl.onkeylog = onkeylogserver;
      ssl.enableKeylogCallback();
    }
  } else {
    ssl.onnewsession = onnewsessionclient;
    ssl.onkeylog = onkeylogclient;
    if (self.listenerCount('keylog') > 0) ssl.enableKeylogCallback();
    if (options.session) ssl.setSession(options.session);
    if (self[kServername] !== undefined) ssl.setServername(self[kServername]);
  }
  if (options.isServer && options.SNICallback &&
      (options.SNICallback !== SNICallback ||
       (options.server && options.server._contexts.length))) {
    self._SNICallback = options.SNICallback;
    ssl.oncertcb = oncertcb;
    ssl.enableCertCb();
  }
  if (options.ALPNCallback) {
    validateFunction(options.ALPNCallback, 'options.ALPNCallback');
    self[kALPNCallback] = options.ALPNCallback;
    ssl.onalpnselect = onalpnselect;
    ssl.enableALPNCallback();
  } else if (options.ALPNProtocols) {
    ssl.setALPNProtocols(options.ALPNProtocols);
  }
}

TLSSocket.prototype._init = function _init(socket, wrap) {
  const options = this._tlsOptions;
  const ssl = this._handle;
  this.server = options.server;
  this.on('close', onSocketCloseDestroySSL);
  this._requestCert = !!options.requestCert || !options.isServer;
  this._rejectUnauthorized = !!options.rejectUnauthorized;
  setupSSL(this, ssl);
  if (!options.isServer) this.on('newListener', keylogNewListener);

  if (options.handshakeTimeout > 0) {
    this.setTimeout(options.handshakeTimeout, this._handleTimeout);
  }

  if (socket instanceof net.Socket) {
    this._parent = socket;
    this.connecting = socket.connecting || !socket._handle;
    socket.once('connect', () => {
      this.connecting = false;
      this.emit('connect');
    });
  }

  if (socket) {
    socket.on('error', (err) => this._emitTLSError(err));
  } else {
    this.connecting = true;
  }

  if (options.isServer) ssl.start();
};

// net's address-family autoselection replaced the handle for a new attempt:
// put a new TLS session on it.
TLSSocket.prototype._wrapAttemptHandle = function _wrapAttemptHandle(handle) {
  const res = this._wrapHandle(null, null, handle);
  setupSSL(this, res);
  return res;
};

function keylogNewListener(event) {
  if (event !== 'keylog') return;
  const ssl = this._handle;
  if (ssl) ssl.enableKeylogCallback();
  this.removeListener('newListener', keylogNewListener);
}

TLSSocket.prototype.renegotiate = function renegotiate(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed) return;
  if (callback) {
    process.nextTick(callback, new Error('TLS session renegotiation is not supported'));
  }
  return false;
};

TLSSocket.prototype.exportKeyingMaterial = function exportKeyingMaterial(length, label,
                                                                           context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  const out = this._handle.exportKeyingMaterial(length, label, context);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
};

TLSSocket.prototype.setMaxSendFragment = function setMaxSendFragment(size) {
  validateInt32(size, 'size');
  return this._handle.setMaxSendFragment(size) === 1;
};

TLSSocket.prototype._handleTimeout = function _handleTimeout() {
  this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
};

TLSSocket.prototype._emitTLSError = function _emitTLSError(err) {
  const e = this._tlsError(err);
  if (e) this.emit('error', e);
};

TLSSocket.prototype._tlsError = function _tlsError(err) {
  this.emit('_tlsError', err);
  if (this._controlReleased) return err;
  return null;
};

TLSSocket.prototype._releaseControl = function _releaseControl() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype._finishInit = function _finishInit() {
  if (!this._handle) return;
  this.alpnProtocol = this._handle.getALPNNegotiatedProtocol();
  this.servername = this._handle.getServername();
  this._secureEstablished = true;
  if (this._tlsOptions.handshakeTimeout > 0) this.setTimeout(0, this._handleTimeout);
  this.emit('secure');
};

TLSSocket.prototype._start = function _start() {
  if (this.connecting) {
    this.once('connect', this._start);
    return;
  }
  if (!this._handle) return;
  this._handle.start();
};

TLSSocket.prototype.setServername = function setServername(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  this[kServername] = name;
  this._handle.setServername(name);
};

TLSSocket.prototype.setSession = function setSession(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  this._handle.setSession(session);
};

TLSSocket.prototype.getSession = function getSession() {
  if (this._handle) {
    const s = this._handle.getSession();
    return s === undefined ? undefined : Buffer.from(s.buffer, s.byteOffset, s.byteLength);
  }
  return null;
};

TLSSocket.prototype.getPeerCertificate = function getPeerCertificate(detailed) {
  if (this._handle) {
    return common.translatePeerCertificate(this._handle.getPeerCertificate(detailed)) || {};
  }
  return null;
};

TLSSocket.prototype.getCertificate = function getCertificate() {
  if (this._handle) {
    return common.translatePeerCertificate(this._handle.getCertificate()) || {};
  }
  return null;
};

TLSSocket.prototype.getPeerX509Certificate = function getPeerX509Certificate() {
  return undefined;
};

TLSSocket.prototype.getX509Certificate = function getX509Certificate() {
  return undefined;
};

TLSSocket.prototype.setKeyCert = function setKeyCert(context) {
  if (this._handle) {
    const c = context instanceof common.SecureContext ? context :
      common.createSecureContext(context);
    this._handle.setSecureContext(c.context);
  }
};

function handleGetter(name, buffer) {
  return function() {
    if (!this._handle) return null;
    const v = this._handle[name]();
    if (buffer && v !== undefined && v !== null) {
      return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
    return v;
  };
}

TLSSocket.prototype.getCipher = handleGetter('getCipher');
TLSSocket.prototype.getSharedSigalgs = handleGetter('getSharedSigalgs');
TLSSocket.prototype.getFinished = handleGetter('getFinished', true);
TLSSocket.prototype.getPeerFinished = handleGetter('getPeerFinished', true);
TLSSocket.prototype.getTLSTicket = handleGetter('getTLSTicket', true);
TLSSocket.prototype.isSessionReused = handleGetter('isSessionReused');

TLSSocket.prototype.getEphemeralKeyInfo = function getEphemeralKeyInfo() {
  if (!this._handle) return null;
  // As node on OpenSSL 3: nothing to report for TLSv1.3 key shares.
  if (this._handle.getProtocol() === 'TLSv1.3') return {};
  return this._handle.getEphemeralKeyInfo();
};

TLSSocket.prototype.getProtocol = function getProtocol() {
  if (this._handle) return this._secureEstablished ? this._handle.getProtocol() : 'unknown';
  return null;
};

TLSSocket.prototype.enableTrace = function enableTrace() {};

// ---- client ----

function onConnectSecure() {
  const options = this[kConnectOptions];
  let verifyError = this._handle.verifyError();
  if (!verifyError && !this.isSessionReused()) {
    const hostname = options.servername || options.host ||
      (options.socket && options.socket._host) || 'localhost';
    const cert = this.getPeerCertificate(true);
    verifyError = options.checkServerIdentity(hostname, cert);
  }
  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    if (options.rejectUnauthorized) {
      this.destroy(verifyError);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.secureConnecting = false;
  this.emit('secureConnect');
  this[kIsVerified] = true;
  const session = this[kPendingSession];
  this[kPendingSession] = null;
  if (session) this.emit('session', session);
  this.removeListener('end', onConnectEnd);
}

function onConnectEnd() {
  if (!this._hadError) {
    const options = this[kConnectOptions];
    this._hadError = true;
    const error = connReset('Client network socket disconnected before secure TLS ' +
                            'connection was established');
    error.path = options.path;
    error.host = options.host;
    error.port = options.port;
    error.localAddress = options.localAddress;
    this.destroy(error);
  }
}

function normalizeConnectArgs(listArgs) {
  const args = net._normalizeArgs(listArgs);
  const options = args[0];
  const cb = args[1];
  if (listArgs[1] !== null && typeof listArgs[1] === 'object') {
    Object.assign(options, listArgs[1]);
  } else if (listArgs[2] !== null && typeof listArgs[2] === 'object') {
    Object.assign(options, listArgs[2]);
  }
  return cb ? [options, cb] : [options];
}

function connect(...args) {
  args = normalizeConnectArgs(args);
  let options = args[0];
  const cb = args[1];
  const tls = require('tls');
  const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allowUnauthorized && !warnedAllowUnauthorized) {
    warnedAllowUnauthorized = true;
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to ' +
                        "'0' makes TLS connections and HTTPS requests insecure by disabling " +
                        'certificate verification.');
  }
  options = {
    rejectUnauthorized: !allowUnauthorized,
    ciphers: tls.DEFAULT_CIPHERS,
    checkServerIdentity: tls.checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);

  const context = options.secureContext || common.createSecureContext(options);

  const tlssock = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: !!options.path,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    requestOCSP: options.requestOCSP,
    enableTrace: options.enableTrace,
    highWaterMark: options.highWaterMark,
    onread: options.onread,
    signal: options.signal,
  });

  tlssock[kConnectOptions] = options;

  if (cb) tlssock.once('secureConnect', cb);

  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    const connectOpt = {
      path: options.path,
      port: options.port,
      host: options.host,
      family: options.family,
      localAddress: options.localAddress,
      localPort: options.localPort,
      lookup: options.lookup,
      autoSelectFamily: options.autoSelectFamily,
      autoSelectFamilyAttemptTimeout: options.autoSelectFamilyAttemptTimeout,
    };
    tlssock.connect(connectOpt, tlssock._start);
  }

  tlssock._releaseControl();

  if (options.servername) {
    if (!ipServernameWarned && net.isIP(options.servername)) {
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by ' +
                          'RFC 6066. This will be ignored in a future version.',
                          'DeprecationWarning', 'DEP0123');
      ipServernameWarned = true;
    }
    tlssock.setServername(options.servername);
  }

  if (options.socket) tlssock._start();

  tlssock.on('secure', onConnectSecure);
  tlssock.prependListener('end', onConnectEnd);
  return tlssock;
}

// ---- server ----

function onServerSocketSecure() {
  if (this._requestCert) {
    const verifyError = this._handle.verifyError();
    if (verifyError) {
      this.authorizationError = verifyError.code;
      if (this._rejectUnauthorized) this.destroy();
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this._tlsOptions.server.emit('secureConnection', this);
  }
}

function onSocketTLSError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', err, this);
  }
}

function onSocketClose(err) {
  if (err) return;
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', connReset('socket hang up'), this);
  }
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
    ALPNCallback: this.ALPNCallback,
    SNICallback: this[kSNICallback] || SNICallback,
    enableTrace: this.enableTrace,
    pauseOnConnect: this.pauseOnConnect,
  });
  socket.on('secure', onServerSocketSecure);
  socket[kErrorEmitted] = false;
  socket.on('close', onSocketClose);
  socket.on('_tlsError', onSocketTLSError);
}

function SNICallback(servername, callback) {
  const contexts = this.server._contexts;
  for (let i = contexts.length - 1; i >= 0; --i) {
    const elem = contexts[i];
    if (elem[0].test(servername)) {
      callback(null, elem[1]);
      return;
    }
  }
  callback(null, undefined);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options ??= {};
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }

  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNCallback = options.ALPNCallback;
  if (this.ALPNCallback) {
    validateFunction(this.ALPNCallback, 'options.ALPNCallback');
    if (options.ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  if (options.ALPNProtocols) require('tls').convertALPNProtocols(options.ALPNProtocols, this);

  this.setSecureContext(options);

  this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
  this[kSNICallback] = options.SNICallback;
  validateNumber(this[kHandshakeTimeout], 'options.handshakeTimeout');
  if (this[kSNICallback] && typeof this[kSNICallback] !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.SNICallback', 'function', options.SNICallback);
  }

  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
  this.enableTrace = options.enableTrace;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

const kServerContextOptions = ['key', 'cert', 'ca', 'passphrase', 'dhparam', 'ecdhCurve',
                               'ciphers', 'sigalgs', 'secureProtocol', 'secureOptions',
                               'honorCipherOrder', 'minVersion', 'maxVersion', 'crl', 'pfx',
                               'clientCertEngine', 'privateKeyIdentifier', 'privateKeyEngine'];

Server.prototype.setSecureContext = function setSecureContext(options) {
  validateObject(options, 'options');
  for (const name of kServerContextOptions) {
    if (options[name] !== undefined) this[name] = options[name];
    else if (name === 'ciphers' || name === 'ecdhCurve') this[name] = undefined;
  }
  if (options.sessionIdContext) {
    this.sessionIdContext = options.sessionIdContext;
  } else {
    const crypto = require('crypto');
    this.sessionIdContext = crypto.createHash('sha1').update(process.argv.join(' '))
      .digest('hex').slice(0, 32);
  }
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;

  this._sharedCreds = common.createSecureContext({
    key: this.key,
    passphrase: this.passphrase,
    cert: this.cert,
    clientCertEngine: this.clientCertEngine,
    ca: this.ca,
    ciphers: this.ciphers,
    sigalgs: this.sigalgs,
    ecdhCurve: this.ecdhCurve,
    dhparam: this.dhparam,
    minVersion: this.minVersion,
    maxVersion: this.maxVersion,
    secureProtocol: this.secureProtocol,
    secureOptions: this.secureOptions,
    honorCipherOrder: this.honorCipherOrder,
    crl: this.crl,
    sessionIdContext: this.sessionIdContext,
    ticketKeys: this.ticketKeys,
    sessionTimeout: this.sessionTimeout,
    pfx: this.pfx,
  });
};

Server.prototype._getServerData = function _getServerData() {
  return { ticketKeys: this.getTicketKeys().toString('hex') };
};

Server.prototype._setServerData = function _setServerData(data) {
  this.setTicketKeys(Buffer.from(data.ticketKeys, 'hex'));
};

Server.prototype.getTicketKeys = function getTicketKeys() {
  if (!this.ticketKeys) this.ticketKeys = require('crypto').randomBytes(48);
  return Buffer.from(this.ticketKeys);
};

Server.prototype.setTicketKeys = function setTicketKeys(keys) {
  validateBuffer(keys);
  if (keys.byteLength !== 48) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE('keys', keys.byteLength, 'must be exactly 48 bytes');
  }
  this.ticketKeys = Buffer.from(keys);
};

Server.prototype.setOptions = function setOptions(options) {
  this.setSecureContext(options);
};

Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const escaped = servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replaceAll('*', '[^.]*');
  const re = new RegExp('^' + escaped + '$');
  const secureContext = context instanceof common.SecureContext ? context :
    common.createSecureContext(context);
  this._contexts.push([re, secureContext.context]);
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  switch (event) {
    case 'secureConnection':
      sock.destroy(err);
      break;
    default:
      net.Server.prototype[EventEmitter.captureRejectionSymbol].call(this, err, event, sock);
  }
};

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
};
