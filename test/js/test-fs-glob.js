'use strict';
// fs.globSync, fs.glob and fsPromises.glob: *, **, ?, [...], {a,b}, dot names, trailing /,
// absolute patterns, cwd, exclude (function and patterns), withFileTypes, argument errors.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-glob-'));
for (const d of ['a/b/c', '.hid', 'x']) fs.mkdirSync(path.join(root, d), { recursive: true });
for (const f of ['a/1.js', 'a/2.ts', 'a/b/3.js', 'a/b/c/4.js', '.hid/5.js', 'x/6.js', '.dot.js',
                 'top.js', 'a/b/.h.js']) {
  fs.writeFileSync(path.join(root, f), '');
}
fs.symlinkSync('a', path.join(root, 'lnk'));

const glob = (p, o) => fs.globSync(p, { cwd: root, ...o }).sort();
assert.deepStrictEqual(glob('**/*.js'), ['a/1.js', 'a/b/3.js', 'a/b/c/4.js', 'top.js', 'x/6.js']);
assert.deepStrictEqual(glob('*.js'), ['top.js']);
assert.deepStrictEqual(glob('a/**'), ['a', 'a/1.js', 'a/2.ts', 'a/b', 'a/b/3.js', 'a/b/c',
                                      'a/b/c/4.js']);
assert.deepStrictEqual(glob('**'), ['.', 'a', 'a/1.js', 'a/2.ts', 'a/b', 'a/b/3.js', 'a/b/c',
                                    'a/b/c/4.js', 'lnk', 'top.js', 'x', 'x/6.js']);
assert.deepStrictEqual(glob('a/{b,x}/*.js'), ['a/b/3.js']);
assert.deepStrictEqual(glob('a/*.{js,ts}'), ['a/1.js', 'a/2.ts']);
assert.deepStrictEqual(glob('a/?.js'), ['a/1.js']);
assert.deepStrictEqual(glob('a/[!1].*'), ['a/2.ts']);
assert.deepStrictEqual(glob('lnk/**/*.js'), ['lnk/1.js', 'lnk/b/3.js', 'lnk/b/c/4.js']);
assert.deepStrictEqual(glob('./a/../top.js'), ['top.js']);
assert.deepStrictEqual(glob('**/.*'), ['.dot.js', '.hid', 'a/b/.h.js']);
assert.deepStrictEqual(glob('*/'), ['a', 'x']);
assert.deepStrictEqual(glob('**/c'), ['a/b/c']);
assert.deepStrictEqual(glob('nope/*'), []);
assert.deepStrictEqual(fs.globSync(root + '/a/*.js'), [root + '/a/1.js']);
assert.deepStrictEqual(glob(['a/*.js', 'x/*.js']), ['a/1.js', 'x/6.js']);
assert.deepStrictEqual(glob('**/*.js', { exclude: (p) => p.startsWith('a') }), ['top.js', 'x/6.js']);
assert.deepStrictEqual(glob('a/**/*.js', { exclude: ['a/b'] }), ['a/1.js']);
assert.deepStrictEqual(fs.globSync('**/*.js', { cwd: path.join(root, 'a') }).sort(),
                       ['1.js', 'b/3.js', 'b/c/4.js']);

const dirents = fs.globSync('a/*', { cwd: root, withFileTypes: true })
  .map((d) => [d.name, d.parentPath, d.isFile()]).sort();
const a = path.join(root, 'a');
assert.deepStrictEqual(dirents, [['1.js', a, true], ['2.ts', a, true], ['b', a, false]]);

assert.throws(() => fs.globSync(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.globSync('*', { exclude: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });

fs.glob('a/*.js', { cwd: root }, common.mustCall((err, files) => {
  assert.strictEqual(err, null);
  assert.deepStrictEqual(files, ['a/1.js']);
}));
(async () => {
  const out = [];
  for await (const f of fs.promises.glob('a/**/*.js', { cwd: root })) out.push(f);
  assert.deepStrictEqual(out.sort(), ['a/1.js', 'a/b/3.js', 'a/b/c/4.js']);
})().then(common.mustCall());
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
