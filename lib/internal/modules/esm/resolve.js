'use strict';
// ES module resolution (node's ESM_RESOLVE): file: URLs with mandatory
// extensions, "exports"/"imports" with the import conditions, self-reference,
// legacy "main", builtins and data: URLs; and the format of a resolved URL
// (ESM_FILE_FORMAT plus node's syntax detection for typeless .js files).

const path = require('path');
const modules = internalBinding('modules');
const { BuiltinModule, options } = require('internal/bootstrap/realm');
const { read: readPackage, findScope } = require('internal/modules/package_json_reader');
const {
  codes: {
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_MODULE_NOT_FOUND,
    ERR_UNKNOWN_BUILTIN_MODULE,
    ERR_UNKNOWN_FILE_EXTENSION,
    ERR_UNKNOWN_MODULE_FORMAT,
    ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
    ERR_UNSUPPORTED_RESOLVE_REQUEST,
  },
} = require('internal/errors');

const preserveSymlinks = !!options.preserveSymlinks;
const preserveSymlinksMain = !!options.preserveSymlinksMain;
const userConditions = options.conditions || [];
const importConditions = new Set();
importConditions.add('node').add('import').add('module-sync').add('node-addons');
for (let i = 0; i < userConditions.length; i++) importConditions.add(userConditions[i]);

let pkgResolution;
function lazyPkg() {
  pkgResolution ??= require('internal/modules/package_json');
  return pkgResolution;
}
let urlModule;
function lazyURL() {
  urlModule ??= require('internal/url');
  return urlModule;
}

// ---- file: URLs <-> paths, with fast paths for plain ASCII paths ----

