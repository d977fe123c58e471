'use strict';
// --expose-gc's gc() takes node's options: { type: 'minor' } (or true) for a young-objects
// collection, { execution: 'async' } for a collection in a later task answered by a promise.
require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const child = spawnSync(process.execPath, ['--expose-gc', '-e', `
  const out = [gc.name, gc.length, gc(), gc(true), gc({ type: 'minor' }), gc({ type: 'major' })];
  const p = gc({ execution: 'async' });
  out.push(p instanceof Promise);
  let young = [];
  for (let i = 0; i < 1000; i++) young.push({ i });
  young = null;
  gc({ type: 'minor' });
  p.then((v) => { out.push(v); console.log(JSON.stringify(out)); });
`], { encoding: 'utf8' });
assert.strictEqual(child.stderr, '');
assert.strictEqual(child.stdout.trim(), '["gc",0,null,null,null,null,true,null]');
