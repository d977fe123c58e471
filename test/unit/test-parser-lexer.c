/* test-parser-lexer.c: src/parser/lexer.c: tokens, positions, literals, templates,
 * regular expressions, comments. */
#include "parser/lexer.h"
#include "test.h"

#include <string.h>

typedef struct lexer_fixture {
    jsp_arena arena;
    jsp_lexer lx;
} lexer_fixture;

static void lex_open(lexer_fixture *f, const char *src, int module) {
    jsp_arena_init(&f->arena);
    jsp_lex_init(&f->lx, src, strlen(src), module, &f->arena);
}

static void lex_close(lexer_fixture *f) {
    jsp_arena_free(&f->arena);
}

static int tok_text_is(const jsp_token *t, const char *s) {
    return t->str != NULL && t->len == strlen(s) && memcmp(t->str, s, t->len) == 0;
}

TEST(parser_lex_tokens_and_positions) {
    lexer_fixture f;
    lex_open(&f, "let a = b + 1;\n  foo(\"x\")", 0);
    jsp_tok_type expect[] = {JSP_T_NAME,  JSP_T_NAME, JSP_T_ASSIGN, JSP_T_NAME,
                             JSP_T_PLUS,  JSP_T_NUMBER, JSP_T_SEMI, JSP_T_NAME,
                             JSP_T_LPAREN, JSP_T_STRING, JSP_T_RPAREN, JSP_T_EOF};
    uint32_t cols[] = {1, 5, 7, 9, 11, 13, 14, 3, 6, 7, 10, 11};
    uint32_t lines[] = {1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
    for (size_t i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
        jsp_tok_type t = jsp_lex_next(&f.lx);
        CHECK(t == expect[i]);
        CHECK(f.lx.tok.col == cols[i]);
        CHECK(f.lx.tok.line == lines[i]);
        if (i == 0) {
            CHECK(f.lx.tok.kw == JSP_KW_LET);
            CHECK(f.lx.tok.start == 0 && f.lx.tok.end == 3);
        }
        if (i == 5) {
            CHECK(f.lx.tok.num == 1);
        }
        if (i == 7) {
            CHECK(f.lx.tok.flags & JSP_TF_NEWLINE_BEFORE);
            CHECK(tok_text_is(&f.lx.tok, "foo"));
        }
        if (i == 9) {
            CHECK(tok_text_is(&f.lx.tok, "x"));
        }
    }
    lex_close(&f);
}

TEST(parser_lex_line_terminators_and_utf16_columns) {
    lexer_fixture f;
    /* CRLF, CR, LS, PS are line terminators; an astral character is 2 UTF-16 units */
    lex_open(&f, "a\r\nb\rc\xE2\x80\xA8" "d\xE2\x80\xA9" "e\n'\xF0\x9F\x98\x80\xC3\xA9' f", 0);
    uint32_t lines[] = {1, 2, 3, 4, 5, 6, 6};
    uint32_t cols[] = {1, 1, 1, 1, 1, 1, 7};
    for (int i = 0; i < 7; i++) {
        jsp_lex_next(&f.lx);
        CHECK(f.lx.tok.line == lines[i]);
        CHECK(f.lx.tok.col == cols[i]);
        if (i > 0 && i < 6) {
            CHECK(f.lx.tok.flags & JSP_TF_NEWLINE_BEFORE);
        }
    }
    CHECK(f.lx.tok.type == JSP_T_NAME && tok_text_is(&f.lx.tok, "f"));
    CHECK(!(f.lx.tok.flags & JSP_TF_NEWLINE_BEFORE));
    lex_close(&f);
    uint32_t line, col;
    const char *s = "x\n\xF0\x9F\x98\x80y";
    jsp_lex_position(s, strlen(s), 6, &line, &col);
    CHECK(line == 2 && col == 3);
}

TEST(parser_lex_punctuators) {
    const char *src = "{ } ( ) [ ] . ... ; , < > <= >= == != === !== + - * / % ** ++ -- << >> >>> "
                      "& | ^ ! ~ && || ?? ? ?. : = += -= *= /= %= **= <<= >>= >>>= &= |= ^= &&= "
                      "||= ?\?= =>";
    lexer_fixture f;
    lex_open(&f, src, 0);
    int n = 0;
    for (jsp_tok_type t = JSP_T_LBRACE; t <= JSP_T_ARROW; t++) {
        jsp_tok_type got = jsp_lex_next(&f.lx);
        CHECK(got == t);
        CHECK(strlen(jsp_tok_name(t)) == f.lx.tok.end - f.lx.tok.start);
        n++;
    }
    CHECK(jsp_lex_next(&f.lx) == JSP_T_EOF);
    CHECK(n == JSP_T_ARROW - JSP_T_LBRACE + 1);
    lex_close(&f);
    /* `?.` followed by a digit is `?` then a number */
    lex_open(&f, "a?.5:1 #priv", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_QUESTION);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NUMBER && f.lx.tok.num == 0.5);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_COLON);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NUMBER);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_PRIVATE && tok_text_is(&f.lx.tok, "priv"));
    lex_close(&f);
}

