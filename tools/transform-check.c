/* transform-check.c: runs the ES-module transform on a file and prints the code (or the
 * syntax error) and, with --meta, the requests, imports and exports.
 * Usage: transform-check [--cjs] [--meta] [--quiet] [--bench N] file
 * --bench N transforms the file N times and prints the best and mean throughput. */
#include "parser/transform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *tc_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
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
    fclose(f);
    *len = n;
    return buf;
}

static void tc_slice(const char *label, jsp_slice s) {
    printf("%s%.*s", label, (int)s.len, s.s);
}

static void tc_meta(const jsp_transform_result *r) {
    printf("prefix %s async %d meta %d\n", r->prefix, r->async, r->meta);
    for (size_t i = 0; i < r->request_count; i++) {
        printf("request %zu ", i);
        tc_slice("", r->requests[i].specifier);
        for (size_t a = 0; a < r->requests[i].attribute_count; a++) {
            tc_slice(" ", r->requests[i].attributes[a].key);
            tc_slice("=", r->requests[i].attributes[a].value);
        }
        printf("\n");
    }
    for (size_t i = 0; i < r->import_count; i++) {
        printf("import %zu ", r->imports[i].request);
        tc_slice("", r->imports[i].name);
        printf("\n");
    }
    for (size_t i = 0; i < r->export_count; i++) {
        tc_slice("export ", r->exports[i]);
        printf("\n");
    }
    for (size_t i = 0; i < r->indirect_count; i++) {
        tc_slice("indirect ", r->indirect[i].name);
        printf(" %zu ", r->indirect[i].request);
        tc_slice("", r->indirect[i].import_name);
        printf("\n");
    }
    for (size_t i = 0; i < r->star_count; i++) {
        printf("star %zu\n", r->stars[i]);
    }
}

int main(int argc, char **argv) {
    unsigned flags = JSP_TRANSFORM_MODULE;
    int meta = 0, quiet = 0;
    long bench = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--cjs") == 0) {
            flags = JSP_TRANSFORM_CJS;
        } else if (strcmp(argv[i], "--meta") == 0) {
            meta = 1;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
        } else if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc) {
            bench = strtol(argv[++i], NULL, 10);
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: transform-check [--cjs] [--meta] [--quiet] [--bench N] file\n");
        return 2;
    }
    size_t len;
    char *src = tc_read(path, &len);
    if (src == NULL) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 2;
    }
    if (bench > 0) {
        /* the best run, as the machine may be busy */
        double best = 1e30, total = 0;
        for (long i = 0; i < bench; i++) {
            struct timespec t0, t1;
            clock_gettime(CLOCK_MONOTONIC, &t0);
            jsp_transform_result r;
            int err = jsp_esm_transform(src, len, flags, &r);
            jsp_transform_free(&r);
            clock_gettime(CLOCK_MONOTONIC, &t1);
            if (err != 0) {
                fprintf(stderr, "%s: transform failed\n", path);
                free(src);
                return 1;
            }
            double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            total += s;
            best = s < best ? s : best;
        }
        printf("%s: %zu bytes: best %.1f MB/s (%.2f ms), mean %.1f MB/s\n", path, len,
               (double)len / best / 1e6, best * 1e3, (double)len * (double)bench / total / 1e6);
        free(src);
        return 0;
    }
    jsp_transform_result r;
    int err = jsp_esm_transform(src, len, flags, &r);
    int status = 0;
    if (err == JSP_TRANSFORM_SYNTAX) {
        fprintf(stderr, "%s:%u:%u: SyntaxError: %s\n", path, r.error.line, r.error.col,
                r.error.message);
        status = 1;
    } else if (err != 0) {
        fprintf(stderr, "%s: out of memory\n", path);
        status = 1;
    } else {
        if (!quiet) {
            fwrite(r.code, 1, r.code_len, stdout);
            printf("\n");
        }
        if (meta) {
            tc_meta(&r);
        }
    }
    jsp_transform_free(&r);
    free(src);
    return status;
}
