'use strict';
// fork(): 10,000 messages each way, in order and without loss, with a child that
// is this same runtime and with a child that is node (when node is on PATH).
const common = require('./common');
const assert = require('node:assert');
const { fork, spawnSync } = require('node:child_process');

const COUNT = 10000;

if (process.argv[2] === 'child') {
  // Send all of ours at once, and count what arrives from the parent.
  let next = 0;
  process.on('message', (m) => {
    assert.deepStrictEqual(m, { seq: next, text: 'p' + next });
    next++;
    if (next === COUNT) process.send({ done: next });
  });
  for (let i = 0; i < COUNT; i++) process.send({ seq: i, text: 'c' + i });
  return;
}

function exchange(execPath, label) {
  const child = fork(__filename, ['child'], execPath ? { execPath } : {});
  let next = 0;
  let done = false;
  child.on('message', (m) => {
    if (m.done !== undefined) {
      assert.strictEqual(m.done, COUNT, `${label}: child received ${m.done}`);
      assert.strictEqual(next, COUNT, `${label}: parent received ${next}`);
      done = true;
      child.disconnect();
      return;
    }
    assert.deepStrictEqual(m, { seq: next, text: 'c' + next }, label);
    next++;
  });
  for (let i = 0; i < COUNT; i++) child.send({ seq: i, text: 'p' + i });
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 0, `${label}: exit ${code} ${signal}`);
    assert.strictEqual(done, true, label);
  }));
}

exchange(null, 'same runtime');
const node = spawnSync('node', ['-p', '1'], { encoding: 'utf8' });
if (node.status === 0 && process.execPath !== 'node') exchange('node', 'node child');
