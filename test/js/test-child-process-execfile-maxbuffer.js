'use strict';
// execFile(): output past maxBuffer is truncated and fails with ERR_CHILD_PROCESS_STDIO_MAXBUFFER.
const common = require('./common');
const assert = require('node:assert');
const { execFile } = require('node:child_process');

execFile('sh', ['-c', 'printf 0123456789abcdef'], { maxBuffer: 10 },
         common.mustCall((err, stdout) => {
           assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
           assert.strictEqual(err.name, 'RangeError');
           assert.strictEqual(err.message, 'stdout maxBuffer length exceeded');
           assert.strictEqual(stdout, '0123456789');
         }));
