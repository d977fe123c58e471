'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding). Decoding supports utf-8,
// utf-16le, utf-16be and windows-1252/latin1 (decoded as ISO-8859-1, as Node
// does); other legacy encodings are recognised as labels but rejected with
// ERR_ENCODING_NOT_SUPPORTED. The codecs are in the `buffer` binding.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');

const kUtf8 = 1;
const kLatin1 = 4;

const kEncoder = Symbol('encoder');
const kDecoder = Symbol('decoder');
const kEncoding = Symbol('encoding');
const kFatal = Symbol('fatal');
const kIgnoreBOM = Symbol('ignoreBOM');
const kFlags = Symbol('flags');
const kHandle = Symbol('handle');
const kBOMSeen = Symbol('BOM seen');
const kPending = Symbol('pending');
const kStreamed = Symbol('streamed');

const CONVERTER_FLAGS_FATAL = 0x2;
const CONVERTER_FLAGS_IGNORE_BOM = 0x4;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const getArrayBufferByteLength =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get :
  undefined;

function isAnyArrayBuffer(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    getArrayBufferByteLength.call(value);
    return true;
  } catch {
    // Not an ArrayBuffer.
  }
  if (getSharedArrayBufferByteLength === undefined) return false;
  try {
    getSharedArrayBufferByteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

// The WHATWG label table: encoding name -> labels.
const encodingLabels = {
  'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8',
            'x-unicode20utf8'],
  'ibm866': ['866', 'cp866', 'csibm866', 'ibm866'],
  'iso-8859-2': ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592',
                 'iso_8859-2', 'iso_8859-2:1987', 'l2', 'latin2'],
  'iso-8859-3': ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593',
                 'iso_8859-3', 'iso_8859-3:1988', 'l3', 'latin3'],
  'iso-8859-4': ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594',
                 'iso_8859-4', 'iso_8859-4:1988', 'l4', 'latin4'],
  'iso-8859-5': ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5',
                 'iso88595', 'iso_8859-5', 'iso_8859-5:1988'],
  'iso-8859-6': ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic',
                 'ecma-114', 'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127',
                 'iso8859-6', 'iso88596', 'iso_8859-6', 'iso_8859-6:1987'],
  'iso-8859-7': ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7',
                 'iso-ir-126', 'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987',
                 'sun_eu_greek'],
  'iso-8859-8': ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e',
                 'iso-ir-138', 'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988',
                 'visual'],
  'iso-8859-8-i': ['csiso88598i', 'iso-8859-8-i', 'logical'],
  'iso-8859-10': ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910',
                  'l6', 'latin6'],
  'iso-8859-13': ['iso-8859-13', 'iso8859-13', 'iso885913'],
  'iso-8859-14': ['iso-8859-14', 'iso8859-14', 'iso885914'],
  'iso-8859-15': ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15',
                  'l9'],
  'iso-8859-16': ['iso-8859-16'],
  'koi8-r': ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r'],
  'koi8-u': ['koi8-ru', 'koi8-u'],
  'macintosh': ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman'],
  'windows-874': ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620',
                  'windows-874'],
  'windows-1250': ['cp1250', 'windows-1250', 'x-cp1250'],
  'windows-1251': ['cp1251', 'windows-1251', 'x-cp1251'],
  'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
                   'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1',
                   'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252',
                   'x-cp1252'],
  'windows-1253': ['cp1253', 'windows-1253', 'x-cp1253'],
  'windows-1254': ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9',
                   'iso88599', 'iso_8859-9', 'iso_8859-9:1989', 'l5', 'latin5',
                   'windows-1254', 'x-cp1254'],
  'windows-1255': ['cp1255', 'windows-1255', 'x-cp1255'],
  'windows-1256': ['cp1256', 'windows-1256', 'x-cp1256'],
  'windows-1257': ['cp1257', 'windows-1257', 'x-cp1257'],
  'windows-1258': ['cp1258', 'windows-1258', 'x-cp1258'],
  'x-mac-cyrillic': ['x-mac-cyrillic', 'x-mac-ukrainian'],
  'gbk': ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk',
          'iso-ir-58', 'x-gbk'],
  'gb18030': ['gb18030'],
  'big5': ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  'euc-jp': ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp'],
  'iso-2022-jp': ['csiso2022jp', 'iso-2022-jp'],
  'shift_jis': ['csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis',
                'windows-31j', 'x-sjis'],
  'euc-kr': ['cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987',
             'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949'],
  'utf-16be': ['unicodefffe', 'utf-16be'],
  'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16',
               'utf-16le'],
  'x-user-defined': ['x-user-defined'],
  'replacement': ['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr',
                  'replacement'],
};

