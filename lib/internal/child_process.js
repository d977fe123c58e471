'use strict';
// The asynchronous half of node:child_process: the ChildProcess class over
// internalBinding('process_wrap'), its stdio streams over
// internalBinding('stream_wrap') pipes, spawn/exec/execFile/fork, and the
// JSON IPC channel shared by parents (fork) and children (process.send).

const EventEmitter = require('events');
const {
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_MISSING_ARGS,
  },
  AbortError,
  ErrnoException,
  genericNodeError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateFunction,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const {
  normalizeSpawnArguments,
  convertToValidSignal,
  signalName,
  validateTimeout,
  validateMaxBuffer,
} = require('child_process');
const { StreamSocket } = require('internal/stream_base');
const { deprecate } = require('internal/util');

const { Process } = internalBinding('process_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('stream_wrap');
const uv = internalBinding('uv');

const MAX_BUFFER = 1024 * 1024;
const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');
const kOwner = Symbol('owner');
const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');
const kIpcCountsForClose = Symbol('kIpcCountsForClose');
// The IPC pipe handle itself, as in node (tests reach it through --expose-internals).
const kChannelHandle = Symbol('kChannelHandle');

// The stdio streams of a child: node shows them as `Socket`.
class Socket extends StreamSocket {}

// ---- stdio ----

function stdioStringToArray(stdio, channel) {
  switch (stdio) {
    case 'ignore': case 'overlapped': case 'pipe': case 'inherit':
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  const list = [stdio, stdio, stdio];
  if (channel) list.push(channel);
  return list;
}

function wrappedHandle(value) {
  if (value == null || typeof value !== 'object') return undefined;
  for (const candidate of [value, value.handle, value._handle]) {
    if (candidate instanceof Pipe) return candidate;
  }
  return undefined;
}

function closeCreated(list) {
  for (const s of list) {
    if (s.handle && s.created) s.handle.close();
  }
}

// Turns the `stdio` option into descriptors for the Process binding, creating
// the pipes it asks for. Mirrors node's getValidStdio(stdio, sync).
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;
  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  // Node pads the caller's array in place.
  while (stdio.length < 3) stdio.push(undefined);

  const result = [];
  for (let i = 0; i < stdio.length; i++) {
    let s = stdio[i];
    if (s == null) s = i < 3 ? 'pipe' : 'ignore';
    let entry;
    if (s === 'ignore') {
      entry = { type: 'ignore' };
    } else if (s === 'pipe' || s === 'overlapped') {
      entry = { type: s, readable: i === 0, writable: i !== 0 };
      if (!sync) {
        entry.handle = new Pipe(PipeConstants.SOCKET);
        entry.created = true;
      }
    } else if (s === 'ipc') {
      if (sync || ipc !== undefined) {
        closeCreated(result);
        if (sync) throw new ERR_IPC_SYNC_FORK();
        throw new ERR_IPC_ONE_PIPE();
      }
      ipc = new Pipe(PipeConstants.IPC);
      ipcFd = i;
      entry = { type: 'pipe', handle: ipc, ipc: true, created: true };
    } else if (s === 'inherit') {
      entry = { type: 'inherit', fd: i };
    } else if (typeof s === 'number' || typeof s.fd === 'number') {
      entry = { type: 'fd', fd: typeof s === 'number' ? s : s.fd };
    } else if (wrappedHandle(s)) {
      entry = { type: 'wrap', handle: wrappedHandle(s), _stdio: s };
    } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
      if (!sync) {
        closeCreated(result);
        throw new ERR_INVALID_SYNC_FORK_INPUT(require('internal/util/inspect').inspect(s));
      }
      entry = { type: 'pipe', readable: i === 0, writable: i !== 0, input: s };
    } else {
      closeCreated(result);
      throw new ERR_INVALID_ARG_VALUE('stdio', s);
    }
    result.push(entry);
  }
  return { stdio: result, ipc, ipcFd };
}

