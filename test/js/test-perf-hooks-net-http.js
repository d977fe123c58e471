'use strict';
// perf_hooks entries of type 'net' (a TCP connect) and 'http' (a client request until its
// response, a server response until it ends), with node's names and details; nothing is
// timed for a socket path or while no observer watches.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');
const net = require('node:net');
const { PerformanceObserver } = require('node:perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
obs.observe({ entryTypes: ['net', 'http'] });

const server = http.createServer(common.mustCall((req, res) => {
  res.setHeader('x-test', 'yes');
  res.end('ok');
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  http.get({ port, host: '127.0.0.1', path: '/p?q=1' }, common.mustCall((res) => {
    res.resume().on('end', common.mustCall(() => {
      server.close();
      setImmediate(common.mustCall(() => {
        obs.disconnect();
        const by = (t, n) => entries.filter((e) => e.entryType === t && e.name === n);
        const [conn] = by('net', 'connect');
        assert.strictEqual(by('net', 'connect').length, 1);
        assert.strictEqual(conn.detail.host, '127.0.0.1');
        assert.strictEqual(conn.detail.port, port);
        assert.ok(conn.duration >= 0 && conn.startTime > 0);

        const [client] = by('http', 'HttpClient');
        assert.strictEqual(client.detail.req.method, 'GET');
        assert.strictEqual(client.detail.req.url, 'http://127.0.0.1/p?q=1'); // no port, as node
        assert.strictEqual(client.detail.res.statusCode, 200);
        assert.strictEqual(client.detail.res.statusMessage, 'OK');
        assert.strictEqual(client.detail.res.headers['x-test'], 'yes');

        const [served] = by('http', 'HttpRequest');
        assert.strictEqual(served.detail.req.url, '/p?q=1');
        assert.strictEqual(served.detail.req.method, 'GET');
        assert.strictEqual(served.detail.res.statusCode, 200);
        assert.strictEqual(served.detail.res.headers['x-test'], 'yes');
        assert.strictEqual(entries.length, 3);

        // Unobserved: nothing more is recorded.
        const s2 = net.createServer((c) => c.end()).listen(0, common.mustCall(() => {
          net.connect(s2.address().port).on('end', common.mustCall(() => {
            s2.close();
            assert.strictEqual(entries.length, 3);
          })).resume();
        }));
      }));
    }));
  }));
}));
