/* buffer.c: the `buffer` internal binding: Buffer's string encodings, compare, search, fill
 * and byte swaps, and the UTF-8/UTF-16 codecs behind TextEncoder, TextDecoder and
 * StringDecoder. Every function works on a whole buffer or string per call. */
#include "rt/rt.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Encoding ids shared with lib/buffer.js (Node's own numbering). */
enum {
    BUF_ASCII = 0,
    BUF_UTF8 = 1,
    BUF_BASE64 = 2,
    BUF_UCS2 = 3,
    BUF_LATIN1 = 4,
    BUF_HEX = 5,
    BUF_BUFFER = 6,
    BUF_BASE64URL = 7,
};

/* The longest string a conversion may produce (Node's kStringMaxLength on 64-bit). */
#define BUF_STRING_MAX ((size_t)0x1fffffe8)
/* Conversions whose output fits in this many UTF-16 units use the stack. */
#define BUF_STACK_UNITS 512

/* ---- arguments ---- */

static uint8_t buffer_empty_byte;

/* The bytes of argument i (TypedArray, DataView or ArrayBuffer). A zero-length or detached
 * view yields a valid pointer with *len 0. Throws a TypeError for anything else. */
static uint8_t *buffer_arg_bytes(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                                 size_t *len, JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    uint8_t *p = rt_bytes(ctx, v, len);
    if (p) {
        return p;
    }
    *len = 0;
    if (JSValueIsObject(ctx, v) &&
        JSValueGetTypedArrayType(ctx, v, NULL) != kJSTypedArrayTypeNone) {
        return &buffer_empty_byte;
    }
    rt_throw_type_error(ctx, exc, "argument must be a TypedArray or ArrayBuffer");
    return NULL;
}

/* The UTF-16 code units of a string argument; release with buffer_str_release. The
 * characters are read where the engine keeps them (rt_string_view_joined): a two-byte
 * string as it is, a one-byte string widened into `stack` or a malloc'd copy. Otherwise
 * the API's copy. */
#define BUF_STR_STACK 256
typedef struct {
    JSStringRef ref;
    const JSChar *s;
    size_t len;
    JSChar *owned;
    JSChar stack[BUF_STR_STACK];
} buffer_str_t;

static bool buffer_arg_str(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                           buffer_str_t *out, JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    out->ref = NULL;
    out->owned = NULL;
    if (!JSValueIsString(ctx, v)) {
        rt_throw_type_error(ctx, exc, "argument must be a string");
        return false;
    }
    rt_strview_t sv;
    if (rt_string_view_joined(ctx, v, &sv)) {
        out->len = sv.len;
        if (!sv.is8) {
            out->s = sv.chars;
            return true;
        }
        JSChar *w = out->stack;
        if (sv.len > BUF_STR_STACK) {
            w = out->owned = malloc(sv.len * sizeof(JSChar));
            if (!w) {
                rt_throw_type_error(ctx, exc, "cannot read string");
                return false;
            }
        }
        const uint8_t *c = sv.chars;
        for (size_t k = 0; k < sv.len; k++) {
            w[k] = c[k];
        }
        out->s = w;
        return true;
    }
    out->ref = JSValueToStringCopy(ctx, v, exc);
    if (!out->ref) {
        return false;
    }
    out->len = JSStringGetLength(out->ref);
    out->s = out->len ? JSStringGetCharactersPtr(out->ref) : NULL;
    if (out->len && !out->s) {
        JSStringRelease(out->ref);
        out->ref = NULL;
        rt_throw_type_error(ctx, exc, "cannot read string");
        return false;
    }
    return true;
}

static void buffer_str_release(buffer_str_t *s) {
    if (s->ref) {
        JSStringRelease(s->ref);
        s->ref = NULL;
    }
    free(s->owned);
    s->owned = NULL;
}

/* ToNumber(argv[i]) clamped to [0, max]; NaN and missing become def. */
static size_t buffer_arg_index(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                               size_t def, size_t max) {
    if (i >= argc || JSValueIsUndefined(ctx, argv[i])) {
        return def > max ? max : def;
    }
    double d = rt_num(ctx, argv[i]);
    if (d != d) {
        return def > max ? max : def;
    }
    if (d <= 0) {
        return 0;
    }
    if (d >= (double)max) {
        return max;
    }
    return (size_t)d;
}

static int buffer_arg_enc(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    if (i >= argc) {
        return BUF_UTF8;
    }
    double d = rt_num(ctx, argv[i]);
    if (d != d || d < 0 || d > BUF_BASE64URL) {
        return BUF_UTF8;
    }
    return (int)d;
}

/* ---- strings out ---- */

JS_EXPORT JSStringRef JSStringCreateWithCharactersNoCopy(const JSChar *chars, size_t numChars);

static JSValueRef buffer_string16(JSContextRef ctx, const JSChar *chars, size_t n) {
    JSStringRef s = JSStringCreateWithCharacters(chars, n);
    JSValueRef v = JSValueMakeString(ctx, s);
    JSStringRelease(s);
    return v;
}

static JSValueRef buffer_oom(JSContextRef ctx, JSValueRef *exc) {
    return rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                         "Failed to allocate memory");
}

/* Builds a JS string from UTF-16 units. Content goes at base + 1: base[0] is kept free so
 * that a large string can be wrapped in quotes and handed to the engine's JSON parser, which
 * copies it once into an engine string, 8-bit when it can (half the memory of the plain API's
 * 16-bit string, at the same speed). Only content JSON takes without escapes goes that way:
 * the parser handles each escape on a slow path (1 MB of text lines: 7 ns/byte against
 * 0.75 for JSStringCreateWithCharacters, which copies the units once). */
typedef struct {
    JSChar stack[BUF_STACK_UNITS + 2];
    JSChar *base;
} buffer_sb_t;

/* Strings shorter than this skip the JSON route. */
#define BUF_JSON_MIN 4096

/* One scratch area is kept between calls so that large conversions do not pay for fresh
 * pages every time; MADV_FREE lets the kernel take the pages back under memory pressure. */
static _Thread_local JSChar *buffer_scratch;
static _Thread_local size_t buffer_scratch_bytes;
static _Thread_local bool buffer_scratch_busy;
#define BUF_SCRATCH_MAX ((size_t)128 << 20)

static JSChar *buffer_scratch_take(size_t bytes) {
    if (buffer_scratch_busy || bytes > BUF_SCRATCH_MAX) {
        return NULL;
    }
    if (bytes > buffer_scratch_bytes) {
        if (buffer_scratch) {
            munmap(buffer_scratch, buffer_scratch_bytes);
            buffer_scratch = NULL;
            buffer_scratch_bytes = 0;
        }
        /* Some slack for escapes and slightly larger strings next time. */
        size_t want = (bytes + bytes / 4 + 0xFFFFF) & ~(size_t)0xFFFFF;
        void *m = mmap(NULL, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) {
            return NULL;
        }
        buffer_scratch = m;
        buffer_scratch_bytes = want;
    }
    buffer_scratch_busy = true;
    return buffer_scratch;
}