// ---- ChildProcess ----

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// After exit, let stdio nobody reads drain to its end so that 'close' can follow.
function flushStdio(child) {
  const stdio = child.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream[kIsUsedAsStdio] ||
        stream._readableState.readableListening) {
      continue;
    }
    stream.resume();
  }
}

function onErrorNT(child, err) {
  child._handle.onexit(err);
}

function onSpawnNT(child) {
  child.emit('spawn');
}

function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  }
  if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  }
  return undefined;
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new Process();
    this._handle[kOwner] = this;
    this._handle.onexit = (exitCode, signalCode) => this._onexit(exitCode, signalCode);
  }

  _onexit(exitCode, signalCode) {
    if (signalCode) this.signalCode = signalName(signalCode) || signalCode;
    else this.exitCode = exitCode;

    if (this.stdin) this.stdin.destroy();
    if (this._handle) this._handle.close();
    this._handle = null;

    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = new ErrnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = (this.spawnargs || []).slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    process.nextTick(flushStdio, this);
    maybeClose(this);
  }

  spawn(options) {
    validateObject(options, 'options');

    let stdio = options.stdio || 'pipe';
    const valid = getValidStdio(stdio, false);
    stdio = valid.stdio;
    const { ipc, ipcFd } = valid;

    validateOneOf(options.serialization, 'options.serialization',
                  [undefined, 'json', 'advanced']);
    const serialization = options.serialization || 'json';

    if (ipc !== undefined) {
      if (options.envPairs === undefined) {
        options.envPairs = [];
      } else {
        validateArray(options.envPairs, 'options.envPairs');
      }
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
      options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }

    validateString(options.file, 'options.file');
    this.spawnfile = options.file;

    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }

    const err = this._handle.spawn({
      file: options.file,
      args: options.args,
      cwd: options.cwd,
      envPairs: options.envPairs,
      stdio,
      detached: !!options.detached,
      uid: options.uid,
      gid: options.gid,
    });

    if (err === uv.UV_EACCES || err === uv.UV_EAGAIN || err === uv.UV_EMFILE ||
        err === uv.UV_ENFILE || err === uv.UV_ENOENT) {
      // Errors of the environment surface as an 'error' event.
      process.nextTick(onErrorNT, this, err);
      if (err === uv.UV_EMFILE || err === uv.UV_ENFILE) return err;
    } else if (err) {
      this._handle.close();
      this._handle = null;
      closeCreated(stdio);
      throw new ErrnoException(err, 'spawn');
    } else {
      process.nextTick(onSpawnNT, this);
    }

    this.pid = this._handle.pid;

    for (let i = 0; i < stdio.length; i++) {
      const s = stdio[i];
      if (s.type === 'ignore') continue;
      if (s.ipc) {
        if (this.pid !== undefined) {
          this._closesNeeded++;
          this[kIpcCountsForClose] = true;
        }
        continue;
      }
      if (s.type === 'wrap') {
        // The child reads this stream now: stop reading it here, and keep it
        // paused (flushStdio leaves it alone) until the user resumes it.
        // Node leaves such a stream out of child.stdio (it is not the child's).
        const stream = s._stdio;
        if (stream instanceof StreamSocket) {
          if (stream._handle) stream._handle.readStop();
          stream._reading = false;
        } else if (s.handle && typeof s.handle.readStop === 'function') {
          s.handle.readStop();
        }
        if (typeof stream.pause === 'function') stream.pause();
        if (stream._readableState) stream._readableState.reading = false;
        stream[kIsUsedAsStdio] = true;
        continue;
      }
      if (s.handle) {
        if (this.pid === undefined) {
          // Nothing will ever flow: output streams just end.
          s.handle.close();
          s.socket = new Socket({ handle: null, readable: i > 0 });
          if (i > 0) s.socket.push(null);
        } else {
          s.socket = new Socket({ handle: s.handle, readable: i > 0 });
        }
        if (i > 0) {
          this._closesNeeded++;
          s.socket.on('close', () => maybeClose(this));
        }
      }
    }

    this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
    this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
    this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;
    this.stdio = stdio.map((s) => (s.socket === undefined ? null : s.socket));

    // A failed spawn still gets a channel: it reports 'disconnect' right away.
    if (ipc !== undefined) setupChannel(this, ipc, serialization);
    return err;
  }

  kill(sig) {
    const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === uv.UV_ESRCH) {
        // Already gone; its exit is on the way.
      } else if (err === uv.UV_EINVAL || err === uv.UV_ENOSYS) {
        throw new ErrnoException(err, 'kill');
      } else {
        this.emit('error', new ErrnoException(err, 'kill'));
      }
    }
    return false;
  }

  ref() {
    if (this._handle) this._handle.ref();
  }

  unref() {
    if (this._handle) this._handle.unref();
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(ChildProcess.prototype, Symbol.dispose, {
    value: function dispose() {
      if (!this.killed) this.kill();
    },
    writable: true, configurable: true, enumerable: false,
  });
}

