'use strict';
// Runs once per process, before user code. Called by src/rt/bootstrap.c as
// (internalBinding, options) and returns the hooks the C side calls:
// tickCallback, callbackTrampoline, fatalException, unhandledRejection,
// emitBeforeExit, emitExit and runMain.

// ---- builtin modules: lib/ files compiled into the binary, loaded lazily ----
const builtins = internalBinding('builtins');
const builtinIds = builtins.list();
const builtinSet = new Set(builtinIds);
const builtinCache = new Map();
// ids that exist only for lib/'s own use
const kNotForUsers = new Set(['internal/bootstrap']);

function requireBuiltin(id) {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = builtins.compile(id);
  if (fn === undefined) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const mod = { exports: {}, id, loaded: false };
  builtinCache.set(id, mod);
  try {
    fn(mod.exports, requireBuiltin, mod, internalBinding);
  } catch (err) {
    builtinCache.delete(id);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

const BuiltinModule = {
  exists(id) { return builtinSet.has(id); },
  canBeRequiredByUsers(id) {
    return builtinSet.has(id) && !id.startsWith('internal/') && !kNotForUsers.has(id);
  },
  canBeRequiredWithoutScheme(id) {
    return this.canBeRequiredByUsers(id) && !kSchemeOnly.has(id);
  },
  getCanBeRequiredByUsersWithoutSchemeList() {
    return builtinIds.filter((id) => this.canBeRequiredWithoutScheme(id));
  },
  getSchemeOnlyModuleNames() { return [...kSchemeOnly]; },
  require: requireBuiltin,
  isLoaded(id) { return builtinCache.has(id); },
};
// Node only exposes these with the node: scheme.
const kSchemeOnly = new Set(['test', 'test/reporters', 'sqlite', 'sea']);
builtinCache.set('internal/bootstrap/realm', {
  exports: { BuiltinModule, options }, id: 'internal/bootstrap/realm', loaded: true,
});

// ---- the process object ----
const process = requireBuiltin('internal/process/object').createProcess(options);
Object.defineProperty(globalThis, 'process', {
  value: process, writable: true, enumerable: false, configurable: true,
});

// ---- task queues, timers, globals ----
const taskQueues = requireBuiltin('internal/process/task_queues');
taskQueues.setup(options.tickInfo);
requireBuiltin('internal/bootstrap/globals');
requireBuiltin('internal/process/warning').setup(options);

const execution = requireBuiltin('internal/process/execution');

function callbackTrampoline(fn, self, ...args) {
  const result = Reflect.apply(fn, self, args);
  taskQueues.runTicksIfAny();
  return result;
}

function emitBeforeExit() {
  if (process._exiting) return;
  const code = process.exitCode;
  process.emit('beforeExit', code === undefined ? 0 : Number(code) || 0);
}

function emitExit() {
  return execution.emitExitOnce(undefined);
}

function runMain() {
  requireBuiltin('internal/main/run').run(options);
}

return {
  tickCallback: taskQueues.processTicksAndRejections,
  callbackTrampoline,
  fatalException: execution.fatalException,
  unhandledRejection: taskQueues.onUnhandledRejection,
  emitBeforeExit,
  emitExit,
  runMain,
};
