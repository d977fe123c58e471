'use strict';
// A worker's console output reaches worker.stdout (with stdout: true) before 'exit'.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker('console.log("hello from worker"); console.error("oops")',
                     { eval: true, stdout: true, stderr: true });
let out = '';
let err = '';
w.stdout.setEncoding('utf8');
w.stderr.setEncoding('utf8');
w.stdout.on('data', (d) => { out += d; });
w.stderr.on('data', (d) => { err += d; });
w.on('exit', common.mustCall(() => {
  setImmediate(common.mustCall(() => {
    assert.strictEqual(out, 'hello from worker\n');
    assert.strictEqual(err, 'oops\n');
  }));
}));
