/* test-parser-cjs-exports.c: src/parser/cjs_exports.c, the CommonJS named-export lexer. Every
 * expected result here is what node22's own lexer gives for the same source. */
#include "parser/cjs_exports.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Joins a list with commas into buf. */
static void cjs_join(const jsp_cjs_str *v, size_t n, char *buf, size_t cap) {
    size_t w = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (w + v[i].len + 2 >= cap) {
            break;
        }
        if (i) {
            buf[w++] = ',';
        }
        memcpy(buf + w, v[i].str, v[i].len);
        w += v[i].len;
        buf[w] = '\0';
    }
}

/* Whether src lexes to exactly these exports and re-exports (comma-separated). */
static int cjs_is(const char *src, const char *exports, const char *reexports) {
    jsp_cjs_result r;
    if (jsp_cjs_exports(src, strlen(src), &r) != 0) {
        fprintf(stderr, "  unexpected error %s for: %s\n", r.error, src);
        jsp_cjs_result_free(&r);
        return 0;
    }
    char e[1024], x[1024];
    cjs_join(r.exports, r.n_exports, e, sizeof(e));
    cjs_join(r.reexports, r.n_reexports, x, sizeof(x));
    jsp_cjs_result_free(&r);
    int ok = strcmp(e, exports) == 0 && strcmp(x, reexports) == 0;
    if (!ok) {
        fprintf(stderr, "  for: %s\n    got [%s] [%s], want [%s] [%s]\n", src, e, x, exports,
                reexports);
    }
    return ok;
}

/* Whether src does not lex (node then detects nothing); the result is empty. */
static int cjs_fails(const char *src) {
    jsp_cjs_result r;
    int rc = jsp_cjs_exports(src, strlen(src), &r);
    int ok = rc == JSP_CJS_ESYNTAX && r.error != NULL && r.n_exports == 0 && r.n_reexports == 0;
    jsp_cjs_result_free(&r);
    if (!ok) {
        fprintf(stderr, "  expected a lex error for: %s\n", src);
    }
    return ok;
}

TEST(parser_cjs_exports_members) {
    CHECK(cjs_is("exports.a = 1", "a", ""));
    CHECK(cjs_is("exports['b'] = 1; exports[\"c\"] = 2", "b,c", ""));
    CHECK(cjs_is("module.exports.c = 1; module.exports['d'] = 2", "c,d", ""));
    CHECK(cjs_is("module . exports . e /* x */ = 1", "e", ""));
    CHECK(cjs_is("exports.a = exports.b = exports.c = void 0", "a,b,c", ""));
    CHECK(cjs_is("exports.b = 1; exports.a = 1; exports.b = 2", "b,a", ""));
    CHECK(cjs_is("(function (exports) { exports.a = 1 })(exports)", "a", ""));
    CHECK(cjs_is("exports['a-b'] = 1; exports.default = 2", "a-b,default", ""));
    /* Reads and other operators are not assignments (`==` counts, as in node). */
    CHECK(cjs_is("exports.a; exports.b += 1; exports.c.d = 1; f(exports.e)", "", ""));
    CHECK(cjs_is("exports.a == 1", "a", ""));
    CHECK(cjs_is("x.exports.a = 1; module['exports'].b = 1; exports[`c`] = 1", "", ""));
    CHECK(cjs_is("exports['a' + 'b'] = 1; exports?.c = 1", "", ""));
}

TEST(parser_cjs_exports_define_property) {
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { value: 1 })", "a", ""));
    CHECK(cjs_is("Object.defineProperty(module.exports, 'a', { enumerable: true, value: 1 })",
                 "a", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'd', { enumerable: true, get() { return x; } })",
                 "d", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'd', { enumerable: true, get: function () { "
                 "return m.d; } });",
                 "d", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'd', { get: function get() { return m['d'] } })",
                 "d", ""));
    /* Forms node rejects: they also cancel the name wherever else it is found. */
    CHECK(cjs_is("exports.a = 1; Object.defineProperty(exports, 'a', { get: () => x })", "", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { enumerable: false, get() { return x; } "
                 "}); exports.a = 1; exports.b = 1",
                 "b", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { configurable: true, value: 1 })", "", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { get() { return x(); } })", "", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { get() { return x.y.z; } })", "", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { get() { return 'x'; } })", "", ""));
    CHECK(cjs_is("Object.defineProperty(exports, 'a', { value })", "", ""));
    CHECK(cjs_is("Object.defineProperty(exports, a, { value: 1 })", "", ""));
    CHECK(cjs_is("Object.defineProperties(exports, { a: { value: 1 } })", "", ""));
}

