'use strict';
// Pieces of node:dgram shared with other modules: the state symbol and the
// UDP handle factory (a handle per socket type, with its address lookup).

const {
  codes: { ERR_SOCKET_BAD_TYPE },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

const { UDP, SendWrap } = internalBinding('udp_wrap');

const kStateSymbol = Symbol('state symbol');
// The Socket that owns a UDP handle (handle[kOwner]).
const kOwner = Symbol('owner_symbol');
let dns;

function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

// A new UDP handle for 'udp4' or 'udp6'; handle.lookup(address, cb)
// resolves an address in the socket's family.
function newHandle(type, lookup) {
  if (lookup === undefined) {
    dns ??= require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }

  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = lookup4.bind(handle, lookup);
    return handle;
  }

  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = lookup6.bind(handle, lookup);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }

  throw new ERR_SOCKET_BAD_TYPE();
}

// A UDP handle bound to address:port, or opened on fd (which must be a UDP
// socket); a negative errno when that fails. dgram._createSocketHandle and the
// cluster primary's shared UDP handles.
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;
  if (Number.isInteger(fd) && fd > 0 && fd <= 0x7fffffff) {
    const type = require('internal/util').guessHandleType(fd);
    err = type === 'UDP' ? handle.open(fd) : internalBinding('uv').UV_EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  _createSocketHandle,
  kOwner,
  kStateSymbol,
  newHandle,
  SendWrap,
};
