'use strict';
// socket.io 4 server + socket.io-client: connect over websocket and over long-polling (with
// the upgrade to websocket), emit with acknowledgements, binary payloads, rooms and
// broadcasts, a middleware error, then disconnect and close everything.
const assert = require('node:assert');
const http = require('node:http');
const { Server } = require('socket.io');
const { io } = require('socket.io-client');
const { watchdog } = require('./common');
watchdog(15000);

const httpServer = http.createServer();
const ioServer = new Server(httpServer);
ioServer.use((socket, next) => {
  if (socket.handshake.auth.token === 'bad') return next(new Error('not allowed'));
  next();
});
ioServer.on('connection', (socket) => {
  socket.join('room1');
  socket.on('echo', (msg, ack) => ack({ echoed: msg, transport: socket.conn.transport.name }));
  socket.on('bin', (buf, ack) => ack(Buffer.concat([buf, Buffer.from([9])])));
  socket.on('shout', (msg) => ioServer.to('room1').emit('heard', msg.toUpperCase()));
});

function connect(port, opts) {
  return io(`http://127.0.0.1:${port}`, { forceNew: true, reconnection: false, ...opts });
}

function once(emitter, ev) {
  return new Promise((resolve) => emitter.once(ev, resolve));
}

httpServer.listen(0, '127.0.0.1', async () => {
  const { port } = httpServer.address();
  const clients = [];
  try {
    const a = connect(port, { transports: ['websocket'] });
    clients.push(a);
    await once(a, 'connect');
    assert.strictEqual(typeof a.id, 'string');
    let reply = await a.emitWithAck('echo', { n: 1, s: 'hé' });
    assert.deepStrictEqual(reply, { echoed: { n: 1, s: 'hé' }, transport: 'websocket' });

    const bin = await a.emitWithAck('bin', Buffer.from([1, 2, 3]));
    assert.deepStrictEqual([...new Uint8Array(bin)], [1, 2, 3, 9]);

    // Long-polling first, then the client upgrades to websocket.
    const b = connect(port, { transports: ['polling', 'websocket'] });
    clients.push(b);
    await once(b, 'connect');
    reply = await b.emitWithAck('echo', 'polled');
    assert.strictEqual(reply.echoed, 'polled');
    if (b.io.engine.transport.name !== 'websocket') await once(b.io.engine, 'upgrade');
    assert.strictEqual(b.io.engine.transport.name, 'websocket');
    reply = await b.emitWithAck('echo', 'upgraded');
    assert.deepStrictEqual(reply, { echoed: 'upgraded', transport: 'websocket' });

    // A broadcast to the room reaches both clients.
    const heard = Promise.all([once(a, 'heard'), once(b, 'heard')]);
    a.emit('shout', 'hi all');
    assert.deepStrictEqual(await heard, ['HI ALL', 'HI ALL']);
    assert.strictEqual((await ioServer.in('room1').fetchSockets()).length, 2);

    // Middleware rejection arrives as connect_error.
    const c = connect(port, { transports: ['websocket'], auth: { token: 'bad' } });
    clients.push(c);
    const err = await once(c, 'connect_error');
    assert.strictEqual(err.message, 'not allowed');

    const gone = once(a, 'disconnect');
    a.disconnect();
    assert.strictEqual(await gone, 'io client disconnect');
    console.log('socket.io roundtrip ok');
  } finally {
    for (const c of clients) c.close();
    ioServer.close();
  }
});
