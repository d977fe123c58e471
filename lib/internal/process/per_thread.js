'use strict';
// The methods of `process`: ids, time, resources, signals, exiting.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
    ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET,
  },
  ErrnoException,
} = require('internal/errors');
const {
  validateNumber,
  validateObject,
  validateFunction,
  parseFileMode,
  validateInteger,
  validateUint32,
  validateArray,
} = require('internal/validators');

let captureCallback = null;
// Whether process.stdin/stdout/stderr was ever read or replaced: until then the
// global console may write to the descriptor directly, without loading streams.
const stdioTouched = [false, false, false];
function isStdioPristine(fd) {
  return !stdioTouched[fd];
}

// What process._getActiveRequests() lists for a queued file-system call.
class FSReqCallback {}

function processAssert(value, message) {
  if (!value) {
    const err = new Error(message || 'assertion error');
    err.code = 'ERR_ASSERTION';
    throw err;
  }
}

function install(process, binding, options) {
  const method = (name, fn) => {
    Object.defineProperty(process, name, {
      value: fn, writable: true, enumerable: true, configurable: true,
    });
  };

  method('cwd', function cwd() { return binding.cwd(); });
  method('chdir', function chdir(directory) {
    if (typeof directory !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('directory', 'string', directory);
    }
    binding.chdir(directory);
  });
  method('umask', function umask(mask) {
    if (mask === undefined) return binding.umask(undefined);
    mask = parseFileMode(mask, 'mask');
    return binding.umask(mask);
  });

  function hrtime(time) {
    const ns = binding.hrtime();
    const sec = Math.floor(ns / 1e9);
    const nsec = ns - sec * 1e9;
    if (time !== undefined) {
      if (!Array.isArray(time)) throw new ERR_INVALID_ARG_TYPE('time', 'Array', time);
      if (time.length !== 2) throw new ERR_OUT_OF_RANGE('time', 2, time.length);
      let s = sec - time[0];
      let n = nsec - time[1];
      if (n < 0) { s -= 1; n += 1e9; }
      return [s, n];
    }
    return [sec, nsec];
  }
  hrtime.bigint = function bigint() { return binding.hrtimeBigInt(); };
  method('hrtime', hrtime);

  const startNs = binding.hrtime();
  method('uptime', function uptime() { return (binding.hrtime() - startNs) / 1e9; });

  function memoryUsage() { return binding.memoryUsage(); }
  memoryUsage.rss = function rss() { return binding.rss(); };
  method('memoryUsage', memoryUsage);

  method('cpuUsage', function cpuUsage(prevValue) {
    const r = binding.resourceUsage();
    if (prevValue) {
      validateObject(prevValue, 'prevValue');
      validateUsage(prevValue.user, 'prevValue.user');
      validateUsage(prevValue.system, 'prevValue.system');
      return { user: r[0] - prevValue.user, system: r[1] - prevValue.system };
    }
    return { user: r[0], system: r[1] };
  });
  method('resourceUsage', function resourceUsage() {
    const r = binding.resourceUsage();
    return {
      userCPUTime: r[0], systemCPUTime: r[1], maxRSS: r[2], sharedMemorySize: r[3],
      unsharedDataSize: r[4], unsharedStackSize: r[5], minorPageFault: r[6],
      majorPageFault: r[7], swappedOut: r[8], fsRead: r[9], fsWrite: r[10],
      ipcSent: r[11], ipcReceived: r[12], signalsCount: r[13],
      voluntaryContextSwitches: r[14], involuntaryContextSwitches: r[15],
    };
  });
  method('constrainedMemory', function constrainedMemory() { return binding.constrainedMemory(); });
  method('availableMemory', function availableMemory() { return require('os').freemem(); });

  const ids = () => binding.getIds();
  method('getuid', function getuid() { return ids()[0]; });
  method('geteuid', function geteuid() { return ids()[1]; });
  method('getgid', function getgid() { return ids()[2]; });
  method('getegid', function getegid() { return ids()[3]; });
  method('getgroups', function getgroups() {
    // like node: the effective gid is always in the list
    const groups = binding.getGroups();
    const egid = ids()[3];
    if (!groups.includes(egid)) groups.push(egid);
    return groups;
  });

  const { ERR_UNKNOWN_CREDENTIAL } = require('internal/errors').codes;
  function validateId(id, name) {
    if (typeof id === 'number') {
      validateUint32(id, name);
    } else if (typeof id !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
    }
  }
  const setter = (which, label) => function(id) {
    validateId(id, 'id');
    const r = binding.setId(which, id);
    if (r === 1) throw new ERR_UNKNOWN_CREDENTIAL(label, id);
    if (r < 0) throw credentialError(r, `set${which}`);
  };
  // node's message for these: "EPERM, Operation not permitted"
  function credentialError(err, syscall) {
    const uv = internalBinding('uv');
    const code = uv.errName(err);
    const e = new Error(`${code}, ${uv.errMessage(err)}`);
    e.errno = err;
    e.code = code;
    e.syscall = syscall;
    return e;
  }
  method('setuid', setter('uid', 'User'));
  method('seteuid', setter('euid', 'User'));
  method('setgid', setter('gid', 'Group'));
  method('setegid', setter('egid', 'Group'));
  method('setgroups', function setgroups(groups) {
    validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const r = binding.setGroups(groups);
    if (r > 0) throw new ERR_UNKNOWN_CREDENTIAL('Group', groups[r - 1]);
    if (r < 0) throw credentialError(r, 'setgroups');
  });
  method('initgroups', function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    const r = binding.initGroups(user, extraGroup);
    if (r === 1) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
    if (r === 2) throw new ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
    if (r < 0) throw credentialError(r, 'initgroups');
  });

  method('kill', function kill(pid, sig) {
    if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let signal;
    if (sig === (sig | 0)) {
      signal = sig;
    } else if (sig === undefined) {
      signal = 15;
    } else if (typeof sig === 'string') {
      signal = require('os').constants.signals[sig];
      if (signal === undefined) throw new ERR_UNKNOWN_SIGNAL(sig);
    } else {
      throw new ERR_UNKNOWN_SIGNAL(sig);
    }
    const err = process._kill(pid, signal);
    if (err) throw new ErrnoException(err, 'kill');
    return true;
  });

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        validateInteger(value, 'code');
      }
      exitCode = code;
    },
    enumerable: true, configurable: false,
  });

  method('exit', function exit(code) {
    if (code !== undefined) process.exitCode = code;
    require('internal/process/execution').emitExitOnce(undefined);
    process.reallyExit(toExitCode(process.exitCode));
  });
  method('reallyExit', function reallyExit(code) { binding.reallyExit(toExitCode(code)); });
  // like node's, abort() is not a constructor
  method('abort', { abort() { binding.abort(); } }.abort);
  method('_kill', function _kill(pid, sig) { return binding.kill(pid, sig); });

  method('setUncaughtExceptionCaptureCallback', function setUncaughtExceptionCaptureCallback(fn) {
    if (fn === null) {
      captureCallback = null;
      return;
    }
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
    if (captureCallback !== null) throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
    captureCallback = fn;
  });
  method('hasUncaughtExceptionCaptureCallback', function hasUncaughtExceptionCaptureCallback() {
    return captureCallback !== null;
  });

  method('emitWarning', function emitWarning(...args) {
    return require('internal/process/warning').emitWarning(...args);
  });
  method('nextTick', require('internal/process/task_queues').nextTick);

  method('_getActiveHandles', function _getActiveHandles() {
    return require('internal/stream_base').getActiveHandles();
  });
  // File-system calls queued on the thread pool, as node's FSReqCallback objects.
  const fsRequests = () => {
    const n = internalBinding('fs').pendingRequests();
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = new FSReqCallback();
    return out;
  };
  method('_getActiveRequests', function _getActiveRequests() { return fsRequests(); });
  method('getActiveResourcesInfo', function getActiveResourcesInfo() {
    const requests = fsRequests().map((r) => r.constructor.name);
    const handles = require('internal/bootstrap/realm').BuiltinModule.isLoaded('internal/stream_base') ?
      require('internal/stream_base').getActiveHandlesInfo() : [];
    const timers = require('internal/bootstrap/realm').BuiltinModule.isLoaded('internal/timers') ?
      require('internal/timers').getActiveResources() : [];
    return [...requests, ...handles, ...timers];
  });
  let deprecatedAssert;
  method('assert', function deprecated(value, message) {
    deprecatedAssert ??= require('internal/util').deprecate(processAssert,
      'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100');
    return deprecatedAssert(value, message);
  });
  method('setSourceMapsEnabled', function setSourceMapsEnabled(val) {
    if (typeof val !== 'boolean') throw new ERR_INVALID_ARG_TYPE('val', 'boolean', val);
  });
  method('getBuiltinModule', function getBuiltinModule(id) {
    return require('internal/modules/cjs/loader').getBuiltinModule(id);
  });
  method('loadEnvFile', function loadEnvFile(path = '.env') {
    require('internal/process/env_file').loadEnvFile(path);
  });

  let allowed;
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    get() {
      allowed ??= require('internal/process/env_flags').createAllowedFlags();
      return allowed;
    },
    set(v) {
      Object.defineProperty(this, 'allowedNodeEnvironmentFlags', {
        __proto__: null, value: v, configurable: true, enumerable: true, writable: true,
      });
    },
    enumerable: true, configurable: true,
  });

  // stdio streams are created on first use.
  const stdio = (name, fd) => {
    let stream;
    Object.defineProperty(process, name, {
      get() {
        stdioTouched[fd] = true;
        stream ??= require('internal/process/stdio').create(fd);
        return stream;
      },
      set(v) {
        stdioTouched[fd] = true;
        stream = v;
      },
      enumerable: true, configurable: true,
    });
  };
  method('openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });
  stdio('stdout', 1);
  stdio('stderr', 2);
  stdio('stdin', 0);

  // Signals: listeners for SIGINT etc. start a libuv signal watcher.
  require('internal/process/signal').install(process);
}

function validateUsage(v, name) {
  if (typeof v !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', v);
  if (!Number.isFinite(v) || v < 0) throw new ERR_INVALID_ARG_VALUE.RangeError(name, v);
}

function toExitCode(code) {
  if (code === undefined || code === null) return 0;
  return Number(code) | 0;
}

function getCaptureCallback() { return captureCallback; }

module.exports = { install, getCaptureCallback, toExitCode, isStdioPristine };