TEST(parser_cjs_exports_literal_and_reexports) {
    CHECK(cjs_is("module.exports = { a, b: c, 'd': e, ...require('x') }", "a,b,d", "x"));
    CHECK(cjs_is("module.exports = { a, ...d, b: require('c'), e }", "a,b", ""));
    CHECK(cjs_is("module.exports = { a: 1, b }", "", ""));
    CHECK(cjs_is("module.exports = { a: b , c }", "a", "")); /* node's quirk: no space before , */
    CHECK(cjs_is("module.exports = { \"a\", \"b\": c }", "b", ""));
    CHECK(cjs_is("module.exports = { ...require('a'), ...require(\"b\") }", "", "a,b"));
    CHECK(cjs_is("module.exports = require('x')", "", "x"));
    /* Only the last `module.exports =` counts for re-exports. */
    CHECK(cjs_is("module.exports = require('a'); if (x) module.exports = require('b')", "", "b"));
    CHECK(cjs_is("module.exports = require('a'); module.exports = other", "", ""));
    CHECK(cjs_is("module.exports = require('a'); module.exports.b = 1", "b", "a"));
    CHECK(cjs_is("module.exports = require(`a`); module.exports = require('a' + 'b')", "", ""));
    CHECK(cjs_is("module.exports = {", "", "")); /* node stops there without an error */
}

TEST(parser_cjs_exports_esmodule) {
    CHECK(cjs_is("Object.defineProperty(exports, '__esModule', { value: true })", "__esModule", ""));
    CHECK(cjs_is("Object.defineProperty(exports, \"__esModule\", { value: true });",
                 "__esModule", ""));
    CHECK(cjs_is("exports.__esModule = true", "__esModule", ""));
    CHECK(cjs_is("Object.defineProperty(exports, '__esModule', desc)", "", ""));
}

TEST(parser_cjs_exports_transpiler_reexports) {
    /* TypeScript */
    CHECK(cjs_is("__exportStar(require('a'), exports); __export(require(\"b\"))", "", "a,b"));
    CHECK(cjs_is("tslib.__exportStar(require('a'), exports); tslib_1.__exportStar(require('b'), "
                 "exports)",
                 "", "a,b"));
    CHECK(cjs_is("function f() { __exportStar(require('a'), exports) }", "", ""));
    CHECK(cjs_is("__exportStar (require('a')); (0, tslib.__exportStar)(require('b'))", "", ""));
    /* Babel */
    const char *babel =
        "\"use strict\";\nexports.__esModule = true;\nvar _x = require(\"x\");\n"
        "Object.keys(_x).forEach(function (key) {\n"
        "  if (key === \"default\" || key === \"__esModule\") return;\n"
        "  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n"
        "  if (key in exports && exports[key] === _x[key]) return;\n"
        "  Object.defineProperty(exports, key, {\n"
        "    enumerable: true,\n"
        "    get: function () {\n"
        "      return _x[key];\n"
        "    }\n"
        "  });\n"
        "});\n";
    CHECK(cjs_is(babel, "__esModule", "x"));
    CHECK(cjs_is("var _y = _interopRequireWildcard(require('y'));\n"
                 "Object.keys(_y).forEach(function (k) { if (k !== 'default') exports[k] = _y[k]; "
                 "});",
                 "", "y"));
    CHECK(cjs_is("const _x = require('x'); Object.keys(_x).forEach(function (k) { if (k === "
                 "'default' || k === '__esModule') return; exports[k] = _x[k]; });",
                 "", "x"));
    /* Shapes node does not accept. */
    CHECK(cjs_is("var _x = require('x'); Object.keys(_x).forEach((k) => { exports[k] = _x[k]; });",
                 "", ""));
    CHECK(cjs_is("var _x = require('x'); Object.keys(_x).forEach(function (k) { if (k === "
                 "'default' || k === '__esModule') { return; } exports[k] = _x[k]; });",
                 "", ""));
    CHECK(cjs_is("var _x = require('x'); Object.keys(_y).forEach(function (k) { if (k === "
                 "'default' || k === '__esModule') return; exports[k] = _y[k]; });",
                 "", ""));
}

