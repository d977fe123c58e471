'use strict';
// node:domain (deprecated): groups I/O and timers so that errors thrown in
// them, and 'error' events of emitters bound to a domain, reach the domain's
// 'error' listeners.
//
// The active domain lives in the async context frame (internal/async_context)
// under a private key, so timers, immediates, ticks and I/O callbacks that are
// scheduled inside a domain run inside it again with no hook of their own.
// Uncaught errors reach the domain through the hook in
// internal/process/execution.

const EventEmitter = require('events');
const asyncContext = require('internal/async_context');
const {
  codes: { ERR_UNHANDLED_ERROR },
} = require('internal/errors');
const { setDomainErrorHook } = require('internal/process/execution');

const kDomain = Symbol('domain');

// Domains entered with enter() and not yet left, innermost last.
let stack = [];

// process.domain when no domain is in the frame: null at first, undefined once
// a domain was left with no other one entered (as node shows it).
let idle = null;
// The frame's domain when the outermost enter() happened (a callback's own).
let base = null;

function getActive() {
  const frame = asyncContext.getFrame();
  if (frame === null || !frame.has(kDomain)) return idle;
  return frame.get(kDomain);
}

// Makes `domain` the active one. The frame change is also queued as a
// microtask, so `await` of a plain value inside run() resumes in the domain.
function setActive(domain) {
  const frame = asyncContext.getFrame();
  if (domain instanceof Domain) {
    const next = frame === null ? new Map() : new Map(frame);
    next.set(kDomain, domain);
    asyncContext.setFrame(next);
    asyncContext.queueFrameMarker(next);
    return;
  }
  idle = domain;
  if (frame !== null && frame.has(kDomain)) {
    const next = new Map(frame);
    next.delete(kDomain);
    const value = next.size === 0 ? null : next;
    asyncContext.setFrame(value);
    asyncContext.queueFrameMarker(value);
  }
}

function defineDomain(target, domain) {
  Object.defineProperty(target, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    value: domain,
    writable: true,
  });
}

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
  }

  enter() {
    // Promise reactions run in the domain that was active at then().
    if (!asyncContext.isTracking()) asyncContext.enablePromiseTracking();
    if (stack.length === 0) base = getActive();
    setActive(this);
    stack.push(this);
  }

  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    if (stack.length > 0) setActive(stack[stack.length - 1]);
    else setActive(base instanceof Domain ? base : undefined);
  }

  run(fn, ...args) {
    this.enter();
    const ret = Reflect.apply(fn, this, args);
    this.exit();
    return ret;
  }

  add(ee) {
    if (ee.domain === this) return;
    if (ee.domain) ee.domain.remove(ee);
    // A domain must not end up inside itself.
    if (this.domain && ee instanceof Domain) {
      for (let d = this.domain; d; d = d.domain) {
        if (ee === d) return;
      }
    }
    defineDomain(ee, this);
    this.members.push(ee);
  }

  remove(ee) {
    ee.domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  bind(cb) {
    const self = this;
    function runBound(...args) {
      self.enter();
      const ret = Reflect.apply(cb, this, args);
      self.exit();
      return ret;
    }
    defineDomain(runBound, this);
    return runBound;
  }

  intercept(cb) {
    const self = this;
    function runIntercepted(er, ...args) {
      if (er) {
        if (typeof er === 'object') {
          er.domainBound = cb;
          er.domainThrown = false;
          defineDomain(er, self);
        }
        self.emit('error', er);
        return;
      }
      self.enter();
      const ret = Reflect.apply(cb, this, args);
      self.exit();
      return ret;
    }
    return runIntercepted;
  }

  // Handles an error thrown while this domain was active; returns whether an
  // 'error' listener took it.
  _errorHandler(er) {
    if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
      defineDomain(er, this);
      er.domainThrown = true;
    }
    // The handler must not run inside this domain (it would catch its own
    // errors): leave it, with its adjacent re-entries.
    while (stack.length > 0 && stack[stack.length - 1] === this) stack.pop();
    setActive(stack[stack.length - 1]);
    let caught = false;
    try {
      caught = this.emit('error', er);
    } catch (er2) {
      // The handler threw: an enclosing domain may take the new error.
      const outer = stack[stack.length - 1];
      if (outer === undefined || outer.listenerCount('error') === 0) {
        clearStack();
        throw er2;
      }
      setActive(outer);
      caught = outer._errorHandler(er2);
    }
    // An uncaught error ends the current callback: no domain stays active.
    clearStack();
    return caught;
  }
}

function clearStack() {
  stack.length = 0;
  base = null;
  setActive(null);
}

function onUncaught(er) {
  const domain = getActive();
  if (domain === null || domain === undefined) return false;
  if (domain.listenerCount('error') === 0) return false;
  return domain._errorHandler(er);
}
setDomainErrorHook(onUncaught);

// process.domain and domain.active read the active domain.
Object.defineProperty(process, 'domain', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return getActive(); },
  set(domain) { setActive(domain); },
});

// Emitters made while a domain is active belong to it.
const originalInit = EventEmitter.init;
EventEmitter.init = function(opts) {
  defineDomain(this, null);
  const active = getActive();
  if (active && !(this instanceof Domain)) this.domain = active;
  return Reflect.apply(originalInit, this, [opts]);
};

// 'error' events nobody listens to go to the emitter's domain; other events
// run with the emitter's domain active.
const originalEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if (domain === null || domain === undefined || this === process ||
      (type === 'error' && this.listenerCount('error') > 0)) {
    return Reflect.apply(originalEmit, this, args);
  }
  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      defineDomain(er, domain);
      er.domainThrown = false;
    }
    // The domain's handler runs outside of the domain.
    const savedStack = stack.slice();
    const savedActive = getActive();
    while (stack.length > 0 && stack[stack.length - 1] === savedActive) stack.pop();
    setActive(stack.length > 0 ? stack[stack.length - 1] : null);
    try {
      domain.emit('error', er);
    } finally {
      stack = savedStack;
      module.exports._stack = stack;
      setActive(savedActive);
    }
    return false;
  }
  domain.enter();
  const ret = Reflect.apply(originalEmit, this, args);
  domain.exit();
  return ret;
};
EventEmitter.usingDomains = true;

function create() {
  return new Domain();
}

module.exports = {
  _stack: stack,
  Domain,
  createDomain: create,
  create,
};

Object.defineProperty(module.exports, 'active', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return getActive(); },
  set(domain) { setActive(domain); },
});
