'use strict';
// async_hooks internals: async ids, the registry of enabled hooks and the
// emitters (init/before/after/destroy/promiseResolve). Resources created by JS
// (AsyncResource, MessagePort, ...) report themselves here; the engine has no
// hooks of its own, so promises and native handles are not reported.

const asyncContext = require('internal/async_context');

// Ids: 1 is the main script (node's bootstrap resource); 0 means unknown.
const { newAsyncId, hookCounts: counts } = asyncContext;

const kHookFields = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
const activeHooks = new Set();
// Snapshot of activeHooks, rebuilt when it changes, so hooks may enable or
// disable hooks while being called.
let hookList = [];

function updateHooks() {
  hookList = Array.from(activeHooks);
  for (const field of kHookFields) counts[field] = 0;
  for (const hook of hookList) {
    for (const field of kHookFields) {
      if (typeof hook.callbacks[field] === 'function') counts[field]++;
    }
  }
}

function enableHook(hook) {
  if (activeHooks.has(hook)) return;
  activeHooks.add(hook);
  updateHooks();
}

function disableHook(hook) {
  if (!activeHooks.delete(hook)) return;
  updateHooks();
}

function hasHooks(field) {
  return counts[field] > 0;
}

let inHook = false;

function callHooks(field, args) {
  const list = hookList;
  for (let i = 0; i < list.length; i++) {
    const fn = list[i].callbacks[field];
    if (typeof fn !== 'function') continue;
    // A hook that throws is fatal, as in node.
    const wasInHook = inHook;
    inHook = true;
    try {
      Reflect.apply(fn, list[i], args);
    } catch (err) {
      inHook = wasInHook;
      require('internal/process/execution').fatalException(err);
      continue;
    }
    inHook = wasInHook;
  }
}

function emitInit(asyncId, type, triggerAsyncId, resource) {
  if (counts.init > 0) callHooks('init', [asyncId, type, triggerAsyncId, resource]);
}

function emitBefore(asyncId) {
  if (counts.before > 0) callHooks('before', [asyncId]);
}

function emitAfter(asyncId) {
  if (counts.after > 0) callHooks('after', [asyncId]);
}

function emitPromiseResolve(asyncId) {
  if (counts.promiseResolve > 0) callHooks('promiseResolve', [asyncId]);
}

// destroy hooks run asynchronously, in a batch, as in node.
let destroyQueue = null;

function emitDestroy(asyncId) {
  if (counts.destroy === 0) return;
  if (destroyQueue === null) {
    destroyQueue = [];
    const immediate = setImmediate(runDestroyQueue);
    if (immediate && typeof immediate.unref === 'function') immediate.unref();
  }
  destroyQueue.push(asyncId);
}

function runDestroyQueue() {
  const ids = destroyQueue;
  destroyQueue = null;
  for (const id of ids) callHooks('destroy', [id]);
}

// ---- the execution context: ids and resource ----

const topLevelResource = {};
let currentResource = topLevelResource;

function executionAsyncId() {
  return asyncContext.getExecutionAsyncId();
}

function triggerAsyncId() {
  return asyncContext.getTriggerAsyncId();
}

function executionAsyncResource() {
  return currentResource;
}

// Runs fn as a callback of the resource: before/after hooks, ids and resource.
function runInResource(asyncId, triggerId, resource, frame, fn, thisArg, args) {
  const [prevId, prevTrigger] = asyncContext.getIds();
  const prevResource = currentResource;
  asyncContext.setIds(asyncId, triggerId);
  currentResource = resource;
  emitBefore(asyncId);
  try {
    return asyncContext.runWith(frame, fn, thisArg, ...args);
  } finally {
    emitAfter(asyncId);
    asyncContext.setIds(prevId, prevTrigger);
    currentResource = prevResource;
  }
}

const asyncWrapProviders = Object.freeze({
  __proto__: null,
  ...Object.fromEntries(('NONE DIRHANDLE DNSCHANNEL ELDHISTOGRAM FILEHANDLE FILEHANDLECLOSEREQ ' +
    'BLOBREADER FSEVENTWRAP FSREQCALLBACK FSREQPROMISE GETADDRINFOREQWRAP GETNAMEINFOREQWRAP ' +
    'HEAPSNAPSHOT HTTP2SESSION HTTP2STREAM HTTP2PING HTTP2SETTINGS HTTPINCOMINGMESSAGE ' +
    'HTTPCLIENTREQUEST JSSTREAM JSUDPWRAP MESSAGEPORT PIPECONNECTWRAP PIPESERVERWRAP PIPEWRAP ' +
    'PROCESSWRAP PROMISE QUERYWRAP QUIC_LOGSTREAM QUIC_PACKET SHUTDOWNWRAP SIGNALWRAP ' +
    'STATWATCHER STREAMPIPE TCPCONNECTWRAP TCPSERVERWRAP TCPWRAP TTYWRAP UDPSENDWRAP UDPWRAP ' +
    'SIGINTWATCHDOG WORKER WORKERHEAPSNAPSHOT WRITEWRAP ZLIB CHECKPRIMEREQUEST PBKDF2REQUEST ' +
    'KEYPAIRGENREQUEST KEYGENREQUEST KEYEXPORTREQUEST CIPHERREQUEST DERIVEBITSREQUEST ' +
    'HASHREQUEST RANDOMBYTESREQUEST RANDOMPRIMEREQUEST SCRYPTREQUEST SIGNREQUEST TLSWRAP ' +
    'VERIFYREQUEST').split(' ').map((name, i) => [name, i])),
});

module.exports = {
  newAsyncId,
  enableHook,
  disableHook,
  hasHooks,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  emitPromiseResolve,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  runInResource,
  asyncWrapProviders,
  kHookFields,
};
