/* host.c: the URL Standard's host parser (IPv6, opaque hosts, domains with IPv4 detection) and
 * the serializers of IPv4 and IPv6 addresses; domain to ASCII itself is in idna.c. */
#include "url/url.h"

#include <string.h>

static int url_hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/* ---- IPv6 ---- */

static int url_ipv6_parse(const char *s, size_t n, uint16_t addr[8]) {
    memset(addr, 0, 8 * sizeof(uint16_t));
    size_t piece = 0;
    size_t compress = SIZE_MAX;
    size_t i = 0;
#define C(j) ((j) < n ? (unsigned char)s[j] : -1)
    if (C(i) == ':') {
        if (C(i + 1) != ':') {
            return URL_FAILURE;
        }
        i += 2;
        piece++;
        compress = piece;
    }
    while (C(i) != -1) {
        if (piece == 8) {
            return URL_FAILURE;
        }
        if (C(i) == ':') {
            if (compress != SIZE_MAX) {
                return URL_FAILURE;
            }
            i++;
            piece++;
            compress = piece;
            continue;
        }
        unsigned value = 0;
        size_t length = 0;
        while (length < 4 && url_hexval(C(i)) >= 0) {
            value = value * 16 + (unsigned)url_hexval(C(i));
            i++;
            length++;
        }
        if (C(i) == '.') {
            if (length == 0) {
                return URL_FAILURE;
            }
            i -= length;
            if (piece > 6) {
                return URL_FAILURE;
            }
            int seen = 0;
            while (C(i) != -1) {
                int v4 = -1;
                if (seen > 0) {
                    if (C(i) == '.' && seen < 4) {
                        i++;
                    } else {
                        return URL_FAILURE;
                    }
                }
                if (C(i) == -1 || C(i) < '0' || C(i) > '9') {
                    return URL_FAILURE;
                }
                while (C(i) >= '0' && C(i) <= '9') {
                    int d = C(i) - '0';
                    if (v4 == -1) {
                        v4 = d;
                    } else if (v4 == 0) {
                        return URL_FAILURE;
                    } else {
                        v4 = v4 * 10 + d;
                    }
                    if (v4 > 255) {
                        return URL_FAILURE;
                    }
                    i++;
                }
                addr[piece] = (uint16_t)(addr[piece] * 0x100 + v4);
                seen++;
                if (seen == 2 || seen == 4) {
                    piece++;
                }
            }
            if (seen != 4) {
                return URL_FAILURE;
            }
            break;
        } else if (C(i) == ':') {
            i++;
            if (C(i) == -1) {
                return URL_FAILURE;
            }
        } else if (C(i) != -1) {
            return URL_FAILURE;
        }
        addr[piece] = (uint16_t)value;
        piece++;
    }
#undef C
    if (compress != SIZE_MAX) {
        size_t swaps = piece - compress;
        piece = 7;
        while (piece != 0 && swaps > 0) {
            uint16_t t = addr[piece];
            addr[piece] = addr[compress + swaps - 1];
            addr[compress + swaps - 1] = t;
            piece--;
            swaps--;
        }
    } else if (piece != 8) {
        return URL_FAILURE;
    }
    return URL_OK;
}

static void url_ipv6_serialize(url_parser_t *p, const uint16_t addr[8], url_str_t *out) {
    /* the first longest run of two or more zero pieces is compressed */
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
        if (addr[i] != 0) {
            i++;
            continue;
        }
        int j = i;
        while (j < 8 && addr[j] == 0) {
            j++;
        }
        if (j - i > best_len) {
            best = i;
            best_len = j - i;
        }
        i = j;
    }
    static const char hex[] = "0123456789abcdef";
    url__append_c(p, out, '[');
    bool ignore0 = false;
    for (int i = 0; i < 8; i++) {
        if (ignore0 && addr[i] == 0) {
            continue;
        }
        ignore0 = false;
        if (best == i) {
            url__append(p, out, i == 0 ? "::" : ":", i == 0 ? 2 : 1);
            ignore0 = true;
            continue;
        }
        char tmp[4];
        int n = 0;
        unsigned v = addr[i];
        do {
            tmp[n++] = hex[v & 15];
            v >>= 4;
        } while (v);
        while (n > 0) {
            url__append_c(p, out, tmp[--n]);
        }
        if (i != 7) {
            url__append_c(p, out, ':');
        }
    }
    url__append_c(p, out, ']');
}

