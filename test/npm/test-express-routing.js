'use strict';
// express 5: routes with params, methods, routers, query strings, 404s.
const assert = require('node:assert');
const express = require('express');
const { request, watchdog } = require('./common');
watchdog();

const app = express();
const api = express.Router();
api.get('/users/:id', (req, res) => {
  res.json({ id: req.params.id, q: req.query.q || null });
});
api.post('/users', (req, res) => res.status(201).send('created'));
api.delete('/users/:id', (req, res) => res.sendStatus(204));
app.use('/api', api);
app.get('/', (req, res) => {
  res.set('X-Test', 'yes');
  res.type('text').send('home');
});
app.get('/redirect', (req, res) => res.redirect('/'));
app.get('/files/*path', (req, res) => res.send(req.params.path.join('/')));

const server = app.listen(0, async () => {
  const { port } = server.address();
  try {
    let r = await request(port, '/');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, 'home');
    assert.strictEqual(r.headers['x-test'], 'yes');
    assert.match(r.headers['content-type'], /^text\/plain; charset=utf-8$/);
    assert.strictEqual(r.headers['content-length'], '4');
    assert.ok(r.headers.etag);
    assert.strictEqual(r.headers['x-powered-by'], 'Express');

    r = await request(port, '/api/users/42?q=abc');
    assert.strictEqual(r.status, 200);
    assert.deepStrictEqual(JSON.parse(r.body), { id: '42', q: 'abc' });
    assert.match(r.headers['content-type'], /^application\/json; charset=utf-8$/);

    r = await request(port, '/api/users', { method: 'POST' });
    assert.strictEqual(r.status, 201);
    assert.strictEqual(r.body, 'created');

    r = await request(port, '/api/users/1', { method: 'DELETE' });
    assert.strictEqual(r.status, 204);
    assert.strictEqual(r.body, '');

    r = await request(port, '/redirect');
    assert.strictEqual(r.status, 302);
    assert.strictEqual(r.headers.location, '/');

    r = await request(port, '/files/a/b/c.txt');
    assert.strictEqual(r.body, 'a/b/c.txt');

    r = await request(port, '/nope');
    assert.strictEqual(r.status, 404);
    assert.match(r.body, /Cannot GET \/nope/);

    r = await request(port, '/', { method: 'HEAD' });
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, '');
    console.log('express routing ok');
  } finally {
    server.close();
  }
});
