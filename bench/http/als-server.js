'use strict';
// The hello-world server of ../shared/bench/http/server.js, with an active
// AsyncLocalStorage: the server is made inside run(), every request enters its
// own store with run() and the handler reads it back. tools/bench-als.sh
// compares it with the plain server to give the cost of the store.
//   als-server.js [plain|als]  -> prints "LISTENING <port>"
const http = require('node:http');
const { AsyncLocalStorage } = require('node:async_hooks');

const mode = process.argv[2] || 'als';
const als = new AsyncLocalStorage();
let served = 0;

function hello(req, res) {
  served++;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/plain');
  res.end('Hello, World!');
}

let handler = hello;
if (mode === 'als') {
  handler = (req, res) => als.run({ id: served }, () => {
    if (als.getStore() === undefined) throw new Error('store lost');
    hello(req, res);
  });
}

const start = () => {
  const server = http.createServer(handler);
  server.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));
};
if (mode === 'als') als.run({ id: 'server' }, start);
else start();
setTimeout(() => process.exit(0), Number(process.env.BENCH_SERVER_TTL_MS || 120000)).unref();
