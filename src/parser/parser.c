/* parser.c: recursive-descent ECMAScript parser building the ast.h tree. Errors
 * longjmp out to jsp_parse(); the arena is freed with the ast either way. */
#include "parser/parser.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARSER_MAX_DEPTH 4000
/* Bytes of C stack a parse may use: nesting fails cleanly before the stack runs out, whatever
 * the frame sizes of the build (sanitizers make them several times larger). */
#define PARSER_STACK_BUDGET (3u << 20)

enum {
    P_STRICT = 1 << 0,
    P_YIELD = 1 << 1,        /* in a generator: yield is an operator */
    P_AWAIT = 1 << 2,        /* in an async function or module top level */
    P_RETURN = 1 << 3,
    P_NEW_TARGET = 1 << 4,
    P_SUPER_PROP = 1 << 5,
    P_SUPER_CALL = 1 << 6,
    P_BREAK = 1 << 7,
    P_CONTINUE = 1 << 8,
    P_FIELD_INIT = 1 << 9,   /* class field initializer: no `arguments` */
    P_PARAMS = 1 << 10,      /* in formal parameters: no yield/await expressions */
    P_STATIC_BLOCK = 1 << 11,
};

typedef struct parser_label {
    const char *name;
    size_t len;
    int loop;
    struct parser_label *next;
} parser_label;

typedef struct parser_name {
    const char *s;
    size_t len;
    unsigned kind; /* private names: PARSER_PRIV_* */
    uint32_t offset;
    struct parser_name *next;
} parser_name;

enum { PARSER_EXPR, PARSER_DECL, PARSER_DECL_DEFAULT, PARSER_DECL_IF };

enum { PARSER_PRIV_GET = 1, PARSER_PRIV_SET = 2, PARSER_PRIV_OTHER = 3, PARSER_PRIV_STATIC = 4 };

/* Declarations, for the redeclaration early errors. The names of all open scopes live in
 * one hash table: entries are pushed on a stack and chained per bucket (newest first).
 * A scope's entries all sit above its mark; popping it unlinks the entries above the
 * mark and pushes back those of outer scopes (var names hoisted from inside it). */
enum {
    PARSER_SC_FUNCTION, /* function body with its parameters; the program; a static block */
    PARSER_SC_BLOCK,    /* block, case block, for head */
    PARSER_SC_CATCH,    /* a catch clause's parameters */
};

enum {
    PARSER_D_LEX,      /* let, const, class, import; functions in modules and strict blocks */
    PARSER_D_BLOCKFN,  /* a plain function declared in a sloppy block (Annex B allows repeats) */
    PARSER_D_VAR,      /* var; functions at the top of a function or script */
    PARSER_D_VAR_FOROF, /* var in a for-of head: never redeclares a catch parameter */
    PARSER_D_PARAM,
    PARSER_D_CATCH,     /* a catch parameter that is a plain identifier */
    PARSER_D_CATCH_PAT, /* a name bound by a catch parameter pattern */
};

typedef struct parser_decl {
    const char *s;
    uint32_t len;
    uint32_t hash;
    uint32_t scope; /* parser_scope.id */
    uint32_t next;  /* older entry in the same bucket, 1-based; 0 ends the chain */
    unsigned char kind;
} parser_decl;

typedef struct parser_scope {
    struct parser_scope *outer;
    uint32_t id;
    uint32_t mark; /* the scope's entries are decls[mark..] */
    uint32_t dup_param; /* offset + 1 of a repeated parameter name */
    unsigned char kind;
    unsigned char catch_body; /* a catch clause's block: its names meet the parameters */
    unsigned char module;     /* the module top level: functions are lexical */
} parser_scope;

/* The private names a class body declares and the ones it uses. */
typedef struct parser_class_scope {
    parser_name *declared;
    parser_name *refs;
    struct parser_class_scope *outer;
} parser_class_scope;

typedef struct parser {
    jsp_lexer lx;
    jsp_arena *arena;
    jsp_ast *ast;
    jmp_buf jb;
    unsigned ctx;
    int module;
    uint32_t prev_end;
    uint32_t prev_await; /* offset + 1 of the previous token when it was `await` */
    int depth;
    uintptr_t stack_limit; /* the lowest stack address the parse may reach */
    int fn_depth;        /* functions (not arrows), field initializers, static blocks */
    int any_fn_depth;    /* every function, arrows included */
    uint32_t cover_init; /* offset + 1 of a pending `{a = 1}` in an object literal */
    const char *cover_msg;
    parser_class_scope *class_scope;
    parser_label *labels;
    parser_label *label_run; /* the oldest label directly before the next statement */
    parser_name *exports;
    int export_from_decl; /* exported names come from a var (1) or lexical (2) declaration */
    jsp_node *program;
    parser_scope *scope;
    uint32_t scope_ids;
    parser_decl *decls; /* malloc'd, freed by jsp_parse() */
    size_t ndecls, cap_decls;
    uint32_t *buckets; /* malloc'd: heads of the chains, 1-based indexes into decls */
    size_t nbuckets;
    uint32_t yield_await_at; /* offset + 1 of the first yield or await expression in the
                                current cover grammar: never in arrow parameters */
    uint32_t await_ident_at; /* offset + 1 of the first `await` identifier reference: not in
                                async arrow parameters */
    /* TypeScript (JSP_PARSE_TS) */
    int ts;
    int ts_ambient;          /* inside `declare`: nothing is declared, bodies are optional */
    int ts_ns_depth;         /* namespace bodies entered */
    unsigned char ts_sig;    /* the next parser_function_rest() may lack a body (overloads) */
    unsigned char ts_ctor;   /* the next parser_function_rest() is a constructor's */
    unsigned char ts_no_cond; /* in a conditional type's `extends` type */
    int ts_trying;            /* speculating: errors need no message or position */
} parser;

typedef struct parser_list {
    jsp_node *head;
    jsp_node *tail;
} parser_list;

static const char *const parser_node_names[] = {
#define PARSER_NODE_NAME(name) #name,
    JSP_NODES(PARSER_NODE_NAME)
#undef PARSER_NODE_NAME
};

const char *jsp_node_kind_name(jsp_node_kind k) {
    return (unsigned)k < JSP_N__COUNT ? parser_node_names[k] : "?";
}

#define TOK (p->lx.tok)

static void parser_fail_at(parser *p, uint32_t offset, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

static void parser_fail_at(parser *p, uint32_t offset, const char *fmt, ...) {
    if (p->ts_trying) {
        longjmp(p->jb, 1);
    }
    jsp_error *e = &p->ast->error;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof(e->message), fmt, ap);
    va_end(ap);
    e->offset = offset;
    jsp_lex_position(p->lx.src, p->lx.len, offset, &e->line, &e->col);
    longjmp(p->jb, 1);
}

static void parser_unexpected(parser *p) __attribute__((noreturn));

static void parser_unexpected(parser *p) {
    const jsp_token *t = &TOK;
    int n = (int)(t->end - t->start > 40 ? 40 : t->end - t->start);
    const char *s = p->lx.src + t->start;
    switch (t->type) {
    case JSP_T_EOF:
        parser_fail_at(p, t->start, "Unexpected end of input");
    case JSP_T_ERROR:
        parser_fail_at(p, p->lx.error_pos, "%s", p->lx.error);
    case JSP_T_STRING:
        parser_fail_at(p, t->start, "Unexpected string");
    case JSP_T_NUMBER:
    case JSP_T_BIGINT:
        parser_fail_at(p, t->start, "Unexpected number");
    case JSP_T_TEMPLATE:
    case JSP_T_TEMPLATE_HEAD:
        parser_fail_at(p, t->start, "Unexpected template string");
    case JSP_T_PRIVATE:
        parser_fail_at(p, t->start, "Unexpected identifier '%.*s'", n, s);
    case JSP_T_NAME:
        if (JSP_KW_IS_RESERVED(t->kw) && !(t->flags & JSP_TF_ESCAPED)) {
            parser_fail_at(p, t->start, "Unexpected token '%.*s'", n, s);
        }
        if ((p->ctx & P_STRICT) && JSP_KW_IS_STRICT_RESERVED(t->kw)) {
            parser_fail_at(p, t->start, "Unexpected strict mode reserved word");
        }
        parser_fail_at(p, t->start, "Unexpected identifier '%.*s'", n, s);
    default:
        parser_fail_at(p, t->start, "Unexpected token '%.*s'", n, s);
    }
}

static void parser_check_lex(parser *p) {
    if (TOK.type == JSP_T_ERROR) {
        parser_fail_at(p, p->lx.error_pos, "%s", p->lx.error);
    }
}

static void parser_next(parser *p) {
    p->prev_end = TOK.end;
    p->prev_await = (TOK.type == JSP_T_NAME && TOK.kw == JSP_KW_AWAIT &&
                     !(TOK.flags & JSP_TF_ESCAPED))
                        ? TOK.start + 1
                        : 0;
    jsp_lex_next(&p->lx);
    parser_check_lex(p);
}

/* An unescaped keyword (contextual keywords included). */
static int parser_is_kw(parser *p, jsp_keyword kw) {
    return TOK.type == JSP_T_NAME && TOK.kw == kw && !(TOK.flags & JSP_TF_ESCAPED);
}

static int parser_eat(parser *p, jsp_tok_type t) {
    if (TOK.type == t) {
        parser_next(p);
        return 1;
    }
    return 0;
}

static int parser_eat_kw(parser *p, jsp_keyword kw) {
    if (parser_is_kw(p, kw)) {
        parser_next(p);
        return 1;
    }
    return 0;
}

static void parser_expect(parser *p, jsp_tok_type t) {
    if (!parser_eat(p, t)) {
        parser_unexpected(p);
    }
}

static void parser_expect_kw(parser *p, jsp_keyword kw) {
    if (!parser_eat_kw(p, kw)) {
        parser_unexpected(p);
    }
}

/* The token after the current one, without consuming anything. */
static jsp_token parser_peek(parser *p) {
    jsp_lexer saved = p->lx;
    jsp_lex_next(&p->lx);
    jsp_token t = p->lx.tok;
    p->lx = saved;
    return t;
}

/* The token after the next one. */
static jsp_token parser_peek2(parser *p) {
    jsp_lexer saved = p->lx;
    jsp_lex_next(&p->lx);
    jsp_lex_next(&p->lx);
    jsp_token t = p->lx.tok;
    p->lx = saved;
    return t;
}

static void parser_semicolon(parser *p) {
    if (parser_eat(p, JSP_T_SEMI)) {
        return;
    }
    if (TOK.type == JSP_T_RBRACE || TOK.type == JSP_T_EOF || (TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        return;
    }
    if (p->prev_await && TOK.type != JSP_T_ERROR) {
        /* `await x` where await is an identifier */
        parser_fail_at(p, p->prev_await - 1,
                       "await is only valid in async functions and the top level bodies of "
                       "modules");
    }
    parser_unexpected(p);
}

static void parser_enter(parser *p) {
    if (++p->depth > PARSER_MAX_DEPTH || (uintptr_t)__builtin_frame_address(0) < p->stack_limit) {
        parser_fail_at(p, TOK.start, "Maximum call stack size exceeded");
    }
}

static void *parser_alloc(parser *p, size_t n) {
    void *m = jsp_arena_alloc(p->arena, n);
    if (m == NULL) {
        parser_fail_at(p, TOK.start, "Out of memory");
    }
    return m;
}

static jsp_node *parser_node(parser *p, jsp_node_kind kind) {
    jsp_node *n = parser_alloc(p, sizeof(*n));
    n->kind = (uint16_t)kind;
    n->start = TOK.start;
    n->line = TOK.line;
    n->col = TOK.col;
    return n;
}

/* A node that starts where `from` starts. */
static jsp_node *parser_node_at(parser *p, jsp_node_kind kind, const jsp_node *from) {
    jsp_node *n = parser_alloc(p, sizeof(*n));
    n->kind = (uint16_t)kind;
    n->start = from->start;
    n->line = from->line;
    n->col = from->col;
    return n;
}

static jsp_node *parser_finish(parser *p, jsp_node *n) {
    n->end = p->prev_end;
    return n;
}

static void parser_push(parser_list *l, jsp_node *n) {
    if (l->tail) {
        l->tail->next = n;
    } else {
        l->head = n;
    }
    l->tail = n;
}

static int parser_str_is(const jsp_node *n, const char *s) {
    size_t len = strlen(s);
    return n->len == len && memcmp(n->str, s, len) == 0;
}

/* ---- scopes and declarations ---- */

static uint32_t parser_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h;
}

static void parser_scope_push(parser *p, parser_scope *sc, int kind) {
    memset(sc, 0, sizeof(*sc));
    sc->outer = p->scope;
    sc->id = ++p->scope_ids;
    sc->mark = (uint32_t)p->ndecls;
    sc->kind = (unsigned char)kind;
    p->scope = sc;
}

static void parser_scope_pop(parser *p) {
    parser_scope *sc = p->scope;
    size_t mask = p->nbuckets - 1, top = p->ndecls;
    for (size_t i = top; i > sc->mark; i--) {
        const parser_decl *d = &p->decls[i - 1];
        p->buckets[d->hash & mask] = d->next;
    }
    p->ndecls = sc->mark;
    for (size_t i = sc->mark; i < top; i++) {
        if (p->decls[i].scope != sc->id) {
            parser_decl *d = &p->decls[p->ndecls++];
            *d = p->decls[i];
            d->next = p->buckets[d->hash & mask];
            p->buckets[d->hash & mask] = (uint32_t)p->ndecls;
        }
    }
    p->scope = sc->outer;
}

static parser_decl *parser_decl_find(parser *p, const parser_scope *sc, const jsp_node *id,
                                     uint32_t h) {
    if (p->nbuckets == 0) {
        return NULL;
    }
    for (uint32_t i = p->buckets[h & (p->nbuckets - 1)]; i; i = p->decls[i - 1].next) {
        parser_decl *d = &p->decls[i - 1];
        if (d->scope == sc->id && d->hash == h && d->len == id->len &&
            memcmp(d->s, id->str, id->len) == 0) {
            return d;
        }
        if (i - 1 < sc->mark) {
            break; /* older entries belong to outer scopes */
        }
    }
    return NULL;
}

static void parser_decl_add(parser *p, parser_scope *sc, const jsp_node *id, uint32_t h,
                            int kind) {
    if (p->ndecls == p->cap_decls) {
        size_t cap = p->cap_decls ? p->cap_decls * 2 : 256;
        parser_decl *d = cap < UINT32_MAX ? realloc(p->decls, cap * sizeof(*d)) : NULL;
        if (d == NULL) {
            parser_fail_at(p, id->start, "Out of memory");
        }
        p->decls = d;
        p->cap_decls = cap;
    }
    if (p->ndecls * 2 >= p->nbuckets) {
        /* rehash in push order, which keeps every chain newest-first */
        size_t n = p->nbuckets ? p->nbuckets * 2 : 512;
        uint32_t *b = calloc(n, sizeof(*b));
        if (b == NULL) {
            parser_fail_at(p, id->start, "Out of memory");
        }
        free(p->buckets);
        p->buckets = b;
        p->nbuckets = n;
        for (size_t i = 0; i < p->ndecls; i++) {
            parser_decl *d = &p->decls[i];
            d->next = b[d->hash & (n - 1)];
            b[d->hash & (n - 1)] = (uint32_t)i + 1;
        }
    }
    parser_decl *d = &p->decls[p->ndecls++];
    d->s = id->str;
    d->len = (uint32_t)id->len;
    d->hash = h;
    d->scope = sc->id;
    d->kind = (unsigned char)kind;
    d->next = p->buckets[h & (p->nbuckets - 1)];
    p->buckets[h & (p->nbuckets - 1)] = (uint32_t)p->ndecls;
}

static void parser_redeclared(parser *p, const jsp_node *id) __attribute__((noreturn));

static void parser_redeclared(parser *p, const jsp_node *id) {
    parser_fail_at(p, id->start, "Identifier '%.*s' has already been declared", (int)id->len,
                   id->str);
}

/* Declares the name `id` in the current scope (var names: up to the function scope),
 * failing on the redeclarations the spec forbids. */
static void parser_declare(parser *p, const jsp_node *id, int kind) {
    parser_scope *sc = p->scope;
    if (sc == NULL || id == NULL || id->kind != JSP_N_IDENT || p->ts_ambient) {
        return;
    }
    uint32_t h = parser_hash(id->str, id->len);
    parser_decl *d;
    switch (kind) {
    case PARSER_D_VAR:
    case PARSER_D_VAR_FOROF:
        for (;; sc = sc->outer) {
            d = parser_decl_find(p, sc, id, h);
            if (d == NULL) {
                if (sc->kind != PARSER_SC_CATCH) {
                    parser_decl_add(p, sc, id, h, PARSER_D_VAR);
                }
            } else if (d->kind == PARSER_D_LEX || d->kind == PARSER_D_BLOCKFN ||
                       d->kind == PARSER_D_CATCH_PAT ||
                       (d->kind == PARSER_D_CATCH && kind == PARSER_D_VAR_FOROF)) {
                parser_redeclared(p, id);
            } else if (d->kind == PARSER_D_VAR) {
                return; /* declared before: the outer scopes have it too */
            }
            if (sc->kind == PARSER_SC_FUNCTION || sc->outer == NULL) {
                return;
            }
        }
    case PARSER_D_PARAM:
    case PARSER_D_CATCH:
    case PARSER_D_CATCH_PAT:
        if (parser_decl_find(p, sc, id, h)) {
            if (kind != PARSER_D_PARAM) {
                parser_redeclared(p, id);
            }
            if (!sc->dup_param) {
                sc->dup_param = id->start + 1;
            }
            return;
        }
        parser_decl_add(p, sc, id, h, kind);
        return;
    default:
        d = parser_decl_find(p, sc, id, h);
        if (d) {
            if (kind == PARSER_D_BLOCKFN && d->kind == PARSER_D_BLOCKFN) {
                return;
            }
            parser_redeclared(p, id);
        }
        if (sc->catch_body && sc->outer && parser_decl_find(p, sc->outer, id, h)) {
            parser_redeclared(p, id);
        }
        parser_decl_add(p, sc, id, h, kind);
        return;
    }
}

typedef struct parser_declare_ctx {
    parser *p;
    int kind;
} parser_declare_ctx;

static void parser_declare_cb(const jsp_node *id, void *ud) {
    parser_declare_ctx *c = ud;
    parser_declare(c->p, id, c->kind);
}

/* Declares every name a binding pattern (or identifier) binds. */
static void parser_declare_pattern(parser *p, const jsp_node *pattern, int kind) {
    parser_declare_ctx c = {p, kind};
    jsp_for_each_bound_name(pattern, parser_declare_cb, &c);
}

/* ---- forward declarations ---- */
static jsp_node *parser_expression(parser *p, int no_in);
static jsp_node *parser_assign(parser *p, int no_in, int cover);
static jsp_node *parser_statement(parser *p);
static jsp_node *parser_statement_list_item(parser *p);
static jsp_node *parser_function(parser *p, unsigned nflags, int is_decl);
static jsp_node *parser_class(parser *p, int is_decl, int name_optional);
static jsp_node *parser_binding_target(parser *p, jsp_keyword decl_kind);
static jsp_node *parser_unary(parser *p);
static jsp_node *parser_lhs(parser *p);
static jsp_node *parser_to_pattern(parser *p, jsp_node *n, int binding);
static jsp_node *parser_function_rest(parser *p, jsp_node *fn, unsigned nflags,
                                      unsigned extra_ctx);
static jsp_node *parser_arrow_body(parser *p, jsp_node *fn, jsp_node *params, unsigned nflags);
static jsp_node *parser_var_decl(parser *p, jsp_keyword kind, int no_in, int in_for);
static jsp_node *parser_declaration_or_statement(parser *p);
static jsp_node *parser_module_source(parser *p, jsp_node **attrs);
static jsp_node *parser_module_export_name(parser *p);
static jsp_node *parser_ts_cover_item(parser *p, int *param);
static jsp_node *parser_ts_statement(parser *p);
static jsp_node *parser_ts_export(parser *p, jsp_node *ex);
static jsp_node *parser_ts_empty(parser *p, uint32_t start);
static int parser_ts_type_specifier(parser *p);

/* ---- TypeScript: types are parsed only to be erased ---- */

static int parser_binary_prec(parser *p, int no_in);
static int parser_starts_expression(parser *p);

static void parser_ts_edit(parser *p, uint32_t start, uint32_t end, uint32_t kind) {
    jsp_ast *ast = p->ast;
    if (start >= end) {
        return;
    }
    if (ast->ts_nedits == ast->ts_cap) {
        size_t cap = ast->ts_cap ? ast->ts_cap * 2 : 64;
        jsp_ts_edit *e = realloc(ast->ts_edits, cap * sizeof(*e));
        if (e == NULL) {
            parser_fail_at(p, start, "Out of memory");
        }
        ast->ts_edits = e;
        ast->ts_cap = cap;
    }
    ast->ts_edits[ast->ts_nedits++] = (jsp_ts_edit){start, end, kind};
}

static void parser_ts_erase(parser *p, uint32_t start, uint32_t end) {
    parser_ts_edit(p, start, end, JSP_TS_ERASE);
}

/* A whole statement or class member: erased, with a `;` kept when what follows could
 * otherwise continue the statement before it. */
static void parser_ts_erase_stmt(parser *p, uint32_t start, uint32_t end) {
    parser_ts_edit(p, start, end, JSP_TS_STMT);
}

static int parser_ts_tok_is(const jsp_token *t, const char *s, size_t n) {
    return t->type == JSP_T_NAME && t->len == n && !(t->flags & JSP_TF_ESCAPED) &&
           memcmp(t->str, s, n) == 0;
}
#define TS_IS(lit) parser_ts_tok_is(&p->lx.tok, lit, sizeof(lit) - 1)
#define TS_TOK_IS(t, lit) parser_ts_token_is(t, lit, sizeof(lit) - 1)

static int parser_ts_token_is(jsp_token t, const char *s, size_t n) {
    return parser_ts_tok_is(&t, s, n);
}

/* Speculative parsing: fn runs from the current token; when it fails (returns 0 or any
 * parse error), the lexer and the edits are put back as they were. */
typedef int (*parser_ts_fn)(parser *p, void *ud);

static int parser_ts_run(parser *p, parser_ts_fn fn, void *ud) {
    if (setjmp(p->jb) != 0) {
        return 0;
    }
    return fn(p, ud);
}

static int parser_ts_try(parser *p, parser_ts_fn fn, void *ud) {
    jsp_lexer lx = p->lx;
    uint32_t prev_end = p->prev_end, prev_await = p->prev_await;
    size_t nedits = p->ast->ts_nedits;
    int depth = p->depth;
    unsigned char no_cond = p->ts_no_cond;
    jmp_buf saved;
    memcpy(&saved, &p->jb, sizeof(jmp_buf));
    p->ts_trying++;
    int ok = parser_ts_run(p, fn, ud);
    p->ts_trying--;
    memcpy(&p->jb, &saved, sizeof(jmp_buf));
    if (!ok) {
        p->lx = lx;
        p->prev_end = prev_end;
        p->prev_await = prev_await;
        p->ast->ts_nedits = nedits;
        p->depth = depth;
        p->ts_no_cond = no_cond;
    }
    return ok;
}

/* Consumes one `>`, splitting `>>`, `>=` and the like. */
static void parser_ts_expect_gt(parser *p) {
    switch (TOK.type) {
    case JSP_T_GT:
        parser_next(p);
        return;
    case JSP_T_SAR:
    case JSP_T_SHR:
    case JSP_T_GE:
    case JSP_T_SAR_ASSIGN:
    case JSP_T_SHR_ASSIGN:
        p->prev_end = TOK.start + 1;
        p->prev_await = 0;
        p->lx.pos = TOK.start + 1;
        jsp_lex_next(&p->lx);
        p->lx.tok.flags &= ~(unsigned)JSP_TF_NEWLINE_BEFORE;
        parser_check_lex(p);
        return;
    default:
        parser_unexpected(p);
    }
}

