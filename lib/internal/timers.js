'use strict';
// Timers and immediates on one libuv timer and one check handle (src/binding/timers.c).
//
// Timers with the same duration share a list in insertion order; lists sit in a
// binary heap ordered by expiry (then creation). The C side calls
// processTimers(now) repeatedly: each call runs at most one callback and
// returns true, so the engine drains microtasks between timers as node does;
// when nothing has expired it returns the next expiry (negative when no timer
// keeps the loop alive) or 0 when there is none.

const binding = internalBinding('timers');
const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const asyncContext = require('internal/async_context');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const async_id_symbol = Symbol('asyncId');
const trigger_async_id_symbol = Symbol('triggerId');
const kAsyncFrame = Symbol('kAsyncFrame'); // AsyncLocalStorage stores, see internal/async_context

let timerListId = 0;
let refCount = 0; // ref'd, active timers
const timerListMap = Object.create(null);
const knownTimersById = Object.create(null);
let nextExpiry = Infinity;

// ---- a small binary heap of lists keyed by (expiry, id) ----
const heap = [];
function heapLess(a, b) {
  return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id);
}
function heapUp(i) {
  const item = heap[i];
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!heapLess(item, heap[p])) break;
    heap[i] = heap[p];
    heap[i].heapIndex = i;
    i = p;
  }
  heap[i] = item;
  item.heapIndex = i;
}
function heapDown(i) {
  const n = heap.length;
  const item = heap[i];
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heapLess(heap[c + 1], heap[c])) c++;
    if (!heapLess(heap[c], item)) break;
    heap[i] = heap[c];
    heap[i].heapIndex = i;
    i = c;
  }
  heap[i] = item;
  item.heapIndex = i;
}
function heapInsert(list) {
  heap.push(list);
  heapUp(heap.length - 1);
}
function heapRemove(list) {
  const i = list.heapIndex;
  const last = heap.pop();
  if (i < heap.length) {
    heap[i] = last;
    last.heapIndex = i;
    heapUp(i);
    heapDown(last.heapIndex);
  }
  list.heapIndex = -1;
}
function heapUpdate(list) {
  heapUp(list.heapIndex);
  heapDown(list.heapIndex);
}

// ---- intrusive doubly linked lists (node's _idleNext/_idlePrev) ----
class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.heapIndex = -1;
  }
}
function linkAppend(list, item) {
  if (item._idleNext || item._idlePrev) linkRemove(item);
  item._idleNext = list;
  item._idlePrev = list._idlePrev;
  list._idlePrev._idleNext = item;
  list._idlePrev = item;
}
function linkRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}
function linkIsEmpty(list) {
  return list._idleNext === list;
}

function getLibuvNow() {
  return binding.getLibuvNow();
}

let timerRefed = false;
function toggleTimerRef(on) {
  if (on !== timerRefed) {
    timerRefed = on;
    binding.toggleTimerRef(on);
  }
}
function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}
function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

function scheduleIfEarlier(expiry) {
  if (expiry < nextExpiry) {
    nextExpiry = expiry;
    binding.scheduleTimer(Math.max(1, expiry - getLibuvNow()));
  }
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[async_id_symbol] = asyncContext.newAsyncId();
    this[trigger_async_id_symbol] = asyncContext.getExecutionAsyncId();
    this[kAsyncFrame] = asyncContext.capture();
  }

  refresh() {
    if (this[kRefed]) active(this);
    else unrefActive(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[async_id_symbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }

  [Symbol.dispose]() {
    clearTimeout(this);
  }
}

function insert(item, msecs, start = getLibuvNow()) {
  if (msecs < 0 || msecs === undefined) return;
  // Sub-millisecond accuracy is not promised: durations share whole-ms lists.
  msecs = Math.trunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    heapInsert(list);
    scheduleIfEarlier(expiry);
  }
  linkAppend(list, item);
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[async_id_symbol]) {
    item._destroyed = false;
    item[async_id_symbol] = asyncContext.newAsyncId();
    if (isDestroyed) {
      if (refed) incRefCount();
    } else if (refed === !item[kRefed]) {
      if (refed) incRefCount();
      else decRefCount();
    }
  }
  item[kRefed] = refed;
}

function active(item) {
  insertGuarded(item, true);
}

function unrefActive(item) {
  insertGuarded(item, false);
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[async_id_symbol]];
  if (item[kRefed]) decRefCount();
  item[kRefed] = null;
  const list = timerListMap[Math.trunc(item._idleTimeout)];
  if (list !== undefined && item._idleNext && item._idlePrev) {
    linkRemove(item);
    if (linkIsEmpty(list)) {
      delete timerListMap[list.msecs];
      heapRemove(list);
    }
  } else {
    linkRemove(item);
  }
  item._idleTimeout = -1;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      unenroll(timerInstance);
    }
  }
}

