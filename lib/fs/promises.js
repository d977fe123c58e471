'use strict';
// node:fs/promises — the promise API (implemented in internal/fs/promises).

module.exports = require('internal/fs/promises').exports;