// Characters a file path may contain that pathToFileURL leaves as they are.
const plainPathRe = /^[A-Za-z0-9/._~!$&'()*+,;=:@-]*$/;

function pathToFileURL(p) {
  if (plainPathRe.test(p)) return `file://${p}`;
  return lazyURL().pathToFileURL(p).href;
}

// A file: URL href whose path needs no decoding gives its path by slicing.
const plainFileURLRe = /^file:\/\/\/[A-Za-z0-9/._~!$&'()*+,;=:@-]*$/;

function fileURLToPath(url) {
  if (plainFileURLRe.test(url)) return url.slice(7);
  return lazyURL().fileURLToPath(url);
}

// ---- stat and realpath, cached for the life of the process like node's ESM loader ----

const statCache = new Map();
function stat(p) {
  let r = statCache.get(p);
  if (r === undefined) {
    r = modules.stat(p);
    statCache.set(p, r);
  }
  return r;
}

const realpathCache = new Map();
function realpath(p) {
  let r = realpathCache.get(p);
  if (r === undefined) {
    r = modules.realpath(p);
    realpathCache.set(p, r);
  }
  return r;
}

// stat() and realpath() of a file found by resolution (an absolute, normalized path):
// one lstat when the file is no symbolic link, its real path then being its directory's
// (resolved once per directory, as node's realpath cache does) joined with its name.
// Returns stat()'s code; `real` is set when the file exists and is no directory.
let lstatFn;
const fileReal = { real: undefined };
function statAndRealpath(p, wantReal) {
  fileReal.real = undefined;
  lstatFn ??= internalBinding('module_wrap').lstat ?? null;
  let rc = statCache.get(p);
  if (rc === undefined && lstatFn !== null) {
    const kind = lstatFn(p);
    if (kind !== 2) {
      rc = kind;
      statCache.set(p, rc);
      if (rc === 0 && wantReal) {
        const slash = p.lastIndexOf('/');
        const dir = slash === 0 ? '/' : p.slice(0, slash);
        const dirReal = realpath(dir);
        fileReal.real = `${dirReal === '/' ? '' : dirReal}/${p.slice(slash + 1)}`;
        realpathCache.set(p, fileReal.real);
      }
      return rc;
    }
  }
  rc = stat(p);
  if (rc === 0 && wantReal) fileReal.real = realpath(p);
  return rc;
}

// ---- ESM_RESOLVE ----

function isRelativeSpecifier(s) {
  if (s[0] !== '.') return false;
  if (s.length === 1 || s[1] === '/') return true;
  return s[1] === '.' && (s.length === 2 || s[2] === '/');
}

function shouldBeTreatedAsRelativeOrAbsolutePath(s) {
  if (s === '') return false;
  if (s[0] === '/') return true;
  return isRelativeSpecifier(s);
}

// The path of a file: parent URL, or undefined for other parents.
function parentPathOf(parentURL) {
  if (typeof parentURL !== 'string' || !parentURL.startsWith('file:')) return undefined;
  return fileURLToPath(parentURL);
}

// For messages: "imported from X" shows the parent's path (or its URL).
function baseForMessage(parentURL) {
  if (parentURL === undefined) return undefined;
  try {
    const p = parentPathOf(parentURL);
    if (p !== undefined) return p;
  } catch {
    // not a valid file URL
  }
  return parentURL;
}

// node's errors list `code` before `url`.
function urlLast(err) {
  const url = err.url;
  delete err.url;
  err.url = url;
  return err;
}

// Turns a resolved file: URL into the final URL: checks the file exists and
// is not a directory, then follows symlinks (node's finalizeResolution).
// `filePath` is the URL's path; `suffix` is its search and hash.
function finalizeFile(filePath, suffix, url, parentURL, isMain) {
  if (url.includes('%') && /%2f|%5c/i.test(url.slice(0, url.length - suffix.length))) {
    throw new ERR_INVALID_MODULE_SPECIFIER(url.slice(7),
      'must not include encoded "/" or "\\" characters', baseForMessage(parentURL));
  }
  // node stats path.slice(-1) for a trailing slash, which is always a directory.
  const keep = isMain ? preserveSymlinksMain : preserveSymlinks;
  const rc = filePath.endsWith('/') ? 1 : statAndRealpath(filePath, !keep);
  if (rc === 1) {
    throw urlLast(new ERR_UNSUPPORTED_DIR_IMPORT(filePath, baseForMessage(parentURL), url));
  }
  if (rc !== 0) throw urlLast(new ERR_MODULE_NOT_FOUND(filePath, baseForMessage(parentURL), url));
  if (keep) return url;
  const real = fileReal.real ?? realpath(filePath);
  if (real === filePath) return url;
  return pathToFileURL(real) + suffix;
}

function splitSuffix(url) {
  let i = url.indexOf('?');
  const j = url.indexOf('#');
  if (i === -1 || (j !== -1 && j < i)) i = j;
  return i === -1 ? '' : url.slice(i);
}

// Resolves a parsed absolute URL string: file: URLs are finalized, others returned.
function finalizeURL(href, parentURL, isMain) {
  if (!href.startsWith('file:')) return href;
  const suffix = splitSuffix(href);
  const bare = suffix ? href.slice(0, href.length - suffix.length) : href;
  return finalizeFile(fileURLToPath(bare), suffix, href, parentURL, isMain);
}

// Relative and absolute path specifiers from a file: parent, without the URL
// parser when nothing in the specifier needs URL semantics.
const plainRelRe = /^[A-Za-z0-9/._~!$&'()*+,;=:@-]*$/;

// './a/b.mjs' or '../../a.mjs' from a parent file's path whose segments are all plain
// names (no '.', '..' or empty ones, as in the paths of most files), when every segment
// after the specifier's leading dots is a plain name too: what path.resolve gives, without
// its generic normalization. undefined when the shortcut does not apply.
const dotSegmentRe = /(?:^|\/)\.\.?(?:\/|$)/;

function joinPlainRelative(parentPath, specifier) {
  if (parentPath.includes('//') || parentPath.includes('/.')) return undefined;
  let dirEnd = parentPath.lastIndexOf('/');
  let i = 0;
  if (specifier.startsWith('./')) {
    i = 2;
  } else {
    while (specifier.startsWith('../', i)) {
      if (dirEnd <= 0) return undefined;
      dirEnd = parentPath.lastIndexOf('/', dirEnd - 1);
      i += 3;
    }
    if (i === 0) return undefined;
  }
  const rest = specifier.slice(i);
  if (rest === '' || rest[0] === '/' || rest.endsWith('/') || rest.includes('//') ||
      dotSegmentRe.test(rest)) {
    return undefined;
  }
  return parentPath.slice(0, dirEnd + 1) + rest;
}

function resolveRelative(specifier, parentURL, isMain) {
  const parentPath = parentPathOf(parentURL);
  if (parentPath !== undefined && plainRelRe.test(specifier)) {
    const joined = joinPlainRelative(parentPath, specifier);
    if (joined !== undefined) {
      return finalizeFile(joined, '', pathToFileURL(joined), parentURL, isMain);
    }
    let p;
    if (specifier[0] === '/') {
      p = path.resolve(specifier);
    } else if (parentPath.endsWith('/')) {
      p = path.resolve(parentPath, specifier);
    } else {
      p = path.resolve(parentPath, '..', specifier);
    }
    if (specifier.endsWith('/') || specifier.endsWith('/.') || specifier.endsWith('/..') ||
        specifier === '.' || specifier === '..') {
      if (!p.endsWith('/')) p += '/';
    }
    const url = pathToFileURL(p);
    return finalizeFile(p, '', url, parentURL, isMain);
  }
  let href;
  try {
    href = new (lazyURL().URL)(specifier, parentURL).href;
  } catch {
    throw new ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL);
  }
  return finalizeURL(href, parentURL, isMain);
}

function packageDirURL(pjsonPath) {
  return pathToFileURL(pjsonPath.slice(0, -'package.json'.length));
}

// The "exports" result of package_json.js is a path string built from the target.
function finalizeExportsPath(p, parentURL) {
  const suffix = '';
  return finalizeFile(p, suffix, pathToFileURL(p), parentURL, false);
}

function legacyMainResolve(pkgDir, pj, parentURL) {
  const tries = [];
  if (pj.main !== undefined) {
    const m = pj.main;
    tries.push(`${m}`, `${m}.js`, `${m}.json`, `${m}.node`, `${m}/index.js`, `${m}/index.json`,
      `${m}/index.node`);
  }
  tries.push('index.js', 'index.json', 'index.node');
  for (let i = 0; i < tries.length; i++) {
    const p = path.resolve(pkgDir, tries[i]);
    if (stat(p) === 0) return finalizeFile(p, '', pathToFileURL(p), parentURL, false);
  }
  throw new ERR_MODULE_NOT_FOUND(`${pkgDir}/`, baseForMessage(parentURL));
}

function packageResolve(specifier, parentURL, conditions) {
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) return `node:${specifier}`;
  const base = baseForMessage(parentURL);
  const pkg = lazyPkg();
  const { packageName, packageSubpath, isScoped } = pkg.parsePackageName(specifier, base);
  const parentPath = parentPathOf(parentURL);
  if (parentPath === undefined) {
    throw new ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL);
  }
  // Self-reference through the enclosing package's own "exports".
  const scope = findScope(path.dirname(parentPath));
  if (scope !== undefined && scope.name === packageName && scope.exports != null) {
    const r = pkg.packageExportsResolve(scope.pjsonPath, packageSubpath, scope, base, conditions);
    return finalizeExportsPath(r.path, parentURL);
  }
  let dir = path.dirname(parentPath);
  for (;;) {
    const pkgDir = `${dir === '/' ? '' : dir}/node_modules/${packageName}`;
    if (stat(pkgDir) === 1) {
      const pj = readPackage(`${pkgDir}/package.json`);
      if (pj !== undefined && pj.exports != null) {
        const r = pkg.packageExportsResolve(pj.pjsonPath, packageSubpath, pj, base, conditions);
        return finalizeExportsPath(r.path, parentURL);
      }
      if (packageSubpath === '.') return legacyMainResolve(pkgDir, pj ?? {}, parentURL);
      const sub = packageSubpath.slice(2);
      if (plainRelRe.test(sub)) {
        let p = `${pkgDir}/${sub}`;
        const trailing = p.endsWith('/');
        p = path.resolve(p);
        if (trailing) p += '/';
        return finalizeFile(p, '', pathToFileURL(p), parentURL, false);
      }
      const href = new (lazyURL().URL)(sub, pathToFileURL(`${pkgDir}/`)).href;
      return finalizeURL(href, parentURL, false);
    }
    if (dir === '/') break;
    dir = path.dirname(dir);
  }
  void isScoped;
  throw new ERR_MODULE_NOT_FOUND(packageName, base);
}

