'use strict';
// emitKeypressEvents decodes plain keys, control keys and escape sequences
// (also when split over several chunks) into { name, ctrl, meta, shift }.
require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const { PassThrough } = require('node:stream');

const stream = new PassThrough();
readline.emitKeypressEvents(stream);
let keys = [];
stream.on('keypress', (s, k) => keys.push([s, k]));

function check(chunks, expected) {
  keys = [];
  for (const c of [].concat(chunks)) stream.write(c);
  assert.deepStrictEqual(keys.map(([s, k]) => [s, { ctrl: false, meta: false, shift: false, ...k }]),
                         expected.map(([s, k]) => [s, { ctrl: false, meta: false, shift: false, ...k }]));
}

check('aB.', [
  ['a', { name: 'a', sequence: 'a' }],
  ['B', { name: 'b', sequence: 'B', shift: true }],
  ['.', { name: undefined, sequence: '.' }],
]);
check('\x01\r\n\t\x7f', [
  ['\x01', { name: 'a', sequence: '\x01', ctrl: true }],
  ['\r', { name: 'return', sequence: '\r' }],
  ['\n', { name: 'enter', sequence: '\n' }],
  ['\t', { name: 'tab', sequence: '\t' }],
  ['\x7f', { name: 'backspace', sequence: '\x7f' }],
]);
check('\x1bb', [[undefined, { name: 'b', sequence: '\x1bb', meta: true }]]);
check('\x1b[A\x1bOB\x1b[3~\x1b[1;5C', [
  [undefined, { name: 'up', sequence: '\x1b[A', code: '[A' }],
  [undefined, { name: 'down', sequence: '\x1bOB', code: 'OB' }],
  [undefined, { name: 'delete', sequence: '\x1b[3~', code: '[3~' }],
  [undefined, { name: 'right', sequence: '\x1b[1;5C', code: '[C', ctrl: true }],
]);
check('\x1b[31m', [[undefined, { name: 'undefined', sequence: '\x1b[31m', code: '[31m' }]]);
// Split over chunks.
check(['\x1b', '[', 'D'], [[undefined, { name: 'left', sequence: '\x1b[D', code: '[D' }]]);
// Multi-byte UTF-8 split over chunks.
check([Buffer.from([0xe2]), Buffer.from([0x98, 0x83])], [['☃', { name: undefined, sequence: '☃' }]]);