/* Skips a balanced (), [] or {} group starting at the current token, templates included. */
static void parser_ts_skip_balanced(parser *p) {
    char stack[256];
    size_t depth = 0;
    do {
        switch (TOK.type) {
        case JSP_T_LPAREN:
        case JSP_T_LBRACKET:
        case JSP_T_LBRACE:
        case JSP_T_TEMPLATE_HEAD:
            if (depth == sizeof(stack)) {
                parser_fail_at(p, TOK.start, "Maximum call stack size exceeded");
            }
            stack[depth++] = TOK.type == JSP_T_LPAREN     ? ')'
                             : TOK.type == JSP_T_LBRACKET ? ']'
                             : TOK.type == JSP_T_LBRACE   ? '}'
                                                          : 't';
            break;
        case JSP_T_RPAREN:
        case JSP_T_RBRACKET:
            if (depth == 0 || stack[depth - 1] != (TOK.type == JSP_T_RPAREN ? ')' : ']')) {
                parser_unexpected(p);
            }
            depth--;
            break;
        case JSP_T_RBRACE:
            if (depth == 0) {
                parser_unexpected(p);
            }
            if (stack[depth - 1] == 't') {
                jsp_lex_template_continue(&p->lx);
                parser_check_lex(p);
                if (TOK.type == JSP_T_TEMPLATE_TAIL) {
                    depth--;
                }
                break;
            }
            depth--;
            break;
        case JSP_T_EOF:
            parser_unexpected(p);
        default:
            break;
        }
        parser_next(p);
    } while (depth > 0);
}

static void parser_ts_type(parser *p);
static void parser_ts_union(parser *p);
static void parser_ts_type_params(parser *p);
static void parser_ts_type_args(parser *p);

/* NAME or any keyword used as one. */
static void parser_ts_name(parser *p) {
    if (TOK.type != JSP_T_NAME) {
        parser_unexpected(p);
    }
    parser_next(p);
}

static int parser_ts_starts_type(const jsp_token *t) {
    switch (t->type) {
    case JSP_T_NAME:
    case JSP_T_LPAREN:
    case JSP_T_LBRACKET:
    case JSP_T_LBRACE:
    case JSP_T_STRING:
    case JSP_T_NUMBER:
    case JSP_T_BIGINT:
    case JSP_T_TEMPLATE:
    case JSP_T_TEMPLATE_HEAD:
    case JSP_T_MINUS:
    case JSP_T_LT:
        return 1;
    default:
        return 0;
    }
}

/* The parameters of a signature: `(a?: T, ...b: U[], { c }: V)`. */
static void parser_ts_sig_params(parser *p) {
    parser_expect(p, JSP_T_LPAREN);
    while (!parser_eat(p, JSP_T_RPAREN)) {
        while (TOK.type == JSP_T_NAME &&
               (TS_IS("public") || TS_IS("private") || TS_IS("protected") || TS_IS("readonly") ||
                TS_IS("override"))) {
            jsp_token nt = parser_peek(p);
            if (nt.type != JSP_T_NAME && nt.type != JSP_T_LBRACE && nt.type != JSP_T_LBRACKET) {
                break;
            }
            parser_next(p);
        }
        parser_eat(p, JSP_T_ELLIPSIS);
        if (TOK.type == JSP_T_LBRACE || TOK.type == JSP_T_LBRACKET) {
            parser_ts_skip_balanced(p);
        } else {
            parser_ts_name(p);
        }
        parser_eat(p, JSP_T_QUESTION);
        if (parser_eat(p, JSP_T_COLON)) {
            parser_ts_type(p);
        }
        if (parser_eat(p, JSP_T_ASSIGN)) {
            parser_assign(p, 0, 0);
        }
        if (TOK.type != JSP_T_RPAREN) {
            parser_expect(p, JSP_T_COMMA);
        }
    }
}

/* A return type: a type, or a predicate `x is T`, `asserts x`, `asserts x is T`. */
static void parser_ts_return_type(parser *p) {
    if (TOK.type == JSP_T_NAME) {
        jsp_token nt = parser_peek(p);
        if (TS_IS("asserts") && nt.type == JSP_T_NAME && !(nt.flags & JSP_TF_NEWLINE_BEFORE)) {
            parser_next(p);
            parser_next(p);
            if (TS_IS("is") && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
                parser_next(p);
                parser_ts_type(p);
            }
            return;
        }
        if (TS_TOK_IS(nt, "is") && !(nt.flags & JSP_TF_NEWLINE_BEFORE)) {
            parser_next(p);
            parser_next(p);
            parser_ts_type(p);
            return;
        }
    }
    parser_ts_type(p);
}

/* `(params) => T`, `<T>(params) => T`, `new (params) => T`. */
static void parser_ts_function_type(parser *p) {
    if (TOK.type == JSP_T_LT) {
        parser_ts_type_params(p);
    }
    parser_ts_sig_params(p);
    parser_expect(p, JSP_T_ARROW);
    parser_ts_return_type(p);
}

/* Is the `(` at the current token the start of a function type? */
static int parser_ts_paren_is_function(parser *p) {
    jsp_token nt = parser_peek(p);
    if (nt.type == JSP_T_RPAREN || nt.type == JSP_T_ELLIPSIS) {
        return 1;
    }
    if (nt.type == JSP_T_LBRACE || nt.type == JSP_T_LBRACKET) {
        /* `({ a }: T) => U` versus `({ a: T })`: try the function type */
        return -1;
    }
    if (nt.type != JSP_T_NAME) {
        return 0;
    }
    jsp_token t2 = parser_peek2(p);
    switch (t2.type) {
    case JSP_T_COLON:
    case JSP_T_COMMA:
    case JSP_T_QUESTION:
    case JSP_T_ASSIGN:
        return 1;
    case JSP_T_RPAREN:
        return -1; /* `(A)` or `(a) => T` */
    case JSP_T_NAME:
        /* `(public a: T)` in a constructor type */
        return TS_TOK_IS(nt, "public") || TS_TOK_IS(nt, "private") ||
               TS_TOK_IS(nt, "protected") || TS_TOK_IS(nt, "readonly");
    default:
        return 0;
    }
}

static int parser_ts_try_function_type(parser *p, void *ud) {
    (void)ud;
    parser_ts_function_type(p);
    return 1;
}

/* `{ [K in T]: U }` after the `{`: the mapped type's head? */
static int parser_ts_try_mapped_head(parser *p, void *ud) {
    (void)ud;
    if (TOK.type == JSP_T_PLUS || TOK.type == JSP_T_MINUS) {
        parser_next(p);
    }
    if (TS_IS("readonly")) {
        parser_next(p);
    }
    parser_expect(p, JSP_T_LBRACKET);
    parser_ts_name(p);
    return parser_is_kw(p, JSP_KW_IN);
}

/* A member of an object type or interface body. */
static void parser_ts_type_member(parser *p) {
    if (TOK.type == JSP_T_LPAREN || TOK.type == JSP_T_LT) {
        if (TOK.type == JSP_T_LT) {
            parser_ts_type_params(p);
        }
        parser_ts_sig_params(p);
        if (parser_eat(p, JSP_T_COLON)) {
            parser_ts_return_type(p);
        }
        return;
    }
    if (TOK.type == JSP_T_NAME) {
        jsp_token nt = parser_peek(p);
        if (TS_IS("new") && (nt.type == JSP_T_LPAREN || nt.type == JSP_T_LT)) {
            parser_next(p);
            parser_ts_type_member(p);
            return;
        }
        int name_follows = nt.type == JSP_T_NAME || nt.type == JSP_T_STRING ||
                           nt.type == JSP_T_NUMBER || nt.type == JSP_T_LBRACKET ||
                           nt.type == JSP_T_PRIVATE;
        if (name_follows && (TS_IS("readonly") || TS_IS("get") || TS_IS("set"))) {
            parser_next(p);
            if (TS_IS("readonly") || TS_IS("get") || TS_IS("set")) {
                nt = parser_peek(p);
                if (nt.type == JSP_T_NAME || nt.type == JSP_T_STRING || nt.type == JSP_T_NUMBER ||
                    nt.type == JSP_T_LBRACKET) {
                    parser_next(p);
                }
            }
        }
    }
    if (TOK.type == JSP_T_LBRACKET) {
        jsp_token nt = parser_peek(p);
        if (nt.type == JSP_T_NAME && parser_peek2(p).type == JSP_T_COLON) {
            /* index signature */
            parser_next(p);
            parser_next(p);
            parser_next(p);
            parser_ts_type(p);
            parser_expect(p, JSP_T_RBRACKET);
        } else {
            parser_ts_skip_balanced(p); /* computed name */
        }
    } else if (TOK.type == JSP_T_NAME || TOK.type == JSP_T_STRING || TOK.type == JSP_T_NUMBER ||
               TOK.type == JSP_T_BIGINT || TOK.type == JSP_T_PRIVATE) {
        parser_next(p);
    } else {
        parser_unexpected(p);
    }
    parser_eat(p, JSP_T_QUESTION);
    if (TOK.type == JSP_T_LPAREN || TOK.type == JSP_T_LT) {
        if (TOK.type == JSP_T_LT) {
            parser_ts_type_params(p);
        }
        parser_ts_sig_params(p);
    }
    if (parser_eat(p, JSP_T_COLON)) {
        parser_ts_return_type(p);
    }
}

/* `{ ... }`: an object type literal, interface body or mapped type. */
static void parser_ts_object_type(parser *p) {
    parser_expect(p, JSP_T_LBRACE);
    if (parser_ts_try(p, parser_ts_try_mapped_head, NULL)) {
        parser_next(p); /* in */
        parser_ts_type(p);
        if (parser_eat_kw(p, JSP_KW_AS)) {
            parser_ts_type(p);
        }
        parser_expect(p, JSP_T_RBRACKET);
        if (TOK.type == JSP_T_PLUS || TOK.type == JSP_T_MINUS) {
            parser_next(p);
        }
        parser_eat(p, JSP_T_QUESTION);
        if (parser_eat(p, JSP_T_COLON)) {
            parser_ts_type(p);
        }
        if (!parser_eat(p, JSP_T_SEMI)) {
            parser_eat(p, JSP_T_COMMA);
        }
        parser_expect(p, JSP_T_RBRACE);
        return;
    }
    while (!parser_eat(p, JSP_T_RBRACE)) {
        parser_ts_type_member(p);
        if (!parser_eat(p, JSP_T_SEMI) && !parser_eat(p, JSP_T_COMMA) &&
            TOK.type != JSP_T_RBRACE && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
            parser_unexpected(p);
        }
    }
}

/* `[A, b?: B, ...C[]]` */
static void parser_ts_tuple(parser *p) {
    parser_expect(p, JSP_T_LBRACKET);
    while (!parser_eat(p, JSP_T_RBRACKET)) {
        parser_eat(p, JSP_T_ELLIPSIS);
        if (TOK.type == JSP_T_NAME) {
            jsp_token nt = parser_peek(p);
            if (nt.type == JSP_T_COLON ||
                (nt.type == JSP_T_QUESTION && parser_peek2(p).type == JSP_T_COLON)) {
                parser_next(p);
                parser_eat(p, JSP_T_QUESTION);
                parser_next(p);
            }
        }
        parser_ts_type(p);
        parser_eat(p, JSP_T_QUESTION);
        if (TOK.type != JSP_T_RBRACKET) {
            parser_expect(p, JSP_T_COMMA);
        }
    }
}

/* `A.B.C<T>` after typeof / in a type reference; `import('x').A<T>`. */
static void parser_ts_type_reference(parser *p, int is_typeof) {
    if (parser_is_kw(p, JSP_KW_IMPORT)) {
        parser_next(p);
        parser_expect(p, JSP_T_LPAREN);
        if (TOK.type != JSP_T_STRING) {
            parser_unexpected(p);
        }
        parser_next(p);
        if (parser_eat(p, JSP_T_COMMA) && TOK.type != JSP_T_RPAREN) {
            parser_ts_skip_balanced(p); /* import attributes */
            parser_eat(p, JSP_T_COMMA);
        }
        parser_expect(p, JSP_T_RPAREN);
    } else if (is_typeof && TOK.type == JSP_T_PRIVATE) {
        parser_next(p);
    } else {
        parser_ts_name(p);
    }
    while (TOK.type == JSP_T_DOT) {
        parser_next(p);
        if (TOK.type == JSP_T_PRIVATE) {
            parser_next(p);
        } else {
            parser_ts_name(p);
        }
    }
    if (TOK.type == JSP_T_LT && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        parser_ts_type_args(p);
    }
}

static void parser_ts_primary_type(parser *p) {
    parser_enter(p);
    switch (TOK.type) {
    case JSP_T_LPAREN: {
        int fn = parser_ts_paren_is_function(p);
        if (fn == 1 || (fn == -1 && parser_ts_try(p, parser_ts_try_function_type, NULL))) {
            if (fn == 1) {
                parser_ts_function_type(p);
            }
            break;
        }
        parser_next(p);
        parser_ts_type(p);
        parser_expect(p, JSP_T_RPAREN);
        break;
    }
    case JSP_T_LT:
        parser_ts_function_type(p);
        break;
    case JSP_T_LBRACE:
        parser_ts_object_type(p);
        break;
    case JSP_T_LBRACKET:
        parser_ts_tuple(p);
        break;
    case JSP_T_STRING:
    case JSP_T_NUMBER:
    case JSP_T_BIGINT:
    case JSP_T_TEMPLATE:
    case JSP_T_STAR:
    case JSP_T_QUESTION:
        parser_next(p);
        break;
    case JSP_T_MINUS:
        parser_next(p);
        if (TOK.type != JSP_T_NUMBER && TOK.type != JSP_T_BIGINT) {
            parser_unexpected(p);
        }
        parser_next(p);
        break;
    case JSP_T_TEMPLATE_HEAD:
        for (;;) {
            parser_next(p);
            parser_ts_type(p);
            if (TOK.type != JSP_T_RBRACE) {
                parser_unexpected(p);
            }
            jsp_lex_template_continue(&p->lx);
            parser_check_lex(p);
            if (TOK.type == JSP_T_TEMPLATE_TAIL) {
                parser_next(p);
                break;
            }
        }
        break;
    case JSP_T_NAME:
        if (TS_IS("typeof") && !(TOK.flags & JSP_TF_ESCAPED)) {
            parser_next(p);
            parser_ts_type_reference(p, 1);
            break;
        }
        if (TS_IS("new") || (TS_IS("abstract") && parser_peek(p).type == JSP_T_NAME)) {
            if (TS_IS("abstract")) {
                parser_next(p);
            }
            parser_next(p);
            parser_ts_function_type(p);
            break;
        }
        if (TS_IS("asserts") || TS_IS("this")) {
            jsp_token nt = parser_peek(p);
            if (TS_TOK_IS(nt, "is") && !(nt.flags & JSP_TF_NEWLINE_BEFORE)) {
                parser_next(p);
                parser_next(p);
                parser_ts_type(p);
                break;
            }
        }
        parser_ts_type_reference(p, 0);
        break;
    default:
        parser_unexpected(p);
    }
    /* T[] and T[K], on the same line */
    while (TOK.type == JSP_T_LBRACKET && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        parser_next(p);
        if (!parser_eat(p, JSP_T_RBRACKET)) {
            parser_ts_type(p);
            parser_expect(p, JSP_T_RBRACKET);
        }
    }
    p->depth--;
}

/* `infer X extends C` unless the `extends` starts the conditional's branches. */
static int parser_ts_try_infer_constraint(parser *p, void *ud) {
    (void)ud;
    parser_next(p); /* extends */
    parser_ts_type(p);
    return TOK.type != JSP_T_QUESTION;
}

static void parser_ts_operator_type(parser *p) {
    parser_enter(p);
    if (TOK.type == JSP_T_NAME && (TS_IS("keyof") || TS_IS("unique") || TS_IS("readonly"))) {
        jsp_token nt = parser_peek(p);
        if (parser_ts_starts_type(&nt)) {
            parser_next(p);
            parser_ts_operator_type(p);
            p->depth--;
            return;
        }
    }
    if (TS_IS("infer")) {
        jsp_token nt = parser_peek(p);
        if (nt.type == JSP_T_NAME) {
            parser_next(p);
            parser_next(p);
            if (parser_is_kw(p, JSP_KW_EXTENDS)) {
                if (p->ts_no_cond) {
                    /* in a conditional's `extends` type the constraint is always one */
                    parser_next(p);
                    parser_ts_union(p);
                } else {
                    parser_ts_try(p, parser_ts_try_infer_constraint, NULL);
                }
            }
            p->depth--;
            return;
        }
    }
    parser_ts_primary_type(p);
    p->depth--;
}

static void parser_ts_intersection(parser *p) {
    parser_eat(p, JSP_T_AMP);
    parser_ts_operator_type(p);
    while (parser_eat(p, JSP_T_AMP)) {
        parser_ts_operator_type(p);
    }
}

static void parser_ts_union(parser *p) {
    parser_eat(p, JSP_T_PIPE);
    parser_ts_intersection(p);
    while (parser_eat(p, JSP_T_PIPE)) {
        parser_ts_intersection(p);
    }
}

static void parser_ts_type(parser *p) {
    parser_enter(p);
    unsigned char no_cond = p->ts_no_cond;
    p->ts_no_cond = 0;
    parser_ts_union(p);
    if (parser_is_kw(p, JSP_KW_EXTENDS) && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        parser_next(p);
        p->ts_no_cond = 1;
        parser_ts_union(p);
        p->ts_no_cond = 0;
        parser_expect(p, JSP_T_QUESTION);
        parser_ts_type(p);
        parser_expect(p, JSP_T_COLON);
        parser_ts_type(p);
    }
    p->ts_no_cond = no_cond;
    p->depth--;
}

/* `<T extends U = V, const W>` in a declaration. */
static void parser_ts_type_params(parser *p) {
    parser_expect(p, JSP_T_LT);
    while (TOK.type != JSP_T_GT) {
        while ((TS_IS("const") || TS_IS("in") || TS_IS("out")) &&
               parser_peek(p).type == JSP_T_NAME) {
            parser_next(p);
        }
        parser_ts_name(p);
        if (parser_eat_kw(p, JSP_KW_EXTENDS)) {
            parser_ts_type(p);
        }
        if (parser_eat(p, JSP_T_ASSIGN)) {
            parser_ts_type(p);
        }
        if (!parser_eat(p, JSP_T_COMMA)) {
            break;
        }
    }
    parser_ts_expect_gt(p);
}

/* `<A, B>` after a type name, a callee or a heritage expression. */
static void parser_ts_type_args(parser *p) {
    parser_expect(p, JSP_T_LT);
    if (TOK.type != JSP_T_GT) {
        parser_ts_type(p);
        while (parser_eat(p, JSP_T_COMMA)) {
            parser_ts_type(p);
        }
    }
    parser_ts_expect_gt(p);
}

/* Parses and erases what starts at the current token with fn. */
static void parser_ts_erased(parser *p, void (*fn)(parser *p)) {
    uint32_t start = TOK.start;
    fn(p);
    parser_ts_erase(p, start, p->prev_end);
}

/* `: Type` at the current `:`, erased. */
static void parser_ts_annotation(parser *p) {
    uint32_t start = TOK.start;
    parser_next(p);
    parser_ts_type(p);
    parser_ts_erase(p, start, p->prev_end);
}

static void parser_ts_return_annotation(parser *p) {
    uint32_t start = TOK.start;
    parser_next(p);
    parser_ts_return_type(p);
    parser_ts_erase(p, start, p->prev_end);
}

/* Type arguments in an expression (`f<T>(x)`, `new C<T>`, `f<T>`): taken only when
 * what follows cannot continue a comparison, as TypeScript decides. */
static int parser_ts_try_expr_type_args(parser *p, void *ud) {
    (void)ud;
    uint32_t start = TOK.start;
    parser_ts_type_args(p);
    parser_ts_erase(p, start, p->prev_end);
    switch (TOK.type) {
    case JSP_T_LPAREN:
    case JSP_T_TEMPLATE:
    case JSP_T_TEMPLATE_HEAD:
        return 1;
    case JSP_T_LT:
    case JSP_T_GT:
    case JSP_T_PLUS:
    case JSP_T_MINUS:
        return 0;
    default:
        return (TOK.flags & JSP_TF_NEWLINE_BEFORE) || parser_binary_prec(p, 0) ||
               !parser_starts_expression(p);
    }
}

/* An arrow function's return type at the `:` after its parameters: kept only when `=>`
 * follows. A return type spanning lines moves the `=>` up to the colon's place. */
