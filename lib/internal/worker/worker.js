'use strict';
// The Worker class: the parent's side of a worker thread. The thread itself
// (its own loop, engine context group and runtime) is made by the `worker`
// binding; two cross-thread channels join it to the parent: the public one
// (worker.postMessage <-> parentPort) and an internal one that carries the
// start-up message, stdio, 'online' and uncaught errors.

const EventEmitter = require('events');
const path = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_URL_SCHEME,
    ERR_WORKER_INVALID_EXEC_ARGV,
    ERR_WORKER_PATH,
    ERR_WORKER_UNSERIALIZABLE_ERROR,
  },
} = require('internal/errors');
const io = require('internal/worker/io');

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kPublicPort = Symbol('kPublicPort');
const kOnExit = Symbol('kOnExit');
const kOnMessage = Symbol('kOnMessage');
const kStdio = Symbol('kStdio');
const kLimits = Symbol('kLimits');
const kGone = Symbol('kGone');

// Options node accepts in a worker's execArgv (the per-isolate ones).
const kExecArgvAllowed = new Set([
  '--no-warnings', '--no-deprecation', '--throw-deprecation', '--trace-deprecation',
  '--pending-deprecation', '--trace-warnings', '--trace-uncaught', '--unhandled-rejections',
  '--expose-gc', '--expose_gc', '--stack-trace-limit', '--conditions', '-C', '--require', '-r',
  '--import', '--input-type', '--preserve-symlinks', '--preserve-symlinks-main',
  '--enable-source-maps', '--experimental-vm-modules', '--no-experimental-fetch',
  '--experimental-default-type', '--disable-warning', '--max-old-space-size',
  '--max-semi-space-size', '--stack-size', '--experimental-require-module',
  '--no-experimental-require-module', '--abort-on-uncaught-exception', '--no-addons',
  '--no-global-search-paths', '--zero-fill-buffers', '--experimental-wasm-modules',
  '--experimental-loader', '--loader', '--experimental-specifier-resolution',
  '--no-experimental-global-webcrypto', '--experimental-permission', '--title',
  '--max-http-header-size', '--dns-result-order', '--harmony', '--experimental-shadow-realm',
]);

