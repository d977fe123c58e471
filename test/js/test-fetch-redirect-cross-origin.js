'use strict';
// fetch: a redirect to another origin drops Authorization and Cookie but keeps
// other request headers; a same-origin redirect keeps them all.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');

const other = http.createServer(common.mustCall((req, res) => {
  res.end(JSON.stringify(req.headers));
}));
const server = http.createServer((req, res) => {
  if (req.url === '/same-target') {
    res.end(JSON.stringify(req.headers));
    return;
  }
  const target = req.url === '/same' ? '/same-target' :
    `http://127.0.0.1:${other.address().port}/target`;
  res.writeHead(302, { location: target });
  res.end();
});

other.listen(0, common.mustCall(() => server.listen(0, common.mustCall(async () => {
  const headers = { 'authorization': 'Basic eA==', 'cookie': 'a=1', 'x-keep': 'yes' };
  const base = `http://127.0.0.1:${server.address().port}`;
  let seen = await (await fetch(`${base}/cross`, { headers })).json();
  assert.strictEqual(seen.authorization, undefined);
  assert.strictEqual(seen.cookie, undefined);
  assert.strictEqual(seen['x-keep'], 'yes');
  assert.strictEqual(seen.host, `127.0.0.1:${other.address().port}`);

  seen = await (await fetch(`${base}/same`, { headers })).json();
  assert.strictEqual(seen.authorization, 'Basic eA==');
  assert.strictEqual(seen.cookie, 'a=1');
  server.close();
  other.close();
}))));
