'use strict';
// String arguments reach the C side as the same UTF-8 whatever the engine holds them as:
// one-byte (Latin-1) or two-byte strings, joined or still-unjoined concatenations, slices,
// the empty string, and lone surrogates (written as U+FFFD, as node does).
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-strargs-'));
const tail = String(Date.now() % 7); // not a constant: concatenations stay unjoined
const names = [
  'plain.txt',
  'caf\u00e9-\u00ff-\u0080.txt', // one-byte, outside ASCII
  '\u4e2d\u6587-\u00e9.txt', // two-byte
  '\ud83d\ude00-emoji.txt', // surrogate pair
  'rope-' + tail + '-' + 'x'.repeat(40), // concatenation
  ('slice-of-a-longer-name-' + tail).slice(0, 20), // substring
  'a'.repeat(200) + tail, // long, eight-byte runs
];
for (const name of names) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, name);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), name);
  assert.strictEqual(fs.statSync(file).size, Buffer.byteLength(name));
}
assert.deepStrictEqual(fs.readdirSync(dir).sort(), names.slice().sort());
// The same names as bytes: what the file system got is their UTF-8.
const bytes = fs.readdirSync(dir, { encoding: 'buffer' }).map((b) => b.toString('hex')).sort();
assert.deepStrictEqual(bytes, names.map((n) => Buffer.from(n).toString('hex')).sort());

// A lone surrogate becomes U+FFFD (EF BF BD) in the path, as in node.
for (const lone of ['lone-\ud800-high', 'lone-\udc00-low', 'end-\ud83d']) {
  const file = path.join(dir, lone);
  fs.writeFileSync(file, 'x');
  const wanted = lone.replace(/[\ud800-\udfff]/g, '\ufffd');
  assert.ok(fs.readdirSync(dir).includes(wanted), wanted);
  assert.strictEqual(fs.existsSync(path.join(dir, wanted)), true);
  fs.unlinkSync(file);
}

// Empty and missing strings keep node's errors.
assert.throws(() => fs.readFileSync(''), { code: 'ENOENT' });
assert.throws(() => fs.statSync(path.join(dir, 'nope-\u00e9')),
              { code: 'ENOENT', path: path.join(dir, 'nope-\u00e9') });

// Environment variables and other C-side strings take the same path.
process.env.CAIRN_STR_ARG = 'v\u00e9-\u4e2d-' + tail;
assert.strictEqual(process.env.CAIRN_STR_ARG, 'v\u00e9-\u4e2d-' + tail);

fs.rmSync(dir, { recursive: true });
