'use strict';
// util.debuglog: section loggers switched on by the NODE_DEBUG environment
// variable (comma-separated names, `*` wildcards, case-insensitive).

let debugEnvRegExp;
let debugEnvOverride;
function testEnabled(section) {
  if (debugEnvRegExp === undefined) {
    const env = debugEnvOverride !== undefined ? debugEnvOverride : process.env.NODE_DEBUG;
    if (env) {
      const pattern = env.split(',')
        .map((s) => s.trim().replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*'))
        .join('|');
      debugEnvRegExp = new RegExp(`^(${pattern})$`, 'i');
    } else {
      debugEnvRegExp = null;
    }
  }
  return debugEnvRegExp !== null && debugEnvRegExp.test(section);
}

function noop() {}

const impls = { __proto__: null };

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  }
  try {
    return stream?.isTTY === true &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  } catch {
    return false;
  }
}

function makeImpl(enabled, section) {
  if (impls[section] === undefined) {
    if (enabled) {
      const pid = process.pid;
      impls[section] = function debug(...args) {
        const { formatWithOptions, inspect, format } = require('internal/util/inspect');
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        process.stderr.write(format('%s %s: %s\n', section, inspect(pid, { colors }), msg));
      };
    } else {
      impls[section] = noop;
    }
  }
  return impls[section];
}

// Returns a logger for `section`; the environment is read on first use, and
// cb (if given) receives the real logging function then.
function debuglog(section, cb) {
  let enabled;
  let initialized = false;
  function init() {
    if (!initialized) {
      initialized = true;
      section = `${section}`.toUpperCase();
      enabled = testEnabled(section);
    }
  }
  let debug = (...args) => {
    init();
    debug = makeImpl(enabled, section);
    if (typeof cb === 'function') cb(debug);
    return Reflect.apply(debug, undefined, args);
  };
  const logger = (...args) => Reflect.apply(debug, undefined, args);
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() {
      init();
      return enabled;
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  debuglog,
  // Re-reads NODE_DEBUG (for tests that change it).
  initializeDebugEnv(value) {
    debugEnvOverride = value;
    debugEnvRegExp = undefined;
  },
};