static int parser_ts_try_arrow_return(parser *p, void *ud) {
    (void)ud;
    uint32_t colon = TOK.start;
    parser_next(p);
    parser_ts_return_type(p);
    if (TOK.type != JSP_T_ARROW || (TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        return 0;
    }
    int lines = 0;
    for (uint32_t i = colon; i < TOK.start && !lines; i++) {
        unsigned char c = (unsigned char)p->lx.src[i];
        lines = c == '\n' || c == '\r' ||
                (c == 0xE2 && (unsigned char)p->lx.src[i + 1] == 0x80 &&
                 ((unsigned char)p->lx.src[i + 2] & 0xFE) == 0xA8);
    }
    if (lines) {
        parser_ts_edit(p, colon, TOK.end, JSP_TS_ARROW);
    } else {
        parser_ts_erase(p, colon, p->prev_end);
    }
    return 1;
}

/* `<T>(` of a generic arrow function (or of a type assertion on a parenthesized
 * expression, which erases the same way). */
static int parser_ts_try_generic_arrow(parser *p, void *ud) {
    (void)ud;
    uint32_t start = TOK.start;
    parser_ts_type_params(p);
    parser_ts_erase(p, start, p->prev_end);
    return TOK.type == JSP_T_LPAREN;
}

/* TypeScript modifiers of a class member (in_params 0) or a constructor parameter
 * (in_params 1) are erased. Sets *flags: 1 for a parameter property modifier, 2 for
 * `declare` or `abstract`, which erase the whole member. */
static void parser_ts_modifiers(parser *p, int in_params, int *flags) {
    while (TOK.type == JSP_T_NAME && !(TOK.flags & JSP_TF_ESCAPED)) {
        int kind;
        if (TS_IS("public") || TS_IS("private") || TS_IS("protected") || TS_IS("readonly") ||
            TS_IS("override")) {
            kind = 1;
        } else if (!in_params && (TS_IS("declare") || TS_IS("abstract"))) {
            kind = 2;
        } else {
            return;
        }
        jsp_token nt = parser_peek(p);
        if (nt.flags & JSP_TF_NEWLINE_BEFORE) {
            return;
        }
        switch (nt.type) {
        case JSP_T_NAME:
        case JSP_T_STRING:
        case JSP_T_NUMBER:
        case JSP_T_BIGINT:
        case JSP_T_LBRACKET:
        case JSP_T_LBRACE:
        case JSP_T_PRIVATE:
        case JSP_T_STAR:
            break;
        case JSP_T_ELLIPSIS:
            if (in_params) {
                break;
            }
            return;
        default:
            return;
        }
        *flags |= kind;
        parser_ts_erase(p, TOK.start, nt.start);
        parser_next(p);
    }
}

/* ---- identifiers ---- */

/* Checks that the current NAME token may be an identifier here. */
static void parser_check_identifier(parser *p, int binding) {
    const jsp_token *t = &TOK;
    if (t->type != JSP_T_NAME) {
        parser_unexpected(p);
    }
    jsp_keyword kw = t->kw;
    if (kw == JSP_KW_AWAIT && !p->await_ident_at) {
        p->await_ident_at = t->start + 1;
    }
    if (JSP_KW_IS_RESERVED(kw)) {
        if (t->flags & JSP_TF_ESCAPED) {
            parser_fail_at(p, t->start, "Keyword must not contain escaped characters");
        }
        parser_unexpected(p);
    }
    if ((p->ctx & P_STRICT) && JSP_KW_IS_STRICT_RESERVED(kw)) {
        parser_fail_at(p, t->start, "Unexpected strict mode reserved word");
    }
    if (kw == JSP_KW_YIELD && (p->ctx & (P_YIELD | P_STRICT))) {
        parser_unexpected(p);
    }
    if (kw == JSP_KW_AWAIT && ((p->ctx & (P_AWAIT | P_STATIC_BLOCK)) || p->module)) {
        parser_fail_at(p, t->start, "Unexpected reserved word");
    }
    if (binding && (p->ctx & P_STRICT) && (kw == JSP_KW_EVAL || kw == JSP_KW_ARGUMENTS) &&
        !p->ts_ambient) {
        parser_fail_at(p, t->start, "Unexpected eval or arguments in strict mode");
    }
    if (kw == JSP_KW_ARGUMENTS && (p->ctx & P_FIELD_INIT)) {
        parser_fail_at(p, t->start, "'arguments' is not allowed in class field initializer or "
                                    "static initialization block");
    }
}

static jsp_node *parser_ident_node(parser *p) {
    jsp_node *n = parser_node(p, JSP_N_IDENT);
    n->str = TOK.str;
    n->len = TOK.len;
    if (TOK.kw == JSP_KW_ARGUMENTS && p->fn_depth == 0) {
        p->program->flags |= JSP_NF_USES_ARGUMENTS;
    }
    parser_next(p);
    return parser_finish(p, n);
}

static jsp_node *parser_identifier(parser *p, int binding) {
    parser_check_identifier(p, binding);
    return parser_ident_node(p);
}

/* Any IdentifierName (property names after '.', import/export names). */
static jsp_node *parser_identifier_name(parser *p) {
    if (TOK.type != JSP_T_NAME) {
        parser_unexpected(p);
    }
    return parser_ident_node(p);
}

/* ---- private names ---- */

static jsp_node *parser_private_ref(parser *p) {
    jsp_node *pn = parser_node(p, JSP_N_PRIVATE_NAME);
    pn->str = TOK.str;
    pn->len = TOK.len;
    if (p->class_scope == NULL) {
        parser_fail_at(p, TOK.start, "Private field '#%.*s' must be declared in an enclosing class",
                       (int)TOK.len, TOK.str);
    }
    parser_name *r = parser_alloc(p, sizeof(*r));
    r->s = TOK.str;
    r->len = TOK.len;
    r->offset = TOK.start;
    r->next = p->class_scope->refs;
    p->class_scope->refs = r;
    parser_next(p);
    return parser_finish(p, pn);
}

static void parser_private_declare(parser *p, const jsp_node *key, unsigned kind) {
    parser_class_scope *cs = p->class_scope;
    for (parser_name *n = cs->declared; n; n = n->next) {
        if (n->len == key->len && memcmp(n->s, key->str, key->len) == 0) {
            unsigned a = n->kind & 3, b = kind & 3;
            if (a + b == 3 && (n->kind & PARSER_PRIV_STATIC) == (kind & PARSER_PRIV_STATIC)) {
                n->kind = PARSER_PRIV_OTHER | (kind & PARSER_PRIV_STATIC);
                return;
            }
            parser_fail_at(p, key->start, "Identifier '#%.*s' has already been declared",
                           (int)key->len, key->str);
        }
    }
    parser_name *n = parser_alloc(p, sizeof(*n));
    n->s = key->str;
    n->len = key->len;
    n->kind = kind;
    n->next = cs->declared;
    cs->declared = n;
}

/* At the end of a class body: every private name used must be declared by it or an
 * enclosing class. */
static void parser_private_resolve(parser *p, parser_class_scope *cs) {
    for (parser_name *r = cs->refs; r;) {
        parser_name *next = r->next;
        int found = 0;
        for (parser_name *n = cs->declared; n && !found; n = n->next) {
            found = n->len == r->len && memcmp(n->s, r->s, r->len) == 0;
        }
        if (!found) {
            if (cs->outer == NULL) {
                parser_fail_at(p, r->offset,
                               "Private field '#%.*s' must be declared in an enclosing class",
                               (int)r->len, r->s);
            }
            r->next = cs->outer->refs;
            cs->outer->refs = r;
        }
        r = next;
    }
}

/* ---- literals and templates ---- */

static void parser_check_octal(parser *p) {
    if ((TOK.flags & JSP_TF_LEGACY_OCTAL) && (p->ctx & P_STRICT)) {
        if (TOK.type == JSP_T_STRING) {
            parser_fail_at(p, TOK.start, "Octal escape sequences are not allowed in strict mode.");
        }
        for (size_t i = 0; i < TOK.len; i++) {
            if (TOK.str[i] == '8' || TOK.str[i] == '9') {
                parser_fail_at(p, TOK.start,
                               "Decimals with leading zeros are not allowed in strict mode.");
            }
        }
        parser_fail_at(p, TOK.start, "Octal literals are not allowed in strict mode.");
    }
}

static jsp_node *parser_string(parser *p) {
    parser_check_octal(p);
    jsp_node *n = parser_node(p, JSP_N_STRING);
    n->str = TOK.str;
    n->len = TOK.len;
    parser_next(p);
    return parser_finish(p, n);
}

static jsp_node *parser_template(parser *p, int tagged) {
    jsp_node *t = parser_node(p, JSP_N_TEMPLATE);
    parser_list quasis = {0}, exprs = {0};
    for (;;) {
        if ((TOK.flags & JSP_TF_BAD_ESCAPE) && !tagged) {
            parser_fail_at(p, p->lx.escape_error_pos, "%s", p->lx.escape_error);
        }
        jsp_node *q = parser_node(p, JSP_N_TEMPLATE_ELEMENT);
        q->str = TOK.str;
        q->len = TOK.len;
        q->end = TOK.end;
        parser_push(&quasis, q);
        jsp_tok_type type = TOK.type;
        if (type == JSP_T_TEMPLATE || type == JSP_T_TEMPLATE_TAIL) {
            parser_next(p);
            break;
        }
        parser_next(p);
        parser_push(&exprs, parser_expression(p, 0));
        if (TOK.type != JSP_T_RBRACE) {
            parser_fail_at(p, TOK.start, "Missing } in template expression");
        }
        jsp_lex_template_continue(&p->lx);
        parser_check_lex(p);
    }
    t->a = quasis.head;
    t->b = exprs.head;
    return parser_finish(p, t);
}

/* ---- object and array literals ---- */

static jsp_node *parser_property_key(parser *p, int *computed, int allow_private) {
    *computed = 0;
    jsp_node *k;
    switch (TOK.type) {
    case JSP_T_NAME:
        return parser_identifier_name(p);
    case JSP_T_STRING:
        return parser_string(p);
    case JSP_T_NUMBER:
        parser_check_octal(p);
        k = parser_node(p, JSP_N_NUMBER);
        k->num = TOK.num;
        k->str = TOK.str;
        k->len = TOK.len;
        parser_next(p);
        return parser_finish(p, k);
    case JSP_T_BIGINT:
        k = parser_node(p, JSP_N_BIGINT);
        k->str = TOK.str;
        k->len = TOK.len;
        parser_next(p);
        return parser_finish(p, k);
    case JSP_T_PRIVATE:
        if (!allow_private) {
            parser_unexpected(p);
        }
        k = parser_node(p, JSP_N_PRIVATE_NAME);
        k->str = TOK.str;
        k->len = TOK.len;
        parser_next(p);
        return parser_finish(p, k);
    case JSP_T_LBRACKET:
        parser_next(p);
        *computed = 1;
        k = parser_assign(p, 0, 0);
        parser_expect(p, JSP_T_RBRACKET);
        return k;
    default:
        parser_unexpected(p);
    }
}

/* A method body after its key: `(params) { body }`. */
static jsp_node *parser_method(parser *p, unsigned nflags, unsigned extra_ctx) {
    jsp_node *fn = parser_node(p, JSP_N_FUNCTION);
    fn->flags = nflags | JSP_NF_METHOD;
    if (p->ts && TOK.type == JSP_T_LT) {
        parser_ts_erased(p, parser_ts_type_params);
    }
    return parser_function_rest(p, fn, nflags | JSP_NF_METHOD, extra_ctx | P_SUPER_PROP);
}

static jsp_node *parser_object(parser *p) {
    jsp_node *obj = parser_node(p, JSP_N_OBJECT);
    parser_list props = {0};
    int proto_count = 0;
    parser_next(p);
    while (!parser_eat(p, JSP_T_RBRACE)) {
        if (TOK.type == JSP_T_ELLIPSIS) {
            jsp_node *s = parser_node(p, JSP_N_SPREAD);
            parser_next(p);
            s->a = parser_assign(p, 0, 1);
            parser_push(&props, parser_finish(p, s));
            s->op = TOK.type == JSP_T_COMMA; /* {...a,} cannot be a pattern */
        } else {
            jsp_node *prop = parser_node(p, JSP_N_PROPERTY);
            unsigned fflags = 0;
            int kind = JSP_PROP_INIT;
            const jsp_token first = TOK;
            if (parser_is_kw(p, JSP_KW_ASYNC) || parser_is_kw(p, JSP_KW_GET) ||
                parser_is_kw(p, JSP_KW_SET)) {
                jsp_token nt = parser_peek(p);
                int modifier = nt.type != JSP_T_COMMA && nt.type != JSP_T_COLON &&
                               nt.type != JSP_T_LPAREN && nt.type != JSP_T_RBRACE &&
                               nt.type != JSP_T_ASSIGN;
                if (modifier && first.kw == JSP_KW_ASYNC && (nt.flags & JSP_TF_NEWLINE_BEFORE)) {
                    modifier = 0;
                }
                if (modifier) {
                    parser_next(p);
                    if (first.kw == JSP_KW_ASYNC) {
                        fflags |= JSP_NF_ASYNC;
                    } else {
                        kind = first.kw == JSP_KW_GET ? JSP_PROP_GET : JSP_PROP_SET;
                    }
                }
            }
            if (kind == JSP_PROP_INIT && parser_eat(p, JSP_T_STAR)) {
                fflags |= JSP_NF_GENERATOR;
            }
            int computed;
            const jsp_token key_tok = TOK;
            prop->a = parser_property_key(p, &computed, 0);
            if (computed) {
                prop->flags |= JSP_NF_COMPUTED;
            }
            prop->op = (uint16_t)kind;
            if (kind != JSP_PROP_INIT || fflags || TOK.type == JSP_T_LPAREN ||
                (p->ts && TOK.type == JSP_T_LT)) {
                prop->flags |= JSP_NF_METHOD;
                prop->b = parser_method(p, fflags, 0);
                if (kind == JSP_PROP_GET && prop->b->b) {
                    parser_fail_at(p, prop->b->b->start, "Getter must not have any formal parameters.");
                }
                if (kind == JSP_PROP_SET && (!prop->b->b || prop->b->b->next ||
                                             prop->b->b->kind == JSP_N_REST)) {
                    parser_fail_at(p, prop->b->start,
                                   "Setter must have exactly one formal parameter.");
                }
            } else if (parser_eat(p, JSP_T_COLON)) {
                prop->b = parser_assign(p, 0, 1);
            } else {
                /* shorthand: `a` or the cover form `a = 1` */
                if (key_tok.type != JSP_T_NAME || computed) {
                    parser_unexpected(p);
                }
                jsp_lexer saved = p->lx;
                p->lx.tok = key_tok;
                parser_check_identifier(p, 0);
                p->lx = saved;
                prop->flags |= JSP_NF_SHORTHAND;
                prop->b = prop->a;
                if (TOK.type == JSP_T_ASSIGN) {
                    if (!p->cover_init) {
                        p->cover_init = TOK.start + 1;
                        p->cover_msg = "Invalid shorthand property initializer";
                    }
                    parser_next(p);
                    jsp_node *ap = parser_node_at(p, JSP_N_ASSIGN_PATTERN, prop->a);
                    ap->a = prop->a;
                    ap->b = parser_assign(p, 0, 0);
                    prop->b = parser_finish(p, ap);
                }
            }
            if (!computed && !(prop->flags & (JSP_NF_SHORTHAND | JSP_NF_METHOD)) &&
                (prop->a->kind == JSP_N_IDENT || prop->a->kind == JSP_N_STRING) &&
                parser_str_is(prop->a, "__proto__") && proto_count++ && !p->cover_init) {
                /* an error unless the literal turns out to be a pattern */
                p->cover_init = prop->start + 1;
                p->cover_msg = "Duplicate __proto__ fields are not allowed in object literals";
            }
            parser_push(&props, parser_finish(p, prop));
        }
        if (TOK.type != JSP_T_RBRACE) {
            parser_expect(p, JSP_T_COMMA);
        }
    }
    obj->a = props.head;
    return parser_finish(p, obj);
}

static jsp_node *parser_array(parser *p) {
    jsp_node *arr = parser_node(p, JSP_N_ARRAY);
    parser_list elems = {0};
    parser_next(p);
    while (!parser_eat(p, JSP_T_RBRACKET)) {
        if (TOK.type == JSP_T_COMMA) {
            jsp_node *h = parser_node(p, JSP_N_HOLE);
            parser_next(p);
            parser_push(&elems, h);
            continue;
        }
        if (TOK.type == JSP_T_ELLIPSIS) {
            jsp_node *s = parser_node(p, JSP_N_SPREAD);
            parser_next(p);
            s->a = parser_assign(p, 0, 1);
            parser_push(&elems, parser_finish(p, s));
            s->op = TOK.type == JSP_T_COMMA; /* [...a,] cannot be a pattern */
        } else {
            parser_push(&elems, parser_assign(p, 0, 1));
        }
        if (TOK.type != JSP_T_RBRACKET) {
            parser_expect(p, JSP_T_COMMA);
        }
    }
    arr->a = elems.head;
    return parser_finish(p, arr);
}

/* ---- patterns ---- */

/* Turns an expression parsed by the cover grammar into a pattern. Binding patterns
 * (parameters) allow identifiers only as leaves; assignment patterns allow members. */
static jsp_node *parser_to_pattern(parser *p, jsp_node *n, int binding) {
    switch (n->kind) {
    case JSP_N_IDENT:
        if ((p->ctx & P_STRICT) && (parser_str_is(n, "eval") || parser_str_is(n, "arguments"))) {
            parser_fail_at(p, n->start, "Unexpected eval or arguments in strict mode");
        }
        return n;
    case JSP_N_MEMBER:
        if (binding || (n->flags & JSP_NF_OPTIONAL)) {
            break;
        }
        return n;
    case JSP_N_ASSIGN_PATTERN:
        n->a = parser_to_pattern(p, n->a, binding);
        return n;
    case JSP_N_ARRAY:
        if (n->flags & JSP_NF_PAREN) {
            break;
        }
        n->kind = JSP_N_ARRAY_PATTERN;
        for (jsp_node **e = &n->a; *e; e = &(*e)->next) {
            jsp_node *el = *e;
            if (el->kind == JSP_N_HOLE) {
                continue;
            }
            if (el->kind == JSP_N_SPREAD) {
                if (el->next || el->op) {
                    parser_fail_at(p, el->start, "Rest element must be last element");
                }
                el->kind = JSP_N_REST;
                el->a = parser_to_pattern(p, el->a, binding);
                if (el->a->kind == JSP_N_ASSIGN_PATTERN) {
                    parser_fail_at(p, el->a->start, "Invalid destructuring assignment target");
                }
                continue;
            }
            jsp_node *next = el->next;
            jsp_node *pat = parser_to_pattern(p, el, binding);
            pat->next = next;
            *e = pat;
        }
        return n;
    case JSP_N_OBJECT:
        if (n->flags & JSP_NF_PAREN) {
            break;
        }
        n->kind = JSP_N_OBJECT_PATTERN;
        for (jsp_node *prop = n->a; prop; prop = prop->next) {
            if (prop->kind == JSP_N_SPREAD) {
                if (prop->next || prop->op) {
                    parser_fail_at(p, prop->start, "Rest element must be last element");
                }
                prop->kind = JSP_N_REST;
                if (prop->a->kind != JSP_N_IDENT && (binding || prop->a->kind != JSP_N_MEMBER)) {
                    parser_fail_at(p, prop->a->start, "`...` must be followed by an assignable "
                                                      "reference in assignment contexts");
                }
                prop->a = parser_to_pattern(p, prop->a, binding);
                continue;
            }
            if (prop->flags & JSP_NF_METHOD) {
                parser_fail_at(p, prop->start, "Invalid destructuring assignment target");
            }
            prop->b = parser_to_pattern(p, prop->b, binding);
        }
        return n;
    case JSP_N_ASSIGN:
        if (n->op != JSP_T_ASSIGN || (n->flags & JSP_NF_PAREN)) {
            break;
        }
        n->kind = JSP_N_ASSIGN_PATTERN;
        n->op = 0;
        n->a = parser_to_pattern(p, n->a, binding);
        return n;
    case JSP_N_ARRAY_PATTERN:
    case JSP_N_OBJECT_PATTERN:
        return n;
    default:
        break;
    }
    parser_fail_at(p, n->start, binding ? "Invalid destructuring assignment target"
                                        : "Invalid left-hand side in assignment");
}

/* f() = 1 is a runtime ReferenceError in sloppy code (Annex B, web compatibility) and an
 * early error in strict code. */
static int parser_is_simple_target(parser *p, const jsp_node *n) {
    if (n->kind == JSP_N_IDENT) {
        if ((p->ctx & P_STRICT) && (parser_str_is(n, "eval") || parser_str_is(n, "arguments"))) {
            return 0;
        }
        return 1;
    }
    if (n->kind == JSP_N_MEMBER) {
        return !(n->flags & JSP_NF_OPTIONAL);
    }
    return n->kind == JSP_N_CALL && !(n->flags & JSP_NF_OPTIONAL) && !(p->ctx & P_STRICT);
}

/* BindingIdentifier | BindingPattern, with an optional default when allowed. */
static jsp_node *parser_binding_target(parser *p, jsp_keyword decl_kind) {
    parser_enter(p);
    jsp_node *n;
    if (TOK.type == JSP_T_LBRACKET) {
        n = parser_node(p, JSP_N_ARRAY_PATTERN);
        parser_list elems = {0};
        parser_next(p);
        while (!parser_eat(p, JSP_T_RBRACKET)) {
            if (TOK.type == JSP_T_COMMA) {
                parser_push(&elems, parser_node(p, JSP_N_HOLE));
                parser_next(p);
                continue;
            }
            if (TOK.type == JSP_T_ELLIPSIS) {
                jsp_node *r = parser_node(p, JSP_N_REST);
                parser_next(p);
                r->a = parser_binding_target(p, decl_kind);
                parser_push(&elems, parser_finish(p, r));
                if (TOK.type != JSP_T_RBRACKET) {
                    parser_fail_at(p, r->start, "Rest element must be last element");
                }
                continue;
            }
            jsp_node *el = parser_binding_target(p, decl_kind);
            if (TOK.type == JSP_T_ASSIGN) {
                parser_next(p);
                jsp_node *ap = parser_node_at(p, JSP_N_ASSIGN_PATTERN, el);
                ap->a = el;
                ap->b = parser_assign(p, 0, 0);
                el = parser_finish(p, ap);
            }
            parser_push(&elems, el);
            if (TOK.type != JSP_T_RBRACKET) {
                parser_expect(p, JSP_T_COMMA);
            }
        }
        n->a = elems.head;
    } else if (TOK.type == JSP_T_LBRACE) {
        n = parser_node(p, JSP_N_OBJECT_PATTERN);
        parser_list props = {0};
        parser_next(p);
        while (!parser_eat(p, JSP_T_RBRACE)) {
            if (TOK.type == JSP_T_ELLIPSIS) {
                jsp_node *r = parser_node(p, JSP_N_REST);
                parser_next(p);
                if (TOK.type != JSP_T_NAME) {
                    parser_unexpected(p);
                }
                r->a = parser_binding_target(p, decl_kind);
                parser_push(&props, parser_finish(p, r));
                if (TOK.type != JSP_T_RBRACE) {
                    parser_fail_at(p, r->start, "Rest element must be last element");
                }
                continue;
            }
            jsp_node *prop = parser_node(p, JSP_N_PROPERTY);
            int computed;
            const jsp_token key_tok = TOK;
            prop->a = parser_property_key(p, &computed, 0);
            if (computed) {
                prop->flags |= JSP_NF_COMPUTED;
            }
            if (parser_eat(p, JSP_T_COLON)) {
                prop->b = parser_binding_target(p, decl_kind);
            } else {
                if (key_tok.type != JSP_T_NAME || computed) {
                    parser_unexpected(p);
                }
                jsp_lexer saved = p->lx;
                p->lx.tok = key_tok;
                parser_check_identifier(p, 1);
                if (decl_kind == JSP_KW_LET || decl_kind == JSP_KW_CONST) {
                    if (key_tok.kw == JSP_KW_LET) {
                        parser_fail_at(p, key_tok.start,
                                       "let is disallowed as a lexically bound name");
                    }
                }
                p->lx = saved;
                prop->flags |= JSP_NF_SHORTHAND;
                prop->b = prop->a;
            }
            if (TOK.type == JSP_T_ASSIGN) {
                parser_next(p);
                jsp_node *ap = parser_node_at(p, JSP_N_ASSIGN_PATTERN, prop->b);
                ap->a = prop->b;
                ap->b = parser_assign(p, 0, 0);
                prop->b = parser_finish(p, ap);
            }
            parser_push(&props, parser_finish(p, prop));
            if (TOK.type != JSP_T_RBRACE) {
                parser_expect(p, JSP_T_COMMA);
            }
        }
        n->a = props.head;
    } else {
        if ((decl_kind == JSP_KW_LET || decl_kind == JSP_KW_CONST) && parser_is_kw(p, JSP_KW_LET)) {
            parser_fail_at(p, TOK.start, "let is disallowed as a lexically bound name");
        }
        p->depth--;
        return parser_identifier(p, 1);
    }
    p->depth--;
    return parser_finish(p, n);
}

/* ---- functions ---- */

static int parser_is_simple_params(const jsp_node *params) {
    for (const jsp_node *n = params; n; n = n->next) {
        if (n->kind != JSP_N_IDENT) {
            return 0;
        }
    }
    return 1;
}

/* Parses a directive prologue + statements up to `}` (or EOF at top level) and
 * returns the list; may turn on strict mode. */
static jsp_node *parser_body(parser *p, jsp_tok_type end, jsp_node *owner,
                             const jsp_node *params) {
    parser_list stmts = {0};
    int prologue = 1;
    uint32_t octal_at = 0; /* offset + 1 of an earlier directive with an octal escape */
    while (TOK.type != end) {
        if (prologue) {
            if (TOK.type == JSP_T_STRING) {
                const jsp_token st = TOK;
                jsp_token nt = parser_peek(p);
                int is_directive = nt.type == JSP_T_SEMI || nt.type == JSP_T_RBRACE ||
                                   nt.type == JSP_T_EOF || (nt.flags & JSP_TF_NEWLINE_BEFORE);
                if (is_directive) {
                    if (st.end - st.start == 12 &&
                        memcmp(p->lx.src + st.start + 1, "use strict", 10) == 0) {
                        if (params && !parser_is_simple_params(params)) {
                            parser_fail_at(p, st.start,
                                           "Illegal 'use strict' directive in function with "
                                           "non-simple parameter list");
                        }
                        if (octal_at) {
                            parser_fail_at(p, octal_at - 1, "Octal escape sequences are not "
                                                            "allowed in strict mode.");
                        }
                        p->ctx |= P_STRICT;
                        owner->flags |= JSP_NF_STRICT;
                    }
                    if ((st.flags & JSP_TF_LEGACY_OCTAL) && !octal_at) {
                        octal_at = st.start + 1;
                    }
                }
                jsp_node *s = parser_statement_list_item(p);
                if (is_directive && s->kind == JSP_N_EXPR_STMT && s->a->kind == JSP_N_STRING) {
                    s->str = p->lx.src + st.start + 1;
                    s->len = st.end - st.start - 2;
                    if ((p->ctx & P_STRICT) && (st.flags & JSP_TF_LEGACY_OCTAL)) {
                        parser_fail_at(p, st.start,
                                       "Octal escape sequences are not allowed in strict mode.");
                    }
                } else {
                    prologue = 0;
                }
                parser_push(&stmts, s);
                continue;
            }
            prologue = 0;
        }
        parser_push(&stmts, parser_statement_list_item(p));
    }
    return stmts.head;
}

/* A name bound in strict code: not a strict mode reserved word, eval or arguments.
 * For names parsed before a "use strict" directive made their function strict. */
static void parser_check_strict_name(const jsp_node *id, void *ud) {
    parser *p = ud;
    static const char *const reserved[] = {"implements", "interface", "let",   "package",
                                           "private",    "protected", "public", "static",
                                           "yield"};
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
        if (parser_str_is(id, reserved[i])) {
            parser_fail_at(p, id->start, "Unexpected strict mode reserved word");
        }
    }
    if (parser_str_is(id, "eval") || parser_str_is(id, "arguments")) {
        parser_fail_at(p, id->start, "Unexpected eval or arguments in strict mode");
    }
}

