'use strict';
// node:crypto — the OpenSSL-backed module arrives with the crypto issue; for
// now it reports the linked OpenSSL version and offers randomness helpers.

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

const constants = Object.freeze({
  OPENSSL_VERSION_NUMBER: 0x30000000,
});

function notYet(what) {
  return function() { throw new ERR_METHOD_NOT_IMPLEMENTED(`crypto.${what}`); };
}

module.exports = {
  constants,
  getFips() { return 0; },
  setFips: notYet('setFips'),
  createHash: notYet('createHash'),
  createHmac: notYet('createHmac'),
  randomBytes: notYet('randomBytes'),
  getHashes() { return []; },
  getCiphers() { return []; },
  getCurves() { return []; },
};
