'use strict';
// CommonJS modules: node's Module class and resolution algorithm.

const path = require('path');
const modules = internalBinding('modules');
const builtins = internalBinding('builtins');
const { BuiltinModule, options } = require('internal/bootstrap/realm');
let pkgModule;
// package.json handling loads on the first lookup that needs it.
const { read: readPackage, findScope: findPackageScope } =
  require('internal/modules/package_json_reader');
const pkg = {
  read: readPackage,
  findScope: findPackageScope,
  packageExportsResolve(...a) { return lazyPkg().packageExportsResolve(...a); },
  packageImportsResolve(...a) { return lazyPkg().packageImportsResolve(...a); },
};
let esmLoader;
function lazyESM() {
  esmLoader ??= require('internal/modules/esm/loader');
  return esmLoader;
}
function lazyPkg() {
  pkgModule ??= require('internal/modules/package_json');
  return pkgModule;
}
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_UNKNOWN_BUILTIN_MODULE,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { wrapperOffsets } = require('internal/error_stack');

const kIsMainSymbol = Symbol('kIsMainSymbol');
const preserveSymlinks = !!options.preserveSymlinks;
const preserveSymlinksMain = !!options.preserveSymlinksMain;
const userConditions = options.conditions || [];
// require() loads ES modules too, so it matches the "module-sync" export condition like node 22.
const cjsConditions = new Set(['require', 'module-sync', 'node', 'node-addons',
  ...userConditions]);

let requireDepth = 0;
let statCache = null;

function stat(filename) {
  filename = path.toNamespacedPath(filename);
  if (statCache !== null) {
    const result = statCache.get(filename);
    if (result !== undefined) return result;
  }
  const result = modules.stat(filename);
  if (statCache !== null && result >= 0) statCache.set(filename, result);
  return result;
}

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  Object.defineProperty(this, 'exports', {
    value: {}, writable: true, enumerable: true, configurable: true,
  });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
  moduleParentCache.set(this, parent);
}

const moduleParentCache = new WeakMap();
let parentWarned = false;
function warnParent() {
  if (!parentWarned && options.pendingDeprecation) {
    parentWarned = true;
    process.emitWarning('module.parent is deprecated due to accuracy issues. Please use ' +
      'require.main to find program entry point instead.', 'DeprecationWarning', 'DEP0144');
  }
}
Object.defineProperty(Module.prototype, 'parent', {
  get() {
    warnParent();
    return moduleParentCache.get(this);
  },
  set(value) {
    warnParent();
    moduleParentCache.set(this, value);
  },
  enumerable: false, configurable: true,
});

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.globalPaths = [];
Module.isBuiltin = function isBuiltin(moduleName) {
  if (typeof moduleName !== 'string') return false;
  if (moduleName.startsWith('node:')) return BuiltinModule.canBeRequiredByUsers(moduleName.slice(5));
  return BuiltinModule.canBeRequiredWithoutScheme(moduleName);
};

let builtinModulesList;
Object.defineProperty(Module, 'builtinModules', {
  get() {
    builtinModulesList ??= Object.freeze(BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList());
    return builtinModulesList;
  },
  enumerable: true, configurable: true,
});

const wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
let wrap = function(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
let wrapperProxy = new Proxy(wrapper, {
  set(target, property, value) {
    patched = true;
    return Reflect.set(target, property, value);
  },
  defineProperty(target, property, descriptor) {
    patched = true;
    return Reflect.defineProperty(target, property, descriptor);
  },
});
let patched = false;
Object.defineProperty(Module, 'wrap', {
  get() { return wrap; },
  set(value) { patched = true; wrap = value; },
  configurable: true, enumerable: true,
});
Object.defineProperty(Module, 'wrapper', {
  get() { return wrapperProxy; },
  set(value) { patched = true; wrapperProxy = value; },
  configurable: true, enumerable: true,
});

// ---- resolution ----

const nmChars = ['s', 'e', 'l', 'u', 'd', 'o', 'm', '_', 'e', 'd', 'o', 'n'];
Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  for (let i = from.length - 1, p = 0, last = from.length; i >= 0; --i) {
    const code = from.charCodeAt(i);
    if (code === 47 /* / */) {
      if (p !== nmChars.length) paths.push(from.slice(0, last) + '/node_modules');
      last = i;
      p = 0;
    } else if (p !== -1) {
      if (nmChars[p] === from[i]) ++p;
      else p = -1;
    }
  }
  paths.push('/node_modules');
  return paths;
};

