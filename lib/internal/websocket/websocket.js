'use strict';
// The WHATWG WebSocket client: the RFC 6455 opening handshake over the
// http/https client's 'upgrade' event, then framing on the raw socket
// (masked client frames, fragmentation, ping/pong, the closing handshake).

const {
  EventTarget, Event, defineEventHandler,
} = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { CloseEvent, ErrorEvent } = require('internal/websocket/events');
const { Buffer } = require('buffer');

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const kGUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const kState = Symbol('kWebSocketState');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const OP_CONT = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

let MessageEvent;
let Blob;
let isBlob;
let crypto;

function check(self) {
  if (self === null || typeof self !== 'object' || self[kState] === undefined) {
    const err = new TypeError('Illegal invocation');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return self[kState];
}

let fatalDecoder;
function decodeText(bytes) {
  if (fatalDecoder === undefined) {
    const { TextDecoder } = require('internal/encoding');
    fatalDecoder = new TextDecoder('utf-8', { fatal: true });
  }
  return fatalDecoder.decode(bytes);
}

function parseProtocols(protocols) {
  if (protocols === undefined) return [];
  if (typeof protocols === 'string') protocols = [protocols];
  else if (protocols !== null && typeof protocols === 'object' &&
           typeof protocols[Symbol.iterator] === 'function') protocols = [...protocols].map(String);
  else protocols = [`${protocols}`];
  const seen = new Set();
  for (const p of protocols) {
    if (!tokenRe.test(p) || seen.has(p)) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    seen.add(p);
  }
  return protocols;
}

class WebSocket extends EventTarget {
  constructor(url, protocols = undefined) {
    super();
    if (arguments.length === 0) {
      throw new TypeError('WebSocket constructor: 1 argument required, but 0 found.');
    }
    if (protocols !== null && typeof protocols === 'object' &&
        typeof protocols[Symbol.iterator] !== 'function') {
      protocols = protocols.protocols;
    }
    const { URL } = require('internal/url');
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (err) {
      throw new DOMException(`${err}`, 'SyntaxError');
    }
    if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
    else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
      throw new DOMException(`Expected a ws: or wss: protocol, got ${parsed.protocol}`,
                             'SyntaxError');
    }
    if (parsed.hash !== '' || parsed.href.endsWith('#')) {
      throw new DOMException('Got fragment', 'SyntaxError');
    }
    protocols = parseProtocols(protocols);
    this[kState] = {
      url: parsed,
      readyState: CONNECTING,
      protocol: '',
      extensions: '',
      binaryType: 'blob',
      bufferedAmount: 0,
      socket: null,
      req: null,
      // Frame parser state.
      chunks: [],
      buffered: 0,
      fragments: [],
      fragmentOpcode: -1,
      fragmentLength: 0,
      closeSent: false,
      closeReceived: false,
      closeCode: 1006,
      closeReason: '',
      closed: false,
      failed: false,
      closeWritten: false,
      sendQueue: null,
    };
    connect(this, parsed, protocols);
  }

  get readyState() { return check(this).readyState; }
  get bufferedAmount() { return check(this).bufferedAmount; }
  get url() { return check(this).url.href; }
  get extensions() { return check(this).extensions; }
  get protocol() { return check(this).protocol; }
  get binaryType() { return check(this).binaryType; }
  set binaryType(value) {
    const state = check(this);
    value = `${value}`;
    if (value === 'blob' || value === 'arraybuffer') state.binaryType = value;
  }

  close(code = undefined, reason = undefined) {
    const state = check(this);
    if (code !== undefined) {
      code = Number(code);
      code = Number.isFinite(code) ? Math.trunc(code) & 0xffff : 0;
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException('invalid code', 'InvalidAccessError');
      }
    }
    let reasonBytes = null;
    if (reason !== undefined) {
      reasonBytes = Buffer.from(`${reason}`.toWellFormed(), 'utf8');
      if (reasonBytes.length > 123) {
        throw new DOMException(`Reason must be less than 123 bytes; received ${reasonBytes.length}`,
                               'SyntaxError');
      }
    }
    if (state.readyState === CLOSING || state.readyState === CLOSED) return;
    if (state.readyState === CONNECTING) {
      failConnection(this, 'Connection was closed before it was established.');
      return;
    }
    state.readyState = CLOSING;
    let payload;
    if (code === undefined && reasonBytes === null) {
      payload = Buffer.alloc(0);
    } else {
      payload = Buffer.allocUnsafe(2 + (reasonBytes === null ? 0 : reasonBytes.length));
      payload.writeUInt16BE(code === undefined ? 1000 : code, 0);
      if (reasonBytes !== null) reasonBytes.copy(payload, 2);
    }
    sendClose(this, payload);
  }

  send(data) {
    const state = check(this);
    if (arguments.length === 0) {
      throw new TypeError('WebSocket.send: 1 argument required, but 0 found.');
    }
    if (state.readyState === CONNECTING) {
      throw new DOMException('Sent before connected.', 'InvalidStateError');
    }
    if (Blob === undefined) ({ Blob, isBlob } = require('internal/blob'));
    let opcode = OP_BINARY;
    let payload;
    if (typeof data === 'string') {
      opcode = OP_TEXT;
      payload = Buffer.from(data.toWellFormed(), 'utf8');
    } else if (ArrayBuffer.isView(data)) {
      payload = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    } else if (data instanceof ArrayBuffer ||
               Object.prototype.toString.call(data) === '[object ArrayBuffer]') {
      payload = Buffer.from(data);
    } else if (isBlob(data)) {
      payload = data;
    } else {
      opcode = OP_TEXT;
      payload = Buffer.from(`${data}`.toWellFormed(), 'utf8');
    }
    // As node's undici, a send() once closing is dropped without counting it.
    if (state.readyState !== OPEN || state.closeSent) return;
    const size = isBlob(payload) ? payload.size : payload.length;
    state.bufferedAmount += size;
    if (isBlob(payload) || state.sendQueue !== null) {
      // Blob bytes arrive asynchronously; later sends wait behind them.
      const prev = state.sendQueue ?? Promise.resolve();
      const bytes = isBlob(payload) ?
        payload.arrayBuffer().then((ab) => Buffer.from(ab)) : Promise.resolve(Buffer.from(payload));
      const next = prev.then(() => bytes).then((buf) => {
        if (state.sendQueue === next) state.sendQueue = null;
        if (state.closeWritten || state.socket === null) return;
        writeFrame(state, opcode, buf, size);
      });
      state.sendQueue = next;
      return;
    }
    writeFrame(state, opcode, payload, size);
  }

  [kInspect](depth, options) {
    return 'WebSocket {}';
  }
}