/* ---- IPv4 ---- */

/* The IPv4 number parser; *v saturates at UINT64_MAX. */
static int url_ipv4_number(const char *s, size_t n, uint64_t *v) {
    if (n == 0) {
        return URL_FAILURE;
    }
    unsigned radix = 10;
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
        n -= 2;
        radix = 16;
    } else if (n >= 2 && s[0] == '0') {
        s += 1;
        n -= 1;
        radix = 8;
    }
    uint64_t r = 0;
    for (size_t i = 0; i < n; i++) {
        int d = url_hexval((unsigned char)s[i]);
        if (d < 0 || (unsigned)d >= radix) {
            return URL_FAILURE;
        }
        if (r > (UINT64_MAX - 15) / 16) {
            r = UINT64_MAX; /* stays "too big"; keep validating the digits */
        } else {
            r = r * radix + (unsigned)d;
        }
    }
    *v = r;
    return URL_OK;
}

static bool url_ends_in_number(const char *s, size_t n) {
    if (n > 0 && s[n - 1] == '.') {
        if (memchr(s, '.', n - 1) == NULL && n == 1) {
            return false;
        }
        n--;
    }
    size_t start = n;
    while (start > 0 && s[start - 1] != '.') {
        start--;
    }
    const char *last = s + start;
    size_t ln = n - start;
    if (ln == 0) {
        return false;
    }
    bool digits = true;
    for (size_t i = 0; i < ln; i++) {
        if (last[i] < '0' || last[i] > '9') {
            digits = false;
            break;
        }
    }
    if (digits) {
        return true;
    }
    uint64_t v;
    return url_ipv4_number(last, ln, &v) == URL_OK;
}

static int url_ipv4_parse(const char *s, size_t n, uint32_t *out) {
    if (n > 0 && s[n - 1] == '.' && n > 1) {
        n--; /* a trailing empty part is dropped (when it is not the only part) */
    }
    uint64_t nums[4];
    size_t count = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            if (count == 4) {
                return URL_FAILURE;
            }
            if (url_ipv4_number(s + start, i - start, &nums[count]) != URL_OK) {
                return URL_FAILURE;
            }
            count++;
            start = i + 1;
        }
    }
    for (size_t i = 0; i + 1 < count; i++) {
        if (nums[i] > 255) {
            return URL_FAILURE;
        }
    }
    uint64_t last = nums[count - 1];
    if (last >= (1ull << (8 * (5 - count)))) {
        return URL_FAILURE;
    }
    uint64_t ip = last;
    for (size_t i = 0; i + 1 < count; i++) {
        ip += nums[i] << (8 * (3 - i));
    }
    *out = (uint32_t)ip;
    return URL_OK;
}

static void url_ipv4_serialize(url_parser_t *p, uint32_t ip, url_str_t *out) {
    out->len = 0;
    for (int i = 3; i >= 0; i--) {
        unsigned b = (ip >> (8 * i)) & 255;
        char tmp[3];
        int n = 0;
        do {
            tmp[n++] = (char)('0' + b % 10);
            b /= 10;
        } while (b);
        while (n > 0) {
            url__append_c(p, out, tmp[--n]);
        }
        if (i) {
            url__append_c(p, out, '.');
        }
    }
}

/* ---- the host parser ---- */

static bool url_forbidden_host(unsigned char c) {
    switch (c) {
    case 0:
    case '\t':
    case '\n':
    case '\r':
    case ' ':
    case '#':
    case '/':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '^':
    case '|':
        return true;
    default:
        return false;
    }
}

