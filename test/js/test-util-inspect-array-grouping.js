'use strict';
// Arrays with more than six short entries are grouped into aligned columns;
// numbers are right-aligned.
require('./common');
const assert = require('node:assert');
const { inspect } = require('node:util');

assert.strictEqual(
  inspect(Array.from({ length: 30 }, (_, i) => i * 1000)),
  '[\n' +
  '      0,  1000,  2000,  3000,  4000,\n' +
  '   5000,  6000,  7000,  8000,  9000,\n' +
  '  10000, 11000, 12000, 13000, 14000,\n' +
  '  15000, 16000, 17000, 18000, 19000,\n' +
  '  20000, 21000, 22000, 23000, 24000,\n' +
  '  25000, 26000, 27000, 28000, 29000\n' +
  ']');
assert.strictEqual(
  inspect(['a', 'bb', 'ccc', 'dddd', 'e', 'ff', 'ggg', 'hhhh', 'i', 'jj', 'kkk', 'llll',
           'm', 'nn', 'ooo', 'pppp', 'q', 'rr', 'sss', 'tttt', 'u', 'vv', 'www', 'xxxx']),
  "[\n  'a', 'bb', 'ccc', 'dddd',\n  'e', 'ff', 'ggg', 'hhhh',\n  'i', 'jj', 'kkk', 'llll',\n" +
  "  'm', 'nn', 'ooo', 'pppp',\n  'q', 'rr', 'sss', 'tttt',\n  'u', 'vv', 'www', 'xxxx'\n]");
assert.strictEqual(
  inspect(['x', 'yyyyyyyy', 'z', 'x', 'yyyyyyyy', 'z', 'x', 'yyyyyyyy', 'z', 'x']),
  "[\n  'x',        'yyyyyyyy',\n  'z',        'x',\n  'yyyyyyyy', 'z',\n" +
  "  'x',        'yyyyyyyy',\n  'z',        'x'\n]");
assert.strictEqual(inspect([1, 2, 3, 4, 5, 6]), '[ 1, 2, 3, 4, 5, 6 ]');
assert.strictEqual(inspect(new Array(120).fill(7)).split('\n').length, 12);
