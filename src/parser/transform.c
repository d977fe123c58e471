/* transform.c: the ES-module transform of docs/esm.md section 1: one parse, one scan of
 * the references, then one copy of the source through a sorted list of edits. */
#include "parser/transform.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct xf_buf {
    char *p;
    size_t len;
    size_t cap;
    int failed;
} xf_buf;

typedef struct xf_edit {
    uint32_t start; /* the source range [start, end) replaced; start == end inserts */
    uint32_t end;
    uint32_t seq; /* keeps insertions at one offset in the order they were made */
    size_t text;  /* offset of the replacement in xf.texts */
    size_t text_len;
} xf_edit;

typedef struct xf {
    const char *src;
    size_t len;
    jsp_ast *ast;
    jsp_transform_result *out;
    const char *prefix;
    size_t prefix_len;
    int cjs;
    xf_edit *edits;
    size_t edit_count;
    size_t edit_cap;
    xf_buf texts;
    xf_buf getters; /* `name: () => local, ...` for __cairn_m.l() */
    xf_buf fixed;   /* `name: local, ...`: functions never assigned (their values) */
    xf_buf consts;  /* `name: local, ...`: consts, handed over after the body */
    int export_kind; /* XF_EXPORT_* of the declaration being exported */
    int scan;        /* xf_never_assigned(): 0 not yet, 1 may scan, -1 never */
    size_t scan_budget; /* bytes it may still scan (a few times the source) */
    size_t request_cap, import_cap, export_cap, indirect_cap, star_cap;
    int hoisted_default; /* `export default function () {}` */
    int failed;
} xf;

/* ---- buffers ---- */

static int xf_reserve(xf_buf *b, size_t n) {
    if (b->failed) {
        return 0;
    }
    if (b->len + n + 1 <= b->cap) {
        return 1;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) {
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (p == NULL) {
        b->failed = 1;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

static void xf_put(xf_buf *b, const char *s, size_t n) {
    if (n != 0 && xf_reserve(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

static void xf_puts(xf_buf *b, const char *s) {
    xf_put(b, s, strlen(s));
}

static void xf_putc(xf_buf *b, char c) {
    if (xf_reserve(b, 1)) {
        b->p[b->len++] = c;
    }
}

static void xf_spaces(xf_buf *b, size_t n) {
    if (n != 0 && xf_reserve(b, n)) {
        memset(b->p + b->len, ' ', n);
        b->len += n;
    }
}

static void xf_put_num(xf_buf *b, size_t n) {
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n != 0);
    xf_put(b, tmp + i, sizeof(tmp) - i);
}

/* A JS string literal; line terminators and quotes are escaped. */
static void xf_put_quoted(xf_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    xf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            xf_putc(b, '\\');
            xf_putc(b, (char)c);
        } else if (c < 0x20 || c == 0x7f) {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            xf_put(b, esc, 6);
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            xf_puts(b, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 2;
        } else {
            xf_putc(b, (char)c);
        }
    }
    xf_putc(b, '"');
}

static int xf_is_plain_name(const char *s, size_t n) {
    if (n == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '$')) {
            return 0;
        }
    }
    return 1;
}

/* A property key: bare when it is a plain ASCII name, else a string literal. */
static void xf_put_key(xf_buf *b, const char *s, size_t n) {
    if (n == 9 && memcmp(s, "__proto__", 9) == 0) {
        xf_puts(b, "[\"__proto__\"]"); /* a plain `__proto__:` would set the prototype */
    } else if (xf_is_plain_name(s, n)) {
        xf_put(b, s, n);
    } else {
        xf_put_quoted(b, s, n);
    }
}

static void xf_put_prefixed(xf *x, xf_buf *b, const char *name) {
    xf_put(b, x->prefix, x->prefix_len);
    xf_puts(b, name);
}

/* ---- source text ---- */

/* The length of the line terminator at s[i] (LF, CR, CRLF, LS, PS), or 0. */
static size_t xf_newline_len(const char *s, size_t i, size_t end) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') {
        return 1;
    }
    if (c == '\r') {
        return i + 1 < end && s[i + 1] == '\n' ? 2 : 1;
    }
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
        return 3;
    }
    return 0;
}

