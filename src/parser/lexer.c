/* lexer.c: the ECMAScript tokenizer (see lexer.h). */
#include "parser/lexer.h"

#include "parser/unicode_id.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const lexer_tok_names[] = {
#define LEXER_TOK_NAME(name, text) text,
    JSP_TOKENS(LEXER_TOK_NAME)
#undef LEXER_TOK_NAME
};

static const char *const lexer_kw_names[] = {
    "",
#define LEXER_KW_NAME(name, text) text,
    JSP_KEYWORDS(LEXER_KW_NAME)
#undef LEXER_KW_NAME
};

const char *jsp_tok_name(jsp_tok_type t) {
    return (unsigned)t < JSP_T__COUNT ? lexer_tok_names[t] : "?";
}

const char *jsp_kw_name(jsp_keyword kw) {
    return (unsigned)kw < JSP_KW__COUNT ? lexer_kw_names[kw] : "?";
}

static int lexer_in_ranges(const uint32_t (*r)[2], size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid][0]) {
            hi = mid;
        } else if (cp > r[mid][1]) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}

int jsp_is_id_start(uint32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
    }
    return lexer_in_ranges(unicode_id_start, sizeof(unicode_id_start) / sizeof(unicode_id_start[0]),
                           cp);
}

int jsp_is_id_continue(uint32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '$' || cp == '_';
    }
    if (cp == 0x200C || cp == 0x200D) {
        return 1;
    }
    return lexer_in_ranges(unicode_id_continue,
                           sizeof(unicode_id_continue) / sizeof(unicode_id_continue[0]), cp);
}

/* Decodes one UTF-8 sequence at s[0..n); invalid bytes decode as U+FFFD of length 1. */
static uint32_t lexer_decode(const unsigned char *s, size_t n, size_t *used) {
    unsigned c = s[0];
    if (c < 0x80) {
        *used = 1;
        return c;
    }
    size_t need;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4, cp = c & 0x07, min = 0x10000;
    } else {
        *used = 1;
        return 0xFFFD;
    }
    if (n < need) {
        *used = 1;
        return 0xFFFD;
    }
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *used = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF) {
        *used = 1;
        return 0xFFFD;
    }
    *used = need;
    return cp;
}

static uint32_t lexer_peek_cp(const jsp_lexer *lx, size_t pos, size_t *used) {
    if (pos >= lx->len) {
        *used = 0;
        return (uint32_t)-1;
    }
    return lexer_decode((const unsigned char *)lx->src + pos, lx->len - pos, used);
}

static int lexer_at(const jsp_lexer *lx, size_t pos) {
    return pos < lx->len ? (unsigned char)lx->src[pos] : -1;
}

/* The offset of the first byte >= 0x80 at or after `from`, or len. */
static size_t lexer_find_high(const jsp_lexer *lx, size_t from) {
    size_t p = from;
    while (p + 8 <= lx->len) {
        uint64_t w;
        memcpy(&w, lx->src + p, 8);
        if (w & 0x8080808080808080ull) {
            break;
        }
        p += 8;
    }
    while (p < lx->len && (unsigned char)lx->src[p] < 0x80) {
        p++;
    }
    return p;
}

/* lexer_column() for a line with non-ASCII bytes before pos: from the column cache. */
static uint32_t lexer_column_slow(jsp_lexer *lx, size_t pos) {
    if (lx->col_pos < lx->line_start || lx->col_pos > pos) {
        lx->col_pos = lx->line_start;
        lx->col_units = 0;
    }
    size_t p = lx->col_pos;
    uint32_t units = lx->col_units;
    while (p < pos) {
        unsigned c = (unsigned char)lx->src[p];
        if (c < 0x80) {
            p++, units++;
        } else {
            size_t used;
            uint32_t cp = lexer_decode((const unsigned char *)lx->src + p, lx->len - p, &used);
            p += used;
            units += cp >= 0x10000 ? 2 : 1;
        }
    }
    lx->col_pos = pos;
    lx->col_units = units;
    return units + 1;
}

/* Counts UTF-16 units from the line start to `pos`. A line that is ASCII up to pos (known
 * from where the non-ASCII bytes are) counts bytes. */
static inline uint32_t lexer_column(jsp_lexer *lx, size_t pos) {
    if (pos > lx->next_high) {
        size_t q = lx->next_high;
        while (q < pos) {
            lx->prev_high = q + 1;
            q = lexer_find_high(lx, q + 1);
        }
        lx->next_high = q;
    }
    if (lx->prev_high <= lx->line_start) {
        return (uint32_t)(pos - lx->line_start) + 1;
    }
    return lexer_column_slow(lx, pos);
}

void jsp_lex_position(const char *src, size_t len, size_t offset, uint32_t *line, uint32_t *col) {
    jsp_lexer lx;
    memset(&lx, 0, sizeof(lx));
    lx.src = src;
    lx.len = len;
    lx.line = 1;
    lx.next_high = lexer_find_high(&lx, 0);
    if (offset > len) {
        offset = len;
    }
    for (size_t p = 0; p < offset;) {
        unsigned c = (unsigned char)src[p];
        if (c == '\n' || (c == '\r' && !(p + 1 < len && src[p + 1] == '\n'))) {
            lx.line++;
            lx.line_start = p + 1;
            p++;
        } else if (c == 0xE2 && p + 2 < len && (unsigned char)src[p + 1] == 0x80 &&
                   ((unsigned char)src[p + 2] == 0xA8 || (unsigned char)src[p + 2] == 0xA9)) {
            lx.line++;
            lx.line_start = p + 3;
            p += 3;
        } else {
            p++;
        }
    }
    *line = lx.line;
    *col = lexer_column(&lx, offset);
}

