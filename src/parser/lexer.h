/* lexer.h: the ECMAScript 2025 tokenizer over UTF-8 source. The parser drives the
 * context-dependent parts: it calls jsp_lex_regexp() where a `/` starts a regular
 * expression and jsp_lex_template_continue() where a `}` closes a substitution. */
#ifndef JSP_LEXER_H
#define JSP_LEXER_H

#include "parser/arena.h"

#include <stddef.h>
#include <stdint.h>

#define JSP_TOKENS(V)                                                                              \
    V(EOF, "end of input")                                                                         \
    V(ERROR, "invalid token")                                                                      \
    V(NAME, "identifier")                                                                          \
    V(PRIVATE, "private name")                                                                     \
    V(NUMBER, "number")                                                                            \
    V(BIGINT, "bigint")                                                                            \
    V(STRING, "string")                                                                            \
    V(TEMPLATE, "template")                                                                        \
    V(TEMPLATE_HEAD, "template head")                                                              \
    V(TEMPLATE_MIDDLE, "template middle")                                                          \
    V(TEMPLATE_TAIL, "template tail")                                                              \
    V(REGEXP, "regular expression")                                                                \
    V(LBRACE, "{")                                                                                 \
    V(RBRACE, "}")                                                                                 \
    V(LPAREN, "(")                                                                                 \
    V(RPAREN, ")")                                                                                 \
    V(LBRACKET, "[")                                                                               \
    V(RBRACKET, "]")                                                                               \
    V(DOT, ".")                                                                                    \
    V(ELLIPSIS, "...")                                                                             \
    V(SEMI, ";")                                                                                   \
    V(COMMA, ",")                                                                                  \
    V(LT, "<")                                                                                     \
    V(GT, ">")                                                                                     \
    V(LE, "<=")                                                                                    \
    V(GE, ">=")                                                                                    \
    V(EQ, "==")                                                                                    \
    V(NE, "!=")                                                                                    \
    V(EQ3, "===")                                                                                  \
    V(NE3, "!==")                                                                                  \
    V(PLUS, "+")                                                                                   \
    V(MINUS, "-")                                                                                  \
    V(STAR, "*")                                                                                   \
    V(SLASH, "/")                                                                                  \
    V(PERCENT, "%")                                                                                \
    V(STAR2, "**")                                                                                 \
    V(INC, "++")                                                                                   \
    V(DEC, "--")                                                                                   \
    V(SHL, "<<")                                                                                   \
    V(SAR, ">>")                                                                                   \
    V(SHR, ">>>")                                                                                  \
    V(AMP, "&")                                                                                    \
    V(PIPE, "|")                                                                                   \
    V(CARET, "^")                                                                                  \
    V(BANG, "!")                                                                                   \
    V(TILDE, "~")                                                                                  \
    V(AND, "&&")                                                                                   \
    V(OR, "||")                                                                                    \
    V(NULLISH, "??")                                                                               \
    V(QUESTION, "?")                                                                               \
    V(QDOT, "?.")                                                                                  \
    V(COLON, ":")                                                                                  \
    V(ASSIGN, "=")                                                                                 \
    V(PLUS_ASSIGN, "+=")                                                                           \
    V(MINUS_ASSIGN, "-=")                                                                          \
    V(STAR_ASSIGN, "*=")                                                                           \
    V(SLASH_ASSIGN, "/=")                                                                          \
    V(PERCENT_ASSIGN, "%=")                                                                        \
    V(STAR2_ASSIGN, "**=")                                                                         \
    V(SHL_ASSIGN, "<<=")                                                                           \
    V(SAR_ASSIGN, ">>=")                                                                           \
    V(SHR_ASSIGN, ">>>=")                                                                          \
    V(AMP_ASSIGN, "&=")                                                                            \
    V(PIPE_ASSIGN, "|=")                                                                           \
    V(CARET_ASSIGN, "^=")                                                                          \
    V(AND_ASSIGN, "&&=")                                                                           \
    V(OR_ASSIGN, "||=")                                                                            \
    V(NULLISH_ASSIGN, "?\?=")                                                                      \
    V(ARROW, "=>")

typedef enum jsp_tok_type {
#define JSP_TOK_ENUM(name, text) JSP_T_##name,
    JSP_TOKENS(JSP_TOK_ENUM)
#undef JSP_TOK_ENUM
        JSP_T__COUNT
} jsp_tok_type;

