'use strict';
// The SubtleCrypto operations other than digest(): algorithm normalization,
// generateKey, importKey/exportKey, sign/verify, encrypt/decrypt,
// deriveBits/deriveKey and wrapKey/unwrapKey, on top of the KeyObject,
// cipher and signature code. Loaded on the first such call.

const {
  binding,
  bytesOf,
  isAnyArrayBuffer,
  isArrayBufferView,
  kHandle,
  kKeyObject,
  lazyBuffer,
  lazyDOMException,
  toBuffer,
} = require('internal/crypto/util');
const keys = require('internal/crypto/keys');
const { kKeyData } = keys;

// A fresh Uint8Array copy of any byte source (Buffer.slice() would share).
function copyBytes(value) {
  const src = bytesOf(value);
  const out = new Uint8Array(src.length);
  out.set(src);
  return out;
}

function toArrayBuffer(value) {
  return copyBytes(value).buffer;
}

function codedTypeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

const kAlgorithmNames = [
  'AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'ECDH', 'ECDSA', 'Ed25519', 'Ed448', 'HKDF',
  'HMAC', 'PBKDF2', 'RSA-OAEP', 'RSA-PSS', 'RSASSA-PKCS1-v1_5', 'SHA-1', 'SHA-256', 'SHA-384',
  'SHA-512', 'X25519', 'X448',
];
const kCanonical = {};
for (const name of kAlgorithmNames) kCanonical[name.toLowerCase()] = name;

// Which algorithms each operation accepts.
const kSupported = {
  generateKey: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'ECDH', 'ECDSA', 'Ed25519', 'Ed448',
    'HMAC', 'RSA-OAEP', 'RSA-PSS', 'RSASSA-PKCS1-v1_5', 'X25519', 'X448'],
  importKey: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'ECDH', 'ECDSA', 'Ed25519', 'Ed448',
    'HKDF', 'HMAC', 'PBKDF2', 'RSA-OAEP', 'RSA-PSS', 'RSASSA-PKCS1-v1_5', 'X25519', 'X448'],
  sign: ['ECDSA', 'Ed25519', 'Ed448', 'HMAC', 'RSA-PSS', 'RSASSA-PKCS1-v1_5'],
  verify: ['ECDSA', 'Ed25519', 'Ed448', 'HMAC', 'RSA-PSS', 'RSASSA-PKCS1-v1_5'],
  encrypt: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'RSA-OAEP'],
  decrypt: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'RSA-OAEP'],
  deriveBits: ['ECDH', 'HKDF', 'PBKDF2', 'X25519', 'X448'],
  wrapKey: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'RSA-OAEP'],
  unwrapKey: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'RSA-OAEP'],
  get: ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'HMAC', 'HKDF', 'PBKDF2'],
  digest: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'],
};

const kHashes = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const kHashBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };

function notSupported() {
  return lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

function operationError(message = 'The operation failed for an operation-specific reason') {
  return lazyDOMException(message, 'OperationError');
}

function requireParam(alg, name, dict) {
  if (alg[name] === undefined) {
    throw codedTypeError(
      'ERR_MISSING_OPTION',
      `Failed to normalize algorithm: passed algorithm can not be converted to '${dict}' ` +
      `because '${name}' is required in '${dict}'.`);
  }
  return alg[name];
}

function bufferParam(value, name) {
  if (isAnyArrayBuffer(value) || isArrayBufferView(value)) return copyBytes(value);
  throw codedTypeError('ERR_INVALID_ARG_TYPE',
                       `Failed to normalize algorithm: ${name} is not of type BufferSource.`);
}

function normalizeHash(hash, dict) {
  const norm = normalizeAlgorithm(hash, 'digest', dict);
  return { name: norm.name };
}

const warned = { __proto__: null };

// node's normalizeAlgorithm: a copy with the canonical name and the
// parameters the operation uses, checked.
function normalizeAlgorithm(algorithm, op) {
  let input;
  if (typeof algorithm === 'string') {
    input = { name: algorithm };
  } else if (algorithm !== null && typeof algorithm === 'object') {
    if (algorithm.name === undefined) {
      throw codedTypeError(
        'ERR_MISSING_OPTION',
        "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' " +
        "because 'name' is required in 'Algorithm'.");
    }
    input = algorithm;
  } else {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         'Failed to normalize algorithm: Algorithm must be an object or a string');
  }
  const name = kCanonical[`${input.name}`.toLowerCase()];
  if (name === undefined || !kSupported[op].includes(name)) throw notSupported();
  if ((name === 'Ed448' || name === 'X448') && !warned[name]) {
    warned[name] = true;
    process.emitWarning(
      `The ${name} Web Crypto API algorithm is an experimental feature and might change at any time`,
      'ExperimentalWarning');
  }
  const out = { name };
  const isAes = name.startsWith('AES-');
  const isRsa = name.startsWith('RSA');
  const isEc = name === 'ECDSA' || name === 'ECDH';
  switch (op) {
    case 'generateKey':
      if (isAes) {
        out.length = requireParam(input, 'length', 'AesKeyGenParams');
      } else if (name === 'HMAC') {
        out.hash = normalizeHash(requireParam(input, 'hash', 'HmacKeyGenParams'));
        if (input.length !== undefined) out.length = input.length >>> 0;
      } else if (isEc) {
        out.namedCurve = `${requireParam(input, 'namedCurve', 'EcKeyGenParams')}`;
      } else if (isRsa) {
        out.modulusLength = requireParam(input, 'modulusLength', 'RsaHashedKeyGenParams') >>> 0;
        out.publicExponent = bufferParam(
          requireParam(input, 'publicExponent', 'RsaHashedKeyGenParams'), 'publicExponent');
        out.hash = normalizeHash(requireParam(input, 'hash', 'RsaHashedKeyGenParams'));
      }
      break;
    case 'importKey':
      if (name === 'HMAC') {
        out.hash = normalizeHash(requireParam(input, 'hash', 'HmacImportParams'));
        if (input.length !== undefined) out.length = input.length >>> 0;
      } else if (isEc) {
        out.namedCurve = `${requireParam(input, 'namedCurve', 'EcKeyImportParams')}`;
      } else if (isRsa) {
        out.hash = normalizeHash(requireParam(input, 'hash', 'RsaHashedImportParams'));
      }
      break;
    case 'sign':
    case 'verify':
      if (name === 'ECDSA') out.hash = normalizeHash(requireParam(input, 'hash', 'EcdsaParams'));
      if (name === 'RSA-PSS') out.saltLength = requireParam(input, 'saltLength', 'RsaPssParams') >>> 0;
      if (name === 'Ed448' && input.context !== undefined) out.context = bufferParam(input.context, 'context');
      break;
    case 'encrypt':
    case 'decrypt':
    case 'wrapKey':
    case 'unwrapKey':
      if (name === 'AES-GCM') {
        out.iv = bufferParam(requireParam(input, 'iv', 'AesGcmParams'), 'iv');
        if (input.additionalData !== undefined) {
          out.additionalData = bufferParam(input.additionalData, 'additionalData');
        }
        out.tagLength = input.tagLength === undefined ? 128 : input.tagLength >>> 0;
      } else if (name === 'AES-CBC') {
        out.iv = bufferParam(requireParam(input, 'iv', 'AesCbcParams'), 'iv');
      } else if (name === 'AES-CTR') {
        out.counter = bufferParam(requireParam(input, 'counter', 'AesCtrParams'), 'counter');
        out.length = requireParam(input, 'length', 'AesCtrParams') >>> 0;
      } else if (name === 'RSA-OAEP' && input.label !== undefined) {
        out.label = bufferParam(input.label, 'label');
      }
      break;
    case 'deriveBits':
      if (name === 'PBKDF2') {
        out.hash = normalizeHash(requireParam(input, 'hash', 'Pbkdf2Params'));
        out.salt = bufferParam(requireParam(input, 'salt', 'Pbkdf2Params'), 'salt');
        out.iterations = requireParam(input, 'iterations', 'Pbkdf2Params') >>> 0;
      } else if (name === 'HKDF') {
        out.hash = normalizeHash(requireParam(input, 'hash', 'HkdfParams'));
        out.salt = bufferParam(requireParam(input, 'salt', 'HkdfParams'), 'salt');
        out.info = bufferParam(requireParam(input, 'info', 'HkdfParams'), 'info');
      } else {
        out.public = requireParam(input, 'public', 'EcdhKeyDeriveParams');
      }
      break;
    case 'get':
      if (isAes) out.length = requireParam(input, 'length', 'AesDerivedKeyParams');
      if (name === 'HMAC') {
        out.hash = normalizeHash(requireParam(input, 'hash', 'HmacImportParams'));
        if (input.length !== undefined) out.length = input.length >>> 0;
      }
      break;
    default:
      break;
  }
  return out;
}

// ---- CryptoKey helpers ----

let webcrypto;
function createCryptoKey(keyObject, algorithm, extractable, usages) {
  if (webcrypto === undefined) webcrypto = require('internal/crypto/webcrypto');
  return webcrypto.createCryptoKey(keyObject, algorithm, extractable, usages);
}

function keyObjectOf(key) {
  return key[kKeyObject];
}

const kUsageOrder = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits',
  'wrapKey', 'unwrapKey'];