static jsp_tok_type lexer_error(jsp_lexer *lx, const char *msg, size_t pos) {
    lx->error = msg;
    lx->error_pos = (uint32_t)pos;
    lx->tok.type = JSP_T_ERROR;
    lx->tok.end = (uint32_t)(pos < lx->len ? pos + 1 : lx->len);
    lx->pos = lx->len;
    return JSP_T_ERROR;
}

/* If a line terminator starts at pos, returns its length (CRLF is 2), else 0. */
static size_t lexer_newline_len(const jsp_lexer *lx, size_t pos) {
    int c = lexer_at(lx, pos);
    if (c == '\n') {
        return 1;
    }
    if (c == '\r') {
        return lexer_at(lx, pos + 1) == '\n' ? 2 : 1;
    }
    if (c == 0xE2 && lexer_at(lx, pos + 1) == 0x80 &&
        (lexer_at(lx, pos + 2) == 0xA8 || lexer_at(lx, pos + 2) == 0xA9)) {
        return 3;
    }
    return 0;
}

static void lexer_newline(jsp_lexer *lx, size_t after) {
    lx->line++;
    lx->line_start = after;
}

static int lexer_is_space_cp(uint32_t cp) {
    switch (cp) {
    case 0x09: case 0x0B: case 0x0C: case 0x20: case 0xA0: case 0xFEFF: case 0x1680:
    case 0x202F: case 0x205F: case 0x3000:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

void jsp_lex_init(jsp_lexer *lx, const char *src, size_t len, int module, jsp_arena *arena) {
    memset(lx, 0, sizeof(*lx));
    lx->src = src;
    lx->len = len;
    lx->line = 1;
    lx->module = module;
    lx->arena = arena;
    lx->next_high = lexer_find_high(lx, 0);
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        lx->pos = 3; /* a BOM is whitespace, but columns count from after it as node does */
        lx->line_start = 3;
    }
    if (lx->pos + 1 < len && src[lx->pos] == '#' && src[lx->pos + 1] == '!') {
        while (lx->pos < len && lexer_newline_len(lx, lx->pos) == 0) {
            lx->pos++;
        }
    }
}

/* Skips whitespace and comments; returns 1 when a line terminator was crossed, or
 * -1 on an unterminated comment. */
static int lexer_skip(jsp_lexer *lx) {
    int newline = lx->pos == 0 || lx->tok.type == JSP_T_EOF;
    while (lx->pos < lx->len) {
        unsigned c = (unsigned char)lx->src[lx->pos];
        if (c == ' ' || c == '\t') {
            lx->pos++;
            continue;
        }
        if (c == '\n') {
            lx->pos++;
            lexer_newline(lx, lx->pos);
            newline = 1;
            continue;
        }
        if (c > '/' && c < 0x80 && c != '<') {
            break; /* most tokens: nothing to skip */
        }
        size_t nl = lexer_newline_len(lx, lx->pos);
        if (nl) {
            lx->pos += nl;
            lexer_newline(lx, lx->pos);
            newline = 1;
            continue;
        }
        if (c == '/' && lexer_at(lx, lx->pos + 1) == '/') {
            size_t p = lx->pos + 2;
            const char *src = lx->src;
            for (; p < lx->len; p++) {
                unsigned char d = (unsigned char)src[p];
                if ((d == '\n' || d == '\r' || d == 0xE2) && lexer_newline_len(lx, p)) {
                    break;
                }
            }
            lx->pos = p;
            continue;
        }
        if (c == '/' && lexer_at(lx, lx->pos + 1) == '*') {
            size_t p = lx->pos + 2;
            const char *src = lx->src;
            for (;;) {
                while (p < lx->len && src[p] != '*' && src[p] != '\n' && src[p] != '\r' &&
                       (unsigned char)src[p] != 0xE2) {
                    p++;
                }
                if (p >= lx->len) {
                    lexer_error(lx, "Invalid or unexpected token", lx->pos);
                    return -1;
                }
                if (lx->src[p] == '*' && lexer_at(lx, p + 1) == '/') {
                    p += 2;
                    break;
                }
                size_t l = lexer_newline_len(lx, p);
                if (l) {
                    p += l;
                    lexer_newline(lx, p);
                    newline = 1;
                } else {
                    p++;
                }
            }
            lx->pos = p;
            continue;
        }
        if (lx->module && ((c == '<' && lx->len - lx->pos >= 4 &&
                            memcmp(lx->src + lx->pos, "<!--", 4) == 0) ||
                           (newline && c == '-' && lx->len - lx->pos >= 3 &&
                            memcmp(lx->src + lx->pos, "-->", 3) == 0))) {
            lexer_error(lx, "HTML comments are not allowed in modules", lx->pos);
            return -1;
        }
        if (!lx->module && c == '<' && lx->len - lx->pos >= 4 &&
            memcmp(lx->src + lx->pos, "<!--", 4) == 0) {
            while (lx->pos < lx->len && lexer_newline_len(lx, lx->pos) == 0) {
                lx->pos++;
            }
            continue;
        }
        if (!lx->module && newline && c == '-' && lx->len - lx->pos >= 3 &&
            memcmp(lx->src + lx->pos, "-->", 3) == 0) {
            while (lx->pos < lx->len && lexer_newline_len(lx, lx->pos) == 0) {
                lx->pos++;
            }
            continue;
        }
        if (c >= 0x80 || c == 0x0B || c == 0x0C) {
            size_t used;
            uint32_t cp = lexer_peek_cp(lx, lx->pos, &used);
            if (lexer_is_space_cp(cp)) {
                lx->pos += used;
                continue;
            }
        }
        break;
    }
    return newline;
}

/* A growable byte buffer in the arena, for cooked strings. */
typedef struct lexer_buf {
    char *data;
    size_t len;
    size_t cap;
    jsp_arena *arena;
} lexer_buf;

static void lexer_buf_reserve(lexer_buf *b, size_t extra) {
    if (b->len + extra <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap * 2 : 32;
    while (cap < b->len + extra) {
        cap *= 2;
    }
    char *d = jsp_arena_alloc(b->arena, cap);
    if (d == NULL) {
        return;
    }
    if (b->len) {
        memcpy(d, b->data, b->len);
    }
    b->data = d;
    b->cap = cap;
}

static void lexer_buf_bytes(lexer_buf *b, const char *s, size_t n) {
    if (n == 0) {
        return;
    }
    lexer_buf_reserve(b, n);
    if (b->len + n <= b->cap) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    }
}

/* Appends a code point (or a lone surrogate) as UTF-8 / WTF-8. */
static void lexer_buf_cp(lexer_buf *b, uint32_t cp) {
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6)), s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12)), s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        s[0] = (char)(0xF0 | (cp >> 18)), s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), s[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    lexer_buf_bytes(b, s, n);
}

