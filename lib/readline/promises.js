'use strict';
// node:readline/promises: the readline Interface with question() returning
// a promise, and the Readline batching helper.

const {
  AbortError,
  Interface: InternalInterface,
  kQuestion,
  kQuestionCancel,
} = require('internal/readline/interface');
const { Readline } = require('internal/readline/promises');
const { validateAbortSignal } = require('internal/validators');
const { kEmptyObject } = require('internal/util');

class Interface extends InternalInterface {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  question(query, options = kEmptyObject) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options?.signal) {
        const { signal } = options;
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
