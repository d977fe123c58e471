'use strict';
// The events a WebSocket dispatches besides Event and MessageEvent:
// CloseEvent (code, reason, wasClean) and ErrorEvent (message, error).

const { Event } = require('internal/event_target');

const kInit = Symbol('kInit');

function checkThis(self, name) {
  if (self === null || typeof self !== 'object' || self[kInit] === undefined) {
    const err = new TypeError('Illegal invocation');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return self[kInit];
}

class CloseEvent extends Event {
  constructor(type, init = undefined) {
    if (arguments.length === 0) {
      throw new TypeError('CloseEvent constructor: 1 argument required, but 0 found.');
    }
    super(type, init);
    this[kInit] = {
      wasClean: !!init?.wasClean,
      code: init?.code === undefined ? 0 : Number(init.code) & 0xffff,
      reason: init?.reason === undefined ? '' : `${init.reason}`,
    };
  }

  get wasClean() { return checkThis(this).wasClean; }
  get code() { return checkThis(this).code; }
  get reason() { return checkThis(this).reason; }
}

class ErrorEvent extends Event {
  constructor(type, init = undefined) {
    if (arguments.length === 0) {
      throw new TypeError('ErrorEvent constructor: 1 argument required, but 0 found.');
    }
    super(type, init);
    this[kInit] = {
      message: init?.message === undefined ? '' : `${init.message}`,
      filename: init?.filename === undefined ? '' : `${init.filename}`,
      lineno: init?.lineno === undefined ? 0 : Number(init.lineno) >>> 0,
      colno: init?.colno === undefined ? 0 : Number(init.colno) >>> 0,
      error: init?.error,
    };
  }

  get message() { return checkThis(this).message; }
  get filename() { return checkThis(this).filename; }
  get lineno() { return checkThis(this).lineno; }
  get colno() { return checkThis(this).colno; }
  get error() { return checkThis(this).error; }
}

for (const [cls, names] of [[CloseEvent, ['wasClean', 'code', 'reason']],
  [ErrorEvent, ['message', 'filename', 'lineno', 'colno', 'error']]]) {
  for (const name of names) Object.defineProperty(cls.prototype, name, { enumerable: true });
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: cls.name, configurable: true,
  });
}

module.exports = { CloseEvent, ErrorEvent };
