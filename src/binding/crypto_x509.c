/* crypto_x509.c: X.509 certificates for the `crypto` binding (the X509Handle behind
 * crypto.X509Certificate): parsing PEM/DER, the fields node shows, and the host/email/IP,
 * issuer, private-key and signature checks. */
#include "crypto.h"

#include <limits.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

static JSClassRef x509_class;
static uv_once_t x509_once = UV_ONCE_INIT;

static void x509_finalize(JSObjectRef obj) {
    X509_free(JSObjectGetPrivate(obj));
}

static void x509_class_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "X509Handle";
    def.finalize = x509_finalize;
    x509_class = JSClassCreate(&def);
}

static X509 *x509_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    uv_once(&x509_once, x509_class_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, x509_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

X509 *rt__crypto_x509_of(JSContextRef ctx, JSValueRef v) {
    uv_once(&x509_once, x509_class_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, x509_class)) {
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

JSObjectRef rt__crypto_x509_wrap(JSContextRef ctx, X509 *x) {
    uv_once(&x509_once, x509_class_init);
    X509_up_ref(x);
    return JSObjectMake(ctx, x509_class, x);
}

/* x509Parse(bytes): an X509Handle from PEM or DER; throws OpenSSL's error. */
static JSValueRef x509_parse(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&x509_once, x509_class_init);
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 0, &data, &len, &owned, exc)) {
        return NULL;
    }
    ERR_clear_error();
    X509 *x = NULL;
    if (len <= INT_MAX) {
        BIO *bio = BIO_new_mem_buf(data, (int)len);
        x = bio ? PEM_read_bio_X509_AUX(bio, NULL, NULL, NULL) : NULL;
        BIO_free(bio);
        if (!x) {
            unsigned long pem_err = ERR_peek_last_error();
            const unsigned char *p = data;
            x = d2i_X509(NULL, &p, (long)len);
            if (x) {
                ERR_clear_error();
            } else {
                ERR_clear_error();
                ERR_raise(ERR_GET_LIB(pem_err), ERR_GET_REASON(pem_err));
            }
        }
    }
    free(owned);
    if (!x) {
        return rt__crypto_throw_openssl(ctx, exc, "Failed to parse certificate");
    }
    return JSObjectMake(ctx, x509_class, x);
}

/* The contents of a memory BIO as a JS string (trailing newline removed when trim). */
static JSValueRef x509_bio_string(JSContextRef ctx, BIO *bio, bool trim) {
    char *p = NULL;
    long n = BIO_get_mem_data(bio, &p);
    if (n < 0) {
        n = 0;
    }
    while (trim && n > 0 && p[n - 1] == '\n') {
        n--;
    }
    return rt_string_from_utf8(ctx, p ? p : "", (size_t)n);
}

static void x509_set_name(JSContextRef ctx, JSObjectRef o, const char *key, X509_NAME *name) {
    BIO *bio = BIO_new(BIO_s_mem());
    unsigned long flags = ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL |
                          ASN1_STRFLGS_UTF8_CONVERT | XN_FLAG_SEP_MULTILINE | XN_FLAG_FN_SN;
    if (bio && X509_NAME_print_ex(bio, name, 0, flags) >= 0) {
        rt_set(ctx, o, key, x509_bio_string(ctx, bio, false));
    }
    BIO_free(bio);
}

static void x509_set_ext(JSContextRef ctx, JSObjectRef o, const char *key, X509 *x, int nid) {
    int idx = X509_get_ext_by_NID(x, nid, -1);
    if (idx < 0) {
        return;
    }
    X509_EXTENSION *ext = X509_get_ext(x, idx);
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio && X509V3_EXT_print(bio, ext, 0, 0) == 1) {
        rt_set(ctx, o, key, x509_bio_string(ctx, bio, true));
    }
    BIO_free(bio);
}

static void x509_set_time(JSContextRef ctx, JSObjectRef o, const char *key,
                          const ASN1_TIME *t) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio && ASN1_TIME_print(bio, t) == 1) {
        rt_set(ctx, o, key, x509_bio_string(ctx, bio, false));
    }
    BIO_free(bio);
    struct tm tm;
    if (ASN1_TIME_to_tm(t, &tm) == 1) {
        char iso[64];
        snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        char k2[32];
        snprintf(k2, sizeof(k2), "%sISO", key);
        rt_set_str(ctx, o, k2, iso);
    }
}

