'use strict';
// node:cluster in a worker: listen() and dgram bind() ask the primary for a
// handle (queryServer). With SCHED_RR the server gets a stand-in handle and
// connections arrive from the primary one by one ('newconn'); with
// SCHED_NONE (and for UDP) the primary's own listening handle arrives.

const EventEmitter = require('events');
const path = require('path');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');
const state = require('internal/cluster/state');
const { kOwner } = require('internal/stream_base');

const TIMEOUT_MAX = 2 ** 31 - 1;
const cluster = new EventEmitter();
const handles = new Map();
const indexes = new Map();
const noop = () => {};

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

// Called once at startup, before user code, when NODE_UNIQUE_ID is set.
cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;
  state.isWorker = true;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away or cut the channel: nothing left to serve.
      process.exit(0);
    }
  });

  process.on('internalMessage', internal(worker, onmessage));
  send({ act: 'online' });

  function onmessage(message, handle) {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnectWorker.call(worker, true);
  }
};

// obj is a net.Server or a dgram.Socket; cb(errno, handle).
cluster._getServer = function _getServer(obj, options, cb) {
  let address = options.address;
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = path.resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  let indexSet = indexes.get(indexesKey);
  if (indexSet === undefined) {
    indexSet = { nextIndex: 0, set: new Set() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);

  const message = { act: 'queryServer', index, data: null, ...options };
  message.address = address;
  if (obj._getServerData) message.data = obj._getServerData();

  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
    if (handle) {
      shared(reply, { handle, indexesKey, index }, cb);
    } else {
      rr(reply, { indexesKey, index }, cb);
    }
  });

  obj.once('listening', () => {
    cluster.worker.state = 'listening';
    const addr = obj.address();
    message.act = 'listening';
    message.port = (addr && addr.port) || options.port;
    send(message);
  });
};

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;
  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

// The primary's listening handle itself.
function shared(message, { handle, indexesKey, index }, cb) {
  const key = message.key;
  // Tell the primary when the handle closes, so it can close its copy.
  const close = handle.close;
  handle.close = function(...args) {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return close.apply(handle, args);
  };
  handles.set(key, handle);
  cb(message.errno, handle);
}

// A stand-in handle: the primary accepts, this only receives.
function rr(message, { indexesKey, index }, cb) {
  if (message.errno) {
    cb(message.errno, null);
    return;
  }
  let key = message.key;
  let keepAlive = null;

  // The server has no handle of its own to keep the loop alive: a timer does.
  function ref() {
    if (!keepAlive) keepAlive = setInterval(noop, TIMEOUT_MAX);
  }

  function unref() {
    if (keepAlive) {
      clearInterval(keepAlive);
      keepAlive = null;
    }
  }

  function listen(backlog) {
    return 0;
  }

  // net treats close() as synchronous; connections the primary sends before
  // it hears of the close are refused in onconnection() and go elsewhere.
  function close(callback) {
    if (key === undefined) return;
    unref();
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    key = undefined;
    if (typeof callback === 'function') process.nextTick(callback);
  }

  function getsockname(out) {
    if (key) Object.assign(out, message.sockname);
    return 0;
  }

  const handle = { close, listen, ref, unref };
  handle.ref();
  if (message.sockname) handle.getsockname = getsockname; // TCP only.
  handles.set(key, handle);
  cb(0, handle);
}

// A connection handed over by the primary (SCHED_RR).
function onconnection(message, handle) {
  const key = message.key;
  const server = handles.get(key);
  let accepted = server !== undefined;
  if (accepted && server[kOwner]) {
    const self = server[kOwner];
    if (self.maxConnections != null && self._connections >= self.maxConnections) {
      accepted = false;
    }
  }
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else if (handle) handle.close();
}

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

// Closes every server, then the channel. A disconnect the worker starts first
// tells the primary, so exitedAfterDisconnect is set there before 'exit'.
function disconnectWorker(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waitingCount = 1;

  function checkWaitingCount() {
    waitingCount--;
    if (waitingCount === 0) {
      if (primaryInitiated) {
        process.disconnect();
      } else {
        send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
      }
    }
  }

  for (const handle of handles.values()) {
    waitingCount++;
    const owner = handle[kOwner] || ownerOfUdp(handle);
    if (owner) owner.close(checkWaitingCount);
    else handle.close(checkWaitingCount);
  }
  handles.clear();
  checkWaitingCount();
}

function ownerOfUdp(handle) {
  const { kOwner: kUdpOwner } = require('internal/dgram');
  return handle[kUdpOwner];
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker.call(this, false);
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
