/* regexp.c: the early errors of regular expression literals (ECMAScript 2025 patterns,
 * with Annex B's extended grammar when neither the u nor the v flag is set). */
#include "parser/lexer.h"

#include <string.h>

#define RX_MAX_DEPTH 1000

/* A capture group name, with the alternatives that lead to it: the same name may be
 * used twice only in different alternatives of one disjunction. */
typedef struct rx_name {
    const char *s; /* the name as written (escapes included) */
    size_t len;
    const uint32_t *path; /* (disjunction id, alternative) pairs, outermost first */
    size_t npath;
    struct rx_name *next;
} rx_name;

typedef struct rx {
    const char *s;
    size_t n;
    size_t i;
    int u;     /* u or v flag: the strict grammar */
    int v;     /* v flag: class set expressions */
    int named; /* the pattern has a group name: \k must name a group */
    uint32_t ngroups;
    uint32_t pending_low; /* the low surrogate of an astral class atom (non-unicode mode) */
    const char *err;
    size_t err_at;
    int depth;
    jsp_arena *arena;
    uint32_t disj_ids;
    uint32_t *path; /* in the arena; grows */
    size_t npath, cap_path;
    rx_name *names;
    rx_name *refs; /* \k<name> references, checked at the end */
} rx;

enum { RX_CHAR, RX_CLASS, RX_CLASS_STRINGS };

typedef struct rx_atom {
    int kind;       /* RX_CHAR: one character; RX_CLASS: a set; RX_CLASS_STRINGS: may hold strings */
    uint32_t value; /* RX_CHAR */
} rx_atom;

static int rx_fail(rx *r, const char *msg) {
    if (r->err == NULL) {
        r->err = msg;
        r->err_at = r->i;
    }
    return -1;
}

static int rx_peek(const rx *r, size_t k) {
    return r->i + k < r->n ? (unsigned char)r->s[r->i + k] : -1;
}

static int rx_eat(rx *r, int c) {
    if (rx_peek(r, 0) == c) {
        r->i++;
        return 1;
    }
    return 0;
}

/* Decodes the source character at r->i (UTF-8) and steps over it. */
static uint32_t rx_source_char(rx *r) {
    const unsigned char *s = (const unsigned char *)r->s + r->i;
    size_t left = r->n - r->i;
    uint32_t c = s[0];
    size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (need > left) {
        need = 1;
    }
    if (need > 1) {
        c &= 0xFFu >> (need + 1);
        for (size_t k = 1; k < need; k++) {
            c = (c << 6) | (s[k] & 0x3F);
        }
    }
    r->i += need;
    return c;
}

static int rx_is_word(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int rx_is_digit(int c) {
    return c >= '0' && c <= '9';
}

static int rx_hex(int c) {
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

static int rx_is_syntax_char(int c) {
    return c >= 0 && c < 0x80 && strchr("^$\\.*+?()[]{}|", c) != NULL && c != 0;
}

/* Reads the hex digits of \uXXXX (r->i after the 'u'); returns the unit or -1. */
static int32_t rx_hex4(rx *r) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = rx_hex(rx_peek(r, k));
        if (h < 0) {
            return -1;
        }
        v = v * 16 + (uint32_t)h;
    }
    r->i += 4;
    return (int32_t)v;
}

/* RegExpUnicodeEscapeSequence after "\u". In unicode mode (or in group names) braces
 * and surrogate pairs are allowed. Returns the code point, or -1 when malformed. */
static int32_t rx_unicode_escape(rx *r, int unicode) {
    if (unicode && rx_peek(r, 0) == '{') {
        size_t save = r->i++;
        uint32_t v = 0;
        size_t digits = 0;
        int h;
        while ((h = rx_hex(rx_peek(r, 0))) >= 0) {
            v = v * 16 + (uint32_t)h;
            if (v > 0x10FFFF) {
                r->i = save;
                return -1;
            }
            r->i++, digits++;
        }
        if (digits == 0 || !rx_eat(r, '}')) {
            r->i = save;
            return -1;
        }
        return (int32_t)v;
    }
    int32_t v = rx_hex4(r);
    if (v < 0) {
        return -1;
    }
    if (unicode && v >= 0xD800 && v <= 0xDBFF && rx_peek(r, 0) == '\\' && rx_peek(r, 1) == 'u') {
        size_t save = r->i;
        r->i += 2;
        int32_t lo = rx_hex4(r);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        }
        r->i = save;
    }
    return v;
}

