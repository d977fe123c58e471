'use strict';
// The global console is what require('console') returns; it writes to
// process.stdout looked up when writing, and its _stdout can be replaced.
const assert = require('node:assert');
const EventEmitter = require('node:events');

const required = require('node:console');
assert.strictEqual(required, console);
assert.strictEqual(typeof required.Console, 'function');
assert.strictEqual(Object.prototype.toString.call(console), '[object console]');
assert.strictEqual(Object.keys(console).includes('_stdout'), false);

const saved = process.stdout.write;
let got = '';
process.stdout.write = (s) => { got += s; return true; };
try {
  console.log('%s=%d', 'x', 42);
  console.count('g');
} finally {
  process.stdout.write = saved;
}
assert.strictEqual(got, 'x=42\ng: 1\n');

const stdout = console._stdout;
let other = '';
const sink = new EventEmitter();
sink.write = (s) => { other += s; };
console._stdout = sink;
console.info('redirected');
console._stdout = stdout;
assert.strictEqual(other, 'redirected\n');