static void buffer_scratch_give_back(void) {
    madvise(buffer_scratch, buffer_scratch_bytes, MADV_FREE);
    buffer_scratch_busy = false;
}

/* Room for n units of content; NULL if out of memory. */
static JSChar *buffer_sb_reserve(buffer_sb_t *sb, size_t n) {
    sb->base = NULL;
    if (n <= BUF_STACK_UNITS) {
        sb->base = sb->stack;
    } else if (n <= SIZE_MAX / sizeof(JSChar) / 8) {
        sb->base = buffer_scratch_take((n + 2) * sizeof(JSChar));
        if (!sb->base) {
            sb->base = malloc((n + 2) * sizeof(JSChar));
        }
    }
    return sb->base ? sb->base + 1 : NULL;
}

static void buffer_sb_release(buffer_sb_t *sb) {
    if (sb->base && sb->base == buffer_scratch) {
        buffer_scratch_give_back();
    } else if (sb->base && sb->base != sb->stack) {
        free(sb->base);
    }
    sb->base = NULL;
}

static bool buffer_json_special(JSChar c) {
    return c < 0x20 || c == '"' || c == '\\';
}

/* The string of the first len content units; releases the builder. `escapes`: JSON would
 * escape some unit (a control character, quote or backslash); then, and for short strings,
 * the plain API makes the string. */
static JSValueRef buffer_sb_finish_known(JSContextRef ctx, buffer_sb_t *sb, size_t len,
                                         bool escapes, JSValueRef *exc) {
    if (len < BUF_JSON_MIN || escapes) {
        JSValueRef v = buffer_string16(ctx, sb->base + 1, len);
        buffer_sb_release(sb);
        return v;
    }
    size_t total = len + 2;
    sb->base[0] = '"';
    sb->base[total - 1] = '"';
    JSStringRef json = JSStringCreateWithCharactersNoCopy(sb->base, total);
    JSValueRef v = JSValueMakeFromJSONString(ctx, json);
    JSStringRelease(json);
    buffer_sb_release(sb);
    if (!v || !JSValueIsString(ctx, v)) {
        return buffer_oom(ctx, exc);
    }
    return v;
}

/* buffer_sb_finish_known, scanning for the units JSON escapes unless `safe` promises there
 * are none (hex, base64). */
static JSValueRef buffer_sb_finish(JSContextRef ctx, buffer_sb_t *sb, size_t len, bool safe,
                                   JSValueRef *exc) {
    bool escapes = false;
    if (!safe && len >= BUF_JSON_MIN) {
        const JSChar *c = sb->base + 1;
        for (size_t i = 0; i < len && !escapes; i++) {
            escapes = buffer_json_special(c[i]);
        }
    }
    return buffer_sb_finish_known(ctx, sb, len, escapes, exc);
}

/* A string from bytes that are all Latin-1 code points (each byte one char). */
static JSValueRef buffer_latin1_string(JSContextRef ctx, const uint8_t *p, size_t n, uint8_t mask,
                                       JSValueRef *exc) {
    buffer_sb_t sb;
    JSChar *u = buffer_sb_reserve(&sb, n);
    if (!u) {
        return buffer_oom(ctx, exc);
    }
    for (size_t i = 0; i < n; i++) {
        u[i] = p[i] & mask;
    }
    return buffer_sb_finish(ctx, &sb, n, false, exc);
}

/* ---- UTF-8 ---- */

/* Bytes of the UTF-8 encoding of s (lone surrogates count as U+FFFD, 3 bytes). */
static size_t buffer_utf8_length(const JSChar *s, size_t n) {
    size_t out = 0;
    size_t i = 0;
    while (i < n) {
        /* ASCII runs, eight units at a time: one byte each. */
        while (i + 8 <= n && rt_ascii8(s + i)) {
            out += 8;
            i += 8;
        }
        if (i >= n) {
            break;
        }
        JSChar c = s[i];
        if (c < 0x80) {
            out += 1;
            i++;
        } else if (c < 0x800) {
            out += 2;
            i++;
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 &&
                   s[i + 1] <= 0xDFFF) {
            out += 4;
            i += 2;
        } else {
            out += 3;
            i++;
        }
    }
    return out;
}

/* Encodes s as UTF-8 into out (cap bytes), writing whole characters only. Returns the bytes
 * written; *units_read (may be NULL) gets the UTF-16 units consumed. */
