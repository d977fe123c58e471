'use strict';
// node:dns/promises — promise forms of dns.lookup and dns.lookupService.

const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { isIP } = require('internal/net');
const utils = require('internal/dns_utils');

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

function notImplemented(name) {
  return function() { throw new ERR_METHOD_NOT_IMPLEMENTED(name); };
}

class Resolver {
  constructor() { throw new ERR_METHOD_NOT_IMPLEMENTED('dnsPromises.Resolver'); }
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: utils.getDefaultResultOrder,
  setDefaultResultOrder: utils.setDefaultResultOrder,
  getServers() { return []; },
  setServers: notImplemented('dnsPromises.setServers'),
  ...utils.errorCodes,
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa',
  'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa',
  'resolveSrv', 'resolveTxt', 'reverse']) {
  module.exports[name] = function(hostname) {
    require('internal/validators').validateString(hostname, name === 'reverse' ? 'ip' : 'name');
    throw new ERR_METHOD_NOT_IMPLEMENTED(`dnsPromises.${name}`);
  };
}
