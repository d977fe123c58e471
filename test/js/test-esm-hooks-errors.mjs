// module.register() hooks that break the chain's rules reject import() with
// node's errors: ERR_LOADER_CHAIN_INCOMPLETE, ERR_INVALID_RETURN_VALUE,
// ERR_INVALID_RETURN_PROPERTY_VALUE, ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_MODULE_FORMAT.
import assert from 'node:assert';
import { register } from 'node:module';

register('./fixtures/esm/hooks/broken.mjs', import.meta.url);

const id = './fixtures/esm/hooks/broken.mjs';
const incomplete = (hook) => `"${id} '${hook}'" did not call the next hook in its chain and ` +
  'did not explicitly signal a short circuit. If this is intentional, include ' +
  '`shortCircuit: true` in the hook\'s return.';

const cases = [
  ['broken:no-next', 'Error', 'ERR_LOADER_CHAIN_INCOMPLETE', incomplete('resolve')],
  ['broken:load-no-next', 'Error', 'ERR_LOADER_CHAIN_INCOMPLETE', incomplete('load')],
  ['broken:null', 'TypeError', 'ERR_INVALID_RETURN_VALUE',
    `Expected an object to be returned from the "${id} 'resolve' hook's nextResolve()" ` +
    'function but got null.'],
  ['broken:url-type', 'TypeError', 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    `Expected a URL string to be returned for the "url" from the "${id} 'resolve'" hook but ` +
    'got type number (5).'],
  ['broken:url-invalid', 'TypeError', 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    `Expected a URL string to be returned for the "url" from the "${id} 'resolve'" hook but ` +
    'got type string (\'not a url\').'],
  ['broken:next-arg', 'TypeError', 'ERR_INVALID_ARG_TYPE',
    'The "node:internal/modules/esm/resolve \'resolve\' hook\'s nextResolve() specifier" ' +
    'argument must be of type string. Received type number (5)'],
  ['broken:format', 'RangeError', 'ERR_UNKNOWN_MODULE_FORMAT',
    'Unknown module format: weird for URL broken:format'],
  ['broken:no-format', 'RangeError', 'ERR_UNKNOWN_MODULE_FORMAT',
    'Unknown module format: undefined for URL broken:no-format'],
  ['broken:source-type', 'TypeError', 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    'Expected a string, an ArrayBuffer, or a TypedArray to be returned for the "source" from ' +
    `the "${id} 'load'" hook but got type number (5).`],
  ['broken:no-source', 'TypeError', 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    'Expected string, array buffer, or typed array to be returned for the "source" from the ' +
    '"load" hook but got undefined.'],
  ['broken:builtin', 'Error', 'ERR_UNKNOWN_BUILTIN_MODULE',
    'No such built-in module: broken:builtin'],
  ['broken:scheme', 'Error', 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
    'Only URLs with a scheme in: file, data, and node are supported by the default ESM ' +
    'loader. Received protocol \'broken:\''],
  ['broken:throws', 'RangeError', undefined, 'resolve hook failed'],
];

for (const [specifier, name, code, message] of cases) {
  await assert.rejects(import(specifier), (err) => {
    assert.strictEqual(err.name, name, specifier);
    assert.strictEqual(err.code, code, specifier);
    assert.strictEqual(err.message, message, specifier);
    return true;
  });
}
