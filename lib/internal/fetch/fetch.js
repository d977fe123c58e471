'use strict';
// fetch(): the Fetch standard's algorithm for data:, blob:, http: and https:
// URLs, on top of the http/https clients with one keep-alive Agent each.
// Failures reject with TypeError('fetch failed') whose cause says why, as
// node's undici does; an aborted signal rejects with the signal's reason.

const { requestForFetch, requestInner, requestSignal } = require('internal/fetch/request');
const { fromInner, makeInner, nullBodyStatus, redirectStatus } = require('internal/fetch/response');
const { HeadersList } = require('internal/fetch/headers');
const { bodyStream } = require('internal/fetch/body');

const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69,
  77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143,
  161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587,
  601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
  6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const requestBodyHeaders = ['content-encoding', 'content-language', 'content-location',
  'content-type', 'content-length'];

function fetchFailed(cause) {
  if (typeof cause === 'string') cause = new Error(cause);
  return new TypeError('fetch failed', { cause });
}

function socketError(message) {
  const err = new Error(message);
  err.name = 'SocketError';
  err.code = 'UND_ERR_SOCKET';
  return err;
}

let agents;
function agentFor(protocol) {
  agents ??= {};
  if (agents[protocol] === undefined) {
    const mod = require(protocol === 'https:' ? 'https' : 'http');
    agents[protocol] = new mod.Agent({ keepAlive: true });
  }
  return agents[protocol];
}

let ReadableStream;
function newReadableStream(source) {
  ReadableStream ??= require('internal/webstreams/readablestream').ReadableStream;
  return new ReadableStream(source);
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = requestForFetch(input, init);
  } catch (err) {
    return Promise.reject(err);
  }
  const inner = requestInner(request);
  const signal = requestSignal(request);
  if (signal !== null && signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const state = {
      inner,
      signal,
      resolve,
      reject,
      settled: false,
      urlList: [inner.url],
      method: inner.method,
      headersList: inner.headersList.clone(),
      body: inner.body,
      redirects: 0,
      req: null,
      res: null,
      controller: null,
      onAbort: null,
    };
    if (signal !== null) {
      state.onAbort = () => abortFetch(state);
      signal.addEventListener('abort', state.onAbort, { once: true });
    }
    mainFetch(state);
  });
}
Object.defineProperty(fetch, 'length', { value: 1 });

function settle(state, err, response) {
  if (state.settled) return;
  state.settled = true;
  if (err !== null) {
    finish(state);
    state.reject(err);
  } else {
    state.resolve(response);
  }
}

function finish(state) {
  if (state.onAbort !== null) {
    state.signal.removeEventListener('abort', state.onAbort);
    state.onAbort = null;
  }
}

function abortFetch(state) {
  const reason = state.signal.reason;
  const controller = state.controller;
  state.controller = null;
  if (controller !== null) {
    try {
      controller.error(reason);
    } catch {
      // The stream is already closed or errored.
    }
  }
  if (state.req !== null) state.req.destroy();
  if (state.res !== null) state.res.destroy();
  if (!state.settled) {
    state.settled = true;
    state.reject(reason);
  }
}

function currentURL(state) {
  return state.urlList[state.urlList.length - 1];
}

function mainFetch(state) {
  let url;
  try {
    url = new (require('internal/url').URL)(currentURL(state));
  } catch (err) {
    settle(state, fetchFailed(err));
    return;
  }
  switch (url.protocol) {
    case 'about:':
      settle(state, fetchFailed('about scheme is not supported'));
      return;
    case 'data:':
      dataFetch(state, url);
      return;
    case 'blob:':
      blobFetch(state, url);
      return;
    case 'http:':
    case 'https:':
      httpFetch(state, url);
      return;
    default:
      settle(state, fetchFailed('unknown scheme'));
  }
}

function basicResponse(state, status, statusText, headersList, body) {
  const inner = makeInner(status, statusText);
  inner.type = 'basic';
  inner.headersList = headersList;
  inner.body = body;
  inner.urlList = [...state.urlList];
  return fromInner(inner, 'immutable');
}

function bytesBody(bytes) {
  return { stream: null, source: bytes, length: bytes.byteLength };
}

function percentDecode(str) {
  const { Buffer } = require('buffer');
  const bytes = Buffer.from(str, 'utf8');
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  const hex = (c) => (c >= 0x30 && c <= 0x39 ? c - 0x30 :
    c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x25 && i + 2 < bytes.length + 0 && hex(bytes[i + 1]) >= 0 &&
        hex(bytes[i + 2]) >= 0) {
      out[n++] = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
      i += 2;
    } else {
      out[n++] = c;
    }
  }
  return new Uint8Array(out.buffer, out.byteOffset, n).slice();
}