function checkUsages(usages, allowed, what) {
  const list = [...usages];
  for (const u of list) {
    if (!kUsageOrder.includes(u)) {
      throw codedTypeError('ERR_INVALID_ARG_VALUE',
                           `Failed to execute 'importKey' on 'SubtleCrypto': ${u} is not a valid KeyUsage`);
    }
    if (!allowed.includes(u)) {
      throw lazyDOMException(`Unsupported key usage for ${what}`, 'SyntaxError');
    }
  }
  return kUsageOrder.filter((u) => list.includes(u));
}

function nonEmpty(usages) {
  if (usages.length === 0) {
    throw lazyDOMException('Usages cannot be empty when creating a key.', 'SyntaxError');
  }
}

const kAesUsages = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
const kAesKwUsages = ['wrapKey', 'unwrapKey'];

function usageSets(name) {
  switch (name) {
    case 'AES-KW': return { secret: kAesKwUsages, what: 'an AES-KW key' };
    case 'AES-CBC':
    case 'AES-CTR':
    case 'AES-GCM': return { secret: kAesUsages, what: 'an AES key' };
    case 'HMAC': return { secret: ['sign', 'verify'], what: 'an HMAC key' };
    case 'PBKDF2':
    case 'HKDF': return { secret: ['deriveKey', 'deriveBits'], what: `a ${name} key` };
    case 'ECDSA':
    case 'Ed25519':
    case 'Ed448':
    case 'RSA-PSS':
    case 'RSASSA-PKCS1-v1_5':
      return { public: ['verify'], private: ['sign'], what: `a ${name} key` };
    case 'RSA-OAEP':
      return { public: ['encrypt', 'wrapKey'], private: ['decrypt', 'unwrapKey'], what: 'an RSA-OAEP key' };
    default:
      return { public: [], private: ['deriveKey', 'deriveBits'], what: `an ${name} key` };
  }
}

const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const kOkpTypes = { 'Ed25519': 'ed25519', 'Ed448': 'ed448', 'X25519': 'x25519', 'X448': 'x448' };

function keyAlgorithmFor(alg, keyObject) {
  const name = alg.name;
  if (name.startsWith('AES-')) return { name, length: keyObject.symmetricKeySize * 8 };
  if (name === 'HMAC') {
    return { name, length: alg.length === undefined ? keyObject.symmetricKeySize * 8 : alg.length,
             hash: alg.hash };
  }
  if (name === 'ECDSA' || name === 'ECDH') return { name, namedCurve: alg.namedCurve };
  if (name.startsWith('RSA')) {
    const d = keyObject.asymmetricKeyDetails;
    let e = d.publicExponent.toString(16);
    if (e.length % 2) e = `0${e}`;
    return {
      name,
      modulusLength: d.modulusLength,
      publicExponent: new Uint8Array(lazyBuffer().from(e, 'hex')),
      hash: alg.hash,
    };
  }
  return { name };
}

// ---- generateKey ----

async function generateKey(algorithm, extractable, keyUsages) {
  const alg = normalizeAlgorithm(algorithm, 'generateKey');
  const sets = usageSets(alg.name);
  const name = alg.name;
  if (sets.secret) {
    const usages = checkUsages(keyUsages, sets.secret, sets.what);
    let bits;
    if (name === 'HMAC') {
      bits = alg.length === undefined ? kHashBlockBits[alg.hash.name] : alg.length;
      if (bits === 0) throw operationError('Zero-length key is not supported');
    } else {
      bits = alg.length;
      if (bits !== 128 && bits !== 192 && bits !== 256) {
        throw operationError('AES key length must be 128, 192, or 256 bits');
      }
    }
    nonEmpty(usages);
    const bytes = new Uint8Array(Math.ceil(bits / 8));
    binding.randomFillSync(bytes);
    const ko = keys.newSecretKey(bytes);
    const kalg = name === 'HMAC' ? { name, length: bits, hash: alg.hash } : { name, length: bits };
    return createCryptoKey(ko, kalg, extractable, usages);
  }
  const all = checkUsages(keyUsages, [...sets.public, ...sets.private], sets.what);
  const pubUsages = all.filter((u) => sets.public.includes(u));
  const privUsages = all.filter((u) => sets.private.includes(u));
  let type, params;
  if (name === 'ECDSA' || name === 'ECDH') {
    if (kCurves[alg.namedCurve] === undefined) {
      throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
    }
    type = 'ec';
    params = { namedCurve: kCurves[alg.namedCurve] };
  } else if (name.startsWith('RSA')) {
    type = name === 'RSA-PSS' ? 'rsa' : 'rsa';
    let exp = 0;
    for (const b of alg.publicExponent) exp = exp * 256 + b;
    if (exp !== 3 && exp !== 65537) {
      throw operationError('Bad public exponent');
    }
    params = { modulusLength: alg.modulusLength, publicExponent: alg.publicExponent };
  } else {
    type = kOkpTypes[name];
    params = {};
  }
  nonEmpty(privUsages);
  let handle;
  try {
    handle = await new Promise((resolve, reject) => {
      binding.keyGenerate(type, params, (err, h) => (err ? reject(err) : resolve(h)));
    });
  } catch {
    throw operationError();
  }
  const privateKey = new keys.PrivateKeyObject(handle);
  const publicKey = keys.publicKeyOf(handle);
  const kalg = keyAlgorithmFor(alg, privateKey);
  return {
    publicKey: createCryptoKey(publicKey, kalg, true, pubUsages),
    privateKey: createCryptoKey(privateKey, kalg, extractable, privUsages),
  };
}

