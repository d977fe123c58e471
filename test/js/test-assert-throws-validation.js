'use strict';
// assert.throws() validates the thrown value against a class, a RegExp, a
// validation function or an object of expected properties, with node's
// messages for each kind of mismatch.
require('./common');
const assert = require('node:assert');

function failure(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail('no error');
}

const start = 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n';
const thrower = () => {
  const err = new TypeError('Wrong value');
  err.code = 404;
  throw err;
};

// Passing validations.
assert.throws(thrower, TypeError);
assert.throws(thrower, /Wrong/);
assert.throws(thrower, { name: 'TypeError', message: /value$/, code: 404 });
assert.throws(thrower, (err) => err.code === 404);
assert.throws(() => { throw new Error('e'); }, new Error('e'));

let err = failure(() => assert.throws(() => {}));
assert.strictEqual(err.message, 'Missing expected exception.');
assert.strictEqual(err.operator, 'throws');
err = failure(() => assert.throws(() => {}, TypeError, 'fhqwhgads'));
assert.strictEqual(err.message, 'Missing expected exception (TypeError): fhqwhgads');

err = failure(() => assert.throws(thrower, RangeError));
assert.strictEqual(err.message, 'The error is expected to be an instance of "RangeError". ' +
                   'Received "TypeError"\n\nError message:\n\nWrong value');
assert.strictEqual(err.generatedMessage, true);

err = failure(() => assert.throws(thrower, /abc/));
assert.strictEqual(err.message, 'The input did not match the regular expression /abc/. ' +
                   "Input:\n\n'TypeError: Wrong value'\n");

err = failure(() => assert.throws(thrower, function check() { return 'no'; }));
assert.strictEqual(err.message, 'The "check" validation function is expected to return "true". ' +
                   "Received 'no'\n\nCaught error:\n\nTypeError: Wrong value");

err = failure(() => assert.throws(thrower, { code: '404', foo: undefined, message: 'Wrong value' }));
assert.strictEqual(err.message, `${start}  Comparison {\n+   code: 404,\n-   code: '404',\n` +
                   "-   foo: undefined,\n    message: 'Wrong value'\n  }");
assert.strictEqual(err.operator, 'throws');
assert.strictEqual(err.expected.code, '404');

err = failure(() => assert.throws(() => { throw new TypeError('e'); }, new Error('e')));
assert.strictEqual(err.message, `${start}  Comparison {\n    message: 'e',\n` +
                   "+   name: 'TypeError'\n-   name: 'Error'\n  }");

err = failure(() => assert.throws(() => { throw null; }, { message: 'foo' }));  // eslint-disable-line no-throw-literal
assert.strictEqual(err.message, `${start}+ null\n- {\n-   message: 'foo'\n- }`);

// Invalid validators.
err = failure(() => assert.throws(thrower, {}));
assert.strictEqual(err.code, 'ERR_INVALID_ARG_VALUE');
assert.strictEqual(err.message, "The argument 'error' may not be an empty object. Received {}");
err = failure(() => assert.throws(() => {}, 'Error message', 'message'));
assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(err.message, 'The "error" argument must be of type function or an instance of ' +
                   "Error, RegExp, or Object. Received type string ('Error message')");
err = failure(() => assert.throws(() => { throw new TypeError('foo'); }, 'foo'));
assert.strictEqual(err.code, 'ERR_AMBIGUOUS_ARGUMENT');
err = failure(() => assert.throws('not a function'));
assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');

// doesNotThrow reports errors that match and rethrows the others.
err = failure(() => assert.doesNotThrow(thrower, TypeError, 'custom'));
assert.strictEqual(err.message, 'Got unwanted exception: custom\nActual message: "Wrong value"');
err = failure(() => assert.doesNotThrow(thrower, RangeError));
assert.ok(err instanceof TypeError);
