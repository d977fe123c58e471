/* ast.h: the syntax tree jsp_parse() builds in its arena. One node shape for every
 * kind (ESTree-like); the comment after each kind says what its fields hold.
 * Lists are chains through `next`, starting at the field named in the comment. */
#ifndef JSP_AST_H
#define JSP_AST_H

#include "parser/lexer.h"

#include <stddef.h>
#include <stdint.h>

#define JSP_NODES(V)                                                                               \
    V(PROGRAM)            /* a: statements; flags: JSP_NF_MODULE / STRICT / HAS_AWAIT */          \
    V(IDENT)              /* str: name (an identifier reference or binding) */                    \
    V(PRIVATE_NAME)       /* str: name without '#' */                                             \
    V(NUMBER)             /* num; str: raw */                                                     \
    V(BIGINT)             /* str: raw with 'n' */                                                 \
    V(STRING)             /* str: cooked value */                                                 \
    V(BOOL)               /* op: 0 or 1 */                                                        \
    V(NULL)               /*  */                                                                  \
    V(REGEXP)             /* str: body; str2: flags */                                            \
    V(TEMPLATE)           /* a: quasis (TEMPLATE_ELEMENT); b: expressions */                      \
    V(TEMPLATE_ELEMENT)   /* str: cooked (NULL when invalid); raw is the source range */          \
    V(TAGGED_TEMPLATE)    /* a: tag; b: TEMPLATE */                                               \
    V(THIS)               /*  */                                                                  \
    V(SUPER)              /*  */                                                                  \
    V(ARRAY)              /* a: elements (NULL holes are HOLE nodes) */                           \
    V(HOLE)               /* an array elision */                                                  \
    V(OBJECT)             /* a: PROPERTY / SPREAD */                                              \
    V(PROPERTY)           /* a: key; b: value; op: JSP_PROP_*; flags: COMPUTED/SHORTHAND/METHOD */ \
    V(FUNCTION)           /* a: id; b: params; c: body (BLOCK); flags: ASYNC/GENERATOR/ARROW/EXPR_BODY/DECL */ \
    V(CLASS)              /* a: id; b: superclass; c: members; flags: DECL; num: offset of `{` */ \
    V(METHOD)             /* a: key; b: FUNCTION; op: JSP_PROP_*; flags: STATIC/COMPUTED */       \
    V(FIELD)              /* a: key; b: initializer; flags: STATIC/COMPUTED */                    \
    V(STATIC_BLOCK)       /* a: statements */                                                     \
    V(UNARY)              /* op: token (BANG, TILDE, PLUS, MINUS) or keyword TYPEOF/VOID/DELETE via flags KW; a: argument */ \
    V(UPDATE)             /* op: INC/DEC; flags: PREFIX; a: argument */                           \
    V(BINARY)             /* op: token type (or JSP_OP_IN / JSP_OP_INSTANCEOF); a, b */           \
    V(LOGICAL)            /* op: AND / OR / NULLISH; a, b; num: the operator's offset */          \
    V(ASSIGN)             /* op: ASSIGN or compound token; a: target; b: value */                 \
    V(CONDITIONAL)        /* a: test; b: consequent; c: alternate */                              \
    V(CALL)               /* a: callee; b: arguments; flags: OPTIONAL */                          \
    V(NEW)                /* a: callee; b: arguments */                                           \
    V(MEMBER)             /* a: object; b: property (IDENT/PRIVATE_NAME or expr); flags: COMPUTED/OPTIONAL */ \
    V(CHAIN)              /* a: the expression holding an optional link */                        \
    V(SEQUENCE)           /* a: expressions */                                                    \
    V(SPREAD)             /* a: argument */                                                       \
    V(YIELD)              /* a: argument or NULL; flags: DELEGATE */                              \
    V(AWAIT)              /* a: argument */                                                       \
    V(META_PROPERTY)      /* op: JSP_META_NEW_TARGET / JSP_META_IMPORT_META */                    \
    V(IMPORT_CALL)        /* a: specifier; b: options or NULL */                                  \
    V(OBJECT_PATTERN)     /* a: PROPERTY (value is a pattern) / REST */                           \
    V(ARRAY_PATTERN)      /* a: patterns / HOLE / REST */                                         \
    V(ASSIGN_PATTERN)     /* a: target; b: default */                                             \
    V(REST)               /* a: target */                                                         \
    V(VAR_DECL)           /* op: JSP_KW_VAR / LET / CONST; a: DECLARATORs */                      \
    V(DECLARATOR)         /* a: pattern; b: init */                                               \
    V(BLOCK)              /* a: statements */                                                     \
    V(EMPTY)              /*  */                                                                  \
    V(EXPR_STMT)          /* a: expression; str: directive text when a directive */               \
    V(IF)                 /* a: test; b: then; c: else */                                         \
    V(FOR)                /* a: init; b: test; c: update; d: body */                              \
    V(FOR_IN)             /* a: left; b: right; d: body */                                        \
    V(FOR_OF)             /* a: left; b: right; d: body; flags: AWAIT */                          \
    V(WHILE)              /* a: test; d: body */                                                  \
    V(DO_WHILE)           /* a: test; d: body */                                                  \
    V(CONTINUE)           /* a: label */                                                          \
    V(BREAK)              /* a: label */                                                          \
    V(RETURN)             /* a: argument */                                                       \
    V(WITH)               /* a: object; d: body */                                                \
    V(SWITCH)             /* a: discriminant; b: CASEs */                                         \
    V(CASE)               /* a: test (NULL for default); b: statements */                         \
    V(THROW)              /* a: argument */                                                       \
    V(TRY)                /* a: block; b: CATCH; c: finalizer */                                  \
    V(CATCH)              /* a: param or NULL; b: body */                                         \
    V(DEBUGGER)           /*  */                                                                  \
    V(LABELED)            /* a: label (IDENT); b: body */                                         \
    V(IMPORT)             /* a: specifiers; b: source (STRING); c: attributes (PROPERTYs) ; flags: DEFER/SOURCE phase */ \
    V(IMPORT_SPECIFIER)   /* a: imported (IDENT or STRING); b: local (IDENT); c: source */       \
    V(IMPORT_DEFAULT)     /* b: local */                                                          \
    V(IMPORT_NAMESPACE)   /* b: local */                                                          \
    V(EXPORT_NAMED)       /* a: declaration or NULL; b: specifiers; c: source or NULL; d: attributes */ \
    V(EXPORT_SPECIFIER)   /* a: local (IDENT, or STRING when re-exporting); b: exported (IDENT/STRING) */ \
    V(EXPORT_DEFAULT)     /* a: declaration (FUNCTION/CLASS with DECL) or expression */           \
    V(EXPORT_ALL)         /* a: exported name or NULL; c: source; d: attributes */           \
    V(TS_ENUM)            /* TypeScript only: a: id; b: TS_ENUM_MEMBERs; flags: TS_EXPORT; num: offset of `{` */ \
    V(TS_ENUM_MEMBER)     /* a: name (IDENT / STRING); b: initializer or NULL */                  \
    V(TS_NAMESPACE)       /* a: id; b: body statements, or one TS_NAMESPACE for `A.B`; flags: TS_EXPORT / TS_INSTANTIATED; num: offset of `{` */ \
    V(TS_IMPORT_EQUALS)   /* a: id; b: STRING of require() or an entity expression; flags: TS_EXPORT */ \
    V(TS_EXPORT_ASSIGN)   /* a: expression (`export = x`) */