static size_t buffer_utf8_encode(const JSChar *s, size_t n, uint8_t *out, size_t cap,
                                 size_t *units_read) {
    size_t i = 0;
    size_t o = 0;
    while (i < n) {
        JSChar c = s[i];
        if (c < 0x80) {
            if (o >= cap) {
                break;
            }
            out[o++] = (uint8_t)c;
            i++;
            /* A tight loop for ASCII runs. */
            size_t run = n - i;
            if (run > cap - o) {
                run = cap - o;
            }
            size_t k = 0;
            /* eight units at a time while all are ASCII: two 8-byte loads, one store */
            while (k + 8 <= run && rt_ascii8(s + i + k)) {
                rt_pack8(s + i + k, out + o + k);
                k += 8;
            }
            while (k < run && s[i + k] < 0x80) {
                out[o + k] = (uint8_t)s[i + k];
                k++;
            }
            i += k;
            o += k;
        } else if (c < 0x800) {
            if (cap - o < 2) {
                break;
            }
            out[o++] = (uint8_t)(0xC0 | (c >> 6));
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
            i++;
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 &&
                   s[i + 1] <= 0xDFFF) {
            if (cap - o < 4) {
                break;
            }
            uint32_t cp = 0x10000 + (((uint32_t)c - 0xD800) << 10) + ((uint32_t)s[i + 1] - 0xDC00);
            out[o++] = (uint8_t)(0xF0 | (cp >> 18));
            out[o++] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
            out[o++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (uint8_t)(0x80 | (cp & 0x3F));
            i += 2;
        } else {
            if (cap - o < 3) {
                break;
            }
            if (c >= 0xD800 && c <= 0xDFFF) {
                c = 0xFFFD;
            }
            out[o++] = (uint8_t)(0xE0 | (c >> 12));
            out[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
            i++;
        }
    }
    if (units_read) {
        *units_read = i;
    }
    return o;
}

#define BUF_ONES 0x0101010101010101ULL
#define BUF_HIGHS 0x8080808080808080ULL

/* Nonzero if any byte of x is zero (exact as a yes/no answer). */
static inline uint64_t buffer_zero_byte(uint64_t x) {
    return (x - BUF_ONES) & ~x & BUF_HIGHS;
}

/* Decodes UTF-8 into UTF-16 (out has room for n units) with the WHATWG decoder: each maximal
 * invalid subpart becomes one U+FFFD. Returns the units written; *bad (may be NULL) is set
 * when a replacement happened; *escapes (may be NULL) whether JSON would escape something in
 * the result (see buffer_sb_finish_known), found here so that large results skip a scan. */
static size_t buffer_utf8_decode(const uint8_t *p, size_t n, JSChar *out, bool *bad,
                                 bool *escapes) {
    size_t i = 0;
    size_t o = 0;
    uint64_t special = 0; /* nonzero once a character JSON escapes was seen */
    bool replaced = false;
    while (i < n) {
        /* ASCII runs, 8 bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & BUF_HIGHS) {
                break;
            }
            for (int k = 0; k < 8; k++) {
                out[o + k] = p[i + k];
            }
            /* Control characters, quotes and backslashes (exact as a yes/no for ASCII). */
            special |= ((w - 0x20 * BUF_ONES) & ~w & BUF_HIGHS) |
                       buffer_zero_byte(w ^ (0x22 * BUF_ONES)) |
                       buffer_zero_byte(w ^ (0x5C * BUF_ONES));
            i += 8;
            o += 8;
        }
        if (i >= n) {
            break;
        }
        uint8_t b = p[i];
        if (b < 0x80) {
            special |= buffer_json_special(b);
            out[o++] = b;
            i++;
            continue;
        }
        int need;
        uint32_t cp;
        uint8_t lo = 0x80;
        uint8_t hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0) {
                lo = 0xA0;
            } else if (b == 0xED) {
                hi = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0) {
                lo = 0x90;
            } else if (b == 0xF4) {
                hi = 0x8F;
            }
        } else {
            out[o++] = 0xFFFD;
            replaced = true;
            i++;
            continue;
        }
        size_t j = i + 1;
        bool ok = true;
        for (int k = 0; k < need; k++) {
            if (j >= n || p[j] < lo || p[j] > hi) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (p[j] & 0x3F);
            lo = 0x80;
            hi = 0xBF;
            j++;
        }
        if (!ok) {
            out[o++] = 0xFFFD;
            replaced = true;
            i = j;
            continue;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (JSChar)(0xD800 + (cp >> 10));
            out[o++] = (JSChar)(0xDC00 + (cp & 0x3FF));
        } else {
            out[o++] = (JSChar)cp;
        }
        i = j;
    }
    if (bad) {
        *bad = replaced;
    }
    if (escapes) {
        *escapes = special != 0;
    }
    return o;
}

