'use strict';
// fs.cp / fs.cpSync / fs/promises cp: recursive copy of files, directories and symlinks.
//
// The algorithm is written once as a generator that yields file-system operations
// ([name, ...args]); a synchronous driver runs them with the *Sync functions and an
// asynchronous one with fs/promises, so both APIs share every decision and error.

const { makeSystemErrorWithCode } = require('internal/errors');
const { getValidatedPath, validateCpOptions } = require('internal/fs/utils');
const { constants: { EEXIST, EINVAL, EISDIR, ENOTDIR } } = require('os');

let pathModule;
function lazyPath() {
  if (pathModule === undefined) pathModule = require('path');
  return pathModule;
}

const errorClasses = new Map();
function cpError(code, message, path, errno, errnoCode) {
  let Ctor = errorClasses.get(code);
  if (Ctor === undefined) {
    Ctor = makeSystemErrorWithCode(code);
    errorClasses.set(code, Ctor);
  }
  return new Ctor({ message, path, syscall: 'cp', errno, code: errnoCode });
}

function areIdentical(srcStat, destStat) {
  return destStat.ino && destStat.dev && destStat.ino === srcStat.ino &&
    destStat.dev === srcStat.dev;
}

function isSrcSubdir(src, dest) {
  const { resolve, sep } = lazyPath();
  const srcArr = resolve(src).split(sep).filter(Boolean);
  const destArr = resolve(dest).split(sep).filter(Boolean);
  return srcArr.every((cur, i) => destArr[i] === cur);
}

// Stats of p, or null when it does not exist.
function* statOrNull(p, follow) {
  try {
    return yield [follow ? 'stat' : 'lstat', p];
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

function* checkPaths(src, dest, opts) {
  if (opts.filter) {
    const include = yield ['filter', src, dest];
    if (!include) return { skipped: true };
  }
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  const destStat = yield* statOrNull(dest, opts.dereference);
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', 'src and dest cannot be the same', dest, EINVAL,
                    'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR',
                    `cannot overwrite non-directory ${dest} with directory ${src}`,
                    dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR',
                    `cannot overwrite directory ${dest} with non-directory ${src}`,
                    dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`,
                  dest, EINVAL, 'EINVAL');
  }
  return { srcStat, destStat, skipped: false };
}

// Refuses to copy src into one of its own descendants reached through dest's parents.
function* checkParentPaths(src, srcStat, dest) {
  const { dirname, resolve } = lazyPath();
  const srcParent = resolve(dirname(src));
  let destParent = resolve(dirname(dest));
  while (destParent !== srcParent && destParent !== dirname(destParent)) {
    const destStat = yield* statOrNull(destParent, true);
    if (destStat === null) return;
    if (areIdentical(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`,
                    dest, EINVAL, 'EINVAL');
    }
    destParent = dirname(destParent);
  }
}

function* copyFile(srcStat, src, dest, opts) {
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    // A read-only source must be made writable to set its times.
    if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
    const updated = yield ['stat', src];
    yield ['utimes', dest, updated.atime, updated.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* onFile(srcStat, destStat, src, dest, opts) {
  if (!destStat) return yield* copyFile(srcStat, src, dest, opts);
  if (opts.force) {
    yield ['unlink', dest];
    return yield* copyFile(srcStat, src, dest, opts);
  }
  if (opts.errorOnExist) {
    throw cpError('ERR_FS_CP_EEXIST', `${dest} already exists`, dest, EEXIST, 'EEXIST');
  }
}

function* copyDir(src, dest, opts) {
  const { join } = lazyPath();
  const names = yield ['readdir', src];
  for (const name of names) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    const { destStat, skipped } = yield* checkPaths(srcItem, destItem, opts);
    if (!skipped) yield* getStatsForCopy(destStat, srcItem, destItem, opts);
  }
}

function* onDir(srcStat, destStat, src, dest, opts) {
  if (!destStat) {
    yield ['mkdir', dest];
    yield* copyDir(src, dest, opts);
    yield ['chmod', dest, srcStat.mode];
    return;
  }
  yield* copyDir(src, dest, opts);
}

function* onLink(destStat, src, dest, opts) {
  const { dirname, isAbsolute, resolve } = lazyPath();
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) {
    resolvedSrc = resolve(dirname(src), resolvedSrc);
  }
  if (!destStat) return yield ['symlink', resolvedSrc, dest];
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    // Dest exists and is a regular file or directory.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      return yield ['symlink', resolvedSrc, dest];
    }
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolve(dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw cpError('ERR_FS_CP_EINVAL',
                  `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`,
                  dest, EINVAL, 'EINVAL');
  }
  const srcStat = yield ['stat', src];
  if (srcStat.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY',
                  `cannot overwrite ${resolvedDest} with ${resolvedSrc}`,
                  dest, EINVAL, 'EINVAL');
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

