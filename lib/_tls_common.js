'use strict';
// node:_tls_common — SecureContext (the options of createSecureContext applied
// to the tls_wrap binding's native context) and the certificate translation
// TLSSocket uses.

const {
  codes: {
    ERR_CRYPTO_OPERATION_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TLS_INVALID_PROTOCOL_METHOD,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');
const {
  validateInt32,
  validateInteger,
  validateObject,
  validateString,
} = require('internal/validators');

const binding = internalBinding('tls_wrap');
const {
  SecureContext: NativeSecureContext,
  constants: { TLS1_VERSION, TLS1_1_VERSION, TLS1_2_VERSION, TLS1_3_VERSION },
} = binding;

const kVersions = {
  __proto__: null,
  'TLSv1': TLS1_VERSION,
  'TLSv1.1': TLS1_1_VERSION,
  'TLSv1.2': TLS1_2_VERSION,
  'TLSv1.3': TLS1_3_VERSION,
};

// secureProtocol names pin the version range.
const kMethods = {
  __proto__: null,
  TLS_method: [0, 0],
  TLS_client_method: [0, 0],
  TLS_server_method: [0, 0],
  SSLv23_method: [0, 0],
  SSLv23_client_method: [0, 0],
  SSLv23_server_method: [0, 0],
  TLSv1_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_client_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_server_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_1_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_1_client_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_1_server_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_2_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  TLSv1_2_client_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  TLSv1_2_server_method: [TLS1_2_VERSION, TLS1_2_VERSION],
};

function toVersion(which, v, def) {
  if (v == null) v = def;
  const n = kVersions[v];
  if (n === undefined) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(v, which);
  return n;
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  const tls = require('tls');
  let min;
  let max;
  if (secureProtocol) {
    validateString(secureProtocol, 'secureProtocol');
    if (minVersion != null) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    }
    if (maxVersion != null) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    }
    const range = kMethods[secureProtocol];
    if (range === undefined) {
      if (/^SSLv[23]_/.test(secureProtocol)) {
        const err = new ERR_TLS_INVALID_PROTOCOL_METHOD(secureProtocol);
        err.message = `${secureProtocol.slice(0, 5)} methods disabled`;
        throw err;
      }
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(secureProtocol);
    }
    [min, max] = range;
  } else {
    min = toVersion('minimum', minVersion, tls.DEFAULT_MIN_VERSION);
    max = toVersion('maximum', maxVersion, tls.DEFAULT_MAX_VERSION);
  }
  this.context = new NativeSecureContext();
  this.context.init(min, max);
  if (secureOptions) {
    validateInteger(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

function isKeyOrCert(value) {
  return typeof value === 'string' || ArrayBuffer.isView(value);
}

function validateKeyOrCertOption(name, value) {
  if (!isKeyOrCert(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function setKey(context, key, passphrase, name) {
  validateKeyOrCertOption(`${name}.key`, key);
  if (passphrase !== undefined && passphrase !== null) {
    validateString(passphrase, `${name}.passphrase`);
  }
  context.setKey(key, passphrase);
}

function processCiphers(ciphers) {
  const list = ciphers.split(':');
  const cipherList = list.filter((c) => !/^TLS_/.test(c) && c.length > 0).join(':');
  const cipherSuites = list.filter((c) => /^TLS_/.test(c)).join(':');
  return { cipherList, cipherSuites };
}

function toBuf(val) {
  if (typeof val === 'string') return Buffer.from(val, 'utf8');
  return val;
}

// Applies createSecureContext()'s options to a native context.
function configSecureContext(context, options = {}, name = 'options') {
  validateObject(options, name);
  const tls = require('tls');
  const {
    ca,
    cert,
    ciphers = tls.DEFAULT_CIPHERS,
    crl,
    dhparam,
    ecdhCurve = tls.DEFAULT_ECDH_CURVE,
    key,
    passphrase,
    pfx,
    sessionIdContext,
    sessionTimeout,
    sigalgs,
    ticketKeys,
  } = options;

  if (ca) {
    const list = Array.isArray(ca) ? ca : [ca];
    for (const val of list) {
      validateKeyOrCertOption(`${name}.ca`, val);
      context.addCACert(val);
    }
  } else {
    context.addRootCerts();
  }

  if (cert) {
    const list = Array.isArray(cert) ? cert : [cert];
    for (const val of list) {
      validateKeyOrCertOption(`${name}.cert`, val);
      context.setCert(val);
    }
  }

  if (key) {
    if (Array.isArray(key)) {
      for (const val of key) {
        const pem = val?.pem !== undefined ? val.pem : val;
        const pass = val?.passphrase !== undefined ? val.passphrase : passphrase;
        setKey(context, pem, pass, name);
      }
    } else {
      setKey(context, key, passphrase, name);
    }
  }

  if (sigalgs !== undefined && sigalgs !== null) {
    validateString(sigalgs, `${name}.sigalgs`);
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE(`${name}.sigalgs`, sigalgs);
    context.setSigalgs(sigalgs);
  }

  if (ciphers !== undefined && ciphers !== null) validateString(ciphers, `${name}.ciphers`);
  const { cipherList, cipherSuites } = processCiphers(ciphers || '');
  if (cipherSuites !== '') context.setCipherSuites(cipherSuites);
  if (cipherList !== '') context.setCiphers(cipherList);
  const minProto = context.getMinProto();
  const maxProto = context.getMaxProto();
  const below13 = minProto === 0 || minProto < TLS1_3_VERSION;
  const above12 = maxProto === 0 || maxProto > TLS1_2_VERSION;
  if (cipherList === '' && below13 && above12) context.setMinProto(TLS1_3_VERSION);
  if (cipherSuites === '' && below13 && above12) context.setMaxProto(TLS1_2_VERSION);

  validateString(ecdhCurve, `${name}.ecdhCurve`);
  if (ecdhCurve !== 'auto') {
    try {
      context.setECDHCurve(ecdhCurve);
    } catch {
      throw new ERR_CRYPTO_OPERATION_FAILED('Failed to set ECDH curve');
    }
  }

  if (dhparam !== undefined && dhparam !== null) {
    if (dhparam !== 'auto') validateKeyOrCertOption(`${name}.dhparam`, dhparam);
    const bits = context.setDHParam(dhparam);
    if (bits > 0 && bits < 2048) {
      process.emitWarning(`DH parameter is less than 2048 bits`, 'SecurityWarning');
    }
  }

  if (crl !== undefined && crl !== null) {
    const list = Array.isArray(crl) ? crl : [crl];
    for (const val of list) {
      validateKeyOrCertOption(`${name}.crl`, val);
      context.addCRL(val);
    }
  }

  if (sessionIdContext !== undefined && sessionIdContext !== null) {
    validateString(sessionIdContext, `${name}.sessionIdContext`);
    context.setSessionIdContext(sessionIdContext);
  }

  if (pfx !== undefined && pfx !== null) {
    const list = Array.isArray(pfx) ? pfx : [pfx];
    for (const val of list) {
      const raw = val?.buf ? val.buf : val;
      const pass = val?.passphrase || passphrase;
      validateKeyOrCertOption(`${name}.pfx`, raw);
      if (pass !== undefined && pass !== null) context.loadPKCS12(toBuf(raw), String(pass));
      else context.loadPKCS12(toBuf(raw));
    }
  }

  if (ticketKeys !== undefined && ticketKeys !== null) {
    if (!ArrayBuffer.isView(ticketKeys)) {
      throw new ERR_INVALID_ARG_TYPE(`${name}.ticketKeys`, ['Buffer', 'TypedArray', 'DataView'],
                                     ticketKeys);
    }
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.ticketKeys`, ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
  }

  if (sessionTimeout !== undefined && sessionTimeout !== null) {
    validateInt32(sessionTimeout, `${name}.sessionTimeout`, 0);
    context.setSessionTimeout(sessionTimeout);
  }
}

// SSL_OP_CIPHER_SERVER_PREFERENCE
const kCipherServerPreference = 0x400000;

function createSecureContext(options) {
  if (options == null) options = {};
  const { honorCipherOrder, minVersion, maxVersion, secureProtocol } = options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions |= kCipherServerPreference;
  const c = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  configSecureContext(c.context, options);
  return c;
}

function toBuffer(u8) {
  if (u8 == null || Buffer.isBuffer(u8)) return u8;
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// Gives a certificate object from the binding node's final shape: Buffers, an
// infoAccess dictionary and a translated issuer chain.
function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.raw) c.raw = toBuffer(c.raw);
  if (c.pubkey) c.pubkey = toBuffer(c.pubkey);
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null) {
    const info = c.infoAccess;
    c.infoAccess = { __proto__: null };
    for (const line of String(info).split('\n')) {
      const i = line.indexOf(':');
      if (i < 0) continue;
      const key = line.slice(0, i);
      let val = line.slice(i + 1);
      if (val.charCodeAt(0) === 0x22) {
        try {
          val = JSON.parse(val);
        } catch {
          // Keep the quoted text.
        }
      }
      if (key in c.infoAccess) c.infoAccess[key].push(val);
      else c.infoAccess[key] = [val];
    }
  }
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
  configSecureContext,
};
