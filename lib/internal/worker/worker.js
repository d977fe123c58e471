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

// Options node accepts in a worker's execArgv (its per-isolate and
// per-environment ones): true takes a value, false is a flag. The
// per-process ones (V8 flags, --title, --version...) are refused, as is any
// unknown option.
const kWorkerOptions = new Map([
  ['--no-warnings', false], ['--warnings', false], ['--no-deprecation', false],
  ['--throw-deprecation', false], ['--trace-deprecation', false],
  ['--pending-deprecation', false], ['--trace-warnings', false], ['--trace-uncaught', false],
  ['--unhandled-rejections', true], ['--conditions', true], ['-C', true], ['--require', true],
  ['-r', true], ['--import', true], ['--input-type', true], ['--preserve-symlinks', false],
  ['--preserve-symlinks-main', false], ['--enable-source-maps', false],
  ['--experimental-vm-modules', false], ['--no-experimental-fetch', false],
  ['--no-experimental-websocket', false], ['--experimental-default-type', true],
  ['--disable-warning', true], ['--experimental-require-module', false],
  ['--no-experimental-require-module', false], ['--no-addons', false],
  ['--no-global-search-paths', false], ['--experimental-wasm-modules', false],
  ['--experimental-loader', true], ['--loader', true], ['--experimental-specifier-resolution', true],
  ['--no-experimental-global-webcrypto', false], ['--experimental-permission', false],
  ['--max-http-header-size', true], ['--dns-result-order', true], ['--redirect-warnings', true],
  ['--experimental-shadow-realm', false], ['--experimental-strip-types', false],
  ['--no-experimental-strip-types', false], ['--experimental-transform-types', false],
  ['--network-family-autoselection', false], ['--no-network-family-autoselection', false],
  ['--network-family-autoselection-attempt-timeout', true], ['--env-file', true],
  ['--eval', true], ['-e', true], ['--print', true], ['-p', true], ['--check', false],
  ['-c', false], ['--interactive', false], ['-i', false], ['--test', false],
  ['--cpu-prof', false], ['--cpu-prof-name', true], ['--cpu-prof-interval', true],
  ['--heap-prof', false], ['--inspect', false], ['--inspect-brk', false],
  ['--expose-internals', false], ['--experimental-network-imports', false],
  ['--frozen-intrinsics', false], ['--experimental-detect-module', false],
  ['--no-experimental-detect-module', false], ['--experimental-global-navigator', false],
  ['--no-experimental-global-navigator', false], ['--experimental-websocket', false],
  ['--experimental-import-meta-resolve', false], ['--experimental-report', false],
  ['--report-on-signal', false], ['--experimental-eventsource', false],
  ['--experimental-sqlite', false], ['--experimental-webstorage', false],
  ['--trace-exit', false], ['--trace-sync-io', false], ['--trace-tls', false],
  ['--insecure-http-parser', false], ['--force-context-aware', false],
]);

const kNotInNodeOptions = new Set([
  '--eval', '-e', '--print', '-p', '--check', '-c', '--interactive', '-i', '--test',
  '--expose-internals',
]);

// node's check of a worker's execArgv (or NODE_OPTIONS, with fromEnv): the
// message for the first missing value, else the list of refused options.
function execArgvErrors(args, fromEnv) {
  const bad = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'string' || arg[0] !== '-' || arg === '-') continue;
    if (arg === '--') break;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const takesValue = kWorkerOptions.get(name.startsWith('--') ? name.replaceAll('_', '-') : name);
    if (takesValue === undefined || (fromEnv && kNotInNodeOptions.has(name))) {
      if (fromEnv) return [`${eq === -1 ? arg : `${name}=`} is not allowed in NODE_OPTIONS`];
      bad.push(arg);
      continue;
    }
    if (takesValue && eq === -1) {
      if (i + 1 >= args.length) return [`${name} requires an argument`];
      i++;
    }
  }
  return bad;
}

function checkExecArgv(execArgv) {
  const bad = execArgvErrors(execArgv, false);
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
    return handle == null ? true : handle.hasRef();
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
        doEval = 'url';
        filename = filename.href;
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
      if (typeof env.NODE_OPTIONS === 'string') {
        // split as at startup (src/rt/node_options.c)
        const words = internalBinding('process').splitNodeOptions(env.NODE_OPTIONS);
        const bad = execArgvErrors(words, true);
        if (bad.length > 0) {
          throw new ERR_WORKER_INVALID_EXEC_ARGV(bad, 'invalid NODE_OPTIONS env variable');
        }
      }
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

    // The worker's handle comes before its ports, as in node.
    const hooks = require('internal/async_hooks');
    if (hooks.hasHooks('init')) {
      const asyncId = hooks.newAsyncId();
      hooks.emitInit(asyncId, 'WORKER', hooks.executionAsyncId(), new WorkerResource(this));
    }
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
      trackUnmanagedFds: options.trackUnmanagedFds !== false,
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
                                                   (code, initError) => this[kOnExit](code, initError),
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

  [kOnExit](code, initError) {
    if (initError !== undefined) {
      const { codes: { ERR_WORKER_INIT_FAILED } } = require('internal/errors');
      this.emit('error', new ERR_WORKER_INIT_FAILED(initError));
    }
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
    if (this[kHandle] === null) return;
    this[kHandle].ref();
    this[kPublicPort].ref();
  }

  unref() {
    if (this[kHandle] === null) return;
    this[kHandle].unref();
    this[kPublicPort].unref();
  }

  getHeapSnapshot(options = {}) {
    require('internal/validators').validateObject(options, 'options');
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED, ERR_WORKER_NOT_RUNNING } } =
      require('internal/errors');
    if (this[kHandle] === null) return Promise.reject(new ERR_WORKER_NOT_RUNNING());
    // The engine has no heap snapshots in V8's format.
    return Promise.reject(new ERR_METHOD_NOT_IMPLEMENTED('Worker.getHeapSnapshot'));
  }
}

module.exports = { Worker, SHARE_ENV };
