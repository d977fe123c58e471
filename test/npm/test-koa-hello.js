'use strict';
// koa 3: middleware cascade (async/await around next), ctx.body as string, JSON and
// stream, ctx.throw with a status, response headers and a 404.
const assert = require('node:assert');
const { Readable } = require('node:stream');
const Koa = require('koa');
const { request, watchdog } = require('./common');
watchdog();

const app = new Koa();
app.silent = true;
app.use(async (ctx, next) => {
  const start = Date.now();
  await next();
  ctx.set('X-Response-Time', `${Date.now() - start}ms`);
  ctx.set('X-Order', 'outer');
});
app.use(async (ctx, next) => {
  if (ctx.path === '/') {
    ctx.body = 'Hello Koa';
  } else if (ctx.path === '/json') {
    ctx.body = { ok: true, query: ctx.query };
  } else if (ctx.path === '/stream') {
    ctx.type = 'text/plain';
    ctx.body = Readable.from(['a', 'b', 'c']);
  } else if (ctx.path === '/teapot') {
    ctx.throw(418, 'short and stout');
  } else {
    await next();
  }
});

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  try {
    let r = await request(port, '/');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, 'Hello Koa');
    assert.strictEqual(r.headers['content-type'], 'text/plain; charset=utf-8');
    assert.strictEqual(r.headers['content-length'], '9');
    assert.match(r.headers['x-response-time'], /^\d+ms$/);

    r = await request(port, '/json?a=1&b=x');
    assert.strictEqual(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepStrictEqual(JSON.parse(r.body), { ok: true, query: { a: '1', b: 'x' } });

    r = await request(port, '/stream');
    assert.strictEqual(r.body, 'abc');
    assert.strictEqual(r.headers['transfer-encoding'], 'chunked');

    r = await request(port, '/teapot');
    assert.strictEqual(r.status, 418);
    assert.strictEqual(r.body, 'short and stout');

    r = await request(port, '/nothing');
    assert.strictEqual(r.status, 404);
    assert.strictEqual(r.body, 'Not Found');
    assert.strictEqual(r.headers['x-order'], 'outer');
    console.log('koa hello ok');
  } finally {
    server.close();
  }
});
