'use strict';
// node:url — the WHATWG URL API (from internal/url) and the legacy
// url.parse()/url.format()/url.resolve() API with its historical quirks.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  toASCIILegacy,
} = require('internal/url');

let querystring;
function lazyQuerystring() {
  if (querystring === undefined) querystring = require('querystring');
  return querystring;
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const hostnameMaxLen = 255;
// eslint-disable-next-line no-control-regex
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
// eslint-disable-next-line no-control-regex
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

const unsafeProtocol = new Set(['javascript', 'javascript:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

// Characters escaped in the path, query and hash of a parsed URL.
const autoEscape = {
  __proto__: null,
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
// eslint-disable-next-line no-control-regex
const autoEscapeRe = /[\t\n\r "'<>\\^`{|}]/g;

function isWs(code) {
  return code < 33 || code === 160 || code === 65279;
}

let warnedInvalidUrl = false;
function warnInvalidUrl(url) {
  if (warnedInvalidUrl) return;
  warnedInvalidUrl = true;
  process.emitWarning(
    `The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
    'DeprecationWarning', 'DEP0170');
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');

  // Trim whitespace (anything up to ' ', NBSP, BOM) at both ends, and turn
  // backslashes before the query or hash into slashes.
  let start = 0;
  while (start < url.length && isWs(url.charCodeAt(start))) start++;
  let end = url.length;
  while (end > start && isWs(url.charCodeAt(end - 1))) end--;
  let rest = url.slice(start, end);
  let split = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 35 || c === 63) {
      split = i;
      break;
    }
  }
  const hasHash = rest.indexOf('#') !== -1;
  const hasAt = rest.lastIndexOf('@', split) !== -1;
  if (rest.lastIndexOf('\\', split) !== -1) {
    rest = rest.slice(0, split).replace(/\\/g, '/') + rest.slice(split);
  }

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    // A plain path ('/a/b?c') needs none of the work below.
    const simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? lazyQuerystring().parse(this.search.slice(1)) :
          this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === 47 && rest.charCodeAt(1) === 47;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The authority runs up to the first '/', '?' or '#'; the user info ends
    // at the last '@' in it; the host stops early at characters that can
    // never be part of a host name.
    // Tabs and newlines vanish from the authority part.
    const authorityEnd = rest.search(/[#/?]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    if (/[\t\n\r]/.test(authority)) {
      rest = authority.replace(/[\t\n\r]/g, '') + (authorityEnd === -1 ? '' : rest.slice(authorityEnd));
    }
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length; ++i) {
      switch (rest.charCodeAt(i)) {
        case 32: case 34: case 37: case 39: case 59: case 60: case 62: case 92: case 94:
        case 96: case 123: case 124: case 125:
          if (nonHost === -1) nonHost = i;
          break;
        case 35: case 47: case 63:
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
          break;
        case 64:
          atSign = i;
          nonHost = -1;
          break;
      }
      if (hostEnd !== -1) break;
    }
    start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }

    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    let hostname = this.hostname;
    const ipv6Hostname = isIpv6Hostname(hostname);
    if (!ipv6Hostname) {
      // '/', '\\', '#', '?' and ':' end the host name; the rest joins the path.
      for (let i = 0; i < hostname.length; i++) {
        const c = hostname.charCodeAt(i);
        if (c === 47 || c === 92 || c === 35 || c === 63 || c === 58) {
          if (c === 58) warnInvalidUrl(url);
          this.hostname = hostname.slice(0, i);
          rest = `/${hostname.slice(i)}${rest}`;
          break;
        }
      }
    }

    if (this.hostname.length > hostnameMaxLen) {
      this.hostname = '';
    } else {
      this.hostname = this.hostname.toLowerCase();
    }

    if (this.hostname !== '') {
      if (ipv6Hostname) {
        if (forbiddenHostCharsIpv6.test(this.hostname)) throw new ERR_INVALID_URL(url);
      } else {
        this.hostname = toASCIILegacy(this.hostname);
        if (this.hostname === '' || forbiddenHostChars.test(this.hostname)) {
          throw new ERR_INVALID_URL(url);
        }
      }
    }

    const p = this.port ? `:${this.port}` : '';
    const h = this.hostname || '';
    this.host = h + p;

    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
    hostname = undefined;
  }

  if (!unsafeProtocol.has(lowerProto)) {
    rest = rest.replace(autoEscapeRe, (ch) => autoEscape[ch]);
  }

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; ++i) {
    const code = rest.charCodeAt(i);
    if (code === 35) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (code === 63 && questionIdx === -1) {
      questionIdx = i;
    }
  }

  if (questionIdx !== -1) {
    if (hashIdx === -1) {
      this.search = rest.slice(questionIdx);
      this.query = rest.slice(questionIdx + 1);
    } else {
      this.search = rest.slice(questionIdx, hashIdx);
      this.query = rest.slice(questionIdx + 1, hashIdx);
    }
    if (parseQueryString) this.query = lazyQuerystring().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const useQuestionIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx);
  const firstIdx = useQuestionIdx ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }

  if (this.pathname || this.search) {
    this.path = (this.pathname || '') + (this.search || '');
  }

  this.href = this.format();
  return this;
};

function isIpv6Hostname(hostname) {
  return hostname.charCodeAt(0) === 91 && hostname.charCodeAt(hostname.length - 1) === 93;
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  let port = portPattern.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

// Escapes '#' and '?' in the path and '#' in the search.
function escapePathname(pathname) {
  if (pathname.indexOf('#') === -1 && pathname.indexOf('?') === -1) return pathname;
  return pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}

// encodeURIComponent, keeping the characters node keeps in `auth`.
const noEscapeAuth = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!\'()*:') {
  noEscapeAuth[ch.charCodeAt(0)] = 1;
}
function encodeAuth(str) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80 && noEscapeAuth[c] === 1) continue;
    let end = i + 1;
    if (c >= 0xD800 && c <= 0xDBFF && end < str.length) {
      const d = str.charCodeAt(end);
      if (d >= 0xDC00 && d <= 0xDFFF) end++;
    }
    out += str.slice(last, i) + encodeURIComponent(str.slice(i, end));
    last = end;
    i = end - 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) {
    auth = `${encodeAuth(auth)}@`;
  }

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !isIpv6Hostname(this.hostname) ?
      `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = lazyQuerystring().stringify(this.query);
  }

  let search = this.search || (query && (`?${query}`)) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ':';

  pathname = escapePathname(pathname);

  // Protocols with slashes get a '//' before the host; an absolute path
  // after a host needs a leading '/'.
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 47) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol === 'file:') {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');

  if (hash && hash.charCodeAt(0) !== 35) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 63) search = `?${search}`;

  return protocol + host + pathname + search + hash;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (urlObject instanceof URL) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      if (typeof options !== 'object') {
        throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatWhatwg(urlObject, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

// url.format(URL, options): the href without the parts options turn off, the
// host in Unicode when asked (internalBinding('url').format).
function formatWhatwg(url, fragment, unicode, search, auth) {
  return internalBinding('url').format(url.href, fragment, unicode, search, auth);
}

// ---- resolve ----

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }

  const result = new Url();
  for (const k of Object.keys(this)) result[k] = this[k];

  // The hash always comes from the relative URL.
  result.hash = relative.hash;

  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // Slashes without a protocol ('//host/path'): take everything but the protocol.
  if (relative.slashes && !relative.protocol) {
    for (const k of Object.keys(relative)) {
      if (k !== 'protocol') result[k] = relative[k];
    }
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // A different protocol: for protocols without slashes the relative URL
    // replaces everything; otherwise its host and path are used as they are.
    if (!slashedProtocol.has(relative.protocol)) {
      for (const k of Object.keys(relative)) result[k] = relative[k];
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) &&
        !hostlessProtocol.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) {
      result.path = (result.pathname || '') + (result.search || '');
    }
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  // A URL without slashes has its host in the first path segment.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    if (!srcPath) srcPath = [];
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only the query changes.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      const authInHost = result.host && result.host.indexOf('@') > 0 ?
        result.host.split('@') : false;
      if (authInHost) {
        result.auth = authInHost.shift();
        result.host = result.hostname = authInHost.shift();
      }
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // Resolve '.' and '..' segments.
  let last = srcPath.slice(-1)[0];
  const hasTrailingSlash = (((result.host || relative.host || srcPath.length > 1) &&
    (last === '.' || last === '..')) || last === '');

  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }

  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }

  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
    srcPath.unshift('');
  }

  if (hasTrailingSlash && (srcPath.join('/').slice(-1) !== '/')) {
    srcPath.push('');
  }

  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');

  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    const authInHost = result.host && result.host.indexOf('@') > 0 ?
      result.host.split('@') : false;
    if (authInHost) {
      result.auth = authInHost.shift();
      result.host = result.hostname = authInHost.shift();
    }
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);

  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }

  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

module.exports = {
  // Original API
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