for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING],
  ['CLOSED', CLOSED]]) {
  Object.defineProperty(WebSocket, name, { value, enumerable: true });
  Object.defineProperty(WebSocket.prototype, name, { value, enumerable: true });
}
for (const name of ['close', 'send', 'readyState', 'bufferedAmount', 'url', 'extensions',
  'protocol', 'binaryType']) {
  Object.defineProperty(WebSocket.prototype, name, { enumerable: true });
}
defineEventHandler(WebSocket.prototype, 'open');
defineEventHandler(WebSocket.prototype, 'error');
defineEventHandler(WebSocket.prototype, 'close');
defineEventHandler(WebSocket.prototype, 'message');
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, {
  value: 'WebSocket', configurable: true,
});

function connect(ws, url, protocols) {
  const state = ws[kState];
  crypto ??= require('crypto');
  const key = crypto.randomBytes(16).toString('base64');
  const secure = url.protocol === 'wss:';
  const mod = require(secure ? 'https' : 'http');
  const headers = {
    'host': url.host,
    'connection': 'upgrade',
    'upgrade': 'websocket',
    'sec-websocket-key': key,
    'sec-websocket-version': '13',
  };
  if (protocols.length > 0) headers['sec-websocket-protocol'] = protocols.join(', ');
  Object.assign(headers, {
    'accept': '*/*',
    'accept-language': '*',
    'sec-fetch-mode': 'websocket',
    'user-agent': 'node',
    'pragma': 'no-cache',
    'cache-control': 'no-cache',
  });
  let req;
  try {
    req = mod.request({
      method: 'GET',
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers,
      agent: false,
    });
  } catch {
    process.nextTick(failConnection, ws, 'Received network error or non-101 status code.');
    return;
  }
  state.req = req;
  req.on('error', () => {
    if (state.readyState === CONNECTING || state.socket === null) {
      failConnection(ws, 'Received network error or non-101 status code.');
    }
  });
  req.on('response', (res) => {
    res.resume();
    failConnection(ws, 'Received network error or non-101 status code.');
  });
  req.on('upgrade', (res, socket, head) => {
    state.req = null;
    const fail = (msg) => {
      socket.destroy();
      failConnection(ws, msg);
    };
    if (state.readyState !== CONNECTING) {
      socket.destroy();
      return;
    }
    if (res.statusCode !== 101) return fail('Received network error or non-101 status code.');
    if (`${res.headers.upgrade}`.toLowerCase() !== 'websocket') {
      return fail('Server did not set Upgrade header to "websocket".');
    }
    if (`${res.headers.connection}`.toLowerCase() !== 'upgrade') {
      return fail('Server did not set Connection header to "upgrade".');
    }
    const expected = crypto.createHash('sha1').update(key + kGUID).digest('base64');
    if (res.headers['sec-websocket-accept'] !== expected) {
      return fail('Incorrect hash received in Sec-WebSocket-Accept header.');
    }
    if (res.headers['sec-websocket-extensions'] !== undefined) {
      return fail('Received unexpected Sec-WebSocket-Extensions header.');
    }
    const protocol = res.headers['sec-websocket-protocol'];
    if (protocol !== undefined && !protocols.includes(protocol)) {
      return fail('Protocol was not set in the opening handshake.');
    }
    state.socket = socket;
    state.protocol = protocol ?? '';
    state.readyState = OPEN;
    socket.setNoDelay?.(true);
    socket.on('data', (chunk) => onData(ws, chunk));
    socket.on('error', () => {});
    socket.on('close', () => onSocketClose(ws));
    socket.on('end', () => socket.end());
    ws.dispatchEvent(new Event('open'));
    if (head !== undefined && head.length > 0 && state.readyState !== CLOSED) onData(ws, head);
  });
  req.end();
}