/* Trailing bytes of p[0..n) that form a valid but incomplete UTF-8 sequence (0 to 3). */
static size_t buffer_utf8_tail(const uint8_t *p, size_t n) {
    size_t back = n < 3 ? n : 3;
    for (size_t k = 1; k <= back; k++) {
        uint8_t b = p[n - k];
        if ((b & 0xC0) == 0x80) {
            continue;
        }
        size_t need;
        uint8_t lo = 0x80;
        uint8_t hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 3;
            lo = b == 0xE0 ? 0xA0 : 0x80;
            hi = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 4;
            lo = b == 0xF0 ? 0x90 : 0x80;
            hi = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (k >= need) {
            return 0;
        }
        for (size_t j = n - k + 1; j < n; j++) {
            if (p[j] < lo || p[j] > hi) {
                return 0;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return k;
    }
    return 0;
}

static JSValueRef buffer_utf8_string(JSContextRef ctx, const uint8_t *p, size_t n, bool fatal,
                                     JSValueRef *exc) {
    /* Node rejects by byte length, before decoding. */
    if (n > BUF_STRING_MAX) {
        return JSValueMakeUndefined(ctx);
    }
    buffer_sb_t sb;
    JSChar *u = buffer_sb_reserve(&sb, n);
    if (!u) {
        return buffer_oom(ctx, exc);
    }
    bool bad = false;
    bool escapes = false;
    size_t len = buffer_utf8_decode(p, n, u, &bad, &escapes);
    if (fatal && bad) {
        buffer_sb_release(&sb);
        return JSValueMakeNull(ctx);
    }
    if (len > BUF_STRING_MAX) {
        buffer_sb_release(&sb);
        return JSValueMakeUndefined(ctx);
    }
    return buffer_sb_finish_known(ctx, &sb, len, escapes, exc);
}

/* ---- hex and base64 ---- */

static const char buffer_hex_digits[] = "0123456789abcdef";

/* Nibble values of hex digits; 255 marks anything else. */
static uint8_t buffer_unhex_table[256];

static int buffer_unhex(unsigned c) {
    uint8_t v = buffer_unhex_table[c & 0xFF];
    return v == 255 ? -1 : v;
}

static const char buffer_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char buffer_b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Sextet values of both alphabets; 64 marks a character the decoder skips. */
static uint8_t buffer_unb64[256];

static void buffer_init_tables(void) {
    memset(buffer_unhex_table, 255, sizeof(buffer_unhex_table));
    for (int i = 0; i < 10; i++) {
        buffer_unhex_table['0' + i] = (uint8_t)i;
    }
    for (int i = 0; i < 6; i++) {
        buffer_unhex_table['a' + i] = (uint8_t)(10 + i);
        buffer_unhex_table['A' + i] = (uint8_t)(10 + i);
    }
    memset(buffer_unb64, 64, sizeof(buffer_unb64));
    for (int i = 0; i < 64; i++) {
        buffer_unb64[(uint8_t)buffer_b64[i]] = (uint8_t)i;
        buffer_unb64[(uint8_t)buffer_b64url[i]] = (uint8_t)i;
    }
}

static size_t buffer_base64_length(size_t n, bool url) {
    if (url) {
        return (n / 3) * 4 + (n % 3 ? n % 3 + 1 : 0);
    }
    return ((n + 2) / 3) * 4;
}

/* Encodes into out (buffer_base64_length bytes). */
static void buffer_base64_encode(const uint8_t *p, size_t n, JSChar *out, bool url) {
    const char *t = url ? buffer_b64url : buffer_b64;
    size_t i = 0;
    size_t o = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t w = ((uint32_t)p[i] << 16) | ((uint32_t)p[i + 1] << 8) | p[i + 2];
        out[o++] = (JSChar)t[w >> 18];
        out[o++] = (JSChar)t[(w >> 12) & 63];
        out[o++] = (JSChar)t[(w >> 6) & 63];
        out[o++] = (JSChar)t[w & 63];
    }
    if (n - i == 1) {
        uint32_t w = (uint32_t)p[i] << 16;
        out[o++] = (JSChar)t[w >> 18];
        out[o++] = (JSChar)t[(w >> 12) & 63];
        if (!url) {
            out[o++] = '=';
            out[o++] = '=';
        }
    } else if (n - i == 2) {
        uint32_t w = ((uint32_t)p[i] << 16) | ((uint32_t)p[i + 1] << 8);
        out[o++] = (JSChar)t[w >> 18];
        out[o++] = (JSChar)t[(w >> 12) & 63];
        out[o++] = (JSChar)t[(w >> 6) & 63];
        if (!url) {
            out[o++] = '=';
        }
    }
}

/* Node's lenient base64 decoder (either alphabet): characters outside the alphabet are
 * skipped, decoding stops at the first '='. UTF-16 units are truncated to their low byte,
 * as Node does. Returns the bytes written (at most cap). */
static size_t buffer_base64_decode(const JSChar *s, size_t n, uint8_t *out, size_t cap) {
    size_t o = 0;
    uint32_t acc = 0;
    int have = 0;
    size_t i = 0;
    while (i < n && o < cap) {
        /* Fast path: four valid characters in a row. */
        if (have == 0 && i + 4 <= n && cap - o >= 3) {
            uint8_t a = buffer_unb64[(uint8_t)s[i]];
            uint8_t b = buffer_unb64[(uint8_t)s[i + 1]];
            uint8_t c = buffer_unb64[(uint8_t)s[i + 2]];
            uint8_t d = buffer_unb64[(uint8_t)s[i + 3]];
            if ((a | b | c | d) < 64) {
                uint32_t w = ((uint32_t)a << 18) | ((uint32_t)b << 12) | ((uint32_t)c << 6) | d;
                out[o++] = (uint8_t)(w >> 16);
                out[o++] = (uint8_t)(w >> 8);
                out[o++] = (uint8_t)w;
                i += 4;
                continue;
            }
        }
        uint8_t ch = (uint8_t)s[i++];
        uint8_t v = buffer_unb64[ch];
        if (v >= 64) {
            if (ch == '=') {
                break;
            }
            continue;
        }
        acc = (acc << 6) | v;
        have++;
        if (have == 2) {
            out[o++] = (uint8_t)(acc >> 4);
        } else if (have == 3) {
            out[o++] = (uint8_t)(acc >> 2);
        } else if (have == 4) {
            out[o++] = (uint8_t)acc;
            have = 0;
            acc = 0;
        }
    }
    return o;
}

/* ---- string -> bytes ---- */

/* Writes s into out[0..cap) in encoding enc; returns the bytes written. */
static size_t buffer_encode(const JSChar *s, size_t n, int enc, uint8_t *out, size_t cap) {
    switch (enc) {
    case BUF_UCS2: {
        size_t units = n < cap / 2 ? n : cap / 2;
        for (size_t i = 0; i < units; i++) {
            out[2 * i] = (uint8_t)s[i];
            out[2 * i + 1] = (uint8_t)(s[i] >> 8);
        }
        return units * 2;
    }
    case BUF_LATIN1:
    case BUF_ASCII: {
        size_t m = n < cap ? n : cap;
        for (size_t i = 0; i < m; i++) {
            out[i] = (uint8_t)s[i];
        }
        return m;
    }
    case BUF_HEX: {
        size_t pairs = n / 2 < cap ? n / 2 : cap;
        size_t i = 0;
        for (; i < pairs; i++) {
            int a = buffer_unhex((uint8_t)s[2 * i]);
            int b = buffer_unhex((uint8_t)s[2 * i + 1]);
            if (a < 0 || b < 0) {
                break;
            }
            out[i] = (uint8_t)((a << 4) | b);
        }
        return i;
    }
    case BUF_BASE64:
    case BUF_BASE64URL:
        return buffer_base64_decode(s, n, out, cap);
    default:
        return buffer_utf8_encode(s, n, out, cap, NULL);
    }
}

/* The bytes enc needs for s (base64 counts the exact decoded size). */
static size_t buffer_encoded_length(const JSChar *s, size_t n, int enc) {
    switch (enc) {
    case BUF_UCS2:
        return n * 2;
    case BUF_LATIN1:
    case BUF_ASCII:
        return n;
    case BUF_HEX:
        return n / 2;
    case BUF_BASE64:
    case BUF_BASE64URL: {
        size_t sextets = 0;
        for (size_t i = 0; i < n; i++) {
            uint8_t ch = (uint8_t)s[i];
            if (buffer_unb64[ch] < 64) {
                sextets++;
            } else if (ch == '=') {
                break;
            }
        }
        return sextets / 4 * 3 + (sextets % 4 ? sextets % 4 - 1 : 0);
    }
    default:
        return buffer_utf8_length(s, n);
    }
}

/* ---- bytes -> string ---- */

static JSValueRef buffer_decode(JSContextRef ctx, const uint8_t *p, size_t n, int enc,
                                JSValueRef *exc) {
    buffer_sb_t sb;
    switch (enc) {
    case BUF_UCS2: {
        size_t units = n / 2;
        if (units > BUF_STRING_MAX) {
            return JSValueMakeUndefined(ctx);
        }
        JSChar *u = buffer_sb_reserve(&sb, units);
        if (!u) {
            return buffer_oom(ctx, exc);
        }
        for (size_t i = 0; i < units; i++) {
            u[i] = (JSChar)(p[2 * i] | (p[2 * i + 1] << 8));
        }
        return buffer_sb_finish(ctx, &sb, units, false, exc);
    }
    case BUF_LATIN1:
    case BUF_ASCII:
        if (n > BUF_STRING_MAX) {
            return JSValueMakeUndefined(ctx);
        }
        return buffer_latin1_string(ctx, p, n, enc == BUF_ASCII ? 0x7F : 0xFF, exc);
    case BUF_HEX: {
        if (n > BUF_STRING_MAX / 2) {
            return JSValueMakeUndefined(ctx);
        }
        JSChar *u = buffer_sb_reserve(&sb, n * 2);
        if (!u) {
            return buffer_oom(ctx, exc);
        }
        for (size_t i = 0; i < n; i++) {
            u[2 * i] = (JSChar)buffer_hex_digits[p[i] >> 4];
            u[2 * i + 1] = (JSChar)buffer_hex_digits[p[i] & 15];
        }
        return buffer_sb_finish(ctx, &sb, n * 2, true, exc);
    }
    case BUF_BASE64:
    case BUF_BASE64URL: {
        bool url = enc == BUF_BASE64URL;
        size_t len = buffer_base64_length(n, url);
        if (len > BUF_STRING_MAX) {
            return JSValueMakeUndefined(ctx);
        }
        JSChar *u = buffer_sb_reserve(&sb, len);
        if (!u) {
            return buffer_oom(ctx, exc);
        }
        buffer_base64_encode(p, n, u, url);
        return buffer_sb_finish(ctx, &sb, len, true, exc);
    }
    default:
        return buffer_utf8_string(ctx, p, n, false, exc);
    }
}

/* ---- search ---- */

/* Node's rule for where a search starts (see Buffer#indexOf); -1 means no match possible. */
static int64_t buffer_search_start(size_t length, int64_t offset, int64_t needle, bool forward) {
    int64_t len = (int64_t)length;
    if (offset < 0) {
        if (offset + len >= 0) {
            return len + offset;
        }
        if (forward || needle == 0) {
            return 0;
        }
        return -1;
    }
    if (offset + needle <= len) {
        return offset;
    }
    if (needle == 0) {
        return len;
    }
    if (forward) {
        return -1;
    }
    return len - 1;
}

/* Position of needle in hay[0..hn) starting at from (forward) or at most from (backward);
 * -1 if absent. Positions are in units of `width` bytes (1 or 2). */
static int64_t buffer_find(const uint8_t *hay, size_t hn, const uint8_t *needle, size_t nn,
                           size_t from, bool forward, size_t width) {
    if (nn == 0 || nn > hn) {
        return -1;
    }
    if (forward) {
        size_t pos = from;
        while (pos + nn <= hn) {
            const uint8_t *hit = memmem(hay + pos, hn - pos, needle, nn);
            if (!hit) {
                return -1;
            }
            size_t at = (size_t)(hit - hay);
            if (at % width == 0) {
                return (int64_t)(at / width);
            }
            pos = at + 1;
        }
        return -1;
    }
    size_t last = hn - nn;
    size_t pos = from < last ? from : last;
    for (;;) {
        if (pos % width == 0 && hay[pos] == needle[0] && memcmp(hay + pos, needle, nn) == 0) {
            return (int64_t)(pos / width);
        }
        if (pos == 0) {
            return -1;
        }
        /* Jump to the previous occurrence of the first byte. */
        const uint8_t *prev = memrchr(hay, needle[0], pos);
        if (!prev) {
            return -1;
        }
        pos = (size_t)(prev - hay);
    }
}

static int64_t buffer_arg_int64(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    double d = rt_arg_num(ctx, argc, argv, i);
    if (d != d) {
        return 0;
    }
    if (d > 9.2e18) {
        return INT64_MAX;
    }
    if (d < -9.2e18) {
        return INT64_MIN;
    }
    return (int64_t)d;
}

/* Search with an encoded needle; UCS-2 searches only at even offsets. */
static JSValueRef buffer_search(JSContextRef ctx, const uint8_t *hay, size_t hn,
                                const uint8_t *needle, size_t nn, int64_t offset, int enc,
                                bool forward) {
    int64_t start = buffer_search_start(hn, offset, (int64_t)nn, forward);
    if (nn == 0) {
        return JSValueMakeNumber(ctx, (double)start);
    }
    if (hn == 0 || start < 0) {
        return JSValueMakeNumber(ctx, -1);
    }
    if (nn > hn || (forward && (size_t)start + nn > hn)) {
        return JSValueMakeNumber(ctx, -1);
    }
    if (enc == BUF_UCS2) {
        if (hn < 2 || nn < 2) {
            return JSValueMakeNumber(ctx, -1);
        }
        size_t hay_units = hn / 2;
        size_t from = (size_t)start / 2;
        int64_t r = buffer_find(hay, hay_units * 2, needle, nn & ~(size_t)1, from * 2, forward, 2);
        return JSValueMakeNumber(ctx, r < 0 ? -1 : (double)(r * 2));
    }
    return JSValueMakeNumber(ctx, (double)buffer_find(hay, hn, needle, nn, (size_t)start, forward, 1));
}

/* ---- functions ---- */

static JSValueRef buffer_fn_byte_length_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    buffer_str_t s;
    if (!buffer_arg_str(ctx, argc, argv, 0, &s, exc)) {
        return NULL;
    }
    size_t n = buffer_utf8_length(s.s, s.len);
    buffer_str_release(&s);
    return JSValueMakeNumber(ctx, (double)n);
}

