'use strict';
// subtle.digest(algorithm, data) resolves to an ArrayBuffer, copies its input
// first and rejects bad algorithms and data like node.
const common = require('./common');
const assert = require('node:assert');
const { subtle } = require('node:crypto');

const data = new TextEncoder().encode('abc');
const p = subtle.digest('SHA-256', data);
data[0] = 0;
(async () => {
  const d = await p;
  assert.ok(d instanceof ArrayBuffer);
  assert.strictEqual(Buffer.from(d).toString('hex'),
                     'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  for (const alg of ['sha-1', { name: 'Sha-384' }, 'SHA-512']) {
    const out = await subtle.digest(alg, new DataView(new ArrayBuffer(0)));
    assert.strictEqual(out.byteLength, { 'sha-1': 20 }[alg] || (alg.name ? 48 : 64));
  }
  await assert.rejects(subtle.digest('MD5', data), { name: 'NotSupportedError' });
  await assert.rejects(subtle.digest({}, data), { code: 'ERR_MISSING_OPTION' });
  await assert.rejects(subtle.digest('SHA-256', 'abc'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not instance of " +
             'ArrayBuffer, Buffer, TypedArray, or DataView.',
  });
  await assert.rejects(subtle.digest('SHA-256'), { code: 'ERR_MISSING_ARGS' });
  await assert.rejects(subtle.digest.call({}, 'SHA-256', data), { code: 'ERR_INVALID_THIS' });
})().then(common.mustCall());
