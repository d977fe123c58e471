/* test-parser-syntax.c: src/parser/parser.c: statements, expressions, ASI, modules,
 * and syntax errors with their positions. */
#include "parser/parser.h"
#include "test.h"

#include <string.h>

static jsp_ast *parse(const char *src, jsp_goal goal) {
    return jsp_parse(src, strlen(src), goal, 0);
}

/* 1 when src parses; prints the error when it should have. */
static int parses(const char *src, jsp_goal goal) {
    jsp_ast *ast = parse(src, goal);
    int ok = ast->ok;
    jsp_ast_free(ast);
    return ok;
}

#define ACCEPT(src, goal)                                                                          \
    do {                                                                                           \
        jsp_ast *ast_ = parse(src, goal);                                                          \
        if (!ast_->ok) {                                                                           \
            fprintf(stderr, "  rejected %s: %u:%u %s\n", src, ast_->error.line, ast_->error.col,   \
                    ast_->error.message);                                                          \
        }                                                                                          \
        CHECK(ast_->ok);                                                                           \
        jsp_ast_free(ast_);                                                                        \
    } while (0)

#define REJECT(src, goal)                                                                          \
    do {                                                                                           \
        if (parses(src, goal)) {                                                                   \
            fprintf(stderr, "  accepted %s\n", src);                                               \
        }                                                                                          \
        CHECK(!parses(src, goal));                                                                 \
    } while (0)

static int name_is(const jsp_node *n, const char *s) {
    return n != NULL && jsp_name_eq(n, s, strlen(s));
}

static const jsp_node *first_stmt(const jsp_ast *ast) {
    return ast->ok ? ast->program->a : NULL;
}

/* The expression of the first statement (an expression statement). */
static const jsp_node *first_expr(const jsp_ast *ast) {
    const jsp_node *s = first_stmt(ast);
    return s && s->kind == JSP_N_EXPR_STMT ? s->a : NULL;
}

TEST(parser_precedence) {
    jsp_ast *ast = parse("a + b * c ** d ** e - f", JSP_GOAL_SCRIPT);
    const jsp_node *e = first_expr(ast);
    CHECK(e && e->kind == JSP_N_BINARY && e->op == JSP_T_MINUS);
    const jsp_node *plus = e ? e->a : NULL;
    CHECK(plus && plus->op == JSP_T_PLUS && name_is(plus->a, "a"));
    const jsp_node *mul = plus ? plus->b : NULL;
    CHECK(mul && mul->op == JSP_T_STAR);
    const jsp_node *pow = mul ? mul->b : NULL;
    CHECK(pow && pow->op == JSP_T_STAR2 && name_is(pow->a, "c"));
    CHECK(pow && pow->b->op == JSP_T_STAR2 && name_is(pow->b->a, "d")); /* right-assoc */
    jsp_ast_free(ast);

    ast = parse("x = a ? b : c ? d : e, y", JSP_GOAL_SCRIPT);
    e = first_expr(ast);
    CHECK(e && e->kind == JSP_N_SEQUENCE);
    CHECK(e && e->a->kind == JSP_N_ASSIGN && e->a->b->kind == JSP_N_CONDITIONAL);
    CHECK(e && e->a->b->c->kind == JSP_N_CONDITIONAL);
    CHECK(e && name_is(e->a->next, "y"));
    jsp_ast_free(ast);

    ast = parse("a || b && c ?? d", JSP_GOAL_SCRIPT);
    CHECK(!ast->ok); /* ?? does not mix with || */
    jsp_ast_free(ast);
    ast = parse("!a instanceof B in c", JSP_GOAL_SCRIPT);
    e = first_expr(ast);
    CHECK(e && e->kind == JSP_N_BINARY && (e->flags & JSP_NF_KW) && e->op == JSP_KW_IN);
    CHECK(e && e->a->op == JSP_KW_INSTANCEOF && e->a->a->kind == JSP_N_UNARY);
    jsp_ast_free(ast);
    REJECT("-a ** b", JSP_GOAL_SCRIPT);
    ACCEPT("(-a) ** b; a ** -b; ++a ** 2", JSP_GOAL_SCRIPT);
}

