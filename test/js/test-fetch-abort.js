'use strict';
// fetch: an AbortSignal rejects a pending fetch with the signal's reason (a
// DOMException AbortError by default), an already aborted signal rejects at
// once, and aborting after the headers errors the body stream.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');

let onHang = () => {};
const server = http.createServer((req, res) => {
  if (req.url === '/hang') {
    onHang(res);
    return;
  }
  res.writeHead(200);
  res.write('partial');
});

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  await assert.rejects(fetch(`${base}/hang`, { signal: AbortSignal.abort() }), (err) => {
    assert.ok(err instanceof DOMException);
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.message, 'This operation was aborted');
    return true;
  });
  await assert.rejects(fetch(`${base}/hang`, { signal: AbortSignal.abort('why') }),
                       (err) => err === 'why');

  // Abort once the server holds the request.
  const controller = new AbortController();
  onHang = common.mustCall((res) => {
    controller.abort(new Error('stop'));
    res.destroy();
  });
  await assert.rejects(fetch(`${base}/hang`, { signal: controller.signal }), { message: 'stop' });

  const c2 = new AbortController();
  const r = await fetch(`${base}/partial`, { signal: c2.signal });
  const reader = r.body.getReader();
  const first = await reader.read();
  assert.strictEqual(Buffer.from(first.value).toString(), 'partial');
  c2.abort();
  await assert.rejects(reader.read(), { name: 'AbortError' });
  server.closeAllConnections();
  server.close();
}));
