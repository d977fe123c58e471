/* scope.c: resolves identifier references against the module's import bindings, with
 * the scopes of functions, blocks, catch clauses and classes shadowing them, and reports
 * the other module-only references the ESM transform rewrites (free `arguments`,
 * import.meta, import()). */
#include "parser/parser.h"
#include "parser/transform.h"

#include <stdint.h>
#include <string.h>

typedef struct scope_frame {
    const jsp_node **names;
    size_t count;
    size_t cap;
    struct scope_frame *up;
    /* Declarations collected only when a reference needs them (most never do): the var
     * declarations of a function body, the lexical ones of a statement list, or those of
     * a switch's cases. */
    const jsp_node *lazy_vars;
    const jsp_node *lazy_lexical;
    const jsp_node *lazy_cases;
} scope_frame;

typedef struct scope_ctx {
    jsp_arena *arena;
    const jsp_node **imports; /* IMPORT_* specifier nodes */
    size_t import_count;
    uint64_t import_bloom[4]; /* scope_hash() of every import's local name */
    size_t marked;
    int failed;
    unsigned what;  /* JSP_REF_* kinds to report */
    int fn_depth;   /* non-arrow functions entered */
    jsp_ref_fn fn;  /* may be NULL */
    void *ud;
} scope_ctx;

/* Reported context bit for the names of `export { a }` lists: marked, never reported. */
#define SCOPE_NO_REPORT (1u << 30)

static unsigned scope_hash(const char *s, size_t len) {
    return ((unsigned char)s[0] * 7u + (unsigned)len * 13u + (unsigned char)s[len - 1]) & 255u;
}

typedef struct scope_add {
    scope_ctx *ctx;
    scope_frame *frame;
} scope_add;

static void scope_add_name(const jsp_node *id, void *ud) {
    scope_add *a = ud;
    scope_frame *f = a->frame;
    if (id->len == 0) {
        return;
    }
    unsigned h = scope_hash(id->str, id->len);
    if (!(a->ctx->import_bloom[h >> 6] & ((uint64_t)1 << (h & 63)))) {
        return; /* cannot shadow any import */
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        const jsp_node **names = jsp_arena_alloc(a->ctx->arena, cap * sizeof(*names));
        if (names == NULL) {
            a->ctx->failed = 1;
            return;
        }
        if (f->count) {
            memcpy(names, f->names, f->count * sizeof(*names));
        }
        f->names = names;
        f->cap = cap;
    }
    f->names[f->count++] = id;
}

static void scope_declare(scope_ctx *ctx, scope_frame *f, const jsp_node *decl) {
    if (ctx->import_count == 0) {
        return; /* nothing can be shadowed */
    }
    scope_add a = {ctx, f};
    jsp_for_each_bound_name(decl, scope_add_name, &a);
}

/* var declarations (and functions in nested blocks of sloppy code) of a function body,
 * without entering nested functions. */
static void scope_collect_vars(scope_ctx *ctx, scope_frame *f, const jsp_node *s) {
    if (ctx->import_count == 0) {
        return;
    }
    for (; s; s = s->next) {
        switch (s->kind) {
        case JSP_N_VAR_DECL:
            if (s->op == JSP_KW_VAR) {
                scope_declare(ctx, f, s);
            }
            break;
        case JSP_N_EXPORT_NAMED:
            scope_collect_vars(ctx, f, s->a);
            break;
        case JSP_N_BLOCK:
            scope_collect_vars(ctx, f, s->a);
            break;
        case JSP_N_IF:
            scope_collect_vars(ctx, f, s->b);
            scope_collect_vars(ctx, f, s->c);
            break;
        case JSP_N_FOR:
        case JSP_N_FOR_IN:
        case JSP_N_FOR_OF:
            if (s->a && s->a->kind == JSP_N_VAR_DECL && s->a->op == JSP_KW_VAR) {
                scope_declare(ctx, f, s->a);
            }
            scope_collect_vars(ctx, f, s->d);
            break;
        case JSP_N_WHILE:
        case JSP_N_DO_WHILE:
        case JSP_N_WITH:
            scope_collect_vars(ctx, f, s->d);
            break;
        case JSP_N_LABELED:
            scope_collect_vars(ctx, f, s->b);
            break;
        case JSP_N_SWITCH:
            for (const jsp_node *c = s->b; c; c = c->next) {
                scope_collect_vars(ctx, f, c->b);
            }
            break;
        case JSP_N_TRY:
            scope_collect_vars(ctx, f, s->a);
            if (s->b) {
                scope_collect_vars(ctx, f, s->b->b);
            }
            scope_collect_vars(ctx, f, s->c);
            break;
        default:
            break;
        }
    }
}