TEST(parser_regexp_vs_division) {
    struct {
        const char *src;
        jsp_node_kind kind; /* of the first statement's expression */
    } cases[] = {
        {"a / b / c", JSP_N_BINARY},
        {"/re/g.test(x)", JSP_N_CALL},
        {"x = a\n/foo/g", JSP_N_ASSIGN}, /* a / foo / g: no ASI here */
        {"(a) / 2", JSP_N_BINARY},
        {"[] / 2", JSP_N_BINARY},
        {"x++ / 2", JSP_N_BINARY},
        {"typeof /x/", JSP_N_UNARY},
        {"a = /=/", JSP_N_ASSIGN},
        {"`${a}` / 2", JSP_N_BINARY},
        {"this / 1", JSP_N_BINARY},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        jsp_ast *ast = parse(cases[i].src, JSP_GOAL_SCRIPT);
        const jsp_node *e = first_expr(ast);
        CHECK(e != NULL && e->kind == cases[i].kind);
        jsp_ast_free(ast);
    }
    jsp_ast *ast = parse("{}\n/foo/g.exec(s)", JSP_GOAL_SCRIPT);
    const jsp_node *s = first_stmt(ast);
    CHECK(s && s->kind == JSP_N_BLOCK && s->next && s->next->a->kind == JSP_N_CALL);
    jsp_ast_free(ast);
    ast = parse("if (x) /a/.test(y)", JSP_GOAL_SCRIPT);
    s = first_stmt(ast);
    CHECK(s && s->kind == JSP_N_IF && s->b->a->a->a->kind == JSP_N_REGEXP);
    jsp_ast_free(ast);
    ast = parse("x = a => {}\n/re/", JSP_GOAL_SCRIPT);
    s = first_stmt(ast);
    CHECK(s && s->next && s->next->a->kind == JSP_N_REGEXP);
    jsp_ast_free(ast);
    ast = parse("x = y / z /* c */ / 2", JSP_GOAL_SCRIPT);
    CHECK(ast->ok);
    jsp_ast_free(ast);
}

TEST(parser_templates) {
    jsp_ast *ast = parse("tag`a${b}c${`d${e}`}f`", JSP_GOAL_SCRIPT);
    const jsp_node *e = first_expr(ast);
    CHECK(e && e->kind == JSP_N_TAGGED_TEMPLATE && name_is(e->a, "tag"));
    const jsp_node *t = e ? e->b : NULL;
    CHECK(t && t->kind == JSP_N_TEMPLATE);
    CHECK(t && name_is(t->a, "a") && name_is(t->a->next, "c") && name_is(t->a->next->next, "f"));
    CHECK(t && name_is(t->b, "b") && t->b->next->kind == JSP_N_TEMPLATE);
    jsp_ast_free(ast);
    ACCEPT("tag`\\unicode`", JSP_GOAL_SCRIPT);
    REJECT("`\\unicode`", JSP_GOAL_SCRIPT);
    REJECT("`${a`", JSP_GOAL_SCRIPT);
    REJECT("a?.b`x`", JSP_GOAL_SCRIPT);
    ACCEPT("x = `${ {a: 1}.a }${ function () { return `}` }() }`", JSP_GOAL_SCRIPT);
}

TEST(parser_asi) {
    jsp_ast *ast = parse("a\n++b", JSP_GOAL_SCRIPT);
    const jsp_node *s = first_stmt(ast);
    CHECK(s && name_is(s->a, "a") && s->next && s->next->a->kind == JSP_N_UPDATE);
    CHECK(s && (s->next->a->flags & JSP_NF_PREFIX));
    jsp_ast_free(ast);

    ast = parse("function f() { return\n1 }", JSP_GOAL_SCRIPT);
    s = first_stmt(ast);
    CHECK(s && s->kind == JSP_N_FUNCTION && s->c->a->kind == JSP_N_RETURN && s->c->a->a == NULL);
    jsp_ast_free(ast);

    ast = parse("a = b\n(c)", JSP_GOAL_SCRIPT); /* no ASI: a call */
    s = first_stmt(ast);
    CHECK(s && s->next == NULL && s->a->b->kind == JSP_N_CALL);
    jsp_ast_free(ast);

    ast = parse("let x = 1\nlet y = 2\nx\n;[a] = b", JSP_GOAL_SCRIPT);
    CHECK(ast->ok);
    jsp_ast_free(ast);
    ACCEPT("do x; while (0) y", JSP_GOAL_SCRIPT);
    ACCEPT("var a = 1\nvar b", JSP_GOAL_SCRIPT);
    ACCEPT("l: for (;;) { break l\ncontinue l\n}", JSP_GOAL_SCRIPT);
    ACCEPT("class A { a = 1\nb\n['c']\nstatic\nd() {} }", JSP_GOAL_SCRIPT);
    REJECT("a b", JSP_GOAL_SCRIPT);
    REJECT("throw\nx", JSP_GOAL_SCRIPT);
    REJECT("a\n++\n", JSP_GOAL_SCRIPT);
    REJECT("for (a\nb;;) {}", JSP_GOAL_SCRIPT);
    REJECT("var a = 1 var b", JSP_GOAL_SCRIPT);
}

