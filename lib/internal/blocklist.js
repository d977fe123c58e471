'use strict';
// net.BlockList: rules over single addresses, ranges and subnets. IPv4
// addresses are compared as their IPv4-mapped IPv6 form, so rules of one
// family match the mapped addresses of the other.

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');
const { SocketAddress, socketAddressValue } = require('internal/socketaddress');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kRules = Symbol('kRules');

function toSocketAddress(value, family, name) {
  if (SocketAddress.isSocketAddress(value)) return value;
  validateString(value, name);
  validateString(family, 'family');
  return new SocketAddress({ address: value, family });
}

function label(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

class BlockList {
  static isBlockList(value) {
    return value?.[kRules] !== undefined;
  }

  constructor() {
    this[kRules] = [];
  }

  addAddress(address, family = 'ipv4') {
    address = toSocketAddress(address, family, 'address');
    const v = socketAddressValue(address);
    this[kRules].unshift({ lo: v, hi: v,
                           text: `Address: ${label(address.family)} ${address.address}` });
  }

  addRange(start, end, family = 'ipv4') {
    start = toSocketAddress(start, family, 'start');
    end = toSocketAddress(end, family, 'end');
    const lo = socketAddressValue(start);
    const hi = socketAddressValue(end);
    if (lo > hi) throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    this[kRules].unshift({
      lo, hi, text: `Range: ${label(start.family)} ${start.address}-${end.address}`,
    });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    network = toSocketAddress(network, family, 'network');
    const v4 = network.family === 'ipv4';
    validateInt32(prefix, 'prefix', 0, v4 ? 32 : 128);
    const bits = BigInt((v4 ? 96 : 0) + prefix);
    const hostMask = (1n << (128n - bits)) - 1n;
    const lo = socketAddressValue(network) & ~hostMask;
    this[kRules].unshift({
      lo, hi: lo | hostMask, text: `Subnet: ${label(network.family)} ${network.address}/${prefix}`,
    });
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        address = new SocketAddress({ address, family });
      } catch {
        return false;
      }
    }
    const v = socketAddressValue(address);
    for (const rule of this[kRules]) {
      if (v >= rule.lo && v <= rule.hi) return true;
    }
    return false;
  }

  get rules() {
    return this[kRules].map((r) => r.text);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }
}

module.exports = { BlockList };
