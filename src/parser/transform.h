/* transform.h: the ES-module transform (docs/esm.md section 1). It turns a module's source
 * into the text of a generator function the loader links and runs, and lists the module's
 * requests, imports and exports. Pure C: no engine or libuv headers.
 *
 *     jsp_transform_result r;
 *     int err = jsp_esm_transform(src, len, JSP_TRANSFORM_MODULE, &r);
 *     if (err == 0) use(r.code, r.code_len, r.requests, ...);
 *     else if (err == JSP_TRANSFORM_SYNTAX) report(r.error.message, r.error.line, r.error.col);
 *     jsp_transform_free(&r);
 */
#ifndef JSP_TRANSFORM_H
#define JSP_TRANSFORM_H

#include "parser/parser.h"

#include <stddef.h>

enum {
    JSP_TRANSFORM_MODULE = 0, /* an ES module: the full transform */
    JSP_TRANSFORM_CJS = 1,    /* a CommonJS function body: only import() is rewritten */
};

/* jsp_esm_transform() results besides 0. */
enum {
    JSP_TRANSFORM_SYNTAX = 1,   /* out->error holds the parser's message and position */
    JSP_TRANSFORM_NOMEM = -12,  /* out of memory (-ENOMEM) */
};

/* A slice of UTF-8 text (not NUL-terminated). */
typedef struct jsp_slice {
    const char *s;
    size_t len;
} jsp_slice;

typedef struct jsp_attribute {
    jsp_slice key;
    jsp_slice value;
} jsp_attribute;

/* One distinct (specifier, attributes) pair, in source order. Attributes are sorted by key;
 * attribute_count is 0 when the request has no `with { ... }` (or an empty one). */
typedef struct jsp_request {
    jsp_slice specifier;
    const jsp_attribute *attributes;
    size_t attribute_count;
} jsp_request;

/* An imported name: `name` is the export asked for ('default', '*' for a namespace). */
typedef struct jsp_import_entry {
    size_t request;
    jsp_slice name;
} jsp_import_entry;

/* `export { import_name as name } from ...` (import_name '*' for a namespace). */
typedef struct jsp_indirect_entry {
    jsp_slice name;
    size_t request;
    jsp_slice import_name;
} jsp_indirect_entry;

typedef struct jsp_transform_result {
    char *code; /* malloc'd, NUL-terminated */
    size_t code_len;
    int async; /* top-level await: the wrapper is an async generator */
    int meta;  /* import.meta is used */
    char prefix[24]; /* "__cairn_" or the first free "__cairnN_" */
    jsp_request *requests;
    size_t request_count;
    jsp_import_entry *imports;
    size_t import_count;
    jsp_slice *exports; /* local export names, 'default' included */
    size_t export_count;
    jsp_indirect_entry *indirect;
    size_t indirect_count;
    size_t *stars; /* request indices of `export * from` */
    size_t star_count;
    jsp_error error; /* when the result is JSP_TRANSFORM_SYNTAX */
    jsp_ast *ast;    /* owns the slices and arrays above */
} jsp_transform_result;

/* Transforms len bytes of UTF-8 source. flags is JSP_TRANSFORM_MODULE or JSP_TRANSFORM_CJS.
 * Returns 0, JSP_TRANSFORM_SYNTAX (out->error is set) or JSP_TRANSFORM_NOMEM. Whatever the
 * result, *out must be released with jsp_transform_free(). In CJS mode only code, code_len
 * and prefix are set (the rewritten calls read `<prefix>import`). */
int jsp_esm_transform(const char *src, size_t len, unsigned flags, jsp_transform_result *out);
void jsp_transform_free(jsp_transform_result *out);

/* ---- the scan behind the transform (scope.c) ---- */

/* What jsp_scan_module() reports, and context bits added to JSP_REF_IMPORT /
 * JSP_REF_ARGUMENTS reports. */
enum {
    JSP_REF_IMPORT = 1 << 0,      /* an IDENT that refers to an import binding (d: specifier) */
    JSP_REF_ARGUMENTS = 1 << 1,   /* a free `arguments` outside non-arrow functions */
    JSP_REF_IMPORT_META = 1 << 2, /* a META_PROPERTY import.meta */
    JSP_REF_IMPORT_CALL = 1 << 3, /* an IMPORT_CALL */
    JSP_REF_CALLEE = 1 << 8,      /* the IDENT is the callee of a call or a template tag */
    JSP_REF_SHORTHAND = 1 << 9,   /* the IDENT is a shorthand property `{ a }` */
    JSP_REF_MEMBER_READ = 1 << 10, /* the IDENT is the object of a `.name` that is only read */
};

typedef void (*jsp_ref_fn)(void *ud, jsp_node *n, unsigned kind);

/* Walks a parsed program once: marks import references like jsp_resolve_imports() and
 * calls fn (may be NULL) for each reference of a kind in `what`, roughly in source order.
 * The names of `export { a }` lists are marked but not reported. Returns the number of
 * import references marked. */
size_t jsp_scan_module(jsp_ast *ast, unsigned what, jsp_ref_fn fn, void *ud);

#endif
