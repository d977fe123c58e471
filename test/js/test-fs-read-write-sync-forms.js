'use strict';
// writeSync/readSync with buffers, strings, encodings, positions and option objects.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const file = path.join(dir, 'f');
const fd = fs.openSync(file, 'w+');
assert.strictEqual(fs.writeSync(fd, 'héllo'), 6);
assert.strictEqual(fs.writeSync(fd, '2a2b', null, 'hex'), 2);
assert.strictEqual(fs.writeSync(fd, Buffer.from('XYZ'), 1, 2), 2);
assert.strictEqual(fs.writeSync(fd, Buffer.from('Q'), 0, 1, 0), 1);

const buf = Buffer.alloc(16);
assert.strictEqual(fs.readSync(fd, buf, 0, 16, 0), 10);
assert.strictEqual(buf.toString('latin1', 0, 10), 'Q\u00c3\u00a9llo*+YZ');
assert.strictEqual(fs.readSync(fd, buf, { position: 7n, length: 3 }), 3);
assert.strictEqual(buf.toString('latin1', 0, 3), '+YZ');
assert.strictEqual(fs.readSync(fd, buf, 0, 0, 0), 0);
assert.throws(() => fs.readSync(fd, buf, 0, 17, 0), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.writeSync(fd, {}), { code: 'ERR_INVALID_ARG_TYPE' });
fs.closeSync(fd);
assert.throws(() => fs.closeSync(fd), { code: 'EBADF', syscall: 'close' });

fs.rmSync(dir, { recursive: true });
