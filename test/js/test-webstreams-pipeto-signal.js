'use strict';
// Aborting the signal given to pipeTo() aborts the destination, cancels the
// source and rejects with the signal's reason.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream, WritableStream } = require('node:stream/web');

const ac = new AbortController();
const log = [];
const rs = new ReadableStream({
  pull(c) {
    c.enqueue('z');
    return new Promise((resolve) => setTimeout(resolve, 2));
  },
  cancel(reason) { log.push(`cancel ${reason}`); },
});
const ws = new WritableStream({
  write() {
    if (log.length === 0) {
      log.push('write');
      setImmediate(() => ac.abort('why'));
    }
  },
  abort(reason) { log.push(`abort ${reason}`); },
});
assert.rejects(rs.pipeTo(ws, { signal: ac.signal }), (err) => err === 'why')
  .then(common.mustCall(() => {
    assert.deepStrictEqual(log, ['write', 'abort why', 'cancel why']);
  }));

// An already aborted signal stops the pipe before any read.
const ac2 = new AbortController();
ac2.abort();
assert.rejects(ReadableStream.from([1]).pipeTo(new WritableStream(), { signal: ac2.signal }),
               { name: 'AbortError' }).then(common.mustCall());
