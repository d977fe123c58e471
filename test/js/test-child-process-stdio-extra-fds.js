'use strict';
// stdio arrays: 'ignore', 'inherit', and extra pipes beyond fd 2 in both directions.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('sh', ['-c', 'echo three >&3; cat <&4 >&3'], {
  stdio: ['ignore', 'inherit', 'ignore', 'pipe', 'pipe'],
});
assert.strictEqual(child.stdin, null);
assert.strictEqual(child.stdout, null);
assert.strictEqual(child.stderr, null);
assert.strictEqual(child.stdio.length, 5);
assert.strictEqual(child.stdio[0], null);
let got = '';
child.stdio[3].setEncoding('utf8').on('data', (d) => { got += d; });
child.stdio[4].end('four\n');
child.on('close', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(got, 'three\nfour\n');
}));
