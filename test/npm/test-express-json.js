'use strict';
// express 5: express.json() and express.urlencoded() body parsing, malformed JSON gives 400.
const assert = require('node:assert');
const express = require('express');
const { request, watchdog } = require('./common');
watchdog();

const app = express();
app.set('env', 'test'); // finalhandler logs errors to stderr otherwise
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.post('/echo', (req, res) => {
  res.json({ got: req.body, type: req.get('content-type') });
});

const server = app.listen(0, async () => {
  const { port } = server.address();
  try {
    const payload = { a: 1, b: [true, null, 'x'], c: { d: 'é✓' } };
    let r = await request(port, '/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    assert.strictEqual(r.status, 200);
    assert.deepStrictEqual(JSON.parse(r.body).got, payload);

    // Chunked request body (no Content-Length).
    r = await new Promise((resolve, reject) => {
      const http = require('node:http');
      const req = http.request({ port, method: 'POST', path: '/echo',
                                 headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
      req.write('{"big":"');
      req.write('y'.repeat(20000));
      req.end('"}');
    });
    assert.strictEqual(r.status, 200);
    assert.strictEqual(JSON.parse(r.body).got.big.length, 20000);

    r = await request(port, '/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=cairn&x=1+2',
    });
    assert.deepStrictEqual(JSON.parse(r.body).got, { name: 'cairn', x: '1 2' });

    r = await request(port, '/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"broken":',
    });
    assert.strictEqual(r.status, 400);

    r = await request(port, '/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=latin1' },
      body: '{}',
    });
    assert.strictEqual(r.status, 415);
    console.log('express json ok');
  } finally {
    server.close();
  }
});