/* byteLength(string, enc): the exact bytes `write` would produce with unlimited room. */
static JSValueRef buffer_fn_byte_length(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    buffer_str_t s;
    if (!buffer_arg_str(ctx, argc, argv, 0, &s, exc)) {
        return NULL;
    }
    size_t n = buffer_encoded_length(s.s, s.len, buffer_arg_enc(ctx, argc, argv, 1));
    buffer_str_release(&s);
    return JSValueMakeNumber(ctx, (double)n);
}

/* write(buf, string, offset, maxLength, enc) -> bytes written. */
static JSValueRef buffer_fn_write(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    buffer_str_t s;
    if (!buffer_arg_str(ctx, argc, argv, 1, &s, exc)) {
        return NULL;
    }
    size_t offset = buffer_arg_index(ctx, argc, argv, 2, 0, len);
    size_t max = buffer_arg_index(ctx, argc, argv, 3, len - offset, len - offset);
    /* Re-read the pointer: ToNumber above may have run user code. */
    p = rt_bytes(ctx, argv[0], &len);
    size_t written = 0;
    if (p && offset + max <= len) {
        written = buffer_encode(s.s, s.len, buffer_arg_enc(ctx, argc, argv, 4), p + offset, max);
    }
    buffer_str_release(&s);
    return JSValueMakeNumber(ctx, (double)written);
}

/* fromString(string, enc) -> Uint8Array holding the encoded bytes. */
static JSValueRef buffer_fn_from_string(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    buffer_str_t s;
    if (!buffer_arg_str(ctx, argc, argv, 0, &s, exc)) {
        return NULL;
    }
    int enc = buffer_arg_enc(ctx, argc, argv, 1);
    size_t cap;
    if (enc == BUF_UTF8) {
        /* Upper bounds avoid a counting pass; the slack is returned with realloc. */
        cap = s.len * 3;
    } else if (enc == BUF_BASE64 || enc == BUF_BASE64URL) {
        cap = s.len / 4 * 3 + 3;
    } else {
        cap = buffer_encoded_length(s.s, s.len, enc);
    }
    uint8_t *data = malloc(cap ? cap : 1);
    if (!data) {
        buffer_str_release(&s);
        return rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                             "Failed to allocate memory");
    }
    size_t n = buffer_encode(s.s, s.len, enc, data, cap);
    buffer_str_release(&s);
    if (n < cap) {
        uint8_t *smaller = realloc(data, n ? n : 1);
        if (smaller) {
            data = smaller;
        }
    }
    return rt_uint8array_take(ctx, data, n, exc);
}

