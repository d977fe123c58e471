'use strict';
// Shared pieces of fs: Stats, Dirent, flags, modes, path and argument validation.

const {
  codes: {
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  isUint32,
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
} = require('internal/validators');

const binding = internalBinding('fs');
const { constants } = binding;
const {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY,
  S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
  UV_FS_SYMLINK_DIR, UV_FS_SYMLINK_JUNCTION,
  UV_FS_COPYFILE_EXCL, UV_FS_COPYFILE_FICLONE, UV_FS_COPYFILE_FICLONE_FORCE,
  F_OK, R_OK, W_OK, X_OK,
} = constants;

const kMaxUserId = 2 ** 32 - 1;
const kIoMaxLength = 2 ** 31 - 1;
const kWriteFileMaxChunkSize = 512 * 1024;
const kReadFileBufferLength = 512 * 1024;
const kReadFileUnknownBufferLength = 64 * 1024;

let BufferCtor;
function lazyBuffer() {
  if (BufferCtor === undefined) BufferCtor = require('buffer').Buffer;
  return BufferCtor;
}

// A Uint8Array the binding made (it owns its ArrayBuffer) as a Buffer, without copying.
function toBuffer(u8) {
  return lazyBuffer().from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// ---- paths ----

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined &&
                 self.path === undefined);
}

let fileURLToPath;
function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  if (fileURLToPath === undefined) fileURLToPath = require('url').fileURLToPath;
  return fileURLToPath(fileURLOrPath);
}

const nullCheck = hideStackFrames((path, propName, throwError = true) => {
  const pathIsString = typeof path === 'string';
  const pathIsUint8Array = !pathIsString && path instanceof Uint8Array;
  if (!pathIsString && !pathIsUint8Array) return;
  if ((pathIsString && path.includes('\u0000')) ||
      (pathIsUint8Array && path.includes(0))) {
    const err = new ERR_INVALID_ARG_VALUE(
      propName, path, 'must be a string, Uint8Array, or URL without null bytes');
    if (throwError) throw err;
    return err;
  }
});

const validatePath = hideStackFrames((path, propName = 'path') => {
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
  }
  const err = nullCheck(path, propName, false);
  if (err !== undefined) throw err;
});

const getValidatedPath = hideStackFrames((fileURLOrPath, propName = 'path') => {
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName);
  return path;
});

const getValidatedFd = hideStackFrames((fd, propName = 'fd') => {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
});

// A path as a string for messages and path arithmetic.
function pathToString(path) {
  if (typeof path === 'string') return path;
  return lazyBuffer().from(path.buffer, path.byteOffset, path.byteLength).toString();
}

// ---- options ----

const kEmptyObject = Object.freeze({ __proto__: null });

const assertEncoding = hideStackFrames((encoding) => {
  if (encoding && !lazyBuffer().isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
});

const getOptions = hideStackFrames((options, defaultOptions = kEmptyObject) => {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
});

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs':
    case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+':
    case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx':
    case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+':
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax':
    case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as':
    case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+':
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+':
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

function stringToSymlinkType(type) {
  let flags = 0;
  if (typeof type === 'string') {
    switch (type) {
      case 'dir': flags |= UV_FS_SYMLINK_DIR; break;
      case 'junction': flags |= UV_FS_SYMLINK_JUNCTION; break;
      case 'file': break;
      default: throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
    }
  }
  return flags;
}

const validateOffsetLengthRead = hideStackFrames((offset, length, bufferLength) => {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
});

const validateOffsetLengthWrite = hideStackFrames((offset, length, byteLength) => {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
});

const validatePosition = hideStackFrames((position, name, length) => {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const maxPosition = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= maxPosition)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${maxPosition}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
});

