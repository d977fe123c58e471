'use strict';
// TextEncoder / TextDecoder on 50 MB: encode() of a mixed-script string,
// decode() of the bytes back, and encodeInto() into a preallocated buffer.
const now = typeof performance === 'object' && typeof performance.now === 'function'
  ? () => performance.now()
  : () => Number(process.hrtime.bigint()) / 1e6;

const SIZE = 50 * 1024 * 1024;
const unit = 'Hello, wörld! Grüße, 世界. Ωμέγα — 😀 plain ASCII text follows here. ';
const unitBytes = Buffer.byteLength(unit);
const text = unit.repeat(Math.ceil(SIZE / unitBytes));

const encoder = new TextEncoder();
const decoder = new TextDecoder();

let t0 = now();
const bytes = encoder.encode(text);
const encodeMs = now() - t0;

t0 = now();
const back = decoder.decode(bytes);
const decodeMs = now() - t0;
if (back !== text) throw new Error('TextDecoder round trip differs');

const into = new Uint8Array(bytes.length);
t0 = now();
const { read, written } = encoder.encodeInto(text, into);
const encodeIntoMs = now() - t0;
if (read !== text.length || written !== bytes.length) throw new Error('encodeInto short');

console.log('RESULT text_encode ' + encodeMs.toFixed(3));
console.log('RESULT text_decode ' + decodeMs.toFixed(3));
console.log('RESULT text_encode_into ' + encodeIntoMs.toFixed(3));
