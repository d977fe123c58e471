'use strict';
// readFile/writeFile/appendFile: encodings, flags, mode, fds and typed arrays.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, 'aGk=', { encoding: 'base64', mode: 0o600 });
assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi');
fs.appendFileSync(file, new Uint16Array([0x2121]));
assert.strictEqual(fs.readFileSync(file, { encoding: 'latin1' }), 'hi!!');
assert.strictEqual(fs.readFileSync(file).toString('hex'), '68692121');
assert.throws(() => fs.writeFileSync(file, 'x', { flag: 'wx' }), { code: 'EEXIST' });
assert.throws(() => fs.readFileSync(file, 'bogus'), { code: 'ERR_INVALID_ARG_VALUE' });

const fd = fs.openSync(file, 'r');
assert.strictEqual(fs.readFileSync(fd, 'utf8'), 'hi!!');
fs.closeSync(fd);

fs.writeFile(file, 'async', common.mustSucceed(() => {
  fs.readFile(file, 'utf8', common.mustSucceed((data) => {
    assert.strictEqual(data, 'async');
    fs.rmSync(dir, { recursive: true });
  }));
}));
