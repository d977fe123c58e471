'use strict';
// An unref'd bound socket does not keep the process alive.
const common = require('./common');
const dgram = require('node:dgram');

const sock = dgram.createSocket('udp4');
sock.bind(0, '127.0.0.1', common.mustCall(() => {
  sock.unref();
  setTimeout(common.mustNotCall(), 10000).unref();
}));
