/* cjs_exports.h: detects the named exports of a CommonJS module by lexing its source, the way
 * node's cjs-module-lexer does (docs/esm.md section 2): `exports.x =`, `module.exports = {...}`,
 * `Object.defineProperty(exports, 'x', ...)`, re-exports through `module.exports = require()`
 * and the Babel / TypeScript star-export helpers. Pure C: no engine or libuv types. */
#ifndef JSP_CJS_EXPORTS_H
#define JSP_CJS_EXPORTS_H

#include <stddef.h>

/* A name or specifier: UTF-8 (string escapes decoded), `len` bytes, NUL-terminated (a name may
 * itself contain NUL bytes, so use `len`). */
typedef struct jsp_cjs_str {
    const char *str;
    size_t len;
} jsp_cjs_str;

typedef struct jsp_cjs_result {
    jsp_cjs_str *exports; /* unique export names, in order of detection */
    size_t n_exports;
    jsp_cjs_str *reexports; /* unique re-export specifiers, in order of detection */
    size_t n_reexports;
    const char *error; /* the lexer error (static text) when jsp_cjs_exports() failed */
    size_t error_pos;  /* its byte offset */
    char *mem_;        /* private: everything above lives in one block */
} jsp_cjs_result;

enum {
    JSP_CJS_ESYNTAX = -1, /* the source does not lex (node then detects no names at all) */
    JSP_CJS_ENOMEM = -2,
};

/* Lexes `src` (UTF-8, `len` bytes; need not be NUL-terminated). Returns 0 and fills `out`, or
 * a negative JSP_CJS_E* code with `out` empty and out->error set. Either way the caller
 * releases `out` with jsp_cjs_result_free(). Never reads outside src[0, len). */
int jsp_cjs_exports(const char *src, size_t len, jsp_cjs_result *out);

/* Frees what jsp_cjs_exports() allocated; `out` is left empty. Safe to call twice. */
void jsp_cjs_result_free(jsp_cjs_result *out);

#endif
