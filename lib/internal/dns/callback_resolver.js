'use strict';
// dns.Resolver: the callback form of the resolve* family over a c-ares
// channel. Answers come back through req.oncomplete(status, records, ttls).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const { DNSException } = require('internal/dns_utils');
const { ResolverBase, QueryReqWrap, toASCII } = require('internal/dns/utils');
const { startPerf, stopPerf } = require('internal/perf/observe');

function onresolve(err, result, ttls) {
  if (ttls && this.ttl) {
    result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  }
  if (err) {
    this.callback(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (this.perf !== undefined) stopPerf(this.perf, { result });
  this.callback(null, result);
}

function resolver(bindingName) {
  function query(name, /* options, */ callback) {
    let options;
    if (arguments.length > 2) {
      options = callback;
      callback = arguments[2];
    }

    validateString(name, 'name');
    validateFunction(callback, 'callback');

    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    req.perf = startPerf('dns', bindingName, { host: name, ttl: req.ttl });
    const err = this._handle[bindingName](req, toASCII(name), req.ttl);
    if (err) throw new DNSException(err, bindingName, name);
    return req;
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
Resolver.prototype.resolve = resolve;

function resolve(hostname, rrtype, callback) {
  let fn;
  if (typeof rrtype === 'string') {
    fn = resolveMap[rrtype];
  } else if (typeof rrtype === 'function') {
    fn = resolveMap.A;
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }

  if (typeof fn === 'function') return fn.call(this, hostname, callback);
  throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
}

module.exports = { Resolver };
