'use strict';
// v8.getHeapStatistics and friends give node's fields with plausible numbers.
require('./common');
const assert = require('node:assert');
const v8 = require('node:v8');

const stats = v8.getHeapStatistics();
for (const key of ['total_heap_size', 'total_heap_size_executable', 'total_physical_size',
  'total_available_size', 'used_heap_size', 'heap_size_limit', 'malloced_memory',
  'peak_malloced_memory', 'does_zap_garbage', 'number_of_native_contexts',
  'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
  'external_memory']) {
  assert.strictEqual(typeof stats[key], 'number', key);
}
assert.ok(stats.used_heap_size > 0);
assert.ok(stats.heap_size_limit > stats.used_heap_size);

const spaces = v8.getHeapSpaceStatistics();
assert.ok(Array.isArray(spaces));
assert.ok(spaces.some((s) => s.space_name === 'old_space'));
for (const s of spaces) {
  assert.deepStrictEqual(Object.keys(s), ['space_name', 'space_size', 'space_used_size',
    'space_available_size', 'physical_space_size']);
}

assert.strictEqual(v8.cachedDataVersionTag(), v8.cachedDataVersionTag());
assert.strictEqual(typeof v8.cachedDataVersionTag(), 'number');
v8.setFlagsFromString('--allow-natives-syntax');
assert.throws(() => v8.setFlagsFromString(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.ok(!v8.startupSnapshot.isBuildingSnapshot());
assert.throws(() => v8.startupSnapshot.addSerializeCallback(() => {}), {
  code: 'ERR_NOT_BUILDING_SNAPSHOT',
});
assert.strictEqual(typeof v8.promiseHooks.onInit(() => {}), 'function');
const profiler = new v8.GCProfiler();
profiler.start();
const result = profiler.stop();
assert.strictEqual(result.version, 1);
assert.ok(Array.isArray(result.statistics));
