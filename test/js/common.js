'use strict';
// Helpers for test/js: mustCall / mustNotCall / mustSucceed / expectsError, as in
// node's test/common, checked when the process exits.
const assert = require('node:assert');

const mustCallChecks = [];

function runCallChecks(exitCode) {
  if (exitCode !== 0) return;
  const failed = mustCallChecks.filter((c) =>
    ('minimum' in c ? c.actual < c.minimum : c.actual !== c.exact));
  for (const c of failed) {
    const expected = 'minimum' in c ? `at least ${c.minimum}` : `exactly ${c.exact}`;
    console.error(`Mismatched ${c.name} function calls. Expected ${expected}, actual ${c.actual}.`);
    console.error(c.stack.split('\n').slice(2).join('\n'));
  }
  if (failed.length) process.exit(1);
}

function mustCall(fn, exact = 1) {
  if (typeof fn === 'number') {
    exact = fn;
    fn = undefined;
  }
  fn ??= () => {};
  if (mustCallChecks.length === 0) process.on('exit', runCallChecks);
  const context = { exact, actual: 0, stack: new Error().stack, name: fn.name || '<anonymous>' };
  mustCallChecks.push(context);
  return function(...args) {
    context.actual++;
    return fn.apply(this, args);
  };
}

function mustCallAtLeast(fn, minimum = 1) {
  if (typeof fn === 'number') {
    minimum = fn;
    fn = undefined;
  }
  fn ??= () => {};
  if (mustCallChecks.length === 0) process.on('exit', runCallChecks);
  const context = { minimum, actual: 0, stack: new Error().stack, name: fn.name || '<anonymous>' };
  mustCallChecks.push(context);
  return function(...args) {
    context.actual++;
    return fn.apply(this, args);
  };
}

function mustNotCall(msg) {
  return function mustNotCall(...args) {
    assert.fail(`${msg || 'function should not have been called'}: called with ${args.length} arguments`);
  };
}

function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

function expectsError(validator, exact) {
  return mustCall((...args) => {
    if (args.length !== 1) assert.fail(`Expected one argument, got ${args.length}`);
    const error = args.pop();
    assert.throws(() => { throw error; }, validator);
    return true;
  }, exact);
}

// Runs `source` in a child cairn/node (the same binary as this test) and returns
// { status, stdout, stderr }.
function runChild(args, options = {}) {
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', ...options });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

module.exports = { mustCall, mustCallAtLeast, mustNotCall, mustSucceed, expectsError, runChild };
