'use strict';
// `--test` finds test files by node's default patterns (skipping node_modules), runs each in
// its own process and reports all their tests as one TAP stream with one summary; a file
// that throws while loading becomes a failing result; the exit code is 1 on any failure.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-runner-'));
const write = (name, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};
const header = "const test = require('node:test'); const assert = require('node:assert');\n";
write('a.test.js', header + "test('adds', () => assert.strictEqual(1 + 1, 2));\n" +
                   "test('fails', () => assert.strictEqual(1, 2));\n");
write('b-test.js', header + "console.log('hello from b');\ntest('b1', () => {});\n");
write('test/c.js', header + "test('c1', () => {});\n");
write('node_modules/x.test.js', header + "test('hidden', () => {});\n");
write('z.test.js', "throw new Error('boom');\n");

const run = (...args) => spawnSync(process.execPath, ['--test', ...args],
                                   { cwd: dir, encoding: 'utf8' });
const results = (out) => out.split('\n').filter((l) => /^(ok|not ok) \d+/.test(l));
const summary = (out) => out.split('\n').filter((l) => /^# (tests|pass|fail) /.test(l));

const all = run();
assert.strictEqual(all.status, 1);
assert.strictEqual(all.stdout.split('\n')[0], 'TAP version 13');
assert.deepStrictEqual(results(all.stdout), [
  'ok 1 - adds', 'not ok 2 - fails', 'ok 3 - b1', 'ok 4 - c1', 'not ok 4 - z.test.js',
]);
assert.match(all.stdout, /^# hello from b$/m);
assert.match(all.stdout, /^# Error: boom$/m);
assert.match(all.stdout, /^1\.\.5$/m);
assert.deepStrictEqual(summary(all.stdout), ['# tests 5', '# pass 3', '# fail 2']);

const one = run('b-test.js');
assert.strictEqual(one.status, 0);
assert.deepStrictEqual(results(one.stdout), ['ok 1 - b1']);
assert.deepStrictEqual(summary(one.stdout), ['# tests 1', '# pass 1', '# fail 0']);

fs.rmSync(dir, { recursive: true, force: true });
