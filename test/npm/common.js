'use strict';
// Small helpers shared by the npm package tests: an HTTP request through node:http that
// resolves with { status, headers, body }, and a watchdog so a hang fails instead of waiting.
const http = require('node:http');

function request(port, path, options = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: options.method || 'GET',
      headers: options.headers || {},
      agent: false,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function watchdog(ms = 8000) {
  const t = setTimeout(() => {
    console.error('watchdog: test did not finish in ' + ms + ' ms');
    process.exit(2);
  }, ms);
  t.unref();
}

module.exports = { request, watchdog };
