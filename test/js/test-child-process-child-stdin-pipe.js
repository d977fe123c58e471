'use strict';
// A child's process.stdin on a pipe is a stream that reads as data arrives
// (interactive round trips), and ends when the parent ends it.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

if (process.argv[2] === 'child') {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d) => process.stdout.write(`<${d}>`));
  process.stdin.on('end', () => process.stdout.write('end'));
  return;
}

const child = spawn(process.execPath, [__filename, 'child']);
child.stdout.setEncoding('utf8');
let out = '';
child.stdout.on('data', (d) => {
  out += d;
  if (out === '<one>') child.stdin.write('two');
  else if (out === '<one><two>') child.stdin.end();
});
child.stdin.write('one');
child.on('close', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, '<one><two>end');
}));
