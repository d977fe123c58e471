'use strict';
// process.binding(name): node's deprecated window onto its internal bindings.
// cairn's bindings are not node's, so only the legacy surface that packages
// and node's tests read is offered: util's type checks, uv's error names and
// constants; the other allowed names give an empty object, anything else
// throws like node.

const allowed = new Set(['async_wrap', 'buffer', 'cares_wrap', 'config', 'constants',
  'contextify', 'crypto', 'fs', 'fs_event_wrap', 'http_parser', 'icu', 'inspector',
  'js_stream', 'natives', 'os', 'pipe_wrap', 'process_wrap', 'signal_wrap',
  'spawn_sync', 'stream_wrap', 'tcp_wrap', 'tls_wrap', 'tty_wrap', 'udp_wrap', 'url',
  'util', 'uv', 'v8', 'zlib']);
const legacyUtilKeys = ['isAnyArrayBuffer', 'isArrayBuffer', 'isArrayBufferView',
  'isAsyncFunction', 'isDataView', 'isDate', 'isExternal', 'isMap', 'isMapIterator',
  'isNativeError', 'isPromise', 'isRegExp', 'isSet', 'isSetIterator', 'isTypedArray',
  'isUint8Array'];
const cache = new Map();

function make(name) {
  switch (name) {
    case 'util': {
      const types = require('internal/util/types');
      const out = {};
      for (const key of legacyUtilKeys) out[key] = types[key];
      return out;
    }
    case 'uv':
    case 'http_parser':
      return internalBinding(name);
    case 'constants':
      return { os: require('os').constants, fs: require('fs').constants };
    default:
      return {};
  }
}

function processBinding(name) {
  name = `${name}`;
  if (!allowed.has(name)) {
    const err = new Error(`No such module: ${name}`);
    err.code = 'ERR_INVALID_MODULE';
    throw err;
  }
  const { options } = require('internal/bootstrap/realm');
  if (options.pendingDeprecation) {
    process.emitWarning('process.binding() is deprecated. Please use public APIs instead.',
                        'DeprecationWarning', 'DEP0111');
  }
  let b = cache.get(name);
  if (b === undefined) {
    b = make(name);
    cache.set(name, b);
  }
  return b;
}

module.exports = { processBinding };