TEST(parser_statements_accept) {
    const char *ok[] = {
        "var a, b = 1, [c, , ...d] = e, {f, g: [h], ...i} = j;",
        "let {a = 1, b: {c} = {}} = d; const [e = 2] = f;",
        "for (var i = 0, j; i < 1; i++) {} for (let [a, b] of c) {} for (const k in o) ;",
        "for (x.y of z) {} for ([a, b] of c) {} for ({a} of b) {} for (;;) break;",
        "for (let in x) {} for (var a = 1 in b) {}",
        "l1: l2: for (;;) { continue l1; } l3: { break l3; }",
        "switch (a) { case 1: case 2: b(); break; default: c() }",
        "try { a() } catch { b() } finally { c() } try {} catch ([a, {b}]) {}",
        "if (a) b; else if (c) d; else { e }",
        "while (a) do b; while (c)",
        "with (a) b",
        "if (a) function f() {}",
        "debugger;",
        "function f(a, b = 1, [c], {d}, ...e) { 'use strict'.length }",
        "function* g() { yield; yield 1; yield* g(); const x = yield; }",
        "async function f() { await 1; for await (const x of y) {} }",
        "async function* f() { yield await 1 }",
        "var f = async () => { await 1 }, g = async x => x, h = async (a, b) => a;",
        "var async = 1; async(1); async\n(1)",
        "var yield, let, static, await; let = 1",
        "class A extends B { #x = 1; static #y; static { this.q = 1 } constructor() { super() }"
        " get z() { return this.#x } set z(v) {} static async *m() {} #p() {} h(o) { return #x in o }"
        " [Symbol.iterator]() {} static = 1; get; set; async }",
        "class A { 'constructor'() {} }",
        "x = class { static async *[k]() {} }; y = class extends (a, b) {}",
        "({ get, set, async, get a() { return 1 }, set a(v) {}, async *b() {}, [c]: 1, ...d, e() {} })",
        "({ __proto__: a, __proto__: b } = c)",
        "({ a = 1 } = {}); [{ b = 2 }] = []; ({ c: { d = 3 } } = {});",
        "(a, b) => a; (a = 1, {b, c} = {}, [d, ...e], ...f) => 0; (a, b,) => 0; () => {}",
        "a => b => c; x = y => ({}); z = a ? b : c => d",
        "a?.b; a?.[b]; a?.(b); a?.b.c(d)?.[e]",
        "new a.b.C(); new new X()(); new X; function f() { new.target === undefined }",
        "x ?\?= 1; y ||= 2; z &&= 3; w **= 2; v >>>= 1",
        "a = b ? (c, d) : e; (a) = 1; ((a)) = 1; (a.b) = 1; [(a)] = 1; [...a.b] = c",
        "f() = 1; f()++; ++f()",
        "x = { if: 1, class: 2, new: 3 }; obj.if.class.new; x.await.yield",
        "\\u0061bc = 1; \\u{62}c = 1; caf\xC3\xA9 = 1",
        "x = 1 <!-- html comment\n--> html close\n",
        "#!/usr/bin/env node\nx",
        "import('x'); import('x', { with: {} }); import(a, b,)",
        "0x1F + 0o17 + 0b101 + 1_000 + 123n + .5 + 5..toString() + 010 + 08",
        "'use strict'; var a = 1",
        "function f() { 'use strict'; return this }",
        "a\n?.5:1", "f = async of => 1; async\nof => 1; for (async.x of y) ;",
        "x = function* () { yield\n/re/ }",
        "label: function f() {}",
        "var \\u{1d4b3} = 1",
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        ACCEPT(ok[i], JSP_GOAL_SCRIPT);
    }
}

TEST(parser_statements_reject) {
    const char *bad[] = {
        "let let = 1", "let [let] = x", "const a;", "var [a];", "for (let a = 1 in b) {}",
        "for (const x of y, z) {}", "for (let of x) {}", "for (async of x) {}",
        "'use strict'; with (a) {}", "'use strict'; var eval = 1", "'use strict'; 010",
        "'use strict'; '\\01'", "'use strict'; delete x", "'use strict'; function f(a, a) {}",
        "(a, a) => 0", "function f(a = 1) { 'use strict' }", "return", "new.target",
        "break", "continue", "l: { continue l; }", "a: a: ;", "break nope",
        "switch (a) { default: default: }", "try {}", "if (a) let\n[x] = 1",
        "if (a) class C {}", "while (0) function f() {}", "class A { constructor() { super() } }",
        "class A { get constructor() {} }", "class A { static prototype() {} }",
        "class A { constructor() {} constructor() {} }", "class A { #a; #a; }",
        "class A { #constructor() {} }", "class A { x = arguments }",
        "class A { m() { this.#nope } }", "x.#y", "function f() { super.x }",
        "({ m() { super() } })", "a = { __proto__: 1, __proto__: 2 }", "({ a = 1 })",
        "({a}) = 1", "([a]) = 1", "[...a, b] = c", "[...a,] = c", "a + b = c", "++a++",
        "a?.b = 1", "new a?.b", "(...a)", "(a, b,)", "()", "async\n(a) => a",
        "function* g() { var yield; }", "async function f() { var await }",
        "function* g(a = yield) {}", "async function f(a = await 1) {}",
        "import.meta", "new import('x')", "v\\u0061r x = 1", "x = 1 =>", "a => {} + 1",
        "import x from 'y'", "export var a", "1__0", "0_1", "1.5n", "'abc", "/abc",
        "/* open", "`open", "a\\x41", "{", "}", ")", "x = [", "f(,)", "({a:})",
        "class { }", "function () {}", "if (a) else b", "x = y\n=> 1",
        "class A { constructor() {} 'constructor'() {} }",
        "@", "a ? b", "typeof", "new", "yield = 1; function* g() { yield = 1 }",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        REJECT(bad[i], JSP_GOAL_SCRIPT);
    }
}

