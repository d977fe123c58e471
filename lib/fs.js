'use strict';
// node:fs — the synchronous and callback APIs over internalBinding('fs').

const binding = internalBinding('fs');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
  },
  AbortError,
} = require('internal/errors');
const {
  kValidateObjectAllowNullable,
  parseFileMode,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  checkUid,
  constants,
  copyObject,
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
  kEmptyObject,
  lazyBuffer,
  normalizeListing,
  stringToFlags,
  stringToSymlinkType,
  toBuffer,
  toPathIfFileURL,
  toUnixTimestamp,
  validateBufferArray,
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
} = require('internal/fs/utils');

const { F_OK, O_WRONLY, O_SYMLINK, S_IFMT, S_IFDIR } = constants;

const { customPromisifyArgs: kCustomPromisifyArgs } = require('internal/util');

let pathModule;
function lazyPath() {
  if (pathModule === undefined) pathModule = require('path');
  return pathModule;
}

function isFd(v) {
  return v === (v | 0);
}

// ---- callbacks ----

// The user's callback, called with `this` undefined like Node's.
// I/O callbacks run in the async context (AsyncLocalStorage store, domain)
// that was current when the request was made, as in node.
let asyncContext;
function inCallerContext(cb) {
  asyncContext ??= require('internal/async_context');
  return asyncContext.bindLoopCallback(cb);
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  cb = inCallerContext(cb);
  return (...args) => Reflect.apply(cb, undefined, args);
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return inCallerContext(cb);
}

function makeStatsCallback(cb) {
  validateFunction(cb, 'cb');
  cb = inCallerContext(cb);
  return (err, stats) => {
    if (err) return cb(err);
    cb(err, getStatsFromBinding(stats));
  };
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function checkAborted(signal, callback) {
  if (signal?.aborted) {
    callback(new AbortError(undefined, { cause: signal.reason }));
    return true;
  }
  return false;
}

// ---- access / exists ----

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  callback = makeCallback(callback);
  binding.access(path, mode, callback);
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  binding.access(path, mode);
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  function suppressedCallback(err) {
    callback(!err);
  }
  try {
    access(path, F_OK, suppressedCallback);
  } catch {
    return callback(false);
  }
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
  enumerable: false,
  writable: false,
  configurable: true,
});

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.exists(path);
}

// ---- open / close ----

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  binding.open(path, flagsNumber, mode, callback);
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return binding.open(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  path = getValidatedPath(path);
  return Promise.resolve(require('internal/blob').createFileBackedBlob(path, type));
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  binding.close(fd, callback);
}

function closeSync(fd) {
  fd = getValidatedFd(fd);
  binding.close(fd);
}

// ---- read ----

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // read(fd, buffer, options, callback)
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      // read(fd, bufferOrParams, callback)
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = lazyBuffer().alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      // read(fd, callback)
      callback = buffer;
      buffer = lazyBuffer().alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null,
    } = params ?? kEmptyObject);
  }

  validateBuffer(buffer);
  callback = maybeCallback(callback);

  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }

  length |= 0;

  if (length === 0) {
    return process.nextTick(function tick() {
      callback(null, 0, buffer);
    });
  }

  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }

  validateOffsetLengthRead(offset, length, buffer.byteLength);

  if (position == null) {
    position = -1;
  } else {
    validatePosition(position, 'position', length);
  }

  function wrapper(err, bytesRead) {
    callback(err, bytesRead || 0, buffer);
  }
  binding.read(fd, buffer, offset, length, position, wrapper);
}
Object.defineProperty(read, kCustomPromisifyArgs,
                      { value: ['bytesRead', 'buffer'], enumerable: false });

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);

  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? kEmptyObject);
  }

  if (offset === undefined) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }

  length |= 0;

  if (length === 0) return 0;

  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }

  validateOffsetLengthRead(offset, length, buffer.byteLength);

  if (position == null) {
    position = -1;
  } else {
    validatePosition(position, 'position', length);
  }

  return binding.read(fd, buffer, offset, length, position);
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback || position);
  if (typeof position !== 'number') position = null;
  binding.readv(fd, buffers, position, (err, n) => callback(err, n || 0, buffers));
}
Object.defineProperty(readv, kCustomPromisifyArgs,
                      { value: ['bytesRead', 'buffers'], enumerable: false });

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return binding.readv(fd, buffers, position);
}