// Fails the connection: an error event now (readyState still as it was, as
// in node), then readyState CLOSING and, once the socket is gone, a close
// event with 1006.
function failConnection(ws, message) {
  const state = ws[kState];
  if (state.closed || state.failed) return;
  state.failed = true;
  const req = state.req;
  state.req = null;
  const socket = state.socket;
  const err = new Error(message);
  ws.dispatchEvent(new ErrorEvent('error', { error: err, message }));
  if (state.readyState !== CLOSED) state.readyState = CLOSING;
  if (req !== null) req.destroy();
  if (socket !== null && !socket.destroyed) {
    socket.destroy();
    return;
  }
  process.nextTick(finishClose, ws, 1006, '', false);
}

function finishClose(ws, code, reason, wasClean) {
  const state = ws[kState];
  if (state.closed) return;
  state.closed = true;
  state.readyState = CLOSED;
  ws.dispatchEvent(new CloseEvent('close', { wasClean, code, reason }));
}

function onSocketClose(ws) {
  const state = ws[kState];
  state.socket = null;
  const wasClean = state.closeSent && state.closeReceived;
  finishClose(ws, state.closeReceived ? state.closeCode : 1006,
              state.closeReceived ? state.closeReason : '', wasClean);
}

// Writes one masked frame.
function writeFrame(state, opcode, payload, accounted = 0) {
  const socket = state.socket;
  if (socket === null || socket.destroyed) return;
  const len = payload.length;
  const headerLen = len < 126 ? 6 : len < 65536 ? 8 : 14;
  const frame = Buffer.allocUnsafe(headerLen + len);
  frame[0] = 0x80 | opcode;
  if (len < 126) {
    frame[1] = 0x80 | len;
  } else if (len < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(len / 0x100000000), 2);
    frame.writeUInt32BE(len >>> 0, 6);
  }
  crypto.randomFillSync(frame, headerLen - 4, 4);
  const m0 = frame[headerLen - 4];
  const m1 = frame[headerLen - 3];
  const m2 = frame[headerLen - 2];
  const m3 = frame[headerLen - 1];
  let i = 0;
  for (; i + 3 < len; i += 4) {
    frame[headerLen + i] = payload[i] ^ m0;
    frame[headerLen + i + 1] = payload[i + 1] ^ m1;
    frame[headerLen + i + 2] = payload[i + 2] ^ m2;
    frame[headerLen + i + 3] = payload[i + 3] ^ m3;
  }
  const mask = [m0, m1, m2, m3];
  for (; i < len; i++) frame[headerLen + i] = payload[i] ^ mask[i & 3];
  socket.write(frame, () => {
    state.bufferedAmount -= accounted;
  });
}

