'use strict';
// Builds the `process` object: an EventEmitter with node's properties and methods.

const EventEmitter = require('events');
const binding = internalBinding('process');

const kNodeVersion = '22.23.3';
const kCairnVersion = '0.1.0';

// process.env: the C object reads and writes the real environment; this Proxy
// adds node's rules for symbols, descriptors and value coercion.
function makeEnv(target, options) {
  let deprecationWarned = false;
  const checkValue = (value) => {
    if (!deprecationWarned && options.pendingDeprecation && typeof value !== 'string' &&
        typeof value !== 'number' && typeof value !== 'boolean') {
      deprecationWarned = true;
      process.emitWarning('Assigning any value other than a string, number, or boolean to a ' +
        'process.env property is deprecated. Please make sure to convert the value to a ' +
        'string before setting process.env with it.', 'DeprecationWarning', 'DEP0104');
    }
  };
  const {
    codes: { ERR_INVALID_OBJECT_DEFINE_PROPERTY },
  } = require('internal/errors');
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol') {
        return key === Symbol.toStringTag ? undefined : Reflect.get(Object.prototype, key);
      }
      return t[key];
    },
    set(t, key, value) {
      if (typeof key === 'symbol' || typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      checkValue(value);
      t[key] = `${value}`;
      return true;
    },
    has(t, key) {
      if (typeof key === 'symbol') return false;
      return key in t;
    },
    deleteProperty(t, key) {
      if (typeof key !== 'symbol') delete t[key];
      return true;
    },
    defineProperty(t, key, desc) {
      if (desc.get !== undefined || desc.set !== undefined) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      if (typeof key === 'symbol' || typeof desc.value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      t[key] = `${desc.value}`;
      return true;
    },
    ownKeys(t) {
      return Reflect.ownKeys(t).filter((k) => typeof k === 'string');
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key === 'symbol') return undefined;
      if (!Object.prototype.hasOwnProperty.call(t, key)) return undefined;
      return { value: t[key], writable: true, enumerable: true, configurable: true };
    },
  });
}

function deepFreeze(o) {
  for (const v of Object.values(o)) {
    if (v !== null && typeof v === 'object') deepFreeze(v);
  }
  return Object.freeze(o);
}