/* The width of UTF-8 text in UTF-16 code units (the unit of columns). */
static size_t xf_width(const char *s, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        w += c < 0x80 || (c >= 0xC0 && c < 0xF0) ? 1 : c >= 0xF0 ? 2 : 0;
    }
    return w;
}

/* Source text replaced by spaces, one per UTF-16 unit; line terminators are kept. */
static void xf_blank(xf_buf *out, const char *s, size_t start, size_t end) {
    size_t i = start;
    while (i < end) {
        size_t nl = xf_newline_len(s, i, end);
        if (nl) {
            xf_put(out, s + i, nl);
            i += nl;
            continue;
        }
        size_t run = i;
        while (run < end && xf_newline_len(s, run, end) == 0) {
            run++;
        }
        xf_spaces(out, xf_width(s + i, run - i));
        i = run;
    }
}

/* Writes text in place of s[start, end): the line terminators of the range follow the
 * text, and the text after the range keeps its column when the text is shorter. */
static void xf_replace(xf_buf *out, const char *s, size_t start, size_t end, const char *text,
                       size_t text_len) {
    xf_put(out, text, text_len);
    size_t last = start; /* just past the last line terminator */
    int lines = 0;
    for (size_t i = start; i < end;) {
        size_t nl = xf_newline_len(s, i, end);
        if (nl) {
            lines = 1;
            i += nl;
            last = i;
        } else {
            i++;
        }
    }
    if (!lines) {
        size_t w = xf_width(s + start, end - start), tw = xf_width(text, text_len);
        xf_spaces(out, w > tw ? w - tw : 0);
        return;
    }
    for (size_t i = start; i < last;) {
        size_t nl = xf_newline_len(s, i, end);
        if (nl) {
            xf_put(out, s + i, nl);
            i += nl;
        } else {
            i++;
        }
    }
    xf_blank(out, s, last, end);
}

/* Skips whitespace and comments from i; returns the next offset. */
static size_t xf_skip_trivia(const char *s, size_t i, size_t end) {
    while (i < end) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
        } else if (c == '/' && i + 1 < end && s[i + 1] == '/') {
            while (i < end && xf_newline_len(s, i, end) == 0) {
                i++;
            }
        } else if (c == '/' && i + 1 < end && s[i + 1] == '*') {
            i += 2;
            while (i + 1 < end && !(s[i] == '*' && s[i + 1] == '/')) {
                i++;
            }
            i = i + 2 < end ? i + 2 : end;
        } else if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0) {
            i += 2;
        } else if (c >= 0xE1 && c <= 0xEF && i + 2 < end) {
            unsigned cp = ((c & 0x0Fu) << 12) | (((unsigned char)s[i + 1] & 0x3Fu) << 6) |
                          ((unsigned char)s[i + 2] & 0x3Fu);
            if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
                cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF) {
                i += 3;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    return i;
}

/* The end of the ASCII keyword at i (keywords have no escapes: the parser rejects them). */
static size_t xf_word_end(const char *s, size_t i, size_t end) {
    while (i < end && s[i] >= 'a' && s[i] <= 'z') {
        i++;
    }
    return i;
}

/* ---- edits ---- */

/* Starts an edit's text: write it into x->texts, then call xf_edit_end(). */
static size_t xf_edit_begin(xf *x) {
    return x->texts.len;
}

static void xf_edit_end(xf *x, size_t mark, uint32_t start, uint32_t end) {
    if (x->edit_count == x->edit_cap) {
        size_t cap = x->edit_cap ? x->edit_cap * 2 : 64;
        xf_edit *e = realloc(x->edits, cap * sizeof(*e));
        if (e == NULL) {
            x->failed = 1;
            return;
        }
        x->edits = e;
        x->edit_cap = cap;
    }
    xf_edit *e = &x->edits[x->edit_count];
    e->start = start;
    e->end = end;
    e->seq = (uint32_t)x->edit_count;
    e->text = mark;
    e->text_len = x->texts.len - mark;
    x->edit_count++;
}