/* let / const / class / function declared directly in a statement list. */
static void scope_collect_lexical(scope_ctx *ctx, scope_frame *f, const jsp_node *s) {
    if (ctx->import_count == 0) {
        return;
    }
    for (; s; s = s->next) {
        const jsp_node *d = s;
        if ((s->kind == JSP_N_EXPORT_NAMED || s->kind == JSP_N_EXPORT_DEFAULT) && s->a) {
            d = s->a;
        }
        if (d->kind == JSP_N_LABELED) {
            while (d->kind == JSP_N_LABELED) {
                d = d->b;
            }
            if (d->kind != JSP_N_FUNCTION) {
                continue;
            }
        }
        if ((d->kind == JSP_N_VAR_DECL && d->op != JSP_KW_VAR) ||
            ((d->kind == JSP_N_CLASS || d->kind == JSP_N_FUNCTION) && (d->flags & JSP_NF_DECL))) {
            scope_declare(ctx, f, d);
        }
    }
}

static void scope_collect_vars(scope_ctx *ctx, scope_frame *f, const jsp_node *s);
static void scope_collect_lexical(scope_ctx *ctx, scope_frame *f, const jsp_node *s);

static int scope_bound(scope_ctx *ctx, scope_frame *f, const jsp_node *id) {
    for (; f; f = f->up) {
        if (f->lazy_vars || f->lazy_lexical || f->lazy_cases) {
            const jsp_node *vars = f->lazy_vars, *lexical = f->lazy_lexical;
            const jsp_node *cases = f->lazy_cases;
            f->lazy_vars = f->lazy_lexical = f->lazy_cases = NULL;
            scope_collect_vars(ctx, f, vars);
            scope_collect_lexical(ctx, f, lexical);
            for (const jsp_node *c = cases; c; c = c->next) {
                scope_collect_lexical(ctx, f, c->b);
            }
        }
        for (size_t i = 0; i < f->count; i++) {
            const jsp_node *n = f->names[i];
            if (n->len == id->len && memcmp(n->str, id->str, id->len) == 0) {
                return 1;
            }
        }
    }
    return 0;
}

static void scope_report(scope_ctx *ctx, jsp_node *n, unsigned kind) {
    if (ctx->fn != NULL && !(kind & SCOPE_NO_REPORT)) {
        ctx->fn(ctx->ud, n, kind);
    }
}

/* An identifier reference; bits are JSP_REF_CALLEE / JSP_REF_SHORTHAND / SCOPE_NO_REPORT. */
static void scope_reference(scope_ctx *ctx, scope_frame *f, jsp_node *id, unsigned bits) {
    if (id->len == 0) {
        return;
    }
    if (ctx->import_count != 0) {
        unsigned h = scope_hash(id->str, id->len);
        if (ctx->import_bloom[h >> 6] & ((uint64_t)1 << (h & 63))) {
            for (size_t i = 0; i < ctx->import_count; i++) {
                const jsp_node *local = ctx->imports[i]->b;
                if (local->len == id->len && memcmp(local->str, id->str, id->len) == 0) {
                    if (scope_bound(ctx, f, id)) {
                        return;
                    }
                    id->flags |= JSP_NF_IMPORT_REF;
                    id->d = (jsp_node *)ctx->imports[i];
                    ctx->marked++;
                    if (ctx->what & JSP_REF_IMPORT) {
                        scope_report(ctx, id, JSP_REF_IMPORT | bits);
                    }
                    return;
                }
            }
        }
    }
    /* modules are strict, so `arguments` is never a binding outside functions */
    if ((ctx->what & JSP_REF_ARGUMENTS) && ctx->fn_depth == 0 && id->len == 9 &&
        memcmp(id->str, "arguments", 9) == 0) {
        scope_report(ctx, id, JSP_REF_ARGUMENTS | bits);
    }
}

