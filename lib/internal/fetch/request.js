'use strict';
// The Fetch standard's Request class.

const {
  HeadersList, fill, headersFromList, setGuard, argCount,
} = require('internal/fetch/headers');
const {
  kInner, extractBody, cloneBody, bodyUnusable, installBodyMixin, illegalInvocation,
} = require('internal/fetch/body');

const kHeaders = Symbol('kHeaders');
const kSignal = Symbol('kSignal');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

let URL;
function parseURL(input) {
  URL ??= require('internal/url').URL;
  try {
    return new URL(input);
  } catch (err) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
  }
}

let patchWarned = false;
let forFetch = false;
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

function normalizeMethod(method) {
  const upper = method.toUpperCase();
  return normalMethods.includes(upper) ? upper : method;
}

function checkEnum(name, value, allowed) {
  value = `${value}`;
  if (!allowed.includes(value)) {
    throw new TypeError(`Request constructor: ${value} is not an accepted type. Expected one of ` +
                        `${allowed.join(', ')}.`);
  }
  return value;
}

let abortMod;
function abortModule() {
  abortMod ??= require('internal/abort_controller');
  return abortMod;
}

function followSignal(controller, parent) {
  if (parent.aborted) {
    controller.abort(parent.reason);
    return;
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
}

function check(self) {
  if (self === null || typeof self !== 'object' || self[kHeaders] === undefined ||
      self[kSignal] === undefined) {
    throw illegalInvocation();
  }
}

class Request {
  constructor(input, init = undefined) {
    argCount('Request constructor', arguments.length, 1);
    if (init !== undefined && init !== null && typeof init !== 'object' &&
        typeof init !== 'function') {
      throw new TypeError(`Request constructor: Expected ${init} to be one of: Null, Undefined, ` +
                          'Object.');
    }
    init ??= {};
    let inner;
    let parentSignal = null;
    if (input instanceof Request) {
      const src = input[kInner];
      inner = { ...src, headersList: src.headersList.clone() };
      parentSignal = input[kSignal];
    } else {
      const url = parseURL(`${input}`);
      if (url.username !== '' || url.password !== '') {
        throw new TypeError('Request cannot be constructed from a URL that includes ' +
                            `credentials: ${input}`);
      }
      inner = {
        method: 'GET',
        url: url.href,
        headersList: new HeadersList(),
        body: null,
        mode: 'cors',
        credentials: 'same-origin',
        cache: 'default',
        redirect: 'follow',
        integrity: '',
        keepalive: false,
        referrer: 'about:client',
        referrerPolicy: '',
        duplex: undefined,
        urlList: null,
      };
    }
    if (init.referrer !== undefined) {
      const referrer = `${init.referrer}`;
      if (referrer === '') {
        inner.referrer = 'no-referrer';
      } else {
        URL ??= require('internal/url').URL;
        let parsed;
        try {
          parsed = new URL(referrer);
        } catch (err) {
          throw new TypeError(`Referrer "${referrer}" is not a valid URL.`, { cause: err });
        }
        inner.referrer = parsed.href;
      }
    }
    if (init.referrerPolicy !== undefined) {
      inner.referrerPolicy = checkEnum('referrerPolicy', init.referrerPolicy, [
        '', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
        'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin',
        'unsafe-url']);
    }
    if (init.mode !== undefined) {
      const mode = `${init.mode}`;
      if (mode === 'navigate') {
        throw new TypeError('Request constructor: invalid request mode navigate.');
      }
      inner.mode = checkEnum('mode', mode, ['navigate', 'same-origin', 'no-cors', 'cors']);
    }
    if (init.credentials !== undefined) {
      inner.credentials = checkEnum('credentials', init.credentials,
                                    ['omit', 'same-origin', 'include']);
    }
    if (init.cache !== undefined) {
      inner.cache = checkEnum('cache', init.cache,
                              ['default', 'no-store', 'reload', 'no-cache', 'force-cache',
                                'only-if-cached']);
    }
    if (init.redirect !== undefined) {
      inner.redirect = checkEnum('redirect', init.redirect, ['follow', 'manual', 'error']);
    }
    if (init.integrity != null) inner.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) inner.keepalive = !!init.keepalive;
    if (init.method !== undefined) {
      const method = `${init.method}`;
      if (!tokenRe.test(method)) {
        throw new TypeError(`'${method}' is not a valid HTTP method.`);
      }
      const upper = method.toUpperCase();
      if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') {
        throw new TypeError(`'${method}' HTTP method is unsupported.`);
      }
      inner.method = normalizeMethod(method);
      if (method === 'patch' && !patchWarned) {
        patchWarned = true;
        process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not ' +
                            'Allowed`. `PATCH` is much more likely to succeed.', {
          code: 'UNDICI-FETCH-patch',
        });
      }
    }
    let signal = parentSignal;
    if (init.signal !== undefined) {
      signal = init.signal;
      if (signal !== null && !(signal instanceof abortModule().AbortSignal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type " +
                            'AbortSignal.');
      }
    }
    if (forFetch) {
      // fetch() listens on the caller's signal itself and stops when done, so
      // a long-lived signal does not collect one listener per request.
      forFetch = false;
      this[kSignal] = signal;
    } else {
      const controller = new (abortModule().AbortController)();
      if (signal !== null) followSignal(controller, signal);
      this[kSignal] = controller.signal;
    }

    if (init.headers !== undefined) {
      const list = new HeadersList();
      this[kHeaders] = headersFromList(list, 'none');
      fill(this[kHeaders], init.headers);
      inner.headersList = list;
    } else {
      this[kHeaders] = headersFromList(inner.headersList, 'none');
    }
    setGuard(this[kHeaders], 'request');

    const inputBody = input instanceof Request ? input[kInner].body : null;
    if ((init.body != null || inputBody !== null) &&
        (inner.method === 'GET' || inner.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (init.body != null) {
      const { body, type } = extractBody(init.body, inner.keepalive);
      inner.body = body;
      if (type !== null && !inner.headersList.has('content-type')) {
        inner.headersList.append('content-type', type);
      }
    }
    if (init.duplex !== undefined) {
      inner.duplex = checkEnum('duplex', init.duplex, ['half']);
    }
    if (inner.body !== null && inner.body.stream !== null && init.body != null &&
        inner.duplex !== 'half') {
      throw new TypeError('RequestInit: duplex option is required when sending a body.');
    }
    if (init.body == null && inputBody !== null) {
      if (bodyUnusable(inputBody)) {
        throw new TypeError('Cannot construct a Request with a Request object that has ' +
                            'already been used.');
      }
      // The new request takes the input's body; the input counts as used.
      inner.body = { ...inputBody };
      input[kInner].body = { stream: null, source: null, length: inputBody.length, consumed: true };
    }
    this[kInner] = inner;
  }

  get method() { check(this); return this[kInner].method; }
  get url() { check(this); return this[kInner].url; }
  get headers() { check(this); return this[kHeaders]; }
  get destination() { check(this); return ''; }
  get referrer() {
    check(this);
    const r = this[kInner].referrer;
    if (r === 'no-referrer') return '';
    if (r === 'client' || r === 'about:client') return 'about:client';
    return r;
  }
  get referrerPolicy() { check(this); return this[kInner].referrerPolicy; }
  get mode() { check(this); return this[kInner].mode; }
  get credentials() { check(this); return this[kInner].credentials; }
  get cache() { check(this); return this[kInner].cache; }
  get redirect() { check(this); return this[kInner].redirect; }
  get integrity() { check(this); return this[kInner].integrity; }
  get keepalive() { check(this); return this[kInner].keepalive; }
  get isReloadNavigation() { check(this); return false; }
  get isHistoryNavigation() { check(this); return false; }
  get signal() { check(this); return this[kSignal]; }
  get duplex() { check(this); return 'half'; }

  clone() {
    check(this);
    const inner = this[kInner];
    if (bodyUnusable(inner.body)) {
      throw new TypeError('Request.clone: Body has already been consumed.');
    }
    const copy = Object.create(Request.prototype);
    copy[kInner] = {
      ...inner,
      headersList: inner.headersList.clone(),
      body: inner.body === null ? null : cloneBody(inner.body),
    };
    copy[kHeaders] = headersFromList(copy[kInner].headersList, 'request');
    const controller = new (abortModule().AbortController)();
    followSignal(controller, this[kSignal]);
    copy[kSignal] = controller.signal;
    return copy;
  }

  [kInspect](depth, options) {
    if (depth < 0) return '[Request]';
    const { inspect } = require('internal/util/inspect');
    const obj = {
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    };
    options = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Request ${inspect(obj, options)}`;
  }
}

installBodyMixin(Request);
for (const name of ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy',
  'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation',
  'isHistoryNavigation', 'signal', 'duplex', 'clone']) {
  Object.defineProperty(Request.prototype, name, { enumerable: true });
}
Object.defineProperty(Request.prototype, Symbol.toStringTag, {
  value: 'Request', configurable: true,
});

// The Request fetch() works on: its signal is the caller's own (or null).
function requestForFetch(input, init) {
  forFetch = true;
  try {
    return new Request(input, init);
  } finally {
    forFetch = false;
  }
}

function requestInner(request) {
  return request[kInner];
}

function requestSignal(request) {
  return request[kSignal];
}

module.exports = {
  Request,
  requestForFetch,
  requestInner,
  requestSignal,
  parseURL,
};