Module._resolveLookupPaths = function(request, parent) {
  if (BuiltinModule.canBeRequiredByUsers(request) &&
      (request.startsWith('node:') || BuiltinModule.canBeRequiredWithoutScheme(request))) {
    return null;
  }
  if (request.startsWith('node:') && BuiltinModule.canBeRequiredByUsers(request.slice(5))) {
    return null;
  }
  if (request.charAt(0) !== '.' ||
      (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    let paths;
    if (parent?.paths?.length) {
      paths = [...parent.paths, ...Module.globalPaths];
    } else {
      paths = Module.globalPaths;
    }
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function toRealPath(requestPath) {
  return modules.realpath(requestPath);
}

function tryFile(requestPath, isMain) {
  const rc = stat(requestPath);
  if (rc !== 0) return false;
  if (preserveSymlinks && !isMain) return path.resolve(requestPath);
  if (preserveSymlinksMain && isMain) return path.resolve(requestPath);
  return toRealPath(requestPath);
}

function tryExtensions(basePath, exts, isMain) {
  for (let i = 0; i < exts.length; i++) {
    const filename = tryFile(basePath + exts[i], isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pj = pkg.read(path.resolve(requestPath, 'package.json'));
  const pkgMain = pj?.main;
  if (!pkgMain) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  const filename = path.resolve(requestPath, pkgMain);
  let actual = tryFile(filename, isMain) ||
    tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(`Cannot find module '${filename}'. ` +
        'Please verify that the package.json has a valid "main" entry');
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
    process.emitWarning(`Invalid 'main' field in '${path.resolve(requestPath, 'package.json')}' ` +
      `of '${pkgMain}'. Please either fix that or report it to the module author`,
    'DeprecationWarning', 'DEP0128');
  }
  return actual;
}

function resolveExports(nmPath, request) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (!m) return;
  const pkgPath = path.resolve(nmPath, m[1]);
  const pj = pkg.read(pkgPath + '/package.json');
  if (pj?.exports != null) {
    try {
      return finalizeEsmResolution(
        pkg.packageExportsResolve(pkgPath + '/package.json', '.' + (m[2] || ''), pj, null,
                                  cjsConditions).path,
        pkgPath + '/package.json');
    } catch (e) {
      if (e.code === 'ERR_MODULE_NOT_FOUND') throw createEsmNotFoundErr(request, pkgPath + '/package.json');
      throw e;
    }
  }
}

function finalizeEsmResolution(resolved, pkgPath) {
  const encoded = /%2F|%5C/i;
  if (encoded.test(resolved)) {
    const { codes: { ERR_INVALID_MODULE_SPECIFIER } } = require('internal/errors');
    throw new ERR_INVALID_MODULE_SPECIFIER(resolved, 'must not include encoded "/" or "\\" characters', pkgPath);
  }
  const actual = tryFile(resolved);
  if (actual) return actual;
  throw createEsmNotFoundErr(resolved, pkgPath);
}

function createEsmNotFoundErr(request, p) {
  const err = new Error(`Cannot find module '${request}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (p) err.path = p;
  return err;
}

function trySelf(parentPath, request) {
  if (!parentPath) return false;
  const pj = pkg.findScope(parentPath);
  if (!pj || pj.exports == null || pj.name === undefined) return false;
  let expansion;
  if (request === pj.name) {
    expansion = '.';
  } else if (request.startsWith(`${pj.name}/`)) {
    expansion = '.' + request.slice(pj.name.length);
  } else {
    return false;
  }
  try {
    return finalizeEsmResolution(
      pkg.packageExportsResolve(pj.pjsonPath, expansion, pj, null, cjsConditions).path,
      pj.pjsonPath);
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND') throw createEsmNotFoundErr(request, pj.pjsonPath);
    throw e;
  }
}

const trailingSlashRegex = /(?:^|\/)\.?\.$/;
Module._findPath = function _findPath(request, paths, isMain) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  const cacheKey = request + '\x00' + paths.join('\x00');
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;

  let exts;
  const trailingSlash = request.length > 0 &&
    (request.charCodeAt(request.length - 1) === 47 || trailingSlashRegex.test(request));
  const isRelative = request.charCodeAt(0) === 46 && (request.length === 1 ||
    request.charCodeAt(1) === 47 || (request.charCodeAt(1) === 46 &&
    (request.length === 2 || request.charCodeAt(2) === 47)));
  let insidePath = true;
  if (isRelative) {
    const normalizedRequest = path.normalize(request);
    if (normalizedRequest.startsWith('..')) insidePath = false;
  }

  for (let i = 0; i < paths.length; i++) {
    const curPath = paths[i];
    if (insidePath && curPath && stat(curPath) < 1) continue;
    if (!absoluteRequest) {
      const exportsResolved = resolveExports(curPath, request);
      if (exportsResolved) return exportsResolved;
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        if (!isMain) {
          filename = preserveSymlinks ? path.resolve(basePath) : toRealPath(basePath);
        } else if (preserveSymlinksMain) {
          filename = path.resolve(basePath);
        } else {
          filename = toRealPath(basePath);
        }
      }
      if (!filename) {
        exts ??= Object.keys(Module._extensions);
        filename = tryExtensions(basePath, exts, isMain);
      }
    }
    if (!filename && rc === 1) {
      exts ??= Object.keys(Module._extensions);
      filename = tryPackage(basePath, exts, isMain, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  if (BuiltinModule.canBeRequiredWithoutScheme(request) ||
      (request.startsWith('node:') && BuiltinModule.canBeRequiredByUsers(request.slice(5)))) {
    return request;
  }

  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      const isRelative = request.startsWith('./') || request.startsWith('../');
      if (isRelative) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (let i = 0; i < options.paths.length; i++) {
          const p = options.paths[i];
          fakeParent.paths = Module._nodeModulePaths(p);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (let j = 0; j < lookupPaths.length; j++) {
            if (!paths.includes(lookupPaths[j])) paths.push(lookupPaths[j]);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
    const parentPath = parent?.filename ? path.dirname(parent.filename) : process.cwd();
    const pj = pkg.findScope(parentPath);
    if (pj?.imports != null) {
      const base = parent?.filename ?? process.cwd() + '/';
      const r = pkg.packageImportsResolve(request, parentPath, base, cjsConditions);
      if (r.bare !== undefined) return Module._resolveFilename(r.bare, parent, isMain);
      return finalizeEsmResolution(r.path, pj.pjsonPath);
    }
  }

  const parentPath = trySelfParentPath(parent);
  const selfResolved = trySelf(parentPath, request);
  if (selfResolved) {
    const cacheKey = request + '\x00' + (paths.length === 1 ? paths[0] : paths.join('\x00'));
    Module._pathCache[cacheKey] = selfResolved;
    return selfResolved;
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message = message + '\nRequire stack:\n- ' + requireStack.join('\n- ');
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

function trySelfParentPath(parent) {
  if (!parent) return process.cwd();
  if (parent.filename) return path.dirname(parent.filename);
  if (parent.id === '<repl>' || parent.id === 'internal/preload') {
    try { return process.cwd(); } catch { return false; }
  }
  return false;
}

// ---- loading ----

function loadBuiltin(id) {
  return BuiltinModule.require(id);
}

Module._load = function _load(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }

  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!BuiltinModule.canBeRequiredByUsers(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    return loadBuiltin(id);
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
    return cachedModule.exports;
  }

  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) return loadBuiltin(filename);

  const module = new Module(filename, parent);
  if (isMain) {
    setOwnProperty(process, 'mainModule', module);
    setOwnProperty(module.require, 'main', process.mainModule);
    module.id = '.';
    module[kIsMainSymbol] = true;
  } else {
    module[kIsMainSymbol] = false;
  }

  Module._cache[filename] = module;
  if (parent !== undefined) relativeResolveCache[relResolveCacheIdentifier] = filename;

  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent?.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    } else if (circularExports.has(module) && module.exports === circularExports.get(module) &&
               Object.getPrototypeOf(module.exports) === CircularRequirePrototypeWarningProxy) {
      Object.setPrototypeOf(module.exports, Object.prototype);
    }
  }
  return module.exports;
};

const relativeResolveCache = Object.create(null);

function setOwnProperty(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

// While a module is still loading, a plain exports object that another
// module got through a require() cycle warns on reads of missing properties.
const CircularRequirePrototypeWarningProxy = new Proxy({}, {
  __proto__: null,
  get(target, prop) {
    if (prop in target || prop === '__esModule') return undefined;
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.hasOwn(target, prop) || prop === '__esModule') {
      return Object.getOwnPropertyDescriptor(target, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
});

function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports ` +
    'inside circular dependency');
}

// module -> the exports object given the warning prototype while it loads
const circularExports = new WeakMap();
function getExportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports !== null && typeof exports === 'object' &&
      !require('internal/util/types').isProxy(exports) &&
      Object.getPrototypeOf(exports) === Object.prototype && !exports.__esModule) {
    Object.setPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
    circularExports.set(module, exports);
  }
  return exports;
}

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) {
    loadESMFromCJS(this, filename, undefined);
    this.loaded = true;
    return;
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

// require() of an ES module (node 22): its namespace, evaluated synchronously;
// the main module runs through the ES module loader instead.
function loadESMFromCJS(module, filename, source) {
  const esm = lazyESM();
  if (module[kIsMainSymbol]) {
    esm.runMainFromCJS(filename, source);
    return;
  }
  const parent = moduleParentCache.get(module);
  const rec = esm.requireESM(filename, parent?.filename, source);
  setOwnProperty(module, 'exports', esm.requireNamespace(rec));
}

Module.prototype.require = function require(id) {
  validateString(id, 'id');
  if (id === '') throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
  }
};