static void scope_expr(scope_ctx *ctx, scope_frame *f, jsp_node *n);
static void scope_expr_in(scope_ctx *ctx, scope_frame *f, jsp_node *n, int read);
static void scope_stmts(scope_ctx *ctx, scope_frame *f, jsp_node *s);
static void scope_function(scope_ctx *ctx, scope_frame *f, jsp_node *fn);

static void scope_expr_list(scope_ctx *ctx, scope_frame *f, jsp_node *n) {
    for (; n; n = n->next) {
        scope_expr(ctx, f, n);
    }
}

/* A binding pattern: the names are declared already; defaults and keys are expressions. */
static void scope_binding(scope_ctx *ctx, scope_frame *f, jsp_node *n) {
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
    case JSP_N_ASSIGN_PATTERN:
        scope_binding(ctx, f, n->a);
        scope_expr(ctx, f, n->b);
        break;
    case JSP_N_ARRAY_PATTERN:
        for (jsp_node *e = n->a; e; e = e->next) {
            scope_binding(ctx, f, e);
        }
        break;
    case JSP_N_OBJECT_PATTERN:
        for (jsp_node *p = n->a; p; p = p->next) {
            if (p->kind == JSP_N_PROPERTY) {
                if (p->flags & JSP_NF_COMPUTED) {
                    scope_expr(ctx, f, p->a);
                }
                scope_binding(ctx, f, p->b);
            } else {
                scope_binding(ctx, f, p->a);
            }
        }
        break;
    case JSP_N_REST:
        scope_binding(ctx, f, n->a);
        break;
    default:
        break;
    }
}

static void scope_class(scope_ctx *ctx, scope_frame *f, jsp_node *cls) {
    scope_frame inner = {.up = f};
    if (cls->a) {
        scope_declare(ctx, &inner, cls->a);
    }
    scope_expr(ctx, &inner, cls->b);
    for (jsp_node *m = cls->c; m; m = m->next) {
        if (m->kind == JSP_N_STATIC_BLOCK) {
            scope_frame body = {.up = &inner, .lazy_vars = m->a, .lazy_lexical = m->a};
            scope_stmts(ctx, &body, m->a);
            continue;
        }
        if (m->flags & JSP_NF_COMPUTED) {
            scope_expr(ctx, &inner, m->a);
        }
        if (m->kind == JSP_N_METHOD) {
            scope_function(ctx, &inner, m->b);
        } else {
            scope_expr(ctx, &inner, m->b);
        }
    }
}

static void scope_function(scope_ctx *ctx, scope_frame *f, jsp_node *fn) {
    int arrow = (fn->flags & JSP_NF_ARROW) != 0;
    ctx->fn_depth += !arrow;
    scope_frame named = {.up = f};
    if (fn->a && !(fn->flags & JSP_NF_DECL)) {
        scope_declare(ctx, &named, fn->a); /* a function expression's own name */
    }
    /* parameter defaults see the parameters but not the body's declarations */
    scope_frame params = {.up = &named};
    for (jsp_node *p = fn->b; p; p = p->next) {
        scope_declare(ctx, &params, p);
    }
    for (jsp_node *p = fn->b; p; p = p->next) {
        scope_binding(ctx, &params, p);
    }
    scope_frame body = {.up = &params};
    if (!(fn->flags & JSP_NF_EXPR_BODY) && fn->c) {
        body.lazy_vars = fn->c->a;
        body.lazy_lexical = fn->c->a;
    }
    if (fn->flags & JSP_NF_EXPR_BODY) {
        scope_expr(ctx, &body, fn->c);
    } else if (fn->c) {
        scope_stmts(ctx, &body, fn->c->a);
    }
    ctx->fn_depth -= !arrow;
}

