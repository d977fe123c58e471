/* parser.c: the HTTP/1.1 parser: start and header lines are parsed as whole lines (from the
 * caller's buffer, or from the parser's buffer when a line was split), bodies byte-exactly,
 * with llhttp's strictness, error codes and reasons. */
#include "http/parser.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum {
    S_START,      /* before a message: CR and LF are skipped */
    S_START_LINE, /* the request or status line */
    S_HEADER_LINE,
    S_BODY_LENGTH,
    S_BODY_EOF,
    S_CHUNK_SIZE_START,
    S_CHUNK_SIZE,
    S_CHUNK_SIZE_WS, /* lenient spaces after the size */
    S_CHUNK_EXT_NAME_START,
    S_CHUNK_EXT_NAME,
    S_CHUNK_EXT_VALUE_START,
    S_CHUNK_EXT_VALUE,
    S_CHUNK_EXT_QUOTED,
    S_CHUNK_EXT_QUOTED_ESC,
    S_CHUNK_EXT_QUOTED_END,
    S_CHUNK_SIZE_LF,
    S_CHUNK_DATA,
    S_CHUNK_DATA_CR,
    S_CHUNK_DATA_LF,
    S_CLOSED, /* after a message that does not keep the connection */
    S_DEAD,
};

enum {
    F_CONNECTION_KEEP_ALIVE = 1 << 0,
    F_CONNECTION_CLOSE = 1 << 1,
    F_CONNECTION_UPGRADE = 1 << 2,
    F_CHUNKED = 1 << 3,
    F_UPGRADE = 1 << 4,
    F_CONTENT_LENGTH = 1 << 5,
    F_SKIPBODY = 1 << 6,
    F_TRANSFER_ENCODING = 1 << 8,
};

#define HTTP_DEFAULT_MAX_HEADER 16384
#define HTTP_MAX_CHUNK_EXTENSIONS 16384
/* A partial line may exceed the counted header bytes by this much (separators, OWS). */
#define HTTP_LINE_SLACK 256

const char *const http_method_names[HTTP_METHOD_COUNT] = {
    "DELETE",   "GET",       "HEAD",      "POST",       "PUT",       "CONNECT",  "OPTIONS",
    "TRACE",    "COPY",      "LOCK",      "MKCOL",      "MOVE",      "PROPFIND", "PROPPATCH",
    "SEARCH",   "UNLOCK",    "BIND",      "REBIND",     "UNBIND",    "ACL",      "REPORT",
    "MKACTIVITY", "CHECKOUT", "MERGE",    "M-SEARCH",   "NOTIFY",    "SUBSCRIBE", "UNSUBSCRIBE",
    "PATCH",    "PURGE",     "MKCALENDAR", "LINK",      "UNLINK",    "SOURCE",   "QUERY",
};

/* Methods llhttp also recognizes (RTSP, and PRI for the HTTP/2 preface): a request with one
 * of these and HTTP/x.x is an error rather than an unknown method. */
static const char *const http_extra_methods[] = {
    "PRI",      "DESCRIBE", "ANNOUNCE", "SETUP",    "PLAY",  "PAUSE",
    "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER", "REDIRECT", "RECORD", "FLUSH",
};
#define HTTP_ALL_METHODS (HTTP_METHOD_COUNT + 12)
#define HTTP_METHOD_PRI HTTP_METHOD_COUNT

static const char *http_method_at(unsigned i) {
    return i < HTTP_METHOD_COUNT ? http_method_names[i] : http_extra_methods[i - HTTP_METHOD_COUNT];
}

