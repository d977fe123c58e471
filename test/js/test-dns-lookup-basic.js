'use strict';
// dns.lookup resolves localhost and literal addresses, reports ENOTFOUND in
// node's shape, and validates its arguments.
const common = require('./common');
const assert = require('assert');
const dns = require('dns');

dns.lookup('127.0.0.1', common.mustCall((err, address, family) => {
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
}));
dns.lookup('::1', { all: true }, common.mustCall((err, list) => {
  assert.ifError(err);
  assert.deepStrictEqual(list, [{ address: '::1', family: 6 }]);
}));
dns.lookup('localhost', { family: 4 }, common.mustCall((err, address, family) => {
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
}));
dns.lookup('no-such-host.invalid', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'no-such-host.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND no-such-host.invalid');
}));
dns.promises.lookup('localhost', { family: 4 }).then(common.mustCall((res) => {
  assert.deepStrictEqual(res, { address: '127.0.0.1', family: 4 });
}));
assert.throws(() => dns.lookup('localhost', { family: 5 }, () => {}),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => dns.lookup(1, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dns.lookup('localhost', {}), { code: 'ERR_INVALID_ARG_TYPE' });
