'use strict';
// WebSocket: the constructor's and close()/send()'s errors are DOMExceptions
// with the WHATWG names and codes.
require('./common');
const assert = require('node:assert');

function throwsDOM(fn, name, code, message) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.constructor, DOMException);
    assert.strictEqual(err.name, name);
    assert.strictEqual(err.code, code);
    if (message !== undefined) assert.strictEqual(err.message, message);
    return true;
  });
}

throwsDOM(() => new WebSocket('ftp://x/'), 'SyntaxError', 12,
          'Expected a ws: or wss: protocol, got ftp:');
throwsDOM(() => new WebSocket('ws://x/#frag'), 'SyntaxError', 12, 'Got fragment');
throwsDOM(() => new WebSocket('not a url'), 'SyntaxError', 12);
throwsDOM(() => new WebSocket('ws://x/', ['a', 'a']), 'SyntaxError', 12,
          'Invalid Sec-WebSocket-Protocol value');
throwsDOM(() => new WebSocket('ws://x/', 'a b'), 'SyntaxError', 12,
          'Invalid Sec-WebSocket-Protocol value');
assert.throws(() => new WebSocket(), {
  name: 'TypeError',
  message: 'WebSocket constructor: 1 argument required, but 0 found.',
});

assert.strictEqual(WebSocket.CONNECTING, 0);
assert.strictEqual(WebSocket.OPEN, 1);
assert.strictEqual(WebSocket.CLOSING, 2);
assert.strictEqual(WebSocket.CLOSED, 3);
assert.strictEqual(WebSocket.prototype.CLOSED, 3);
assert.ok(new WebSocket('ws://127.0.0.1:1/') instanceof EventTarget);

// http: and https: URLs become ws: and wss:.
const ws = new WebSocket('http://127.0.0.1:1/a');
assert.strictEqual(ws.url, 'ws://127.0.0.1:1/a');
ws.onerror = () => {};
throwsDOM(() => ws.send('x'), 'InvalidStateError', 11, 'Sent before connected.');
throwsDOM(() => ws.close(1001), 'InvalidAccessError', 15, 'invalid code');
throwsDOM(() => ws.close(5000), 'InvalidAccessError', 15, 'invalid code');
throwsDOM(() => ws.close(3000, 'x'.repeat(124)), 'SyntaxError', 12,
          'Reason must be less than 123 bytes; received 124');
