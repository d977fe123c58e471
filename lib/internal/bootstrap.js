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

function requireBuiltin(id) {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = builtins.compile(id);
  if (fn === undefined) {
    const err = kPublicBuiltins.has(id) || kSchemeOnly.has(id) ?
      new Error(`cairn does not implement node:${id} yet`) :
      new Error(`No such built-in module: ${id}`);
    err.code = kPublicBuiltins.has(id) || kSchemeOnly.has(id) ?
      'ERR_NOT_IMPLEMENTED' : 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const mod = { exports: {}, id, loaded: false };
  builtinCache.set(id, mod);
  try {
    fn(mod.exports, requireBuiltin, mod, libInternalBinding);
  } catch (err) {
    builtinCache.delete(id);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

// node 22's public builtin modules; the ones cairn does not have yet still
// count as builtins (require() then says they are not implemented).
// internalBinding() as lib/ sees it: the constructors of handles the loop
// calls back into make objects that remember their async frame
// (internal/async_context stampingConstructor).
// Bindings whose functions take a completion callback last and call it from
// the loop with no handle (crypto jobs, one-shot zlib) get it bound to the
// caller's frame.
const kStampedConstructors = {
  __proto__: null,
  stream_wrap: ['Pipe', 'TTY', 'TCP'],
  udp_wrap: ['UDP', 'SendWrap'],
  process_wrap: ['Process'],
  zlib: ['Zlib', 'BrotliEncoder', 'BrotliDecoder'],
  cares_wrap: ['ChannelWrap'],
  crypto: [],
};
const kBindsLastCallback = new Set(['crypto', 'zlib']);
const libBindings = new Map();
function libInternalBinding(name) {
  const names = kStampedConstructors[name];
  if (names === undefined) return internalBinding(name);
  let view = libBindings.get(name);
  if (view === undefined) {
    const asyncContext = requireBuiltin('internal/async_context');
    const binding = internalBinding(name);
    view = Object.create(binding);
    for (const key of names) {
      // Handle constructors are callable only with new (typeof 'object').
      if (binding[key] !== undefined) {
        Object.defineProperty(view, key, {
          value: asyncContext.stampingConstructor(binding[key]),
        });
      }
    }
    if (kBindsLastCallback.has(name)) {
      for (const key of Object.getOwnPropertyNames(binding)) {
        const fn = binding[key];
        if (typeof fn !== 'function' || names.includes(key)) continue;
        Object.defineProperty(view, key, {
          value: function(...args) {
            const last = args.length - 1;
            if (last >= 0 && typeof args[last] === 'function') {
              args[last] = asyncContext.bindLoopCallback(args[last]);
            }
            return Reflect.apply(fn, binding, args);
          },
        });
      }
    }
    libBindings.set(name, view);
  }
  return view;
}

const kPublicBuiltins = new Set(('_http_agent _http_client _http_common _http_incoming ' +
  '_http_outgoing _http_server _stream_duplex _stream_passthrough _stream_readable ' +
  '_stream_transform _stream_wrap _stream_writable _tls_common _tls_wrap assert ' +
  'assert/strict async_hooks buffer child_process cluster console constants crypto dgram ' +
  'diagnostics_channel dns dns/promises domain events fs fs/promises http http2 https ' +
  'inspector inspector/promises module net os path path/posix path/win32 perf_hooks ' +
  'process punycode querystring readline readline/promises repl stream stream/consumers ' +
  'stream/promises stream/web string_decoder sys timers timers/promises tls trace_events ' +
  'tty url util util/types v8 vm wasi worker_threads zlib').split(' '));
// Node only exposes these with the node: scheme.
const kSchemeOnly = new Set(['sea', 'sqlite', 'test', 'test/reporters']);

// --expose-internals: require('internal/...') loads cairn's own internal modules (their
// exports are cairn's, which only sometimes match node's).
const exposedInternal = (id) => options.exposeInternals === true &&
  id.startsWith('internal/') && (builtinSet.has(id) || builtinCache.has(id));

const BuiltinModule = {
  exists(id) { return builtinSet.has(id); },
  canBeRequiredByUsers(id) {
    return kPublicBuiltins.has(id) || kSchemeOnly.has(id) || exposedInternal(id);
  },
  canBeRequiredWithoutScheme(id) { return kPublicBuiltins.has(id) || exposedInternal(id); },
  getCanBeRequiredByUsersWithoutSchemeList() { return [...kPublicBuiltins]; },
  getSchemeOnlyModuleNames() { return [...kSchemeOnly]; },
  require: requireBuiltin,
  isLoaded(id) { return builtinCache.has(id); },
};
builtinCache.set('internal/bootstrap/realm', {
  exports: { BuiltinModule, options }, id: 'internal/bootstrap/realm', loaded: true,
});

// ---- engine fix-ups, before any other code runs ----
const errorStack = requireBuiltin('internal/error_stack');
errorStack.install(options.stackTraceLimit);
Object.defineProperty(globalThis, Symbol.toStringTag, {
  __proto__: null, value: 'global', writable: false, enumerable: false, configurable: true,
});
if (typeof Symbol.dispose !== 'symbol') {
  Object.defineProperty(Symbol, 'dispose', { value: Symbol('Symbol.dispose') });
}
if (typeof Symbol.asyncDispose !== 'symbol') {
  Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol('Symbol.asyncDispose') });
}

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

const asyncContext = requireBuiltin('internal/async_context');
function callbackTrampoline(fn, self, ...args) {
  // a callback from the loop runs in the frame its handle or request was made
  // in (no AsyncLocalStorage store when it has none)
  asyncContext.enter(asyncContext.frameOf(self));
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
  return execution.emitNaturalExit();
}

function runMain() {
  // The main script runs as async id 1 (node's bootstrap resource).
  asyncContext.enter(null, 1, 0);
  if (options.worker !== undefined) {
    // a worker_threads thread: its start-up message decides what runs
    requireBuiltin('internal/worker/thread').setup(options);
  } else if (process.env.NODE_CHANNEL_FD !== undefined) {
    // started by child_process.fork(): the IPC channel to the parent
    requireBuiltin('internal/child_process/ipc_child').setupChildIpc();
  }
  // NODE_PRESERVE_SYMLINKS=1 means --preserve-symlinks (a worker reads its own env),
  // read before the module loaders first load.
  if (process.env.NODE_PRESERVE_SYMLINKS === '1') options.preserveSymlinks = true;
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
  fixErrorStack: errorStack.fixStack,
};