// ---- importKey ----

function dataError(message) {
  return lazyDOMException(message, 'DataError');
}

function jwkB64(value, name) {
  if (typeof value !== 'string') throw dataError(`Invalid keyData: ${name} is missing`);
  return lazyBuffer().from(value, 'base64url');
}

const kJwkAlgs = {
  'AES-CBC': 'CBC', 'AES-CTR': 'CTR', 'AES-GCM': 'GCM', 'AES-KW': 'KW',
};
const kHmacJwkAlgs = { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' };
const kRsaJwkAlgs = {
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
};

function jwkAlgFor(alg, length) {
  if (alg.name.startsWith('AES-')) return `A${length}${kJwkAlgs[alg.name]}`;
  if (alg.name === 'HMAC') return kHmacJwkAlgs[alg.hash.name];
  if (kRsaJwkAlgs[alg.name]) return kRsaJwkAlgs[alg.name][alg.hash.name];
  if (alg.name === 'Ed25519' || alg.name === 'Ed448') return alg.name;
  return undefined;
}

function checkJwkCommon(jwk, extractable, usages) {
  if (jwk === null || typeof jwk !== 'object') throw dataError('Invalid keyData');
  if (jwk.ext === false && extractable) {
    throw dataError('JWK "ext" Parameter and extractable mismatch');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops)) throw dataError('Invalid keyData');
    for (const u of usages) {
      if (!jwk.key_ops.includes(u)) {
        throw dataError('Key operations and usage mismatch');
      }
    }
  }
  if (jwk.use !== undefined && usages.length > 0) {
    const want = usages.some((u) => u === 'sign' || u === 'verify') ? 'sig' : 'enc';
    if (jwk.use !== want) throw dataError('Invalid JWK "use" Parameter');
  }
}

