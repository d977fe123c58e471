'use strict';
// The ES module loader: module records, linking and evaluation of graphs of
// modules rewritten by the parser's transform (docs/esm.md), the module cache
// keyed by URL, namespaces, import(), import.meta and CommonJS interop.
//
// A source module is a generator function (docs/esm.md 1.1): calling it with
// its context object and the binding objects of its dependencies and running
// the first next() instantiates it (local export getters in place, hoisted
// functions created); the second next() runs its body. Evaluation follows the
// spec's Evaluate()/InnerModuleEvaluation (Tarjan SCCs for cycles) and its
// async evaluation order for top-level await.

const path = require('path');
const builtins = internalBinding('builtins');
const modules = internalBinding('modules');
const { BuiltinModule } = require('internal/bootstrap/realm');
const {
  resolve, formatOf, dataURLSource, pathToFileURL, fileURLToPath,
} = require('internal/modules/esm/resolve');
const {
  codes: {
    ERR_IMPORT_ATTRIBUTE_MISSING,
    ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE,
    ERR_IMPORT_ATTRIBUTE_UNSUPPORTED,
    ERR_REQUIRE_ASYNC_MODULE,
    ERR_REQUIRE_CYCLE_MODULE,
    ERR_UNKNOWN_BUILTIN_MODULE,
  },
} = require('internal/errors');

// ---- record states ----
const kNew = 0; // created, source not read
const kUnlinked = 1; // parsed, dependencies known
const kLinked = 2;
const kEvaluating = 3;
const kEvaluatingAsync = 4;
const kEvaluated = 5;

const records = new Map(); // url -> ModuleRecord

let asyncEvaluationCounter = 1;

// A module record. Null-prototype, so setters user code puts on
// Object.prototype never run.
function newRecord(url, format) {
  return {
    __proto__: null,
    url,
    format, // 'module' | 'commonjs' | 'json' | 'builtin'
    status: kNew,
    filename: undefined,
    source: undefined, // read ahead by format detection
    isMain: false,
    // Dependencies, in the order of the transform's requests. The transform's
    // lists are flat (docs/esm.md 1): requests [specifier, attributes, ...],
    // imports [request, name, ...], indirect [name, request, importName, ...].
    requests: null,
    deps: null,
    // The binding object the rewritten code reads (docs/esm.md 1.2).
    bindings: { __proto__: null },
    namespace: undefined,
    requireNamespace: undefined,
    // Source modules.
    code: undefined,
    direct: false, // compiled as a plain function (not in a cycle)
    exportNames: null, // every name it exports, sorted
    fn: undefined,
    ctx: undefined,
    gen: undefined,
    hasTLA: false,
    wrapperOffset: undefined, // compileFile(): the first line's shift
    localGetters: null,
    localExports: null,
    indirect: null,
    stars: null,
    imports: null,
    // Everything else: the names bindings provides and their values.
    names: null,
    values: null,
    exportsObject: undefined,
    // Evaluation (the spec's fields).
    dfsIndex: -1,
    dfsAncestorIndex: -1,
    cycleRoot: undefined,
    asyncEvaluation: 0, // 0: false; > 0: the order it became async; -1: done
    pendingAsyncDeps: 0,
    asyncParents: null,
    capability: undefined,
    hasError: false,
    error: undefined,
    loadError: undefined,
    linkError: undefined,
    // Loader hooks (hooks.js): the format and attributes a resolve hook gave,
    // a CommonJS source a load hook gave, the pending hooked load.
    hookFormat: undefined,
    hookAttributes: undefined,
    hookSource: undefined,
    hookLoading: undefined,
    // vm.SourceTextModule / vm.SyntheticModule (internal/vm/module): its
    // compile(code), evaluate() and importMeta() hooks.
    vm: undefined,
  };
}

function isCyclic(rec) {
  return rec.format === 'module';
}

// ---- the transform and compiling ----

let transformFn;
let transformFileFn;
function transform(source, flags) {
  if (transformFn === undefined) {
    let binding;
    try {
      binding = internalBinding('module_wrap');
    } catch {
      binding = undefined;
    }
    transformFn = typeof binding?.transform === 'function' ? binding.transform : null;
    transformFileFn = typeof binding?.transformFile === 'function' ? binding.transformFile : null;
  }
  if (transformFn === null) {
    const err = new Error('cairn was built without the ES module transform');
    err.code = 'ERR_NOT_IMPLEMENTED';
    throw err;
  }
  return transformFn(source, flags);
}

function hideEngineLocation(err) {
  require('internal/modules/cjs/loader').hideEngineLocation(err);
}

// A SyntaxError from the transform names the file and line like node's.
function transformSyntaxError(r, url) {
  const err = new SyntaxError(r.error);
  Object.defineProperties(err, {
    sourceURL: { __proto__: null, value: url, writable: true, configurable: true },
    line: { __proto__: null, value: r.line, writable: true, configurable: true },
    column: { __proto__: null, value: r.column, writable: true, configurable: true },
  });
  return err;
}

let wrapperOffsets;
// Parses a source module with the transform; the code is compiled at link time.
function compileSource(rec, source) {
  if (source.charCodeAt(0) === 0xFEFF) source = source.slice(1);
  const r = transform(source, 0);
  if (r.error !== undefined) throw transformSyntaxError(r, rec.url);
  rec.code = r[0];
  rec.hasTLA = (r[1] & 1) !== 0;
  readFields(rec, typeof r[2] === 'string' ? r[2].split('\0') : r[2]);
  rec.source = source;
}

// A module file read and transformed in one step (the transform reads its bytes): no
// string of its source is made; errors that need it read the file again (sourceOf).
// False when the file has to be read as text (not UTF-8, TypeScript...).
function compileFile(rec) {
  const filename = rec.filename;
  if (rec.source !== undefined || filename === undefined || /\.[cm]?ts$/.test(filename)) {
    return false;
  }
  if (transformFileFn === undefined) transform('', 0);
  if (transformFileFn === null) return false;
  const r = transformFileFn(filename);
  if (r === undefined) return false;
  if (r.error !== undefined) throw transformSyntaxError(r, rec.url);
  rec.code = r[0];
  rec.hasTLA = (r[1] & 1) !== 0;
  readFields(rec, typeof r[2] === 'string' ? r[2].split('\0') : r[2]);
  rec.wrapperOffset = r[3];
  return true;
}

// The source text of a module (for messages): kept, or read again.
function sourceOf(rec) {
  if (rec.source !== undefined || rec.filename === undefined) return rec.source;
  try {
    return readSource(rec);
  } catch {
    return undefined;
  }
}

// The transform's metadata fields (docs/esm.md 1): each list preceded by its
// length; requests are (specifier, attribute count, key, value...).
function readFields(rec, f) {
  let i = 0;
  let n = +f[i++];
  const requests = new Array(2 * n);
  for (let j = 0; j < n; j++) {
    requests[2 * j] = f[i++];
    const count = +f[i++];
    let attributes = null;
    if (count > 0) {
      attributes = { __proto__: null };
      for (let k = 0; k < count; k++, i += 2) attributes[f[i]] = f[i + 1];
    }
    requests[2 * j + 1] = attributes;
  }
  n = +f[i++];
  const imports = new Array(2 * n);
  for (let j = 0; j < 2 * n; j += 2, i += 2) {
    imports[j] = +f[i];
    imports[j + 1] = f[i + 1];
  }
  n = +f[i++];
  const exports = f.slice(i, i + n);
  i += n;
  n = +f[i++];
  const indirect = new Array(3 * n);
  for (let j = 0; j < 3 * n; j += 3, i += 3) {
    indirect[j] = f[i];
    indirect[j + 1] = +f[i + 1];
    indirect[j + 2] = f[i + 2];
  }
  n = +f[i++];
  const stars = new Array(n);
  for (let j = 0; j < n; j++) stars[j] = +f[i++];
  rec.requests = requests;
  rec.imports = imports;
  rec.localExports = exports;
  rec.indirect = indirect;
  rec.stars = stars;
}