// Called by C: runs at most one expired timer. See the header comment.
function processTimers(now) {
  for (;;) {
    const list = heap[0];
    if (list === undefined) {
      nextExpiry = Infinity;
      return 0;
    }
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    const timer = list._idleNext;
    if (timer === list) {
      // every timer of this list is gone
      delete timerListMap[list.msecs];
      heapRemove(list);
      continue;
    }
    const diff = now - timer._idleStart;
    if (diff < list.msecs) {
      list.expiry = Math.max(timer._idleStart + list.msecs, now + 1);
      list.id = timerListId++;
      heapUpdate(list);
      continue;
    }
    linkRemove(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) decRefCount();
      }
      continue;
    }
    runTimer(timer, now);
    return true;
  }
}

function runTimer(timer, now) {
  let start;
  if (timer._repeat) start = getLibuvNow();
  asyncContext.enter(timer[kAsyncFrame], timer[async_id_symbol], timer[trigger_async_id_symbol]);
  try {
    const args = timer._timerArgs;
    if (args === undefined) timer._onTimeout();
    else Reflect.apply(timer._onTimeout, timer, args);
  } finally {
    if (timer._repeat && timer._idleTimeout !== -1) {
      timer._idleTimeout = timer._repeat;
      insert(timer, timer._idleTimeout, start);
    } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
      timer._destroyed = true;
      if (timer[kHasPrimitive]) delete knownTimersById[timer[async_id_symbol]];
      if (timer[kRefed]) decRefCount();
    }
  }
}

// ---- immediates ----
class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }
  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
let runningQueue = null;
let immediateRefCount = 0;
let immediateCount = 0;

function immediateRef() {
  if (immediateRefCount++ === 0) binding.toggleImmediateRef(true);
}
function immediateUnref() {
  if (--immediateRefCount === 0) binding.toggleImmediateRef(false);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[async_id_symbol] = asyncContext.newAsyncId();
    this[trigger_async_id_symbol] = asyncContext.getExecutionAsyncId();
    this[kAsyncFrame] = asyncContext.capture();
    this.ref();
    immediateCount++;
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      immediateRef();
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      immediateUnref();
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

// Called by C once per immediate; `first` starts a new round with the queue as it is.
function processImmediate(first) {
  if (first) {
    if (immediateQueue.head === null) return false;
    runningQueue = new ImmediateList();
    runningQueue.head = immediateQueue.head;
    runningQueue.tail = immediateQueue.tail;
    immediateQueue.head = immediateQueue.tail = null;
  }
  for (;;) {
    const queue = runningQueue;
    if (queue === null) return false;
    let immediate = queue.head;
    while (immediate !== null && immediate._destroyed) immediate = immediate._idleNext;
    if (immediate === null) {
      runningQueue = null;
      return false;
    }
    queue.head = immediate._idleNext;
    if (queue.head !== null) queue.head._idlePrev = null;
    else queue.tail = null;
    immediate._idleNext = immediate._idlePrev = null;
    immediateCount--;
    if (immediate[kRefed]) immediateUnref();
    immediate[kRefed] = null;
    immediate._destroyed = true;
    const more = queue.head !== null;
    if (!more) runningQueue = null;
    const argv = immediate._argv;
    asyncContext.enter(immediate[kAsyncFrame], immediate[async_id_symbol],
                       immediate[trigger_async_id_symbol]);
    try {
      if (argv === undefined) immediate._onImmediate();
      else Reflect.apply(immediate._onImmediate, immediate, argv);
    } catch (err) {
      // As in node: the uncaught-exception handler runs first, then the next
      // immediate, and only then the ticks and microtasks the failed one queued
      // (they run after this entry).
      if (!require('internal/process/execution').fatalException(err)) return false;
      if (more) continue;
      return false;
    }
    return more;
  }
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateCount--;
  immediate._destroyed = true;
  if (immediate[kRefed]) immediateUnref();
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  if (runningQueue !== null && (runningQueue.head === immediate || immediate._idlePrev !== null ||
      runningQueue.tail === immediate)) {
    // it may sit in the running round; processImmediate skips destroyed items
  }
  if (immediateQueue.head === immediate || immediate._idlePrev !== null ||
      immediate._idleNext !== null) {
    if (isInList(immediateQueue, immediate)) immediateQueue.remove(immediate);
  }
}

function isInList(list, item) {
  let p = item;
  while (p._idlePrev) p = p._idlePrev;
  return p === list.head;
}

function getActiveResources() {
  const out = [];
  for (let i = 0; i < refCount; i++) out.push('Timeout');
  for (let i = 0; i < immediateRefCount; i++) out.push('Immediate');
  return out;
}

binding.setup(processTimers, processImmediate);

module.exports = {
  TIMEOUT_MAX,
  Timeout,
  Immediate,
  active,
  unrefActive,
  insert,
  unenroll,
  clearTimeout,
  clearImmediate,
  getActiveResources,
  kRefed,
  kHasPrimitive,
  async_id_symbol,
  trigger_async_id_symbol,
  timerListMap,
  immediateInfo: { get count() { return immediateCount; } },
  ERR_OUT_OF_RANGE,
};
