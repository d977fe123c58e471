'use strict';
// The current async context ("frame") and the small API that carries it into
// callbacks: AsyncLocalStorage stores live in the frame, and whoever defers a
// callback captures the frame when it is scheduled and enters it when it runs.
//
// A frame is null (no stores) or an immutable Map of AsyncLocalStorage -> store.
//
// Users of this file:
//   timers, immediates   capture() at creation, enter(frame, asyncId) before the callback
//   process.nextTick     capture() when queued, enter(frame) before each tick
//   queueMicrotask       bind(callback)
//   I/O callbacks        bind(callback) where the request is made
//   the callback trampoline   enter(null, 0) before a callback from C (see below)
//
// enter() is for loop entries: the frame stays current after the callback
// returns, so the microtasks the callback queued (which run right after it,
// before the next entry) see it too. runWith() is for nested, synchronous
// scopes (AsyncLocalStorage.run, AsyncResource.runInAsyncScope) and restores
// the previous frame.
//
// Promises: the engine (JavaScriptCore) has no promise hooks in its API, so
// while an AsyncLocalStorage is in use (enablePromiseTracking) two patches
// carry the frame through promise jobs:
//   - Promise.prototype.then runs its callbacks in the frame current when
//     then() was called (covers .then/.catch/.finally, thenables, and every
//     API that calls then()).
//   - `await promise` reads promise.constructor synchronously (the spec's
//     PromiseResolve); a getter on Promise.prototype.constructor registers,
//     just before the await's own reaction, a reaction that re-enters the
//     awaiting frame. Reactions of one promise are queued together in order, so
//     it runs immediately before the async function resumes.
//   - `await` of a non-promise value has no observable step: the function
//     resumes in whatever frame the previous microtask left. run() and
//     enterWith() queue a microtask that enters their frame before the
//     function's first continuation; when run()'s callback is synchronous a
//     second one restores the outer frame. So one async flow keeps its store
//     across `await 0`, but flows started in the same tick that await plain
//     values can see each other's store (node's tests of that pattern fail).

let current = null;
let executionAsyncId = 1;
let triggerAsyncId = 0;
let tracking = false;

// Async ids are shared by async_hooks and process.nextTick (which gives every
// tick one, as node does). hookCounts says how many enabled hooks have each
// callback; internal/async_hooks keeps it current, and the tick queue reads it
// so it pays nothing while no hook is enabled.
let lastAsyncId = 1000;
const hookCounts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };

function newAsyncId() {
  return ++lastAsyncId;
}

function capture() {
  return current;
}

// Enters frame for a callback the loop runs; it stays current afterwards.
function enter(frame, asyncId = 0, triggerId = 0) {
  current = frame;
  executionAsyncId = asyncId;
  triggerAsyncId = triggerId;
}

function runWith(frame, fn, thisArg, ...args) {
  if (frame === current) return Reflect.apply(fn, thisArg, args);
  const prev = current;
  current = frame;
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    current = prev;
  }
}

// fn, made to run in the current frame (fn itself when there is nothing to carry).
// The frame is restored after the call: for callbacks user code may call.
function bind(fn) {
  const frame = current;
  if (frame === null && !tracking) return fn;
  return function bound(...args) {
    const prev = current;
    current = frame;
    try {
      return Reflect.apply(fn, this, args);
    } finally {
      current = prev;
    }
  };
}

// Like bind(), for callbacks only the loop calls (an I/O completion): the frame
// stays current afterwards, as enter() does, so the microtasks the callback
// queued run in it.
function bindLoopCallback(fn) {
  const frame = current;
  if (frame === null && !tracking) return fn;
  return function boundLoopCallback(...args) {
    current = frame;
    return Reflect.apply(fn, this, args);
  };
}

// ---- handles and requests ----
// The loop calls back into a handle or a request object (the callback
// trampoline's self). Each remembers the frame it was made in, and the
// trampoline enters that frame: a socket's events, a child process's exit, a
// zlib or dns completion see the store of the code that created them, as
// their AsyncResource does in node.
const kAsyncFrame = Symbol('kAsyncFrame');

function stamp(obj) {
  if (current !== null) obj[kAsyncFrame] = current;
  return obj;
}

function frameOf(self) {
  if (self === undefined || self === null || typeof self !== 'object') return null;
  return self[kAsyncFrame] ?? null;
}

// stamp() for a reused object (an HTTP parser): replaces what it remembered.
function restamp(obj) {
  if (current !== null || obj[kAsyncFrame] !== undefined) obj[kAsyncFrame] = current;
}

