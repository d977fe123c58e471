'use strict';
// pull() of a byte stream with autoAllocateChunkSize answers a default
// reader through controller.byobRequest.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream } = require('node:stream/web');

let i = 0;
const sizes = [];
const stream = new ReadableStream({
  type: 'bytes',
  autoAllocateChunkSize: 4,
  pull(c) {
    const request = c.byobRequest;
    sizes.push(request.view.byteLength);
    if (i === 3) {
      c.close();
      request.respond(0);
      return;
    }
    request.view[0] = ++i;
    request.respond(1);
    assert.strictEqual(c.byobRequest, null);
  },
});

(async () => {
  const got = [];
  for await (const chunk of stream) got.push(...chunk);
  assert.deepStrictEqual(got, [1, 2, 3]);
  assert.deepStrictEqual(sizes, [4, 4, 4, 4]);
})().then(common.mustCall());