// A module outside any import cycle needs no separate instantiation: its
// code runs as a plain (or async) function that registers its getters and
// then runs the body, which spares the engine's generator machinery. The
// transform's prologue ends with ");yield;" (docs/esm.md 1.1); both edits
// keep every column.
function plainFunctionCode(code) {
  const head = code.startsWith('(async function* (') ? 16 :
    code.startsWith('(function* (') ? 10 : -1;
  if (head === -1) return undefined;
  const end = code.indexOf(');yield;');
  if (end === -1) return undefined;
  // a quoted export name could contain anything: keep the generator then
  const quote = code.indexOf('"', code.indexOf('.l({', head));
  if (quote !== -1 && quote < end) return undefined;
  return `${code.slice(0, head - 1)} ${code.slice(head, end)});     ;${code.slice(end + 8)}`;
}

function compileRecord(rec, inCycle) {
  let code = rec.code;
  rec.code = undefined;
  if (!inCycle) {
    const plain = plainFunctionCode(code);
    if (plain !== undefined) {
      code = plain;
      rec.direct = true;
    }
  }
  let fn;
  try {
    fn = rec.vm !== undefined ? rec.vm.compile(code) : builtins.evalScript(code, rec.url);
  } catch (err) {
    hideEngineLocation(err);
    throw err;
  }
  // The prologue shares the first line: columns there are shifted by it.
  let offset = rec.wrapperOffset;
  if (offset === undefined) {
    const codeEnd = code.indexOf('\n');
    const source = rec.source;
    const srcEnd = source.indexOf('\n');
    offset = (codeEnd === -1 ? code.length : codeEnd) - (srcEnd === -1 ? source.length : srcEnd);
  }
  if (offset > 0) {
    wrapperOffsets ??= require('internal/error_stack').wrapperOffsets;
    wrapperOffsets.set(rec.url, offset);
  }
  rec.fn = fn;
}

// ---- records: creation and loading ----

function readSource(rec) {
  if (rec.source !== undefined) return rec.source;
  if (rec.url.startsWith('data:')) return dataURLSource(rec.url);
  const text = modules.readFileUtf8(rec.filename);
  if (!/\.[cm]?ts$/.test(rec.filename)) return text;
  return require('internal/modules/typescript').stripTypeScript(text, rec.filename, true);
}

// node's syntax detection for typeless .js files: CommonJS unless it does not
// compile as CommonJS and does compile as an ES module.
const pendingSources = new Map();
function detectModule(filename) {
  let source = modules.readFileUtf8(filename);
  if (filename.endsWith('.ts')) {
    source = require('internal/modules/typescript').stripTypeScript(source, filename, undefined);
  }
  pendingSources.set(filename, source);
  return looksLikeModule(source, filename);
}

function looksLikeModule(source, filename) {
  if (!/\b(?:import|export|await)\b/.test(source)) return false;
  try {
    const body = source.charCodeAt(0) === 35 && source.charCodeAt(1) === 33 ?
      '//' + source.slice(2) : source;
    builtins.checkSyntax(`(function (exports, require, module, __filename, __dirname) { ${body}\n})`,
      filename);
    return false;
  } catch {
    // not CommonJS: an ES module if it parses as one
  }
  try {
    return transform(source, 0).error === undefined;
  } catch {
    return false;
  }
}

function urlPath(url) {
  let i = url.indexOf('?');
  const j = url.indexOf('#');
  if (i === -1 || (j !== -1 && j < i)) i = j;
  return fileURLToPath(i === -1 ? url : url.slice(0, i));
}

function getRecord(url) {
  let rec = records.get(url);
  if (rec !== undefined) return rec;
  const format = formatOf(url, detectModule);
  rec = newRecord(url, format);
  if (url.startsWith('file:')) {
    rec.filename = urlPath(url);
    const pending = pendingSources.get(rec.filename);
    if (pending !== undefined) {
      rec.source = pending;
      pendingSources.delete(rec.filename);
    }
  }
  records.set(url, rec);
  return rec;
}

// node's validateAttributes: JSON needs `type: 'json'`; nothing else takes a type.
function validateAttributes(rec, attributes) {
  validateFormatAttributes(rec.format, rec.url, attributes);
}

function validateFormatAttributes(format, url, attributes) {
  let type;
  if (attributes != null) {
    const keys = Object.keys(attributes);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'type') {
        throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(keys[i], attributes[keys[i]], url);
      }
    }
    type = attributes.type;
  }
  if (format === 'json') {
    if (type === 'json') return;
    if (type === undefined) throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, 'type', 'json');
  } else if (type === undefined || format === undefined) {
    // (a format a resolve hook left open is checked by nothing, as in node)
    return;
  }
  if (type !== 'json') throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type, url);
  throw new ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE(url, type);
}

function loadRecord(rec) {
  // (a record a resolve hook created but no load hook ever loaded)
  if (rec.format === undefined) rec.format = formatOf(rec.url, detectModule);
  switch (rec.format) {
    case 'module': {
      if (!compileFile(rec)) compileSource(rec, readSource(rec));
      const reqs = rec.requests;
      const deps = new Array(reqs.length >> 1);
      for (let i = 0; i < deps.length; i++) {
        const dep = getRecord(resolve(reqs[2 * i], rec.url));
        validateAttributes(dep, reqs[2 * i + 1]);
        deps[i] = dep;
      }
      rec.deps = deps;
      break;
    }
    case 'commonjs':
      loadCommonJS(rec);
      break;
    case 'json':
      loadJSON(rec);
      break;
    case 'builtin':
      loadBuiltinRecord(rec);
      break;
  }
  rec.status = kUnlinked;
}

// Reads and parses every module reachable from root that is still new.
function fetchGraph(root) {
  const stack = [root];
  while (stack.length > 0) {
    const rec = stack.pop();
    if (rec.loadError !== undefined) throw rec.loadError;
    if (rec.status !== kNew) continue;
    try {
      loadRecord(rec);
    } catch (err) {
      rec.loadError = err;
      throw err;
    }
    const deps = rec.deps;
    if (deps !== null) {
      for (let i = deps.length - 1; i >= 0; i--) {
        if (deps[i].status === kNew || deps[i].loadError !== undefined) stack.push(deps[i]);
      }
    }
  }
}

// ---- loading through module.register() / registerHooks() hooks ----

let hooksModule;
function lazyHooks() {
  hooksModule ??= require('internal/modules/esm/hooks');
  return hooksModule;
}

function hooksActive() {
  if (hooksModule === undefined) {
    // module.register() loads hooks.js; until then there are no hooks
    if (!BuiltinModule.isLoaded('internal/modules/esm/hooks')) return false;
    hooksModule = require('internal/modules/esm/hooks');
  }
  return hooksModule.active();
}

