'use strict';
// fs.watch (FSWatcher), fs.watchFile / unwatchFile (StatWatcher) and fs/promises watch().

const binding = internalBinding('fs');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
  validateUint32,
} = require('internal/validators');
const {
  copyObject,
  getOptions,
  getStatsFromBinding,
  getValidatedPath,
  normalizeListing,
  toBuffer,
} = require('internal/fs/utils');
const EventEmitter = require('events');

let pathModule;
function lazyPath() {
  if (pathModule === undefined) pathModule = require('path');
  return pathModule;
}

function wantsBuffer(encoding) {
  return encoding === 'buffer' ||
    (!!encoding && encoding !== 'utf8' && encoding !== 'utf-8');
}

function encodeFilename(name, encoding) {
  if (name == null || typeof name === 'string') return name;
  const buf = toBuffer(name);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

// Rethrows a binding error as Node reports a failed watch (with `filename`).
function watchError(err, filename) {
  if (err && typeof err === 'object' && err.syscall === 'watch') {
    err.filename = filename;
  }
  return err;
}

// ---- FSWatcher ----

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = undefined;
    this._encoding = undefined;
  }

  // Starts watching; throws the system error when the path cannot be watched.
  start(filename, persistent, recursive, encoding) {
    if (this._handle === null) return; // closed
    filename = getValidatedPath(filename, 'filename');
    this._encoding = encoding;
    try {
      this._handle = binding.watch(filename, !!persistent, false, wantsBuffer(encoding),
                                   (err, eventType, name) => this._onchange(err, eventType, name));
    } catch (err) {
      throw watchError(err, typeof filename === 'string' ? filename : String(filename));
    }
  }

  _onchange(err, eventType, name) {
    if (err) {
      if (this._handle) {
        this._handle.close();
        this._handle = null;
      }
      err.filename = err.path;
      this.emit('error', err);
      return;
    }
    this.emit('change', eventType, encodeFilename(name, this._encoding));
  }

  close() {
    if (this._handle === null || this._handle === undefined) {
      this._handle = null;
      return;
    }
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle) this._handle.unref();
    return this;
  }
}

// A recursive watcher for platforms whose native watcher is not recursive: one FSWatcher per
// directory, with names reported relative to the root.
class RecursiveWatcher extends EventEmitter {
  #root;
  #options;
  #watchers = new Map();
  #files = new Set();
  #closed = false;

  constructor(options) {
    super();
    this.#options = options;
  }

  start(filename) {
    filename = getValidatedPath(filename, 'filename');
    this.#root = lazyPath().resolve(String(filename));
    this.#watchDir(this.#root, true);
  }

  #relative(p) {
    return lazyPath().relative(this.#root, p);
  }

  #watchDir(dir, throwErrors) {
    if (this.#closed || this.#watchers.has(dir)) return;
    const w = new FSWatcher();
    try {
      w.start(dir, this.#options.persistent, false, 'utf8');
    } catch (err) {
      if (throwErrors) throw err;
      return;
    }
    w.on('change', (eventType, name) => this.#onChange(dir, eventType, name));
    w.on('error', (err) => {
      if (dir === this.#root) this.emit('error', err);
      else this.#unwatch(dir);
    });
    this.#watchers.set(dir, w);
    let entries;
    try {
      entries = normalizeListing(binding.readdir(dir, false, true), true);
    } catch {
      return;
    }
    const [names, types] = entries;
    for (let i = 0; i < names.length; i++) {
      const full = lazyPath().join(dir, names[i]);
      if (types[i] === 2 /* UV_DIRENT_DIR */) {
        this.#watchDir(full, false);
      } else {
        this.#files.add(full);
      }
    }
  }

  #unwatch(dir) {
    for (const [p, w] of this.#watchers) {
      if (p === dir || p.startsWith(dir + lazyPath().sep)) {
        w.close();
        this.#watchers.delete(p);
      }
    }
  }

  #emit(eventType, full) {
    let name = this.#relative(full);
    const enc = this.#options.encoding;
    if (enc && enc !== 'utf8' && enc !== 'utf-8') {
      const Buffer = require('buffer').Buffer;
      name = enc === 'buffer' ? Buffer.from(name) : Buffer.from(name).toString(enc);
    }
    this.emit('change', eventType, name);
  }

  #onChange(dir, eventType, name) {
    if (this.#closed) return;
    if (name == null) {
      this.#emit(eventType, dir);
      return;
    }
    const full = lazyPath().join(dir, name);
    this.#emit(eventType, full);
    if (eventType !== 'rename') return;
    const st = binding.lstat(full, false, undefined, false);
    if (st === undefined) {
      this.#files.delete(full);
      this.#unwatch(full);
      return;
    }
    if ((st[1] & 0o170000) === 0o040000 && !this.#watchers.has(full)) {
      // A new directory: watch it and report what is already inside.
      const before = new Set(this.#files);
      this.#watchDir(full, false);
      for (const f of this.#files) {
        if (!before.has(f)) this.#emit('rename', f);
      }
    } else {
      this.#files.add(full);
    }
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    for (const w of this.#watchers.values()) w.ref();
    return this;
  }

  unref() {
    for (const w of this.#watchers.values()) w.unref();
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
  }
  options = getOptions(options);

  // Don't make changes directly on options object
  options = copyObject(options);

  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  validateBoolean(options.persistent, 'options.persistent');
  validateBoolean(options.recursive, 'options.recursive');

  let watcher;
  if (options.recursive) {
    watcher = new RecursiveWatcher(options);
    watcher.start(filename);
  } else {
    watcher = new FSWatcher();
    watcher.start(filename, options.persistent, false, options.encoding);
  }

  if (listener) watcher.addListener('change', listener);

  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      options.signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => options.signal.removeEventListener('abort', onAbort));
    }
  }

  return watcher;
}

// ---- StatWatcher ----

const kRefCount = Symbol('kRefCount');

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this[kRefCount] = 1;
    this._bigint = !!bigint;
  }

  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    validateUint32(interval, 'interval');
    try {
      this._handle = binding.watchFile(filename, !!persistent, interval, this._bigint,
                                       (status, curr, prev) => this._onchange(status, curr, prev));
    } catch (err) {
      throw watchError(err, filename);
    }
  }

  _onchange(status, curr, prev) {
    this.emit('change', getStatsFromBinding(curr), getStatsFromBinding(prev));
  }

  stop() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('stop'));
  }

  addRef() {
    this[kRefCount]++;
  }

  ref() {
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle) this._handle.unref();
    return this;
  }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = lazyPath().resolve(String(filename));
  let stat;

  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }

  options = {
    // Poll interval in milliseconds. 5007 is what libev used to use. It's
    // a little on the slow side but let's stick with it for now to keep
    // behavioral changes to a minimum.
    interval: 5007,
    persistent: true,
    ...options,
  };

  validateFunction(listener, 'listener');

  stat = statWatchers.get(filename);

  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat.addRef();
  }

  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = lazyPath().resolve(String(filename));
  const stat = statWatchers.get(filename);

  if (stat === undefined) return;

  if (typeof listener === 'function') {
    stat.removeListener('change', listener);
  } else {
    stat.removeAllListeners('change');
  }

  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