/* ---- Unicode property names (\p{...}) ---- */

static const char *const rx_binary_props[] = {
    "ASCII", "ASCII_Hex_Digit", "AHex", "Alphabetic", "Alpha", "Any", "Assigned",
    "Bidi_Control", "Bidi_C", "Bidi_Mirrored", "Bidi_M", "Case_Ignorable", "CI", "Cased",
    "Changes_When_Casefolded", "CWCF", "Changes_When_Casemapped", "CWCM",
    "Changes_When_Lowercased", "CWL", "Changes_When_NFKC_Casefolded", "CWKCF",
    "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU", "Dash",
    "Default_Ignorable_Code_Point", "DI", "Deprecated", "Dep", "Diacritic", "Dia", "Emoji",
    "Emoji_Component", "EComp", "Emoji_Modifier", "EMod", "Emoji_Modifier_Base", "EBase",
    "Emoji_Presentation", "EPres", "Extended_Pictographic", "ExtPict", "Extender", "Ext",
    "Grapheme_Base", "Gr_Base", "Grapheme_Extend", "Gr_Ext", "Hex_Digit", "Hex",
    "IDS_Binary_Operator", "IDSB", "IDS_Trinary_Operator", "IDST", "ID_Continue", "IDC",
    "ID_Start", "IDS", "Ideographic", "Ideo", "Join_Control", "Join_C",
    "Logical_Order_Exception", "LOE", "Lowercase", "Lower", "Math", "Noncharacter_Code_Point",
    "NChar", "Pattern_Syntax", "Pat_Syn", "Pattern_White_Space", "Pat_WS", "Quotation_Mark",
    "QMark", "Radical", "Regional_Indicator", "RI", "Sentence_Terminal", "STerm",
    "Soft_Dotted", "SD", "Terminal_Punctuation", "Term", "Unified_Ideograph", "UIdeo",
    "Uppercase", "Upper", "Variation_Selector", "VS", "White_Space", "space", "XID_Continue",
    "XIDC", "XID_Start", "XIDS", NULL};

static const char *const rx_general_categories[] = {
    "Cased_Letter", "LC", "Close_Punctuation", "Pe", "Connector_Punctuation", "Pc", "Control",
    "Cc", "cntrl", "Currency_Symbol", "Sc", "Dash_Punctuation", "Pd", "Decimal_Number", "Nd",
    "digit", "Enclosing_Mark", "Me", "Final_Punctuation", "Pf", "Format", "Cf",
    "Initial_Punctuation", "Pi", "Letter", "L", "Letter_Number", "Nl", "Line_Separator", "Zl",
    "Lowercase_Letter", "Ll", "Mark", "M", "Combining_Mark", "Math_Symbol", "Sm",
    "Modifier_Letter", "Lm", "Modifier_Symbol", "Sk", "Nonspacing_Mark", "Mn", "Number", "N",
    "Open_Punctuation", "Ps", "Other", "C", "Other_Letter", "Lo", "Other_Number", "No",
    "Other_Punctuation", "Po", "Other_Symbol", "So", "Paragraph_Separator", "Zp", "Private_Use",
    "Co", "Punctuation", "P", "punct", "Separator", "Z", "Space_Separator", "Zs",
    "Spacing_Mark", "Mc", "Surrogate", "Cs", "Symbol", "S", "Titlecase_Letter", "Lt",
    "Unassigned", "Cn", "Uppercase_Letter", "Lu", NULL};

static const char *const rx_string_props[] = {
    "Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence",
    "RGI_Emoji_Flag_Sequence", "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence", "RGI_Emoji",
    NULL};

static int rx_in_list(const char *const *list, const char *s, size_t n) {
    for (; *list; list++) {
        if (strlen(*list) == n && memcmp(*list, s, n) == 0) {
            return 1;
        }
    }
    return 0;
}