// The record for a URL a resolve hook returned (any scheme: hooks may invent them).
function hookedRecord(resolved) {
  const url = resolved.url;
  let rec = records.get(url);
  if (rec === undefined) {
    rec = newRecord(url, undefined);
    if (url.startsWith('file:')) {
      try {
        rec.filename = urlPath(url);
      } catch {
        // a file: URL no path can be made of
      }
    }
    records.set(url, rec);
  }
  if (rec.status === kNew && rec.hookLoading === undefined) {
    rec.hookFormat = resolved.format;
    rec.hookAttributes = resolved.importAttributes;
  }
  return rec;
}

// Loads one record through the load hooks, then resolves its requests through
// the resolve hooks. Returns the new records it depends on.
async function loadRecordHooked(rec) {
  const hooks = lazyHooks();
  const { format, source } = await hooks.load(rec.url, rec.hookFormat, rec.hookAttributes);
  // (a synchronous require() of the same module may have loaded it meanwhile)
  if (rec.status !== kNew) return;
  const {
    codes: { ERR_INVALID_RETURN_PROPERTY_VALUE, ERR_UNKNOWN_MODULE_FORMAT },
  } = require('internal/errors');
  const missingSource = () => new ERR_INVALID_RETURN_PROPERTY_VALUE(
    'string, array buffer, or typed array', 'load', 'source', source);
  rec.format = format;
  switch (format) {
    case 'module': {
      if (source == null) throw missingSource();
      compileSource(rec, source);
      const reqs = rec.requests;
      const deps = new Array(reqs.length >> 1);
      for (let i = 0; i < deps.length; i++) {
        const attributes = reqs[2 * i + 1];
        const resolved = await hooks.resolve(reqs[2 * i], rec.url, attributes ?? undefined);
        const dep = hookedRecord(resolved);
        validateFormatAttributes(dep.status === kNew ? resolved.format : dep.format, dep.url,
          attributes);
        deps[i] = dep;
      }
      rec.deps = deps;
      break;
    }
    case 'commonjs':
      if (rec.filename === undefined) rec.filename = rec.url;
      if (source != null) {
        rec.source = source;
        rec.hookSource = source;
      }
      loadCommonJS(rec);
      break;
    case 'json':
      if (source == null) throw missingSource();
      rec.source = source;
      loadJSON(rec);
      break;
    case 'builtin':
      if (!rec.url.startsWith('node:')) throw new ERR_UNKNOWN_BUILTIN_MODULE(rec.url);
      loadBuiltinRecord(rec);
      break;
    default:
      throw new ERR_UNKNOWN_MODULE_FORMAT(format, rec.url);
  }
  rec.status = kUnlinked;
}

// fetchGraph() with hooks: asynchronous, as the hooks are.
async function fetchGraphHooked(root) {
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const rec = queue[i];
    if (rec.loadError !== undefined) throw rec.loadError;
    if (rec.status !== kNew) continue;
    if (rec.hookLoading === undefined) {
      rec.hookLoading = loadRecordHooked(rec).then(undefined, (err) => {
        rec.loadError = err;
        throw err;
      });
    }
    await rec.hookLoading;
    const deps = rec.deps;
    for (let j = 0; j < deps.length; j++) {
      if (deps[j].status === kNew || deps[j].loadError !== undefined) queue.push(deps[j]);
    }
  }
}

// import(specifier) with hooks.
async function dynamicImportHooked(specifier, attributes, parentURL) {
  const rec = hookedRecord(await lazyHooks().resolve(specifier, parentURL, attributes));
  validateFormatAttributes(rec.status === kNew ? rec.hookFormat : rec.format, rec.url, attributes);
  await fetchGraphHooked(rec);
  await afterInstantiation(link(rec), () => undefined);
  await evaluate(rec);
  return getNamespace(rec);
}

// A hooks module for module.register(): loaded, linked and evaluated at once
// (node blocks register() until then); its namespace, or a promise of it when
// it has top-level await.
function importHooksModule(url) {
  const rec = getRecord(url);
  fetchGraph(rec);
  const pending = link(rec);
  if (pending !== null) {
    return afterInstantiation(pending, () => evaluate(rec)).then(() => getNamespace(rec));
  }
  const p = evaluate(rec);
  if (rec.hasError) throw rec.error;
  const root = rec.cycleRoot ?? rec;
  if (root.hasError) throw root.error;
  if (rec.status !== kEvaluated) return p.then(() => getNamespace(rec));
  return getNamespace(rec);
}

// ---- CommonJS, JSON and builtin records ----

let cjsParse;
function cjsLex(source) {
  if (cjsParse === undefined) {
    let binding;
    try {
      binding = internalBinding('cjs_lexer');
    } catch {
      binding = undefined;
    }
    cjsParse = typeof binding?.parse === 'function' ? binding.parse : null;
  }
  if (cjsParse === null) return { exports: [], reexports: [] };
  try {
    return cjsParse(source);
  } catch {
    return { exports: [], reexports: [] };
  }
}

// filename -> Set of export names (node's cjsPreparseModuleExports), with
// re-exported modules' names merged in.
const cjsNamesCache = new Map();
function cjsExportNames(filename, source, seen) {
  const cached = cjsNamesCache.get(filename);
  if (cached !== undefined) return cached;
  const names = new Set();
  names.add('default');
  cjsNamesCache.set(filename, names);
  if (source === undefined) {
    try {
      source = modules.readFileUtf8(filename);
    } catch {
      return names;
    }
  }
  const { exports, reexports } = cjsLex(source);
  for (let i = 0; i < exports.length; i++) names.add(exports[i]);
  if (reexports.length > 0) {
    const { Module } = require('internal/modules/cjs/loader');
    const fake = new Module(filename);
    fake.filename = filename;
    fake.paths = Module._nodeModulePaths(path.dirname(filename));
    for (let i = 0; i < reexports.length; i++) {
      let resolved;
      try {
        resolved = Module._resolveFilename(reexports[i], fake, false);
      } catch {
        continue;
      }
      if (BuiltinModule.canBeRequiredWithoutScheme(resolved) || resolved.startsWith('node:')) {
        continue;
      }
      if (!resolved.endsWith('.js') && !resolved.endsWith('.cjs')) continue;
      const sub = cjsExportNames(resolved, undefined, seen);
      for (const n of sub) names.add(n);
    }
  }
  return names;
}

function defineValueGetters(rec, names, values) {
  const b = rec.bindings;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    Object.defineProperty(b, name, {
      __proto__: null, get() { return values[name]; }, enumerable: true, configurable: false,
    });
  }
}

function loadCommonJS(rec) {
  const filename = rec.filename;
  let source = rec.source;
  if (source === undefined && filename !== undefined) {
    const { Module } = require('internal/modules/cjs/loader');
    const cached = Module._cache[filename];
    if (cached === undefined || !cached.loaded) source = modules.readFileUtf8(filename);
  }
  rec.source = undefined;
  const names = filename !== undefined ? cjsExportNames(filename, source) : new Set(['default']);
  rec.names = [...names];
  rec.values = { __proto__: null, default: undefined };
  defineValueGetters(rec, rec.names, rec.values);
  rec.deps = [];
}

