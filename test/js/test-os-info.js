'use strict';
// os reports host information with node's shapes.
require('./common');
const assert = require('node:assert');
const os = require('node:os');

assert.strictEqual(`${os.hostname}`, os.hostname());
assert.ok(os.hostname().length > 0);
assert.match(os.endianness(), /^(LE|BE)$/);
const cpu = os.cpus()[0];
assert.deepStrictEqual(Object.keys(cpu), ['model', 'speed', 'times']);
assert.deepStrictEqual(Object.keys(cpu.times), ['user', 'nice', 'sys', 'idle', 'irq']);
assert.strictEqual(os.loadavg().length, 3);
assert.ok(os.totalmem() >= os.freemem());
const lo = Object.values(os.networkInterfaces()).flat().find((e) => e.address === '127.0.0.1');
if (lo) assert.strictEqual(lo.cidr, '127.0.0.1/8');
const user = os.userInfo();
assert.strictEqual(Object.getPrototypeOf(user), null);
assert.strictEqual(os.userInfo({ encoding: 'buffer' }).username.toString(), user.username);
assert.strictEqual(os.constants.signals.SIGINT, 2);
assert.strictEqual(os.constants.priority.PRIORITY_HIGHEST, -20);
assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
