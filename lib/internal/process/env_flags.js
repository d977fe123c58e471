'use strict';
// process.allowedNodeEnvironmentFlags: the flags NODE_OPTIONS may carry
// (src/main.c accepts them), as a frozen read-only Set whose has() accepts
// node's spellings: with or without leading dashes, `_` for `-`, `=value`.

// Keep in step with the option table in src/main.c (minus what NODE_OPTIONS refuses).
const kFlags = [
  '--abort-on-uncaught-exception', '--conditions', '-C', '--disable-warning',
  '--dns-result-order', '--enable-source-maps', '--env-file', '--experimental-default-type',
  '--experimental-require-module', '--experimental-vm-modules', '--expose-gc', '--import',
  '--input-type', '--interpreted-frames-native-stack', '--max-http-header-size',
  '--max-old-space-size', '--max-semi-space-size', '--network-family-autoselection',
  '--network-family-autoselection-attempt-timeout', '--no-addons', '--no-deprecation',
  '--no-experimental-fetch', '--no-experimental-global-webcrypto',
  '--no-experimental-require-module', '--no-global-search-paths',
  '--no-network-family-autoselection', '--no-warnings', '--pending-deprecation',
  '--perf-basic-prof', '--perf-basic-prof-only-functions', '--perf-prof',
  '--perf-prof-unwinding-info', '--preserve-symlinks', '--preserve-symlinks-main',
  '--redirect-warnings', '--require', '-r', '--stack-size', '--stack-trace-limit',
  '--throw-deprecation', '--title', '--trace-deprecation', '--trace-uncaught',
  '--trace-warnings', '--unhandled-rejections', '--zero-fill-buffers',
];

const kInternal = Symbol('kInternal');
const leadingDashes = /^--?/;
const trailingValue = /=.*$/;

class NodeEnvironmentFlagsSet extends Set {
  constructor(array) {
    super();
    this[kInternal] = { array };
  }

  add() {
    return this;
  }

  delete() {
    return false;
  }

  clear() {}

  has(key) {
    if (typeof key !== 'string') return false;
    key = key.replace(/_/g, '-');
    const { array } = this[kInternal];
    if (leadingDashes.test(key)) {
      key = key.replace(trailingValue, '');
      return array.includes(key);
    }
    return array.includes(`-${key}`) || array.includes(`--${key}`);
  }

  entries() {
    return this[kInternal].array.map((v) => [v, v])[Symbol.iterator]();
  }

  forEach(callback, thisArg = undefined) {
    for (const v of this[kInternal].array) Reflect.apply(callback, thisArg, [v, v, this]);
  }

  get size() {
    return this[kInternal].array.length;
  }

  values() {
    return this[kInternal].array[Symbol.iterator]();
  }
}
NodeEnvironmentFlagsSet.prototype.keys = NodeEnvironmentFlagsSet.prototype.values;
NodeEnvironmentFlagsSet.prototype[Symbol.iterator] = NodeEnvironmentFlagsSet.prototype.values;

function createAllowedFlags() {
  const set = new NodeEnvironmentFlagsSet(kFlags.slice());
  Object.freeze(set[kInternal].array);
  Object.freeze(set[kInternal]);
  return Object.freeze(set);
}

module.exports = { createAllowedFlags };
