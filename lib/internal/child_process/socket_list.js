'use strict';
// Sockets of a net.Server handed to a child process with send(): the parent
// keeps asking the child about them, so server.getConnections() counts them
// and server.close() waits until the child has closed them (node's
// NODE_SOCKET_* internal messages, so parent and child may each be node or
// cairn).

const EventEmitter = require('events');
const { codes: { ERR_CHILD_CLOSED_BEFORE_REPLY } } = require('internal/errors');

// The parent's view of one server's sockets in one child.
class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  // Sends msg and calls callback(err, reply) with the child's reply of type
  // replyCmd for this key, or an error when the channel closes first.
  request(msg, replyCmd, swallowErrors, callback) {
    const child = this.child;
    const onClose = () => {
      child.removeListener('internalMessage', onReply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    };
    const onReply = (reply) => {
      if (reply.cmd !== replyCmd || reply.key !== this.key) return;
      child.removeListener('disconnect', onClose);
      child.removeListener('internalMessage', onReply);
      callback(null, reply);
    };
    if (!child.connected) {
      process.nextTick(callback, new ERR_CHILD_CLOSED_BEFORE_REPLY());
      return;
    }
    child._send(msg, undefined, { swallowErrors });
    child.once('disconnect', onClose);
    child.on('internalMessage', onReply);
  }

  // callback(err) once the child has closed every socket of this server.
  close(callback) {
    this.request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key },
                 'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  // callback(err, count): the sockets of this server the child has open.
  getConnections(callback) {
    this.request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false,
                 (err, reply) => {
                   if (err) callback(err);
                   else callback(null, reply.count);
                 });
  }
}

// The child's side: counts the sockets it got for one server of the parent and
// answers the parent's questions about them.
class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    this.connections = 0;
    const allClosed = () => {
      if (child.connected) {
        child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key }, undefined, { swallowErrors: true });
      }
    };
    child.on('internalMessage', (msg) => {
      if (msg.key !== key) return;
      if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) allClosed();
        else this.once('empty', allClosed);
      } else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (child.connected) {
          child._send({ cmd: 'NODE_SOCKET_COUNT', key, count: this.connections }, undefined,
                      { swallowErrors: false });
        }
      }
    });
  }

  add(socket) {
    this.connections++;
    socket.once('close', () => {
      if (--this.connections === 0) this.emit('empty', this);
    });
  }
}

// The list for (target, key) of the given kind ('send' or 'got'), made on
// first use; first is true when it was just made.
const kLists = Symbol('kSocketLists');
function socketList(kind, target, key) {
  const lists = target[kLists] ??= { send: { __proto__: null }, got: { __proto__: null } };
  let list = lists[kind][key];
  const first = list === undefined;
  if (first) {
    list = kind === 'send' ? new SocketListSend(target, key) : new SocketListReceive(target, key);
    lists[kind][key] = list;
  }
  return { list, first };
}

module.exports = { socketList };
