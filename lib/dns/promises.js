'use strict';
// node:dns/promises — promise forms of dns.lookup, dns.lookupService and the
// resolve* family.

const { isIP } = require('internal/net');
const utils = require('internal/dns_utils');
const { bindDefaultResolver, defaultResolverSetServers } = require('internal/dns/utils');
const { Resolver } = require('internal/dns/promises');

function lookup(hostname, options) {
  const args = utils.parseLookupArgs(hostname, options, undefined, false, arguments.length);
  const { family, all } = args;
  if (!hostname) {
    utils.emitInvalidHostnameWarning(hostname);
    return Promise.resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
  }
  const matchedFamily = isIP(hostname);
  if (matchedFamily !== 0) {
    const result = { address: hostname, family: matchedFamily };
    return Promise.resolve(all ? [result] : result);
  }
  return new Promise((resolve, reject) => {
    utils.getaddrinfo(args, (err, addresses) => {
      if (err) {
        reject(err);
        return;
      }
      const list = addresses.map((address) => ({ address, family: family || isIP(address) }));
      resolve(all ? list : list[0]);
    });
  });
}

function lookupService(address, port) {
  utils.checkLookupServiceArgs(arguments.length, address, port);
  return new Promise((resolve, reject) => {
    utils.getnameinfo(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: utils.getDefaultResultOrder,
  setDefaultResultOrder: utils.setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ...utils.errorCodes,
};
bindDefaultResolver(module.exports, Resolver.prototype);
