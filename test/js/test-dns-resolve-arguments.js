'use strict';
// The resolve* functions check their arguments before any query starts.
require('./common');
const assert = require('node:assert');
const dns = require('node:dns');

assert.throws(() => dns.resolve4(42, () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "name" argument must be of type string. Received type number (42)',
});
assert.throws(() => dns.resolveMx('example.org'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => dns.resolve('example.org', [], () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "rrtype" argument must be of type string. Received an instance of Array',
});
assert.throws(() => dns.resolve('example.org', 'BOGUS', () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The argument 'rrtype' is invalid. Received 'BOGUS'",
});
assert.throws(() => dns.promises.resolve('example.org', 'BOGUS'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => dns.promises.resolveTxt(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "name" argument must be of type string. Received undefined',
});
assert.throws(() => dns.reverse('not an ip', () => {}), {
  code: 'EINVAL',
  errno: -22,
  syscall: 'getHostByAddr',
  hostname: 'not an ip',
  message: 'getHostByAddr EINVAL not an ip',
});
assert.rejects(dns.promises.reverse('bogus'), { code: 'EINVAL', syscall: 'getHostByAddr' });
for (const timeout of [null, '1', true]) {
  assert.throws(() => new dns.Resolver({ timeout }), { code: 'ERR_INVALID_ARG_TYPE' });
}
for (const timeout of [-2, 1.5, 2 ** 31]) {
  assert.throws(() => new dns.promises.Resolver({ timeout }), { code: 'ERR_OUT_OF_RANGE' });
}
assert.throws(() => new dns.Resolver({ tries: 0 }), { code: 'ERR_OUT_OF_RANGE' });
assert.strictEqual(dns.resolve4.name, 'bound queryA');
assert.strictEqual(dns.Resolver.prototype.reverse.name, 'getHostByAddr');
