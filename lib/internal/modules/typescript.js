'use strict';
// TypeScript files (.ts, .mts, .cts): the JavaScript src/parser/typescript.c makes
// of them by erasing types, with enums, namespaces and parameter properties
// transformed in place (cairn needs no flag for those). Lines and columns stay
// those of the TypeScript source, so stack traces need no source map.

let binding;

// '.ts', '.mts' or '.cts' when filename is a TypeScript file, else undefined.
function typeScriptExtension(filename) {
  if (typeof filename !== 'string') return undefined;
  if (filename.endsWith('.mts')) return '.mts';
  if (filename.endsWith('.cts')) return '.cts';
  if (filename.endsWith('.ts')) return '.ts';
  return undefined;
}

// The JavaScript for a TypeScript source. isModule: true for an ES module,
// false for CommonJS, undefined to take whichever of the two parses (CommonJS
// first). Throws a SyntaxError with code ERR_INVALID_TYPESCRIPT_SYNTAX.
function stripTypeScript(source, filename, isModule) {
  // --no-experimental-strip-types: the source is taken as JavaScript, as in node.
  if (require('internal/bootstrap/realm').options.noStripTypes) return source;
  binding ??= internalBinding('typescript');
  if (source.charCodeAt(0) === 0xFEFF) source = source.slice(1);
  const r = binding.strip(source, isModule);
  if (typeof r === 'string') return r;
  const { codes: { ERR_INVALID_TYPESCRIPT_SYNTAX } } = require('internal/errors');
  const err = new ERR_INVALID_TYPESCRIPT_SYNTAX(r.error);
  if (filename !== undefined) {
    const lines = source.split(/\r\n|[\n\r\u2028\u2029]/, r.line);
    const text = lines[r.line - 1] ?? '';
    require('internal/process/execution').setArrowMessage(err,
      `${filename}:${r.line}\n${text}\n${' '.repeat(Math.max(r.column - 1, 0))}^\n\n`);
  }
  throw err;
}

// For the CommonJS loader: { code, format } to compile as CommonJS (format
// 'commonjs', or undefined to fall back to ES module syntax detection), or
// undefined when the file is an ES module (.mts, or .ts in a "type": "module"
// package scope), which the ES module loader strips itself.
function typeScriptForCommonJS(filename, source, packageType) {
  const ext = typeScriptExtension(filename);
  if (ext === undefined) return { code: source, format: undefined };
  if (ext === '.mts' || (ext === '.ts' && packageType === 'module')) return undefined;
  const cjs = ext === '.cts' || packageType === 'commonjs';
  return {
    code: stripTypeScript(source, filename, cjs ? false : undefined),
    format: cjs ? 'commonjs' : undefined,
  };
}

module.exports = {
  stripTypeScript,
  typeScriptExtension,
  typeScriptForCommonJS,
};
