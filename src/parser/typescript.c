/* typescript.c: TypeScript to JavaScript: erases what the TypeScript parse recorded and
 * transforms enums, namespaces, parameter properties and the CommonJS import / export
 * forms in place, keeping lines (and columns outside transformed code). */
#include "parser/typescript.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Edits of the output besides the parser's JSP_TS_* ones: a range replaced by a text
 * (an insertion when the range is empty). */
enum { TS_REPLACE = 16 };

typedef struct ts_edit {
    uint32_t start;
    uint32_t end;
    uint32_t kind;
    uint32_t seq;
    const char *text;
    size_t tlen;
} ts_edit;

/* Names in scope while rewriting references in namespaces and enums: `names` are local
 * bindings (they shadow), `exports` the names that become `prefix.name`. */
typedef struct ts_frame {
    struct ts_frame *up;
    const jsp_node **names;
    size_t count, cap;
    const jsp_node **exports;
    size_t nexports, cap_exports;
    const jsp_node *prefix;
} ts_frame;

typedef struct ts_ctx {
    const char *src;
    size_t len;
    jsp_arena *arena;
    ts_edit *edits;
    size_t n, cap;
    int failed;
    char *out;
    size_t out_len, out_cap;
} ts_ctx;

/* ---- edits ---- */

static void ts_add(ts_ctx *c, uint32_t start, uint32_t end, uint32_t kind, const char *text,
                   size_t tlen) {
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        ts_edit *e = realloc(c->edits, cap * sizeof(*e));
        if (e == NULL) {
            c->failed = 1;
            return;
        }
        c->edits = e;
        c->cap = cap;
    }
    c->edits[c->n] = (ts_edit){start, end, kind, (uint32_t)c->n, text, tlen};
    c->n++;
}

static const char *ts_fmt(ts_ctx *c, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A printf-formatted text in the arena. */
static const char *ts_fmt(ts_ctx *c, size_t *len, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? jsp_arena_alloc(c->arena, (size_t)n + 1) : NULL;
    if (s == NULL) {
        c->failed = 1;
        *len = 0;
        return "";
    }
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *len = (size_t)n;
    return s;
}

static void ts_replace(ts_ctx *c, uint32_t start, uint32_t end, const char *text, size_t tlen) {
    ts_add(c, start, end, TS_REPLACE, text, tlen);
}

#define TS_REPLACEF(c, start, end, ...)                                                            \
    do {                                                                                           \
        size_t ts_len_;                                                                            \
        const char *ts_text_ = ts_fmt(c, &ts_len_, __VA_ARGS__);                                   \
        ts_replace(c, start, end, ts_text_, ts_len_);                                              \
    } while (0)

/* The offset after the `,` that follows `at` (skipping blanks and comments), or `at`. */
static uint32_t ts_after_comma(ts_ctx *c, uint32_t at) {
    size_t i = at;
    while (i < c->len) {
        char ch = c->src[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            i++;
        } else if (ch == '/' && i + 1 < c->len && c->src[i + 1] == '/') {
            while (i < c->len && c->src[i] != '\n') {
                i++;
            }
        } else if (ch == '/' && i + 1 < c->len && c->src[i + 1] == '*') {
            const char *e = NULL;
            for (size_t j = i + 2; j + 1 < c->len; j++) {
                if (c->src[j] == '*' && c->src[j + 1] == '/') {
                    e = c->src + j + 2;
                    break;
                }
            }
            if (e == NULL) {
                return at;
            }
            i = (size_t)(e - c->src);
        } else {
            return ch == ',' ? (uint32_t)i + 1 : at;
        }
    }
    return at;
}

/* ---- scopes ---- */

static void ts_push_name(ts_ctx *c, const jsp_node ***arr, size_t *count, size_t *cap,
                         const jsp_node *id) {
    if (id == NULL || id->kind != JSP_N_IDENT) {
        return;
    }
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        const jsp_node **a = jsp_arena_alloc(c->arena, ncap * sizeof(*a));
        if (a == NULL) {
            c->failed = 1;
            return;
        }
        if (*count) {
            memcpy(a, *arr, *count * sizeof(*a));
        }
        *arr = a;
        *cap = ncap;
    }
    (*arr)[(*count)++] = id;
}

typedef struct ts_binder {
    ts_ctx *c;
    ts_frame *f;
} ts_binder;

static void ts_bind_cb(const jsp_node *id, void *ud) {
    ts_binder *b = ud;
    ts_push_name(b->c, &b->f->names, &b->f->count, &b->f->cap, id);
}

static void ts_bind(ts_ctx *c, ts_frame *f, const jsp_node *n) {
    ts_binder b = {c, f};
    jsp_for_each_bound_name(n, ts_bind_cb, &b);
}

/* The declaration an export statement holds, or the statement itself. */
static const jsp_node *ts_declaration_of(const jsp_node *s) {
    int ex = s->kind == JSP_N_EXPORT_NAMED || s->kind == JSP_N_EXPORT_DEFAULT;
    return ex && s->a ? s->a : s;
}

/* let / const / class / function and TypeScript declarations directly in a list. */
static void ts_bind_lexical(ts_ctx *c, ts_frame *f, const jsp_node *s) {
    for (; s; s = s->next) {
        const jsp_node *d = ts_declaration_of(s);
        if ((d->kind == JSP_N_VAR_DECL && d->op != JSP_KW_VAR) ||
            ((d->kind == JSP_N_CLASS || d->kind == JSP_N_FUNCTION) && (d->flags & JSP_NF_DECL))) {
            ts_bind(c, f, d);
        } else if (d->kind == JSP_N_TS_ENUM || d->kind == JSP_N_TS_NAMESPACE ||
                   d->kind == JSP_N_TS_IMPORT_EQUALS) {
            ts_push_name(c, &f->names, &f->count, &f->cap, d->a);
        }
    }
}

