'use strict';
// node:test: tests, suites, hooks and the root that runs them after the main
// module has loaded, one at a time in creation order, then prints a summary
// when the event loop is about to empty and sets the exit code.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { MockTracker } = require('internal/test_runner/mock');
const { createReporter } = require('internal/test_runner/reporter');

const kCancelled = 'Promise resolution is still pending but the event loop has already resolved';

let reporter;
let root;
let current; // the test or suite whose body is running synchronously

function now() { return performance.now(); }
function noop() {}

function callerLocation() {
  const lines = (new Error().stack || '').split('\n');
  for (const line of lines.slice(1)) {
    if (/node:|internal\/test_runner/.test(line)) continue;
    const m = /\(?((?:\/|file:)[^()]*?):(\d+):(\d+)\)?$/.exec(line.trim());
    if (m) return `${m[1]}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

class Test {
  constructor(parent, type, name, options, fn) {
    this.parent = parent;
    this.type = type;
    this.name = name;
    this.fn = fn ?? (type === 'test' ? noop : undefined);
    this.options = options;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.subtests = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.diagnostics = [];
    this.skip = options.skip === true || typeof options.skip === 'string' ?
      (options.skip === true ? '' : options.skip) : undefined;
    this.todo = options.todo === true || typeof options.todo === 'string' ?
      (options.todo === true ? '' : options.todo) : undefined;
    this.timeout = options.timeout;
    this.passed = true;
    this.error = undefined;
    this.failureType = undefined;
    this.duration = 0;
    this.index = 0;
    this.started = false;
    this.finished = false;
    this.location = callerLocation();
    this.controller = new AbortController();
    this.mockTracker = undefined;
    this.planned = undefined;
    this.assertions = 0;
    this.runPromise = undefined;
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  get fullName() {
    return this.parent && this.parent.parent ? `${this.parent.fullName} > ${this.name}` : this.name;
  }

  fail(err, failureType) {
    if (!this.passed) return;
    this.passed = false;
    this.error = err;
    this.failureType = failureType;
  }

  addSubtest(sub) {
    this.subtests.push(sub);
    sub.index = this.subtests.length;
    return sub;
  }

  inheritedHooks(kind) {
    const chain = [];
    for (let t = this.parent; t; t = t.parent) chain.unshift(t);
    const hooks = [];
    for (const t of chain) hooks.push(...t.hooks[kind]);
    return kind === 'afterEach' ? hooks.reverse() : hooks;
  }

  async runHooks(kind, list, ctx) {
    for (const hook of list) {
      try {
        await callWithTimeout(hook.fn, ctx, hook.options.timeout);
      } catch (err) {
        this.fail(err, 'hookFailure');
        return false;
      }
    }
    return true;
  }

  run() {
    this.runPromise ??= this.#run();
    return this.runPromise;
  }

  async #run() {
    this.started = true;
    reporter.start(this);
    const start = now();
    const ctx = this.type === 'suite' ? new SuiteContext(this) : new TestContext(this);
    if (this.skip === undefined) {
      if (this.type === 'test') {
        const eachOk = await this.runHooks('beforeEach', this.inheritedHooks('beforeEach'), ctx);
        if (eachOk) {
          try {
            await callWithTimeout(this.fn, ctx, this.timeout, this);
          } catch (err) {
            if (err?.code === 'ERR_TEST_TIMEOUT') this.fail(err, 'testTimeoutFailure');
            else this.fail(err, 'testCodeFailure');
          }
          for (const sub of this.subtests) await sub.run();
          if (this.planned !== undefined && this.passed && this.planned !== this.assertions) {
            this.fail(new Error(`plan expected ${this.planned} assertions but received ${this.assertions}`),
                      'testCodeFailure');
          }
          await this.runHooks('after', this.hooks.after, ctx);
        }
        await this.runHooks('afterEach', this.inheritedHooks('afterEach'), ctx);
      } else {
        if (this.buildError !== undefined) {
          this.fail(this.buildError, 'testCodeFailure');
        } else if (await this.runHooks('before', this.hooks.before, ctx)) {
          for (const sub of this.subtests) await sub.run();
        }
        await this.runHooks('after', this.hooks.after, ctx);
      }
      if (this.mockTracker) this.mockTracker.reset();
    }
    this.finish(start);
  }

  finish(start) {
    if (this.finished) return;
    this.finished = true;
    this.duration = now() - start;
    const failed = this.subtests.filter((t) => !t.passed && t.todo === undefined).length;
    if (failed && this.passed) {
      this.fail(new Error(`${failed} subtest${failed > 1 ? 's' : ''} failed`), 'subtestsFailed');
    }
    if (this.subtests.length) reporter.plan(this, this.subtests.length);
    reporter.complete(this);
    this.controller.abort();
    this.resolveDone();
  }

  cancel() {
    if (this.finished) return;
    for (const sub of this.subtests) sub.cancel();
    const err = new Error(kCancelled);
    err.code = 'ERR_TEST_FAILURE';
    this.fail(err, 'cancelledByParent');
    this.finish(now());
  }
}

function callWithTimeout(fn, ctx, timeout, test) {
  let done;
  const body = new Promise((resolve, reject) => {
    const prev = current;
    current = test ?? current;
    try {
      if (fn.length >= 2) {
        let called = false;
        const cb = (err) => {
          if (called) return;
          called = true;
          if (err) reject(err);
          else resolve();
        };
        const r = fn.call(ctx, ctx, cb);
        if (r && typeof r.then === 'function') {
          reject(new Error('passed a callback but also returned a Promise'));
        }
      } else {
        Promise.resolve(fn.call(ctx, ctx)).then(resolve, reject);
      }
    } catch (err) {
      reject(err);
    } finally {
      current = prev;
    }
  });
  if (timeout === undefined || timeout === Infinity) return body;
  return Promise.race([body, new Promise((resolve, reject) => {
    done = setTimeout(() => {
      const err = new Error(`test timed out after ${timeout}ms`);
      err.code = 'ERR_TEST_TIMEOUT';
      reject(err);
    }, timeout);
    done.unref();
  })]).finally(() => clearTimeout(done));
}

class SuiteContext {
  #test;
  constructor(test) { this.#test = test; }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName; }
  get signal() { return this.#test.controller.signal; }
}

class TestContext {
  #test;
  constructor(test) { this.#test = test; }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName; }
  get signal() { return this.#test.controller.signal; }
  get mock() { return (this.#test.mockTracker ??= new MockTracker()); }
  get assert() {
    const assert = require('assert');
    const test = this.#test;
    const wrapped = {};
    for (const key of Object.keys(assert)) {
      if (typeof assert[key] !== 'function' || key === 'AssertionError') continue;
      wrapped[key] = (...args) => {
        test.assertions++;
        return assert[key](...args);
      };
    }
    return wrapped;
  }
  diagnostic(message) { this.#test.diagnostics.push(`${message}`); }
  plan(count) { this.#test.planned = count; }
  skip(message = '') { this.#test.skip = `${message}`; }
  todo(message = '') { this.#test.todo = `${message}`; }
  runOnly() {}
  before(fn, options) { addHook(this.#test, 'before', fn, options); }
  after(fn, options) { addHook(this.#test, 'after', fn, options); }
  beforeEach(fn, options) { addHook(this.#test, 'beforeEach', fn, options); }
  afterEach(fn, options) { addHook(this.#test, 'afterEach', fn, options); }
  test(name, options, fn) {
    const sub = createTest(this.#test, 'test', name, options, fn);
    if (sub.parent.finished) return Promise.resolve();
    return sub.run();
  }
}

function addHook(test, kind, fn, options = {}) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
  test.hooks[kind].push({ fn, options: options ?? {} });
}

function parseArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    options = {};
    name = fn.name || '<anonymous>';
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
    name = fn?.name || '<anonymous>';
  } else if (typeof options === 'function') {
    fn = options;
    options = {};
  }
  options ??= {};
  if (name === undefined) name = fn?.name || '<anonymous>';
  if (fn !== undefined && typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
  }
  return { name: `${name}`, options, fn };
}

function getRoot() {
  if (root === undefined) {
    reporter = createReporter();
    root = new Test(null, 'suite', '<root>', {}, undefined);
    root.started = true;
    const start = now();
    let running = false;
    root.schedule = () => {
      if (running) return;
      running = true;
      process.nextTick(async () => {
        const ctx = new SuiteContext(root);
        if (!root.beforeRan) {
          root.beforeRan = true;
          await root.runHooks('before', root.hooks.before, ctx);
        }
        for (let i = 0; i < root.subtests.length; i++) await root.subtests[i].run();
        running = false;
        await root.runHooks('after', root.hooks.after.splice(0), ctx);
      });
    };
    process.on('beforeExit', () => {
      if (root.summarized) return;
      for (const t of root.subtests) t.cancel();
      root.summarized = true;
      summarize(start);
    });
  }
  return root;
}

function summarize(start) {
  const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  const visit = (t) => {
    if (t.type === 'suite') counts.suites++;
    else {
      counts.tests++;
      if (t.skip !== undefined) counts.skipped++;
      else if (t.todo !== undefined) counts.todo++;
      else if (t.failureType === 'cancelledByParent') counts.cancelled++;
      else if (t.passed) counts.pass++;
      else counts.fail++;
    }
    t.subtests.forEach(visit);
  };
  root.subtests.forEach(visit);
  reporter.plan(root, root.subtests.length);
  reporter.summary(counts, now() - start);
  if (root.subtests.some((t) => !t.passed && t.todo === undefined)) process.exitCode = 1;
}

function createTest(parent, type, name, options, fn) {
  const args = parseArgs(name, options, fn);
  const test = new Test(parent, type, args.name, args.options, args.fn);
  parent.addSubtest(test);
  if (type === 'suite' && test.fn && test.skip === undefined) {
    const prev = current;
    current = test;
    try {
      const r = test.fn.call(new SuiteContext(test), new SuiteContext(test));
      if (r && typeof r.then === 'function') r.then(undefined, (err) => { test.buildError = err; });
    } catch (err) {
      test.buildError = err;
    } finally {
      current = prev;
    }
  }
  return test;
}

function parentForNew() {
  if (current && !current.finished) return current;
  return getRoot();
}

function test(name, options, fn) {
  const parent = parentForNew();
  const t = createTest(parent, 'test', name, options, fn);
  if (parent === root) {
    root.schedule();
    return t.done;
  }
  return Promise.resolve();
}

function suite(name, options, fn) {
  const parent = parentForNew();
  createTest(parent, 'suite', name, options, fn);
  if (parent === root) root.schedule();
  return Promise.resolve();
}

function withModifiers(base) {
  base.skip = (name, options, fn) => {
    const a = parseArgs(name, options, fn);
    return base(a.name, { ...a.options, skip: true }, a.fn);
  };
  base.todo = (name, options, fn) => {
    const a = parseArgs(name, options, fn);
    return base(a.name, { ...a.options, todo: true }, a.fn);
  };
  base.only = (name, options, fn) => {
    const a = parseArgs(name, options, fn);
    return base(a.name, { ...a.options, only: true }, a.fn);
  };
  return base;
}

function hook(kind) {
  return (fn, options) => addHook(parentForNew(), kind, fn, options);
}

const mock = new MockTracker();

module.exports = {
  test: withModifiers(test),
  it: withModifiers((name, options, fn) => test(name, options, fn)),
  suite: withModifiers(suite),
  describe: withModifiers((name, options, fn) => suite(name, options, fn)),
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
  mock,
};