// ---- IPC ----

// The `channel` object of a process with IPC: ref()/unref() the pipe, with a
// count of what needs it kept alive (async writes, 'message' listeners).
class Control extends EventEmitter {
  #channel;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

function isInternalMessage(message) {
  return message !== null && typeof message === 'object' &&
    typeof message.cmd === 'string' && message.cmd.length > 5 &&
    message.cmd.startsWith('NODE_');
}

function emitMessage(target, message) {
  target.emit(isInternalMessage(message) ? 'internalMessage' : 'message', message, undefined);
}

function setupChannel(target, channel, serializationMode) {
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;
  const owner = target === process ? 'process' : 'ChildProcess';
  const msg = `_channel is deprecated. Use ${owner}.channel instead.`;
  Object.defineProperty(target, '_channel', {
    get: deprecate(function() { return this.channel; }, msg, 'DEP0129'),
    set: deprecate(function(value) { this.channel = value; }, msg, 'DEP0129'),
    configurable: true,
    enumerable: false,
  });
  target._handleQueue = null;
  target._pendingMessage = null;
  let decoder;
  let pending = '';
  channel.buffering = false;

  const advanced = serializationMode === 'advanced';
  let frames;
  if (advanced) frames = new (require('internal/child_process/serialization').FrameParser)();

  // Handles that came over the pipe, waiting for their NODE_HANDLE message
  // (a handle arrives with the first bytes of the message it belongs to).
  const receivedHandles = [];

  function dispatch(message) {
    if (!target.channel) return;
    if (message !== null && typeof message === 'object' && message.cmd === 'NODE_HANDLE') {
      const handle = receivedHandles.shift();
      target._send({ cmd: 'NODE_HANDLE_ACK' }, null, { swallowErrors: true });
      if (handle == null) {
        process.nextTick(emitMessage, target, message.msg);
        return;
      }
      receiveHandle(target, message, handle);
      return;
    }
    process.nextTick(emitMessage, target, message);
  }

  channel.onread = function(nread, chunk, handles) {
    if (handles !== undefined) {
      for (let i = 0; i < handles.length; i++) receivedHandles.push(handles[i]);
    }
    if (nread > 0 && advanced) {
      const messages = frames.push(Buffer.from(chunk.buffer, chunk.byteOffset, nread));
      channel.buffering = frames.buffering;
      for (const message of messages) dispatch(message);
      return;
    }
    if (nread > 0) {
      decoder ??= new (require('string_decoder').StringDecoder)('utf8');
      const text = pending + decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, nread));
      const lines = text.split('\n');
      pending = lines.pop();
      channel.buffering = pending.length !== 0;
      for (const line of lines) {
        if (line.length === 0) continue;
        let message;
        try {
          message = JSON.parse(line);
        } catch (err) {
          // A corrupt channel is a programming error on the other side; node throws too.
          process.nextTick(() => { throw err; });
          continue;
        }
        dispatch(message);
      }
      return;
    }
    channel.buffering = false;
    channel.onread = noop;
    closeReceivedHandles(receivedHandles);
    if (target.connected) target.disconnect();
    // The peer is gone: a handle waiting for its acknowledgement never gets
    // one, so the channel closes now rather than after the queue drains.
    target._disconnect();
  };

  target.on('internalMessage', function(message) {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      if (target._pendingMessage) {
        const pending = target._pendingMessage;
        target._pendingMessage = null;
        closeSentHandle(pending.handle);
      }
      const queue = target._handleQueue;
      target._handleQueue = null;
      if (queue) {
        for (let i = 0; i < queue.length; i++) {
          const args = queue[i];
          target._send(args.message, args.handle, args.options, args.callback);
        }
      }
      if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
    }
  });

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, handle, options, callback);
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(
        'message', ['string', 'object', 'number', 'boolean'], message);
    }
    let conversion;
    let rawHandle;
    if (handle !== undefined && handle !== null) {
      const type = handleTypeOf(handle);
      if (this._handleQueue) {
        // One handle at a time: the next waits for the peer's NODE_HANDLE_ACK.
        this._handleQueue.push({ callback, handle, options, message });
        return this._handleQueue.length === 1;
      }
      conversion = handleConversion[type];
      message = { cmd: 'NODE_HANDLE', type, msg: message };
      rawHandle = conversion.send(message, handle, options, this);
      if (!rawHandle) message = message.msg;
    } else if (this._handleQueue &&
               !(message && (message.cmd === 'NODE_HANDLE_ACK' ||
                             message.cmd === 'NODE_HANDLE_NACK'))) {
      // Keep the order of messages sent while a handle waits for its ack.
      this._handleQueue.push({ callback, handle: null, options, message });
      return this._handleQueue.length === 1;
    }
    const req = {};
    let err;
    if (advanced) {
      const { serialize } = require('internal/child_process/serialization');
      err = channel.writeBuffer(req, serialize(message), rawHandle);
    } else {
      err = channel.writeUtf8String(req, JSON.stringify(message) + '\n', rawHandle);
    }
    if (err === 0 && rawHandle) {
      this._handleQueue ??= [];
      if (conversion.postSend && !options.keepOpen) {
        this._pendingMessage = { callback, message, handle: rawHandle, options };
      }
    }
    if (err === 0) {
      if (internalBinding('stream_wrap').writeState[1] === 1) {
        control.refCounted();
        req.oncomplete = (status) => {
          control.unrefCounted();
          if (typeof callback === 'function') {
            callback(status < 0 ? new ErrnoException(status, 'write') : null);
          }
        };
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else if (!options.swallowErrors) {
      const ex = new ErrnoException(err, 'write');
      if (typeof callback === 'function') {
        process.nextTick(callback, ex);
      } else {
        process.nextTick(() => this.emit('error', ex));
      }
    }
    // Ask the sender to wait once the peer is two reads behind.
    return channel.writeQueueSize < 65536 * 2;
  };

  target.connected = true;

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    // A handle in flight disconnects once the peer has acknowledged it.
    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function _disconnect() {
    if (!this.channel) return;
    this.channel = null;
    this[kChannelHandle] = null;
    let fired = false;
    const finish = () => {
      if (fired) return;
      fired = true;
      channel.onread = noop;
      channel.close();
      target.emit('disconnect');
      // In a parent, the channel is one of the things 'close' waits for.
      if (target[kIpcCountsForClose]) maybeClose(target);
    };
    process.nextTick(finish);
  };

  const err = channel.readStart();
  if (err) process.nextTick(() => channel.onread(err));
  return control;
}