static int rx_name_is(const char *s, size_t n, const char *lit) {
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* `{Name}` or `{Name=Value}` after \p or \P. Script values are not checked against
 * Unicode's list (it grows with every Unicode version). Returns RX_CLASS, or
 * RX_CLASS_STRINGS for a property of strings, or -1. */
static int rx_property(rx *r, int negated) {
    if (!rx_eat(r, '{')) {
        return rx_fail(r, "Invalid property name");
    }
    size_t name = r->i, name_len, value = 0, value_len = 0;
    while (rx_peek(r, 0) >= 0 && rx_is_word(rx_peek(r, 0))) {
        r->i++;
    }
    name_len = r->i - name;
    if (rx_eat(r, '=')) {
        value = r->i;
        while (rx_peek(r, 0) >= 0 && rx_is_word(rx_peek(r, 0))) {
            r->i++;
        }
        value_len = r->i - value;
        if (value_len == 0) {
            return rx_fail(r, "Invalid property name");
        }
    }
    if (name_len == 0 || !rx_eat(r, '}')) {
        return rx_fail(r, "Invalid property name");
    }
    const char *nm = r->s + name, *val = r->s + value;
    if (value_len) {
        if (rx_name_is(nm, name_len, "General_Category") || rx_name_is(nm, name_len, "gc")) {
            if (rx_in_list(rx_general_categories, val, value_len)) {
                return RX_CLASS;
            }
        } else if (rx_name_is(nm, name_len, "Script") || rx_name_is(nm, name_len, "sc") ||
                   rx_name_is(nm, name_len, "Script_Extensions") ||
                   rx_name_is(nm, name_len, "scx")) {
            return RX_CLASS;
        }
        return rx_fail(r, "Invalid property name");
    }
    if (rx_in_list(rx_binary_props, nm, name_len) ||
        rx_in_list(rx_general_categories, nm, name_len)) {
        return RX_CLASS;
    }
    if (r->v && !negated && rx_in_list(rx_string_props, nm, name_len)) {
        return RX_CLASS_STRINGS;
    }
    return rx_fail(r, "Invalid property name");
}

/* ---- escapes ---- */

/* A CharacterEscape or class escape after '\' (r->i at the escaped character), inside
 * a class when in_class. Fills *a. Returns 0, or -1 with an error. */
static int rx_escape(rx *r, rx_atom *a, int in_class) {
    if (r->i >= r->n) {
        return rx_fail(r, "\\ at end of pattern");
    }
    int c = rx_peek(r, 0);
    a->kind = RX_CHAR;
    switch (c) {
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        r->i++;
        a->kind = RX_CLASS;
        return 0;
    case 'p': case 'P':
        r->i++;
        if (!r->u) {
            a->value = (uint32_t)c;
            return 0;
        }
        a->kind = rx_property(r, c == 'P');
        return a->kind < 0 ? -1 : 0;
    case 'f': a->value = '\f'; r->i++; return 0;
    case 'n': a->value = '\n'; r->i++; return 0;
    case 'r': a->value = '\r'; r->i++; return 0;
    case 't': a->value = '\t'; r->i++; return 0;
    case 'v': a->value = '\v'; r->i++; return 0;
    case 'b':
        /* only reached inside a class: a backspace */
        a->value = '\b';
        r->i++;
        return 0;
    case 'c': {
        int l = rx_peek(r, 1);
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) {
            a->value = (uint32_t)(l % 32);
            r->i += 2;
            return 0;
        }
        if (!r->u && in_class && (rx_is_digit(l) || l == '_')) {
            a->value = (uint32_t)(l % 32); /* Annex B ClassControlLetter */
            r->i += 2;
            return 0;
        }
        if (r->u) {
            return rx_fail(r, "Invalid unicode escape");
        }
        a->value = '\\'; /* Annex B: the backslash stands for itself */
        return 0;
    }
    case 'x': {
        int h1 = rx_hex(rx_peek(r, 1)), h2 = rx_hex(rx_peek(r, 2));
        if (h1 >= 0 && h2 >= 0) {
            a->value = (uint32_t)(h1 * 16 + h2);
            r->i += 3;
            return 0;
        }
        if (r->u) {
            return rx_fail(r, "Invalid escape");
        }
        a->value = 'x';
        r->i++;
        return 0;
    }
    case 'u': {
        r->i++;
        int32_t v = rx_unicode_escape(r, r->u);
        if (v < 0) {
            if (r->u) {
                return rx_fail(r, "Invalid Unicode escape");
            }
            a->value = 'u';
            return 0;
        }
        a->value = (uint32_t)v;
        return 0;
    }
    case '0':
        if (!rx_is_digit(rx_peek(r, 1))) {
            a->value = 0;
            r->i++;
            return 0;
        }
        if (r->u) {
            return rx_fail(r, in_class ? "Invalid class escape" : "Invalid decimal escape");
        }
        break; /* a legacy octal escape */
    case '-':
        if (r->u && !in_class) {
            return rx_fail(r, "Invalid escape");
        }
        a->value = '-';
        r->i++;
        return 0;
    default:
        break;
    }
    if (rx_is_digit(c)) {
        if (r->u) {
            /* reached only in a class: outside, decimal escapes are backreferences */
            return rx_fail(r, "Invalid class escape");
        }
        /* Annex B: a legacy octal escape, or \8 and \9 for themselves */
        if (c >= '8') {
            a->value = (uint32_t)c;
            r->i++;
            return 0;
        }
        uint32_t v = (uint32_t)(c - '0');
        r->i++;
        int max = c <= '3' ? 2 : 1;
        for (int k = 0; k < max && rx_peek(r, 0) >= '0' && rx_peek(r, 0) <= '7'; k++) {
            v = v * 8 + (uint32_t)(rx_peek(r, 0) - '0');
            r->i++;
        }
        a->value = v;
        return 0;
    }
    if (r->u) {
        if (rx_is_syntax_char(c) || c == '/') {
            a->value = (uint32_t)c;
            r->i++;
            return 0;
        }
        return rx_fail(r, "Invalid escape");
    }
    if (c == 'k' && r->named) {
        return rx_fail(r, "Invalid named reference");
    }
    a->value = rx_source_char(r); /* IdentityEscape */
    return 0;
}

