/* fuzz-url.c: libFuzzer target for src/url: any input, with or without a base, through every
 * setter and both ASCII-domain modes, parses or fails cleanly; a result is ASCII, its offsets
 * are ordered and inside the href, and parsing the href again gives the same href. Build with
 * `make fuzz-url`; run with `build/fuzz-url -max_len=512 corpus/`. */
#include "url/url.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static url_parser_t fuzz_p;
static url_parser_t fuzz_q;
static char fuzz_href[1 << 16];

static void fuzz_check_result(url_parser_t *p) {
    const url_components_t *k = &p->comp;
    size_t n = p->href.len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p->href.p[i];
        if (c < 0x20 || c >= 0x7f) { /* (an opaque path keeps its spaces) */
            __builtin_trap();
        }
    }
    if (!(k->protocol_end <= k->username_end && k->username_end <= k->host_start &&
          k->host_start <= k->host_end && k->host_end <= k->pathname_start &&
          k->pathname_start <= n)) {
        __builtin_trap();
    }
    if (k->search_start != URL_OMITTED &&
        (k->search_start < k->pathname_start || k->search_start >= n ||
         p->href.p[k->search_start] != '?')) {
        __builtin_trap();
    }
    if (k->hash_start != URL_OMITTED &&
        (k->hash_start < k->pathname_start || k->hash_start >= n ||
         p->href.p[k->hash_start] != '#')) {
        __builtin_trap();
    }
    if (k->port != URL_OMITTED && k->port > 65535) {
        __builtin_trap();
    }
    if (k->protocol_end == 0 || p->href.p[k->protocol_end - 1] != ':') {
        __builtin_trap();
    }
    /* the serialization parses back to itself */
    if (n >= sizeof(fuzz_href)) {
        return;
    }
    memcpy(fuzz_href, p->href.p, n);
    fuzz_q.check_ascii_punycode = p->check_ascii_punycode;
    int rc = url_parse(&fuzz_q, fuzz_href, n, NULL, 0);
    if (rc == URL_ENOMEM) {
        return;
    }
    if (rc != URL_OK || fuzz_q.href.len != n || memcmp(fuzz_q.href.p, fuzz_href, n) != 0 ||
        memcmp(&fuzz_q.comp, &p->comp, sizeof(p->comp)) != 0) {
        __builtin_trap();
    }
    /* the host converts to Unicode without trouble */
    url_str_t u = {0};
    url_domain_to_unicode(p->href.p + k->host_start, k->host_end - k->host_start, &u);
    url__str_free(&u);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) {
        return 0;
    }
    uint8_t mode = data[0];
    const char *s = (const char *)data + 1;
    size -= 1;
    /* input, then (after a NUL) a base or a setter value */
    const char *nul = memchr(s, 0, size);
    size_t len = nul ? (size_t)(nul - s) : size;
    const char *second = nul ? nul + 1 : NULL;
    size_t second_len = nul ? size - len - 1 : 0;
    fuzz_p.check_ascii_punycode = (mode & 0x80) != 0;
    int rc;
    unsigned which = (mode & 0x7f) % 11;
    if (which == 10 || second == NULL) {
        rc = url_parse(&fuzz_p, s, len, second, second_len);
    } else {
        rc = url_set(&fuzz_p, s, len, (url_setter_t)which, second, second_len);
        if (rc == URL_FAILURE && which != URL_SET_HREF && fuzz_p.href.len > 0) {
            rc = URL_OK; /* refused values still leave a valid URL */
        }
    }
    if (rc == URL_OK) {
        fuzz_check_result(&fuzz_p);
    }
    return 0;
}
