'use strict';
// MessageChannel, MessagePort, BroadcastChannel and MessageEvent, in process.
//
// Each port has a message queue and a libuv async handle (the `messaging`
// binding): posting a message clones it at once (structured clone) and wakes
// the receiving port, whose handle delivers it in the loop's poll phase, one
// engine entry per message (so ticks and microtasks run between messages), at
// most max(queued, 1000) messages per wakeup so a port that keeps posting to
// itself does not starve the loop. As in node, a port is ref'd (keeps the
// process alive) and started while it has a 'message' listener; close()
// disentangles both sides, each of which delivers what it already received
// and then emits 'close'.
//
// A port whose other end is on another thread speaks through a link of the
// messaging binding instead of a peer: a message is cloned as above, then
// written in V8's serialization format (internal/worker/serdes) and queued
// in C for the other thread's loop; transferred ports travel as links. A
// local pair turns into a linked pair when one end is sent to another
// thread.

const {
  codes: {
    ERR_CLOSED_MESSAGE_PORT,
    ERR_CONSTRUCT_CALL_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  Event,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  kCreateEvent,
  kHybridDispatch,
  kNewListener,
  kRemoveListener,
} = require('internal/event_target');
const {
  cloneForTransfer,
  moveArrayBuffer,
  readTransferList,
  kPortTransfer,
  kPortDetached,
} = require('internal/structured_clone');
const asyncContext = require('internal/async_context');

const binding = internalBinding('messaging');

const kState = Symbol('kState');
const kCurrentlyReceivingPorts = Symbol.for('nodejs.internal.kCurrentlyReceivingPorts');
const kCreate = Symbol('kCreate');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kClose = { close: true }; // the queue entry a disentangled side receives last
const kMaxRound = 1000;
const kNoLinks = Object.freeze([]);
const kNoTransfer = Object.freeze([]);
const ObjectPrototype = Object.prototype;
const TypedArrayPrototypeGetSymbolToStringTag =
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype),
                                  Symbol.toStringTag).get;
function isUint8Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag.call(value) === 'Uint8Array';
}
const ArrayPrototype = Array.prototype;

let lazyAsyncHooks;
function asyncHooks() {
  lazyAsyncHooks ??= require('internal/async_hooks');
  return lazyAsyncHooks;
}

// ---- the channel end behind a port object (moves to a new object on transfer) ----

class PortState {
  constructor(port) {
    this.port = port;
    this.peer = null;
    this.queue = [];
    this.started = false;
    this.closing = false; // disentangled: delivers what it has, then closes
    this.closed = false; // the handle is closed (or closing)
    this.detached = false; // the port object was transferred away
    this.remaining = -1; // messages left in this wakeup round, -1 outside one
    this.frame = asyncContext.capture();
    this.asyncId = 0;
    this.link = null; // the cross-thread link, when the other end is elsewhere
    this.handle = binding.createAsync(() => this.onWakeup());
    this.handle.unref();
  }

  attachLink(link) {
    this.link = link;
    link.setHandler(() => this.onWakeup());
    if (this.handle.hasRef()) link.ref();
  }

  // Moves the oldest message of the link into the queue; false if none.
  pull() {
    const r = this.link.receive();
    if (r === undefined) return false;
    if (r === null) {
      this.link.close();
      this.link = null;
      this.queue.push(kClose);
      return true;
    }
    this.queue.push(decodeRemote(r));
    return true;
  }

  wake() {
    if (!this.closed) this.handle.send();
  }

  enqueue(entry) {
    this.queue.push(entry);
    this.wake();
  }