/* Keywords, reserved words and contextual keywords: a NAME token's `kw`. */
#define JSP_KEYWORDS(V)                                                                            \
    V(AWAIT, "await") V(BREAK, "break") V(CASE, "case") V(CATCH, "catch") V(CLASS, "class")        \
    V(CONST, "const") V(CONTINUE, "continue") V(DEBUGGER, "debugger") V(DEFAULT, "default")        \
    V(DELETE, "delete") V(DO, "do") V(ELSE, "else") V(ENUM, "enum") V(EXPORT, "export")            \
    V(EXTENDS, "extends") V(FALSE, "false") V(FINALLY, "finally") V(FOR, "for")                    \
    V(FUNCTION, "function") V(IF, "if") V(IMPORT, "import") V(IN, "in")                            \
    V(INSTANCEOF, "instanceof") V(NEW, "new") V(NULL, "null") V(RETURN, "return")                  \
    V(SUPER, "super") V(SWITCH, "switch") V(THIS, "this") V(THROW, "throw") V(TRUE, "true")        \
    V(TRY, "try") V(TYPEOF, "typeof") V(VAR, "var") V(VOID, "void") V(WHILE, "while")              \
    V(WITH, "with") V(YIELD, "yield") V(LET, "let") V(STATIC, "static")                            \
    V(IMPLEMENTS, "implements") V(INTERFACE, "interface") V(PACKAGE, "package")                    \
    V(PRIVATE, "private") V(PROTECTED, "protected") V(PUBLIC, "public") V(AS, "as")                \
    V(ASYNC, "async") V(FROM, "from") V(GET, "get") V(SET, "set") V(OF, "of")                      \
    V(TARGET, "target") V(META, "meta") V(ARGUMENTS, "arguments") V(EVAL, "eval")

typedef enum jsp_keyword {
    JSP_KW_NONE,
#define JSP_KW_ENUM(name, text) JSP_KW_##name,
    JSP_KEYWORDS(JSP_KW_ENUM)
#undef JSP_KW_ENUM
        JSP_KW__COUNT
} jsp_keyword;

/* Keywords up to JSP_KW_WITH are always reserved; the rest depend on context. */
#define JSP_KW_IS_RESERVED(kw) ((kw) >= JSP_KW_BREAK && (kw) <= JSP_KW_WITH)
/* Reserved in strict code only. */
#define JSP_KW_IS_STRICT_RESERVED(kw) ((kw) >= JSP_KW_YIELD && (kw) <= JSP_KW_PUBLIC)

enum {
    JSP_TF_NEWLINE_BEFORE = 1 << 0, /* a line terminator precedes the token (ASI) */
    JSP_TF_ESCAPED = 1 << 1,        /* a NAME written with \u escapes */
    JSP_TF_LEGACY_OCTAL = 1 << 2,   /* 010, 08, or a string with \0N / \8 / \9 escapes */
    JSP_TF_BAD_ESCAPE = 1 << 3,     /* template with an invalid escape (cooked is NULL) */
};

typedef struct jsp_token {
    jsp_tok_type type;
    jsp_keyword kw; /* NAME only */
    unsigned flags; /* JSP_TF_* */
    uint32_t start; /* byte offsets of the token in the source: [start, end) */
    uint32_t end;
    uint32_t line; /* 1-based line of `start` */
    uint32_t col;  /* 1-based column of `start`, in UTF-16 code units */
    /* NAME / PRIVATE (without '#'): the identifier; STRING and templates: the cooked
     * value (UTF-8; lone surrogates as 3-byte sequences); REGEXP: the body, with the
     * flags in `str2`; NUMBER / BIGINT: the raw text. Points into the source when no
     * escape had to be decoded, into the arena otherwise. */
    const char *str;
    size_t len;
    const char *str2;
    size_t len2;
    double num; /* NUMBER */
} jsp_token;

typedef struct jsp_lexer {
    const char *src;
    size_t len;
    size_t pos;
    uint32_t line;
    size_t line_start;
    size_t col_pos; /* column cache: col_pos on the current line is col_units */
    uint32_t col_units;
    size_t next_high; /* the first non-ASCII byte at or after the last column asked for */
    size_t prev_high; /* 1 + the last non-ASCII byte before it (0: none) */
    int module; /* module goal: no HTML-like comments */
    jsp_arena *arena;
    jsp_token tok;
    const char *error; /* set with an ERROR token */
    uint32_t error_pos;
    const char *escape_error; /* a template's first invalid escape (JSP_TF_BAD_ESCAPE) */
    uint32_t escape_error_pos;
} jsp_lexer;

/* `src` must outlive the lexer and the tokens. Skips a hashbang line. */
void jsp_lex_init(jsp_lexer *lx, const char *src, size_t len, int module, jsp_arena *arena);
/* Scans the next token into lx->tok (a `/` is always division here). */
jsp_tok_type jsp_lex_next(jsp_lexer *lx);
/* With lx->tok a `/` or `/=`: rescans it as a regular expression literal. */
jsp_tok_type jsp_lex_regexp(jsp_lexer *lx);
/* With lx->tok the `}` that ends a template substitution: rescans the template
 * continuation (TEMPLATE_MIDDLE or TEMPLATE_TAIL). */
jsp_tok_type jsp_lex_template_continue(jsp_lexer *lx);
/* Line and 1-based UTF-16 column of a byte offset (scans from the start). */
void jsp_lex_position(const char *src, size_t len, size_t offset, uint32_t *line, uint32_t *col);
const char *jsp_tok_name(jsp_tok_type t);
const char *jsp_kw_name(jsp_keyword kw);
/* Checks the early errors of a regular expression literal's pattern (`body`, between the
 * slashes) under its flags (regexp.c). Returns NULL when it is valid, else a message
 * (static storage) with *at the byte offset in body it refers to. Uses the arena. */
const char *jsp_regexp_check(jsp_arena *arena, const char *body, size_t len, const char *flags,
                             size_t flags_len, size_t *at);
int jsp_is_id_start(uint32_t cp);
int jsp_is_id_continue(uint32_t cp);

#endif
