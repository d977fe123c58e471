'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules),
// made of the ES module loader's records (internal/modules/esm/loader): a
// SourceTextModule is a source record whose dependencies the linker picks, a
// SyntheticModule a record whose bindings its evaluation callback sets. The
// record's vm hooks compile the code in the module's context, run the
// synthetic callback and make import.meta.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_VM_MODULE_ALREADY_LINKED,
    ERR_VM_MODULE_DIFFERENT_CONTEXT,
    ERR_VM_MODULE_LINK_FAILURE,
    ERR_VM_MODULE_NOT_MODULE,
    ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');

const kRecord = Symbol('kRecord');
const kContext = Symbol('kContext');
const kLinking = Symbol('kLinking');
const kLinkingFromParent = Symbol('kLinkingFromParent');
const kSpecifiers = Symbol('kSpecifiers');

let loaderApi;
function loader() {
  loaderApi ??= require('internal/modules/esm/loader').vmModules;
  return loaderApi;
}

let lazyVm;
function vm() {
  lazyVm ??= require('vm');
  return lazyVm;
}

let nextId = 0;

function validateContext(context) {
  if (context === undefined) return undefined;
  validateObject(context, 'options.context');
  if (!vm().isContext(context)) {
    throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
  }
  return context;
}

function makeIdentifier(identifier) {
  if (identifier !== undefined) {
    validateString(identifier, 'options.identifier');
    return identifier;
  }
  return `vm:module(${nextId++})`;
}

class Module {
  constructor() {
    if (new.target === Module) throw new TypeError('Module is not a constructor');
    throw new TypeError('Illegal constructor');
  }

  get identifier() {
    return this[kRecord].url;
  }

  get context() {
    return this[kContext];
  }

  get status() {
    const rec = this[kRecord];
    const L = loader();
    if (rec.linkError !== undefined) return 'errored';
    switch (rec.status) {
      case L.kUnlinked: return this[kLinking] !== undefined ? 'linking' : 'unlinked';
      case L.kLinked: return 'linked';
      case L.kEvaluating: return 'evaluating';
      case L.kEvaluatingAsync: return 'evaluated';
      case L.kEvaluated: return rec.hasError ? 'errored' : 'evaluated';
      default: return 'unlinked';
    }
  }

  get error() {
    if (this.status !== 'errored') throw new ERR_VM_MODULE_STATUS('must be errored');
    const rec = this[kRecord];
    return rec.linkError !== undefined ? rec.linkError : rec.error;
  }