  // Called by the handle once per message; true while this round has more.
  onWakeup() {
    if (this.closed) return false;
    const queue = this.queue;
    if (!this.started) {
      // A port that is not receiving still closes once nothing is left
      // before the close (receiveMessageOnPort can still take those), also
      // when the close comes over a link from another thread.
      while (this.link !== null && this.pull());
      if (queue[0] === kClose) this.close();
      return false;
    }
    if (queue.length === 0 && (this.link === null || !this.pull())) {
      this.remaining = -1;
      return false;
    }
    if (this.remaining < 0) this.remaining = Math.max(queue.length, kMaxRound);
    const entry = queue.shift();
    this.remaining--;
    if (entry === kClose) {
      this.remaining = -1;
      this.close();
      return false;
    }
    this.deliver(entry);
    if (this.closed) {
      this.remaining = -1;
      return false;
    }
    if (!this.started) {
      // Stopped by the listener: a close already on its way still closes it.
      this.remaining = -1;
      if (queue.length > 0 || this.link !== null) this.wake();
      return false;
    }
    if (queue.length === 0 && this.link === null) {
      this.remaining = -1;
      return false;
    }
    if (this.remaining === 0) {
      // Let the loop breathe; continue in the next round.
      this.remaining = -1;
      this.wake();
      return false;
    }
    return true;
  }

  deliver(entry) {
    const port = this.port;
    asyncContext.enter(this.frame, this.asyncId);
    if (entry.error !== undefined) {
      port[kHybridDispatch](entry.error, 'messageerror', undefined);
      return;
    }
    if (entry.ports === undefined) {
      // No ports came along (the common case): nothing to set and reset.
      port[kHybridDispatch](entry.value, 'message', undefined);
      return;
    }
    port[kCurrentlyReceivingPorts] = entry.ports;
    try {
      port[kHybridDispatch](entry.value, 'message', undefined);
    } finally {
      port[kCurrentlyReceivingPorts] = undefined;
    }
  }