function packageImportsResolve(specifier, parentURL, conditions) {
  const parentPath = parentPathOf(parentURL);
  const base = baseForMessage(parentURL);
  const dir = parentPath !== undefined ? path.dirname(parentPath) : process.cwd();
  const r = lazyPkg().packageImportsResolve(specifier, dir, base, conditions);
  if (r.bare !== undefined) {
    const scope = findScope(dir);
    return packageResolve(r.bare, pathToFileURL(scope.pjsonPath), conditions);
  }
  return finalizeExportsPath(r.path, parentURL);
}

const resolveCache = new Map();

// A relative specifier resolves the same from every file of a directory: such results
// are cached per directory (the parent URL up to its last '/'), others per parent.
function cacheKey(specifier, parentURL) {
  if (specifier[0] === '.' && typeof parentURL === 'string' && parentURL.startsWith('file:') &&
      (specifier[1] === '/' || (specifier[1] === '.' && specifier[2] === '/')) &&
      !parentURL.includes('?') && !parentURL.includes('#')) {
    return `${parentURL.slice(0, parentURL.lastIndexOf('/') + 1)}\0${specifier}`;
  }
  return `${parentURL}\0${specifier}`;
}

// Resolves `specifier` imported from `parentURL` (a URL string, or undefined
// for the entry point) to a URL string: file:, node: or data:. `conditions`
// (an array, from loader hooks) replaces the import conditions.
function resolve(specifier, parentURL, isMain = false, conditions = undefined) {
  let key;
  if (conditions !== undefined) {
    const set = new Set(conditions);
    let same = set.size === importConditions.size;
    for (const c of importConditions) if (!set.has(c)) same = false;
    if (same) {
      conditions = undefined;
    } else {
      key = undefined;
      conditions = set;
    }
  }
  if (conditions === undefined) {
    key = isMain ? `${parentURL}\0${specifier}` : cacheKey(specifier, parentURL);
    const cached = resolveCache.get(key);
    if (cached !== undefined) return cached;
  }
  let url;
  try {
    url = resolveUncached(specifier, parentURL, isMain, conditions ?? importConditions);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
      addCommonJSHint(err, specifier.startsWith('file://') ? fileURLToPath(specifier) : specifier,
        parentURL);
    }
    throw err;
  }
  if (key !== undefined) resolveCache.set(key, url);
  return url;
}

