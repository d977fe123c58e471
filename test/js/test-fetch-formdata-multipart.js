'use strict';
// FormData: entry list operations, File wrapping of Blobs, multipart/form-data
// serialization (escaping of names) and parsing back, and urlencoded parsing.
const common = require('./common');
const assert = require('node:assert');

const f = new FormData();
f.append('a', 'b');
f.append('a', 'c');
f.append('file', new Blob(['xyz'], { type: 'text/x' }), 'n.txt');
f.append('blob', new Blob(['q']));
assert.strictEqual(f.get('a'), 'b');
assert.deepStrictEqual(f.getAll('a'), ['b', 'c']);
assert.strictEqual(f.get('zz'), null);
assert.ok(f.get('file') instanceof File);
assert.strictEqual(f.get('file').name, 'n.txt');
assert.strictEqual(f.get('blob').name, 'blob');
f.set('a', 'd');
assert.deepStrictEqual([...f.keys()], ['a', 'file', 'blob']);
f.delete('blob');
assert.strictEqual(f.has('blob'), false);
assert.throws(() => new FormData(5), {
  message: 'FormData constructor: Argument 1 could not be converted to: undefined.',
});
assert.throws(() => f.append('a'), {
  message: 'FormData.append: 2 arguments required, but only 1 found.',
});

(async () => {
  const form = new FormData();
  form.append('na"me\n', 'line1\r\nline2');
  form.append('up', new File(['file body'], 'we"ird\n.txt', { type: 'text/x' }));
  const r = new Response(form);
  const type = r.headers.get('content-type');
  const m = /^multipart\/form-data; boundary=(----formdata-undici-0\d{11})$/.exec(type);
  assert.ok(m, type);
  const text = await r.clone().text();
  assert.strictEqual(text,
                     `--${m[1]}\r\nContent-Disposition: form-data; name="na%22me%0D%0A"\r\n\r\n` +
                     `line1\r\nline2\r\n--${m[1]}\r\nContent-Disposition: form-data; name="up"; ` +
                     'filename="we%22ird%0A.txt"\r\nContent-Type: text/x\r\n\r\nfile body\r\n' +
                     `--${m[1]}--\r\n`);

  const parsed = await new Response(
    '--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhello\r\n' +
    '--b\r\nContent-Disposition: form-data; name="s"\r\n\r\nval\r\n--b--\r\n',
    { headers: { 'content-type': 'multipart/form-data; boundary=b' } }).formData();
  assert.strictEqual(parsed.get('s'), 'val');
  const file = parsed.get('f');
  assert.ok(file instanceof File);
  assert.strictEqual(file.name, 'a.txt');
  assert.strictEqual(file.type, 'text/plain');
  assert.strictEqual(await file.text(), 'hello');

  const urlencoded = await new Response('a=1&b=%20x', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData();
  assert.deepStrictEqual([...urlencoded], [['a', '1'], ['b', ' x']]);

  await assert.rejects(new Response('garbage', {
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
  }).formData(), { name: 'TypeError', message: 'Failed to parse body as FormData.' });
  await assert.rejects(new Response('x').formData(), {
    name: 'TypeError',
    message: 'Content-Type was not one of "multipart/form-data" or ' +
      '"application/x-www-form-urlencoded".',
  });
})().then(common.mustCall());