  // Disentangles both ends; each delivers what it already has, then closes.
  disentangle() {
    if (this.closing) return;
    const peer = this.peer;
    this.peer = null;
    this.closing = true;
    if (this.link !== null) {
      this.link.close();
      this.link = null;
    }
    this.enqueue(kClose);
    if (peer !== null) {
      peer.peer = null;
      peer.closing = true;
      peer.enqueue(kClose);
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.closing = true;
    if (this.peer !== null) {
      this.peer.disentangle();
      this.peer = null;
    }
    if (this.link !== null) {
      this.link.close();
      this.link = null;
    }
    this.queue.length = 0;
    const port = this.port;
    this.handle.close(() => {
      if (this.asyncId !== 0) asyncHooks().emitDestroy(this.asyncId);
      port.emit('close');
    });
  }
}

// ---- MessagePort ----

function MessagePort() {
  throw new ERR_CONSTRUCT_CALL_INVALID();
}
Object.setPrototypeOf(MessagePort.prototype, NodeEventTarget.prototype);
Object.setPrototypeOf(MessagePort, NodeEventTarget);

class InternalMessagePort extends NodeEventTarget {
  constructor(token) {
    if (token !== kCreate) throw new ERR_CONSTRUCT_CALL_INVALID();
    super();
  }
}

function createPort() {
  const port = Reflect.construct(InternalMessagePort, [kCreate], MessagePort);
  Object.defineProperty(port, kState, {
    value: new PortState(port), writable: true, enumerable: false, configurable: true,
  });
  port[kCurrentlyReceivingPorts] = undefined;
  const hooks = asyncHooks();
  if (hooks.hasHooks('init') || hooks.hasHooks('destroy')) {
    const state = port[kState];
    state.asyncId = hooks.newAsyncId();
    hooks.emitInit(state.asyncId, 'MESSAGEPORT', hooks.executionAsyncId(), port);
  }
  return port;
}

function stateOf(port, method) {
  const state = typeof port === 'object' && port !== null ? port[kState] : undefined;
  if (state === undefined) throw new ERR_INVALID_THIS('MessagePort');
  return state;
}

function missingTransferIterable(name) {
  const err = new TypeError(`Optional ${name} argument must be an iterable`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// postMessage(value, transferList) or postMessage(value, { transfer }).
function readTransferArgument(arg) {
  if (arg === undefined || arg === null) return kNoTransfer;
  if (typeof arg !== 'object') throw missingTransferIterable('transferList');
  if (typeof arg[Symbol.iterator] === 'function') return readTransferList(arg, 'transferList');
  const transfer = arg.transfer;
  if (transfer === undefined) return [];
  if (transfer === null || typeof transfer !== 'object') {
    throw missingTransferIterable('options.transfer');
  }
  return readTransferList(transfer, 'options.transfer');
}

const messagePortMethods = {
  postMessage(value, transfer) {
    const state = stateOf(this, 'postMessage');
    if (arguments.length === 0) {
      const err = new TypeError('Not enough arguments to MessagePort.postMessage');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    const list = readTransferArgument(transfer);
    const peerBefore = state.peer;
    const remote = state.link !== null && !state.closing && !state.detached;
    const message = cloneForTransfer(value, list, this, true, remote);
    if (remote) {
      if (message.simple && message.value !== null && ObjectPrototype.toJSON === undefined &&
          ArrayPrototype.toJSON === undefined) {
        state.link.postValue(message.value);
        return;
      }
      const buffers = message.buffers;
      const { data, links } = serdes().encode(message.value, message.ports, portToLink, buffers);
      if (buffers !== undefined) {
        // Now the buffers move: the other thread gets their storage, not a copy.
        for (let i = 0; i < buffers.length; i++) buffers[i] = moveArrayBuffer(buffers[i]);
      }
      state.link.post(data, links, buffers);
      return;
    }
    const peer = state.closing || state.detached ? null : state.peer;
    if (peer === null) return;
    if (peerBefore !== null && peerBefore.port !== null && list.length > 0 &&
        message.ports.includes(peerBefore.port)) {
      // The receiving end travelled inside its own message: nobody can read it.
      process.emitWarning('The target port was posted to itself, and the communication ' +
                          'channel was lost');
      state.disentangle();
      return;
    }
    peer.enqueue(message);
  },

  start() {
    const state = stateOf(this, 'start');
    if (state.closed || state.detached) return;
    state.started = true;
    if (state.queue.length > 0 || state.link !== null) state.wake();
  },

  close(callback) {
    const state = stateOf(this, 'close');
    if (typeof callback === 'function') this.once('close', callback);
    if (state.detached) return;
    state.disentangle();
  },

  ref() {
    const state = stateOf(this, 'ref');
    if (!state.closed && !state.detached) {
      state.handle.ref();
      state.link?.ref();
    }
    return this;
  },

  unref() {
    const state = stateOf(this, 'unref');
    if (!state.closed) {
      state.handle.unref();
      state.link?.unref();
    }
    return this;
  },

  hasRef() {
    const state = stateOf(this, 'hasRef');
    return !state.closed && !state.detached && state.handle.hasRef();
  },
};

for (const name of ['close', 'hasRef', 'postMessage', 'ref', 'start', 'unref']) {
  Object.defineProperty(MessagePort.prototype, name, {
    value: messagePortMethods[name], writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(MessagePort.prototype, 'constructor', {
  value: MessagePort, writable: true, enumerable: false, configurable: true,
});
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

function definePortHidden(key, value) {
  Object.defineProperty(MessagePort.prototype, key, {
    value, writable: true, enumerable: false, configurable: true,
  });
}

// A 'message' listener starts the port and refs it; removing the last one
// stops and unrefs it.
definePortHidden(kNewListener, function(size, type, listener, once, capture, passive, weak) {
  Reflect.apply(NodeEventTarget.prototype[kNewListener], this, arguments);
  if (type === 'message' && size === 1 && this[kState] !== undefined) {
    this.ref();
    this.start();
  }
});
definePortHidden(kRemoveListener, function(size, type, listener, capture) {
  Reflect.apply(NodeEventTarget.prototype[kRemoveListener], this, arguments);
  const state = this[kState];
  if (type === 'message' && size === 0 && state !== undefined) {
    state.started = false;
    this.unref();
  }
});
definePortHidden(kCreateEvent, function(data, type) {
  if (type === 'message' || type === 'messageerror') {
    return new MessageEvent(type, {
      data,
      ports: type === 'message' ? (this[kCurrentlyReceivingPorts] ?? []) : [],
    }, kCreate);
  }
  return Reflect.apply(NodeEventTarget.prototype[kCreateEvent], this, [data, type]);
});
definePortHidden(kInspect, function(depth, options, inspect) {
  const state = this[kState];
  const shown = {
    active: state !== undefined && !state.closing && !state.detached,
    refed: state !== undefined && this.hasRef(),
  };
  for (const key of Object.keys(this)) shown[key] = this[key];
  const name = this.constructor?.name ?? 'MessagePort';
  if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
  return `${name} [EventTarget] ${inspect(shown, {
    ...options,
    depth: options.depth == null ? options.depth : options.depth - 1,
  })}`;
});

// Transfer: a new, unstarted port object takes the channel end over.
function portTransfer() {
  const port = Reflect.construct(InternalMessagePort, [kCreate], MessagePort);
  port[kCurrentlyReceivingPorts] = undefined;
  return port;
}
portTransfer.adopt = function adopt(from, to) {
  const state = from[kState];
  // The old object keeps a dead end of its own, which closes.
  const dead = new PortState(from);
  dead.detached = true;
  from[kState] = dead;
  dead.close();
  state.port = to;
  state.started = false;
  state.remaining = -1;
  state.handle.unref();
  Object.defineProperty(to, kState, {
    value: state, writable: true, enumerable: false, configurable: true,
  });
};
definePortHidden(kPortTransfer, portTransfer);
definePortHidden(kPortDetached, function() {
  const state = this[kState];
  return state === undefined || state.closing || state.detached;
});

// ---- ports across threads ----

let lazySerdes;
function serdes() {
  lazySerdes ??= require('internal/worker/serdes');
  return lazySerdes;
}

// r: what link.receive() returned: the value itself (it came as JSON), or
// the serialized bytes with `links` and `buffers` when ports or ArrayBuffers
// came along.
function decodeRemote(r) {
  // MessageEvent.ports makes the empty list when an event needs one.
  if (!isUint8Array(r)) return { value: r, ports: undefined, error: undefined };
  try {
    const { value, ports } = serdes().decode(r, r.links ?? kNoLinks, portFromLink, r.buffers);
    return { value, ports, error: undefined };
  } catch (err) {
    return { value: undefined, ports: [], error: err };
  }
}

// A new port of this thread for a link that arrived from another thread.
function portFromLink(link) {
  const port = createPort();
  port[kState].attachLink(link);
  return port;
}

// Sends a port (the object a transfer just made) to another thread: its
// channel end becomes a link. A local peer switches to the other end of a
// new channel, and messages it sent that were not received yet go first.
function portToLink(port) {
  const state = port[kState];
  state.detached = true;
  state.started = false;
  let link = state.link;
  if (link !== null) {
    state.link = null;
  } else {
    const pair = binding.createChannel();
    const mine = pair[0];
    link = pair[1];
    const peer = state.peer;
    state.peer = null;
    if (peer !== null && !peer.closing) {
      peer.peer = null;
      peer.attachLink(mine);
      for (const entry of state.queue) {
        if (entry === kClose || entry.error !== undefined) continue;
        const encoded = serdes().encode(entry.value, entry.ports ?? [], portToLink);
        mine.post(encoded.data, encoded.links);
      }
    } else {
      mine.close();
    }
  }
  state.queue.length = 0;
  state.closed = true;
  state.handle.close();
  return link;
}

// Delivers every message already queued for port now (a worker's ports
// before its 'exit').
function drainPort(port) {
  const state = port?.[kState];
  if (state === undefined) return;
  state.remaining = -1;
  while (state.onWakeup());
}

// ---- MessageChannel ----

function MessageChannel() {
  if (new.target === undefined) {
    const err = new TypeError('Cannot call constructor without `new`');
    err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
    throw err;
  }
  const port1 = createPort();
  const port2 = createPort();
  port1[kState].peer = port2[kState];
  port2[kState].peer = port1[kState];
  Object.defineProperty(this, 'port1', {
    value: port1, writable: false, enumerable: true, configurable: false,
  });
  Object.defineProperty(this, 'port2', {
    value: port2, writable: false, enumerable: true, configurable: false,
  });
}

// ---- MessageEvent ----

const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

function isMessagePort(value) {
  return typeof value === 'object' && value !== null && value[kState] !== undefined;
}

class MessageEvent extends Event {
  constructor(type, init = undefined, token = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type);
    if (token === kCreate) {
      this[kData] = init.data;
      this[kOrigin] = '';
      this[kLastEventId] = '';
      this[kSource] = null;
      this[kPorts] = init.ports;
      return;
    }
    let data = null;
    let origin = '';
    let lastEventId = '';
    let source = null;
    let ports = [];
    if (init !== undefined && init !== null) {
      if (init.data !== undefined) data = init.data;
      if (init.origin !== undefined) origin = `${init.origin}`;
      if (init.lastEventId !== undefined) lastEventId = `${init.lastEventId}`;
      if (init.source !== undefined && init.source !== null) {
        if (!isMessagePort(init.source)) {
          throw new ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', init.source);
        }
        source = init.source;
      }
      if (init.ports !== undefined) {
        const given = init.ports;
        if (given === null || (typeof given !== 'object' && typeof given !== 'function') ||
            typeof given[Symbol.iterator] !== 'function') {
          throw new TypeError('ports is not iterable');
        }
        ports = [...given];
        for (let i = 0; i < ports.length; i++) {
          if (!isMessagePort(ports[i])) {
            throw new ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort', ports[i]);
          }
        }
      }
    }
    this[kData] = data;
    this[kOrigin] = origin;
    this[kLastEventId] = lastEventId;
    this[kSource] = source;
    this[kPorts] = ports;
  }

  get data() {
    if (!(kData in this)) throw new ERR_INVALID_THIS('MessageEvent');
    return this[kData];
  }

  get origin() {
    if (!(kData in this)) throw new ERR_INVALID_THIS('MessageEvent');
    return this[kOrigin];
  }

  get lastEventId() {
    if (!(kData in this)) throw new ERR_INVALID_THIS('MessageEvent');
    return this[kLastEventId];
  }

  get source() {
    if (!(kData in this)) throw new ERR_INVALID_THIS('MessageEvent');
    return this[kSource];
  }

  get ports() {
    if (!(kData in this)) throw new ERR_INVALID_THIS('MessageEvent');
    return this[kPorts];
  }
}

for (const name of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
  const desc = Object.getOwnPropertyDescriptor(MessageEvent.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(MessageEvent.prototype, name, desc);
}

// ---- receiveMessageOnPort ----

function receiveMessageOnPort(port) {
  const state = typeof port === 'object' && port !== null ?
    (port[kState] ?? port[kBroadcastState]) : undefined;
  if (state === undefined) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const queue = state.queue;
  if (queue.length === 0 && state.link) state.pull();
  if (queue.length === 0 || queue[0] === kClose) return undefined;
  const entry = queue.shift();
  // A close that is next now closes the port, as on a wakeup.
  if (queue[0] === kClose && !state.started) state.wake();
  if (entry.error !== undefined) throw entry.error;
  return { message: entry.value };
}

function moveMessagePortToContext(port, context) {
  if (!isMessagePort(port)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const state = port[kState];
  if (state.closing || state.detached) throw new ERR_CLOSED_MESSAGE_PORT();
  // Contexts share this engine's realm here: the port is already usable there.
  return port;
}

// ---- BroadcastChannel ----

const kBroadcastState = Symbol('kBroadcastState');
const broadcastGroups = new Map(); // name -> Set of states

class BroadcastState {
  constructor(channel, name) {
    this.channel = channel;
    this.name = name;
    this.queue = [];
    this.closed = false;
    this.remaining = -1;
    this.frame = asyncContext.capture();
    this.handle = binding.createAsync(() => this.onWakeup());
    // Channels of the same name on other threads post through this link.
    this.link = binding.joinBroadcast(name);
    this.link.setHandler(() => this.onRemote());
  }

  // Moves one message from another thread into the queue; false if none.
  pull() {
    const r = this.link.receive();
    if (r === undefined || r === null) return false;
    this.queue.push(decodeRemote(r));
    return true;
  }

  onRemote() {
    if (this.closed) return false;
    let r;
    while ((r = this.link.receive()) !== undefined && r !== null) {
      this.queue.push(decodeRemote(r));
    }
    if (this.queue.length > 0) this.handle.send();
    return false;
  }

  onWakeup() {
    if (this.closed || this.queue.length === 0) return false;
    if (this.remaining < 0) this.remaining = Math.max(this.queue.length, kMaxRound);
    const entry = this.queue.shift();
    this.remaining--;
    asyncContext.enter(this.frame);
    const channel = this.channel;
    if (entry.error !== undefined) {
      channel.dispatchEvent(new MessageEvent('messageerror', { data: entry.error }, kCreate));
    } else {
      channel.dispatchEvent(new MessageEvent('message', { data: entry.value, ports: [] }, kCreate));
    }
    if (this.closed || this.queue.length === 0) {
      this.remaining = -1;
      return false;
    }
    if (this.remaining === 0) {
      this.remaining = -1;
      this.handle.send();
      return false;
    }
    return true;
  }
}

function broadcastStateOf(channel) {
  const state = typeof channel === 'object' && channel !== null ?
    channel[kBroadcastState] : undefined;
  if (state === undefined) throw new ERR_INVALID_THIS('BroadcastChannel');
  return state;
}

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    if (typeof name === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    super();
    name = `${name}`;
    const state = new BroadcastState(this, name);
    Object.defineProperty(this, kBroadcastState, {
      value: state, writable: false, enumerable: false, configurable: true,
    });
    let group = broadcastGroups.get(name);
    if (group === undefined) {
      group = new Set();
      broadcastGroups.set(name, group);
    }
    group.add(state);
  }

  get name() {
    return broadcastStateOf(this).name;
  }

  close() {
    const state = broadcastStateOf(this);
    if (state.closed) return;
    state.closed = true;
    state.queue.length = 0;
    const group = broadcastGroups.get(state.name);
    if (group !== undefined) {
      group.delete(state);
      if (group.size === 0) broadcastGroups.delete(state.name);
    }
    state.link.close();
    state.handle.close();
  }

  postMessage(message) {
    const state = broadcastStateOf(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (state.closed) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const group = broadcastGroups.get(state.name);
    // Clone once up front so an uncloneable message throws even with no receivers.
    let first = cloneForTransfer(message, [], undefined, true);
    for (const other of group) {
      if (other === state || other.closed) continue;
      const entry = first ?? cloneForTransfer(message, [], undefined, true);
      first = undefined;
      other.queue.push(entry);
      other.handle.send();
    }
    if (binding.hasBroadcastPeers(state.name)) {
      const entry = first ?? cloneForTransfer(message, [], undefined, true);
      binding.broadcast(state.name, serdes().encode(entry.value, [], portToLink).data);
    }
  }

  ref() {
    const state = broadcastStateOf(this);
    if (!state.closed) state.handle.ref();
    return this;
  }

  unref() {
    const state = broadcastStateOf(this);
    if (!state.closed) state.handle.unref();
    return this;
  }

  [kInspect](depth, options, inspect) {
    const state = broadcastStateOf(this);
    if (depth < 0) return 'BroadcastChannel';
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `BroadcastChannel ${inspect({ name: state.name, active: !state.closed }, opts)}`;
  }
}

for (const name of ['name', 'close', 'postMessage', 'ref', 'unref']) {
  const desc = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(BroadcastChannel.prototype, name, desc);
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  MessageChannel,
  MessagePort,
  MessageEvent,
  BroadcastChannel,
  receiveMessageOnPort,
  moveMessagePortToContext,
  kCurrentlyReceivingPorts,
  portFromLink,
  drainPort,
};