static int lexer_hex(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Reads \uXXXX or \u{X...} with pos at the 'u'. Returns the code point or -1. */
static int32_t lexer_unicode_escape(const jsp_lexer *lx, size_t *pos) {
    size_t p = *pos + 1;
    uint32_t cp = 0;
    if (lexer_at(lx, p) == '{') {
        p++;
        size_t digits = 0;
        int h;
        while ((h = lexer_hex(lexer_at(lx, p))) >= 0) {
            cp = cp * 16 + (uint32_t)h;
            if (cp > 0x10FFFF) {
                while (lexer_hex(lexer_at(lx, p)) >= 0) {
                    p++;
                }
                return lexer_at(lx, p) == '}' ? -2 : -1;
            }
            p++, digits++;
        }
        if (digits == 0 || lexer_at(lx, p) != '}') {
            return -1;
        }
        *pos = p + 1;
        return (int32_t)cp;
    }
    for (int i = 0; i < 4; i++) {
        int h = lexer_hex(lexer_at(lx, p + (size_t)i));
        if (h < 0) {
            return -1;
        }
        cp = cp * 16 + (uint32_t)h;
    }
    *pos = p + 4;
    return (int32_t)cp;
}

static const unsigned char lexer_kw_lens[] = {
    0,
#define LEXER_KW_LEN(name, text) sizeof(text) - 1,
    JSP_KEYWORDS(LEXER_KW_LEN)
#undef LEXER_KW_LEN
};

/* Keyword candidates by first letter (lowercase ASCII), JSP_KW_NONE-terminated. */
static const unsigned char lexer_kw_by_letter[26][8] = {
    ['a' - 'a'] = {JSP_KW_AWAIT, JSP_KW_AS, JSP_KW_ASYNC, JSP_KW_ARGUMENTS},
    ['b' - 'a'] = {JSP_KW_BREAK},
    ['c' - 'a'] = {JSP_KW_CASE, JSP_KW_CATCH, JSP_KW_CLASS, JSP_KW_CONST, JSP_KW_CONTINUE},
    ['d' - 'a'] = {JSP_KW_DEBUGGER, JSP_KW_DEFAULT, JSP_KW_DELETE, JSP_KW_DO},
    ['e' - 'a'] = {JSP_KW_ELSE, JSP_KW_ENUM, JSP_KW_EXPORT, JSP_KW_EXTENDS, JSP_KW_EVAL},
    ['f' - 'a'] = {JSP_KW_FALSE, JSP_KW_FINALLY, JSP_KW_FOR, JSP_KW_FUNCTION, JSP_KW_FROM},
    ['g' - 'a'] = {JSP_KW_GET},
    ['i' - 'a'] = {JSP_KW_IF, JSP_KW_IMPORT, JSP_KW_IN, JSP_KW_INSTANCEOF, JSP_KW_IMPLEMENTS,
                   JSP_KW_INTERFACE},
    ['l' - 'a'] = {JSP_KW_LET},
    ['m' - 'a'] = {JSP_KW_META},
    ['n' - 'a'] = {JSP_KW_NEW, JSP_KW_NULL},
    ['o' - 'a'] = {JSP_KW_OF},
    ['p' - 'a'] = {JSP_KW_PACKAGE, JSP_KW_PRIVATE, JSP_KW_PROTECTED, JSP_KW_PUBLIC},
    ['r' - 'a'] = {JSP_KW_RETURN},
    ['s' - 'a'] = {JSP_KW_SUPER, JSP_KW_SWITCH, JSP_KW_STATIC, JSP_KW_SET},
    ['t' - 'a'] = {JSP_KW_THIS, JSP_KW_THROW, JSP_KW_TRUE, JSP_KW_TRY, JSP_KW_TYPEOF,
                   JSP_KW_TARGET},
    ['v' - 'a'] = {JSP_KW_VAR, JSP_KW_VOID},
    ['w' - 'a'] = {JSP_KW_WHILE, JSP_KW_WITH},
    ['y' - 'a'] = {JSP_KW_YIELD},
};

static jsp_keyword lexer_keyword(const char *s, size_t n) {
    if (n < 2 || n > 10 || s[0] < 'a' || s[0] > 'z') {
        return JSP_KW_NONE;
    }
    const unsigned char *cand = lexer_kw_by_letter[s[0] - 'a'];
    for (int i = 0; i < 8 && cand[i] != JSP_KW_NONE; i++) {
        int k = cand[i];
        if (lexer_kw_lens[k] == n) {
            const char *w = lexer_kw_names[k];
            size_t j = 1;
            while (j < n && w[j] == s[j]) {
                j++;
            }
            if (j == n) {
                return (jsp_keyword)k;
            }
        }
    }
    return JSP_KW_NONE;
}

/* ASCII bytes that may continue an identifier (IdentifierPart without escapes). */
static const unsigned char lexer_ascii_id[128] = {
    ['$'] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* Scans an IdentifierName at lx->pos into tok.str/len. */
static jsp_tok_type lexer_identifier(jsp_lexer *lx, jsp_tok_type type) {
    size_t start = lx->pos;
    int escaped = 0;
    lexer_buf b = {.arena = lx->arena};
    int first = 1;
    /* the common case: plain ASCII (the caller checked the first character) */
    if ((unsigned char)lx->src[lx->pos] < 0x80 && lx->src[lx->pos] != '\\') {
        size_t p = lx->pos + 1;
        while (p < lx->len && (unsigned char)lx->src[p] < 0x80 &&
               lexer_ascii_id[(unsigned char)lx->src[p]]) {
            p++;
        }
        lx->pos = p;
        first = 0;
        if (p >= lx->len || ((unsigned char)lx->src[p] < 0x80 && lx->src[p] != '\\')) {
            jsp_token *t = &lx->tok;
            t->type = type;
            t->str = lx->src + start;
            t->len = p - start;
            t->kw = type == JSP_T_NAME ? lexer_keyword(t->str, t->len) : JSP_KW_NONE;
            return type;
        }
    }
    while (lx->pos < lx->len) {
        unsigned c = (unsigned char)lx->src[lx->pos];
        uint32_t cp;
        size_t at = lx->pos;
        if (c == '\\') {
            if (lexer_at(lx, lx->pos + 1) != 'u') {
                return lexer_error(lx, "Invalid or unexpected token", lx->pos);
            }
            size_t p = lx->pos + 1;
            int32_t v = lexer_unicode_escape(lx, &p);
            if (v < 0 || !(first ? jsp_is_id_start((uint32_t)v) : jsp_is_id_continue((uint32_t)v))) {
                return lexer_error(lx, "Invalid Unicode escape sequence", lx->pos);
            }
            if (!escaped) {
                escaped = 1;
                lexer_buf_bytes(&b, lx->src + start, at - start);
            }
            lexer_buf_cp(&b, (uint32_t)v);
            lx->pos = p;
        } else {
            size_t used = 1;
            cp = c < 0x80 ? c : lexer_peek_cp(lx, lx->pos, &used);
            if (!(first ? jsp_is_id_start(cp) : jsp_is_id_continue(cp))) {
                break;
            }
            lx->pos += used;
            if (escaped) {
                lexer_buf_bytes(&b, lx->src + at, used);
            }
        }
        first = 0;
    }
    jsp_token *t = &lx->tok;
    t->type = type;
    if (escaped) {
        t->str = b.data;
        t->len = b.len;
        t->flags |= JSP_TF_ESCAPED;
    } else {
        t->str = lx->src + start;
        t->len = lx->pos - start;
    }
    t->kw = type == JSP_T_NAME ? lexer_keyword(t->str, t->len) : JSP_KW_NONE;
    return type;
}

static int lexer_is_digit(int c, int base) {
    if (base == 16) {
        return lexer_hex(c) >= 0;
    }
    return c >= '0' && c < '0' + base;
}

/* Digits with numeric separators; returns the number of digits, or -1 for `__` and -2
 * for a trailing `_`. */
static long lexer_digits(jsp_lexer *lx, int base, int allow_sep) {
    long n = 0;
    int prev_sep = 0;
    while (lx->pos < lx->len) {
        int c = (unsigned char)lx->src[lx->pos];
        if (c == '_' && allow_sep) {
            if (prev_sep || lexer_at(lx, lx->pos + 1) == '_') {
                return -1;
            }
            if (n == 0 || !lexer_is_digit(lexer_at(lx, lx->pos + 1), base)) {
                return -2;
            }
            prev_sep = 1;
            lx->pos++;
            continue;
        }
        if (!lexer_is_digit(c, base)) {
            break;
        }
        prev_sep = 0;
        n++;
        lx->pos++;
    }
    return n;
}

/* Value of the digits in src[start, end) ignoring '_' in base 2/8/16. */
static double lexer_radix_value(const char *s, size_t n, int base) {
    double v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '_') {
            v = v * base + lexer_hex((unsigned char)s[i]);
        }
    }
    return v;
}

