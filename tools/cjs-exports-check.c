/* cjs-exports-check.c: prints what src/parser/cjs_exports.c detects in CommonJS files, as JSON
 * (`{"exports":[...],"reexports":[...]}`, or `{"error":"...","pos":N}` when the source does not
 * lex), one line per file; the same shape as node22's lexer output, for comparisons.
 * Usage: cjs-exports-check [--time N] file...  (--time: lex each file N times and print MB/s)
 *        cjs-exports-check --batch < cases     (cases separated by NUL bytes; errors print as
 *                                               {"error":true}) */
#include "parser/cjs_exports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *check_read(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
            }
            buf = nb;
        }
    }
    *len = n;
    return buf;
}

static void check_json_str(const char *s, size_t len) {
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\b': fputs("\\b", stdout); break;
        case '\f': fputs("\\f", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (c < 0x20) {
                printf("\\u%04x", c);
            } else {
                putchar(c);
            }
        }
    }
    putchar('"');
}

static void check_print(const char *src, size_t len, int batch) {
    jsp_cjs_result r;
    if (jsp_cjs_exports(src, len, &r) < 0) {
        if (batch) {
            fputs("{\"error\":true}\n", stdout);
        } else {
            fputs("{\"error\":", stdout);
            check_json_str(r.error, strlen(r.error));
            printf(",\"pos\":%zu}\n", r.error_pos);
        }
        jsp_cjs_result_free(&r);
        return;
    }
    fputs("{\"exports\":[", stdout);
    for (size_t i = 0; i < r.n_exports; i++) {
        if (i) {
            putchar(',');
        }
        check_json_str(r.exports[i].str, r.exports[i].len);
    }
    fputs("],\"reexports\":[", stdout);
    for (size_t i = 0; i < r.n_reexports; i++) {
        if (i) {
            putchar(',');
        }
        check_json_str(r.reexports[i].str, r.reexports[i].len);
    }
    fputs("]}\n", stdout);
    jsp_cjs_result_free(&r);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--batch") == 0) {
        size_t len;
        char *all = check_read(stdin, &len);
        if (all == NULL) {
            return 1;
        }
        size_t start = 0;
        for (size_t i = 0; i <= len; i++) {
            if (i == len || all[i] == '\0') {
                if (i == len && start == len) {
                    break;
                }
                check_print(all + start, i - start, 1);
                start = i + 1;
            }
        }
        free(all);
        return 0;
    }
    int times = 0, status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--time") == 0 && i + 1 < argc) {
            times = atoi(argv[++i]);
            continue;
        }
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        size_t len;
        char *src = check_read(f, &len);
        fclose(f);
        if (src == NULL) {
            status = 1;
            continue;
        }
        if (times > 0) {
            struct timespec t0, t1;
            clock_gettime(CLOCK_MONOTONIC, &t0);
            for (int k = 0; k < times; k++) {
                jsp_cjs_result r;
                jsp_cjs_exports(src, len, &r);
                jsp_cjs_result_free(&r);
            }
            clock_gettime(CLOCK_MONOTONIC, &t1);
            double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            printf("%s: %zu bytes, %.3f ms per run, %.1f MB/s\n", argv[i], len, secs * 1e3 / times,
                   (double)len * times / secs / 1e6);
        } else {
            check_print(src, len, 0);
        }
        free(src);
    }
    return status;
}