// ---- write ----

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  function wrapper(err, written) {
    callback(err, written || 0, buffer);
  }

  fd = getValidatedFd(fd);

  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    callback = maybeCallback(callback || position || length || offset);

    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }

    if (offset == null || typeof offset === 'function') {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return binding.write(fd, buffer, offset, length, position, wrapper);
  }

  validateStringAfterArrayBufferView(buffer, 'buffer');

  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }

  const str = buffer;
  validateEncoding(str, length);
  callback = maybeCallback(position);
  writeStringTo(fd, str, offset, length, wrapper);
}
Object.defineProperty(write, kCustomPromisifyArgs,
                      { value: ['bytesWritten', 'buffer'], enumerable: false });

function isUtf8(encoding) {
  return encoding == null || encoding === 'utf8' || encoding === 'utf-8' ||
    encoding === 'UTF8' || encoding === 'UTF-8';
}

function writeStringTo(fd, str, position, encoding, req) {
  if (typeof position !== 'number') position = null;
  if (isUtf8(encoding)) return binding.writeString(fd, str, position, req);
  const buf = lazyBuffer().from(str, encoding);
  return binding.write(fd, buf, 0, buf.byteLength, position, req);
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return binding.write(fd, buffer, offset, length, position);
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  if (offset === undefined) offset = null;
  return writeStringTo(fd, buffer, offset, length);
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback || position);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  if (typeof position !== 'number') position = null;
  binding.writev(fd, buffers, position, (err, n) => callback(err, n || 0, buffers));
}
Object.defineProperty(writev, kCustomPromisifyArgs,
                      { value: ['bytesWritten', 'buffer'], enumerable: false });

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return binding.writev(fd, buffers, position);
}

// ---- readFile / writeFile / appendFile ----

