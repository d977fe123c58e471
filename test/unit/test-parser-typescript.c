/* test-parser-typescript.c: TypeScript type stripping (src/parser/typescript.c): the exact
 * JavaScript for each construct, with lines and columns kept, the transforms of enums,
 * namespaces, parameter properties and the CommonJS forms, and the errors. */
#include "parser/typescript.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

static void ts_expect(const char *src, unsigned flags, const char *want, int line) {
    jsp_ts_result r;
    int err = jsp_ts_strip(src, strlen(src), flags, &r);
    if (err != 0 || strcmp(r.code, want) != 0) {
        fprintf(stderr, "  line %d: for  %s\n    want %s\n    got  %s (%s)\n", line, src, want,
                err ? "ERROR" : r.code, err ? r.error.message : "");
        if (getenv("TS_PRINT_GOT") && err == 0) {
            fprintf(stderr, "GOT %d \"", line);
            for (const char *c = r.code; *c; c++) {
                fprintf(stderr, *c == '\n' ? "\\n" : *c == '"' ? "\\\"" : "%c", *c);
            }
            fprintf(stderr, "\"\n");
        }
        test_failures++;
    }
    jsp_ts_result_free(&r);
}
#define TS_EXPECT(src, want) ts_expect(src, 0, want, __LINE__)
#define TS_EXPECT_MODULE(src, want) ts_expect(src, JSP_TS_MODULE, want, __LINE__)

/* The UTF-16 length of each line of s, written to cols (at most n lines); returns lines. */
static size_t ts_line_units(const char *s, size_t *cols, size_t n) {
    size_t lines = 0, units = 0;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n' || c == '\0') {
            if (lines < n) {
                cols[lines] = units;
            }
            lines++;
            units = 0;
            if (c == '\0') {
                return lines;
            }
        } else if (c < 0x80 || c >= 0xC0) {
            units += c >= 0xF0 ? 2 : 1;
        }
    }
}

/* Stripping must keep the UTF-16 length of every line (all erasable constructs). */
static void ts_same_shape(const char *src, int line) {
    jsp_ts_result r;
    int err = jsp_ts_strip(src, strlen(src), JSP_TS_MODULE, &r);
    size_t a[64], b[64];
    int ok = err == 0;
    if (ok) {
        size_t na = ts_line_units(src, a, 64), nb = ts_line_units(r.code, b, 64);
        ok = na == nb && na <= 64 && memcmp(a, b, na * sizeof(a[0])) == 0;
    }
    if (!ok) {
        fprintf(stderr, "  line %d: shape changed for %s\n    got %s\n", line, src,
                err ? r.error.message : r.code);
        test_failures++;
    }
    jsp_ts_result_free(&r);
}

static void ts_error(const char *src, unsigned flags, unsigned eline, unsigned ecol, int line) {
    jsp_ts_result r;
    int err = jsp_ts_strip(src, strlen(src), flags, &r);
    if (err != 1 || r.error.line != eline || r.error.col != ecol) {
        fprintf(stderr, "  line %d: want an error at %u:%u for %s, got %d %u:%u %s\n", line, eline,
                ecol, src, err, r.error.line, r.error.col, err ? r.error.message : r.code);
        test_failures++;
    }
    jsp_ts_result_free(&r);
}

TEST(typescript_annotations) {
    TS_EXPECT("let a: number = 1;", "let a         = 1;");
    TS_EXPECT("let a!: string;", "let a         ;");
    TS_EXPECT("function f(a: T, b?: U, ...c: V[]): R {}", "function f(a   , b    , ...c     )    {}");
    TS_EXPECT("function f<T extends object = {}>(x: T) {}",
              "function f                       (x   ) {}");
    TS_EXPECT("function f(this: Foo, a) {}",
              "function f(           a) {}");
    TS_EXPECT("function g(x: unknown): x is string { return 1 }",
              "function g(x         )              { return 1 }");
    TS_EXPECT("function g(x): asserts x is T {}",
              "function g(x)                 {}");
    TS_EXPECT("const f = (a: number, b?: string): void => {};",
              "const f = (a        , b         )       => {};");
    TS_EXPECT("const f = <T,>(x: T): T => x;", "const f =     (x   )    => x;");
    TS_EXPECT("const f = async <T>(x: T) => x;", "const f = async    (x   ) => x;");
    TS_EXPECT("try {} catch (e: unknown) {}", "try {} catch (e         ) {}");
    TS_EXPECT("const o = { m<T>(x: T): T { return x; } };",
              "const o = { m   (x   )    { return x; } };");
    /* the arrow's `=>` moves up when the return type spans lines */
    TS_EXPECT("const f = (a):\n  number => a;",
              "const f = (a) =>\n            a;");
}

