'use strict';
// WHATWG Event, CustomEvent and EventTarget as node implements them, plus
// NodeEventTarget (an EventTarget with an EventEmitter-like API, used by
// MessagePort) and defineEventHandler (the `onfoo` attributes).

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  kValidateObjectAllowNullable,
  validateAbortSignal,
  validateObject,
  validateString,
} = require('internal/validators');

const kIsEventTarget = Symbol.for('nodejs.event_target');
const kIsNodeEventTarget = Symbol('kIsNodeEventTarget');
const kEvents = Symbol('kEvents');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kTarget = Symbol('kTarget');
const kType = Symbol('type');
const kDetail = Symbol('detail');
const kHandlers = Symbol('kHandlers');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation = Symbol.for('nodejs.internal.kResistStopPropagation');
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kTrustEvent = Symbol('kTrustEvent');
// The same symbols events.js uses for EventTarget limits.
let kMaxEventTargetListeners;
let kMaxEventTargetListenersWarned;
const kInspect = Symbol.for('nodejs.util.inspect.custom');

let lazyInspectFn;
function lazyInspect(value, opts) {
  if (lazyInspectFn === undefined) lazyInspectFn = require('internal/util/inspect').inspect;
  return lazyInspectFn(value, opts);
}

function lazyEvents() {
  const events = require('events');
  kMaxEventTargetListeners = events.kMaxEventTargetListeners;
  kMaxEventTargetListenersWarned = events.kMaxEventTargetListenersWarned;
  return events;
}
lazyEvents();

// Milliseconds since the process started, like performance.now(), at
// millisecond precision: Date.now() costs a fraction of a native hrtime
// call, and every Event needs one.
let timeOrigin;
function now() {
  if (timeOrigin === undefined) timeOrigin = Date.now() - process.uptime() * 1000;
  return Date.now() - timeOrigin;
}

// Converts like WebIDL DOMString: a symbol throws TypeError.
function toDOMString(value) {
  return `${value}`;
}

const trustedEvents = new WeakSet();

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

