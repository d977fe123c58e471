'use strict';
// net.BlockList matches addresses, ranges and subnets (IPv4 rules also match
// IPv4-mapped IPv6 addresses) and lists its rules newest first.
const assert = require('assert');
const net = require('net');

const list = new net.BlockList();
list.addAddress('1.2.3.4');
list.addRange('10.0.0.1', '10.0.0.10');
list.addSubnet('8.8.8.0', 24);
list.addSubnet('2001:db8::', 32, 'ipv6');
assert.deepStrictEqual(list.rules, [
  'Subnet: IPv6 2001:db8::/32',
  'Subnet: IPv4 8.8.8.0/24',
  'Range: IPv4 10.0.0.1-10.0.0.10',
  'Address: IPv4 1.2.3.4',
]);
assert.strictEqual(list.check('1.2.3.4'), true);
assert.strictEqual(list.check('1.2.3.5'), false);
assert.strictEqual(list.check('10.0.0.5'), true);
assert.strictEqual(list.check('10.0.0.11'), false);
assert.strictEqual(list.check('8.8.8.200'), true);
assert.strictEqual(list.check('8.8.9.1'), false);
assert.strictEqual(list.check('::ffff:1.2.3.4', 'ipv6'), true);
assert.strictEqual(list.check('2001:db8:ffff::1', 'ipv6'), true);
assert.strictEqual(list.check('not an address'), false);
assert.throws(() => list.addRange('10.0.0.10', '10.0.0.1'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => list.addSubnet('1.1.1.1', 33), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => list.addAddress(5), { code: 'ERR_INVALID_ARG_TYPE' });