TEST(typescript_types) {
    TS_EXPECT("let a: Array<Array<number>> = [];", "let a                       = [];");
    TS_EXPECT("let a: Map<K, V>= m;", "let a           = m;");
    TS_EXPECT("let t: [a: string, b?: number, ...rest: boolean[]];",
              "let t                                             ;");
    TS_EXPECT("let m: { readonly [K in keyof T]-?: T[K] };",
              "let m                                     ;");
    TS_EXPECT("let c: T extends (infer U extends string)[] ? U : never;",
              "let c                                                  ;");
    TS_EXPECT("let s: `a${string}b${number}`;",
              "let s                        ;");
    TS_EXPECT("let f: new (...a: any[]) => object, g: abstract new () => void;",
              "let f                             , g                         ;");
    TS_EXPECT("let u: unique symbol, k: keyof typeof obj, i: import('x').Y<Z>;",
              "let u               , k                  , i                  ;");
    TS_EXPECT("let o: { a: 1; b?(): void, new (): X; [k: string]: unknown; get g(): 1 };",
              "let o                                                                   ;");
    TS_EXPECT("let p: | 'a' | -1 | 2n & {};", "let p                      ;");
}

TEST(typescript_declarations) {
    TS_EXPECT("interface A<T> extends B, C<T> { x: number }\nf();",
              "                                            \nf();");
    TS_EXPECT("type A<T> = T | null;\nf();", "                     \nf();");
    TS_EXPECT("declare const x: number;\ndeclare function f(): void;",
              "                        \n                           ");
    TS_EXPECT("declare module 'm' { export const a: 1; }", "                                         ");
    TS_EXPECT("declare global { interface W {} }", "                                 ");
    TS_EXPECT("declare class C { m(): void }", "                             ");
    TS_EXPECT("declare enum E { A }", "                    ");
    TS_EXPECT("function f(a: string): void;\nfunction f(a) {}",
              "                            \nfunction f(a) {}");
    /* an erased statement keeps a `;` where the next line could continue the last one */
    TS_EXPECT("a = b\ntype T = 1\n(c)", "a = b\n;         \n(c)");
    TS_EXPECT("interface I {}\nlet x", "              \nlet x");
    TS_EXPECT_MODULE("export type T = 1;\nexport interface I {}", "                  \n                     ");
    TS_EXPECT_MODULE("export declare const x: 1;", "                          ");
    TS_EXPECT_MODULE("export default interface I {}", "                             ");
    TS_EXPECT_MODULE("export function f(): void;\nexport function f() {}",
                     "                          \nexport function f() {}");
}

TEST(typescript_classes) {
    TS_EXPECT("class A<T> extends B<T> implements I, J<T> { x: number = 1; }",
              "class A    extends B                       { x         = 1; }");
    TS_EXPECT("class A { private x?: number; public static readonly y = 1; }",
              "class A {         x         ;        static          y = 1; }");
    TS_EXPECT("class A { declare x: number; [k: string]: any; m(): void; m() {} }",
              "class A { ;                                               m() {} }");
    TS_EXPECT("abstract class A { abstract m(): void; protected abstract p: string; n() {} }",
              "         class A {                                                   n() {} }");
    TS_EXPECT("class A { override m<T>(a: T): T { return a; } get g(): number { return 1; } }",
              "class A {          m   (a   )    { return a; } get g()         { return 1; } }");
    TS_EXPECT("class A { constructor(a: string); constructor(a: any) {} }",
              "class A {                         constructor(a     ) {} }");
    TS_EXPECT("class A { static?: number; get?: 1; #p!: number }",
              "class A { static         ; get    ; #p          }");
}

