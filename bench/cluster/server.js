'use strict';
// Cluster HTTP benchmark server: `server.js single` runs worker.js in this
// process; `server.js cluster [N]` forks N workers (default 2) that share one
// port through node:cluster and prints "LISTENING <port>" once all listen.
const path = require('node:path');
const cluster = require('node:cluster');

const mode = process.argv[2] || 'cluster';
const workers = Number(process.argv[3] || 2);

if (mode === 'single') {
  require('./worker.js');
} else {
  cluster.setupPrimary({ exec: path.join(__dirname, 'worker.js'), args: [] });
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    if (++listening === workers) console.log('LISTENING ' + address.port);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!worker.exitedAfterDisconnect && listening >= 0) {
      console.error(`worker ${worker.id} died (${signal || code})`);
    }
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  const ttl = Number(process.env.BENCH_SERVER_TTL_MS || 120000);
  setTimeout(() => {
    listening = -1;
    cluster.disconnect();
  }, ttl).unref();
  process.on('SIGTERM', () => {
    listening = -1;
    for (const w of Object.values(cluster.workers)) w.process.kill();
    process.exit(0);
  });
}
