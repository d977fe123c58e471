'use strict';
// net.SocketAddress, and the IP address arithmetic net.BlockList shares.

const {
  codes: { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateObject,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isIPv4, isIPv6 } = require('internal/net');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kData = Symbol('kData');

// An IPv4 address as a 32-bit number, or -1.
function parseIPv4(s) {
  if (!isIPv4(s)) return -1;
  const p = s.split('.');
  return ((+p[0] << 24) >>> 0) + (+p[1] << 16) + (+p[2] << 8) + +p[3];
}

// An IPv6 address (scope dropped) as a 128-bit BigInt, or -1n.
function parseIPv6(s) {
  if (!isIPv6(s)) return -1n;
  const pct = s.indexOf('%');
  if (pct !== -1) s = s.slice(0, pct);
  let tail = [];
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) !== -1) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    tail = [(v4 >>> 16).toString(16), (v4 & 0xffff).toString(16)];
    s = s.slice(0, lastColon + 1) + (s[lastColon - 1] === ':' ? '' : '0');
    if (s.endsWith(':0')) s = s.slice(0, -2);
    else if (s.endsWith('::')) { /* keep */ } else if (s.endsWith(':')) s = s.slice(0, -1);
  }
  let groups;
  const dbl = s.indexOf('::');
  if (dbl !== -1) {
    const head = s.slice(0, dbl) ? s.slice(0, dbl).split(':') : [];
    const rest = s.slice(dbl + 2) ? s.slice(dbl + 2).split(':') : [];
    const right = rest.concat(tail);
    const fill = 8 - head.length - right.length;
    groups = head.concat(new Array(fill).fill('0'), right);
  } else {
    groups = (s ? s.split(':') : []).concat(tail);
  }
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 16n) | BigInt(parseInt(groups[i] || '0', 16));
  return v;
}

const V4_MAPPED = 0xffffn << 32n;

// The address as a 128-bit value: IPv4 as ::ffff:a.b.c.d. Returns -1n if invalid.
function toBig(address, family) {
  if (family === 'ipv4') {
    const v = parseIPv4(address);
    return v < 0 ? -1n : V4_MAPPED | BigInt(v);
  }
  return parseIPv6(address);
}

function formatIPv4(n) {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// The canonical text of a 128-bit IPv6 value (as inet_ntop writes it).
function formatIPv6(v) {
  if ((v >> 32n) === 0xffffn) return `::ffff:${formatIPv4(Number(v & 0xffffffffn))}`;
  // IPv4-compatible form, as inet_ntop writes it (the seventh group is not zero).
  if ((v >> 32n) === 0n && (v >> 16n) !== 0n) return `::${formatIPv4(Number(v))}`;
  const g = [];
  for (let i = 7; i >= 0; i--) g.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best === -1) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kData] !== undefined;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const {
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(family, 'options.family');
    family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    const value = toBig(address, family);
    if (value < 0n) throw new ERR_INVALID_ADDRESS();
    this[kData] = {
      address: family === 'ipv4' ? formatIPv4(Number(value & 0xffffffffn)) : formatIPv6(value),
      port: port | 0,
      family,
      flowlabel: flowlabel >>> 0,
      value,
    };
  }

  get address() { return this[kData].address; }
  get port() { return this[kData].port; }
  get family() { return this[kData].family; }
  get flowlabel() { return this[kData].flowlabel; }

  toJSON() {
    return { address: this.address, port: this.port, family: this.family,
             flowlabel: this.flowlabel };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }
}

// The 128-bit value of a SocketAddress (for BlockList).
function socketAddressValue(sa) {
  return sa[kData].value;
}

module.exports = { SocketAddress, socketAddressValue, formatIPv4, formatIPv6 };
