'use strict';
// net.SocketAddress defaults, canonical IPv6 text, toJSON and validation.
const assert = require('assert');
const net = require('net');

assert.deepStrictEqual(new net.SocketAddress().toJSON(),
                       { address: '127.0.0.1', port: 0, family: 'ipv4', flowlabel: 0 });
const sa = new net.SocketAddress({ address: '2001:0db8:0:0:0:0:0:0001', family: 'ipv6',
                                   port: 443 });
assert.strictEqual(sa.address, '2001:db8::1');
assert.strictEqual(sa.port, 443);
assert.strictEqual(sa.family, 'ipv6');
assert.strictEqual(net.SocketAddress.isSocketAddress(sa), true);
assert.strictEqual(net.SocketAddress.isSocketAddress({}), false);
assert.throws(() => new net.SocketAddress({ address: 'x' }),
              { code: 'ERR_INVALID_ADDRESS', message: 'Invalid socket address' });
assert.throws(() => new net.SocketAddress({ family: 'ipx' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => new net.SocketAddress({ port: 70000 }), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => new net.SocketAddress(5), { code: 'ERR_INVALID_ARG_TYPE' });
