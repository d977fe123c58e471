'use strict';
// The child side of fork(): when the parent left an IPC pipe on
// NODE_CHANNEL_FD, adopt it so process.send / 'message' / disconnect work.
// Called once by the bootstrap before user code runs.

function setupChildIpc() {
  const fdText = process.env.NODE_CHANNEL_FD;
  if (fdText === undefined) return;
  const fd = Number.parseInt(fdText, 10);
  const mode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  // Node hides the channel variables from the child's environment.
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  require('internal/child_process')._forkChild(fd, mode);
  // A cluster worker (cluster.fork) joins its primary before user code runs.
  if (process.env.NODE_UNIQUE_ID !== undefined) {
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
}

module.exports = { setupChildIpc };
