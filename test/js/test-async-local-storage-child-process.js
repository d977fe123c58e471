'use strict';
// AsyncLocalStorage across child processes (as node 22): execFile's callback and
// a spawned child's stdout data, exit and close see the store of the call that
// started the child; fork()'s 'message' events too.
const common = require('./common');
const assert = require('node:assert');
const { execFile, spawn, fork } = require('node:child_process');
const { AsyncLocalStorage } = require('node:async_hooks');

if (process.argv[2] === 'child') {
  process.send('hello', () => process.disconnect());
  return;
}

const als = new AsyncLocalStorage();
const check = (store) => common.mustCall(() => assert.strictEqual(als.getStore(), store));

for (const store of ['one', 'two']) {
  als.run(store, () => {
    execFile(process.execPath, ['-e', 'console.log(1)'], check(store));
    const child = spawn(process.execPath, ['-e', 'console.log(2)']);
    child.stdout.on('data', check(store));
    child.on('exit', check(store));
    child.on('close', check(store));
    const forked = fork(__filename, ['child']);
    forked.on('message', check(store));
    forked.on('exit', check(store));
  });
}
