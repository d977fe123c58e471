'use strict';
// package.json reading (cached) and node's "exports" / "imports" resolution
// (PACKAGE_EXPORTS_RESOLVE / PACKAGE_IMPORTS_RESOLVE from node's ESM docs).

const {
  codes: {
    ERR_INVALID_PACKAGE_CONFIG,
    ERR_INVALID_PACKAGE_TARGET,
    ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_PACKAGE_IMPORT_NOT_DEFINED,
    ERR_INVALID_MODULE_SPECIFIER,
  },
} = require('internal/errors');

const { read, findScope } = require('internal/modules/package_json_reader');

function isConditionalExportsMainSugar(exports, pjsonPath) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.keys(exports);
  let isConditional = false;
  for (let i = 0; i < keys.length; i++) {
    const curIsConditional = keys[i] === '' || keys[i][0] !== '.';
    if (i === 0) {
      isConditional = curIsConditional;
    } else if (isConditional !== curIsConditional) {
      throw new ERR_INVALID_PACKAGE_CONFIG(pjsonPath, undefined,
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return isConditional;
}

const invalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const deprecatedInvalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
const invalidPackageNameRegEx = /^\.|%|\\/;

function pkgDir(pjsonPath) {
  return pjsonPath.slice(0, -'package.json'.length);
}

function resolvePackageTargetString(target, subpath, match, pjsonPath, base, pattern,
                                    internal, conditions) {
  if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
    throw new ERR_INVALID_PACKAGE_TARGET(pkgDir(pjsonPath), match, target, internal, base);
  }
  if (!target.startsWith('./')) {
    if (internal && !target.startsWith('../') && !target.startsWith('/')) {
      let isURL = false;
      try { new URL(target); isURL = true; } catch { /* not a URL */ }
      if (!isURL) {
        const exportTarget = pattern ? target.replaceAll('*', () => subpath) : target + subpath;
        return { bare: exportTarget };
      }
    }
    throw new ERR_INVALID_PACKAGE_TARGET(pkgDir(pjsonPath), match, target, internal, base);
  }
  if (invalidSegmentRegEx.test(target.slice(2))) {
    if (!deprecatedInvalidSegmentRegEx.test(target.slice(2))) {
      // allowed with a deprecation in node; accept
    } else {
      throw new ERR_INVALID_PACKAGE_TARGET(pkgDir(pjsonPath), match, target, internal, base);
    }
  }
  const resolved = pkgDir(pjsonPath) + target.slice(2);
  if (subpath !== '' && invalidSegmentRegEx.test(subpath)) {
    const request = pattern ? match.replace('*', () => subpath) : match + subpath;
    throw new ERR_INVALID_MODULE_SPECIFIER(request,
      `request is not a valid match in pattern "${match}" for the "${internal ? 'imports' : 'exports'}" resolution of ${pjsonPath}`,
      base);
  }
  if (pattern) return { path: resolved.replaceAll('*', () => subpath) };
  return { path: resolved + subpath };
}

function isArrayIndex(key) {
  const n = Number(key);
  if (`${n}` !== key) return false;
  return n >= 0 && n < 0xFFFFFFFF;
}

function resolvePackageTarget(pjsonPath, target, subpath, packageSubpath, base, pattern,
                              internal, conditions) {
  if (typeof target === 'string') {
    return resolvePackageTargetString(target, subpath, packageSubpath, pjsonPath, base, pattern,
                                      internal, conditions);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastException;
    for (let i = 0; i < target.length; i++) {
      let resolved;
      try {
        resolved = resolvePackageTarget(pjsonPath, target[i], subpath, packageSubpath, base,
                                        pattern, internal, conditions);
      } catch (e) {
        lastException = e;
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastException = null;
        continue;
      }
      return resolved;
    }
    if (lastException === undefined || lastException === null) return lastException;
    throw lastException;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (let i = 0; i < keys.length; i++) {
      if (isArrayIndex(keys[i])) {
        throw new ERR_INVALID_PACKAGE_CONFIG(pjsonPath, base,
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'default' || conditions.has(key)) {
        const resolved = resolvePackageTarget(pjsonPath, target[key], subpath, packageSubpath,
                                              base, pattern, internal, conditions);
        if (resolved === undefined) continue;
        return resolved;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw new ERR_INVALID_PACKAGE_TARGET(pkgDir(pjsonPath), packageSubpath, target, internal, base);
}

function patternKeyCompare(a, b) {
  const aPatternIndex = a.indexOf('*');
  const bPatternIndex = b.indexOf('*');
  const baseLenA = aPatternIndex === -1 ? a.length : aPatternIndex + 1;
  const baseLenB = bPatternIndex === -1 ? b.length : bPatternIndex + 1;
  if (baseLenA > baseLenB) return -1;
  if (baseLenB > baseLenA) return 1;
  if (aPatternIndex === -1) return 1;
  if (bPatternIndex === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

// Resolves `packageSubpath` ('.' or './x') through a package's "exports".
// Returns { path } or throws ERR_PACKAGE_PATH_NOT_EXPORTED.
function packageExportsResolve(pjsonPath, packageSubpath, packageConfig, base, conditions) {
  let exports = packageConfig.exports;
  if (isConditionalExportsMainSugar(exports, pjsonPath)) exports = { '.': exports };

  if (Object.prototype.hasOwnProperty.call(exports, packageSubpath) &&
      !packageSubpath.includes('*') && !packageSubpath.endsWith('/')) {
    const target = exports[packageSubpath];
    const resolved = resolvePackageTarget(pjsonPath, target, '', packageSubpath, base, false,
                                          false, conditions);
    if (resolved == null) {
      throw new ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDir(pjsonPath), packageSubpath, base);
    }
    return resolved;
  }

  let bestMatch = '';
  let bestMatchSubpath;
  const keys = Object.getOwnPropertyNames(exports);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const patternIndex = key.indexOf('*');
    if (patternIndex !== -1 && packageSubpath.startsWith(key.slice(0, patternIndex))) {
      const patternTrailer = key.slice(patternIndex + 1);
      if (packageSubpath.length >= key.length &&
          packageSubpath.endsWith(patternTrailer) &&
          patternKeyCompare(bestMatch, key) === 1 &&
          key.lastIndexOf('*') === patternIndex) {
        bestMatch = key;
        bestMatchSubpath = packageSubpath.slice(patternIndex,
          packageSubpath.length - patternTrailer.length);
      }
    }
  }
  if (bestMatch) {
    const target = exports[bestMatch];
    const resolved = resolvePackageTarget(pjsonPath, target, bestMatchSubpath, bestMatch, base,
                                          true, false, conditions);
    if (resolved == null) {
      throw new ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDir(pjsonPath), packageSubpath, base);
    }
    return resolved;
  }
  throw new ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDir(pjsonPath), packageSubpath, base);
}

// Resolves a '#name' specifier through the "imports" of the package containing
// `parentDir`. Returns { path } or { bare } (a package specifier to resolve again).
function packageImportsResolve(name, parentDir, base, conditions) {
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    const reason = 'is not a valid internal imports specifier name';
    throw new ERR_INVALID_MODULE_SPECIFIER(name, reason, base);
  }
  const pj = findScope(parentDir);
  let packageJSONPath;
  if (pj !== undefined) {
    packageJSONPath = pj.pjsonPath;
    const imports = pj.imports;
    if (imports !== null && typeof imports === 'object') {
      if (Object.prototype.hasOwnProperty.call(imports, name) && !name.includes('*')) {
        const resolved = resolvePackageTarget(packageJSONPath, imports[name], '', name, base,
                                              false, true, conditions);
        if (resolved != null) return resolved;
      } else {
        let bestMatch = '';
        let bestMatchSubpath;
        const keys = Object.getOwnPropertyNames(imports);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const patternIndex = key.indexOf('*');
          if (patternIndex !== -1 && name.startsWith(key.slice(0, patternIndex))) {
            const patternTrailer = key.slice(patternIndex + 1);
            if (name.length >= key.length && name.endsWith(patternTrailer) &&
                patternKeyCompare(bestMatch, key) === 1 &&
                key.lastIndexOf('*') === patternIndex) {
              bestMatch = key;
              bestMatchSubpath = name.slice(patternIndex, name.length - patternTrailer.length);
            }
          }
        }
        if (bestMatch) {
          const resolved = resolvePackageTarget(packageJSONPath, imports[bestMatch],
                                                bestMatchSubpath, bestMatch, base, true, true,
                                                conditions);
          if (resolved != null) return resolved;
        }
      }
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(name,
    packageJSONPath && pkgDir(packageJSONPath), base);
}

// Splits a bare specifier into { name, subpath ('.' or './x') }.
function parsePackageName(specifier, base) {
  let separatorIndex = specifier.indexOf('/');
  let validPackageName = true;
  let isScoped = false;
  if (specifier[0] === '@') {
    isScoped = true;
    if (separatorIndex === -1 || specifier.length === 0) {
      validPackageName = false;
    } else {
      separatorIndex = specifier.indexOf('/', separatorIndex + 1);
    }
  }
  const packageName = separatorIndex === -1 ? specifier : specifier.slice(0, separatorIndex);
  if (invalidPackageNameRegEx.test(packageName)) validPackageName = false;
  if (!validPackageName) {
    throw new ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', base);
  }
  const packageSubpath = '.' + (separatorIndex === -1 ? '' : specifier.slice(separatorIndex));
  return { packageName, packageSubpath, isScoped };
}

module.exports = {
  read,
  findScope,
  packageExportsResolve,
  packageImportsResolve,
  parsePackageName,
};
