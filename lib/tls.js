'use strict';
// node:tls — TLS sockets and servers over OpenSSL 3 (lib/_tls_wrap.js and the
// tls_wrap binding), secure contexts (lib/_tls_common.js) and node's
// certificate identity check.

const {
  codes: {
    ERR_OUT_OF_RANGE,
    ERR_TLS_CERT_ALTNAME_FORMAT,
    ERR_TLS_CERT_ALTNAME_INVALID,
  },
} = require('internal/errors');
const { isIP, isIPv4, isIPv6 } = require('internal/net');

exports.CLIENT_RENEG_LIMIT = 3;
exports.CLIENT_RENEG_WINDOW = 600;

exports.DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:' +
  'DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:' +
  '!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
exports.DEFAULT_ECDH_CURVE = 'auto';
exports.DEFAULT_MIN_VERSION = 'TLSv1.2';
exports.DEFAULT_MAX_VERSION = 'TLSv1.3';

let ciphers;
exports.getCiphers = function getCiphers() {
  if (ciphers === undefined) {
    const set = new Set();
    for (const name of internalBinding('tls_wrap').getSSLCiphers()) set.add(name.toLowerCase());
    ciphers = [...set].sort();
  }
  return ciphers.slice();
};

let rootCertificates;
function getRootCertificates() {
  if (rootCertificates === undefined) {
    rootCertificates = Object.freeze(internalBinding('tls_wrap').getRootCertificates());
  }
  return rootCertificates;
}

Object.defineProperty(exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get: getRootCertificates,
});

exports.getCACertificates = function getCACertificates(type = 'default') {
  if (type === 'default' || type === 'bundled' || type === 'system') {
    return getRootCertificates().slice();
  }
  if (type === 'extra') return [];
  const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
  throw new ERR_INVALID_ARG_VALUE('type', type);
};

// ALPN protocol names as the wire format: each name prefixed by its length.
function convertProtocols(protocols) {
  const lens = new Array(protocols.length);
  let total = 0;
  for (let i = 0; i < protocols.length; i++) {
    const len = Buffer.byteLength(protocols[i]);
    if (len > 255) {
      throw new ERR_OUT_OF_RANGE('The byte length of the protocol at index ' +
        `${i} exceeds the maximum length.`, '<= 255', len, true);
    }
    lens[i] = len;
    total += 1 + len;
  }
  const buff = Buffer.allocUnsafe(total);
  let offset = 0;
  for (let i = 0; i < protocols.length; i++) {
    buff[offset++] = lens[i];
    buff.write(protocols[i], offset);
    offset += lens[i];
  }
  return buff;
}