// node's hint when CommonJS resolution would have found the module:
// 'Did you mean to import "./dir/index.js"?'
function addCommonJSHint(err, specifier, parentURL) {
  const found = resolveAsCommonJS(specifier, parentURL);
  if (!found || found === specifier) return;
  const hint = `Did you mean to import ${JSON.stringify(found)}?`;
  err.message += `\n${hint}`;
  const stack = err.stack;
  if (typeof stack === 'string') {
    const nl = stack.indexOf('\n');
    err.stack = nl === -1 ? `${stack}\n${hint}` :
      `${stack.slice(0, nl)}\n${hint}${stack.slice(nl)}`;
  }
}

function resolveAsCommonJS(specifier, parentURL) {
  try {
    const parent = parentPathOf(parentURL);
    if (parent === undefined) return false;
    const { Module } = require('internal/modules/cjs/loader');
    const tmp = new Module(parent, null);
    tmp.paths = Module._nodeModulePaths(parent);
    let found = Module._resolveFilename(specifier, tmp, false);
    if (isRelativeSpecifier(specifier)) {
      const from = parentURL.slice(7, parentURL.lastIndexOf('/'));
      found = path.relative(fileURLToPath(`file://${from}`), found);
      if (!found.startsWith('../')) found = `./${found}`;
    } else if (!shouldBeTreatedAsRelativeOrAbsolutePath(specifier) && !specifier.includes(':')) {
      const i = specifier.indexOf('/');
      const pkg = i === -1 ? specifier : specifier.slice(0, i);
      const needle = `/node_modules/${pkg}/`;
      const index = found.lastIndexOf(needle);
      if (index !== -1) {
        found = `${pkg}/${found.slice(index + needle.length).split('/')
          .map(encodeURIComponent).join('/')}`;
      } else {
        found = pathToFileURL(found);
      }
    }
    return found;
  } catch {
    return false;
  }
}

function resolveUncached(specifier, parentURL, isMain, conditions) {
  if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
    return resolveRelative(specifier, parentURL, isMain);
  }
  if (specifier.startsWith('node:')) {
    const id = specifier.slice(5);
    if (!BuiltinModule.canBeRequiredByUsers(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    return specifier;
  }
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) return `node:${specifier}`;
  if (specifier.startsWith('data:')) return specifier;
  if (specifier[0] === '#') return packageImportsResolve(specifier, parentURL, conditions);
  // An absolute URL?
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(specifier)) {
    let href;
    try {
      href = new (lazyURL().URL)(specifier).href;
    } catch {
      href = undefined;
    }
    if (href !== undefined) {
      if (href.startsWith('file:') || href.startsWith('data:') || href.startsWith('node:')) {
        return finalizeURL(href, parentURL, isMain);
      }
      throw unsupportedScheme(href);
    }
  }
  return packageResolve(specifier, parentURL, conditions);
}