static void scope_expr(scope_ctx *ctx, scope_frame *f, jsp_node *n) {
    scope_expr_in(ctx, f, n, 0);
}

/* An expression; `read` says it is only read (an operand, an initializer, an argument):
 * not assigned, deleted, updated or called as a method. The object of a plain `.name`
 * member read there is reported with JSP_REF_MEMBER_READ. */
static void scope_expr_in(scope_ctx *ctx, scope_frame *f, jsp_node *n, int read) {
    unsigned member_read = 0;
    /* left-deep chains (a.b.c, a + b + c, f()()) iterate instead of recursing */
    while (n != NULL) {
        switch (n->kind) {
        case JSP_N_MEMBER:
            if (n->flags & JSP_NF_COMPUTED) {
                scope_expr_in(ctx, f, n->b, 1);
            }
            member_read = read && !(n->flags & JSP_NF_COMPUTED) ? JSP_REF_MEMBER_READ : 0;
            read = 1; /* the object of a member is read */
            n = n->a;
            continue;
        case JSP_N_CALL:
        case JSP_N_NEW:
            for (jsp_node *arg = n->b; arg; arg = arg->next) {
                scope_expr_in(ctx, f, arg, 1);
            }
            if (n->kind == JSP_N_CALL && n->a != NULL && n->a->kind == JSP_N_IDENT) {
                scope_reference(ctx, f, n->a, JSP_REF_CALLEE);
                return;
            }
            member_read = 0;
            read = 0; /* a method keeps its `this` */
            n = n->a;
            continue;
        case JSP_N_TAGGED_TEMPLATE:
            scope_expr(ctx, f, n->b);
            if (n->a != NULL && n->a->kind == JSP_N_IDENT) {
                scope_reference(ctx, f, n->a, JSP_REF_CALLEE);
                return;
            }
            member_read = 0;
            read = 0;
            n = n->a;
            continue;
        case JSP_N_BINARY:
        case JSP_N_LOGICAL:
            scope_expr_in(ctx, f, n->b, 1);
            member_read = 0;
            read = 1;
            n = n->a;
            continue;
        case JSP_N_CHAIN:
            member_read = 0;
            read = 0;
            n = n->a;
            continue;
        default:
            break;
        }
        break;
    }
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
    case JSP_N_IDENT:
        scope_reference(ctx, f, n, member_read);
        break;
    case JSP_N_META_PROPERTY:
        if (n->op == JSP_META_IMPORT_META && (ctx->what & JSP_REF_IMPORT_META)) {
            scope_report(ctx, n, JSP_REF_IMPORT_META);
        }
        break;
    case JSP_N_TEMPLATE:
        scope_expr_list(ctx, f, n->b);
        break;
    case JSP_N_TAGGED_TEMPLATE:
        scope_expr(ctx, f, n->a);
        scope_expr(ctx, f, n->b);
        break;
    case JSP_N_ARRAY:
    case JSP_N_SEQUENCE:
    case JSP_N_ARRAY_PATTERN:
        scope_expr_list(ctx, f, n->a);
        break;
    case JSP_N_OBJECT:
    case JSP_N_OBJECT_PATTERN:
        for (jsp_node *p = n->a; p; p = p->next) {
            if (p->kind != JSP_N_PROPERTY) {
                scope_expr(ctx, f, p->a);
                continue;
            }
            if (p->flags & JSP_NF_COMPUTED) {
                scope_expr(ctx, f, p->a);
            }
            if (p->flags & JSP_NF_METHOD) {
                scope_function(ctx, f, p->b);
            } else if ((p->flags & JSP_NF_SHORTHAND) && p->b != NULL) {
                /* `{ a }`, or `{ a = 1 }` in an assignment pattern */
                jsp_node *v = p->b;
                if (v->kind == JSP_N_IDENT) {
                    scope_reference(ctx, f, v, JSP_REF_SHORTHAND);
                } else if (v->kind == JSP_N_ASSIGN_PATTERN && v->a != NULL &&
                           v->a->kind == JSP_N_IDENT) {
                    scope_reference(ctx, f, v->a, JSP_REF_SHORTHAND);
                    scope_expr(ctx, f, v->b);
                } else {
                    scope_expr(ctx, f, v);
                }
            } else {
                scope_expr(ctx, f, p->b);
            }
        }
        break;
    case JSP_N_FUNCTION:
        scope_function(ctx, f, n);
        break;
    case JSP_N_CLASS:
        scope_class(ctx, f, n);
        break;
    case JSP_N_UNARY:
    case JSP_N_UPDATE:
    case JSP_N_AWAIT:
    case JSP_N_SPREAD:
    case JSP_N_YIELD:
    case JSP_N_REST:
    case JSP_N_CHAIN:
        scope_expr(ctx, f, n->a);
        break;
    case JSP_N_IMPORT_CALL:
        if (ctx->what & JSP_REF_IMPORT_CALL) {
            scope_report(ctx, n, JSP_REF_IMPORT_CALL);
        }
        scope_expr(ctx, f, n->a);
        scope_expr(ctx, f, n->b);
        break;
    case JSP_N_BINARY:
    case JSP_N_LOGICAL:
    case JSP_N_ASSIGN:
    case JSP_N_ASSIGN_PATTERN:
        scope_expr_in(ctx, f, n->a, n->kind == JSP_N_BINARY || n->kind == JSP_N_LOGICAL);
        scope_expr_in(ctx, f, n->b, 1);
        break;
    case JSP_N_CONDITIONAL:
        scope_expr_in(ctx, f, n->a, 1);
        scope_expr_in(ctx, f, n->b, read);
        scope_expr_in(ctx, f, n->c, read);
        break;
    case JSP_N_CALL:
    case JSP_N_NEW:
        scope_expr(ctx, f, n->a);
        scope_expr_list(ctx, f, n->b);
        break;
    case JSP_N_MEMBER:
        scope_expr(ctx, f, n->a);
        if (n->flags & JSP_NF_COMPUTED) {
            scope_expr(ctx, f, n->b);
        }
        break;
    default:
        break;
    }
}

