/* crypto.c: the `crypto` internal binding on OpenSSL 3 (random bytes, message digests, HMAC,
 * PBKDF2/HKDF/scrypt and timing-safe comparison), used by lib/crypto.js and
 * the files of lib/internal/crypto. */
#include "crypto.h"

#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- OpenSSL errors ---- */

/* Empties this thread's OpenSSL error queue into errs (earliest first). */
static void crypto_errors_capture(crypto_errors_t *errs) {
    errs->count = 0;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        if (errs->count < CRYPTO_MAX_ERRORS) {
            errs->codes[errs->count++] = e;
        }
    }
}

/* The short library name node puts in `ERR_OSSL_<LIB>_<REASON>` codes. */
static const char *crypto_lib_name(int lib) {
    switch (lib) {
    case ERR_LIB_SYS: return "SYS";
    case ERR_LIB_BN: return "BN";
    case ERR_LIB_RSA: return "RSA";
    case ERR_LIB_DH: return "DH";
    case ERR_LIB_EVP: return "EVP";
    case ERR_LIB_BUF: return "BUF";
    case ERR_LIB_OBJ: return "OBJ";
    case ERR_LIB_PEM: return "PEM";
    case ERR_LIB_DSA: return "DSA";
    case ERR_LIB_X509: return "X509";
    case ERR_LIB_ASN1: return "ASN1";
    case ERR_LIB_CONF: return "CONF";
    case ERR_LIB_CRYPTO: return "CRYPTO";
    case ERR_LIB_EC: return "EC";
    case ERR_LIB_SSL: return "SSL";
    case ERR_LIB_BIO: return "BIO";
    case ERR_LIB_PKCS7: return "PKCS7";
    case ERR_LIB_X509V3: return "X509V3";
    case ERR_LIB_PKCS12: return "PKCS12";
    case ERR_LIB_RAND: return "RAND";
    case ERR_LIB_DSO: return "DSO";
    case ERR_LIB_ENGINE: return "ENGINE";
    case ERR_LIB_OCSP: return "OCSP";
    case ERR_LIB_UI: return "UI";
    case ERR_LIB_COMP: return "COMP";
    case ERR_LIB_ECDSA: return "ECDSA";
    case ERR_LIB_ECDH: return "ECDH";
    case ERR_LIB_OSSL_STORE: return "OSSL_STORE";
    case ERR_LIB_FIPS: return "FIPS";
    case ERR_LIB_CMS: return "CMS";
    case ERR_LIB_TS: return "TS";
    case ERR_LIB_HMAC: return "HMAC";
    case ERR_LIB_CT: return "CT";
    case ERR_LIB_ASYNC: return "ASYNC";
    case ERR_LIB_KDF: return "KDF";
    case ERR_LIB_SM2: return "SM2";
    case ERR_LIB_USER: return "USER";
    default: return NULL;
    }
}

/* Node's error for captured OpenSSL errors: the earliest one is the message; with several,
 * `opensslErrorStack` lists them all (latest first); `library`, `reason` and `code`
 * describe the earliest. With none, a plain Error with fallback as message. */
static JSObjectRef crypto_error_from(JSContextRef ctx, const crypto_errors_t *errs,
                                     const char *fallback, bool decorate) {
    char buf[256];
    if (errs->count == 0) {
        JSValueRef args[1] = {rt_string_from_cstr(ctx, fallback)};
        return JSObjectMakeError(ctx, 1, args, NULL);
    }
    unsigned long first = errs->codes[0];
    ERR_error_string_n(first, buf, sizeof(buf));
    JSValueRef args[1] = {rt_string_from_cstr(ctx, buf)};
    JSObjectRef e = JSObjectMakeError(ctx, 1, args, NULL);
    if (!decorate) {
        return e;
    }
    if (errs->count > 1) {
        JSValueRef items[CRYPTO_MAX_ERRORS];
        for (size_t i = 0; i < errs->count; i++) {
            ERR_error_string_n(errs->codes[errs->count - 1 - i], buf, sizeof(buf));
            items[i] = rt_string_from_cstr(ctx, buf);
        }
        rt_set(ctx, e, "opensslErrorStack", JSObjectMakeArray(ctx, errs->count, items, NULL));
    }
    const char *lib = ERR_lib_error_string(first);
    if (lib) {
        rt_set_str(ctx, e, "library", lib);
    }
    const char *reason = ERR_reason_error_string(first);
    if (reason) {
        rt_set_str(ctx, e, "reason", reason);
        char code[256];
        const char *short_lib = crypto_lib_name(ERR_GET_LIB(first));
        int n = snprintf(code, sizeof(code), "ERR_OSSL_%s%s", short_lib ? short_lib : "",
                         short_lib ? "_" : "");
        for (const char *r = reason; *r && n >= 0 && (size_t)n < sizeof(code) - 1; r++) {
            char c = *r;
            code[n++] = c == ' ' ? '_' : (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
        }
        code[n < 0 ? 0 : n] = '\0';
        rt_set_str(ctx, e, "code", code);
    }
    return e;
}

/* Throws the errors queued on this thread (see crypto_error_from). */
static JSValueRef crypto_throw_openssl(JSContextRef ctx, JSValueRef *exc, const char *fallback) {
    crypto_errors_t errs;
    crypto_errors_capture(&errs);
    *exc = crypto_error_from(ctx, &errs, fallback, true);
    return NULL;
}

/* ---- small helpers ---- */

/* Strings up to this many UTF-16 units are encoded on the stack. */
#define CRYPTO_SCRATCH_UNITS 512
#define CRYPTO_SCRATCH_BYTES (3 * CRYPTO_SCRATCH_UNITS)

/* argv[i] as bytes: a string (encoded as UTF-8 into scratch, which has room for
 * CRYPTO_SCRATCH_BYTES, or, when longer or scratch is NULL, into a malloc'd copy stored in
 * *owned) or any TypedArray/ArrayBuffer (borrowed). Returns false (and throws) on another
 * type. */
static bool crypto_arg_bytes(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                             const uint8_t **data, size_t *len, char **owned, char *scratch,
                             JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    *owned = NULL;
    if (JSValueIsString(ctx, v)) {
        JSStringRef str = JSValueToStringCopy(ctx, v, exc);
        if (!str) {
            return false;
        }
        size_t units = JSStringGetLength(str);
        char *out = scratch;
        if (!scratch || units > CRYPTO_SCRATCH_UNITS) {
            out = malloc(units * 3 + 1);
            if (!out) {
                JSStringRelease(str);
                rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                              "Array buffer allocation failed");
                return false;
            }
            *owned = out;
        }
        *len = rt_utf16_to_utf8(JSStringGetCharactersPtr(str), units, out);
        JSStringRelease(str);
        *data = (const uint8_t *)out;
        return true;
    }
    *data = rt_bytes(ctx, v, len);
    if (!*data) {
        if (JSValueIsObject(ctx, v) && JSValueGetTypedArrayType(ctx, v, NULL) !=
                                           kJSTypedArrayTypeNone) {
            /* An empty or detached view. */
            static const uint8_t empty[1];
            *data = empty;
            *len = 0;
            return true;
        }
        rt_throw_type_error(ctx, exc, "argument %zu must be a string or a buffer", i);
        return false;
    }
    return true;
}

/* A malloc'd copy of argv[i]'s bytes (see crypto_arg_bytes); never NULL on success. */
static uint8_t *crypto_arg_copy(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                                size_t *len, JSValueRef *exc) {
    const uint8_t *data;
    char *owned;
    if (!crypto_arg_bytes(ctx, argc, argv, i, &data, len, &owned, NULL, exc)) {
        return NULL;
    }
    if (owned) {
        return (uint8_t *)owned;
    }
    uint8_t *copy = malloc(*len ? *len : 1);
    if (!copy) {
        rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                      "Array buffer allocation failed");
        return NULL;
    }
    memcpy(copy, data, *len);
    return copy;
}