function* getStatsForCopy(destStat, src, dest, opts) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory() && opts.recursive) {
    return yield* onDir(srcStat, destStat, src, dest, opts);
  } else if (srcStat.isDirectory()) {
    throw cpError('ERR_FS_EISDIR', `${src} is a directory (not copied)`, src, EISDIR, 'EISDIR');
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    return yield* onFile(srcStat, destStat, src, dest, opts);
  } else if (srcStat.isSymbolicLink()) {
    return yield* onLink(destStat, src, dest, opts);
  } else if (srcStat.isSocket()) {
    throw cpError('ERR_FS_CP_SOCKET', `cannot copy a socket file: ${dest}`, dest, EINVAL,
                  'EINVAL');
  } else if (srcStat.isFIFO()) {
    throw cpError('ERR_FS_CP_FIFO_PIPE', `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL,
                  'EINVAL');
  }
  throw cpError('ERR_FS_CP_UNKNOWN', `cannot copy an unknown file type: ${dest}`, dest, EINVAL,
                'EINVAL');
}

function* cpImpl(src, dest, opts) {
  const { dirname } = lazyPath();
  const { srcStat, destStat, skipped } = yield* checkPaths(src, dest, opts);
  if (skipped) return;
  yield* checkParentPaths(src, srcStat, dest);
  const destParent = dirname(dest);
  if (!(yield ['exists', destParent])) yield ['mkdirp', destParent];
  yield* getStatsForCopy(destStat, src, dest, opts);
}

function prepare(src, dest, options) {
  const opts = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return { src: String(src), dest: String(dest), opts };
}

function syncOps(opts) {
  const fs = require('fs');
  return {
    filter: (src, dest) => {
      const r = opts.filter(src, dest);
      if (r && typeof r.then === 'function') {
        const { codes: { ERR_INVALID_RETURN_VALUE } } = require('internal/errors');
        throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', r);
      }
      return r;
    },
    stat: (p) => fs.statSync(p),
    lstat: (p) => fs.lstatSync(p),
    readdir: (p) => fs.readdirSync(p),
    readlink: (p) => fs.readlinkSync(p),
    symlink: (t, p) => fs.symlinkSync(t, p),
    unlink: (p) => fs.unlinkSync(p),
    mkdir: (p) => fs.mkdirSync(p),
    mkdirp: (p) => fs.mkdirSync(p, { recursive: true }),
    exists: (p) => fs.existsSync(p),
    copyFile: (s, d, m) => fs.copyFileSync(s, d, m),
    chmod: (p, m) => fs.chmodSync(p, m),
    utimes: (p, a, m) => fs.utimesSync(p, a, m),
  };
}

function asyncOps(opts) {
  const fsp = require('internal/fs/promises').exports;
  const { exists } = require('internal/fs/promises');
  return {
    filter: (src, dest) => opts.filter(src, dest),
    stat: (p) => fsp.stat(p),
    lstat: (p) => fsp.lstat(p),
    readdir: (p) => fsp.readdir(p),
    readlink: (p) => fsp.readlink(p),
    symlink: (t, p) => fsp.symlink(t, p),
    unlink: (p) => fsp.unlink(p),
    mkdir: (p) => fsp.mkdir(p),
    mkdirp: (p) => fsp.mkdir(p, { recursive: true }),
    exists: (p) => exists(p),
    copyFile: (s, d, m) => fsp.copyFile(s, d, m),
    chmod: (p, m) => fsp.chmod(p, m),
    utimes: (p, a, m) => fsp.utimes(p, a, m),
  };
}

function cpSync(src, dest, options) {
  const args = prepare(src, dest, options);
  const ops = syncOps(args.opts);
  const gen = cpImpl(args.src, args.dest, args.opts);
  let step = gen.next();
  while (!step.done) {
    const [name, ...rest] = step.value;
    let result;
    try {
      result = ops[name](...rest);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(result);
  }
}

async function cp(src, dest, options) {
  return cpPrepared(prepare(src, dest, options));
}

async function cpPrepared(args) {
  const ops = asyncOps(args.opts);
  const gen = cpImpl(args.src, args.dest, args.opts);
  let step = gen.next();
  while (!step.done) {
    const [name, ...rest] = step.value;
    let result;
    try {
      result = await ops[name](...rest);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(result);
  }
}

module.exports = { cp, cpPrepared, cpSync, prepare };
