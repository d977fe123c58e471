/* typescript.h: TypeScript to JavaScript by type stripping. Pure C: no engine or libuv
 * headers.
 *
 *     jsp_ts_result r;
 *     if (jsp_ts_strip(src, len, JSP_TS_MODULE, &r) == 0) run(r.code, r.len);
 *     else report(r.error.message, r.error.line, r.error.col);
 *     jsp_ts_result_free(&r);
 *
 * Every type annotation, type declaration, `declare` form, overload signature, modifier,
 * `as` / `satisfies` / `!` assertion and type argument list is replaced by spaces (line
 * terminators are kept), so lines and columns of the JavaScript stay those of the
 * TypeScript. The forms that have a runtime meaning are transformed where they stand, on
 * the lines they held: enums and namespaces become IIFEs as tsc emits them, parameter
 * properties become `this.x = x;` assignments (and field declarations), `import x =
 * require('y')` becomes `const x = require('y')` and `export = x` `module.exports = x`. */
#ifndef JSP_TYPESCRIPT_H
#define JSP_TYPESCRIPT_H

#include "parser/parser.h"

#include <stddef.h>

enum {
    JSP_TS_MODULE = 1 << 0,   /* parse with the Module goal (else a CommonJS function body) */
};

typedef struct jsp_ts_result {
    char *code; /* malloc'd JavaScript, NUL-terminated; NULL on error */
    size_t len;
    jsp_error error; /* when jsp_ts_strip() returned 1 */
} jsp_ts_result;

/* Strips src. Returns 0 with out->code set, 1 on a syntax error (out->error), or -ENOMEM.
 * out is always safe to pass to jsp_ts_result_free(). */
int jsp_ts_strip(const char *src, size_t len, unsigned flags, jsp_ts_result *out);
void jsp_ts_result_free(jsp_ts_result *r);

#endif