static const jsp_node *spec_at(const jsp_node *list, int i) {
    while (list && i-- > 0) {
        list = list->next;
    }
    return list;
}

TEST(parser_import_forms) {
    jsp_ast *ast = parse("import 'side';\n"
                         "import def from './a.js';\n"
                         "import * as ns from \"b\";\n"
                         "import { x, y as z, default as d, 'str name' as s } from 'c';\n"
                         "import def2, * as ns2 from 'd';\n"
                         "import def3, { w } from 'e';\n"
                         "import json from './f.json' with { type: 'json' };\n"
                         "import {} from 'g';\n"
                         "import { if as iff, } from 'h';\n",
                         JSP_GOAL_MODULE);
    CHECK(ast->ok);
    const jsp_node *s = first_stmt(ast);
    CHECK(s && s->kind == JSP_N_IMPORT && s->a == NULL && name_is(s->b, "side"));
    s = s ? s->next : NULL;
    CHECK(s && s->a->kind == JSP_N_IMPORT_DEFAULT && name_is(s->a->b, "def"));
    CHECK(s && name_is(s->b, "./a.js") && s->b->kind == JSP_N_STRING && s->line == 2);
    s = s ? s->next : NULL;
    CHECK(s && s->a->kind == JSP_N_IMPORT_NAMESPACE && name_is(s->a->b, "ns") && name_is(s->b, "b"));
    s = s ? s->next : NULL;
    if (s) {
        const jsp_node *sp = s->a;
        CHECK(sp->kind == JSP_N_IMPORT_SPECIFIER && name_is(sp->a, "x") && name_is(sp->b, "x"));
        sp = spec_at(s->a, 1);
        CHECK(name_is(sp->a, "y") && name_is(sp->b, "z"));
        sp = spec_at(s->a, 2);
        CHECK(name_is(sp->a, "default") && name_is(sp->b, "d"));
        sp = spec_at(s->a, 3);
        CHECK(sp->a->kind == JSP_N_STRING && name_is(sp->a, "str name") && name_is(sp->b, "s"));
        CHECK(spec_at(s->a, 4) == NULL);
    }
    s = s ? s->next : NULL;
    CHECK(s && s->a->kind == JSP_N_IMPORT_DEFAULT && s->a->next->kind == JSP_N_IMPORT_NAMESPACE);
    CHECK(s && name_is(s->a->next->b, "ns2"));
    s = s ? s->next : NULL;
    CHECK(s && name_is(s->a->b, "def3") && s->a->next->kind == JSP_N_IMPORT_SPECIFIER);
    s = s ? s->next : NULL;
    CHECK(s && s->c && name_is(s->c->a, "type") && name_is(s->c->b, "json") && !s->c->next);
    s = s ? s->next : NULL;
    CHECK(s && s->a == NULL && name_is(s->b, "g"));
    s = s ? s->next : NULL;
    CHECK(s && name_is(s->a->a, "if") && name_is(s->a->b, "iff"));
    jsp_ast_free(ast);

    const char *bad[] = {
        "import { if } from 'a'", "import { 'str' } from 'a'", "import * from 'a'",
        "import x, y from 'a'", "import { a as b.c } from 'a'", "import a from b",
        "import { x } from 'a' with { type: 'json', type: 'json' }", "import a",
        "function f() { import a from 'b' }", "{ import a from 'b' }", "import {a} from 'x' with {type: 1}",
        "import { await } from 'a'", "import eval from 'a'",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        REJECT(bad[i], JSP_GOAL_MODULE);
    }
}

