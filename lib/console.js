'use strict';

// `node:console` is the global console object itself; its Console property
// is the class.
module.exports = require('internal/console/global');