let labelMap;
function getEncodingFromLabel(label) {
  if (labelMap === undefined) {
    labelMap = new Map();
    for (const name of Object.keys(encodingLabels)) {
      for (const l of encodingLabels[name]) labelMap.set(l, name);
    }
  }
  // Only ASCII whitespace is trimmed, and only ASCII letters are lowercased.
  const trimmed = `${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  const key = trimmed.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  return labelMap.get(key);
}

const supportedDecoders = new Set(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);

let inspectFn;
function lazyInspect(obj, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(obj, opts);
}

function constructorOf(obj) {
  while (obj) {
    const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
      return desc.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true) throw new ERR_INVALID_THIS('TextEncoder');
}

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true) throw new ERR_INVALID_THIS('TextDecoder');
}

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return binding.fromString(`${input}`, kUtf8);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    validateString(src, 'src');
    if (!dest || getTypedArrayTag.call(dest) !== 'Uint8Array') {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    return binding.encodeInto(src, dest);
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = constructorOf(this);
    const obj = { __proto__: { constructor: ctor === null ? TextEncoder : ctor } };
    obj.encoding = this.encoding;
    return lazyInspect(obj, opts);
  }
}

Object.defineProperties(TextEncoder.prototype, {
  encode: { __proto__: null, enumerable: true },
  encodeInto: { __proto__: null, enumerable: true },
  encoding: { __proto__: null, enumerable: true },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'TextEncoder' },
});

const emptyBytes = new Uint8Array(0);

// windows-1252 differs from ISO-8859-1 in 0x80-0x9F.
const windows1252High = [
  0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
  0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
];

function mapWindows1252(ch) {
  return String.fromCharCode(windows1252High[ch.charCodeAt(0) - 0x80]);
}

function concatBytes(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function invalidData(decoder) {
  decoder[kPending] = undefined;
  decoder[kBOMSeen] = false;
  return new ERR_ENCODING_INVALID_ENCODED_DATA(decoder[kEncoding], undefined);
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = undefined) {
    encoding = `${encoding}`;
    if (options !== undefined && options !== null &&
        typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined || !supportedDecoders.has(enc)) {
      throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    }
    let flags = 0;
    if (options != null) {
      if (options.fatal) flags |= CONVERTER_FLAGS_FATAL;
      if (options.ignoreBOM) flags |= CONVERTER_FLAGS_IGNORE_BOM;
    }
    this[kDecoder] = true;
    this[kFlags] = flags;
    this[kHandle] = undefined;
    this[kEncoding] = enc;
    this[kFatal] = (flags & CONVERTER_FLAGS_FATAL) !== 0;
    this[kIgnoreBOM] = (flags & CONVERTER_FLAGS_IGNORE_BOM) !== 0;
    this[kBOMSeen] = false;
    this[kPending] = undefined;
    this[kStreamed] = false;
  }

  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  }

  get fatal() {
    validateDecoder(this);
    return this[kFatal];
  }

  get ignoreBOM() {
    validateDecoder(this);
    return this[kIgnoreBOM];
  }

  decode(input = emptyBytes, options = undefined) {
    validateDecoder(this);
    let bytes;
    if (isAnyArrayBuffer(input)) {
      try {
        bytes = new Uint8Array(input);
      } catch {
        bytes = emptyBytes;
      }
    } else if (ArrayBuffer.isView(input)) {
      bytes = getTypedArrayTag.call(input) === 'Uint8Array' ? input :
        new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    } else {
      throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
    }
    if (options !== undefined && options !== null &&
        typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const stream = options != null && Boolean(options.stream);
    const enc = this[kEncoding];

    if (enc === 'windows-1252') {
      if (bytes.length === 0) return '';
      const str = binding.slice(bytes, 0, bytes.length, kLatin1);
      // Node decodes ISO-8859-1 in one-shot calls, but windows-1252 once the
      // decoder has been used for streaming.
      if (stream) this[kStreamed] = true;
      return this[kStreamed] ? str.replace(/[\x80-\x9f]/g, mapWindows1252) : str;
    }

    if (this[kPending] !== undefined) {
      bytes = concatBytes(this[kPending], bytes);
      this[kPending] = undefined;
    }
    let end = bytes.length;
    let result;
    if (enc === 'utf-8') {
      if (stream) {
        const tail = binding.utf8Tail(bytes);
        if (tail > 0) {
          end -= tail;
          this[kPending] = bytes.slice(end);
        }
      }
      result = binding.decodeUtf8(bytes, 0, end, this[kFatal]);
      if (result === null) throw invalidData(this);
    } else {
      const bigEndian = enc === 'utf-16be';
      let odd = false;
      if (stream) {
        let keep = end % 2;
        // Hold back the first half of a surrogate pair too.
        if (end - keep >= 2) {
          const hi = bigEndian ? bytes[end - keep - 2] : bytes[end - keep - 1];
          if ((hi & 0xFC) === 0xD8) keep += 2;
        }
        if (keep > 0) {
          end -= keep;
          this[kPending] = bytes.slice(end);
        }
      } else if (end % 2 === 1) {
        odd = true;
      }
      result = binding.decodeUtf16(bytes, 0, end, this[kFatal], bigEndian);
      if (result === null || (odd && this[kFatal])) throw invalidData(this);
      if (odd) result += '\ufffd';
    }

    if (!this[kIgnoreBOM] && !this[kBOMSeen] && result.length > 0) {
      if (result.charCodeAt(0) === 0xFEFF) result = result.slice(1);
      this[kBOMSeen] = true;
    }
    if (!stream) {
      this[kBOMSeen] = false;
      this[kPending] = undefined;
    }
    return result;
  }

  [customInspectSymbol](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = constructorOf(this) || TextDecoder;
    const obj = { __proto__: { constructor: ctor } };
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    if (opts && opts.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    // Node names the class itself and inspects the fields with default options.
    return `${ctor.name} ${lazyInspect(obj)}`;
  }
}

Object.defineProperties(TextDecoder.prototype, {
  decode: { __proto__: null, enumerable: true },
  encoding: { __proto__: null, enumerable: true },
  fatal: { __proto__: null, enumerable: true },
  ignoreBOM: { __proto__: null, enumerable: true },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'TextDecoder' },
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
