'use strict';
// SCHED_NONE (and UDP always): the primary binds the socket once and sends the
// listening handle itself to every worker; the kernel spreads connections.

const net = require('net');
const { _createSocketHandle } = require('internal/dgram');

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    let rval;
    if (addressType === 'udp4' || addressType === 'udp6') {
      rval = _createSocketHandle(address, port, addressType, fd, flags);
    } else {
      rval = net._createServerHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') this.errno = rval;
    else this.handle = rval;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle !== null) {
      this.handle.close();
      this.handle = null;
    }
    return true;
  }
}

module.exports = SharedHandle;
