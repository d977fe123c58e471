'use strict';
// for await over an Interface yields every line, then ends at 'close'.
const common = require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const { Readable } = require('node:stream');

(async () => {
  const input = Readable.from(['one\ntw', 'o\r\nthree']);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) lines.push(line);
  assert.deepStrictEqual(lines, ['one', 'two', 'three']);
})().then(common.mustCall());