/* Checks the parameter names once the body is parsed: strict functions may not bind
 * reserved names, and repeated names are allowed only in sloppy functions with simple
 * parameter lists (`special` is set for arrows, methods and non-simple lists). */
static void parser_check_params(parser *p, const jsp_node *params, int special) {
    if ((p->ctx & P_STRICT) && !p->ts_ambient) {
        for (const jsp_node *a = params; a; a = a->next) {
            jsp_for_each_bound_name(a, parser_check_strict_name, p);
        }
    }
    if (p->scope->dup_param && (special || (p->ctx & P_STRICT))) {
        parser_fail_at(p, p->scope->dup_param - 1,
                       "Duplicate parameter name not allowed in this context");
    }
}

/* Declares the parameters in the function scope just pushed. */
static void parser_declare_params(parser *p, const jsp_node *params) {
    for (const jsp_node *a = params; a; a = a->next) {
        parser_declare_pattern(p, a, PARSER_D_PARAM);
    }
}

/* `(params) { body }` into fn. The context of the body comes from nflags. */
static jsp_node *parser_function_rest(parser *p, jsp_node *fn, unsigned nflags,
                                      unsigned extra_ctx) {
    parser_enter(p);
    int ts_sig = p->ts_sig, ts_ctor = p->ts_ctor;
    p->ts_sig = p->ts_ctor = 0;
    unsigned saved_ctx = p->ctx;
    parser_label *saved_labels = p->labels;
    uint32_t saved_cover = p->cover_init;
    uint32_t saved_ya = p->yield_await_at, saved_aw = p->await_ident_at;
    parser_scope scope;
    parser_scope_push(p, &scope, PARSER_SC_FUNCTION);
    p->labels = NULL;
    p->fn_depth++;
    p->any_fn_depth++;
    p->ctx = (p->ctx & P_STRICT) | P_RETURN | P_NEW_TARGET | extra_ctx;
    if (nflags & JSP_NF_GENERATOR) {
        p->ctx |= P_YIELD;
    }
    if (nflags & JSP_NF_ASYNC) {
        p->ctx |= P_AWAIT;
    }
    p->ctx |= P_PARAMS;
    parser_expect(p, JSP_T_LPAREN);
    parser_list params = {0};
    while (!parser_eat(p, JSP_T_RPAREN)) {
        int ts_prop = 0;
        if (p->ts) {
            if (parser_is_kw(p, JSP_KW_THIS)) {
                jsp_tok_type nt = parser_peek(p).type;
                if (nt == JSP_T_COLON || nt == JSP_T_COMMA || nt == JSP_T_RPAREN) {
                    uint32_t start = TOK.start;
                    parser_next(p);
                    if (parser_eat(p, JSP_T_COLON)) {
                        parser_ts_type(p);
                    }
                    parser_eat(p, JSP_T_COMMA);
                    parser_ts_erase(p, start, p->prev_end);
                    continue;
                }
            }
            if (ts_ctor) {
                parser_ts_modifiers(p, 1, &ts_prop);
            }
        }
        if (TOK.type == JSP_T_ELLIPSIS) {
            jsp_node *r = parser_node(p, JSP_N_REST);
            parser_next(p);
            r->a = parser_binding_target(p, JSP_KW_VAR);
            if (p->ts && TOK.type == JSP_T_COLON) {
                parser_ts_annotation(p);
            }
            parser_push(&params, parser_finish(p, r));
            if (TOK.type != JSP_T_RPAREN) {
                parser_fail_at(p, TOK.start, "Rest parameter must be last formal parameter");
            }
            continue;
        }
        jsp_node *el = parser_binding_target(p, JSP_KW_VAR);
        if (p->ts) {
            if (ts_prop) {
                el->flags |= JSP_NF_TS_PARAM_PROP;
                p->ast->ts_transforms = 1;
            }
            if (TOK.type == JSP_T_QUESTION) {
                parser_ts_erase(p, TOK.start, TOK.end);
                parser_next(p);
            }
            if (TOK.type == JSP_T_COLON) {
                parser_ts_annotation(p);
            }
        }
        if (TOK.type == JSP_T_ASSIGN) {
            parser_next(p);
            jsp_node *ap = parser_node_at(p, JSP_N_ASSIGN_PATTERN, el);
            ap->a = el;
            ap->b = parser_assign(p, 0, 0);
            el = parser_finish(p, ap);
        }
        parser_push(&params, el);
        if (TOK.type != JSP_T_RPAREN) {
            parser_expect(p, JSP_T_COMMA);
        }
    }
    p->ctx &= ~P_PARAMS;
    fn->b = params.head;
    parser_declare_params(p, params.head);
    if (p->ts && TOK.type == JSP_T_COLON) {
        parser_ts_return_annotation(p);
    }
    if (p->ts && TOK.type != JSP_T_LBRACE && (ts_sig || p->ts_ambient)) {
        fn->c = NULL; /* an overload signature, or an ambient or abstract method */
    } else {
        jsp_node *body = parser_node(p, JSP_N_BLOCK);
        parser_expect(p, JSP_T_LBRACE);
        body->a = parser_body(p, JSP_T_RBRACE, fn, params.head);
        parser_next(p);
        fn->c = parser_finish(p, body);
    }
    if (p->ctx & P_STRICT) {
        fn->flags |= JSP_NF_STRICT;
    }
    int special = (p->ctx & P_STRICT) || !parser_is_simple_params(params.head) ||
                  (nflags & (JSP_NF_METHOD | JSP_NF_ARROW));
    parser_check_params(p, params.head, special);
    if ((p->ctx & P_STRICT) && fn->a && !(saved_ctx & P_STRICT)) {
        parser_check_strict_name(fn->a, p); /* "use strict" in the body covers the name */
    }
    parser_scope_pop(p);
    p->ctx = saved_ctx;
    p->labels = saved_labels;
    p->cover_init = saved_cover;
    p->yield_await_at = saved_ya;
    p->await_ident_at = saved_aw;
    p->fn_depth--;
    p->any_fn_depth--;
    p->depth--;
    return parser_finish(p, fn);
}

/* How a function declaration binds its name in the current scope. */
static int parser_function_decl_kind(parser *p, unsigned nflags) {
    if (p->scope->kind == PARSER_SC_FUNCTION) {
        return p->scope->module ? PARSER_D_LEX : PARSER_D_VAR;
    }
    if (!(p->ctx & P_STRICT) && !(nflags & (JSP_NF_ASYNC | JSP_NF_GENERATOR))) {
        return PARSER_D_BLOCKFN;
    }
    return PARSER_D_LEX;
}

/* `function` (already at the keyword, after any `async`), `*`, name, rest. is_decl is
 * PARSER_EXPR, PARSER_DECL, PARSER_DECL_DEFAULT (export default: the name is optional)
 * or PARSER_DECL_IF (Annex B: the body of an if, in a scope of its own). */
static jsp_node *parser_function(parser *p, unsigned nflags, int is_decl) {
    jsp_node *fn = parser_node(p, JSP_N_FUNCTION);
    if (nflags & JSP_NF_ASYNC) {
        parser_next(p); /* async */
    }
    parser_expect_kw(p, JSP_KW_FUNCTION);
    if (parser_eat(p, JSP_T_STAR)) {
        nflags |= JSP_NF_GENERATOR;
    }
    fn->flags = nflags | (is_decl ? JSP_NF_DECL : 0);
    if (TOK.type == JSP_T_NAME) {
        /* the name of a function expression is bound inside it: its own yield/await rules */
        unsigned saved = p->ctx;
        if (!is_decl) {
            p->ctx &= ~(P_YIELD | P_AWAIT);
            if (nflags & JSP_NF_GENERATOR) {
                p->ctx |= P_YIELD;
            }
            if (nflags & JSP_NF_ASYNC) {
                p->ctx |= P_AWAIT;
            }
        }
        fn->a = parser_identifier(p, 1);
        p->ctx = saved;
        if ((is_decl == PARSER_DECL || is_decl == PARSER_DECL_DEFAULT) && !p->ts) {
            parser_declare(p, fn->a, parser_function_decl_kind(p, nflags));
        }
    } else if (is_decl == PARSER_DECL || is_decl == PARSER_DECL_IF) {
        parser_unexpected(p);
    }
    if (p->ts) {
        /* overload signatures have no body and declare nothing */
        if (TOK.type == JSP_T_LT) {
            parser_ts_erased(p, parser_ts_type_params);
        }
        int decl = is_decl == PARSER_DECL || is_decl == PARSER_DECL_DEFAULT;
        p->ts_sig = (unsigned char)decl;
        parser_function_rest(p, fn, nflags, 0);
        if (decl && fn->c == NULL) {
            parser_semicolon(p);
            return parser_ts_empty(p, fn->start);
        }
        if (decl && fn->a) {
            parser_declare(p, fn->a, parser_function_decl_kind(p, nflags));
        }
        return fn;
    }
    return parser_function_rest(p, fn, nflags, 0);
}

/* An arrow function's body once `=>` is the current token. */
static jsp_node *parser_arrow_body(parser *p, jsp_node *fn, jsp_node *params, unsigned nflags) {
    if (TOK.flags & JSP_TF_NEWLINE_BEFORE) {
        parser_unexpected(p);
    }
    parser_expect(p, JSP_T_ARROW);
    parser_enter(p);
    fn->flags = nflags | JSP_NF_ARROW;
    fn->b = params;
    unsigned saved_ctx = p->ctx;
    parser_label *saved_labels = p->labels;
    uint32_t saved_cover = p->cover_init;
    uint32_t saved_ya = p->yield_await_at, saved_aw = p->await_ident_at;
    parser_scope scope;
    parser_scope_push(p, &scope, PARSER_SC_FUNCTION);
    parser_declare_params(p, params);
    p->cover_init = 0;
    p->labels = NULL;
    p->any_fn_depth++;
    p->ctx &= P_STRICT | P_NEW_TARGET | P_SUPER_PROP | P_SUPER_CALL | P_FIELD_INIT |
              P_STATIC_BLOCK;
    if (nflags & JSP_NF_ASYNC) {
        p->ctx |= P_AWAIT;
    }
    if (TOK.type == JSP_T_LBRACE) {
        p->ctx |= P_RETURN;
        jsp_node *body = parser_node(p, JSP_N_BLOCK);
        parser_next(p);
        body->a = parser_body(p, JSP_T_RBRACE, fn, params);
        parser_next(p);
        fn->c = parser_finish(p, body);
    } else {
        fn->flags |= JSP_NF_EXPR_BODY;
        fn->c = parser_assign(p, 0, 0);
    }
    if (p->ctx & P_STRICT) {
        fn->flags |= JSP_NF_STRICT;
    }
    parser_check_params(p, params, 1);
    parser_scope_pop(p);
    p->any_fn_depth--;
    p->ctx = saved_ctx;
    p->labels = saved_labels;
    p->cover_init = saved_cover;
    p->yield_await_at = saved_ya;
    p->await_ident_at = saved_aw;
    p->depth--;
    return parser_finish(p, fn);
}

/* Converts a cover list (parenthesized expressions or call arguments) to params. */
static jsp_node *parser_cover_to_params(parser *p, jsp_node *list) {
    for (jsp_node **e = &list; *e; e = &(*e)->next) {
        jsp_node *el = *e, *next = el->next;
        jsp_node *pat;
        if (el->kind == JSP_N_SPREAD) {
            if (next) {
                parser_fail_at(p, el->start, "Rest parameter must be last formal parameter");
            }
            el->kind = JSP_N_REST;
            el->a = parser_to_pattern(p, el->a, 1);
            pat = el;
        } else {
            if (el->flags & JSP_NF_PAREN) {
                parser_fail_at(p, el->start, "Invalid destructuring assignment target");
            }
            pat = parser_to_pattern(p, el, 1);
        }
        pat->next = next;
        *e = pat;
    }
    /* await / yield expressions are not allowed in arrow parameters */
    return list;
}

/* ---- classes ---- */

static jsp_node *parser_class(parser *p, int is_decl, int name_optional) {
    jsp_node *cls = parser_node(p, JSP_N_CLASS);
    cls->flags = is_decl ? JSP_NF_DECL : 0;
    parser_next(p); /* class */
    unsigned saved_ctx = p->ctx;
    p->ctx |= P_STRICT;
    if (TOK.type == JSP_T_NAME && !parser_is_kw(p, JSP_KW_EXTENDS) &&
        !(p->ts && TS_IS("implements"))) {
        cls->a = parser_identifier(p, 1);
        if (is_decl) {
            parser_declare(p, cls->a, PARSER_D_LEX);
        }
    } else if (is_decl && !name_optional) {
        parser_unexpected(p);
    }
    if (p->ts && TOK.type == JSP_T_LT) {
        parser_ts_erased(p, parser_ts_type_params);
    }
    if (parser_eat_kw(p, JSP_KW_EXTENDS)) {
        cls->b = parser_lhs(p);
        if (p->ts && TOK.type == JSP_T_LT) {
            parser_ts_erased(p, parser_ts_type_args);
        }
    }
    if (p->ts && TS_IS("implements")) {
        uint32_t start = TOK.start;
        parser_next(p);
        do {
            parser_ts_type_reference(p, 0);
        } while (parser_eat(p, JSP_T_COMMA));
        parser_ts_erase(p, start, p->prev_end);
    }
    cls->num = TOK.start;
    parser_expect(p, JSP_T_LBRACE);
    parser_list members = {0};
    int has_ctor = 0;
    parser_class_scope scope = {NULL, NULL, p->class_scope};
    p->class_scope = &scope;
    while (!parser_eat(p, JSP_T_RBRACE)) {
        if (parser_eat(p, JSP_T_SEMI)) {
            continue;
        }
        jsp_node *m = parser_node(p, JSP_N_METHOD);
        unsigned fflags = 0;
        int kind = JSP_PROP_INIT;
        uint32_t mstart = TOK.start;
        int ts_mod = 0, saved_has_ctor = has_ctor;
        if (p->ts) {
            parser_ts_modifiers(p, 0, &ts_mod);
        }
        if (parser_is_kw(p, JSP_KW_STATIC)) {
            jsp_token nt = parser_peek(p);
            if (p->ts && (nt.type == JSP_T_COLON || nt.type == JSP_T_QUESTION ||
                          nt.type == JSP_T_BANG || nt.type == JSP_T_LT)) {
                nt.type = JSP_T_ASSIGN; /* a member named static */
            }
            if (nt.type == JSP_T_LBRACE) {
                parser_next(p);
                m->kind = JSP_N_STATIC_BLOCK;
                parser_next(p);
                unsigned c = p->ctx;
                parser_label *saved_labels = p->labels;
                p->labels = NULL;
                p->fn_depth++;
                p->ctx = P_STRICT | P_SUPER_PROP | P_NEW_TARGET | P_FIELD_INIT | P_STATIC_BLOCK;
                parser_scope scope;
                parser_scope_push(p, &scope, PARSER_SC_FUNCTION);
                parser_list stmts = {0};
                while (!parser_eat(p, JSP_T_RBRACE)) {
                    parser_push(&stmts, parser_statement_list_item(p));
                }
                parser_scope_pop(p);
                p->ctx = c;
                p->labels = saved_labels;
                p->fn_depth--;
                m->a = stmts.head;
                parser_push(&members, parser_finish(p, m));
                continue;
            }
            if (nt.type != JSP_T_LPAREN && nt.type != JSP_T_ASSIGN && nt.type != JSP_T_SEMI &&
                nt.type != JSP_T_RBRACE) {
                parser_next(p);
                m->flags |= JSP_NF_STATIC;
            }
        }
        if (p->ts) {
            parser_ts_modifiers(p, 0, &ts_mod);
            if (TOK.type == JSP_T_LBRACKET && parser_peek(p).type == JSP_T_NAME &&
                parser_peek2(p).type == JSP_T_COLON) {
                /* an index signature */
                parser_next(p);
                parser_next(p);
                parser_next(p);
                parser_ts_type(p);
                parser_expect(p, JSP_T_RBRACKET);
                if (TOK.type == JSP_T_COLON) {
                    parser_next(p);
                    parser_ts_type(p);
                }
                parser_semicolon(p);
                parser_ts_erase_stmt(p, mstart, p->prev_end);
                continue;
            }
        }
        if (parser_is_kw(p, JSP_KW_ASYNC) || parser_is_kw(p, JSP_KW_GET) ||
            parser_is_kw(p, JSP_KW_SET)) {
            jsp_keyword kw = TOK.kw;
            jsp_token nt = parser_peek(p);
            if (p->ts && (nt.type == JSP_T_COLON || nt.type == JSP_T_QUESTION ||
                          nt.type == JSP_T_BANG || nt.type == JSP_T_LT)) {
                nt.type = JSP_T_ASSIGN; /* a member named async / get / set */
            }
            int modifier = nt.type != JSP_T_LPAREN && nt.type != JSP_T_ASSIGN &&
                           nt.type != JSP_T_SEMI && nt.type != JSP_T_RBRACE &&
                           !(kw == JSP_KW_ASYNC && (nt.flags & JSP_TF_NEWLINE_BEFORE)) &&
                           !(kw != JSP_KW_ASYNC && nt.type == JSP_T_STAR);
            if (modifier) {
                parser_next(p);
                if (kw == JSP_KW_ASYNC) {
                    fflags |= JSP_NF_ASYNC;
                } else {
                    kind = kw == JSP_KW_GET ? JSP_PROP_GET : JSP_PROP_SET;
                }
            }
        }
        if (kind == JSP_PROP_INIT && parser_eat(p, JSP_T_STAR)) {
            fflags |= JSP_NF_GENERATOR;
        }
        int computed;
        m->a = parser_property_key(p, &computed, 1);
        if (computed) {
            m->flags |= JSP_NF_COMPUTED;
        }
        int is_static = (m->flags & JSP_NF_STATIC) != 0;
        if (m->a->kind == JSP_N_PRIVATE_NAME) {
            if (parser_str_is(m->a, "constructor")) {
                int method = TOK.type == JSP_T_LPAREN || kind != JSP_PROP_INIT || fflags;
                parser_fail_at(p, m->a->start, "%s",
                               method ? "Class constructor may not be a private method"
                                      : "Classes may not have a private field named "
                                        "'#constructor'");
            }
            unsigned pk = kind == JSP_PROP_GET   ? PARSER_PRIV_GET
                          : kind == JSP_PROP_SET ? PARSER_PRIV_SET
                                                 : PARSER_PRIV_OTHER;
            parser_private_declare(p, m->a, pk | (is_static ? PARSER_PRIV_STATIC : 0));
        }
        if (p->ts && (TOK.type == JSP_T_QUESTION || TOK.type == JSP_T_BANG)) {
            parser_ts_erase(p, TOK.start, TOK.end);
            parser_next(p);
        }
        if (TOK.type == JSP_T_LPAREN || kind != JSP_PROP_INIT || fflags ||
            (p->ts && TOK.type == JSP_T_LT)) {
            int is_ctor = !computed && !is_static && m->a->kind != JSP_N_PRIVATE_NAME &&
                          parser_str_is(m->a, "constructor");
            if (is_ctor) {
                if (kind != JSP_PROP_INIT || fflags) {
                    parser_fail_at(p, m->a->start, "Class constructor may not be a%s",
                                   kind != JSP_PROP_INIT     ? "n accessor"
                                   : (fflags & JSP_NF_ASYNC) ? "n async method"
                                                             : " generator");
                }
                if (has_ctor) {
                    parser_fail_at(p, m->a->start, "A class may only have one constructor");
                }
                has_ctor = 1;
                kind = JSP_PROP_CONSTRUCTOR;
            }
            if (is_static && !computed && parser_str_is(m->a, "prototype") &&
                m->a->kind != JSP_N_PRIVATE_NAME) {
                parser_fail_at(p, m->a->start, "Classes may not have a static property named "
                                               "'prototype'");
            }
            m->op = (uint16_t)kind;
            unsigned extra = (is_ctor && cls->b) ? P_SUPER_CALL : 0;
            p->ts_sig = (unsigned char)p->ts;
            p->ts_ctor = (unsigned char)(p->ts && is_ctor);
            m->b = parser_method(p, fflags, extra);
            if (p->ts && m->b->c == NULL) {
                has_ctor = saved_has_ctor;
                parser_semicolon(p);
                parser_ts_erase_stmt(p, mstart, p->prev_end);
                continue;
            }
            if (kind == JSP_PROP_GET && m->b->b) {
                parser_fail_at(p, m->b->b->start, "Getter must not have any formal parameters.");
            }
            if (kind == JSP_PROP_SET && (!m->b->b || m->b->b->next || m->b->b->kind == JSP_N_REST)) {
                parser_fail_at(p, m->b->start, "Setter must have exactly one formal parameter.");
            }
        } else {
            m->kind = JSP_N_FIELD;
            if (!computed && m->a->kind != JSP_N_PRIVATE_NAME &&
                (parser_str_is(m->a, "constructor") ||
                 (is_static && parser_str_is(m->a, "prototype")))) {
                parser_fail_at(p, m->a->start, "Classes may not have a field named '%.*s'",
                               (int)m->a->len, m->a->str);
            }
            if (p->ts && TOK.type == JSP_T_COLON) {
                parser_ts_annotation(p);
            }
            if (parser_eat(p, JSP_T_ASSIGN)) {
                unsigned c = p->ctx;
                parser_label *saved_labels = p->labels;
                p->fn_depth++;
                p->ctx = P_STRICT | P_SUPER_PROP | P_NEW_TARGET | P_FIELD_INIT;
                m->b = parser_assign(p, 0, 0);
                p->ctx = c;
                p->labels = saved_labels;
                p->fn_depth--;
            }
            parser_semicolon(p);
        }
        if (ts_mod & 2) {
            parser_ts_erase_stmt(p, mstart, p->prev_end); /* declare / abstract */
            continue;
        }
        parser_push(&members, parser_finish(p, m));
    }
    cls->c = members.head;
    p->class_scope = scope.outer;
    parser_private_resolve(p, &scope);
    p->ctx = saved_ctx;
    return parser_finish(p, cls);
}

