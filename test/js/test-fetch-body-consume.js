'use strict';
// Body mixin: text, json, arrayBuffer, bytes and blob read the body once;
// a second read or a clone of a read body fails; body is a ReadableStream.
const common = require('./common');
const assert = require('node:assert');

(async () => {
  const r = new Response('\ufeffhé');
  assert.strictEqual(r.bodyUsed, false);
  assert.strictEqual(await r.text(), 'hé');
  assert.strictEqual(r.bodyUsed, true);
  await assert.rejects(r.text(), {
    name: 'TypeError', message: 'Body is unusable: Body has already been read',
  });
  assert.throws(() => r.clone(), {
    name: 'TypeError', message: 'Response.clone: Body has already been consumed.',
  });

  assert.deepStrictEqual(await new Response('{"a":1}').json(), { a: 1 });
  await assert.rejects(new Response('{bad').json(), SyntaxError);
  const ab = await new Response('ab').arrayBuffer();
  assert.ok(ab instanceof ArrayBuffer);
  assert.deepStrictEqual([...new Uint8Array(ab)], [97, 98]);
  const bytes = await new Response('ab').bytes();
  assert.ok(bytes instanceof Uint8Array);
  assert.deepStrictEqual([...bytes], [97, 98]);
  const blob = await new Response('xyz', { headers: { 'content-type': 'Text/Plain' } }).blob();
  assert.strictEqual(blob.size, 3);
  assert.strictEqual(blob.type, 'text/plain');
  assert.strictEqual(await new Response(null).text(), '');

  // The body as a stream; reading it marks the body used.
  const s = new Response('stream me');
  assert.ok(s.body instanceof ReadableStream);
  assert.strictEqual(s.body, s.body);
  const reader = s.body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(...value);
  }
  assert.strictEqual(Buffer.from(chunks).toString(), 'stream me');
  assert.strictEqual(s.bodyUsed, true);

  // A stream body given to the constructor.
  const fromStream = new Response(new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('a'));
      c.enqueue(new TextEncoder().encode('b'));
      c.close();
    },
  }));
  assert.strictEqual(await fromStream.text(), 'ab');

  // A clone reads the same bytes independently.
  const orig = new Response('twice');
  const copy = orig.clone();
  assert.deepStrictEqual(await Promise.all([orig.text(), copy.text()]), ['twice', 'twice']);
  const bytesOrig = new Response(new Uint8Array([1, 2]));
  const bytesCopy = bytesOrig.clone();
  (await bytesOrig.bytes())[0] = 9;
  assert.deepStrictEqual([...await bytesCopy.bytes()], [1, 2]);
})().then(common.mustCall());
