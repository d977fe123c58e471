// Chained module.register() hooks: the last registered runs first; the
// context given to nextResolve reaches the next hook; initialize() gets the
// data (a clone, with a transferred MessagePort) and may be async; register()
// rejects data that cannot be cloned.
import assert from 'node:assert';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const messages = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (m) => messages.push(m));
const { port1: portB1, port2: portB2 } = new MessageChannel();
portB1.on('message', (m) => messages.push(m));

const data = { port: port2, tag: 'first' };
register('./fixtures/esm/hooks/chain-a.mjs', import.meta.url,
  { data, transferList: [port2] });
register('./fixtures/esm/hooks/chain-b.mjs', {
  parentURL: import.meta.url, data: { port: portB2 }, transferList: [portB2],
});

assert.throws(() => register('./fixtures/esm/hooks/chain-a.mjs', import.meta.url,
  { data: { f() {} } }), { name: 'DataCloneError' });

const ns = await import('chain:x');
assert.strictEqual(ns.default, 'a');
assert.strictEqual(ns.b, 'b');

await new Promise((resolve) => setTimeout(resolve, 50));
port1.close();
portB1.close();
const a = messages.filter((m) => m.startsWith('a '));
const b = messages.filter((m) => m.startsWith('b '));
assert.deepStrictEqual(a, [
  'a initialized with first',
  'a resolve chain:x marker=from-b conditions=true',
  'a load chain:x format=module',
]);
assert.deepStrictEqual(b, ['b initialized', 'b resolve chain:x', 'b load']);