/* tchar (RFC 9110 token) */
static const uint8_t http_token[256] = {
    ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['*'] = 1, ['+'] = 1,
    ['-'] = 1, ['.'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['|'] = 1, ['~'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* A byte allowed in a header value: HTAB, SP, VCHAR, obs-text. */
static inline bool http_value_char(uint8_t c) {
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

static inline bool http_url_char(uint8_t c) {
    return c > 0x20 && c < 0x7f;
}

static inline int http_hex(uint8_t c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static inline uint8_t http_lower(uint8_t c) {
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c | 0x20) : c;
}

static bool http_ieq(const char *a, size_t n, const char *lower) {
    for (size_t i = 0; i < n; i++) {
        if (lower[i] == 0 || http_lower((uint8_t)a[i]) != (uint8_t)lower[i]) {
            return false;
        }
    }
    return lower[n] == 0;
}

const char *http_errno_name(http_errno_t err) {
    switch (err) {
#define HTTP_ERRNO_CASE(n, name)                                                                   \
    case HPE_##name:                                                                               \
        return "HPE_" #name;
        HTTP_ERRNO_MAP(HTTP_ERRNO_CASE)
#undef HTTP_ERRNO_CASE
    }
    return "HPE_UNKNOWN";
}

void http_parser_init(http_parser_t *p, http_type_t type, const http_parser_settings_t *settings,
                      uint32_t max_header_size, uint16_t lenient) {
    char *buf = p->buf;
    size_t cap = p->buf_cap;
    void *data = p->data;
    memset(p, 0, sizeof(*p));
    p->buf = buf;
    p->buf_cap = cap;
    p->data = data;
    p->type = (uint8_t)type;
    p->settings = settings;
    p->max_header_size = max_header_size ? max_header_size : HTTP_DEFAULT_MAX_HEADER;
    p->lenient = lenient;
    p->state = S_START;
}

void http_parser_free(http_parser_t *p) {
    free(p->buf);
    p->buf = NULL;
    p->buf_cap = p->buf_len = 0;
}

void http_parser_set_error(http_parser_t *p, http_errno_t err, const char *reason) {
    p->error = err;
    p->reason = reason;
}

void http_parser_pause(http_parser_t *p) {
    p->paused = 1;
    if (p->error == HPE_OK && p->cur == NULL) {
        p->error = HPE_PAUSED;
        p->reason = "Paused";
        p->error_pos = 0;
    }
}

void http_parser_resume(http_parser_t *p) {
    p->paused = 0;
    if (p->error == HPE_PAUSED || p->error == HPE_PAUSED_UPGRADE) {
        p->error = HPE_OK;
        p->reason = NULL;
    }
}

static int http_needs_eof(const http_parser_t *p) {
    if (p->type == HTTP_REQUEST) {
        return 0;
    }
    if (p->status_code / 100 == 1 || p->status_code == 204 || p->status_code == 304 ||
        (p->flags & F_SKIPBODY)) {
        return 0;
    }
    if ((p->flags & F_TRANSFER_ENCODING) && !(p->flags & F_CHUNKED)) {
        return 1;
    }
    if (p->flags & (F_CHUNKED | F_CONTENT_LENGTH)) {
        return 0;
    }
    return 1;
}

int http_should_keep_alive(const http_parser_t *p) {
    if (p->http_major > 0 && p->http_minor > 0) {
        if (p->flags & F_CONNECTION_CLOSE) {
            return 0;
        }
    } else if (!(p->flags & F_CONNECTION_KEEP_ALIVE)) {
        return 0;
    }
    return !http_needs_eof(p);
}

/* ---- errors ---- */

/* Sets the error at byte offset `at` of the current buffer (clamped to it). */
static void http_fail(http_parser_t *p, http_errno_t err, const char *reason, ptrdiff_t at) {
    p->error = err;
    p->reason = reason;
    p->error_pos = at < 0 ? 0 : (size_t)at;
    p->state = S_DEAD;
}

/* Maps a callback's result: 0 goes on; otherwise the error the callback set, or HPE_USER. */
static bool http_cb_failed(http_parser_t *p, int rc, ptrdiff_t at) {
    if (rc == 0) {
        return false;
    }
    if (p->error == HPE_OK) {
        p->error = HPE_USER;
        p->reason = "User callback error";
    }
    p->state = S_DEAD;
    p->error_pos = at < 0 ? 0 : (size_t)at;
    return true;
}

/* ---- the line buffer ---- */

static bool http_buf_append(http_parser_t *p, const char *s, size_t n) {
    if (n == 0) {
        return true;
    }
    if (p->buf_len + n > p->buf_cap) {
        size_t cap = p->buf_cap ? p->buf_cap : 256;
        while (cap < p->buf_len + n) {
            cap *= 2;
        }
        char *nb = realloc(p->buf, cap);
        if (!nb) {
            return false;
        }
        p->buf = nb;
        p->buf_cap = cap;
    }
    memcpy(p->buf + p->buf_len, s, n);
    p->buf_len += n;
    return true;
}

/* Adds a span's length to the counted header bytes; fails like node at >= max. */
static bool http_count(http_parser_t *p, size_t n, ptrdiff_t end_at) {
    p->header_bytes += (uint32_t)(n > p->max_header_size ? p->max_header_size : n);
    if (p->header_bytes >= p->max_header_size) {
        http_fail(p, HPE_HEADER_OVERFLOW, "Header overflow", end_at + 1);
        return false;
    }
    return true;
}

/* ---- the start line ---- */

/* Matches the method at the start of the line. Returns the index after it (its space), or 0
 * after failing. */
static size_t http_parse_method(http_parser_t *p, const char *l, size_t n, ptrdiff_t off,
                                bool partial) {
    /* Fast paths for the common methods. */
    if (n > 4 && memcmp(l, "GET ", 4) == 0) {
        p->method = 1;
        return 3;
    }
    if (n > 5 && memcmp(l, "POST ", 5) == 0) {
        p->method = 3;
        return 4;
    }
    uint64_t cand = (UINT64_C(1) << HTTP_ALL_METHODS) - 1;
    for (size_t i = 0;; i++) {
        uint8_t c = i < n ? (uint8_t)l[i] : 0;
        uint64_t next = 0;
        int complete = -1;
        for (unsigned m = 0; m < HTTP_ALL_METHODS; m++) {
            if (!(cand >> m & 1)) {
                continue;
            }
            const char *name = http_method_at(m);
            if (name[i] == 0) {
                complete = (int)m;
            } else if ((uint8_t)name[i] == c) {
                next |= UINT64_C(1) << m;
            }
        }
        if (complete >= 0 && c == ' ') {
            p->method = (uint8_t)complete;
            return i;
        }
        if (i >= n && partial) {
            return 1;
        }
        if (next == 0 || i >= n) {
            if (complete >= 0) {
                http_fail(p, HPE_INVALID_METHOD, "Expected space after method", off + (ptrdiff_t)i);
            } else {
                http_fail(p, HPE_INVALID_METHOD, "Invalid method encountered", off + (ptrdiff_t)i);
            }
            return 0;
        }
        cand = next;
    }
}

/* Checks the request target l[0..n) like llhttp's URL states. */
static bool http_check_url(http_parser_t *p, const char *l, size_t n, ptrdiff_t off) {
    enum { U_PATH, U_QUERY, U_FRAGMENT, U_SCHEMA, U_SLASH1, U_SLASH2, U_SERVER } st;
    static const char *const reasons[] = {
        "Invalid char in url path", "Invalid char in url query",
        "Invalid char in url fragment start",
    };
    size_t i = 0;
    uint8_t c0 = (uint8_t)l[0];
    if (p->method == HTTP_METHOD_CONNECT) {
        st = U_SERVER;
    } else if (c0 == '/' || c0 == '*') {
        st = U_PATH;
        i = 1;
    } else if (http_lower(c0) >= 'a' && http_lower(c0) <= 'z') {
        st = U_SCHEMA;
    } else {
        http_fail(p, HPE_INVALID_URL, "Unexpected start char in url", off);
        return false;
    }
    for (; i < n; i++) {
        uint8_t c = (uint8_t)l[i];
        ptrdiff_t at = off + (ptrdiff_t)i;
        if (c == '\t') {
            http_fail(p, HPE_INVALID_URL, "Invalid characters in url", at + 1);
            return false;
        }
        switch (st) {
        case U_PATH:
        case U_QUERY:
        case U_FRAGMENT:
            if (!http_url_char(c)) {
                http_fail(p, HPE_INVALID_URL, reasons[st], at);
                return false;
            }
            if (c == '?' && st == U_PATH) {
                st = U_QUERY;
            } else if (c == '#' && st != U_FRAGMENT) {
                st = U_FRAGMENT;
            }
            break;
        case U_SCHEMA:
            if (c == ':') {
                st = U_SLASH1;
            } else if (!(http_lower(c) >= 'a' && http_lower(c) <= 'z')) {
                http_fail(p, HPE_INVALID_URL, "Unexpected char in url schema", at);
                return false;
            }
            break;
        case U_SLASH1:
        case U_SLASH2:
            if (c != '/') {
                http_fail(p, HPE_INVALID_URL, "Unexpected char in url schema", at);
                return false;
            }
            st = st == U_SLASH1 ? U_SLASH2 : U_SERVER;
            break;
        case U_SERVER:
            if (c == '/') {
                st = U_PATH;
            } else if (c == '?') {
                st = U_QUERY;
            } else if (c == '#') {
                st = U_FRAGMENT;
            } else if (!(http_token[c] || c == ':' || c == '@' || c == '[' || c == ']' ||
                         c == '(' || c == ')' || c == ',' || c == ';' || c == '=') ||
                       c == '|' || c == '`' || c == '^') {
                http_fail(p, HPE_INVALID_URL, "Unexpected char in url server", at);
                return false;
            }
            break;
        }
    }
    if (st == U_SCHEMA || st == U_SLASH1 || st == U_SLASH2) {
        http_fail(p, HPE_INVALID_URL, "Invalid characters in url", off + (ptrdiff_t)n + 1);
        return false;
    }
    return true;
}

/* Parses "HTTP/x.y" (or RTSP/, ICE/) at l[i..n). Returns the index after it, or 0 on failure. */
static size_t http_parse_version(http_parser_t *p, const char *l, size_t n, size_t i,
                                 ptrdiff_t off, bool *rtsp_or_ice) {
    static const char *const protos[] = {"HTTP/", "RTSP/", "ICE/"};
    int proto = -1;
    for (int k = 0; k < 3 && proto < 0; k++) {
        size_t len = strlen(protos[k]);
        if (n - i >= len && memcmp(l + i, protos[k], len) == 0) {
            proto = k;
        }
    }
    if (proto < 0) {
        /* The first byte no protocol name accepts. */
        size_t j = i;
        for (;; j++) {
            bool ok = false;
            for (int k = 0; k < 3; k++) {
                if (j < n && strncmp(l + i, protos[k], j - i) == 0 && protos[k][j - i] == l[j]) {
                    ok = true;
                }
            }
            if (!ok) {
                break;
            }
        }
        http_fail(p, HPE_INVALID_CONSTANT, "Expected HTTP/, RTSP/ or ICE/", off + (ptrdiff_t)j);
        return 0;
    }
    if (p->type == HTTP_REQUEST) {
        if (proto == 0 && p->method >= HTTP_METHOD_COUNT + 1) {
            http_fail(p, HPE_INVALID_CONSTANT, "Invalid method for HTTP/x.x request",
                      off + (ptrdiff_t)i + 4);
            return 0;
        }
        if (proto == 2 && p->method != 33) {
            http_fail(p, HPE_INVALID_CONSTANT, "Expected SOURCE method for ICE/x.x request",
                      off + (ptrdiff_t)i + 3);
            return 0;
        }
    }
    *rtsp_or_ice = proto != 0;
    i += proto == 2 ? 4 : 5;
    if (i >= n || l[i] < '0' || l[i] > '9') {
        http_fail(p, HPE_INVALID_VERSION, "Invalid major version", off + (ptrdiff_t)i);
        return 0;
    }
    p->http_major = (uint8_t)(l[i++] - '0');
    if (i >= n || l[i] != '.') {
        http_fail(p, HPE_INVALID_VERSION, "Expected dot", off + (ptrdiff_t)i);
        return 0;
    }
    i++;
    if (i >= n || l[i] < '0' || l[i] > '9') {
        http_fail(p, HPE_INVALID_VERSION, "Invalid minor version", off + (ptrdiff_t)i);
        return 0;
    }
    p->http_minor = (uint8_t)(l[i++] - '0');
    if (!(p->lenient & HTTP_LENIENT_VERSION)) {
        unsigned v = p->http_major * 10u + p->http_minor;
        if (v != 9 && v != 10 && v != 11 && v != 20) {
            http_fail(p, HPE_INVALID_VERSION, "Invalid HTTP version", off + (ptrdiff_t)i);
            return 0;
        }
    }
    return i;
}

static bool http_headers_done(http_parser_t *p, ptrdiff_t at);

/* The request line l[0..n) (without its line end). lf_only: it ended in a bare LF. */
static bool http_request_line(http_parser_t *p, const char *l, size_t n, ptrdiff_t off,
                              bool lf_only) {
    size_t i = http_parse_method(p, l, n, off, false);
    if (i == 0) {
        return false;
    }
    while (i < n && l[i] == ' ') {
        i++;
    }
    size_t url = i;
    while (i < n && l[i] != ' ' && l[i] != '\r') {
        i++;
    }
    if (i == url) {
        http_fail(p, HPE_INVALID_URL, "Invalid characters in url", off + (ptrdiff_t)i + 1);
        return false;
    }
    if (!http_check_url(p, l + url, i - url, off + (ptrdiff_t)url)) {
        return false;
    }
    if (p->settings->on_url) {
        int rc = p->settings->on_url(p, l + url, i - url);
        if (http_cb_failed(p, rc, off + (ptrdiff_t)i)) {
            return false;
        }
    }
    if (!http_count(p, i - url, off + (ptrdiff_t)i - 1)) {
        return false;
    }
    if (i == n || l[i] == '\r') {
        /* HTTP/0.9: no version, no headers. */
        if (i < n) {
            http_fail(p, HPE_INVALID_URL, "Expected CRLF", off + (ptrdiff_t)i + 1);
            return false;
        }
        p->http_major = 0;
        p->http_minor = 9;
        return http_headers_done(p, off + (ptrdiff_t)n + 2 - lf_only);
    }
    while (i < n && l[i] == ' ') {
        i++;
    }
    bool other_proto = false;
    i = http_parse_version(p, l, n, i, off, &other_proto);
    if (i == 0) {
        return false;
    }
    if (i < n) {
        if (l[i] == '\r') {
            http_fail(p, HPE_STRICT, "Expected CRLF after version", off + (ptrdiff_t)i + 1);
        } else {
            http_fail(p, HPE_INVALID_VERSION, "Expected CRLF after version", off + (ptrdiff_t)i);
        }
        return false;
    }
    if (lf_only && !(p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
        http_fail(p, HPE_INVALID_VERSION, "Expected CRLF after version", off + (ptrdiff_t)n + 1);
        return false;
    }
    if (p->method == HTTP_METHOD_PRI && !other_proto) {
        http_fail(p, HPE_PAUSED_H2_UPGRADE, "Pause on PRI/Upgrade", off + (ptrdiff_t)n + 10);
        return false;
    }
    return true;
}

static bool http_status_line(http_parser_t *p, const char *l, size_t n, ptrdiff_t off,
                             bool lf_only) {
    bool other_proto = false;
    size_t i = http_parse_version(p, l, n, 0, off, &other_proto);
    if (i == 0) {
        return false;
    }
    if (i >= n || l[i] != ' ') {
        http_fail(p, HPE_INVALID_VERSION, "Expected space after version", off + (ptrdiff_t)i);
        return false;
    }
    i++;
    unsigned code = 0;
    for (int k = 0; k < 3; k++, i++) {
        if (i >= n || l[i] < '0' || l[i] > '9') {
            http_fail(p, HPE_INVALID_STATUS, "Invalid status code", off + (ptrdiff_t)i);
            return false;
        }
        code = code * 10 + (unsigned)(l[i] - '0');
    }
    p->status_code = (uint16_t)code;
    size_t msg = i;
    bool has_sp = false;
    if (i < n) {
        if (l[i] == ' ') {
            msg = ++i;
            has_sp = true;
        } else if (l[i] != '\r') {
            http_fail(p, HPE_INVALID_STATUS, "Invalid response status", off + (ptrdiff_t)i);
            return false;
        }
    }
    for (size_t j = msg; j < n; j++) {
        if (l[j] == '\r') {
            http_fail(p, HPE_STRICT, "Expected LF after CR", off + (ptrdiff_t)j + 1);
            return false;
        }
    }
    if (lf_only && !(p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
        if (!has_sp) {
            http_fail(p, HPE_INVALID_STATUS, "Invalid response status", off + (ptrdiff_t)n + 1);
        } else {
            http_fail(p, HPE_CR_EXPECTED, "Missing expected CR after response line",
                      off + (ptrdiff_t)n + 1);
        }
        return false;
    }
    if (p->settings->on_status) {
        int rc = p->settings->on_status(p, l + msg, n - msg);
        if (http_cb_failed(p, rc, off + (ptrdiff_t)n)) {
            return false;
        }
    }
    return http_count(p, n - msg, off + (ptrdiff_t)n - 1);
}

/* Checks the start of a start line that has no end yet, so that garbage fails at once (as
 * llhttp does) rather than at the end of the line. */
static bool http_partial_start_line(http_parser_t *p, const char *l, size_t n, ptrdiff_t off) {
    if (p->type == HTTP_REQUEST) {
        const char *sp = memchr(l, ' ', n);
        return http_parse_method(p, l, sp ? (size_t)(sp - l) + 1 : n, off, true) != 0;
    }
    static const char *const protos[] = {"HTTP/", "RTSP/", "ICE/"};
    size_t j = 0;
    for (;; j++) {
        bool ok = false;
        for (int k = 0; k < 3; k++) {
            if (j < n && j < strlen(protos[k]) && strncmp(l, protos[k], j) == 0 &&
                protos[k][j] == l[j]) {
                ok = true;
            }
        }
        if (!ok) {
            break;
        }
    }
    if (j < n && j < 4) {
        http_fail(p, HPE_INVALID_CONSTANT, "Expected HTTP/, RTSP/ or ICE/", off + (ptrdiff_t)j);
        return false;
    }
    return true;
}

/* ---- headers ---- */

/* Content-Length's value: digits, then only OWS. */
static bool http_content_length(http_parser_t *p, const char *v, size_t n, ptrdiff_t off) {
    if (p->flags & F_CONTENT_LENGTH) {
        http_fail(p, HPE_UNEXPECTED_CONTENT_LENGTH, "Duplicate Content-Length", off);
        return false;
    }
    if ((p->flags & F_TRANSFER_ENCODING) && !(p->lenient & HTTP_LENIENT_CHUNKED_LENGTH)) {
        http_fail(p, HPE_INVALID_CONTENT_LENGTH,
                  "Content-Length can't be present with Transfer-Encoding", off - 1);
        return false;
    }
    if (n == 0) {
        http_fail(p, HPE_INVALID_CONTENT_LENGTH, "Empty Content-Length", off + 2);
        return false;
    }
    uint64_t len = 0;
    size_t i = 0;
    for (; i < n && v[i] >= '0' && v[i] <= '9'; i++) {
        uint64_t d = (uint64_t)(v[i] - '0');
        if (len > (UINT64_MAX - d) / 10) {
            http_fail(p, HPE_INVALID_CONTENT_LENGTH, "Content-Length overflow",
                      off + (ptrdiff_t)i + 1);
            return false;
        }
        len = len * 10 + d;
    }
    if (i == 0) {
        http_fail(p, HPE_INVALID_CONTENT_LENGTH, "Invalid character in Content-Length", off);
        return false;
    }
    while (i < n && (v[i] == ' ' || v[i] == '\t')) {
        i++;
    }
    if (i < n) {
        http_fail(p, HPE_INVALID_CONTENT_LENGTH, "Invalid character in Content-Length",
                  off + (ptrdiff_t)i);
        return false;
    }
    p->content_length = len;
    p->flags |= F_CONTENT_LENGTH;
    return true;
}

/* Transfer-Encoding's value (untrimmed on the right: `chunked\t` is not chunked, as in
 * llhttp). In a request, nothing may follow a final `chunked`. */
static bool http_transfer_encoding(http_parser_t *p, const char *v, size_t n, size_t raw_n,
                                   ptrdiff_t off) {
    if ((p->flags & F_CONTENT_LENGTH) && !(p->lenient & HTTP_LENIENT_CHUNKED_LENGTH)) {
        http_fail(p, HPE_INVALID_TRANSFER_ENCODING,
                  "Transfer-Encoding can't be present with Content-Length", off - 1);
        return false;
    }
    if (n == 0) {
        http_fail(p, HPE_INVALID_TRANSFER_ENCODING, "Empty Transfer-Encoding", off + 2);
        return false;
    }
    bool strict = p->type == HTTP_REQUEST && !(p->lenient & HTTP_LENIENT_TRANSFER_ENCODING);
    p->flags |= F_TRANSFER_ENCODING;
    if (p->flags & F_CHUNKED) {
        /* a new Transfer-Encoding line after a final `chunked` */
        if (strict) {
            http_fail(p, HPE_INVALID_TRANSFER_ENCODING,
                      "Invalid `Transfer-Encoding` header value", off + 1);
            return false;
        }
        p->flags &= (uint16_t)~F_CHUNKED;
    }
    size_t i = 0;
    while (i < raw_n) {
        while (i < raw_n && (v[i] == ' ' || v[i] == '\t')) {
            i++;
        }
        size_t t = i;
        while (i < raw_n && v[i] != ',') {
            i++;
        }
        size_t e = i;
        while (e > t && v[e - 1] == ' ') {
            e--;
        }
        bool chunked = http_ieq(v + t, e - t, "chunked");
        if (i < raw_n) {
            /* a comma: more codings follow, so none before it is final */
            if (chunked && strict) {
                http_fail(p, HPE_INVALID_TRANSFER_ENCODING,
                          "Invalid `Transfer-Encoding` header value", off + (ptrdiff_t)i + 1);
                return false;
            }
            p->flags &= (uint16_t)~F_CHUNKED;
            i++;
        } else if (chunked) {
            p->flags |= F_CHUNKED;
        }
    }
    return true;
}

static void http_connection(http_parser_t *p, const char *v, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) {
            i++;
        }
        size_t t = i;
        while (i < n && v[i] != ',') {
            i++;
        }
        size_t e = i;
        while (e > t && (v[e - 1] == ' ' || v[e - 1] == '\t')) {
            e--;
        }
        if (http_ieq(v + t, e - t, "close")) {
            p->flags |= F_CONNECTION_CLOSE;
        } else if (http_ieq(v + t, e - t, "keep-alive")) {
            p->flags |= F_CONNECTION_KEEP_ALIVE;
        } else if (http_ieq(v + t, e - t, "upgrade")) {
            p->flags |= F_CONNECTION_UPGRADE;
        }
    }
}

/* Recognizes the headers that shape the message. raw_n: the value's length before trailing
 * whitespace was trimmed. */
static bool http_special_header(http_parser_t *p, const char *name, size_t nn, const char *v,
                                size_t n, size_t raw_n, ptrdiff_t voff) {
    switch (nn) {
    case 14:
        if (http_ieq(name, nn, "content-length")) {
            return http_content_length(p, v, n, voff);
        }
        break;
    case 17:
        if (http_ieq(name, nn, "transfer-encoding")) {
            return http_transfer_encoding(p, v, n, raw_n, voff);
        }
        break;
    case 10:
        if (http_ieq(name, nn, "connection")) {
            http_connection(p, v, n);
        }
        break;
    case 16:
        if (http_ieq(name, nn, "proxy-connection")) {
            http_connection(p, v, n);
        }
        break;
    case 7:
        if (http_ieq(name, nn, "upgrade")) {
            p->flags |= F_UPGRADE;
        }
        break;
    }
    return true;
}

/* An obs-fold continuation line (lenient): appended to the last value. */
static bool http_fold_line(http_parser_t *p, const char *l, size_t n, ptrdiff_t off) {
    size_t i = 0;
    if (p->last_value_empty) {
        while (i < n && (l[i] == ' ' || l[i] == '\t')) {
            i++;
        }
    }
    size_t e = n;
    while (e > i && (l[e - 1] == ' ' || l[e - 1] == '\t')) {
        e--;
    }
    if (!http_count(p, n - i, off + (ptrdiff_t)n)) {
        return false;
    }
    if (p->settings->on_header && (p->fold_ws_len > 0 || e > i)) {
        char tmp[sizeof(p->fold_ws)];
        size_t k = p->fold_ws_len;
        memcpy(tmp, p->fold_ws, k);
        int rc = 0;
        if (k) {
            rc = p->settings->on_header(p, NULL, 0, tmp, k);
        }
        if (rc == 0 && e > i) {
            rc = p->settings->on_header(p, NULL, 0, l + i, e - i);
        }
        if (http_cb_failed(p, rc, off + (ptrdiff_t)n)) {
            return false;
        }
    }
    if (e > i) {
        p->last_value_empty = 0;
    }
    p->fold_ws_len = (uint8_t)(n - e < sizeof(p->fold_ws) ? n - e : sizeof(p->fold_ws));
    memcpy(p->fold_ws, l + e, p->fold_ws_len);
    return true;
}

/* One header (or trailer) line l[0..n), without its line end. */
static bool http_header_line(http_parser_t *p, const char *l, size_t n, ptrdiff_t off,
                             bool lf_only) {
    bool lenient = p->lenient & HTTP_LENIENT_HEADERS;
    if (l[0] == '\r') {
        http_fail(p, HPE_STRICT, "Expected LF after headers", off + 1);
        return false;
    }
    if (l[0] == ' ' || l[0] == '\t') {
        if (!p->after_header) {
            if (!lenient) {
                http_fail(p, HPE_UNEXPECTED_SPACE, "Unexpected space after start line", off + 1);
                return false;
            }
            while (n > 0 && (l[0] == ' ' || l[0] == '\t')) {
                l++;
                n--;
                off++;
            }
        } else {
            if (!lenient && p->last_value_empty) {
                http_fail(p, HPE_INVALID_HEADER_TOKEN, "Invalid header value char", off + 1);
                return false;
            }
            if (!lenient) {
                http_fail(p, HPE_INVALID_HEADER_TOKEN, "Unexpected whitespace after header value",
                          off);
                return false;
            }
            return http_fold_line(p, l, n, off);
        }
    }
    size_t i = 0;
    while (i < n && http_token[(uint8_t)l[i]]) {
        i++;
    }
    if (i == n || l[i] != ':' || i == 0) {
        if (i == n && lf_only && i > 0) {
            http_fail(p, HPE_INVALID_HEADER_TOKEN, "Invalid header token", off + (ptrdiff_t)i);
        } else {
            bool special = (i == 14 && http_ieq(l, i, "content-length")) ||
                           (i == 17 && http_ieq(l, i, "transfer-encoding")) ||
                           (i == 10 && http_ieq(l, i, "connection")) ||
                           (i == 16 && http_ieq(l, i, "proxy-connection")) ||
                           (i == 7 && http_ieq(l, i, "upgrade"));
            http_fail(p, HPE_INVALID_HEADER_TOKEN,
                      special ? "Invalid header field char" : "Invalid header token",
                      off + (ptrdiff_t)i + special);
        }
        return false;
    }
    size_t name_len = i++;
    while (i < n && (l[i] == ' ' || l[i] == '\t')) {
        i++;
    }
    size_t v = i;
    if (!lenient) {
        for (; i < n; i++) {
            uint8_t c = (uint8_t)l[i];
            if (!http_value_char(c)) {
                if (c == '\r') {
                    http_fail(p, HPE_LF_EXPECTED, "Missing expected LF after header value",
                              off + (ptrdiff_t)i + 1);
                } else {
                    http_fail(p, HPE_INVALID_HEADER_TOKEN, "Invalid header value char",
                              off + (ptrdiff_t)i);
                }
                return false;
            }
        }
    } else {
        for (; i < n; i++) {
            if (l[i] == '\r') {
                http_fail(p, HPE_LF_EXPECTED, "Missing expected LF after header value",
                          off + (ptrdiff_t)i + 1);
                return false;
            }
        }
    }
    if (lf_only && !(p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
        http_fail(p, HPE_CR_EXPECTED, "Missing expected CR after header value", off + (ptrdiff_t)n);
        return false;
    }
    size_t e = n;
    while (e > v && (l[e - 1] == ' ' || l[e - 1] == '\t')) {
        e--;
    }
    if (!http_count(p, name_len, off + (ptrdiff_t)name_len) ||
        !http_count(p, e - v, off + (ptrdiff_t)n)) {
        return false;
    }
    if (!http_special_header(p, l, name_len, l + v, e - v, n - v, off + (ptrdiff_t)v)) {
        return false;
    }
    if (p->settings->on_header) {
        int rc = p->settings->on_header(p, l, name_len, l + v, e - v);
        if (http_cb_failed(p, rc, off + (ptrdiff_t)n)) {
            return false;
        }
    }
    p->after_header = 1;
    p->last_value_empty = e == v;
    p->fold_ws_len = (uint8_t)(n - e < sizeof(p->fold_ws) ? n - e : sizeof(p->fold_ws));
    memcpy(p->fold_ws, l + e, p->fold_ws_len);
    return true;
}

static void http_message_reset(http_parser_t *p) {
    p->http_major = p->http_minor = 0;
    p->method = 0;
    p->upgrade = 0;
    p->status_code = 0;
    p->flags = 0;
    p->content_length = 0;
    p->in_trailers = 0;
    p->after_header = 0;
    p->header_bytes = 0;
}

/* Ends the message. Returns false if a callback failed or paused. */
static bool http_message_done(http_parser_t *p, ptrdiff_t at) {
    bool keep = http_should_keep_alive(p) || (p->lenient & HTTP_LENIENT_KEEP_ALIVE);
    p->state = keep ? S_START : S_CLOSED;
    if (p->settings->on_message_complete) {
        int rc = p->settings->on_message_complete(p);
        if (http_cb_failed(p, rc, at)) {
            return false;
        }
    }
    return true;
}

/* The end of the header section: decides how the body is framed. `at` is the offset just
 * after the section's last byte. */
static bool http_headers_done(http_parser_t *p, ptrdiff_t at) {
    if (p->type == HTTP_REQUEST) {
        p->upgrade = ((p->flags & F_UPGRADE) && (p->flags & F_CONNECTION_UPGRADE)) ||
                     p->method == HTTP_METHOD_CONNECT;
    } else {
        p->upgrade = (p->flags & F_UPGRADE) && (p->flags & F_CONNECTION_UPGRADE) &&
                     p->status_code == 101;
    }
    p->header_bytes = 0;
    if (p->settings->on_headers_complete) {
        int rc = p->settings->on_headers_complete(p);
        if (rc < 0) {
            if (p->error == HPE_OK) {
                http_fail(p, HPE_CB_HEADERS_COMPLETE, "User callback error", at);
            } else {
                p->error_pos = at < 0 ? 0 : (size_t)at;
                p->state = S_DEAD;
            }
            return false;
        }
        if (rc == 1) {
            p->flags |= F_SKIPBODY;
        } else if (rc == 2) {
            p->upgrade = 1;
            p->flags |= F_SKIPBODY;
        }
    }
    bool has_body = (p->flags & F_CHUNKED) || p->content_length > 0;
    if ((p->upgrade && (p->method == HTTP_METHOD_CONNECT || (p->flags & F_SKIPBODY) ||
                        !has_body)) ||
        (p->type == HTTP_RESPONSE && p->status_code == 101)) {
        if (!http_message_done(p, at)) {
            return false;
        }
        p->state = S_START;
        p->error = HPE_PAUSED_UPGRADE;
        p->reason = "Pause on CONNECT/Upgrade";
        p->error_pos = at < 0 ? 0 : (size_t)at;
        return false;
    }
    if ((p->flags & F_SKIPBODY) ||
        (p->type == HTTP_RESPONSE && p->status_code / 100 == 1 && p->status_code != 101) ||
        (p->type == HTTP_RESPONSE && (p->status_code == 204 || p->status_code == 304))) {
        if (p->type == HTTP_RESPONSE && p->status_code / 100 == 1 && p->status_code > 103 &&
            !(p->flags & F_SKIPBODY)) {
            goto general;
        }
        return http_message_done(p, at) ;
    }
general:
    if (p->flags & F_CHUNKED) {
        p->state = S_CHUNK_SIZE_START;
        p->content_length = 0;
        return true;
    }
    if (p->flags & F_TRANSFER_ENCODING) {
        if (p->type == HTTP_REQUEST &&
            !(p->lenient & (HTTP_LENIENT_CHUNKED_LENGTH | HTTP_LENIENT_TRANSFER_ENCODING))) {
            http_fail(p, HPE_INVALID_TRANSFER_ENCODING, "Request has invalid `Transfer-Encoding`",
                      at);
            return false;
        }
        p->state = S_BODY_EOF;
        return true;
    }
    if (!(p->flags & F_CONTENT_LENGTH)) {
        if (!http_needs_eof(p)) {
            return http_message_done(p, at) ;
        }
        p->state = S_BODY_EOF;
        return true;
    }
    if (p->content_length == 0) {
        return http_message_done(p, at) ;
    }
    p->state = S_BODY_LENGTH;
    return true;
}

/* The end of the trailer section. */
static bool http_trailers_done(http_parser_t *p, ptrdiff_t at) {
    return http_message_done(p, at) ;
}

/* Dispatches one complete line. `off` is the offset of l[0] in the current buffer (negative
 * when the line began in an earlier one); `lf_only`: it ended in LF without CR. */
static bool http_line(http_parser_t *p, const char *l, size_t n, ptrdiff_t off, bool lf_only) {
    ptrdiff_t end = off + (ptrdiff_t)n + (lf_only ? 1 : 2);
    if (p->state == S_START_LINE) {
        p->state = S_HEADER_LINE;
        if (p->type == HTTP_REQUEST) {
            return http_request_line(p, l, n, off, lf_only);
        }
        return http_status_line(p, l, n, off, lf_only);
    }
    if (n == 0) {
        if (lf_only && !(p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
            http_fail(p, HPE_INVALID_HEADER_TOKEN, "Invalid header field char", off + 1);
            return false;
        }
        if (p->in_trailers) {
            return http_trailers_done(p, end);
        }
        return http_headers_done(p, end);
    }
    return http_header_line(p, l, n, off, lf_only);
}

/* ---- chunked bodies ---- */

static inline bool http_ext_count(http_parser_t *p, ptrdiff_t at) {
    if (++p->ext_bytes > HTTP_MAX_CHUNK_EXTENSIONS) {
        http_fail(p, HPE_CHUNK_EXTENSIONS_OVERFLOW, "Chunk extensions overflow", at);
        return false;
    }
    return true;
}

static inline bool http_qdtext(uint8_t c) {
    return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b) ||
           (c >= 0x5d && c != 0x7f);
}

/* ---- execute ---- */

size_t http_parser_execute(http_parser_t *p, const char *data, size_t len) {
    if (p->error != HPE_OK) {
        return 0;
    }
    p->cur = data;
    size_t pos = 0;
    bool lenient_cr = p->lenient & HTTP_LENIENT_OPTIONAL_LF_AFTER_CR;
    while (pos < len) {
        if (p->paused) {
            p->error = HPE_PAUSED;
            p->reason = "Paused";
            p->error_pos = pos;
            break;
        }
        uint8_t c = (uint8_t)data[pos];
        switch (p->state) {
        case S_START:
            if (c == '\r' || c == '\n') {
                pos++;
                break;
            }
            http_message_reset(p);
            p->state = S_START_LINE;
            p->skip_lf = 0;
            p->buf_len = 0;
            if (p->settings->on_message_begin) {
                int rc = p->settings->on_message_begin(p);
                if (http_cb_failed(p, rc, (ptrdiff_t)pos)) {
                    goto out;
                }
            }
            break;

        case S_START_LINE:
        case S_HEADER_LINE: {
            if (p->skip_lf) {
                p->skip_lf = 0;
                if (c == '\n') {
                    pos++;
                    break;
                }
            }
            const char *start = data + pos;
            size_t avail = len - pos;
            const char *eol = memchr(start, '\n', avail);
            if (lenient_cr && p->state == S_HEADER_LINE && c == '\r' && pos + 1 < len &&
                data[pos + 1] != '\n' && p->buf_len == 0) {
                eol = start; /* a lone CR ends the header section */
            } else if (lenient_cr && p->state == S_START_LINE) {
                const char *cr = memchr(start, '\r', eol ? (size_t)(eol - start) : avail);
                if (cr) {
                    eol = cr;
                }
            }
            if (!eol) {
                size_t limit = (size_t)(p->max_header_size - p->header_bytes) + HTTP_LINE_SLACK;
                if (p->buf_len + avail > limit) {
                    http_fail(p, HPE_HEADER_OVERFLOW, "Header overflow", (ptrdiff_t)len);
                    goto out;
                }
                if (!http_buf_append(p, start, avail)) {
                    http_fail(p, HPE_INTERNAL, "Out of memory", (ptrdiff_t)pos);
                    goto out;
                }
                /* The method or protocol is within the first 32 bytes: those are checked
                 * as they come, also when a read brings more than 32 at once. */
                if (p->state == S_START_LINE && p->buf_len - avail < 32 &&
                    !http_partial_start_line(p, p->buf, p->buf_len < 32 ? p->buf_len : 32,
                                             (ptrdiff_t)len - (ptrdiff_t)p->buf_len)) {
                    goto out;
                }
                pos = len;
                break;
            }
            size_t n = (size_t)(eol - start);
            size_t next = pos + n + 1;
            bool lf_only = true;
            if (*eol == '\r') {
                /* lenient: a CR ends the line; an LF right after it belongs to it */
                lf_only = false;
                if (next < len) {
                    if (data[next] == '\n') {
                        next++;
                    }
                } else {
                    p->skip_lf = 1;
                }
            }
            const char *l = start;
            ptrdiff_t off = (ptrdiff_t)pos;
            if (p->buf_len > 0) {
                if (!http_buf_append(p, start, n)) {
                    http_fail(p, HPE_INTERNAL, "Out of memory", (ptrdiff_t)pos);
                    goto out;
                }
                off -= (ptrdiff_t)(p->buf_len - n);
                l = p->buf;
                n = p->buf_len;
            }
            if (lf_only && n > 0 && l[n - 1] == '\r') {
                n--;
                lf_only = false;
            }
            p->buf_len = 0;
            pos = next;
            if (!http_line(p, l, n, off, lf_only)) {
                goto out;
            }
            break;
        }

        case S_BODY_LENGTH: {
            size_t take = len - pos;
            if ((uint64_t)take > p->content_length) {
                take = (size_t)p->content_length;
            }
            p->content_length -= take;
            pos += take;
            if (p->settings->on_body) {
                int rc = p->settings->on_body(p, data + pos - take, take);
                if (http_cb_failed(p, rc, (ptrdiff_t)pos)) {
                    goto out;
                }
            }
            if (p->content_length == 0 && !http_message_done(p, (ptrdiff_t)pos)) {
                goto out;
            }
            break;
        }

        case S_BODY_EOF: {
            size_t take = len - pos;
            pos = len;
            if (p->settings->on_body) {
                int rc = p->settings->on_body(p, data + pos - take, take);
                if (http_cb_failed(p, rc, (ptrdiff_t)pos)) {
                    goto out;
                }
            }
            break;
        }

        case S_CHUNK_SIZE_START:
            if (http_hex(c) < 0) {
                http_fail(p, HPE_INVALID_CHUNK_SIZE, "Invalid character in chunk size",
                          (ptrdiff_t)pos);
                goto out;
            }
            p->content_length = 0;
            p->ext_bytes = 0;
            p->state = S_CHUNK_SIZE;
            break;

        case S_CHUNK_SIZE: {
            int d = http_hex(c);
            if (d >= 0) {
                if (p->content_length >> 60) {
                    http_fail(p, HPE_INVALID_CHUNK_SIZE, "Chunk size overflow",
                              (ptrdiff_t)pos + 1);
                    goto out;
                }
                p->content_length = p->content_length * 16 + (uint64_t)d;
                pos++;
                break;
            }
            if (c == '\r') {
                p->state = S_CHUNK_SIZE_LF;
                pos++;
            } else if (c == ';') {
                p->state = S_CHUNK_EXT_NAME_START;
                pos++;
            } else if (c == '\n' && (p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
                p->state = S_CHUNK_SIZE_LF;
            } else if (c == '\n') {
                http_fail(p, HPE_CR_EXPECTED, "Missing expected CR after chunk size",
                          (ptrdiff_t)pos + 1);
                goto out;
            } else if ((c == ' ' || c == '\t') &&
                       (p->lenient & HTTP_LENIENT_SPACES_AFTER_CHUNK_SIZE)) {
                p->state = S_CHUNK_SIZE_WS;
                pos++;
            } else {
                http_fail(p, HPE_INVALID_CHUNK_SIZE, "Invalid character in chunk size",
                          (ptrdiff_t)pos + (c == ' ' || c == '\t'));
                goto out;
            }
            break;
        }

        case S_CHUNK_SIZE_WS:
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\r') {
                p->state = S_CHUNK_SIZE_LF;
                pos++;
            } else if (c == ';') {
                p->state = S_CHUNK_EXT_NAME_START;
                pos++;
            } else if (c == '\n' && (p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
                p->state = S_CHUNK_SIZE_LF;
            } else {
                http_fail(p, HPE_STRICT, "Invalid character in chunk extensions",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            break;

        case S_CHUNK_EXT_NAME_START:
        case S_CHUNK_EXT_NAME:
            if (http_token[c]) {
                if (!http_ext_count(p, (ptrdiff_t)pos)) {
                    goto out;
                }
                p->state = S_CHUNK_EXT_NAME;
                pos++;
            } else if (c == ';') {
                p->state = S_CHUNK_EXT_NAME_START;
                pos++;
            } else if (c == '=') {
                p->state = S_CHUNK_EXT_VALUE_START;
                pos++;
            } else if (p->state == S_CHUNK_EXT_NAME_START) {
                http_fail(p, HPE_STRICT, "Invalid character in chunk extensions",
                          (ptrdiff_t)pos + 1);
                goto out;
            } else if (c == '\r') {
                p->state = S_CHUNK_SIZE_LF;
                pos++;
            } else if (c == '\n' && (p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
                p->state = S_CHUNK_SIZE_LF;
            } else if (c == '\n') {
                http_fail(p, HPE_CR_EXPECTED, "Missing expected CR after chunk extension name",
                          (ptrdiff_t)pos);
                goto out;
            } else {
                http_fail(p, HPE_STRICT, "Invalid character in chunk extensions name",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            break;

        case S_CHUNK_EXT_VALUE_START:
        case S_CHUNK_EXT_VALUE:
            if (http_token[c]) {
                if (!http_ext_count(p, (ptrdiff_t)pos)) {
                    goto out;
                }
                p->state = S_CHUNK_EXT_VALUE;
                pos++;
            } else if (c == '"' && p->state == S_CHUNK_EXT_VALUE_START) {
                p->state = S_CHUNK_EXT_QUOTED;
                pos++;
            } else if (c == ';') {
                p->state = S_CHUNK_EXT_NAME_START;
                pos++;
            } else if (c == '\r') {
                p->state = S_CHUNK_SIZE_LF;
                pos++;
            } else if (c == '\n' && (p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
                p->state = S_CHUNK_SIZE_LF;
            } else if (c == '\n') {
                http_fail(p, HPE_CR_EXPECTED, "Missing expected CR after chunk extension value",
                          (ptrdiff_t)pos);
                goto out;
            } else {
                http_fail(p, HPE_STRICT, "Invalid character in chunk extensions value",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            break;

        case S_CHUNK_EXT_QUOTED:
            if (!http_ext_count(p, (ptrdiff_t)pos)) {
                goto out;
            }
            if (c == '"') {
                p->state = S_CHUNK_EXT_QUOTED_END;
            } else if (c == '\\') {
                p->state = S_CHUNK_EXT_QUOTED_ESC;
            } else if (!http_qdtext(c)) {
                http_fail(p, HPE_STRICT, "Invalid character in chunk extensions quoted value",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            pos++;
            break;

        case S_CHUNK_EXT_QUOTED_ESC:
            if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                p->state = S_CHUNK_EXT_QUOTED;
                pos++;
            } else {
                http_fail(p, HPE_STRICT, "Invalid quoted-pair in chunk extensions quoted value",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            break;

        case S_CHUNK_EXT_QUOTED_END:
            if (c == ';') {
                p->state = S_CHUNK_EXT_NAME_START;
                pos++;
            } else if (c == '\r') {
                p->state = S_CHUNK_SIZE_LF;
                pos++;
            } else if (c == '\n' && (p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF)) {
                p->state = S_CHUNK_SIZE_LF;
            } else {
                http_fail(p, HPE_STRICT, "Invalid character in chunk extensions quote value",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            break;

        case S_CHUNK_SIZE_LF:
            if (c != '\n' && !lenient_cr) {
                http_fail(p, HPE_STRICT, "Expected LF after chunk size", (ptrdiff_t)pos);
                goto out;
            }
            if (c == '\n') {
                pos++;
            }
            if (p->content_length == 0) {
                p->in_trailers = 1;
                p->after_header = 0;
                p->header_bytes = 0;
                p->state = S_HEADER_LINE;
            } else {
                p->state = S_CHUNK_DATA;
            }
            break;

        case S_CHUNK_DATA: {
            size_t take = len - pos;
            if ((uint64_t)take > p->content_length) {
                take = (size_t)p->content_length;
            }
            p->content_length -= take;
            pos += take;
            if (p->content_length == 0) {
                p->state = S_CHUNK_DATA_CR;
            }
            if (p->settings->on_body) {
                int rc = p->settings->on_body(p, data + pos - take, take);
                if (http_cb_failed(p, rc, (ptrdiff_t)pos)) {
                    goto out;
                }
            }
            break;
        }

        case S_CHUNK_DATA_CR:
            if (c == '\r') {
                p->state = S_CHUNK_DATA_LF;
                pos++;
            } else if (c == '\n') {
                if (p->lenient & HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF) {
                    p->state = S_CHUNK_DATA_LF;
                } else {
                    http_fail(p, HPE_CR_EXPECTED, "Missing expected CR after chunk data",
                              (ptrdiff_t)pos + 1);
                    goto out;
                }
            } else if (p->lenient & HTTP_LENIENT_OPTIONAL_CRLF_AFTER_CHUNK) {
                p->state = S_CHUNK_SIZE_START;
            } else {
                http_fail(p, HPE_STRICT, "Expected LF after chunk data", (ptrdiff_t)pos);
                goto out;
            }
            break;

        case S_CHUNK_DATA_LF:
            if (c == '\n') {
                pos++;
                p->state = S_CHUNK_SIZE_START;
            } else if (p->lenient &
                       (HTTP_LENIENT_OPTIONAL_CRLF_AFTER_CHUNK | HTTP_LENIENT_OPTIONAL_LF_AFTER_CR)) {
                p->state = S_CHUNK_SIZE_START;
            } else {
                http_fail(p, HPE_STRICT, "Expected LF after chunk data", (ptrdiff_t)pos);
                goto out;
            }
            break;

        case S_CLOSED:
            if (c == '\r' || c == '\n') {
                pos++;
            } else if (p->lenient & HTTP_LENIENT_DATA_AFTER_CLOSE) {
                pos = len;
            } else {
                http_fail(p, HPE_CLOSED_CONNECTION, "Data after `Connection: close`",
                          (ptrdiff_t)pos + 1);
                goto out;
            }
            break;

        default:
            http_fail(p, HPE_INTERNAL, "Invalid internal state", (ptrdiff_t)pos);
            goto out;
        }
    }
out:
    p->cur = NULL;
    if (p->error != HPE_OK) {
        if (p->error_pos > len) {
            p->error_pos = len;
        }
        return p->error_pos;
    }
    return len;
}

http_errno_t http_parser_finish(http_parser_t *p) {
    if (p->error != HPE_OK) {
        return HPE_OK;
    }
    switch (p->state) {
    case S_START:
    case S_CLOSED:
        return HPE_OK;
    case S_BODY_EOF:
        p->state = S_START;
        if (p->settings->on_message_complete && p->settings->on_message_complete(p) != 0) {
            if (p->error == HPE_OK) {
                p->error = HPE_USER;
                p->reason = "User callback error";
            }
            return p->error;
        }
        return HPE_OK;
    default:
        p->error = HPE_INVALID_EOF_STATE;
        p->reason = "Invalid EOF state";
        p->state = S_DEAD;
        return p->error;
    }
}