static void xf_edit_str(xf *x, uint32_t start, uint32_t end, const char *text) {
    size_t mark = xf_edit_begin(x);
    xf_puts(&x->texts, text);
    xf_edit_end(x, mark, start, end);
}

/* A statement that disappears: `;` (an empty statement keeps ASI as it was) and blanks. */
static void xf_remove(xf *x, uint32_t start, uint32_t end) {
    xf_edit_str(x, start, end, ";");
}

static int xf_edit_cmp(const void *pa, const void *pb) {
    const xf_edit *a = pa, *b = pb;
    if (a->start != b->start) {
        return a->start < b->start ? -1 : 1;
    }
    /* an insertion at an offset ends what precedes it: `class {}}.default;foo` */
    int ai = a->start == a->end, bi = b->start == b->end;
    if (ai != bi) {
        return ai ? -1 : 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- result lists ---- */

static void *xf_grow(xf *x, void *arr, size_t count, size_t *cap, size_t size) {
    if (count < *cap) {
        return arr;
    }
    size_t n = *cap ? *cap * 2 : 8;
    void *p = realloc(arr, n * size);
    if (p == NULL) {
        x->failed = 1;
        return NULL;
    }
    *cap = n;
    return p;
}

static jsp_slice xf_slice(const jsp_node *n) {
    jsp_slice s = {n->str ? n->str : "", n->len};
    return s;
}

static jsp_slice xf_lit(const char *s) {
    jsp_slice r = {s, strlen(s)};
    return r;
}

static int xf_slice_eq(jsp_slice a, jsp_slice b) {
    return a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0);
}

static int xf_slice_cmp(jsp_slice a, jsp_slice b) {
    size_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.s, b.s, n) : 0;
    return c ? c : (a.len < b.len ? -1 : a.len > b.len);
}

/* The index of the (specifier, attributes) request, added when new. */
static size_t xf_request(xf *x, const jsp_node *spec, const jsp_node *attrs) {
    jsp_transform_result *out = x->out;
    size_t count = 0;
    for (const jsp_node *a = attrs; a; a = a->next) {
        count++;
    }
    jsp_attribute *list = NULL;
    if (count) {
        list = jsp_arena_alloc(&x->ast->arena, count * sizeof(*list));
        if (list == NULL) {
            x->failed = 1;
            return 0;
        }
        size_t n = 0;
        for (const jsp_node *a = attrs; a; a = a->next) {
            jsp_attribute at = {xf_slice(a->a), xf_slice(a->b)};
            size_t i = n++;
            while (i > 0 && xf_slice_cmp(list[i - 1].key, at.key) > 0) {
                list[i] = list[i - 1];
                i--;
            }
            list[i] = at;
        }
    }
    jsp_slice name = xf_slice(spec);
    for (size_t r = 0; r < out->request_count; r++) {
        const jsp_request *q = &out->requests[r];
        if (!xf_slice_eq(q->specifier, name) || q->attribute_count != count) {
            continue;
        }
        size_t i = 0;
        while (i < count && xf_slice_eq(q->attributes[i].key, list[i].key) &&
               xf_slice_eq(q->attributes[i].value, list[i].value)) {
            i++;
        }
        if (i == count) {
            return r;
        }
    }
    jsp_request *reqs =
        xf_grow(x, out->requests, out->request_count, &x->request_cap, sizeof(*reqs));
    if (reqs == NULL) {
        return 0;
    }
    out->requests = reqs;
    reqs[out->request_count].specifier = name;
    reqs[out->request_count].attributes = list;
    reqs[out->request_count].attribute_count = count;
    return out->request_count++;
}

static void xf_add_import(xf *x, size_t request, jsp_slice name) {
    jsp_transform_result *out = x->out;
    jsp_import_entry *e = xf_grow(x, out->imports, out->import_count, &x->import_cap, sizeof(*e));
    if (e != NULL) {
        out->imports = e;
        e[out->import_count].request = request;
        e[out->import_count].name = name;
        out->import_count++;
    }
}