/* argv[i], a string, as NUL-terminated UTF-8 in buf (size bytes). Returns false and throws a
 * TypeError if it is not a string; a name too long for buf comes back empty (no digest or
 * cipher has such a name). */
static bool crypto_arg_name(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                            char *buf, size_t size, JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (!JSValueIsString(ctx, v)) {
        rt_throw_type_error(ctx, exc, "argument %zu must be a string", i);
        return false;
    }
    JSStringRef str = JSValueToStringCopy(ctx, v, exc);
    if (!str) {
        return false;
    }
    size_t units = JSStringGetLength(str);
    buf[0] = '\0';
    if (units * 3 < size) {
        /* As a C string: an embedded NUL ends the name, as in node. */
        size_t n = rt_utf16_to_utf8(JSStringGetCharactersPtr(str), units, buf);
        buf[n] = '\0';
    }
    JSStringRelease(str);
    return true;
}

static bool crypto_is_function(JSContextRef ctx, JSValueRef v) {
    return v && JSValueIsObject(ctx, v) && JSObjectIsFunction(ctx, (JSObjectRef)v);
}

/* Fills len bytes (RAND_bytes takes an int, so large requests go in pieces). */
static bool crypto_rand(uint8_t *out, size_t len) {
    while (len > 0) {
        int n = len > INT_MAX ? INT_MAX : (int)len;
        if (RAND_bytes(out, n) != 1) {
            return false;
        }
        out += n;
        len -= (size_t)n;
    }
    return true;
}

/* ---- digests by name ---- */

/* Fetched digests by canonical name, shared by all threads and kept for the process's life
 * (the set of canonical names is small and fixed). */
#define CRYPTO_MD_CACHE 192
static struct {
    const char *name; /* EVP_MD_get0_name of the legacy digest */
    bool fips;        /* whether FIPS properties were on when it was fetched */
    EVP_MD *md;
} crypto_md_cache[CRYPTO_MD_CACHE];
static size_t crypto_md_cache_len;
static uv_mutex_t crypto_md_lock;
static uv_once_t crypto_md_once = UV_ONCE_INIT;

static void crypto_md_init(void) {
    RT_CHECK(uv_mutex_init(&crypto_md_lock) == 0);
}

/* The cache index of the digest called `name` as node resolves it: any name or alias
 * OpenSSL's EVP_get_digestbyname knows (`sha256`, `SHA-256`, `RSA-SHA256`,
 * `sha256WithRSAEncryption`) that a provider implements. Returns -1 if there is none; then
 * *legacy (may be NULL) gets the digest in its legacy form when OpenSSL knows the name but
 * no provider implements it (md4), so that initialising it queues OpenSSL's own errors. */
static int crypto_md_index(const char *name, const EVP_MD **legacy_out) {
    uv_once(&crypto_md_once, crypto_md_init);
    const EVP_MD *legacy = EVP_get_digestbyname(name);
    if (legacy_out) {
        *legacy_out = legacy;
    }
    if (!legacy) {
        ERR_clear_error();
        return -1;
    }
    /* Keyed by canonical name: a finite set, whatever spellings callers use. */
    const char *key = EVP_MD_get0_name(legacy);
    bool fips = EVP_default_properties_is_fips_enabled(NULL) != 0;
    uv_mutex_lock(&crypto_md_lock);
    for (size_t i = 0; i < crypto_md_cache_len; i++) {
        if (crypto_md_cache[i].fips == fips && strcmp(crypto_md_cache[i].name, key) == 0) {
            uv_mutex_unlock(&crypto_md_lock);
            return (int)i;
        }
    }
    uv_mutex_unlock(&crypto_md_lock);
    EVP_MD *md = EVP_MD_fetch(NULL, key, NULL);
    if (!md) {
        ERR_clear_error();
        return -1;
    }
    int index = -1;
    uv_mutex_lock(&crypto_md_lock);
    for (size_t i = 0; i < crypto_md_cache_len; i++) {
        if (crypto_md_cache[i].fips == fips && strcmp(crypto_md_cache[i].name, key) == 0) {
            index = (int)i;
            break;
        }
    }
    if (index < 0 && crypto_md_cache_len < CRYPTO_MD_CACHE) {
        char *copy = strdup(key);
        RT_CHECK(copy != NULL);
        crypto_md_cache[crypto_md_cache_len].name = copy;
        crypto_md_cache[crypto_md_cache_len].fips = fips;
        crypto_md_cache[crypto_md_cache_len].md = md;
        md = NULL;
        index = (int)crypto_md_cache_len++;
    }
    uv_mutex_unlock(&crypto_md_lock);
    /* Not stored: already cached by another thread, or the cache is full (more canonical
     * digests than OpenSSL has), where the legacy form still works. */
    EVP_MD_free(md);
    return index;
}

/* The cached digest at index, or NULL. Entries never change once added. */
static const EVP_MD *crypto_md_at(int64_t index) {
    uv_once(&crypto_md_once, crypto_md_init);
    const EVP_MD *md = NULL;
    uv_mutex_lock(&crypto_md_lock);
    if (index >= 0 && (size_t)index < crypto_md_cache_len) {
        md = crypto_md_cache[index].md;
    }
    uv_mutex_unlock(&crypto_md_lock);
    return md;
}

/* The digest called `name` (see crypto_md_index), valid for the process's life; NULL if
 * there is none. */
static const EVP_MD *crypto_md_get(const char *name) {
    const EVP_MD *legacy;
    int index = crypto_md_index(name, &legacy);
    return index >= 0 ? crypto_md_at(index) : legacy;
}

/* The digest argv[i] names: a string, or a number from digestId(). NULL (without throwing)
 * if there is none; NULL with *exc set when argv[i] is neither. */
static const EVP_MD *crypto_arg_md(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                   size_t i, JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (JSValueIsNumber(ctx, v)) {
        return crypto_md_at(rt_arg_int(ctx, argc, argv, i));
    }
    char name[128];
    if (!crypto_arg_name(ctx, argc, argv, i, name, sizeof(name), exc)) {
        return NULL;
    }
    return name[0] ? crypto_md_get(name) : NULL;
}

/* digestId(name): a number that names this digest to the other functions (cheaper than the
 * name), or -1 if it has none (unknown, or known but unimplemented). */
static JSValueRef crypto_digest_id(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char name[128];
    if (!crypto_arg_name(ctx, argc, argv, 0, name, sizeof(name), exc)) {
        return NULL;
    }
    return JSValueMakeNumber(ctx, name[0] ? crypto_md_index(name, NULL) : -1);
}

static bool crypto_md_is_xof(const EVP_MD *md) {
    return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
}

/* ---- output encodings ---- */

/* How a digest is returned: node's digest(encoding) for the encodings that are cheaper to
 * produce here than through a Buffer. lib/internal/crypto/util.js uses the same numbers. */
enum {
    CRYPTO_ENC_BUFFER = 0,
    CRYPTO_ENC_HEX = 1,
    CRYPTO_ENC_BASE64 = 2,
    CRYPTO_ENC_BASE64URL = 3,
    CRYPTO_ENC_LATIN1 = 4,
};

/* A new Uint8Array holding a copy of len bytes (memory the engine manages and accounts). */
static JSValueRef crypto_new_u8(JSContextRef ctx, const uint8_t *data, size_t len,
                                JSValueRef *exc) {
    JSObjectRef arr = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, len, exc);
    if (!arr) {
        return NULL;
    }
    if (len > 0) {
        uint8_t *p = JSObjectGetTypedArrayBytesPtr(ctx, arr, exc);
        if (!p) {
            return NULL;
        }
        memcpy(p, data, len);
    }
    return arr;
}

/* Writes the base64 (or unpadded base64url) form of data into out (room for
 * 4 * ceil(len / 3) + 1 bytes, NUL-terminated). */