static void scope_block(scope_ctx *ctx, scope_frame *f, jsp_node *list) {
    scope_frame inner = {.up = f, .lazy_lexical = list};
    scope_stmts(ctx, &inner, list);
}

/* One statement (not its siblings). */
static void scope_stmt(scope_ctx *ctx, scope_frame *f, jsp_node *s) {
    if (s == NULL) {
        return;
    }
    switch (s->kind) {
    case JSP_N_VAR_DECL:
        for (jsp_node *d = s->a; d; d = d->next) {
            scope_binding(ctx, f, d->a);
            scope_expr_in(ctx, f, d->b, 1);
        }
        break;
    case JSP_N_FUNCTION:
        scope_function(ctx, f, s);
        break;
    case JSP_N_CLASS:
        scope_class(ctx, f, s);
        break;
    case JSP_N_BLOCK:
        scope_block(ctx, f, s->a);
        break;
    case JSP_N_EXPR_STMT:
    case JSP_N_RETURN:
    case JSP_N_THROW:
        scope_expr_in(ctx, f, s->a, 1);
        break;
    case JSP_N_IF:
        scope_expr(ctx, f, s->a);
        scope_stmt(ctx, f, s->b);
        scope_stmt(ctx, f, s->c);
        break;
    case JSP_N_FOR:
    case JSP_N_FOR_IN:
    case JSP_N_FOR_OF: {
        scope_frame head = {.up = f};
        if (s->a && s->a->kind == JSP_N_VAR_DECL) {
            if (s->a->op != JSP_KW_VAR) {
                scope_declare(ctx, &head, s->a);
            }
            scope_stmt(ctx, &head, s->a);
        } else {
            scope_expr(ctx, &head, s->a);
        }
        scope_expr(ctx, &head, s->b);
        scope_expr(ctx, &head, s->c);
        scope_stmt(ctx, &head, s->d);
        break;
    }
    case JSP_N_WHILE:
    case JSP_N_DO_WHILE:
    case JSP_N_WITH:
        scope_expr(ctx, f, s->a);
        scope_stmt(ctx, f, s->d);
        break;
    case JSP_N_SWITCH: {
        scope_expr(ctx, f, s->a);
        scope_frame inner = {.up = f, .lazy_cases = s->b};
        for (jsp_node *c = s->b; c; c = c->next) {
            scope_expr(ctx, &inner, c->a);
            scope_stmts(ctx, &inner, c->b);
        }
        break;
    }
    case JSP_N_TRY:
        scope_stmt(ctx, f, s->a);
        if (s->b) {
            scope_frame param = {.up = f};
            if (s->b->a) {
                scope_declare(ctx, &param, s->b->a);
                scope_binding(ctx, &param, s->b->a);
            }
            scope_stmt(ctx, &param, s->b->b);
        }
        scope_stmt(ctx, f, s->c);
        break;
    case JSP_N_LABELED:
        scope_stmt(ctx, f, s->b);
        break;
    case JSP_N_EXPORT_NAMED:
        if (s->a) {
            scope_stmt(ctx, f, s->a);
        } else if (s->c == NULL) {
            for (jsp_node *sp = s->b; sp; sp = sp->next) {
                if (sp->a->kind == JSP_N_IDENT) {
                    scope_reference(ctx, f, sp->a, SCOPE_NO_REPORT);
                }
            }
        }
        break;
    case JSP_N_EXPORT_DEFAULT:
        if (s->a->kind == JSP_N_FUNCTION || s->a->kind == JSP_N_CLASS) {
            scope_stmt(ctx, f, s->a);
        } else {
            scope_expr(ctx, f, s->a);
        }
        break;
    default:
        break;
    }
}