static void xf_add_indirect(xf *x, jsp_slice name, size_t request, jsp_slice import_name) {
    jsp_transform_result *out = x->out;
    jsp_indirect_entry *e =
        xf_grow(x, out->indirect, out->indirect_count, &x->indirect_cap, sizeof(*e));
    if (e != NULL) {
        out->indirect = e;
        e[out->indirect_count].name = name;
        e[out->indirect_count].request = request;
        e[out->indirect_count].import_name = import_name;
        out->indirect_count++;
    }
}

/* How a local export reaches importers (docs/esm.md 1.1): a getter; a getter and, once
 * the body has run, its value (a const); only its value (a function never assigned). */
enum { XF_EXPORT_GETTER, XF_EXPORT_CONST, XF_EXPORT_FIXED };

static void xf_put_entry(xf_buf *b, jsp_slice name, const char *sep, const char *local,
                         size_t local_len) {
    if (b->len) {
        xf_puts(b, ", ");
    }
    xf_put_key(b, name.s, name.len);
    xf_puts(b, sep);
    xf_put(b, local, local_len);
}

/* A local export: its name goes to `exports`, its getter reads `local` (a JS expression). */
static void xf_add_export(xf *x, jsp_slice name, const char *local, size_t local_len,
                          int kind) {
    jsp_transform_result *out = x->out;
    jsp_slice *e = xf_grow(x, out->exports, out->export_count, &x->export_cap, sizeof(*e));
    if (e == NULL) {
        return;
    }
    out->exports = e;
    e[out->export_count++] = name;
    if (kind == XF_EXPORT_FIXED) {
        xf_put_entry(&x->fixed, name, ": ", local, local_len);
        return;
    }
    xf_put_entry(&x->getters, name, ": () => ", local, local_len);
    if (kind == XF_EXPORT_CONST) {
        xf_put_entry(&x->consts, name, ": ", local, local_len);
    }
}

static void xf_export_bound(const jsp_node *id, void *ud) {
    xf *x = ud;
    xf_add_export(x, xf_slice(id), id->str, id->len, x->export_kind);
}

static int xf_ident_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$';
}

/* Whether offset `at` lies in an import or export declaration without expressions
 * (`import ... from`, `export { ... }`, `export * from`): no name there is written.
 * Offsets come in increasing order; *cursor is the first statement not before them. */
static int xf_in_module_item(const jsp_node **cursor, size_t at) {
    const jsp_node *s = *cursor;
    while (s != NULL && s->end <= at) {
        s = s->next;
    }
    *cursor = s;
    return s != NULL && at >= s->start &&
           (s->kind == JSP_N_IMPORT || s->kind == JSP_N_EXPORT_ALL ||
            (s->kind == JSP_N_EXPORT_NAMED && s->a == NULL));
}

/* Whether the function declaration `name` can never be assigned, judged from the text:
 * every occurrence of the name (in code, strings or comments alike) outside import and
 * export lists is followed by `(` or `.`, which no assignment target is. Escaped
 * identifiers and eval() could write it unseen: a source that contains `\u` or `eval`
 * keeps the getter. */
static int xf_never_assigned(xf *x, const char *name, size_t len) {
    const char *src = x->src;
    size_t n = x->len;
    if (x->scan == 0) {
        int blocked = memmem(src, n, "\\u", 2) != NULL || memmem(src, n, "eval", 4) != NULL;
        x->scan = blocked ? -1 : 1;
        x->scan_budget = 4 * n + 65536;
    }
    if (x->scan < 0 || len == 0 || x->scan_budget < n) {
        return 0;
    }
    x->scan_budget -= n;
    const jsp_node *cursor = x->ast->program->a;
    for (const char *p = src; (p = memmem(p, n - (size_t)(p - src), name, len)) != NULL;
         p++) {
        size_t at = (size_t)(p - src);
        if ((at > 0 && xf_ident_byte((unsigned char)src[at - 1])) ||
            (at + len < n && xf_ident_byte((unsigned char)src[at + len])) ||
            xf_in_module_item(&cursor, at)) {
            continue; /* part of a longer name, or a name in an import or export list */
        }
        size_t i = at + len;
        while (i < n && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r')) {
            i++;
        }
        if (i >= n || (src[i] != '(' && src[i] != '.')) {
            return 0;
        }
    }
    return 1;
}

