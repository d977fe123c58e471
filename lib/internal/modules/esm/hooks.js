'use strict';
// Module customization hooks: module.register() (asynchronous `resolve` /
// `load` chains plus `initialize`) and module.registerHooks() (synchronous
// chains). node runs register()'s hooks on a separate thread; cairn runs them
// on the main thread, between the loader's steps (docs/esm.md 3.7). The loader
// only comes here once a hook exists: without hooks nothing of this file runs.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_PROPERTY_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_LOADER_CHAIN_INCOMPLETE,
    ERR_UNKNOWN_MODULE_FORMAT,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');

// register() hooks, oldest first: { id, resolve, load } (id: the specifier
// given to register(), which node's messages name).
const asyncChain = [];
// registerHooks() hooks, oldest first: ModuleHooks instances.
const syncChain = [];
// Settles once every initialize() started so far has finished.
let ready = null;

const kDefaultResolveId = 'node:internal/modules/esm/resolve';
const kDefaultLoadId = 'node:internal/modules/esm/load';

function active() {
  return asyncChain.length > 0 || syncChain.length > 0 || ready !== null;
}

function whenReady() {
  return ready === null ? undefined : ready;
}

let resolveModule;
function lazyResolve() {
  resolveModule ??= require('internal/modules/esm/resolve');
  return resolveModule;
}

function isURLObject(value) {
  return value != null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string';
}

// ---- register() ----

function register(specifier, parentURL = undefined, options = undefined) {
  if (parentURL != null && typeof parentURL === 'object' && !isURLObject(parentURL)) {
    options = parentURL;
    parentURL = options.parentURL;
  }
  if (options != null) validateObject(options, 'options');
  const data = options?.data;
  const transferList = options?.transferList;
  parentURL = parentURL === undefined ? 'data:' : `${parentURL}`;
  const id = `${specifier}`;
  // node hands `data` to its hooks thread with postMessage: the hooks get a clone.
  const cloned = data === undefined ? undefined :
    structuredClone(data, transferList === undefined ? undefined : { transfer: transferList });
  const url = lazyResolve().resolve(id, parentURL);
  const loader = require('internal/modules/esm/loader');
  const ns = loader.importHooksModule(url);
  if (typeof ns?.then === 'function') {
    // a hooks module with top-level await: later loads wait for it
    queue(ns.then((namespace) => addHooks(id, namespace, cloned)));
    return undefined;
  }
  const result = addHooks(id, ns, cloned);
  if (typeof result?.then === 'function') queue(result);
  return undefined;
}

function queue(promise) {
  const previous = ready;
  const p = (previous === null ? promise : previous.then(() => promise)).then(() => {
    if (ready === p) ready = null;
  });
  ready = p;
}

function addHooks(id, ns, data) {
  const entry = { __proto__: null, id, resolve: undefined, load: undefined };
  if (typeof ns.resolve === 'function') entry.resolve = ns.resolve;
  if (typeof ns.load === 'function') entry.load = ns.load;
  if (entry.resolve !== undefined || entry.load !== undefined) asyncChain.push(entry);
  if (typeof ns.initialize === 'function') return ns.initialize(data);
  return undefined;
}

// ---- registerHooks() ----

class ModuleHooks {
  constructor(resolve, load) {
    this.resolve = resolve;
    this.load = load;
    syncChain.push(this);
  }

  deregister() {
    const i = syncChain.indexOf(this);
    if (i !== -1) syncChain.splice(i, 1);
  }
}

function registerHooks(hooks) {
  validateObject(hooks, 'hooks');
  const { resolve, load } = hooks;
  if (resolve !== undefined) validateFunction(resolve, 'hooks.resolve');
  if (load !== undefined) validateFunction(load, 'hooks.load');
  return new ModuleHooks(resolve, load);
}

// ---- the default steps ----

function isAnySource(source) {
  return typeof source === 'string' || ArrayBuffer.isView(source) ||
    source instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && source instanceof SharedArrayBuffer);
}

// node's defaultResolve: { url, format }.
function defaultResolve(specifier, context) {
  const { resolve, formatOf, pathToFileURL } = lazyResolve();
  // (the entry has no parent: node resolves it, and names it in errors, from the cwd)
  const parentURL = context.parentURL ?? pathToFileURL(`${process.cwd()}/`);
  const url = resolve(specifier, parentURL, false, context.conditions);
  let format;
  try {
    format = formatOf(url);
  } catch {
    format = undefined;
  }
  return { __proto__: null, url, format };
}

// node's defaultLoad: { format, responseURL, source }; source is a Buffer,
// undefined for CommonJS (the CommonJS loader reads it) and null for builtins.
function defaultLoad(url, context) {
  const { formatOf, dataURLSource, fileURLToPath } = lazyResolve();
  let format = context.format;
  if (format == null) format = formatOf(url);
  let source;
  if (format === 'builtin') {
    source = null;
  } else if (format === 'commonjs' && url.startsWith('file:')) {
    source = undefined;
  } else if (url.startsWith('data:')) {
    source = Buffer.from(dataURLSource(url));
  } else if (url.startsWith('file:')) {
    let end = url.indexOf('?');
    const hash = url.indexOf('#');
    if (end === -1 || (hash !== -1 && hash < end)) end = hash;
    source = require('fs').readFileSync(fileURLToPath(end === -1 ? url : url.slice(0, end)));
  } else {
    formatOf(url); // throws ERR_UNSUPPORTED_ESM_URL_SCHEME
  }
  return { __proto__: null, format, responseURL: url, source };
}

// ---- the synchronous chains (registerHooks) ----

