'use strict';
// dnsPromises.Resolver: the promise form of the resolve* family.

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { DNSException } = require('internal/dns_utils');
const { ResolverBase, QueryReqWrap, toASCII } = require('internal/dns/utils');
const { startPerf, stopPerf } = require('internal/perf/observe');

function onresolve(err, result, ttls) {
  if (err) {
    this.reject(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) {
    result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  }
  if (this.perf !== undefined) stopPerf(this.perf, { result });
  this.resolve(result);
}

function createResolverPromise(resolver, bindingName, hostname, ttl) {
  return new Promise((resolve, reject) => {
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.hostname = hostname;
    req.oncomplete = onresolve;
    req.resolve = resolve;
    req.reject = reject;
    req.ttl = ttl;
    req.perf = startPerf('dns', bindingName, { host: hostname, ttl });
    const err = resolver._handle[bindingName](req, toASCII(hostname), ttl);
    if (err) reject(new DNSException(err, bindingName, hostname));
  });
}

function resolver(bindingName) {
  function query(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    return createResolverPromise(this, bindingName, name, ttl);
  }
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {}

const resolveMap = { __proto__: null };
Resolver.prototype.resolveAny = resolveMap.ANY = resolver('queryAny');
Resolver.prototype.resolve4 = resolveMap.A = resolver('queryA');
Resolver.prototype.resolve6 = resolveMap.AAAA = resolver('queryAaaa');
Resolver.prototype.resolveCaa = resolveMap.CAA = resolver('queryCaa');
Resolver.prototype.resolveCname = resolveMap.CNAME = resolver('queryCname');
Resolver.prototype.resolveMx = resolveMap.MX = resolver('queryMx');
Resolver.prototype.resolveNs = resolveMap.NS = resolver('queryNs');
Resolver.prototype.resolveTlsa = resolveMap.TLSA = resolver('queryTlsa');
Resolver.prototype.resolveTxt = resolveMap.TXT = resolver('queryTxt');
Resolver.prototype.resolveSrv = resolveMap.SRV = resolver('querySrv');
Resolver.prototype.resolvePtr = resolveMap.PTR = resolver('queryPtr');
Resolver.prototype.resolveNaptr = resolveMap.NAPTR = resolver('queryNaptr');
Resolver.prototype.resolveSoa = resolveMap.SOA = resolver('querySoa');
Resolver.prototype.reverse = resolver('getHostByAddr');
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let fn;
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    fn = resolveMap[rrtype];
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else {
    fn = resolveMap.A;
  }
  return fn.call(this, hostname);
};

module.exports = { Resolver };
