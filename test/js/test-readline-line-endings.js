'use strict';
// readline splits at \r\n, \n and a lone \r, also across chunks: a \r at the end of one
// chunk and \n at the start of the next make one ending (crlfDelay), a partial line waits
// for the rest, an empty line between two endings is a line, and the last line without an
// ending comes at end.
const { mustCall } = require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const { PassThrough } = require('node:stream');

const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
const lines = [];
rl.on('line', (line) => lines.push(line));
rl.on('close', mustCall(() => {
  assert.deepStrictEqual(lines, ['a', '', 'b', 'c', 'd', 'ef', '', 'g', 'long line', 'h']);
}));
input.write('a\r\r\nb\rc\nd\r');
input.write('\ne');
input.write('f\n\n');
input.write('g\r\nlong');
input.write(' line\n');
input.end('h');