/* var declarations anywhere in a function body but in nested functions. */
static void ts_bind_vars(ts_ctx *c, ts_frame *f, const jsp_node *s) {
    for (; s; s = s->next) {
        switch (s->kind) {
        case JSP_N_VAR_DECL:
            if (s->op == JSP_KW_VAR) {
                ts_bind(c, f, s);
            }
            break;
        case JSP_N_EXPORT_NAMED:
            if (s->a) {
                ts_bind_vars(c, f, s->a);
            }
            break;
        case JSP_N_BLOCK:
            ts_bind_vars(c, f, s->a);
            break;
        case JSP_N_IF:
            ts_bind_vars(c, f, s->b);
            ts_bind_vars(c, f, s->c);
            break;
        case JSP_N_FOR:
        case JSP_N_FOR_IN:
        case JSP_N_FOR_OF:
            if (s->a && s->a->kind == JSP_N_VAR_DECL && s->a->op == JSP_KW_VAR) {
                ts_bind(c, f, s->a);
            }
            ts_bind_vars(c, f, s->d);
            break;
        case JSP_N_WHILE:
        case JSP_N_DO_WHILE:
        case JSP_N_WITH:
            ts_bind_vars(c, f, s->d);
            break;
        case JSP_N_LABELED:
            ts_bind_vars(c, f, s->b);
            break;
        case JSP_N_SWITCH:
            for (const jsp_node *k = s->b; k; k = k->next) {
                ts_bind_vars(c, f, k->b);
            }
            break;
        case JSP_N_TRY:
            ts_bind_vars(c, f, s->a);
            if (s->b) {
                ts_bind_vars(c, f, s->b->b);
            }
            ts_bind_vars(c, f, s->c);
            break;
        default:
            break;
        }
    }
}

static int ts_same_name(const jsp_node *a, const jsp_node *b) {
    return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* An identifier reference: `x` becomes `NS.x` when x is an exported variable of an
 * enclosing namespace (or a member of the enum being defined) no closer scope shadows. */
static void ts_ref(ts_ctx *c, const jsp_node *id, ts_frame *f, int shorthand) {
    for (; f; f = f->up) {
        for (size_t i = 0; i < f->count; i++) {
            if (ts_same_name(f->names[i], id)) {
                return;
            }
        }
        for (size_t i = 0; i < f->nexports; i++) {
            if (ts_same_name(f->exports[i], id)) {
                const jsp_node *p = f->prefix;
                if (shorthand) {
                    TS_REPLACEF(c, id->start, id->start, "%.*s: %.*s.", (int)id->len, id->str,
                                (int)p->len, p->str);
                } else {
                    TS_REPLACEF(c, id->start, id->start, "%.*s.", (int)p->len, p->str);
                }
                return;
            }
        }
    }
}

/* ---- the walk ---- */

static void ts_node(ts_ctx *c, jsp_node *n, ts_frame *f);
static void ts_stmts(ts_ctx *c, jsp_node *list, ts_frame *f, const jsp_node *ns);

static void ts_list(ts_ctx *c, jsp_node *n, ts_frame *f) {
    for (; n; n = n->next) {
        ts_node(c, n, f);
    }
}

/* A pattern: binding (declarations, parameters) or assignment targets. */
static void ts_pattern(ts_ctx *c, jsp_node *n, ts_frame *f, int binding) {
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
    case JSP_N_IDENT:
        if (!binding) {
            ts_ref(c, n, f, 0);
        }
        break;
    case JSP_N_ASSIGN_PATTERN:
        ts_pattern(c, n->a, f, binding);
        ts_node(c, n->b, f);
        break;
    case JSP_N_ARRAY_PATTERN:
        for (jsp_node *e = n->a; e; e = e->next) {
            ts_pattern(c, e, f, binding);
        }
        break;
    case JSP_N_OBJECT_PATTERN:
        for (jsp_node *e = n->a; e; e = e->next) {
            if (e->kind == JSP_N_REST) {
                ts_pattern(c, e->a, f, binding);
                continue;
            }
            if (e->flags & JSP_NF_COMPUTED) {
                ts_node(c, e->a, f);
            }
            if ((e->flags & JSP_NF_SHORTHAND) && !binding) {
                jsp_node *v = e->b->kind == JSP_N_ASSIGN_PATTERN ? e->b->a : e->b;
                ts_ref(c, v, f, 1);
                if (e->b->kind == JSP_N_ASSIGN_PATTERN) {
                    ts_node(c, e->b->b, f);
                }
            } else {
                ts_pattern(c, e->b, f, binding);
            }
        }
        break;
    case JSP_N_REST:
        ts_pattern(c, n->a, f, binding);
        break;
    case JSP_N_HOLE:
        break;
    default:
        ts_node(c, n, f);
        break;
    }
}

static void ts_function(ts_ctx *c, jsp_node *fn, ts_frame *outer) {
    ts_frame frame = {.up = outer};
    ts_frame *f = NULL;
    if (outer) {
        f = &frame;
        if (fn->a && !(fn->flags & JSP_NF_DECL)) {
            ts_bind(c, f, fn->a);
        }
        for (jsp_node *p = fn->b; p; p = p->next) {
            ts_bind(c, f, p);
        }
        if (fn->c && !(fn->flags & JSP_NF_EXPR_BODY)) {
            ts_bind_vars(c, f, fn->c->a);
            ts_bind_lexical(c, f, fn->c->a);
        }
    }
    for (jsp_node *p = fn->b; p; p = p->next) {
        ts_pattern(c, p, f, 1);
    }
    if (fn->c == NULL) {
        return;
    }
    if (fn->flags & JSP_NF_EXPR_BODY) {
        ts_node(c, fn->c, f);
    } else {
        ts_stmts(c, fn->c->a, f, NULL);
    }
}