/* ---- group names ---- */

/* RegExpIdentifierName after '<', up to and including '>'. */
static int rx_group_name(rx *r, const char **name, size_t *len) {
    size_t start = r->i;
    int first = 1;
    for (;;) {
        if (r->i >= r->n) {
            return rx_fail(r, "Invalid capture group name");
        }
        uint32_t cp;
        if (rx_peek(r, 0) == '>') {
            if (first) {
                return rx_fail(r, "Invalid capture group name");
            }
            *name = r->s + start;
            *len = r->i - start;
            r->i++;
            return 0;
        }
        if (rx_peek(r, 0) == '\\') {
            if (rx_peek(r, 1) != 'u') {
                return rx_fail(r, "Invalid capture group name");
            }
            r->i += 2;
            int32_t v = rx_unicode_escape(r, 1);
            if (v < 0) {
                return rx_fail(r, "Invalid Unicode escape sequence");
            }
            cp = (uint32_t)v;
        } else {
            cp = rx_source_char(r);
        }
        int ok = first ? (jsp_is_id_start(cp) || cp == '$' || cp == '_')
                       : (jsp_is_id_continue(cp) || cp == '$' || cp == 0x200C || cp == 0x200D);
        if (!ok) {
            return rx_fail(r, "Invalid capture group name");
        }
        first = 0;
    }
}

/* Compares two group names as written; escapes make equal names look different, so
 * names with a backslash are compared by their code points. */
static int rx_name_eq(const char *a, size_t alen, const char *b, size_t blen) {
    if (memchr(a, '\\', alen) == NULL && memchr(b, '\\', blen) == NULL) {
        return alen == blen && memcmp(a, b, alen) == 0;
    }
    rx ra = {.s = a, .n = alen, .u = 1}, rb = {.s = b, .n = blen, .u = 1};
    while (ra.i < ra.n && rb.i < rb.n) {
        uint32_t ca, cb;
        if (ra.s[ra.i] == '\\') {
            ra.i += 2;
            ca = (uint32_t)rx_unicode_escape(&ra, 1);
        } else {
            ca = rx_source_char(&ra);
        }
        if (rb.s[rb.i] == '\\') {
            rb.i += 2;
            cb = (uint32_t)rx_unicode_escape(&rb, 1);
        } else {
            cb = rx_source_char(&rb);
        }
        if (ca != cb) {
            return 0;
        }
    }
    return ra.i == ra.n && rb.i == rb.n;
}

static int rx_declare_name(rx *r, const char *s, size_t len, size_t at) {
    for (rx_name *o = r->names; o; o = o->next) {
        if (!rx_name_eq(o->s, o->len, s, len)) {
            continue;
        }
        /* allowed when some disjunction holds the two in different alternatives */
        int apart = 0;
        for (size_t k = 0; k + 1 < o->npath && k + 1 < r->npath && !apart; k += 2) {
            if (o->path[k] != r->path[k]) {
                break;
            }
            apart = o->path[k + 1] != r->path[k + 1];
        }
        if (!apart) {
            r->i = at;
            return rx_fail(r, "Duplicate capture group name");
        }
    }
    rx_name *nm = jsp_arena_alloc(r->arena, sizeof(*nm));
    uint32_t *path = jsp_arena_alloc(r->arena, r->npath * sizeof(uint32_t) + 1);
    if (nm == NULL || path == NULL) {
        return rx_fail(r, "Out of memory");
    }
    memcpy(path, r->path, r->npath * sizeof(uint32_t));
    nm->s = s;
    nm->len = len;
    nm->path = path;
    nm->npath = r->npath;
    nm->next = r->names;
    r->names = nm;
    return 0;
}

