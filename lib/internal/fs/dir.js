'use strict';
// fs.Dir and opendir: a directory listing read entry by entry.

const binding = internalBinding('fs');
const {
  codes: {
    ERR_DIR_CLOSED,
    ERR_DIR_CONCURRENT_OPERATION,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateUint32,
} = require('internal/validators');
const {
  encodeNames,
  getDirent,
  getOptions,
  getValidatedPath,
  joinPath,
  normalizeListing,
  wantsBufferNames,
} = require('internal/fs/utils');

const kDirHandle = Symbol('kDirHandle');

class Dir {
  #path;
  #options;
  #pending; // entries read but not returned yet: [parentPath, name, type]
  #closed = false;
  #operationQueue = null;

  constructor(listing, path, options) {
    if (listing == null) throw new ERR_MISSING_ARGS('handle');
    this.#path = path;
    this.#options = options;
    this.#pending = [];
    this.#addListing(path, listing);
    this[kDirHandle] = true;
  }

  get path() {
    return this.#path;
  }

  #addListing(dir, listing) {
    const [names, types] = normalizeListing(listing, true);
    encodeNames(names, this.#options.encoding);
    for (let i = 0; i < names.length; i++) this.#pending.push([dir, names[i], types[i]]);
  }

  #next() {
    const entry = this.#pending.shift();
    if (entry === undefined) return null;
    const dirent = getDirent(entry[0], entry[1], entry[2]);
    if (this.#options.recursive && dirent.isDirectory()) {
      const sub = joinPath(entry[0], entry[1]);
      try {
        this.#addListing(sub, binding.opendir(sub, wantsBufferNames(this.#options.encoding)));
      } catch {
        // An unreadable subdirectory is skipped.
      }
    }
    return dirent;
  }

  #finishOperation() {
    const queue = this.#operationQueue;
    this.#operationQueue = null;
    for (const op of queue) op();
  }

  read(callback) {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (callback === undefined) {
      return new Promise((resolve, reject) => {
        this.read((err, dirent) => (err ? reject(err) : resolve(dirent)));
      });
    }
    validateFunction(callback, 'callback');
    if (this.#operationQueue !== null) {
      this.#operationQueue.push(() => this.read(callback));
      return;
    }
    this.#operationQueue = [];
    setImmediate(() => {
      let dirent;
      try {
        dirent = this.#next();
      } catch (err) {
        this.#finishOperation();
        callback(err);
        return;
      }
      this.#finishOperation();
      callback(null, dirent);
    });
  }

  readSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#operationQueue !== null) throw new ERR_DIR_CONCURRENT_OPERATION();
    return this.#next();
  }

  close(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => {
        this.close((err) => (err ? reject(err) : resolve()));
      });
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    if (this.#operationQueue !== null) {
      this.#operationQueue.push(() => this.close(callback));
      return;
    }
    this.#closed = true;
    this.#pending = [];
    process.nextTick(callback, null);
  }

  closeSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#operationQueue !== null) throw new ERR_DIR_CONCURRENT_OPERATION();
    this.#closed = true;
    this.#pending = [];
  }

  async* entries() {
    try {
      while (true) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }

  async [Symbol.asyncDispose]() {
    if (!this.#closed) await this.close();
  }

  [Symbol.dispose]() {
    if (!this.#closed) this.closeSync();
  }
}

function validateDirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) {
    validateUint32(options.bufferSize, 'options.bufferSize', true);
  }
  if (options.recursive !== undefined) validateBoolean(options.recursive, 'options.recursive');
  return options;
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = validateDirOptions(options);
  binding.opendir(path, wantsBufferNames(options.encoding), (err, listing) => {
    if (err) return callback(err);
    let dir;
    try {
      dir = new Dir(listing, path, options);
    } catch (e) {
      return callback(e);
    }
    callback(null, dir);
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = validateDirOptions(options);
  return new Dir(binding.opendir(path, wantsBufferNames(options.encoding)), path, options);
}

function opendirPromise(path, options) {
  path = getValidatedPath(path);
  options = validateDirOptions(options);
  return new Promise((resolve, reject) => {
    binding.opendir(path, wantsBufferNames(options.encoding), (err, listing) => {
      if (err) return reject(err);
      try {
        resolve(new Dir(listing, path, options));
      } catch (e) {
        reject(e);
      }
    });
  });
}

module.exports = {
  Dir,
  opendir,
  opendirSync,
  opendirPromise,
};
