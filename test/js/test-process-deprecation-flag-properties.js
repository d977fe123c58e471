'use strict';
// process.noDeprecation, throwDeprecation and traceDeprecation are absent
// unless their command-line option was given; then they are read-only true.
require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const names = ['noDeprecation', 'throwDeprecation', 'traceDeprecation'];
const code = `console.log(JSON.stringify(${JSON.stringify(names)}.map(
  (n) => [n in process, Object.getOwnPropertyDescriptor(process, n)])))`;

let r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
assert.deepStrictEqual(JSON.parse(r.stdout), names.map(() => [false, null]));

r = spawnSync(process.execPath, ['--no-deprecation', '--throw-deprecation', '--trace-deprecation',
                                 '-e', code], { encoding: 'utf8' });
const desc = { value: true, writable: false, enumerable: true, configurable: true };
assert.deepStrictEqual(JSON.parse(r.stdout), names.map(() => [true, desc]));

// Without the option, a program may still set them.
process.noDeprecation = true;
assert.strictEqual(process.noDeprecation, true);
