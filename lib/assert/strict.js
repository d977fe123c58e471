'use strict';
// node:assert/strict: assert in strict mode (the same object as assert.strict).

module.exports = require('assert').strict;