TEST(parser_export_forms) {
    jsp_ast *ast = parse("export var a = 1, { b, c: [d] } = o;\n"
                         "export let e; export const f = 2;\n"
                         "export function g() {} export async function h() {}\n"
                         "export function* i() {} export class J {}\n"
                         "export { a as k, e as 'string name', f as default };\n"
                         "export * from 'm1';\n"
                         "export * as ns from 'm2';\n"
                         "export * as 'ns 2' from 'm3';\n"
                         "export { x as y, default as dflt, 'q' as r } from 'm4' with { type: 'json' };\n",
                         JSP_GOAL_MODULE);
    if (!ast->ok) {
        fprintf(stderr, "  %u:%u %s\n", ast->error.line, ast->error.col, ast->error.message);
    }
    const jsp_node *s = first_stmt(ast);
    CHECK(s && s->kind == JSP_N_EXPORT_NAMED && s->a->kind == JSP_N_VAR_DECL);
    CHECK(s && s->a->op == JSP_KW_VAR && s->a->a->next->a->kind == JSP_N_OBJECT_PATTERN);
    s = spec_at(s, 3);
    CHECK(s && s->a->kind == JSP_N_FUNCTION && name_is(s->a->a, "g") && (s->a->flags & JSP_NF_DECL));
    s = spec_at(s, 1);
    CHECK(s && (s->a->flags & JSP_NF_ASYNC));
    s = spec_at(s, 2);
    CHECK(s && s->a->kind == JSP_N_CLASS && name_is(s->a->a, "J"));
    s = spec_at(s, 1);
    if (s) {
        CHECK(s->kind == JSP_N_EXPORT_NAMED && s->a == NULL && s->c == NULL);
        CHECK(name_is(s->b->a, "a") && name_is(s->b->b, "k"));
        CHECK(s->b->next->b->kind == JSP_N_STRING && name_is(s->b->next->b, "string name"));
        CHECK(name_is(spec_at(s->b, 2)->b, "default"));
    }
    s = spec_at(s, 1);
    CHECK(s && s->kind == JSP_N_EXPORT_ALL && s->a == NULL && name_is(s->c, "m1"));
    s = spec_at(s, 1);
    CHECK(s && s->kind == JSP_N_EXPORT_ALL && name_is(s->a, "ns") && name_is(s->c, "m2"));
    s = spec_at(s, 1);
    CHECK(s && s->a->kind == JSP_N_STRING && name_is(s->a, "ns 2"));
    s = spec_at(s, 1);
    if (s) {
        CHECK(s->kind == JSP_N_EXPORT_NAMED && name_is(s->c, "m4") && name_is(s->d->b, "json"));
        CHECK(name_is(s->b->a, "x") && name_is(s->b->b, "y"));
        CHECK(name_is(s->b->next->a, "default") && name_is(s->b->next->b, "dflt"));
        CHECK(s->b->next->next->a->kind == JSP_N_STRING && name_is(s->b->next->next->b, "r"));
    }
    jsp_ast_free(ast);

    /* the export default forms */
    struct {
        const char *src;
        jsp_node_kind kind;
        int named;
    } defs[] = {
        {"export default function () {}", JSP_N_FUNCTION, 0},
        {"export default function f() {}", JSP_N_FUNCTION, 1},
        {"export default async function () {}", JSP_N_FUNCTION, 0},
        {"export default function* g() {}", JSP_N_FUNCTION, 1},
        {"export default class {}", JSP_N_CLASS, 0},
        {"export default class C extends D {}", JSP_N_CLASS, 1},
        {"export default 1 + 2;", JSP_N_BINARY, 0},
        {"export default (function () {});", JSP_N_FUNCTION, 0},
        {"export default async () => 1", JSP_N_FUNCTION, 0},
    };
    for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++) {
        ast = parse(defs[i].src, JSP_GOAL_MODULE);
        s = first_stmt(ast);
        CHECK(s && s->kind == JSP_N_EXPORT_DEFAULT && s->a->kind == defs[i].kind);
        CHECK(s && (s->a->kind == JSP_N_BINARY || (s->a->a != NULL) == defs[i].named));
        jsp_ast_free(ast);
    }
    ast = parse("export default function () {}\n(1)", JSP_GOAL_MODULE);
    s = first_stmt(ast);
    CHECK(s && (s->a->flags & JSP_NF_DECL) && s->next && s->next->kind == JSP_N_EXPR_STMT);
    jsp_ast_free(ast);

    const char *bad[] = {
        "export { a as b }; export { c as b }", "export default 1; export default 2",
        "export var a; export let a", "export function f() {} export { g as f }",
        "export * as x from 'a'; export var x", "export { if }", "export { 'str' }",
        "export { a } from", "export async () => 1", "export let", "export 1",
        "function f() { export var a }", "export { x as 'a\\uD800' } from 'y'",
        "export default var a", "export * from 'a' with { type: 'json', type: 'x' }",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        REJECT(bad[i], JSP_GOAL_MODULE);
    }
    ACCEPT("export { if } from 'a'; export { 'str' } from 'b'; export { default } from 'c'",
           JSP_GOAL_MODULE);
    ACCEPT("var a; export { a, a as b, a as 'c' }", JSP_GOAL_MODULE);
}

