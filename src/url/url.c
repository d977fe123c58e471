/* url.c: the WHATWG URL Standard's basic URL parser (every state, with state overrides for the
 * setters), the URL serializer with node's component offsets, and the origin. */
#include "url/url.h"

#include <stdlib.h>
#include <string.h>

const uint8_t url__encode_sets[256] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xfe, 0x80, 0xfe, 0xfc, 0xc0, 0xc0, 0xc0, 0x88, 0x80, 0x80, 0x00, 0xc0, 0xc0, 0x00, 0x00, 0xe0,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe0, 0xe0, 0xfe, 0xe0, 0xfe, 0xf0,
    0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe0, 0xe0, 0xe0, 0xf0, 0x00,
    0xf2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf0, 0xe0, 0xf0, 0x80, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

const char url__hex[] = "0123456789ABCDEF";

void url__str_free(url_str_t *s) {
    free(s->p);
    s->p = NULL;
    s->len = s->cap = 0;
}

bool url__reserve(url_parser_t *p, url_str_t *s, size_t extra) {
    if (p->oom) {
        return false;
    }
    if (s->len + extra <= s->cap) {
        return true;
    }
    size_t cap = s->cap ? s->cap : 32;
    while (cap < s->len + extra) {
        if (cap > SIZE_MAX / 2) {
            p->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *np = realloc(s->p, cap);
    if (!np) {
        p->oom = true;
        return false;
    }
    s->p = np;
    s->cap = cap;
    return true;
}

static void url_str_set(url_parser_t *p, url_str_t *dst, const url_str_t *src) {
    dst->len = 0;
    url__append(p, dst, src->p, src->len);
}

void url_parser_init(url_parser_t *p) {
    memset(p, 0, sizeof(*p));
}

static void url_record_free(url_record_t *r) {
    url__str_free(&r->scheme);
    url__str_free(&r->username);
    url__str_free(&r->password);
    url__str_free(&r->host);
    url__str_free(&r->path);
    url__str_free(&r->query);
    url__str_free(&r->fragment);
}

void url_parser_free(url_parser_t *p) {
    url_record_free(&p->rec);
    url_record_free(&p->base);
    url__str_free(&p->input);
    url__str_free(&p->buf);
    url__str_free(&p->tmp);
    url__str_free(&p->tmp2);
    url__str_free(&p->idna);
    url__str_free(&p->href);
}

static void url_record_reset(url_record_t *r) {
    r->scheme.len = r->username.len = r->password.len = r->host.len = 0;
    r->path.len = r->query.len = r->fragment.len = 0;
    r->port = -1;
    r->type = URL_SCHEME_NOT_SPECIAL;
    r->has_host = r->opaque = r->has_query = r->has_fragment = false;
}

/* ---- small predicates ---- */

static bool url_is_alpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool url_is_digit(int c) {
    return c >= '0' && c <= '9';
}

static char url_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static uint8_t url_scheme_type(const char *s, size_t n) {
    switch (n) {
    case 2:
        return memcmp(s, "ws", 2) == 0 ? URL_SCHEME_WS : URL_SCHEME_NOT_SPECIAL;
    case 3:
        if (memcmp(s, "wss", 3) == 0) {
            return URL_SCHEME_WSS;
        }
        return memcmp(s, "ftp", 3) == 0 ? URL_SCHEME_FTP : URL_SCHEME_NOT_SPECIAL;
    case 4:
        if (memcmp(s, "http", 4) == 0) {
            return URL_SCHEME_HTTP;
        }
        return memcmp(s, "file", 4) == 0 ? URL_SCHEME_FILE : URL_SCHEME_NOT_SPECIAL;
    case 5:
        return memcmp(s, "https", 5) == 0 ? URL_SCHEME_HTTPS : URL_SCHEME_NOT_SPECIAL;
    default:
        return URL_SCHEME_NOT_SPECIAL;
    }
}

static int32_t url_default_port(uint8_t type) {
    switch (type) {
    case URL_SCHEME_HTTP:
    case URL_SCHEME_WS:
        return 80;
    case URL_SCHEME_HTTPS:
    case URL_SCHEME_WSS:
        return 443;
    case URL_SCHEME_FTP:
        return 21;
    default:
        return -1;
    }
}

static bool url_special(const url_record_t *r) {
    return r->type != URL_SCHEME_NOT_SPECIAL;
}

/* A Windows drive letter: an ASCII alpha then ':' or (unless normalized_only) '|'. */
static bool url_is_drive(const char *s, size_t n, bool normalized_only) {
    return n == 2 && url_is_alpha((unsigned char)s[0]) &&
           (s[1] == ':' || (!normalized_only && s[1] == '|'));
}

/* Whether s[0..n) starts with a Windows drive letter (then ends or has / \ ? #). */
static bool url_starts_with_drive(const char *s, size_t n) {
    if (n < 2 || !url_is_drive(s, 2, false)) {
        return false;
    }
    if (n == 2) {
        return true;
    }
    char c = s[2];
    return c == '/' || c == '\\' || c == '?' || c == '#';
}

/* The first segment of a serialized non-opaque path. */
static void url_first_segment(const url_str_t *path, const char **seg, size_t *n) {
    *seg = path->p + 1;
    const char *end = memchr(*seg, '/', path->len - 1);
    *n = end ? (size_t)(end - *seg) : path->len - 1;
}

static size_t url_segment_count(const url_str_t *path) {
    size_t n = 0;
    for (size_t i = 0; i < path->len; i++) {
        n += path->p[i] == '/';
    }
    return n;
}

static void url_shorten_path(url_record_t *r) {
    if (r->path.len == 0) {
        return;
    }
    if (r->type == URL_SCHEME_FILE && url_segment_count(&r->path) == 1 &&
        url_is_drive(r->path.p + 1, r->path.len - 1, true)) {
        return;
    }
    size_t i = r->path.len;
    while (i > 0 && r->path.p[i - 1] != '/') {
        i--;
    }
    r->path.len = i > 0 ? i - 1 : 0;
}

static bool url_ieq2(const char *s, char a, char b) {
    return url_lower(s[0]) == a && url_lower(s[1]) == b;
}

/* "." or "%2e" (any case). */
static bool url_single_dot(const char *s, size_t n) {
    return (n == 1 && s[0] == '.') || (n == 3 && s[0] == '%' && url_ieq2(s + 1, '2', 'e'));
}

/* "..", ".%2e", "%2e." or "%2e%2e" (any case). */
static bool url_double_dot(const char *s, size_t n) {
    switch (n) {
    case 2:
        return s[0] == '.' && s[1] == '.';
    case 4:
        return (s[0] == '.' && s[1] == '%' && url_ieq2(s + 2, '2', 'e')) ||
               (s[0] == '%' && url_ieq2(s + 1, '2', 'e') && s[3] == '.');
    case 6:
        return s[0] == '%' && url_ieq2(s + 1, '2', 'e') && s[3] == '%' &&
               url_ieq2(s + 4, '2', 'e');
    default:
        return false;
    }
}

static bool url_includes_credentials(const url_record_t *r) {
    return r->username.len > 0 || r->password.len > 0;
}

static bool url_cannot_have_credentials(const url_record_t *r) {
    return !r->has_host || r->host.len == 0 || r->type == URL_SCHEME_FILE;
}

/* ---- the state machine ---- */

typedef enum {
    ST_NONE = 0,
    ST_SCHEME_START,
    ST_SCHEME,
    ST_NO_SCHEME,
    ST_SPECIAL_RELATIVE_OR_AUTHORITY,
    ST_PATH_OR_AUTHORITY,
    ST_RELATIVE,
    ST_RELATIVE_SLASH,
    ST_SPECIAL_AUTHORITY_SLASHES,
    ST_SPECIAL_AUTHORITY_IGNORE_SLASHES,
    ST_AUTHORITY,
    ST_HOST,
    ST_HOSTNAME,
    ST_PORT,
    ST_FILE,
    ST_FILE_SLASH,
    ST_FILE_HOST,
    ST_PATH_START,
    ST_PATH,
    ST_OPAQUE_PATH,
    ST_QUERY,
    ST_FRAGMENT,
} url_state_t;

#define URL_NO_SEGMENT SIZE_MAX

/* Bytes that end a run in the authority state ('/', '?', '#', '\\') and the host state (those
 * and ':', '[', ']'). */
static const uint8_t url_auth_stop[256] = {['/'] = 1, ['?'] = 1, ['#'] = 1, ['\\'] = 1};
static const uint8_t url_host_stop[256] = {['/'] = 1, ['?'] = 1, ['#'] = 1, ['\\'] = 1,
                                           [':'] = 1, ['['] = 1, [']'] = 1};

/* Sets p->src to the input trimmed of leading and trailing C0 controls and spaces (when trim)
 * and without ASCII tabs and newlines (copied into p->input when it has some). */
static void url_preprocess(url_parser_t *p, const char *in, size_t len, bool trim) {
    if (trim) {
        while (len > 0 && (unsigned char)in[0] <= 0x20) {
            in++;
            len--;
        }
        while (len > 0 && (unsigned char)in[len - 1] <= 0x20) {
            len--;
        }
    }
    p->src = in;
    p->src_len = len;
    if (memchr(in, '\t', len) == NULL && memchr(in, '\n', len) == NULL &&
        memchr(in, '\r', len) == NULL) {
        return; /* parse the caller's bytes in place */
    }
    p->input.len = 0;
    if (!url__reserve(p, &p->input, len + 1)) {
        return;
    }
    char *o = p->input.p;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (c != '\t' && c != '\n' && c != '\r') {
            *o++ = c;
        }
    }
    p->input.len = (size_t)(o - p->input.p);
    p->src = p->input.p;
    p->src_len = p->input.len;
}

/* An empty query (fragment) that the parser goes on to fill: the state that does. */
static url_state_t url_begin_query(url_record_t *url) {
    url->query.len = 0;
    url->has_query = true;
    return ST_QUERY;
}

static url_state_t url_begin_fragment(url_record_t *url) {
    url->fragment.len = 0;
    url->has_fragment = true;
    return ST_FRAGMENT;
}

/* The basic URL parser over p->src into url (base may be NULL; override ST_NONE: none). */
static int url_basic_parse(url_parser_t *p, url_record_t *url, const url_record_t *base,
                           url_state_t override) {
    const char *in = p->src ? p->src : "";
    size_t len = p->src_len;
    url_state_t state = override ? override : ST_SCHEME_START;
    url_str_t *buf = &p->buf;
    buf->len = 0;
    bool at_seen = false, in_brackets = false, password_seen = false;
    size_t seg = URL_NO_SEGMENT; /* where the open path segment's '/' is in url->path */
    /* pointer may go to -1 ("start over"), so it is signed-ish: we use ptrdiff_t */
    for (ptrdiff_t ptr = 0;; ptr++) {
        if (p->oom) {
            return URL_ENOMEM;
        }
        int c = (size_t)ptr < len ? (unsigned char)in[ptr] : -1; /* -1: EOF */
        const char *rest = in + ptr + 1; /* the remaining */
        size_t rest_len = (size_t)ptr < len ? len - (size_t)ptr - 1 : 0;
        switch (state) {
        case ST_SCHEME_START:
            if (c != -1 && url_is_alpha(c)) {
                url__append_c(p, buf, url_lower((char)c));
                state = ST_SCHEME;
            } else if (!override) {
                state = ST_NO_SCHEME;
                ptr--;
            } else {
                return URL_FAILURE;
            }
            break;
        case ST_SCHEME:
            if (c != -1 && (url_is_alpha(c) || url_is_digit(c) || c == '+' || c == '-' ||
                            c == '.')) {
                url__append_c(p, buf, url_lower((char)c));
            } else if (c == ':') {
                uint8_t type = url_scheme_type(buf->p, buf->len);
                if (override) {
                    if (url_special(url) != (type != URL_SCHEME_NOT_SPECIAL)) {
                        return URL_OK;
                    }
                    if ((url_includes_credentials(url) || url->port >= 0) &&
                        type == URL_SCHEME_FILE) {
                        return URL_OK;
                    }
                    if (url->type == URL_SCHEME_FILE && url->has_host && url->host.len == 0) {
                        return URL_OK;
                    }
                }
                url_str_set(p, &url->scheme, buf);
                url->type = type;
                if (override) {
                    if (url->port >= 0 && url->port == url_default_port(type)) {
                        url->port = -1;
                    }
                    return p->oom ? URL_ENOMEM : URL_OK;
                }
                buf->len = 0;
                if (type == URL_SCHEME_FILE) {
                    state = ST_FILE;
                } else if (type != URL_SCHEME_NOT_SPECIAL && base &&
                           base->type == type) {
                    state = ST_SPECIAL_RELATIVE_OR_AUTHORITY;
                } else if (type != URL_SCHEME_NOT_SPECIAL) {
                    state = ST_SPECIAL_AUTHORITY_SLASHES;
                } else if (rest_len > 0 && rest[0] == '/') {
                    state = ST_PATH_OR_AUTHORITY;
                    ptr++;
                } else {
                    url->opaque = true;
                    url->path.len = 0;
                    state = ST_OPAQUE_PATH;
                }
            } else if (!override) {
                buf->len = 0;
                state = ST_NO_SCHEME;
                ptr = -1;
            } else {
                return URL_FAILURE;
            }
            break;
        case ST_NO_SCHEME:
            if (!base || (base->opaque && c != '#')) {
                return URL_FAILURE;
            } else if (base->opaque && c == '#') {
                url_str_set(p, &url->scheme, &base->scheme);
                url->type = base->type;
                url_str_set(p, &url->path, &base->path);
                url->opaque = true;
                url_str_set(p, &url->query, &base->query);
                url->has_query = base->has_query;
                state = url_begin_fragment(url);
            } else if (base->type != URL_SCHEME_FILE) {
                state = ST_RELATIVE;
                ptr--;
            } else {
                state = ST_FILE;
                ptr--;
            }
            break;
        case ST_SPECIAL_RELATIVE_OR_AUTHORITY:
            if (c == '/' && rest_len > 0 && rest[0] == '/') {
                state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
                ptr++;
            } else {
                state = ST_RELATIVE;
                ptr--;
            }
            break;
        case ST_PATH_OR_AUTHORITY:
            if (c == '/') {
                state = ST_AUTHORITY;
            } else {
                state = ST_PATH;
                ptr--;
            }
            break;
        case ST_RELATIVE:
            url_str_set(p, &url->scheme, &base->scheme);
            url->type = base->type;
            if (c == '/' || (url_special(url) && c == '\\')) {
                state = ST_RELATIVE_SLASH;
            } else {
                url_str_set(p, &url->username, &base->username);
                url_str_set(p, &url->password, &base->password);
                url_str_set(p, &url->host, &base->host);
                url->has_host = base->has_host;
                url->port = base->port;
                url_str_set(p, &url->path, &base->path);
                url_str_set(p, &url->query, &base->query);
                url->has_query = base->has_query;
                if (c == '?') {
                    state = url_begin_query(url);
                } else if (c == '#') {
                    state = url_begin_fragment(url);
                } else if (c != -1) {
                    url->query.len = 0;
                    url->has_query = false;
                    url_shorten_path(url);
                    state = ST_PATH;
                    ptr--;
                }
            }
            break;
        case ST_RELATIVE_SLASH:
            if (url_special(url) && (c == '/' || c == '\\')) {
                state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
            } else if (c == '/') {
                state = ST_AUTHORITY;
            } else {
                url_str_set(p, &url->username, &base->username);
                url_str_set(p, &url->password, &base->password);
                url_str_set(p, &url->host, &base->host);
                url->has_host = base->has_host;
                url->port = base->port;
                state = ST_PATH;
                ptr--;
            }
            break;
        case ST_SPECIAL_AUTHORITY_SLASHES:
            if (c == '/' && rest_len > 0 && rest[0] == '/') {
                state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
                ptr++;
            } else {
                state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
                ptr--;
            }
            break;
        case ST_SPECIAL_AUTHORITY_IGNORE_SLASHES:
            if (c != '/' && c != '\\') {
                state = ST_AUTHORITY;
                ptr--;
            }
            break;
        case ST_AUTHORITY:
            if (!at_seen && buf->len == 0) {
                /* without an '@' ahead the authority is all host: skip the buffering */
                size_t j = (size_t)ptr;
                while (j < len && !(url_auth_stop[(uint8_t)in[j]] &&
                                    (in[j] != '\\' || url_special(url)))) {
                    j++;
                }
                if (memchr(in + ptr, '@', j - (size_t)ptr) == NULL) {
                    state = ST_HOST;
                    ptr--;
                    break;
                }
            }
            if (c == '@') {
                if (at_seen) {
                    /* "%40" before the buffer: it lands at the end of the userinfo so far */
                    if (password_seen) {
                        url__append(p, &url->password, "%40", 3);
                    } else {
                        url__append(p, &url->username, "%40", 3);
                    }
                }
                at_seen = true;
                for (size_t i = 0; i < buf->len; i++) {
                    uint8_t b = (uint8_t)buf->p[i];
                    if (b == ':' && !password_seen) {
                        password_seen = true;
                        continue;
                    }
                    url__append_encoded(p, password_seen ? &url->password : &url->username, b,
                                        URL_SET_USERINFO);
                }
                buf->len = 0;
            } else if (c == -1 || c == '/' || c == '?' || c == '#' ||
                       (url_special(url) && c == '\\')) {
                if (at_seen && buf->len == 0) {
                    return URL_FAILURE;
                }
                ptr -= (ptrdiff_t)buf->len + 1;
                buf->len = 0;
                state = ST_HOST;
            } else {
                size_t j = (size_t)ptr + 1;
                while (j < len && in[j] != '@' && !url_auth_stop[(uint8_t)in[j]]) {
                    j++;
                }
                url__append(p, buf, in + ptr, j - (size_t)ptr);
                ptr = (ptrdiff_t)j - 1;
            }
            break;
        case ST_HOST:
        case ST_HOSTNAME:
            if (override && url->type == URL_SCHEME_FILE) {
                ptr--;
                state = ST_FILE_HOST;
            } else if (c == ':' && !in_brackets) {
                if (buf->len == 0) {
                    return URL_FAILURE;
                }
                if (override == ST_HOSTNAME) {
                    return URL_FAILURE;
                }
                /* with a state override, a failure must leave the host as it was */
                url_str_t *dst = override ? &p->tmp2 : &url->host;
                int rc = url_host_parse(p, buf->p, buf->len, !url_special(url), dst);
                if (rc) {
                    return rc;
                }
                if (override) {
                    url_str_set(p, &url->host, &p->tmp2);
                }
                url->has_host = true;
                buf->len = 0;
                state = ST_PORT;
            } else if (c == -1 || c == '/' || c == '?' || c == '#' ||
                       (url_special(url) && c == '\\')) {
                ptr--;
                if (url_special(url) && buf->len == 0) {
                    return URL_FAILURE;
                } else if (override && buf->len == 0 &&
                           (url_includes_credentials(url) || url->port >= 0)) {
                    return URL_FAILURE;
                }
                url_str_t *dst = override ? &p->tmp2 : &url->host;
                dst->len = 0;
                int rc = buf->len == 0 ? URL_OK
                                       : url_host_parse(p, buf->p, buf->len, !url_special(url),
                                                        dst);
                if (rc) {
                    return rc;
                }
                if (override) {
                    url_str_set(p, &url->host, &p->tmp2);
                }
                url->has_host = true;
                buf->len = 0;
                state = ST_PATH_START;
                if (override) {
                    return p->oom ? URL_ENOMEM : URL_OK;
                }
            } else {
                if (c == '[') {
                    in_brackets = true;
                } else if (c == ']') {
                    in_brackets = false;
                }
                size_t j = (size_t)ptr + 1;
                while (j < len && !url_host_stop[(uint8_t)in[j]]) {
                    j++;
                }
                url__append(p, buf, in + ptr, j - (size_t)ptr);
                ptr = (ptrdiff_t)j - 1;
            }
            break;
        case ST_PORT:
            if (c != -1 && url_is_digit(c)) {
                url__append_c(p, buf, (char)c);
            } else if (c == -1 || c == '/' || c == '?' || c == '#' ||
                       (url_special(url) && c == '\\') || override) {
                if (buf->len > 0) {
                    uint32_t port = 0;
                    for (size_t i = 0; i < buf->len; i++) {
                        port = port * 10 + (uint32_t)(buf->p[i] - '0');
                        if (port > 65535) {
                            return URL_FAILURE;
                        }
                    }
                    url->port = (int32_t)port == url_default_port(url->type) ? -1 : (int32_t)port;
                    buf->len = 0;
                    if (override) {
                        return URL_OK;
                    }
                }
                if (override) {
                    return URL_FAILURE;
                }
                state = ST_PATH_START;
                ptr--;
            } else {
                return URL_FAILURE;
            }
            break;
        case ST_FILE:
            url_str_set(p, &url->scheme, &(url_str_t){(char *)"file", 4, 4});
            url->type = URL_SCHEME_FILE;
            url->host.len = 0;
            url->has_host = true;
            if (c == '/' || c == '\\') {
                state = ST_FILE_SLASH;
            } else if (base && base->type == URL_SCHEME_FILE) {
                url_str_set(p, &url->host, &base->host);
                url->has_host = base->has_host;
                url_str_set(p, &url->path, &base->path);
                url_str_set(p, &url->query, &base->query);
                url->has_query = base->has_query;
                if (c == '?') {
                    state = url_begin_query(url);
                } else if (c == '#') {
                    state = url_begin_fragment(url);
                } else if (c != -1) {
                    url->query.len = 0;
                    url->has_query = false;
                    if (!url_starts_with_drive(in + ptr, len - (size_t)ptr)) {
                        url_shorten_path(url);
                    } else {
                        url->path.len = 0;
                    }
                    state = ST_PATH;
                    ptr--;
                }
            } else {
                state = ST_PATH;
                ptr--;
            }
            break;
        case ST_FILE_SLASH:
            if (c == '/' || c == '\\') {
                state = ST_FILE_HOST;
            } else {
                if (base && base->type == URL_SCHEME_FILE) {
                    url_str_set(p, &url->host, &base->host);
                    url->has_host = base->has_host;
                    if (!url_starts_with_drive(in + ptr, c == -1 ? 0 : len - (size_t)ptr) &&
                        base->path.len > 0) {
                        const char *s0;
                        size_t n0;
                        url_first_segment(&base->path, &s0, &n0);
                        if (url_is_drive(s0, n0, true)) {
                            url__append_c(p, &url->path, '/');
                            url__append(p, &url->path, s0, n0);
                        }
                    }
                }
                state = ST_PATH;
                ptr--;
            }
            break;
        case ST_FILE_HOST:
            if (c == -1 || c == '/' || c == '\\' || c == '?' || c == '#') {
                ptr--;
                if (!override && url_is_drive(buf->p, buf->len, false)) {
                    /* The drive letter quirk: the buffer becomes the first path segment. */
                    seg = url->path.len;
                    url__append_c(p, &url->path, '/');
                    url__append(p, &url->path, buf->p, buf->len);
                    buf->len = 0;
                    state = ST_PATH;
                } else if (buf->len == 0) {
                    url->host.len = 0;
                    url->has_host = true;
                    if (override) {
                        return URL_OK;
                    }
                    state = ST_PATH_START;
                } else {
                    p->tmp2.len = 0;
                    int rc = url_host_parse(p, buf->p, buf->len, !url_special(url), &p->tmp2);
                    if (rc) {
                        return rc;
                    }
                    if (p->tmp2.len == 9 && memcmp(p->tmp2.p, "localhost", 9) == 0) {
                        p->tmp2.len = 0;
                    }
                    url_str_set(p, &url->host, &p->tmp2);
                    url->has_host = true;
                    if (override) {
                        return p->oom ? URL_ENOMEM : URL_OK;
                    }
                    buf->len = 0;
                    state = ST_PATH_START;
                }
            } else {
                url__append_c(p, buf, (char)c);
            }
            break;
        case ST_PATH_START:
            if (url_special(url)) {
                state = ST_PATH;
                if (c != '/' && c != '\\') {
                    ptr--;
                }
            } else if (!override && c == '?') {
                state = url_begin_query(url);
            } else if (!override && c == '#') {
                state = url_begin_fragment(url);
            } else if (c != -1) {
                state = ST_PATH;
                if (c != '/') {
                    ptr--;
                }
            } else if (override && !url->has_host) {
                url__append_c(p, &url->path, '/');
            }
            break;
        case ST_PATH: {
            bool slash = c == '/' || (url_special(url) && c == '\\');
            if (c == -1 || slash || (!override && (c == '?' || c == '#'))) {
                if (seg == URL_NO_SEGMENT) {
                    seg = url->path.len;
                    url__append_c(p, &url->path, '/');
                }
                if (p->oom) {
                    return URL_ENOMEM;
                }
                const char *s = url->path.p + seg + 1;
                size_t n = url->path.len - seg - 1;
                if (url_double_dot(s, n)) {
                    url->path.len = seg;
                    url_shorten_path(url);
                    if (!slash) {
                        url__append_c(p, &url->path, '/');
                    }
                } else if (url_single_dot(s, n)) {
                    url->path.len = seg;
                    if (!slash) {
                        url__append_c(p, &url->path, '/');
                    }
                } else if (url->type == URL_SCHEME_FILE && seg == 0 && url_is_drive(s, n, false)) {
                    url->path.p[seg + 2] = ':';
                }
                seg = URL_NO_SEGMENT;
                if (c == '?') {
                    state = url_begin_query(url);
                } else if (c == '#') {
                    state = url_begin_fragment(url);
                }
            } else {
                if (seg == URL_NO_SEGMENT) {
                    seg = url->path.len;
                    url__append_c(p, &url->path, '/');
                }
                /* a run of bytes that need no encoding and end nothing */
                size_t j = (size_t)ptr;
                while (j < len && !(url__encode_sets[(uint8_t)in[j]] & URL_SET_PATHSET) &&
                       in[j] != '/' && in[j] != '\\') {
                    j++;
                }
                if (j > (size_t)ptr) {
                    url__append(p, &url->path, in + ptr, j - (size_t)ptr);
                    ptr = (ptrdiff_t)j - 1;
                } else {
                    url__append_encoded(p, &url->path, (uint8_t)c, URL_SET_PATHSET);
                }
            }
            break;
        }
        case ST_OPAQUE_PATH:
            if (c == '?') {
                state = url_begin_query(url);
            } else if (c == '#') {
                state = url_begin_fragment(url);
            } else if (c == ' ') {
                if (rest_len > 0 && (rest[0] == '?' || rest[0] == '#')) {
                    url__append(p, &url->path, "%20", 3);
                } else {
                    url__append_c(p, &url->path, ' ');
                }
            } else if (c != -1) {
                url__append_encoded(p, &url->path, (uint8_t)c, URL_SET_C0);
            }
            break;
        case ST_QUERY:
            if ((!override && c == '#') || c == -1) {
                if (c == '#') {
                    state = url_begin_fragment(url);
                }
            } else {
                uint8_t set = url_special(url) ? URL_SET_SPECIAL_QUERY : URL_SET_QUERY;
                size_t j = (size_t)ptr; /* '#' is in both sets */
                while (j < len && !(url__encode_sets[(uint8_t)in[j]] & set)) {
                    j++;
                }
                if (j > (size_t)ptr) {
                    url__append(p, &url->query, in + ptr, j - (size_t)ptr);
                    ptr = (ptrdiff_t)j - 1;
                } else {
                    url__append_encoded(p, &url->query, (uint8_t)c, set);
                }
            }
            break;
        case ST_FRAGMENT:
            if (c != -1) {
                size_t j = (size_t)ptr;
                while (j < len && !(url__encode_sets[(uint8_t)in[j]] & URL_SET_FRAGMENT)) {
                    j++;
                }
                if (j > (size_t)ptr) {
                    url__append(p, &url->fragment, in + ptr, j - (size_t)ptr);
                    ptr = (ptrdiff_t)j - 1;
                } else {
                    url__append_encoded(p, &url->fragment, (uint8_t)c, URL_SET_FRAGMENT);
                }
            }
            break;
        case ST_NONE:
            return URL_FAILURE;
        }
        if (c == -1 && ptr >= (ptrdiff_t)len) {
            break;
        }
    }
    return p->oom ? URL_ENOMEM : URL_OK;
}

/* ---- serializing ---- */

static void url_serialize(url_parser_t *p, const url_record_t *r) {
    url_str_t *h = &p->href;
    url_components_t *k = &p->comp;
    h->len = 0;
    url__append(p, h, r->scheme.p, r->scheme.len);
    url__append_c(p, h, ':');
    k->protocol_end = (uint32_t)h->len;
    if (r->has_host) {
        url__append(p, h, "//", 2);
        if (url_includes_credentials(r)) {
            url__append(p, h, r->username.p, r->username.len);
            k->username_end = (uint32_t)h->len;
            if (r->password.len) {
                url__append_c(p, h, ':');
                url__append(p, h, r->password.p, r->password.len);
            }
            k->host_start = (uint32_t)h->len;
            url__append_c(p, h, '@');
        } else {
            k->username_end = k->host_start = (uint32_t)h->len;
        }
        url__append(p, h, r->host.p, r->host.len);
        k->host_end = (uint32_t)h->len;
        if (r->port >= 0) {
            char num[8];
            size_t n = 0;
            uint32_t v = (uint32_t)r->port;
            do {
                num[7 - n++] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            url__append_c(p, h, ':');
            url__append(p, h, num + 8 - n, n);
        }
    } else {
        k->username_end = k->host_start = k->host_end = k->protocol_end;
        if (!r->opaque && r->path.len > 1 && r->path.p[1] == '/') {
            url__append(p, h, "/.", 2);
        }
    }
    k->port = r->port >= 0 ? (uint32_t)r->port : URL_OMITTED;
    k->pathname_start = (uint32_t)h->len;
    url__append(p, h, r->path.p, r->path.len);
    k->search_start = k->hash_start = URL_OMITTED;
    if (r->has_query) {
        k->search_start = (uint32_t)h->len;
        url__append_c(p, h, '?');
        url__append(p, h, r->query.p, r->query.len);
    }
    if (r->has_fragment) {
        k->hash_start = (uint32_t)h->len;
        url__append_c(p, h, '#');
        url__append(p, h, r->fragment.p, r->fragment.len);
    }
    k->scheme_type = r->type;
}

/* Parses p->src (already preprocessed) as a fresh URL into r. */
static int url_parse_into(url_parser_t *p, url_record_t *r, const url_record_t *base) {
    url_record_reset(r);
    return url_basic_parse(p, r, base, ST_NONE);
}

int url_parse(url_parser_t *p, const char *input, size_t len, const char *base, size_t base_len) {
    p->oom = false;
    const url_record_t *b = NULL;
    if (base) {
        url_preprocess(p, base, base_len, true);
        int rc = url_parse_into(p, &p->base, NULL);
        if (rc) {
            return rc;
        }
        b = &p->base;
    }
    url_preprocess(p, input, len, true);
    int rc = url_parse_into(p, &p->rec, b);
    if (rc) {
        return rc;
    }
    url_serialize(p, &p->rec);
    return p->oom ? URL_ENOMEM : URL_OK;
}

/* The search and hash setters: an empty value removes the part; otherwise the value, without
 * its leading lead character, is parsed from state st. */
static int url_set_tail(url_parser_t *p, url_record_t *r, bool *has, url_str_t *part, char lead,
                        url_state_t st, const char *value, size_t value_len) {
    part->len = 0;
    *has = value_len > 0;
    if (value_len == 0) {
        return URL_OK;
    }
    if (value[0] == lead) {
        value++;
        value_len--;
    }
    url_preprocess(p, value, value_len, false);
    return url_basic_parse(p, r, NULL, st);
}

int url_set(url_parser_t *p, const char *href, size_t len, url_setter_t which, const char *value,
            size_t value_len) {
    p->oom = false;
    p->href.len = 0; /* stays empty when href itself does not parse */
    url_record_t *r = &p->rec;
    if (which == URL_SET_HREF) {
        return url_parse(p, value, value_len, NULL, 0);
    }
    url_preprocess(p, href, len, true);
    int rc = url_parse_into(p, r, NULL);
    if (rc) {
        return rc;
    }
    rc = URL_OK;
    switch (which) {
    case URL_SET_HREF:
        break;
    case URL_SET_PROTOCOL:
        p->input.len = 0;
        for (size_t i = 0; i < value_len; i++) {
            if (value[i] != '\t' && value[i] != '\n' && value[i] != '\r') {
                url__append_c(p, &p->input, value[i]);
            }
        }
        url__append_c(p, &p->input, ':');
        p->src = p->input.p;
        p->src_len = p->input.len;
        rc = p->oom ? URL_ENOMEM : url_basic_parse(p, r, NULL, ST_SCHEME_START);
        break;
    case URL_SET_USERNAME:
    case URL_SET_PASSWORD:
        if (!url_cannot_have_credentials(r)) {
            url_str_t *dst = which == URL_SET_USERNAME ? &r->username : &r->password;
            dst->len = 0;
            for (size_t i = 0; i < value_len; i++) {
                url__append_encoded(p, dst, (uint8_t)value[i], URL_SET_USERINFO);
            }
        }
        break;
    case URL_SET_HOST:
    case URL_SET_HOSTNAME:
        if (!r->opaque) {
            url_preprocess(p, value, value_len, false);
            rc = url_basic_parse(p, r, NULL, which == URL_SET_HOST ? ST_HOST : ST_HOSTNAME);
        }
        break;
    case URL_SET_PORT:
        if (!url_cannot_have_credentials(r)) {
            if (value_len == 0) {
                r->port = -1;
            } else {
                url_preprocess(p, value, value_len, false);
                rc = url_basic_parse(p, r, NULL, ST_PORT);
            }
        }
        break;
    case URL_SET_PATHNAME:
        if (!r->opaque) {
            r->path.len = 0;
            url_preprocess(p, value, value_len, false);
            rc = url_basic_parse(p, r, NULL, ST_PATH_START);
        }
        break;
    case URL_SET_SEARCH:
        rc = url_set_tail(p, r, &r->has_query, &r->query, '?', ST_QUERY, value, value_len);
        break;
    case URL_SET_HASH:
        rc = url_set_tail(p, r, &r->has_fragment, &r->fragment, '#', ST_FRAGMENT, value,
                          value_len);
        break;
    }
    if (rc == URL_ENOMEM || p->oom) {
        return URL_ENOMEM;
    }
    url_serialize(p, r);
    return p->oom ? URL_ENOMEM : rc;
}