static void scope_stmts(scope_ctx *ctx, scope_frame *f, jsp_node *s) {
    for (; s; s = s->next) {
        scope_stmt(ctx, f, s);
    }
}

size_t jsp_scan_module(jsp_ast *ast, unsigned what, jsp_ref_fn fn, void *ud) {
    if (ast == NULL || !ast->ok) {
        return 0;
    }
    scope_ctx ctx = {.arena = &ast->arena, .what = what, .fn = fn, .ud = ud};
    size_t n = 0;
    int module = (ast->program->flags & JSP_NF_MODULE) != 0;
    for (jsp_node *s = ast->program->a; module && s; s = s->next) {
        if (s->kind == JSP_N_IMPORT) {
            for (jsp_node *sp = s->a; sp; sp = sp->next) {
                sp->c = s->b; /* the module specifier (no cycle back to the IMPORT) */
                n++;
            }
        }
    }
    if (n != 0) {
        ctx.imports = jsp_arena_alloc(&ast->arena, n * sizeof(*ctx.imports));
        if (ctx.imports == NULL) {
            return 0;
        }
        for (jsp_node *s = ast->program->a; s; s = s->next) {
            if (s->kind == JSP_N_IMPORT) {
                for (jsp_node *sp = s->a; sp; sp = sp->next) {
                    ctx.imports[ctx.import_count++] = sp;
                    if (sp->b->len != 0) {
                        unsigned h = scope_hash(sp->b->str, sp->b->len);
                        ctx.import_bloom[h >> 6] |= (uint64_t)1 << (h & 63);
                    }
                }
            }
        }
    } else if ((what & ~(unsigned)JSP_REF_IMPORT) == 0) {
        return 0; /* no imports and nothing else to find */
    }
    /* the module scope itself cannot shadow imports (that is a redeclaration error) */
    scope_stmts(&ctx, NULL, ast->program->a);
    return ctx.marked;
}

size_t jsp_resolve_imports(jsp_ast *ast) {
    return jsp_scan_module(ast, JSP_REF_IMPORT, NULL, NULL);
}
