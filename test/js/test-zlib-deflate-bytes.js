'use strict';
// Deflate, gzip and raw deflate output is byte-identical to node's for inputs
// where node's zlib and the system zlib choose the same matches.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');
const zlib = require('node:zlib');

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const inputs = {
  hello: Buffer.from('hello world'),
  repeat: Buffer.from('abcabcabcabcabcabc hello hello hello world'),
  zeros: Buffer.alloc(100000),
  bytes: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
};
// Recorded with node 22.
const expected = [
  ['hello', 'deflateSync', '3a012d6c9f8d776db4c79092853649f4a0ebd7c2e8831bc80fc4a6fda86babd6'],
  ['hello', 'gzipSync', '05eea7a228883a26137b5d219f2fc9176deaeccad42ed42f00f259a98aca176e'],
  ['hello', 'deflateRawSync', '4d1790028a0db3273f094ac66f28ad620198166f52f9a766fbfe3730f62b268a'],
  ['repeat', 'deflateSync', 'e2fd5440ba76a00921de725051b4fe38b6221b173bedfa19c7872c7d7b47326f'],
  ['repeat', 'gzipSync', '56be2cd1bf0f4f6224227dcb063b4fd0118a051ae5a4240ddc39dd3138679154'],
  ['repeat', 'deflateRawSync', '41d598e4dfe3420b69bfef1039bcbc78442348ba0afc865bd8be52d404a2696c'],
  ['zeros', 'deflateSync', 'a2ea4b930bf1fb9b300dc15f7cf2535ee81489584437fd1dca3b19ffd5dfe62b'],
  ['zeros', 'gzipSync', '86f91efc5659364a0c2c3c2d0c879665343a5b2c4c777e2b5a137800ba358511'],
  ['zeros', 'deflateRawSync', '760cd218daaef3a45d9a5342ed62e56eb8870ae004b44dd9acac3207b0812e3c'],
  ['bytes', 'deflateSync', '7e2335f752e46b5df645ae653060fc7a8540f6b8d43483381be05f9a57a31800'],
  ['bytes', 'gzipSync', '9c7675915d3b08649081cde4a2560bb262bd5f85a1deca14ef1d64b4e84ba221'],
  ['bytes', 'deflateRawSync', '65058758d669a26dee5b8c79488ce1d3742ccc3acabbb22ed2658143a54b9c2b'],
];
for (const [name, method, hash] of expected) {
  assert.strictEqual(sha(zlib[method](inputs[name])), hash, `${method}(${name})`);
}
// The gzip header: magic, deflate, no flags, zero mtime, OS 3 (Unix).
assert.deepStrictEqual([...zlib.gzipSync('x').subarray(0, 10)],
                       [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