// Parses a data: URL into { mimeType, body } or returns null.
function parseDataURL(url) {
  let input = url.href.slice(5);
  const hash = input.indexOf('#');
  if (hash !== -1) input = input.slice(0, hash);
  const comma = input.indexOf(',');
  if (comma === -1) return null;
  let mimeType = input.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  let body = percentDecode(input.slice(comma + 1));
  const m = /;[\x20]*base64$/i.exec(mimeType);
  if (m !== null) {
    let text = '';
    for (let i = 0; i < body.length; i++) text += String.fromCharCode(body[i]);
    text = text.replace(/[\t\n\f\r ]/g, '');
    if (text.length % 4 === 0) text = text.replace(/==?$/, '');
    if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) return null;
    const { Buffer } = require('buffer');
    const decoded = Buffer.from(text, 'base64');
    body = new Uint8Array(decoded.buffer.slice(decoded.byteOffset,
                                               decoded.byteOffset + decoded.length));
    mimeType = mimeType.slice(0, m.index);
  }
  if (mimeType.startsWith(';')) mimeType = `text/plain${mimeType}`;
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\/[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.test(mimeType)) {
    mimeType = 'text/plain;charset=US-ASCII';
  } else {
    mimeType = serializeDataMime(mimeType);
  }
  return { mimeType, body };
}

function serializeDataMime(type) {
  const parts = type.split(';');
  let out = parts[0].trim().toLowerCase();
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i].replace(/^[\t\n\f\r ]+/, '');
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).toLowerCase();
    let value = part.slice(eq + 1);
    if (value.startsWith('"')) {
      const end = value.indexOf('"', 1);
      value = value.slice(1, end === -1 ? undefined : end);
    } else {
      value = value.trimEnd();
    }
    if (value === '') continue;
    if (!tokenRe.test(value)) value = `"${value.replace(/(["\\])/g, '\\$1')}"`;
    out += `;${name}=${value}`;
  }
  return out;
}

function dataFetch(state, url) {
  const parsed = parseDataURL(url);
  if (parsed === null) {
    settle(state, fetchFailed('failed to fetch the data URL'));
    return;
  }
  const headers = new HeadersList();
  headers.append('content-type', parsed.mimeType);
  finish(state);
  settle(state, null, basicResponse(state, 200, 'OK', headers, bytesBody(parsed.body)));
}

function blobFetch(state, url) {
  if (state.method !== 'GET') {
    settle(state, fetchFailed('invalid method'));
    return;
  }
  const { resolveObjectURL } = require('internal/blob');
  const blob = resolveObjectURL(url.href);
  if (blob === undefined) {
    settle(state, fetchFailed('invalid method'));
    return;
  }
  const headers = new HeadersList();
  headers.append('content-length', `${blob.size}`);
  headers.append('content-type', blob.type);
  finish(state);
  settle(state, null, basicResponse(state, 200, 'OK', headers,
                                    { stream: null, source: blob, length: blob.size }));
}

function buildHeaders(state, url) {
  const list = state.headersList;
  const out = { host: url.host, connection: 'keep-alive' };
  if (list.has('host')) delete out.host;
  if (list.has('connection')) delete out.connection;
  for (const [name, value] of list.entries()) {
    if (name === 'set-cookie' && out[name] !== undefined) out[name] += `, ${value}`;
    else out[name] = value;
  }
  if (!list.has('accept')) out.accept = '*/*';
  if (!list.has('accept-language')) out['accept-language'] = '*';
  if (!list.has('sec-fetch-mode')) out['sec-fetch-mode'] = state.inner.mode;
  if (!list.has('user-agent')) out['user-agent'] = 'node';
  if (!list.has('accept-encoding')) out['accept-encoding'] = 'gzip, deflate';
  const body = state.body;
  if (body !== null && body.length !== null && body.stream === null) {
    out['content-length'] = `${body.length}`;
  } else if (body === null && (state.method === 'POST' || state.method === 'PUT')) {
    out['content-length'] = '0';
  }
  return out;
}

function httpFetch(state, url) {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (badPorts.has(port)) {
    settle(state, fetchFailed('bad port'));
    return;
  }
  const mod = require(url.protocol === 'https:' ? 'https' : 'http');
  let req;
  try {
    req = mod.request({
      method: state.method,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port,
      path: `${url.pathname}${url.search}`,
      headers: buildHeaders(state, url),
      agent: agentFor(url.protocol),
    });
  } catch (err) {
    settle(state, fetchFailed(err));
    return;
  }
  state.req = req;
  req.on('error', (err) => {
    if (state.signal !== null && state.signal.aborted) return;
    settle(state, fetchFailed(err));
    if (state.controller !== null) {
      try {
        state.controller.error(fetchFailed(err));
      } catch {
        // Already closed.
      }
    }
  });
  req.on('response', (res) => onResponse(state, url, res));
  writeBody(state, req);
}

function writeBody(state, req) {
  const body = state.body;
  if (body === null) {
    req.end();
    return;
  }
  if (body.stream === null && body.source !== null) {
    const source = body.source;
    if (source instanceof Uint8Array) {
      req.end(source);
      return;
    }
    source.arrayBuffer().then((ab) => req.end(new Uint8Array(ab)),
                              (err) => req.destroy(err));
    return;
  }
  const reader = bodyStream(body).getReader();
  const pump = () => {
    reader.read().then(({ done, value }) => {
      if (done) {
        req.end();
        return;
      }
      if (typeof value === 'string') value = require('buffer').Buffer.from(value);
      if (!ArrayBuffer.isView(value)) {
        req.destroy(new TypeError('Received non-Uint8Array chunk'));
        return;
      }
      if (req.write(value)) pump();
      else req.once('drain', pump);
    }, (err) => req.destroy(err));
  };
  pump();
}