/* ---- expressions ---- */

static jsp_node *parser_arguments(parser *p, int cover) {
    parser_list args = {0};
    int ts_param = 0;
    parser_expect(p, JSP_T_LPAREN);
    parser_enter(p);
    while (!parser_eat(p, JSP_T_RPAREN)) {
        if (TOK.type == JSP_T_ELLIPSIS) {
            jsp_node *s = parser_node(p, JSP_N_SPREAD);
            parser_next(p);
            s->a = parser_assign(p, 0, cover);
            if (cover && p->ts && TOK.type == JSP_T_COLON) {
                parser_ts_annotation(p);
            }
            parser_push(&args, parser_finish(p, s));
        } else if (cover && p->ts) {
            parser_push(&args, parser_ts_cover_item(p, &ts_param));
        } else {
            parser_push(&args, parser_assign(p, 0, cover));
        }
        if (TOK.type != JSP_T_RPAREN && !parser_eat(p, JSP_T_COMMA)) {
            parser_check_lex(p);
            parser_fail_at(p, TOK.start, "missing ) after argument list");
        }
    }
    p->depth--;
    if (cover && p->ts) {
        if (TOK.type == JSP_T_COLON) {
            parser_ts_try(p, parser_ts_try_arrow_return, NULL);
        }
        if (ts_param && TOK.type != JSP_T_ARROW) {
            parser_unexpected(p);
        }
    }
    return args.head;
}

/* Arrow parameters parsed as an expression may not hold yield or await expressions. */
static void parser_check_arrow_params_cover(parser *p) {
    if (p->yield_await_at) {
        uint32_t at = p->yield_await_at - 1;
        parser_fail_at(p, at, "%s", p->lx.src[at] == 'y'
                                        ? "Yield expression not allowed in formal parameter"
                                        : "Illegal await-expression in formal parameters of "
                                          "async function");
    }
}

/* `( ... )` in expression position: a parenthesized expression or arrow params. */
static jsp_node *parser_paren(parser *p) {
    jsp_node *start = parser_node(p, JSP_N_FUNCTION);
    parser_next(p);
    parser_list items = {0};
    int trailing_comma = 0;
    uint32_t rest_at = 0;
    uint32_t saved_cover = p->cover_init;
    uint32_t saved_ya = p->yield_await_at;
    int ts_param = 0;
    p->cover_init = 0;
    p->yield_await_at = 0;
    while (TOK.type != JSP_T_RPAREN) {
        if (TOK.type == JSP_T_ELLIPSIS) {
            jsp_node *r = parser_node(p, JSP_N_SPREAD);
            rest_at = TOK.start + 1;
            parser_next(p);
            r->a = parser_binding_target(p, JSP_KW_VAR);
            if (p->ts && TOK.type == JSP_T_COLON) {
                parser_ts_annotation(p);
            }
            if (TOK.type == JSP_T_ASSIGN) {
                parser_fail_at(p, TOK.start, "Rest parameter may not have a default initializer");
            }
            parser_push(&items, parser_finish(p, r));
            if (TOK.type != JSP_T_RPAREN) {
                parser_fail_at(p, TOK.start, "Rest parameter must be last formal parameter");
            }
            break;
        }
        parser_push(&items, p->ts ? parser_ts_cover_item(p, &ts_param) : parser_assign(p, 0, 1));
        if (TOK.type != JSP_T_RPAREN) {
            parser_expect(p, JSP_T_COMMA);
            if (TOK.type == JSP_T_RPAREN) {
                trailing_comma = 1;
            }
        }
    }
    uint32_t close = TOK.start;
    parser_next(p);
    if (p->ts) {
        if (TOK.type == JSP_T_COLON) {
            parser_ts_try(p, parser_ts_try_arrow_return, NULL);
        }
        if (ts_param && TOK.type != JSP_T_ARROW) {
            parser_unexpected(p);
        }
    }
    if (TOK.type == JSP_T_ARROW && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        parser_check_arrow_params_cover(p);
        p->cover_init = saved_cover;
        p->yield_await_at = saved_ya;
        jsp_node *params = parser_cover_to_params(p, items.head);
        return parser_arrow_body(p, start, params, 0);
    }
    if (saved_ya) {
        p->yield_await_at = saved_ya;
    }
    if (items.head == NULL) {
        parser_fail_at(p, close, "Unexpected token ')'");
    }
    if (rest_at) {
        parser_fail_at(p, rest_at - 1, "Unexpected token '...'");
    }
    if (trailing_comma) {
        parser_fail_at(p, close, "Unexpected token ')'");
    }
    if (p->cover_init) {
        parser_fail_at(p, p->cover_init - 1, "%s", p->cover_msg);
    }
    p->cover_init = saved_cover;
    jsp_node *e;
    if (items.head->next) {
        e = parser_node_at(p, JSP_N_SEQUENCE, items.head);
        e->a = items.head;
        e->end = items.tail->end;
    } else {
        e = items.head;
    }
    e->flags |= JSP_NF_PAREN;
    return e;
}

static jsp_node *parser_primary(parser *p) {
    jsp_node *n;
    switch (TOK.type) {
    case JSP_T_NAME:
        switch (TOK.flags & JSP_TF_ESCAPED ? JSP_KW_NONE : TOK.kw) {
        case JSP_KW_THIS:
            n = parser_node(p, JSP_N_THIS);
            parser_next(p);
            return parser_finish(p, n);
        case JSP_KW_NULL:
            n = parser_node(p, JSP_N_NULL);
            parser_next(p);
            return parser_finish(p, n);
        case JSP_KW_TRUE:
        case JSP_KW_FALSE:
            n = parser_node(p, JSP_N_BOOL);
            n->op = TOK.kw == JSP_KW_TRUE;
            parser_next(p);
            return parser_finish(p, n);
        case JSP_KW_FUNCTION:
            return parser_function(p, 0, 0);
        case JSP_KW_CLASS:
            return parser_class(p, 0, 1);
        case JSP_KW_ASYNC: {
            jsp_token nt = parser_peek(p);
            if (nt.type == JSP_T_NAME && nt.kw == JSP_KW_FUNCTION && !(nt.flags & JSP_TF_ESCAPED) &&
                !(nt.flags & JSP_TF_NEWLINE_BEFORE)) {
                return parser_function(p, JSP_NF_ASYNC, 0);
            }
            if (nt.type == JSP_T_NAME && !(nt.flags & JSP_TF_NEWLINE_BEFORE) &&
                parser_peek2(p).type == JSP_T_ARROW) {
                /* async x => ... */
                jsp_node *fn = parser_node(p, JSP_N_FUNCTION);
                parser_next(p);
                unsigned c = p->ctx;
                p->ctx |= P_AWAIT;
                jsp_node *param = parser_identifier(p, 1);
                p->ctx = c;
                if (TOK.type != JSP_T_ARROW) {
                    parser_unexpected(p);
                }
                return parser_arrow_body(p, fn, param, JSP_NF_ASYNC);
            }
            if ((nt.type == JSP_T_LPAREN || (p->ts && nt.type == JSP_T_LT)) &&
                !(nt.flags & JSP_TF_NEWLINE_BEFORE)) {
                /* async(...) => ... or a call of something named async */
                jsp_node *callee = parser_identifier(p, 0);
                if (nt.type == JSP_T_LT && !parser_ts_try(p, parser_ts_try_generic_arrow, NULL)) {
                    return callee; /* `async < x`, or a call with type arguments */
                }
                uint32_t saved_cover = p->cover_init;
                uint32_t saved_ya = p->yield_await_at, saved_aw = p->await_ident_at;
                p->cover_init = 0;
                p->yield_await_at = 0;
                p->await_ident_at = 0;
                jsp_node *args = parser_arguments(p, 1);
                if (TOK.type == JSP_T_ARROW && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
                    parser_check_arrow_params_cover(p);
                    if (p->await_ident_at) {
                        parser_fail_at(p, p->await_ident_at - 1, "Unexpected reserved word");
                    }
                    p->yield_await_at = saved_ya;
                    p->await_ident_at = saved_aw;
                    for (jsp_node *a = args; a; a = a->next) {
                        if (a->kind == JSP_N_SPREAD && a->next) {
                            parser_fail_at(p, a->start, "Rest parameter must be last formal "
                                                        "parameter");
                        }
                    }
                    p->cover_init = saved_cover;
                    jsp_node *fn = parser_node_at(p, JSP_N_FUNCTION, callee);
                    return parser_arrow_body(p, fn, parser_cover_to_params(p, args), JSP_NF_ASYNC);
                }
                if (p->cover_init) {
                    parser_fail_at(p, p->cover_init - 1, "%s", p->cover_msg);
                }
                p->cover_init = saved_cover;
                if (saved_ya) {
                    p->yield_await_at = saved_ya;
                }
                if (saved_aw) {
                    p->await_ident_at = saved_aw;
                }
                jsp_node *call = parser_node_at(p, JSP_N_CALL, callee);
                call->a = callee;
                call->b = args;
                return parser_finish(p, call);
            }
            break;
        }
        case JSP_KW_NEW:
        case JSP_KW_SUPER:
        case JSP_KW_IMPORT:
            return parser_lhs(p); /* handled there; reached only from odd paths */
        default:
            break;
        }
        {
            jsp_node *id = parser_identifier(p, 0);
            if (TOK.type == JSP_T_ARROW && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
                jsp_node *fn = parser_node_at(p, JSP_N_FUNCTION, id);
                parser_to_pattern(p, id, 1);
                return parser_arrow_body(p, fn, id, 0);
            }
            return id;
        }
    case JSP_T_NUMBER:
        parser_check_octal(p);
        n = parser_node(p, JSP_N_NUMBER);
        n->num = TOK.num;
        n->str = TOK.str;
        n->len = TOK.len;
        parser_next(p);
        return parser_finish(p, n);
    case JSP_T_BIGINT:
        n = parser_node(p, JSP_N_BIGINT);
        n->str = TOK.str;
        n->len = TOK.len;
        parser_next(p);
        return parser_finish(p, n);
    case JSP_T_STRING:
        return parser_string(p);
    case JSP_T_TEMPLATE:
    case JSP_T_TEMPLATE_HEAD:
        return parser_template(p, 0);
    case JSP_T_SLASH:
    case JSP_T_SLASH_ASSIGN:
        jsp_lex_regexp(&p->lx);
        parser_check_lex(p);
        {
            size_t at;
            const char *msg =
                jsp_regexp_check(p->arena, TOK.str, TOK.len, TOK.str2, TOK.len2, &at);
            if (msg) {
                int blen = TOK.len > 60 ? 60 : (int)TOK.len;
                parser_fail_at(p, TOK.start + 1 + (uint32_t)at,
                               "Invalid regular expression: /%.*s%s/%.*s: %s", blen, TOK.str,
                               (size_t)blen < TOK.len ? "..." : "", (int)TOK.len2, TOK.str2, msg);
            }
        }
        n = parser_node(p, JSP_N_REGEXP);
        n->str = TOK.str;
        n->len = TOK.len;
        n->str2 = TOK.str2;
        n->len2 = TOK.len2;
        parser_next(p);
        return parser_finish(p, n);
    case JSP_T_LBRACKET:
        return parser_array(p);
    case JSP_T_LBRACE:
        return parser_object(p);
    case JSP_T_LPAREN:
        return parser_paren(p);
    case JSP_T_LT:
        if (p->ts) {
            /* a generic arrow function, or a type assertion `<T>x` */
            if (parser_ts_try(p, parser_ts_try_generic_arrow, NULL)) {
                return parser_paren(p);
            }
            uint32_t start = TOK.start;
            parser_next(p);
            parser_ts_type(p);
            parser_ts_expect_gt(p);
            parser_ts_erase(p, start, p->prev_end);
            return parser_unary(p);
        }
        break;
    case JSP_T_PRIVATE: {
        /* `#x in obj` */
        n = parser_private_ref(p);
        if (!parser_is_kw(p, JSP_KW_IN)) {
            parser_unexpected(p);
        }
        return n;
    }
    default:
        break;
    }
    parser_unexpected(p);
}

/* `new.target`, `new X(args)`, `new X` with X a member expression. */
static jsp_node *parser_new(parser *p) {
    jsp_node *n = parser_node(p, JSP_N_NEW);
    parser_next(p);
    if (TOK.type == JSP_T_DOT) {
        parser_next(p);
        if (!parser_is_kw(p, JSP_KW_TARGET)) {
            parser_unexpected(p);
        }
        if (!(p->ctx & P_NEW_TARGET)) {
            parser_fail_at(p, n->start, "new.target expression is not allowed here");
        }
        parser_next(p);
        n->kind = JSP_N_META_PROPERTY;
        n->op = JSP_META_NEW_TARGET;
        return parser_finish(p, n);
    }
    parser_enter(p);
    jsp_node *callee;
    if (parser_is_kw(p, JSP_KW_NEW)) {
        callee = parser_new(p);
    } else if (parser_is_kw(p, JSP_KW_IMPORT)) {
        jsp_token nt = parser_peek(p);
        if (nt.type != JSP_T_DOT) {
            parser_fail_at(p, TOK.start, "Cannot use new with import");
        }
        /* import.meta; the member loop below takes it from here */
        callee = parser_node(p, JSP_N_META_PROPERTY);
        callee->op = JSP_META_IMPORT_META;
        parser_next(p);
        parser_next(p);
        if (!parser_is_kw(p, JSP_KW_META)) {
            parser_unexpected(p);
        }
        if (!p->module) {
            parser_fail_at(p, callee->start, "Cannot use 'import.meta' outside a module");
        }
        parser_next(p);
        parser_finish(p, callee);
    } else if (parser_is_kw(p, JSP_KW_SUPER)) {
        /* only super.x / super[x]: the member loop below takes it from here */
        callee = parser_node(p, JSP_N_SUPER);
        parser_next(p);
        parser_finish(p, callee);
        if ((TOK.type != JSP_T_DOT && TOK.type != JSP_T_LBRACKET) || !(p->ctx & P_SUPER_PROP)) {
            parser_fail_at(p, callee->start, "'super' keyword unexpected here");
        }
    } else {
        callee = parser_primary(p);
        if (callee->kind == JSP_N_FUNCTION && (callee->flags & JSP_NF_ARROW) &&
            !(callee->flags & JSP_NF_PAREN)) {
            parser_fail_at(p, callee->start, "Unexpected token '=>'");
        }
    }
    /* member accesses bind tighter than new; the first call ends it */
    for (;;) {
        if (TOK.type == JSP_T_DOT) {
            parser_next(p);
            jsp_node *m = parser_node_at(p, JSP_N_MEMBER, callee);
            m->a = callee;
            if (TOK.type == JSP_T_PRIVATE) {
                m->b = parser_private_ref(p);
            } else {
                m->b = parser_identifier_name(p);
            }
            callee = parser_finish(p, m);
        } else if (TOK.type == JSP_T_LBRACKET) {
            parser_next(p);
            jsp_node *m = parser_node_at(p, JSP_N_MEMBER, callee);
            m->a = callee;
            m->flags |= JSP_NF_COMPUTED;
            m->b = parser_expression(p, 0);
            parser_expect(p, JSP_T_RBRACKET);
            callee = parser_finish(p, m);
        } else if (TOK.type == JSP_T_TEMPLATE || TOK.type == JSP_T_TEMPLATE_HEAD) {
            jsp_node *t = parser_node_at(p, JSP_N_TAGGED_TEMPLATE, callee);
            t->a = callee;
            t->b = parser_template(p, 1);
            callee = parser_finish(p, t);
        } else if (TOK.type == JSP_T_QDOT) {
            parser_fail_at(p, TOK.start, "Invalid optional chain from new expression");
        } else if (p->ts && TOK.type == JSP_T_LT) {
            if (!parser_ts_try(p, parser_ts_try_expr_type_args, NULL)) {
                break;
            }
        } else {
            break;
        }
    }
    n->a = callee;
    if (TOK.type == JSP_T_LPAREN) {
        n->b = parser_arguments(p, 0);
    }
    p->depth--;
    return parser_finish(p, n);
}

/* LeftHandSideExpression: member accesses, calls, optional chains, tagged templates. */
static jsp_node *parser_lhs(parser *p) {
    parser_enter(p);
    jsp_node *e;
    if (parser_is_kw(p, JSP_KW_NEW)) {
        e = parser_new(p);
    } else if (parser_is_kw(p, JSP_KW_SUPER)) {
        e = parser_node(p, JSP_N_SUPER);
        parser_next(p);
        parser_finish(p, e);
        if (TOK.type == JSP_T_LPAREN) {
            if (!(p->ctx & P_SUPER_CALL)) {
                parser_fail_at(p, e->start, "'super' keyword unexpected here");
            }
        } else if (TOK.type == JSP_T_DOT || TOK.type == JSP_T_LBRACKET) {
            if (!(p->ctx & P_SUPER_PROP)) {
                parser_fail_at(p, e->start, "'super' keyword unexpected here");
            }
        } else {
            parser_fail_at(p, e->start, "'super' keyword unexpected here");
        }
    } else if (parser_is_kw(p, JSP_KW_IMPORT)) {
        e = parser_node(p, JSP_N_IMPORT_CALL);
        parser_next(p);
        if (TOK.type == JSP_T_DOT) {
            parser_next(p);
            if (!parser_is_kw(p, JSP_KW_META)) {
                parser_unexpected(p);
            }
            if (!p->module) {
                parser_fail_at(p, e->start, "Cannot use 'import.meta' outside a module");
            }
            parser_next(p);
            e->kind = JSP_N_META_PROPERTY;
            e->op = JSP_META_IMPORT_META;
            parser_finish(p, e);
        } else if (TOK.type == JSP_T_LPAREN) {
            parser_next(p);
            if (TOK.type == JSP_T_RPAREN) {
                parser_unexpected(p);
            }
            e->a = parser_assign(p, 0, 0);
            if (parser_eat(p, JSP_T_COMMA) && TOK.type != JSP_T_RPAREN) {
                e->b = parser_assign(p, 0, 0);
                parser_eat(p, JSP_T_COMMA);
            }
            parser_expect(p, JSP_T_RPAREN);
            parser_finish(p, e);
        } else {
            parser_unexpected(p);
        }
    } else {
        e = parser_primary(p);
        if (e->kind == JSP_N_FUNCTION && (e->flags & JSP_NF_ARROW) && !(e->flags & JSP_NF_PAREN)) {
            p->depth--;
            return e; /* an arrow function ends the expression */
        }
    }
    int chain = 0;
    for (;;) {
        jsp_tok_type t = TOK.type;
        if (t == JSP_T_DOT || t == JSP_T_QDOT) {
            int optional = t == JSP_T_QDOT;
            parser_next(p);
            if (optional) {
                chain = 1;
                if (TOK.type == JSP_T_LPAREN) {
                    jsp_node *c = parser_node_at(p, JSP_N_CALL, e);
                    c->a = e;
                    c->flags |= JSP_NF_OPTIONAL;
                    c->b = parser_arguments(p, 0);
                    e = parser_finish(p, c);
                    continue;
                }
                if (TOK.type == JSP_T_LBRACKET) {
                    parser_next(p);
                    jsp_node *m = parser_node_at(p, JSP_N_MEMBER, e);
                    m->a = e;
                    m->flags |= JSP_NF_COMPUTED | JSP_NF_OPTIONAL;
                    m->b = parser_expression(p, 0);
                    parser_expect(p, JSP_T_RBRACKET);
                    e = parser_finish(p, m);
                    continue;
                }
                if (TOK.type == JSP_T_TEMPLATE || TOK.type == JSP_T_TEMPLATE_HEAD) {
                    parser_fail_at(p, TOK.start, "Invalid tagged template on optional chain");
                }
            }
            jsp_node *m = parser_node_at(p, JSP_N_MEMBER, e);
            m->a = e;
            if (optional) {
                m->flags |= JSP_NF_OPTIONAL;
            }
            if (TOK.type == JSP_T_PRIVATE) {
                m->b = parser_private_ref(p);
            } else {
                m->b = parser_identifier_name(p);
            }
            e = parser_finish(p, m);
        } else if (t == JSP_T_LBRACKET) {
            parser_next(p);
            jsp_node *m = parser_node_at(p, JSP_N_MEMBER, e);
            m->a = e;
            m->flags |= JSP_NF_COMPUTED;
            m->b = parser_expression(p, 0);
            parser_expect(p, JSP_T_RBRACKET);
            e = parser_finish(p, m);
        } else if (t == JSP_T_LPAREN) {
            jsp_node *c = parser_node_at(p, JSP_N_CALL, e);
            c->a = e;
            c->b = parser_arguments(p, 0);
            e = parser_finish(p, c);
        } else if (t == JSP_T_TEMPLATE || t == JSP_T_TEMPLATE_HEAD) {
            if (chain) {
                parser_fail_at(p, TOK.start, "Invalid tagged template on optional chain");
            }
            jsp_node *tt = parser_node_at(p, JSP_N_TAGGED_TEMPLATE, e);
            tt->a = e;
            tt->b = parser_template(p, 1);
            e = parser_finish(p, tt);
        } else if (p->ts && t == JSP_T_BANG && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
            parser_ts_erase(p, TOK.start, TOK.end); /* non-null assertion */
            parser_next(p);
        } else if (p->ts && t == JSP_T_LT) {
            if (!parser_ts_try(p, parser_ts_try_expr_type_args, NULL)) {
                break;
            }
        } else {
            break;
        }
    }
    if (chain) {
        jsp_node *c = parser_node_at(p, JSP_N_CHAIN, e);
        c->a = e;
        c->end = e->end;
        c->flags = JSP_NF_OPTIONAL; /* a chain is never an assignment target */
        e = c;
    }
    p->depth--;
    return e;
}

static int parser_is_bare_arrow(const jsp_node *e) {
    return e->kind == JSP_N_FUNCTION && (e->flags & JSP_NF_ARROW) && !(e->flags & JSP_NF_PAREN);
}

static jsp_node *parser_postfix(parser *p) {
    jsp_node *e = parser_lhs(p);
    if (parser_is_bare_arrow(e)) {
        return e;
    }
    if ((TOK.type == JSP_T_INC || TOK.type == JSP_T_DEC) && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
        if (!parser_is_simple_target(p, e)) {
            parser_fail_at(p, e->start, "Invalid left-hand side expression in postfix operation");
        }
        jsp_node *u = parser_node_at(p, JSP_N_UPDATE, e);
        u->op = (uint16_t)TOK.type;
        u->a = e;
        parser_next(p);
        return parser_finish(p, u);
    }
    return e;
}