TEST(typescript_expressions) {
    TS_EXPECT("x = y as any as T;", "x = y            ;");
    TS_EXPECT("x = y satisfies T;", "x = y            ;");
    TS_EXPECT("x = y!.z!;", "x = y .z ;");
    TS_EXPECT("x = <T>y;", "x =    y;");
    TS_EXPECT("x = f<T>(1);", "x = f   (1);");
    TS_EXPECT("x = f<T>;", "x = f   ;");
    TS_EXPECT("x = new C<T>();", "x = new C   ();");
    TS_EXPECT("x = a < b > (c);",
              "x = a       (c);");
    TS_EXPECT("x = a < b > c;", "x = a < b > c;");
    TS_EXPECT("x = a < b;", "x = a < b;");
    TS_EXPECT("x = f<A<B>>(1);", "x = f      (1);");
    TS_EXPECT("x = cond ? (a) : b;", "x = cond ? (a) : b;");
    TS_EXPECT("for (const k of o as K[]) {}", "for (const k of o       ) {}");
}

TEST(typescript_imports_and_exports) {
    TS_EXPECT_MODULE("import type { A } from 'a';\nimport { type B, C } from 'b';",
                     "                           \nimport {         C } from 'b';");
    TS_EXPECT_MODULE("import type D from 'd';", "                       ");
    TS_EXPECT_MODULE("export type { A } from 'a';\nexport { type B, c };\nlet c;",
                     "                           \nexport {         c };\nlet c;");
    TS_EXPECT_MODULE("import type from 'x';", "import type from 'x';");
    TS_EXPECT("import fs = require('fs');", "const  fs = require('fs');");
    TS_EXPECT("export = fs;", "module.exports = fs;");
    TS_EXPECT("import type T = require('t');", "                             ");
}

TEST(typescript_enums) {
    TS_EXPECT("enum E { A, B = 'b', C = 4, D }",
              "var E; (function (E) { E[E[\"A\"] = 0] = \"A\"; E[\"B\"] = 'b'; E[E[\"C\"] = 4] = \"C\"; "
              "E[E[\"D\"] = 5] = \"D\"; })(E || (E = {}));");
    TS_EXPECT("enum E { A = 1 << 2, B = A | 1, C = `x` + A }",
              "var E; (function (E) { E[E[\"A\"] = 1 << 2] = \"A\"; E[E[\"B\"] = E.A | 1] = \"B\"; "
              "E[\"C\"] = `x` + E.A; })(E || (E = {}));");
    TS_EXPECT("const enum F { X }", "var F; (function (F) { F[F[\"X\"] = 0] = \"X\"; })(F || (F = {}));");
    TS_EXPECT("enum E {\n  A,\n  'b c' = f(),\n}",
              "var E; (function (E) {\n  E[E[\"A\"] = 0] = \"A\";\n  E[E['b c'] = f()] = 'b c';\n})(E || (E = {}));");
    TS_EXPECT("enum E { A }\nenum E { B = 2 }",
              "var E; (function (E) { E[E[\"A\"] = 0] = \"A\"; })(E || (E = {}));\n"
              "(function (E) { E[E[\"B\"] = 2] = \"B\"; })(E || (E = {}));");
    TS_EXPECT_MODULE("export enum E { A }",
                     "export var E; (function (E) { E[E[\"A\"] = 0] = \"A\"; })(E || (E = {}));");
}

TEST(typescript_namespaces) {
    TS_EXPECT("namespace N { export const a = 1, b = a; function f() { return a; } }",
              "var N; (function (N) {              N.a = 1, N.b = N.a; function f() { return N.a; } })(N || (N = {}));");
    TS_EXPECT("namespace N { export function f() {} export class C {} }",
              "var N; (function (N) {        function f() {} N.f = f;        class C {} N.C = C; })(N || (N = {}));");
    TS_EXPECT("namespace A.B { export let x = 1; }",
              "var A; (function (A) { let B; (function (B) {            B.x = 1; })(B = A.B || (A.B = {})); })(A || (A = {}));");
    TS_EXPECT("namespace N { export namespace M { export const y = 2; } }",
              "var N; (function (N) { let M; (function (M) {              M.y = 2; })(M = N.M || (N.M = {})); })(N || (N = {}));");
    TS_EXPECT("namespace T { export type X = 1; export interface I {} }",
              "                                                        ");
    TS_EXPECT("function f() {}\nnamespace f { export const a = 1; }",
              "function f() {}\n(function (f) {              f.a = 1; })(f || (f = {}));");
    /* locals shadow the namespace's exports; shorthand properties get a key */
    TS_EXPECT("namespace N { export const a = 1; function g(a) { return a; } const o = { a }; }",
              "var N; (function (N) {              N.a = 1; function g(a) { return a; } const o = { a: N.a }; })(N || (N = {}));");
    TS_EXPECT("namespace N { export enum E { A } }",
              "var N; (function (N) { let E; (function (E) { E[E[\"A\"] = 0] = \"A\"; })(E = N.E || (N.E = {})); })(N || (N = {}));");
}