async function importKey(format, keyData, algorithm, extractable, keyUsages) {
  const alg = normalizeAlgorithm(algorithm, 'importKey');
  const name = alg.name;
  const sets = usageSets(name);
  if (!['raw', 'spki', 'pkcs8', 'jwk'].includes(format)) {
    throw codedTypeError('ERR_INVALID_ARG_VALUE',
                         `Failed to execute 'importKey' on 'SubtleCrypto': 1st argument value '${format}' is not a valid enum value of type KeyFormat.`);
  }
  if (format !== 'jwk') {
    if (!isAnyArrayBuffer(keyData) && !isArrayBufferView(keyData)) {
      throw codedTypeError('ERR_INVALID_ARG_TYPE',
                           "Failed to execute 'importKey' on 'SubtleCrypto': 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.");
    }
    keyData = copyBytes(keyData);
  }
  if (sets.secret) {
    const usages = checkUsages(keyUsages, sets.secret, sets.what);
    if ((name === 'PBKDF2' || name === 'HKDF')) {
      if (format !== 'raw') throw lazyDOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
      if (extractable) throw lazyDOMException(`${name} keys are not extractable`, 'SyntaxError');
    }
    let bytes;
    if (format === 'raw') {
      bytes = keyData;
    } else if (format === 'jwk') {
      checkJwkCommon(keyData, extractable, usages);
      if (keyData.kty !== 'oct') throw dataError('Invalid JWK "kty" Parameter');
      bytes = new Uint8Array(jwkB64(keyData.k, 'k'));
      if (keyData.alg !== undefined) {
        const want = jwkAlgFor(alg, bytes.length * 8);
        if (keyData.alg !== want) throw dataError('JWK "alg" does not match the requested algorithm');
      }
    } else {
      throw lazyDOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    }
    if (name.startsWith('AES-') && ![16, 24, 32].includes(bytes.length)) {
      throw dataError('Invalid key length');
    }
    if (name === 'HMAC') {
      if (bytes.length === 0) throw dataError('Zero-length key is not supported');
      if (alg.length !== undefined && alg.length !== bytes.length * 8 &&
          !(alg.length <= bytes.length * 8 && alg.length > (bytes.length - 1) * 8)) {
        throw dataError('Invalid key length');
      }
    }
    nonEmpty(usages);
    const ko = keys.newSecretKey(new Uint8Array(bytes));
    let kalg;
    if (name === 'HMAC') kalg = { name, hash: alg.hash, length: alg.length === undefined ? bytes.length * 8 : alg.length };
    else if (name.startsWith('AES-')) kalg = { name, length: bytes.length * 8 };
    else kalg = { name };
    return createCryptoKey(ko, kalg, extractable, usages);
  }
  // Asymmetric.
  let keyObject;
  let isPrivate;
  const all = [...sets.public, ...sets.private];
  const usages0 = checkUsages(keyUsages, all, sets.what);
  try {
    if (format === 'spki') {
      keyObject = keys.createPublicKey({ key: keyData, format: 'der', type: 'spki' });
      isPrivate = false;
    } else if (format === 'pkcs8') {
      keyObject = keys.createPrivateKey({ key: keyData, format: 'der', type: 'pkcs8' });
      isPrivate = true;
    } else if (format === 'jwk') {
      checkJwkCommon(keyData, extractable, usages0);
      isPrivate = keyData.d !== undefined;
      const jwk = { ...keyData };
      if (name.startsWith('RSA')) {
        if (jwk.kty !== 'RSA') throw dataError('Invalid JWK "kty" Parameter');
        if (jwk.alg !== undefined && jwk.alg !== jwkAlgFor(alg)) {
          throw dataError('JWK "alg" does not match the requested algorithm');
        }
      } else if (name === 'ECDSA' || name === 'ECDH') {
        if (jwk.kty !== 'EC') throw dataError('Invalid JWK "kty" Parameter');
        if (jwk.crv !== alg.namedCurve) throw dataError('JWK "crv" does not match the requested algorithm');
      } else {
        if (jwk.kty !== 'OKP') throw dataError('Invalid JWK "kty" Parameter');
        if (jwk.crv !== name) throw dataError('JWK "crv" Parameter and algorithm name mismatch');
      }
      keyObject = isPrivate ?
        keys.createPrivateKey({ key: jwk, format: 'jwk' }) :
        keys.createPublicKey({ key: jwk, format: 'jwk' });
    } else {
      // raw: public keys of EC and OKP algorithms only.
      if (name.startsWith('RSA')) {
        throw lazyDOMException(`Unable to import ${name} key with format raw`, 'NotSupportedError');
      }
      isPrivate = false;
      let handle;
      if (name === 'ECDSA' || name === 'ECDH') {
        handle = binding.keyFromComponents('ec', false, { curve: kCurves[alg.namedCurve], point: keyData });
      } else {
        handle = binding.keyFromComponents(kOkpTypes[name], false, { x: keyData });
      }
      if (handle === undefined) throw dataError('Invalid keyData');
      keyObject = new keys.PublicKeyObject(handle);
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'DataError') throw err;
    if (err && (err.name === 'NotSupportedError' || err.name === 'SyntaxError')) throw err;
    throw dataError('Invalid keyData');
  }
  // The key must be of the algorithm's type.
  const t = keyObject.asymmetricKeyType;
  let ok;
  if (name.startsWith('RSA')) ok = t === 'rsa' || (name === 'RSA-PSS' && t === 'rsa-pss');
  else if (name === 'ECDSA' || name === 'ECDH') {
    ok = t === 'ec';
    if (ok && keyObject.asymmetricKeyDetails.namedCurve !== kCurves[alg.namedCurve]) {
      throw dataError('Named curve mismatch');
    }
  } else ok = t === kOkpTypes[name];
  if (!ok) throw dataError('Invalid key type');
  const allowed = isPrivate ? sets.private : sets.public;
  for (const u of usages0) {
    if (!allowed.includes(u)) {
      throw lazyDOMException(`Unsupported key usage for ${sets.what}`, 'SyntaxError');
    }
  }
  if (isPrivate || name === 'ECDSA' || name.startsWith('Ed') || name.startsWith('RSA')) {
    if (isPrivate) nonEmpty(usages0);
  }
  return createCryptoKey(keyObject, keyAlgorithmFor(alg, keyObject), extractable, usages0);
}

// ---- exportKey ----