static void crypto_base64(const uint8_t *data, size_t len, bool url, char *out) {
    const char *alphabet = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                               : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = 0;
    size_t i = 0;
    for (; i + 2 < len; i += 3) {
        uint32_t v = ((uint32_t)data[i] << 16) | ((uint32_t)data[i + 1] << 8) | data[i + 2];
        out[n++] = alphabet[(v >> 18) & 63];
        out[n++] = alphabet[(v >> 12) & 63];
        out[n++] = alphabet[(v >> 6) & 63];
        out[n++] = alphabet[v & 63];
    }
    if (i < len) {
        uint32_t v = (uint32_t)data[i] << 16;
        if (i + 1 < len) {
            v |= (uint32_t)data[i + 1] << 8;
        }
        out[n++] = alphabet[(v >> 18) & 63];
        out[n++] = alphabet[(v >> 12) & 63];
        if (i + 1 < len) {
            out[n++] = alphabet[(v >> 6) & 63];
        } else if (!url) {
            out[n++] = '=';
        }
        if (!url) {
            out[n++] = '=';
        }
    }
    out[n] = '\0';
}

/* data in the given CRYPTO_ENC_* form: a string, or a Uint8Array for CRYPTO_ENC_BUFFER. */
static JSValueRef crypto_encode(JSContextRef ctx, const uint8_t *data, size_t len, int enc,
                                JSValueRef *exc) {
    if (enc == CRYPTO_ENC_LATIN1) {
        uint16_t small[128] = {0};
        uint16_t *units = len <= 128 ? small : malloc(len * sizeof(uint16_t));
        if (!units) {
            return rt_throw_code(ctx, exc, "Error", "ERR_STRING_TOO_LONG",
                                 "Cannot create a string longer than 0x1fffffe8 characters");
        }
        for (size_t i = 0; i < len; i++) {
            units[i] = data[i];
        }
        JSStringRef str = JSStringCreateWithCharacters(units, len);
        if (units != small) {
            free(units);
        }
        JSValueRef v = JSValueMakeString(ctx, str);
        JSStringRelease(str);
        return v;
    }
    if (enc != CRYPTO_ENC_HEX && enc != CRYPTO_ENC_BASE64 && enc != CRYPTO_ENC_BASE64URL) {
        return crypto_new_u8(ctx, data, len, exc);
    }
    size_t need = enc == CRYPTO_ENC_HEX ? 2 * len + 1 : 4 * ((len + 2) / 3) + 1;
    char small[260];
    char *out = need <= sizeof(small) ? small : malloc(need);
    if (!out) {
        return rt_throw_code(ctx, exc, "Error", "ERR_STRING_TOO_LONG",
                             "Cannot create a string longer than 0x1fffffe8 characters");
    }
    if (enc == CRYPTO_ENC_HEX) {
        static const char digits[] = "0123456789abcdef";
        for (size_t i = 0; i < len; i++) {
            out[2 * i] = digits[data[i] >> 4];
            out[2 * i + 1] = digits[data[i] & 15];
        }
        out[2 * len] = '\0';
    } else {
        crypto_base64(data, len, enc == CRYPTO_ENC_BASE64URL, out);
    }
    JSStringRef str = JSStringCreateWithUTF8CString(out);
    if (out != small) {
        free(out);
    }
    JSValueRef v = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return v;
}

static int crypto_arg_enc(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    return JSValueIsNumber(ctx, v) ? (int)rt_num(ctx, v) : CRYPTO_ENC_BUFFER;
}

/* ---- Hash ---- */

typedef struct {
    EVP_MD_CTX *ctx;
    size_t out_len;  /* digest length (the XOF output length for shake*) */
    uint8_t *digest; /* the digest once computed (later digest() calls return it again): */
    uint8_t inline_digest[EVP_MAX_MD_SIZE]; /* here, unless longer (XOF) */
    bool done;
} crypto_hash_t;

static JSClassRef crypto_hash_class;
static uv_once_t crypto_class_once = UV_ONCE_INIT;

static void crypto_hash_finalize(JSObjectRef obj) {
    crypto_hash_t *h = JSObjectGetPrivate(obj);
    if (h) {
        EVP_MD_CTX_free(h->ctx);
        if (h->digest != h->inline_digest) {
            free(h->digest);
        }
        free(h);
    }
}

/* ---- Hmac (struct and class; functions below) ---- */

typedef struct {
    EVP_MAC_CTX *ctx; /* NULL once digest() ran: later digests are empty, as in node */
} crypto_hmac_t;

static JSClassRef crypto_hmac_class;

static void crypto_hmac_finalize(JSObjectRef obj) {
    crypto_hmac_t *h = JSObjectGetPrivate(obj);
    if (h) {
        EVP_MAC_CTX_free(h->ctx);
        free(h);
    }
}

static EVP_MAC *crypto_hmac_mac;

static void crypto_classes_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "Hash";
    def.finalize = crypto_hash_finalize;
    crypto_hash_class = JSClassCreate(&def);
    def.className = "Hmac";
    def.finalize = crypto_hmac_finalize;
    crypto_hmac_class = JSClassCreate(&def);
    crypto_hmac_mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    ERR_clear_error();
}

static crypto_hash_t *crypto_hash_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    if (!v || !JSValueIsObjectOfClass(ctx, v, crypto_hash_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

/* A new Hash object for mctx (taking ownership of it). */
static JSValueRef crypto_hash_wrap(JSContextRef ctx, EVP_MD_CTX *mctx, size_t out_len) {
    crypto_hash_t *h = malloc(sizeof(*h));
    RT_CHECK(h != NULL);
    h->ctx = mctx;
    h->out_len = out_len;
    h->digest = NULL;
    h->done = false;
    return JSObjectMake(ctx, crypto_hash_class, h);
}

/* Checks an XOF length request (argv[i]: a number, or -1/undefined for the default) against
 * md; returns false and queues EVP_R_NOT_XOF_OR_INVALID_LENGTH as node does on a mismatch. */
static bool crypto_hash_out_len(JSContextRef ctx, const EVP_MD *md, size_t argc,
                                const JSValueRef argv[], size_t i, size_t *out_len) {
    int size = EVP_MD_get_size(md);
    *out_len = size > 0 ? (size_t)size : 0;
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (!JSValueIsNumber(ctx, v)) {
        return true;
    }
    double d = rt_num(ctx, v);
    if (!(d >= 0) || d > (double)UINT32_MAX) {
        return true;
    }
    size_t want = (size_t)d;
    if (want == *out_len) {
        return true;
    }
    if (!crypto_md_is_xof(md)) {
        ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
        return false;
    }
    *out_len = want;
    return true;
}

/* hashNew(algorithm, outputLength): a Hash handle; null if the digest does not exist. */
static JSValueRef crypto_hash_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&crypto_class_once, crypto_classes_init);
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 0, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    if (!mctx) {
        return crypto_throw_openssl(ctx, exc, "Digest method not supported");
    }
    size_t out_len;
    if (EVP_DigestInit_ex(mctx, md, NULL) != 1 ||
        !crypto_hash_out_len(ctx, md, argc, argv, 1, &out_len)) {
        EVP_MD_CTX_free(mctx);
        return crypto_throw_openssl(ctx, exc, "Digest method not supported");
    }
    return crypto_hash_wrap(ctx, mctx, out_len);
}

/* hashUpdate(handle, data): data is a string (hashed as UTF-8) or bytes. Returns false if
 * OpenSSL refuses (node's ERR_CRYPTO_HASH_UPDATE_FAILED). */
static JSValueRef crypto_hash_update(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_hash_t *h = crypto_hash_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!h) {
        return NULL;
    }
    char scratch[CRYPTO_SCRATCH_BYTES];
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!crypto_arg_bytes(ctx, argc, argv, 1, &data, &len, &owned, scratch, exc)) {
        return NULL;
    }
    bool ok = !h->done && EVP_DigestUpdate(h->ctx, data, len) == 1;
    free(owned);
    if (!ok) {
        ERR_clear_error();
    }
    return JSValueMakeBoolean(ctx, ok);
}

