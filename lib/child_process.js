'use strict';
// node:child_process. The synchronous family (spawnSync, execSync,
// execFileSync) runs on a private loop in src/binding/spawn_sync.c. The
// asynchronous family lives in lib/internal/child_process.js.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
  },
  ErrnoException,
  genericNodeError,
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateFunction,
  validateObject,
  validateString,
  validateInt32,
  validateAbortSignal,
} = require('internal/validators');

const MAX_BUFFER = 1024 * 1024;
let signalsByName;
function signals() {
  signalsByName ??= require('os').constants.signals;
  return signalsByName;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number' && Object.values(signals()).includes(signal)) return signal;
  if (typeof signal === 'string') {
    const n = signals()[signal.toUpperCase()];
    if (n) return n;
  }
  const { codes: { ERR_UNKNOWN_SIGNAL } } = require('internal/errors');
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function signalName(num) {
  for (const [name, n] of Object.entries(signals())) if (n === num) return name;
  return null;
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (file.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'must be a string without null bytes');
  }
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) {
    if (typeof args[i] !== 'string' && args[i] !== undefined && args[i] !== null) {
      // node coerces via validateArgumentNullCheck; non-strings are invalid
    }
    if (typeof args[i] === 'string' && args[i].includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE(`args[${i}]`, args[i], 'must be a string without null bytes');
    }
  }
  // Copies with no prototype: options inherited from Object.prototype are ignored, as in node.
  if (options === undefined) {
    options = { __proto__: null };
  } else {
    validateObject(options, 'options');
    options = { __proto__: null, ...options };
  }

  let cwd = options.cwd;
  if (cwd != null) {
    if (typeof cwd === 'object' && cwd.href !== undefined) cwd = require('url').fileURLToPath(cwd);
    validateString(cwd, 'options.cwd');
    if (cwd.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE('options.cwd', cwd,
                                      'must be a string or Uint8Array without null bytes');
    }
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && options.uid !== (options.uid | 0)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && options.gid !== (options.gid | 0)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.shell != null && typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    if (options.argv0.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE('options.argv0', options.argv0,
                                      'must be a string without null bytes');
    }
  }
  if (typeof options.shell === 'string' && options.shell.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('options.shell', options.shell,
                                    'must be a string without null bytes');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  if (typeof options.argv0 === 'string') args.unshift(options.argv0);
  else args.unshift(file);

  const env = options.env || process.env;
  const envPairs = [];
  const envKeys = [];
  for (const key in env) envKeys.push(key);
  for (const key of envKeys) {
    const value = env[key];
    if (value !== undefined) {
      if (key.includes('\u0000') || String(value).includes('\u0000')) {
        throw new ERR_INVALID_ARG_VALUE('options.env', env, 'must be an object without null bytes');
      }
      envPairs.push(`${key}=${value}`);
    }
  }
  return { __proto__: null, ...options, args, cwd, detached: !!options.detached, envPairs, file,
    windowsHide: !!options.windowsHide };
}

