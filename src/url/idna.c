/* idna.c: domain to ASCII (UTS #46 through ICU, with the options the URL Standard uses) and
 * domain to Unicode (Punycode decoding of "xn--" labels). */
#include "url/url.h"

#include <pthread.h>
#include <string.h>
#include <unicode/uidna.h>

static UIDNA *url_idna;
static pthread_once_t url_idna_once = PTHREAD_ONCE_INIT;

static void url_idna_open(void) {
    UErrorCode err = U_ZERO_ERROR;
    /* CheckBidi, CheckJoiners, nontransitional; no STD3 rules, CheckHyphens or DNS lengths
     * (those errors are ignored below). */
    url_idna = uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                                   UIDNA_NONTRANSITIONAL_TO_ASCII |
                                   UIDNA_NONTRANSITIONAL_TO_UNICODE,
                               &err);
    if (U_FAILURE(err)) {
        url_idna = NULL;
    }
}

/* Errors of the checks the URL Standard turns off. */
#define URL_IDNA_IGNORED                                                                           \
    (UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG |    \
     UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4)

/* ICU 72 implements UTS #46 for Unicode 15.0. Since then (15.1, 16.0) the mapping table changed
 * for a few code points that exist in 15.0: most Default_Ignorable_Code_Points (not ZWNJ/ZWJ,
 * the bidi controls or the tags) are now ignored, and some capital letters (Georgian
 * Asomtavruli, U+1E9E, ...) and CJK compatibility ideographs are now mapped instead of
 * disallowed. WPT's IdnaTestV2 and toascii data check these. Returns the new mapping of cp: 0
 * when it is now ignored, cp itself when unchanged. */