/* slice(buf, start, end, enc) -> string; undefined if it would exceed kStringMaxLength. */
static JSValueRef buffer_fn_slice(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    size_t start = buffer_arg_index(ctx, argc, argv, 1, 0, len);
    size_t end = buffer_arg_index(ctx, argc, argv, 2, len, len);
    int enc = buffer_arg_enc(ctx, argc, argv, 3);
    p = rt_bytes(ctx, argv[0], &len);
    if (!p || end > len || end <= start) {
        return rt_string_from_utf8(ctx, "", 0);
    }
    return buffer_decode(ctx, p + start, end - start, enc, exc);
}

/* compare(a, b) -> -1, 0 or 1, by bytes then by length. */
static int buffer_cmp(const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
    size_t m = an < bn ? an : bn;
    int r = m ? memcmp(a, b, m) : 0;
    if (r == 0) {
        return an < bn ? -1 : an > bn ? 1 : 0;
    }
    return r < 0 ? -1 : 1;
}

static JSValueRef buffer_fn_compare(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                    const JSValueRef argv[], JSValueRef *exc) {
    size_t an, bn;
    uint8_t *a = buffer_arg_bytes(ctx, argc, argv, 0, &an, exc);
    if (!a) {
        return NULL;
    }
    uint8_t *b = buffer_arg_bytes(ctx, argc, argv, 1, &bn, exc);
    if (!b) {
        return NULL;
    }
    return JSValueMakeNumber(ctx, buffer_cmp(a, an, b, bn));
}

/* compareRange(a, aStart, aEnd, b, bStart, bEnd); ranges are clamped to each buffer. */
static JSValueRef buffer_fn_compare_range(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t an, bn;
    uint8_t *a = buffer_arg_bytes(ctx, argc, argv, 0, &an, exc);
    if (!a) {
        return NULL;
    }
    uint8_t *b = buffer_arg_bytes(ctx, argc, argv, 3, &bn, exc);
    if (!b) {
        return NULL;
    }
    size_t as = buffer_arg_index(ctx, argc, argv, 1, 0, an);
    size_t ae = buffer_arg_index(ctx, argc, argv, 2, an, an);
    size_t bs = buffer_arg_index(ctx, argc, argv, 4, 0, bn);
    size_t be = buffer_arg_index(ctx, argc, argv, 5, bn, bn);
    if (ae < as) {
        ae = as;
    }
    if (be < bs) {
        be = bs;
    }
    return JSValueMakeNumber(ctx, buffer_cmp(a + as, ae - as, b + bs, be - bs));
}

/* indexOfString(buf, string, byteOffset, enc, forward) */
static JSValueRef buffer_fn_index_of_string(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    size_t hn;
    uint8_t *hay = buffer_arg_bytes(ctx, argc, argv, 0, &hn, exc);
    if (!hay) {
        return NULL;
    }
    buffer_str_t s;
    if (!buffer_arg_str(ctx, argc, argv, 1, &s, exc)) {
        return NULL;
    }
    int64_t offset = buffer_arg_int64(ctx, argc, argv, 2);
    int enc = buffer_arg_enc(ctx, argc, argv, 3);
    bool forward = rt_bool(ctx, rt_arg(ctx, argc, argv, 4));
    hay = rt_bytes(ctx, argv[0], &hn);
    if (!hay) {
        hay = &buffer_empty_byte;
        hn = 0;
    }
    size_t cap = buffer_encoded_length(s.s, s.len, enc);
    uint8_t stack[1024];
    uint8_t *needle = cap <= sizeof(stack) ? stack : malloc(cap);
    if (!needle) {
        buffer_str_release(&s);
        return rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                             "Failed to allocate memory");
    }
    size_t nn = buffer_encode(s.s, s.len, enc, needle, cap);
    buffer_str_release(&s);
    JSValueRef r = buffer_search(ctx, hay, hn, needle, nn, offset, enc, forward);
    if (needle != stack) {
        free(needle);
    }
    return r;
}

/* indexOfBuffer(buf, needle, byteOffset, enc, forward) */
static JSValueRef buffer_fn_index_of_buffer(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    size_t hn, nn;
    uint8_t *hay = buffer_arg_bytes(ctx, argc, argv, 0, &hn, exc);
    if (!hay) {
        return NULL;
    }
    uint8_t *needle = buffer_arg_bytes(ctx, argc, argv, 1, &nn, exc);
    if (!needle) {
        return NULL;
    }
    int64_t offset = buffer_arg_int64(ctx, argc, argv, 2);
    int enc = buffer_arg_enc(ctx, argc, argv, 3);
    bool forward = rt_bool(ctx, rt_arg(ctx, argc, argv, 4));
    hay = buffer_arg_bytes(ctx, argc, argv, 0, &hn, exc);
    needle = buffer_arg_bytes(ctx, argc, argv, 1, &nn, exc);
    if (!hay || !needle) {
        return NULL;
    }
    return buffer_search(ctx, hay, hn, needle, nn, offset, enc, forward);
}

/* indexOfNumber(buf, byte, byteOffset, forward) */
static JSValueRef buffer_fn_index_of_number(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    size_t hn;
    uint8_t *hay = buffer_arg_bytes(ctx, argc, argv, 0, &hn, exc);
    if (!hay) {
        return NULL;
    }
    double d = rt_arg_num(ctx, argc, argv, 1);
    uint8_t byte = (uint8_t)(d == d && d >= 0 && d < 4294967296.0 ? (uint32_t)d : 0);
    int64_t offset = buffer_arg_int64(ctx, argc, argv, 2);
    bool forward = rt_bool(ctx, rt_arg(ctx, argc, argv, 3));
    hay = buffer_arg_bytes(ctx, argc, argv, 0, &hn, exc);
    if (!hay) {
        return NULL;
    }
    int64_t start = buffer_search_start(hn, offset, 1, forward);
    if (start < 0 || hn == 0) {
        return JSValueMakeNumber(ctx, -1);
    }
    const uint8_t *hit;
    if (forward) {
        hit = (size_t)start < hn ? memchr(hay + start, byte, hn - (size_t)start) : NULL;
    } else {
        size_t upto = (size_t)start + 1 < hn ? (size_t)start + 1 : hn;
        hit = memrchr(hay, byte, upto);
    }
    return JSValueMakeNumber(ctx, hit ? (double)(hit - hay) : -1);
}