static void x509_set_fingerprint(JSContextRef ctx, JSObjectRef o, const char *key, X509 *x,
                                 const EVP_MD *md) {
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (X509_digest(x, md, buf, &n) != 1) {
        return;
    }
    char out[EVP_MAX_MD_SIZE * 3 + 1];
    static const char digits[] = "0123456789ABCDEF";
    size_t k = 0;
    for (unsigned int i = 0; i < n; i++) {
        if (i) {
            out[k++] = ':';
        }
        out[k++] = digits[buf[i] >> 4];
        out[k++] = digits[buf[i] & 15];
    }
    out[k] = '\0';
    rt_set_str(ctx, o, key, out);
}

/* x509Info(handle): subject, issuer, subjectAltName, infoAccess, validFrom, validTo (and
 * *ISO forms), fingerprints, keyUsage (extended key usage OIDs), serialNumber, ca, raw. */
static JSValueRef x509_info(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[], JSValueRef *exc) {
    X509 *x = x509_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!x) {
        return NULL;
    }
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    x509_set_name(ctx, o, "subject", X509_get_subject_name(x));
    x509_set_name(ctx, o, "issuer", X509_get_issuer_name(x));
    x509_set_ext(ctx, o, "subjectAltName", x, NID_subject_alt_name);
    x509_set_ext(ctx, o, "infoAccess", x, NID_info_access);
    x509_set_time(ctx, o, "validFrom", X509_get0_notBefore(x));
    x509_set_time(ctx, o, "validTo", X509_get0_notAfter(x));
    x509_set_fingerprint(ctx, o, "fingerprint", x, EVP_sha1());
    x509_set_fingerprint(ctx, o, "fingerprint256", x, EVP_sha256());
    x509_set_fingerprint(ctx, o, "fingerprint512", x, EVP_sha512());
    EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(x, NID_ext_key_usage, NULL, NULL);
    if (eku) {
        int n = sk_ASN1_OBJECT_num(eku);
        JSValueRef items[64];
        size_t count = 0;
        for (int i = 0; i < n && count < 64; i++) {
            char buf[128];
            if (OBJ_obj2txt(buf, sizeof(buf), sk_ASN1_OBJECT_value(eku, i), 1) > 0) {
                items[count++] = rt_string_from_cstr(ctx, buf);
            }
        }
        rt_set(ctx, o, "keyUsage", JSObjectMakeArray(ctx, count, items, NULL));
        EXTENDED_KEY_USAGE_free(eku);
    }
    BIGNUM *serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
    if (serial) {
        char *hex = BN_bn2hex(serial);
        if (hex) {
            rt_set_str(ctx, o, "serialNumber", hex);
            OPENSSL_free(hex);
        }
        BN_free(serial);
    }
    rt_set_bool(ctx, o, "ca", X509_check_ca(x) == 1);
    unsigned char *der = NULL;
    int n = i2d_X509(x, &der);
    if (n > 0) {
        rt_set(ctx, o, "raw", rt__crypto_new_u8(ctx, der, (size_t)n, exc));
        OPENSSL_free(der);
    }
    ERR_clear_error();
    return *exc ? NULL : o;
}

/* x509Pem(handle): the PEM text. */
static JSValueRef x509_pem(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    X509 *x = x509_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!x) {
        return NULL;
    }
    BIO *bio = BIO_new(BIO_s_mem());
    JSValueRef r = JSValueMakeUndefined(ctx);
    if (bio && PEM_write_bio_X509(bio, x) == 1) {
        r = x509_bio_string(ctx, bio, false);
    }
    BIO_free(bio);
    return r;
}

/* x509PublicKey(handle): a public KeyObjectHandle. */
static JSValueRef x509_public_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    X509 *x = x509_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!x) {
        return NULL;
    }
    EVP_PKEY *pkey = X509_get_pubkey(x);
    if (!pkey) {
        return rt__crypto_throw_openssl(ctx, exc, "Failed to get public key");
    }
    JSObjectRef h = rt__crypto_key_wrap(ctx, pkey, false);
    EVP_PKEY_free(pkey);
    return h;
}

/* x509Check(handle, kind, value, flags): kind 0 host, 1 email, 2 IP. The matched name or
 * undefined. */
static JSValueRef x509_check(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    X509 *x = x509_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!x) {
        return NULL;
    }
    int kind = (int)rt_arg_int(ctx, argc, argv, 1);
    size_t len;
    char *value = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 2), &len, exc);
    if (!value) {
        return NULL;
    }
    unsigned int flags = (unsigned int)rt_arg_int(ctx, argc, argv, 3);
    JSValueRef r = JSValueMakeUndefined(ctx);
    if (kind == 0) {
        char *peer = NULL;
        if (X509_check_host(x, value, len, flags, &peer) == 1) {
            r = rt_string_from_cstr(ctx, peer ? peer : value);
        }
        OPENSSL_free(peer);
    } else if (kind == 1) {
        if (X509_check_email(x, value, len, flags) == 1) {
            r = rt_string_from_cstr(ctx, value);
        }
    } else {
        if (X509_check_ip_asc(x, value, flags) == 1) {
            r = rt_string_from_cstr(ctx, value);
        }
    }
    free(value);
    ERR_clear_error();
    return r;
}