static jsp_tok_type lexer_separator_error(jsp_lexer *lx, long code) {
    return lexer_error(lx,
                       code == -1 ? "Only one underscore is allowed as numeric separator"
                                  : "Numeric separators are not allowed at the end of numeric "
                                    "literals",
                       lx->pos + 1);
}

static jsp_tok_type lexer_number(jsp_lexer *lx) {
    size_t start = lx->pos;
    jsp_token *t = &lx->tok;
    int c = lexer_at(lx, lx->pos);
    int next = lexer_at(lx, lx->pos + 1);
    int base = 10;
    int is_int = 1;
    if (c == '0' && (next == 'x' || next == 'X' || next == 'o' || next == 'O' || next == 'b' ||
                     next == 'B')) {
        base = (next == 'x' || next == 'X') ? 16 : (next == 'o' || next == 'O') ? 8 : 2;
        lx->pos += 2;
        long digits = lexer_digits(lx, base, 1);
        if (digits < 0) {
            return lexer_separator_error(lx, digits);
        }
        if (digits == 0) {
            return lexer_error(lx, "Invalid or unexpected token", lx->pos);
        }
        t->num = lexer_radix_value(lx->src + start + 2, lx->pos - start - 2, base);
    } else if (c == '0' && next == '_') {
        return lexer_error(lx, "Numeric separator can not be used after leading 0.", lx->pos + 1);
    } else if (c == '0' && next >= '0' && next <= '9') {
        /* legacy octal (all digits < 8) or a decimal with a leading zero */
        lx->pos++;
        int octal = 1;
        while (lexer_at(lx, lx->pos) >= '0' && lexer_at(lx, lx->pos) <= '9') {
            if (lexer_at(lx, lx->pos) >= '8') {
                octal = 0;
            }
            lx->pos++;
        }
        t->flags |= JSP_TF_LEGACY_OCTAL;
        if (octal) {
            t->num = lexer_radix_value(lx->src + start + 1, lx->pos - start - 1, 8);
        } else {
            if (lexer_at(lx, lx->pos) == '.') {
                lx->pos++;
                while (lexer_at(lx, lx->pos) >= '0' && lexer_at(lx, lx->pos) <= '9') {
                    lx->pos++;
                }
            }
            int e = lexer_at(lx, lx->pos);
            if (e == 'e' || e == 'E') {
                lx->pos++;
                if (lexer_at(lx, lx->pos) == '+' || lexer_at(lx, lx->pos) == '-') {
                    lx->pos++;
                }
                if (lexer_digits(lx, 10, 0) <= 0) {
                    return lexer_error(lx, "Invalid or unexpected token", lx->pos);
                }
            }
            char tmp[64];
            size_t n = lx->pos - start < sizeof(tmp) - 1 ? lx->pos - start : sizeof(tmp) - 1;
            memcpy(tmp, lx->src + start, n);
            tmp[n] = 0;
            t->num = strtod(tmp, NULL);
        }
        is_int = 0; /* no BigInt suffix on these */
    } else {
        long int_digits = 0;
        if (c != '.') {
            int_digits = lexer_digits(lx, 10, 1);
            if (int_digits < 0) {
                return lexer_separator_error(lx, int_digits);
            }
        }
        if (lexer_at(lx, lx->pos) == '.') {
            is_int = 0;
            lx->pos++;
            if (lexer_at(lx, lx->pos) == '_') {
                return lexer_error(lx, "Numeric separators are not allowed here", lx->pos);
            }
            long frac = lexer_digits(lx, 10, 1);
            if (frac < 0) {
                return lexer_separator_error(lx, frac);
            }
        }
        int e = lexer_at(lx, lx->pos);
        if (e == 'e' || e == 'E') {
            is_int = 0;
            lx->pos++;
            if (lexer_at(lx, lx->pos) == '+' || lexer_at(lx, lx->pos) == '-') {
                lx->pos++;
            }
            if (lexer_digits(lx, 10, 1) <= 0) {
                return lexer_error(lx, "Invalid or unexpected token", lx->pos);
            }
        }
        size_t n = lx->pos - start;
        if (is_int && n <= 15) {
            /* digits only (separators aside): exact as an integer below 10^15 */
            double v = 0;
            for (size_t i = 0; i < n; i++) {
                char d = lx->src[start + i];
                if (d != '_') {
                    v = v * 10 + (d - '0');
                }
            }
            t->num = v;
            goto done;
        }
        /* strtod on a copy without separators */
        char small[128];
        char *tmp = n < sizeof(small) ? small : jsp_arena_alloc(lx->arena, n + 1);
        if (tmp == NULL) {
            return lexer_error(lx, "Out of memory", start);
        }
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (lx->src[start + i] != '_') {
                tmp[k++] = lx->src[start + i];
            }
        }
        tmp[k] = 0;
        t->num = strtod(tmp, NULL);
    }
