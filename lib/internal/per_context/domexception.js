'use strict';
// DOMException as WebIDL defines it (the engine has none): name, message, the
// legacy numeric `code`, and the legacy *_ERR constants. Its prototype chains
// to Error.prototype, so `instanceof Error` holds, as in browsers and node.

// [name, legacy constant] in legacy code order: code = index + 1.
const legacyErrors = [
  ['IndexSizeError', 'INDEX_SIZE_ERR'],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'],
  ['NotFoundError', 'NOT_FOUND_ERR'],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR'],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'],
  ['InvalidStateError', 'INVALID_STATE_ERR'],
  ['SyntaxError', 'SYNTAX_ERR'],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'],
  ['NamespaceError', 'NAMESPACE_ERR'],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR'],
  ['ValidationError', 'VALIDATION_ERR'],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR'],
  ['SecurityError', 'SECURITY_ERR'],
  ['NetworkError', 'NETWORK_ERR'],
  ['AbortError', 'ABORT_ERR'],
  ['URLMismatchError', 'URL_MISMATCH_ERR'],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'],
  ['TimeoutError', 'TIMEOUT_ERR'],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'],
  ['DataCloneError', 'DATA_CLONE_ERR'],
];

const nameToCode = new Map();
for (let i = 0; i < legacyErrors.length; i++) nameToCode.set(legacyErrors[i][0], i + 1);

function throwInvalidThis() {
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  throw err;
}

class DOMException {
  #name;
  #message;

  constructor(message = '', options = 'Error') {
    this.#message = `${message}`;
    if (options !== null && typeof options === 'object') {
      this.#name = `${options.name}`;
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          __proto__: null,
          value: options.cause,
          configurable: true,
          writable: true,
          enumerable: false,
        });
      }
    } else {
      this.#name = `${options}`;
    }
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this);
      // Node's stack starts with "Name: message"; add it if the engine
      // did not.
      const stack = this.stack;
      const head = this.#message ? `${this.#name}: ${this.#message}` : this.#name;
      if (typeof stack === 'string' && !stack.startsWith(head)) {
        Object.defineProperty(this, 'stack', {
          __proto__: null,
          value: stack ? `${head}\n${stack}` : head,
          configurable: true,
          writable: true,
          enumerable: false,
        });
      }
    }
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#name in self)) throwInvalidThis();
  }

  get name() {
    DOMException.#check(this);
    return this.#name;
  }

  get message() {
    DOMException.#check(this);
    return this.#message;
  }

  get code() {
    DOMException.#check(this);
    return nameToCode.get(this.#name) ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'DOMException',
  },
  name: { __proto__: null, enumerable: true, configurable: true },
  message: { __proto__: null, enumerable: true, configurable: true },
  code: { __proto__: null, enumerable: true, configurable: true },
});

for (let i = 0; i < legacyErrors.length; i++) {
  const desc = {
    __proto__: null,
    enumerable: true,
    value: i + 1,
    writable: false,
    configurable: false,
  };
  Object.defineProperty(DOMException, legacyErrors[i][1], desc);
  Object.defineProperty(DOMException.prototype, legacyErrors[i][1], desc);
}

module.exports = { DOMException };