function loadJSON(rec) {
  let source;
  if (rec.filename !== undefined) {
    const { Module } = require('internal/modules/cjs/loader');
    const cached = Module._cache[rec.filename];
    if (cached?.loaded) {
      rec.values = { __proto__: null, default: cached.exports };
      rec.names = ['default'];
      defineValueGetters(rec, rec.names, rec.values);
      rec.deps = [];
      return;
    }
  }
  source = readSource(rec);
  rec.source = undefined;
  let value;
  try {
    value = JSON.parse(source.charCodeAt(0) === 0xFEFF ? source.slice(1) : source);
  } catch (err) {
    err.message = `${rec.filename ?? rec.url}: ${err.message}`;
    throw err;
  }
  if (rec.filename !== undefined) {
    const { Module } = require('internal/modules/cjs/loader');
    const m = new Module(rec.filename);
    m.filename = rec.filename;
    m.exports = value;
    m.loaded = true;
    Module._cache[rec.filename] = m;
  }
  rec.values = { __proto__: null, default: value };
  rec.names = ['default'];
  defineValueGetters(rec, rec.names, rec.values);
  rec.deps = [];
}

const builtinRecords = [];
function loadBuiltinRecord(rec) {
  const id = rec.url.slice(5);
  if (!BuiltinModule.canBeRequiredByUsers(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(rec.url);
  const exports = BuiltinModule.require(id);
  const names = ['default'];
  const values = { __proto__: null, default: exports };
  if ((typeof exports === 'object' && exports !== null) || typeof exports === 'function') {
    const keys = Object.keys(exports);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 'default') continue;
      names.push(keys[i]);
      try {
        values[keys[i]] = exports[keys[i]];
      } catch {
        // a lazy export that cannot load stays undefined
      }
    }
  }
  rec.names = names;
  rec.values = values;
  rec.exportsObject = exports;
  defineValueGetters(rec, names, values);
  rec.deps = [];
  builtinRecords.push(rec);
}

// module.syncBuiltinESMExports(): named exports of builtins take the values
// their module objects have now.
function syncBuiltinESMExports() {
  for (let i = 0; i < builtinRecords.length; i++) {
    const rec = builtinRecords[i];
    const exports = rec.exportsObject;
    for (let j = 1; j < rec.names.length; j++) {
      const name = rec.names[j];
      try {
        if (Object.hasOwn(exports, name)) rec.values[name] = exports[name];
      } catch {
        // keep the old value
      }
    }
  }
}

// Runs a CommonJS module for an import and snapshots its named exports.
function evaluateCommonJS(rec) {
  const { Module } = require('internal/modules/cjs/loader');
  let exports;
  const cached = Module._cache[rec.filename];
  if (cached !== undefined) {
    exports = cached.exports;
  } else if (rec.hookSource !== undefined) {
    exports = compileCommonJS(Module, rec.filename, rec.hookSource);
  } else {
    exports = Module._load(rec.filename, undefined, rec.isMain);
  }
  const values = rec.values;
  const names = rec.names;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === 'default') continue;
    if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function') ||
        !Object.hasOwn(exports, name)) {
      continue;
    }
    try {
      values[name] = exports[name];
    } catch {
      // a throwing getter leaves the export undefined, as in node
    }
  }
  values.default = exports;
}

// A CommonJS module whose source a load hook returned.
function compileCommonJS(Module, filename, source) {
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  Module._cache[filename] = m;
  try {
    m._compile(source, filename);
  } catch (err) {
    delete Module._cache[filename];
    throw err;
  }
  m.loaded = true;
  return m.exports;
}

// ---- the context object each source module gets as its first parameter ----

const kRecord = Symbol('kRecord');

class ModuleContext {
  constructor(rec) {
    this[kRecord] = rec;
  }

  // Called once before the module's first yield with its local export getters and the
  // values of the exported functions that are never assigned (docs/esm.md 1.1). The
  // getters stay configurable so that c() can replace those of consts by their values.
  l(getters, defaultFn, fixed) {
    const rec = this[kRecord];
    if (typeof defaultFn === 'function') {
      Object.defineProperty(defaultFn, 'name', {
        __proto__: null, value: 'default', writable: false, enumerable: false, configurable: true,
      });
    }
    rec.localGetters = getters;
    const b = rec.bindings;
    const names = Object.keys(getters);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (Object.hasOwn(b, name)) continue;
      Object.defineProperty(b, name, {
        __proto__: null, get: getters[name], enumerable: true, configurable: true,
      });
    }
    if (fixed !== undefined) defineValues(b, fixed);
  }

  // Called after the body with the values of the exported consts: importers then read
  // data properties instead of calling getters.
  c(values) {
    defineValues(this[kRecord].bindings, values);
  }

  get meta() {
    const rec = this[kRecord];
    const meta = createImportMeta(rec);
    Object.defineProperty(this, 'meta', { __proto__: null, value: meta });
    return meta;
  }

  import(specifier, options) {
    return dynamicImport(specifier, options, this[kRecord].url);
  }

  get arguments() {
    throw new ReferenceError('arguments is not defined');
  }
}

function defineValues(b, values) {
  const names = Object.keys(values);
  for (let i = 0; i < names.length; i++) {
    Reflect.defineProperty(b, names[i], {
      __proto__: null, value: values[names[i]], writable: false, enumerable: true,
      configurable: false,
    });
  }
}

// `__cairn_m.nsN` (docs/esm.md 1.3): a getter on ModuleContext.prototype per request
// index N, shared by every module, that makes the namespace of the module's request N
// an own property of its context the first time.
let namespaceGetters = 0;
function namespaceGetter(request) {
  for (; namespaceGetters <= request; namespaceGetters++) {
    const index = namespaceGetters;
    const key = `ns${index}`;
    Object.defineProperty(ModuleContext.prototype, key, {
      __proto__: null,
      get() {
        const ns = getNamespace(this[kRecord].deps[index]);
        Object.defineProperty(this, key, { __proto__: null, value: ns });
        return ns;
      },
    });
  }
}

function createImportMeta(rec) {
  if (rec.vm !== undefined) return rec.vm.importMeta();
  const meta = { __proto__: null };
  const url = rec.url;
  if (rec.filename !== undefined) {
    meta.dirname = path.dirname(rec.filename);
    meta.filename = rec.filename;
  }
  meta.main = rec.isMain;
  meta.resolve = function resolve(specifier) {
    return importMetaResolve(`${specifier}`, url);
  };
  meta.url = url;
  return meta;
}