done:
    t->type = JSP_T_NUMBER;
    if (lexer_at(lx, lx->pos) == 'n') {
        if (!is_int) {
            return lexer_error(lx, "Invalid or unexpected token", lx->pos);
        }
        lx->pos++;
        t->type = JSP_T_BIGINT;
    }
    size_t used;
    uint32_t cp = lexer_peek_cp(lx, lx->pos, &used);
    if (cp != (uint32_t)-1 && (jsp_is_id_start(cp) || (cp >= '0' && cp <= '9') || cp == '\\')) {
        return lexer_error(lx, "Invalid or unexpected token", lx->pos);
    }
    t->str = lx->src + start;
    t->len = lx->pos - start;
    return t->type;
}

static void lexer_bad_escape(jsp_lexer *lx, int *bad, const char *msg) {
    if (!*bad) {
        lx->escape_error = msg;
        lx->escape_error_pos = (uint32_t)(lx->pos - 1);
    }
    *bad = 1;
    lx->pos++;
}

/* An escape after '\' at lx->pos (pointing past the backslash). In templates, bad
 * escapes set *bad instead of failing. Returns 0, or -1 with an error. */
static int lexer_escape(jsp_lexer *lx, lexer_buf *b, int in_template, int *bad) {
    size_t nl = lexer_newline_len(lx, lx->pos);
    if (nl) {
        lx->pos += nl;
        lexer_newline(lx, lx->pos);
        return 0; /* line continuation */
    }
    if (lx->pos >= lx->len) {
        return -1;
    }
    int c = (unsigned char)lx->src[lx->pos];
    switch (c) {
    case 'n': lexer_buf_cp(b, '\n'); lx->pos++; return 0;
    case 't': lexer_buf_cp(b, '\t'); lx->pos++; return 0;
    case 'r': lexer_buf_cp(b, '\r'); lx->pos++; return 0;
    case 'b': lexer_buf_cp(b, '\b'); lx->pos++; return 0;
    case 'f': lexer_buf_cp(b, '\f'); lx->pos++; return 0;
    case 'v': lexer_buf_cp(b, '\v'); lx->pos++; return 0;
    case 'x': {
        int h1 = lexer_hex(lexer_at(lx, lx->pos + 1)), h2 = lexer_hex(lexer_at(lx, lx->pos + 2));
        if (h1 < 0 || h2 < 0) {
            if (in_template) {
                lexer_bad_escape(lx, bad, "Invalid hexadecimal escape sequence");
                return 0;
            }
            lexer_error(lx, "Invalid hexadecimal escape sequence", lx->pos - 1);
            return -1;
        }
        lexer_buf_cp(b, (uint32_t)(h1 * 16 + h2));
        lx->pos += 3;
        return 0;
    }
    case 'u': {
        size_t p = lx->pos;
        int32_t v = lexer_unicode_escape(lx, &p);
        const char *msg = v == -2 ? "Undefined Unicode code-point" : "Invalid Unicode escape sequence";
        if (v < 0) {
            if (in_template) {
                lexer_bad_escape(lx, bad, msg);
                return 0;
            }
            lexer_error(lx, msg, lx->pos - 1);
            return -1;
        }
        /* a surrogate pair written as two \u escapes becomes one code point */
        if (v >= 0xD800 && v <= 0xDBFF && lexer_at(lx, p) == '\\' && lexer_at(lx, p + 1) == 'u') {
            size_t q = p + 1;
            int32_t lo = lexer_unicode_escape(lx, &q);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                p = q;
            }
        }
        lexer_buf_cp(b, (uint32_t)v);
        lx->pos = p;
        return 0;
    }
    default:
        break;
    }
    if (c >= '0' && c <= '9') {
        int next = lexer_at(lx, lx->pos + 1);
        if (c == '0' && !(next >= '0' && next <= '9')) {
            lexer_buf_cp(b, 0);
            lx->pos++;
            return 0;
        }
        if (in_template) {
            lexer_bad_escape(lx, bad, c >= '8' ? "\\8 and \\9 are not allowed in template strings."
                                               : "Octal escape sequences are not allowed in "
                                                 "template strings.");
            return 0;
        }
        lx->tok.flags |= JSP_TF_LEGACY_OCTAL;
        if (c >= '8') {
            lexer_buf_cp(b, (uint32_t)c);
            lx->pos++;
            return 0;
        }
        uint32_t v = (uint32_t)(c - '0');
        lx->pos++;
        int max = c <= '3' ? 2 : 1;
        for (int i = 0; i < max && lexer_at(lx, lx->pos) >= '0' && lexer_at(lx, lx->pos) <= '7';
             i++) {
            v = v * 8 + (uint32_t)(lx->src[lx->pos] - '0');
            lx->pos++;
        }
        lexer_buf_cp(b, v);
        return 0;
    }
    /* any other character escapes itself */
    size_t used;
    lexer_peek_cp(lx, lx->pos, &used);
    lexer_buf_bytes(b, lx->src + lx->pos, used);
    lx->pos += used;
    return 0;
}

