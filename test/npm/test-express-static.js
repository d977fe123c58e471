'use strict';
// express 5: express.static (send + serve-static): content types, ETag/Last-Modified,
// conditional GET (304), Range requests (206/416), directory index, redirects, 404.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const express = require('express');
const { request, watchdog } = require('./common');
watchdog();

const os = require('node:os');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-npm-static-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const big = Buffer.from(Array.from({ length: 200000 }, (_, i) => (i * 7) & 255));
fs.writeFileSync(path.join(root, 'big.bin'), big);
fs.writeFileSync(path.join(root, 'hello.txt'), 'hello static\n');
fs.mkdirSync(path.join(root, 'sub'));
fs.writeFileSync(path.join(root, 'sub', 'index.html'), '<h1>index</h1>\n');
const app = express();
app.set('env', 'test');
app.use('/static', express.static(root, { maxAge: '1h' }));
app.get('/download', (req, res) => res.download(path.join(root, 'hello.txt'), 'greeting.txt'));
app.get('/sendfile', (req, res) => res.sendFile('hello.txt', { root }));

const server = app.listen(0, async () => {
  const { port } = server.address();
  try {
    let r = await request(port, '/static/hello.txt');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, 'hello static\n');
    assert.strictEqual(r.headers['content-type'], 'text/plain; charset=utf-8');
    assert.strictEqual(r.headers['content-length'], '13');
    assert.strictEqual(r.headers['cache-control'], 'public, max-age=3600');
    assert.strictEqual(r.headers['accept-ranges'], 'bytes');
    const etag = r.headers.etag;
    assert.ok(etag);
    assert.strictEqual(new Date(r.headers['last-modified']).getTime(),
                       Math.floor(fs.statSync(path.join(root, 'hello.txt')).mtimeMs / 1000) * 1000);

    r = await request(port, '/static/hello.txt', { headers: { 'If-None-Match': etag } });
    assert.strictEqual(r.status, 304);
    assert.strictEqual(r.body, '');

    r = await request(port, '/static/big.bin');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.headers['content-type'], 'application/octet-stream');
    assert.strictEqual(r.headers['content-length'], String(big.length));

    // Range requests go through fs.createReadStream({ start, end }).
    const bin = await new Promise((resolve, reject) => {
      require('node:http').get({ port, path: '/static/big.bin',
                                 headers: { Range: 'bytes=100-65636' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    assert.strictEqual(bin.res.statusCode, 206);
    assert.strictEqual(bin.res.headers['content-range'], `bytes 100-65636/${big.length}`);
    assert.ok(bin.body.equals(big.subarray(100, 65637)));

    r = await request(port, '/static/hello.txt', { headers: { Range: 'bytes=-5' } });
    assert.strictEqual(r.status, 206);
    assert.strictEqual(r.body, 'atic\n');

    r = await request(port, '/static/hello.txt', { headers: { Range: 'bytes=50-60' } });
    assert.strictEqual(r.status, 416);
    assert.strictEqual(r.headers['content-range'], 'bytes */13');

    r = await request(port, '/static/sub');
    assert.strictEqual(r.status, 301);
    assert.strictEqual(r.headers.location, '/static/sub/');

    r = await request(port, '/static/sub/');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.strictEqual(r.body, '<h1>index</h1>\n');

    r = await request(port, '/static/missing.txt');
    assert.strictEqual(r.status, 404);

    r = await request(port, '/static/../' + path.basename(root) + '/hello.txt');
    assert.strictEqual(r.status, 404);

    r = await request(port, '/download');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.headers['content-disposition'], 'attachment; filename=greeting.txt');
    assert.strictEqual(r.body, 'hello static\n');

    r = await request(port, '/sendfile');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body, 'hello static\n');
    console.log('express static ok');
  } finally {
    server.close();
  }
});
