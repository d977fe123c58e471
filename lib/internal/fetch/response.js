'use strict';
// The Fetch standard's Response class.

const { HeadersList, fill, headersFromList } = require('internal/fetch/headers');
const {
  kInner, extractBody, cloneBody, bodyUnusable, installBodyMixin, illegalInvocation,
  encodeUtf8,
} = require('internal/fetch/body');

const kHeaders = Symbol('kHeaders');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const nullBodyStatus = [101, 103, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];
const reasonPhraseRe = /^[\t\x20-\x7e\x80-\xff]*$/;

function check(self) {
  if (self === null || typeof self !== 'object' || self[kHeaders] === undefined) {
    throw illegalInvocation();
  }
}

function makeInner(status = 200, statusText = '') {
  return {
    type: 'default',
    status,
    statusText,
    headersList: new HeadersList(),
    body: null,
    urlList: [],
    redirected: false,
  };
}

// Wraps an internal response in a Response object with the given guard.
function fromInner(inner, guard) {
  const response = Object.create(Response.prototype);
  response[kInner] = inner;
  response[kHeaders] = headersFromList(inner.headersList, guard);
  return response;
}

function initialize(response, init, body) {
  if (init.status !== undefined) {
    const status = Number(init.status);
    const int = Math.trunc(status) & 0xffff;
    if (!Number.isFinite(status) || int < 200 || int > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    response[kInner].status = int;
  }
  if (init.statusText !== undefined) {
    const text = `${init.statusText}`;
    if (!reasonPhraseRe.test(text)) throw new TypeError('Invalid statusText');
    response[kInner].statusText = text;
  }
  if (init.headers !== undefined) fill(response[kHeaders], init.headers);
  if (body !== null) {
    if (nullBodyStatus.includes(response[kInner].status)) {
      throw new TypeError('Response constructor: Invalid response status code ' +
                          `${response[kInner].status}`);
    }
    response[kInner].body = body.body;
    if (body.type !== null && !response[kInner].headersList.has('content-type')) {
      response[kInner].headersList.append('content-type', body.type);
    }
  }
}

function checkInit(init) {
  if (init !== undefined && init !== null && typeof init !== 'object' &&
      typeof init !== 'function') {
    // The missing prefix is undici's.
    throw new TypeError(`undefined: Expected ${init} to be one of: Null, Undefined, Object.`);
  }
  return init ?? {};
}

class Response {
  constructor(body = null, init = undefined) {
    init = checkInit(init);
    this[kInner] = makeInner();
    this[kHeaders] = headersFromList(this[kInner].headersList, 'response');
    initialize(this, init, body === null ? null : extractBody(body));
  }

  static error() {
    const inner = makeInner(0, '');
    inner.type = 'error';
    return fromInner(inner, 'immutable');
  }

  static json(data, init = undefined) {
    init = checkInit(init);
    const text = JSON.stringify(data);
    if (text === undefined) {
      throw new TypeError('Value is not JSON serializable');
    }
    const response = fromInner(makeInner(), 'response');
    initialize(response, init, {
      body: { stream: null, source: encodeUtf8(text), length: null },
      type: 'application/json',
    });
    response[kInner].body.length = response[kInner].body.source.byteLength;
    return response;
  }

  static redirect(url, status = 302) {
    const { parseURL } = require('internal/fetch/request');
    const parsed = parseURL(`${url}`);
    status = Number(status);
    if (!redirectStatus.includes(status)) {
      throw new RangeError(`Invalid status code ${status}`);
    }
    const inner = makeInner(status, '');
    inner.headersList.set('location', parsed.href);
    return fromInner(inner, 'immutable');
  }

  get type() { check(this); return this[kInner].type; }
  get url() {
    check(this);
    const list = this[kInner].urlList;
    if (list.length === 0) return '';
    const url = list[list.length - 1];
    const hash = url.indexOf('#');
    return hash === -1 ? url : url.slice(0, hash);
  }
  get redirected() { check(this); return this[kInner].urlList.length > 1; }
  get status() { check(this); return this[kInner].status; }
  get ok() {
    check(this);
    const status = this[kInner].status;
    return status >= 200 && status <= 299;
  }
  get statusText() { check(this); return this[kInner].statusText; }
  get headers() { check(this); return this[kHeaders]; }

  clone() {
    check(this);
    const inner = this[kInner];
    if (bodyUnusable(inner.body)) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    const copy = {
      ...inner,
      headersList: inner.headersList.clone(),
      urlList: [...inner.urlList],
      body: inner.body === null ? null : cloneBody(inner.body),
    };
    const guard = inner.type === 'error' ? 'immutable' : 'response';
    return fromInner(copy, guard);
  }

  [kInspect](depth, options) {
    if (depth < 0) return '[Response]';
    const { inspect } = require('internal/util/inspect');
    const obj = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    };
    options = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Response ${inspect(obj, options)}`;
  }
}

installBodyMixin(Response);
for (const name of ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers',
  'clone']) {
  Object.defineProperty(Response.prototype, name, { enumerable: true });
}
for (const name of ['error', 'json', 'redirect']) {
  Object.defineProperty(Response, name, { enumerable: true });
}
Object.defineProperty(Response.prototype, Symbol.toStringTag, {
  value: 'Response', configurable: true,
});

module.exports = {
  Response,
  fromInner,
  makeInner,
  nullBodyStatus,
  redirectStatus,
};
