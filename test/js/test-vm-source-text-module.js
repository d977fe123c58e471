'use strict';
// vm.SourceTextModule and vm.SyntheticModule exist with --experimental-vm-modules
// only; a module links through the linker, shows TDZ bindings before it runs,
// evaluates in its context, and reports its state and errors as node does.
const common = require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

if (process.argv[2] !== 'child') {
  assert.strictEqual(vm.SourceTextModule, undefined);
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', __filename,
                                         'child'], { encoding: 'utf8' });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, 'done\n');
  assert.strictEqual(r.status, 0);
  return;
}

const { inspect } = require('node:util');

(async () => {
  const context = vm.createContext({ base: 40 });
  const m = new vm.SourceTextModule(
    'import one from "dep"; export const a = base + one + 1; export var b = 2;', { context });
  assert.strictEqual(m.identifier, 'vm:module(0)');
  assert.strictEqual(m.status, 'unlinked');
  assert.deepStrictEqual(m.dependencySpecifiers, ['dep']);
  assert.throws(() => m.namespace, { code: 'ERR_VM_MODULE_STATUS' });

  const dep = new vm.SyntheticModule(['default'], function() {
    this.setExport('default', 1);
  }, { context });
  assert.strictEqual(dep.status, 'linked');

  const linking = m.link(common.mustCall((specifier, referencing) => {
    assert.strictEqual(specifier, 'dep');
    assert.strictEqual(referencing, m);
    return dep;
  }));
  assert.strictEqual(m.status, 'linking');
  await linking;
  assert.strictEqual(m.status, 'linked');
  assert.strictEqual(inspect(m.namespace),
                     '[Module: null prototype] { a: <uninitialized>, b: undefined }');
  await assert.rejects(m.link(() => dep), { code: 'ERR_VM_MODULE_ALREADY_LINKED' });

  await m.evaluate();
  assert.strictEqual(m.status, 'evaluated');
  assert.strictEqual(inspect(m.namespace), '[Module: null prototype] { a: 42, b: 2 }');

  const bad = new vm.SourceTextModule('import "x"');
  await assert.rejects(bad.link(() => ({})), { code: 'ERR_VM_MODULE_NOT_MODULE' });
  assert.strictEqual(bad.status, 'errored');

  const thrower = new vm.SourceTextModule('throw new Error("boom")');
  await thrower.link(common.mustNotCall());
  await assert.rejects(thrower.evaluate(), { message: 'boom' });
  assert.strictEqual(thrower.status, 'errored');
  assert.strictEqual(thrower.error.message, 'boom');

  assert.throws(() => dep.setExport('nope', 1), ReferenceError);
  console.log('done');
})().then(common.mustCall());