static jsp_node *parser_unary(parser *p) {
    parser_enter(p);
    jsp_node *u;
    jsp_tok_type t = TOK.type;
    if (t == JSP_T_BANG || t == JSP_T_TILDE || t == JSP_T_PLUS || t == JSP_T_MINUS) {
        u = parser_node(p, JSP_N_UNARY);
        u->op = (uint16_t)t;
        parser_next(p);
        u->a = parser_unary(p);
    } else if (t == JSP_T_INC || t == JSP_T_DEC) {
        u = parser_node(p, JSP_N_UPDATE);
        u->op = (uint16_t)t;
        u->flags |= JSP_NF_PREFIX;
        parser_next(p);
        u->a = parser_unary(p);
        if (!parser_is_simple_target(p, u->a)) {
            parser_fail_at(p, u->a->start, "Invalid left-hand side expression in prefix operation");
        }
    } else if (parser_is_kw(p, JSP_KW_TYPEOF) || parser_is_kw(p, JSP_KW_VOID) ||
               parser_is_kw(p, JSP_KW_DELETE)) {
        u = parser_node(p, JSP_N_UNARY);
        u->op = (uint16_t)TOK.kw;
        u->flags |= JSP_NF_KW;
        parser_next(p);
        u->a = parser_unary(p);
        if (u->op == JSP_KW_DELETE && (p->ctx & P_STRICT) && u->a->kind == JSP_N_IDENT) {
            parser_fail_at(p, u->start, "Delete of an unqualified identifier in strict mode.");
        }
        const jsp_node *target = u->a->kind == JSP_N_CHAIN ? u->a->a : u->a;
        if (u->op == JSP_KW_DELETE && target->kind == JSP_N_MEMBER &&
            target->b->kind == JSP_N_PRIVATE_NAME) {
            parser_fail_at(p, u->start, "Private fields can not be deleted");
        }
    } else if (parser_is_kw(p, JSP_KW_AWAIT) && (p->ctx & P_AWAIT)) {
        if (p->ctx & P_PARAMS) {
            parser_fail_at(p, TOK.start, "Illegal await-expression in formal parameters of async "
                                         "function");
        }
        u = parser_node(p, JSP_N_AWAIT);
        if (!p->yield_await_at) {
            p->yield_await_at = u->start + 1;
        }
        parser_next(p);
        if (p->any_fn_depth == 0) {
            p->program->flags |= JSP_NF_HAS_AWAIT;
        }
        u->a = parser_unary(p);
    } else {
        jsp_node *e = parser_postfix(p);
        p->depth--;
        return e;
    }
    p->depth--;
    parser_finish(p, u);
    if (parser_is_bare_arrow(u->a)) {
        parser_fail_at(p, u->a->start, "Malformed arrow function parameter list");
    }
    if (TOK.type == JSP_T_STAR2 && u->kind != JSP_N_UPDATE) {
        parser_fail_at(p, TOK.start, "Unary operator used immediately before exponentiation "
                                     "expression. Parenthesis must be used to disambiguate "
                                     "operator precedence");
    }
    return u;
}

/* Binary precedence of the current token; 0 when it is no binary operator. */
static int parser_binary_prec(parser *p, int no_in) {
    switch (TOK.type) {
    case JSP_T_NULLISH: return 1;
    case JSP_T_OR: return 2;
    case JSP_T_AND: return 3;
    case JSP_T_PIPE: return 4;
    case JSP_T_CARET: return 5;
    case JSP_T_AMP: return 6;
    case JSP_T_EQ: case JSP_T_NE: case JSP_T_EQ3: case JSP_T_NE3: return 7;
    case JSP_T_LT: case JSP_T_GT: case JSP_T_LE: case JSP_T_GE: return 8;
    case JSP_T_SHL: case JSP_T_SAR: case JSP_T_SHR: return 9;
    case JSP_T_PLUS: case JSP_T_MINUS: return 10;
    case JSP_T_STAR: case JSP_T_SLASH: case JSP_T_PERCENT: return 11;
    case JSP_T_STAR2: return 12;
    case JSP_T_NAME:
        if (TOK.flags & JSP_TF_ESCAPED) {
            return 0;
        }
        if (TOK.kw == JSP_KW_INSTANCEOF || (TOK.kw == JSP_KW_IN && !no_in)) {
            return 8;
        }
        return 0;
    default:
        return 0;
    }
}

static jsp_node *parser_binary(parser *p, int min_prec, int no_in) {
    parser_enter(p);
    jsp_node *left = parser_unary(p);
    if (left->kind == JSP_N_PRIVATE_NAME && !parser_is_kw(p, JSP_KW_IN)) {
        parser_unexpected(p);
    }
    if (parser_is_bare_arrow(left)) {
        p->depth--;
        return left;
    }
    for (;;) {
        if (p->ts && TOK.type == JSP_T_NAME && min_prec <= 8 &&
            !(TOK.flags & (JSP_TF_NEWLINE_BEFORE | JSP_TF_ESCAPED)) &&
            (TS_IS("as") || TS_IS("satisfies"))) {
            uint32_t start = TOK.start;
            parser_next(p);
            parser_ts_type(p);
            parser_ts_erase(p, start, p->prev_end);
            continue;
        }
        int prec = parser_binary_prec(p, no_in);
        if (prec == 0 || prec < min_prec) {
            break;
        }
        jsp_tok_type t = TOK.type;
        jsp_node *b = parser_node_at(p, JSP_N_BINARY, left);
        if (t == JSP_T_NAME) {
            b->op = (uint16_t)TOK.kw;
            b->flags |= JSP_NF_KW;
        } else {
            b->op = (uint16_t)t;
        }
        uint32_t op_at = TOK.start;
        if (t == JSP_T_AND || t == JSP_T_OR || t == JSP_T_NULLISH) {
            b->kind = JSP_N_LOGICAL;
            b->num = op_at; /* where the operator is, for the mixing error */
        }
        if (left->kind == JSP_N_PRIVATE_NAME && !(t == JSP_T_NAME && TOK.kw == JSP_KW_IN)) {
            parser_unexpected(p);
        }
        parser_next(p);
        /* ** is right-associative; others are left-associative */
        jsp_node *right = parser_binary(p, t == JSP_T_STAR2 ? prec : prec + 1, no_in);
        if (parser_is_bare_arrow(right)) {
            parser_fail_at(p, right->start, "Malformed arrow function parameter list");
        }
        if (right->kind == JSP_N_PRIVATE_NAME) {
            parser_fail_at(p, right->start, "Unexpected identifier '#%.*s'", (int)right->len,
                           right->str);
        }
        /* ?? does not mix with || or && without parentheses: report the first
         * operator that mixes, as V8 does */
        int family = t == JSP_T_NULLISH ? 1 : (t == JSP_T_AND || t == JSP_T_OR) ? 2 : 0;
        if (family) {
            int lf = left->kind != JSP_N_LOGICAL || (left->flags & JSP_NF_PAREN) ? 0
                     : left->op == JSP_T_NULLISH                                ? 1
                                                                                : 2;
            int rf = right->kind != JSP_N_LOGICAL || (right->flags & JSP_NF_PAREN) ? 0
                     : right->op == JSP_T_NULLISH                                 ? 1
                                                                                  : 2;
            if (lf && lf != family) {
                parser_fail_at(p, op_at, "Unexpected token '%s'", jsp_tok_name(t));
            }
            if (rf && rf != family) {
                parser_fail_at(p, (uint32_t)right->num, "Unexpected token '%s'",
                               jsp_tok_name((jsp_tok_type)right->op));
            }
        }
        b->a = left;
        b->b = right;
        left = parser_finish(p, b);
    }
    p->depth--;
    return left;
}

static int parser_is_assign_op(jsp_tok_type t) {
    return t >= JSP_T_ASSIGN && t <= JSP_T_NULLISH_ASSIGN;
}

static int parser_starts_expression(parser *p) {
    switch (TOK.type) {
    case JSP_T_RPAREN: case JSP_T_RBRACKET: case JSP_T_RBRACE: case JSP_T_COMMA:
    case JSP_T_SEMI: case JSP_T_COLON: case JSP_T_EOF: case JSP_T_QUESTION:
    case JSP_T_ARROW:
        return 0;
    default:
        if (parser_is_assign_op(TOK.type) && TOK.type != JSP_T_SLASH_ASSIGN) {
            return 0;
        }
        if (parser_binary_prec(p, 0) && TOK.type != JSP_T_PLUS && TOK.type != JSP_T_MINUS &&
            TOK.type != JSP_T_SLASH) {
            return 0;
        }
        return 1;
    }
}