static jsp_tok_type lexer_string(jsp_lexer *lx) {
    int quote = (unsigned char)lx->src[lx->pos];
    size_t start = ++lx->pos;
    lexer_buf b = {.arena = lx->arena};
    int escaped = 0;
    for (;;) {
        if (lx->pos >= lx->len) {
            return lexer_error(lx, "Invalid or unexpected token", start - 1);
        }
        int c = (unsigned char)lx->src[lx->pos];
        if (c == quote) {
            break;
        }
        if (c == '\n' || c == '\r') {
            return lexer_error(lx, "Invalid or unexpected token", start - 1);
        }
        if (c == '\\') {
            if (!escaped) {
                escaped = 1;
                lexer_buf_bytes(&b, lx->src + start, lx->pos - start);
            }
            lx->pos++;
            if (lexer_escape(lx, &b, 0, NULL) < 0) {
                if (lx->tok.type != JSP_T_ERROR) {
                    return lexer_error(lx, "Invalid or unexpected token", start - 1);
                }
                return JSP_T_ERROR;
            }
            continue;
        }
        if (escaped) {
            lexer_buf_bytes(&b, lx->src + lx->pos, 1);
        }
        lx->pos++;
    }
    jsp_token *t = &lx->tok;
    if (escaped) {
        t->str = b.data ? b.data : "";
        t->len = b.len;
    } else {
        t->str = lx->src + start;
        t->len = lx->pos - start;
    }
    lx->pos++;
    t->type = JSP_T_STRING;
    return JSP_T_STRING;
}