function noop() {}

// ---- handle passing ----

let net;
let dgram;
function socketList(kind, target, key) {
  return require('internal/child_process/socket_list').socketList(kind, target, key);
}

function lazyNet() {
  net ??= require('net');
  return net;
}
function lazyDgram() {
  dgram ??= require('dgram');
  return dgram;
}

function handleTypeOf(handle) {
  const { TCP } = internalBinding('stream_wrap');
  if (handle instanceof lazyNet().Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  if (handle instanceof TCP || handle instanceof Pipe) return 'net.Native';
  if (handle instanceof lazyDgram().Socket) return 'dgram.Socket';
  if (handle instanceof internalBinding('udp_wrap').UDP) return 'dgram.Native';
  throw new ERR_INVALID_HANDLE_TYPE();
}

// What the pipe carries: a stream handle object, or the descriptor number of
// a UDP handle.
function udpDescriptor(handle) {
  return handle && handle.fd >= 0 ? handle.fd : undefined;
}

// Per kind of sendable object: send() gives what goes over the pipe (and may
// add fields to the message), got() rebuilds the object on the other side.
const handleConversion = {
  'net.Native': {
    send(message, handle) { return handle; },
    got(message, handle, emit) { emit(handle); },
  },
  'net.Server': {
    send(message, server) { return server._handle; },
    got(message, handle, emit) {
      const server = new (lazyNet().Server)();
      server.listen(handle, () => emit(server));
    },
  },
  'net.Socket': {
    send(message, socket, options, target) {
      const handle = socket._handle;
      if (!handle) return undefined;
      const server = socket.server;
      if (server && server._connectionKey) {
        // The server keeps counting the socket through the child (getConnections,
        // close): the child files it under the server's key.
        message.key = server._connectionKey;
        const { list, first } = socketList('send', target, message.key);
        if (first) server._setupWorker(list);
      }
      if (!options.keepOpen) {
        // The socket is the child's now: stop using it here, and its server
        // no longer counts it.
        handle.onread = noop;
        socket._handle = null;
        socket.setTimeout(0);
        if (socket.server) socket.server._connections--;
      }
      return handle;
    },
    postSend: true,
    got(message, handle, emit, target) {
      const socket = new (lazyNet().Socket)({ handle, readable: true, writable: true });
      if (message.key) socketList('got', target, message.key).list.add(socket);
      emit(socket);
    },
  },
  'dgram.Native': {
    send(message, handle) { return udpDescriptor(handle); },
    got(message, handle, emit) { emit(handle); },
  },
  'dgram.Socket': {
    send(message, socket) {
      message.dgramType = socket.type;
      const { kStateSymbol } = require('internal/dgram');
      return udpDescriptor(socket[kStateSymbol].handle);
    },
    got(message, handle, emit) {
      const socket = new (lazyDgram().Socket)(message.dgramType);
      socket.bind(handle, () => emit(socket));
    },
  },
};

// Turns what arrived with a NODE_HANDLE message into the sent kind of object,
// then emits the inner message with it.
function receiveHandle(target, message, handle) {
  if (typeof handle === 'number') {
    // A UDP socket travels as a bare descriptor.
    const { UDP } = internalBinding('udp_wrap');
    const udp = new UDP();
    const err = udp.open(handle);
    if (err) {
      require('fs').closeSync(handle);
      return;
    }
    handle = udp;
  }
  const conversion = handleConversion[message.type];
  if (conversion === undefined) {
    handle.close();
    return;
  }
  conversion.got(message, handle, (converted) => {
    if (!target.channel) return;
    // Like every message, in order after the ones read before it.
    const inner = message.msg;
    process.nextTick(emitWithHandle, target, inner, converted);
  }, target);
}

function emitWithHandle(target, message, handle) {
  target.emit(isInternalMessage(message) ? 'internalMessage' : 'message', message, handle);
}

function closeReceivedHandles(list) {
  while (list.length > 0) {
    const handle = list.shift();
    if (typeof handle === 'number') {
      try { require('fs').closeSync(handle); } catch { /* already gone */ }
    } else if (handle) {
      handle.close();
    }
  }
}

function closeSentHandle(handle) {
  if (handle && typeof handle.close === 'function') handle.close();
}

// The child side of fork(): called at startup when NODE_CHANNEL_FD is set.
function _forkChild(fd, serializationMode) {
  const p = new Pipe(PipeConstants.IPC);
  const err = p.open(fd);
  if (err) {
    p.close();
    return;
  }
  p.unref();
  const control = setupChannel(process, p, serializationMode);
  process.on('newListener', function onNewListener(name) {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', function onRemoveListener(name) {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

// ---- spawn ----

function abortChildProcess(child, killSignal, reason) {
  if (!child) return;
  try {
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: reason }));
    }
  } catch (err) {
    child.emit('error', err);
  }
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();

  child.spawn(options);

  if (options.timeout > 0) {
    let timeoutId = setTimeout(() => {
      if (timeoutId) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timeoutId = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
    });
  }

  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => abortChildProcess(child, killSignal, signal.reason);
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

// ---- execFile / exec ----

function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  options = { __proto__: null, ...options };
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    checkNullBytes(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
    __proto__: null,
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    __proto__: null,
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  let encoding;
  const _stdout = [];
  const _stderr = [];
  if (options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding)) {
    encoding = options.encoding;
  } else {
    encoding = null;
  }
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) return;

    const readableEncoding = child.stdout && child.stdout.readableEncoding;
    let stdout;
    let stderr;
    if (encoding || readableEncoding) {
      stdout = _stdout.join('');
    } else {
      stdout = Buffer.concat(_stdout);
    }
    if (encoding || (child.stderr && child.stderr.readableEncoding)) {
      stderr = _stderr.join('');
    } else {
      stderr = Buffer.concat(_stderr);
    }

    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args.length !== 0) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? require('util').getSystemErrorName(code) : code,
        killed: child.killed || killed,
        signal: signal,
      });
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(function delayedKill() {
      kill();
      timeoutId = null;
    }, options.timeout);
  }

  function collect(stream, list, name) {
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', function onData(chunk) {
      if (options.maxBuffer === Infinity) {
        list.push(chunk);
        return;
      }
      const enc = stream.readableEncoding;
      const length = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
      const total = (name === 'stdout' ? (stdoutLen += length) : (stderrLen += length));
      if (total > options.maxBuffer) {
        const truncatedLen = options.maxBuffer - (total - length);
        list.push(chunk.slice(0, truncatedLen));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      } else {
        list.push(chunk);
      }
    });
  }

  if (child.stdout) collect(child.stdout, _stdout, 'stdout');
  if (child.stderr) collect(child.stderr, _stderr, 'stderr');

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

