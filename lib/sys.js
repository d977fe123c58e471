'use strict';
// node:sys — the deprecated alias of node:util.

module.exports = require('util');
process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
