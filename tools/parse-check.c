/* parse-check.c: parses files with src/parser and prints "OK <file>" or the error.
 * Usage: parse-check [--module|--script|--cjs] [--strict] [--quiet] [--bench N] file...
 * .mjs files are modules, others scripts; --cjs parses scripts as CommonJS function bodies
 * (top-level return); --strict starts scripts in strict mode; --bench N parses each file
 * N times and prints the throughput in MB/s of CPU time.
 * Exits 1 when any file fails to parse. */
#include "parser/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double parse_check_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: steady on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *parse_check_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    int force = -1, quiet = 0, failed = 0, total = 0, bench = 0;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--module") == 0) {
            force = JSP_GOAL_MODULE;
            continue;
        }
        if (strcmp(argv[i], "--script") == 0) {
            force = JSP_GOAL_SCRIPT;
            continue;
        }
        if (strcmp(argv[i], "--cjs") == 0) {
            force = JSP_GOAL_SCRIPT;
            flags = JSP_PARSE_FUNCTION;
            continue;
        }
        if (strcmp(argv[i], "--strict") == 0) {
            flags |= JSP_PARSE_STRICT;
            continue;
        }
        if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc) {
            bench = atoi(argv[++i]);
            continue;
        }
        if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
            continue;
        }
        size_t len;
        char *src = parse_check_read(argv[i], &len);
        if (src == NULL) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            failed++;
            continue;
        }
        size_t n = strlen(argv[i]);
        jsp_goal goal = force >= 0 ? (jsp_goal)force
                        : (n > 4 && strcmp(argv[i] + n - 4, ".mjs") == 0) ? JSP_GOAL_MODULE
                                                                           : JSP_GOAL_SCRIPT;
        if (bench > 0) {
            double t0 = parse_check_now();
            for (int k = 0; k < bench; k++) {
                jsp_ast_free(jsp_parse(src, len, goal, flags));
            }
            double dt = parse_check_now() - t0;
            printf("%s: %.1f MB/s (%zu bytes, %.2f ms a parse)\n", argv[i],
                   (double)len * bench / dt / 1e6, len, dt * 1e3 / bench);
        }
        jsp_ast *ast = jsp_parse(src, len, goal, flags);
        total++;
        if (ast && ast->ok) {
            if (!quiet) {
                printf("OK %s\n", argv[i]);
            }
        } else {
            failed++;
            printf("FAIL %s:%u:%u: %s\n", argv[i], ast ? ast->error.line : 0,
                   ast ? ast->error.col : 0, ast ? ast->error.message : "out of memory");
        }
        jsp_ast_free(ast);
        free(src);
    }
    if (total > 1) {
        printf("%d/%d parsed\n", total - failed, total);
    }
    return failed ? 1 : 0;
}
