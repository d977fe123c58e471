'use strict';
// Misuse of the stream classes throws node's coded errors.
const common = require('./common');
const assert = require('node:assert');
const {
  ReadableStream, WritableStream, ReadableStreamDefaultController,
} = require('node:stream/web');

const rs = new ReadableStream();
rs.getReader();
assert.throws(() => rs.getReader(), {
  name: 'TypeError', code: 'ERR_INVALID_STATE', message: 'Invalid state: ReadableStream is locked',
});
assert.throws(() => ReadableStream.prototype.getReader.call({}), {
  code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type ReadableStream',
});
assert.throws(() => new ReadableStream({ type: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => new ReadableStream({}, { highWaterMark: -1 }), {
  name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => new ReadableStream().getReader({ mode: 'byob' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => new ReadableStreamDefaultController(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });

let controller;
new ReadableStream({ start(c) { controller = c; } });
controller.close();
assert.throws(() => controller.enqueue(1), {
  code: 'ERR_INVALID_STATE', message: 'Invalid state: Controller is already closed',
});

const ws = new WritableStream();
const writer = ws.getWriter();
writer.releaseLock();
assert.rejects(writer.write(1), {
  code: 'ERR_INVALID_STATE', message: 'Invalid state: Writer is not bound to a WritableStream',
}).then(common.mustCall());
assert.rejects(rs.cancel(), { code: 'ERR_INVALID_STATE' }).then(common.mustCall());