/* fill(buf, pattern, start, end): repeats the pattern bytes over buf[start..end). */
static JSValueRef buffer_fn_fill(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    size_t len, pn;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    size_t start = buffer_arg_index(ctx, argc, argv, 2, 0, len);
    size_t end = buffer_arg_index(ctx, argc, argv, 3, len, len);
    if (JSValueIsNumber(ctx, rt_arg(ctx, argc, argv, 1))) {
        double d = rt_arg_num(ctx, argc, argv, 1);
        int64_t i = d == d && d < 9e18 && d > -9e18 ? (int64_t)d : 0;
        p = rt_bytes(ctx, argv[0], &len);
        if (p && end > start && end <= len) {
            memset(p + start, (int)(i & 255), end - start);
        }
        return JSValueMakeUndefined(ctx);
    }
    uint8_t *pat = buffer_arg_bytes(ctx, argc, argv, 1, &pn, exc);
    if (!pat) {
        return NULL;
    }
    p = rt_bytes(ctx, argv[0], &len);
    if (!p || end <= start || end > len || pn == 0) {
        return JSValueMakeUndefined(ctx);
    }
    size_t total = end - start;
    uint8_t *dst = p + start;
    /* The pattern may alias the destination: copy it first. */
    size_t first = pn < total ? pn : total;
    memmove(dst, pat, first);
    size_t done = first;
    while (done < total) {
        size_t chunk = done < total - done ? done : total - done;
        memcpy(dst + done, dst, chunk);
        done += chunk;
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef buffer_swap(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                              JSValueRef *exc, size_t width) {
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    for (size_t i = 0; i + width <= len; i += width) {
        for (size_t a = i, b = i + width - 1; a < b; a++, b--) {
            uint8_t t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
    }
    return rt_arg(ctx, argc, argv, 0);
}

static JSValueRef buffer_fn_swap16(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    return buffer_swap(ctx, argc, argv, exc, 2);
}

static JSValueRef buffer_fn_swap32(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    return buffer_swap(ctx, argc, argv, exc, 4);
}

static JSValueRef buffer_fn_swap64(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    return buffer_swap(ctx, argc, argv, exc, 8);
}

static JSValueRef buffer_fn_is_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                    const JSValueRef argv[], JSValueRef *exc) {
    size_t n;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &n, exc);
    if (!p) {
        return NULL;
    }
    /* Validate without decoding: walk sequences with the WHATWG bounds. */
    size_t i = 0;
    while (i < n) {
        uint8_t b = p[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        size_t need;
        uint8_t lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            lo = b == 0xE0 ? 0xA0 : 0x80;
            hi = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            lo = b == 0xF0 ? 0x90 : 0x80;
            hi = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return JSValueMakeBoolean(ctx, false);
        }
        if (n - i - 1 < need) {
            return JSValueMakeBoolean(ctx, false);
        }
        for (size_t k = 1; k <= need; k++) {
            if (p[i + k] < lo || p[i + k] > hi) {
                return JSValueMakeBoolean(ctx, false);
            }
            lo = 0x80;
            hi = 0xBF;
        }
        i += need + 1;
    }
    return JSValueMakeBoolean(ctx, true);
}

static JSValueRef buffer_fn_is_ascii(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t n;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &n, exc);
    if (!p) {
        return NULL;
    }
    uint8_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        acc |= p[i];
    }
    return JSValueMakeBoolean(ctx, acc < 0x80);
}

/* decodeUtf8(view, start, end, fatal) -> string; null when fatal and the input is invalid;
 * undefined when the result would exceed kStringMaxLength. */
static JSValueRef buffer_fn_decode_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    size_t start = buffer_arg_index(ctx, argc, argv, 1, 0, len);
    size_t end = buffer_arg_index(ctx, argc, argv, 2, len, len);
    bool fatal = rt_bool(ctx, rt_arg(ctx, argc, argv, 3));
    p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    if (end > len || end <= start) {
        return rt_string_from_utf8(ctx, "", 0);
    }
    return buffer_utf8_string(ctx, p + start, end - start, fatal, exc);
}

/* utf8Tail(view) -> trailing bytes that begin an incomplete but valid sequence. */
static JSValueRef buffer_fn_utf8_tail(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    return JSValueMakeNumber(ctx, (double)buffer_utf8_tail(p, len));
}

/* decodeUtf16(view, start, end, fatal, bigEndian) -> string with unpaired surrogates
 * replaced (WHATWG); null when fatal and one is found. An odd final byte is ignored. */
static JSValueRef buffer_fn_decode_utf16(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    size_t start = buffer_arg_index(ctx, argc, argv, 1, 0, len);
    size_t end = buffer_arg_index(ctx, argc, argv, 2, len, len);
    bool fatal = rt_bool(ctx, rt_arg(ctx, argc, argv, 3));
    bool be = rt_bool(ctx, rt_arg(ctx, argc, argv, 4));
    p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    if (end > len || end <= start) {
        return rt_string_from_utf8(ctx, "", 0);
    }
    size_t units = (end - start) / 2;
    const uint8_t *q = p + start;
    buffer_sb_t sb;
    JSChar *u = buffer_sb_reserve(&sb, units);
    if (!u) {
        return buffer_oom(ctx, exc);
    }
    for (size_t i = 0; i < units; i++) {
        u[i] = be ? (JSChar)((q[2 * i] << 8) | q[2 * i + 1])
                  : (JSChar)(q[2 * i] | (q[2 * i + 1] << 8));
    }
    bool bad = false;
    for (size_t i = 0; i < units; i++) {
        JSChar c = u[i];
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 < units && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
                i++;
                continue;
            }
            u[i] = 0xFFFD;
            bad = true;
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            u[i] = 0xFFFD;
            bad = true;
        }
    }
    if (fatal && bad) {
        buffer_sb_release(&sb);
        return JSValueMakeNull(ctx);
    }
    return buffer_sb_finish(ctx, &sb, units, false, exc);
}

/* encodeInto(string, dest) -> { read, written } (TextEncoder#encodeInto). */
static JSValueRef buffer_fn_encode_into(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    buffer_str_t s;
    if (!buffer_arg_str(ctx, argc, argv, 0, &s, exc)) {
        return NULL;
    }
    size_t len;
    uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 1, &len, exc);
    if (!p) {
        buffer_str_release(&s);
        return NULL;
    }
    size_t read = 0;
    size_t written = buffer_utf8_encode(s.s, s.len, p, len, &read);
    buffer_str_release(&s);
    JSObjectRef out = JSObjectMake(ctx, NULL, NULL);
    rt_set_num(ctx, out, "read", (double)read);
    rt_set_num(ctx, out, "written", (double)written);
    return out;
}

/* copy(source, target, targetStart, sourceStart, count): memmove, clamped to both buffers;
 * returns the bytes copied. */