TEST(typescript_parameter_properties) {
    TS_EXPECT("class A { constructor(public x: number, private readonly y = 2, z) {} }",
              "class A { x; y; constructor(       x        ,                  y = 2, z) { this.x = x; this.y = y;} }");
    TS_EXPECT("class B extends A { constructor(protected p) { super(1); f(); } }",
              "class B extends A { p; constructor(          p) { super(1); this.p = p; f(); } }");
}

TEST(typescript_keeps_shape) {
    ts_same_shape("let a: number = 1;\nfunction f<T>(x: T,\n  y?: Map<string, T[]>): void {}\n", __LINE__);
    ts_same_shape("class C<T> implements I {\n  private x: T;\n  m?(): void;\n}\n", __LINE__);
    ts_same_shape("let s: 'é' | '😀' = 'é' as 'é';\ninterface I { ü: '😀' }\n", __LINE__);
    ts_same_shape("/* a */ type A = { b: 1 } // c\nexport {};\n", __LINE__);
}

TEST(typescript_errors) {
    ts_error("let x: = 1;", 0, 1, 8, __LINE__);
    ts_error("let a;\nfunction f(a: ) {}", 0, 2, 15, __LINE__);
    ts_error("class A { x: }", 0, 1, 14, __LINE__);
    ts_error("(a?: number);", 0, 1, 13, __LINE__);
    ts_error("enum E { A = }", 0, 1, 14, __LINE__);
    ts_error("import x from 'y';", 0, 1, 1, __LINE__);
    /* every prefix of a valid program fails cleanly or parses */
    static const char prog[] =
        "namespace N.M { export enum E { A = 1 << 2, B } export const x: Array<Map<K, V>> = [] }\n"
        "class C<T> extends D<T> implements I { constructor(private a: T, public b?: string) "
        "{ super(); } m<U>(x: U): x is U { return <any>x as U satisfies U; } }\n"
        "type T = `a${string}` | { [K in keyof X]?: X[K] extends infer U ? U : never };\n";
    for (size_t n = 0; n < sizeof(prog) - 1; n++) {
        char *s = malloc(n + 1);
        memcpy(s, prog, n);
        s[n] = '\0';
        jsp_ts_result r;
        int err = jsp_ts_strip(s, n, JSP_TS_MODULE, &r);
        CHECK(err == 0 || err == 1);
        CHECK(err != 0 || r.code != NULL);
        jsp_ts_result_free(&r);
        free(s);
    }
}

TEST(typescript_plain_javascript_unchanged) {
    static const char *const srcs[] = {
        "a < b > c; x = y ? z : w; f(a)(b); label: for (;;) break label;",
        "class A { static x = 1; get y() { return 2; } async *z() {} #p; }",
        "let o = { get: 1, set: 2, async: 3, type: 4, declare: 5 }; type = 1; declare(1);",
        "var interface_ = 1, namespace = 2, module = 3, abstract = 4; module.exports = 1;",
    };
    for (size_t i = 0; i < sizeof(srcs) / sizeof(srcs[0]); i++) {
        jsp_ts_result r;
        int err = jsp_ts_strip(srcs[i], strlen(srcs[i]), 0, &r);
        CHECK(err == 0 && strcmp(r.code, srcs[i]) == 0);
        if (err == 0 && strcmp(r.code, srcs[i]) != 0) {
            fprintf(stderr, "    got %s\n", r.code);
        }
        jsp_ts_result_free(&r);
    }
}