function responseHeaders(res) {
  const list = new HeadersList();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) list.append(raw[i], raw[i + 1]);
  return list;
}

function onResponse(state, url, res) {
  state.res = res;
  const status = res.statusCode;
  const headersList = responseHeaders(res);
  const location = headersList.get('location');
  if (redirectStatus.includes(status) && location !== null && state.inner.redirect !== 'manual') {
    res.resume();
    state.req = null;
    state.res = null;
    if (state.inner.redirect === 'error') {
      settle(state, fetchFailed('unexpected redirect'));
      return;
    }
    redirect(state, url, status, location);
    return;
  }
  let stream = res;
  const coding = headersList.get('content-encoding');
  if (coding !== null && state.method !== 'HEAD' && state.method !== 'CONNECT' &&
      !nullBodyStatus.includes(status)) {
    stream = decode(res, coding);
  }
  let body = null;
  if (state.method !== 'HEAD' && !nullBodyStatus.includes(status)) {
    body = { stream: responseStream(state, res, stream), source: null, length: null };
  } else {
    res.resume();
    res.on('end', () => finish(state));
  }
  settle(state, null, basicResponse(state, status, res.statusMessage ?? '', headersList, body));
}

function decode(res, coding) {
  const zlib = require('zlib');
  const codings = coding.toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '');
  let stream = res;
  for (let i = codings.length - 1; i >= 0; i--) {
    let decoder;
    const c = codings[i];
    if (c === 'gzip' || c === 'x-gzip') {
      decoder = zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH,
                                    finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } else if (c === 'deflate') {
      decoder = zlib.createUnzip({ flush: zlib.constants.Z_SYNC_FLUSH,
                                   finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } else if (c === 'br') {
      decoder = zlib.createBrotliDecompress();
    } else {
      return stream === res ? res : stream;
    }
    const from = stream;
    from.on('error', (err) => decoder.destroy(err));
    from.pipe(decoder);
    stream = decoder;
  }
  return stream;
}

function responseStream(state, res, source) {
  let paused = false;
  return newReadableStream({
    type: 'bytes',
    start(controller) {
      state.controller = controller;
      source.on('data', (chunk) => {
        if (state.controller === null || chunk.length === 0) return;
        controller.enqueue(new Uint8Array(chunk));
        if (controller.desiredSize <= 0 && !paused) {
          paused = true;
          source.pause();
        }
      });
      source.on('end', () => {
        if (state.controller === null) return;
        state.controller = null;
        finish(state);
        controller.close();
      });
      // A body cut short rejects reads with TypeError('terminated'), as undici.
      const terminate = (cause) => {
        if (state.controller === null) return;
        state.controller = null;
        finish(state);
        controller.error(new TypeError('terminated', { cause }));
        if (source !== res) source.destroy();
      };
      source.on('error', terminate);
      res.on('aborted', () => terminate(socketError('other side closed')));
      res.on('error', terminate);
    },
    pull() {
      if (paused) {
        paused = false;
        source.resume();
      }
    },
    cancel() {
      state.controller = null;
      finish(state);
      res.destroy();
      if (source !== res) source.destroy();
    },
  }, { highWaterMark: 65536 });
}

function redirect(state, url, status, location) {
  let next;
  try {
    next = new (require('internal/url').URL)(location, url);
  } catch (err) {
    settle(state, fetchFailed(err));
    return;
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    settle(state, fetchFailed('URL scheme must be a HTTP(S) scheme'));
    return;
  }
  if (++state.redirects > 20) {
    settle(state, fetchFailed('redirect count exceeded'));
    return;
  }
  if (state.body !== null && state.body.stream !== null && status !== 303 &&
      !((status === 301 || status === 302) && state.method === 'POST')) {
    settle(state, fetchFailed('Cannot follow redirect with a streamed body'));
    return;
  }
  if (((status === 301 || status === 302) && state.method === 'POST') ||
      (status === 303 && state.method !== 'GET' && state.method !== 'HEAD')) {
    state.method = 'GET';
    state.body = null;
    for (const name of requestBodyHeaders) state.headersList.delete(name);
  }
  if (next.origin !== url.origin) {
    for (const name of ['authorization', 'proxy-authorization', 'cookie', 'host']) {
      state.headersList.delete(name);
    }
  }
  if (state.body !== null && state.body.stream === null && state.body.source !== null) {
    state.body = { stream: null, source: state.body.source, length: state.body.length };
  }
  if (next.hash === '' && url.hash !== '') next.hash = url.hash;
  state.urlList.push(next.href);
  mainFetch(state);
}

module.exports = { fetch };
