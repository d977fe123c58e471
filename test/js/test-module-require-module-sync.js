'use strict';
// require() matches the "module-sync" export condition (node 22 loads ES modules with
// require(), so packages such as async-function point it at an .mjs file), and
// process.features.require_module says so.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

assert.strictEqual(process.features.require_module, true);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-module-sync-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const pkg = path.join(dir, 'node_modules', 'pkg');
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
  name: 'pkg',
  exports: {
    '.': { 'module-sync': './sync.mjs', 'require': './req.cjs', 'default': './def.cjs' },
    './plain': { 'require': './req.cjs', 'default': './def.cjs' },
  },
}));
fs.writeFileSync(path.join(pkg, 'sync.mjs'),
                 "const f = () => 'sync';\nexport { f as 'module.exports' };\n");
fs.writeFileSync(path.join(pkg, 'req.cjs'), "module.exports = 'req';\n");
fs.writeFileSync(path.join(pkg, 'def.cjs'), "module.exports = 'def';\n");

const entry = path.join(dir, 'entry.js');
const req = require('node:module').createRequire(entry);
assert.strictEqual(req.resolve('pkg'), path.join(pkg, 'sync.mjs'));
assert.strictEqual(req('pkg')(), 'sync');
assert.strictEqual(req('pkg/plain'), 'req');