let eventIsStopped;
let eventSetInPassive;

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;
  #stop = false;
  #inPassiveListener = false;

  static {
    eventIsStopped = (event) => event.#stop;
    eventSetInPassive = (event, value) => {
      event.#inPassiveListener = value;
    };
  }

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null) {
      validateObject(options, 'options',
                     kValidateObjectAllowArray | kValidateObjectAllowFunction |
                     kValidateObjectAllowNullable);
    }
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this[kType] = toDOMString(type);
    if (options?.[kTrustEvent]) trustedEvents.add(this);
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this[kIsBeingDispatched]) return;
    this[kType] = toDOMString(type);
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [kInspect](depth, options, inspect) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    const fn = typeof inspect === 'function' ? inspect : lazyInspect;
    return `${name} ${fn({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    // Spec: also stops propagation.
    this.#propagationStopped = true;
    this.#stop = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (this.#cancelable && !this.#inPassiveListener) this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
  }

  get isTrusted() {
    return trustedEvents.has(this);
  }

  static NONE = 0;
  static CAPTURING_PHASE = 1;
  static AT_TARGET = 2;
  static BUBBLING_PHASE = 3;
}

const kEnumerable = { __proto__: null, enumerable: true };
Object.defineProperties(Event.prototype, {
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'Event',
  },
  initEvent: kEnumerable,
  stopImmediatePropagation: kEnumerable,
  preventDefault: kEnumerable,
  target: kEnumerable,
  currentTarget: kEnumerable,
  srcElement: kEnumerable,
  type: kEnumerable,
  cancelable: kEnumerable,
  defaultPrevented: kEnumerable,
  timeStamp: kEnumerable,
  composedPath: kEnumerable,
  returnValue: kEnumerable,
  bubbles: kEnumerable,
  composed: kEnumerable,
  eventPhase: kEnumerable,
  cancelBubble: kEnumerable,
  stopPropagation: kEnumerable,
  // Like [LegacyUnforgeable]: the same getter for every event.
  isTrusted: { __proto__: null, enumerable: true, configurable: false },
});
const kStaticConstant = { __proto__: null, writable: false, configurable: false, enumerable: true };
Object.defineProperties(Event, {
  NONE: kStaticConstant,
  CAPTURING_PHASE: kStaticConstant,
  AT_TARGET: kStaticConstant,
  BUBBLING_PHASE: kStaticConstant,
});

function isCustomEvent(value) {
  return isEvent(value) && value[kDetail] !== undefined;
}

class CustomEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this[kDetail];
  }
}

Object.defineProperties(CustomEvent.prototype, {
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'CustomEvent',
  },
  detail: kEnumerable,
});

// ---- listeners --------------------------------------------------------------

// Keeps weak listeners alive exactly as long as their `kWeakHandler` owner.
const weakOwners = new WeakMap();
let weakListenerRegistry;
function weakRegistry() {
  if (weakListenerRegistry === undefined) {
    weakListenerRegistry = new FinalizationRegistry((ref) => ref.deref()?.detach());
  }
  return weakListenerRegistry;
}

class Listener {
  constructor(root, listener, once, capture, passive, isNodeStyleListener, weak,
              resistStopPropagation) {
    this.root = root;
    this.once = Boolean(once);
    this.capture = Boolean(capture);
    this.passive = Boolean(passive);
    this.isNodeStyleListener = Boolean(isNodeStyleListener);
    this.removed = false;
    this.resistStopPropagation = resistStopPropagation;
    this.weak = weak !== undefined;
    if (this.weak) {
      this.ref = new WeakRef(listener);
      let owned = weakOwners.get(weak);
      if (owned === undefined) weakOwners.set(weak, owned = []);
      owned.push(listener);
      // The registry must not keep the target alive: hold the record weakly.
      weakRegistry().register(listener, new WeakRef(this), this);
    } else {
      this.ref = listener;
    }
    root.list.push(this);
  }

  get listener() {
    return this.weak ? this.ref.deref() : this.ref;
  }

  same(listener, capture) {
    return this.listener === listener && this.capture === capture;
  }

  // Unlinks the record (the callback was collected or removeEventListener).
  detach() {
    if (this.removed) return;
    this.removed = true;
    if (this.weak) weakRegistry().unregister(this);
    const list = this.root.list;
    const i = list.indexOf(this);
    if (i !== -1) list.splice(i, 1);
    this.root.size--;
    if (this.root.size === 0 && this.root.target[kEvents].get(this.root.type) === this.root) {
      this.root.target[kEvents].delete(this.root.type);
    }
  }

  call(target, event, nodeValue) {
    const callback = this.listener;
    if (callback === undefined) return undefined;
    if (this.isNodeStyleListener) return callback.call(target, nodeValue);
    if (typeof callback === 'function') return callback.call(target, event);
    // An EventListener object: handleEvent is looked up at dispatch time.
    const handleEvent = callback.handleEvent;
    if (typeof handleEvent !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('listener.handleEvent', 'Function', handleEvent);
    }
    return handleEvent.call(callback, event);
  }
}

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = lazyEvents().defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

function isEventTarget(obj) {
  return obj?.constructor?.[kIsEventTarget] === true;
}

function validateEventListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') {
    // Require `handleEvent` lazily.
    return true;
  }
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options == null) return {};
  validateObject(options, 'options', kValidateObjectAllowArray | kValidateObjectAllowFunction);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

function emitUncaughtException(err) {
  process.nextTick(() => {
    throw err;
  });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, function(err) {
      // The callback is called with nextTick to avoid a follow-up
      // rejection from this promise.
      emitUncaughtException(err);
    });
  }
}

class EventTarget {
  // Lets events.js and others recognize EventTargets without loading this file.
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error('Possible EventTarget memory leak detected. ' +
                          `${size} ${type} listeners added to ${lazyInspect(this, { depth: -1 })}. ` +
                          `MaxListeners is ${max}. Use events.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      process.emitWarning(w);
    }
  }

  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');

    const {
      once,
      capture,
      passive,
      signal,
      isNodeStyleListener,
      weak,
      resistStopPropagation,
    } = validateEventListenerOptions(options);

    validateAbortSignal(signal, 'options.signal');

    if (!validateEventListener(listener)) {
      // The DOM silently allows passing null or undefined as listener: warn,
      // since it is most likely a mistake.
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = toDOMString(type);

    if (signal) {
      if (signal.aborted) return;
      // The signal must not keep this target alive: the remover is weak.
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }

    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 0, list: [], resistStopPropagation: false, target: this, type };
      this[kEvents].set(type, root);
    } else {
      const list = root.list;
      for (let i = 0; i < list.length; i++) {
        // Same listener and capture: a duplicate, ignored.
        if (list[i].same(listener, Boolean(capture))) return;
      }
    }
    new Listener(root, listener, once, capture, passive, isNodeStyleListener, weak,
                 Boolean(resistStopPropagation));
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive, weak);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateEventListener(listener)) return;

    type = toDOMString(type);
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);

    const root = this[kEvents].get(type);
    if (root === undefined) return;
    const list = root.list;
    for (let i = 0; i < list.length; i++) {
      const handler = list[i];
      if (handler.same(listener, capture)) {
        handler.detach();
        this[kRemoveListener](root.size, type, listener, capture);
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) throw new ERR_EVENT_RECURSION(event.type);

    this[kHybridDispatch](event, event.type, event);

    return event.defaultPrevented !== true;
  }

  // Dispatches either a real Event or, for NodeEventTarget.emit(), a plain
  // value: node-style listeners get the value and an Event is only made when
  // a DOM-style listener needs one.
  [kHybridDispatch](nodeValue, type, event) {
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }

    const root = this[kEvents].get(type);
    if (root === undefined || root.size === 0) {
      if (event !== undefined) event[kIsBeingDispatched] = false;
      return true;
    }

    // Listeners added while dispatching are not called; removed ones are
    // skipped (they are marked).
    const list = root.list;
    const len = list.length;
    const single = len === 1 ? list[0] : undefined;
    const handlers = len === 1 ? undefined : list.slice();
    for (let i = 0; i < len; i++) {
      const handler = single !== undefined ? single : handlers[i];
      if (handler.removed) continue;
      if (event !== undefined && eventIsStopped(event) && !handler.resistStopPropagation) continue;
      if (handler.once) {
        const listener = handler.listener;
        handler.detach();
        this[kRemoveListener](root.size, type, listener, handler.capture);
      }
      try {
        let arg;
        if (handler.isNodeStyleListener) {
          arg = nodeValue;
        } else {
          if (event === undefined) {
            event = this[kCreateEvent](nodeValue, type);
            event[kTarget] = this;
            event[kIsBeingDispatched] = true;
          }
          arg = event;
        }
        let result;
        if (handler.passive && !handler.isNodeStyleListener) {
          eventSetInPassive(arg, true);
          try {
            result = handler.call(this, arg, nodeValue);
          } finally {
            eventSetInPassive(arg, false);
          }
        } else {
          result = handler.call(this, arg, nodeValue);
        }
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
    }

    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [kInspect](depth, options, inspect) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    const fn = typeof inspect === 'function' ? inspect : lazyInspect;
    return `${name} ${fn({}, opts)}`;
  }
}

