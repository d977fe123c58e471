'use strict';
// A keep-alive agent sends consecutive requests over one socket, keeps at
// most maxSockets open, and queues the rest.
const common = require('./common');
const assert = require('assert');
const http = require('http');

const ports = new Set();
const server = http.createServer((req, res) => {
  ports.add(req.socket.remotePort);
  res.end(req.url);
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

server.listen(0, common.mustCall(() => {
  let done = 0;
  for (let i = 0; i < 3; i++) {
    http.get({ port: server.address().port, path: '/' + i, agent }, common.mustCall((res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', common.mustCall(() => {
        assert.strictEqual(body, '/' + i);
        if (++done === 3) {
          setImmediate(() => {
            assert.strictEqual(ports.size, 1);
            const name = agent.getName({ port: server.address().port });
            assert.strictEqual(agent.freeSockets[name].length, 1);
            agent.destroy();
            server.close();
          });
        }
      }));
    }));
  }
  const name = agent.getName({ port: server.address().port });
  assert.strictEqual(agent.requests[name].length, 2);
}));