/* The XF_EXPORT_* kind of the names an exported declaration binds. */
static int xf_export_kind(xf *x, const jsp_node *decl) {
    if (decl->kind == JSP_N_VAR_DECL && decl->op == JSP_KW_CONST) {
        return XF_EXPORT_CONST;
    }
    if (decl->kind == JSP_N_FUNCTION && decl->a != NULL &&
        xf_never_assigned(x, decl->a->str, decl->a->len)) {
        return XF_EXPORT_FIXED;
    }
    return XF_EXPORT_GETTER;
}

/* The export name an import specifier asks for. */
static jsp_slice xf_import_name(const jsp_node *sp) {
    if (sp->kind == JSP_N_IMPORT_DEFAULT) {
        return xf_lit("default");
    }
    if (sp->kind == JSP_N_IMPORT_NAMESPACE) {
        return xf_lit("*");
    }
    return xf_slice(sp->a);
}

static size_t xf_req_of(const jsp_node *n) {
    return n->num > 0 ? (size_t)n->num : 0;
}

/* ---- references ---- */

/* The expression that reads the import bound by specifier sp. `ns.name` only read reads
 * the binding object as the namespace would (docs/esm.md 1.3). */
static void xf_put_import_ref(xf *x, xf_buf *b, const jsp_node *sp, unsigned kind) {
    size_t req = xf_req_of(sp);
    if (sp->kind == JSP_N_IMPORT_NAMESPACE && (kind & JSP_REF_MEMBER_READ)) {
        xf_put_prefixed(x, b, "i");
        xf_put_num(b, req);
        return;
    }
    if (sp->kind == JSP_N_IMPORT_NAMESPACE) {
        xf_put_prefixed(x, b, "m.ns");
        xf_put_num(b, req);
        return;
    }
    xf_put_prefixed(x, b, "i");
    xf_put_num(b, req);
    if (sp->kind == JSP_N_IMPORT_DEFAULT) {
        xf_puts(b, ".default");
    } else if (sp->a->kind == JSP_N_IDENT) {
        xf_putc(b, '.');
        xf_put(b, sp->a->str, sp->a->len);
    } else {
        xf_putc(b, '[');
        xf_put_quoted(b, sp->a->str, sp->a->len);
        xf_putc(b, ']');
    }
}

static void xf_on_ref(void *ud, jsp_node *n, unsigned kind) {
    xf *x = ud;
    xf_buf *b = &x->texts;
    if (n->end > x->len || n->start > n->end) {
        return;
    }
    size_t mark = xf_edit_begin(x);
    if (kind & (JSP_REF_IMPORT | JSP_REF_ARGUMENTS)) {
        if (kind & JSP_REF_SHORTHAND) {
            if (n->len == 9 && memcmp(n->str, "__proto__", 9) == 0) {
                xf_puts(b, "[\"__proto__\"]"); /* `{ __proto__ }` defines a property */
            } else {
                xf_put(b, x->src + n->start, n->end - n->start);
            }
            xf_puts(b, ": ");
        } else if (kind & JSP_REF_CALLEE) {
            xf_puts(b, "(0, ");
        }
        if (kind & JSP_REF_IMPORT) {
            xf_put_import_ref(x, b, n->d, kind);
        } else {
            xf_put_prefixed(x, b, "m.arguments");
        }
        if (!(kind & JSP_REF_SHORTHAND) && (kind & JSP_REF_CALLEE)) {
            xf_putc(b, ')');
        }
        xf_edit_end(x, mark, n->start, n->end);
    } else if (kind & JSP_REF_IMPORT_META) {
        x->out->meta = 1;
        xf_put_prefixed(x, b, "m.meta");
        xf_edit_end(x, mark, n->start, n->end);
    } else if (kind & JSP_REF_IMPORT_CALL) {
        if (n->start + 6 > x->len || memcmp(x->src + n->start, "import", 6) != 0) {
            return;
        }
        xf_put_prefixed(x, b, x->cjs ? "import" : "m.import");
        xf_edit_end(x, mark, n->start, n->start + 6);
    }
}

