'use strict';
// A worker reading the stdin its parent provides stays alive until it ends.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker('process.stdin.pipe(process.stdout);',
                     { eval: true, stdin: true, stdout: true });
let out = '';
w.stdout.setEncoding('utf8');
w.stdout.on('data', (chunk) => { out += chunk; });
setTimeout(() => {
  w.stdin.write('late ');
  w.stdin.end('data');
}, 100);
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'late data');
}));