/* Computes and caches h's digest. */
static bool crypto_hash_finish(crypto_hash_t *h) {
    if (h->done) {
        return true;
    }
    uint8_t *out = h->out_len <= sizeof(h->inline_digest) ? h->inline_digest : malloc(h->out_len);
    if (!out) {
        return false;
    }
    const EVP_MD *md = EVP_MD_CTX_get0_md(h->ctx);
    int ok;
    if (crypto_md_is_xof(md) && h->out_len != (size_t)EVP_MD_get_size(md)) {
        ok = h->out_len == 0 ? 1 : EVP_DigestFinalXOF(h->ctx, out, h->out_len);
    } else {
        unsigned int n = 0;
        ok = EVP_DigestFinal_ex(h->ctx, out, &n);
    }
    if (ok != 1) {
        if (out != h->inline_digest) {
            free(out);
        }
        return false;
    }
    h->digest = out;
    h->done = true;
    return true;
}

/* hashDigest(handle, encoding): the digest in a CRYPTO_ENC_* form (the same bytes on later
 * calls). */
static JSValueRef crypto_hash_digest(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_hash_t *h = crypto_hash_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!h) {
        return NULL;
    }
    if (!crypto_hash_finish(h)) {
        return crypto_throw_openssl(ctx, exc, "Failed to finalize digest");
    }
    return crypto_encode(ctx, h->digest, h->out_len, crypto_arg_enc(ctx, argc, argv, 1), exc);
}

/* hashCopy(handle, outputLength): a new Hash handle with a copy of handle's state. */
static JSValueRef crypto_hash_copy(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_hash_t *h = crypto_hash_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!h) {
        return NULL;
    }
    if (h->done) {
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    }
    const EVP_MD *md = EVP_MD_CTX_get0_md(h->ctx);
    size_t out_len;
    if (!crypto_hash_out_len(ctx, md, argc, argv, 1, &out_len)) {
        return crypto_throw_openssl(ctx, exc, "Digest method not supported");
    }
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    if (!mctx || EVP_MD_CTX_copy_ex(mctx, h->ctx) != 1) {
        EVP_MD_CTX_free(mctx);
        return crypto_throw_openssl(ctx, exc, "Failed to copy digest");
    }
    return crypto_hash_wrap(ctx, mctx, out_len);
}

/* oneShotDigest(algorithm, data, encoding): the digest of data in a CRYPTO_ENC_* form
 * (crypto.hash); null if the digest does not exist. */
static JSValueRef crypto_one_shot_digest(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 0, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    char scratch[CRYPTO_SCRATCH_BYTES];
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!crypto_arg_bytes(ctx, argc, argv, 1, &data, &len, &owned, scratch, exc)) {
        return NULL;
    }
    uint8_t out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    int ok = EVP_Digest(data, len, out, &n, md, NULL);
    free(owned);
    if (ok != 1) {
        return crypto_throw_openssl(ctx, exc, "Digest method not supported");
    }
    return crypto_encode(ctx, out, n, crypto_arg_enc(ctx, argc, argv, 2), exc);
}

/* ---- Hmac ---- */

static crypto_hmac_t *crypto_hmac_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    if (!v || !JSValueIsObjectOfClass(ctx, v, crypto_hmac_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

/* hmacNew(algorithm, key): an Hmac handle; null if the digest does not exist. */
static JSValueRef crypto_hmac_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&crypto_class_once, crypto_classes_init);
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 0, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    char scratch[CRYPTO_SCRATCH_BYTES];
    const uint8_t *key;
    size_t key_len;
    char *owned;
    if (!crypto_arg_bytes(ctx, argc, argv, 1, &key, &key_len, &owned, scratch, exc)) {
        return NULL;
    }
    static const uint8_t empty_key[1];
    if (key_len == 0) {
        key = empty_key; /* a NULL key would mean "no key" to the provider */
    }
    EVP_MAC_CTX *mctx = crypto_hmac_mac ? EVP_MAC_CTX_new(crypto_hmac_mac) : NULL;
    OSSL_PARAM params[2] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
        OSSL_PARAM_construct_end(),
    };
    bool ok = mctx && EVP_MAC_init(mctx, key, key_len, params) == 1;
    if (owned) {
        OPENSSL_cleanse(owned, key_len);
        free(owned);
    } else if (key == (const uint8_t *)scratch) {
        OPENSSL_cleanse(scratch, key_len);
    }
    if (!ok) {
        EVP_MAC_CTX_free(mctx);
        return crypto_throw_openssl(ctx, exc, "Failed to initialize HMAC");
    }
    crypto_hmac_t *h = malloc(sizeof(*h));
    RT_CHECK(h != NULL);
    h->ctx = mctx;
    return JSObjectMake(ctx, crypto_hmac_class, h);
}

/* hmacUpdate(handle, data): like hashUpdate. */
static JSValueRef crypto_hmac_update(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_hmac_t *h = crypto_hmac_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!h) {
        return NULL;
    }
    char scratch[CRYPTO_SCRATCH_BYTES];
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!crypto_arg_bytes(ctx, argc, argv, 1, &data, &len, &owned, scratch, exc)) {
        return NULL;
    }
    bool ok = h->ctx && EVP_MAC_update(h->ctx, data, len) == 1;
    free(owned);
    if (!ok) {
        ERR_clear_error();
    }
    return JSValueMakeBoolean(ctx, ok);
}

/* hmacDigest(handle, encoding): the MAC in a CRYPTO_ENC_* form; empty on later calls. */
static JSValueRef crypto_hmac_digest(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_hmac_t *h = crypto_hmac_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!h) {
        return NULL;
    }
    uint8_t out[EVP_MAX_MD_SIZE];
    size_t n = 0;
    if (h->ctx) {
        int ok = EVP_MAC_final(h->ctx, out, &n, sizeof(out));
        EVP_MAC_CTX_free(h->ctx);
        h->ctx = NULL;
        if (ok != 1) {
            return crypto_throw_openssl(ctx, exc, "Failed to finalize HMAC");
        }
    }
    return crypto_encode(ctx, out, n, crypto_arg_enc(ctx, argc, argv, 1), exc);
}

/* ---- getHashes ---- */

typedef struct {
    JSContextRef ctx;
    JSValueRef *items;
    size_t len;
    size_t cap;
} crypto_names_t;

/* The names as a JS array; releases them. items is not scanned by the collector, so each
 * name is protected from when it is made until the array holds it. */
static JSObjectRef crypto_names_array(crypto_names_t *names, JSValueRef *exc) {
    JSObjectRef arr = JSObjectMakeArray(names->ctx, names->len, names->items, exc);
    for (size_t i = 0; i < names->len; i++) {
        JSValueUnprotect(names->ctx, names->items[i]);
    }
    free(names->items);
    return arr;
}

/* Keeps the OpenSSL digest names (and aliases) that a provider implements. */
static void crypto_hashes_each(const EVP_MD *unused, const char *from, const char *to,
                               void *arg) {
    crypto_names_t *names = arg;
    if (!from) {
        return;
    }
    const EVP_MD *legacy = EVP_get_digestbyname(from);
    if (!legacy) {
        return;
    }
    EVP_MD *md = EVP_MD_fetch(NULL, EVP_MD_get0_name(legacy), NULL);
    if (!md) {
        return;
    }
    EVP_MD_free(md);
    if (names->len == names->cap) {
        size_t cap = names->cap ? names->cap * 2 : 64;
        JSValueRef *items = realloc(names->items, cap * sizeof(*items));
        RT_CHECK(items != NULL);
        names->items = items;
        names->cap = cap;
    }
    names->items[names->len] = rt_string_from_cstr(names->ctx, from);
    JSValueProtect(names->ctx, names->items[names->len++]);
}

