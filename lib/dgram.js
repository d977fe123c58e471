'use strict';
// node:dgram — UDP sockets over internalBinding('udp_wrap'). A Socket binds
// (explicitly, or implicitly on its first send or connect), queues sends and
// connects made while the bind's address lookup is in flight, and emits
// 'listening', 'message', 'connect', 'error' and 'close' as node does.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  ErrnoException,
  ExceptionWithHostPort,
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FD_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
} = require('internal/errors');
const {
  isInt32,
  validateAbortSignal,
  validateFunction,
  validateNumber,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const {
  kOwner, kStateSymbol, newHandle, SendWrap, _createSocketHandle,
} = require('internal/dgram');
const { FastBuffer } = require('internal/buffer');

const { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR, UV_UDP_REUSEPORT } =
  internalBinding('udp_wrap').constants;

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

function Socket(type, listener) {
  EventEmitter.call(this);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;

  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) {
      validateUint32(options.recvBufferSize, 'options.recvBufferSize');
      recvBufferSize = options.recvBufferSize;
    } else if (options.recvBufferSize !== undefined) {
      validateUint32(options.recvBufferSize, 'options.recvBufferSize');
    }
    if (options.sendBufferSize) {
      validateUint32(options.sendBufferSize, 'options.sendBufferSize');
      sendBufferSize = options.sendBufferSize;
    } else if (options.sendBufferSize !== undefined) {
      validateUint32(options.sendBufferSize, 'options.sendBufferSize');
    }
  }

  const handle = newHandle(type, lookup);
  handle[kOwner] = this;

  this.type = type;

  if (typeof listener === 'function') this.on('message', listener);

  Object.defineProperty(this, kStateSymbol, {
    __proto__: null,
    value: {
      handle,
      receiving: false,
      bindState: BIND_STATE_UNBOUND,
      connectState: CONNECT_STATE_DISCONNECTED,
      queue: undefined,
      reuseAddr: options && options.reuseAddr,
      reusePort: options && options.reusePort,
      ipv6Only: options && options.ipv6Only,
      recvBufferSize,
      sendBufferSize,
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      this.once('close', disposable[Symbol.dispose]);
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function startListening(socket) {
  const state = socket[kStateSymbol];

  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;

  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);

  socket.emit('listening');
}

function replaceHandle(self, newHandle) {
  const state = self[kStateSymbol];
  const oldHandle = state.handle;
  // Keep the lookup of the socket's type.
  newHandle.lookup = oldHandle.lookup;
  newHandle.bind = oldHandle.bind;
  newHandle.send = oldHandle.send;
  newHandle[kOwner] = self;
  oldHandle.close();
  state.handle = newHandle;
}

// Asks the cluster primary for a bound handle; errCb(errno) on failure.
function bindServerHandle(self, options, errCb) {
  require('cluster')._getServer(self, options, (err, handle) => {
    if (err) {
      errCb(err);
      return;
    }
    const state = self[kStateSymbol];
    if (!state.handle) {
      // Closed while waiting for the primary.
      handle.close();
      return;
    }
    if (typeof state.handle.hasRef === 'function' && !state.handle.hasRef()) handle.unref();
    replaceHandle(self, handle);
    startListening(self);
  });
}

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();

  const ctx = {};
  const ret = self[kStateSymbol].handle.bufferSize(size, buffer, ctx);
  if (ret === undefined) throw new ERR_SOCKET_BUFFER_SIZE(ctx);
  return ret;
}

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;

  healthCheck(this);
  const state = this[kStateSymbol];

  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();

  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    function removeListeners() {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    }

    function onListening() {
      removeListeners.call(this);
      cb.call(this);
    }

    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  if (port !== null && typeof port === 'object' && typeof port.recvStart === 'function') {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  // Open an existing fd instead of creating a new one.
  if (port !== null && typeof port === 'object' && isInt32(port.fd) && port.fd > 0) {
    const fd = port.fd;
    const type = require('internal/util').guessHandleType(fd);
    if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type);
    const err = state.handle.open(fd);
    if (err) throw new ErrnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }

  // Bind to every interface by default.
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return; // Closed in the meantime.

    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }

    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
    if (state.reusePort) flags |= UV_UDP_REUSEPORT;

    if (!exclusive && require('internal/cluster/state').isWorker) {
      // A cluster worker gets the bound handle from the primary.
      bindServerHandle(this, { address: ip, port, addressType: this.type, fd: -1, flags },
                       (err) => {
                         const ex = new ExceptionWithHostPort(err, 'bind', ip, port);
                         state.bindState = BIND_STATE_UNBOUND;
                         this.emit('error', ex);
                       });
      return;
    }

    const bindErr = state.handle.bind(ip, port || 0, flags);
    if (bindErr) {
      const ex = new ExceptionWithHostPort(bindErr, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }

    startListening(this);
  });

  return this;
};

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }

  validateString(address, 'address');

  const state = this[kStateSymbol];

  if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();

  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);

  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, _connect.bind(this, port, address, callback));
    return;
  }

  _connect.call(this, port, address, callback);
};

function _connect(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);

  state.handle.lookup(address, (ex, ip) => {
    doConnect(ex, this, ip, address, port, callback);
  });
}

