/* http-parser-bench.c: throughput of src/http/parser.c on a typical ~300-byte GET request,
 * parsed as a pipelined buffer of many copies (CPU time). Build: cc -O2 -Isrc tools/http-parser-bench.c
 * src/http/parser.c; run with an optional iteration count. */
#include "http/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t bench_headers;

static int bench_header(http_parser_t *p, const char *n, size_t nl, const char *v, size_t vl) {
    bench_headers++;
    return 0;
}

int main(int argc, char **argv) {
    static const char req[] =
        "GET /api/v1/users/12345/profile?fields=name,email HTTP/1.1\r\n"
        "Host: api.example.com\r\n"
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0\r\n"
        "Accept: application/json\r\n"
        "Accept-Encoding: gzip, deflate, br\r\n"
        "Accept-Language: en-US,en;q=0.5\r\n"
        "Connection: keep-alive\r\n"
        "Cookie: session=abcdef0123456789\r\n"
        "\r\n";
    size_t reqlen = sizeof(req) - 1;
    size_t copies = 1000;
    char *buf = malloc(reqlen * copies);
    for (size_t i = 0; i < copies; i++) {
        memcpy(buf + i * reqlen, req, reqlen);
    }
    long iters = argc > 1 ? atol(argv[1]) : 2000;
    http_parser_settings_t settings = {0};
    settings.on_header = bench_header;
    http_parser_t p;
    memset(&p, 0, sizeof(p));
    http_parser_init(&p, HTTP_REQUEST, &settings, 0, 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (long i = 0; i < iters; i++) {
        if (http_parser_execute(&p, buf, reqlen * copies) != reqlen * copies) {
            fprintf(stderr, "parse error: %s\n", http_errno_name(p.error));
            return 1;
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double msgs = (double)iters * (double)copies;
    printf("request %zu bytes, %zu headers: %.0f MB/s, %.2f M messages/s\n", reqlen,
           bench_headers / (size_t)msgs, msgs * (double)reqlen / secs / 1e6, msgs / secs / 1e6);
    http_parser_free(&p);
    free(buf);
    return 0;
}
