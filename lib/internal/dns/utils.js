'use strict';
// The resolver side of node:dns shared by dns and dns/promises: ResolverBase
// (a c-ares channel: servers, local address, cancel), option checks, the
// default resolver behind the module-level functions, and name conversion.

const {
  codes: { ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_IP_ADDRESS },
} = require('internal/errors');
const {
  validateArray,
  validateInt32,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { stamp } = require('internal/async_context');

const IANA_DNS_PORT = 53;
const IPv6RE = /^\[([^[\]]*)\]/;
const addrSplitRE = /(^.+?)(?::(\d+))?$/;

let ChannelWrap;
function newChannel(timeout, tries) {
  ChannelWrap ??= internalBinding('cares_wrap').ChannelWrap;
  return new ChannelWrap(timeout, tries);
}

function validateTimeout(options) {
  const { timeout = -1 } = { ...options };
  validateInt32(timeout, 'options.timeout', -1);
  return timeout;
}

function validateTries(options) {
  const { tries = 4 } = { ...options };
  validateInt32(tries, 'options.tries', 1);
  return tries;
}

function validateMaxTimeout(options) {
  const { maxTimeout = 0 } = { ...options };
  validateUint32(maxTimeout, 'options.maxTimeout');
  return maxTimeout;
}

const kLazy = Symbol('kLazy');

class ResolverBase {
  constructor(options = undefined) {
    const timeout = validateTimeout(options);
    const tries = validateTries(options);
    validateMaxTimeout(options);
    if (options === kLazy) {
      // The default resolver reads the system configuration on first use.
      Object.defineProperty(this, '_handle', {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get() {
          const handle = newChannel(timeout, tries);
          Object.defineProperty(this, '_handle', {
            __proto__: null, value: handle, writable: true, configurable: true, enumerable: true,
          });
          return handle;
        },
        set(value) {
          Object.defineProperty(this, '_handle', {
            __proto__: null, value, writable: true, configurable: true, enumerable: true,
          });
        },
      });
    } else {
      this._handle = newChannel(timeout, tries);
    }
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map((val) => {
      if (!val[1] || val[1] === IANA_DNS_PORT) return val[0];
      const host = isIP(val[0]) === 6 ? `[${val[0]}]` : val[0];
      return `${host}:${val[1]}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');

    // c-ares may drop every server on a failed set: keep the old list.
    const orig = this._handle.getServers() || [];
    const newSet = [];

    servers.forEach((serv, index) => {
      validateString(serv, `servers[${index}]`);
      let ipVersion = isIP(serv);

      if (ipVersion !== 0) {
        newSet.push([ipVersion, serv, IANA_DNS_PORT]);
        return;
      }

      // An IPv6 address in brackets, with an optional port.
      const match = IPv6RE.exec(serv);
      if (match) {
        ipVersion = isIP(match[1]);
        if (ipVersion !== 0) {
          const port = Number.parseInt(serv.replace(addrSplitRE, '$2')) || IANA_DNS_PORT;
          newSet.push([ipVersion, match[1], port]);
          return;
        }
      }

      // address:port
      const addrSplitMatch = addrSplitRE.exec(serv);
      if (addrSplitMatch) {
        const hostIP = addrSplitMatch[1];
        const port = addrSplitMatch[2] || IANA_DNS_PORT;
        ipVersion = isIP(hostIP);
        if (ipVersion !== 0) {
          newSet.push([ipVersion, hostIP, Number.parseInt(port)]);
          return;
        }
      }

      throw new ERR_INVALID_IP_ADDRESS(serv);
    });

    const errorNumber = this._handle.setServers(newSet);
    if (errorNumber !== 0) {
      this._handle.setServers(orig.map(([ip, port]) => [isIP(ip), ip, port]));
      const err = internalBinding('cares_wrap').strerror(errorNumber);
      throw new ERR_DNS_SET_SERVERS_FAILED(err, servers);
    }
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

// The request object of a query: the binding calls req.oncomplete.
// resolve* requests: their completion runs in the caller's async frame
function QueryReqWrap() {
  stamp(this);
}

const resolverKeys = [
  'getServers',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTlsa',
  'resolveTxt',
  'reverse',
];

let defaultResolver;
function getDefaultResolver() {
  defaultResolver ??= new ResolverBase(kLazy);
  return defaultResolver;
}

function setDefaultResolver(resolver) {
  defaultResolver = resolver;
}

// Modules whose functions are bound to the default resolver: [target, proto].
const boundTargets = [];

function bindDefaultResolver(target, source) {
  const resolver = getDefaultResolver();
  for (const key of resolverKeys) target[key] = source[key].bind(resolver);
  if (!boundTargets.some((entry) => entry[0] === target)) boundTargets.push([target, source]);
}

// dns.setServers() and dnsPromises.setServers(): a new default resolver.
function defaultResolverSetServers(servers) {
  const resolver = new ResolverBase();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  for (const [target, source] of boundTargets) bindDefaultResolver(target, source);
}

let domainToASCII;
// Names go to c-ares in their ASCII (punycode) form.
function toASCII(name) {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(name)) return name;
  domainToASCII ??= require('internal/url').domainToASCII;
  return domainToASCII(name) || name;
}

module.exports = {
  ResolverBase,
  QueryReqWrap,
  bindDefaultResolver,
  defaultResolverSetServers,
  getDefaultResolver,
  resolverKeys,
  setDefaultResolver,
  toASCII,
  validateTimeout,
  validateTries,
};
