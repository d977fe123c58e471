/* url.h: the WHATWG URL Standard's parser, serializer and setters, pure C (no engine types).
 * Input is UTF-8 (ill-formed bytes are tolerated and never read out of bounds); the output is
 * the serialized href, always ASCII, plus the component offsets JS getters slice. */
#ifndef CAIRN_URL_URL_H
#define CAIRN_URL_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Parse results. */
#define URL_OK 0
#define URL_FAILURE (-1) /* the input is not a valid URL (or the setter value was refused) */
#define URL_ENOMEM (-2)

/* "Omitted" offset or port, as node's URLContext shows it. */
#define URL_OMITTED UINT32_MAX

/* Scheme types, numbered as node's URLContext shows them. */
enum {
    URL_SCHEME_HTTP = 0,
    URL_SCHEME_NOT_SPECIAL = 1,
    URL_SCHEME_HTTPS = 2,
    URL_SCHEME_WS = 3,
    URL_SCHEME_FTP = 4,
    URL_SCHEME_WSS = 5,
    URL_SCHEME_FILE = 6,
};

/* Which attribute a setter changes (url_set). */
typedef enum {
    URL_SET_HREF = 0,
    URL_SET_PROTOCOL,
    URL_SET_USERNAME,
    URL_SET_PASSWORD,
    URL_SET_HOST,
    URL_SET_HOSTNAME,
    URL_SET_PORT,
    URL_SET_PATHNAME,
    URL_SET_SEARCH,
    URL_SET_HASH,
} url_setter_t;

/* A growable byte string. */
typedef struct {
    char *p;
    size_t len;
    size_t cap;
} url_str_t;

/* A URL record (the standard's URL). The path, unless opaque, is kept serialized: one '/' before
 * each segment, so its segment count is its number of '/'. */
typedef struct {
    url_str_t scheme; /* without ':' */
    url_str_t username;
    url_str_t password;
    url_str_t host;
    url_str_t path;
    url_str_t query;
    url_str_t fragment;
    int32_t port; /* -1: null */
    uint8_t type; /* URL_SCHEME_* */
    bool has_host;
    bool opaque;
    bool has_query;
    bool has_fragment;
} url_record_t;

/* Offsets into the href (node's URLContext layout): with credentials host_start is the '@'. */
typedef struct {
    uint32_t protocol_end;
    uint32_t username_end;
    uint32_t host_start;
    uint32_t host_end;
    uint32_t port; /* URL_OMITTED when null */
    uint32_t pathname_start;
    uint32_t search_start; /* URL_OMITTED when the query is null */
    uint32_t hash_start;   /* URL_OMITTED when the fragment is null */
    uint32_t scheme_type;
} url_components_t;

/* Parser state, reused across parses so that steady state allocates nothing. Zero it (or use
 * url_parser_init) before first use; url_parser_free releases its buffers. Not thread-safe:
 * use one per thread. */
typedef struct {
    url_record_t rec;
    url_record_t base;
    const char *src; /* the input being parsed, trimmed and without tabs and newlines */
    size_t src_len;
    url_str_t input; /* src's storage when tabs or newlines had to be removed */
    url_str_t buf;   /* the state machine's buffer */
    url_str_t tmp;   /* host parsing scratch */
    url_str_t tmp2;
    url_str_t idna; /* domain to ASCII scratch */
    url_str_t href; /* the result */
    url_components_t comp;
    bool oom;
    /* The URL Standard only lowercases an ASCII domain, even one with "xn--" labels (false,
     * what url_parser_init gives). Node 22, and node's own tests, still check those labels
     * with UTS #46, so that "https://xn--a/" fails (true). */
    bool check_ascii_punycode;
} url_parser_t;

void url_parser_init(url_parser_t *p);
void url_parser_free(url_parser_t *p);

/* Parses input against base (base NULL: none). On URL_OK, p->href and p->comp hold the result.
 * Returns URL_FAILURE when base or input is not a valid URL, URL_ENOMEM when out of memory. */
int url_parse(url_parser_t *p, const char *input, size_t len, const char *base, size_t base_len);

/* Parses href (a URL), applies the setter for `which` with value, then serializes into p->href
 * and p->comp. Returns URL_OK (also when the standard ignores the value), URL_FAILURE when href
 * does not parse or the setter failed (the URL may still have changed, as the standard says:
 * p->href holds it), URL_ENOMEM. p->href is empty when href (or, for URL_SET_HREF, value) does
 * not parse. */
int url_set(url_parser_t *p, const char *href, size_t len, url_setter_t which, const char *value,
            size_t value_len);

/* The URL Standard's host parser for a special URL (domain to ASCII, IPv4, IPv6) into out.
 * Returns URL_OK, URL_FAILURE or URL_ENOMEM. */
int url_host_parse(url_parser_t *p, const char *in, size_t len, bool opaque, url_str_t *out);

/* Converts an ASCII domain's "xn--" labels to Unicode (UTF-8) into out; labels that do not
 * decode stay as they are. Returns URL_OK or URL_ENOMEM. */
int url_domain_to_unicode(const char *in, size_t len, url_str_t *out);

/* ---- helpers shared by the files of src/url ---- */
void url__str_free(url_str_t *s);
/* Makes room for extra more bytes; false (and p->oom set) when out of memory. */
bool url__reserve(url_parser_t *p, url_str_t *s, size_t extra);
/* Appends; on allocation failure sets p->oom and drops the bytes. */
static inline void url__append(url_parser_t *p, url_str_t *s, const char *b, size_t n) {
    if (n && (s->len + n <= s->cap || url__reserve(p, s, n))) {
        memcpy(s->p + s->len, b, n);
        s->len += n;
    }
}
static inline void url__append_c(url_parser_t *p, url_str_t *s, char c) {
    if (s->len < s->cap || url__reserve(p, s, 1)) {
        s->p[s->len++] = c;
    }
}
/* Percent-encode sets (bit flags). */
enum {
    URL_SET_C0 = 1,
    URL_SET_FRAGMENT = 2,
    URL_SET_QUERY = 4,
    URL_SET_SPECIAL_QUERY = 8,
    URL_SET_PATHSET = 16,
    URL_SET_USERINFO = 32,
    URL_SET_COMPONENT = 64,
    URL_SET_FORM = 128,
};
extern const uint8_t url__encode_sets[256];
extern const char url__hex[];
/* Appends c, percent-encoded when it is in `set`. */
static inline void url__append_encoded(url_parser_t *p, url_str_t *s, uint8_t c, uint8_t set) {
    if (!(url__encode_sets[c] & set)) {
        url__append_c(p, s, (char)c);
    } else if (url__reserve(p, s, 3)) {
        s->p[s->len++] = '%';
        s->p[s->len++] = url__hex[c >> 4];
        s->p[s->len++] = url__hex[c & 15];
    }
}
/* UTS #46 ToASCII as the URL Standard uses it (non-ASCII or "xn--" input) into out. Returns
 * URL_OK, URL_FAILURE or URL_ENOMEM. */
int url__idna_to_ascii(url_parser_t *p, const char *in, size_t len, url_str_t *out);

#endif