function runSyncChain(name, arg, context, defaultFn) {
  const hooks = [];
  for (let i = 0; i < syncChain.length; i++) {
    if (typeof syncChain[i][name] === 'function') hooks.push(syncChain[i][name]);
  }
  if (hooks.length === 0) return defaultFn(arg, context);
  const step = (index, value, ctx) => {
    if (index < 0) return defaultFn(value, ctx);
    let calledNext = false;
    const next = (nextValue, nextContext) => {
      calledNext = true;
      return step(index - 1, nextValue === undefined ? value : `${nextValue}`,
        nextContext === undefined ? ctx : { __proto__: null, ...ctx, ...nextContext });
    };
    const result = hooks[index](value, ctx, next);
    if (!calledNext && result.shortCircuit !== true) {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE('true', name, 'shortCircuit',
        result.shortCircuit);
    }
    return result;
  };
  const result = step(hooks.length - 1, arg, context);
  if (name === 'resolve' && typeof result?.url !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', 'resolve', 'url', result?.url);
  }
  return result;
}

// ---- the asynchronous chains (register) ----

function validateResolveArgs(id, specifier, context) {
  if (typeof specifier !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`${id} specifier`, 'string', specifier);
  }
  if (context !== undefined) validateObject(context, `${id} context`);
}

function validateLoadArgs(id, url, context) {
  if (typeof url !== 'string') throw new ERR_INVALID_ARG_TYPE(`${id} url`, 'a URL string', url);
  if (context !== undefined) validateObject(context, `${id} context`);
}

function validateOutput(id, output) {
  if (typeof output !== 'object' || output === null) {
    throw new ERR_INVALID_RETURN_VALUE('an object', id, output);
  }
}

// Runs the `name` chain of register() hooks: the newest hook first, each
// given a next function for the one before it; the innermost is the default
// (with the registerHooks() chain around it).
async function runAsyncChain(name, nextName, arg, context, defaultFn, validateArgs) {
  const entries = [];
  for (let i = 0; i < asyncChain.length; i++) {
    if (asyncChain[i][name] !== undefined) entries.push(asyncChain[i]);
  }
  const defaultId = name === 'resolve' ? kDefaultResolveId : kDefaultLoadId;
  const meta = {
    __proto__: null, context, id: undefined, chainFinished: false, shortCircuited: false,
  };
  const nextFor = (index) => async (value, ctx) => {
    const invokedId = index < 0 ? defaultId : entries[index].id;
    meta.id = `${invokedId} '${name}'`;
    validateArgs(`${meta.id} hook's ${nextName}()`, value, ctx);
    if (index < 0) meta.chainFinished = true;
    if (ctx) Object.assign(meta.context, ctx);
    let output;
    if (index < 0) {
      output = runSyncChain(name, value, meta.context, defaultFn);
    } else {
      output = await entries[index][name](value, meta.context, nextFor(index - 1));
    }
    validateOutput(`${invokedId} '${name}' hook's ${nextName}()`, output);
    if (output?.shortCircuit === true) meta.shortCircuited = true;
    return output;
  };
  const output = await nextFor(entries.length - 1)(arg);
  validateOutput(meta.id, output);
  if (output.shortCircuit === true) meta.shortCircuited = true;
  if (!meta.chainFinished && !meta.shortCircuited) throw new ERR_LOADER_CHAIN_INCOMPLETE(meta.id);
  return { output, id: meta.id };
}

// The resolve step with hooks: { url, format, importAttributes }.
async function resolve(specifier, parentURL, importAttributes) {
  if (ready !== null) await ready;
  const context = {
    __proto__: null,
    conditions: [...lazyResolve().importConditions],
    importAttributes: { ...importAttributes },
  };
  if (parentURL !== undefined) context.parentURL = parentURL;
  const { output, id } = await runAsyncChain('resolve', 'nextResolve', specifier,
    { ...context }, defaultResolve, validateResolveArgs);
  const { url, format } = output;
  if (typeof url !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', id, 'url', url);
  }
  try {
    new (require('internal/url').URL)(url);
  } catch {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', id, 'url', url);
  }
  if (format != null && typeof format !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a string', id, 'format', format);
  }
  let attributes = output.importAttributes;
  if (attributes != null && typeof attributes !== 'object') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('an object', id, 'importAttributes', attributes);
  }
  attributes ??= importAttributes;
  return { __proto__: null, url, format: format ?? undefined, importAttributes: attributes };
}

// The load step with hooks: { format, source } with source a string (or
// undefined: a CommonJS module the CommonJS loader reads itself).
async function load(url, format, importAttributes) {
  if (ready !== null) await ready;
  const context = { __proto__: null, format, importAttributes: { ...importAttributes } };
  const { output, id } = await runAsyncChain('load', 'nextLoad', url, { ...context },
    defaultLoad, validateLoadArgs);
  const { format: outFormat, source } = output;
  if (outFormat == null) throw new ERR_UNKNOWN_MODULE_FORMAT(outFormat, url);
  if (typeof outFormat !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a string', id, 'format', outFormat);
  }
  if (source != null && !isAnySource(source)) {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a string, an ArrayBuffer, or a TypedArray', id,
      'source', source);
  }
  return { __proto__: null, format: outFormat, source: sourceText(source) };
}

function sourceText(source) {
  if (source == null || typeof source === 'string') return source;
  if (ArrayBuffer.isView(source)) {
    return Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8');
  }
  return Buffer.from(source).toString('utf8');
}

module.exports = {
  active,
  whenReady,
  register,
  registerHooks,
  resolve,
  load,
  ModuleHooks,
};