TEST(parser_cjs_exports_false_positives) {
    CHECK(cjs_is("'exports.a = 1'; \"exports.b = 1\"", "", ""));
    CHECK(cjs_is("// exports.a = 1\n/* exports.b = 1 */ exports.c = 1", "c", ""));
    CHECK(cjs_is("x = `exports.a = 1 ${ exports.b = 1 } exports.c = 1`", "b", ""));
    CHECK(cjs_is("x = /exports.a = 1/; y = a / exports.b / 2", "", ""));
    CHECK(cjs_is("if (x) /'/.test(y); exports.a = 1", "a", ""));
    CHECK(cjs_is("x = a / b; exports.a = 1 // '", "a", ""));
    CHECK(cjs_is("function f() {} /\"/.test(y); exports.a = 1", "a", ""));
    CHECK(cjs_is("x = {} / 2; exports.a = 1 // /", "a", ""));
    CHECK(cjs_is("x = /[/'\\]]/g; exports.a = 1", "a", ""));
    CHECK(cjs_is("#!/usr/bin/env node 'x\nexports.a = 1", "a", ""));
}

TEST(parser_cjs_exports_unicode) {
    CHECK(cjs_is("exports.\xc3\xbc = 1; exports.a\xe2\x84\x98 = 2", "\xc3\xbc,a\xe2\x84\x98", ""));
    CHECK(cjs_is("exports['\\u0061\\x62\\u{63}'] = 1", "abc", ""));
    CHECK(cjs_is("exports['\\ud83d\\ude00'] = 1", "\xf0\x9f\x98\x80", ""));
    CHECK(cjs_is("exports['\\01\\8\\n'] = 1", "\x01" "8\n", ""));
    /* Lone surrogates, bad escapes and identifier escapes are not names. */
    CHECK(cjs_is("exports['\\ud800'] = 1; exports['\\udc00\\ud800'] = 1; exports['\\x4'] = 1", "",
                 ""));
    CHECK(cjs_is("exports.\\u0061 = 1; exports.a\\u0062 = 1", "", ""));
    CHECK(cjs_is("module.exports = require('\\ud800')", "", ""));
    /* Invalid UTF-8 in a name. */
    CHECK(cjs_is("exports['\xff'] = 1; exports['\xed\xa0\x80'] = 1", "", ""));
    /* Characters newer than node's Unicode tables (U+1E4D0, Unicode 15). */
    CHECK(cjs_is("exports.\xf0\x9e\x93\x90 = 1", "", ""));
    /* NBSP is whitespace; U+3000 is not, for this lexer. */
    CHECK(cjs_is("exports.a\xc2\xa0= 1; exports.b\xe3\x80\x80= 1", "a", ""));
}

TEST(parser_cjs_exports_errors) {
    CHECK(cjs_fails("exports.a = 1; import x from 'y'"));
    CHECK(cjs_fails("exports.a = 1; export default 1"));
    CHECK(cjs_fails("exports.a = 1; import.meta.url"));
    CHECK(cjs_fails("exports.a = 1; x = 'unterminated"));
    CHECK(cjs_fails("exports.a = 1; x = `unterminated"));
    CHECK(cjs_fails("exports.a = 1; x = /unterminated"));
    CHECK(cjs_fails("exports.a = 1; f(]")); /* `]` closes nothing */
    CHECK(cjs_is("exports.a = 1; f(}", "a", ""));   /* closers are not matched to openers */
    CHECK(cjs_fails("exports.a = 1; {"));
    CHECK(cjs_fails("exports.a = 1; )"));
    CHECK(cjs_is("exports.a = 1; import('x'); function f() { import.meta }", "a", ""));
    CHECK(cjs_is("exports.a = 1; /* unterminated comment", "a", ""));
    CHECK(cjs_is("exports.a = 1; x = [1, 2", "a", "")); /* brackets are not tracked */
}

