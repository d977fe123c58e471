'use strict';
// node:dns — lookup and lookupService through the system resolver
// (getaddrinfo/getnameinfo on libuv's thread pool), and the resolve* family
// (DNS queries through c-ares) on a default Resolver.

const {
  codes: { ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { isIP } = require('internal/net');
const utils = require('internal/dns_utils');
const { bindDefaultResolver, defaultResolverSetServers } = require('internal/dns/utils');
const { Resolver } = require('internal/dns/callback_resolver');

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

let promises = null;
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: utils.getDefaultResultOrder,
  setDefaultResultOrder: utils.setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ADDRCONFIG: utils.ADDRCONFIG,
  ALL: utils.ALL,
  V4MAPPED: utils.V4MAPPED,
  ...utils.errorCodes,
};
bindDefaultResolver(module.exports, Resolver.prototype);
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('dns/promises');
    return promises;
  },
});