typedef enum jsp_node_kind {
#define JSP_NODE_ENUM(name) JSP_N_##name,
    JSP_NODES(JSP_NODE_ENUM)
#undef JSP_NODE_ENUM
        JSP_N__COUNT
} jsp_node_kind;

enum {
    JSP_NF_COMPUTED = 1 << 0,
    JSP_NF_SHORTHAND = 1 << 1,
    JSP_NF_METHOD = 1 << 2,
    JSP_NF_ASYNC = 1 << 3,
    JSP_NF_GENERATOR = 1 << 4,
    JSP_NF_ARROW = 1 << 5,
    JSP_NF_EXPR_BODY = 1 << 6,
    JSP_NF_DECL = 1 << 7,
    JSP_NF_STATIC = 1 << 8,
    JSP_NF_OPTIONAL = 1 << 9,
    JSP_NF_PREFIX = 1 << 10,
    JSP_NF_DELEGATE = 1 << 11,
    JSP_NF_AWAIT = 1 << 12,
    JSP_NF_MODULE = 1 << 13,
    JSP_NF_STRICT = 1 << 14, /* PROGRAM / FUNCTION: the code is strict */
    JSP_NF_HAS_AWAIT = 1 << 15, /* PROGRAM: top-level await is used */
    JSP_NF_KW = 1 << 16,        /* UNARY / BINARY: op is a jsp_keyword */
    JSP_NF_PAREN = 1 << 17,     /* the expression was parenthesized */
    JSP_NF_USES_ARGUMENTS = 1 << 18, /* PROGRAM: a free `arguments` at top level / in arrows */
    JSP_NF_IMPORT_REF = 1 << 19, /* IDENT: refers to an import binding (jsp_resolve_imports);
                                    d is the IMPORT_* specifier, whose c is the source */
    JSP_NF_TS_PARAM_PROP = 1 << 20, /* TypeScript: a constructor parameter property */
    JSP_NF_TS_EXPORT = 1 << 21,     /* TypeScript: an exported enum / namespace / import alias */
    JSP_NF_TS_INSTANTIATED = 1 << 22, /* TS_NAMESPACE: holds values (not only types) */
};

/* PROPERTY / METHOD kinds */
enum { JSP_PROP_INIT, JSP_PROP_GET, JSP_PROP_SET, JSP_PROP_CONSTRUCTOR };
enum { JSP_META_NEW_TARGET, JSP_META_IMPORT_META };

typedef struct jsp_node jsp_node;
struct jsp_node {
    uint16_t kind;  /* jsp_node_kind */
    uint16_t op;    /* a token type, keyword or JSP_PROP_* depending on kind */
    uint32_t flags; /* JSP_NF_* */
    uint32_t start; /* source range in bytes: [start, end) */
    uint32_t end;
    uint32_t line; /* 1-based line and UTF-16 column of start */
    uint32_t col;
    jsp_node *a, *b, *c, *d;
    jsp_node *next; /* the next sibling in a list */
    const char *str;
    size_t len;
    const char *str2;
    size_t len2;
    double num;
};

const char *jsp_node_kind_name(jsp_node_kind k);

#endif
