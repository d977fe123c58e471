'use strict';
// Reads package.json files (cached): what CommonJS loading needs on every
// file (the "type" of its scope, "main"); "exports"/"imports" resolution lives
// in internal/modules/package_json and loads only when a package uses them.

const modules = internalBinding('modules');

const cache = new Map();

// Returns the parsed package.json at `jsonPath` (a file path), or undefined.
function read(jsonPath) {
  if (cache.has(jsonPath)) return cache.get(jsonPath);
  const text = modules.readOptional(jsonPath);
  let result;
  if (text !== undefined) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      const { codes: { ERR_INVALID_PACKAGE_CONFIG } } = require('internal/errors');
      const e = new ERR_INVALID_PACKAGE_CONFIG(jsonPath, undefined, err.message);
      e.message = `Invalid package config ${jsonPath}.`;
      throw e;
    }
    if (parsed === null || typeof parsed !== 'object') parsed = { __proto__: null };
    // Own fields only: user code may have put getters on Object.prototype.
    const own = (key) => (Object.hasOwn(parsed, key) ? parsed[key] : undefined);
    const name = own('name');
    const main = own('main');
    const type = own('type');
    result = {
      __proto__: null,
      exists: true,
      pjsonPath: jsonPath,
      name: typeof name === 'string' ? name : undefined,
      main: typeof main === 'string' ? main : undefined,
      exports: own('exports'),
      imports: own('imports'),
      type: type === 'module' || type === 'commonjs' ? type : 'none',
      raw: parsed,
    };
  }
  cache.set(jsonPath, result);
  return result;
}

// The nearest package.json at or above directory `dir`.
function findScope(dir) {
  let d = dir;
  for (;;) {
    if (d.endsWith('/node_modules')) return undefined;
    const pj = read(`${d === '/' ? '' : d}/package.json`);
    if (pj !== undefined) return pj;
    if (d === '/' || d === '') return undefined;
    const i = d.lastIndexOf('/');
    d = i <= 0 ? '/' : d.slice(0, i);
  }
}

module.exports = { read, findScope };
