'use strict';
// stream.Readable.from() reads a ReadableStream through its async iterator.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');

(async () => {
  const readable = Readable.from(ReadableStream.from(['a', 'b', 'c']));
  const got = [];
  for await (const chunk of readable) got.push(chunk);
  assert.deepStrictEqual(got, ['a', 'b', 'c']);
})().then(common.mustCall());
