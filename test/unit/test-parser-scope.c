/* test-parser-scope.c: jsp_resolve_imports() finds the references to import bindings,
 * honouring shadowing by nested scopes. */
#include "parser/parser.h"
#include "test.h"

#include <string.h>

typedef struct scope_found {
    const jsp_node *refs[64];
    size_t count;
} scope_found;

static void scope_test_collect(const jsp_node *n, scope_found *out, int depth) {
    for (; n && depth < 200; n = n->next) {
        if (n->kind == JSP_N_IDENT && (n->flags & JSP_NF_IMPORT_REF)) {
            int seen = 0;
            for (size_t i = 0; i < out->count; i++) {
                seen |= out->refs[i] == n;
            }
            if (!seen && out->count < 64) {
                out->refs[out->count++] = n;
            }
        }
        scope_test_collect(n->a, out, depth + 1);
        scope_test_collect(n->b, out, depth + 1);
        scope_test_collect(n->c, out, depth + 1);
        if (!(n->kind == JSP_N_IDENT)) {
            scope_test_collect(n->d, out, depth + 1);
        }
    }
}

TEST(parser_resolve_imports) {
    const char *src = "import a, { b as c, d } from 'm';\n"
                      "import * as ns from 'n';\n"
                      "a(); c.x; ns.y; d = 1;\n"
                      "function f(a) { return a + c; }\n"
                      "{ let c = 1; c; }\n"
                      "const g = (ns) => ns;\n"
                      "class K extends a { m() { return d; } [c]() {} }\n"
                      "try {} catch (a) { a; }\n"
                      "for (const d of [1]) d;\n"
                      "x = { a, b: c, [d]: 1 };\n"
                      "export { a as aa, c };\n"
                      "label: a;\n"
                      "obj.a; obj['c']; obj?.ns;\n"
                      "var h = function c() { return c; };\n"
                      "switch (1) { case 1: let a; a; }\n"
                      "function q() { a; var a; }\n"
                      "function r() { { var c; } c; }\n"
                      "function s({ a = d }, [ns] = [c]) { ns; }\n"
                      "function t(x = a) { var a; return a; }\n";
    jsp_ast *ast = jsp_parse(src, strlen(src), JSP_GOAL_MODULE, 0);
    CHECK(ast->ok);
    if (!ast->ok) {
        fprintf(stderr, "  %u:%u %s\n", ast->error.line, ast->error.col, ast->error.message);
        jsp_ast_free(ast);
        return;
    }
    size_t n = jsp_resolve_imports(ast);
    scope_found found = {{0}, 0};
    scope_test_collect(ast->program, &found, 0);
    /* line 3: 4; f: 1; K: 3; object: 3; export: 2; label: 1; s: 2 (d and c defaults);
     * t: 1 (the default sees the import, not the body's var) */
    CHECK(n == 17);
    CHECK(found.count == 17);
    uint32_t lines[17] = {0};
    for (size_t i = 0; i < found.count && i < 17; i++) {
        lines[i] = found.refs[i]->line;
        CHECK(found.refs[i]->line != 5 && found.refs[i]->line != 6 && found.refs[i]->line != 8 &&
              found.refs[i]->line != 9 && found.refs[i]->line != 13 && found.refs[i]->line != 14 &&
              found.refs[i]->line != 15 && found.refs[i]->line != 16 && found.refs[i]->line != 17);
    }
    (void)lines;
    /* the callee of a() points at the default import of 'm' */
    const jsp_node *call = ast->program->a->next->next->a;
    CHECK(call->kind == JSP_N_CALL && (call->a->flags & JSP_NF_IMPORT_REF));
    const jsp_node *spec = call->a->d;
    CHECK(spec && spec->kind == JSP_N_IMPORT_DEFAULT && spec->c && spec->c->kind == JSP_N_STRING);
    CHECK(spec && spec->c && jsp_name_eq(spec->c, "m", 1));
    /* ns.y: the namespace import */
    const jsp_node *member = ast->program->a->next->next->next->next->a;
    CHECK(member->kind == JSP_N_MEMBER && member->a->d && member->a->d->kind == JSP_N_IMPORT_NAMESPACE);
    CHECK(!(member->b->flags & JSP_NF_IMPORT_REF)); /* a property name is no reference */
    jsp_ast_free(ast);

    /* no imports: nothing to do */
    ast = jsp_parse("a; b", 4, JSP_GOAL_MODULE, 0);
    CHECK(jsp_resolve_imports(ast) == 0);
    jsp_ast_free(ast);
}

TEST(parser_top_level_redeclarations) {
    const char *bad[] = {
        "let a; let a;", "let a; var a;", "const a = 1; function a() {}", "class a {} var a",
        "let a; { var a; }", "import a from 'x'; let a;", "import { a } from 'x'; function a() {}",
        "export { nope }", "function f() {} var f", "export { a as b }; function f() { var a }",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        jsp_ast *ast = jsp_parse(bad[i], strlen(bad[i]), JSP_GOAL_MODULE, 0);
        if (ast->ok) {
            fprintf(stderr, "  accepted %s\n", bad[i]);
        }
        CHECK(!ast->ok);
        jsp_ast_free(ast);
    }
    jsp_ast *ast = jsp_parse("let a;\nlet a;", 13, JSP_GOAL_MODULE, 0);
    CHECK(!ast->ok && ast->error.line == 2 && ast->error.col == 5);
    CHECK(strcmp(ast->error.message, "Identifier 'a' has already been declared") == 0);
    jsp_ast_free(ast);
    const char *ok[] = {
        "var a; var a;", "{ let a; } { let a; } let b",
        "import a from 'x'; export { a }", "var a; export { a as 'x y' }",
        "export default function f() {} f()", "function g() { let a; { let a; } }",
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        ast = jsp_parse(ok[i], strlen(ok[i]), JSP_GOAL_MODULE, 0);
        if (!ast->ok) {
            fprintf(stderr, "  rejected %s: %s\n", ok[i], ast->error.message);
        }
        CHECK(ast->ok);
        jsp_ast_free(ast);
    }
    /* in scripts, top-level functions are var-scoped: a duplicate is fine */
    ast = jsp_parse("function f() {} function f() {} var f", 37, JSP_GOAL_SCRIPT, 0);
    CHECK(ast->ok);
    jsp_ast_free(ast);
    ast = jsp_parse("function f() {} function f() {}", 31, JSP_GOAL_MODULE, 0);
    CHECK(!ast->ok);
    jsp_ast_free(ast);
}