static uint32_t url_idna_remap(uint32_t cp) {
    if (cp < 0xAD) {
        return cp;
    }
    if ((cp >= 0x10A0 && cp <= 0x10C5) || cp == 0x10C7 || cp == 0x10CD) {
        return cp + 0x1C60; /* Georgian capital letters */
    }
    switch (cp) {
    case 0x00AD:
    case 0x034F:
    case 0x115F:
    case 0x1160:
    case 0x17B4:
    case 0x17B5:
    case 0x3164:
    case 0xFEFF:
    case 0xFFA0:
        return 0;
    case 0x04C0:
        return 0x04CF;
    case 0x1E9E:
        return 0x00DF;
    case 0x2132:
        return 0x214E;
    case 0x2183:
        return 0x2184;
    case 0x2F868:
        return 0x36FC;
    case 0x2F874:
        return 0x5F53;
    case 0x2F91F:
        return 0x243AB;
    case 0x2F95F:
        return 0x7AEE;
    case 0x2F9BF:
        return 0x45D7;
    default:
        break;
    }
    if ((cp >= 0x180B && cp <= 0x180F) || cp == 0x200B || (cp >= 0x2060 && cp <= 0x2065) ||
        (cp >= 0x206A && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
        (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
        (cp >= 0xE0100 && cp <= 0xE01EF)) {
        return 0;
    }
    return cp;
}

static size_t url_utf8_put(char *b, uint32_t c) {
    if (c < 0x80) {
        b[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (c >> 18));
    b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    b[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Copies in to p->idna with url_idna_remap applied to each well-formed UTF-8 sequence (other
 * bytes are copied as they are; ICU rejects them). */
static void url_idna_premap(url_parser_t *p, const char *in, size_t len) {
    url_str_t *o = &p->idna;
    o->len = 0;
    if (!url__reserve(p, o, len + 4)) {
        return;
    }
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)in[i];
        size_t n = b < 0x80 ? 1 : b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
        uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
        bool ok = n > 0 && i + n <= len;
        for (size_t k = 1; ok && k < n; k++) {
            unsigned char c = (unsigned char)in[i + k];
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if (!ok) {
            o->p[o->len++] = (char)b; /* the mapped text is never longer than the input */
            i++;
            continue;
        }
        uint32_t m = url_idna_remap(cp);
        if (m != 0) {
            /* every replacement is no longer in UTF-8 than what it replaces */
            o->len += url_utf8_put(o->p + o->len, m == cp ? cp : m);
        }
        i += n;
    }
}

int url__idna_to_ascii(url_parser_t *p, const char *in, size_t len, url_str_t *out) {
    pthread_once(&url_idna_once, url_idna_open);
    url_idna_premap(p, in, len);
    if (p->oom) {
        return URL_ENOMEM;
    }
    in = p->idna.p;
    len = p->idna.len;
    if (!url_idna || len > INT32_MAX / 8) {
        return URL_FAILURE;
    }
    out->len = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        UErrorCode err = U_ZERO_ERROR;
        UIDNAInfo info = UIDNA_INFO_INITIALIZER;
        int32_t cap = out->cap > INT32_MAX ? INT32_MAX : (int32_t)out->cap;
        int32_t n = uidna_nameToASCII_UTF8(url_idna, in, (int32_t)len, out->p, cap, &info, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
            out->len = 0;
            if (!url__reserve(p, out, (size_t)n + 1)) {
                return URL_ENOMEM;
            }
            continue;
        }
        if (U_FAILURE(err) || (info.errors & ~URL_IDNA_IGNORED) != 0) {
            out->len = 0;
            return URL_FAILURE;
        }
        out->len = (size_t)n;
        return URL_OK;
    }
    return URL_FAILURE;
}

/* ---- Punycode (RFC 3492) decoding ---- */

enum { PC_BASE = 36, PC_TMIN = 1, PC_TMAX = 26, PC_SKEW = 38, PC_DAMP = 700 };
#define URL_PC_MAX_LABEL 256

static uint32_t url_pc_adapt(uint32_t delta, uint32_t points, bool first) {
    delta = first ? delta / PC_DAMP : delta / 2;
    delta += delta / points;
    uint32_t k = 0;
    while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
        delta /= PC_BASE - PC_TMIN;
        k += PC_BASE;
    }
    return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

/* Decodes s (the part after "xn--") into cps; returns the count, or -1 when invalid. */
static int url_pc_decode(const char *s, size_t n, uint32_t *cps) {
    size_t basic = 0;
    for (size_t i = n; i > 0; i--) {
        if (s[i - 1] == '-') {
            basic = i - 1;
            break;
        }
    }
    size_t out = 0;
    if (basic > URL_PC_MAX_LABEL) {
        return -1;
    }
    for (size_t i = 0; i < basic; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return -1;
        }
        cps[out++] = (unsigned char)s[i];
    }
    uint32_t code = 128, i = 0, bias = 72;
    for (size_t in = basic > 0 ? basic + 1 : 0; in < n;) {
        uint32_t oldi = i, w = 1;
        for (uint32_t k = PC_BASE;; k += PC_BASE) {
            if (in >= n) {
                return -1;
            }
            int c = (unsigned char)s[in++];
            uint32_t digit;
            if (c >= '0' && c <= '9') {
                digit = (uint32_t)(c - '0' + 26);
            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                digit = (uint32_t)((c | 0x20) - 'a');
            } else {
                return -1;
            }
            if (digit > (UINT32_MAX - i) / w) {
                return -1;
            }
            i += digit * w;
            uint32_t t = k <= bias ? PC_TMIN : k >= bias + PC_TMAX ? PC_TMAX : k - bias;
            if (digit < t) {
                break;
            }
            if (w > UINT32_MAX / (PC_BASE - t)) {
                return -1;
            }
            w *= PC_BASE - t;
        }
        if (out >= URL_PC_MAX_LABEL) {
            return -1;
        }
        bias = url_pc_adapt(i - oldi, (uint32_t)out + 1, oldi == 0);
        if (i / (out + 1) > UINT32_MAX - code) {
            return -1;
        }
        code += i / (uint32_t)(out + 1);
        i %= (uint32_t)(out + 1);
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return -1;
        }
        memmove(cps + i + 1, cps + i, (out - i) * sizeof(uint32_t));
        cps[i++] = code;
        out++;
    }
    return (int)out;
}

int url_domain_to_unicode(const char *in, size_t len, url_str_t *out) {
    url_parser_t tmp; /* only for the oom flag of the append helpers */
    tmp.oom = false;
    out->len = 0;
    uint32_t cps[URL_PC_MAX_LABEL];
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && in[i] != '.') {
            continue;
        }
        const char *label = in + start;
        size_t n = i - start;
        int count = -1;
        if (n >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' && label[2] == '-' &&
            label[3] == '-') {
            count = url_pc_decode(label + 4, n - 4, cps);
        }
        if (count <= 0) {
            url__append(&tmp, out, label, n);
        } else {
            for (int j = 0; j < count; j++) {
                uint32_t c = cps[j];
                char b[4];
                size_t bn;
                if (c < 0x80) {
                    b[0] = (char)c;
                    bn = 1;
                } else if (c < 0x800) {
                    b[0] = (char)(0xC0 | (c >> 6));
                    b[1] = (char)(0x80 | (c & 0x3F));
                    bn = 2;
                } else if (c < 0x10000) {
                    b[0] = (char)(0xE0 | (c >> 12));
                    b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
                    b[2] = (char)(0x80 | (c & 0x3F));
                    bn = 3;
                } else {
                    b[0] = (char)(0xF0 | (c >> 18));
                    b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
                    b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
                    b[3] = (char)(0x80 | (c & 0x3F));
                    bn = 4;
                }
                url__append(&tmp, out, b, bn);
            }
        }
        if (i < len) {
            url__append_c(&tmp, out, '.');
        }
        start = i + 1;
    }
    return tmp.oom ? URL_ENOMEM : URL_OK;
}