const validateBufferArray = hideStackFrames((buffers, name = 'buffers') => {
  if (!Array.isArray(buffers)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (let i = 0; i < buffers.length; i++) {
    if (!ArrayBuffer.isView(buffers[i])) {
      throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
    }
  }
  return buffers;
});

const validateStringAfterArrayBufferView = hideStackFrames((buffer, name) => {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
});

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

// Data for writeFile/appendFile: a view, or a string in the given encoding.
function toWriteData(data, encoding, name = 'data') {
  if (isArrayBufferView(data)) return data;
  validateStringAfterArrayBufferView(data, name);
  return data;
}

const getValidMode = hideStackFrames((mode, type) => {
  let min = 0;
  let max = F_OK | R_OK | W_OK | X_OK;
  let def = F_OK;
  if (type === 'copyFile') {
    min = 0;
    max = UV_FS_COPYFILE_EXCL | UV_FS_COPYFILE_FICLONE | UV_FS_COPYFILE_FICLONE_FORCE;
    def = mode || 0;
  } else if (type !== 'access') {
    throw new Error(`getValidMode: unknown type ${type}`);
  }
  if (mode == null) return def;
  validateInteger(mode, 'mode', min, max);
  return mode;
});

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// ---- Stats ----

const kNsPerMsBigInt = 10n ** 6n;
const kNsPerSecBigInt = 10n ** 9n;
const kMsPerSecBigInt = 10n ** 3n;

// Number() is a real call in JavaScriptCore (about 40 ns each, four per Stats);
// the times of a Stats are numbers already, so only BigInts go through it.
function dateFromMs(ms) {
  return new Date(Math.round(typeof ms === 'number' ? ms : Number(ms)));
}

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() {
  return this._checkModeProperty(S_IFCHR);
};
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

function msFromTimeSpec(sec, nsec) {
  return sec * 1000 + nsec / 1e6;
}

function nsFromTimeSpecBigInt(sec, nsec) {
  return sec * kNsPerSecBigInt + nsec;
}

// Stats from the binding's 18 values: 10 fields, then (sec, nsec) for a/m/c/birth time.
function getStatsFromBinding(v, offset = 0) {
  if (v === undefined) return undefined;
  const o = offset;
  if (v instanceof BigInt64Array) {
    return new BigIntStats(
      v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], v[o + 8],
      v[o + 9],
      nsFromTimeSpecBigInt(v[o + 10], v[o + 11]), nsFromTimeSpecBigInt(v[o + 12], v[o + 13]),
      nsFromTimeSpecBigInt(v[o + 14], v[o + 15]), nsFromTimeSpecBigInt(v[o + 16], v[o + 17]));
  }
  return new Stats(
    v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], v[o + 8],
    v[o + 9],
    msFromTimeSpec(v[o + 10], v[o + 11]), msFromTimeSpec(v[o + 12], v[o + 13]),
    msFromTimeSpec(v[o + 14], v[o + 15]), msFromTimeSpec(v[o + 16], v[o + 17]));
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(v) {
  return new StatFs(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

// ---- Dirent ----

const kType = Symbol('type');
const kStats = Symbol('stats');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of Object.getOwnPropertyNames(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = function() { return this[kStats][name](); };
}

// The dirent type of an lstat mode (for entries the OS reported as unknown).
function direntTypeFromMode(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return UV_DIRENT_FILE;
    case S_IFDIR: return UV_DIRENT_DIR;
    case S_IFLNK: return UV_DIRENT_LINK;
    case S_IFIFO: return UV_DIRENT_FIFO;
    case S_IFSOCK: return UV_DIRENT_SOCKET;
    case S_IFCHR: return UV_DIRENT_CHAR;
    case S_IFBLK: return UV_DIRENT_BLOCK;
    default: return UV_DIRENT_UNKNOWN;
  }
}

function joinPath(dir, name) {
  const path = require('path');
  if (typeof dir === 'string' && typeof name === 'string') return path.join(dir, name);
  const Buffer = lazyBuffer();
  const d = typeof dir === 'string' ? Buffer.from(dir) : dir;
  const n = typeof name === 'string' ? Buffer.from(name) : name;
  const needSep = d.length > 0 && d[d.length - 1] !== 0x2f;
  return Buffer.concat(needSep ? [d, Buffer.from('/'), n] : [d, n]);
}

// Dirents for the binding's [names, types] of `path`; unknown types are resolved with lstat.
function getDirents(path, [names, types], encoding) {
  const out = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    let type = types[i];
    if (type === UV_DIRENT_UNKNOWN) {
      const full = joinPath(path, names[i]);
      try {
        const st = binding.lstat(full, false);
        type = direntTypeFromMode(st[1]);
      } catch {
        // Keep unknown, as Node does when lstat fails.
      }
    }
    out[i] = new Dirent(names[i], type, path);
  }
  return out;
}

function getDirent(path, name, type) {
  if (type === UV_DIRENT_UNKNOWN) {
    try {
      type = direntTypeFromMode(binding.lstat(joinPath(path, name), false)[1]);
    } catch {
      // Unknown stays unknown.
    }
  }
  return new Dirent(name, type, path);
}

// The binding lists names as one NUL-joined string (or an array of Uint8Arrays for buffer
// names); with types it returns [names, types]. This gives [names] / [[names], types].
function splitNames(names) {
  if (typeof names !== 'string') return names;
  return names === '' ? [] : names.split('\u0000');
}

function normalizeListing(raw, withTypes) {
  if (withTypes) {
    raw[0] = splitNames(raw[0]);
    return raw;
  }
  return splitNames(raw);
}