/* ---- character classes ---- */

/* A ClassAtom of a u-less or u-mode class (r->i at it). */
static int rx_class_atom(rx *r, rx_atom *a) {
    if (r->pending_low) {
        a->kind = RX_CHAR;
        a->value = r->pending_low;
        r->pending_low = 0;
        return 0;
    }
    if (rx_eat(r, '\\')) {
        return rx_escape(r, a, 1);
    }
    a->kind = RX_CHAR;
    a->value = rx_source_char(r);
    if (!r->u && a->value >= 0x10000) {
        /* without u, an astral character is two atoms: its surrogates */
        uint32_t v = a->value - 0x10000;
        a->value = 0xD800 + (v >> 10);
        r->pending_low = 0xDC00 + (v & 0x3FF);
    }
    return 0;
}

/* ClassContents of a u-less or u-mode class, after `[` or `[^`, through `]`. */
static int rx_class_ranges(rx *r) {
    for (;;) {
        if (r->pending_low == 0 && rx_eat(r, ']')) {
            return 0;
        }
        if (r->i >= r->n && r->pending_low == 0) {
            return rx_fail(r, "Unterminated character class");
        }
        rx_atom a, b;
        if (rx_class_atom(r, &a) < 0) {
            return -1;
        }
        if (r->pending_low == 0 && rx_peek(r, 0) == '-' && rx_peek(r, 1) != ']' &&
            rx_peek(r, 1) >= 0) {
            r->i++;
            if (rx_class_atom(r, &b) < 0) {
                return -1;
            }
            if (a.kind != RX_CHAR || b.kind != RX_CHAR) {
                if (r->u) {
                    return rx_fail(r, "Invalid character class");
                }
            } else if (a.value > b.value) {
                return rx_fail(r, "Range out of order in character class");
            }
        }
    }
}

static int rx_is_reserved_double(int c) {
    return c > 0 && strchr("&!#$%*+,.:;<=>?@^`~", c) != NULL;
}

/* A ClassSetCharacter (v mode), r->i at it. Returns 0, or -1. */
static int rx_set_char(rx *r, uint32_t *value) {
    int c = rx_peek(r, 0);
    if (c < 0) {
        return rx_fail(r, "Unterminated character class");
    }
    if (c == '\\') {
        r->i++;
        int e = rx_peek(r, 0);
        if (e > 0 && strchr("&-!#%,:;<=>@`~", e)) {
            r->i++;
            *value = (uint32_t)e;
            return 0;
        }
        rx_atom a;
        if (rx_escape(r, &a, 1) < 0) {
            return -1;
        }
        if (a.kind != RX_CHAR) {
            return rx_fail(r, "Invalid set operation in character class");
        }
        *value = a.value;
        return 0;
    }
    if (strchr("()[]{}/-|", c) || (rx_is_reserved_double(c) && rx_peek(r, 1) == c)) {
        return rx_fail(r, "Invalid set operation in character class");
    }
    *value = rx_source_char(r);
    return 0;
}

static int rx_class_set(rx *r, int negated);

/* A ClassSetOperand (v mode). Returns RX_CHAR (with *value), RX_CLASS,
 * RX_CLASS_STRINGS, or -1. */
static int rx_set_operand(rx *r, uint32_t *value) {
    int c = rx_peek(r, 0);
    if (c == '[') {
        r->i++;
        int negated = rx_eat(r, '^');
        return rx_class_set(r, negated);
    }
    if (c == '\\') {
        int e = rx_peek(r, 1);
        if (e > 0 && strchr("dDsSwWpP", e)) {
            r->i++;
            rx_atom a;
            if (rx_escape(r, &a, 1) < 0) {
                return -1;
            }
            return a.kind;
        }
        if (e == 'q') {
            r->i += 2;
            if (!rx_eat(r, '{')) {
                return rx_fail(r, "Invalid escape");
            }
            int strings = 0;
            size_t chars = 0;
            for (;;) {
                if (rx_eat(r, '}')) {
                    break;
                }
                if (rx_eat(r, '|')) {
                    strings |= chars != 1;
                    chars = 0;
                    continue;
                }
                uint32_t v;
                if (rx_set_char(r, &v) < 0) {
                    return -1;
                }
                chars++;
            }
            strings |= chars != 1;
            return strings ? RX_CLASS_STRINGS : RX_CLASS;
        }
    }
    if (rx_set_char(r, value) < 0) {
        return -1;
    }
    return RX_CHAR;
}

