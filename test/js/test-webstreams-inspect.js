'use strict';
// util.inspect() shows the state of streams, readers and writers as node
// does.
require('./common');
const assert = require('node:assert');
const util = require('node:util');
const { ReadableStream, WritableStream, CountQueuingStrategy } = require('node:stream/web');

const rs = new ReadableStream();
assert.strictEqual(util.inspect(rs),
                   "ReadableStream { locked: false, state: 'readable', supportsBYOB: false }");
assert.strictEqual(util.inspect(new ReadableStream({ type: 'bytes' })),
                   "ReadableStream { locked: false, state: 'readable', supportsBYOB: true }");
assert.strictEqual(util.inspect(rs.getReader()), `ReadableStreamDefaultReader {
  stream: ReadableStream { locked: true, state: 'readable', supportsBYOB: false },
  readRequests: 0,
  close: Promise { <pending> }
}`);
const ws = new WritableStream();
assert.strictEqual(util.inspect(ws), "WritableStream { locked: false, state: 'writable' }");
assert.strictEqual(util.inspect(ws.getWriter()), `WritableStreamDefaultWriter {
  stream: WritableStream { locked: true, state: 'writable' },
  close: Promise { <pending> },
  ready: Promise { undefined },
  desiredSize: 1
}`);
assert.strictEqual(util.inspect(new CountQueuingStrategy({ highWaterMark: 3 })),
                   'CountQueuingStrategy { highWaterMark: 3 }');
assert.strictEqual(util.inspect(rs, { depth: 0 }), 'ReadableStream [Object]');
assert.strictEqual(Object.prototype.toString.call(rs), '[object ReadableStream]');
