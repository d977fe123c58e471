// An ES module test file: static and dynamic imports, namespaces, live
// bindings, top-level await and require() of ES modules from one process.
import assert from 'node:assert';
import { createRequire } from 'node:module';
import * as counter from './fixtures/esm/live/counter.mjs';
import { count, inc } from './fixtures/esm/live/counter.mjs';

assert.strictEqual(count, 0);
inc();
assert.strictEqual(count, 1);
assert.strictEqual(counter.count, 1);
assert.strictEqual(Object.prototype.toString.call(counter), '[object Module]');

const again = await import('./fixtures/esm/live/counter.mjs');
assert.strictEqual(again, counter);

const require = createRequire(import.meta.url);
const required = require('./fixtures/esm/live/counter.mjs');
assert.strictEqual(required, counter);
assert.strictEqual(typeof require('./fixtures/esm/interop/fn.cjs'), 'function');

const json = await import('./fixtures/esm/interop/data.json', { with: { type: 'json' } });
assert.deepStrictEqual(json.default.list, [1, 2]);
await assert.rejects(import('./fixtures/esm/interop/data.json'),
                     { code: 'ERR_IMPORT_ATTRIBUTE_MISSING' });
assert.strictEqual(import.meta.filename.endsWith('test-esm-in-process.mjs'), true);