function sendClose(ws, payload) {
  const state = ws[kState];
  if (state.closeSent) return;
  state.closeSent = true;
  const doSend = () => {
    writeFrame(state, OP_CLOSE, payload);
    state.closeWritten = true;
    if (state.closeReceived && state.socket !== null) state.socket.end();
  };
  if (state.sendQueue !== null) state.sendQueue.then(doSend);
  else doSend();
}

// Fails the connection. Like node's undici, only a bad close frame is answered
// with a close frame (code and message); other errors just drop the socket.
function protocolError(ws, code, message, answer = false) {
  const state = ws[kState];
  if (state.closed) return;
  if (answer && !state.closeSent) {
    const reason = Buffer.from(message);
    const payload = Buffer.allocUnsafe(2 + reason.length);
    payload.writeUInt16BE(code, 0);
    reason.copy(payload, 2);
    state.closeSent = true;
    writeFrame(state, OP_CLOSE, payload);
    state.closeWritten = true;
  }
  failConnection(ws, message);
}

function takeBytes(state, n) {
  const chunks = state.chunks;
  state.buffered -= n;
  if (chunks[0].length === n) return chunks.shift();
  if (chunks[0].length > n) {
    const out = chunks[0].subarray(0, n);
    chunks[0] = chunks[0].subarray(n);
    return out;
  }
  const out = Buffer.allocUnsafe(n);
  let off = 0;
  while (off < n) {
    const c = chunks[0];
    const take = Math.min(c.length, n - off);
    c.copy(out, off, 0, take);
    off += take;
    if (take === c.length) chunks.shift();
    else chunks[0] = c.subarray(take);
  }
  return out;
}

function peekByte(state, index) {
  for (const c of state.chunks) {
    if (index < c.length) return c[index];
    index -= c.length;
  }
  return -1;
}