function doConnect(ex, self, ip, address, port, callback) {
  const state = self[kStateSymbol];
  if (!state.handle) return;

  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = new ExceptionWithHostPort(err, 'connect', address, port);
  }

  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        self.removeListener('connect', callback);
        callback(ex);
      } else {
        self.emit('error', ex);
      }
    });
    return;
  }

  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => self.emit('connect'));
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();

  const err = state.handle.disconnect();
  if (err) throw new ErrnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// A thin wrapper around send(), kept for compatibility with old code.
Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');

  this.send(buffer, offset, length, port, address, callback);
};

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                   buffer);
  }

  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');

  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const newlist = new Array(list.length);

  for (let i = 0, l = list.length; i < l; i++) {
    const buf = list[i];
    if (typeof buf === 'string') newlist[i] = Buffer.from(buf);
    else if (!isArrayBufferView(buf)) return null;
    else newlist[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  return newlist;
}

function enqueue(self, toEnqueue) {
  const state = self[kStateSymbol];

  // Flush the queue once the bind is done (or drop it if the bind fails).
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(toEnqueue);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  clearQueue.call(this);
}

function onListenError(err) {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function clearQueue() {
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;

  for (const queueEntry of queue) queueEntry();
}

// Valid forms:
//   unconnected: send(buffer, offset, length, port[, address][, callback])
//                send(bufferOrList, port[, address][, callback])
//   connected:   send(buffer, offset, length[, callback])
//                send(bufferOrList[, callback])
Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }

    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                     buffer);
    } else {
      list = [buffer];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments',
                                   ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);

  if (typeof callback !== 'function') callback = undefined;

  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);

  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);

  if (list.length === 0) list.push(Buffer.alloc(0));

  // Until the bind is done, queue the datagram.
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }

  const afterDns = (ex, ip) => {
    doSend(ex, this, ip, list, address, port, callback);
  };

  if (!connected) state.handle.lookup(address, afterDns);
  else afterDns(null, null);
};

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];

  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => self.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }

  const req = new SendWrap();
  req.list = list; // Keeps the bytes alive.
  req.address = address;
  req.port = port;
  if (callback) {
    req.callback = callback;
    req.oncomplete = afterSend;
  }

  let err;
  if (port) err = state.handle.send(req, list, list.length, port, ip, !!callback);
  else err = state.handle.send(req, list, list.length, !!callback);

  if (err >= 1) {
    // Sent at once: the result is the datagram's length + 1.
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }

  if (err && callback) {
    const sendEx = new ExceptionWithHostPort(err, 'send', address, port);
    process.nextTick(callback, sendEx);
  }
}

function afterSend(err, sent) {
  if (err) err = new ExceptionWithHostPort(err, 'send', this.address, this.port);
  else err = null;
  this.callback(err, sent);
}

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;

  if (typeof callback === 'function') this.on('close', callback);

  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }

  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(socketCloseNT, this);

  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this[kStateSymbol].handle) return;
  await new Promise((resolve, reject) => {
    try {
      this.close(resolve);
    } catch (err) {
      reject(err);
    }
  });
};

function socketCloseNT(self) {
  self.emit('close');
}

Socket.prototype.address = function() {
  healthCheck(this);

  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw new ErrnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this);

  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();

  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw new ErrnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw new ErrnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw new ErrnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw new ErrnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw new ErrnoException(err, 'setMulticastLoopback');
  return arg; // 0.4 compatibility
};

Socket.prototype.setMulticastInterface = function(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');

  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw new ErrnoException(err, 'setMulticastInterface');
};

Socket.prototype.addMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');

  const { handle } = this[kStateSymbol];
  const err = handle.addMembership(multicastAddress, interfaceAddress);
  if (err) throw new ErrnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');

  const { handle } = this[kStateSymbol];
  const err = handle.dropMembership(multicastAddress, interfaceAddress);
  if (err) throw new ErrnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership = function(sourceAddress, groupAddress,
                                                        interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');

  const err = this[kStateSymbol].handle.addSourceSpecificMembership(sourceAddress, groupAddress,
                                                                    interfaceAddress);
  if (err) throw new ErrnoException(err, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function(sourceAddress, groupAddress,
                                                         interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');

  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(sourceAddress, groupAddress,
                                                                     interfaceAddress);
  if (err) throw new ErrnoException(err, 'dropSourceSpecificMembership');
};

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

function onMessage(nread, handle, bytes, rinfo) {
  const self = handle[kOwner];
  if (nread < 0) {
    self.emit('error', new ErrnoException(nread, 'recvmsg'));
    return;
  }
  const buf = new FastBuffer(bytes.buffer, bytes.byteOffset, nread);
  rinfo.size = buf.length; // compatibility
  self.emit('message', buf, rinfo);
}

Socket.prototype.ref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// Deprecated private accessors (DEP0112).
let deprecate;
function deprecated(fn, name) {
  let wrapped;
  return function(...args) {
    deprecate ??= require('internal/util').deprecate;
    wrapped ??= deprecate(fn, `Socket.prototype.${name} is deprecated`, 'DEP0112');
    return wrapped.apply(this, args);
  };
}

function stateAccessor(name, key) {
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    get: deprecated(function() { return this[kStateSymbol][key]; }, name),
    set: deprecated(function(val) { this[kStateSymbol][key] = val; }, name),
    configurable: true,
    enumerable: true,
  });
}
stateAccessor('_handle', 'handle');
stateAccessor('_receiving', 'receiving');
stateAccessor('_bindState', 'bindState');
stateAccessor('_queue', 'queue');
stateAccessor('_reuseAddr', 'reuseAddr');

Socket.prototype._healthCheck = deprecated(function() { healthCheck(this); }, '_healthCheck()');
Socket.prototype._stopReceiving = deprecated(function() { stopReceiving(this); },
                                             '_stopReceiving()');

let createSocketHandleDeprecated;
module.exports = {
  _createSocketHandle(...args) {
    deprecate ??= require('internal/util').deprecate;
    createSocketHandleDeprecated ??= deprecate(_createSocketHandle,
                                               'dgram._createSocketHandle() is deprecated',
                                               'DEP0112');
    return createSocketHandleDeprecated(...args);
  },
  createSocket,
  Socket,
};
