'use strict';
// fs/promises: the promise API and FileHandle, over the callback form of internalBinding('fs').

const binding = internalBinding('fs');
const {
  codes: {
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
  AbortError,
} = require('internal/errors');
const {
  kValidateObjectAllowNullable,
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
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
  validateStringAfterArrayBufferView,
  wantsBufferNames,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const EventEmitter = require('events');
const {
  dataCloneError, kDeserialize, kTransfer, kTransferMode,
} = require('internal/structured_clone');

const { F_OK, O_SYMLINK, O_WRONLY, S_IFMT, S_IFDIR } = constants;

const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');
const kLocked = Symbol('kLocked');

// Calls a binding function with a completion callback and returns its promise.
function call(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, result) => {
      if (err) reject(err);
      else resolve(result);
    });
  });
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

function isUtf8(encoding) {
  return encoding == null || encoding === 'utf8' || encoding === 'utf-8';
}

let registry;
function closeRegistry() {
  if (registry === undefined && typeof FinalizationRegistry === 'function') {
    registry = new FinalizationRegistry((fd) => {
      binding.close(fd, () => {});
      process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
      process.emitWarning(
        'Closing a FileHandle object on garbage collection is deprecated. ' +
        'Please close FileHandle objects explicitly using ' +
        'FileHandle.prototype.close(). In the future, an error will be ' +
        'thrown if a file descriptor is closed during garbage collection.',
        'DeprecationWarning', 'DEP0137');
    });
  }
  return registry;
}

class FileHandle extends EventEmitter {
  close = () => {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      registry?.unregister(this);
      this[kClosePromise] = call(binding.close, fd).finally(() => {
        this[kClosePromise] = undefined;
      });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = undefined;
        this[kCloseReject] = undefined;
        this[kCloseResolve] = undefined;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  };

  // fd undefined: an empty handle a transfer fills ([kDeserialize]).
  constructor(fd = -1) {
    super();
    this[kFd] = fd;
    this[kRefs] = fd === -1 ? 0 : 1;
    this[kClosePromise] = null;
    this[kLocked] = false;
    if (fd !== -1) closeRegistry()?.register(this, fd, this);
  }

  getAsyncId() {
    return this[kFd];
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall(writeFileHandle, this, data, options, true);
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFileHandle, this, options);
  }

  readLines(options = undefined) {
    const { createInterface } = require('readline');
    return createInterface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFileHandle, this, data, options, false);
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  readableWebStream(options = kEmptyObject) {
    if (this[kFd] === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
    this[kLocked] = true;
    const handle = this;
    let ended = false;
    const { ReadableStream } = globalThis;
    return new ReadableStream({
      type: 'bytes',
      async pull(controller) {
        const buf = new Uint8Array(65536);
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) {
          ended = true;
          handle[kLocked] = false;
          controller.close();
          return;
        }
        controller.enqueue(buf.subarray(0, bytesRead));
      },
      cancel() {
        if (!ended) handle[kLocked] = false;
      },
    }, options);
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  [kRef]() {
    this[kRefs]++;
  }

  // postMessage(handle, [handle]): the descriptor moves to the clone (in
  // another thread, the receiving one), this handle ends with fd -1 and no
  // 'close'. Not while an operation or a stream holds it, or it is closing.
  [kTransfer]() {
    // A closed handle has nothing to move (node); one moved already neither.
    if (this[kFd] === -1) throw dataCloneError('Cannot clone object of unsupported type.');
    if (this[kClosePromise] || this[kRefs] > 1) {
      throw dataCloneError('Cannot transfer FileHandle while in use');
    }
    return { data: { fd: detachFd(this) }, deserializeInfo: 'internal/fs/promises:FileHandle' };
  }

  [kDeserialize]({ fd }) {
    this[kFd] = fd;
    this[kRefs] = fd === -1 ? 0 : 1;
    if (fd !== -1) closeRegistry()?.register(this, fd, this);
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      registry?.unregister(this);
      call(binding.close, fd).then(this[kCloseResolve], this[kCloseReject]);
    }
  }
}

