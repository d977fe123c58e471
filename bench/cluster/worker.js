'use strict';
// The hello-world HTTP server of ../../../shared/bench/http/server.js (text
// mode), run alone or as a cluster worker. Alone it prints "LISTENING <port>".
const http = require('node:http');
const cluster = require('node:cluster');

const server = http.createServer((req, res) => {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/plain');
  res.end('Hello, World!');
});
server.listen(0, '127.0.0.1', () => {
  if (!cluster.isWorker) console.log('LISTENING ' + server.address().port);
});

const ttl = Number(process.env.BENCH_SERVER_TTL_MS || 120000);
setTimeout(() => process.exit(0), ttl).unref();