async function exportKey(format, key) {
  if (!['raw', 'spki', 'pkcs8', 'jwk'].includes(format)) {
    throw codedTypeError('ERR_INVALID_ARG_VALUE',
                         `Failed to execute 'exportKey' on 'SubtleCrypto': 1st argument value '${format}' is not a valid enum value of type KeyFormat.`);
  }
  if (!key.extractable) throw lazyDOMException('key is not extractable', 'InvalidAccessException');
  const ko = keyObjectOf(key);
  const alg = key.algorithm;
  const name = alg.name;
  const unsupported = () => lazyDOMException(
    `Unable to export ${name} ${key.type} key using ${format} format`, 'NotSupportedError');
  if (key.type === 'secret') {
    if (format === 'raw') return toArrayBuffer(ko[kKeyData]);
    if (format === 'jwk') {
      const jwk = { key_ops: [...key.usages], ext: key.extractable };
      const a = jwkAlgFor(alg, ko.symmetricKeySize * 8);
      if (a !== undefined) jwk.alg = a;
      jwk.kty = 'oct';
      jwk.k = toBuffer(ko[kKeyData].slice()).toString('base64url');
      return jwk;
    }
    throw unsupported();
  }
  if (format === 'spki') {
    if (key.type !== 'public') throw unsupported();
    return toArrayBuffer(ko.export({ type: 'spki', format: 'der' }));
  }
  if (format === 'pkcs8') {
    if (key.type !== 'private') throw unsupported();
    return toArrayBuffer(ko.export({ type: 'pkcs8', format: 'der' }));
  }
  if (format === 'raw') {
    if (key.type !== 'public' || name.startsWith('RSA')) throw unsupported();
    if (name === 'ECDSA' || name === 'ECDH') return toArrayBuffer(binding.keyEcPoint(ko[kHandle], 4));
    return toArrayBuffer(binding.keyComponents(ko[kHandle], true).x);
  }
  const inner = ko.export({ format: 'jwk' });
  const jwk = { key_ops: [...key.usages], ext: key.extractable };
  const a = jwkAlgFor(alg);
  if (a !== undefined) jwk.alg = a;
  return Object.assign(jwk, inner);
}

// ---- sign / verify ----

function checkKey(key, alg, usage) {
  if (key.algorithm.name !== alg.name || !key.usages.includes(usage)) {
    throw lazyDOMException('The requested operation is not valid for the provided key',
                           'InvalidAccessError');
  }
}

function signVerify(op, algorithm, key, data, signature) {
  const alg = normalizeAlgorithm(algorithm, op);
  data = copyBytes(data);
  const name = alg.name;
  if (name !== 'HMAC' && key.algorithm.name === name &&
      ((op === 'sign' && key.type !== 'private') || (op === 'verify' && key.type !== 'public'))) {
    throw lazyDOMException(`Unable to use this key to ${op}`, 'InvalidAccessError');
  }
  checkKey(key, alg, op);
  const ko = keyObjectOf(key);
  if (name === 'HMAC') {
    const mac = require('internal/crypto/hash').Hmac(kHashes[key.algorithm.hash.name], ko[kKeyData])
      .update(data).digest();
    if (op === 'sign') return toArrayBuffer(mac);
    const sig = bytesOf(signature);
    return sig.length === mac.length && binding.timingSafeEqual(bytesOf(mac), sig);
  }
  if ((op === 'sign' && key.type !== 'private') || (op === 'verify' && key.type !== 'public')) {
    throw lazyDOMException(`Unable to use this key to ${op}`, 'InvalidAccessError');
  }
  let hash = null;
  const opts = { key: ko };
  if (name === 'ECDSA') {
    hash = kHashes[alg.hash.name];
    opts.dsaEncoding = 'ieee-p1363';
  } else if (name === 'RSA-PSS') {
    hash = kHashes[key.algorithm.hash.name];
    opts.padding = 6;
    opts.saltLength = alg.saltLength;
  } else if (name === 'RSASSA-PKCS1-v1_5') {
    hash = kHashes[key.algorithm.hash.name];
    opts.padding = 1;
  }
  const sig = require('internal/crypto/sig');
  return new Promise((resolve, reject) => {
    if (op === 'sign') {
      sig.signOneShot(hash, data, opts, (err, s) => {
        if (err) reject(operationError());
        else resolve(toArrayBuffer(s));
      });
    } else {
      sig.verifyOneShot(hash, data, opts, copyBytes(signature), (err, ok) => {
        if (err) reject(operationError());
        else resolve(ok);
      });
    }
  });
}

async function sign(algorithm, key, data) {
  return signVerify('sign', algorithm, key, data);
}

async function verify(algorithm, key, signature, data) {
  return signVerify('verify', algorithm, key, data, signature);
}

// ---- encrypt / decrypt ----

function aesCipherName(alg, key) {
  const bits = keyObjectOf(key).symmetricKeySize * 8;
  const mode = { 'AES-CBC': 'cbc', 'AES-CTR': 'ctr', 'AES-GCM': 'gcm' }[alg.name];
  return `aes-${bits}-${mode}`;
}

