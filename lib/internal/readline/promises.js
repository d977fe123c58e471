'use strict';
// readline/promises Readline: batches cursor and clearing commands and writes
// them to a stream on commit().

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateBoolean, validateInteger } = require('internal/validators');
const { CSI } = require('internal/readline/utils');

const { kClearToLineBeginning, kClearToLineEnd, kClearLine, kClearScreenDown } = CSI;

const kStream = Symbol('stream');
const kTodo = Symbol('todo');
const kAutoCommit = Symbol('autoCommit');

class Readline {
  constructor(stream, options = undefined) {
    const isWritable = typeof stream?.write === 'function' &&
      typeof stream?.on === 'function';
    if (!isWritable) throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    this[kStream] = stream;
    this[kTodo] = [];
    this[kAutoCommit] = false;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this[kAutoCommit] = options.autoCommit;
    }
  }

  #push(data) {
    if (this[kAutoCommit]) {
      process.nextTick(() => this[kStream].write(data));
    } else {
      this[kTodo].push(data);
    }
    return this;
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    const data = y == null ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`;
    return this.#push(data);
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let data = '';
      if (dx < 0) data += CSI`${-dx}D`;
      else if (dx > 0) data += CSI`${dx}C`;
      if (dy < 0) data += CSI`${-dy}A`;
      else if (dy > 0) data += CSI`${dy}B`;
      this.#push(data);
    }
    return this;
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    const data = dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine;
    return this.#push(data);
  }

  clearScreenDown() {
    return this.#push(kClearScreenDown);
  }

  commit() {
    return new Promise((resolve) => {
      this[kStream].write(this[kTodo].join(''), resolve);
      this[kTodo] = [];
    });
  }

  rollback() {
    this[kTodo] = [];
    return this;
  }
}

module.exports = { Readline };
