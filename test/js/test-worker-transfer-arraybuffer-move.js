'use strict';
// Issue 7: a transferred ArrayBuffer moves to the worker. A 100 MB buffer
// (and a typed array over it) arrives with its bytes, the sender's buffer is
// detached (byteLength 0) and views over it have length 0, as in node.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const SIZE = 100 * 1000 * 1000;
const ab = new ArrayBuffer(SIZE);
const bytes = new Uint8Array(ab);
for (let i = 0; i < SIZE; i += 4096) bytes[i] = (i / 4096) & 0xff;
bytes[SIZE - 1] = 0x5a;
const words = new Uint32Array(ab, 4096, 4);
words[1] = 0xdeadbeef;

const w = new Worker(`
  const { parentPort } = require('node:worker_threads');
  parentPort.once('message', ({ buffer, words, bytes }) => {
    let ok = buffer instanceof ArrayBuffer && buffer.byteLength === ${SIZE} &&
      words.buffer === buffer && bytes.buffer === buffer && words.byteOffset === 4096 &&
      words.length === 4 && words[1] === 0xdeadbeef && bytes[${SIZE - 1}] === 0x5a;
    for (let i = 0; i < ${SIZE}; i += 4096) {
      if (i !== 4096 && bytes[i] !== ((i / 4096) & 0xff)) ok = false;
    }
    parentPort.postMessage(ok);
  });
`, { eval: true });

w.postMessage({ buffer: ab, words, bytes }, [ab]);
assert.strictEqual(ab.byteLength, 0);
assert.strictEqual(bytes.length, 0);
assert.strictEqual(bytes.byteLength, 0);
assert.strictEqual(words.length, 0);
assert.strictEqual(bytes[0], undefined);
w.on('message', common.mustCall((ok) => {
  assert.strictEqual(ok, true);
  w.terminate();
}));
