'use strict';
// AsyncLocalStorage across net (as node 22): 'connection' sees the store of
// listen(), where the server's handle is made; an accepted socket's own events
// have no store; a client socket's connect, data and close see the store it
// was created in.
const common = require('./common');
const assert = require('node:assert');
const net = require('node:net');
const { AsyncLocalStorage } = require('node:async_hooks');

const als = new AsyncLocalStorage();
const seen = [];
const log = (what) => seen.push(`${what}=${als.getStore()}`);

const server = als.run('server', () => net.createServer(common.mustCall((conn) => {
  log('connection');
  conn.on('data', () => { log('server-data'); conn.end('pong'); });
  conn.on('close', () => { log('server-close'); server.close(() => log('server-closed')); });
})));
als.run('outside', () => server.listen(0, common.mustCall(() => {
  log('listening');
  als.run('client', () => {
    const c = net.connect(server.address().port, () => { log('connect'); c.write('ping'); });
    c.on('data', () => log('client-data'));
    c.on('end', () => log('client-end'));
    c.on('close', () => log('client-close'));
  });
})));

process.on('exit', () => {
  assert.deepStrictEqual(seen.sort(), [
    'client-close=client', 'client-data=client', 'client-end=client', 'connect=client',
    'connection=outside', 'listening=outside', 'server-close=undefined',
    'server-closed=undefined', 'server-data=undefined',
  ]);
});
