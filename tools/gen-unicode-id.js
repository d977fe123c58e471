// Regenerates src/parser/unicode_id.h: node tools/gen-unicode-id.js > src/parser/unicode_id.h
// Generates range tables of ID_Start / ID_Continue for code points >= 0x80.
function ranges(re) {
  const out = []; let start = -1;
  for (let cp = 0x80; cp <= 0x110000; cp++) {
    const ok = cp < 0x110000 && !(cp >= 0xd800 && cp <= 0xdfff) && re.test(String.fromCodePoint(cp));
    if (ok && start < 0) start = cp;
    if (!ok && start >= 0) { out.push([start, cp - 1]); start = -1; }
  }
  return out;
}
const s = ranges(/^\p{ID_Start}$/u), c = ranges(/^\p{ID_Continue}$/u);
function emit(name, r) {
  let t = `static const uint32_t ${name}[][2] = {\n`;
  for (let i = 0; i < r.length; i += 4)
    t += '    ' + r.slice(i, i + 4).map(([a, b]) => `{0x${a.toString(16)}, 0x${b.toString(16)}}`).join(', ') + ',\n';
  return t + '};\n';
}
process.stdout.write(`/* unicode_id.h: ID_Start / ID_Continue ranges above U+007F (Unicode ${process.versions.unicode}),
 * generated from the host's \\p{ID_Start} and \\p{ID_Continue}. Included once, by lexer.c. */
#include <stdint.h>

` + emit('unicode_id_start', s) + '\n' + emit('unicode_id_continue', c));
console.error(s.length, c.length);
