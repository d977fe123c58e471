'use strict';
// Issue 7: what cannot move throws DataCloneError and changes nothing: a buffer
// listed twice, a buffer already detached (moved by an earlier message).
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker('require("node:worker_threads").parentPort.once("message", (m) => ' +
                     'require("node:worker_threads").parentPort.postMessage(m.byteLength))',
                     { eval: true });

function isDataCloneError(message) {
  return (err) => err.name === 'DataCloneError' && err.message === message;
}

const twice = new ArrayBuffer(8);
assert.throws(() => w.postMessage(twice, [twice, twice]),
              isDataCloneError('Transfer list contains duplicate ArrayBuffer'));
assert.strictEqual(twice.byteLength, 8);

const moved = new ArrayBuffer(16);
w.postMessage(moved, [moved]);
assert.strictEqual(moved.byteLength, 0);
assert.throws(() => w.postMessage(moved, [moved]),
              isDataCloneError('Cannot transfer object of unsupported type.'));
assert.throws(() => w.postMessage(moved),
              isDataCloneError('An ArrayBuffer is detached and could not be cloned.'));

w.on('message', common.mustCall((n) => {
  assert.strictEqual(n, 16);
  w.terminate();
}));