// process.dlopen(module, filename[, flags]): a file the system loader rejects gets its
// message, as in node ("x.node: file too short"); a loadable addon (or one that needs
// the Node-API's symbols) cannot run in cairn.
function dlopen(module, filename) {
  if (module === null || module === undefined) {
    throw new TypeError('Cannot convert undefined or null to object');
  }
  const msg = binding.dlopenProbe(`${filename}`);
  const err = new Error(msg !== null && !msg.includes('undefined symbol') ? msg :
    `Cannot load native addon '${filename}': cairn does not support Node-API addons yet`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
}

// process.noDeprecation and the like, set by their command-line option.
function defineFlag(process, name) {
  Object.defineProperty(process, name, {
    __proto__: null, value: true, writable: false, enumerable: true, configurable: true,
  });
}

function createProcess(options) {
  // process's prototype is a `process` object whose prototype is EventEmitter's.
  const proto = Object.create(EventEmitter.prototype, {
    constructor: { value: function process() {}, writable: true, configurable: true },
  });
  Object.defineProperty(proto.constructor, 'prototype', { value: proto });
  // As in node, the tag is process's own (an object made with process's
  // prototype is a plain [object Object]).
  const process = Object.create(proto, {
    [Symbol.toStringTag]: { value: 'process', writable: true },
  });
  EventEmitter.call(process);

  const execPath = binding.execPath;
  const rawArgv = binding.rawArgv;
  const versions = {
    node: kNodeVersion,
    cairn: kCairnVersion,
    acorn: '8.14.0',
    ada: '2.9.2',
    ares: '1.18.1',
    brotli: '1.0.9',
    cjs_module_lexer: '1.4.1',
    icu: '72.1',
    llhttp: '9.2.1',
    modules: '127',
    napi: '9',
    nghttp2: '1.64.0',
    openssl: binding.versions.openssl,
    simdjson: '3.10.1',
    simdutf: '5.6.1',
    tz: '2024b',
    undici: '6.21.0',
    unicode: '15.1',
    uv: binding.versions.uv,
    uvwasi: '0.0.21',
    v8: '12.4.254.21-node.21',
    zlib: binding.versions.zlib,
  };

  const define = (name, value, enumerable = true) => {
    Object.defineProperty(process, name, { value, writable: true, enumerable, configurable: true });
  };

  define('version', `v${kNodeVersion}`);
  define('versions', versions);
  define('arch', 'x64');
  define('platform', 'linux');
  define('release', {
    name: 'node',
    lts: 'Jod',
    sourceUrl: `https://nodejs.org/download/release/v${kNodeVersion}/node-v${kNodeVersion}.tar.gz`,
    headersUrl: `https://nodejs.org/download/release/v${kNodeVersion}/node-v${kNodeVersion}-headers.tar.gz`,
  });
  define('_rawDebug', (...args) => {
    internalBinding('tty').writeString(2, `${require('internal/util/inspect').format(...args)}\n`);
  }, false);
  define('moduleLoadList', [], false);
  define('binding', function binding(name) {
    return require('internal/process/legacy_binding').processBinding(name);
  }, false);
  define('_linkedBinding', process.binding, false);
  define('argv0', rawArgv[0]);
  define('execArgv', options.execArgv);
  define('execPath', execPath);
  define('env', makeEnv(binding.env, options));
  define('pid', binding.pid);
  define('title', undefined);
  Object.defineProperty(process, 'title', {
    get() { return binding.getTitle(); },
    set(v) { binding.setTitle(String(v)); },
    enumerable: true, configurable: true,
  });
  Object.defineProperty(process, 'ppid', {
    get() { return binding.getIds()[4]; }, enumerable: true, configurable: true,
  });
  define('debugPort', 9229);
  define('config', deepFreeze({
    target_defaults: {
      cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [],
    },
    variables: {
      asan: 0, coverage: false, host_arch: 'x64', icu_small: false, llvm_version: '0.0',
      napi_build_version: '9', node_builtin_shareable_builtins: [], node_byteorder: 'little',
      node_install_npm: true, node_module_version: 127, node_prefix: '/usr/local',
      node_shared: false, node_shared_openssl: true, node_shared_zlib: true,
      node_shared_libuv: true, node_use_openssl: 'true', node_use_v8_platform: true,
      openssl_is_fips: false, openssl_quic: false, shlib_suffix: 'so.127', target_arch: 'x64',
      v8_enable_i18n_support: 1, v8_enable_inspector: 0, v8_no_strict_aliasing: 1,
      v8_optimized_debug: 1, v8_promise_internal_field_count: 1, v8_use_siphash: 1,
      want_separate_host_toolset: 0,
    },
  }));
  define('features', {
    inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true,
    tls_ocsp: true, tls: true, cached_builtins: true, require_module: true,
    typescript: false,
  });
  // As in node, these exist only when their option was given, read-only then.
  if (options.noDeprecation) defineFlag(process, 'noDeprecation');
  if (options.throwDeprecation) defineFlag(process, 'throwDeprecation');
  if (options.traceDeprecation) defineFlag(process, 'traceDeprecation');
  define('_exiting', false, false);
  define('domain', null);
  define('dlopen', dlopen);

  Object.defineProperty(process, '_fatalException', {
    __proto__: null,
    value: (err) => require('internal/process/execution').fatalException(err),
    writable: true, enumerable: false, configurable: true,
  });
  const perThread = require('internal/process/per_thread');
  perThread.install(process, binding, options);

  if (options.title !== undefined) process.title = options.title;
  return process;
}

module.exports = { createProcess, defineFlag };
