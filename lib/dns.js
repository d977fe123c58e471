'use strict';
// node:dns — lookup and lookupService through the system resolver
// (getaddrinfo/getnameinfo on libuv's thread pool). The resolve* family
// (DNS protocol queries) is not implemented yet.

const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { isIP } = require('internal/net');
const utils = require('internal/dns_utils');

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
    if (hostname) require('internal/validators').validateString(hostname, 'hostname');
    validateFunction(callback, 'callback');
  }
  const args = utils.parseLookupArgs(hostname, options, callback, true, arguments.length);
  const { family, all } = args;
  if (!hostname) {
    utils.emitInvalidHostnameWarning(hostname);
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matchedFamily }]);
    else process.nextTick(callback, null, hostname, matchedFamily);
    return {};
  }
  return utils.getaddrinfo(args, (err, addresses) => {
    if (err) {
      callback(err);
      return;
    }
    if (all) {
      callback(null, addresses.map((address) => ({ address, family: family || isIP(address) })));
    } else {
      callback(null, addresses[0], family || isIP(addresses[0]));
    }
  });
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  utils.checkLookupServiceArgs(2, address, port);
  validateFunction(callback, 'callback');
  return utils.getnameinfo(address, port, callback);
}

function notImplemented(name) {
  return function() { throw new ERR_METHOD_NOT_IMPLEMENTED(name); };
}

class Resolver {
  constructor() { throw new ERR_METHOD_NOT_IMPLEMENTED('dns.Resolver'); }
}


const resolvers = [
  'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname',
  'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv',
  'resolveTxt', 'reverse',
];

let promises;
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: utils.getDefaultResultOrder,
  setDefaultResultOrder: utils.setDefaultResultOrder,
  getServers() { return []; },
  setServers: notImplemented('dns.setServers'),
  ADDRCONFIG: utils.ADDRCONFIG,
  ALL: utils.ALL,
  V4MAPPED: utils.V4MAPPED,
  ...utils.errorCodes,
};
// Arguments are checked as node does before the query would start.
function makeResolver(name) {
  return function(hostname, options, callback) {
    if (name === 'reverse') require('internal/validators').validateString(hostname, 'ip');
    else require('internal/validators').validateString(hostname, 'name');
    validateFunction(typeof options === 'function' ? options : callback, 'callback');
    throw new ERR_METHOD_NOT_IMPLEMENTED(`dns.${name}`);
  };
}
for (const name of resolvers) module.exports[name] = makeResolver(name);
Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('dns/promises');
    return promises;
  },
});
