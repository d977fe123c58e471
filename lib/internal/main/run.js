'use strict';
// Runs what the command line asked for: a file, -e/-p code, stdin, --check,
// --version or --help.

const path = require('path');
const builtins = internalBinding('builtins');
const { registerSource } = require('internal/process/execution');

function setArgv(options, scriptArgs) {
  const argv = [process.execPath, ...scriptArgs];
  Object.defineProperty(process, 'argv', {
    value: argv, writable: true, enumerable: true, configurable: true,
  });
}

function printHelp() {
  const text = `Usage: cairn [options] [ script.js ] [arguments]
       cairn -e "script" [arguments]
       cairn -p "expression" [arguments]
       cairn - [arguments]        (script read from stdin)

Options:
  -                           script read from stdin (default if no file name is provided)
  --                          indicate the end of cairn options
  -c, --check                 syntax check script without executing
  -C, --conditions=...        additional user conditions for conditional exports and imports
  -e, --eval=...              evaluate script
  -h, --help                  print command line options
  --input-type=...            set module type for string input (commonjs)
  --no-deprecation            silence deprecation warnings
  --no-warnings               silence all process warnings
  -p, --print [...]           evaluate script and print result
  -r, --require=...           CommonJS module to preload (option can be repeated)
  --throw-deprecation         throw an exception on deprecations
  --title=...                 the process title to use on startup
  --trace-deprecation         show stack traces on deprecations
  --trace-warnings            show stack traces on process warnings
  --unhandled-rejections=...  define unhandled rejections behavior: throw (default),
                              strict, warn, none, warn-with-error-code
  -v, --version               print the Node.js version cairn is compatible with

Environment variables:
  NODE_PATH                   ':'-separated list of directories prefixed to the module search path

Documentation: see docs/cli.md in the cairn repository.
`;
  process.stdout.write(text);
}

function readStdin() {
  return internalBinding('modules').readStdin();
}

// node -e/-p code sees the builtin modules as lazily loaded globals (os, fs...).
function addBuiltinLibsToGlobal() {
  const { builtinModules } = require('internal/modules/cjs/loader').Module;
  for (let i = 0; i < builtinModules.length; i++) {
    const name = builtinModules[i];
    if (name.startsWith('_') || name.includes('/') || name in globalThis) continue;
    const setReal = (value) => {
      Object.defineProperty(globalThis, name, {
        __proto__: null, value, writable: true, enumerable: false, configurable: true,
      });
    };
    Object.defineProperty(globalThis, name, {
      __proto__: null,
      get() {
        const lib = require(name);
        setReal(lib);
        return lib;
      },
      set: setReal,
      enumerable: false,
      configurable: true,
    });
  }
}

function evalCode(source, name, print) {
  const { Module, makeRequireFunction } = require('internal/modules/cjs/loader');
  const mod = new Module(name);
  mod.filename = path.join(process.cwd(), name);
  mod.paths = Module._nodeModulePaths(process.cwd());
  mod.loaded = true;
  registerSource(name, source);
  const userRequire = makeRequireFunction(mod);
  // -e code sees module, require, exports, __filename, __dirname as globals, as in node.
  const g = globalThis;
  const saved = {};
  const names = { module: mod, require: userRequire, exports: mod.exports, __filename: name, __dirname: '.' };
  for (const k of Object.keys(names)) {
    saved[k] = Object.getOwnPropertyDescriptor(g, k);
    Object.defineProperty(g, k, {
      value: names[k], writable: true, enumerable: false, configurable: true,
    });
  }
  // import() in -e / stdin code: the transform's CommonJS mode (docs/esm.md
  // 1.4) rewrites it to a call of a global bound to the working directory.
  if (source.includes('import(')) source = rewriteDynamicImport(source, name);
  let result;
  try {
    result = builtins.evalScript(source, name);
  } catch (err) {
    require('internal/modules/cjs/loader').hideEngineLocation(err);
    throw err;
  }
  if (print) {
    const { log } = require('console');
    log(result);
  }
}

let options_;
function rewriteDynamicImport(source, name) {
  const esm = require('internal/modules/esm/loader');
  let r;
  try {
    r = esm.transform(source, 1);
  } catch {
    return source;
  }
  if (r.error !== undefined) return source;
  const filename = path.join(process.cwd(), name);
  Object.defineProperty(globalThis, `${r.prefix ?? '__cairn_'}import`, {
    __proto__: null,
    value: (specifier, options) => esm.importFromCJS(specifier, options, filename),
    writable: true, enumerable: false, configurable: true,
  });
  return r.code;
}