function promisifyExec(orig) {
  return function(...args) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

Object.defineProperty(exec, kPromisifyCustom, {
  value: promisifyExec(exec), enumerable: false, writable: false, configurable: true,
});
Object.defineProperty(execFile, kPromisifyCustom, {
  value: promisifyExec(execFile), enumerable: false, writable: false, configurable: true,
});

// ---- fork ----

function checkNullBytes(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

function fork(modulePath, args, options) {
  if (modulePath != null && typeof modulePath === 'object' && modulePath.href !== undefined) {
    modulePath = require('url').fileURLToPath(modulePath);
  }
  validateString(modulePath, 'modulePath');
  if (modulePath.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('modulePath', modulePath,
                                    'must be a string or Uint8Array without null bytes');
  }

  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  checkNullBytes(options.execPath, 'options.execPath');
  const execArgv = options.execArgv || process.execArgv;
  for (let i = 0; i < execArgv.length; i++) {
    checkNullBytes(execArgv[i], `options.execArgv[${i}]`);
  }
  args = [...execArgv, modulePath, ...args];

  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

module.exports = {
  ChildProcess,
  Socket,
  exec,
  execFile,
  fork,
  getValidStdio,
  kChannelHandle,
  setupChannel,
  spawn,
  stdioStringToArray,
  _forkChild,
};
