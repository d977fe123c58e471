/* fuzz-http-parser.c: libFuzzer target for src/http: any input, split anywhere, as requests and
 * responses with and without lenient flags, parses or fails cleanly; spans stay inside the
 * data and the same bytes give the same result whole and split. Build with `make fuzz-http`;
 * run with `build/fuzz-http-parser -max_len=4096 corpus/`. */
#include "http/parser.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    uint64_t hash; /* of every event and span, to compare whole and split runs */
    size_t events;
} fuzz_state_t;

static void fuzz_mix(http_parser_t *p, const char *s, size_t n, uint64_t tag) {
    fuzz_state_t *st = p->data;
    uint64_t h = st->hash ^ tag;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint8_t)s[i]) * 1099511628211u; /* touches every byte (ASan checks) */
    }
    st->hash = h * 31 + n;
    st->events++;
}

static int fuzz_begin(http_parser_t *p) {
    fuzz_mix(p, NULL, 0, 1);
    return 0;
}
static int fuzz_url(http_parser_t *p, const char *at, size_t n) {
    fuzz_mix(p, at, n, 2);
    return 0;
}
static int fuzz_status(http_parser_t *p, const char *at, size_t n) {
    fuzz_mix(p, at, n, 3);
    return 0;
}
static int fuzz_header(http_parser_t *p, const char *name, size_t nn, const char *v, size_t vn) {
    if (name) {
        fuzz_mix(p, name, nn, 4);
    }
    fuzz_mix(p, v, vn, 5);
    return 0;
}
static int fuzz_headers_complete(http_parser_t *p) {
    fuzz_mix(p, NULL, 0, 6 + p->upgrade + 8u * (unsigned)http_should_keep_alive(p));
    return ((fuzz_state_t *)p->data)->events % 7 == 0 ? 1 : 0;
}
static int fuzz_body(http_parser_t *p, const char *at, size_t n) {
    /* bodies are delivered in pieces that depend on the split: hash only the bytes */
    fuzz_state_t *st = p->data;
    for (size_t i = 0; i < n; i++) {
        st->hash = (st->hash ^ (uint8_t)at[i]) * 1099511628211u;
    }
    return 0;
}
static int fuzz_complete(http_parser_t *p) {
    fuzz_mix(p, NULL, 0, 9);
    return 0;
}

static const http_parser_settings_t fuzz_settings = {
    fuzz_begin, fuzz_url, fuzz_status, fuzz_header, fuzz_headers_complete, fuzz_body,
    fuzz_complete,
};

/* Parses data in pieces of `step` bytes (0: whole); returns the final hash. */
static uint64_t fuzz_run(const uint8_t *data, size_t size, http_type_t type, uint16_t lenient,
                         size_t step, http_errno_t *err) {
    http_parser_t p;
    memset(&p, 0, sizeof(p));
    fuzz_state_t st = {0, 0};
    p.data = &st;
    http_parser_init(&p, type, &fuzz_settings, 512, lenient);
    size_t pos = 0;
    while (pos < size) {
        size_t n = step && size - pos > step ? step : size - pos;
        size_t r = http_parser_execute(&p, (const char *)data + pos, n);
        if (r > n) {
            __builtin_trap();
        }
        if (p.error == HPE_PAUSED_UPGRADE) {
            http_parser_resume(&p);
            st.hash ^= 0xabc;
        } else if (p.error != HPE_OK) {
            break;
        } else if (r != n) {
            __builtin_trap();
        }
        pos += r;
        if (r == 0 && n > 0 && p.error == HPE_OK) {
            pos += n;
        }
    }
    if (p.error == HPE_OK) {
        http_parser_finish(&p);
    }
    *err = p.error;
    if (p.error != HPE_OK && (p.reason == NULL || http_errno_name(p.error)[0] != 'H')) {
        __builtin_trap();
    }
    http_parser_free(&p);
    return st.hash;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) {
        return 0;
    }
    http_type_t type = (data[0] & 1) ? HTTP_RESPONSE : HTTP_REQUEST;
    /* lenient runs skip the whole/split comparison: a lone CR at a split differs */
    uint16_t lenient = (data[0] & 2) ? (uint16_t)((data[1] << 2 | data[0] >> 6) & HTTP_LENIENT_ALL)
                                     : 0;
    size_t step = (size_t)(data[0] >> 2) % 17 + 1;
    data += 2;
    size -= 2;
    http_errno_t e1, e2, e3;
    uint64_t h1 = fuzz_run(data, size, type, lenient, 0, &e1);
    uint64_t h2 = fuzz_run(data, size, type, lenient, step, &e2);
    uint64_t h3 = fuzz_run(data, size, type, lenient, 1, &e3);
    /* A valid stream parses the same however it is split (except that a split line full of
     * whitespace may hit the line-length bound, HPE_HEADER_OVERFLOW, sooner). */
    if (lenient == 0 && e1 == HPE_OK && e2 != HPE_HEADER_OVERFLOW && e3 != HPE_HEADER_OVERFLOW &&
        (e2 != HPE_OK || h1 != h2 || e3 != HPE_OK || h1 != h3)) {
        __builtin_trap();
    }
    return 0;
}
