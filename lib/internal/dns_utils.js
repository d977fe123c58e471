'use strict';
// Shared pieces of dns and dns/promises: argument checks, errors, lookups.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
  uvErrName,
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateOneOf,
  validatePort,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { stamp } = require('internal/async_context');
const { startPerf, stopPerf } = require('internal/perf/observe');

const cares = internalBinding('cares_wrap');
const uv = internalBinding('uv');

const ADDRCONFIG = cares.AI_ADDRCONFIG;
const ALL = cares.AI_ALL;
const V4MAPPED = cares.AI_V4MAPPED;
const validFamilies = [0, 4, 6];
const orders = ['ipv4first', 'ipv6first', 'verbatim'];
// --dns-result-order=ipv4first|ipv6first|verbatim sets the default order.
let defaultResultOrder = 'verbatim';
for (const arg of process.execArgv) {
  if (arg.startsWith('--dns-result-order=')) {
    const order = arg.slice('--dns-result-order='.length);
    if (orders.includes(order)) defaultResultOrder = order;
  }
}

// The c-ares error codes dns exposes as constants.
const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

function DNSException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    if (code === uv.UV_EAI_NODATA || code === uv.UV_EAI_NONAME) code = 'ENOTFOUND';
    else code = uvErrName(code);
  }
  const message = `${syscall} ${code}${hostname ? ` ${hostname}` : ''}`;
  const ex = new Error(message);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  return ex;
}

let invalidHostnameWarned = false;
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the ` +
    'dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
}

function validateHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// Checks lookup(hostname, options) arguments the way node does; returns
// { hostname, family, hints, all, order }. `callback` is validated when given.
function parseLookupArgs(hostname, options, callback, needCallback, argCount) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = defaultResultOrder;
  if (hostname) validateString(hostname, 'hostname');
  if (needCallback && typeof options === 'function') {
    // (hostname, callback)
  } else if (typeof options === 'number') {
    if (needCallback) validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    if (needCallback) validateFunction(argCount === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    if (needCallback) validateFunction(callback, 'callback');
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', validFamilies);
          family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', orders);
      order = options.order;
    }
  }
  return { hostname, family, hints, all, order };
}

function orderCode(order) {
  return order === 'ipv4first' ? 4 : order === 'ipv6first' ? 6 : 0;
}

// Starts a getaddrinfo; done(err, addresses) gets the address strings.
// `all` lookups report their addresses to perf_hooks' dns observers as
// { address, family } objects, others as strings, as in node.
function getaddrinfo(args, done) {
  const perf = startPerf('dns', 'lookup', {
    hostname: args.hostname, family: args.family, hints: args.hints,
    verbatim: args.order === 'verbatim', order: args.order,
  });
  const req = stamp({
    oncomplete(status, addresses) {
      if (status) {
        done(DNSException(status, 'getaddrinfo', args.hostname));
        return;
      }
      if (perf !== undefined) {
        stopPerf(perf, {
          addresses: args.all ? addresses.map((address) => ({
            address, family: args.family || isIP(address),
          })) : addresses,
        });
      }
      done(null, addresses);
    },
  });
  const err = cares.getaddrinfo(req, args.hostname, args.family, args.hints,
                                orderCode(args.order));
  if (err) {
    process.nextTick(done, DNSException(err, 'getaddrinfo', args.hostname));
  }
  return req;
}

function checkLookupServiceArgs(argc, address, port) {
  if (argc < 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
}

function getnameinfo(address, port, done) {
  const perf = startPerf('dns', 'lookupService', { host: address, port: +port });
  const req = stamp({
    oncomplete(status, hostname, service) {
      if (status) {
        done(DNSException(status, 'getnameinfo', address));
        return;
      }
      if (perf !== undefined) stopPerf(perf, { hostname, service });
      done(null, hostname, service);
    },
  });
  const err = cares.getnameinfo(req, address, +port);
  if (err) process.nextTick(done, DNSException(err, 'getnameinfo', address));
  return req;
}

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', orders);
  defaultResultOrder = order;
}

module.exports = {
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  DNSException,
  checkLookupServiceArgs,
  errorCodes,
  emitInvalidHostnameWarning,
  getaddrinfo,
  getnameinfo,
  getDefaultResultOrder,
  parseLookupArgs,
  setDefaultResultOrder,
};