// Takes the descriptor away from handle (which then counts as closed without
// closing it) and returns it.
function detachFd(handle) {
  const fd = handle[kFd];
  handle[kFd] = -1;
  handle[kRefs] = 0;
  registry?.unregister(handle);
  return fd;
}

// Transferable only (a FileHandle without the transfer list throws
// ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST).
Object.defineProperty(FileHandle.prototype, kTransferMode, {
  __proto__: null, value: 2, writable: false, enumerable: false, configurable: true,
});

async function fsCall(fn, handle, ...args) {
  if (!(handle instanceof FileHandle)) {
    throw new ERR_INTERNAL_ASSERTION('handle must be an instance of FileHandle');
  }
  if (handle.fd === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRef]();
    return await fn(handle, ...args);
  } finally {
    handle[kUnref]();
  }
}

function checkHandle(handle) {
  if (!(handle instanceof FileHandle)) {
    throw new ERR_INVALID_ARG_TYPE('filehandle', 'FileHandle', handle);
  }
  return handle;
}

// ---- FileHandle operations ----

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  return call(binding.fchmod, handle.fd, mode);
}

async function fchown(handle, uid, gid) {
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  return call(binding.fchown, handle.fd, uid, gid);
}

async function fdatasync(handle) {
  return call(binding.fdatasync, handle.fd);
}

async function fsync(handle) {
  return call(binding.fsync, handle.fd);
}

async function fstat(handle, options = { bigint: false }) {
  return getStatsFromBinding(await call(binding.fstat, handle.fd, options.bigint));
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  return call(binding.ftruncate, handle.fd, len);
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  return call(binding.futimes, handle.fd, atime, mtime);
}

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    // read(params)
    if (bufferOrParams !== undefined) {
      validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    }
    ({
      buffer = lazyBuffer().alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }

  if (offset !== null && typeof offset === 'object') {
    // read(buffer, options)
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offset);
  }

  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }

  length ??= buffer.byteLength - offset;

  if (length === 0) return { __proto__: null, bytesRead: length, buffer };

  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }

  validateOffsetLengthRead(offset, length, buffer.byteLength);

  if (position == null) {
    position = -1;
  } else {
    validatePosition(position, 'position', length);
  }

  const bytesRead = (await call(binding.read, handle.fd, buffer, offset, length, position)) || 0;
  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  const bytesRead = (await call(binding.readv, handle.fd, buffers, position)) || 0;
  return { __proto__: null, bytesRead, buffers };
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };

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
    const bytesWritten =
      (await call(binding.write, handle.fd, buffer, offset, length, position)) || 0;
    return { __proto__: null, bytesWritten, buffer };
  }

  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const pos = typeof offset === 'number' ? offset : null;
  let bytesWritten;
  if (isUtf8(length)) {
    bytesWritten = (await call(binding.writeString, handle.fd, buffer, pos)) || 0;
  } else {
    const buf = lazyBuffer().from(buffer, length);
    bytesWritten = (await call(binding.write, handle.fd, buf, 0, buf.byteLength, pos)) || 0;
  }
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const bytesWritten = (await call(binding.writev, handle.fd, buffers, position)) || 0;
  return { __proto__: null, bytesWritten, buffers };
}

function readResult(data, encoding) {
  if (typeof data === 'string') return data;
  const buf = toBuffer(data);
  return encoding ? buf.toString(encoding) : buf;
}

async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  const signal = options.signal;
  checkAborted(signal);
  const encoding = options.encoding;
  const data = await call(binding.readFile, handle.fd, 0, isUtf8Encoding(encoding));
  checkAborted(signal);
  return readResult(data, encoding);
}

function isUtf8Encoding(encoding) {
  return encoding === 'utf8' || encoding === 'utf-8';
}