function checkExecArgv(execArgv) {
  const bad = [];
  for (const arg of execArgv) {
    if (typeof arg !== 'string' || !arg.startsWith('-')) continue;
    const name = arg.split('=')[0];
    if (!kExecArgvAllowed.has(name) && !kExecArgvAllowed.has(name.replaceAll('_', '-'))) {
      bad.push(arg);
    }
  }
  if (bad.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(bad);
}

function isURL(value) {
  return value !== null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string' && value.searchParams !== undefined;
}

function limitsOf(given) {
  const limits = {
    maxYoungGenerationSizeMb: 48,
    maxOldGenerationSizeMb: 2048,
    codeRangeSizeMb: 0,
    stackSizeMb: 4,
  };
  if (given !== undefined && given !== null && typeof given === 'object') {
    for (const key of Object.keys(limits)) {
      const v = given[key];
      if (typeof v === 'number' && v > 0) limits[key] = v;
    }
  }
  return limits;
}

let lazyReadable;
let lazyWritable;
function streams() {
  if (lazyReadable === undefined) {
    ({ Readable: lazyReadable, Writable: lazyWritable } = require('stream'));
  }
}

// Many workers share the parent's stdout: piping each into it must not trip
// the listener-leak warning.
function pipeWithoutWarning(source, dest) {
  const destMax = dest._maxListeners;
  dest.setMaxListeners(Infinity);
  source.pipe(dest, { end: false });
  dest._maxListeners = destMax;
}

// What async_hooks' init sees for a worker (node's native WORKER handle).
class WorkerResource {
  constructor(worker) {
    this.worker = worker;
  }

  hasRef() {
    // The native handle outlives the thread until 'exit' has been emitted.
    if (this.worker[kGone]) return undefined;
    const handle = this.worker[kHandle];
    return handle === null ? true : handle.hasRef();
  }
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    let doEval = false;
    if (options.eval) {
      if (typeof filename !== 'string') {
        throw new ERR_INVALID_ARG_VALUE('options.eval', options.eval,
                                        'must be false when \'filename\' is not a string');
      }
      doEval = true;
    } else if (isURL(filename)) {
      if (filename.protocol === 'data:') {
        doEval = 'module';
        const text = decodeURIComponent(filename.pathname.slice(filename.pathname.indexOf(',') + 1));
        filename = text;
      } else if (filename.protocol !== 'file:') {
        throw new ERR_INVALID_URL_SCHEME('file');
      } else {
        filename = require('internal/url').fileURLToPath(filename);
      }
    } else if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
    } else if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
      throw new ERR_WORKER_PATH(filename);
    } else {
      filename = path.resolve(filename);
    }

    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) {
        throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
      }
      argv = options.argv.map(String);
    }
    let env = options.env;
    if (env === undefined || env === null) {
      env = { ...process.env };
    } else if (env === SHARE_ENV) {
      env = 'share';
    } else if (typeof env !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options.env',
                                     ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'],
                                     env);
    } else {
      const copy = {};
      for (const key of Object.keys(env)) copy[key] = `${env[key]}`;
      env = copy;
    }
    let execArgv = process.execArgv;
    if (options.execArgv !== undefined) {
      if (!Array.isArray(options.execArgv)) {
        throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', options.execArgv);
      }
      // As on a command line, `--` ends the options: it and what follows are dropped.
      const end = options.execArgv.indexOf('--');
      execArgv = end === -1 ? options.execArgv : options.execArgv.slice(0, end);
      checkExecArgv(execArgv);
      execArgv = execArgv.map(String);
    }
    if (options.name !== undefined && typeof options.name !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.name', 'string', options.name);
    }
    const limits = limitsOf(options.resourceLimits);
    this[kLimits] = limits;

    const messaging = internalBinding('messaging');
    const pub = messaging.createChannel();
    const ctl = messaging.createChannel();
    const port = io.portFromLink(ctl[0]);
    const publicPort = io.portFromLink(pub[0]);
    const init = {
      filename,
      doEval,
      workerData: options.workerData,
      argv,
      env,
      execArgv,
      name: options.name ?? '',
      resourceLimits: limits,
      environmentData: require('internal/worker/thread').environmentData(),
      stdin: Boolean(options.stdin),
      cwd: process.cwd(),
    };
    try {
      port.postMessage(init, options.transferList);
    } catch (err) {
      port.close();
      publicPort.close();
      pub[1].close();
      ctl[1].close();
      throw err;
    }
    const handle = internalBinding('worker').create(pub[1], ctl[1],
                                                   (code) => this[kOnExit](code),
                                                   limits.stackSizeMb);
    this[kHandle] = handle;
    this[kPort] = port;
    this[kPublicPort] = publicPort;
    this.threadId = handle.threadId;
    port.on('message', (msg) => this[kOnMessage](msg));
    port.unref();
    publicPort.on('message', (value) => this.emit('message', value));
    publicPort.on('messageerror', (err) => this.emit('messageerror', err));
    publicPort.unref();

    streams();
    const stdout = new lazyReadable({ read() {} });
    const stderr = new lazyReadable({ read() {} });
    let stdin = null;
    if (options.stdin) {
      stdin = new lazyWritable({
        write(chunk, encoding, cb) {
          port.postMessage({ type: 'stdin', chunk, encoding });
          cb();
        },
        final(cb) {
          port.postMessage({ type: 'stdinEnd' });
          cb();
        },
      });
    }
    this[kStdio] = { stdout, stderr, stdin };
    if (!options.stdout) pipeWithoutWarning(stdout, process.stdout);
    if (!options.stderr) pipeWithoutWarning(stderr, process.stderr);
    const hooks = require('internal/async_hooks');
    if (hooks.hasHooks('init')) {
      const asyncId = hooks.newAsyncId();
      hooks.emitInit(asyncId, 'WORKER', hooks.executionAsyncId(), new WorkerResource(this));
    }
    process.emit('worker', this);
  }

  get stdout() { return this[kStdio].stdout; }
  get stderr() { return this[kStdio].stderr; }
  get stdin() { return this[kStdio].stdin; }

  get resourceLimits() {
    return this[kHandle] === null ? {} : { ...this[kLimits] };
  }

  get performance() {
    return {
      eventLoopUtilization() {
        return { idle: 0, active: 0, utilization: 0 };
      },
    };
  }

  [kOnMessage](msg) {
    switch (msg?.type) {
      case 'online':
        this.emit('online');
        break;
      case 'stdio': {
        const stream = this[kStdio][msg.name];
        for (const { chunk, encoding } of msg.chunks) stream.push(chunk, encoding);
        break;
      }
      case 'error': {
        let err = msg.error;
        if (msg.unserializable) {
          err = new ERR_WORKER_UNSERIALIZABLE_ERROR();
        } else if (msg.props !== undefined && err !== null && typeof err === 'object') {
          for (const key of Object.keys(msg.props)) {
            try { err[key] = msg.props[key]; } catch { /* read-only */ }
          }
        }
        this.emit('error', err);
        break;
      }
    }
  }

  [kOnExit](code) {
    io.drainPort(this[kPort]);
    io.drainPort(this[kPublicPort]);
    this[kHandle] = null;
    this.threadId = -1;
    this[kPort].close();
    this[kPublicPort].close();
    const { stdout, stderr, stdin } = this[kStdio];
    stdout.push(null);
    stderr.push(null);
    if (stdin !== null) stdin.destroy();
    try {
      this.emit('exit', code);
    } finally {
      this[kGone] = true;
    }
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }

  postMessage() {
    if (this[kHandle] === null) return;
    const port = this[kPublicPort];
    // The port counts the arguments (none is an error); no array per call.
    const n = arguments.length;
    if (n >= 2) port.postMessage(arguments[0], arguments[1]);
    else if (n === 1) port.postMessage(arguments[0]);
    else port.postMessage();
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
                          'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) return Promise.resolve();
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kHandle] === null) return Promise.resolve();
    const done = new Promise((resolve) => this.once('exit', resolve));
    // The promise must settle even for an unref'd worker.
    this[kHandle].ref();
    this[kHandle].terminate();
    return done;
  }

  ref() {
    if (this[kHandle] !== null) this[kHandle].ref();
  }

  unref() {
    if (this[kHandle] !== null) this[kHandle].unref();
  }

  getHeapSnapshot() {
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
    return Promise.reject(new ERR_METHOD_NOT_IMPLEMENTED('Worker.getHeapSnapshot'));
  }
}

module.exports = { Worker, SHARE_ENV };
