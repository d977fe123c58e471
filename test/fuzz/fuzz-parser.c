/* fuzz-parser.c: libFuzzer target for src/parser: any input parses or fails cleanly,
 * as a script, a module, a CommonJS body and a strict script. Build with `make fuzz`; run with
 * `build/fuzz-parser -max_len=4096 corpus/`. */
#include "parser/parser.h"

#include <stddef.h>
#include <stdint.h>

/* Walks the tree so every node pointer is touched (ASan checks the arena). */
static size_t fuzz_walk(const jsp_node *n, int depth) {
    size_t count = 0;
    for (; n != NULL && depth < 2000; n = n->next) {
        count++;
        if (n->end < n->start && n->kind != JSP_N_HOLE) {
            __builtin_trap();
        }
        count += fuzz_walk(n->a, depth + 1) + fuzz_walk(n->b, depth + 1);
        if (n->kind != JSP_N_IMPORT_SPECIFIER && n->kind != JSP_N_IMPORT_DEFAULT &&
            n->kind != JSP_N_IMPORT_NAMESPACE) {
            count += fuzz_walk(n->c, depth + 1); /* a specifier's c is shared */
        }
        if (n->kind != JSP_N_IDENT) {
            count += fuzz_walk(n->d, depth + 1); /* an import reference's d is shared */
        }
    }
    return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *src = (const char *)data;
    const unsigned flags[] = {0, 0, JSP_PARSE_FUNCTION, JSP_PARSE_STRICT};
    for (int i = 0; i < 4; i++) {
        jsp_ast *ast = jsp_parse(src, size, i == 1 ? JSP_GOAL_MODULE : JSP_GOAL_SCRIPT, flags[i]);
        if (ast == NULL) {
            continue;
        }
        if (ast->ok) {
            if (i == 1) {
                jsp_resolve_imports(ast);
            }
            fuzz_walk(ast->program, 0);
        } else if (ast->error.offset > size || ast->error.line == 0 || ast->error.col == 0) {
            __builtin_trap();
        }
        jsp_ast_free(ast);
    }
    return 0;
}