/* ---- statements ---- */

/* Requests and imports, in source order; each statement's request index goes to its
 * `num` (and each import specifier's, for xf_put_import_ref()). */
static void xf_collect_requests(xf *x) {
    for (jsp_node *s = x->ast->program->a; s; s = s->next) {
        if (s->kind == JSP_N_IMPORT) {
            size_t req = xf_request(x, s->b, s->c);
            s->num = (double)req;
            for (jsp_node *sp = s->a; sp; sp = sp->next) {
                sp->num = (double)req;
                xf_add_import(x, req, xf_import_name(sp));
            }
        } else if ((s->kind == JSP_N_EXPORT_NAMED && s->c) || s->kind == JSP_N_EXPORT_ALL) {
            s->num = (double)xf_request(x, s->c, s->d);
        }
    }
}

static void xf_export_default(xf *x, jsp_node *s) {
    jsp_node *d = s->a;
    /* the end of `export default` (its trivia stays) */
    size_t kw_last = xf_word_end(x->src, s->start, s->end);
    kw_last = xf_word_end(x->src, xf_skip_trivia(x->src, kw_last, s->end), s->end);
    if (kw_last > d->start) {
        kw_last = d->start;
    }
    int decl = (d->kind == JSP_N_FUNCTION || d->kind == JSP_N_CLASS) && (d->flags & JSP_NF_DECL);
    jsp_slice name = xf_lit("default");
    if (decl && d->a != NULL) {
        /* `export default function f() {}` / `class C {}`: the declaration stays */
        xf_remove(x, s->start, (uint32_t)kw_last);
        xf_add_export(x, name, d->a->str, d->a->len, XF_EXPORT_GETTER);
        return;
    }
    size_t local_mark = x->texts.len;
    xf_put_prefixed(x, &x->texts, "default");
    size_t local_len = x->texts.len - local_mark;
    char local[64];
    if (local_len >= sizeof(local) || x->texts.failed) {
        x->failed = 1;
        return;
    }
    memcpy(local, x->texts.p + local_mark, local_len);
    x->texts.len = local_mark;
    if (decl && d->kind == JSP_N_FUNCTION) {
        /* `export default function () {}` stays hoisted as `function __cairn_default() {}` */
        xf_remove(x, s->start, (uint32_t)kw_last);
        size_t at = d->start;
        if (d->flags & JSP_NF_ASYNC) {
            at = xf_skip_trivia(x->src, xf_word_end(x->src, at, d->end), d->end);
        }
        at = xf_word_end(x->src, at, d->end); /* past `function` */
        if (d->flags & JSP_NF_GENERATOR) {
            at = xf_skip_trivia(x->src, at, d->end);
            if (at < d->end && x->src[at] == '*') {
                at++;
            }
        }
        size_t mark = xf_edit_begin(x);
        xf_putc(&x->texts, ' ');
        xf_put(&x->texts, local, local_len);
        xf_edit_end(x, mark, (uint32_t)at, (uint32_t)at);
        x->hoisted_default = 1;
        xf_add_export(x, name, local, local_len, XF_EXPORT_GETTER);
        return;
    }
    int anonymous = (d->kind == JSP_N_FUNCTION || d->kind == JSP_N_CLASS) && d->a == NULL;
    size_t mark = xf_edit_begin(x);
    xf_puts(&x->texts, "const ");
    xf_put(&x->texts, local, local_len);
    xf_puts(&x->texts, anonymous ? " = {default:" : " =");
    xf_edit_end(x, mark, s->start, (uint32_t)kw_last);
    if (anonymous) {
        /* the property definition names the function or class "default" */
        if (decl) {
            xf_edit_str(x, s->end, s->end, "}.default;");
        } else {
            uint32_t at = s->end;
            if (at > d->end && x->src[at - 1] == ';') {
                at--;
            }
            xf_edit_str(x, at, at, "}.default");
        }
    }
    xf_add_export(x, name, local, local_len, XF_EXPORT_CONST);
}