/* ClassContents in v mode, after `[` or `[^`, through `]`. Returns RX_CLASS or
 * RX_CLASS_STRINGS, or -1. */
static int rx_class_set(rx *r, int negated) {
    if (++r->depth > RX_MAX_DEPTH) {
        return rx_fail(r, "Regular expression too large");
    }
    int strings = 0;
    if (rx_eat(r, ']')) {
        r->depth--;
        return RX_CLASS;
    }
    uint32_t v1 = 0, v2 = 0;
    int k = rx_set_operand(r, &v1);
    if (k < 0) {
        return -1;
    }
    if (rx_peek(r, 0) == '&' && rx_peek(r, 1) == '&') {
        strings = k == RX_CLASS_STRINGS;
        while (rx_peek(r, 0) == '&' && rx_peek(r, 1) == '&') {
            r->i += 2;
            if (rx_peek(r, 0) == '&') {
                return rx_fail(r, "Invalid set operation in character class");
            }
            int k2 = rx_set_operand(r, &v2);
            if (k2 < 0) {
                return -1;
            }
            strings &= k2 == RX_CLASS_STRINGS;
        }
    } else if (rx_peek(r, 0) == '-' && rx_peek(r, 1) == '-') {
        strings = k == RX_CLASS_STRINGS;
        while (rx_peek(r, 0) == '-' && rx_peek(r, 1) == '-') {
            r->i += 2;
            if (rx_set_operand(r, &v2) < 0) {
                return -1;
            }
        }
    } else {
        for (;;) {
            if (k == RX_CHAR && rx_peek(r, 0) == '-' && rx_peek(r, 1) != '-') {
                r->i++;
                if (rx_set_char(r, &v2) < 0) {
                    return -1;
                }
                if (v1 > v2) {
                    return rx_fail(r, "Range out of order in character class");
                }
            }
            strings |= k == RX_CLASS_STRINGS;
            if (rx_peek(r, 0) == ']' || rx_peek(r, 0) < 0) {
                break;
            }
            if ((rx_peek(r, 0) == '&' && rx_peek(r, 1) == '&') ||
                (rx_peek(r, 0) == '-' && rx_peek(r, 1) == '-')) {
                return rx_fail(r, "Invalid set operation in character class");
            }
            k = rx_set_operand(r, &v1);
            if (k < 0) {
                return -1;
            }
        }
    }
    if (!rx_eat(r, ']')) {
        return rx_fail(r, "Unterminated character class");
    }
    if (negated && strings) {
        return rx_fail(r, "Negated character class may contain strings");
    }
    r->depth--;
    return strings ? RX_CLASS_STRINGS : RX_CLASS;
}

/* ---- disjunctions, terms and quantifiers ---- */

/* Reads {n}, {n,} or {n,m} at r->i. Returns 1 (stepped over), 0 (no quantifier here:
 * r->i unchanged) or -1 (numbers out of order). */
static int rx_braced_quantifier(rx *r) {
    size_t save = r->i;
    if (!rx_eat(r, '{') || !rx_is_digit(rx_peek(r, 0))) {
        r->i = save;
        return 0;
    }
    double lo = 0, hi;
    while (rx_is_digit(rx_peek(r, 0))) {
        lo = lo * 10 + (rx_peek(r, 0) - '0');
        r->i++;
    }
    hi = lo;
    if (rx_eat(r, ',')) {
        if (rx_is_digit(rx_peek(r, 0))) {
            hi = 0;
            while (rx_is_digit(rx_peek(r, 0))) {
                hi = hi * 10 + (rx_peek(r, 0) - '0');
                r->i++;
            }
        } else {
            hi = -1; /* no upper bound */
        }
    }
    if (!rx_eat(r, '}')) {
        r->i = save;
        return 0;
    }
    if (hi >= 0 && lo > hi) {
        return rx_fail(r, "numbers out of order in {} quantifier");
    }
    return 1;
}

