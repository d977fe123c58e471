'use strict';
// express 5: sync throws, rejected promises from async handlers and next(err) reach a
// custom 4-argument error handler; without one, finalhandler answers with the status.
const assert = require('node:assert');
const express = require('express');
const { request, watchdog } = require('./common');
watchdog();

const app = express();
app.set('env', 'test');
app.get('/sync', () => {
  throw new Error('sync boom');
});
app.get('/async', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const err = new Error('async boom');
  err.status = 418;
  throw err;
});
app.get('/next', (req, res, next) => next(Object.assign(new Error('next boom'), { status: 503 })));
app.get('/ok', (req, res) => res.send('fine'));
app.use((err, req, res, next) => {
  if (req.query.passthrough) return next(err);
  res.status(err.status || 500).json({ message: err.message, path: req.path });
});

const server = app.listen(0, async () => {
  const { port } = server.address();
  try {
    let r = await request(port, '/sync');
    assert.strictEqual(r.status, 500);
    assert.deepStrictEqual(JSON.parse(r.body), { message: 'sync boom', path: '/sync' });

    r = await request(port, '/async');
    assert.strictEqual(r.status, 418);
    assert.deepStrictEqual(JSON.parse(r.body), { message: 'async boom', path: '/async' });

    r = await request(port, '/next');
    assert.strictEqual(r.status, 503);
    assert.strictEqual(JSON.parse(r.body).message, 'next boom');

    r = await request(port, '/next?passthrough=1');
    assert.strictEqual(r.status, 503);
    assert.strictEqual(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.strictEqual(r.headers['content-security-policy'], "default-src 'none'");
    assert.strictEqual(r.headers['x-content-type-options'], 'nosniff');
    // Outside production finalhandler shows the stack (frame counts differ between engines).
    assert.match(r.body, /<pre>Error: next boom<br> &nbsp; &nbsp;at /);

    r = await request(port, '/ok');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, 'fine');
    console.log('express error ok');
  } finally {
    server.close();
  }
});
