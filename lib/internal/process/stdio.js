'use strict';
// process.stdout / process.stderr / process.stdin.
// Output is written synchronously (as node does for files and terminals), so
// nothing written before exit is lost. Until the streams issue lands,
// process.stdin reads with blocking reads of fd 0 on a Readable.

const tty = internalBinding('tty');

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return 4;
      case '2': return 8;
      case '3': return 24;
      default: return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return 1;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  const term = env.TERM || '';
  if (/-256(colou?r)?$/i.test(term)) return 8;
  if (/^(xterm|screen|vt100|vt220|rxvt|color|ansi|cygwin|linux|konsole|tmux)/i.test(term)) return 4;
  if (env.CI !== undefined || env.COLORTERM !== undefined) return 4;
  return 1;
}

function create(fd) {
  if (fd === 0) return createStdin();
  const type = tty.guessHandleType(fd);
  if (type === 'FILE') {
    // node writes to files through a SyncWriteStream
    const SyncWriteStream = require('internal/fs/sync_write_stream');
    const stream = new SyncWriteStream(fd, { autoClose: false });
    stream._type = 'fs';
    stream._isStdio = true;
    return stream;
  }
  const isTTY = tty.isatty(fd);
  if (isTTY) {
    const stream = createTTYWrite(fd);
    if (stream) return stream;
  }
  const { Writable } = require('stream');
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, cb) {
      try {
        if (typeof chunk === 'string') {
          if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer') {
            tty.writeBuffer(fd, Buffer.from(chunk, encoding));
          } else {
            tty.writeString(fd, chunk);
          }
        } else {
          tty.writeBuffer(fd, chunk);
        }
      } catch (err) {
        return cb(err);
      }
      cb();
    },
    destroy(err, cb) {
      cb(err);
    },
  });
  stream.fd = fd;
  stream._type = isTTY ? 'tty' : tty.guessHandleType(fd).toLowerCase();
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = function(err, cb) { cb(err); };
  // node's stdout over a pipe or socket is a net.Socket; its writes here are synchronous, so
  // there is no handle to hold the loop open and ref/unref change nothing.
  stream.ref = function ref() { return this; };
  stream.unref = function unref() { return this; };
  if (isTTY) {
    stream.isTTY = true;
    const size = tty.getWindowSize(fd);
    if (size) {
      stream.columns = size[0];
      stream.rows = size[1];
    }
    stream.getWindowSize = () => {
      const s = tty.getWindowSize(fd);
      return s ? [s[0], s[1]] : [0, 0];
    };
    stream.getColorDepth = getColorDepth;
    stream.hasColors = function hasColors(count = 16, env) {
      if (typeof count === 'object') {
        env = count;
        count = 16;
      }
      return count <= 2 ** getColorDepth(env);
    };
    stream.cursorTo = (x, y, cb) => require('readline').cursorTo(stream, x, y, cb);
    stream.moveCursor = (dx, dy, cb) => require('readline').moveCursor(stream, dx, dy, cb);
    stream.clearLine = (dir, cb) => require('readline').clearLine(stream, dir, cb);
    stream.clearScreenDown = (cb) => require('readline').clearScreenDown(stream, cb);
  }
  return stream;
}

// A terminal: node's tty.WriteStream (a net.Socket over a blocking TTY handle),
// which follows window size changes ('resize' on SIGWINCH).
function createTTYWrite(fd) {
  let stream;
  try {
    stream = new (require('tty').WriteStream)(fd);
  } catch {
    return null;
  }
  stream._type = 'tty';
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  // Ending or destroying stdout never closes the terminal.
  stream._destroy = function(err, cb) {
    cb(err);
  };
  if (stream._handle && stream._handle.unref) stream._handle.unref();
  let listening = false;
  const refresh = () => stream._refreshSize();
  stream.on('newListener', (event) => {
    if (event === 'resize' && !listening) {
      listening = true;
      process.on('SIGWINCH', refresh);
    }
  });
  return stream;
}

function createStdin() {
  // pipes, sockets and terminals: a real stream over a libuv handle
  const piped = require('internal/stream_base').createStdinStream(0);
  if (piped) return piped;
  const { Readable } = require('stream');
  const stream = new Readable({
    highWaterMark: 65536,
    read(size) {
      let chunk;
      try {
        chunk = internalBinding('modules').readStdin();
      } catch (err) {
        this.destroy(err);
        return;
      }
      if (chunk.length > 0) this.push(Buffer.from(chunk));
      this.push(null);
    },
  });
  stream.fd = 0;
  stream.isTTY = tty.isatty(0) || undefined;
  if (!stream.isTTY) delete stream.isTTY;
  stream.setRawMode = function setRawMode() { return this; };
  return stream;
}

module.exports = { create, getColorDepth };
