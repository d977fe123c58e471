'use strict';
// fetch: data: URLs (percent-encoded and base64) and blob: URLs resolve
// without the network; bad ones and unknown schemes fail with
// TypeError('fetch failed') and a cause.
const common = require('./common');
const assert = require('node:assert');

function failsWith(promise, cause) {
  return assert.rejects(promise, (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.message, 'fetch failed');
    assert.strictEqual(err.cause.message, cause);
    return true;
  });
}

(async () => {
  let r = await fetch('data:,hello%20world');
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.statusText, 'OK');
  assert.strictEqual(r.headers.get('content-type'), 'text/plain;charset=US-ASCII');
  assert.strictEqual(await r.text(), 'hello world');

  r = await fetch('data:Application/JSON;base64,eyJhIjoxfQ==');
  assert.strictEqual(r.headers.get('content-type'), 'application/json');
  assert.deepStrictEqual(await r.json(), { a: 1 });
  assert.strictEqual(r.url, 'data:Application/JSON;base64,eyJhIjoxfQ==');

  const url = URL.createObjectURL(new Blob(['blob body'], { type: 'text/x' }));
  r = await fetch(url);
  assert.strictEqual(r.headers.get('content-type'), 'text/x');
  assert.strictEqual(r.headers.get('content-length'), '9');
  assert.strictEqual(await r.text(), 'blob body');
  URL.revokeObjectURL(url);

  await failsWith(fetch('data:text/plain;base64,!!!'), 'failed to fetch the data URL');
  await failsWith(fetch('about:blank'), 'about scheme is not supported');
  await failsWith(fetch('foo://x/'), 'unknown scheme');
  await failsWith(fetch('http://127.0.0.1:6000/'), 'bad port');
  await assert.rejects(fetch('/relative'), {
    name: 'TypeError', message: 'Failed to parse URL from /relative',
  });
})().then(common.mustCall());
