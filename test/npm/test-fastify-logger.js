'use strict';
// fastify 5 with its pino logger writing JSON lines to stdout through sonic-boom (fs.write on
// fd 1). The test runs itself as a child process and checks the lines it logged.
const assert = require('node:assert');
const { watchdog, request } = require('./common');

if (process.argv[2] === 'child') {
  const app = require('fastify')({ logger: { level: 'info', timestamp: false, base: null } });
  app.get('/hi', async (req) => {
    req.log.info({ extra: [1, 'two'] }, 'inside handler');
    return { ok: true };
  });
  app.listen({ port: 0, host: '127.0.0.1' }).then(async () => {
    const r = await request(app.server.address().port, '/hi');
    assert.strictEqual(r.body, '{"ok":true}');
    app.log.warn('closing');
    await app.close();
  });
  return;
}

watchdog(15000);
const { execFile } = require('node:child_process');
execFile(process.execPath, [__filename, 'child'], (err, stdout, stderr) => {
  assert.ifError(err);
  assert.strictEqual(stderr, '');
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  const msgs = lines.map((l) => [l.level, l.msg]);
  assert.strictEqual(msgs[0][0], 30);
  assert.match(msgs[0][1], /^Server listening at http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepStrictEqual(msgs.slice(1), [
    [30, 'incoming request'],
    [30, 'inside handler'],
    [30, 'request completed'],
    [40, 'closing'],
  ]);
  const inside = lines.find((l) => l.msg === 'inside handler');
  assert.deepStrictEqual(inside.extra, [1, 'two']);
  assert.strictEqual(inside.reqId, 'req-1');
  const incoming = lines.find((l) => l.msg === 'incoming request');
  assert.strictEqual(incoming.req.method, 'GET');
  assert.strictEqual(incoming.req.url, '/hi');
  assert.strictEqual(incoming.req.remoteAddress, '127.0.0.1');
  const completed = lines.find((l) => l.msg === 'request completed');
  assert.strictEqual(typeof completed.responseTime, 'number');
  console.log('fastify logger ok');
});
