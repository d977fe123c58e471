'use strict';
// duplexPair() returns two Duplexes wired to each other.
const common = require('./common');
const assert = require('node:assert');
const { duplexPair } = require('node:stream');

const [a, b] = duplexPair();
b.on('data', common.mustCall((chunk) => {
  assert.strictEqual(chunk.toString(), 'ping');
  b.write('pong');
}));
a.on('data', common.mustCall((chunk) => {
  assert.strictEqual(chunk.toString(), 'pong');
}));
a.write('ping');