/* Parameter properties: a field declaration at the top of the class body and an
 * assignment at the start of the constructor (after `super(...)`). */
static void ts_param_props(ts_ctx *c, jsp_node *cls) {
    for (jsp_node *m = cls->c; m; m = m->next) {
        if (m->kind != JSP_N_METHOD || m->op != JSP_PROP_CONSTRUCTOR || !m->b || !m->b->c) {
            continue;
        }
        jsp_node *fn = m->b;
        uint32_t at = fn->c->start + 1;
        if (cls->b) {
            for (jsp_node *s = fn->c->a; s; s = s->next) {
                if (s->kind == JSP_N_EXPR_STMT && s->a->kind == JSP_N_CALL &&
                    s->a->a->kind == JSP_N_SUPER) {
                    at = s->end;
                    break;
                }
            }
        }
        for (jsp_node *p = fn->b; p; p = p->next) {
            jsp_node *id = p->kind == JSP_N_ASSIGN_PATTERN ? p->a : p;
            if (id->kind == JSP_N_IDENT && (id->flags & JSP_NF_TS_PARAM_PROP)) {
                TS_REPLACEF(c, (uint32_t)cls->num + 1, (uint32_t)cls->num + 1, " %.*s;",
                            (int)id->len, id->str);
                TS_REPLACEF(c, at, at, " this.%.*s = %.*s;", (int)id->len, id->str, (int)id->len,
                            id->str);
            }
        }
    }
}

static void ts_class(ts_ctx *c, jsp_node *cls, ts_frame *outer) {
    ts_frame frame = {.up = outer};
    ts_frame *f = NULL;
    if (outer) {
        f = &frame;
        if (cls->a && !(cls->flags & JSP_NF_DECL)) {
            ts_bind(c, f, cls->a);
        }
    }
    if (cls->b) {
        ts_node(c, cls->b, f);
    }
    ts_param_props(c, cls);
    for (jsp_node *m = cls->c; m; m = m->next) {
        if (m->kind == JSP_N_STATIC_BLOCK) {
            ts_stmts(c, m->a, f, NULL);
            continue;
        }
        if (m->flags & JSP_NF_COMPUTED) {
            ts_node(c, m->a, f);
        }
        if (m->b) {
            ts_node(c, m->b, f);
        }
    }
}

/* ---- enums ---- */

enum { TS_V_UNKNOWN, TS_V_NUMBER, TS_V_STRING };

typedef struct ts_value {
    int kind;
    double num;
} ts_value;

/* ToInt32 (without libm: the parser tools link none). Values past 2^63 give 0. */
static int32_t ts_int32(double d) {
    if (!(d > -9.2e18 && d < 9.2e18)) {
        return 0;
    }
    return (int32_t)(uint32_t)(uint64_t)(int64_t)d;
}

static int ts_is_int(double d) {
    return d > -1e15 && d < 1e15 && (double)(int64_t)d == d;
}

/* The constant value of an enum initializer, as TypeScript folds it. */
static ts_value ts_eval(const jsp_node *n, const jsp_node *en, const jsp_node *upto) {
    ts_value u = {TS_V_UNKNOWN, 0};
    switch (n->kind) {
    case JSP_N_NUMBER:
        return (ts_value){TS_V_NUMBER, n->num};
    case JSP_N_STRING:
        return (ts_value){TS_V_STRING, 0};
    case JSP_N_TEMPLATE:
        for (const jsp_node *e = n->b; e; e = e->next) {
            if (ts_eval(e, en, upto).kind == TS_V_UNKNOWN) {
                return u;
            }
        }
        return (ts_value){TS_V_STRING, 0};
    case JSP_N_IDENT:
    case JSP_N_MEMBER: {
        const jsp_node *name = n;
        if (n->kind == JSP_N_MEMBER) {
            if (n->a->kind != JSP_N_IDENT || !ts_same_name(n->a, en->a) ||
                (n->b->kind != JSP_N_IDENT && n->b->kind != JSP_N_STRING)) {
                return u;
            }
            name = n->b;
        }
        for (const jsp_node *m = en->b; m && m != upto; m = m->next) {
            if (m->a->len == name->len && memcmp(m->a->str, name->str, name->len) == 0) {
                return (ts_value){m->op, m->num};
            }
        }
        return u;
    }
    case JSP_N_UNARY: {
        if (n->flags & JSP_NF_KW) {
            return u;
        }
        ts_value v = ts_eval(n->a, en, upto);
        if (v.kind != TS_V_NUMBER) {
            return u;
        }
        switch (n->op) {
        case JSP_T_PLUS:
            return v;
        case JSP_T_MINUS:
            return (ts_value){TS_V_NUMBER, -v.num};
        case JSP_T_TILDE:
            return (ts_value){TS_V_NUMBER, (double)~ts_int32(v.num)};
        default:
            return u;
        }
    }
    case JSP_N_BINARY: {
        if (n->flags & JSP_NF_KW) {
            return u;
        }
        ts_value a = ts_eval(n->a, en, upto), b = ts_eval(n->b, en, upto);
        if (a.kind == TS_V_UNKNOWN || b.kind == TS_V_UNKNOWN) {
            return u;
        }
        if (a.kind == TS_V_STRING || b.kind == TS_V_STRING) {
            return n->op == JSP_T_PLUS ? (ts_value){TS_V_STRING, 0} : u;
        }
        double x = a.num, y = b.num, r;
        switch (n->op) {
        case JSP_T_PLUS: r = x + y; break;
        case JSP_T_MINUS: r = x - y; break;
        case JSP_T_STAR: r = x * y; break;
        case JSP_T_SLASH: r = x / y; break;
        case JSP_T_PERCENT:
            r = ts_is_int(x) && ts_is_int(y) && y != 0 ? (double)((int64_t)x % (int64_t)y)
                                                     : __builtin_nan("");
            break;
        case JSP_T_STAR2:
            r = __builtin_nan(""); /* a number TypeScript folds; its value is not needed here */
            break;
        case JSP_T_PIPE: r = (double)(ts_int32(x) | ts_int32(y)); break;
        case JSP_T_AMP: r = (double)(ts_int32(x) & ts_int32(y)); break;
        case JSP_T_CARET: r = (double)(ts_int32(x) ^ ts_int32(y)); break;
        case JSP_T_SHL: r = (double)(int32_t)((uint32_t)ts_int32(x) << (ts_int32(y) & 31)); break;
        case JSP_T_SAR: r = (double)(ts_int32(x) >> (ts_int32(y) & 31)); break;
        case JSP_T_SHR: r = (double)((uint32_t)ts_int32(x) >> (ts_int32(y) & 31)); break;
        default: return u;
        }
        return (ts_value){TS_V_NUMBER, r};
    }
    default:
        return u;
    }
}

