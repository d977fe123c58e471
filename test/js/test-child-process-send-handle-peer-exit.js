'use strict';
// A child that exits while the parent waits for it to acknowledge a sent
// handle still closes: the end of the channel ends the wait ('close' fires
// instead of the process hanging).
const common = require('./common');
const assert = require('node:assert');
const net = require('node:net');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') {
  process.on('message', () => process.exit(3));
  return;
}

const child = fork(__filename, ['child']);
const server = net.createServer().listen(0, common.mustCall(() => {
  const ignore = () => {};
  child.send('one', server, ignore);
  child.send('two', server, ignore);
  child.send('three', server, ignore);
}));
child.on('close', common.mustCall((code) => {
  assert.strictEqual(code, 3);
  server.close();
}));
