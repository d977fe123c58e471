'use strict';
// fastify 5: a hello route, route params with a JSON schema, a JSON POST body, hooks,
// a 404, a validation error, fastify.inject() and app.close().
const assert = require('node:assert');
const Fastify = require('fastify');
const { request, watchdog } = require('./common');
watchdog(15000);

const app = Fastify({ logger: false });
app.addHook('onSend', async (req, reply, payload) => {
  reply.header('x-hook', 'on');
  return payload;
});
app.get('/', async () => ({ hello: 'world' }));
app.get('/items/:id', {
  schema: {
    params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
  },
}, async (req) => ({ id: req.params.id, type: typeof req.params.id }));
app.post('/sum', async (req, reply) => {
  reply.code(201);
  return { sum: req.body.values.reduce((a, b) => a + b, 0) };
});
app.get('/text', (req, reply) => {
  reply.type('text/plain').send('plain text');
});

(async () => {
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/);
    const { port } = app.server.address();

    let r = await request(port, '/');
    assert.strictEqual(r.status, 200);
    assert.deepStrictEqual(JSON.parse(r.body), { hello: 'world' });
    assert.strictEqual(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.strictEqual(r.headers['x-hook'], 'on');
    assert.strictEqual(r.headers['content-length'], '17');

    r = await request(port, '/items/17');
    assert.deepStrictEqual(JSON.parse(r.body), { id: 17, type: 'number' });

    r = await request(port, '/items/abc');
    assert.strictEqual(r.status, 400);
    assert.strictEqual(JSON.parse(r.body).code, 'FST_ERR_VALIDATION');

    r = await request(port, '/sum', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: [1, 2, 3.5] }),
    });
    assert.strictEqual(r.status, 201);
    assert.deepStrictEqual(JSON.parse(r.body), { sum: 6.5 });

    r = await request(port, '/text');
    assert.strictEqual(r.headers['content-type'], 'text/plain');
    assert.strictEqual(r.body, 'plain text');

    r = await request(port, '/missing');
    assert.strictEqual(r.status, 404);
    assert.deepStrictEqual(JSON.parse(r.body), {
      message: 'Route GET:/missing not found', error: 'Not Found', statusCode: 404,
    });

    const inj = await app.inject({ method: 'GET', url: '/' });
    assert.strictEqual(inj.statusCode, 200);
    assert.deepStrictEqual(inj.json(), { hello: 'world' });
    console.log('fastify hello ok');
  } finally {
    await app.close();
  }
})();