// Converts the binding's names (strings or Uint8Arrays) to the requested encoding.
function encodeNames(names, encoding) {
  if (encoding === 'buffer') {
    for (let i = 0; i < names.length; i++) names[i] = toBuffer(names[i]);
  } else if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
    for (let i = 0; i < names.length; i++) names[i] = toBuffer(names[i]).toString(encoding);
  }
  return names;
}

function wantsBufferNames(encoding) {
  return !!encoding && encoding !== 'utf8' && encoding !== 'utf-8';
}

// A path result from the binding in the requested encoding.
function encodePath(value, encoding) {
  if (value === undefined || typeof value === 'string') return value;
  const buf = toBuffer(value);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

// ---- rm / rmdir options ----

const defaultRmOptions = {
  recursive: false,
  force: false,
  retryDelay: 100,
  maxRetries: 0,
};

const defaultRmdirOptions = {
  retryDelay: 100,
  maxRetries: 0,
  recursive: false,
};

const validateRmOptionsBase = hideStackFrames((options, defaults) => {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
});

const validateRmdirOptions = hideStackFrames(
  (options, defaults = defaultRmdirOptions) => validateRmOptionsBase(options, defaults));

function rmOptionsCommon(options) {
  options = validateRmOptionsBase(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

let SystemErrorEisdir;
function makeEisdir(path) {
  // A SystemError subclass built from the registered message (the context is required).
  SystemErrorEisdir ??= require('internal/errors').makeSystemErrorWithCode('ERR_FS_EISDIR');
  return new SystemErrorEisdir({
    code: 'EISDIR',
    message: 'is a directory',
    path,
    syscall: 'rm',
    errno: 21, // os.constants.errno.EISDIR, positive as in Node
  });
}

const validateRmOptionsSync = hideStackFrames((path, options, expectDir) => {
  options = rmOptionsCommon(options);
  if (!options.force || expectDir || !options.recursive) {
    const st = binding.lstat(path, false, undefined, !options.force);
    if (st !== undefined) {
      const isDirectory = (st[1] & S_IFMT) === S_IFDIR;
      if (expectDir && !isDirectory) return false;
      if (isDirectory && !options.recursive) throw makeEisdir(pathToString(path));
    }
  }
  return options;
});

function validateRmOptions(path, options, expectDir, cb) {
  try {
    options = rmOptionsCommon(options);
  } catch (err) {
    return cb(err);
  }
  if (!options.force || expectDir || !options.recursive) {
    binding.lstat(path, false, (err, st) => {
      if (err) {
        if (options.force && err.code === 'ENOENT') return cb(null, options);
        return cb(err, options);
      }
      const isDirectory = (st[1] & S_IFMT) === S_IFDIR;
      if (expectDir && !isDirectory) return cb(false);
      if (isDirectory && !options.recursive) return cb(makeEisdir(pathToString(path)));
      return cb(null, options);
    });
    return;
  }
  process.nextTick(cb, null, options);
}

// ---- misc ----

const validateCpOptions = hideStackFrames((options) => {
  if (options === undefined) {
    return { dereference: false, errorOnExist: false, force: true, preserveTimestamps: false,
             recursive: false, verbatimSymlinks: false, mode: 0 };
  }
  validateObject(options, 'options');
  options = { dereference: false, errorOnExist: false, force: true, preserveTimestamps: false,
              recursive: false, verbatimSymlinks: false, mode: 0, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getValidMode(options.mode, 'copyFile');
  if (options.dereference === true && options.verbatimSymlinks === true) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
});

let nonPortableTemplateWarn = true;
function warnOnNonPortableTemplate(template) {
  if (nonPortableTemplateWarn && typeof template === 'string' && template.endsWith('X')) {
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
}

function checkUid(v, name) {
  validateInteger(v, name, -1, kMaxUserId);
}

module.exports = {
  assertEncoding,
  BigIntStats,
  checkUid,
  constants,
  copyObject,
  Dirent,
  DirentFromStats,
  direntTypeFromMode,
  encodeNames,
  encodePath,
  getDirent,
  getDirents,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  isArrayBufferView,
  isUint32,
  joinPath,
  kEmptyObject,
  kIoMaxLength,
  kMaxUserId,
  kReadFileBufferLength,
  kReadFileUnknownBufferLength,
  kType,
  kWriteFileMaxChunkSize,
  lazyBuffer,
  normalizeListing,
  nullCheck,
  parseFileMode,
  pathToString,
  Stats,
  StatFs,
  stringToFlags,
  stringToSymlinkType,
  toBuffer,
  toPathIfFileURL,
  toUnixTimestamp,
  toWriteData,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmdirOptions,
  validateRmOptions,
  validateRmOptionsSync,
  validateStringAfterArrayBufferView,
  wantsBufferNames,
  warnOnNonPortableTemplate,
};