/* getHashes(): the digest names OpenSSL offers, sorted (lib/ removes case duplicates). */
static JSValueRef crypto_get_hashes(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_names_t names = {ctx, NULL, 0, 0};
    EVP_MD_do_all_sorted(crypto_hashes_each, &names);
    ERR_clear_error();
    return crypto_names_array(&names, exc);
}

static void crypto_names_push(crypto_names_t *names, const char *name) {
    if (names->len == names->cap) {
        size_t cap = names->cap ? names->cap * 2 : 64;
        JSValueRef *items = realloc(names->items, cap * sizeof(*items));
        RT_CHECK(items != NULL);
        names->items = items;
        names->cap = cap;
    }
    names->items[names->len] = rt_string_from_cstr(names->ctx, name);
    JSValueProtect(names->ctx, names->items[names->len++]);
}

/* Keeps the OpenSSL cipher names (and aliases) that a provider implements. */
static void crypto_ciphers_each(const EVP_CIPHER *unused, const char *from, const char *to,
                                void *arg) {
    if (!from) {
        return;
    }
    const EVP_CIPHER *legacy = EVP_get_cipherbyname(from);
    if (!legacy) {
        return;
    }
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(legacy), NULL);
    if (!cipher) {
        return;
    }
    EVP_CIPHER_free(cipher);
    crypto_names_push(arg, from);
}

/* getCiphers(): the cipher names OpenSSL offers, sorted (lib/ removes case duplicates). */
static JSValueRef crypto_get_ciphers(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    crypto_names_t names = {ctx, NULL, 0, 0};
    EVP_CIPHER_do_all_sorted(crypto_ciphers_each, &names);
    ERR_clear_error();
    return crypto_names_array(&names, exc);
}

/* getCurves(): the short names of OpenSSL's built-in elliptic curves. */
static JSValueRef crypto_get_curves(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t count = EC_get_builtin_curves(NULL, 0);
    EC_builtin_curve *curves = calloc(count ? count : 1, sizeof(*curves));
    RT_CHECK(curves != NULL);
    count = EC_get_builtin_curves(curves, count);
    crypto_names_t names = {ctx, NULL, 0, 0};
    for (size_t i = 0; i < count; i++) {
        const char *sn = OBJ_nid2sn(curves[i].nid);
        if (sn) {
            crypto_names_push(&names, sn);
        }
    }
    free(curves);
    return crypto_names_array(&names, exc);
}

/* ---- jobs: work that runs inline or on the thread pool ---- */

typedef enum {
    CRYPTO_JOB_RANDOM,
    CRYPTO_JOB_DIGEST,
    CRYPTO_JOB_PBKDF2,
    CRYPTO_JOB_HKDF,
    CRYPTO_JOB_SCRYPT,
} crypto_job_kind_t;

typedef struct {
    uv_work_t work;
    rt_env_t *env;
    crypto_job_kind_t kind;
    JSObjectRef cb;     /* protected while queued */
    JSObjectRef target; /* RANDOM: the view to fill (protected while queued) */
    const EVP_MD *md;
    uint8_t *in1;       /* password, key or data */
    size_t in1_len;
    uint8_t *in2;       /* salt */
    size_t in2_len;
    uint8_t *in3;       /* info */
    size_t in3_len;
    uint64_t iter, n, r, p, maxmem;
    uint8_t *out;
    size_t out_len;
    bool ok;
    crypto_errors_t errs;
} crypto_job_t;

static void crypto_job_free(crypto_job_t *j) {
    free(j->in1);
    free(j->in2);
    free(j->in3);
    if (j->out) {
        OPENSSL_cleanse(j->out, j->out_len);
    }
    free(j->out);
    free(j);
}

static void crypto_job_run(crypto_job_t *j) {
    ERR_clear_error();
    j->out = malloc(j->out_len ? j->out_len : 1);
    if (!j->out) {
        j->ok = false;
        j->errs.count = 0;
        return;
    }
    switch (j->kind) {
    case CRYPTO_JOB_RANDOM:
        j->ok = crypto_rand(j->out, j->out_len);
        break;
    case CRYPTO_JOB_DIGEST: {
        unsigned int n = 0;
        j->ok = EVP_Digest(j->in1, j->in1_len, j->out, &n, j->md, NULL) == 1;
        j->out_len = n;
        break;
    }
    case CRYPTO_JOB_PBKDF2:
        j->ok = j->iter <= INT_MAX && j->in1_len <= INT_MAX && j->in2_len <= INT_MAX &&
                j->out_len <= INT_MAX &&
                PKCS5_PBKDF2_HMAC((const char *)j->in1, (int)j->in1_len, j->in2,
                                  (int)j->in2_len, (int)j->iter, j->md, (int)j->out_len,
                                  j->out) == 1;
        break;
    case CRYPTO_JOB_HKDF: {
        EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
        EVP_KDF_CTX *kctx = kdf ? EVP_KDF_CTX_new(kdf) : NULL;
        static uint8_t empty[1];
        OSSL_PARAM params[5];
        size_t np = 0;
        params[np++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST,
                                                        (char *)EVP_MD_get0_name(j->md), 0);
        params[np++] =
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, j->in1 ? j->in1 : empty,
                                              j->in1_len);
        /* An empty salt means "a string of zeros" (RFC 5869) either way. */
        if (j->in2_len > 0) {
            params[np++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, j->in2,
                                                             j->in2_len);
        }
        params[np++] =
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, j->in3 ? j->in3 : empty,
                                              j->in3_len);
        params[np++] = OSSL_PARAM_construct_end();
        j->ok = kctx && (j->out_len == 0 || EVP_KDF_derive(kctx, j->out, j->out_len, params) == 1);
        EVP_KDF_CTX_free(kctx);
        EVP_KDF_free(kdf);
        break;
    }
    case CRYPTO_JOB_SCRYPT:
        j->ok = EVP_PBE_scrypt((const char *)j->in1, j->in1_len, j->in2, j->in2_len, j->n, j->r,
                               j->p, j->maxmem, j->out, j->out_len) == 1;
        break;
    }
    if (!j->ok) {
        crypto_errors_capture(&j->errs);
    }
}

/* The message of a failed job that left no OpenSSL error (node's job errors carry only a
 * message). */
static const char *crypto_job_failure(const crypto_job_t *j) {
    switch (j->kind) {
    case CRYPTO_JOB_RANDOM: return "Random bytes generation failed";
    case CRYPTO_JOB_DIGEST: return "Digest failed";
    default: return "Deriving bits failed";
    }
}

static void crypto_job_work_cb(uv_work_t *w) {
    crypto_job_run(w->data);
}

/* The job's result as a JS value: undefined for RANDOM (the bytes went into the target),
 * else an ArrayBuffer that owns the output. */
static JSValueRef crypto_job_result(JSContextRef ctx, crypto_job_t *j, JSValueRef *exc) {
    if (j->kind == CRYPTO_JOB_RANDOM) {
        if (j->target) {
            size_t len;
            uint8_t *p = rt_bytes(ctx, j->target, &len);
            if (p) {
                memcpy(p, j->out, len < j->out_len ? len : j->out_len);
            }
        }
        return JSValueMakeUndefined(ctx);
    }
    uint8_t *out = j->out;
    size_t len = j->out_len;
    j->out = NULL;
    JSObjectRef u8 = rt_uint8array_take(ctx, out, len, exc);
    if (!u8) {
        return NULL;
    }
    return JSObjectGetTypedArrayBuffer(ctx, u8, exc);
}

