// module.registerHooks(): synchronous in-thread resolve/load hooks for
// import, their chain and shortCircuit rules, and deregister().
import assert from 'node:assert';
import { registerHooks } from 'node:module';

const calls = [];
const first = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'sync:x') return { url: 'sync:x', shortCircuit: true };
    if (specifier === 'sync:no-short') return { url: 'sync:no-short' };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    calls.push(`first load ${url}`);
    if (url === 'sync:x') {
      return { format: 'module', source: 'export default 42;', shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
assert.strictEqual(first.constructor.name, 'ModuleHooks');
assert.strictEqual(typeof first.deregister, 'function');
assert.deepStrictEqual(Object.keys(first), ['resolve', 'load']);

const second = registerHooks({
  load(url, context, nextLoad) {
    calls.push(`second load ${url}`);
    const r = nextLoad(url, context);
    return url === 'sync:x' ? { ...r, source: `${r.source} export const extra = 1;` } : r;
  },
});

const ns = await import('sync:x');
assert.strictEqual(ns.default, 42);
assert.strictEqual(ns.extra, 1);
assert.deepStrictEqual(calls, ['second load sync:x', 'first load sync:x']);

await assert.rejects(import('sync:no-short'), {
  code: 'ERR_INVALID_RETURN_PROPERTY_VALUE',
  message: 'Expected true to be returned for the "shortCircuit" from the "resolve" hook but ' +
    'got undefined.',
});

second.deregister();
first.deregister();
await assert.rejects(import('sync:x?again'), { code: 'ERR_UNSUPPORTED_ESM_URL_SCHEME' });

assert.throws(() => registerHooks({ resolve: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hooks.resolve" property must be of type function. Received type number (5)',
});
