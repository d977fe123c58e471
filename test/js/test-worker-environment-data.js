'use strict';
// setEnvironmentData values are copied into workers created afterwards.
const common = require('./common');
const assert = require('node:assert');
const { Worker, setEnvironmentData, getEnvironmentData } = require('node:worker_threads');

setEnvironmentData('key', { v: 1 });
assert.deepStrictEqual(getEnvironmentData('key'), { v: 1 });
const w = new Worker(`
  const { getEnvironmentData, parentPort } = require('node:worker_threads');
  parentPort.postMessage(getEnvironmentData('key'));
`, { eval: true });
w.on('message', common.mustCall((m) => assert.deepStrictEqual(m, { v: 1 })));
