'use strict';
// Issue 7: killing a worker under load loses only the requests that worker
// had in flight; the other worker keeps serving, and the primary forks a
// replacement that serves too.
const common = require('./common');
const assert = require('node:assert');
const cluster = require('node:cluster');
const http = require('node:http');

if (cluster.isPrimary) {
  let port;
  let listening = 0;
  let victim = null;
  let replacement = null;
  let hangFailed = false;
  let failures = 0;
  const servedBy = new Map(); // worker id -> responses after the kill

  function get(path, cb) {
    const req = http.get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => cb(null, body));
    });
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => cb(err));
  }

  // One request after another until both the survivor and the replacement
  // have answered.
  function load() {
    get('/', (err, body) => {
      if (err) {
        failures++;
      } else if (victim && victim.isDead()) {
        const id = Number(body);
        servedBy.set(id, (servedBy.get(id) || 0) + 1);
        assert.notStrictEqual(id, victim.id);
      }
      if (replacement && servedBy.has(replacement.id) && servedBy.size === 2) {
        finish();
        return;
      }
      setImmediate(load);
    });
  }

  function finish() {
    assert.ok(hangFailed, 'the killed worker\'s request fails');
    assert.ok(failures <= 1, `at most the one request racing the kill fails (${failures})`);
    cluster.disconnect(common.mustCall());
  }

  cluster.on('exit', common.mustCallAtLeast((worker, code, signal) => {
    if (worker !== victim) return;
    assert.strictEqual(signal, 'SIGKILL');
    assert.strictEqual(worker.exitedAfterDisconnect, false);
    replacement = cluster.fork();
  }, 1));

  cluster.on('listening', (worker, address) => {
    port = address.port;
    if (++listening !== 2) return;
    // A request the worker holds open: it tells us which worker has it.
    get('/hang', common.mustCall((err) => {
      assert.ok(err);
      hangFailed = true;
    }));
  });

  cluster.on('message', (worker, msg) => {
    if (msg !== 'holding') return;
    victim = worker;
    load();
    setTimeout(() => worker.process.kill('SIGKILL'), 50);
  });

  cluster.fork();
  cluster.fork();
} else {
  http.createServer((req, res) => {
    if (req.url === '/hang') {
      process.send('holding');
      return;
    }
    res.end(String(cluster.worker.id));
  }).listen(0, '127.0.0.1');
}
