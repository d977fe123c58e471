'use strict';
// SCHED_RR: the primary owns the listening socket, accepts every connection
// and hands each to the next free worker over IPC. A worker is busy from a
// handoff until it answers; a connection it refuses (its server is closing)
// goes to another worker.

const net = require('net');
const { constants } = internalBinding('stream_wrap');
const { sendHelper } = require('internal/cluster/utils');

function onUnexpectedConnection() {
  throw new Error('cluster: the primary got a connection it should hand off');
}

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog, readableAll, writableAll }) {
    this.key = key;
    this.all = new Map();
    this.free = new Map();
    this.handles = [];
    this.pending = new Map(); // worker id -> the connection it has not answered for
    this.handle = null;
    this.server = net.createServer(onUnexpectedConnection);
    if (fd >= 0) {
      this.server.listen({ fd, backlog });
    } else if (port >= 0) {
      this.server.listen({
        port,
        host: address,
        ipv6Only: Boolean(flags & constants.UV_TCP_IPV6ONLY),
        backlog,
      });
    } else {
      this.server.listen({ path: address, backlog, readableAll, writableAll });
    }
    this.server.once('listening', () => {
      this.handle = this.server._handle;
      this.handle.onconnection = (err, handle) => this.distribute(err, handle);
      this.server._handle = null;
      this.server = null;
    });
  }

  add(worker, send) {
    this.all.set(worker.id, worker);
    const done = () => {
      if (this.handle === null) return;
      if (this.handle.getsockname) {
        const out = {};
        this.handle.getsockname(out);
        send(null, { sockname: out }, null);
      } else {
        send(null, null, null); // A pipe.
      }
      this.handoff(worker); // Connections may be waiting already.
    };
    if (this.server === null) {
      done();
      return;
    }
    // Still binding.
    this.server.once('listening', done);
    this.server.once('error', (err) => send(err.errno, null));
  }

  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    // A connection handed to a worker that went away: drop the primary's copy
    // (a worker that took it keeps its own), so nothing stays open here.
    const pending = this.pending.get(worker.id);
    if (pending !== undefined) {
      this.pending.delete(worker.id);
      pending.close();
    }
    if (this.all.size !== 0) return false;
    while (this.handles.length > 0) this.handles.shift().close();
    if (this.handle !== null) {
      this.handle.close();
      this.handle = null;
    }
    if (this.server !== null) {
      this.server.close();
      this.server = null;
    }
    return true;
  }

  distribute(err, handle) {
    if (err) return; // A failed accept.
    this.handles.push(handle);
    for (const worker of this.free.values()) {
      this.free.delete(worker.id);
      this.handoff(worker);
      break;
    }
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return; // Its server is closing or closed.
    const handle = this.handles.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    if (!worker.process.connected) {
      // Going away: give the connection to the next free worker instead.
      this.handles.unshift(handle);
      for (const other of this.free.values()) {
        this.free.delete(other.id);
        this.handoff(other);
        break;
      }
      return;
    }
    const message = { act: 'newconn', key: this.key };
    this.pending.set(worker.id, handle);
    sendHelper(worker.process, message, handle, (reply) => {
      if (this.pending.get(worker.id) !== handle) return; // Removed meanwhile.
      this.pending.delete(worker.id);
      if (reply.accepted) handle.close();
      else this.distribute(0, handle); // The worker is shutting down: try another.
      this.handoff(worker);
    });
  }
}

module.exports = RoundRobinHandle;