function stripHashbang(content) {
  if (content.charCodeAt(0) === 35 && content.charCodeAt(1) === 33) {
    return '//' + content.slice(2);
  }
  return content;
}

function wrapSafe(filename, content) {
  try {
    if (patched) {
      return builtins.evalScript(Module.wrap(content), filename);
    }
    if (content.includes('import(')) {
      const withImport = transformDynamicImport(content, filename);
      if (withImport !== undefined) return withImport;
    }
    wrapperOffsets.set(filename, wrapper[0].length);
    return builtins.compileFunction(content, filename, wrapper[0]);
  } catch (err) {
    hideEngineLocation(err);
    throw err;
  }
}

// CommonJS code that calls import() gets it as a sixth wrapper parameter bound
// to the file's URL (docs/esm.md 1.4); the returned function takes the usual five.
function transformDynamicImport(content, filename) {
  const esm = lazyESM();
  let r;
  try {
    r = esm.transform(content, 1);
  } catch {
    return undefined;
  }
  if (r.error !== undefined) return undefined;
  const name = `${r.prefix ?? '__cairn_'}import`;
  const head = `(function (exports, require, module, __filename, __dirname, ${name}) { `;
  wrapperOffsets.set(filename, head.length);
  const fn = builtins.compileFunction(r.code, filename, head);
  const importFn = (specifier, options) => esm.importFromCJS(specifier, options, filename);
  return function(exports, require, module, __filename, __dirname) {
    return Reflect.apply(fn, this, [exports, require, module, __filename, __dirname, importFn]);
  };
}