static void crypto_job_after_cb(uv_work_t *w, int status) {
    crypto_job_t *j = w->data;
    rt_env_t *env = j->env;
    JSContextRef ctx = env->ctx;
    JSValueRef args[2] = {JSValueMakeNull(ctx), JSValueMakeUndefined(ctx)};
    if (status < 0) {
        args[0] = rt_uv_error(ctx, status, "crypto", NULL, NULL);
    } else if (!j->ok) {
        args[0] = crypto_error_from(ctx, &j->errs, crypto_job_failure(j), false);
    } else {
        JSValueRef exc = NULL;
        JSValueRef v = crypto_job_result(ctx, j, &exc);
        if (v) {
            args[1] = v;
        } else {
            args[0] = exc ? exc : JSValueMakeUndefined(ctx);
        }
    }
    JSObjectRef cb = j->cb;
    if (j->target) {
        JSValueUnprotect(ctx, j->target);
    }
    crypto_job_free(j);
    rt_make_callback(env, cb, NULL, 2, args);
    JSValueUnprotect(ctx, cb);
}

/* Runs j: on the thread pool when cb is a function (the callback gets (err, result)), else
 * now, returning the result or throwing. Takes ownership of j. */
static JSValueRef crypto_job_submit(JSContextRef ctx, crypto_job_t *j, JSValueRef cb,
                                    JSValueRef *exc) {
    if (crypto_is_function(ctx, cb)) {
        rt_env_t *env = rt_env_get();
        j->env = env;
        j->cb = (JSObjectRef)cb;
        j->work.data = j;
        int r = uv_queue_work(env->loop, &j->work, crypto_job_work_cb, crypto_job_after_cb);
        if (r < 0) {
            crypto_job_free(j);
            return rt_throw_uv(ctx, exc, r, "uv_queue_work", NULL, NULL);
        }
        JSValueProtect(ctx, j->cb);
        if (j->target) {
            JSValueProtect(ctx, j->target);
        }
        return JSValueMakeUndefined(ctx);
    }
    crypto_job_run(j);
    JSValueRef ret;
    if (!j->ok) {
        *exc = crypto_error_from(ctx, &j->errs, crypto_job_failure(j), false);
        ret = NULL;
    } else {
        ret = crypto_job_result(ctx, j, exc);
    }
    crypto_job_free(j);
    return ret;
}

static crypto_job_t *crypto_job_new(crypto_job_kind_t kind) {
    crypto_job_t *j = calloc(1, sizeof(*j));
    RT_CHECK(j != NULL);
    j->kind = kind;
    return j;
}

/* ---- randomness ---- */

/* randomFillSync(view): fills a TypedArray/DataView/ArrayBuffer with random bytes. */
static JSValueRef crypto_random_fill_sync(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    size_t len;
    uint8_t *p = rt_bytes(ctx, v, &len);
    if (!p && !(JSValueIsObject(ctx, v) &&
                JSValueGetTypedArrayType(ctx, v, NULL) != kJSTypedArrayTypeNone)) {
        return rt_throw_type_error(ctx, exc, "argument must be a buffer");
    }
    if (p && !crypto_rand(p, len)) {
        return crypto_throw_openssl(ctx, exc, "Random bytes generation failed");
    }
    return JSValueMakeUndefined(ctx);
}

/* randomFill(view, cb): fills view on the thread pool (into scratch memory, copied into the
 * view on the loop thread), then calls cb(err). */
static JSValueRef crypto_random_fill(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    JSValueRef cb = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsObject(ctx, v) ||
        JSValueGetTypedArrayType(ctx, v, NULL) == kJSTypedArrayTypeNone ||
        !crypto_is_function(ctx, cb)) {
        return rt_throw_type_error(ctx, exc, "randomFill(view, callback)");
    }
    size_t len;
    rt_bytes(ctx, v, &len);
    crypto_job_t *j = crypto_job_new(CRYPTO_JOB_RANDOM);
    j->target = (JSObjectRef)v;
    j->out_len = len;
    return crypto_job_submit(ctx, j, cb, exc);
}

/* randomUUID(buffered): a version 4 UUID string. Buffered ones take their bytes from a
 * per-thread batch of entropy (node's entropy cache). */
static JSValueRef crypto_random_uuid(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    enum { BATCH = 128 };
    static _Thread_local uint8_t cache[16 * BATCH];
    static _Thread_local size_t offset = sizeof(cache);
    uint8_t fresh[16];
    const uint8_t *b;
    if (rt_bool(ctx, rt_arg(ctx, argc, argv, 0))) {
        if (offset == sizeof(cache)) {
            if (!crypto_rand(cache, sizeof(cache))) {
                return crypto_throw_openssl(ctx, exc, "Random bytes generation failed");
            }
            offset = 0;
        }
        b = cache + offset;
        offset += 16;
    } else {
        if (!crypto_rand(fresh, sizeof(fresh))) {
            return crypto_throw_openssl(ctx, exc, "Random bytes generation failed");
        }
        b = fresh;
    }
    static const char digits[] = "0123456789abcdef";
    char out[37];
    size_t n = 0;
    for (size_t i = 0; i < 16; i++) {
        uint8_t v = b[i];
        if (i == 6) {
            v = (uint8_t)((v & 0x0f) | 0x40); /* version 4 */
        } else if (i == 8) {
            v = (uint8_t)((v & 0x3f) | 0x80); /* variant 10xx */
        }
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out[n++] = '-';
        }
        out[n++] = digits[v >> 4];
        out[n++] = digits[v & 15];
    }
    out[n] = '\0';
    JSStringRef str = JSStringCreateWithUTF8CString(out);
    JSValueRef result = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return result;
}

/* ---- KDFs and digest jobs ---- */

/* digest(algorithm, data, cb?): digest of a copy of data, as an ArrayBuffer; null if there
 * is no such digest. */
static JSValueRef crypto_digest_job(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 0, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    crypto_job_t *j = crypto_job_new(CRYPTO_JOB_DIGEST);
    j->md = md;
    j->out_len = EVP_MAX_MD_SIZE;
    j->in1 = crypto_arg_copy(ctx, argc, argv, 1, &j->in1_len, exc);
    if (!j->in1) {
        crypto_job_free(j);
        return NULL;
    }
    return crypto_job_submit(ctx, j, rt_arg(ctx, argc, argv, 2), exc);
}

/* pbkdf2(password, salt, iterations, keylen, digest, cb?): an ArrayBuffer; null if there is
 * no such digest. */
static JSValueRef crypto_pbkdf2(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 4, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    crypto_job_t *j = crypto_job_new(CRYPTO_JOB_PBKDF2);
    j->md = md;
    j->iter = (uint64_t)rt_arg_int(ctx, argc, argv, 2);
    j->out_len = (size_t)rt_arg_int(ctx, argc, argv, 3);
    if (!(j->in1 = crypto_arg_copy(ctx, argc, argv, 0, &j->in1_len, exc)) ||
        !(j->in2 = crypto_arg_copy(ctx, argc, argv, 1, &j->in2_len, exc))) {
        crypto_job_free(j);
        return NULL;
    }
    return crypto_job_submit(ctx, j, rt_arg(ctx, argc, argv, 5), exc);
}

/* hkdf(digest, key, salt, info, keylen, cb?): an ArrayBuffer; null if there is no such
 * digest. */
static JSValueRef crypto_hkdf(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 0, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    crypto_job_t *j = crypto_job_new(CRYPTO_JOB_HKDF);
    j->md = md;
    j->out_len = (size_t)rt_arg_int(ctx, argc, argv, 4);
    if (!(j->in1 = crypto_arg_copy(ctx, argc, argv, 1, &j->in1_len, exc)) ||
        !(j->in2 = crypto_arg_copy(ctx, argc, argv, 2, &j->in2_len, exc)) ||
        !(j->in3 = crypto_arg_copy(ctx, argc, argv, 3, &j->in3_len, exc))) {
        crypto_job_free(j);
        return NULL;
    }
    return crypto_job_submit(ctx, j, rt_arg(ctx, argc, argv, 5), exc);
}

