'use strict';
// node:module

const { Module } = require('internal/modules/cjs/loader');

// Loader hooks (lib/internal/modules/esm/hooks.js, loaded on first use).
Module.register = function register(specifier, parentURL = undefined, options = undefined) {
  return require('internal/modules/esm/hooks').register(specifier, parentURL, options);
};
Module.registerHooks = function registerHooks(hooks) {
  return require('internal/modules/esm/hooks').registerHooks(hooks);
};

module.exports = Module;