static jsp_tok_type lex_one(const char *src, double *num, unsigned *flags) {
    lexer_fixture f;
    lex_open(&f, src, 0);
    jsp_tok_type t = jsp_lex_next(&f.lx);
    if (num) {
        *num = f.lx.tok.num;
    }
    if (flags) {
        *flags = f.lx.tok.flags;
    }
    if (t != JSP_T_ERROR && jsp_lex_next(&f.lx) != JSP_T_EOF) {
        t = JSP_T__COUNT; /* more than one token */
    }
    lex_close(&f);
    return t;
}

TEST(parser_lex_numbers) {
    double v;
    unsigned fl;
    CHECK(lex_one("1_000_000", &v, NULL) == JSP_T_NUMBER && v == 1000000);
    CHECK(lex_one("0x1F", &v, NULL) == JSP_T_NUMBER && v == 31);
    CHECK(lex_one("0o17", &v, NULL) == JSP_T_NUMBER && v == 15);
    CHECK(lex_one("0B101", &v, NULL) == JSP_T_NUMBER && v == 5);
    CHECK(lex_one("1.5e3", &v, NULL) == JSP_T_NUMBER && v == 1500);
    CHECK(lex_one(".25", &v, NULL) == JSP_T_NUMBER && v == 0.25);
    CHECK(lex_one("1E-2", &v, NULL) == JSP_T_NUMBER && v == 0.01);
    CHECK(lex_one("017", &v, &fl) == JSP_T_NUMBER && v == 15 && (fl & JSP_TF_LEGACY_OCTAL));
    CHECK(lex_one("019", &v, &fl) == JSP_T_NUMBER && v == 19 && (fl & JSP_TF_LEGACY_OCTAL));
    CHECK(lex_one("10", &v, &fl) == JSP_T_NUMBER && !(fl & JSP_TF_LEGACY_OCTAL));
    CHECK(lex_one("123n", NULL, NULL) == JSP_T_BIGINT);
    CHECK(lex_one("0xFFn", NULL, NULL) == JSP_T_BIGINT);
    CHECK(lex_one("0n", NULL, NULL) == JSP_T_BIGINT);
    CHECK(lex_one("1__0", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("1_", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("0_1", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("0x", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("1.5n", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("08n", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("3in", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("1e", NULL, NULL) == JSP_T_ERROR);
}

static int lex_string_is(const char *src, const char *cooked, size_t len) {
    lexer_fixture f;
    lex_open(&f, src, 0);
    int ok = jsp_lex_next(&f.lx) == JSP_T_STRING && f.lx.tok.len == len &&
             memcmp(f.lx.tok.str, cooked, len) == 0;
    lex_close(&f);
    return ok;
}

TEST(parser_lex_strings) {
    CHECK(lex_string_is("'abc'", "abc", 3));
    CHECK(lex_string_is("\"a\\nb\\tc\"", "a\nb\tc", 5));
    CHECK(lex_string_is("'\\x41\\u0042\\u{43}'", "ABC", 3));
    CHECK(lex_string_is("'\\u{1F600}'", "\xF0\x9F\x98\x80", 4));
    CHECK(lex_string_is("'\\uD83D\\uDE00'", "\xF0\x9F\x98\x80", 4));
    CHECK(lex_string_is("'\\uD83D'", "\xED\xA0\xBD", 3)); /* lone surrogate, WTF-8 */
    CHECK(lex_string_is("'a\\\nb'", "ab", 2));            /* line continuation */
    CHECK(lex_string_is("'a\\\r\nb'", "ab", 2));
    CHECK(lex_string_is("'\\0'", "\0", 1));
    CHECK(lex_string_is("'\\q\\'\\\"'", "q'\"", 3));
    CHECK(lex_string_is("'\xE2\x80\xA8'", "\xE2\x80\xA8", 3)); /* LS is allowed in strings */
    unsigned fl;
    CHECK(lex_one("'\\101'", NULL, &fl) == JSP_T_STRING && (fl & JSP_TF_LEGACY_OCTAL));
    CHECK(lex_string_is("'\\101'", "A", 1));
    CHECK(lex_one("'\\8'", NULL, &fl) == JSP_T_STRING && (fl & JSP_TF_LEGACY_OCTAL));
    CHECK(lex_one("'abc", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("'a\nb'", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("'\\x4'", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("'\\u{110000}'", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("'\\u12'", NULL, NULL) == JSP_T_ERROR);
}

TEST(parser_lex_templates) {
    lexer_fixture f;
    lex_open(&f, "`a${b}c${ {d} }e` `x\\u{41}` `\\unicode`", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_TEMPLATE_HEAD && tok_text_is(&f.lx.tok, "a"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_RBRACE);
    CHECK(jsp_lex_template_continue(&f.lx) == JSP_T_TEMPLATE_MIDDLE);
    CHECK(tok_text_is(&f.lx.tok, "c"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_LBRACE); /* a nested object's braces */
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_RBRACE);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_RBRACE);
    CHECK(jsp_lex_template_continue(&f.lx) == JSP_T_TEMPLATE_TAIL);
    CHECK(tok_text_is(&f.lx.tok, "e"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_TEMPLATE && tok_text_is(&f.lx.tok, "xA"));
    /* an invalid escape is a token with no cooked value (fine in tagged templates) */
    CHECK(jsp_lex_next(&f.lx) == JSP_T_TEMPLATE && (f.lx.tok.flags & JSP_TF_BAD_ESCAPE));
    CHECK(f.lx.tok.str == NULL);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_EOF);
    lex_close(&f);
    /* CRLF in a template cooks to LF and counts one line */
    lex_open(&f, "`a\r\nb` c", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_TEMPLATE && tok_text_is(&f.lx.tok, "a\nb"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && f.lx.tok.line == 2 && f.lx.tok.col == 4);
    lex_close(&f);
    CHECK(lex_one("`abc", NULL, NULL) == JSP_T_ERROR);
}

TEST(parser_lex_regexp_rescan) {
    lexer_fixture f;
    lex_open(&f, "/[/]\\/x/gi.source /=a/", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_SLASH);
    CHECK(jsp_lex_regexp(&f.lx) == JSP_T_REGEXP);
    CHECK(tok_text_is(&f.lx.tok, "[/]\\/x"));
    CHECK(f.lx.tok.len2 == 2 && memcmp(f.lx.tok.str2, "gi", 2) == 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_DOT);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_SLASH_ASSIGN);
    CHECK(jsp_lex_regexp(&f.lx) == JSP_T_REGEXP && tok_text_is(&f.lx.tok, "=a"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_EOF);
    lex_close(&f);
    const char *bad[] = {"/abc", "/a\nb/", "/a/gg", "/a/x", "/a/uv"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        lex_open(&f, bad[i], 0);
        jsp_lex_next(&f.lx);
        CHECK(jsp_lex_regexp(&f.lx) == JSP_T_ERROR);
        lex_close(&f);
    }
}

TEST(parser_lex_comments_hashbang_html) {
    lexer_fixture f;
    lex_open(&f, "#!/usr/bin/env node\n/* a\nb */ x // y\n<!-- z\n  --> w\nq", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && tok_text_is(&f.lx.tok, "x"));
    CHECK(f.lx.tok.line == 3 && f.lx.tok.col == 6);
    CHECK(f.lx.tok.flags & JSP_TF_NEWLINE_BEFORE); /* the block comment held a newline */
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && tok_text_is(&f.lx.tok, "q"));
    CHECK(f.lx.tok.line == 6);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_EOF);
    lex_close(&f);
    /* modules have no HTML-like comments */
    lex_open(&f, "a <!-- b", 1);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_ERROR);
    CHECK(strcmp(f.lx.error, "HTML comments are not allowed in modules") == 0);
    lex_close(&f);
    lex_open(&f, "a --> b", 1);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_DEC);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_GT);
    lex_close(&f);
    /* `-->` only starts a comment at the start of a line */
    lex_open(&f, "a --> b", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_DEC);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_GT);
    lex_close(&f);
    CHECK(lex_one("/* never closed", NULL, NULL) == JSP_T_ERROR);
}

TEST(parser_lex_identifiers) {
    lexer_fixture f;
    lex_open(&f, "\\u0061bc \\u{62}c v\\u0061r caf\xC3\xA9 \xF0\x9D\x92\xB3 a\xE2\x80\x8C" "b $_ if", 0);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && tok_text_is(&f.lx.tok, "abc"));
    CHECK(f.lx.tok.flags & JSP_TF_ESCAPED);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && tok_text_is(&f.lx.tok, "bc"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && tok_text_is(&f.lx.tok, "var"));
    CHECK(f.lx.tok.kw == JSP_KW_VAR && (f.lx.tok.flags & JSP_TF_ESCAPED));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && tok_text_is(&f.lx.tok, "caf\xC3\xA9"));
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && f.lx.tok.len == 4); /* U+1D4B3 */
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && f.lx.tok.len == 5); /* with ZWNJ */
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && f.lx.tok.kw == JSP_KW_NONE);
    CHECK(jsp_lex_next(&f.lx) == JSP_T_NAME && f.lx.tok.kw == JSP_KW_IF);
    lex_close(&f);
    CHECK(jsp_is_id_start(0x4E00) && !jsp_is_id_start(0x2028) && !jsp_is_id_start('1'));
    CHECK(jsp_is_id_continue(0x0301) && !jsp_is_id_start(0x0301));
    CHECK(lex_one("\\u0031", NULL, NULL) == JSP_T_ERROR); /* escaped digit cannot start */
    CHECK(lex_one("a\\x41", NULL, NULL) == JSP_T_ERROR);
    CHECK(lex_one("\xE2\x82\xAC", NULL, NULL) == JSP_T_ERROR); /* the euro sign */
    CHECK(lex_one("#", NULL, NULL) == JSP_T_ERROR);
    /* other whitespace */
    CHECK(lex_one("\xC2\xA0\xEF\xBB\xBF\t\v\f x", NULL, NULL) == JSP_T_NAME);
}