static void xf_statements(xf *x) {
    for (jsp_node *s = x->ast->program->a; s; s = s->next) {
        switch (s->kind) {
        case JSP_N_IMPORT:
            xf_remove(x, s->start, s->end);
            break;
        case JSP_N_EXPORT_ALL:
            if (s->a) {
                xf_add_indirect(x, xf_slice(s->a), xf_req_of(s), xf_lit("*"));
            } else {
                jsp_transform_result *out = x->out;
                size_t *st = xf_grow(x, out->stars, out->star_count, &x->star_cap, sizeof(*st));
                if (st != NULL) {
                    out->stars = st;
                    st[out->star_count++] = xf_req_of(s);
                }
            }
            xf_remove(x, s->start, s->end);
            break;
        case JSP_N_EXPORT_NAMED:
            if (s->a) {
                /* `export` before a declaration: only the keyword goes */
                xf_remove(x, s->start, s->a->start);
                x->export_kind = xf_export_kind(x, s->a);
                jsp_for_each_bound_name(s->a, xf_export_bound, x);
                break;
            }
            for (const jsp_node *sp = s->b; sp; sp = sp->next) {
                if (s->c) {
                    xf_add_indirect(x, xf_slice(sp->b), xf_req_of(s), xf_slice(sp->a));
                } else if (sp->a->flags & JSP_NF_IMPORT_REF) {
                    const jsp_node *im = sp->a->d;
                    xf_add_indirect(x, xf_slice(sp->b), xf_req_of(im), xf_import_name(im));
                } else {
                    xf_add_export(x, xf_slice(sp->b), sp->a->str, sp->a->len,
                                  XF_EXPORT_GETTER);
                }
            }
            xf_remove(x, s->start, s->end);
            break;
        case JSP_N_EXPORT_DEFAULT:
            xf_export_default(x, s);
            break;
        default:
            break;
        }
    }
}

/* ---- output ---- */