/* x509CheckIssued(handle, issuerHandle): whether issuer issued handle. */
static JSValueRef x509_check_issued(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    X509 *x = x509_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    X509 *issuer = x ? x509_of(ctx, rt_arg(ctx, argc, argv, 1), exc) : NULL;
    if (!issuer) {
        return NULL;
    }
    bool ok = X509_check_issued(issuer, x) == X509_V_OK;
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, ok);
}

/* x509CheckKey(handle, keyHandle, private): checkPrivateKey (true) or verify (false). */
static JSValueRef x509_check_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                 size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    X509 *x = x509_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!x) {
        return NULL;
    }
    EVP_PKEY *pkey = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 1), NULL);
    if (!pkey) {
        return rt_throw_type_error(ctx, exc, "key must be a key handle");
    }
    bool ok = rt_bool(ctx, rt_arg(ctx, argc, argv, 2))
                  ? X509_check_private_key(x, pkey) == 1
                  : X509_verify(x, pkey) > 0;
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, ok);
}

/* ---- SPKAC (crypto.Certificate) ---- */

/* The SPKI of a base64 SPKAC (surrounding whitespace ignored); NULL if it does not
 * decode. */
static NETSCAPE_SPKI *x509_spkac(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                 JSValueRef *exc) {
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 0, &data, &len, &owned, exc)) {
        return NULL;
    }
    while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r' || data[len - 1] == ' ' ||
                       data[len - 1] == '\t')) {
        len--;
    }
    NETSCAPE_SPKI *spki = len > 0 && len <= INT_MAX
                              ? NETSCAPE_SPKI_b64_decode((const char *)data, (int)len)
                              : NULL;
    free(owned);
    ERR_clear_error();
    return spki;
}

/* spkac(bytes, what): 0 verify (boolean), 1 challenge (Uint8Array), 2 public key PEM
 * (Uint8Array). Undecodable input gives false or an empty array. */
static JSValueRef x509_spkac_op(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int what = (int)rt_arg_int(ctx, argc, argv, 1);
    NETSCAPE_SPKI *spki = x509_spkac(ctx, argc, argv, exc);
    if (*exc) {
        return NULL;
    }
    JSValueRef r;
    if (what == 0) {
        bool ok = false;
        EVP_PKEY *pkey = spki ? NETSCAPE_SPKI_get_pubkey(spki) : NULL;
        if (pkey) {
            ok = NETSCAPE_SPKI_verify(spki, pkey) > 0;
            EVP_PKEY_free(pkey);
        }
        r = JSValueMakeBoolean(ctx, ok);
    } else if (what == 1) {
        const unsigned char *p = NULL;
        int n = 0;
        if (spki && spki->spkac && spki->spkac->challenge) {
            p = ASN1_STRING_get0_data(spki->spkac->challenge);
            n = ASN1_STRING_length(spki->spkac->challenge);
        }
        r = rt__crypto_new_u8(ctx, p ? p : (const unsigned char *)"", n > 0 ? (size_t)n : 0,
                              exc);
    } else {
        EVP_PKEY *pkey = spki ? NETSCAPE_SPKI_get_pubkey(spki) : NULL;
        BIO *bio = pkey ? BIO_new(BIO_s_mem()) : NULL;
        char *p = NULL;
        long n = 0;
        if (bio && PEM_write_bio_PUBKEY(bio, pkey) == 1) {
            n = BIO_get_mem_data(bio, &p);
        }
        r = rt__crypto_new_u8(ctx, (const uint8_t *)(p ? p : ""), n > 0 ? (size_t)n : 0, exc);
        BIO_free(bio);
        EVP_PKEY_free(pkey);
    }
    NETSCAPE_SPKI_free(spki);
    ERR_clear_error();
    return r;
}

static const JSStaticFunction x509_functions[] = {
    {"spkac", x509_spkac_op, RT_FN_ATTRS},
    {"x509Parse", x509_parse, RT_FN_ATTRS},
    {"x509Info", x509_info, RT_FN_ATTRS},
    {"x509Pem", x509_pem, RT_FN_ATTRS},
    {"x509PublicKey", x509_public_key, RT_FN_ATTRS},
    {"x509Check", x509_check, RT_FN_ATTRS},
    {"x509CheckIssued", x509_check_issued, RT_FN_ATTRS},
    {"x509CheckKey", x509_check_key, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt__crypto_x509_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, x509_functions);
}