static jsp_node *parser_assign(parser *p, int no_in, int cover) {
    parser_enter(p);
    if (parser_is_kw(p, JSP_KW_YIELD) && (p->ctx & P_YIELD)) {
        if (p->ctx & P_PARAMS) {
            parser_fail_at(p, TOK.start, "Yield expression not allowed in formal parameter");
        }
        jsp_node *y = parser_node(p, JSP_N_YIELD);
        if (!p->yield_await_at) {
            p->yield_await_at = y->start + 1;
        }
        parser_next(p);
        if (!(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
            if (parser_eat(p, JSP_T_STAR)) {
                y->flags |= JSP_NF_DELEGATE;
                y->a = parser_assign(p, no_in, 0);
            } else if (parser_starts_expression(p)) {
                y->a = parser_assign(p, no_in, 0);
            }
        }
        p->depth--;
        return parser_finish(p, y);
    }
    uint32_t outer_cover = p->cover_init;
    p->cover_init = 0;
    jsp_node *left = parser_binary(p, 1, no_in);
    if (parser_is_bare_arrow(left)) {
        /* an arrow function is a whole AssignmentExpression; what follows is ASI's */
    } else if (TOK.type == JSP_T_QUESTION) {
        jsp_node *c = parser_node_at(p, JSP_N_CONDITIONAL, left);
        parser_next(p);
        c->a = left;
        c->b = parser_assign(p, 0, 0);
        parser_expect(p, JSP_T_COLON);
        c->c = parser_assign(p, no_in, 0);
        left = parser_finish(p, c);
    } else if (parser_is_assign_op(TOK.type)) {
        jsp_tok_type op = TOK.type;
        if (op == JSP_T_ASSIGN && (left->kind == JSP_N_OBJECT || left->kind == JSP_N_ARRAY) &&
            !(left->flags & JSP_NF_PAREN)) {
            left = parser_to_pattern(p, left, 0);
            p->cover_init = 0;
        } else if (!parser_is_simple_target(p, left) ||
                   (op >= JSP_T_AND_ASSIGN && left->kind == JSP_N_CALL)) {
            parser_fail_at(p, left->start, "Invalid left-hand side in assignment");
        }
        jsp_node *a = parser_node_at(p, JSP_N_ASSIGN, left);
        a->op = (uint16_t)op;
        parser_next(p);
        a->a = left;
        a->b = parser_assign(p, no_in, 0);
        left = parser_finish(p, a);
    }
    if (p->cover_init && !cover) {
        parser_fail_at(p, p->cover_init - 1, "%s", p->cover_msg);
    }
    if (outer_cover) {
        p->cover_init = outer_cover;
    }
    p->depth--;
    return left;
}

static jsp_node *parser_expression(parser *p, int no_in) {
    jsp_node *e = parser_assign(p, no_in, 0);
    if (TOK.type != JSP_T_COMMA) {
        return e;
    }
    jsp_node *seq = parser_node_at(p, JSP_N_SEQUENCE, e);
    parser_list items = {0};
    parser_push(&items, e);
    while (parser_eat(p, JSP_T_COMMA)) {
        parser_push(&items, parser_assign(p, no_in, 0));
    }
    seq->a = items.head;
    return parser_finish(p, seq);
}

/* ---- statements ---- */

static jsp_node *parser_var_decl(parser *p, jsp_keyword kind, int no_in, int in_for) {
    jsp_node *d = parser_node(p, JSP_N_VAR_DECL);
    d->op = (uint16_t)kind;
    parser_next(p); /* var / let / const */
    parser_list decls = {0};
    do {
        jsp_node *dc = parser_node(p, JSP_N_DECLARATOR);
        dc->a = parser_binding_target(p, kind);
        if (p->ts) {
            if (TOK.type == JSP_T_BANG && !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
                parser_ts_erase(p, TOK.start, TOK.end); /* definite assignment */
                parser_next(p);
            }
            if (TOK.type == JSP_T_COLON) {
                parser_ts_annotation(p);
            }
        }
        parser_declare_pattern(p, dc->a,
                               kind != JSP_KW_VAR ? PARSER_D_LEX
                               : in_for && parser_is_kw(p, JSP_KW_OF) ? PARSER_D_VAR_FOROF
                                                                      : PARSER_D_VAR);
        if (parser_eat(p, JSP_T_ASSIGN)) {
            dc->b = parser_assign(p, no_in, 0);
        } else if (p->ts_ambient) {
            /* declare const x: T; */
        } else if (!in_for || !(parser_is_kw(p, JSP_KW_IN) || parser_is_kw(p, JSP_KW_OF))) {
            if (dc->a->kind != JSP_N_IDENT) {
                parser_fail_at(p, TOK.start, "Missing initializer in destructuring declaration");
            }
            if (kind == JSP_KW_CONST) {
                parser_fail_at(p, TOK.start, "Missing initializer in const declaration");
            }
        }
        parser_push(&decls, parser_finish(p, dc));
    } while (parser_eat(p, JSP_T_COMMA));
    d->a = decls.head;
    return parser_finish(p, d);
}

/* Is `let` at the current token the start of a lexical declaration? */
static int parser_let_is_decl(parser *p) {
    if (!parser_is_kw(p, JSP_KW_LET)) {
        return 0;
    }
    jsp_token nt = parser_peek(p);
    if (nt.type == JSP_T_LBRACKET || nt.type == JSP_T_LBRACE) {
        return 1;
    }
    if (nt.type == JSP_T_NAME) {
        if (JSP_KW_IS_RESERVED(nt.kw) && !(nt.flags & JSP_TF_ESCAPED)) {
            return nt.kw == JSP_KW_LET; /* let let: reported as an error later */
        }
        /* `let` newline `await/yield` in sloppy code: still a declaration */
        return 1;
    }
    return 0;
}

static parser_label *parser_find_label(parser *p, const jsp_node *id) {
    for (parser_label *l = p->labels; l; l = l->next) {
        if (l->len == id->len && memcmp(l->name, id->str, id->len) == 0) {
            return l;
        }
    }
    return NULL;
}

/* The Statement of an if, a loop or a with: never a labelled function. */
static jsp_node *parser_substatement(parser *p) {
    jsp_node *s = parser_statement(p);
    const jsp_node *inner = s;
    while (inner->kind == JSP_N_LABELED) {
        inner = inner->b;
    }
    if (inner != s && inner->kind == JSP_N_FUNCTION) {
        parser_fail_at(p, inner->start, "In non-strict mode code, functions can only be declared "
                                        "at top level, inside a block, or as the body of an if "
                                        "statement.");
    }
    return s;
}

/* Annex B: `if (x) function f() {}` in sloppy code, as if in a block of its own. */
static jsp_node *parser_if_function(parser *p) {
    if (parser_peek(p).type == JSP_T_STAR) {
        parser_fail_at(p, TOK.start, "Generators can only be declared at the top level or inside "
                                     "a block.");
    }
    return parser_function(p, 0, PARSER_DECL_IF);
}

static jsp_node *parser_loop_body(parser *p) {
    unsigned saved = p->ctx;
    p->ctx |= P_BREAK | P_CONTINUE;
    jsp_node *body = parser_substatement(p);
    p->ctx = saved;
    return body;
}

static jsp_node *parser_for_head_and_body(parser *p);

/* A for statement: a let / const declaration in its head has a scope of its own. */
static jsp_node *parser_for(parser *p) {
    parser_scope scope;
    parser_scope_push(p, &scope, PARSER_SC_BLOCK);
    jsp_node *f = parser_for_head_and_body(p);
    parser_scope_pop(p);
    return f;
}

static jsp_node *parser_for_head_and_body(parser *p) {
    jsp_node *f = parser_node(p, JSP_N_FOR);
    parser_next(p);
    int is_await = 0;
    if (parser_is_kw(p, JSP_KW_AWAIT)) {
        if (!(p->ctx & P_AWAIT)) {
            parser_fail_at(p, TOK.start, "Unexpected reserved word");
        }
        parser_next(p);
        is_await = 1;
        if (p->any_fn_depth == 0) {
            p->program->flags |= JSP_NF_HAS_AWAIT;
        }
    }
    parser_expect(p, JSP_T_LPAREN);
    jsp_node *init = NULL;
    const jsp_token init_tok = TOK;
    if (TOK.type == JSP_T_SEMI) {
        /* no init */
    } else if (parser_is_kw(p, JSP_KW_VAR) || parser_is_kw(p, JSP_KW_CONST) ||
               parser_let_is_decl(p)) {
        init = parser_var_decl(p, TOK.kw, 1, 1);
    } else {
        uint32_t saved_cover = p->cover_init;
        p->cover_init = 0;
        int starts_let = parser_is_kw(p, JSP_KW_LET);
        int starts_async = parser_is_kw(p, JSP_KW_ASYNC);
        init = parser_assign(p, 1, 1);
        if (parser_is_kw(p, JSP_KW_OF) || parser_is_kw(p, JSP_KW_IN)) {
            if (parser_is_kw(p, JSP_KW_OF) && starts_let) {
                parser_fail_at(p, init_tok.start, "The left-hand side of a for-of loop may not be "
                                                  "'let'.");
            }
            if (parser_is_kw(p, JSP_KW_OF) && starts_async && init->kind == JSP_N_IDENT &&
                !is_await && !(init->flags & JSP_NF_PAREN)) {
                parser_fail_at(p, init_tok.start, "The left-hand side of a for-of loop may not be "
                                                  "'async'.");
            }
            if ((init->kind == JSP_N_OBJECT || init->kind == JSP_N_ARRAY) &&
                !(init->flags & JSP_NF_PAREN)) {
                init = parser_to_pattern(p, init, 0);
            } else if (!parser_is_simple_target(p, init)) {
                parser_fail_at(p, init->start, "Invalid left-hand side in for-loop");
            }
        } else {
            if (p->cover_init) {
                parser_fail_at(p, p->cover_init - 1, "%s", p->cover_msg);
            }
            if (TOK.type == JSP_T_COMMA) {
                jsp_node *seq = parser_node_at(p, JSP_N_SEQUENCE, init);
                parser_list items = {0};
                parser_push(&items, init);
                while (parser_eat(p, JSP_T_COMMA)) {
                    parser_push(&items, parser_assign(p, 1, 0));
                }
                seq->a = items.head;
                init = parser_finish(p, seq);
            }
        }
        p->cover_init = saved_cover;
    }
    if (init && (parser_is_kw(p, JSP_KW_OF) || parser_is_kw(p, JSP_KW_IN))) {
        int of = parser_is_kw(p, JSP_KW_OF);
        if (init->kind == JSP_N_VAR_DECL) {
            if (init->a->next) {
                parser_fail_at(p, init->start, "Invalid left-hand side in %s loop: Must have a "
                                               "single binding.",
                               of ? "for-of" : "for-in");
            }
            if (init->a->b && (of || init->op != JSP_KW_VAR || (p->ctx & P_STRICT) ||
                               init->a->a->kind != JSP_N_IDENT)) {
                parser_fail_at(p, init->start, "%s loop variable declaration may not have an "
                                               "initializer.",
                               of ? "for-of" : "for-in");
            }
        }
        f->kind = of ? JSP_N_FOR_OF : JSP_N_FOR_IN;
        if (is_await) {
            if (!of) {
                parser_unexpected(p);
            }
            f->flags |= JSP_NF_AWAIT;
        }
        parser_next(p);
        f->a = init;
        f->b = of ? parser_assign(p, 0, 0) : parser_expression(p, 0);
        parser_expect(p, JSP_T_RPAREN);
        f->d = parser_loop_body(p);
        return parser_finish(p, f);
    }
    if (is_await) {
        parser_unexpected(p);
    }
    if (init && init->kind == JSP_N_VAR_DECL) {
        for (jsp_node *dc = init->a; dc; dc = dc->next) {
            if (!dc->b && (init->op == JSP_KW_CONST || dc->a->kind != JSP_N_IDENT)) {
                parser_fail_at(p, dc->start, "Missing initializer in %s declaration",
                               init->op == JSP_KW_CONST ? "const" : "destructuring");
            }
        }
    }
    f->a = init;
    parser_expect(p, JSP_T_SEMI);
    if (TOK.type != JSP_T_SEMI) {
        f->b = parser_expression(p, 0);
    }
    parser_expect(p, JSP_T_SEMI);
    if (TOK.type != JSP_T_RPAREN) {
        f->c = parser_expression(p, 0);
    }
    parser_expect(p, JSP_T_RPAREN);
    f->d = parser_loop_body(p);
    return parser_finish(p, f);
}

/* A block with its own scope; catch_body: the block of a catch clause. */
static jsp_node *parser_block_scoped(parser *p, int catch_body) {
    jsp_node *b = parser_node(p, JSP_N_BLOCK);
    parser_expect(p, JSP_T_LBRACE);
    parser_scope scope;
    parser_scope_push(p, &scope, PARSER_SC_BLOCK);
    scope.catch_body = (unsigned char)catch_body;
    parser_list stmts = {0};
    while (!parser_eat(p, JSP_T_RBRACE)) {
        parser_push(&stmts, parser_statement_list_item(p));
    }
    parser_scope_pop(p);
    b->a = stmts.head;
    return parser_finish(p, b);
}

static jsp_node *parser_block(parser *p) {
    return parser_block_scoped(p, 0);
}

/* Labels directly on an iteration statement are loop labels (for `continue l`). */
static void parser_mark_loop_labels(parser *p, parser_label *run) {
    for (parser_label *l = p->labels; l && run; l = l->next) {
        l->loop = 1;
        if (l == run) {
            break;
        }
    }
}

static jsp_node *parser_statement(parser *p) {
    parser_enter(p);
    jsp_node *s;
    parser_label *run = p->label_run;
    p->label_run = NULL;
    if (TOK.type == JSP_T_LBRACE) {
        s = parser_block(p);
        p->depth--;
        return s;
    }
    if (TOK.type == JSP_T_SEMI) {
        s = parser_node(p, JSP_N_EMPTY);
        parser_next(p);
        p->depth--;
        return parser_finish(p, s);
    }
    jsp_keyword kw = (TOK.type == JSP_T_NAME && !(TOK.flags & JSP_TF_ESCAPED)) ? TOK.kw
                                                                               : JSP_KW_NONE;
    switch (kw) {
    case JSP_KW_VAR:
        s = parser_var_decl(p, JSP_KW_VAR, 0, 0);
        parser_semicolon(p);
        break;
    case JSP_KW_IF:
        s = parser_node(p, JSP_N_IF);
        parser_next(p);
        parser_expect(p, JSP_T_LPAREN);
        s->a = parser_expression(p, 0);
        parser_expect(p, JSP_T_RPAREN);
        /* Annex B: a function declaration as the body of an if in sloppy code */
        if (parser_is_kw(p, JSP_KW_FUNCTION) && !(p->ctx & P_STRICT)) {
            s->b = parser_if_function(p);
        } else {
            s->b = parser_substatement(p);
        }
        if (parser_eat_kw(p, JSP_KW_ELSE)) {
            if (parser_is_kw(p, JSP_KW_FUNCTION) && !(p->ctx & P_STRICT)) {
                s->c = parser_if_function(p);
            } else {
                s->c = parser_substatement(p);
            }
        }
        break;
    case JSP_KW_FOR:
        parser_mark_loop_labels(p, run);
        s = parser_for(p);
        break;
    case JSP_KW_WHILE:
        parser_mark_loop_labels(p, run);
        s = parser_node(p, JSP_N_WHILE);
        parser_next(p);
        parser_expect(p, JSP_T_LPAREN);
        s->a = parser_expression(p, 0);
        parser_expect(p, JSP_T_RPAREN);
        s->d = parser_loop_body(p);
        break;
    case JSP_KW_DO:
        parser_mark_loop_labels(p, run);
        s = parser_node(p, JSP_N_DO_WHILE);
        parser_next(p);
        s->d = parser_loop_body(p);
        parser_expect_kw(p, JSP_KW_WHILE);
        parser_expect(p, JSP_T_LPAREN);
        s->a = parser_expression(p, 0);
        parser_expect(p, JSP_T_RPAREN);
        parser_eat(p, JSP_T_SEMI); /* always optional after do-while */
        break;
    case JSP_KW_CONTINUE:
    case JSP_KW_BREAK: {
        int is_break = kw == JSP_KW_BREAK;
        s = parser_node(p, is_break ? JSP_N_BREAK : JSP_N_CONTINUE);
        parser_next(p);
        if (TOK.type == JSP_T_NAME && !(TOK.flags & JSP_TF_NEWLINE_BEFORE) &&
            !(JSP_KW_IS_RESERVED(TOK.kw) && !(TOK.flags & JSP_TF_ESCAPED))) {
            s->a = parser_identifier(p, 0);
            parser_label *l = parser_find_label(p, s->a);
            if (l == NULL) {
                parser_fail_at(p, s->a->start, "Undefined label '%.*s'", (int)s->a->len,
                               s->a->str);
            }
            if (!is_break && !l->loop) {
                parser_fail_at(p, s->a->start, "Illegal continue statement: '%.*s' does not "
                                               "denote an iteration statement",
                               (int)s->a->len, s->a->str);
            }
        } else if (is_break && !(p->ctx & P_BREAK)) {
            parser_fail_at(p, s->start, "Illegal break statement");
        } else if (!is_break && !(p->ctx & P_CONTINUE)) {
            parser_fail_at(p, s->start, "Illegal continue statement: no surrounding iteration "
                                        "statement");
        }
        parser_semicolon(p);
        break;
    }
    case JSP_KW_RETURN:
        if (!(p->ctx & P_RETURN)) {
            parser_fail_at(p, TOK.start, "Illegal return statement");
        }
        s = parser_node(p, JSP_N_RETURN);
        parser_next(p);
        if (TOK.type != JSP_T_SEMI && TOK.type != JSP_T_RBRACE && TOK.type != JSP_T_EOF &&
            !(TOK.flags & JSP_TF_NEWLINE_BEFORE)) {
            s->a = parser_expression(p, 0);
        }
        parser_semicolon(p);
        break;
    case JSP_KW_WITH:
        if (p->ctx & P_STRICT) {
            parser_fail_at(p, TOK.start, "Strict mode code may not include a with statement");
        }
        s = parser_node(p, JSP_N_WITH);
        parser_next(p);
        parser_expect(p, JSP_T_LPAREN);
        s->a = parser_expression(p, 0);
        parser_expect(p, JSP_T_RPAREN);
        s->d = parser_substatement(p);
        break;
    case JSP_KW_SWITCH: {
        s = parser_node(p, JSP_N_SWITCH);
        parser_next(p);
        parser_expect(p, JSP_T_LPAREN);
        s->a = parser_expression(p, 0);
        parser_expect(p, JSP_T_RPAREN);
        parser_expect(p, JSP_T_LBRACE);
        unsigned saved = p->ctx;
        p->ctx |= P_BREAK;
        parser_scope scope;
        parser_scope_push(p, &scope, PARSER_SC_BLOCK);
        parser_list cases = {0};
        int has_default = 0;
        while (!parser_eat(p, JSP_T_RBRACE)) {
            jsp_node *c = parser_node(p, JSP_N_CASE);
            if (parser_eat_kw(p, JSP_KW_CASE)) {
                c->a = parser_expression(p, 0);
            } else if (parser_is_kw(p, JSP_KW_DEFAULT)) {
                if (has_default) {
                    parser_fail_at(p, TOK.start, "More than one default clause in switch "
                                                 "statement");
                }
                has_default = 1;
                parser_next(p);
            } else {
                parser_unexpected(p);
            }
            parser_expect(p, JSP_T_COLON);
            parser_list body = {0};
            while (TOK.type != JSP_T_RBRACE && !parser_is_kw(p, JSP_KW_CASE) &&
                   !parser_is_kw(p, JSP_KW_DEFAULT)) {
                parser_push(&body, parser_statement_list_item(p));
            }
            c->b = body.head;
            parser_push(&cases, parser_finish(p, c));
        }
        parser_scope_pop(p);
        p->ctx = saved;
        s->b = cases.head;
        break;
    }
    case JSP_KW_THROW:
        s = parser_node(p, JSP_N_THROW);
        parser_next(p);
        if (TOK.flags & JSP_TF_NEWLINE_BEFORE) {
            parser_fail_at(p, TOK.start, "Illegal newline after throw");
        }
        s->a = parser_expression(p, 0);
        parser_semicolon(p);
        break;
    case JSP_KW_TRY:
        s = parser_node(p, JSP_N_TRY);
        parser_next(p);
        s->a = parser_block(p);
        if (parser_is_kw(p, JSP_KW_CATCH)) {
            jsp_node *c = parser_node(p, JSP_N_CATCH);
            parser_next(p);
            parser_scope scope;
            parser_scope_push(p, &scope, PARSER_SC_CATCH);
            if (parser_eat(p, JSP_T_LPAREN)) {
                c->a = parser_binding_target(p, JSP_KW_VAR);
                if (p->ts && TOK.type == JSP_T_COLON) {
                    parser_ts_annotation(p);
                }
                parser_declare_pattern(p, c->a, c->a->kind == JSP_N_IDENT ? PARSER_D_CATCH
                                                                          : PARSER_D_CATCH_PAT);
                parser_expect(p, JSP_T_RPAREN);
            }
            c->b = parser_block_scoped(p, 1);
            parser_scope_pop(p);
            s->b = parser_finish(p, c);
        }
        if (parser_eat_kw(p, JSP_KW_FINALLY)) {
            s->c = parser_block(p);
        }
        if (!s->b && !s->c) {
            parser_fail_at(p, TOK.start, "Missing catch or finally after try");
        }
        break;
    case JSP_KW_DEBUGGER:
        s = parser_node(p, JSP_N_DEBUGGER);
        parser_next(p);
        parser_semicolon(p);
        break;
    case JSP_KW_FUNCTION:
        parser_fail_at(p, TOK.start, (p->ctx & P_STRICT)
                                         ? "In strict mode code, functions can only be declared "
                                           "at top level or inside a block."
                                         : "In non-strict mode code, functions can only be "
                                           "declared at top level, inside a block, or as the "
                                           "body of an if statement.");
    case JSP_KW_CLASS:
    case JSP_KW_CONST:
        parser_unexpected(p);
    case JSP_KW_LET: {
        jsp_token nt = parser_peek(p);
        if (nt.type == JSP_T_LBRACKET) {
            parser_fail_at(p, TOK.start, "Lexical declaration cannot appear in a single-statement "
                                         "context");
        }
        goto expression;
    }
    case JSP_KW_IMPORT: {
        jsp_token nt = parser_peek(p);
        if (nt.type != JSP_T_LPAREN && nt.type != JSP_T_DOT) {
            if (p->module) {
                parser_next(p); /* V8 blames the token after a misplaced import */
                parser_unexpected(p);
            }
            parser_fail_at(p, TOK.start, "Cannot use import statement outside a module");
        }
        goto expression;
    }
    case JSP_KW_EXPORT:
        parser_unexpected(p);
    case JSP_KW_ASYNC: {
        jsp_token nt = parser_peek(p);
        if (nt.type == JSP_T_NAME && nt.kw == JSP_KW_FUNCTION &&
            !(nt.flags & (JSP_TF_NEWLINE_BEFORE | JSP_TF_ESCAPED))) {
            parser_fail_at(p, TOK.start, "Async functions can only be declared at the top level "
                                         "or inside a block.");
        }
        goto expression;
    }
    default:
    expression: {
        const jsp_token first = TOK;
        jsp_node *e = parser_expression(p, 0);
        if (e->kind == JSP_N_IDENT && TOK.type == JSP_T_COLON && !(e->flags & JSP_NF_PAREN) &&
            first.type == JSP_T_NAME && e->start == first.start && e->end == first.end) {
            /* a labelled statement */
            parser_next(p);
            if (parser_find_label(p, e)) {
                parser_fail_at(p, e->start, "Label '%.*s' has already been declared", (int)e->len,
                               e->str);
            }
            parser_label l = {e->str, e->len, 0, p->labels};
            p->labels = &l;
            p->label_run = run ? run : &l;
            s = parser_node_at(p, JSP_N_LABELED, e);
            s->a = e;
            if (parser_is_kw(p, JSP_KW_FUNCTION) && !(p->ctx & P_STRICT)) {
                if (parser_peek(p).type == JSP_T_STAR) {
                    parser_fail_at(p, TOK.start, "Generators can only be declared at the top "
                                                 "level or inside a block.");
                }
                s->b = parser_function(p, 0, PARSER_DECL);
            } else {
                s->b = parser_statement(p);
            }
            p->labels = l.next;
            parser_finish(p, s);
            break;
        }
        s = parser_node_at(p, JSP_N_EXPR_STMT, e);
        s->a = e;
        parser_semicolon(p);
        break;
    }
    }
    p->depth--;
    return parser_finish(p, s);
}

static jsp_node *parser_declaration_or_statement(parser *p) {
    if (parser_is_kw(p, JSP_KW_FUNCTION)) {
        return parser_function(p, 0, 1);
    }
    if (parser_is_kw(p, JSP_KW_ASYNC)) {
        jsp_token nt = parser_peek(p);
        if (nt.type == JSP_T_NAME && nt.kw == JSP_KW_FUNCTION &&
            !(nt.flags & (JSP_TF_NEWLINE_BEFORE | JSP_TF_ESCAPED))) {
            return parser_function(p, JSP_NF_ASYNC, 1);
        }
    }
    if (parser_is_kw(p, JSP_KW_CLASS)) {
        return parser_class(p, 1, 0);
    }
    if (parser_is_kw(p, JSP_KW_CONST) || parser_let_is_decl(p)) {
        jsp_node *d = parser_var_decl(p, TOK.kw, 0, 0);
        parser_semicolon(p);
        return d;
    }
    return parser_statement(p);
}

/* ---- TypeScript declarations ---- */

enum {
    TS_D_NONE,
    TS_D_INTERFACE,
    TS_D_TYPE,
    TS_D_DECLARE,
    TS_D_ABSTRACT,
    TS_D_ENUM,
    TS_D_CONST_ENUM,
    TS_D_NAMESPACE,
    TS_D_GLOBAL,
};

/* An erased declaration: an EMPTY node over [start, end of the last token). */
static jsp_node *parser_ts_empty(parser *p, uint32_t start) {
    jsp_node *n = parser_alloc(p, sizeof(*n));
    n->kind = JSP_N_EMPTY;
    n->start = start;
    n->end = p->prev_end;
    parser_ts_erase_stmt(p, start, p->prev_end);
    return n;
}

/* Which TypeScript declaration starts at the current NAME token, if any. */
static int parser_ts_decl_kind(parser *p) {
    if (TOK.type != JSP_T_NAME || (TOK.flags & JSP_TF_ESCAPED) || TOK.len < 4 || TOK.len > 9) {
        return TS_D_NONE;
    }
    switch (TOK.str[0]) {
    case 'i':
    case 't':
    case 'd':
    case 'a':
    case 'e':
    case 'c':
    case 'n':
    case 'm':
    case 'g':
        break;
    default:
        return TS_D_NONE;
    }
    if (TS_IS("enum")) {
        return TS_D_ENUM;
    }
    if (!(TS_IS("interface") || TS_IS("type") || TS_IS("declare") || TS_IS("abstract") ||
          TS_IS("const") || TS_IS("namespace") || TS_IS("module") || TS_IS("global"))) {
        return TS_D_NONE;
    }
    jsp_token nt = parser_peek(p);
    if (TS_IS("const")) {
        return TS_TOK_IS(nt, "enum") ? TS_D_CONST_ENUM : TS_D_NONE;
    }
    if (nt.flags & JSP_TF_NEWLINE_BEFORE) {
        return TS_D_NONE;
    }
    if (TS_IS("global")) {
        return p->ts_ambient && nt.type == JSP_T_LBRACE ? TS_D_GLOBAL : TS_D_NONE;
    }
    if (TS_IS("module")) {
        return nt.type == JSP_T_NAME || nt.type == JSP_T_STRING ? TS_D_NAMESPACE : TS_D_NONE;
    }
    if (nt.type != JSP_T_NAME) {
        return TS_D_NONE;
    }
    if (TS_IS("interface")) {
        return TS_D_INTERFACE;
    }
    if (TS_IS("type")) {
        return TS_D_TYPE;
    }
    if (TS_IS("namespace")) {
        return TS_D_NAMESPACE;
    }
    if (TS_IS("abstract")) {
        return TS_TOK_IS(nt, "class") ? TS_D_ABSTRACT : TS_D_NONE;
    }
    /* declare */
    static const char *const after_declare[] = {
        "var",   "let",       "const",  "function", "class",     "enum",     "namespace",
        "module", "global",   "abstract", "async",  "interface", "type",
    };
    for (size_t i = 0; i < sizeof(after_declare) / sizeof(after_declare[0]); i++) {
        if (parser_ts_tok_is(&nt, after_declare[i], strlen(after_declare[i]))) {
            return TS_D_DECLARE;
        }
    }
    return TS_D_NONE;
}

/* `interface I<T> extends A, B<C> { ... }` at `interface`. */
static void parser_ts_interface(parser *p) {
    parser_next(p);
    parser_ts_name(p);
    if (TOK.type == JSP_T_LT) {
        parser_ts_type_params(p);
    }
    if (parser_eat_kw(p, JSP_KW_EXTENDS)) {
        do {
            parser_ts_type_reference(p, 0);
        } while (parser_eat(p, JSP_T_COMMA));
    }
    parser_ts_object_type(p);
}

/* `type A<T> = ...` at `type`. */
static void parser_ts_type_alias(parser *p) {
    parser_next(p);
    parser_ts_name(p);
    if (TOK.type == JSP_T_LT) {
        parser_ts_type_params(p);
    }
    parser_expect(p, JSP_T_ASSIGN);
    parser_ts_type(p);
    parser_semicolon(p);
}

/* An ambient declaration with a body that nothing needs: skipped up to its `{...}`. */
static void parser_ts_skip_to_body(parser *p) {
    while (TOK.type != JSP_T_LBRACE) {
        if (TOK.type == JSP_T_EOF || TOK.type == JSP_T_SEMI) {
            parser_unexpected(p);
        }
        if (TOK.type == JSP_T_LPAREN || TOK.type == JSP_T_LBRACKET) {
            parser_ts_skip_balanced(p);
        } else {
            parser_next(p);
        }
    }
    parser_ts_skip_balanced(p);
}

static jsp_node *parser_ts_enum(parser *p, uint32_t start, int exported) {
    if (TS_IS("const")) {
        parser_next(p);
    }
    jsp_node *n = parser_node(p, JSP_N_TS_ENUM);
    n->start = start;
    p->ast->ts_transforms = 1;
    parser_next(p); /* enum */
    n->a = parser_identifier(p, 1);
    if (exported) {
        n->flags |= JSP_NF_TS_EXPORT;
    }
    n->num = TOK.start;
    parser_expect(p, JSP_T_LBRACE);
    parser_list members = {0};
    while (!parser_eat(p, JSP_T_RBRACE)) {
        jsp_node *m = parser_node(p, JSP_N_TS_ENUM_MEMBER);
        if (TOK.type == JSP_T_STRING) {
            m->a = parser_string(p);
        } else if (TOK.type == JSP_T_LBRACKET && parser_peek(p).type == JSP_T_STRING) {
            parser_next(p);
            m->a = parser_string(p);
            parser_expect(p, JSP_T_RBRACKET);
        } else {
            m->a = parser_identifier_name(p);
        }
        if (parser_eat(p, JSP_T_ASSIGN)) {
            m->b = parser_assign(p, 0, 0);
        }
        parser_push(&members, parser_finish(p, m));
        if (TOK.type != JSP_T_RBRACE) {
            parser_expect(p, JSP_T_COMMA);
        }
    }
    n->b = members.head;
    return parser_finish(p, n);
}

/* After `namespace` / `module`: `A.B.C { body }`. The body is a function's (an IIFE's). */
static jsp_node *parser_ts_namespace_rest(parser *p, uint32_t start, int exported) {
    jsp_node *n = parser_node(p, JSP_N_TS_NAMESPACE);
    n->start = start;
    p->ast->ts_transforms = 1;
    n->a = parser_identifier(p, 1);
    if (exported) {
        n->flags |= JSP_NF_TS_EXPORT;
    }
    if (parser_eat(p, JSP_T_DOT)) {
        n->b = parser_ts_namespace_rest(p, TOK.start, 1);
        n->flags |= n->b->flags & JSP_NF_TS_INSTANTIATED;
        return parser_finish(p, n);
    }
    n->num = TOK.start;
    parser_expect(p, JSP_T_LBRACE);
    parser_enter(p);
    unsigned saved_ctx = p->ctx;
    parser_label *saved_labels = p->labels;
    int saved_ns = p->ts_ns_depth;
    parser_scope scope;
    parser_scope_push(p, &scope, PARSER_SC_FUNCTION);
    p->labels = NULL;
    p->ctx = (p->ctx & P_STRICT) | P_NEW_TARGET;
    p->fn_depth++;
    p->ts_ns_depth = p->fn_depth;
    parser_list body = {0};
    while (!parser_eat(p, JSP_T_RBRACE)) {
        jsp_node *s = parser_statement_list_item(p);
        parser_push(&body, s);
        if (s->kind != JSP_N_EMPTY &&
            (s->kind != JSP_N_TS_NAMESPACE || (s->flags & JSP_NF_TS_INSTANTIATED))) {
            n->flags |= JSP_NF_TS_INSTANTIATED;
        }
    }
    parser_scope_pop(p);
    p->fn_depth--;
    p->ts_ns_depth = saved_ns;
    p->ctx = saved_ctx;
    p->labels = saved_labels;
    p->depth--;
    n->b = body.head;
    return parser_finish(p, n);
}

/* `import a = require('b')` / `import a = A.B` from the name on. */
static jsp_node *parser_ts_import_equals(parser *p, uint32_t start, int exported, int type_only) {
    jsp_node *n = parser_node(p, JSP_N_TS_IMPORT_EQUALS);
    n->start = start;
    p->ast->ts_transforms = 1;
    n->a = parser_identifier(p, 1);
    if (exported) {
        n->flags |= JSP_NF_TS_EXPORT;
    }
    parser_expect(p, JSP_T_ASSIGN);
    if (TS_IS("require") && parser_peek(p).type == JSP_T_LPAREN) {
        parser_next(p);
        parser_next(p);
        if (TOK.type != JSP_T_STRING) {
            parser_unexpected(p);
        }
        n->b = parser_string(p);
        parser_expect(p, JSP_T_RPAREN);
    } else {
        jsp_node *e = parser_identifier(p, 0);
        while (TOK.type == JSP_T_DOT) {
            parser_next(p);
            jsp_node *m = parser_node_at(p, JSP_N_MEMBER, e);
            m->a = e;
            m->b = parser_identifier_name(p);
            e = parser_finish(p, m);
        }
        n->b = e;
    }
    parser_semicolon(p);
    if (type_only) {
        return parser_ts_empty(p, start);
    }
    return parser_finish(p, n);
}

/* A TypeScript declaration of kind k (parser_ts_decl_kind()) starting at `start` (which
 * may be an `export` before the current token). */
static jsp_node *parser_ts_declaration(parser *p, int k, uint32_t start, int exported) {
    switch (k) {
    case TS_D_INTERFACE:
        parser_ts_interface(p);
        return parser_ts_empty(p, start);
    case TS_D_TYPE:
        parser_ts_type_alias(p);
        return parser_ts_empty(p, start);
    case TS_D_ABSTRACT:
        parser_ts_erase(p, TOK.start, parser_peek(p).start);
        parser_next(p);
        return parser_class(p, 1, 0);
    case TS_D_ENUM:
    case TS_D_CONST_ENUM:
        return parser_ts_enum(p, start, exported);
    case TS_D_NAMESPACE:
        parser_next(p);
        if (TOK.type == JSP_T_STRING) {
            parser_unexpected(p); /* `module 'x' {}` is ambient only */
        }
        return parser_ts_namespace_rest(p, start, exported);
    default:
        break;
    }
    /* declare ... */
    parser_next(p);
    p->ts_ambient++;
    int inner = parser_ts_decl_kind(p);
    if (inner == TS_D_INTERFACE) {
        parser_ts_interface(p);
    } else if (inner == TS_D_TYPE) {
        parser_ts_type_alias(p);
    } else if (inner == TS_D_NAMESPACE || inner == TS_D_GLOBAL) {
        parser_next(p);
        while (TOK.type == JSP_T_NAME || TOK.type == JSP_T_STRING || TOK.type == JSP_T_DOT) {
            parser_next(p);
        }
        if (TOK.type == JSP_T_LBRACE) {
            parser_ts_skip_balanced(p);
        } else {
            parser_semicolon(p);
        }
    } else if (inner == TS_D_ENUM || inner == TS_D_CONST_ENUM || inner == TS_D_ABSTRACT ||
               parser_is_kw(p, JSP_KW_CLASS)) {
        parser_ts_skip_to_body(p);
    } else if (parser_is_kw(p, JSP_KW_VAR) || parser_is_kw(p, JSP_KW_LET) ||
               parser_is_kw(p, JSP_KW_CONST)) {
        parser_var_decl(p, TOK.kw, 0, 0);
        parser_semicolon(p);
    } else if (parser_is_kw(p, JSP_KW_FUNCTION)) {
        parser_function(p, 0, PARSER_DECL);
    } else if (parser_is_kw(p, JSP_KW_ASYNC)) {
        parser_function(p, JSP_NF_ASYNC, PARSER_DECL);
    } else {
        parser_unexpected(p);
    }
    p->ts_ambient--;
    return parser_ts_empty(p, start);
}

/* `export ...` directly in a namespace body: declarations only. */
static jsp_node *parser_ts_namespace_export(parser *p) {
    uint32_t start = TOK.start;
    parser_next(p);
    int k = parser_ts_decl_kind(p);
    if (k) {
        return parser_ts_declaration(p, k, start, 1);
    }
    if (parser_is_kw(p, JSP_KW_IMPORT)) {
        parser_next(p);
        return parser_ts_import_equals(p, start, 1, 0);
    }
    jsp_node *ex = parser_node(p, JSP_N_EXPORT_NAMED);
    ex->start = start;
    if (parser_is_kw(p, JSP_KW_VAR) || parser_is_kw(p, JSP_KW_CONST) ||
        parser_is_kw(p, JSP_KW_LET)) {
        ex->a = parser_var_decl(p, TOK.kw, 0, 0);
        parser_semicolon(p);
    } else if (parser_is_kw(p, JSP_KW_FUNCTION) || parser_is_kw(p, JSP_KW_ASYNC) ||
               parser_is_kw(p, JSP_KW_CLASS)) {
        ex->a = parser_declaration_or_statement(p);
        if (ex->a->kind == JSP_N_EMPTY) {
            return parser_ts_empty(p, start);
        }
    } else {
        parser_unexpected(p);
    }
    return parser_finish(p, ex);
}

/* A TypeScript-only statement at the current NAME token, or NULL. */
static jsp_node *parser_ts_statement(parser *p) {
    uint32_t start = TOK.start;
    if (parser_is_kw(p, JSP_KW_IMPORT)) {
        jsp_token nt = parser_peek(p);
        if (nt.type != JSP_T_NAME) {
            return NULL;
        }
        jsp_token t2 = parser_peek2(p);
        if (t2.type == JSP_T_ASSIGN) {
            parser_next(p);
            return parser_ts_import_equals(p, start, 0, 0);
        }
        if (TS_TOK_IS(nt, "type") &&
            (t2.type == JSP_T_LBRACE || t2.type == JSP_T_STAR ||
             (t2.type == JSP_T_NAME && !TS_TOK_IS(t2, "from")))) {
            parser_next(p);
            parser_next(p);
            if (TOK.type == JSP_T_NAME && parser_peek(p).type == JSP_T_ASSIGN) {
                return parser_ts_import_equals(p, start, 0, 1);
            }
            while (TOK.type != JSP_T_STRING) {
                if (TOK.type == JSP_T_LBRACE) {
                    parser_ts_skip_balanced(p);
                } else if (TOK.type == JSP_T_EOF || TOK.type == JSP_T_SEMI) {
                    parser_unexpected(p);
                } else {
                    parser_next(p);
                }
            }
            jsp_node *attrs = NULL;
            parser_module_source(p, &attrs);
            parser_semicolon(p);
            return parser_ts_empty(p, start);
        }
        return NULL;
    }
    if (parser_is_kw(p, JSP_KW_EXPORT)) {
        if (p->ts_ns_depth && p->ts_ns_depth == p->fn_depth) {
            return parser_ts_namespace_export(p);
        }
        jsp_token nt = parser_peek(p);
        if (!p->module && (nt.type == JSP_T_ASSIGN || TS_TOK_IS(nt, "import"))) {
            /* `export = x` and `export import a = require('b')` in CommonJS */
            jsp_node *ex = parser_node(p, JSP_N_EXPORT_NAMED);
            parser_next(p);
            return parser_ts_export(p, ex);
        }
        return NULL;
    }
    int k = parser_ts_decl_kind(p);
    return k ? parser_ts_declaration(p, k, start, 0) : NULL;
}

/* TypeScript forms after a module's `export`: NULL when it is a JavaScript one. */
static jsp_node *parser_ts_export(parser *p, jsp_node *ex) {
    if (TOK.type == JSP_T_ASSIGN) {
        jsp_node *n = parser_node_at(p, JSP_N_TS_EXPORT_ASSIGN, ex);
        p->ast->ts_transforms = 1;
        parser_next(p);
        n->a = parser_assign(p, 0, 0);
        parser_semicolon(p);
        return parser_finish(p, n);
    }
    if (parser_is_kw(p, JSP_KW_IMPORT)) {
        parser_next(p);
        int type_only = 0;
        if (TS_IS("type") && parser_peek(p).type == JSP_T_NAME) {
            parser_next(p);
            type_only = 1;
        }
        return parser_ts_import_equals(p, ex->start, 1, type_only);
    }
    if (parser_is_kw(p, JSP_KW_AS) && TS_TOK_IS(parser_peek(p), "namespace")) {
        parser_next(p);
        parser_next(p);
        parser_ts_name(p);
        parser_semicolon(p);
        return parser_ts_empty(p, ex->start);
    }
    if (TS_IS("type")) {
        jsp_token nt = parser_peek(p);
        if (nt.type == JSP_T_LBRACE || nt.type == JSP_T_STAR) {
            parser_next(p);
            if (TOK.type == JSP_T_LBRACE) {
                parser_ts_skip_balanced(p);
            } else {
                parser_next(p);
                if (parser_eat_kw(p, JSP_KW_AS)) {
                    parser_module_export_name(p);
                }
            }
            if (parser_eat_kw(p, JSP_KW_FROM)) {
                jsp_node *attrs = NULL;
                parser_module_source(p, &attrs);
            }
            parser_semicolon(p);
            return parser_ts_empty(p, ex->start);
        }
    }
    int k = parser_ts_decl_kind(p);
    if (k == TS_D_NONE) {
        return NULL;
    }
    jsp_node *d = parser_ts_declaration(p, k, ex->start, 1);
    if (d->kind == JSP_N_CLASS) {
        ex->a = d;
        return NULL; /* an abstract class: the export goes on as a JavaScript one */
    }
    return d;
}

/* `type A` in an import or export specifier list: erased with the comma after it. */
static int parser_ts_type_specifier(parser *p) {
    if (!TS_IS("type")) {
        return 0;
    }
    jsp_token nt = parser_peek(p);
    if (!(nt.type == JSP_T_STRING || (nt.type == JSP_T_NAME && !TS_TOK_IS(nt, "as")) ||
          (TS_TOK_IS(nt, "as") && TS_TOK_IS(parser_peek2(p), "as")))) {
        return 0;
    }
    uint32_t start = TOK.start;
    parser_next(p);
    parser_next(p);
    if (parser_eat_kw(p, JSP_KW_AS)) {
        parser_next(p);
    }
    if (TOK.type != JSP_T_RBRACE) {
        parser_expect(p, JSP_T_COMMA);
    }
    parser_ts_erase(p, start, p->prev_end);
    return 1;
}

/* TypeScript: an item of a parenthesized list or of call arguments that may be an arrow
 * function's parameter (`a?`, `a: T`, `a?: T = 1`); sets *param when it can only be one. */
static jsp_node *parser_ts_cover_item(parser *p, int *param) {
    jsp_node *e;
    int optional = 0;
    if (TOK.type == JSP_T_NAME && parser_peek(p).type == JSP_T_QUESTION) {
        jsp_tok_type t2 = parser_peek2(p).type;
        if (t2 == JSP_T_COLON || t2 == JSP_T_COMMA || t2 == JSP_T_RPAREN || t2 == JSP_T_ASSIGN) {
            e = parser_identifier(p, 1);
            parser_ts_erase(p, TOK.start, TOK.end);
            parser_next(p);
            *param = optional = 1;
            goto annotation;
        }
    }
    e = parser_assign(p, 0, 1);
annotation:
    if (TOK.type == JSP_T_COLON) {
        parser_ts_annotation(p);
        *param = optional = 1;
    }
    if (optional && TOK.type == JSP_T_ASSIGN) {
        parser_next(p);
        jsp_node *ap = parser_node_at(p, JSP_N_ASSIGN_PATTERN, e);
        ap->a = e;
        ap->b = parser_assign(p, 0, 0);
        e = parser_finish(p, ap);
    }
    return e;
}

/* ---- modules ---- */

static void parser_add_export(parser *p, const jsp_node *name) {
    for (parser_name *n = p->exports; n; n = n->next) {
        if (n->len == name->len && memcmp(n->s, name->str, name->len) == 0) {
            if (n->kind && p->export_from_decl && (n->kind == 2 || p->export_from_decl == 2)) {
                /* two exported declarations: V8 reports the redeclaration */
                parser_fail_at(p, name->start, "Identifier '%.*s' has already been declared",
                               (int)name->len, name->str);
            }
            parser_fail_at(p, name->start, "Duplicate export of '%.*s'", (int)name->len, name->str);
        }
    }
    parser_name *n = parser_alloc(p, sizeof(*n));
    n->s = name->str;
    n->len = name->len;
    n->kind = (unsigned)p->export_from_decl;
    n->next = p->exports;
    p->exports = n;
}

/* Exports every name a declaration binds. */
static void parser_export_bound_names(parser *p, jsp_node *n) {
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
    case JSP_N_IDENT:
        parser_add_export(p, n);
        break;
    case JSP_N_VAR_DECL:
        for (jsp_node *d = n->a; d; d = d->next) {
            parser_export_bound_names(p, d->a);
        }
        break;
    case JSP_N_FUNCTION:
    case JSP_N_CLASS:
        parser_export_bound_names(p, n->a);
        break;
    case JSP_N_ARRAY_PATTERN:
    case JSP_N_OBJECT_PATTERN:
        for (jsp_node *e = n->a; e; e = e->next) {
            parser_export_bound_names(p, e->kind == JSP_N_PROPERTY ? e->b : e);
        }
        break;
    case JSP_N_ASSIGN_PATTERN:
    case JSP_N_REST:
        parser_export_bound_names(p, n->a);
        break;
    default:
        break;
    }
}

