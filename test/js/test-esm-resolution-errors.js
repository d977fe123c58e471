'use strict';
// node's codes and messages for missing modules, bad extensions, directories, packages, schemes, attributes.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'errors');
// The nearest package.json above the fixture is the repository's own.
const rootPackage = path.resolve(__dirname, '..', '..', 'package.json');
const r = runChild(['imports-all.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `./missing-export.mjs SyntaxError undefined The requested module './dep.mjs' does not provide an export named 'nothere'
./missing-file.mjs Error ERR_MODULE_NOT_FOUND Cannot find module '${dir}/nope.mjs' imported from ${dir}/missing-file.mjs
./no-extension.mjs Error ERR_MODULE_NOT_FOUND Cannot find module '${dir}/dep' imported from ${dir}/no-extension.mjs
./dir.mjs Error ERR_UNSUPPORTED_DIR_IMPORT Directory import '${dir}/subdir' is not supported resolving ES modules imported from ${dir}/dir.mjs
Did you mean to import "./subdir/index.js"?
./bad-ext.mjs TypeError ERR_UNKNOWN_FILE_EXTENSION Unknown file extension ".txt" for ${dir}/file.txt
./json-no-attr.mjs TypeError ERR_IMPORT_ATTRIBUTE_MISSING Module "file://${dir}/data.json" needs an import attribute of "type: json"
./syntax.mjs SyntaxError undefined Unexpected token ';'
./throws.mjs RangeError undefined thrown at top level
nopkg Error ERR_MODULE_NOT_FOUND Cannot find package 'nopkg' imported from ${dir}/imports-all.mjs
#nope TypeError ERR_PACKAGE_IMPORT_NOT_DEFINED Package import specifier "#nope" is not defined in package ${rootPackage} imported from ${dir}/imports-all.mjs
node:nope Error ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:nope
https://example.com/x.mjs Error ERR_UNSUPPORTED_ESM_URL_SCHEME Only URLs with a scheme in: file and data are supported by the default ESM loader. Received protocol 'https:'
@bad TypeError ERR_INVALID_MODULE_SPECIFIER Invalid module "@bad" is not a valid package name imported from ${dir}/imports-all.mjs
`);
assert.strictEqual(r.status, 0);