function importMetaResolve(specifier, parentURL) {
  try {
    return resolve(specifier, parentURL);
  } catch (err) {
    if ((err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT' || err?.code === 'ERR_MODULE_NOT_FOUND') &&
        typeof err.url === 'string') {
      return err.url;
    }
    throw err;
  }
}

// ---- namespaces ----

// The proxy handler of a namespace: the traps live on a prototype shared by every
// namespace (one small object per namespace instead of six closures). That prototype
// has a null prototype, so traps user code puts on Object.prototype are never found.
class NamespaceHandler {
  constructor(bindings) {
    this.bindings = bindings;
  }

  get(target, key) {
    if (typeof key === 'string') return this.bindings[key];
    return target[key];
  }

  set() {
    return false;
  }

  has(target, key) {
    return key in target;
  }

  getOwnPropertyDescriptor(target, key) {
    if (typeof key !== 'string') return Reflect.getOwnPropertyDescriptor(target, key);
    if (!Object.hasOwn(target, key)) return undefined;
    return {
      __proto__: null, value: this.bindings[key], writable: true, enumerable: true,
      configurable: false,
    };
  }

  defineProperty(target, key, desc) {
    if (typeof key !== 'string') return Reflect.defineProperty(target, key, desc);
    if (!Object.hasOwn(target, key)) return false;
    if (desc.configurable === true || desc.enumerable === false || desc.writable === false ||
        'get' in desc || 'set' in desc) {
      return false;
    }
    if ('value' in desc) return Object.is(desc.value, this.bindings[key]);
    return true;
  }

  deleteProperty(target, key) {
    if (typeof key !== 'string') return Reflect.deleteProperty(target, key);
    return !Object.hasOwn(target, key);
  }
}
Object.setPrototypeOf(NamespaceHandler.prototype, null);

let markAsModuleNamespace;

function makeNamespace(bindings, names) {
  const target = { __proto__: null };
  for (let i = 0; i < names.length; i++) {
    Object.defineProperty(target, names[i], {
      __proto__: null, value: undefined, writable: true, enumerable: true, configurable: false,
    });
  }
  Object.defineProperty(target, Symbol.toStringTag, {
    __proto__: null, value: 'Module', writable: false, enumerable: false, configurable: false,
  });
  Object.preventExtensions(target);
  const ns = new Proxy(target, new NamespaceHandler(bindings));
  markAsModuleNamespace ??= require('internal/util/types').markAsModuleNamespace;
  markAsModuleNamespace(ns);
  return ns;
}

// The names a linked record provides, sorted.
function providedNames(rec) {
  if (rec.exportNames === null) rec.exportNames = rec.names.slice().sort();
  return rec.exportNames;
}

function getNamespace(rec) {
  if (rec.namespace === undefined) rec.namespace = makeNamespace(rec.bindings, providedNames(rec));
  return rec.namespace;
}

// ---- linking ----

const kAmbiguous = Symbol('ambiguous');
const kNamespace = Symbol('namespace');

// starSet: the records whose star exports are being followed (null until one has any).
function exportedNames(rec, starSet) {
  if (!isCyclic(rec)) return rec.names;
  const stars = rec.stars;
  // (a module without star exports reached twice only repeats names the caller drops)
  if (stars.length > 0) {
    if (starSet === null) starSet = new Set();
    if (starSet.has(rec)) return [];
    starSet.add(rec);
  }
  const names = [];
  const local = rec.localExports;
  for (let i = 0; i < local.length; i++) names.push(local[i]);
  const indirect = rec.indirect;
  for (let i = 0; i < indirect.length; i += 3) names.push(indirect[i]);
  for (let i = 0; i < stars.length; i++) {
    const starNames = exportedNames(rec.deps[stars[i]], starSet);
    for (let j = 0; j < starNames.length; j++) {
      const n = starNames[j];
      if (n !== 'default' && !names.includes(n)) names.push(n);
    }
  }
  return names;
}

// ResolveExport: { rec, name } (name kNamespace for a namespace), null, or kAmbiguous.
function resolveExport(rec, name, resolveSet) {
  if (!isCyclic(rec)) return rec.names.includes(name) ? { rec, name } : null;
  for (let i = 0; i < resolveSet.length; i += 2) {
    if (resolveSet[i] === rec && resolveSet[i + 1] === name) return null;
  }
  resolveSet.push(rec, name);
  if (rec.localExports.includes(name)) return { rec, name };
  const indirect = rec.indirect;
  for (let i = 0; i < indirect.length; i += 3) {
    if (indirect[i] !== name) continue;
    const imported = rec.deps[indirect[i + 1]];
    const importName = indirect[i + 2];
    if (importName === '*') return { rec: imported, name: kNamespace };
    return resolveExport(imported, importName, resolveSet);
  }
  if (name === 'default') return null;
  let starResolution = null;
  const stars = rec.stars;
  for (let i = 0; i < stars.length; i++) {
    const resolution = resolveExport(rec.deps[stars[i]], name, resolveSet);
    if (resolution === kAmbiguous) return kAmbiguous;
    if (resolution !== null) {
      if (starResolution === null) {
        starResolution = resolution;
      } else if (resolution.rec !== starResolution.rec || resolution.name !== starResolution.name) {
        return kAmbiguous;
      }
    }
  }
  return starResolution;
}

function getterOf(resolution) {
  const target = resolution.rec;
  const name = resolution.name;
  if (name === kNamespace) return () => getNamespace(target);
  // (an exported function that is never assigned has no getter: its value is read)
  const local = isCyclic(target) ? target.localGetters : null;
  if (local !== null && Object.hasOwn(local, name)) return local[name];
  if (!isCyclic(target)) return Object.getOwnPropertyDescriptor(target.bindings, name).get;
  // a local export of a module that registers its getters when it runs
  const b = target.bindings;
  return () => b[name];
}

// Instantiates one source module in a cycle: runs its wrapper up to the first yield.
function instantiate(rec) {
  const ctx = rec.ctx;
  const deps = rec.deps;
  const args = new Array(deps.length + 1);
  args[0] = ctx;
  for (let i = 0; i < deps.length; i++) args[i + 1] = deps[i].bindings;
  const gen = Reflect.apply(rec.fn, undefined, args);
  rec.gen = gen;
  rec.fn = undefined;
  const first = gen.next();
  if (rec.localGetters === null) rec.localGetters = { __proto__: null };
  // An async generator's first yield awaits: its body can start synchronously
  // (as the spec wants) only once that has settled.
  if (rec.hasTLA) return first.then(undefined, () => {});
  return undefined;
}

// Marks the records of `list` that are in an import cycle (Tarjan's SCCs,
// iteratively: graphs can be deep).
function markCycles(list) {
  const inList = new Set();
  for (let i = 0; i < list.length; i++) inList.add(list[i]);
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cyclic = new Set();
  let counter = 0;
  for (let r = 0; r < list.length; r++) {
    if (index.has(list[r])) continue;
    const work = [[list[r], 0]];
    index.set(list[r], counter);
    low.set(list[r], counter++);
    stack.push(list[r]);
    onStack.add(list[r]);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const v = top[0];
      const deps = v.deps;
      if (top[1] < deps.length) {
        const w = deps[top[1]++];
        if (!inList.has(w)) continue;
        if (w === v) {
          cyclic.add(v);
        } else if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) {
          if (index.get(w) < low.get(v)) low.set(v, index.get(w));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1][0];
        if (low.get(v) < low.get(u)) low.set(u, low.get(v));
      }
      if (low.get(v) === index.get(v)) {
        let w;
        let size = 0;
        const members = [];
        do {
          w = stack.pop();
          onStack.delete(w);
          members.push(w);
          size++;
        } while (w !== v);
        if (size > 1) for (let i = 0; i < members.length; i++) cyclic.add(members[i]);
      }
    }
  }
  return cyclic;
}

// Unlinked records reachable from root, dependencies first.
function unlinkedPostOrder(root) {
  const out = [];
  const seen = new Set();
  const visit = (rec) => {
    seen.add(rec);
    const deps = rec.deps;
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i];
      if (!seen.has(d) && (d.status === kUnlinked || d.linkError !== undefined)) visit(d);
    }
    out.push(rec);
  };
  if (root.status === kUnlinked || root.linkError !== undefined) visit(root);
  return out;
}