/* The IIFE's closing: `})(E || (E = {}));` or, exported from namespace NS,
 * `})(E = NS.E || (NS.E = {}));`. */
static void ts_iife_close(ts_ctx *c, uint32_t at, const jsp_node *id, const jsp_node *ns,
                          int exported, const char *more) {
    int n = (int)id->len;
    if (ns && exported) {
        TS_REPLACEF(c, at, at + 1, "})(%.*s = %.*s.%.*s || (%.*s.%.*s = {}));%s", n, id->str,
                    (int)ns->len, ns->str, n, id->str, (int)ns->len, ns->str, n, id->str, more);
    } else {
        TS_REPLACEF(c, at, at + 1, "})(%.*s || (%.*s = {}));%s", n, id->str, n, id->str, more);
    }
}

/* Whether a statement before `stop` in the list declares `id` (so no `var` is needed). */
static int ts_declared_before(const jsp_node *list, const jsp_node *stop, const jsp_node *id) {
    for (const jsp_node *s = list; s && s != stop; s = s->next) {
        const jsp_node *d = ts_declaration_of(s);
        switch (d->kind) {
        case JSP_N_FUNCTION:
        case JSP_N_CLASS:
        case JSP_N_TS_ENUM:
        case JSP_N_TS_IMPORT_EQUALS:
            if (d->a && d->a->kind == JSP_N_IDENT && ts_same_name(d->a, id)) {
                return 1;
            }
            break;
        case JSP_N_TS_NAMESPACE:
            if ((d->flags & JSP_NF_TS_INSTANTIATED) && ts_same_name(d->a, id)) {
                return 1;
            }
            break;
        case JSP_N_VAR_DECL:
            for (const jsp_node *dc = d->a; dc; dc = dc->next) {
                if (dc->a->kind == JSP_N_IDENT && ts_same_name(dc->a, id)) {
                    return 1;
                }
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

/* The declaration an enum or namespace IIFE needs: `var E; `, `let E; ` in a namespace,
 * `export var E; ` for a module's export, or nothing when the name is declared already. */
static const char *ts_var_decl(ts_ctx *c, const jsp_node *list, const jsp_node *s,
                               const jsp_node *id, const jsp_node *ns, int exported) {
    size_t len;
    if (ts_declared_before(list, s, id)) {
        return "";
    }
    if (ns) {
        return ts_fmt(c, &len, "let %.*s; ", (int)id->len, id->str);
    }
    return ts_fmt(c, &len, "%svar %.*s; ", exported ? "export " : "", (int)id->len, id->str);
}

static void ts_enum(ts_ctx *c, jsp_node *en, ts_frame *outer, const jsp_node *ns,
                    const char *decl) {
    const jsp_node *id = en->a;
    int n = (int)id->len;
    TS_REPLACEF(c, en->start, (uint32_t)en->num + 1, "%s(function (%.*s) {", decl, n, id->str);
    ts_frame frame = {.up = outer, .prefix = id};
    for (jsp_node *m = en->b; m; m = m->next) {
        if (m->a->kind == JSP_N_IDENT) {
            ts_push_name(c, &frame.exports, &frame.nexports, &frame.cap_exports, m->a);
        }
    }
    ts_value prev = {TS_V_NUMBER, -1};
    const jsp_node *prev_m = NULL;
    for (jsp_node *m = en->b; m; m = m->next) {
        const char *q = m->a->kind == JSP_N_IDENT ? "\"" : "";
        int kl = (int)(m->a->end - m->a->start);
        const char *ks = c->src + m->a->start;
        ts_value v;
        if (m->b) {
            v = ts_eval(m->b, en, m);
            if (v.kind == TS_V_STRING) {
                TS_REPLACEF(c, m->start, m->b->start, "%.*s[%s%.*s%s] = ", n, id->str, q, kl, ks,
                            q);
                ts_node(c, m->b, &frame);
                TS_REPLACEF(c, m->b->end, ts_after_comma(c, m->b->end), ";");
            } else {
                TS_REPLACEF(c, m->start, m->b->start, "%.*s[%.*s[%s%.*s%s] = ", n, id->str, n,
                            id->str, q, kl, ks, q);
                ts_node(c, m->b, &frame);
                TS_REPLACEF(c, m->b->end, ts_after_comma(c, m->b->end), "] = %s%.*s%s;", q, kl, ks,
                            q);
            }
        } else {
            uint32_t end = ts_after_comma(c, m->end);
            if (prev.kind == TS_V_NUMBER && ts_is_int(prev.num + 1)) {
                v = (ts_value){TS_V_NUMBER, prev.num + 1};
                TS_REPLACEF(c, m->start, end, "%.*s[%.*s[%s%.*s%s] = %.0f] = %s%.*s%s;", n,
                            id->str, n, id->str, q, kl, ks, q, v.num, q, kl, ks, q);
            } else {
                /* after a member TypeScript cannot fold: one more than its value */
                v = (ts_value){TS_V_UNKNOWN, 0};
                const char *pq = prev_m->a->kind == JSP_N_IDENT ? "\"" : "";
                TS_REPLACEF(c, m->start, end,
                            "%.*s[%.*s[%s%.*s%s] = %.*s[%s%.*s%s] + 1] = %s%.*s%s;", n, id->str, n, id->str, q, kl, ks, q, n, id->str, pq,
                            (int)(prev_m->a->end - prev_m->a->start), c->src + prev_m->a->start,
                            pq, q, kl, ks, q);
            }
        }
        m->op = (uint16_t)v.kind;
        m->num = v.num;
        prev = v;
        prev_m = m;
    }
    ts_iife_close(c, en->end - 1, id, ns, (en->flags & JSP_NF_TS_EXPORT) != 0, "");
}

/* ---- namespaces ---- */

/* Collects the exported variables of a namespace body (and of the other bodies of the
 * namespace with that name in the same list, which share them). */
static void ts_ns_exports(ts_ctx *c, ts_frame *f, const jsp_node *list, const jsp_node *ns) {
    for (const jsp_node *s = list ? list : ns; s; s = list ? s->next : NULL) {
        if (s->kind != JSP_N_TS_NAMESPACE || !ts_same_name(s->a, ns->a) || s->b == NULL ||
            s->num == 0) {
            continue;
        }
        for (const jsp_node *t = s->b; t; t = t->next) {
            if (t->kind == JSP_N_EXPORT_NAMED && t->a && t->a->kind == JSP_N_VAR_DECL) {
                ts_frame tmp = {0};
                ts_bind(c, &tmp, t->a);
                for (size_t i = 0; i < tmp.count; i++) {
                    ts_push_name(c, &f->exports, &f->nexports, &f->cap_exports, tmp.names[i]);
                }
            }
        }
    }
}

static void ts_namespace(ts_ctx *c, jsp_node *nsn, ts_frame *outer, const jsp_node *ns,
                         const char *decl, const jsp_node *list) {
    if (!(nsn->flags & JSP_NF_TS_INSTANTIATED)) {
        ts_add(c, nsn->start, nsn->end, JSP_TS_STMT, NULL, 0);
        return;
    }
    /* A.B.C: one IIFE per name, the inner ones exported from the outer */
    const jsp_node *chain[64];
    size_t depth = 0;
    jsp_node *body = nsn;
    while (body->num == 0 && body->b && body->b->kind == JSP_N_TS_NAMESPACE && depth < 63) {
        chain[depth++] = body->a;
        body = body->b;
    }
    chain[depth++] = body->a;
    /* the opening */
    size_t cap = 64, len = 0;
    for (size_t i = 0; i < depth; i++) {
        cap += 32 + 2 * chain[i]->len;
    }
    cap += strlen(decl);
    char *open = jsp_arena_alloc(c->arena, cap);
    char *close = jsp_arena_alloc(c->arena, cap * 3);
    if (open == NULL || close == NULL) {
        c->failed = 1;
        return;
    }
    len = (size_t)snprintf(open, cap, "%s", decl);
    for (size_t i = 0; i < depth; i++) {
        const jsp_node *id = chain[i];
        if (i) {
            len += (size_t)snprintf(open + len, cap - len, " let %.*s; ", (int)id->len, id->str);
        }
        len += (size_t)snprintf(open + len, cap - len, "(function (%.*s) {", (int)id->len,
                                id->str);
    }
    ts_replace(c, nsn->start, (uint32_t)body->num + 1, open, len);
    size_t clen = 0;
    for (size_t i = depth; i-- > 0;) {
        const jsp_node *id = chain[i];
        int n = (int)id->len;
        const jsp_node *parent = i ? chain[i - 1] : ns;
        int exported = i ? 1 : (nsn->flags & JSP_NF_TS_EXPORT) != 0;
        if (parent && exported) {
            clen += (size_t)snprintf(close + clen, cap * 3 - clen,
                                     "%s})(%.*s = %.*s.%.*s || (%.*s.%.*s = {}));",
                                     clen ? " " : "", n, id->str, (int)parent->len, parent->str,
                                     n, id->str, (int)parent->len, parent->str, n, id->str);
        } else {
            clen += (size_t)snprintf(close + clen, cap * 3 - clen, "%s})(%.*s || (%.*s = {}));",
                                     clen ? " " : "", n, id->str, n, id->str);
        }
    }
    ts_replace(c, nsn->end - 1, nsn->end, close, clen);
    /* the body */
    ts_frame frame = {.up = outer, .prefix = body->a};
    ts_bind_lexical(c, &frame, body->b);
    ts_bind_vars(c, &frame, body->b);
    ts_ns_exports(c, &frame, depth == 1 && list ? list : NULL, depth == 1 && list ? nsn : body);
    /* exported variables are properties, not bindings */
    for (size_t i = 0; i < frame.count;) {
        int exported = 0;
        for (size_t j = 0; j < frame.nexports && !exported; j++) {
            exported = ts_same_name(frame.names[i], frame.exports[j]);
        }
        if (exported) {
            frame.names[i] = frame.names[--frame.count];
        } else {
            i++;
        }
    }
    ts_stmts(c, body->b, &frame, body->a);
}

/* `import a = require('b')` / `import a = A.B`, `export import ...`. */
static void ts_import_equals(ts_ctx *c, jsp_node *n, ts_frame *f, const jsp_node *ns) {
    int exported = (n->flags & JSP_NF_TS_EXPORT) != 0;
    if (ns && exported) {
        TS_REPLACEF(c, n->start, n->a->start, "%.*s.", (int)ns->len, ns->str);
    } else if (n->b->kind == JSP_N_STRING) {
        TS_REPLACEF(c, n->start, n->a->start, "%sconst ", exported && !ns ? "export " : "");
    } else {
        TS_REPLACEF(c, n->start, n->a->start, "%svar ", exported && !ns ? "export " : "");
    }
    if (n->b->kind != JSP_N_STRING) {
        ts_node(c, n->b, f);
    }
}

/* One statement of a list; ns is the namespace whose body the list is, or NULL. */
static void ts_stmt(ts_ctx *c, jsp_node *s, ts_frame *f, const jsp_node *ns,
                    const jsp_node *list) {
    switch (s->kind) {
    case JSP_N_TS_ENUM:
        ts_enum(c, s, f, ns, ts_var_decl(c, list, s, s->a, ns, (s->flags & JSP_NF_TS_EXPORT) != 0));
        return;
    case JSP_N_TS_NAMESPACE:
        ts_namespace(c, s, f, ns,
                     (s->flags & JSP_NF_TS_INSTANTIATED)
                         ? ts_var_decl(c, list, s, s->a, ns, (s->flags & JSP_NF_TS_EXPORT) != 0)
                         : "",
                     list);
        return;
    case JSP_N_TS_IMPORT_EQUALS:
        ts_import_equals(c, s, f, ns);
        return;
    case JSP_N_TS_EXPORT_ASSIGN:
        TS_REPLACEF(c, s->start, s->a->start, "module.exports = ");
        ts_node(c, s->a, f);
        return;
    case JSP_N_EXPORT_NAMED:
        if (ns && s->a) {
            jsp_node *d = s->a;
            int n = (int)ns->len;
            if (d->kind == JSP_N_VAR_DECL) {
                int simple = 1;
                for (jsp_node *dc = d->a; dc; dc = dc->next) {
                    simple &= dc->a->kind == JSP_N_IDENT;
                }
                if (simple) {
                    ts_add(c, s->start, d->a->start, JSP_TS_ERASE, NULL, 0);
                    for (jsp_node *dc = d->a; dc; dc = dc->next) {
                        TS_REPLACEF(c, dc->a->start, dc->a->start, "%.*s.", n, ns->str);
                        if (dc->b) {
                            ts_node(c, dc->b, f);
                        }
                    }
                    return;
                }
                ts_add(c, s->start, d->start, JSP_TS_ERASE, NULL, 0);
                ts_node(c, d, f);
                ts_frame tmp = {0};
                ts_bind(c, &tmp, d);
                for (size_t i = 0; i < tmp.count; i++) {
                    const jsp_node *id = tmp.names[i];
                    TS_REPLACEF(c, s->end, s->end, " %.*s.%.*s = %.*s;", n, ns->str, (int)id->len,
                                id->str, (int)id->len, id->str);
                }
                return;
            }
            if ((d->kind == JSP_N_FUNCTION || d->kind == JSP_N_CLASS) && d->a) {
                ts_add(c, s->start, d->start, JSP_TS_ERASE, NULL, 0);
                ts_node(c, d, f);
                TS_REPLACEF(c, s->end, s->end, " %.*s.%.*s = %.*s;", n, ns->str, (int)d->a->len,
                            d->a->str, (int)d->a->len, d->a->str);
                return;
            }
        }
        if (s->a) {
            ts_node(c, s->a, f);
        }
        return;
    default:
        ts_node(c, s, f);
        return;
    }
}

static void ts_stmts(ts_ctx *c, jsp_node *list, ts_frame *f, const jsp_node *ns) {
    for (jsp_node *s = list; s; s = s->next) {
        ts_stmt(c, s, f, ns, list);
    }
}

static void ts_block(ts_ctx *c, jsp_node *list, ts_frame *outer) {
    if (outer == NULL) {
        ts_stmts(c, list, NULL, NULL);
        return;
    }
    ts_frame frame = {.up = outer};
    ts_bind_lexical(c, &frame, list);
    ts_stmts(c, list, &frame, NULL);
}

static void ts_node(ts_ctx *c, jsp_node *n, ts_frame *f) {
    if (n == NULL || c->failed) {
        return;
    }
    switch (n->kind) {
    case JSP_N_IDENT:
        ts_ref(c, n, f, 0);
        break;
    case JSP_N_PROPERTY:
        if (n->flags & JSP_NF_COMPUTED) {
            ts_node(c, n->a, f);
        }
        if (n->flags & JSP_NF_SHORTHAND) {
            if (n->b->kind == JSP_N_IDENT) {
                ts_ref(c, n->b, f, 1);
            } else {
                ts_pattern(c, n->b, f, 0);
            }
        } else {
            ts_node(c, n->b, f);
        }
        break;
    case JSP_N_MEMBER:
        ts_node(c, n->a, f);
        if (n->flags & JSP_NF_COMPUTED) {
            ts_node(c, n->b, f);
        }
        break;
    case JSP_N_FUNCTION:
        ts_function(c, n, f);
        break;
    case JSP_N_CLASS:
        ts_class(c, n, f);
        break;
    case JSP_N_TEMPLATE:
        ts_list(c, n->b, f);
        break;
    case JSP_N_TAGGED_TEMPLATE:
    case JSP_N_IMPORT_CALL:
        ts_node(c, n->a, f);
        ts_node(c, n->b, f);
        break;
    case JSP_N_ARRAY:
    case JSP_N_OBJECT:
    case JSP_N_SEQUENCE:
        ts_list(c, n->a, f);
        break;
    case JSP_N_CALL:
    case JSP_N_NEW:
        ts_node(c, n->a, f);
        ts_list(c, n->b, f);
        break;
    case JSP_N_UNARY:
    case JSP_N_UPDATE:
    case JSP_N_AWAIT:
    case JSP_N_SPREAD:
    case JSP_N_YIELD:
    case JSP_N_CHAIN:
    case JSP_N_THROW:
    case JSP_N_RETURN:
    case JSP_N_EXPR_STMT:
    case JSP_N_EXPORT_DEFAULT:
        ts_node(c, n->a, f);
        break;
    case JSP_N_BINARY:
    case JSP_N_LOGICAL:
        ts_node(c, n->a, f);
        ts_node(c, n->b, f);
        break;
    case JSP_N_ASSIGN:
        ts_pattern(c, n->a, f, 0);
        ts_node(c, n->b, f);
        break;
    case JSP_N_ASSIGN_PATTERN:
    case JSP_N_OBJECT_PATTERN:
    case JSP_N_ARRAY_PATTERN:
    case JSP_N_REST:
        ts_pattern(c, n, f, 0);
        break;
    case JSP_N_CONDITIONAL:
    case JSP_N_IF:
        ts_node(c, n->a, f);
        ts_node(c, n->b, f);
        ts_node(c, n->c, f);
        break;
    case JSP_N_VAR_DECL:
        for (jsp_node *d = n->a; d; d = d->next) {
            ts_pattern(c, d->a, f, 1);
            ts_node(c, d->b, f);
        }
        break;
    case JSP_N_BLOCK:
        ts_block(c, n->a, f);
        break;
    case JSP_N_FOR:
    case JSP_N_FOR_IN:
    case JSP_N_FOR_OF: {
        ts_frame frame = {.up = f};
        ts_frame *ff = f;
        if (f && n->a && n->a->kind == JSP_N_VAR_DECL && n->a->op != JSP_KW_VAR) {
            ts_bind(c, &frame, n->a);
            ff = &frame;
        }
        if (n->a && n->a->kind != JSP_N_VAR_DECL && n->kind != JSP_N_FOR) {
            ts_pattern(c, n->a, ff, 0);
        } else {
            ts_node(c, n->a, ff);
        }
        ts_node(c, n->b, ff);
        ts_node(c, n->c, ff);
        ts_node(c, n->d, ff);
        break;
    }
    case JSP_N_WHILE:
    case JSP_N_DO_WHILE:
    case JSP_N_WITH:
        ts_node(c, n->a, f);
        ts_node(c, n->d, f);
        break;
    case JSP_N_LABELED:
        ts_node(c, n->b, f);
        break;
    case JSP_N_SWITCH: {
        ts_node(c, n->a, f);
        ts_frame frame = {.up = f};
        ts_frame *ff = f ? &frame : NULL;
        for (jsp_node *k = n->b; f && k; k = k->next) {
            ts_bind_lexical(c, &frame, k->b);
        }
        for (jsp_node *k = n->b; k; k = k->next) {
            ts_node(c, k->a, ff);
            ts_stmts(c, k->b, ff, NULL);
        }
        break;
    }
    case JSP_N_TRY:
        ts_node(c, n->a, f);
        if (n->b) {
            ts_frame frame = {.up = f};
            ts_frame *ff = f ? &frame : NULL;
            if (f && n->b->a) {
                ts_bind(c, &frame, n->b->a);
            }
            ts_pattern(c, n->b->a, ff, 1);
            ts_node(c, n->b->b, ff);
        }
        ts_node(c, n->c, f);
        break;
    case JSP_N_EXPORT_NAMED:
    case JSP_N_TS_ENUM:
    case JSP_N_TS_NAMESPACE:
    case JSP_N_TS_IMPORT_EQUALS:
    case JSP_N_TS_EXPORT_ASSIGN:
        ts_stmt(c, n, f, NULL, NULL);
        break;
    default:
        break;
    }
}

/* ---- output ---- */

/* Room for n more bytes (and a NUL) in the output. */
static int ts_reserve(ts_ctx *c, size_t n) {
    if (c->out_len + n + 1 > c->out_cap) {
        size_t cap = c->out_cap ? c->out_cap : 256;
        while (cap < c->out_len + n + 1) {
            cap *= 2;
        }
        char *b = realloc(c->out, cap);
        if (b == NULL) {
            c->failed = 1;
            return 0;
        }
        c->out = b;
        c->out_cap = cap;
    }
    return 1;
}

static void ts_out(ts_ctx *c, const char *s, size_t n) {
    if (ts_reserve(c, n)) {
        memcpy(c->out + c->out_len, s, n);
        c->out_len += n;
    }
}

static void ts_out_spaces(ts_ctx *c, size_t n) {
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
        ts_out(c, spaces, k);
        n -= k;
    }
}

/* The length of a line terminator at i (0 when none). */
static size_t ts_newline_at(const ts_ctx *c, size_t i) {
    unsigned char ch = (unsigned char)c->src[i];
    if (ch == '\n' || ch == '\r') {
        return 1;
    }
    if (ch == 0xE2 && i + 2 < c->len && (unsigned char)c->src[i + 1] == 0x80 &&
        ((unsigned char)c->src[i + 2] & 0xFE) == 0xA8) {
        return 3;
    }
    return 0;
}

/* UTF-16 units of the UTF-8 lead byte ch (0 for a continuation byte). */
static size_t ts_units(unsigned char ch) {
    if (ch < 0x80) {
        return 1;
    }
    if (ch < 0xC0) {
        return 0;
    }
    return ch >= 0xF0 ? 2 : 1;
}

/* [start, end) as blanks: a space per UTF-16 unit, line terminators kept. The output
 * is never longer than the range (a 4-byte character gives 2 spaces). */
static void ts_blank(ts_ctx *c, size_t start, size_t end) {
    if (!ts_reserve(c, end - start)) {
        return;
    }
    const unsigned char *s = (const unsigned char *)c->src;
    char *o = c->out + c->out_len;
    for (size_t i = start; i < end; i++) {
        unsigned char ch = s[i];
        if (ch == '\n' || ch == '\r') {
            *o++ = (char)ch;
        } else if (ch < 0x80) {
            *o++ = ' ';
        } else if (ch == 0xE2 && i + 2 < end && s[i + 1] == 0x80 && (s[i + 2] & 0xFE) == 0xA8) {
            memcpy(o, s + i, 3); /* U+2028 / U+2029 */
            o += 3;
            i += 2;
        } else if (ch >= 0xC0) {
            *o++ = ' ';
            if (ch >= 0xF0) {
                *o++ = ' ';
            }
        }
    }
    c->out_len = (size_t)(o - c->out);
}

/* After a replacement text of `units` columns: the line terminators of the range it
 * replaced, and spaces up to where the range ended on its last line. */
static void ts_keep_lines(ts_ctx *c, size_t start, size_t end, size_t units) {
    size_t col = 0;
    int lines = 0;
    for (size_t i = start; i < end;) {
        size_t nl = ts_newline_at(c, i);
        if (nl) {
            ts_out(c, c->src + i, nl);
            i += nl;
            col = 0;
            lines = 1;
        } else {
            col += ts_units((unsigned char)c->src[i]);
            i++;
        }
    }
    if (lines) {
        ts_out_spaces(c, col);
    } else if (col > units) {
        ts_out_spaces(c, col - units);
    }
}

/* Could the code after an erased statement continue the statement before it? */
static int ts_needs_semicolon(const ts_ctx *c, size_t i) {
    while (i < c->len) {
        char ch = c->src[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            i++;
        } else if (ch == '/' && i + 1 < c->len && c->src[i + 1] == '/') {
            while (i < c->len && c->src[i] != '\n') {
                i++;
            }
        } else if (ch == '/' && i + 1 < c->len && c->src[i + 1] == '*') {
            i += 2;
            while (i + 1 < c->len && !(c->src[i] == '*' && c->src[i + 1] == '/')) {
                i++;
            }
            i += 2;
        } else {
            return ch == '(' || ch == '[' || ch == '`' || ch == '+' || ch == '-' || ch == '/';
        }
    }
    return 0;
}

static int ts_edit_cmp(const void *a, const void *b) {
    const ts_edit *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    /* at one offset: insertions first, then the widest range (it holds the others) */
    int xi = x->start == x->end, yi = y->start == y->end;
    if (xi != yi) {
        return xi ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end > y->end ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void ts_emit(ts_ctx *c) {
    qsort(c->edits, c->n, sizeof(*c->edits), ts_edit_cmp);
    size_t pos = 0;
    for (size_t k = 0; k < c->n && !c->failed; k++) {
        const ts_edit *e = &c->edits[k];
        if (e->start < pos || e->end > c->len) {
            continue; /* inside a range already replaced */
        }
        ts_out(c, c->src + pos, e->start - pos);
        size_t at = c->out_len;
        switch (e->kind) {
        case JSP_TS_ERASE:
            ts_blank(c, e->start, e->end);
            break;
        case JSP_TS_STMT:
            ts_blank(c, e->start, e->end);
            if (c->out_len > at && c->out[at] == ' ' && ts_needs_semicolon(c, e->end)) {
                c->out[at] = ';';
            }
            break;
        case JSP_TS_ARROW:
            ts_blank(c, e->start, e->end);
            if (c->out_len > at + 1 && c->out[at + 1] == ' ') {
                c->out[at] = '=';
                c->out[at + 1] = '>';
            } else if (c->out_len > at) {
                c->out[at] = ' ';
                size_t tail = c->out_len;
                ts_out(c, "  ", 2);
                if (!c->failed) {
                    memmove(c->out + at + 3, c->out + at + 1, tail - at - 1);
                    c->out[at + 1] = '=';
                    c->out[at + 2] = '>';
                }
            }
            break;
        default:
            ts_out(c, e->text, e->tlen);
            ts_keep_lines(c, e->start, e->end, e->tlen);
            break;
        }
        pos = e->end > pos ? e->end : pos;
    }
    if (pos < c->len) {
        ts_out(c, c->src + pos, c->len - pos);
    }
    ts_out(c, "", 0);
    if (!c->failed) {
        c->out[c->out_len] = '\0';
    }
}

int jsp_ts_strip(const char *src, size_t len, unsigned flags, jsp_ts_result *out) {
    memset(out, 0, sizeof(*out));
    int module = (flags & JSP_TS_MODULE) != 0;
    jsp_ast *ast = jsp_parse(src, len, module ? JSP_GOAL_MODULE : JSP_GOAL_SCRIPT,
                             JSP_PARSE_TS | (module ? 0 : JSP_PARSE_FUNCTION));
    if (ast == NULL) {
        return -ENOMEM;
    }
    if (!ast->ok) {
        out->error = ast->error;
        jsp_ast_free(ast);
        return 1;
    }
    ts_ctx c = {.src = src, .len = len, .arena = &ast->arena};
    c.edits = malloc((ast->ts_nedits + 16) * sizeof(*c.edits));
    c.cap = c.edits ? ast->ts_nedits + 16 : 0;
    c.failed = c.edits == NULL;
    for (size_t i = 0; i < ast->ts_nedits && !c.failed; i++) {
        const jsp_ts_edit *e = &ast->ts_edits[i];
        ts_add(&c, e->start, e->end, e->kind, NULL, 0);
    }
    if (ast->ts_transforms && !c.failed) {
        ts_stmts(&c, ast->program->a, NULL, NULL);
    }
    if (!c.failed && !ts_reserve(&c, len + len / 8)) {
        c.failed = 1;
    }
    if (!c.failed) {
        ts_emit(&c);
    }
    free(c.edits);
    jsp_ast_free(ast);
    if (c.failed || c.out == NULL) {
        free(c.out);
        return -ENOMEM;
    }
    out->code = c.out;
    out->len = c.out_len;
    return 0;
}

void jsp_ts_result_free(jsp_ts_result *r) {
    if (r) {
        free(r->code);
        r->code = NULL;
        r->len = 0;
    }
}
