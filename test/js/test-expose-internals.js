'use strict';
// --expose-internals lets require() load internal modules (node's tests use it to reach the
// IPC channel handle); without it they are not found. Piped stdout has ref()/unref().
require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const script = `
  const { kChannelHandle } = require('internal/child_process');
  console.log(typeof kChannelHandle, require('module').isBuiltin('internal/child_process'));
  console.log(process.stdout.ref() === process.stdout, process.stdout.unref() === process.stdout);`;
const withFlag = spawnSync(process.execPath, ['--expose-internals', '-e', script],
                           { encoding: 'utf8' });
assert.strictEqual(withFlag.stderr, '');
assert.strictEqual(withFlag.stdout, 'symbol true\ntrue true\n');
assert.strictEqual(withFlag.status, 0);

const without = spawnSync(process.execPath, ['-e', `
  try { require('internal/child_process'); } catch (e) { console.log(e.code); }
  console.log(require('module').isBuiltin('internal/child_process'));`], { encoding: 'utf8' });
assert.strictEqual(without.stdout, 'MODULE_NOT_FOUND\nfalse\n');