/* scrypt(password, salt, N, r, p, maxmem, keylen, cb?): an ArrayBuffer. */
static JSValueRef crypto_scrypt(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    crypto_job_t *j = crypto_job_new(CRYPTO_JOB_SCRYPT);
    j->n = (uint64_t)rt_arg_int(ctx, argc, argv, 2);
    j->r = (uint64_t)rt_arg_int(ctx, argc, argv, 3);
    j->p = (uint64_t)rt_arg_int(ctx, argc, argv, 4);
    j->maxmem = (uint64_t)rt_arg_num(ctx, argc, argv, 5);
    j->out_len = (size_t)rt_arg_int(ctx, argc, argv, 6);
    if (!(j->in1 = crypto_arg_copy(ctx, argc, argv, 0, &j->in1_len, exc)) ||
        !(j->in2 = crypto_arg_copy(ctx, argc, argv, 1, &j->in2_len, exc))) {
        crypto_job_free(j);
        return NULL;
    }
    return crypto_job_submit(ctx, j, rt_arg(ctx, argc, argv, 7), exc);
}

/* checkScryptParams(N, r, p, maxmem): undefined if OpenSSL accepts these scrypt parameters,
 * else the text of OpenSSL's error ('' when it gives none). */
static JSValueRef crypto_check_scrypt_params(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    uint64_t n = (uint64_t)rt_arg_int(ctx, argc, argv, 0);
    uint64_t r = (uint64_t)rt_arg_int(ctx, argc, argv, 1);
    uint64_t p = (uint64_t)rt_arg_int(ctx, argc, argv, 2);
    uint64_t maxmem = (uint64_t)rt_arg_num(ctx, argc, argv, 3);
    ERR_clear_error();
    if (EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, maxmem, NULL, 0) == 1) {
        return JSValueMakeUndefined(ctx);
    }
    crypto_errors_t errs;
    crypto_errors_capture(&errs);
    char buf[256] = "";
    if (errs.count > 0) {
        ERR_error_string_n(errs.codes[errs.count - 1], buf, sizeof(buf));
    }
    return rt_string_from_cstr(ctx, buf);
}

/* digestSize(algorithm): the digest's output size in bytes, or -1 if there is no such
 * digest. */
static JSValueRef crypto_digest_size(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    const EVP_MD *md = crypto_arg_md(ctx, argc, argv, 0, exc);
    if (!md) {
        return *exc ? NULL : JSValueMakeNumber(ctx, -1);
    }
    return JSValueMakeNumber(ctx, EVP_MD_get_size(md));
}

/* ---- misc ---- */

/* timingSafeEqual(a, b): constant-time comparison of two equally long buffers. */
static JSValueRef crypto_timing_safe_equal(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    size_t la, lb;
    const uint8_t *a = rt_bytes(ctx, rt_arg(ctx, argc, argv, 0), &la);
    const uint8_t *b = rt_bytes(ctx, rt_arg(ctx, argc, argv, 1), &lb);
    if (la != lb) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
                             "Input buffers must have the same byte length");
    }
    if (la == 0) {
        return JSValueMakeBoolean(ctx, true);
    }
    if (!a || !b) {
        return rt_throw_type_error(ctx, exc, "arguments must be buffers");
    }
    return JSValueMakeBoolean(ctx, CRYPTO_memcmp(a, b, la) == 0);
}

static JSValueRef crypto_get_fips(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeNumber(ctx, EVP_default_properties_is_fips_enabled(NULL) ? 1 : 0);
}

/* setFips(enable): turns OpenSSL's default FIPS property query on or off. Returns false
 * (changing nothing) when asked to enable it without a FIPS provider to serve it. */
static JSValueRef crypto_set_fips(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int enable = rt_bool(ctx, rt_arg(ctx, argc, argv, 0)) ? 1 : 0;
    if (enable && !OSSL_PROVIDER_available(NULL, "fips")) {
        return JSValueMakeBoolean(ctx, false);
    }
    ERR_clear_error();
    if (EVP_default_properties_enable_fips(NULL, enable) != 1) {
        return crypto_throw_openssl(ctx, exc, "Failed to set FIPS mode");
    }
    return JSValueMakeBoolean(ctx, true);
}

static JSValueRef crypto_secure_heap_used(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    rt_set_num(ctx, o, "total", 0);
    rt_set_num(ctx, o, "min", 0);
    rt_set_num(ctx, o, "used", (double)CRYPTO_secure_used());
    rt_set_num(ctx, o, "utilization", 0);
    return o;
}

static const JSStaticFunction crypto_functions[] = {
    {"randomFillSync", crypto_random_fill_sync, RT_FN_ATTRS},
    {"randomFill", crypto_random_fill, RT_FN_ATTRS},
    {"randomUUID", crypto_random_uuid, RT_FN_ATTRS},
    {"hashNew", crypto_hash_new, RT_FN_ATTRS},
    {"hashUpdate", crypto_hash_update, RT_FN_ATTRS},
    {"hashDigest", crypto_hash_digest, RT_FN_ATTRS},
    {"hashCopy", crypto_hash_copy, RT_FN_ATTRS},
    {"oneShotDigest", crypto_one_shot_digest, RT_FN_ATTRS},
    {"hmacNew", crypto_hmac_new, RT_FN_ATTRS},
    {"hmacUpdate", crypto_hmac_update, RT_FN_ATTRS},
    {"hmacDigest", crypto_hmac_digest, RT_FN_ATTRS},
    {"getHashes", crypto_get_hashes, RT_FN_ATTRS},
    {"digestId", crypto_digest_id, RT_FN_ATTRS},
    {"getCiphers", crypto_get_ciphers, RT_FN_ATTRS},
    {"getCurves", crypto_get_curves, RT_FN_ATTRS},
    {"digest", crypto_digest_job, RT_FN_ATTRS},
    {"digestSize", crypto_digest_size, RT_FN_ATTRS},
    {"pbkdf2", crypto_pbkdf2, RT_FN_ATTRS},
    {"hkdf", crypto_hkdf, RT_FN_ATTRS},
    {"scrypt", crypto_scrypt, RT_FN_ATTRS},
    {"checkScryptParams", crypto_check_scrypt_params, RT_FN_ATTRS},
    {"timingSafeEqual", crypto_timing_safe_equal, RT_FN_ATTRS},
    {"getFips", crypto_get_fips, RT_FN_ATTRS},
    {"setFips", crypto_set_fips, RT_FN_ATTRS},
    {"secureHeapUsed", crypto_secure_heap_used, RT_FN_ATTRS},
    {0, 0, 0},
};

/* node's crypto.constants (the numeric ones come from the OpenSSL headers). No OpenSSL
 * function runs here: the first one loads OpenSSL's configuration, which costs milliseconds,
 * and node's test harness loads node:crypto in every process. */
