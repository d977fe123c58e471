'use strict';
// The worker's side of a worker thread: run by the bootstrap before the
// entry. Reads the start-up message the parent queued, sets up parentPort,
// workerData, process.env/argv/execArgv, stdio that travels to the parent as
// messages, process.exit() that ends only this thread, and the reporting of
// an uncaught error to the parent (which emits it as the Worker's 'error').

const kEval = '[worker eval]';

let environment; // setEnvironmentData's Map, copied into each new worker
let state = null; // this thread's worker_threads values, in a worker

function environmentData() {
  return environment;
}

function getEnvironmentData(key) {
  return environment?.get(key);
}

function setEnvironmentData(key, value) {
  environment ??= new Map();
  if (value === undefined) environment.delete(key);
  else environment.set(key, value);
}

function workerState() {
  return state;
}

function setup(options) {
  const workerBinding = internalBinding('worker');
  const links = workerBinding.takeLinks();
  const io = require('internal/worker/io');
  const ctl = io.portFromLink(links[1]);
  const parentPort = io.portFromLink(links[0]);
  // FileHandles in workerData arrive before init says whether descriptors
  // are tracked.
  const serdes = require('internal/worker/serdes');
  const initFds = [];
  serdes.setFdTracking({ received(fd) { initFds.push(fd); }, sent() {} });
  const received = io.receiveMessageOnPort(ctl);
  serdes.setFdTracking(null);
  const init = received.message;
  if (init.environmentData !== undefined) environment = init.environmentData;
  state = {
    parentPort,
    workerData: init.workerData,
    threadId: workerBinding.threadId,
    resourceLimits: init.resourceLimits,
    name: init.name,
  };

  const post = (msg) => {
    try {
      ctl.postMessage(msg);
    } catch {
      // the parent is gone
    }
  };
  post.strict = (msg) => ctl.postMessage(msg);

  // process.env: a copy of the parent's (or, with SHARE_ENV, the real one).
  if (init.env !== 'share') {
    const target = { __proto__: null, ...init.env };
    const env = new Proxy(target, {
      set(t, key, value) {
        t[key] = `${value}`;
        return true;
      },
      defineProperty(t, key, desc) {
        if (!('value' in desc) || desc.configurable !== true || desc.writable !== true ||
            desc.enumerable !== true) {
          const { codes: { ERR_INVALID_OBJECT_DEFINE_PROPERTY } } = require('internal/errors');
          throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(
            '\'process.env\' only accepts a configurable, writable, and enumerable data ' +
            'descriptor');
        }
        t[key] = `${desc.value}`;
        return true;
      },
    });
    Object.defineProperty(process, 'env', {
      value: env, writable: true, enumerable: true, configurable: true,
    });
  }
  Object.defineProperty(process, 'execArgv', {
    value: init.execArgv, writable: true, enumerable: true, configurable: true,
  });
  applyExecArgv(options, init.execArgv);
  const { codes: { ERR_WORKER_UNSUPPORTED_OPERATION } } = require('internal/errors');
  for (const name of ['abort', 'chdir', 'send', 'disconnect', 'setuid', 'setgid', 'seteuid',
                      'setegid', 'setgroups', 'initgroups']) {
    const unsupported = function() {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
    };
    unsupported.disabled = true;
    Object.defineProperty(process, name, {
      value: unsupported, writable: true, enumerable: true, configurable: true,
    });
  }
  for (const name of ['channel', 'connected']) {
    Object.defineProperty(process, name, {
      get() { throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`); },
      enumerable: false, configurable: true,
    });
  }
  for (const name of ['_startProfilerIdleNotifier', '_stopProfilerIdleNotifier',
                      '_debugProcess', '_debugPause', '_debugEnd']) {
    delete process[name];
  }
  // The title and the debug port belong to the process: a worker cannot change them.
  for (const name of ['title', 'debugPort']) {
    const value = process[name];
    Object.defineProperty(process, name, {
      get() { return value; }, set() {}, enumerable: true, configurable: true,
    });
  }
  // process.cwd() is read once per chdir of the process (the main thread's):
  // a shared counter says when the cached value is stale.
  const rawCwd = process.cwd;
  const cwdGeneration = internalBinding('process').cwdGeneration();
  let cachedCwd;
  let cachedGeneration = -1;
  process.cwd = function cwd() {
    const generation = Atomics.load(cwdGeneration, 0);
    if (generation !== cachedGeneration) {
      cachedCwd = Reflect.apply(rawCwd, process, []);
      cachedGeneration = generation;
    }
    return cachedCwd;
  };
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) {
      const err = new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
      throw err;
    }
    return Reflect.apply(umask, process, []);
  };

  if (init.trackUnmanagedFds) trackUnmanagedFds(workerBinding, initFds);

  // stdio: chunks go to the parent, which pushes them into worker.stdout/err.
  const { Readable, Writable } = require('stream');
  const makeOut = (name) => new Writable({
    decodeStrings: false,
    writev(chunks, cb) {
      post({ type: 'stdio', name, chunks: chunks.map(({ chunk, encoding }) =>
        ({ chunk, encoding: typeof chunk === 'string' ? encoding : undefined })) });
      cb();
    },
  });
  const stdout = makeOut('stdout');
  const stderr = makeOut('stderr');
  stdout.isTTY = false;
  stderr.isTTY = false;
  stdout.fd = 1;
  stderr.fd = 2;
  // While the worker reads a stdin the parent provides, the internal port
  // keeps the thread alive until that stdin ends.
  let stdinOpen = Boolean(init.stdin);
  let stdinRefed = false;
  const stdin = new Readable({
    read() {
      if (stdinOpen && !stdinRefed) {
        stdinRefed = true;
        ctl.ref();
      }
    },
  });
  if (!init.stdin) stdin.push(null);
  process.stdout = stdout;
  process.stderr = stderr;
  process.stdin = stdin;

  // Fatal errors are printed by the runtime through tty.writeString(2): in a
  // worker they go to the parent as the Worker's 'error' instead.
  let fatal;
  let hasFatal = false;
  // Set once process.exit() (or a fatal error) ends the thread: what the
  // unwinding stirs up afterwards (an ES module's rejected evaluation) is not
  // reported.
  let exiting = false;
  const tty = internalBinding('tty');
  const writeString = tty.writeString;
  tty.writeString = function(fd, text) {
    if (fd === 1 || fd === 2) {
      if (!hasFatal && !exiting) post({ type: 'stdio', name: fd === 1 ? 'stdout' : 'stderr',
                            chunks: [{ chunk: `${text}`, encoding: 'utf8' }] });
      return;
    }
    return Reflect.apply(writeString, this, arguments);
  };
  process.on('uncaughtExceptionMonitor', (err) => {
    if (!exiting && process.listenerCount('uncaughtException') === 0) {
      hasFatal = true;
      fatal = err;
    }
  });
  require('internal/process/execution').setHandlerThrewHook((err) => {
    if (!exiting) {
      hasFatal = true;
      fatal = err;
    }
  });
  const processBinding = internalBinding('process');
  processBinding.reallyExit = function reallyExit(code) {
    exiting = true;
    if (hasFatal) {
      hasFatal = false;
      reportError(post, fatal);
    }
    workerBinding.exit(code);
  };

  ctl.on('message', (msg) => {
    if (msg?.type === 'stdin') stdin.push(msg.chunk, msg.encoding);
    else if (msg?.type === 'stdinEnd') {
      stdinOpen = false;
      stdin.push(null);
      if (stdinRefed) {
        stdinRefed = false;
        ctl.unref();
      }
    }
  });
  ctl.unref();

  if (init.doEval === 'url') {
    options.mainURL = init.filename;
    options.args = [kEval, ...init.argv];
  } else if (init.doEval) {
    options.eval = init.filename;
    options.evalName = kEval;
    options.args = [kEval, ...init.argv];
  } else {
    options.args = [init.filename, ...init.argv];
  }
  post({ type: 'online' });
}

const kValueOptions = {
  '__proto__': null,
  '--require': 'require',
  '-r': 'require',
  '--import': 'import',
  '--conditions': 'conditions',
  '-C': 'conditions',
  '--input-type': 'inputType',
  '--experimental-default-type': 'defaultType',
  '--unhandled-rejections': 'unhandledRejections',
};
const kListOptions = new Set(['require', 'import', 'conditions']);

// The options of the worker's execArgv (inherited from the parent's
// by default) take effect in the worker as in a process started with them.
function applyExecArgv(options, execArgv) {
  if (!Array.isArray(execArgv)) return;
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (typeof arg !== 'string') continue;
    switch (arg) {
      case '--no-warnings':
        if (!options.noWarnings) {
          options.noWarnings = true;
          process.removeListener('warning', require('internal/process/warning').onWarning);
        }
        break;
      case '--no-deprecation':
        require('internal/process/object').defineFlag(process, 'noDeprecation');
        break;
      case '--throw-deprecation':
        require('internal/process/object').defineFlag(process, 'throwDeprecation');
        break;
      case '--trace-deprecation':
        require('internal/process/object').defineFlag(process, 'traceDeprecation');
        break;
      case '--pending-deprecation':
        options.pendingDeprecation = true;
        break;
      case '--trace-warnings':
        options.traceWarnings = true;
        break;
      case '--preserve-symlinks':
        options.preserveSymlinks = true;
        break;
      case '--preserve-symlinks-main':
        options.preserveSymlinksMain = true;
        break;
      default: {
        // The options with a value that change how the worker loads code.
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg : arg.slice(0, eq);
        const key = kValueOptions[name];
        if (key !== undefined) {
          let v;
          if (eq !== -1) v = arg.slice(eq + 1);
          else if (i + 1 < execArgv.length) v = `${execArgv[++i]}`;
          if (v === undefined) break;
          if (kListOptions.has(key)) (options[key] ??= []).push(v);
          else options[key] = v;
          break;
        }
        let value;
        if (arg === '--disable-warning' && i + 1 < execArgv.length) value = execArgv[++i];
        else if (arg.startsWith('--disable-warning=')) value = arg.slice(18);
        if (value !== undefined) (options.disableWarning ??= []).push(`${value}`);
      }
    }
  }
}

// trackUnmanagedFds: what fs.open()/openSync() open the worker closes when it
// ends; an fd opened twice or closed without being opened gets a warning.
// initFds: descriptors of FileHandles that came with the worker's init.
function trackUnmanagedFds(workerBinding, initFds) {
  const fsBinding = internalBinding('fs');
  const open = fsBinding.open;
  const close = fsBinding.close;
  const opened = (fd) => {
    if (typeof fd === 'number' && !workerBinding.trackFd(fd)) {
      process.emitWarning(`File descriptor ${fd} opened in unmanaged mode twice`);
    }
  };
  fsBinding.open = function(path, flags, mode, callback) {
    if (typeof callback === 'function') {
      return Reflect.apply(open, this, [path, flags, mode, (err, fd) => {
        if (!err) opened(fd);
        callback(err, fd);
      }]);
    }
    const fd = Reflect.apply(open, this, arguments);
    opened(fd);
    return fd;
  };
  fsBinding.close = function(fd) {
    if (typeof fd === 'number' && !workerBinding.untrackFd(fd)) {
      process.emitWarning(`File descriptor ${fd} closed but not opened in unmanaged mode`);
    }
    return Reflect.apply(close, this, arguments);
  };
  // Transferred FileHandles: the receiver owns the descriptor.
  for (const fd of initFds) workerBinding.trackFd(fd);
  require('internal/worker/serdes').setFdTracking({
    received(fd) { workerBinding.trackFd(fd); },
    sent(fd) { workerBinding.untrackFd(fd); },
  });
}

function reportError(post, err) {
  let props;
  if (err !== null && typeof err === 'object') {
    props = {};
    for (const key of Object.keys(err)) {
      try {
        const v = err[key];
        if (typeof v !== 'function' && typeof v !== 'symbol') props[key] = v;
      } catch {
        // a throwing getter: leave it out
      }
    }
  }
  try {
    post.strict({ type: 'error', error: err, props });
  } catch {
    try {
      post.strict({ type: 'error', error: err });
    } catch {
      post({ type: 'error', unserializable: true });
    }
  }
}

module.exports = {
  setup,
  workerState,
  environmentData,
  getEnvironmentData,
  setEnvironmentData,
};