function isIterable(obj) {
  return obj != null && (typeof obj[Symbol.iterator] === 'function' ||
                         typeof obj[Symbol.asyncIterator] === 'function');
}

function checkWriteData(data) {
  if (isArrayBufferView(data) || typeof data === 'string') return;
  if (isIterable(data)) return;
  throw new ERR_INVALID_ARG_TYPE(
    'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// Writes an iterable's chunks in order to fd.
async function writeIterable(fd, data, encoding, signal) {
  checkAborted(signal);
  for await (const chunk of data) {
    checkAborted(signal);
    let buf = chunk;
    if (typeof chunk === 'string') {
      buf = lazyBuffer().from(chunk, encoding || 'utf8');
    } else if (!isArrayBufferView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE(
        'write', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    let off = 0;
    while (off < buf.byteLength) {
      const n = await call(binding.write, fd, buf, off, buf.byteLength - off, null);
      off += n;
    }
  }
}

function writeData(data, encoding) {
  if (typeof data === 'string' && !isUtf8(encoding)) return lazyBuffer().from(data, encoding);
  return data;
}

async function writeFileHandle(handle, data, options, append) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: append ? 'a' : 'w' });
  checkWriteData(data);
  const signal = options.signal;
  checkAborted(signal);
  if (isArrayBufferView(data) || typeof data === 'string') {
    validateStringOrView(data);
    await call(binding.writeFile, handle.fd, writeData(data, options.encoding), 0, 0, false);
    checkAborted(signal);
    return;
  }
  await writeIterable(handle.fd, data, options.encoding, signal);
}

function validateStringOrView(data) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

// ---- the module functions ----

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  return call(binding.access, path, mode);
}

async function exists(path) {
  try {
    await access(path, F_OK);
    return true;
  } catch {
    return false;
  }
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  return call(binding.copyFile, src, dest, mode);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await call(binding.open, path, flagsNumber, mode));
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call(binding.rename, oldPath, newPath);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(ftruncate(fd, len), fd.close);
}

// Runs fileOpPromise, then closes; the first error wins (the op's before the close's).
async function handleFdClose(fileOpPromise, closeFunc) {
  let result;
  try {
    result = await fileOpPromise;
  } catch (opError) {
    try {
      await closeFunc();
    } catch (closeError) {
      throw new AggregateError([opError, closeError], opError.message);
    }
    throw opError;
  }
  await closeFunc();
  return result;
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = await new Promise((resolve, reject) => {
    validateRmOptions(path, options, false, (err, opts) => {
      if (err) reject(err);
      else resolve(opts);
    });
  });
  return call(binding.rmrf, path);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    const opts = await new Promise((resolve, reject) => {
      validateRmOptions(path, { ...options, force: false }, true, (err, o) => {
        if (err === false) resolve(false);
        else if (err) reject(err);
        else resolve(o);
      });
    });
    if (opts !== false) return call(binding.rmrf, path);
  } else {
    validateRmdirOptions(options);
  }
  return call(binding.rmdir, path);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') {
    options = { mode: options };
  }
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  return call(binding.mkdir, path, parseFileMode(mode, 'mode', 0o777), recursive);
}