// Links the graph of root. Returns the promises to wait for before
// evaluating (instantiation of modules with top-level await), or null.
function link(root) {
  const list = unlinkedPostOrder(root);
  for (let i = 0; i < list.length; i++) {
    if (list[i].linkError !== undefined) throw list[i].linkError;
  }
  // 1. compile; instantiate the modules in cycles (local getters and hoisted
  // functions must exist before any of them runs)
  let pending = null;
  let cycles;
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (!isCyclic(rec) || rec.ctx !== undefined) continue;
    cycles ??= markCycles(list);
    try {
      // (a vm module is instantiated at link time: its namespace shows TDZ bindings)
      compileRecord(rec, cycles.has(rec) || rec.vm !== undefined);
    } catch (err) {
      rec.linkError = err;
      throw err;
    }
    rec.ctx = new ModuleContext(rec);
  }
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (isCyclic(rec) && !rec.direct && rec.gen === undefined && rec.fn !== undefined) {
      const p = instantiate(rec);
      if (p !== undefined) (pending ??= []).push(p);
    }
  }
  // 2. the names each module provides; getters for indirect and star exports
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (!isCyclic(rec) || rec.exportNames !== null) continue;
    const names = exportedNames(rec, null);
    const provided = [];
    const b = rec.bindings;
    const local = rec.localExports;
    for (let j = 0; j < names.length; j++) {
      const name = names[j];
      if (local.includes(name)) {
        provided.push(name);
        continue;
      }
      const resolution = resolveExport(rec, name, []);
      if (resolution === null || resolution === kAmbiguous) continue;
      provided.push(name);
      if (Object.hasOwn(b, name)) continue;
      Object.defineProperty(b, name, {
        __proto__: null, get: getterOf(resolution), enumerable: true, configurable: false,
      });
    }
    rec.exportNames = provided.sort();
  }
  // 3. every import names an export its module provides
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (!isCyclic(rec)) continue;
    try {
      checkImports(rec);
    } catch (err) {
      rec.linkError = err;
      throw err;
    }
  }
  // 4. namespace imports: created when the code first reads one (ns.name reads the
  // binding object instead, docs/esm.md 1.3)
  for (let i = 0; i < list.length; i++) {
    const rec = list[i];
    if (isCyclic(rec)) {
      const imports = rec.imports;
      for (let j = 0; j < imports.length; j += 2) {
        if (imports[j + 1] === '*') namespaceGetter(imports[j]);
      }
    }
    rec.status = kLinked;
  }
  return pending;
}

function provides(rec, name) {
  return providedNames(rec).includes(name);
}

// Runs fn once the promises link() returned have settled.
function afterInstantiation(pending, fn) {
  if (pending === null) return fn();
  // (no Promise.all: user code may have broken array iteration)
  let p = pending[0];
  for (let i = 1; i < pending.length; i++) {
    const next = pending[i];
    p = p.then(() => next);
  }
  return p.then(fn);
}

function checkImports(rec) {
  const imports = rec.imports;
  for (let i = 0; i < imports.length; i += 2) {
    const request = imports[i];
    const name = imports[i + 1];
    if (name === '*') continue;
    const dep = rec.deps[request];
    if (provides(dep, name)) continue;
    throw missingExportError(rec, request, name, resolveExport(dep, name, []) === kAmbiguous);
  }
  const indirect = rec.indirect;
  for (let i = 0; i < indirect.length; i += 3) {
    const request = indirect[i + 1];
    const importName = indirect[i + 2];
    if (importName === '*') continue;
    const resolution = resolveExport(rec.deps[request], importName, []);
    if (resolution === null || resolution === kAmbiguous) {
      throw missingExportError(rec, request, importName, resolution === kAmbiguous);
    }
  }
}

// Errors that V8 reports at an import: node prints them under the source line
// with a caret at the name, and no blank line before the message.
function setArrow(err, rec, specifier, name) {
  const loc = findImportLocation(sourceOf(rec), specifier, name);
  if (loc === undefined) return;
  require('internal/process/execution').setArrowMessage(err,
    `${rec.url}:${loc.line}\n${loc.text}\n${' '.repeat(loc.column)}${'^'.repeat(loc.length)}\n`);
}

