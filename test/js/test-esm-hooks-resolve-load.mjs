// module.register() resolve/load hooks: a virtual scheme, every source type
// (string, Buffer, Uint8Array, ArrayBuffer), the json/commonjs/builtin
// formats, source rewriting through nextLoad, and imports inside a virtual module.
import assert from 'node:assert';
import { register } from 'node:module';

assert.strictEqual(register('./fixtures/esm/hooks/virtual.mjs', import.meta.url), undefined);

const str = await import('virtual:string');
assert.strictEqual(str.default, 1);
assert.strictEqual(str.kind, 'string');
assert.strictEqual((await import('virtual:buffer')).default, 'buffer');
assert.strictEqual((await import('virtual:uint8')).default, 'uint8');
assert.strictEqual((await import('virtual:arraybuffer')).default, 'ab');
assert.deepStrictEqual((await import('virtual:json')).default, { answer: 42 });
const cjs = await import('virtual:cjs');
assert.strictEqual(cjs.named, 'cjs-named');
assert.strictEqual(cjs.default.n, 2);
assert.strictEqual((await import('virtual:deps')).default, 'string:function');
assert.strictEqual((await import('virtual:meta')).default, 'virtual:meta');
assert.strictEqual((await import('alias:fs')).default, (await import('node:fs')).default);
assert.strictEqual((await import('./fixtures/esm/hooks/rewrite-me.mjs')).default, 'REWRITTEN');
// the same URL is one module instance
assert.strictEqual(await import('virtual:string'), str);