/* A quantifier after a term, if any. Returns 1 (one was read), 0 or -1. */
static int rx_quantifier(rx *r) {
    int c = rx_peek(r, 0);
    if (c == '*' || c == '+' || c == '?') {
        r->i++;
    } else {
        int q = rx_braced_quantifier(r);
        if (q <= 0) {
            return q;
        }
    }
    rx_eat(r, '?');
    return 1;
}

static int rx_disjunction(rx *r);

/* (?ims-ims: ... ) modifiers, r->i after "(?". Returns 1 when they were modifiers. */
static int rx_modifiers(rx *r) {
    size_t save = r->i;
    unsigned seen = 0;
    int adds = 0, removes = 0, dash = 0;
    for (;;) {
        int c = rx_peek(r, 0);
        unsigned bit = c == 'i' ? 1 : c == 'm' ? 2 : c == 's' ? 4 : 0;
        if (bit) {
            if (seen & bit) {
                return rx_fail(r, "Repeated flag in regular expression modifiers");
            }
            seen |= bit;
            dash ? removes++ : adds++;
            r->i++;
        } else if (c == '-' && !dash) {
            dash = 1;
            r->i++;
        } else if (c == ':') {
            if (dash && adds == 0 && removes == 0) {
                return rx_fail(r, "Invalid regular expression modifiers");
            }
            r->i++;
            return 1;
        } else {
            if (r->i != save) {
                return rx_fail(r, "Invalid regular expression modifiers");
            }
            return 0;
        }
    }
}

/* One Term (an assertion, or an atom with an optional quantifier). */
static int rx_term(rx *r) {
    int c = rx_peek(r, 0);
    size_t at = r->i;
    int quantifiable = 1;
    switch (c) {
    case '^':
    case '$':
        r->i++;
        quantifiable = 0;
        break;
    case '\\': {
        int e = rx_peek(r, 1);
        if (e == 'b' || e == 'B') {
            r->i += 2;
            quantifiable = 0;
            break;
        }
        if (e == 'k' && (r->u || r->named)) {
            r->i += 2;
            if (!rx_eat(r, '<')) {
                return rx_fail(r, "Invalid named reference");
            }
            const char *name;
            size_t len;
            if (rx_group_name(r, &name, &len) < 0) {
                return -1;
            }
            rx_name *ref = jsp_arena_alloc(r->arena, sizeof(*ref));
            if (ref == NULL) {
                return rx_fail(r, "Out of memory");
            }
            ref->s = name;
            ref->len = len;
            ref->next = r->refs;
            r->refs = ref;
            break;
        }
        if (rx_is_digit(e) && e != '0') {
            /* a backreference; without u, too large a number is a legacy escape */
            size_t save = r->i;
            r->i++;
            double num = 0;
            while (rx_is_digit(rx_peek(r, 0))) {
                num = num * 10 + (rx_peek(r, 0) - '0');
                r->i++;
            }
            if (num <= r->ngroups) {
                break;
            }
            if (r->u) {
                r->i = save;
                return rx_fail(r, "Invalid escape");
            }
            r->i = save;
        }
        r->i++;
        rx_atom a;
        if (rx_escape(r, &a, 0) < 0) {
            return -1;
        }
        break;
    }
    case '.':
        r->i++;
        break;
    case '[':
        r->i++;
        if (r->v) {
            int negated = rx_eat(r, '^');
            if (rx_class_set(r, negated) < 0) {
                return -1;
            }
        } else {
            rx_eat(r, '^');
            if (rx_class_ranges(r) < 0) {
                return -1;
            }
        }
        break;
    case '(': {
        r->i++;
        if (++r->depth > RX_MAX_DEPTH) {
            return rx_fail(r, "Regular expression too large");
        }
        if (rx_eat(r, '?')) {
            int d = rx_peek(r, 0);
            if (d == '=' || d == '!') {
                r->i++;
                quantifiable = !r->u; /* Annex B: a quantified lookahead */
            } else if (d == '<' && (rx_peek(r, 1) == '=' || rx_peek(r, 1) == '!')) {
                r->i += 2;
                quantifiable = 0;
            } else if (d == '<') {
                r->i++;
                size_t name_at = r->i;
                const char *name;
                size_t len;
                if (rx_group_name(r, &name, &len) < 0 ||
                    rx_declare_name(r, name, len, name_at) < 0) {
                    return -1;
                }
            } else if (d == ':') {
                r->i++;
            } else {
                int m = rx_modifiers(r);
                if (m < 0) {
                    return -1;
                }
                if (m == 0) {
                    return rx_fail(r, "Invalid group");
                }
            }
        }
        if (rx_disjunction(r) < 0) {
            return -1;
        }
        if (!rx_eat(r, ')')) {
            return rx_fail(r, "Unterminated group");
        }
        r->depth--;
        break;
    }
    case ')':
        return rx_fail(r, "Unmatched ')'");
    case '*':
    case '+':
    case '?':
        return rx_fail(r, "Nothing to repeat");
    case '{': {
        int q = rx_braced_quantifier(r);
        if (q != 0 || r->u) {
            r->i = at;
            return rx_fail(r, q < 0 ? "numbers out of order in {} quantifier"
                                    : r->u && q == 0 ? "Lone quantifier brackets"
                                                     : "Nothing to repeat");
        }
        r->i++; /* Annex B: a literal '{' */
        break;
    }
    case '}':
    case ']':
        if (r->u) {
            return rx_fail(r, "Lone quantifier brackets");
        }
        r->i++;
        break;
    default:
        rx_source_char(r);
        break;
    }
    int q = rx_quantifier(r);
    if (q < 0) {
        return -1;
    }
    if (q > 0 && !quantifiable) {
        r->i = at;
        return rx_fail(r, "Nothing to repeat");
    }
    return 0;
}

