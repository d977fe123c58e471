// nanoid 5 is ESM-only: "exports" with a "browser"/"default" split, crypto.getRandomValues
// through node:crypto's webcrypto, and a url-alphabet subpath export.
import { nanoid, customAlphabet, customRandom, urlAlphabet, random } from 'nanoid';
import { nanoid as nonSecure } from 'nanoid/non-secure';

const id = nanoid();
console.log(id.length, /^[A-Za-z0-9_-]+$/.test(id), nanoid(10).length);
console.log(urlAlphabet.length, [...new Set(urlAlphabet)].length);
const hex = customAlphabet('0123456789abcdef', 12);
const h = hex();
console.log(h.length, /^[0-9a-f]{12}$/.test(h), hex(5).length);
const seq = customRandom('ab', 8, (size) => new Uint8Array(size).fill(1));
console.log(seq());
const bytes = random(16);
console.log(bytes instanceof Uint8Array, bytes.length);
const ns = nonSecure();
console.log(ns.length, /^[A-Za-z0-9_-]+$/.test(ns));
const many = new Set();
for (let i = 0; i < 1000; i++) many.add(nanoid());
console.log(many.size);
