'use strict';
// Which of node's built-in entry types (dns, ...) are observed: core modules
// ask before timing an operation, so an unobserved one costs one lookup and
// perf_hooks is never loaded for it. perf_hooks keeps the counts and delivers
// the entries.

const counts = { __proto__: null };
// Set by perf_hooks when it loads; observers exist only after that.
let now = null;
let enqueue = null;

function hasObserver(type) {
  return counts[type] > 0;
}

// perf_hooks: an observer starts (delta 1) or stops (-1) watching `type`.
function countObserver(type, delta) {
  counts[type] = (counts[type] ?? 0) + delta;
}

// perf_hooks: its clock and the function that hands an entry to observers.
function setObserverHooks(nowFn, enqueueFn) {
  now = nowFn;
  enqueue = enqueueFn;
}

// The start of a timed operation, or undefined when nobody observes `type`.
function startPerf(type, name, detail) {
  if (!hasObserver(type)) return undefined;
  return { type, name, detail, start: now() };
}

// Ends the operation `ctx` from startPerf (undefined: nothing to do): the
// observers of its type receive an entry whose detail is ctx.detail with
// `extra`'s properties added.
function stopPerf(ctx, extra) {
  if (ctx === undefined || !hasObserver(ctx.type)) return;
  const detail = { ...ctx.detail, ...extra };
  enqueue(ctx.type, ctx.name, ctx.start, now() - ctx.start, detail);
}

module.exports = {
  countObserver,
  hasObserver,
  setObserverHooks,
  startPerf,
  stopPerf,
};