// A constructor like Ctor (same prototype) whose objects remember the frame.
function stampingConstructor(Ctor) {
  function Stamped(...args) {
    const obj = new Ctor(...args);
    if (current !== null) obj[kAsyncFrame] = current;
    return obj;
  }
  Stamped.prototype = Ctor.prototype;
  Object.defineProperty(Stamped, 'name', { value: Ctor.name });
  return Stamped;
}

// ---- used by async_hooks ----

function getFrame() {
  return current;
}

// Sets the frame and returns the previous one (the caller restores it).
function setFrame(frame) {
  const prev = current;
  current = frame;
  return prev;
}

function getIds() {
  return [executionAsyncId, triggerAsyncId];
}

function setIds(asyncId, triggerId) {
  executionAsyncId = asyncId;
  triggerAsyncId = triggerId;
}

function getExecutionAsyncId() {
  return executionAsyncId;
}

function getTriggerAsyncId() {
  return triggerAsyncId;
}

// ---- promise tracking ----

const PromisePrototype = Promise.prototype;
const originalThen = PromisePrototype.then;
const originalResolve = Promise.resolve;
let resolvedPromise;
let inThen = 0;
let constructorValue = Promise;

function wrapReaction(fn, frame) {
  return function reaction(value) {
    const prev = current;
    current = frame;
    try {
      return fn(value);
    } finally {
      current = prev;
    }
  };
}

function then(onFulfilled, onRejected) {
  const frame = current;
  if (typeof onFulfilled === 'function') onFulfilled = wrapReaction(onFulfilled, frame);
  if (typeof onRejected === 'function') onRejected = wrapReaction(onRejected, frame);
  inThen++;
  try {
    return Reflect.apply(originalThen, this, [onFulfilled, onRejected]);
  } finally {
    inThen--;
  }
}

function resolve(value) {
  inThen++;
  try {
    return Reflect.apply(originalResolve, this, [value]);
  } finally {
    inThen--;
  }
}

function makeEnter(frame) {
  return () => { current = frame; };
}

function constructorGetter() {
  // Reached synchronously from `await this`: re-enter this frame right before
  // the function resumes. then() and Promise.resolve() read it too; skip those.
  if (inThen === 0 && constructorValue === Promise && typeof this === 'object' &&
      this !== PromisePrototype) {
    const enterFrame = makeEnter(current);
    inThen++;
    try {
      Reflect.apply(originalThen, this, [enterFrame, enterFrame]);
    } catch {
      // Not a real promise: nothing to do.
    } finally {
      inThen--;
    }
  }
  return constructorValue;
}

// util.inspect reads constructors from property descriptors: it finds the
// real one here (Promise.prototype.constructor is an accessor while tracking).
const kConstructorValue = Symbol.for('nodejs.internal.asyncContextConstructor');
Object.defineProperty(constructorGetter, kConstructorValue, {
  get() { return constructorValue; },
});

function constructorSetter(value) {
  if (this === PromisePrototype) constructorValue = value;
  else Object.defineProperty(this, 'constructor', { value, writable: true, configurable: true });
}

function enablePromiseTracking() {
  if (tracking) return;
  tracking = true;
  resolvedPromise = originalResolve.call(Promise);
  Object.defineProperty(PromisePrototype, 'then', {
    value: then, writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(Promise, 'resolve', {
    value: resolve, writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(PromisePrototype, 'constructor', {
    get: constructorGetter, set: constructorSetter, enumerable: false, configurable: true,
  });
  Object.defineProperty(then, 'name', { value: 'then' });
  Object.defineProperty(resolve, 'name', { value: 'resolve' });
}

// Queues a microtask that enters frame: the jobs queued after it (until the
// next such marker) then run in that frame. See the header comment.
function queueFrameMarker(frame) {
  if (!tracking) return;
  inThen++;
  try {
    Reflect.apply(originalThen, resolvedPromise, [makeEnter(frame)]);
  } finally {
    inThen--;
  }
}

function isTracking() {
  return tracking;
}

module.exports = {
  kAsyncFrame,
  stamp,
  frameOf,
  restamp,
  stampingConstructor,
  capture,
  enter,
  runWith,
  bind,
  bindLoopCallback,
  getFrame,
  setFrame,
  getIds,
  setIds,
  getExecutionAsyncId,
  getTriggerAsyncId,
  newAsyncId,
  hookCounts,
  enablePromiseTracking,
  queueFrameMarker,
  isTracking,
  originalThen,
  kConstructorValue,
};
