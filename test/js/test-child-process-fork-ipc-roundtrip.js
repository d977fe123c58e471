'use strict';
// fork(): JSON messages both ways, send callbacks, then disconnect -> exit -> close.
const common = require('./common');
const assert = require('node:assert');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') {
  assert.strictEqual(process.connected, true);
  assert.strictEqual(process.env.NODE_CHANNEL_FD, undefined);
  process.on('message', (m) => {
    if (m === 'bye') {
      process.disconnect();
      return;
    }
    process.send({ echo: m });
  });
  return;
}

const child = fork(__filename, ['child']);
assert.strictEqual(child.connected, true);
const replies = [];
child.on('message', (m) => {
  replies.push(m);
  if (replies.length === 3) child.send('bye');
});
child.send('ünï €', common.mustCall((err) => assert.strictEqual(err, null)));
child.send([1, { a: null }]);
child.send(42);
const order = [];
child.on('disconnect', common.mustCall(() => {
  order.push('disconnect');
  assert.strictEqual(child.connected, false);
  child.send('late', common.mustCall((err) => assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED')));
}));
child.on('exit', common.mustCall((code) => {
  order.push('exit');
  assert.strictEqual(code, 0);
}));
child.on('close', common.mustCall(() => {
  assert.deepStrictEqual(order.sort(), ['disconnect', 'exit']);
  assert.deepStrictEqual(replies, [{ echo: 'ünï €' }, { echo: [1, { a: null }] }, { echo: 42 }]);
}));