  get namespace() {
    const status = this.status;
    if (status === 'unlinked' || status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return loader().getNamespace(this[kRecord]);
  }

  async link(linker) {
    validateFunction(linker, 'linker');
    const status = this.status;
    if (status === 'linked' || status === 'evaluating' || status === 'evaluated') {
      throw new ERR_VM_MODULE_ALREADY_LINKED();
    }
    if (status !== 'unlinked') throw new ERR_VM_MODULE_STATUS('must be unlinked');
    await linkModule(this, linker);
    // Only the module link() was called on instantiates the graph.
    if (this[kLinkingFromParent]) return;
    const L = loader();
    const rec = this[kRecord];
    try {
      const pending = L.link(rec);
      if (pending !== null) await L.afterInstantiation(pending, () => {});
    } catch (err) {
      if (rec.linkError === undefined) rec.linkError = err;
      throw err;
    } finally {
      this[kLinking] = undefined;
    }
  }

  async evaluate(options = {}) {
    validateObject(options, 'options');
    const { timeout, breakOnSigint } = options;
    if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
    if (breakOnSigint !== undefined) validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const status = this.status;
    if (status !== 'linked' && status !== 'evaluated' && status !== 'errored') {
      throw new ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
    }
    const rec = this[kRecord];
    if (rec.linkError !== undefined) throw rec.linkError;
    await loader().evaluate(rec);
  }
}

// Asks the linker for every dependency of module (and, depth first, for
// theirs); sets the records' dependencies without instantiating anything.
async function linkModule(module, linker) {
  const rec = module[kRecord];
  const promise = (async () => {
    const requests = rec.requests;
    const deps = new Array(requests.length / 2);
    for (let i = 0; i < requests.length; i += 2) {
      const specifier = requests[i];
      const attributes = { __proto__: null, ...requests[i + 1] };
      const dep = await linker(specifier, module, { attributes, assert: attributes });
      if (!(dep instanceof Module)) throw new ERR_VM_MODULE_NOT_MODULE();
      if (dep.context !== module.context) throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
      if (dep.status === 'errored') throw new ERR_VM_MODULE_LINK_FAILURE(specifier, dep.error);
      // (a module in the 'linking' state is in a cycle, or another link() has it)
      if (dep.status === 'unlinked') {
        dep[kLinkingFromParent] = true;
        await dep.link(linker);
      }
      deps[i / 2] = dep[kRecord];
    }
    rec.deps = deps;
  })();
  module[kLinking] = promise;
  try {
    await promise;
  } catch (err) {
    rec.linkError = err;
    module[kLinking] = undefined;
    throw err;
  }
}

class SourceTextModule extends Module {
  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      identifier: id,
      context: ctx,
      initializeImportMeta,
      importModuleDynamically,
    } = options;
    const context = validateContext(ctx);
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    // (Module's constructor only refuses direct calls)
    const self = Object.create(new.target.prototype);
    const identifier = makeIdentifier(id);
    const L = loader();
    const rec = L.newRecord(identifier, 'module');
    L.compileSource(rec, sourceText);
    rec.status = L.kUnlinked;
    rec.vm = {
      __proto__: null,
      compile(code) {
        const script = new (vm().Script)(code, { filename: identifier });
        return context === undefined ? script.runInThisContext() : script.runInContext(context);
      },
      evaluate() {},
      importMeta() {
        const meta = { __proto__: null };
        if (initializeImportMeta !== undefined) initializeImportMeta(meta, self);
        return meta;
      },
    };
    self[kRecord] = rec;
    self[kContext] = context;
    self[kLinking] = undefined;
    self[kLinkingFromParent] = false;
    const specifiers = [];
    for (let i = 0; i < rec.requests.length; i += 2) specifiers.push(rec.requests[i]);
    self[kSpecifiers] = Object.freeze(specifiers);
    return self;
  }

  get dependencySpecifiers() {
    return this[kSpecifiers];
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((e) => typeof e !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    for (let i = 0; i < exportNames.length; i++) {
      if (exportNames.indexOf(exportNames[i]) !== i) {
        throw new ERR_INVALID_ARG_VALUE(`exportNames.${exportNames[i]}`, exportNames[i],
                                        'is duplicated');
      }
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const context = validateContext(options.context);
    const self = Object.create(new.target.prototype);
    const L = loader();
    const rec = L.newRecord(makeIdentifier(options.identifier), 'synthetic');
    const names = exportNames.slice();
    const values = { __proto__: null };
    const b = rec.bindings;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      values[name] = undefined;
      Object.defineProperty(b, name, {
        __proto__: null, get() { return values[name]; }, enumerable: true, configurable: false,
      });
    }
    rec.names = names;
    rec.values = values;
    rec.deps = [];
    rec.status = L.kLinked;
    rec.vm = {
      __proto__: null,
      compile: undefined,
      evaluate() {
        const result = Reflect.apply(evaluateCallback, self, []);
        // an async callback's rejection is the module's error, as in node
        if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
          result.then(undefined, () => {});
        }
      },
      importMeta: undefined,
    };
    self[kRecord] = rec;
    self[kContext] = context;
    self[kLinking] = undefined;
    self[kLinkingFromParent] = false;
    return self;
  }

  setExport(name, value) {
    validateString(name, 'name');
    const rec = this[kRecord];
    if (!Object.hasOwn(rec.values, name)) {
      throw new ReferenceError(`Export '${name}' is not defined in module`);
    }
    rec.values[name] = value;
  }
}

module.exports = {
  Module,
  SourceTextModule,
  SyntheticModule,
};
