// The transform's metadata reaches the loader intact (docs/esm.md 1): string
// export names with NUL and non-ASCII characters (the fallback path), import
// attributes, namespace, indirect and star exports, in one module graph.
import assert from 'node:assert';

const dep = 'const v = 5; const w = 6;\n' +
  'export { v as "a\\0b", w as "ü", v as __proto__ }; export default 1;';
const depURL = `data:text/javascript,${encodeURIComponent(dep)}`;
const json = `data:application/json,${encodeURIComponent('{"x":1}')}`;
const main = `import * as ns from '${depURL}';\n` +
  `import { "a\\0b" as q, "ü" as u } from '${depURL}';\n` +
  `import j from '${json}' with { type: 'json' };\n` +
  `export { "ü" as again, default as d } from '${depURL}';\n` +
  `export * from '${depURL}';\n` +
  'export const seen = [Object.keys(ns), q, u, j.x];';
const m = await import(`data:text/javascript,${encodeURIComponent(main)}`);
assert.deepStrictEqual(m.seen, [['__proto__', 'a\0b', 'default', 'ü'], 5, 6, 1]);
assert.deepStrictEqual(Object.keys(m), ['__proto__', 'a\0b', 'again', 'd', 'seen', 'ü']);
assert.strictEqual(m.again, 6);
assert.strictEqual(m.d, 1);
assert.strictEqual(m['a\0b'], 5);