function escapeRegExp(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

// Where `name` is imported from `specifier`: the line and column of the name
// in the import or export declaration (a best effort from the source text).
function findImportLocation(source, specifier, name) {
  if (typeof source !== 'string') return undefined;
  const specRe = new RegExp(`from\\s*(['"])${escapeRegExp(specifier)}\\1`, 'g');
  let m;
  while ((m = specRe.exec(source)) !== null) {
    const end = m.index;
    const start = Math.max(source.lastIndexOf('import', end), source.lastIndexOf('export', end));
    if (start === -1) continue;
    const decl = source.slice(start, end);
    const isExport = source.startsWith('export', start);
    const q = escapeRegExp(name);
    const nameRe = name === 'default' && !isExport ?
      /(?:^|[\s{,])(?:import)\s+([\w$]+)/ :
      new RegExp(`(?:[\\s{,])((?:${q}|'${q}'|"${q}")(?:\\s+as\\s+[\\w$]+)?)(?=[\\s,}]|$)`);
    const nm = nameRe.exec(decl);
    let pos = start;
    let length = 1;
    if (nm !== null) {
      pos = start + nm.index + nm[0].length - nm[1].length;
      if (name !== 'default' || isExport) {
        length = isExport ? nm[1].length : nm[1].search(/\s|$/);
      }
    }
    const lineStart = source.lastIndexOf('\n', pos - 1) + 1;
    let lineEnd = source.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = source.length;
    let line = 1;
    for (let i = source.indexOf('\n'); i !== -1 && i < lineStart; i = source.indexOf('\n', i + 1)) {
      line++;
    }
    return {
      line, column: pos - lineStart, length,
      text: source.slice(lineStart, lineEnd).replace(/\r$/, ''),
    };
  }
  return undefined;
}

function missingExportError(rec, request, name, ambiguous) {
  const specifier = rec.requests[2 * request];
  const dep = rec.deps[request];
  let err;
  if (ambiguous) {
    err = new SyntaxError(`The requested module '${specifier}' contains conflicting star ` +
      `exports for name '${name}'`);
  } else if (dep.format === 'commonjs') {
    const hint = name === 'default' ? '' : '';
    void hint;
    err = new SyntaxError(`Named export '${name}' not found. The requested module ` +
      `'${specifier}' is a CommonJS module, which may not support all module.exports as ` +
      'named exports.\nCommonJS modules can always be imported via the default export, for ' +
      `example using:\n\nimport pkg from '${specifier}';\nconst { ${name} } = pkg;\n`);
  } else {
    err = new SyntaxError(`The requested module '${specifier}' does not provide an export ` +
      `named '${name}'`);
  }
  setArrow(err, rec, specifier, name);
  return err;
}

// ---- evaluation (ECMA-262 16.2.1.5.3) ----

function newCapability() {
  let resolveFn;
  let rejectFn;
  const promise = new Promise((res, rej) => {
    resolveFn = res;
    rejectFn = rej;
  });
  // Callers look at the promise or at the record; never an unhandled rejection.
  promise.then(undefined, () => {});
  return { promise, resolve: resolveFn, reject: rejectFn };
}

// Evaluates rec and its dependencies; returns a promise settled when done.
function evaluate(rec) {
  if ((rec.status === kEvaluatingAsync || rec.status === kEvaluated) &&
      rec.cycleRoot !== undefined) {
    rec = rec.cycleRoot;
  }
  if (rec.capability !== undefined) return rec.capability.promise;
  const capability = newCapability();
  rec.capability = capability;
  const stack = [];
  try {
    innerModuleEvaluation(rec, stack, 0);
  } catch (err) {
    for (let i = 0; i < stack.length; i++) {
      const m = stack[i];
      m.status = kEvaluated;
      m.hasError = true;
      m.error = err;
    }
    if (!rec.hasError) {
      // a non-cyclic module that threw
      rec.hasError = true;
      rec.error = err;
    }
    capability.reject(err);
    return capability.promise;
  }
  if (rec.asyncEvaluation === 0) capability.resolve(undefined);
  return capability.promise;
}

function innerModuleEvaluation(rec, stack, index) {
  if (!isCyclic(rec)) {
    if (rec.status === kEvaluated) {
      if (rec.hasError) throw rec.error;
      return index;
    }
    rec.status = kEvaluated;
    try {
      if (rec.format === 'commonjs') evaluateCommonJS(rec);
      else if (rec.vm !== undefined) rec.vm.evaluate();
    } catch (err) {
      rec.hasError = true;
      rec.error = err;
      throw err;
    }
    return index;
  }
  if (rec.status === kEvaluatingAsync || rec.status === kEvaluated) {
    if (rec.hasError) throw rec.error;
    return index;
  }
  if (rec.status === kEvaluating) return index;
  rec.status = kEvaluating;
  rec.dfsIndex = index;
  rec.dfsAncestorIndex = index;
  rec.pendingAsyncDeps = 0;
  index++;
  stack.push(rec);
  const deps = rec.deps;
  for (let i = 0; i < deps.length; i++) {
    let required = deps[i];
    index = innerModuleEvaluation(required, stack, index);
    if (isCyclic(required)) {
      if (required.status === kEvaluating) {
        if (required.dfsAncestorIndex < rec.dfsAncestorIndex) {
          rec.dfsAncestorIndex = required.dfsAncestorIndex;
        }
      } else {
        required = required.cycleRoot;
        if (required.hasError) throw required.error;
      }
      if (required.asyncEvaluation !== 0) {
        rec.pendingAsyncDeps++;
        (required.asyncParents ??= []).push(rec);
      }
    }
  }
  if (rec.pendingAsyncDeps > 0 || rec.hasTLA) {
    rec.asyncEvaluation = asyncEvaluationCounter++;
    if (rec.pendingAsyncDeps === 0) executeAsyncModule(rec);
  } else {
    executeModule(rec);
  }
  if (rec.dfsAncestorIndex === rec.dfsIndex) {
    for (;;) {
      const m = stack.pop();
      m.status = m.asyncEvaluation === 0 ? kEvaluated : kEvaluatingAsync;
      m.cycleRoot = rec;
      if (m === rec) break;
    }
  }
  return index;
}

// Runs the body of a linked module; returns a promise for an async one.
function runBody(rec) {
  if (!rec.direct) {
    const gen = rec.gen;
    rec.gen = undefined;
    return gen.next();
  }
  const deps = rec.deps;
  const args = new Array(deps.length + 1);
  args[0] = rec.ctx;
  for (let i = 0; i < deps.length; i++) args[i + 1] = deps[i].bindings;
  const fn = rec.fn;
  rec.fn = undefined;
  return Reflect.apply(fn, undefined, args);
}

function executeModule(rec) {
  runBody(rec);
}

function executeAsyncModule(rec) {
  let p;
  try {
    p = runBody(rec);
  } catch (err) {
    asyncModuleExecutionRejected(rec, err);
    return;
  }
  p.then(() => asyncModuleExecutionFulfilled(rec),
         (err) => asyncModuleExecutionRejected(rec, err));
}

function gatherAvailableAncestors(rec, execList) {
  const parents = rec.asyncParents;
  if (parents === null) return;
  for (let i = 0; i < parents.length; i++) {
    const m = parents[i];
    if (execList.includes(m) || m.cycleRoot.hasError) continue;
    m.pendingAsyncDeps--;
    if (m.pendingAsyncDeps === 0) {
      execList.push(m);
      if (!m.hasTLA) gatherAvailableAncestors(m, execList);
    }
  }
}

function asyncModuleExecutionFulfilled(rec) {
  if (rec.status === kEvaluated) return;
  rec.asyncEvaluation = -1;
  rec.status = kEvaluated;
  if (rec.capability !== undefined) rec.capability.resolve(undefined);
  const execList = [];
  gatherAvailableAncestors(rec, execList);
  execList.sort((a, b) => a.asyncEvaluation - b.asyncEvaluation);
  for (let i = 0; i < execList.length; i++) {
    const m = execList[i];
    if (m.status === kEvaluated) continue;
    if (m.hasTLA) {
      executeAsyncModule(m);
      continue;
    }
    try {
      executeModule(m);
    } catch (err) {
      asyncModuleExecutionRejected(m, err);
      continue;
    }
    m.asyncEvaluation = -1;
    m.status = kEvaluated;
    if (m.capability !== undefined) m.capability.resolve(undefined);
  }
}

function asyncModuleExecutionRejected(rec, err) {
  if (rec.status === kEvaluated) return;
  rec.hasError = true;
  rec.error = err;
  rec.status = kEvaluated;
  const parents = rec.asyncParents;
  if (parents !== null) {
    for (let i = 0; i < parents.length; i++) asyncModuleExecutionRejected(parents[i], err);
  }
  if (rec.capability !== undefined) rec.capability.reject(err);
}

// ---- entry points ----

function validateImportOptions(options) {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The second argument to import() must be an object');
  }
  const attrs = options.with ?? options.assert;
  if (attrs === undefined) return undefined;
  if (typeof attrs !== 'object' || attrs === null) {
    throw new TypeError('The \'assert\' option must be an object');
  }
  const out = { __proto__: null };
  const keys = Object.keys(attrs);
  for (let i = 0; i < keys.length; i++) {
    const v = attrs[keys[i]];
    if (typeof v !== 'string') throw new TypeError('Import assertion value must be a string');
    out[keys[i]] = v;
  }
  return out;
}

// import(specifier, options) from the module (or CommonJS file) at parentURL.
function dynamicImport(specifier, options, parentURL) {
  let attributes;
  try {
    specifier = `${specifier}`;
    attributes = validateImportOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  if (hooksActive()) return dynamicImportHooked(specifier, attributes, parentURL);
  // node reads and links asynchronously: the module runs a few microtask turns later.
  return Promise.resolve().then(undefined).then(undefined).then(undefined).then(() => {
    const rec = getRecord(resolve(specifier, parentURL));
    validateAttributes(rec, attributes);
    fetchGraph(rec);
    return afterInstantiation(link(rec), () => evaluate(rec).then(() => getNamespace(rec)));
  });
}

// The module record for require() of an ES module: evaluated synchronously.
function requireESM(filename, parentFilename, source) {
  const url = pathToFileURL(filename);
  let rec = records.get(url);
  if (rec === undefined) {
    rec = newRecord(url, 'module');
    rec.filename = filename;
    rec.source = source;
    records.set(url, rec);
  }
  fetchGraph(rec);
  link(rec);
  if (rec.status === kEvaluating || (rec.status === kEvaluatingAsync && rec.asyncEvaluation > 0)) {
    if (rec.status === kEvaluating) {
      throw new ERR_REQUIRE_CYCLE_MODULE(`Cannot require() ES Module ${filename} in a cycle.` +
        (parentFilename ? ` (from ${parentFilename})` : '') + ' A cycle involving require(esm) ' +
        'is not allowed to maintain invariants mandated by the ECMAScript specification. Try ' +
        'making at least part of the dependency in the graph lazily loaded.');
    }
  }
  if (rec.status === kLinked && graphHasTLA(rec)) {
    throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
  }
  evaluate(rec);
  if (rec.hasError) throw rec.error;
  const root = rec.cycleRoot ?? rec;
  if (root.hasError) throw root.error;
  if (rec.status !== kEvaluated) throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
  return rec;
}

function graphHasTLA(root) {
  const seen = new Set();
  const stack = [root];
  while (stack.length > 0) {
    const rec = stack.pop();
    if (seen.has(rec)) continue;
    seen.add(rec);
    if (!isCyclic(rec) || rec.status !== kLinked) continue;
    if (rec.hasTLA) return true;
    for (let i = 0; i < rec.deps.length; i++) stack.push(rec.deps[i]);
  }
  return false;
}

// What require() of an ES module returns: its namespace; with a default
// export, a namespace that also has __esModule: true (node 22).
function requireNamespace(rec) {
  if (rec.requireNamespace !== undefined) return rec.requireNamespace;
  const b = rec.bindings;
  const names = providedNames(rec);
  if (names.includes('module.exports')) {
    rec.requireNamespace = b['module.exports'];
  } else if (names.includes('default') && !names.includes('__esModule')) {
    const extended = { __proto__: null };
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      Object.defineProperty(extended, name, {
        __proto__: null, get() { return b[name]; }, enumerable: true,
      });
    }
    Object.defineProperty(extended, '__esModule', {
      __proto__: null, get() { return true; }, enumerable: true,
    });
    rec.requireNamespace = makeNamespace(extended, ['__esModule'].concat(names).sort());
  } else {
    rec.requireNamespace = getNamespace(rec);
  }
  return rec.requireNamespace;
}

// ---- the main entry ----

let mainRecord;
let mainSettled = true;

function onExitWithPendingMain() {
  if (mainSettled || mainRecord === undefined) return;
  if (process.exitCode !== undefined && process.exitCode !== null) return;
  const where = unsettledLocation(mainRecord);
  if (where !== undefined) {
    try {
      internalBinding('tty').writeString(2,
        `Warning: Detected unsettled top-level await at ${where}\n\n\n`);
    } catch {
      // stderr is gone
    }
  }
  process.exitCode = 13;
}

// "url:line\nsource line\n   ^" of the await a pending module is stuck at:
// the first top-level await of a pending module whose dependencies are done.
function unsettledLocation(root) {
  const seen = new Set();
  let found;
  const visit = (rec) => {
    if (found !== undefined || seen.has(rec) || !isCyclic(rec)) return;
    seen.add(rec);
    for (let i = 0; i < rec.deps.length; i++) visit(rec.deps[i]);
    if (found === undefined && rec.status === kEvaluatingAsync && rec.hasTLA &&
        rec.pendingAsyncDeps === 0) {
      found = rec;
    }
  };
  visit(root);
  if (found === undefined) return undefined;
  const source = sourceOf(found) ?? '';
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].search(/\bawait\b/);
    if (col !== -1) {
      const text = lines[i].replace(/\r$/, '');
      return `${found.url}:${i + 1}\n${text}\n${' '.repeat(col)}^\n`;
    }
  }
  return `${found.url}:1`;
}