async function readdirRecursive(basePath, options) {
  const pathModule = require('path');
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const wantBuf = wantsBufferNames(encoding);
  const results = [];
  const queue = [basePath];
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    const listing = normalizeListing(await call(binding.readdir, dir, wantBuf, withFileTypes),
                                     withFileTypes);
    if (withFileTypes) {
      const [names, types] = listing;
      encodeNames(names, encoding);
      for (let k = 0; k < names.length; k++) {
        const dirent = getDirent(dir, names[k], types[k]);
        results.push(dirent);
        if (dirent.isDirectory()) queue.push(pathModule.join(dir, String(names[k])));
      }
    } else {
      encodeNames(listing, encoding);
      for (let k = 0; k < listing.length; k++) {
        const full = pathModule.join(dir, String(listing[k]));
        results.push(pathModule.relative(basePath, full));
        const st = binding.stat(full, false, undefined, false);
        if (st !== undefined && (st[1] & S_IFMT) === S_IFDIR) queue.push(full);
      }
    }
  }
  return results;
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return readdirRecursive(path, options);
  const result = normalizeListing(
    await call(binding.readdir, path, wantsBufferNames(options.encoding),
               !!options.withFileTypes),
    !!options.withFileTypes);
  if (options.withFileTypes) {
    encodeNames(result[0], options.encoding);
    return getDirents(path, result, options.encoding);
  }
  return encodeNames(result, options.encoding);
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const encoding = options.encoding;
  return encodePath(await call(binding.readlink, path, wantsBufferNames(encoding)), encoding);
}

async function symlink(target, path, type) {
  type = typeof type === 'string' ? type : null;
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return call(binding.symlink, target, path, stringToSymlinkType(type));
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await call(binding.lstat, path, options.bigint));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await call(binding.stat, path, options.bigint));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(await call(binding.statfs, path, options.bigint));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call(binding.link, existingPath, newPath);
}

async function unlink(path) {
  path = getValidatedPath(path);
  return call(binding.unlink, path);
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return call(binding.chmod, path, mode);
}

async function lchmod(path, mode) {
  if (O_SYMLINK === undefined) throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
  const fd = await open(path, O_WRONLY | O_SYMLINK);
  return handleFdClose(fchmod(fd, mode), fd.close);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  return call(binding.lchown, path, uid, gid);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  checkUid(uid, 'uid');
  checkUid(gid, 'gid');
  return call(binding.chown, path, uid, gid);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call(binding.utimes, path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call(binding.lutimes, path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

async function realpath(path, options) {
  options = getOptions(options);
  path = toPathIfFileURL(path);
  if (typeof path !== 'string') path += '';
  validatePath(path);
  const encoding = options.encoding;
  return encodePath(await call(binding.realpath, path, wantsBufferNames(encoding)), encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  const encoding = options.encoding;
  return encodePath(await call(binding.mkdtemp, prefix, wantsBufferNames(encoding)), encoding);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  checkWriteData(data);
  if (path instanceof FileHandle) return writeFileHandle(path, data, options, false);
  const signal = options.signal;
  checkAborted(signal);
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (isArrayBufferView(data) || typeof data === 'string') {
    await call(binding.writeFile, path, writeData(data, options.encoding), flags, mode, flush);
    checkAborted(signal);
    return;
  }
  const fd = await call(binding.open, path, flags, mode);
  let err;
  try {
    await writeIterable(fd, data, options.encoding, signal);
    if (flush) await call(binding.fsync, fd);
  } catch (e) {
    err = e;
  }
  await call(binding.close, fd);
  if (err) throw err;
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return readFileHandle(path, options);
  const signal = options.signal;
  checkAborted(signal);
  path = getValidatedPath(path);
  const encoding = options.encoding;
  const data = await call(binding.readFile, path, stringToFlags(flag), isUtf8Encoding(encoding));
  checkAborted(signal);
  return readResult(data, encoding);
}

async function opendir(path, options) {
  return require('internal/fs/dir').opendirPromise(path, options);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cp(src, dest, options);
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchPromise(filename, options);
}

function glob(pattern, options) {
  return require('internal/fs/glob').globAsync(pattern, options);
}

const exportsObject = {
  access,
  copyFile,
  cp,
  glob,
  open,
  opendir,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  watch,
  constants,
};

module.exports = {
  exports: exportsObject,
  FileHandle,
  detachFd,
  kRef,
  kUnref,
  checkHandle,
  exists,
  getValidatedFd,
  validateAbortSignal,
  ERR_INVALID_ARG_TYPE,
};
