'use strict';
// node:tty: isatty() and the ReadStream / WriteStream sockets over a terminal.

const {
  codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED },
  ErrnoException,
} = require('internal/errors');
const { validateInteger } = require('internal/validators');

const ttyBinding = internalBinding('tty');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && ttyBinding.isatty(fd);
}

function newTTYHandle(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  const { TTY } = internalBinding('stream_wrap');
  try {
    return new TTY(fd);
  } catch (err) {
    const uv = internalBinding('uv');
    const errno = typeof err.errno === 'number' ? err.errno : uv.UV_EINVAL;
    throw new ERR_TTY_INIT_FAILED({
      code: err.code ?? uv.errName(errno),
      message: uv.errMessage(errno),
      errno,
      syscall: 'uv_tty_init',
    });
  }
}

// Color depth from the environment (bits per color: 1, 4, 8 or 24).
const kColors2 = 1;
const kColors16 = 4;
const kColors256 = 8;
const kColors16m = 24;

// TERM values known by name; others are matched by kTermPatterns.
const kTermColors = {
  __proto__: null,
  'eterm': kColors16, 'cons25': kColors16, 'console': kColors16, 'cygwin': kColors16,
  'dtterm': kColors16, 'gnome': kColors16, 'hurd': kColors16, 'jfbterm': kColors16,
  'konsole': kColors16, 'kterm': kColors16, 'mlterm': kColors16, 'mosh': kColors16m,
  'putty': kColors16, 'st': kColors16, 'rxvt-unicode-24bit': kColors16m,
  'terminator': kColors16m, 'xterm-kitty': kColors16m,
};
const kTermPatterns = [
  /ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/,
  /^vt100/, /^vt220/,
];
// CI services, checked in this order when CI is set.
const kCIColors = [
  ['APPVEYOR', kColors256], ['BUILDKITE', kColors256], ['CIRCLECI', kColors16m],
  ['DRONE', kColors256], ['GITEA_ACTIONS', kColors16m], ['GITHUB_ACTIONS', kColors16m],
  ['GITLAB_CI', kColors256], ['TRAVIS', kColors256],
];

let warnedDisabledColors = false;
function warnIgnoredDisable(env) {
  if (warnedDisabledColors) return;
  let name = '';
  if (env.NODE_DISABLE_COLORS !== undefined) name = 'NODE_DISABLE_COLORS';
  if (env.NO_COLOR !== undefined) {
    name = name === '' ? 'NO_COLOR' : `${name}' and 'NO_COLOR`;
  }
  if (name !== '') {
    warnedDisabledColors = true;
    process.emitWarning(`The '${name}' env is ignored due to the 'FORCE_COLOR' env being set.`,
                        'Warning');
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        warnIgnoredDisable(env);
        return kColors16;
      case '2':
        warnIgnoredDisable(env);
        return kColors256;
      case '3':
        warnIgnoredDisable(env);
        return kColors16m;
      default:
        return kColors2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return kColors2;
  }
  if (env.TMUX) return kColors256;
  if (env.CI) {
    for (const [name, colors] of kCIColors) {
      if (name in env) return colors;
    }
    if (env.CI_NAME === 'codeship') return kColors256;
    return kColors2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? kColors16 : kColors2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) {
        return kColors256;
      }
      return kColors16m;
    case 'HyperTerm':
    case 'MacTerm':
      return kColors16m;
    case 'Apple_Terminal':
      return kColors256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return kColors16m;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return kColors256;
    const term = env.TERM.toLowerCase();
    if (kTermColors[term]) return kTermColors[term];
    if (kTermPatterns.some((re) => re.test(term))) return kColors16;
  }
  if (env.COLORTERM) return kColors16;
  return kColors2;
}

function hasColors(count, env) {
  if (env === undefined &&
      (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

// The stream classes build on net.Socket, which costs a little to load: they
// are made on first use (most callers only want isatty()).
let classes;
function loadClasses() {
  if (classes !== undefined) return classes;
  const net = require('net');

  function ReadStream(fd, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
    const handle = newTTYHandle(fd);
    net.Socket.call(this, {
      readableHighWaterMark: 0,
      handle,
      manualStart: true,
      ...options,
    });
    this.fd = fd;
    this.isRaw = false;
    this.isTTY = true;
  }
  Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
  Object.setPrototypeOf(ReadStream, net.Socket);

  ReadStream.prototype.setRawMode = function(flag) {
    flag = !!flag;
    const err = this._handle ? this._handle.setRawMode(flag) : internalBinding('uv').UV_EBADF;
    if (err) {
      this.emit('error', new ErrnoException(err, 'setRawMode'));
      return this;
    }
    this.isRaw = flag;
    return this;
  };

  function WriteStream(fd) {
    if (!(this instanceof WriteStream)) return new WriteStream(fd);
    const handle = newTTYHandle(fd);
    net.Socket.call(this, {
      readableHighWaterMark: 0,
      handle,
      manualStart: true,
    });
    this.fd = fd;
    // Terminal output is synchronous, as in node, so nothing is lost at exit.
    if (typeof this._handle.setBlocking === 'function') this._handle.setBlocking(true);
    const size = [0, 0];
    if (this._handle.getWindowSize(size) === 0) {
      this.columns = size[0];
      this.rows = size[1];
    }
  }
  Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
  Object.setPrototypeOf(WriteStream, net.Socket);

  WriteStream.prototype.isTTY = true;

  WriteStream.prototype.getColorDepth = getColorDepth;
  WriteStream.prototype.hasColors = hasColors;

  WriteStream.prototype._refreshSize = function() {
    const oldCols = this.columns;
    const oldRows = this.rows;
    const size = [0, 0];
    const err = this._handle ? this._handle.getWindowSize(size) : internalBinding('uv').UV_EBADF;
    if (err) {
      this.emit('error', new ErrnoException(err, 'getWindowSize'));
      return;
    }
    const [newCols, newRows] = size;
    if (oldCols !== newCols || oldRows !== newRows) {
      this.columns = newCols;
      this.rows = newRows;
      this.emit('resize');
    }
  };

  WriteStream.prototype.cursorTo = function(x, y, cb) {
    return require('internal/readline/callbacks').cursorTo(this, x, y, cb);
  };
  WriteStream.prototype.moveCursor = function(dx, dy, cb) {
    return require('internal/readline/callbacks').moveCursor(this, dx, dy, cb);
  };
  WriteStream.prototype.clearLine = function(dir, cb) {
    return require('internal/readline/callbacks').clearLine(this, dir, cb);
  };
  WriteStream.prototype.clearScreenDown = function(cb) {
    return require('internal/readline/callbacks').clearScreenDown(this, cb);
  };
  WriteStream.prototype.getWindowSize = function() {
    return [this.columns, this.rows];
  };

  classes = { ReadStream, WriteStream };
  return classes;
}

module.exports = { isatty };
for (const name of ['ReadStream', 'WriteStream']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return loadClasses()[name]; },
  });
}