TEST(parser_module_goal) {
    jsp_ast *ast = parse("const x = await import('a');\nfunction f() { arguments }", JSP_GOAL_MODULE);
    CHECK(ast->ok && (ast->program->flags & JSP_NF_HAS_AWAIT) &&
          (ast->program->flags & JSP_NF_MODULE) && (ast->program->flags & JSP_NF_STRICT));
    CHECK(ast->ok && !(ast->program->flags & JSP_NF_USES_ARGUMENTS));
    jsp_ast_free(ast);
    ast = parse("async function f() { await 1 } const g = async () => await 2;", JSP_GOAL_MODULE);
    CHECK(ast->ok && !(ast->program->flags & JSP_NF_HAS_AWAIT));
    jsp_ast_free(ast);
    ast = parse("for await (const x of y) {}", JSP_GOAL_MODULE);
    CHECK(ast->ok && (ast->program->flags & JSP_NF_HAS_AWAIT));
    jsp_ast_free(ast);
    ast = parse("const a = () => arguments;", JSP_GOAL_MODULE);
    CHECK(ast->ok && (ast->program->flags & JSP_NF_USES_ARGUMENTS));
    jsp_ast_free(ast);
    ast = parse("x = import.meta.url", JSP_GOAL_MODULE);
    const jsp_node *e = first_expr(ast);
    CHECK(e && e->b->a->kind == JSP_N_META_PROPERTY && e->b->a->op == JSP_META_IMPORT_META);
    jsp_ast_free(ast);
    /* module code is strict and has no HTML comments; await is reserved */
    REJECT("with (a) {}", JSP_GOAL_MODULE);
    REJECT("<!-- y", JSP_GOAL_MODULE);
    REJECT("x\n--> y", JSP_GOAL_MODULE);
    ACCEPT("x --> y", JSP_GOAL_MODULE);
    ACCEPT("<!-- y", JSP_GOAL_SCRIPT);
    REJECT("var await", JSP_GOAL_MODULE);
    REJECT("function f() { var await }", JSP_GOAL_MODULE);
    REJECT("function f() { await 1 }", JSP_GOAL_MODULE);
    REJECT("const f = () => await 1", JSP_GOAL_MODULE);
    REJECT("return 1", JSP_GOAL_MODULE);
    REJECT("010", JSP_GOAL_MODULE);
    ACCEPT("await 1; await\n1", JSP_GOAL_MODULE);
    ACCEPT("var await", JSP_GOAL_SCRIPT);
    ACCEPT("await(1)", JSP_GOAL_SCRIPT);
    ACCEPT("import.meta; import('x')", JSP_GOAL_MODULE);
    /* CommonJS wrappers parse as function bodies */
    jsp_ast *cjs = jsp_parse("return 1", 8, JSP_GOAL_SCRIPT, JSP_PARSE_FUNCTION);
    CHECK(cjs->ok);
    jsp_ast_free(cjs);
    cjs = jsp_parse("with (a) {}", 11, JSP_GOAL_SCRIPT, JSP_PARSE_STRICT);
    CHECK(!cjs->ok);
    jsp_ast_free(cjs);
}