function run(options) {
  options_ = options;
  if (options.version) {
    process.stdout.write(`${process.version}\n`);
    return;
  }
  if (options.help) {
    printHelp();
    return;
  }
  if (options.cpuProf) require('internal/cpu_profile').start(options);
  const args = options.args;
  if (options.test && process.env.NODE_TEST_CONTEXT === undefined) {
    require('internal/test_runner/runner').run(options);
    return;
  }
  const { Module } = require('internal/modules/cjs/loader');

  if (options.inputType !== undefined && options.inputType !== 'commonjs' &&
      options.inputType !== 'module') {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE('--input-type', options.inputType);
  }

  const preload = () => {
    if (options.require) Module._preloadModules(options.require);
  };

  if (options.eval !== undefined || options.print !== undefined) {
    setArgv(options, args);
    preload();
    const code = options.print !== undefined ? options.print : options.eval;
    const print = options.print !== undefined;
    if (isModuleInput(options, code)) {
      if (print) {
        const { codes: { ERR_EVAL_ESM_CANNOT_PRINT } } = require('internal/errors');
        throw new ERR_EVAL_ESM_CANNOT_PRINT();
      }
      runModuleInput(options, code);
      return;
    }
    addBuiltinLibsToGlobal();
    // (a worker's eval code is '[worker eval]')
    withImports(options, () => evalCode(code, options.evalName ?? '[eval]', print));
    return;
  }

  if (options.mainURL !== undefined) {
    // a worker started from a data: URL
    setArgv(options, args);
    preload();
    require('internal/modules/esm/loader').runMain(options.mainURL, true, options.import);
    return;
  }

  if (args.length === 0 || args[0] === '-') {
    setArgv(options, args.length === 0 ? [] : args);
    if (args.length === 0 && internalBinding('tty').isatty(0)) {
      process.stderr.write('cairn: the REPL is not available yet; pass a script file, -e or -p\n');
      process.exitCode = 9;
      return;
    }
    preload();
    const source = readStdin();
    if (options.check) {
      builtins.checkSyntax(source, '[stdin]');
      return;
    }
    if (isModuleInput(options, source)) {
      runModuleInput(options, source);
      return;
    }
    withImports(options, () => evalCode(source, '[stdin]', false));
    return;
  }

  if (options.inputType !== undefined) {
    const { codes: { ERR_INPUT_TYPE_NOT_ALLOWED } } = require('internal/errors');
    throw new ERR_INPUT_TYPE_NOT_ALLOWED();
  }

  const mainPath = path.resolve(args[0]);
  setArgv(options, [mainPath, ...args.slice(1)]);

  if (options.check) {
    const source = internalBinding('modules').readFileUtf8(mainPath);
    const body = source.startsWith('#!') ? '//' + source.slice(2) : source;
    builtins.checkSyntax(
      `(function (exports, require, module, __filename, __dirname) { ${body}\n})`, mainPath);
    return;
  }
  preload();
  const resolved = resolveMainPath(Module, mainPath);
  const esmMain = resolved !== undefined && shouldUseESMLoader(resolved, options);
  if (esmMain || hasImports(options)) {
    require('internal/modules/esm/loader').runMain(esmMain ? resolved : mainPath,
      esmMain, options.import);
    return;
  }
  Module.runMain(mainPath);
}

// The main file as node finds it: the CommonJS lookup (exact name, then
// .js/.json/.node, then a directory's package main or index).
function resolveMainPath(Module, mainPath) {
  if (options_.preserveSymlinksMain) return mainPath;
  try {
    return Module._findPath(mainPath, null, true) || undefined;
  } catch {
    return undefined;
  }
}

function hasImports(options) {
  return Array.isArray(options.import) && options.import.length > 0;
}

// node's shouldUseESMLoader for the resolved main file: .mjs, or a file
// whose package scope (or --experimental-default-type) says module.
function shouldUseESMLoader(file, options) {
  if (options.defaultType === 'module') return true;
  if (file.endsWith('.mjs') || file.endsWith('.mts')) return true;
  if (file.endsWith('.cjs') || file.endsWith('.cts')) return false;
  const pj = require('internal/modules/package_json_reader').findScope(path.dirname(file));
  return pj?.type === 'module';
}

// --input-type=module, --experimental-default-type=module, or (with neither
// given) code that only parses as an ES module.
function isModuleInput(options, code) {
  if (options.inputType === 'module') return true;
  if (options.inputType === 'commonjs') return false;
  if (options.defaultType === 'module') return true;
  if (options.defaultType === 'commonjs') return false;
  if (!/\b(?:import|export|await)\b/.test(code)) return false;
  try {
    builtins.checkSyntax(code, '[eval]');
    return false;
  } catch {
    // not a script; maybe a module
  }
  return require('internal/modules/esm/loader').looksLikeModule(code, '[eval]');
}

function runModuleInput(options, code) {
  const esm = require('internal/modules/esm/loader');
  withImports(options, () => esm.runMainSource(code, '[eval1]'));
}

// Runs fn after the --import modules, if any.
function withImports(options, fn) {
  if (!hasImports(options)) {
    fn();
    return;
  }
  require('internal/modules/esm/loader').runMain(undefined, false, options.import, fn);
}

module.exports = { run };
