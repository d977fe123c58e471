/* ts-strip: prints src/parser/typescript.c's JavaScript for each TypeScript file given
 * (--module: Module goal; --time N: strips N times and prints MB/s next to parse-only). */
#include "parser/typescript.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double ts_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    unsigned flags = 0;
    int times = 0, status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--module") == 0) {
            flags |= JSP_TS_MODULE;
            continue;
        }
        if (strcmp(argv[i], "--time") == 0 && i + 1 < argc) {
            times = atoi(argv[++i]);
            continue;
        }
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            perror(argv[i]);
            return 2;
        }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *src = malloc((size_t)n + 1);
        if (src == NULL || fread(src, 1, (size_t)n, f) != (size_t)n) {
            fclose(f);
            return 2;
        }
        fclose(f);
        jsp_ts_result r;
        int err = jsp_ts_strip(src, (size_t)n, flags, &r);
        if (err) {
            fprintf(stderr, "%s:%u:%u: %s\n", argv[i], r.error.line, r.error.col, r.error.message);
            status = 1;
        } else if (times > 0) {
            double t0 = ts_now();
            for (int k = 0; k < times; k++) {
                jsp_ast *ast = jsp_parse(src, (size_t)n, flags ? JSP_GOAL_MODULE : JSP_GOAL_SCRIPT,
                                         JSP_PARSE_TS | (flags ? 0 : JSP_PARSE_FUNCTION));
                jsp_ast_free(ast);
            }
            double t1 = ts_now();
            for (int k = 0; k < times; k++) {
                jsp_ts_result q;
                jsp_ts_strip(src, (size_t)n, flags, &q);
                jsp_ts_result_free(&q);
            }
            double t2 = ts_now();
            double mb = (double)n * times / 1e6;
            printf("%s: parse %.1f MB/s, strip %.1f MB/s (+%.0f%%)\n", argv[i], mb / (t1 - t0),
                   mb / (t2 - t1), ((t2 - t1) / (t1 - t0) - 1) * 100);
        } else {
            fwrite(r.code, 1, r.len, stdout);
        }
        jsp_ts_result_free(&r);
        free(src);
    }
    return status;
}
