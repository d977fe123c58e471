/* parser.h: the ECMAScript 2025 parser (Script and Module goals). Pure C: no engine
 * or libuv headers, so it can be tested and fuzzed alone.
 *
 *     jsp_ast *ast = jsp_parse(src, len, JSP_GOAL_MODULE, 0);
 *     if (!ast->ok) report(ast->error.message, ast->error.line, ast->error.col);
 *     ... walk ast->program (see ast.h) ...
 *     jsp_ast_free(ast);
 *
 * Every node and cooked string lives in the ast's arena; the source must outlive the
 * ast (names without escapes point into it). */
#ifndef JSP_PARSER_H
#define JSP_PARSER_H

#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/lexer.h"

typedef enum jsp_goal { JSP_GOAL_SCRIPT, JSP_GOAL_MODULE } jsp_goal;

enum {
    JSP_PARSE_STRICT = 1 << 0,   /* a script that starts in strict mode */
    JSP_PARSE_FUNCTION = 1 << 1, /* a script in a function body: return and new.target are
                                    allowed at top level (CommonJS wrappers) */
    JSP_PARSE_TS = 1 << 2,       /* TypeScript: types are parsed and recorded in ts_edits */
};

/* TypeScript: a source range jsp_ts_strip() blanks out (JSP_TS_ERASE); a statement or class
 * member blanked out, which keeps a `;` when the code after it could otherwise continue the
 * code before it (JSP_TS_STMT); the return type of an arrow function spanning lines, whose
 * `=>` moves up to where the `:` is (JSP_TS_ARROW: [colon, end of `=>`)). */
enum { JSP_TS_ERASE, JSP_TS_STMT, JSP_TS_ARROW };
typedef struct jsp_ts_edit {
    uint32_t start;
    uint32_t end;
    uint32_t kind;
} jsp_ts_edit;

typedef struct jsp_error {
    char message[192]; /* like V8's, e.g. "Unexpected token '}'" */
    uint32_t offset;   /* byte offset of the offending token */
    uint32_t line;     /* 1-based */
    uint32_t col;      /* 1-based, in UTF-16 code units */
} jsp_error;

typedef struct jsp_ast {
    jsp_arena arena;
    const char *src;
    size_t len;
    jsp_node *program; /* NULL when !ok */
    int ok;
    jsp_error error;
    jsp_ts_edit *ts_edits; /* JSP_PARSE_TS: malloc'd, in the order recorded */
    size_t ts_nedits;
    size_t ts_cap;
    int ts_transforms; /* JSP_PARSE_TS: an enum, namespace, parameter property, `import =`
                          or `export =` was seen (jsp_ts_strip() must walk the tree) */
} jsp_ast;

/* Never returns NULL except when out of memory. */
jsp_ast *jsp_parse(const char *src, size_t len, jsp_goal goal, unsigned flags);
void jsp_ast_free(jsp_ast *ast);

/* Calls cb for every identifier a declaration or pattern binds: VAR_DECL, FUNCTION and
 * CLASS (their names), IMPORT (local names), patterns and plain IDENTs. */
void jsp_for_each_bound_name(const jsp_node *n, void (*cb)(const jsp_node *id, void *ud),
                             void *ud);

/* Module code: marks every identifier reference that resolves to an import binding
 * (scopes of functions, blocks, catch clauses and classes shadow imports) with
 * JSP_NF_IMPORT_REF, pointing its `d` at the IMPORT_* specifier (whose `c` it sets to
 * the module specifier STRING), and returns how many.
 * `export { x }` of an import marks the specifier's local `a` too. Shorthand
 * properties `{ x }` share one IDENT for key and value. */
size_t jsp_resolve_imports(jsp_ast *ast);

/* The name of an IDENT or STRING node (a ModuleExportName) as a NUL-free slice. */
static inline int jsp_name_eq(const jsp_node *n, const char *s, size_t len) {
    return n != NULL && n->len == len && (len == 0 || __builtin_memcmp(n->str, s, len) == 0);
}

#endif