static void xf_choose_prefix(xf *x, const char *src, size_t len) {
    jsp_transform_result *out = x->out;
    memcpy(out->prefix, "__cairn_", 9);
    if (memmem(src, len, "__cairn_", 8) != NULL) {
        for (unsigned n = 1;; n++) {
            char p[24];
            size_t i = sizeof(p);
            p[--i] = '\0';
            p[--i] = '_';
            unsigned v = n;
            do {
                p[--i] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            i -= 7;
            memcpy(p + i, "__cairn", 7);
            if (memmem(src, len, p + i, strlen(p + i)) == NULL) {
                memcpy(out->prefix, p + i, strlen(p + i) + 1);
                break;
            }
        }
    }
    x->prefix = out->prefix;
    x->prefix_len = strlen(out->prefix);
}

static void xf_emit(xf *x, xf_buf *out, size_t pos) {
    if (x->edit_count > 1) {
        qsort(x->edits, x->edit_count, sizeof(*x->edits), xf_edit_cmp);
    }
    for (size_t i = 0; i < x->edit_count; i++) {
        const xf_edit *e = &x->edits[i];
        if (e->start < pos || e->end > x->len) {
            continue; /* overlapping edits cannot happen; never write them twice */
        }
        xf_put(out, x->src + pos, e->start - pos);
        const char *text = x->texts.p + e->text;
        if (e->start == e->end) {
            xf_put(out, text, e->text_len);
        } else {
            xf_replace(out, x->src, e->start, e->end, text, e->text_len);
        }
        pos = e->end;
    }
    xf_put(out, x->src + pos, x->len - pos);
}

static void xf_prologue(xf *x, xf_buf *out) {
    jsp_transform_result *r = x->out;
    xf_puts(out, r->async ? "(async function* (" : "(function* (");
    xf_put_prefixed(x, out, "m");
    for (size_t i = 0; i < r->request_count; i++) {
        xf_puts(out, ", ");
        xf_put_prefixed(x, out, "i");
        xf_put_num(out, i);
    }
    xf_puts(out, ") {\"use strict\";");
    xf_put_prefixed(x, out, "m.l({");
    xf_put(out, x->getters.p, x->getters.len);
    xf_putc(out, '}');
    if (x->hoisted_default) {
        xf_puts(out, ", ");
        xf_put_prefixed(x, out, "default");
    } else if (x->fixed.len) {
        xf_puts(out, ", void 0");
    }
    if (x->fixed.len) {
        xf_puts(out, ", {");
        xf_put(out, x->fixed.p, x->fixed.len);
        xf_putc(out, '}');
    }
    xf_puts(out, ");yield;");
}

/* The last line, after the body: the consts' values, then the end of the function. */
static void xf_epilogue(xf *x, xf_buf *out) {
    /* a CR at the end would pair with a LF into one line terminator */
    xf_putc(out, x->len != 0 && x->src[x->len - 1] == '\r' ? '\r' : '\n');
    if (x->consts.len != 0) {
        xf_putc(out, ';');
        xf_put_prefixed(x, out, "m.c({");
        xf_put(out, x->consts.p, x->consts.len);
        xf_puts(out, "})");
    }
    xf_puts(out, "})");
}

int jsp_esm_transform(const char *src, size_t len, unsigned flags, jsp_transform_result *out) {
    memset(out, 0, sizeof(*out));
    xf x = {.src = src, .len = len, .out = out, .cjs = (flags & JSP_TRANSFORM_CJS) != 0};
    xf_choose_prefix(&x, src, len);
    jsp_ast *ast = x.cjs ? jsp_parse(src, len, JSP_GOAL_SCRIPT, JSP_PARSE_FUNCTION)
                         : jsp_parse(src, len, JSP_GOAL_MODULE, 0);
    if (ast == NULL) {
        return JSP_TRANSFORM_NOMEM;
    }
    out->ast = ast;
    x.ast = ast;
    if (!ast->ok) {
        out->error = ast->error;
        return ast->arena.failed ? JSP_TRANSFORM_NOMEM : JSP_TRANSFORM_SYNTAX;
    }
    xf_buf code = {0};
    if (x.cjs) {
        jsp_scan_module(ast, JSP_REF_IMPORT_CALL, xf_on_ref, &x);
        xf_emit(&x, &code, 0);
    } else {
        out->async = (ast->program->flags & JSP_NF_HAS_AWAIT) != 0;
        xf_collect_requests(&x);
        jsp_scan_module(ast, JSP_REF_IMPORT | JSP_REF_ARGUMENTS | JSP_REF_IMPORT_META |
                                 JSP_REF_IMPORT_CALL,
                        xf_on_ref, &x);
        xf_statements(&x);
        size_t pos = 0;
        if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
            pos = 3; /* the BOM goes; columns count from after it */
        }
        if (pos + 1 < len && src[pos] == '#' && src[pos + 1] == '!') {
            xf_edit_str(&x, (uint32_t)pos, (uint32_t)pos + 2, "//");
        }
        if (!xf_reserve(&code, len + len / 8 + x.texts.len + x.getters.len + x.fixed.len +
                                   x.consts.len + 256)) {
            x.failed = 1;
        }
        xf_prologue(&x, &code);
        xf_emit(&x, &code, pos);
        xf_epilogue(&x, &code);
    }
    int failed = x.failed || code.failed || x.texts.failed || x.getters.failed ||
                 x.fixed.failed || x.consts.failed || ast->arena.failed;
    free(x.edits);
    free(x.texts.p);
    free(x.getters.p);
    free(x.fixed.p);
    free(x.consts.p);
    if (failed || !xf_reserve(&code, 1)) {
        free(code.p);
        return JSP_TRANSFORM_NOMEM;
    }
    code.p[code.len] = '\0';
    out->code = code.p;
    out->code_len = code.len;
    return 0;
}

void jsp_transform_free(jsp_transform_result *out) {
    if (out == NULL) {
        return;
    }
    free(out->code);
    free(out->requests);
    free(out->imports);
    free(out->exports);
    free(out->indirect);
    free(out->stars);
    jsp_ast_free(out->ast);
    memset(out, 0, sizeof(*out));
}
