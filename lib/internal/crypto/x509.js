'use strict';
// crypto.X509Certificate over the binding's X509Handle.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateBoolean, validateObject, validateString } = require('internal/validators');
const {
  binding,
  bytesOf,
  isArrayBufferView,
  kHandle,
  lazyBuffer,
  toBuffer,
} = require('internal/crypto/util');
const { PublicKeyObject, isKeyObject } = require('internal/crypto/keys');

const kInfo = Symbol('kInfo');

const X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT = 0x1;
const X509_CHECK_FLAG_NO_WILDCARDS = 0x2;
const X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS = 0x4;
const X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS = 0x8;
const X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS = 0x10;
const X509_CHECK_FLAG_NEVER_CHECK_SUBJECT = 0x20;

function isX509Certificate(value) {
  return value != null && value[kHandle] !== undefined && value[kInfo] !== undefined;
}

function getFlags(options = {}) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = options;
  let flags = 0;
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  switch (subject) {
    case 'default': break;
    case 'always': flags |= X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT; break;
    case 'never': flags |= X509_CHECK_FLAG_NEVER_CHECK_SUBJECT; break;
    default: throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  if (!wildcards) flags |= X509_CHECK_FLAG_NO_WILDCARDS;
  if (!partialWildcards) flags |= X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
  if (multiLabelWildcards) flags |= X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS;
  if (singleLabelSubdomains) flags |= X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS;
  return flags;
}

function info(cert) {
  return cert[kInfo];
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = lazyBuffer().from(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                     buffer);
    }
    const handle = binding.x509Parse(bytesOf(buffer));
    Object.defineProperty(this, kHandle, { __proto__: null, value: handle });
    Object.defineProperty(this, kInfo, { __proto__: null, value: binding.x509Info(handle) });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      validFromDate: this.validFromDate,
      validToDate: this.validToDate,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, opts)}`;
  }

  get subject() { return info(this).subject; }
  get subjectAltName() { return info(this).subjectAltName; }
  get issuer() { return info(this).issuer; }
  get issuerCertificate() { return undefined; }
  get infoAccess() { return info(this).infoAccess; }
  get validFrom() { return info(this).validFrom; }
  get validTo() { return info(this).validTo; }
  get validFromDate() { return new Date(info(this).validFromISO); }
  get validToDate() { return new Date(info(this).validToISO); }
  get fingerprint() { return info(this).fingerprint; }
  get fingerprint256() { return info(this).fingerprint256; }
  get fingerprint512() { return info(this).fingerprint512; }
  get keyUsage() { return info(this).keyUsage; }
  get serialNumber() { return info(this).serialNumber; }
  get raw() { return toBuffer(info(this).raw.slice()); }
  get publicKey() { return new PublicKeyObject(binding.x509PublicKey(this[kHandle])); }
  get ca() { return info(this).ca; }

  toString() {
    return binding.x509Pem(this[kHandle]);
  }

  toJSON() {
    return this.toString();
  }

  checkHost(name, options) {
    validateString(name, 'name');
    return binding.x509Check(this[kHandle], 0, name, getFlags(options));
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    return binding.x509Check(this[kHandle], 1, email, getFlags(options));
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    if (require('net').isIP(ip) === 0) throw new ERR_INVALID_ARG_VALUE('ip', ip);
    if (options !== undefined) getFlags(options);
    return binding.x509Check(this[kHandle], 2, ip, 0);
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return binding.x509CheckIssued(this[kHandle], otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509CheckKey(this[kHandle], pkey[kHandle], true);
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509CheckKey(this[kHandle], pkey[kHandle], false);
  }

  toLegacyObject() {
    const i = info(this);
    const parseName = (text) => {
      const out = { __proto__: null };
      if (text === undefined) return out;
      for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const k = line.slice(0, eq);
        const v = line.slice(eq + 1);
        if (out[k] === undefined) out[k] = v;
        else if (Array.isArray(out[k])) out[k].push(v);
        else out[k] = [out[k], v];
      }
      return out;
    };
    const obj = { subject: parseName(i.subject), issuer: parseName(i.issuer) };
    if (i.subjectAltName !== undefined) obj.subjectaltname = i.subjectAltName;
    if (i.infoAccess !== undefined) {
      const ia = { __proto__: null };
      for (const line of i.infoAccess.split('\n')) {
        const colon = line.indexOf(':', line.indexOf(' - ') + 3);
        if (colon < 0) continue;
        const k = line.slice(0, colon);
        (ia[k] = ia[k] || []).push(line.slice(colon + 1));
      }
      obj.infoAccess = ia;
    }
    obj.ca = i.ca;
    const key = this.publicKey;
    const kinfo = binding.keyInfo(key[kHandle]);
    if (kinfo.type === 'rsa' || kinfo.type === 'rsa-pss') {
      const c = binding.keyComponents(key[kHandle], true);
      obj.modulus = toBuffer(c.n).toString('hex').toUpperCase();
      obj.bits = kinfo.modulusLength;
      obj.exponent = `0x${BigInt(`0x${kinfo.publicExponent}`).toString(16)}`;
      obj.pubkey = key.export({ type: 'spki', format: 'der' });
    } else if (kinfo.type === 'ec') {
      obj.bits = kinfo.bits;
      obj.pubkey = toBuffer(binding.keyEcPoint(key[kHandle], 4));
      obj.asn1Curve = kinfo.namedCurve;
      const nist = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521',
                     secp224r1: 'P-224', prime192v1: 'P-192' }[kinfo.namedCurve];
      if (nist !== undefined) obj.nistCurve = nist;
    }
    obj.valid_from = i.validFrom;
    obj.valid_to = i.validTo;
    obj.fingerprint = i.fingerprint;
    obj.fingerprint256 = i.fingerprint256;
    obj.fingerprint512 = i.fingerprint512;
    if (i.keyUsage !== undefined) obj.ext_key_usage = i.keyUsage;
    obj.serialNumber = i.serialNumber;
    obj.raw = this.raw;
    return obj;
  }
}

// An X509Certificate for an X509Handle made by a binding (tls: peer certificates).
function fromHandle(handle) {
  const cert = Object.create(X509Certificate.prototype);
  Object.defineProperty(cert, kHandle, { __proto__: null, value: handle });
  Object.defineProperty(cert, kInfo, { __proto__: null, value: binding.x509Info(handle) });
  return cert;
}

module.exports = {
  X509Certificate,
  fromHandle,
  isX509Certificate,
};
