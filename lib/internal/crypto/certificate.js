'use strict';
// crypto.Certificate: the SPKAC (Netscape signed public key and challenge)
// helpers.

const {
  binding,
  bytesOf,
  getArrayBufferOrView,
  toBuffer,
} = require('internal/crypto/util');

function spkacBytes(spkac, encoding) {
  return bytesOf(getArrayBufferOrView(spkac, 'spkac', encoding));
}

function verifySpkac(spkac, encoding) {
  return binding.spkac(spkacBytes(spkac, encoding), 0);
}

// Both give '' for input that is not an SPKAC, as node does.
function exportChallenge(spkac, encoding) {
  const out = binding.spkac(spkacBytes(spkac, encoding), 1);
  return out.length === 0 ? '' : toBuffer(out);
}

function exportPublicKey(spkac, encoding) {
  const out = binding.spkac(spkacBytes(spkac, encoding), 2);
  return out.length === 0 ? '' : toBuffer(out);
}

// The legacy object form: `new Certificate()` (or a call) has the same methods.
function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = Certificate;
