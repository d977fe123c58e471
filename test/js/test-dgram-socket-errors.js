'use strict';
// dgram's argument and state errors carry node's codes and messages.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

assert.throws(() => dgram.createSocket('udp5'), {
  code: 'ERR_SOCKET_BAD_TYPE',
  name: 'TypeError',
  message: 'Bad socket type specified. Valid types are: udp4, udp6',
});
assert.throws(() => dgram.createSocket({ type: 'udp4', lookup: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
});

const sock = dgram.createSocket('udp4');
assert.throws(() => sock.send('x', 0, '127.0.0.1'), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
  message: 'Port should be > 0 and < 65536. Received type number (0).',
});
assert.throws(() => sock.send(5, 1234, '127.0.0.1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance of Buffer, ' +
           'TypedArray, or DataView. Received type number (5)',
});
assert.throws(() => sock.send(Buffer.alloc(4), 2, 8, 1234, '127.0.0.1'), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"length" is outside of buffer bounds',
});
assert.throws(() => sock.setTTL('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => sock.setTTL(5), { code: 'EBADF', syscall: 'setTTL', message: 'setTTL EBADF' });
assert.throws(() => sock.getRecvBufferSize(), {
  code: 'ERR_SOCKET_BUFFER_SIZE',
  name: 'SystemError',
  message: 'Could not get or set buffer size: uv_recv_buffer_size returned EBADF ' +
           '(bad file descriptor)',
});
assert.throws(() => sock.setRecvBufferSize(-1), {
  code: 'ERR_SOCKET_BAD_BUFFER_SIZE',
  message: 'Buffer size must be a positive integer',
});
assert.throws(() => sock.addMembership(), { code: 'ERR_MISSING_ARGS' });
sock.bind(0, '127.0.0.1', common.mustCall(() => {
  assert.throws(() => sock.bind(0), {
    code: 'ERR_SOCKET_ALREADY_BOUND', message: 'Socket is already bound',
  });
  sock.close();
  assert.throws(() => sock.close(), {
    code: 'ERR_SOCKET_DGRAM_NOT_RUNNING', message: 'Not running',
  });
  assert.throws(() => sock.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
}));