Object.defineProperties(EventTarget.prototype, {
  addEventListener: kEnumerable,
  removeEventListener: kEnumerable,
  dispatchEvent: kEnumerable,
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'EventTarget',
  },
});

function getEventTargetListeners(target, type) {
  const root = target[kEvents]?.get(type);
  const out = [];
  if (root === undefined) return out;
  for (const handler of root.list) {
    if (handler.removed) continue;
    const listener = handler.listener;
    if (listener !== undefined) out.push(listener);
  }
  return out;
}

// ---- NodeEventTarget --------------------------------------------------------

function isNodeEventTarget(obj) {
  return obj?.constructor?.[kIsNodeEventTarget] === true;
}

class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;

  constructor() {
    super();
  }

  setMaxListeners(n) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    lazyEvents().setMaxListeners(n, this);
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return Array.from(this[kEvents].keys());
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const root = this[kEvents].get(String(type));
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    if (type !== undefined) {
      const root = this[kEvents].get(String(type));
      if (root !== undefined) {
        for (const handler of root.list.slice()) handler.detach();
        this[kEvents].delete(String(type));
      }
    } else {
      for (const root of this[kEvents].values()) {
        for (const handler of root.list.slice()) handler.detach();
      }
      this[kEvents].clear();
    }
    return this;
  }
}

Object.defineProperties(NodeEventTarget.prototype, {
  setMaxListeners: kEnumerable,
  getMaxListeners: kEnumerable,
  eventNames: kEnumerable,
  listenerCount: kEnumerable,
  off: kEnumerable,
  removeListener: kEnumerable,
  on: kEnumerable,
  addListener: kEnumerable,
  once: kEnumerable,
  emit: kEnumerable,
  removeAllListeners: kEnumerable,
});

// ---- onfoo attributes ---------------------------------------------------------

function makeEventHandler(handler) {
  // The wrapper stays registered when the attribute changes, so the handler
  // keeps its place among the listeners, as the DOM requires.
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return;
    return Reflect.apply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function defineEventHandler(emitter, name, event = name) {
  // 8.1.5.1 Event handlers - basically `on[eventName]` attributes
  const propName = `on${name}`;
  function get() {
    validateInternalField(this, kHandlers, 'EventTarget');
    return this[kHandlers]?.get(event)?.handler ?? null;
  }
  Object.defineProperty(get, 'name', { __proto__: null, value: `get ${propName}` });

  function set(value) {
    validateInternalField(this, kHandlers, 'EventTarget');
    let wrappedHandler = this[kHandlers]?.get(event);
    if (wrappedHandler) {
      if (typeof wrappedHandler.handler === 'function') {
        const root = this[kEvents].get(event);
        if (root !== undefined) {
          root.size--;
          this[kRemoveListener](root.size, event, wrappedHandler.handler, false);
        }
      }
      wrappedHandler.handler = value;
      if (typeof wrappedHandler.handler === 'function') {
        const root = this[kEvents].get(event);
        if (root !== undefined) {
          root.size++;
          this[kNewListener](root.size, event, value, false, false, false, false);
        }
      }
    } else {
      wrappedHandler = makeEventHandler(value);
      this.addEventListener(event, wrappedHandler);
    }
    this[kHandlers].set(event, wrappedHandler);
  }
  Object.defineProperty(set, 'name', { __proto__: null, value: `set ${propName}` });

  Object.defineProperty(emitter, propName, {
    __proto__: null,
    get,
    set,
    configurable: true,
    enumerable: true,
  });
}

function validateInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null || !(fieldKey in object)) {
    throw new ERR_INVALID_THIS(className);
  }
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  getEventTargetListeners,
  initEventTarget,
  isEventTarget,
  kCreateEvent,
  kEvents,
  kHandlers,
  kHybridDispatch,
  kIsBeingDispatched,
  kIsEventTarget,
  kIsNodeStyleListener,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kTarget,
  kTrustEvent,
  kWeakHandler,
};