// ---- fs/promises watch(): an async iterator of { eventType, filename } ----

function watchPromise(filename, options = {}) {
  const path = getValidatedPath(filename, 'filename');
  validateObject(options, 'options');

  const {
    persistent = true,
    recursive = false,
    encoding = 'utf8',
    signal,
    maxQueue = 2048,
    overflow = 'ignore',
  } = options;

  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  validateUint32(maxQueue, 'options.maxQueue');
  if (overflow !== 'ignore' && overflow !== 'throw') {
    throw new ERR_INVALID_ARG_VALUE('options.overflow', overflow,
                                    "must be one of: 'ignore', 'throw'");
  }
  if (encoding && encoding !== 'buffer' && !require('buffer').Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }

  const queue = [];
  let waiting = null; // { resolve, reject }
  let done = false;
  let failure = null;
  let watcher = null;

  function finish() {
    if (done) return;
    done = true;
    if (watcher) watcher.close();
    if (signal) signal.removeEventListener('abort', onAbort);
  }

  function onAbort() {
    const err = new AbortError(undefined, { cause: signal.reason });
    failure = err;
    finish();
    if (waiting) {
      const w = waiting;
      waiting = null;
      w.reject(err);
    }
  }

  function start() {
    if (watcher !== null || done) return;
    if (signal?.aborted) {
      failure = new AbortError(undefined, { cause: signal.reason });
      done = true;
      return;
    }
    watcher = recursive ? new RecursiveWatcher({ persistent, encoding }) : new FSWatcher();
    if (recursive) watcher.start(path);
    else watcher.start(path, persistent, false, encoding);
    watcher.on('change', (eventType, name) => {
      const ev = { __proto__: null, eventType, filename: name };
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.resolve({ value: ev, done: false });
        return;
      }
      if (queue.length >= maxQueue) {
        if (overflow === 'throw') {
          const { codes: { ERR_FS_WATCH_QUEUE_OVERFLOW } } = require('internal/errors');
          failure = ERR_FS_WATCH_QUEUE_OVERFLOW ?
            new ERR_FS_WATCH_QUEUE_OVERFLOW(maxQueue) :
            new Error(`fs.watch maxQueue exceeded (${maxQueue})`);
          finish();
        } else {
          process.emitWarning('fs.watch maxQueue exceeded');
        }
        return;
      }
      queue.push(ev);
    });
    watcher.on('error', (err) => {
      failure = err;
      finish();
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.reject(err);
      }
    });
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  }

  return {
    __proto__: null,
    next() {
      start();
      if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
      if (failure) {
        const err = failure;
        failure = null;
        return Promise.reject(err);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    return() {
      finish();
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

module.exports = {
  FSWatcher,
  StatWatcher,
  unwatchFile,
  watch,
  watchFile,
  watchPromise,
};