function onData(ws, chunk) {
  const state = ws[kState];
  state.chunks.push(chunk);
  state.buffered += chunk.length;
  while (state.buffered >= 2 && !state.closed && state.socket !== null) {
    const b0 = peekByte(state, 0);
    const b1 = peekByte(state, 1);
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    if ((b0 & 0x70) !== 0) return protocolError(ws, 1002, 'Expected RSV1 to be clear.');
    if ((b1 & 0x80) !== 0) return protocolError(ws, 1002, 'Frame cannot be masked');
    let len = b1 & 0x7f;
    let headerLen = 2;
    if (len === 126) {
      if (state.buffered < 4) return;
      len = peekByte(state, 2) * 256 + peekByte(state, 3);
      headerLen = 4;
    } else if (len === 127) {
      if (state.buffered < 10) return;
      const hi = peekByte(state, 2) * 0x1000000 + peekByte(state, 3) * 0x10000 +
        peekByte(state, 4) * 0x100 + peekByte(state, 5);
      const lo = peekByte(state, 6) * 0x1000000 + peekByte(state, 7) * 0x10000 +
        peekByte(state, 8) * 0x100 + peekByte(state, 9);
      if (hi > 0x1fffff) return protocolError(ws, 1009, 'Received payload length > 2^53 bytes.');
      len = hi * 0x100000000 + lo;
      headerLen = 10;
    }
    const isControl = (opcode & 0x8) !== 0;
    if (isControl && (!fin || len > 125)) {
      return protocolError(ws, 1002, 'Control frame either too large or fragmented');
    }
    if (!isControl && opcode !== OP_CONT && opcode !== OP_TEXT && opcode !== OP_BINARY) {
      return protocolError(ws, 1002, 'Invalid opcode received');
    }
    if (isControl && opcode !== OP_CLOSE && opcode !== OP_PING && opcode !== OP_PONG) {
      return protocolError(ws, 1002, 'Invalid opcode received');
    }
    if (opcode === OP_CONT && state.fragmentOpcode === -1) {
      return protocolError(ws, 1002, 'Invalid continuation frame');
    }
    if ((opcode === OP_TEXT || opcode === OP_BINARY) && state.fragmentOpcode !== -1) {
      return protocolError(ws, 1002, 'Expected continuation frame');
    }
    if (state.buffered < headerLen + len) return;
    takeBytes(state, headerLen);
    const payload = len === 0 ? Buffer.alloc(0) : takeBytes(state, len);
    if (isControl) {
      handleControl(ws, opcode, payload);
      continue;
    }
    if (state.closeReceived) continue;
    if (!fin) {
      if (opcode !== OP_CONT) state.fragmentOpcode = opcode;
      state.fragments.push(payload);
      state.fragmentLength += payload.length;
      continue;
    }
    let message = payload;
    let type = opcode;
    if (opcode === OP_CONT) {
      state.fragments.push(payload);
      message = Buffer.concat(state.fragments, state.fragmentLength + payload.length);
      type = state.fragmentOpcode;
      state.fragments = [];
      state.fragmentLength = 0;
      state.fragmentOpcode = -1;
    }
    deliver(ws, type, message);
  }
}

function deliver(ws, type, bytes) {
  const state = ws[kState];
  if (state.readyState !== OPEN) return;
  let data;
  if (type === OP_TEXT) {
    try {
      data = decodeText(bytes);
    } catch {
      return protocolError(ws, 1007, 'Received invalid UTF-8 in text frame.');
    }
  } else if (state.binaryType === 'blob') {
    if (Blob === undefined) ({ Blob, isBlob } = require('internal/blob'));
    data = new Blob([bytes]);
  } else {
    data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  }
  MessageEvent ??= require('internal/worker/io').MessageEvent;
  ws.dispatchEvent(new MessageEvent('message', { data, origin: state.url.origin }));
}

function handleControl(ws, opcode, payload) {
  const state = ws[kState];
  if (opcode === OP_PING) {
    if (!state.closeSent) writeFrame(state, OP_PONG, payload);
    return;
  }
  if (opcode === OP_PONG) return;
  // Close.
  if (state.closeReceived) return;
  if (payload.length === 1) {
    return protocolError(ws, 1002, 'Received close frame with a 1-byte body.');
  }
  let code = 1005;
  let reason = '';
  if (payload.length >= 2) {
    code = payload.readUInt16BE(0);
    if (code < 1000 || code === 1004 || code === 1005 || code === 1006 ||
        (code > 1014 && code < 3000) || code > 4999) {
      return protocolError(ws, 1002, 'Invalid status code', true);
    }
    try {
      reason = decodeText(payload.subarray(2));
    } catch {
      return protocolError(ws, 1007, 'Invalid UTF-8 in close reason');
    }
  }
  state.closeReceived = true;
  state.closeCode = code;
  state.closeReason = reason;
  if (state.readyState === OPEN) state.readyState = CLOSING;
  if (!state.closeSent) {
    const echo = payload.length >= 2 ? payload.subarray(0, 2) : Buffer.alloc(0);
    state.closeSent = true;
    writeFrame(state, OP_CLOSE, Buffer.from(echo));
    state.closeWritten = true;
  }
  if (state.socket !== null) state.socket.end();
}

module.exports = { WebSocket, CloseEvent, ErrorEvent };