// The engine puts enumerable line/column/sourceURL on SyntaxErrors; node's
// errors have no such keys, so they must not show in inspect() or keys().
function hideEngineLocation(err) {
  if (err === null || typeof err !== 'object') return;
  const keys = ['line', 'column', 'sourceURL'];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const desc = Object.getOwnPropertyDescriptor(err, key);
    if (desc !== undefined && desc.enumerable) {
      Object.defineProperty(err, key, { ...desc, enumerable: false });
    }
  }
}

function makeRequireFunction(mod) {
  let require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwnProperty(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function _compile(content, filename, format) {
  let compiledWrapper;
  try {
    compiledWrapper = wrapSafe(filename, stripHashbang(content));
  } catch (err) {
    // node 22's syntax detection: a typeless file that is not valid CommonJS
    // but is a valid ES module is loaded as one.
    if (format === undefined && err instanceof SyntaxError && !filename.endsWith('.cjs') &&
        lazyESM().looksLikeModule(content, filename)) {
      if (this[kIsMainSymbol]) warnTypelessMain(filename);
      loadESMFromCJS(this, filename, content);
      return;
    }
    throw err;
  }
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  const thisValue = exports;
  const module = this;
  if (requireDepth === 0) statCache = new Map();
  let result;
  try {
    result = Reflect.apply(compiledWrapper, thisValue,
      [exports, require, module, filename, dirname]);
  } finally {
    if (requireDepth === 0) statCache = null;
  }
  return result;
};

Module._extensions['.js'] = function js(module, filename) {
  let content = modules.readFileUtf8(filename);
  let format;
  if (/\.[cm]?ts$/.test(filename)) {
    // .ts / .cts / .mts: types stripped (internal/modules/typescript.js)
    const ts = require('internal/modules/typescript').typeScriptForCommonJS(filename, content,
      pkg.findScope(path.dirname(filename))?.type);
    if (ts === undefined) {
      loadESMFromCJS(module, filename, undefined);
      return;
    }
    content = ts.code;
    format = ts.format;
  } else if (filename.endsWith('.cjs')) {
    format = 'commonjs';
  } else if (filename.endsWith('.js')) {
    const type = pkg.findScope(path.dirname(filename))?.type;
    if (type === 'module') {
      loadESMFromCJS(module, filename, content);
      return;
    }
    if (type === 'commonjs') format = 'commonjs';
  }
  module._compile(content, filename, format);
};

function warnTypelessMain(filename) {
  const scope = pkg.findScope(path.dirname(filename));
  if (scope === undefined || filename.includes('/node_modules/')) return;
  const url = require('internal/modules/esm/resolve').pathToFileURL(filename);
  process.emitWarning(`Module type of ${url} is not specified and it doesn't parse as CommonJS.\n` +
    'Reparsing as ES module because module syntax was detected. This incurs a performance ' +
    `overhead.\nTo eliminate this warning, add "type": "module" to ${scope.pjsonPath}.`,
  { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

Module._extensions['.json'] = function json(module, filename) {
  const content = modules.readFileUtf8(filename);
  try {
    setOwnProperty(module, 'exports', JSON.parse(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  return process.dlopen(module, path.toNamespacedPath(filename));
};

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths.unshift(path.resolve(homeDir, '.node_libraries'));
    paths.unshift(path.resolve(homeDir, '.node_modules'));
  }
  if (nodePath) {
    paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
  }
  Module.globalPaths = paths.slice();
};

Module._preloadModules = function(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  for (let n = 0; n < requests.length; n++) parent.require(requests[n]);
};

Module._stat = function _stat(filename) { return stat(filename); };
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  // only the ES module loader's builtin namespaces need it; never load it here
  if (BuiltinModule.isLoaded('internal/modules/esm/loader')) lazyESM().syncBuiltinESMExports();
};
Module.findSourceMap = function findSourceMap() { return undefined; };
Module.register = function register() {};
Module.enableCompileCache = function enableCompileCache() { return { status: 3 }; };
Module.getCompileCacheDir = function getCompileCacheDir() { return undefined; };
Module.constants = Object.freeze({ compileCacheStatus: Object.freeze({
  FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 }) });
Module.Module = Module;

Module.runMain = function runMain(main = process.argv[1]) {
  const resolved = resolveMainPath(main);
  Module._load(resolved || main, null, true);
};

function resolveMainPath(main) {
  if (preserveSymlinksMain) return path.resolve(main);
  try {
    return Module._findPath(path.resolve(main), null, true);
  } catch {
    return undefined;
  }
}

function getBuiltinModule(id) {
  validateString(id, 'id');
  const normalized = id.startsWith('node:') ? id.slice(5) : id;
  if (!BuiltinModule.canBeRequiredByUsers(normalized)) return undefined;
  if (!id.startsWith('node:') && !BuiltinModule.canBeRequiredWithoutScheme(normalized)) {
    return undefined;
  }
  return loadBuiltin(normalized);
}

Module._initPaths();

module.exports = { Module, getBuiltinModule, wrapSafe, makeRequireFunction, hideEngineLocation };
