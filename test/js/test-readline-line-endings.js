'use strict';
// Without a terminal, lines end at \n, \r\n or \r; a \r\n split over chunks
// gives one line; the last line without an ending is emitted at 'end'.
const common = require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const { PassThrough } = require('node:stream');

const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('close', common.mustCall(() => {
  assert.deepStrictEqual(lines, ['a', 'b', 'c', 'd', '', 'e', 'tail']);
}));
input.write('a\nb\r\nc\r');
input.write('\nd\n\ne');
input.write('\rtail');
input.end();
