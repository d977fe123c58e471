'use strict';
// GC audit: an ES module importing a CommonJS module with thousands of named exports gets
// every name. The lexer binding kept the name strings in a malloc'd array the collector does
// not scan, so a collection while making them freed some (missing or repeated names).
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const n = 12000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cjs-names-'));
try {
  const pad = 'x'.repeat(200);
  let src = '';
  for (let i = 0; i < n; i++) src += `exports.name_${i}_${pad} = ${i};\n`;
  fs.writeFileSync(path.join(dir, 'many.cjs'), src);
  fs.writeFileSync(path.join(dir, 'main.mjs'), `
import * as ns from './many.cjs';
const keys = Object.keys(ns).filter((k) => k.startsWith('name_'));
let bad = 0;
for (const k of keys) if (ns[k] !== +k.split('_')[1]) bad++;
console.log(keys.length, new Set(keys).size, bad);
`);
  const r = spawnSync(process.execPath, [path.join(dir, 'main.mjs')], { encoding: 'utf8' });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout.trim(), `${n} ${n} 0`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
