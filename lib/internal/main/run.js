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

function run(options) {
  if (options.version) {
    process.stdout.write(`${process.version}\n`);
    return;
  }
  if (options.help) {
    printHelp();
    return;
  }
  const args = options.args;
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
    if (options.inputType === 'module') failModuleInput('[eval1]');
    addBuiltinLibsToGlobal();
    evalCode(code, '[eval]', options.print !== undefined);
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
    if (options.inputType === 'module') failModuleInput('[stdin]');
    evalCode(source, '[stdin]', false);
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
  if ((mainPath.endsWith('.mjs') && internalBinding('modules').stat(mainPath) === 0) ||
      isModuleTypeJs(mainPath)) {
    const err = new Error(`cairn cannot run ES module ${mainPath} yet: ES modules ` +
      'are not supported in this version');
    err.code = 'ERR_REQUIRE_ESM';
    throw err;
  }
  Module.runMain(mainPath);
}

function isModuleTypeJs(file) {
  if (!file.endsWith('.js')) return false;
  const pj = require('internal/modules/package_json_reader').findScope(path.dirname(file));
  return pj?.type === 'module';
}

function failModuleInput(name) {
  const err = new Error(`cairn cannot evaluate ${name} as an ES module yet`);
  err.code = 'ERR_UNKNOWN_MODULE_FORMAT';
  throw err;
}

module.exports = { run };