function cipherOp(op, alg, key, data) {
  const ko = keyObjectOf(key);
  const Buffer = lazyBuffer();
  data = bytesOf(data);
  const { createCipheriv, createDecipheriv, publicEncrypt, privateDecrypt } =
    require('internal/crypto/cipher');
  const encrypt = op === 'encrypt';
  try {
    switch (alg.name) {
      case 'AES-CBC': {
        if (alg.iv.byteLength !== 16) {
          throw operationError('algorithm.iv must contain exactly 16 bytes');
        }
        const c = (encrypt ? createCipheriv : createDecipheriv)(
          aesCipherName(alg, key), ko[kKeyData], alg.iv);
        return Buffer.concat([c.update(data), c.final()]);
      }
      case 'AES-CTR': {
        if (alg.counter.byteLength !== 16) {
          throw operationError('algorithm.counter must contain exactly 16 bytes');
        }
        if (alg.length === 0 || alg.length > 128) {
          throw operationError('AES-CTR algorithm.length must be between 1 and 128');
        }
        const c = (encrypt ? createCipheriv : createDecipheriv)(
          aesCipherName(alg, key), ko[kKeyData], alg.counter);
        return Buffer.concat([c.update(data), c.final()]);
      }
      case 'AES-GCM': {
        const tagBytes = alg.tagLength / 8;
        if (![32, 64, 96, 104, 112, 120, 128].includes(alg.tagLength)) {
          throw operationError(`${alg.tagLength} is not a valid AES-GCM tag length`);
        }
        if (alg.iv.byteLength === 0) throw operationError();
        if (encrypt) {
          const c = createCipheriv(aesCipherName(alg, key), ko[kKeyData], alg.iv,
                                   { authTagLength: tagBytes });
          if (alg.additionalData) c.setAAD(alg.additionalData);
          const out = Buffer.concat([c.update(data), c.final()]);
          return Buffer.concat([out, c.getAuthTag()]);
        }
        if (data.byteLength < tagBytes) throw operationError('The provided data is too small.');
        const c = createDecipheriv(aesCipherName(alg, key), ko[kKeyData], alg.iv,
                                   { authTagLength: tagBytes });
        c.setAuthTag(data.subarray(data.byteLength - tagBytes));
        if (alg.additionalData) c.setAAD(alg.additionalData);
        return Buffer.concat([c.update(data.subarray(0, data.byteLength - tagBytes)), c.final()]);
      }
      case 'RSA-OAEP': {
        if ((encrypt && key.type !== 'public') || (!encrypt && key.type !== 'private')) {
          throw lazyDOMException(`The requested operation is not valid for the provided key`,
                                 'InvalidAccessError');
        }
        const opts = {
          key: ko,
          padding: 4,
          oaepHash: kHashes[key.algorithm.hash.name],
          oaepLabel: alg.label,
        };
        return encrypt ? publicEncrypt(opts, data) : privateDecrypt(opts, data);
      }
      default:
        throw notSupported();
    }
  } catch (err) {
    if (err && (err.name === 'OperationError' || err.name === 'InvalidAccessError' ||
                err.name === 'NotSupportedError')) {
      throw err;
    }
    throw operationError();
  }
}

async function encrypt(algorithm, key, data) {
  const alg = normalizeAlgorithm(algorithm, 'encrypt');
  data = copyBytes(data);
  checkKey(key, alg, 'encrypt');
  return toArrayBuffer(cipherOp('encrypt', alg, key, data));
}

async function decrypt(algorithm, key, data) {
  const alg = normalizeAlgorithm(algorithm, 'decrypt');
  data = copyBytes(data);
  checkKey(key, alg, 'decrypt');
  return toArrayBuffer(cipherOp('decrypt', alg, key, data));
}

// ---- deriveBits / deriveKey ----

