'use strict';
// node:cluster: a primary process forks workers that share server ports. The
// process decides its side once: a worker is started with NODE_UNIQUE_ID set.

module.exports = 'NODE_UNIQUE_ID' in process.env ?
  require('internal/cluster/child') :
  require('internal/cluster/primary');