TEST(parser_error_positions) {
    struct {
        const char *src;
        jsp_goal goal;
        uint32_t line, col;
        const char *message;
    } cases[] = {
        {"let a = 1;\nlet b = ;", JSP_GOAL_SCRIPT, 2, 9, "Unexpected token ';'"},
        {"foo(\n  a b)", JSP_GOAL_SCRIPT, 2, 5, "missing ) after argument list"},
        {"foo;\n  a b", JSP_GOAL_SCRIPT, 2, 5, "Unexpected identifier 'b'"},
        {"function f() { await x }", JSP_GOAL_SCRIPT, 1, 16,
         "await is only valid in async functions and the top level bodies of modules"},
        {"x = '\xF0\x9F\x98\x80' }", JSP_GOAL_SCRIPT, 1, 10, "Unexpected token '}'"},
        {"if (a) {", JSP_GOAL_SCRIPT, 1, 9, "Unexpected end of input"},
        {"x = 'abc", JSP_GOAL_SCRIPT, 1, 5, "Invalid or unexpected token"},
        {"a\r\nb\r\nc d", JSP_GOAL_SCRIPT, 3, 3, "Unexpected identifier 'd'"},
        {"import x from 'y'", JSP_GOAL_SCRIPT, 1, 1, "Cannot use import statement outside a module"},
        {"export var a; export var a;", JSP_GOAL_MODULE, 1, 26, "Duplicate export of 'a'"},
        {"  await 1", JSP_GOAL_SCRIPT, 1, 3,
         "await is only valid in async functions and the top level bodies of modules"},
        {"function f() {\n  await x;\n}", JSP_GOAL_MODULE, 2, 3, "Unexpected reserved word"},
        {"let let = 1", JSP_GOAL_SCRIPT, 1, 5, "let is disallowed as a lexically bound name"},
        {"class A { m() { this.#x } }", JSP_GOAL_SCRIPT, 1, 22,
         "Private field '#x' must be declared in an enclosing class"},
        {"({a = 1})", JSP_GOAL_SCRIPT, 1, 5, "Invalid shorthand property initializer"},
        {"x = `${a`", JSP_GOAL_SCRIPT, 1, 10, "Unexpected end of input"},
        {"x = `${a b}`", JSP_GOAL_SCRIPT, 1, 10, "Missing } in template expression"},
        {"f(a b)", JSP_GOAL_SCRIPT, 1, 5, "missing ) after argument list"},
        {"f(a", JSP_GOAL_SCRIPT, 1, 4, "missing ) after argument list"},
        {"const {a};", JSP_GOAL_SCRIPT, 1, 10, "Missing initializer in destructuring declaration"},
        {"/* x", JSP_GOAL_SCRIPT, 1, 1, "Invalid or unexpected token"},
        {"break;", JSP_GOAL_SCRIPT, 1, 1, "Illegal break statement"},
        {"return;", JSP_GOAL_SCRIPT, 1, 1, "Illegal return statement"},
        {"'use strict';\n  with (a) {}", JSP_GOAL_SCRIPT, 2, 3,
         "Strict mode code may not include a with statement"},
        {"a ?? b || c", JSP_GOAL_SCRIPT, 1, 8, "Unexpected token '||'"},
        {"export let a; export function a() {}", JSP_GOAL_MODULE, 1, 31,
         "Identifier 'a' has already been declared"},
        {"{ import x from 'y' }", JSP_GOAL_MODULE, 1, 10, "Unexpected identifier 'x'"},
        {"export foo", JSP_GOAL_MODULE, 1, 1, "Unexpected token 'export'"},
        {"a || b ?? c", JSP_GOAL_SCRIPT, 1, 8, "Unexpected token '?\?'"},
        {"x = `a\\01`", JSP_GOAL_SCRIPT, 1, 7,
         "Octal escape sequences are not allowed in template strings."},
        {"x = `\\u{110000}`", JSP_GOAL_SCRIPT, 1, 6, "Undefined Unicode code-point"},
        {"x = 1__0", JSP_GOAL_SCRIPT, 1, 7, "Only one underscore is allowed as numeric separator"},
        {"x = 1_", JSP_GOAL_SCRIPT, 1, 7,
         "Numeric separators are not allowed at the end of numeric literals"},
        {"for (async of x) {}", JSP_GOAL_SCRIPT, 1, 6,
         "The left-hand side of a for-of loop may not be 'async'."},
        {"class A { get constructor() {} }", JSP_GOAL_SCRIPT, 1, 15,
         "Class constructor may not be an accessor"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        jsp_ast *ast = parse(cases[i].src, cases[i].goal);
        CHECK(!ast->ok);
        int match = ast->error.line == cases[i].line && ast->error.col == cases[i].col &&
                    strcmp(ast->error.message, cases[i].message) == 0;
        if (!match) {
            fprintf(stderr, "  case %zu: got %u:%u %s\n", i, ast->error.line, ast->error.col,
                    ast->error.message);
        }
        CHECK(match);
        jsp_ast_free(ast);
    }
}

TEST(parser_node_positions) {
    jsp_ast *ast = parse("var x;\n  foo(bar, '\xC3\xA9', baz)", JSP_GOAL_SCRIPT);
    const jsp_node *s = first_stmt(ast);
    const jsp_node *call = s && s->next ? s->next->a : NULL;
    CHECK(call && call->kind == JSP_N_CALL && call->line == 2 && call->col == 3);
    CHECK(call && call->start == 9 && call->end == 28);
    const jsp_node *arg = call ? spec_at(call->b, 2) : NULL;
    CHECK(arg && name_is(arg, "baz") && arg->line == 2 && arg->col == 17 && arg->start == 24);
    jsp_ast_free(ast);
}

TEST(parser_deep_nesting_is_an_error) {
    static char src[20001];
    memset(src, '(', 10000);
    memset(src + 10000, ')', 10000);
    src[20000] = 0;
    jsp_ast *ast = parse(src, JSP_GOAL_SCRIPT);
    CHECK(!ast->ok);
    jsp_ast_free(ast);
    memset(src, '[', 20000);
    ast = parse(src, JSP_GOAL_SCRIPT);
    CHECK(!ast->ok);
    jsp_ast_free(ast);
}

TEST(parser_redeclarations_in_scopes) {
    const char *bad[] = {
        "{ let a; var a; }", "{ var a; let a; }", "{ let a; { var a; } }", "{ { var a; } let a; }",
        "function f(a) { let a; }", "(a) => { const a = 1; }", "({a}) => { let a; }",
        "switch (1) { case 1: let a; case 2: let a; }", "switch (1) { default: function a() {} case 2: let a }",
        "try {} catch (a) { let a; }", "try {} catch (a) { function a() {} }",
        "try {} catch ([a]) { var a; }", "try {} catch (a) { for (var a of b); }",
        "try {} catch ([a, a]) {}", "for (let a;;) { var a; }", "for (const a of b) { var a; }",
        "for (let a, a;;);", "for (let [a, a] of b);", "{ function a() {} function* a() {} }",
        "{ async function a() {} function a() {} }", "{ class a {} function a() {} }",
        "'use strict'; { function a() {} function a() {} }", "function f() { let a; const a = 1; }",
        "class C { static { var a; let a; } }", "let a; function a() {}",
        "(a, a) => 1", "(a, ...a) => 1", "function f(a, [a]) {}", "function f(a, a) { 'use strict' }",
        "'use strict'; function f(a, a) {}", "({ m(a, a) {} })", "function f(a = 1, a) {}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        REJECT(bad[i], JSP_GOAL_SCRIPT);
    }
    const char *ok[] = {
        "var a; var a;", "function f(a) { var a; function a() {} }", "function a() {} var a;",
        "{ let a; } { let a; }", "let a; { let a; }", "try {} catch (a) { var a; }",
        "try {} catch (a) { for (var a in b); }", "try {} catch (a) { let b; } let a;",
        "{ function a() {} function a() {} }", "for (let a;;) { let a; }",
        "for (let a of b) { let a; }", "function f(a, a) {}", "(function a() { let a; })",
        "class C { m() { var a; } static { let a; } }", "function f() { var a; { var a; } }",
        "label: function f() {}", "if (1) function f() {}", "var f; if (1) function f() {}",
        "x => { var x; }",
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        ACCEPT(ok[i], JSP_GOAL_SCRIPT);
    }
    REJECT("function a() {} function a() {}", JSP_GOAL_MODULE);
    REJECT("var a; function a() {}", JSP_GOAL_MODULE);
    ACCEPT("export { x }; if (1) { var x; }", JSP_GOAL_MODULE);
    REJECT("export { x }; { let x; }", JSP_GOAL_MODULE);
    jsp_ast *ast = parse("function f() {\n  var b;\n  { let b; var b; }\n}", JSP_GOAL_SCRIPT);
    CHECK(!ast->ok && ast->error.line == 3 && ast->error.col == 16);
    CHECK(strcmp(ast->error.message, "Identifier 'b' has already been declared") == 0);
    jsp_ast_free(ast);
}

TEST(parser_early_errors_misc) {
    const char *bad[] = {
        /* "use strict" in a body applies to its name and parameters */
        "function static() { 'use strict'; }", "(function package() { 'use strict'; })",
        "function a(yield) { 'use strict'; }", "package => { 'use strict' }",
        "!{ a(let) { 'use strict'; } }", "function a(eval) { 'use strict'; }",
        "function f() { '\\1'; 'use strict'; }", "'\\08'; 'use strict';",
        /* yield / await expressions in arrow parameters */
        "function* g() { (a = yield) => 1; }", "function* g() { ({ [yield]: a }) => 1; }",
        "async function f() { (a = await 1) => 1; }", "async (a = await) => 1",
        "async ({ await }) => 1", "function* g() { async (a = yield) => 1; }",
        /* labelled functions */
        "l: function* g() {}", "if (1) l: function f() {}", "while (1) l: function f() {}",
        "for (;;) l: m: function f() {}", "'use strict'; l: function f() {}",
        "if (1) function* g() {}", "with (a) l: function f() {}",
        /* arrows are not operands */
        "typeof () => {}", "a + b => 1", "!x => 1", "void async () => 1",
        /* super and import.meta after new */
        "class A extends B { constructor() { new super(); } }", "'use strict'; f() = 1",
        "f() &&= 1", "/(/", "/a{2,1}/", "/\\u{110000}/u", "/{*/u", "/(?<a>.)(?<a>.)/",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        REJECT(bad[i], JSP_GOAL_SCRIPT);
    }
    const char *ok[] = {
        "function* g() { (yield); (a = function* () { yield; }) => 1; }",
        "async (a = x.await) => 1", "async(await)", "(a = async () => await 1) => 1",
        "f() = 1", "f()++", "for (f() in x);", "a ? b => 1 : c => 2", "x => y => z",
        "class A extends B { constructor() { new super.x(); new super[1](); } }",
        "function f() { '\\1'; }", "'\\8'", "/{*/", "/(?<a>.)|(?<a>.)/", "/[\\q{abc}]/v",
        "/(?i:a)/",
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        ACCEPT(ok[i], JSP_GOAL_SCRIPT);
    }
    ACCEPT("new import.meta.x()", JSP_GOAL_MODULE);
    jsp_ast *ast = parse("new import.meta.x()", JSP_GOAL_MODULE);
    const jsp_node *e = first_expr(ast);
    CHECK(e && e->kind == JSP_N_NEW && e->b == NULL && e->a->kind == JSP_N_MEMBER);
    jsp_ast_free(ast);
    ast = parse("x = /a)/", JSP_GOAL_SCRIPT);
    CHECK(!ast->ok && ast->error.col == 7);
    CHECK(strncmp(ast->error.message, "Invalid regular expression: /a)/: ", 34) == 0);
    jsp_ast_free(ast);
}