function reportMainError(err) {
  require('internal/process/execution').fatalException(err, true);
}

// Imports the --import modules, in order, then runs the main module: an ES
// module, or (with isESM false) the CommonJS entry through the CJS loader.
function runMain(mainPath, isESM, preloads, after) {
  const hasPreloads = Array.isArray(preloads) && preloads.length > 0;
  if (!hasPreloads && isESM && !hooksActive()) {
    runMainModule(mainPath);
    return;
  }
  let p = Promise.resolve();
  if (hasPreloads) {
    const parentURL = pathToFileURL(`${process.cwd()}/`);
    for (let i = 0; i < preloads.length; i++) {
      p = p.then(() => dynamicImport(preloads[i], undefined, parentURL));
    }
  }
  p.then(() => {
    if (after !== undefined) {
      after();
      return;
    }
    if (mainPath === undefined) return;
    if (hooksActive()) {
      return runMainModuleHooked(mainPath);
    }
    if (isESM) {
      runMainModule(mainPath);
    } else {
      require('internal/modules/cjs/loader').Module.runMain(mainPath);
    }
  }).then(undefined, reportMainError);
}

function runMainModule(mainPath) {
  let rec;
  let pending;
  // A worker started from a data: URL runs that URL as its main module.
  const url = mainPath.startsWith('data:') ? mainPath : pathToFileURL(mainPath);
  try {
    rec = getRecord(url);
    rec.isMain = true;
    if (rec.format !== 'module') {
      // a CommonJS main reached through the ES module path
      require('internal/modules/cjs/loader').Module.runMain(mainPath);
      return;
    }
    fetchGraph(rec);
    pending = link(rec);
  } catch (err) {
    reportMainError(err);
    return;
  }
  runEvaluatedMain(rec, pending);
}

// The main module when loader hooks are registered (--import a module that
// calls module.register()): node resolves and loads the entry through them.
async function runMainModuleHooked(mainPath) {
  const url = mainPath.startsWith('data:') ? mainPath : pathToFileURL(mainPath);
  const resolved = await lazyHooks().resolve(url, undefined, undefined);
  const rec = hookedRecord(resolved);
  rec.isMain = true;
  await fetchGraphHooked(rec);
  if (rec.format === 'commonjs' && rec.hookSource === undefined && rec.filename !== undefined) {
    require('internal/modules/cjs/loader').Module.runMain(rec.filename);
    return;
  }
  runEvaluatedMain(rec, link(rec));
}

let exitHookAdded = false;
function runEvaluatedMain(rec, pending) {
  mainRecord = rec;
  mainSettled = false;
  if (!exitHookAdded) {
    exitHookAdded = true;
    require('internal/process/execution').naturalExitHooks.push(onExitWithPendingMain);
  }
  afterInstantiation(pending, () => evaluate(rec)).then(() => {
    mainSettled = true;
  }, (err) => {
    mainSettled = true;
    reportMainError(err);
  });
}

// A main module given as source text (--input-type=module with -e or stdin).
function runMainSource(source, name) {
  const url = pathToFileURL(`${process.cwd()}/${name}`);
  let rec;
  let pending;
  try {
    rec = newRecord(url, 'module');
    rec.isMain = true;
    records.set(url, rec);
    require('internal/process/execution').registerSource(url, source);
    rec.source = source;
    fetchGraph(rec);
    pending = link(rec);
  } catch (err) {
    reportMainError(err);
    return;
  }
  runEvaluatedMain(rec, pending);
}

// The main CommonJS module turned out to be an ES module (syntax detection or
// a .js file of a "type": "module" package reached through require paths).
function runMainFromCJS(filename, source) {
  const url = pathToFileURL(filename);
  let rec = records.get(url);
  if (rec === undefined) {
    rec = newRecord(url, 'module');
    rec.filename = filename;
    rec.source = source;
    records.set(url, rec);
  }
  rec.isMain = true;
  let pending;
  try {
    fetchGraph(rec);
    pending = link(rec);
  } catch (err) {
    reportMainError(err);
    return;
  }
  runEvaluatedMain(rec, pending);
}

function importFromCJS(specifier, options, filename) {
  return dynamicImport(specifier, options, pathToFileURL(filename));
}

module.exports = {
  dynamicImport,
  importFromCJS,
  importHooksModule,
  requireESM,
  requireNamespace,
  getNamespace,
  runMain,
  runMainSource,
  runMainFromCJS,
  evaluate,
  syncBuiltinESMExports,
  looksLikeModule,
  transform,
  // for internal/vm/module
  vmModules: {
    newRecord,
    compileSource,
    link,
    afterInstantiation,
    evaluate,
    getNamespace,
    kUnlinked,
    kLinked,
    kEvaluating,
    kEvaluatingAsync,
    kEvaluated,
  },
};