/* Forbidden domain code points: the forbidden host ones, C0 controls, '%' and DEL. */
static const uint8_t url_forbidden_domain_table[256] = {
    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1,
    [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1,
    [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
    [0x00] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, ['#'] = 1, ['/'] = 1, [':'] = 1,
    ['<'] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1,
    ['|'] = 1, ['%'] = 1, [0x7F] = 1,
};

static bool url_forbidden_domain(unsigned char c) {
    return url_forbidden_domain_table[c] != 0;
}

int url_host_parse(url_parser_t *p, const char *in, size_t len, bool opaque, url_str_t *out) {
    out->len = 0;
    if (len > 0 && in[0] == '[') {
        if (len < 2 || in[len - 1] != ']') {
            return URL_FAILURE;
        }
        uint16_t addr[8];
        if (url_ipv6_parse(in + 1, len - 2, addr) != URL_OK) {
            return URL_FAILURE;
        }
        url_ipv6_serialize(p, addr, out);
        return p->oom ? URL_ENOMEM : URL_OK;
    }
    if (opaque) {
        for (size_t i = 0; i < len; i++) {
            if (url_forbidden_host((unsigned char)in[i])) {
                return URL_FAILURE;
            }
        }
        for (size_t i = 0; i < len; i++) {
            url__append_encoded(p, out, (uint8_t)in[i], URL_SET_C0);
        }
        return p->oom ? URL_ENOMEM : URL_OK;
    }
    /* The common case, ASCII without percent signs (nor "xn--" labels to check): lowercase and
     * check in one pass. */
    if (!url__reserve(p, out, len)) {
        return URL_ENOMEM;
    }
    size_t fast = 0;
    bool forbidden = false;
    for (; fast < len; fast++) {
        unsigned char c = (unsigned char)in[fast];
        if (c >= 0x80 || c == '%') {
            break;
        }
        if (p->check_ascii_punycode && (fast == 0 || in[fast - 1] == '.') && fast + 4 <= len &&
            (c | 0x20) == 'x' && (in[fast + 1] | 0x20) == 'n' && in[fast + 2] == '-' &&
            in[fast + 3] == '-') {
            break;
        }
        forbidden |= url_forbidden_domain(c); /* only final once the input is known ASCII */
        out->p[fast] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (fast == len) {
        if (forbidden) {
            return URL_FAILURE;
        }
        out->len = len;
        goto ascii_done;
    }
    /* percent-decode into tmp, noting whether it is ASCII */
    url_str_t *d = &p->tmp;
    d->len = 0;
    bool ascii = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        int h1, h2;
        if (c == '%' && i + 2 < len && (h1 = url_hexval((unsigned char)in[i + 1])) >= 0 &&
            (h2 = url_hexval((unsigned char)in[i + 2])) >= 0) {
            c = (unsigned char)(h1 * 16 + h2);
            i += 2;
        }
        ascii &= c < 0x80;
        url__append_c(p, d, (char)c);
    }
    if (p->oom) {
        return URL_ENOMEM;
    }
    /* An ASCII domain is only lowercased; with check_ascii_punycode one with "xn--" labels
     * goes through ToASCII (node 22). */
    if (ascii && p->check_ascii_punycode) {
        for (size_t i = 0; i + 4 <= d->len; i++) {
            if ((i == 0 || d->p[i - 1] == '.') && (d->p[i] | 0x20) == 'x' &&
                (d->p[i + 1] | 0x20) == 'n' && d->p[i + 2] == '-' && d->p[i + 3] == '-') {
                ascii = false;
                break;
            }
        }
    }
    if (ascii) {
        for (size_t i = 0; i < d->len; i++) {
            char c = d->p[i];
            url__append_c(p, out, (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c);
        }
    } else {
        /* ASCII passes UTS #46 unchanged but for case, so a forbidden ASCII code point in the
         * input is one in the result; check it here, as ICU drops some (U+0000). Not '<' and
         * '>', which NFC may compose with U+0338 (the result is checked below anyway). */
        for (size_t i = 0; i < d->len; i++) {
            unsigned char c = (unsigned char)d->p[i];
            if (url_forbidden_domain(c) && c != '<' && c != '>') {
                return URL_FAILURE;
            }
        }
        int rc = url__idna_to_ascii(p, d->p, d->len, out);
        if (rc) {
            return rc;
        }
    }
    if (p->oom) {
        return URL_ENOMEM;
    }
    if (out->len == 0) {
        return URL_FAILURE;
    }
    for (size_t i = 0; i < out->len; i++) {
        if (url_forbidden_domain((unsigned char)out->p[i])) {
            return URL_FAILURE;
        }
    }
ascii_done:
    if (url_ends_in_number(out->p, out->len)) {
        uint32_t ip;
        if (url_ipv4_parse(out->p, out->len, &ip) != URL_OK) {
            return URL_FAILURE;
        }
        url_ipv4_serialize(p, ip, out);
    }
    return p->oom ? URL_ENOMEM : URL_OK;
}
