'use strict';
// node:readline: line-by-line reading of a stream, with line editing,
// history and completion when the input is a terminal.

const {
  AbortError,
  Interface: InternalInterface,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kLineBuffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
} = require('internal/readline/interface');
const { clearLine, clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const { validateAbortSignal } = require('internal/validators');

let promises;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }
  // The callback API takes completers of either shape: (line) => result or
  // (line, callback).
  if (input?.input && typeof input.completer === 'function' && input.completer.length !== 2) {
    const { completer: sync } = input;
    input.completer = (v, cb) => cb(null, sync(v));
  } else if (typeof completer === 'function' && completer.length !== 2) {
    const sync = completer;
    completer = (v, cb) => cb(null, sync(v));
  }
  InterfaceConstructor.call(this, input, output, completer, terminal);
  if (process.env.TERM === 'dumb') {
    this._ttyWrite = this[kTtyWrite] = ttyWriteDumb.bind(this);
  }
}
Object.setPrototypeOf(Interface.prototype, InternalInterface.prototype);
Object.setPrototypeOf(Interface, InternalInterface);

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => {
        this[kQuestionCancel]();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const originalCb = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return originalCb(answer);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Object.defineProperty(Interface.prototype.question, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  configurable: true,
  enumerable: false,
  writable: true,
  value: function question(query, options) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options?.signal) {
        const { signal } = options;
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      try {
        this.question(query, options, cb);
      } catch (err) {
        reject(err);
      }
    });
  },
});

// The callback-style completion of node:readline.
Interface.prototype[kTabComplete] = function(lastKeypressWasTab) {
  this.pause();
  const string = this.line.slice(0, this.cursor);
  this.completer(string, (err, value) => {
    this.resume();
    if (err) {
      this[kWriteToOutput](`Tab completion error: ${require('util').inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  });
};

// The old underscore names, kept for compatibility with code that uses them.
const kLegacyMethods = [
  ['_setRawMode', kSetRawMode], ['_onLine', kOnLine], ['_writeToOutput', kWriteToOutput],
  ['_addHistory', kAddHistory], ['_refreshLine', kRefreshLine], ['_normalWrite', kNormalWrite],
  ['_insertString', kInsertString], ['_tabComplete', kTabComplete], ['_wordLeft', kWordLeft],
  ['_wordRight', kWordRight], ['_deleteLeft', kDeleteLeft], ['_deleteRight', kDeleteRight],
  ['_deleteWordLeft', kDeleteWordLeft], ['_deleteWordRight', kDeleteWordRight],
  ['_deleteLineLeft', kDeleteLineLeft], ['_deleteLineRight', kDeleteLineRight],
  ['_line', kLine], ['_historyNext', kHistoryNext], ['_historyPrev', kHistoryPrev],
  ['_getDisplayPos', kGetDisplayPos], ['_moveCursor', kMoveCursor], ['_ttyWrite', kTtyWrite],
];
for (const [name, sym] of kLegacyMethods) {
  // As in node, the old name and the symbol are the same function.
  const fn = Interface.prototype[sym];
  for (const key of [name, sym]) {
    Object.defineProperty(Interface.prototype, key, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      writable: true,
      value: fn,
    });
  }
}
Interface.prototype._getCursorPos = InternalInterface.prototype.getCursorPos;

const kLegacyProps = [
  ['_decoder', kDecoder], ['_line_buffer', kLineBuffer], ['_oldPrompt', kOldPrompt],
  ['_previousKey', kPreviousKey], ['_prompt', kPrompt], ['_questionCallback', kQuestionCallback],
  ['_sawKeyPress', kSawKeyPress], ['_sawReturnAt', kSawReturnAt],
];
for (const [name, sym] of kLegacyProps) {
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return this[sym]; },
    set(v) { this[sym] = v; },
  });
}

// TERM=dumb: no cursor movement, only line collection and a few controls.
function ttyWriteDumb(s, key) {
  key = key || {};
  if (key.name === 'escape') return;
  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
  if (key.ctrl) {
    if (key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    } else if (key.name === 'd') {
      this.close();
      return;
    }
  }
  switch (key.name) {
    case 'return':
      this[kSawReturnAt] = Date.now();
      this[kLine]();
      break;
    case 'enter':
      if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
        this[kLine]();
      }
      this[kSawReturnAt] = 0;
      break;
    default:
      if (typeof s === 'string' && s) {
        this.line += s;
        this.cursor += s.length;
        this[kWriteToOutput](s);
      }
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('readline/promises');
    return promises;
  },
});
