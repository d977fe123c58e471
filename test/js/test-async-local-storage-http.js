'use strict';
// AsyncLocalStorage across http (as node 22): the request handler and the
// request's events see the store of listen(); the client's response and its
// events see the store of http.request().
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');
const { AsyncLocalStorage } = require('node:async_hooks');

const als = new AsyncLocalStorage();
const seen = [];
const log = (what) => seen.push(`${what}=${als.getStore()}`);

const server = als.run('create', () => http.createServer(common.mustCall((req, res) => {
  log('request');
  req.on('data', () => log('request-data'));
  req.on('end', common.mustCall(() => {
    log('request-end');
    setTimeout(() => { log('handler-timeout'); res.end('ok'); }, 1);
  }));
}, 2)));
als.run('listen', () => server.listen(0, common.mustCall(() => {
  let left = 2;
  for (const store of ['client-1', 'client-2']) {
    als.run(store, () => {
      const req = http.request({ port: server.address().port, method: 'POST' }, (res) => {
        log(`${store}-response`);
        res.on('data', () => log(`${store}-data`));
        res.on('end', () => {
          log(`${store}-end`);
          if (--left === 0) server.close();
        });
      });
      req.end('body');
    });
  }
})));

process.on('exit', () => {
  assert.deepStrictEqual(seen.sort(), [
    'client-1-data=client-1', 'client-1-end=client-1', 'client-1-response=client-1',
    'client-2-data=client-2', 'client-2-end=client-2', 'client-2-response=client-2',
    'handler-timeout=listen', 'handler-timeout=listen',
    'request-data=listen', 'request-data=listen', 'request-end=listen', 'request-end=listen',
    'request=listen', 'request=listen',
  ]);
});