/* IdentifierName or a string (ModuleExportName); strings must be well-formed. */
static jsp_node *parser_module_export_name(parser *p) {
    if (TOK.type == JSP_T_STRING) {
        const char *s = TOK.str;
        for (size_t i = 0; i + 2 < TOK.len; i++) {
            /* a lone surrogate is encoded as ED A0..BF xx */
            if ((unsigned char)s[i] == 0xED && (unsigned char)s[i + 1] >= 0xA0) {
                parser_fail_at(p, TOK.start, "Invalid module export name: contains unpaired "
                                             "surrogate");
            }
        }
        return parser_string(p);
    }
    return parser_identifier_name(p);
}

static jsp_node *parser_module_source(parser *p, jsp_node **attrs) {
    if (TOK.type != JSP_T_STRING) {
        parser_unexpected(p);
    }
    jsp_node *src = parser_string(p);
    if (parser_is_kw(p, JSP_KW_WITH) && !(TOK.flags & JSP_TF_ESCAPED)) {
        parser_next(p);
        parser_expect(p, JSP_T_LBRACE);
        parser_list list = {0};
        while (!parser_eat(p, JSP_T_RBRACE)) {
            jsp_node *prop = parser_node(p, JSP_N_PROPERTY);
            if (TOK.type == JSP_T_STRING) {
                prop->a = parser_string(p);
            } else {
                prop->a = parser_identifier_name(p);
            }
            for (jsp_node *o = list.head; o; o = o->next) {
                if (o->a->len == prop->a->len && memcmp(o->a->str, prop->a->str, o->a->len) == 0) {
                    parser_fail_at(p, prop->a->start, "Import attribute has duplicate key '%.*s'",
                                   (int)prop->a->len, prop->a->str);
                }
            }
            parser_expect(p, JSP_T_COLON);
            if (TOK.type != JSP_T_STRING) {
                parser_unexpected(p);
            }
            prop->b = parser_string(p);
            parser_push(&list, parser_finish(p, prop));
            if (TOK.type != JSP_T_RBRACE) {
                parser_expect(p, JSP_T_COMMA);
            }
        }
        *attrs = list.head;
    }
    return src;
}

static jsp_node *parser_import_binding(parser *p, jsp_node_kind kind) {
    jsp_node *n = parser_node(p, kind);
    return n;
}

static jsp_node *parser_import(parser *p) {
    jsp_node *im = parser_node(p, JSP_N_IMPORT);
    parser_next(p);
    parser_list specs = {0};
    if (TOK.type == JSP_T_STRING) {
        im->b = parser_module_source(p, &im->c);
        parser_semicolon(p);
        return parser_finish(p, im);
    }
    int need_from = 0;
    if (TOK.type == JSP_T_NAME) {
        jsp_node *d = parser_import_binding(p, JSP_N_IMPORT_DEFAULT);
        d->b = parser_identifier(p, 1);
        parser_push(&specs, parser_finish(p, d));
        need_from = 1;
        if (!parser_eat(p, JSP_T_COMMA)) {
            goto from;
        }
    }
    if (TOK.type == JSP_T_STAR) {
        jsp_node *ns = parser_import_binding(p, JSP_N_IMPORT_NAMESPACE);
        parser_next(p);
        parser_expect_kw(p, JSP_KW_AS);
        ns->b = parser_identifier(p, 1);
        parser_push(&specs, parser_finish(p, ns));
    } else if (TOK.type == JSP_T_LBRACE) {
        parser_next(p);
        while (!parser_eat(p, JSP_T_RBRACE)) {
            if (p->ts && parser_ts_type_specifier(p)) {
                continue;
            }
            jsp_node *sp = parser_import_binding(p, JSP_N_IMPORT_SPECIFIER);
            const jsp_token name_tok = TOK;
            sp->a = parser_module_export_name(p);
            if (parser_eat_kw(p, JSP_KW_AS)) {
                sp->b = parser_identifier(p, 1);
            } else {
                if (name_tok.type != JSP_T_NAME) {
                    parser_unexpected(p);
                }
                jsp_lexer saved = p->lx;
                p->lx.tok = name_tok;
                parser_check_identifier(p, 1);
                p->lx = saved;
                sp->b = sp->a;
            }
            parser_push(&specs, parser_finish(p, sp));
            if (TOK.type != JSP_T_RBRACE) {
                parser_expect(p, JSP_T_COMMA);
            }
        }
    } else if (need_from) {
        parser_unexpected(p);
    } else {
        parser_unexpected(p);
    }
from:
    parser_expect_kw(p, JSP_KW_FROM);
    im->a = specs.head;
    for (jsp_node *sp = specs.head; sp; sp = sp->next) {
        parser_declare(p, sp->b, PARSER_D_LEX);
    }
    im->b = parser_module_source(p, &im->c);
    parser_semicolon(p);
    return parser_finish(p, im);
}

static jsp_node *parser_export(parser *p) {
    jsp_node *ex = parser_node(p, JSP_N_EXPORT_NAMED);
    parser_next(p);
    if (p->ts) {
        jsp_node *t = parser_ts_export(p, ex);
        if (t) {
            return t;
        }
        if (ex->a) {
            goto bound; /* export abstract class */
        }
    }
    if (TOK.type == JSP_T_STAR) {
        ex->kind = JSP_N_EXPORT_ALL;
        parser_next(p);
        if (parser_eat_kw(p, JSP_KW_AS)) {
            ex->a = parser_module_export_name(p);
            parser_add_export(p, ex->a);
        }
        parser_expect_kw(p, JSP_KW_FROM);
        ex->c = parser_module_source(p, &ex->d);
        parser_semicolon(p);
        return parser_finish(p, ex);
    }
    if (parser_is_kw(p, JSP_KW_DEFAULT)) {
        ex->kind = JSP_N_EXPORT_DEFAULT;
        jsp_node def = {.str = "default", .len = 7, .start = TOK.start};
        for (parser_name *n = p->exports; n; n = n->next) {
            if (n->len == 7 && memcmp(n->s, "default", 7) == 0) {
                /* V8's wording: `export default` declares a hidden '.default' binding */
                parser_fail_at(p, def.start, "Identifier '.default' has already been declared");
            }
        }
        parser_add_export(p, &def);
        parser_next(p);
        if (p->ts && TS_IS("interface") && parser_peek(p).type == JSP_T_NAME) {
            parser_ts_interface(p);
            return parser_ts_empty(p, ex->start);
        }
        if (p->ts && TS_IS("abstract") && TS_TOK_IS(parser_peek(p), "class")) {
            parser_ts_erase(p, TOK.start, parser_peek(p).start);
            parser_next(p);
        }
        if (parser_is_kw(p, JSP_KW_FUNCTION)) {
            ex->a = parser_function(p, 0, 2);
        } else if (parser_is_kw(p, JSP_KW_CLASS)) {
            ex->a = parser_class(p, 1, 1);
        } else {
            jsp_token nt = parser_peek(p);
            if (parser_is_kw(p, JSP_KW_ASYNC) && nt.type == JSP_T_NAME &&
                nt.kw == JSP_KW_FUNCTION && !(nt.flags & (JSP_TF_NEWLINE_BEFORE | JSP_TF_ESCAPED))) {
                ex->a = parser_function(p, JSP_NF_ASYNC, 2);
            } else {
                ex->a = parser_assign(p, 0, 0);
                parser_semicolon(p);
            }
        }
        if (p->ts && ex->a->kind == JSP_N_EMPTY) {
            return parser_ts_empty(p, ex->start);
        }
        return parser_finish(p, ex);
    }
    if (TOK.type == JSP_T_LBRACE) {
        parser_next(p);
        parser_list specs = {0};
        uint32_t bad_local = 0;
        while (!parser_eat(p, JSP_T_RBRACE)) {
            if (p->ts && parser_ts_type_specifier(p)) {
                continue;
            }
            jsp_node *sp = parser_node(p, JSP_N_EXPORT_SPECIFIER);
            const jsp_token name_tok = TOK;
            sp->a = parser_module_export_name(p);
            if (!bad_local && (name_tok.type == JSP_T_STRING ||
                               (JSP_KW_IS_RESERVED(name_tok.kw)) ||
                               JSP_KW_IS_STRICT_RESERVED(name_tok.kw) ||
                               name_tok.kw == JSP_KW_AWAIT)) {
                bad_local = name_tok.start + 1;
            }
            if (parser_eat_kw(p, JSP_KW_AS)) {
                sp->b = parser_module_export_name(p);
            } else {
                sp->b = sp->a;
            }
            parser_push(&specs, parser_finish(p, sp));
            if (TOK.type != JSP_T_RBRACE) {
                parser_expect(p, JSP_T_COMMA);
            }
        }
        ex->b = specs.head;
        if (parser_eat_kw(p, JSP_KW_FROM)) {
            ex->c = parser_module_source(p, &ex->d);
        } else if (bad_local) {
            parser_fail_at(p, bad_local - 1, "Unexpected %s",
                           p->lx.src[bad_local - 1] == '"' || p->lx.src[bad_local - 1] == '\''
                               ? "string"
                               : "reserved word");
        }
        for (jsp_node *sp = specs.head; sp; sp = sp->next) {
            parser_add_export(p, sp->b);
        }
        parser_semicolon(p);
        return parser_finish(p, ex);
    }
    if (parser_is_kw(p, JSP_KW_VAR)) {
        ex->a = parser_var_decl(p, JSP_KW_VAR, 0, 0);
        parser_semicolon(p);
    } else if (parser_is_kw(p, JSP_KW_CONST) || parser_is_kw(p, JSP_KW_LET)) {
        ex->a = parser_var_decl(p, TOK.kw, 0, 0);
        parser_semicolon(p);
    } else if (parser_is_kw(p, JSP_KW_FUNCTION) || parser_is_kw(p, JSP_KW_ASYNC) ||
               parser_is_kw(p, JSP_KW_CLASS)) {
        if (parser_is_kw(p, JSP_KW_ASYNC)) {
            jsp_token nt = parser_peek(p);
            if (!(nt.type == JSP_T_NAME && nt.kw == JSP_KW_FUNCTION &&
                  !(nt.flags & (JSP_TF_NEWLINE_BEFORE | JSP_TF_ESCAPED)))) {
                parser_unexpected(p);
            }
        }
        ex->a = parser_declaration_or_statement(p);
        if (p->ts && ex->a->kind == JSP_N_EMPTY) {
            return parser_ts_empty(p, ex->start);
        }
    } else {
        parser_fail_at(p, ex->start, "Unexpected token 'export'");
    }
bound:
    p->export_from_decl = ex->a->kind == JSP_N_VAR_DECL && ex->a->op == JSP_KW_VAR ? 1 : 2;
    parser_export_bound_names(p, ex->a);
    p->export_from_decl = 0;
    return parser_finish(p, ex);
}

static jsp_node *parser_statement_list_item(parser *p) {
    if (p->ts && TOK.type == JSP_T_NAME && !(TOK.flags & JSP_TF_ESCAPED)) {
        jsp_node *s = parser_ts_statement(p);
        if (s) {
            return s;
        }
    }
    if (p->module && p->fn_depth == 0 && p->depth == 0) {
        if (parser_is_kw(p, JSP_KW_IMPORT)) {
            jsp_token nt = parser_peek(p);
            if (nt.type != JSP_T_LPAREN && nt.type != JSP_T_DOT) {
                return parser_import(p);
            }
        } else if (parser_is_kw(p, JSP_KW_EXPORT)) {
            return parser_export(p);
        }
    }
    return parser_declaration_or_statement(p);
}

/* ---- top-level declarations ---- */

typedef struct parser_decl_ctx {
    void (*cb)(const jsp_node *id, void *ud);
    void *ud;
} parser_decl_ctx;

void jsp_for_each_bound_name(const jsp_node *n, void (*cb)(const jsp_node *id, void *ud),
                             void *ud) {
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
    case JSP_N_IDENT:
        cb(n, ud);
        break;
    case JSP_N_VAR_DECL:
        for (const jsp_node *d = n->a; d; d = d->next) {
            jsp_for_each_bound_name(d->a, cb, ud);
        }
        break;
    case JSP_N_FUNCTION:
    case JSP_N_CLASS:
        jsp_for_each_bound_name(n->a, cb, ud);
        break;
    case JSP_N_ARRAY_PATTERN:
    case JSP_N_OBJECT_PATTERN:
        for (const jsp_node *e = n->a; e; e = e->next) {
            jsp_for_each_bound_name(e->kind == JSP_N_PROPERTY ? e->b : e, cb, ud);
        }
        break;
    case JSP_N_ASSIGN_PATTERN:
    case JSP_N_REST:
        jsp_for_each_bound_name(n->a, cb, ud);
        break;
    case JSP_N_IMPORT:
        for (const jsp_node *sp = n->a; sp; sp = sp->next) {
            cb(sp->b, ud);
        }
        break;
    default:
        break;
    }
}

/* Modules: every `export { x }` without `from` names a top-level binding. Runs with the
 * program's scope, which holds all of them, still open. */
static void parser_check_exports(parser *p) {
    for (const jsp_node *s = p->program->a; s; s = s->next) {
        if (s->kind != JSP_N_EXPORT_NAMED || s->a || s->c) {
            continue;
        }
        for (const jsp_node *sp = s->b; sp; sp = sp->next) {
            const jsp_node *local = sp->a;
            if (local->kind != JSP_N_IDENT ||
                !parser_decl_find(p, p->scope, local, parser_hash(local->str, local->len))) {
                parser_fail_at(p, local->start, "Export '%.*s' is not defined in module",
                               (int)local->len, local->str);
            }
        }
    }
}

jsp_ast *jsp_parse(const char *src, size_t len, jsp_goal goal, unsigned flags) {
    jsp_ast *volatile ast = calloc(1, sizeof(*ast));
    if (ast == NULL) {
        return NULL;
    }
    parser *volatile p = calloc(1, sizeof(*p));
    if (p == NULL) {
        free(ast);
        return NULL;
    }
    jsp_arena_init(&ast->arena);
    ast->src = src;
    ast->len = len;
    p->arena = &ast->arena;
    p->ast = ast;
    p->module = goal == JSP_GOAL_MODULE;
    p->ts = (flags & JSP_PARSE_TS) != 0;
    uintptr_t base = (uintptr_t)__builtin_frame_address(0);
    p->stack_limit = base > PARSER_STACK_BUDGET ? base - PARSER_STACK_BUDGET : 0;
    if (len > UINT32_MAX - 2) {
        snprintf(ast->error.message, sizeof(ast->error.message), "Source is too large");
        free(p);
        return ast;
    }
    if (setjmp(p->jb) == 0) {
        jsp_lex_init(&p->lx, src, len, p->module, p->arena);
        p->program = parser_node(p, JSP_N_PROGRAM);
        p->program->start = 0;
        p->program->line = 1;
        p->program->col = 1;
        if (p->module) {
            p->ctx = P_STRICT | P_AWAIT;
            p->program->flags |= JSP_NF_MODULE | JSP_NF_STRICT;
        } else {
            if (flags & JSP_PARSE_STRICT) {
                p->ctx |= P_STRICT;
                p->program->flags |= JSP_NF_STRICT;
            }
            if (flags & JSP_PARSE_FUNCTION) {
                p->ctx |= P_RETURN | P_NEW_TARGET;
            }
        }
        parser_scope scope;
        parser_scope_push(p, &scope, PARSER_SC_FUNCTION);
        scope.module = (unsigned char)p->module;
        parser_next(p);
        p->program->a = parser_body(p, JSP_T_EOF, p->program, NULL);
        if (p->module && !p->ts) {
            parser_check_exports(p); /* TypeScript: checked again once stripped */
        }
        parser_scope_pop(p);
        p->program->end = (uint32_t)len;
        ast->program = p->program;
        ast->ok = 1;
    } else {
        ast->program = NULL;
        ast->ok = 0;
    }
    free(p->decls);
    free(p->buckets);
    free(p);
    return ast;
}

void jsp_ast_free(jsp_ast *ast) {
    if (ast) {
        jsp_arena_free(&ast->arena);
        free(ast->ts_edits);
        free(ast);
    }
}