static JSValueRef buffer_fn_copy(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    size_t sn, tn;
    if (!buffer_arg_bytes(ctx, argc, argv, 0, &sn, exc) ||
        !buffer_arg_bytes(ctx, argc, argv, 1, &tn, exc)) {
        return NULL;
    }
    size_t ts = buffer_arg_index(ctx, argc, argv, 2, 0, tn);
    size_t ss = buffer_arg_index(ctx, argc, argv, 3, 0, sn);
    size_t count = buffer_arg_index(ctx, argc, argv, 4, 0, SIZE_MAX);
    uint8_t *src = buffer_arg_bytes(ctx, argc, argv, 0, &sn, exc);
    uint8_t *dst = src ? buffer_arg_bytes(ctx, argc, argv, 1, &tn, exc) : NULL;
    if (!src || !dst) {
        return NULL;
    }
    if (ss > sn || ts > tn) {
        return JSValueMakeNumber(ctx, 0);
    }
    if (count > sn - ss) {
        count = sn - ss;
    }
    if (count > tn - ts) {
        count = tn - ts;
    }
    if (count) {
        memmove(dst + ts, src + ss, count);
    }
    return JSValueMakeNumber(ctx, (double)count);
}

/* allocBytes(size): an ArrayBuffer of size uninitialised bytes (allocUnsafe). */
static JSValueRef buffer_fn_alloc_bytes(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double d = rt_arg_num(ctx, argc, argv, 0);
    size_t n = d > 0 && d < 9007199254740992.0 ? (size_t)d : 0;
    void *p = rt_bytes_alloc(n);
    if (p == NULL) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                             "Array buffer allocation failed");
    }
    return rt_array_buffer_take(ctx, p, n, exc); /* frees p itself on failure */
}

/* hexAsBase64(buf, start, end, out): writes into out (room for 3 * ceil(n / 2) + 1 bytes)
 * bytes whose base64 is the hex of buf[start, end), n = end - start (with "00" after it
 * when n is odd), and returns their length. Hex digits are base64 digits too ('0' is 52, 'a'
 * is 26), so each byte becomes two 6-bit groups and two bytes three bytes of output; the
 * engine's base64 encoder (SIMD) then writes the hex string straight into an 8-bit string,
 * faster than its own toHex. */
static JSValueRef buffer_fn_hex_as_base64(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    static uint16_t groups[256]; /* byte -> its two hex digits as base64 6-bit groups */
    if (groups[0] == 0) {
        for (unsigned b = 0; b < 256; b++) {
            unsigned hi = b >> 4, lo = b & 15;
            unsigned ghi = hi < 10 ? 52 + hi : 26 + hi - 10;
            unsigned glo = lo < 10 ? 52 + lo : 26 + lo - 10;
            groups[b] = (uint16_t)(ghi << 6 | glo);
        }
    }
    size_t len, out_cap;
    const uint8_t *p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc);
    if (!p) {
        return NULL;
    }
    size_t start = buffer_arg_index(ctx, argc, argv, 1, 0, len);
    size_t end = buffer_arg_index(ctx, argc, argv, 2, len, len);
    uint8_t *o = buffer_arg_bytes(ctx, argc, argv, 3, &out_cap, exc);
    if (!o) {
        return NULL;
    }
    p = buffer_arg_bytes(ctx, argc, argv, 0, &len, exc); /* ToNumber may have run user code */
    if (!p || end > len) {
        return p ? rt_throw_type_error(ctx, exc, "buffer changed") : NULL;
    }
    size_t n = end > start ? end - start : 0;
    size_t full = n / 2;
    size_t out_len = (n + 1) / 2 * 3;
    if (out_cap < out_len + 1) {
        return rt_throw_type_error(ctx, exc, "output buffer too small");
    }
    p += start;
    for (size_t i = 0; i < full; i++) {
        /* Three big-endian bytes in one four-byte store; the fourth is overwritten next. */
        uint32_t v = ((uint32_t)groups[p[2 * i]] << 12 | groups[p[2 * i + 1]]) << 8;
        v = __builtin_bswap32(v);
        memcpy(o + 3 * i, &v, 4);
    }
    if (n & 1) {
        uint32_t v = (uint32_t)groups[p[n - 1]] << 12 | groups[0];
        o[3 * full] = (uint8_t)(v >> 16);
        o[3 * full + 1] = (uint8_t)(v >> 8);
        o[3 * full + 2] = (uint8_t)v;
    }
    return JSValueMakeNumber(ctx, (double)out_len);
}

static const JSStaticFunction buffer_functions[] = {
    { "allocBytes", buffer_fn_alloc_bytes, RT_FN_ATTRS },
    { "hexAsBase64", buffer_fn_hex_as_base64, RT_FN_ATTRS },
    { "copy", buffer_fn_copy, RT_FN_ATTRS },
    { "byteLengthUtf8", buffer_fn_byte_length_utf8, RT_FN_ATTRS },
    { "byteLength", buffer_fn_byte_length, RT_FN_ATTRS },
    { "write", buffer_fn_write, RT_FN_ATTRS },
    { "fromString", buffer_fn_from_string, RT_FN_ATTRS },
    { "slice", buffer_fn_slice, RT_FN_ATTRS },
    { "compare", buffer_fn_compare, RT_FN_ATTRS },
    { "compareRange", buffer_fn_compare_range, RT_FN_ATTRS },
    { "indexOfString", buffer_fn_index_of_string, RT_FN_ATTRS },
    { "indexOfBuffer", buffer_fn_index_of_buffer, RT_FN_ATTRS },
    { "indexOfNumber", buffer_fn_index_of_number, RT_FN_ATTRS },
    { "fill", buffer_fn_fill, RT_FN_ATTRS },
    { "swap16", buffer_fn_swap16, RT_FN_ATTRS },
    { "swap32", buffer_fn_swap32, RT_FN_ATTRS },
    { "swap64", buffer_fn_swap64, RT_FN_ATTRS },
    { "isUtf8", buffer_fn_is_utf8, RT_FN_ATTRS },
    { "isAscii", buffer_fn_is_ascii, RT_FN_ATTRS },
    { "decodeUtf8", buffer_fn_decode_utf8, RT_FN_ATTRS },
    { "utf8Tail", buffer_fn_utf8_tail, RT_FN_ATTRS },
    { "decodeUtf16", buffer_fn_decode_utf16, RT_FN_ATTRS },
    { "encodeInto", buffer_fn_encode_into, RT_FN_ATTRS },
    { 0, 0, 0 },
};

void rt_binding_buffer_init(rt_env_t *env, JSObjectRef target) {
    buffer_init_tables();
    rt_define_functions(env, target, buffer_functions);
    JSContextRef ctx = env->ctx;
    rt_set_num(ctx, target, "kStringMaxLength", (double)BUF_STRING_MAX);
    rt_set_num(ctx, target, "kMaxLength", 4294967296.0);
}