/* Scans template characters from lx->pos up to '`' or '${'. */
static jsp_tok_type lexer_template_part(jsp_lexer *lx, int head) {
    lexer_buf b = {.arena = lx->arena};
    int bad = 0;
    jsp_token *t = &lx->tok;
    size_t open = lx->pos - 1;
    for (;;) {
        if (lx->pos >= lx->len) {
            (void)open;
            return lexer_error(lx, "Unexpected end of input", lx->len);
        }
        int c = (unsigned char)lx->src[lx->pos];
        if (c == '`') {
            lx->pos++;
            t->type = head ? JSP_T_TEMPLATE : JSP_T_TEMPLATE_TAIL;
            break;
        }
        if (c == '$' && lexer_at(lx, lx->pos + 1) == '{') {
            lx->pos += 2;
            t->type = head ? JSP_T_TEMPLATE_HEAD : JSP_T_TEMPLATE_MIDDLE;
            break;
        }
        if (c == '\\') {
            lx->pos++;
            if (lexer_escape(lx, &b, 1, &bad) < 0) {
                return lexer_error(lx, "Unexpected end of input", lx->len);
            }
            continue;
        }
        size_t nl = lexer_newline_len(lx, lx->pos);
        if (nl) {
            /* CR and CRLF are normalized to LF in both cooked and raw values */
            lexer_buf_bytes(&b, c == '\r' ? "\n" : lx->src + lx->pos, c == '\r' ? 1 : nl);
            lx->pos += nl;
            lexer_newline(lx, lx->pos);
            continue;
        }
        lexer_buf_bytes(&b, lx->src + lx->pos, 1);
        lx->pos++;
    }
    if (bad) {
        t->flags |= JSP_TF_BAD_ESCAPE;
        t->str = NULL;
        t->len = 0;
    } else {
        t->str = b.data ? b.data : "";
        t->len = b.len;
    }
    return t->type;
}

static jsp_tok_type lexer_punct(jsp_lexer *lx, jsp_tok_type type, size_t n) {
    lx->pos += n;
    lx->tok.type = type;
    return type;
}

jsp_tok_type jsp_lex_next(jsp_lexer *lx) {
    jsp_token *t = &lx->tok;
    if (t->type == JSP_T_ERROR && lx->error) {
        return JSP_T_ERROR;
    }
    int nl = lexer_skip(lx);
    if (nl < 0) {
        return JSP_T_ERROR;
    }
    t->flags = nl ? JSP_TF_NEWLINE_BEFORE : 0;
    t->kw = JSP_KW_NONE;
    t->str = NULL;
    t->len = 0;
    t->start = (uint32_t)lx->pos;
    t->line = lx->line;
    t->col = lexer_column(lx, lx->pos);
    jsp_tok_type r = JSP_T_EOF;
    if (lx->pos >= lx->len) {
        t->type = JSP_T_EOF;
        t->end = t->start;
        return JSP_T_EOF;
    }
    int c = (unsigned char)lx->src[lx->pos];
    int c1 = lexer_at(lx, lx->pos + 1);
    int c2 = lexer_at(lx, lx->pos + 2);
    int c3 = lexer_at(lx, lx->pos + 3);
    switch (c) {
    case '{': r = lexer_punct(lx, JSP_T_LBRACE, 1); break;
    case '}': r = lexer_punct(lx, JSP_T_RBRACE, 1); break;
    case '(': r = lexer_punct(lx, JSP_T_LPAREN, 1); break;
    case ')': r = lexer_punct(lx, JSP_T_RPAREN, 1); break;
    case '[': r = lexer_punct(lx, JSP_T_LBRACKET, 1); break;
    case ']': r = lexer_punct(lx, JSP_T_RBRACKET, 1); break;
    case ';': r = lexer_punct(lx, JSP_T_SEMI, 1); break;
    case ',': r = lexer_punct(lx, JSP_T_COMMA, 1); break;
    case ':': r = lexer_punct(lx, JSP_T_COLON, 1); break;
    case '~': r = lexer_punct(lx, JSP_T_TILDE, 1); break;
    case '.':
        if (c1 >= '0' && c1 <= '9') {
            r = lexer_number(lx);
        } else if (c1 == '.' && c2 == '.') {
            r = lexer_punct(lx, JSP_T_ELLIPSIS, 3);
        } else {
            r = lexer_punct(lx, JSP_T_DOT, 1);
        }
        break;
    case '<':
        if (c1 == '<') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_SHL_ASSIGN, 3) : lexer_punct(lx, JSP_T_SHL, 2);
        } else {
            r = c1 == '=' ? lexer_punct(lx, JSP_T_LE, 2) : lexer_punct(lx, JSP_T_LT, 1);
        }
        break;
    case '>':
        if (c1 == '>' && c2 == '>') {
            r = c3 == '=' ? lexer_punct(lx, JSP_T_SHR_ASSIGN, 4) : lexer_punct(lx, JSP_T_SHR, 3);
        } else if (c1 == '>') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_SAR_ASSIGN, 3) : lexer_punct(lx, JSP_T_SAR, 2);
        } else {
            r = c1 == '=' ? lexer_punct(lx, JSP_T_GE, 2) : lexer_punct(lx, JSP_T_GT, 1);
        }
        break;
    case '=':
        if (c1 == '>') {
            r = lexer_punct(lx, JSP_T_ARROW, 2);
        } else if (c1 == '=') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_EQ3, 3) : lexer_punct(lx, JSP_T_EQ, 2);
        } else {
            r = lexer_punct(lx, JSP_T_ASSIGN, 1);
        }
        break;
    case '!':
        if (c1 == '=') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_NE3, 3) : lexer_punct(lx, JSP_T_NE, 2);
        } else {
            r = lexer_punct(lx, JSP_T_BANG, 1);
        }
        break;
    case '+':
        r = c1 == '+'   ? lexer_punct(lx, JSP_T_INC, 2)
            : c1 == '=' ? lexer_punct(lx, JSP_T_PLUS_ASSIGN, 2)
                        : lexer_punct(lx, JSP_T_PLUS, 1);
        break;
    case '-':
        r = c1 == '-'   ? lexer_punct(lx, JSP_T_DEC, 2)
            : c1 == '=' ? lexer_punct(lx, JSP_T_MINUS_ASSIGN, 2)
                        : lexer_punct(lx, JSP_T_MINUS, 1);
        break;
    case '*':
        if (c1 == '*') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_STAR2_ASSIGN, 3) : lexer_punct(lx, JSP_T_STAR2, 2);
        } else {
            r = c1 == '=' ? lexer_punct(lx, JSP_T_STAR_ASSIGN, 2) : lexer_punct(lx, JSP_T_STAR, 1);
        }
        break;
    case '/':
        r = c1 == '=' ? lexer_punct(lx, JSP_T_SLASH_ASSIGN, 2) : lexer_punct(lx, JSP_T_SLASH, 1);
        break;
    case '%':
        r = c1 == '=' ? lexer_punct(lx, JSP_T_PERCENT_ASSIGN, 2) : lexer_punct(lx, JSP_T_PERCENT, 1);
        break;
    case '&':
        if (c1 == '&') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_AND_ASSIGN, 3) : lexer_punct(lx, JSP_T_AND, 2);
        } else {
            r = c1 == '=' ? lexer_punct(lx, JSP_T_AMP_ASSIGN, 2) : lexer_punct(lx, JSP_T_AMP, 1);
        }
        break;
    case '|':
        if (c1 == '|') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_OR_ASSIGN, 3) : lexer_punct(lx, JSP_T_OR, 2);
        } else {
            r = c1 == '=' ? lexer_punct(lx, JSP_T_PIPE_ASSIGN, 2) : lexer_punct(lx, JSP_T_PIPE, 1);
        }
        break;
    case '^':
        r = c1 == '=' ? lexer_punct(lx, JSP_T_CARET_ASSIGN, 2) : lexer_punct(lx, JSP_T_CARET, 1);
        break;
    case '?':
        if (c1 == '?') {
            r = c2 == '=' ? lexer_punct(lx, JSP_T_NULLISH_ASSIGN, 3)
                          : lexer_punct(lx, JSP_T_NULLISH, 2);
        } else if (c1 == '.' && !(c2 >= '0' && c2 <= '9')) {
            r = lexer_punct(lx, JSP_T_QDOT, 2);
        } else {
            r = lexer_punct(lx, JSP_T_QUESTION, 1);
        }
        break;
    case '\'':
    case '"':
        r = lexer_string(lx);
        break;
    case '`':
        lx->pos++;
        r = lexer_template_part(lx, 1);
        break;
    case '#': {
        lx->pos++;
        size_t used;
        uint32_t cp = lexer_peek_cp(lx, lx->pos, &used);
        if (cp == (uint32_t)-1 || !(jsp_is_id_start(cp) || cp == '\\')) {
            return lexer_error(lx, "Invalid or unexpected token", t->start);
        }
        r = lexer_identifier(lx, JSP_T_PRIVATE);
        break;
    }
    default:
        if (c >= '0' && c <= '9') {
            r = lexer_number(lx);
        } else if (c < 0x80 && lexer_ascii_id[c]) {
            r = lexer_identifier(lx, JSP_T_NAME);
        } else {
            size_t used;
            uint32_t cp = lexer_peek_cp(lx, lx->pos, &used);
            if (jsp_is_id_start(cp) || c == '\\') {
                r = lexer_identifier(lx, JSP_T_NAME);
            } else {
                return lexer_error(lx, "Invalid or unexpected token", lx->pos);
            }
        }
        break;
    }
    if (r != JSP_T_ERROR) {
        t->end = (uint32_t)lx->pos;
    }
    return r;
}