function readFileResult(u8, encoding) {
  if (typeof u8 === 'string') return u8;
  const buf = toBuffer(u8);
  return encoding ? buf.toString(encoding) : buf;
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  const isUserFd = isFd(path);
  const target = isUserFd ? path : getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const encoding = options.encoding;
  const signal = options.signal;
  if (checkAborted(signal, callback)) return;
  const utf8 = encoding === 'utf8' || encoding === 'utf-8';
  binding.readFile(target, flags, utf8, (err, data) => {
    if (signal?.aborted) {
      callback(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    if (err) {
      callback(err);
      return;
    }
    let result;
    try {
      result = readFileResult(data, encoding);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, result);
  });
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const isUserFd = isFd(path);
  const target = isUserFd ? path : getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const encoding = options.encoding;
  if (encoding === 'utf8' || encoding === 'utf-8') {
    return binding.readFile(target, flags, true);
  }
  return readFileResult(binding.readFile(target, flags, false), encoding);
}

// Data for writeFile: a view, or a string converted unless it is UTF-8 (the binding does that).
function writeFileData(data, encoding) {
  if (isArrayBufferView(data)) return data;
  validateStringAfterArrayBufferView(data, 'data');
  if (isUtf8(encoding)) return data;
  return lazyBuffer().from(data, encoding);
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  data = writeFileData(data, options.encoding);
  const signal = options.signal;
  const isUserFd = isFd(path);
  const target = isUserFd ? path : getValidatedPath(path);
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (checkAborted(signal, callback)) return;
  if (flush) {
    writeFileFlushed(target, isUserFd, data, flags, mode, signal, callback);
    return;
  }
  binding.writeFile(target, data, flags, mode, false, (err) => {
    if (signal?.aborted) {
      callback(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    callback(err || null);
  });
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  data = writeFileData(data, options.encoding);
  const isUserFd = isFd(path);
  const target = isUserFd ? path : getValidatedPath(path);
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (!flush) {
    binding.writeFile(target, data, flags, mode, false);
    return;
  }
  // With flush, the steps go through the module's own functions, as in node
  // (so a mocked fs.fsyncSync sees the call).
  const fd = isUserFd ? target : module.exports.openSync(target, flags, mode);
  try {
    const buf = typeof data === 'string' ? lazyBuffer().from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.byteLength) off += module.exports.writeSync(fd, buf, off, buf.byteLength - off);
    module.exports.fsyncSync(fd);
  } finally {
    if (!isUserFd) module.exports.closeSync(fd);
  }
}

function writeFileFlushed(target, isUserFd, data, flags, mode, signal, callback) {
  const fs = module.exports;
  const buf = typeof data === 'string' ? lazyBuffer().from(data, 'utf8') : data;
  const finish = (fd, err) => {
    if (isUserFd) return callback(err || null);
    fs.close(fd, (err2) => callback(err || err2 || null));
  };
  const withFd = (fd) => {
    let off = 0;
    const step = () => {
      if (signal?.aborted) return finish(fd, new AbortError(undefined, { cause: signal.reason }));
      if (off >= buf.byteLength) {
        fs.fsync(fd, (err) => finish(fd, err));
        return;
      }
      fs.write(fd, buf, off, buf.byteLength - off, null, (err, n) => {
        if (err) return finish(fd, err);
        off += n;
        step();
      });
    };
    step();
  };
  if (isUserFd) withFd(target);
  else fs.open(target, flags, mode, (err, fd) => (err ? callback(err) : withFd(fd)));
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFile(path, data, options, callback);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options);
}

// ---- stat ----

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  fd = getValidatedFd(fd);
  callback = makeStatsCallback(callback);
  binding.fstat(fd, options.bigint, callback);
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  return getStatsFromBinding(binding.fstat(fd, options.bigint));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeStatsCallback(callback);
  path = getValidatedPath(path);
  binding.lstat(path, options.bigint, callback);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const stats = binding.lstat(path, options.bigint, undefined, options.throwIfNoEntry);
  if (stats === undefined) return undefined;
  return getStatsFromBinding(stats);
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeStatsCallback(callback);
  path = getValidatedPath(path);
  binding.stat(path, options.bigint, callback);
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const stats = binding.stat(path, options.bigint, undefined, options.throwIfNoEntry);
  if (stats === undefined) return undefined;
  return getStatsFromBinding(stats);
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.statfs(path, options.bigint, (err, v) => {
    if (err) return callback(err);
    callback(null, getStatFsFromBinding(v));
  });
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(binding.statfs(path, options.bigint));
}

// ---- directories ----

function mkdirArgs(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  return { mode, recursive };
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = mkdirArgs(options);
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  binding.mkdir(path, mode, recursive, callback);
}

function mkdirSync(path, options) {
  const { mode, recursive } = mkdirArgs(options);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const result = binding.mkdir(path, mode, recursive);
  if (recursive) return result;
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  const encoding = options.encoding;
  binding.mkdtemp(prefix, wantsBufferNames(encoding), (err, p) => {
    if (err) return callback(err);
    callback(null, encodePath(p, encoding));
  });
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  const encoding = options.encoding;
  return encodePath(binding.mkdtemp(prefix, wantsBufferNames(encoding)), encoding);
}

function readdirResult(path, result, options) {
  if (options.withFileTypes) {
    encodeNames(result[0], options.encoding);
    return getDirents(path, result, options.encoding);
  }
  return encodeNames(result, options.encoding);
}

// Breadth-first recursive listing, with paths relative to basePath.
function readdirSyncRecursive(basePath, options) {
  const path = lazyPath();
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const wantBuf = wantsBufferNames(encoding);
  const results = [];
  const queue = [basePath];
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    const listing = normalizeListing(binding.readdir(dir, wantBuf, withFileTypes),
                                     withFileTypes);
    if (withFileTypes) {
      const [names, types] = listing;
      encodeNames(names, encoding);
      for (let k = 0; k < names.length; k++) {
        const dirent = getDirent(dir, names[k], types[k]);
        results.push(dirent);
        if (dirent.isDirectory()) {
          queue.push(typeof dir === 'string' && typeof names[k] === 'string' ?
            path.join(dir, names[k]) : lazyJoin(dir, names[k]));
        }
      }
    } else {
      encodeNames(listing, encoding);
      for (let k = 0; k < listing.length; k++) {
        const full = typeof listing[k] === 'string' ?
          path.join(dir, listing[k]) : lazyJoin(dir, listing[k]);
        const rel = typeof full === 'string' ? path.relative(basePath, full) : full;
        results.push(rel);
        const st = binding.stat(full, false, undefined, false);
        if (st !== undefined && (st[1] & S_IFMT) === S_IFDIR) queue.push(full);
      }
    }
  }
  return results;
}

function lazyJoin(dir, name) {
  return require('internal/fs/utils').joinPath(dir, name);
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    // Run the (synchronous) recursive walk off the current tick, reporting like the async API.
    binding.access(path, F_OK, (err) => {
      if (err) {
        binding.readdir(path, false, false, (e) => callback(e || err));
        return;
      }
      let result;
      try {
        result = readdirSyncRecursive(path, options);
      } catch (e) {
        callback(e);
        return;
      }
      callback(null, result);
    });
    return;
  }
  binding.readdir(path, wantsBufferNames(options.encoding), !!options.withFileTypes,
                  (err, result) => {
                    if (err) return callback(err);
                    let out;
                    try {
                      out = readdirResult(path, normalizeListing(result, !!options.withFileTypes),
                                          options);
                    } catch (e) {
                      return callback(e);
                    }
                    callback(null, out);
                  });
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return readdirSyncRecursive(path, options);
  const result = normalizeListing(binding.readdir(path, wantsBufferNames(options.encoding),
                                                 !!options.withFileTypes),
                                  !!options.withFileTypes);
  return readdirResult(path, result, options);
}