static void crypto_define_constants(JSContextRef ctx, JSObjectRef target) {
    JSObjectRef c = JSObjectMake(ctx, NULL, NULL);
#define CRYPTO_NUM(name) rt_set_num(ctx, c, #name, (double)(name))
    CRYPTO_NUM(OPENSSL_VERSION_NUMBER);
    CRYPTO_NUM(SSL_OP_ALL);
    CRYPTO_NUM(SSL_OP_ALLOW_NO_DHE_KEX);
    CRYPTO_NUM(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
    CRYPTO_NUM(SSL_OP_CIPHER_SERVER_PREFERENCE);
    CRYPTO_NUM(SSL_OP_CISCO_ANYCONNECT);
    CRYPTO_NUM(SSL_OP_COOKIE_EXCHANGE);
    CRYPTO_NUM(SSL_OP_CRYPTOPRO_TLSEXT_BUG);
    CRYPTO_NUM(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS);
    CRYPTO_NUM(SSL_OP_LEGACY_SERVER_CONNECT);
    CRYPTO_NUM(SSL_OP_NO_COMPRESSION);
    CRYPTO_NUM(SSL_OP_NO_ENCRYPT_THEN_MAC);
    CRYPTO_NUM(SSL_OP_NO_QUERY_MTU);
    CRYPTO_NUM(SSL_OP_NO_RENEGOTIATION);
    CRYPTO_NUM(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
    rt_set_num(ctx, c, "SSL_OP_NO_SSLv2", 0);
    CRYPTO_NUM(SSL_OP_NO_SSLv3);
    CRYPTO_NUM(SSL_OP_NO_TICKET);
    CRYPTO_NUM(SSL_OP_NO_TLSv1);
    CRYPTO_NUM(SSL_OP_NO_TLSv1_1);
    CRYPTO_NUM(SSL_OP_NO_TLSv1_2);
    CRYPTO_NUM(SSL_OP_NO_TLSv1_3);
    CRYPTO_NUM(SSL_OP_PRIORITIZE_CHACHA);
    CRYPTO_NUM(SSL_OP_TLS_ROLLBACK_BUG);
    /* The ENGINE_METHOD_* values (engine.h is deprecated API in OpenSSL 3). */
    rt_set_num(ctx, c, "ENGINE_METHOD_RSA", 0x0001);
    rt_set_num(ctx, c, "ENGINE_METHOD_DSA", 0x0002);
    rt_set_num(ctx, c, "ENGINE_METHOD_DH", 0x0004);
    rt_set_num(ctx, c, "ENGINE_METHOD_RAND", 0x0008);
    rt_set_num(ctx, c, "ENGINE_METHOD_EC", 0x0800);
    rt_set_num(ctx, c, "ENGINE_METHOD_CIPHERS", 0x0040);
    rt_set_num(ctx, c, "ENGINE_METHOD_DIGESTS", 0x0080);
    rt_set_num(ctx, c, "ENGINE_METHOD_PKEY_METHS", 0x0200);
    rt_set_num(ctx, c, "ENGINE_METHOD_PKEY_ASN1_METHS", 0x0400);
    rt_set_num(ctx, c, "ENGINE_METHOD_ALL", 0xFFFF);
    rt_set_num(ctx, c, "ENGINE_METHOD_NONE", 0x0000);
    rt_set_num(ctx, c, "DH_CHECK_P_NOT_SAFE_PRIME", 0x02);
    rt_set_num(ctx, c, "DH_CHECK_P_NOT_PRIME", 0x01);
    rt_set_num(ctx, c, "DH_UNABLE_TO_CHECK_GENERATOR", 0x04);
    rt_set_num(ctx, c, "DH_NOT_SUITABLE_GENERATOR", 0x08);
    CRYPTO_NUM(RSA_PKCS1_PADDING);
    CRYPTO_NUM(RSA_NO_PADDING);
    CRYPTO_NUM(RSA_PKCS1_OAEP_PADDING);
    CRYPTO_NUM(RSA_X931_PADDING);
    CRYPTO_NUM(RSA_PKCS1_PSS_PADDING);
    CRYPTO_NUM(RSA_PSS_SALTLEN_DIGEST);
    CRYPTO_NUM(RSA_PSS_SALTLEN_MAX_SIGN);
    CRYPTO_NUM(RSA_PSS_SALTLEN_AUTO);
    CRYPTO_NUM(TLS1_VERSION);
    CRYPTO_NUM(TLS1_1_VERSION);
    CRYPTO_NUM(TLS1_2_VERSION);
    CRYPTO_NUM(TLS1_3_VERSION);
    CRYPTO_NUM(POINT_CONVERSION_COMPRESSED);
    CRYPTO_NUM(POINT_CONVERSION_UNCOMPRESSED);
    CRYPTO_NUM(POINT_CONVERSION_HYBRID);
#undef CRYPTO_NUM
    rt_set(ctx, target, "constants", c);
}

/* ---- helpers for the other crypto_*.c files (crypto.h) ---- */

void rt__crypto_errors_capture(crypto_errors_t *errs) {
    crypto_errors_capture(errs);
}

JSObjectRef rt__crypto_error_from(JSContextRef ctx, const crypto_errors_t *errs,
                                  const char *fallback, bool decorate) {
    return crypto_error_from(ctx, errs, fallback, decorate);
}

JSValueRef rt__crypto_throw_openssl(JSContextRef ctx, JSValueRef *exc, const char *fallback) {
    return crypto_throw_openssl(ctx, exc, fallback);
}

bool rt__crypto_arg_bytes(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                          const uint8_t **data, size_t *len, char **owned, JSValueRef *exc) {
    return crypto_arg_bytes(ctx, argc, argv, i, data, len, owned, NULL, exc);
}

const EVP_MD *rt__crypto_md_get(const char *name) {
    return crypto_md_get(name);
}

JSValueRef rt__crypto_new_u8(JSContextRef ctx, const uint8_t *data, size_t len,
                             JSValueRef *exc) {
    return crypto_new_u8(ctx, data, len, exc);
}

bool rt__crypto_is_function(JSContextRef ctx, JSValueRef v) {
    return crypto_is_function(ctx, v);
}

static void crypto_gjob_work_cb(uv_work_t *w) {
    rt_crypto_job_t *j = w->data;
    ERR_clear_error();
    j->ok = j->run(j);
    if (!j->ok) {
        crypto_errors_capture(&j->errs);
    }
    ERR_clear_error();
}

static void crypto_gjob_after_cb(uv_work_t *w, int status) {
    rt_crypto_job_t *j = w->data;
    rt_env_t *env = j->env;
    JSContextRef ctx = env->ctx;
    JSValueRef args[2] = {JSValueMakeNull(ctx), JSValueMakeUndefined(ctx)};
    if (status < 0) {
        args[0] = rt_uv_error(ctx, status, "crypto", NULL, NULL);
    } else if (!j->ok) {
        args[0] = crypto_error_from(ctx, &j->errs, j->failure, j->decorate);
    } else {
        JSValueRef exc = NULL;
        JSValueRef v = j->finish(ctx, j, &exc);
        if (v) {
            args[1] = v;
        } else {
            args[0] = exc ? exc : JSValueMakeUndefined(ctx);
        }
    }
    JSObjectRef cb = j->cb;
    j->destroy(j);
    rt_make_callback(env, cb, NULL, 2, args);
    JSValueUnprotect(ctx, cb);
}

JSValueRef rt__crypto_job_submit(JSContextRef ctx, rt_crypto_job_t *j, JSValueRef cb,
                                 JSValueRef *exc) {
    if (crypto_is_function(ctx, cb)) {
        rt_env_t *env = rt_env_get();
        j->env = env;
        j->cb = (JSObjectRef)cb;
        j->work.data = j;
        int r = uv_queue_work(env->loop, &j->work, crypto_gjob_work_cb, crypto_gjob_after_cb);
        if (r < 0) {
            j->destroy(j);
            return rt_throw_uv(ctx, exc, r, "uv_queue_work", NULL, NULL);
        }
        JSValueProtect(ctx, j->cb);
        return JSValueMakeUndefined(ctx);
    }
    ERR_clear_error();
    j->ok = j->run(j);
    JSValueRef ret;
    if (!j->ok) {
        crypto_errors_t errs;
        crypto_errors_capture(&errs);
        *exc = crypto_error_from(ctx, &errs, j->failure, j->decorate);
        ret = NULL;
    } else {
        ret = j->finish(ctx, j, exc);
    }
    ERR_clear_error();
    j->destroy(j);
    return ret;
}

void rt_binding_crypto_init(rt_env_t *env, JSObjectRef target) {
    /* OpenSSL loads its configuration and default provider on first use (about 2 ms); node
     * does that at startup. Doing it here, when node:crypto loads, keeps it out of the first
     * createHash(), and caches the most used digest. */
    crypto_md_index("sha256", NULL);
    rt_define_functions(env, target, crypto_functions);
    crypto_define_constants(env->ctx, target);
    rt__crypto_keys_init(env, target);
    rt__crypto_cipher_init(env, target);
    rt__crypto_sign_init(env, target);
    rt__crypto_dh_init(env, target);
    rt__crypto_x509_init(env, target);
}