function normalizeStdio(stdio, inputNeeded) {
  if (stdio === undefined || stdio === null) stdio = 'pipe';
  if (typeof stdio === 'string') {
    switch (stdio) {
      case 'ignore': case 'pipe': case 'inherit': case 'overlapped':
        stdio = [stdio, stdio, stdio];
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  stdio = stdio.slice();
  while (stdio.length < 3) stdio.push(undefined);
  return stdio.map((s, i) => {
    if (s == null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'pipe' || s === 'overlapped') {
      return { type: 'pipe', readable: i !== 0, writable: i === 0 };
    }
    if (s === 'ignore') return { type: 'ignore' };
    if (s === 'inherit') return { type: 'inherit' };
    if (typeof s === 'number') return { type: 'fd', fd: s };
    if (s === process.stdin) return { type: 'fd', fd: 0 };
    if (s === process.stdout) return { type: 'fd', fd: 1 };
    if (s === process.stderr) return { type: 'fd', fd: 2 };
    if (typeof s === 'object' && typeof s.fd === 'number') return { type: 'fd', fd: s.fd };
    if (s === 'ipc') throw require('internal/errors').codes.ERR_IPC_SYNC_FORK ?
      new (require('internal/errors').codes.ERR_IPC_SYNC_FORK)() : new Error('IPC');
    throw new ERR_INVALID_ARG_VALUE('stdio', s);
  });
}

function spawnSync(file, args, options) {
  options = {
    __proto__: null,
    maxBuffer: MAX_BUFFER,
    ...normalizeSpawnArguments(file, args, options),
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  if (options.killSignal == null) {
    options.killSignal = 15;
  } else if (typeof options.killSignal === 'string' || typeof options.killSignal === 'number') {
    options.killSignal = convertToValidSignal(options.killSignal);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], options.killSignal);
  }
  const stdio = normalizeStdio(options.stdio);
  if (options.input) {
    const { isArrayBufferView } = require('internal/util/types');
    let input = options.input;
    if (typeof input === 'string') {
      input = Buffer.from(input, options.encoding === 'buffer' ? undefined : options.encoding);
    } else if (!isArrayBufferView(input)) {
      throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    } else {
      // The binding reads bytes from Uint8Arrays; DataViews and wider arrays are viewed as bytes.
      input = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    }
    stdio[0] = { ...stdio[0], input };
  }
  for (let i = 0; i < stdio.length; i++) {
    const input = options.stdio && options.stdio[i] && options.stdio[i].input;
    if (input != null) stdio[i] = { ...stdio[i], input };
  }

  const result = internalBinding('spawn_sync').spawn({
    file: options.file,
    args: options.args,
    cwd: options.cwd,
    envPairs: options.envPairs,
    stdio,
    timeout: options.timeout ?? 0,
    maxBuffer: options.maxBuffer === Infinity ? 0 : options.maxBuffer,
    killSignal: options.killSignal,
    detached: options.detached,
    uid: options.uid,
    gid: options.gid,
  });

  if (result.output && options.encoding && options.encoding !== 'buffer') {
    result.output = result.output.map((o) => (o ? Buffer.from(o.buffer, o.byteOffset, o.byteLength)
      .toString(options.encoding) : o));
  } else if (result.output) {
    result.output = result.output.map((o) => (o ? Buffer.from(o.buffer, o.byteOffset, o.byteLength) : o));
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  if (result.signal !== null) result.signal = signalName(result.signal);
  if (result.error) {
    const code = result.error;
    result.error = new ErrnoException(code, 'spawnSync ' + options.file);
    result.error.path = options.file;
    result.error.spawnargs = options.args.slice(1);
  }
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = genericNodeError(msg, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const errArgs = [options.argv0 || file];
  errArgs.push(...(args || []));
  const err = checkExecSyncError(ret, errArgs);
  if (err) throw err;
  return ret.stdout;
}

function normalizeExecFileArgs(file, args, options) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    options = args;
    args = null;
  } else if (args != null && typeof args !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('args', args);
  }
  options = { __proto__: null, ...options };
  return { file, args, options };
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

let asyncImpl;
function lazyAsync() {
  asyncImpl ??= require('internal/child_process');
  return asyncImpl;
}

module.exports = {
  _forkChild(...args) { return lazyAsync()._forkChild(...args); },
  ChildProcess: undefined,
  exec(...args) { return lazyAsync().exec(...args); },
  execFile(...args) { return lazyAsync().execFile(...args); },
  execFileSync,
  execSync,
  fork(...args) { return lazyAsync().fork(...args); },
  spawn(...args) { return lazyAsync().spawn(...args); },
  spawnSync,
  // shared with lib/internal/child_process.js
  normalizeSpawnArguments,
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeStdio,
  convertToValidSignal,
  signalName,
  validateTimeout,
  validateMaxBuffer,
};
Object.defineProperty(module.exports, 'ChildProcess', {
  get() { return lazyAsync().ChildProcess; }, enumerable: true, configurable: true,
});
// util.promisify(exec) / (execFile) resolve to { stdout, stderr }.
for (const name of ['exec', 'execFile']) {
  Object.defineProperty(module.exports[name], Symbol.for('nodejs.util.promisify.custom'), {
    get() { return lazyAsync()[name][Symbol.for('nodejs.util.promisify.custom')]; },
    enumerable: false, configurable: true,
  });
}
// keep internals off the public surface
for (const k of ['normalizeSpawnArguments', 'normalizeExecArgs', 'normalizeExecFileArgs',
  'normalizeStdio', 'convertToValidSignal', 'signalName', 'validateTimeout',
  'validateMaxBuffer']) {
  Object.defineProperty(module.exports, k, { enumerable: false });
}
void validateArray; void validateFunction; void validateInt32; void validateAbortSignal;
void ERR_CHILD_PROCESS_STDIO_MAXBUFFER;
