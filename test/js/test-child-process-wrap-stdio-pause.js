'use strict';
// A child's stdout passed as another child's stdin stops being read by the
// parent, so all data flows between the children (cat | wc -c).
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const cat = spawn('head', ['-c', '200000', '/dev/zero']);
const wc = spawn('wc', ['-c'], { stdio: [cat.stdout, 'pipe', 'inherit'] });
assert.strictEqual(wc.stdin, null);
let out = '';
wc.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
wc.on('close', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(out.trim(), '200000');
}));
