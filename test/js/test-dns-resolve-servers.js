'use strict';
// setServers() accepts node's address forms and getServers() prints them back.
require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

const resolver = new dns.Resolver();
resolver.setServers(['8.8.8.8', '[2001:db8::1]:5353', '192.0.2.1:53', '[::1]', '10.0.0.1:1053']);
assert.deepStrictEqual(resolver.getServers(),
                       ['8.8.8.8', '[2001:db8::1]:5353', '192.0.2.1', '::1', '10.0.0.1:1053']);
assert.throws(() => resolver.setServers(['not-an-ip']), {
  code: 'ERR_INVALID_IP_ADDRESS',
  name: 'TypeError',
  message: 'Invalid IP address: not-an-ip',
});
assert.throws(() => resolver.setServers('8.8.8.8'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "servers" argument must be an instance of Array. Received type string ' +
           "('8.8.8.8')",
});
assert.throws(() => resolver.setServers([1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "servers[0]" argument must be of type string. Received type number (1)',
});
// A failed set leaves the servers as they were.
assert.strictEqual(resolver.getServers().length, 5);
resolver.setServers([]);
assert.deepStrictEqual(resolver.getServers(), []);

// Module-level setServers() replaces the default resolver for dns and dns.promises.
dns.setServers(['127.0.0.2']);
assert.deepStrictEqual(dns.getServers(), ['127.0.0.2']);
assert.deepStrictEqual(dns.promises.getServers(), ['127.0.0.2']);

// setLocalAddress takes one address of each family.
resolver.setLocalAddress('127.0.0.1', '::1');
assert.throws(() => resolver.setLocalAddress('127.0.0.1', '127.0.0.2'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: 'Cannot specify two IPv4 addresses.',
});
assert.throws(() => resolver.setLocalAddress('bad'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: 'Invalid IP address.',
});
assert.throws(() => resolver.setLocalAddress(1), { code: 'ERR_INVALID_ARG_TYPE' });
