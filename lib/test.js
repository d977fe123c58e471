'use strict';
// node:test: the built-in test runner (see internal/test_runner/harness).

const harness = require('internal/test_runner/harness');

module.exports = harness.test;
Object.assign(module.exports, harness, { run: undefined });
delete module.exports.run;