// node names the node: scheme too, except for http(s): URLs.
function unsupportedScheme(url) {
  const protocol = url.slice(0, url.indexOf(':') + 1);
  const web = protocol === 'http:' || protocol === 'https:';
  return new ERR_UNSUPPORTED_ESM_URL_SCHEME({ protocol },
    web ? ['file', 'data'] : ['file', 'data', 'node']);
}

// ---- formats ----

let detectWarned;
// The format of a resolved URL: 'module', 'commonjs', 'json', 'builtin', or
// throws. `source` (a file's text) allows syntax detection for typeless .js.
function formatOf(url, detect) {
  if (url.startsWith('node:')) return 'builtin';
  if (url.startsWith('data:')) {
    const { mime } = parseDataURL(url);
    if (mime === 'text/javascript') return 'module';
    if (mime === 'application/json') return 'json';
    throw new ERR_UNKNOWN_MODULE_FORMAT(mime, url);
  }
  if (!url.startsWith('file:')) {
    throw unsupportedScheme(url);
  }
  const suffix = splitSuffix(url);
  const filePath = fileURLToPath(suffix ? url.slice(0, url.length - suffix.length) : url);
  return formatOfPath(filePath, detect);
}

function extensionOf(filePath) {
  const slash = filePath.lastIndexOf('/');
  const dot = filePath.lastIndexOf('.');
  if (dot <= slash + 1) return '';
  return filePath.slice(dot);
}

// `detect(filePath)` returns true when a typeless file has ES module syntax.
function formatOfPath(filePath, detect) {
  const ext = extensionOf(filePath);
  switch (ext) {
    case '.mjs':
    case '.mts': return 'module';
    case '.cjs':
    case '.cts': return 'commonjs';
    case '.json': return 'json';
    case '.js':
    case '.ts':
    case '': {
      const scope = findScope(path.dirname(filePath));
      const type = scope?.type ?? 'none';
      if (type === 'module') return 'module';
      if (type === 'commonjs') return 'commonjs';
      if (options.defaultType === 'module' && !filePath.includes('/node_modules/')) {
        return 'module';
      }
      if (detect !== undefined && detect(filePath)) {
        warnTypeless(filePath, scope);
        return 'module';
      }
      return 'commonjs';
    }
    default: {
      const scope = findScope(path.dirname(filePath));
      if (scope?.type !== 'module' && ext === '.node') return 'commonjs';
      throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filePath);
    }
  }
}

// node warns when a file in a package with a typeless package.json turns out
// to be an ES module.
function warnTypeless(filePath, scope) {
  if (scope === undefined || filePath.includes('/node_modules/')) return;
  detectWarned ??= new Set();
  if (detectWarned.has(scope.pjsonPath)) return;
  detectWarned.add(scope.pjsonPath);
  process.emitWarning(`Module type of ${pathToFileURL(filePath)} is not specified and it ` +
    'doesn\'t parse as CommonJS.\nReparsing as ES module because module syntax was detected. ' +
    'This incurs a performance overhead.\nTo eliminate this warning, add "type": "module" to ' +
    `${scope.pjsonPath}.`, { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

// data:[<mime>][;charset=x][;base64],<data>
function parseDataURL(url) {
  const m = /^data:([^,;]*)((?:;[^,;]*)*?)(;base64)?,([\s\S]*)$/i.exec(url);
  if (m === null) {
    const { codes: { ERR_INVALID_URL } } = require('internal/errors');
    throw new ERR_INVALID_URL(url);
  }
  const mime = m[1].trim().toLowerCase();
  return { mime, base64: m[3] !== undefined, body: m[4] };
}

function dataURLSource(url) {
  const { base64, body } = parseDataURL(url);
  if (base64) return Buffer.from(decodeURIComponent(body), 'base64').toString('utf8');
  return Buffer.from(decodeURIComponent(body), 'utf8').toString('utf8');
}

module.exports = {
  resolve,
  formatOf,
  formatOfPath,
  dataURLSource,
  pathToFileURL,
  fileURLToPath,
  importConditions,
  stat,
};