function deriveBitsNow(alg, baseKey, length) {
  const ko = keyObjectOf(baseKey);
  const name = alg.name;
  if (name === 'PBKDF2' || name === 'HKDF') {
    if (length === null || length === undefined) throw operationError('length cannot be null');
    if (length % 8) throw operationError('length must be a multiple of 8');
    if (name === 'PBKDF2' && alg.iterations === 0) {
      throw operationError('iterations cannot be zero');
    }
    return new Promise((resolve, reject) => {
      const cb = (err, ab) => (err ? reject(operationError()) : resolve(ab));
      if (name === 'PBKDF2') {
        binding.pbkdf2(ko[kKeyData], alg.salt, alg.iterations, length / 8,
                       kHashes[alg.hash.name], cb);
      } else {
        binding.hkdf(kHashes[alg.hash.name], ko[kKeyData], alg.salt, alg.info, length / 8, cb);
      }
    });
  }
  const pub = alg.public;
  if (pub === null || typeof pub !== 'object' || pub[kKeyObject] === undefined) {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         'algorithm.public must be an instance of CryptoKey');
  }
  if (pub.type !== 'public') {
    throw lazyDOMException('algorithm.public must be a public key', 'InvalidAccessError');
  }
  if (baseKey.type !== 'private') {
    throw lazyDOMException('baseKey must be a private key', 'InvalidAccessError');
  }
  if (pub.algorithm.name !== name) {
    throw lazyDOMException('The public and private keys must be of the same type',
                           'InvalidAccessError');
  }
  if (name === 'ECDH' && pub.algorithm.namedCurve !== baseKey.algorithm.namedCurve) {
    throw lazyDOMException('Named curve mismatch', 'InvalidAccessError');
  }
  let secret;
  try {
    secret = bytesOf(binding.keyDerive(ko[kHandle], keyObjectOf(pub)[kHandle]));
  } catch {
    throw operationError();
  }
  if (length === null || length === undefined) return secret.slice().buffer;
  if (length > secret.length * 8) throw operationError('derived bit length is too small');
  const out = secret.slice(0, Math.ceil(length / 8));
  if (length % 8) out[out.length - 1] &= (0xff << (8 - (length % 8))) & 0xff;
  return out.buffer;
}

async function deriveBits(algorithm, baseKey, length) {
  const alg = normalizeAlgorithm(algorithm, 'deriveBits');
  checkKey(baseKey, alg, 'deriveBits');
  return deriveBitsNow(alg, baseKey, length);
}

function derivedKeyLength(alg) {
  if (alg.name.startsWith('AES-')) {
    if (![128, 192, 256].includes(alg.length)) {
      throw operationError('AES key length must be 128, 192, or 256 bits');
    }
    return alg.length;
  }
  if (alg.name === 'HMAC') return alg.length === undefined ? kHashBlockBits[alg.hash.name] : alg.length;
  return null;
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
  const alg = normalizeAlgorithm(algorithm, 'deriveBits');
  const dalg = normalizeAlgorithm(derivedKeyAlgorithm, 'get');
  checkKey(baseKey, alg, 'deriveKey');
  const length = derivedKeyLength(dalg);
  const bits = await deriveBitsNow(alg, baseKey, length);
  return importKey('raw', bits, derivedKeyAlgorithm, extractable, keyUsages);
}

// ---- wrapKey / unwrapKey ----

function aesKw(op, key, data) {
  const ko = keyObjectOf(key);
  const name = `id-aes${ko.symmetricKeySize * 8}-wrap`;
  const { createCipheriv, createDecipheriv } = require('internal/crypto/cipher');
  const iv = lazyBuffer().from('A6A6A6A6A6A6A6A6', 'hex');
  try {
    const c = (op === 'wrapKey' ? createCipheriv : createDecipheriv)(name, ko[kKeyData], iv);
    return lazyBuffer().concat([c.update(data), c.final()]);
  } catch {
    throw operationError();
  }
}

async function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
  const alg = normalizeAlgorithm(wrapAlgorithm, 'wrapKey');
  checkKey(wrappingKey, alg, 'wrapKey');
  let exported = await exportKey(format, key);
  if (format === 'jwk') {
    exported = lazyBuffer().from(JSON.stringify(exported));
    if (alg.name === 'AES-KW' && exported.length % 8) {
      exported = lazyBuffer().concat([exported, lazyBuffer().alloc(8 - (exported.length % 8), 0x20)]);
    }
  }
  exported = bytesOf(exported);
  if (alg.name === 'AES-KW') return toArrayBuffer(aesKw('wrapKey', wrappingKey, exported));
  return toArrayBuffer(cipherOp('encrypt', alg, wrappingKey, exported));
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm,
                         unwrappedKeyAlgorithm, extractable, keyUsages) {
  const alg = normalizeAlgorithm(unwrapAlgorithm, 'unwrapKey');
  checkKey(unwrappingKey, alg, 'unwrapKey');
  const data = copyBytes(wrappedKey);
  let keyData = alg.name === 'AES-KW' ? aesKw('unwrapKey', unwrappingKey, data) :
    cipherOp('decrypt', alg, unwrappingKey, data);
  if (format === 'jwk') {
    try {
      keyData = JSON.parse(toBuffer(copyBytes(keyData)).toString('utf8'));
    } catch {
      throw dataError('Invalid JWK');
    }
  }
  return importKey(format, keyData, unwrappedKeyAlgorithm, extractable, keyUsages);
}

module.exports = {
  decrypt,
  deriveBits,
  deriveKey,
  encrypt,
  exportKey,
  generateKey,
  importKey,
  sign,
  unwrapKey,
  verify,
  wrapKey,
};
