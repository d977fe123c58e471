'use strict';
// node:perf_hooks — the clock and user timing (mark/measure). Observers of
// node's built-in entry types (gc, http, dns) come with later issues.

const binding = internalBinding('process');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');

const startNs = binding.hrtime();
const timeOrigin = Date.now() - startNs / 1e6 + (binding.hrtime() - startNs) / 1e6;
const entries = [];
const observers = new Set();

function now() {
  return (binding.hrtime() - startNs) / 1e6;
}

class PerformanceEntry {
  constructor(name, type, start, duration, detail) {
    this.name = name;
    this.entryType = type;
    this.startTime = start;
    this.duration = duration;
    if (detail !== undefined) this.detail = detail;
  }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime,
      duration: this.duration, detail: this.detail };
  }
}
class PerformanceMark extends PerformanceEntry {
  constructor(name, options = {}) {
    if (arguments.length === 0) throw new ERR_INVALID_ARG_TYPE('name', 'string', undefined);
    const start = options?.startTime ?? now();
    super(String(name), 'mark', start, 0, options?.detail ?? null);
  }
}
class PerformanceMeasure extends PerformanceEntry {}

function queue(entry) {
  entries.push(entry);
  for (const o of observers) {
    if (o._types.has(entry.entryType)) deliver(o, entry);
  }
}

function deliver(o, entry) {
  o._buffer.push(entry);
  if (!o._scheduled) {
    o._scheduled = true;
    setImmediate(() => {
      o._scheduled = false;
      const list = o._buffer.splice(0);
      o._callback(new PerformanceObserverEntryList(list), o);
    });
  }
}

// node's own entry types (dns, ...): delivered to observers only, not kept in
// the timeline.
class PerformanceNodeEntry extends PerformanceEntry {}

function enqueueNodeEntry(type, name, start, duration, detail) {
  const entry = new PerformanceNodeEntry(name, type, start, duration, detail);
  for (const o of observers) {
    if (o._types.has(type)) deliver(o, entry);
  }
}

const perfObserve = require('internal/perf/observe');
perfObserve.setObserverHooks(now, enqueueNodeEntry);

class PerformanceObserverEntryList {
  constructor(list) { this._list = list; }
  getEntries() { return this._list.slice(); }
  getEntriesByType(t) { return this._list.filter((e) => e.entryType === t); }
  getEntriesByName(n, t) {
    return this._list.filter((e) => e.name === n && (t === undefined || e.entryType === t));
  }
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this._callback = callback;
    this._types = new Set();
    this._buffer = [];
    this._scheduled = false;
  }
  observe(options = {}) {
    validateObject(options, 'options');
    const types = options.entryTypes ?? (options.type !== undefined ? [options.type] : undefined);
    if (types === undefined) throw new ERR_INVALID_ARG_VALUE('options.entryTypes', undefined);
    for (const t of types) {
      if (this._types.has(t)) continue;
      this._types.add(t);
      if (observers.has(this)) perfObserve.countObserver(t, 1);
    }
    if (!observers.has(this)) {
      observers.add(this);
      for (const t of this._types) perfObserve.countObserver(t, 1);
    }
  }
  disconnect() {
    if (!observers.delete(this)) return;
    for (const t of this._types) perfObserve.countObserver(t, -1);
  }
  takeRecords() { return this._buffer.splice(0); }
  static get supportedEntryTypes() {
    return ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];
  }
}

function findMark(name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  const { DOMException } = require('internal/per_context/domexception');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

const performance = {
  now,
  timeOrigin,
  mark(name, options) {
    const m = new PerformanceMark(name, options);
    queue(m);
    return m;
  },
  measure(name, startOrOptions, endMark) {
    let start = 0;
    let end = now();
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      if (startOrOptions.start !== undefined) {
        start = typeof startOrOptions.start === 'number' ? startOrOptions.start :
          findMark(startOrOptions.start);
      }
      if (startOrOptions.end !== undefined) {
        end = typeof startOrOptions.end === 'number' ? startOrOptions.end :
          findMark(startOrOptions.end);
      }
      if (startOrOptions.duration !== undefined) end = start + startOrOptions.duration;
      detail = startOrOptions.detail ?? null;
    } else if (startOrOptions !== undefined) {
      start = findMark(startOrOptions);
    }
    if (endMark !== undefined) end = findMark(endMark);
    const m = new PerformanceMeasure(String(name), 'measure', start, end - start, detail);
    queue(m);
    return m;
  },
  clearMarks(name) { removeEntries('mark', name); },
  clearMeasures(name) { removeEntries('measure', name); },
  clearResourceTimings() {},
  getEntries() { return entries.slice(); },
  getEntriesByName(name, type) {
    return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  },
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); },
  eventLoopUtilization(u1, u2) {
    const t = now();
    const cur = { idle: 0, active: t, utilization: 1 };
    if (u1 === undefined) return cur;
    const base = u2 === undefined ? cur : u2;
    const active = base.active - u1.active;
    const idle = base.idle - u1.idle;
    return { idle, active, utilization: active + idle > 0 ? active / (active + idle) : 0 };
  },
  timerify(fn) {
    validateFunction(fn, 'fn');
    const wrapped = function(...args) {
      const start = now();
      const r = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
      queue(new PerformanceEntry(fn.name, 'function', start, now() - start));
      return r;
    };
    Object.defineProperty(wrapped, 'name', { value: `timerified ${fn.name}` });
    return wrapped;
  },
  markResourceTiming() {},
  setResourceTimingBufferSize() {},
  get nodeTiming() {
    return { name: 'node', entryType: 'node', startTime: 0, duration: now() };
  },
  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  },
  [Symbol.toStringTag]: 'Performance',
};

function removeEntries(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) {
      entries.splice(i, 1);
    }
  }
}

class Histogram {
  constructor() { this.reset(); }
  reset() {
    this.min = 9223372036854776000;
    this.max = 0;
    this.mean = NaN;
    this.stddev = NaN;
    this.count = 0;
    this.exceeds = 0;
    this._values = [];
  }
  record(v) {
    v = Number(v);
    this._values.push(v);
    this.count++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    const sum = this._values.reduce((a, b) => a + b, 0);
    this.mean = sum / this.count;
    this.stddev = Math.sqrt(this._values.reduce((a, b) => a + (b - this.mean) ** 2, 0) / this.count);
  }
  percentile(p) {
    if (this.count === 0) return 0;
    const sorted = this._values.slice().sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }
  get percentiles() {
    const m = new Map();
    if (this.count) m.set(100, this.max);
    return m;
  }
  enable() { return true; }
  disable() { return true; }
}

module.exports = {
  performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4, NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
  createHistogram() { return new Histogram(); },
  monitorEventLoopDelay() { return new Histogram(); },
};
