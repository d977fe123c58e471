'use strict';
// process.nextTick, queueMicrotask and unhandled promise rejections.
// The C side (src/rt/loop.c) calls processTicksAndRejections as its own engine
// entry whenever tickInfo says there is work, so the engine drains microtasks
// between rounds: callback -> ticks -> microtasks -> ticks ... as in Node.

const { validateFunction } = require('internal/validators');
const asyncContext = require('internal/async_context');

const { hookCounts } = asyncContext;
let hooks;

// Only called while a hook is enabled, so internal/async_hooks is loaded already.
function asyncHooks() {
  hooks ??= require('internal/async_hooks');
  return hooks;
}

const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;
let tickInfo;

// A FIFO queue of tick objects in a growable ring of arrays.
let queue = [];
let head = 0;

function setup(info) {
  tickInfo = info;
}

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  // Every tick has an async id, and its trigger is the code that queued it.
  const tock = {
    callback,
    args,
    frame: asyncContext.capture(),
    asyncId: asyncContext.newAsyncId(),
    triggerAsyncId: asyncContext.getExecutionAsyncId(),
  };
  if (hookCounts.init > 0) {
    asyncHooks().emitInit(tock.asyncId, 'TickObject', tock.triggerAsyncId, tock);
  }
  queue.push(tock);
  tickInfo[kHasTickScheduled] = 1;
}

let fatalException;

function runTicks() {
  // Loaded on first use: it needs the whole process object.
  fatalException ??= require('internal/process/execution').fatalException;
  while (head < queue.length) {
    const tock = queue[head];
    queue[head++] = undefined;
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    const { asyncId } = tock;
    asyncContext.enter(tock.frame, asyncId, tock.triggerAsyncId);
    try {
      if (hookCounts.before > 0) asyncHooks().emitBefore(asyncId);
      const { callback, args } = tock;
      if (args.length === 0) callback();
      else Reflect.apply(callback, undefined, args);
      if (hookCounts.after > 0) asyncHooks().emitAfter(asyncId);
    } catch (err) {
      if (hookCounts.destroy > 0) asyncHooks().emitDestroy(asyncId);
      if (!fatalException(err)) return;
      continue;
    }
    if (hookCounts.destroy > 0) asyncHooks().emitDestroy(asyncId);
  }
  queue = [];
  head = 0;
  tickInfo[kHasTickScheduled] = 0;
}

// Unhandled rejections reported by the engine after a microtask checkpoint.
const pendingRejections = [];

function onUnhandledRejection(promise, reason) {
  pendingRejections.push({ promise, reason });
  tickInfo[kHasRejectionToWarn] = 1;
}

function processRejections() {
  tickInfo[kHasRejectionToWarn] = 0;
  while (pendingRejections.length > 0) {
    const { promise, reason } = pendingRejections.shift();
    require('internal/process/promises').unhandled(promise, reason);
  }
}

function processTicksAndRejections() {
  if (tickInfo[kHasTickScheduled]) runTicks();
  if (tickInfo[kHasTickScheduled] === 0 && tickInfo[kHasRejectionToWarn]) processRejections();
}

// Called at the end of a callback, inside the same engine entry.
function runTicksIfAny() {
  if (tickInfo[kHasTickScheduled]) runTicks();
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  const frame = asyncContext.capture();
  Promise.resolve().then(() => {
    try {
      asyncContext.runWith(frame, callback);
    } catch (err) {
      require('internal/process/execution').fatalException(err);
    }
  });
}

module.exports = {
  setup,
  nextTick,
  processTicksAndRejections,
  runTicksIfAny,
  onUnhandledRejection,
  queueMicrotask,
};