static int rx_disjunction(rx *r) {
    if (r->npath + 2 > r->cap_path) {
        size_t cap = r->cap_path ? r->cap_path * 2 : 16;
        uint32_t *path = jsp_arena_alloc(r->arena, cap * sizeof(uint32_t));
        if (path == NULL) {
            return rx_fail(r, "Out of memory");
        }
        if (r->npath) {
            memcpy(path, r->path, r->npath * sizeof(uint32_t));
        }
        r->path = path;
        r->cap_path = cap;
    }
    r->path[r->npath++] = ++r->disj_ids;
    r->path[r->npath++] = 0;
    for (;;) {
        while (r->i < r->n && rx_peek(r, 0) != '|' && rx_peek(r, 0) != ')') {
            if (rx_term(r) < 0) {
                return -1;
            }
        }
        if (!rx_eat(r, '|')) {
            break;
        }
        r->path[r->npath - 1]++;
    }
    r->npath -= 2;
    return 0;
}

/* Counts the capturing groups and notes whether any has a name. */
static void rx_prescan(rx *r) {
    int class_depth = 0;
    for (size_t i = 0; i < r->n; i++) {
        char c = r->s[i];
        if (c == '\\') {
            i++;
        } else if (c == '[') {
            class_depth = r->v ? class_depth + 1 : 1;
        } else if (c == ']' && class_depth) {
            class_depth--;
        } else if (c == '(' && !class_depth) {
            if (i + 1 < r->n && r->s[i + 1] == '?') {
                if (i + 2 < r->n && r->s[i + 2] == '<' && i + 3 < r->n && r->s[i + 3] != '=' &&
                    r->s[i + 3] != '!') {
                    r->ngroups++;
                    r->named = 1;
                }
            } else {
                r->ngroups++;
            }
        }
    }
}

const char *jsp_regexp_check(jsp_arena *arena, const char *body, size_t len, const char *flags,
                             size_t flags_len, size_t *at) {
    rx rs = {0}, *r = &rs;
    r->s = body;
    r->n = len;
    r->arena = arena;
    r->u = memchr(flags, 'u', flags_len) != NULL || memchr(flags, 'v', flags_len) != NULL;
    r->v = memchr(flags, 'v', flags_len) != NULL;
    rx_prescan(r);
    if (rx_disjunction(r) == 0 && r->i < r->n) {
        rx_fail(r, rx_peek(r, 0) == ')' ? "Unmatched ')'" : "Unexpected character");
    }
    for (rx_name *ref = r->refs; ref && r->err == NULL; ref = ref->next) {
        int found = 0;
        for (rx_name *nm = r->names; nm && !found; nm = nm->next) {
            found = rx_name_eq(nm->s, nm->len, ref->s, ref->len);
        }
        if (!found) {
            r->i = (size_t)(ref->s - body);
            rx_fail(r, "Invalid named capture referenced");
        }
    }
    *at = r->err_at;
    return r->err;
}