let rmdirRecursiveWarned = false;
function emitRecursiveRmdirWarning() {
  if (!rmdirRecursiveWarned) {
    rmdirRecursiveWarned = true;
    process.emitWarning(
      'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
      'DeprecationWarning', 'DEP0147');
  }
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmOptions(path, { ...options, force: false }, true, (err, opts) => {
      if (err === false) return binding.rmdir(path, callback);
      if (err) return callback(err);
      binding.rmrf(path, callback);
    });
  } else {
    validateRmdirOptions(options);
    binding.rmdir(path, callback);
  }
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    const opts = validateRmOptionsSync(path, { ...options, force: false }, true);
    if (opts !== false) return binding.rmrf(path);
  } else {
    validateRmdirOptions(options);
  }
  binding.rmdir(path);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateRmOptions(path, options, false, (err) => {
    if (err) return callback(err);
    binding.rmrf(path, callback);
  });
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  validateRmOptionsSync(path, options, false);
  binding.rmrf(path);
}

// ---- names and links ----

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.unlink(path, callback);
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  binding.unlink(path);
}

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, callback);
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, callback);
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath);
}

function symlink(target, path, type, callback) {
  type = typeof type === 'string' ? type : null;
  callback = makeCallback(arguments[arguments.length - 1]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, stringToSymlinkType(type), callback);
}

function symlinkSync(target, path, type) {
  type = typeof type === 'string' ? type : null;
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, stringToSymlinkType(type));
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const encoding = options.encoding;
  binding.readlink(path, wantsBufferNames(encoding), (err, p) => {
    if (err) return callback(err);
    callback(null, encodePath(p, encoding));
  });
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const encoding = options.encoding;
  return encodePath(binding.readlink(path, wantsBufferNames(encoding)), encoding);
}

function realpathPrepare(p) {
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  return lazyPath().resolve(p);
}

function realpathSync(p, options) {
  options = getOptions(options);
  p = realpathPrepare(p);
  const encoding = options.encoding;
  return encodePath(binding.realpathWalk(p, wantsBufferNames(encoding)), encoding);
}

realpathSync.native = function native(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const encoding = options.encoding;
  return encodePath(binding.realpath(path, wantsBufferNames(encoding)), encoding);
};

function realpath(p, options, callback) {
  callback = typeof options === 'function' ? options : maybeCallback(callback);
  options = getOptions(options);
  p = realpathPrepare(p);
  const encoding = options.encoding;
  binding.realpathWalk(p, wantsBufferNames(encoding), (err, r) => {
    if (err) return callback(err);
    callback(null, encodePath(r, encoding));
  });
}

realpath.native = function native(path, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  const encoding = options.encoding;
  binding.realpath(path, wantsBufferNames(encoding), (err, r) => {
    if (err) return callback(err);
    callback(null, encodePath(r, encoding));
  });
};

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  callback = makeCallback(callback);
  binding.copyFile(src, dest, mode, callback);
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  binding.copyFile(src, dest, mode);
}

// ---- permissions, owners, times, sizes ----

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.chmod(path, mode, callback);
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  binding.chmod(path, mode);
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.fchmod(fd, mode, callback);
}

function fchmodSync(fd, mode) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  binding.fchmod(fd, mode);
}

function lchmod(path, mode, callback) {
  validateFunction(callback, 'cb');
  mode = parseFileMode(mode, 'mode');
  fs.open(path, O_WRONLY | O_SYMLINK, (err, fd) => {
    if (err) return callback(err);
    fs.fchmod(fd, mode, (err) => {
      fs.close(fd, (err2) => callback(err || err2));
    });
  });
}

function lchmodSync(path, mode) {
  const fd = fs.openSync(path, O_WRONLY | O_SYMLINK);
  try {
    fs.fchmodSync(fd, mode);
  } finally {
    fs.closeSync(fd);
  }
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  binding.chown(path, uid, gid, callback);
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  binding.chown(path, uid, gid);
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  callback = makeCallback(callback);
  binding.fchown(fd, uid, gid, callback);
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  binding.fchown(fd, uid, gid);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  binding.lchown(path, uid, gid, callback);
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  binding.lchown(path, uid, gid);
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), callback);
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  binding.futimes(fd, atime, mtime, callback);
}

