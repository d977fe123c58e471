'use strict';
// Terminal mode: line editing keys move the cursor and edit rl.line; history
// is recorded and navigated with up/down.
require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const { PassThrough } = require('node:stream');

const input = new PassThrough();
const output = new PassThrough();
const rl = readline.createInterface({ input, output, terminal: true, prompt: '' });
const lines = [];
rl.on('line', (l) => lines.push(l));

rl.write('hello world');
assert.strictEqual(rl.cursor, 11);
rl.write(null, { ctrl: true, name: 'a' });
assert.strictEqual(rl.cursor, 0);
rl.write(null, { ctrl: true, name: 'f' });
rl.write(null, { meta: true, name: 'f' });
assert.strictEqual(rl.cursor, 6);
rl.write(null, { ctrl: true, name: 'k' });
assert.strictEqual(rl.line, 'hello ');
rl.write(null, { ctrl: true, name: 'w' });
assert.strictEqual(rl.line, '');
rl.write('abc');
rl.write(null, { name: 'left' });
rl.write('X');
assert.strictEqual(rl.line, 'abXc');
rl.write(null, { ctrl: true, name: 'h' });
assert.strictEqual(rl.line, 'abc');
rl.write(null, { ctrl: true, name: 'u' });
assert.strictEqual(rl.line, 'c');
rl.write(null, { ctrl: true, name: 'y' });
assert.strictEqual(rl.line, 'abc');
rl.write('\r');
rl.write('second\n');
assert.deepStrictEqual(lines, ['abc', 'second']);
assert.deepStrictEqual(rl.history, ['second', 'abc']);
rl.write(null, { name: 'up' });
assert.strictEqual(rl.line, 'second');
rl.write(null, { name: 'up' });
assert.strictEqual(rl.line, 'abc');
rl.write(null, { name: 'down' });
assert.strictEqual(rl.line, 'second');
assert.deepStrictEqual(rl.getCursorPos(), { rows: 0, cols: 6 });
rl.close();
assert.throws(() => rl.question('x', () => {}), { code: 'ERR_USE_AFTER_CLOSE' });