/* No input makes it crash or read out of bounds: every prefix of a sample, random bytes,
 * and deep nesting (run under ASan via `make asan`). */
TEST(parser_cjs_exports_robustness) {
    static const char sample[] =
        "#!/x\nvar _x = _interopRequireWildcard(require(\"x\"));\nObject.keys(_x).forEach("
        "function (k) { if (k === 'default' || k === '__esModule') return; if (k in exports && "
        "exports[k] === _x[k]) return; Object.defineProperty(exports, k, { enumerable: true, get: "
        "function () { return _x[k]; } }); });\nmodule.exports = { a, 'b\\u00e9': c, "
        "...require('\\ud83d\\ude00') }; `t${ {a: `${/re[/]/g}`}.a }` / 2; __exportStar(require("
        "'q'), exports); exports['\\u{1F600}'] = 1; import('z'); class A extends B {} /x/\n";
    size_t len = sizeof(sample) - 1;
    for (size_t cut = 0; cut <= len; cut++) {
        char *copy = malloc(cut ? cut : 1);
        memcpy(copy, sample, cut);
        jsp_cjs_result r;
        jsp_cjs_exports(copy, cut, &r);
        jsp_cjs_result_free(&r);
        free(copy);
    }
    jsp_cjs_result r;
    CHECK(jsp_cjs_exports(NULL, 0, &r) == 0 && r.n_exports == 0);
    jsp_cjs_result_free(&r);
    jsp_cjs_result_free(&r);
    unsigned seed = 12345;
    static const char alphabet[] = "exports.module=require('\"`${}()[]/\\*\n Object,:; \xc2\xa0\xff";
    for (int round = 0; round < 2000; round++) {
        char buf[96];
        size_t n = (size_t)(round % 96);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
        }
        char *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        jsp_cjs_exports(copy, n, &r);
        jsp_cjs_result_free(&r);
        free(copy);
    }
    size_t deep = 200000;
    char *nest = malloc(deep * 2 + 32);
    size_t w = 0;
    for (size_t i = 0; i < deep; i++) {
        nest[w++] = i % 3 == 0 ? '{' : i % 3 == 1 ? '(' : '`';
        if (i % 3 == 2) {
            nest[w++] = '$';
            nest[w++] = '{';
        }
    }
    CHECK(jsp_cjs_exports(nest, w, &r) == JSP_CJS_ESYNTAX);
    jsp_cjs_result_free(&r);
    free(nest);
}

/* A 2 MB generated module: checks the names and prints the speed (not an assertion). */
TEST(parser_cjs_exports_speed) {
    static const char chunk[] =
        "function helper(a, b) { return a / b + /x+/.exec(\"s\")[0].length; } // comment\n"
        "const value = `template ${helper(1, 2)} text`, other = 'string \\' quote';\n"
        "/* block comment with exports.fake = 1 */ if (value) { other.split(','); }\n";
    size_t reps = (2u << 20) / (sizeof(chunk) - 1 + 24);
    size_t cap = reps * (sizeof(chunk) - 1 + 24) + 64;
    char *src = malloc(cap);
    size_t w = 0;
    for (size_t i = 0; i < reps; i++) {
        memcpy(src + w, chunk, sizeof(chunk) - 1);
        w += sizeof(chunk) - 1;
        w += (size_t)snprintf(src + w, cap - w, "exports.name%zu = 1;\n", i % 1000);
    }
    jsp_cjs_result r;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = jsp_cjs_exports(src, w, &r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CHECK(rc == 0);
    CHECK(r.n_exports == (reps < 1000 ? reps : 1000));
    CHECK(r.n_exports > 0 && strcmp(r.exports[0].str, "name0") == 0);
    jsp_cjs_result_free(&r);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("  cjs_exports: %.1f MB in %.2f ms (%.0f MB/s)\n", (double)w / 1e6, secs * 1e3,
           (double)w / 1e6 / (secs > 0 ? secs : 1e-9));
    free(src);
}