function futimesSync(fd, atime, mtime) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  binding.futimes(fd, atime, mtime);
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), callback);
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

let truncateWarn = true;
function showTruncateDeprecation() {
  if (truncateWarn) {
    process.emitWarning(
      'Using fs.truncate with a file descriptor is deprecated. Please use ' +
      'fs.ftruncate with a file descriptor instead.',
      'DeprecationWarning', 'DEP0081');
    truncateWarn = false;
  }
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = maybeCallback(callback);
  fs.open(path, 'r+', (er, fd) => {
    if (er) return callback(er);
    binding.ftruncate(fd, len, (err) => {
      fs.close(fd, (err2) => {
        callback(err || err2 || null);
      });
    });
  });
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return fs.ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  const fd = fs.openSync(path, 'r+');
  try {
    fs.ftruncateSync(fd, len);
  } finally {
    fs.closeSync(fd);
  }
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  binding.ftruncate(fd, len, callback);
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  binding.ftruncate(fd, len);
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fsync(fd, callback);
}

function fsyncSync(fd) {
  fd = getValidatedFd(fd);
  binding.fsync(fd);
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fdatasync(fd, callback);
}

function fdatasyncSync(fd) {
  fd = getValidatedFd(fd);
  binding.fdatasync(fd);
}

// ---- lazily loaded parts ----

function lazyStreams() {
  return require('internal/fs/streams');
}

function createReadStream(path, options) {
  const { ReadStream } = lazyStreams();
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  const { WriteStream } = lazyStreams();
  return new WriteStream(path, options);
}

function opendir(path, options, callback) {
  return require('internal/fs/dir').opendir(path, options, callback);
}

function opendirSync(path, options) {
  return require('internal/fs/dir').opendirSync(path, options);
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const cpModule = require('internal/fs/cp');
  const args = cpModule.prepare(src, dest, options);
  cpModule.cpPrepared(args).then(() => callback(null), callback);
}

function cpSync(src, dest, options) {
  require('internal/fs/cp').cpSync(src, dest, options);
}

function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
}

function glob(pattern, options, callback) {
  require('internal/fs/glob').glob(pattern, options, callback);
}

function globSync(pattern, options) {
  return require('internal/fs/glob').globSync(pattern, options);}

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: O_SYMLINK !== undefined ? lchmod : undefined,
  lchmodSync: O_SYMLINK !== undefined ? lchmodSync : undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent: require('internal/fs/utils').Dirent,
  // node 22: constructing Stats yourself is deprecated (DEP0180); the wrapper keeps the
  // prototype, so instanceof fs.Stats still holds for the stats fs returns.
  Stats: require('internal/util').deprecate(require('internal/fs/utils').Stats,
    'fs.Stats constructor is deprecated.', 'DEP0180'),

  get ReadStream() {
    return lazyStreams().ReadStream;
  },
  set ReadStream(val) {
    lazyStreams().ReadStream = val;
  },
  get WriteStream() {
    return lazyStreams().WriteStream;
  },
  set WriteStream(val) {
    lazyStreams().WriteStream = val;
  },
  get FileReadStream() {
    return lazyStreams().FileReadStream;
  },
  set FileReadStream(val) {
    lazyStreams().FileReadStream = val;
  },
  get FileWriteStream() {
    return lazyStreams().FileWriteStream;
  },
  set FileWriteStream(val) {
    lazyStreams().FileWriteStream = val;
  },

  _toUnixTimestamp: toUnixTimestamp,
};

Object.defineProperties(fs, {
  F_OK: { enumerable: true, value: F_OK },
  R_OK: { enumerable: true, value: constants.R_OK },
  W_OK: { enumerable: true, value: constants.W_OK },
  X_OK: { enumerable: true, value: constants.X_OK },
  constants: {
    configurable: false,
    enumerable: true,
    value: constants,
  },
  Dir: {
    enumerable: true,
    configurable: true,
    get() {
      return require('internal/fs/dir').Dir;
    },
  },
  opendir: { enumerable: true, configurable: true, writable: true, value: opendir },
  opendirSync: { enumerable: true, configurable: true, writable: true, value: opendirSync },
  glob: { enumerable: true, configurable: true, writable: true, value: glob },
  globSync: { enumerable: true, configurable: true, writable: true, value: globSync },
  promises: {
    configurable: true,
    enumerable: true,
    get() {
      return require('internal/fs/promises').exports;
    },
  },
});