jsp_tok_type jsp_lex_regexp(jsp_lexer *lx) {
    jsp_token *t = &lx->tok;
    size_t p = t->start + 1;
    int in_class = 0;
    for (;;) {
        if (p >= lx->len || lexer_newline_len(lx, p)) {
            return lexer_error(lx, "Invalid regular expression: missing /", t->start);
        }
        int c = (unsigned char)lx->src[p];
        if (c == '\\') {
            p++;
            if (p >= lx->len || lexer_newline_len(lx, p)) {
                return lexer_error(lx, "Invalid regular expression: missing /", t->start);
            }
            size_t used;
            lexer_peek_cp(lx, p, &used);
            p += used;
            continue;
        }
        if (c == '[') {
            in_class = 1;
        } else if (c == ']') {
            in_class = 0;
        } else if (c == '/' && !in_class) {
            break;
        }
        p++;
    }
    t->str = lx->src + t->start + 1;
    t->len = p - t->start - 1;
    p++;
    size_t flags = p;
    unsigned seen = 0;
    for (;;) {
        size_t used;
        uint32_t cp = lexer_peek_cp(lx, p, &used);
        if (cp == (uint32_t)-1 || !(jsp_is_id_continue(cp) || cp == '\\')) {
            break;
        }
        const char *known = "dgimsuvy";
        const char *k = cp < 0x80 && cp != 0 ? strchr(known, (int)cp) : NULL;
        if (k == NULL || (seen & (1u << (k - known)))) {
            return lexer_error(lx, "Invalid regular expression flags", t->start);
        }
        seen |= 1u << (k - known);
        p += used;
    }
    if ((seen & (1u << 5)) && (seen & (1u << 6))) {
        return lexer_error(lx, "Invalid regular expression flags", t->start);
    }
    t->str2 = lx->src + flags;
    t->len2 = p - flags;
    t->type = JSP_T_REGEXP;
    lx->pos = p;
    t->end = (uint32_t)p;
    return JSP_T_REGEXP;
}

jsp_tok_type jsp_lex_template_continue(jsp_lexer *lx) {
    jsp_token *t = &lx->tok;
    lx->pos = t->start + 1;
    t->flags &= JSP_TF_NEWLINE_BEFORE;
    jsp_tok_type r = lexer_template_part(lx, 0);
    if (r != JSP_T_ERROR) {
        t->end = (uint32_t)lx->pos;
    }
    return r;
}
