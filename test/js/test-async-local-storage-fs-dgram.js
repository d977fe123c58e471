'use strict';
// AsyncLocalStorage across fs callbacks, fs.promises, fs streams and dgram
// sockets (as node 22): each sees the store of the call that started it.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');
const fs = require('node:fs');
const { AsyncLocalStorage } = require('node:async_hooks');

const als = new AsyncLocalStorage();
const check = (store) => common.mustCall(() => assert.strictEqual(als.getStore(), store));

for (const store of ['one', 'two']) {
  als.run(store, () => {
    fs.stat(__filename, check(store));
    fs.readFile(__filename, check(store));
    fs.promises.readFile(__filename).then(check(store));
    fs.createReadStream(__filename).on('end', check(store)).resume();
    const sock = dgram.createSocket('udp4');
    sock.on('message', common.mustCall(() => {
      assert.strictEqual(als.getStore(), store);
      sock.close(check(store));
    }));
    sock.bind(0, '127.0.0.1', check(store));
    sock.on('listening', () => sock.send('x', sock.address().port, '127.0.0.1', check(store)));
  });
}
