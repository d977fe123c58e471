'use strict';
// AsyncLocalStorage across thread-pool work (as node 22): dns.lookup and
// lookupService, crypto's async functions and zlib's callbacks and streams run
// their callbacks in the store of the call that started them.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');
const dns = require('node:dns');
const zlib = require('node:zlib');
const { AsyncLocalStorage } = require('node:async_hooks');

const als = new AsyncLocalStorage();
const check = (store) => common.mustCall(() => assert.strictEqual(als.getStore(), store));

for (const store of ['one', 'two']) {
  als.run(store, () => {
    dns.lookup('localhost', check(store));
    dns.lookupService('127.0.0.1', 22, check(store));
    dns.promises.lookup('localhost').then(check(store));
    crypto.randomBytes(8, check(store));
    crypto.randomFill(Buffer.alloc(8), check(store));
    crypto.pbkdf2('pw', 'salt', 1, 16, 'sha256', check(store));
    crypto.scrypt('pw', 'salt', 16, check(store));
    crypto.hkdf('sha256', 'key', 'salt', 'info', 16, check(store));
    crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, check(store));
    zlib.gzip('x'.repeat(1000), check(store));
    zlib.gunzip(zlib.gzipSync('y'), check(store));
    zlib.brotliCompress('z', check(store));
    const gz = zlib.createGzip();
    gz.on('data', () => assert.strictEqual(als.getStore(), store));
    gz.on('end', check(store));
    gz.end('stream');
  });
}
