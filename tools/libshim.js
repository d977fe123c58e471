'use strict';
// Loads cairn's lib/ modules under plain node, for trying pure-JS logic before
// (or beside) the cairn binary: `const load = require('./tools/libshim'); load('path')`.
// A builtin id missing from lib/ falls back to node's own module; internalBinding()
// is unavailable here and throws.
const fs = require('fs');
const path = require('path');

const cache = new Map();
function internalBinding(name) {
  throw new Error(`internalBinding('${name}') is not available under the node shim`);
}

function load(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  if (cache.has(id)) return cache.get(id).exports;
  const file = path.join(__dirname, '..', 'lib', `${id}.js`);
  if (!fs.existsSync(file)) return require(id);
  const mod = { exports: {}, id };
  cache.set(id, mod);
  const fn = new Function('exports', 'require', 'module', 'internalBinding',
                          fs.readFileSync(file, 'utf8'));
  fn(mod.exports, load, mod, internalBinding);
  return mod.exports;
}

module.exports = load;