exports.convertALPNProtocols = function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    out.ALPNProtocols = convertProtocols(protocols);
  } else if (protocols instanceof Uint8Array) {
    out.ALPNProtocols = Buffer.from(protocols);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(
      protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
};

// ---- checkServerIdentity ----

function unfqdn(host) {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function splitHost(host) {
  return unfqdn(host).replace(/[A-Z]/g, (c) => c.toLowerCase()).split('.');
}

function check(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  // No IDNA support: names with other than printable ASCII never match.
  const isBad = (s) => /[^\u0021-\u007F]/u.test(s);
  if (patternParts.some(isBad)) return false;
  for (let i = hostParts.length - 1; i > 0; i -= 1) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const hostSubdomain = hostParts[0];
  const patternSubdomain = patternParts[0];
  const patternSubdomainParts = patternSubdomain.split('*');
  // A-labels (punycode) are never matched by wildcards.
  if (patternSubdomainParts.length === 1 || patternSubdomain.includes('xn--')) {
    return hostSubdomain === patternSubdomain;
  }
  if (!wildcards) return false;
  if (patternSubdomainParts.length > 2) return false;
  // No *.tld wildcards.
  if (patternParts.length <= 2) return false;
  const prefix = patternSubdomainParts[0];
  const suffix = patternSubdomainParts[1];
  if (prefix.length + suffix.length > hostSubdomain.length) return false;
  if (!hostSubdomain.startsWith(prefix)) return false;
  if (!hostSubdomain.endsWith(suffix)) return false;
  return true;
}

// The textual form inet_ntop gives an address (lowercase, longest zero run
// compressed), or undefined for a string that is not an IP address.
function canonicalizeIP(ip) {
  if (isIPv4(ip)) return /(^|\.)0\d/.test(ip) ? undefined : ip;
  if (!isIPv6(ip)) return undefined;
  let s = ip;
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  let tail = [];
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    const v4 = s.slice(lastColon + 1).split('.').map(Number);
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    s = s.slice(0, lastColon + 1) + '0';
  }
  const halves = s.split('::');
  const parse = (part) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  let groups;
  if (halves.length === 2) {
    const head = parse(halves[0]);
    const rest = parse(halves[1]);
    if (tail.length) rest.pop();
    const fill = 8 - head.length - rest.length - tail.length;
    groups = [...head, ...new Array(fill).fill(0), ...rest, ...tail];
  } else {
    groups = parse(halves[0]);
    if (tail.length) groups.pop();
    groups = [...groups, ...tail];
  }
  if (groups.length !== 8) return undefined;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

// Splits a subjectaltname string whose entries may be JSON-quoted.
function splitEscapedAltNames(altNames) {
  const result = [];
  let currentToken = '';
  let offset = 0;
  while (offset !== altNames.length) {
    const nextSep = altNames.indexOf(',', offset);
    const nextQuote = altNames.indexOf('"', offset);
    if (nextQuote !== -1 && (nextSep === -1 || nextQuote < nextSep)) {
      currentToken += altNames.substring(offset, nextQuote);
      const match = /^"((?:[^"\\]|\\.)*)"/.exec(altNames.substring(nextQuote));
      if (!match) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      currentToken += JSON.parse(match[0]);
      offset = nextQuote + match[0].length;
    } else if (nextSep !== -1) {
      currentToken += altNames.substring(offset, nextSep);
      result.push(currentToken);
      currentToken = '';
      offset = nextSep + 2;
    } else {
      currentToken += altNames.substring(offset);
      offset = altNames.length;
    }
  }
  result.push(currentToken);
  return result;
}

exports.checkServerIdentity = function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];

  hostname = '' + hostname;
  // As node: the name is matched in its ASCII (IDNA) form, which an IPv6
  // literal does not have.
  const { domainToASCII } = require('url');
  const hostnameASCII = unfqdn(domainToASCII(hostname));
  hostname = unfqdn(hostname);

  if (altNames) {
    const splitAltNames = altNames.includes('"') ? splitEscapedAltNames(altNames) :
      altNames.split(', ');
    for (const name of splitAltNames) {
      if (name.startsWith('DNS:')) {
        dnsNames.push(name.slice(4));
      } else if (name.startsWith('IP Address:')) {
        ips.push(canonicalizeIP(name.slice(11)));
      }
    }
  }

  let valid = false;
  let reason = 'Unknown reason';

  if (isIP(hostnameASCII)) {
    valid = ips.includes(canonicalizeIP(hostnameASCII));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ` + ips.join(', ');
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostnameASCII);
    const wildcard = (pattern) => check(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(wildcard);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      if (Array.isArray(cn)) valid = cn.some(wildcard);
      else if (cn) valid = wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }

  if (!valid) {
    return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  }
};

// ---- sockets, servers, contexts ----

const common = require('_tls_common');
exports.createSecureContext = common.createSecureContext;
exports.SecureContext = common.SecureContext;

const wrap = require('_tls_wrap');
exports.TLSSocket = wrap.TLSSocket;
exports.Server = wrap.Server;
exports.createServer = wrap.createServer;
exports.connect = wrap.connect;

exports.createSecurePair = function createSecurePair() {
  throw new Error('tls.createSecurePair() is not supported by cairn; use tls.TLSSocket');
};
