/* tls_wrap.c: the `tls_wrap` binding: SecureContext (an OpenSSL SSL_CTX) and TLSWrap (an SSL
 * session over memory BIOs that decrypts what an underlying stream handle reads and encrypts
 * what is written to it), the native half of lib/_tls_common.js and lib/_tls_wrap.js. */
#include "binding/stream_wrap.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- OpenSSL errors ---- */

/* The short library name node puts in `ERR_OSSL_<LIB>_<REASON>` codes (SSL errors are
 * `ERR_SSL_<REASON>`). */
static const char *tls_lib_name(int lib) {
    switch (lib) {
    case ERR_LIB_SYS: return "SYS";
    case ERR_LIB_BN: return "BN";
    case ERR_LIB_RSA: return "RSA";
    case ERR_LIB_DH: return "DH";
    case ERR_LIB_EVP: return "EVP";
    case ERR_LIB_BUF: return "BUF";
    case ERR_LIB_OBJ: return "OBJ";
    case ERR_LIB_PEM: return "PEM";
    case ERR_LIB_X509: return "X509";
    case ERR_LIB_ASN1: return "ASN1";
    case ERR_LIB_CRYPTO: return "CRYPTO";
    case ERR_LIB_EC: return "EC";
    case ERR_LIB_BIO: return "BIO";
    case ERR_LIB_PKCS7: return "PKCS7";
    case ERR_LIB_X509V3: return "X509V3";
    case ERR_LIB_PKCS12: return "PKCS12";
    case ERR_LIB_RAND: return "RAND";
    default: return NULL;
    }
}

/* Sets library, reason and code on e from the OpenSSL error code err. */
static void tls_decorate_error(JSContextRef ctx, JSObjectRef e, unsigned long err) {
    const char *lib = ERR_lib_error_string(err);
    if (lib) {
        rt_set_str(ctx, e, "library", lib);
    }
    const char *reason = ERR_reason_error_string(err);
    if (!reason) {
        return;
    }
    rt_set_str(ctx, e, "reason", reason);
    char code[256];
    int n;
    if (ERR_GET_LIB(err) == ERR_LIB_SSL) {
        n = snprintf(code, sizeof(code), "ERR_SSL_");
    } else {
        const char *short_lib = tls_lib_name(ERR_GET_LIB(err));
        n = snprintf(code, sizeof(code), "ERR_OSSL_%s%s", short_lib ? short_lib : "",
                     short_lib ? "_" : "");
    }
    for (const char *r = reason; *r && n >= 0 && (size_t)n < sizeof(code) - 1; r++) {
        char c = *r;
        code[n++] = c == ' ' ? '_' : (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    code[n < 0 ? 0 : n] = '\0';
    rt_set_str(ctx, e, "code", code);
}

/* The queued OpenSSL errors as node's error ("error:0480006C:PEM routines::no start line"),
 * or a plain Error(fallback) when none is queued. Empties the queue. */
static JSObjectRef tls_openssl_error(JSContextRef ctx, const char *fallback) {
    unsigned long first = ERR_peek_error();
    char buf[256];
    if (first == 0) {
        snprintf(buf, sizeof(buf), "%s", fallback);
    } else {
        ERR_error_string_n(first, buf, sizeof(buf));
    }
    JSValueRef args[1] = {rt_string_from_cstr(ctx, buf)};
    JSObjectRef e = JSObjectMakeError(ctx, 1, args, NULL);
    if (first) {
        tls_decorate_error(ctx, e, first);
    }
    ERR_clear_error();
    return e;
}

static JSValueRef tls_throw_openssl(JSContextRef ctx, JSValueRef *exc, const char *fallback) {
    *exc = tls_openssl_error(ctx, fallback);
    return NULL;
}

typedef struct {
    char *buf;
    size_t len;
    size_t cap;
} tls_text_t;

static int tls_print_error_cb(const char *str, size_t len, void *u) {
    tls_text_t *t = u;
    if (t->len + len + 1 > t->cap) {
        size_t cap = (t->len + len + 1) * 2;
        char *nb = realloc(t->buf, cap);
        if (!nb) {
            return 0;
        }
        t->buf = nb;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, str, len);
    t->len += len;
    t->buf[t->len] = '\0';
    return 1;
}

/* A TLS failure as node reports it: the message is OpenSSL's printed error queue. */
static JSObjectRef tls_ssl_error(JSContextRef ctx, int ssl_err) {
    unsigned long first = ERR_peek_error();
    if (first == 0) {
        ERR_clear_error();
        const char *msg = ssl_err == SSL_ERROR_SYSCALL ? "socket hang up" : "TLS error";
        JSValueRef args[1] = {rt_string_from_cstr(ctx, msg)};
        JSObjectRef e = JSObjectMakeError(ctx, 1, args, NULL);
        if (ssl_err == SSL_ERROR_SYSCALL) {
            rt_set_str(ctx, e, "code", "ECONNRESET");
        }
        return e;
    }
    tls_text_t t = {0};
    ERR_print_errors_cb(tls_print_error_cb, &t);
    JSValueRef args[1] = {rt_string_from_utf8(ctx, t.buf ? t.buf : "", t.len)};
    free(t.buf);
    JSObjectRef e = JSObjectMakeError(ctx, 1, args, NULL);
    tls_decorate_error(ctx, e, first);
    ERR_clear_error();
    return e;
}

static bool tls_is_function(JSContextRef ctx, JSValueRef v) {
    return v && JSValueIsObject(ctx, v) && JSObjectIsFunction(ctx, (JSObjectRef)v);
}

/* ---- SecureContext ---- */

typedef struct {
    SSL_CTX *ctx;
} tls_ctx_t;

static JSClassRef tls_ctx_class;
static JSClassRef tls_wrap_class;
static int tls_ex_index = -1;

static void tls_ctx_finalize(JSObjectRef obj) {
    tls_ctx_t *c = JSObjectGetPrivate(obj);
    if (c) {
        SSL_CTX_free(c->ctx);
        free(c);
    }
}

static JSObjectRef tls_ctx_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    tls_ctx_t *c = calloc(1, sizeof(*c));
    RT_CHECK(c != NULL);
    return JSObjectMake(ctx, tls_ctx_class, c);
}

/* The SSL_CTX behind a SecureContext object, or NULL (after throwing) when there is none. */
static SSL_CTX *tls_ctx_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    if (!v || !JSValueIsObjectOfClass(ctx, v, tls_ctx_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    tls_ctx_t *c = JSObjectGetPrivate((JSObjectRef)v);
    if (!c || !c->ctx) {
        rt_throw_code(ctx, exc, "Error", "ERR_TLS_INVALID_STATE",
                      "SecureContext is not initialized");
        return NULL;
    }
    return c->ctx;
}

/* A BIO over argv[i] (a string or bytes); NULL (after throwing) for another type. The BIO
 * may borrow the JS bytes, so use it before returning to JS. */
static BIO *tls_arg_bio(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                        char **owned, JSValueRef *exc) {
    *owned = NULL;
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    size_t len;
    if (JSValueIsString(ctx, v)) {
        *owned = rt_to_utf8(ctx, v, &len, exc);
        if (!*owned) {
            return NULL;
        }
        return BIO_new_mem_buf(*owned, (int)len);
    }
    uint8_t *bytes = rt_bytes(ctx, v, &len);
    if (!bytes && JSValueGetTypedArrayType(ctx, v, NULL) == kJSTypedArrayTypeNone) {
        rt_throw_type_error(ctx, exc, "argument must be a string or a Buffer");
        return NULL;
    }
    if (len > INT32_MAX) {
        rt_throw_type_error(ctx, exc, "argument is too large");
        return NULL;
    }
    return BIO_new_mem_buf(bytes ? (const void *)bytes : "", (int)len);
}

static int tls_new_session_cb(SSL *ssl, SSL_SESSION *sess);
static int tls_alpn_select_cb(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                              const unsigned char *in, unsigned int inlen, void *arg);
static int tls_cert_cb(SSL *ssl, void *arg);
static void tls_keylog_cb(const SSL *ssl, const char *line);

/* init(minVersion, maxVersion): 0 means the library's bound. */
static JSValueRef tls_ctx_init(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    if (!JSValueIsObjectOfClass(ctx, self, tls_ctx_class)) {
        return rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    tls_ctx_t *c = JSObjectGetPrivate(self);
    if (c->ctx) {
        return JSValueMakeUndefined(ctx);
    }
    SSL_CTX *sc = SSL_CTX_new(TLS_method());
    if (!sc) {
        return tls_throw_openssl(ctx, exc, "SSL_CTX_new failed");
    }
    SSL_CTX_set_min_proto_version(sc, (int)rt_arg_int(ctx, argc, argv, 0));
    SSL_CTX_set_max_proto_version(sc, (int)rt_arg_int(ctx, argc, argv, 1));
    /* OpenSSL's built-in default, as node: the system configuration may ask for more. */
    SSL_CTX_set_security_level(sc, 1);
    SSL_CTX_set_options(sc, SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_mode(sc, SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_session_cache_mode(sc, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER |
                                           SSL_SESS_CACHE_NO_INTERNAL |
                                           SSL_SESS_CACHE_NO_AUTO_CLEAR);
    SSL_CTX_sess_set_new_cb(sc, tls_new_session_cb);
    SSL_CTX_set_alpn_select_cb(sc, tls_alpn_select_cb, NULL);
    SSL_CTX_set_cert_cb(sc, tls_cert_cb, NULL);
    SSL_CTX_set_keylog_callback(sc, tls_keylog_cb);
    c->ctx = sc;
    return JSValueMakeUndefined(ctx);
}

#define TLS_CTX_PROLOGUE()                                                                         \
    SSL_CTX *sc = tls_ctx_of(ctx, self, exc);                                                      \
    if (!sc) {                                                                                     \
        return NULL;                                                                               \
    }

/* setCert(pem): the first certificate is ours, the rest are sent as its chain. */
static JSValueRef tls_ctx_set_cert(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    char *owned;
    BIO *bio = tls_arg_bio(ctx, argc, argv, 0, &owned, exc);
    if (!bio) {
        return NULL;
    }
    ERR_clear_error();
    X509 *x = PEM_read_bio_X509_AUX(bio, NULL, NULL, NULL);
    if (!x) {
        BIO_free(bio);
        free(owned);
        return tls_throw_openssl(ctx, exc, "Failed to read certificate");
    }
    int ok = SSL_CTX_use_certificate(sc, x);
    X509_free(x);
    if (ok == 1) {
        SSL_CTX_clear_chain_certs(sc);
        X509 *ca;
        while ((ca = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
            if (!SSL_CTX_add0_chain_cert(sc, ca)) {
                X509_free(ca);
            }
        }
        ERR_clear_error();
    }
    BIO_free(bio);
    free(owned);
    if (ok != 1) {
        return tls_throw_openssl(ctx, exc, "Failed to set certificate");
    }
    return JSValueMakeUndefined(ctx);
}

typedef struct {
    const char *pass;
    size_t len;
} tls_pass_t;

static int tls_pass_cb(char *buf, int size, int rwflag, void *u) {
    const tls_pass_t *p = u;
    if (!p || !p->pass || size <= 0) {
        return -1;
    }
    size_t n = p->len < (size_t)size ? p->len : (size_t)size;
    memcpy(buf, p->pass, n);
    return (int)n;
}

/* setKey(pem, passphrase?) */
static JSValueRef tls_ctx_set_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    tls_pass_t pass = {NULL, 0};
    char *pass_owned = NULL;
    JSValueRef pv = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsUndefined(ctx, pv) && !JSValueIsNull(ctx, pv)) {
        pass_owned = rt_to_utf8(ctx, pv, &pass.len, exc);
        if (!pass_owned) {
            return NULL;
        }
        pass.pass = pass_owned;
    }
    char *owned;
    BIO *bio = tls_arg_bio(ctx, argc, argv, 0, &owned, exc);
    if (!bio) {
        free(pass_owned);
        return NULL;
    }
    ERR_clear_error();
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, tls_pass_cb, &pass);
    BIO_free(bio);
    free(owned);
    free(pass_owned);
    if (!key) {
        return tls_throw_openssl(ctx, exc, "Failed to read private key");
    }
    int ok = SSL_CTX_use_PrivateKey(sc, key);
    EVP_PKEY_free(key);
    if (ok != 1) {
        return tls_throw_openssl(ctx, exc, "Failed to set private key");
    }
    return JSValueMakeUndefined(ctx);
}

/* addCACert(pem): every certificate in it becomes trusted (and, on a server, a CA name sent
 * with a certificate request). Text that is not a certificate is ignored, as in node. */
static JSValueRef tls_ctx_add_ca_cert(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    char *owned;
    BIO *bio = tls_arg_bio(ctx, argc, argv, 0, &owned, exc);
    if (!bio) {
        return NULL;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(sc);
    X509 *x;
    while ((x = PEM_read_bio_X509_AUX(bio, NULL, NULL, NULL)) != NULL) {
        X509_STORE_add_cert(store, x);
        SSL_CTX_add_client_CA(sc, x);
        X509_free(x);
    }
    ERR_clear_error();
    BIO_free(bio);
    free(owned);
    return JSValueMakeUndefined(ctx);
}

/* addCRL(pem) */
static JSValueRef tls_ctx_add_crl(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    char *owned;
    BIO *bio = tls_arg_bio(ctx, argc, argv, 0, &owned, exc);
    if (!bio) {
        return NULL;
    }
    ERR_clear_error();
    X509_CRL *crl = PEM_read_bio_X509_CRL(bio, NULL, NULL, NULL);
    BIO_free(bio);
    free(owned);
    if (!crl) {
        return tls_throw_openssl(ctx, exc, "Failed to parse CRL");
    }
    X509_STORE *store = SSL_CTX_get_cert_store(sc);
    X509_STORE_add_crl(store, crl);
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    X509_CRL_free(crl);
    return JSValueMakeUndefined(ctx);
}

/* The system's trusted certificates, loaded once and shared by every context that uses them. */
static _Thread_local X509_STORE *tls_root_store;

static const char *const tls_root_files[] = {
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
    NULL,
};

static const char *tls_root_file(void) {
    const char *env = getenv("SSL_CERT_FILE");
    if (env && *env) {
        return env;
    }
    for (size_t i = 0; tls_root_files[i]; i++) {
        FILE *f = fopen(tls_root_files[i], "r");
        if (f) {
            fclose(f);
            return tls_root_files[i];
        }
    }
    return NULL;
}

static void tls_store_load_file(X509_STORE *store, const char *path) {
    BIO *bio = BIO_new_file(path, "r");
    if (!bio) {
        ERR_clear_error();
        return;
    }
    X509 *x;
    while ((x = PEM_read_bio_X509_AUX(bio, NULL, NULL, NULL)) != NULL) {
        X509_STORE_add_cert(store, x);
        X509_free(x);
    }
    BIO_free(bio);
    ERR_clear_error();
}

static X509_STORE *tls_get_root_store(void) {
    if (!tls_root_store) {
        tls_root_store = X509_STORE_new();
        RT_CHECK(tls_root_store != NULL);
        const char *file = tls_root_file();
        if (file) {
            tls_store_load_file(tls_root_store, file);
        }
        const char *extra = getenv("NODE_EXTRA_CA_CERTS");
        if (extra && *extra) {
            tls_store_load_file(tls_root_store, extra);
        }
    }
    return tls_root_store;
}

/* addRootCerts(): trust the system's certificate store. */
static JSValueRef tls_ctx_add_root_certs(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    X509_STORE *store = tls_get_root_store();
    X509_STORE_up_ref(store);
    SSL_CTX_set_cert_store(sc, store);
    return JSValueMakeUndefined(ctx);
}

/* A string argument as a malloc'd C string (NULL after throwing). */
static char *tls_arg_str(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                         JSValueRef *exc) {
    size_t len;
    char *s = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, i), &len, exc);
    if (s && strlen(s) != len) {
        free(s);
        rt_throw_type_error(ctx, exc, "argument must not contain NUL characters");
        return NULL;
    }
    return s;
}

typedef enum {
    TLS_SET_CIPHERS,
    TLS_SET_CIPHER_SUITES,
    TLS_SET_CURVES,
    TLS_SET_SIGALGS,
    TLS_SET_SID_CTX,
} tls_ctx_setter_t;

static JSValueRef tls_ctx_set_string(JSContextRef ctx, JSObjectRef self, size_t argc,
                                     const JSValueRef argv[], JSValueRef *exc,
                                     tls_ctx_setter_t what) {
    TLS_CTX_PROLOGUE();
    char *s = tls_arg_str(ctx, argc, argv, 0, exc);
    if (!s) {
        return NULL;
    }
    ERR_clear_error();
    int ok = 0;
    switch (what) {
    case TLS_SET_CIPHERS: ok = SSL_CTX_set_cipher_list(sc, s); break;
    case TLS_SET_CIPHER_SUITES: ok = SSL_CTX_set_ciphersuites(sc, s); break;
    case TLS_SET_CURVES: ok = SSL_CTX_set1_curves_list(sc, s); break;
    case TLS_SET_SIGALGS: ok = SSL_CTX_set1_sigalgs_list(sc, s); break;
    case TLS_SET_SID_CTX: {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int mdlen = 0;
        /* The id is at most 32 bytes: hash longer ones down. */
        size_t len = strlen(s);
        if (len <= SSL_MAX_SID_CTX_LENGTH) {
            ok = SSL_CTX_set_session_id_context(sc, (const unsigned char *)s, (unsigned)len);
        } else if (EVP_Digest(s, len, md, &mdlen, EVP_sha256(), NULL)) {
            ok = SSL_CTX_set_session_id_context(sc, md, mdlen);
        }
        break;
    }
    }
    free(s);
    if (ok != 1) {
        if (what == TLS_SET_CURVES) {
            ERR_clear_error();
            return rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_OPERATION_FAILED",
                                 "Failed to set ECDH curve");
        }
        if (what == TLS_SET_SIGALGS) {
            ERR_clear_error();
            return rt_throw_code(ctx, exc, "Error", "ERR_INVALID_ARG_VALUE",
                                 "Failed to set sigalgs");
        }
        return tls_throw_openssl(ctx, exc, "Failed to set option");
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_ctx_set_ciphers(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return tls_ctx_set_string(ctx, self, argc, argv, exc, TLS_SET_CIPHERS);
}

static JSValueRef tls_ctx_set_cipher_suites(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    return tls_ctx_set_string(ctx, self, argc, argv, exc, TLS_SET_CIPHER_SUITES);
}

static JSValueRef tls_ctx_set_ecdh_curve(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return tls_ctx_set_string(ctx, self, argc, argv, exc, TLS_SET_CURVES);
}

static JSValueRef tls_ctx_set_sigalgs(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return tls_ctx_set_string(ctx, self, argc, argv, exc, TLS_SET_SIGALGS);
}

static JSValueRef tls_ctx_set_session_id_context(JSContextRef ctx, JSObjectRef fn,
                                                 JSObjectRef self, size_t argc,
                                                 const JSValueRef argv[], JSValueRef *exc) {
    return tls_ctx_set_string(ctx, self, argc, argv, exc, TLS_SET_SID_CTX);
}

/* setDHParam(pem | 'auto') */
static JSValueRef tls_ctx_set_dh_param(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    if (JSValueIsString(ctx, v)) {
        char *s = rt_to_utf8(ctx, v, NULL, exc);
        if (!s) {
            return NULL;
        }
        bool is_auto = strcmp(s, "auto") == 0;
        free(s);
        if (is_auto) {
            SSL_CTX_set_dh_auto(sc, 1);
            return JSValueMakeNumber(ctx, 0);
        }
    }
    char *owned;
    BIO *bio = tls_arg_bio(ctx, argc, argv, 0, &owned, exc);
    if (!bio) {
        return NULL;
    }
    ERR_clear_error();
    EVP_PKEY *dh = PEM_read_bio_Parameters(bio, NULL);
    BIO_free(bio);
    free(owned);
    if (!dh) {
        return tls_throw_openssl(ctx, exc, "Failed to read DH parameters");
    }
    int bits = EVP_PKEY_get_bits(dh);
    if (SSL_CTX_set0_tmp_dh_pkey(sc, dh) != 1) {
        EVP_PKEY_free(dh);
        return tls_throw_openssl(ctx, exc, "Error setting temp DH parameter");
    }
    return JSValueMakeNumber(ctx, bits);
}

static JSValueRef tls_ctx_set_options(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    SSL_CTX_set_options(sc, (uint64_t)rt_arg_num(ctx, argc, argv, 0));
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_ctx_set_session_timeout(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                              size_t argc, const JSValueRef argv[],
                                              JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    int64_t t = rt_arg_int(ctx, argc, argv, 0);
    SSL_CTX_set_timeout(sc, t < 0 ? 0 : t > INT32_MAX ? INT32_MAX : (long)t);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_ctx_get_proto(JSContextRef ctx, JSObjectRef self, JSValueRef *exc,
                                    bool max) {
    TLS_CTX_PROLOGUE();
    return JSValueMakeNumber(ctx, max ? SSL_CTX_get_max_proto_version(sc)
                                      : SSL_CTX_get_min_proto_version(sc));
}

static JSValueRef tls_ctx_get_min_proto(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return tls_ctx_get_proto(ctx, self, exc, false);
}

static JSValueRef tls_ctx_get_max_proto(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return tls_ctx_get_proto(ctx, self, exc, true);
}

static JSValueRef tls_ctx_set_min_proto(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    SSL_CTX_set_min_proto_version(sc, (int)rt_arg_int(ctx, argc, argv, 0));
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_ctx_set_max_proto(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    SSL_CTX_set_max_proto_version(sc, (int)rt_arg_int(ctx, argc, argv, 0));
    return JSValueMakeUndefined(ctx);
}

/* loadPKCS12(pfx, passphrase?): the key, certificate and extra CA certificates of a PFX. */
static JSValueRef tls_ctx_load_pkcs12(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_CTX_PROLOGUE();
    char *pass = NULL;
    JSValueRef pv = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsUndefined(ctx, pv) && !JSValueIsNull(ctx, pv)) {
        pass = rt_to_utf8(ctx, pv, NULL, exc);
        if (!pass) {
            return NULL;
        }
    }
    char *owned;
    BIO *bio = tls_arg_bio(ctx, argc, argv, 0, &owned, exc);
    if (!bio) {
        free(pass);
        return NULL;
    }
    ERR_clear_error();
    EVP_PKEY *key = NULL;
    X509 *cert = NULL;
    STACK_OF(X509) *extra = NULL;
    PKCS12 *p12 = d2i_PKCS12_bio(bio, NULL);
    BIO_free(bio);
    free(owned);
    bool ok = p12 && PKCS12_parse(p12, pass ? pass : "", &key, &cert, &extra) == 1 && cert &&
              key;
    free(pass);
    PKCS12_free(p12);
    if (ok) {
        ok = SSL_CTX_use_certificate(sc, cert) == 1 && SSL_CTX_use_PrivateKey(sc, key) == 1;
    }
    if (ok) {
        X509_STORE *store = SSL_CTX_get_cert_store(sc);
        for (int i = 0; extra && i < sk_X509_num(extra); i++) {
            X509 *ca = sk_X509_value(extra, i);
            X509_up_ref(ca);
            if (!SSL_CTX_add1_chain_cert(sc, ca)) {
                ERR_clear_error();
            }
            X509_STORE_add_cert(store, ca);
            SSL_CTX_add_client_CA(sc, ca);
            X509_free(ca);
        }
    }
    EVP_PKEY_free(key);
    X509_free(cert);
    sk_X509_pop_free(extra, X509_free);
    if (!ok) {
        unsigned long err = ERR_peek_last_error();
        const char *reason = err ? ERR_reason_error_string(err) : NULL;
        JSValueRef args[1] = {rt_string_from_cstr(ctx, reason ? reason : "Unable to load PFX")};
        ERR_clear_error();
        *exc = JSObjectMakeError(ctx, 1, args, NULL);
        return NULL;
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_ctx_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction tls_ctx_methods[] = {
    {"init", tls_ctx_init, RT_FN_ATTRS},
    {"setCert", tls_ctx_set_cert, RT_FN_ATTRS},
    {"setKey", tls_ctx_set_key, RT_FN_ATTRS},
    {"addCACert", tls_ctx_add_ca_cert, RT_FN_ATTRS},
    {"addCRL", tls_ctx_add_crl, RT_FN_ATTRS},
    {"addRootCerts", tls_ctx_add_root_certs, RT_FN_ATTRS},
    {"setCiphers", tls_ctx_set_ciphers, RT_FN_ATTRS},
    {"setCipherSuites", tls_ctx_set_cipher_suites, RT_FN_ATTRS},
    {"setECDHCurve", tls_ctx_set_ecdh_curve, RT_FN_ATTRS},
    {"setSigalgs", tls_ctx_set_sigalgs, RT_FN_ATTRS},
    {"setDHParam", tls_ctx_set_dh_param, RT_FN_ATTRS},
    {"setOptions", tls_ctx_set_options, RT_FN_ATTRS},
    {"setSessionIdContext", tls_ctx_set_session_id_context, RT_FN_ATTRS},
    {"setSessionTimeout", tls_ctx_set_session_timeout, RT_FN_ATTRS},
    {"getMinProto", tls_ctx_get_min_proto, RT_FN_ATTRS},
    {"getMaxProto", tls_ctx_get_max_proto, RT_FN_ATTRS},
    {"setMinProto", tls_ctx_set_min_proto, RT_FN_ATTRS},
    {"setMaxProto", tls_ctx_set_max_proto, RT_FN_ATTRS},
    {"loadPKCS12", tls_ctx_load_pkcs12, RT_FN_ATTRS},
    {"close", tls_ctx_close, RT_FN_ATTRS},
    {0, 0, 0},
};

/* ---- certificates as node's objects ---- */

static JSValueRef tls_bytes_value(JSContextRef ctx, const uint8_t *data, size_t len) {
    uint8_t *out;
    JSObjectRef a = rt_uint8array_new(ctx, len, &out, NULL);
    if (!a) {
        return JSValueMakeUndefined(ctx);
    }
    if (len) {
        memcpy(out, data, len);
    }
    return a;
}

static JSValueRef tls_bio_string(JSContextRef ctx, BIO *bio) {
    char *data;
    long len = BIO_get_mem_data(bio, &data);
    return rt_string_from_utf8(ctx, data, len > 0 ? (size_t)len : 0);
}

static JSObjectRef tls_null_proto_object(JSContextRef ctx) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
    return o;
}

/* An X509_NAME as node's { CN: 'x', OU: ['a', 'b'] } (null prototype). */
static JSObjectRef tls_name_object(JSContextRef ctx, const X509_NAME *name) {
    JSObjectRef o = tls_null_proto_object(ctx);
    int n = X509_NAME_entry_count(name);
    for (int i = 0; i < n; i++) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
        const ASN1_OBJECT *obj = X509_NAME_ENTRY_get_object(e);
        char key[128];
        int nid = OBJ_obj2nid(obj);
        if (nid != NID_undef) {
            snprintf(key, sizeof(key), "%s", OBJ_nid2sn(nid));
        } else {
            OBJ_obj2txt(key, sizeof(key), obj, 1);
        }
        unsigned char *utf8 = NULL;
        int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
        JSValueRef value = rt_string_from_utf8(ctx, len > 0 ? (char *)utf8 : "",
                                               len > 0 ? (size_t)len : 0);
        OPENSSL_free(utf8);
        JSStringRef k = JSStringCreateWithUTF8CString(key);
        JSValueRef old = JSObjectGetProperty(ctx, o, k, NULL);
        if (JSValueIsUndefined(ctx, old)) {
            JSObjectSetProperty(ctx, o, k, value, kJSPropertyAttributeNone, NULL);
        } else if (JSValueIsArray(ctx, old)) {
            JSValueRef push = rt_get(ctx, (JSObjectRef)old, "push");
            if (tls_is_function(ctx, push)) {
                JSObjectCallAsFunction(ctx, (JSObjectRef)push, (JSObjectRef)old, 1, &value,
                                       NULL);
            }
        } else {
            JSValueRef items[2] = {old, value};
            JSObjectSetProperty(ctx, o, k, JSObjectMakeArray(ctx, 2, items, NULL),
                                kJSPropertyAttributeNone, NULL);
        }
        JSStringRelease(k);
    }
    return o;
}

/* Whether an alt name can be printed bare (else it is quoted as a JSON string, like node). */
static bool tls_name_is_safe(const unsigned char *s, size_t len, bool allow_colon) {
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c < 0x20 || c >= 0x7f || c == ',' || c == '"' || c == '\\' ||
            (c == ':' && !allow_colon)) {
            return false;
        }
    }
    return true;
}

static void tls_print_quoted(BIO *out, const unsigned char *s, size_t len) {
    BIO_write(out, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\') {
            BIO_printf(out, "\\%c", c);
        } else if (c < 0x20 || c == 0x7f) {
            BIO_printf(out, "\\u%04x", c);
        } else {
            BIO_write(out, &c, 1);
        }
    }
    BIO_write(out, "\"", 1);
}

static void tls_print_ia5(BIO *out, const char *prefix, const ASN1_STRING *s, bool allow_colon) {
    const unsigned char *d = ASN1_STRING_get0_data(s);
    size_t len = (size_t)ASN1_STRING_length(s);
    BIO_puts(out, prefix);
    if (tls_name_is_safe(d, len, allow_colon)) {
        BIO_write(out, d, (int)len);
    } else {
        tls_print_quoted(out, d, len);
    }
}

static void tls_print_general_name(BIO *out, const GENERAL_NAME *gen) {
    switch (gen->type) {
    case GEN_DNS: tls_print_ia5(out, "DNS:", gen->d.dNSName, false); break;
    case GEN_EMAIL: tls_print_ia5(out, "email:", gen->d.rfc822Name, false); break;
    case GEN_URI: tls_print_ia5(out, "URI:", gen->d.uniformResourceIdentifier, true); break;
    case GEN_IPADD: {
        const unsigned char *b = ASN1_STRING_get0_data(gen->d.iPAddress);
        int len = ASN1_STRING_length(gen->d.iPAddress);
        if (len == 4) {
            BIO_printf(out, "IP Address:%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
        } else if (len == 16) {
            BIO_puts(out, "IP Address:");
            for (int i = 0; i < 8; i++) {
                BIO_printf(out, "%s%X", i ? ":" : "", (unsigned)(b[2 * i] << 8 | b[2 * i + 1]));
            }
        } else {
            BIO_puts(out, "IP Address:<invalid>");
        }
        break;
    }
    case GEN_DIRNAME: {
        BIO_puts(out, "DirName:");
        BIO *tmp = BIO_new(BIO_s_mem());
        X509_NAME_print_ex(tmp, gen->d.directoryName, 0, XN_FLAG_RFC2253);
        char *data;
        long n = BIO_get_mem_data(tmp, &data);
        if (tls_name_is_safe((unsigned char *)data, n > 0 ? (size_t)n : 0, true)) {
            BIO_write(out, data, (int)n);
        } else {
            tls_print_quoted(out, (unsigned char *)data, n > 0 ? (size_t)n : 0);
        }
        BIO_free(tmp);
        break;
    }
    case GEN_RID: {
        char buf[128];
        OBJ_obj2txt(buf, sizeof(buf), gen->d.registeredID, 1);
        BIO_printf(out, "Registered ID:%s", buf);
        break;
    }
    case GEN_OTHERNAME: BIO_puts(out, "othername:<unsupported>"); break;
    case GEN_X400: BIO_puts(out, "X400Name:<unsupported>"); break;
    case GEN_EDIPARTY: BIO_puts(out, "EdiPartyName:<unsupported>"); break;
    default: break;
    }
}

static void tls_set_alt_names(JSContextRef ctx, JSObjectRef o, X509 *x) {
    GENERAL_NAMES *names = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
    if (!names) {
        return;
    }
    BIO *out = BIO_new(BIO_s_mem());
    for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
        if (i) {
            BIO_puts(out, ", ");
        }
        tls_print_general_name(out, sk_GENERAL_NAME_value(names, i));
    }
    rt_set(ctx, o, "subjectaltname", tls_bio_string(ctx, out));
    BIO_free(out);
    GENERAL_NAMES_free(names);
}

static void tls_set_info_access(JSContextRef ctx, JSObjectRef o, X509 *x) {
    AUTHORITY_INFO_ACCESS *info = X509_get_ext_d2i(x, NID_info_access, NULL, NULL);
    if (!info) {
        return;
    }
    BIO *out = BIO_new(BIO_s_mem());
    for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(info); i++) {
        ACCESS_DESCRIPTION *d = sk_ACCESS_DESCRIPTION_value(info, i);
        char method[128];
        int nid = OBJ_obj2nid(d->method);
        if (nid != NID_undef) {
            snprintf(method, sizeof(method), "%s", OBJ_nid2ln(nid));
        } else {
            OBJ_obj2txt(method, sizeof(method), d->method, 1);
        }
        if (i) {
            BIO_puts(out, "\n");
        }
        BIO_printf(out, "%s - ", method);
        tls_print_general_name(out, d->location);
    }
    rt_set(ctx, o, "infoAccess", tls_bio_string(ctx, out));
    BIO_free(out);
    AUTHORITY_INFO_ACCESS_free(info);
}

static void tls_set_fingerprint(JSContextRef ctx, JSObjectRef o, const char *name, X509 *x,
                                const EVP_MD *md) {
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!X509_digest(x, md, buf, &len)) {
        return;
    }
    char hex[EVP_MAX_MD_SIZE * 3 + 1];
    static const char digits[] = "0123456789ABCDEF";
    size_t n = 0;
    for (unsigned int i = 0; i < len; i++) {
        hex[n++] = digits[buf[i] >> 4];
        hex[n++] = digits[buf[i] & 15];
        hex[n++] = ':';
    }
    hex[n ? n - 1 : 0] = '\0';
    rt_set_str(ctx, o, name, hex);
}

static void tls_set_time(JSContextRef ctx, JSObjectRef o, const char *name, const ASN1_TIME *t) {
    BIO *out = BIO_new(BIO_s_mem());
    ASN1_TIME_print(out, t);
    rt_set(ctx, o, name, tls_bio_string(ctx, out));
    BIO_free(out);
}

static void tls_set_bn_hex(JSContextRef ctx, JSObjectRef o, const char *name, const BIGNUM *bn,
                           const char *prefix, bool lower) {
    char *hex = BN_bn2hex(bn);
    if (!hex) {
        return;
    }
    const char *digits = hex;
    if (prefix) {
        /* node prints the exponent without leading zeros: 0x10001. */
        while (digits[0] == '0' && digits[1]) {
            digits++;
        }
    }
    size_t len = strlen(digits) + (prefix ? strlen(prefix) : 0) + 1;
    char *s = malloc(len);
    RT_CHECK(s != NULL);
    snprintf(s, len, "%s%s", prefix ? prefix : "", digits);
    if (lower) {
        for (char *p = s; *p; p++) {
            if (*p >= 'A' && *p <= 'F') {
                *p = (char)(*p - 'A' + 'a');
            }
        }
    }
    rt_set_str(ctx, o, name, s);
    free(s);
    OPENSSL_free(hex);
}

static void tls_set_pubkey(JSContextRef ctx, JSObjectRef o, X509 *x) {
    EVP_PKEY *pk = X509_get0_pubkey(x);
    if (!pk) {
        ERR_clear_error();
        return;
    }
    int id = EVP_PKEY_get_base_id(pk);
    if (id == EVP_PKEY_RSA) {
        BIGNUM *n = NULL, *e = NULL;
        if (EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_N, &n) &&
            EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_E, &e)) {
            tls_set_bn_hex(ctx, o, "modulus", n, NULL, false);
            rt_set_num(ctx, o, "bits", EVP_PKEY_get_bits(pk));
            tls_set_bn_hex(ctx, o, "exponent", e, "0x", true);
        }
        BN_free(n);
        BN_free(e);
        unsigned char *der = NULL;
        int len = i2d_PUBKEY(pk, &der);
        if (len > 0) {
            rt_set(ctx, o, "pubkey", tls_bytes_value(ctx, der, (size_t)len));
        }
        OPENSSL_free(der);
    } else if (id == EVP_PKEY_EC) {
        rt_set_num(ctx, o, "bits", EVP_PKEY_get_bits(pk));
        unsigned char point[256];
        size_t plen = 0;
        if (EVP_PKEY_get_octet_string_param(pk, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point,
                                            sizeof(point), &plen)) {
            rt_set(ctx, o, "pubkey", tls_bytes_value(ctx, point, plen));
        }
        char group[80];
        size_t glen = 0;
        if (EVP_PKEY_get_utf8_string_param(pk, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                           &glen)) {
            int nid = OBJ_sn2nid(group);
            if (nid == NID_undef) {
                nid = EC_curve_nist2nid(group);
            }
            if (nid != NID_undef) {
                rt_set_str(ctx, o, "asn1Curve", OBJ_nid2sn(nid));
                const char *nist = EC_curve_nid2nist(nid);
                if (nist) {
                    rt_set_str(ctx, o, "nistCurve", nist);
                }
            }
        }
    }
    ERR_clear_error();
}

/* An X509 certificate as node's getPeerCertificate() object (without issuerCertificate). */
static JSObjectRef tls_cert_object(JSContextRef ctx, X509 *x) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    rt_set(ctx, o, "subject", tls_name_object(ctx, X509_get_subject_name(x)));
    rt_set(ctx, o, "issuer", tls_name_object(ctx, X509_get_issuer_name(x)));
    tls_set_alt_names(ctx, o, x);
    tls_set_info_access(ctx, o, x);
    rt_set_bool(ctx, o, "ca", X509_check_ca(x) == 1);
    tls_set_pubkey(ctx, o, x);
    tls_set_time(ctx, o, "valid_from", X509_get0_notBefore(x));
    tls_set_time(ctx, o, "valid_to", X509_get0_notAfter(x));
    tls_set_fingerprint(ctx, o, "fingerprint", x, EVP_sha1());
    tls_set_fingerprint(ctx, o, "fingerprint256", x, EVP_sha256());
    tls_set_fingerprint(ctx, o, "fingerprint512", x, EVP_sha512());
    EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(x, NID_ext_key_usage, NULL, NULL);
    if (eku) {
        int n = sk_ASN1_OBJECT_num(eku);
        JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
        for (int i = 0; i < n; i++) {
            char buf[128];
            OBJ_obj2txt(buf, sizeof(buf), sk_ASN1_OBJECT_value(eku, i), 1);
            JSObjectSetPropertyAtIndex(ctx, list, (unsigned)i, rt_string_from_cstr(ctx, buf),
                                       NULL);
        }
        rt_set(ctx, o, "ext_key_usage", list);
        sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    }
    BIGNUM *serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
    if (serial) {
        tls_set_bn_hex(ctx, o, "serialNumber", serial, NULL, false);
        BN_free(serial);
    }
    unsigned char *der = NULL;
    int len = i2d_X509(x, &der);
    if (len > 0) {
        rt_set(ctx, o, "raw", tls_bytes_value(ctx, der, (size_t)len));
    }
    OPENSSL_free(der);
    ERR_clear_error();
    return o;
}

/* ---- TLSWrap ---- */

/* An event an OpenSSL callback queued, delivered to JS once the SSL call returns. */
typedef struct tls_event {
    struct tls_event *next;
    int kind;
    size_t len;
    char data[];
} tls_event_t;

enum { TLS_EVENT_SESSION, TLS_EVENT_KEYLOG };

/* Plaintext written before the handshake finished. */
typedef struct tls_pending {
    struct tls_pending *next;
    JSObjectRef req; /* protected */
    size_t len;
    char data[];
} tls_pending_t;

/* The SNI certificate callback: not run yet, paused in OpenSSL, handed to JS, finished. */
enum { TLS_CERT_CB_IDLE, TLS_CERT_CB_RUNNING, TLS_CERT_CB_WAITING, TLS_CERT_CB_DONE };

typedef struct tls_wrap {
    rt_stream_consumer_t consumer;
    JSObjectRef obj;        /* protected until close() */
    JSObjectRef parent;     /* the underlying handle object, protected until close() */
    JSObjectRef ctx_obj;    /* the SecureContext object, protected while set */
    JSObjectRef sni_ctx;    /* a SecureContext chosen by SNI, protected while set */
    uv_stream_t *stream;    /* the parent's libuv stream, or NULL (parent is a JS object) */
    SSL *ssl;
    BIO *rbio;
    BIO *wbio;
    bool is_server;
    bool started;
    bool handshake_done;
    bool reading;
    bool parent_reading;
    bool eof_pending;
    bool eof_delivered;
    bool failed;
    bool closing;
    bool finalized;
    bool shutdown_pending;
    bool keylog;
    bool session_events;
    bool alpn_js;
    int cert_cb_state;
    bool cert_cb_enabled;
    int eof_status;
    int depth;       /* nesting of cycles / JS calls into this wrap */
    unsigned refs;   /* libuv requests in flight */
    JSObjectRef shutdown_req; /* protected while set */
    tls_pending_t *pending_head;
    tls_pending_t *pending_tail;
    tls_event_t *events_head;
    tls_event_t *events_tail;
    unsigned char *alpn; /* server: protocols in wire format, or NULL */
    size_t alpn_len;
} tls_wrap_t;

typedef struct {
    uv_write_t req;
    tls_wrap_t *w;
    JSObjectRef js_req; /* protected, or NULL */
    size_t len;
    char data[];
} tls_write_t;

typedef struct {
    uv_shutdown_t req;
    tls_wrap_t *w;
    JSObjectRef js_req; /* protected */
} tls_shutdown_t;

#define TLS_READ_CHUNK 65536

static void tls_free_ssl(tls_wrap_t *w) {
    if (w->ssl) {
        SSL_free(w->ssl);
        w->ssl = NULL;
        w->rbio = w->wbio = NULL;
    }
}

static void tls_release_pending(JSContextRef ctx, tls_wrap_t *w) {
    tls_pending_t *p = w->pending_head;
    while (p) {
        tls_pending_t *next = p->next;
        if (ctx) {
            JSValueUnprotect(ctx, p->req);
        }
        free(p);
        p = next;
    }
    w->pending_head = w->pending_tail = NULL;
    tls_event_t *e = w->events_head;
    while (e) {
        tls_event_t *next = e->next;
        free(e);
        e = next;
    }
    w->events_head = w->events_tail = NULL;
    if (w->shutdown_req && ctx) {
        JSValueUnprotect(ctx, w->shutdown_req);
    }
    w->shutdown_req = NULL;
}

/* Frees what can go once the wrap is idle: the SSL after close, the struct after the
 * finalizer and the last request. */
static void tls_maybe_free(tls_wrap_t *w) {
    if (w->depth > 0) {
        return;
    }
    if (w->closing) {
        tls_free_ssl(w);
    }
    if (w->finalized && w->refs == 0) {
        tls_free_ssl(w);
        tls_release_pending(NULL, w);
        free(w->alpn);
        free(w);
    }
}

static void tls_wrap_finalize(JSObjectRef obj) {
    tls_wrap_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    w->obj = NULL;
    w->finalized = true;
    rt_stream_wrap_unconsume(&w->consumer);
    tls_maybe_free(w);
}

static tls_wrap_t *tls_wrap_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    if (!self || !JSValueIsObjectOfClass(ctx, self, tls_wrap_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    tls_wrap_t *w = JSObjectGetPrivate(self);
    if (!w) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

/* Calls w.obj[name](...args). From a JS method (exc != NULL) a throw is stored in *exc; from
 * the loop it goes to the uncaught-exception path. Returns false when the call threw. */
static bool tls_emit(tls_wrap_t *w, const char *name, size_t argc, const JSValueRef argv[],
                     JSValueRef *exc) {
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    if (!w->obj) {
        return true;
    }
    JSValueRef fn = rt_get(ctx, w->obj, name);
    if (!tls_is_function(ctx, fn)) {
        return true;
    }
    if (exc) {
        JSValueRef e = NULL;
        JSObjectCallAsFunction(ctx, (JSObjectRef)fn, w->obj, argc, argv, &e);
        if (e) {
            *exc = e;
            return false;
        }
        return true;
    }
    return rt_make_callback(env, (JSObjectRef)fn, w->obj, argc, argv) != NULL;
}

/* Calls parent[name](...args) (plain call; a throw is stored in *exc when exc is given). */
static JSValueRef tls_call_parent(tls_wrap_t *w, const char *name, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    if (!w->parent) {
        return NULL;
    }
    JSValueRef fn = rt_get(ctx, w->parent, name);
    if (!tls_is_function(ctx, fn)) {
        return NULL;
    }
    JSValueRef e = NULL;
    JSValueRef r = JSObjectCallAsFunction(ctx, (JSObjectRef)fn, w->parent, argc, argv, &e);
    if (e) {
        if (exc) {
            *exc = e;
        }
        return NULL;
    }
    return r;
}

static void tls_write_cb(uv_write_t *req, int status) {
    tls_write_t *wr = req->data;
    tls_wrap_t *w = wr->w;
    rt_env_t *env = rt_env_get();
    JSObjectRef js_req = wr->js_req;
    free(wr);
    w->refs--;
    if (js_req) {
        w->depth++;
        JSValueRef fn = rt_get(env->ctx, js_req, "oncomplete");
        if (tls_is_function(env->ctx, fn)) {
            JSValueRef args[1] = {JSValueMakeNumber(env->ctx, status)};
            rt_make_callback(env, (JSObjectRef)fn, js_req, 1, args);
        }
        JSValueUnprotect(env->ctx, js_req);
        w->depth--;
    } else if (status < 0 && status != UV_ECANCELED && !w->closing && !w->failed) {
        w->depth++;
        JSValueRef args[1] = {rt_uv_error(env->ctx, status, "write", NULL, NULL)};
        tls_emit(w, "onerror", 1, args, NULL);
        w->depth--;
    }
    tls_maybe_free(w);
}

/* Sends what the SSL engine wrote to its output BIO down the parent. js_req (may be NULL)
 * completes when the bytes are written: *sync is set when that already happened. Returns 0
 * or a uv error. */
static int tls_flush(tls_wrap_t *w, JSObjectRef js_req, bool *sync, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    *sync = true;
    if (!w->ssl) {
        return 0;
    }
    size_t pending = BIO_ctrl_pending(w->wbio);
    if (pending == 0) {
        return 0;
    }
    if (!w->parent || w->closing) {
        (void)BIO_reset(w->wbio);
        return UV_EBADF;
    }
    if (!w->stream) {
        uint8_t *data;
        JSObjectRef chunk = rt_uint8array_new(ctx, pending, &data, NULL);
        if (!chunk) {
            return UV_ENOMEM;
        }
        BIO_read(w->wbio, data, (int)pending);
        JSValueRef args[1] = {chunk};
        JSValueRef e = NULL;
        tls_call_parent(w, "writeEncrypted", 1, args, &e);
        if (e && exc) {
            *exc = e;
        }
        return 0;
    }
    tls_write_t *wr = malloc(sizeof(*wr) + pending);
    if (!wr) {
        return UV_ENOMEM;
    }
    BIO_read(w->wbio, wr->data, (int)pending);
    wr->len = pending;
    uv_buf_t buf = uv_buf_init(wr->data, (unsigned)pending);
    if (w->stream->write_queue_size == 0) {
        int n = uv_try_write(w->stream, &buf, 1);
        if (n == (int)pending) {
            free(wr);
            return 0;
        }
        if (n > 0) {
            buf.base += n;
            buf.len -= (size_t)n;
        } else if (n != UV_EAGAIN && n != UV_ENOSYS) {
            free(wr);
            return n;
        }
    }
    *sync = false;
    wr->w = w;
    wr->js_req = js_req;
    if (js_req) {
        JSValueProtect(ctx, js_req);
    }
    wr->req.data = wr;
    int err = uv_write(&wr->req, w->stream, &buf, 1, tls_write_cb);
    if (err) {
        if (js_req) {
            JSValueUnprotect(ctx, js_req);
        }
        free(wr);
        *sync = true;
        return err;
    }
    w->refs++;
    return 0;
}

/* Flushes output produced by the engine itself (handshake, alerts, tickets). */
static bool tls_flush_internal(tls_wrap_t *w, JSValueRef *exc) {
    bool sync;
    int err = tls_flush(w, NULL, &sync, exc);
    if (exc && *exc) {
        return false;
    }
    if (err && err != UV_EBADF && !w->failed) {
        w->failed = true;
        JSValueRef args[1] = {rt_uv_error(rt_env_get()->ctx, err, "write", NULL, NULL)};
        tls_emit(w, "onerror", 1, args, exc);
        return false;
    }
    return true;
}

/* Starts or stops the parent's reads to match what the wrap needs: always during the
 * handshake, afterwards only while the TLS socket itself reads. */
static void tls_update_parent_reading(tls_wrap_t *w, JSValueRef *exc) {
    if (!w->parent || w->closing || !w->started) {
        return;
    }
    bool want = !w->handshake_done || w->reading;
    if (want == w->parent_reading) {
        return;
    }
    w->parent_reading = want;
    tls_call_parent(w, want ? "readStart" : "readStop", 0, NULL, exc);
}

static void tls_fail(tls_wrap_t *w, int ssl_err, JSValueRef *exc) {
    if (w->failed) {
        return;
    }
    JSContextRef ctx = rt_env_get()->ctx;
    JSObjectRef err = tls_ssl_error(ctx, ssl_err);
    /* Send the alert OpenSSL queued, then report. */
    bool sync;
    tls_flush(w, NULL, &sync, NULL);
    w->failed = true;
    JSValueRef args[1] = {err};
    tls_emit(w, "onerror", 1, args, exc);
}

static bool tls_dispatch_events(tls_wrap_t *w, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    while (w->events_head && !w->closing) {
        tls_event_t *e = w->events_head;
        w->events_head = e->next;
        if (!w->events_head) {
            w->events_tail = NULL;
        }
        JSValueRef args[1] = {tls_bytes_value(ctx, (uint8_t *)e->data, e->len)};
        const char *name = e->kind == TLS_EVENT_SESSION ? "onnewsession" : "onkeylog";
        free(e);
        if (!tls_emit(w, name, 1, args, exc)) {
            return false;
        }
    }
    return true;
}

/* Encrypts len bytes of plaintext into the output BIO. Returns 0 or a uv error. */
static int tls_encrypt(tls_wrap_t *w, const char *data, size_t len) {
    size_t off = 0;
    while (off < len) {
        size_t n = len - off > INT32_MAX ? INT32_MAX : len - off;
        ERR_clear_error();
        int r = SSL_write(w->ssl, data + off, (int)n);
        if (r <= 0) {
            ERR_clear_error();
            return UV_EPROTO;
        }
        off += (size_t)r;
    }
    return 0;
}

/* Completes a JS write request from C (after queued plaintext was flushed). */
static void tls_complete_req(tls_wrap_t *w, JSObjectRef req, int status, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    JSValueRef fn = rt_get(ctx, req, "oncomplete");
    if (tls_is_function(ctx, fn)) {
        JSValueRef args[1] = {JSValueMakeNumber(ctx, status)};
        JSValueRef e = NULL;
        JSObjectCallAsFunction(ctx, (JSObjectRef)fn, req, 1, args, &e);
        if (e && exc && !*exc) {
            *exc = e;
        } else if (e) {
            rt_fatal_exception(rt_env_get(), e);
        }
    }
}

static int tls_do_shutdown(tls_wrap_t *w, JSObjectRef req, JSValueRef *exc);

/* Writes the plaintext queued before the handshake finished. */
static bool tls_flush_pending(tls_wrap_t *w, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    while (w->pending_head && !w->closing && w->ssl) {
        tls_pending_t *p = w->pending_head;
        w->pending_head = p->next;
        if (!w->pending_head) {
            w->pending_tail = NULL;
        }
        int err = tls_encrypt(w, p->data, p->len);
        bool sync = true;
        if (!err) {
            err = tls_flush(w, p->req, &sync, exc);
        }
        JSObjectRef req = p->req;
        free(p);
        if (err || sync) {
            tls_complete_req(w, req, err, exc);
        }
        JSValueUnprotect(ctx, req);
        if (exc && *exc) {
            return false;
        }
    }
    if (w->shutdown_req && !w->pending_head && !w->closing) {
        JSObjectRef req = w->shutdown_req;
        w->shutdown_req = NULL;
        int err = tls_do_shutdown(w, req, exc);
        if (err) {
            tls_complete_req(w, req, err, exc);
        }
        JSValueUnprotect(ctx, req);
    }
    return !(exc && *exc);
}

/* The handshake can no longer finish: queued writes fail and a queued shutdown goes ahead
 * (without close_notify). */
static void tls_abort_pending(tls_wrap_t *w, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    while (w->pending_head && !w->closing) {
        tls_pending_t *p = w->pending_head;
        w->pending_head = p->next;
        if (!w->pending_head) {
            w->pending_tail = NULL;
        }
        JSObjectRef req = p->req;
        free(p);
        tls_complete_req(w, req, UV_ECANCELED, exc);
        JSValueUnprotect(ctx, req);
    }
    if (w->shutdown_req && !w->closing) {
        JSObjectRef req = w->shutdown_req;
        w->shutdown_req = NULL;
        int err = tls_do_shutdown(w, req, exc);
        if (err) {
            tls_complete_req(w, req, err, exc);
        }
        JSValueUnprotect(ctx, req);
    }
}

/* Decrypts what is buffered and hands it to onread, while the socket reads. */
static bool tls_read_clear(tls_wrap_t *w, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    while (w->reading && w->ssl && !w->closing && !w->failed && !w->eof_delivered) {
        char *buf = malloc(TLS_READ_CHUNK);
        if (!buf) {
            return false;
        }
        size_t got = 0;
        int ssl_err = SSL_ERROR_NONE;
        while (got < TLS_READ_CHUNK) {
            ERR_clear_error();
            int r = SSL_read(w->ssl, buf + got, (int)(TLS_READ_CHUNK - got));
            if (r <= 0) {
                ssl_err = SSL_get_error(w->ssl, r);
                break;
            }
            got += (size_t)r;
        }
        if (got > 0) {
            char *data = buf;
            if (got < TLS_READ_CHUNK / 2) {
                char *shrunk = realloc(buf, got);
                if (shrunk) {
                    data = shrunk;
                }
            }
            JSObjectRef chunk = rt_uint8array_take(ctx, (uint8_t *)data, got, NULL);
            if (!chunk) {
                return false;
            }
            JSValueRef args[2] = {JSValueMakeNumber(ctx, (double)got), chunk};
            if (!tls_emit(w, "onread", 2, args, exc)) {
                return false;
            }
        } else {
            free(buf);
        }
        if (!tls_dispatch_events(w, exc)) {
            return false;
        }
        if (ssl_err == SSL_ERROR_NONE) {
            continue;
        }
        if (ssl_err == SSL_ERROR_WANT_READ || ssl_err == SSL_ERROR_WANT_WRITE) {
            ERR_clear_error();
            break;
        }
        if (ssl_err == SSL_ERROR_ZERO_RETURN) {
            /* close_notify from the peer: the end of the plaintext stream. */
            ERR_clear_error();
            if (!w->closing && !w->eof_delivered && w->reading) {
                w->eof_delivered = true;
                JSValueRef args[1] = {JSValueMakeNumber(ctx, UV_EOF)};
                return tls_emit(w, "onread", 1, args, exc);
            }
            break;
        }
        tls_fail(w, ssl_err, exc);
        return false;
    }
    if (w->eof_pending && !w->eof_delivered && w->reading && !w->closing && !w->failed &&
        w->ssl && SSL_pending(w->ssl) == 0) {
        w->eof_delivered = true;
        JSValueRef args[1] = {JSValueMakeNumber(ctx, w->eof_status)};
        return tls_emit(w, "onread", 1, args, exc);
    }
    return true;
}

/* Drives the engine: handshake, then decrypted reads, then output. exc != NULL when called
 * from a JS method (callbacks then throw into it). */
static void tls_cycle(tls_wrap_t *w, JSValueRef *exc) {
    if (!w->ssl || w->closing || w->failed || !w->started) {
        return;
    }
    JSContextRef ctx = rt_env_get()->ctx;
    w->depth++;
    if (!w->handshake_done) {
        ERR_clear_error();
        int r = SSL_do_handshake(w->ssl);
        if (r == 1) {
            w->handshake_done = true;
            if (!tls_dispatch_events(w, exc)) {
                goto out;
            }
            /* node reports the handshake before its last flight is sent: a client that
             * rejects the server's certificate closes without sending its Finished. */
            if (!tls_emit(w, "onhandshakedone", 0, NULL, exc) || w->closing) {
                goto out;
            }
            tls_update_parent_reading(w, exc);
            if (!tls_flush_internal(w, exc) || !tls_flush_pending(w, exc)) {
                goto out;
            }
        } else {
            int e = SSL_get_error(w->ssl, r);
            if (e == SSL_ERROR_WANT_X509_LOOKUP) {
                if (w->cert_cb_state == TLS_CERT_CB_RUNNING) {
                    /* Handed to JS (SNICallback); certCbDone() resumes. */
                    w->cert_cb_state = TLS_CERT_CB_WAITING;
                    const char *sn = SSL_get_servername(w->ssl, TLSEXT_NAMETYPE_host_name);
                    JSValueRef args[1] = {sn ? rt_string_from_cstr(ctx, sn)
                                             : JSValueMakeUndefined(ctx)};
                    tls_emit(w, "oncertcb", 1, args, exc);
                }
                goto out;
            }
            if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
                tls_dispatch_events(w, exc);
                tls_fail(w, e, exc);
                goto out;
            }
            ERR_clear_error();
            if (!tls_dispatch_events(w, exc) || !tls_flush_internal(w, exc)) {
                goto out;
            }
        }
    }
    if (w->handshake_done) {
        if (!tls_read_clear(w, exc)) {
            goto out;
        }
        tls_flush_internal(w, exc);
    }
    /* The peer closed the connection in the middle of the handshake. */
    if (!w->handshake_done && w->eof_pending && !w->eof_delivered && !w->closing && !w->failed) {
        w->eof_delivered = true;
        JSValueRef args[1] = {JSValueMakeNumber(ctx, w->eof_status)};
        if (tls_emit(w, "onread", 1, args, exc)) {
            tls_abort_pending(w, exc);
        }
    }
out:
    w->depth--;
    tls_maybe_free(w);
}

static void tls_consumer_on_read(rt_stream_consumer_t *c, const char *data, size_t len) {
    tls_wrap_t *w = (tls_wrap_t *)c;
    if (!w->rbio || w->closing) {
        return;
    }
    BIO_write(w->rbio, data, (int)len);
    tls_cycle(w, NULL);
}

static void tls_consumer_on_detach(rt_stream_consumer_t *c) {
    tls_wrap_t *w = (tls_wrap_t *)c;
    w->stream = NULL;
}

/* ---- OpenSSL callbacks ---- */

static tls_wrap_t *tls_wrap_of_ssl(const SSL *ssl) {
    return ssl ? SSL_get_ex_data(ssl, tls_ex_index) : NULL;
}

static void tls_queue_event(tls_wrap_t *w, int kind, const void *data, size_t len) {
    tls_event_t *e = malloc(sizeof(*e) + len);
    if (!e) {
        return;
    }
    e->next = NULL;
    e->kind = kind;
    e->len = len;
    memcpy(e->data, data, len);
    if (w->events_tail) {
        w->events_tail->next = e;
    } else {
        w->events_head = e;
    }
    w->events_tail = e;
}

static int tls_new_session_cb(SSL *ssl, SSL_SESSION *sess) {
    tls_wrap_t *w = tls_wrap_of_ssl(ssl);
    if (!w || SSL_is_server(ssl) || !w->session_events) {
        return 0;
    }
    int len = i2d_SSL_SESSION(sess, NULL);
    if (len <= 0) {
        return 0;
    }
    unsigned char *der = malloc((size_t)len);
    if (!der) {
        return 0;
    }
    unsigned char *p = der;
    i2d_SSL_SESSION(sess, &p);
    tls_queue_event(w, TLS_EVENT_SESSION, der, (size_t)len);
    free(der);
    return 0;
}

static void tls_keylog_cb(const SSL *ssl, const char *line) {
    tls_wrap_t *w = tls_wrap_of_ssl(ssl);
    if (!w || !w->keylog) {
        return;
    }
    size_t len = strlen(line);
    char *copy = malloc(len + 1);
    if (!copy) {
        return;
    }
    memcpy(copy, line, len);
    copy[len] = '\n';
    tls_queue_event(w, TLS_EVENT_KEYLOG, copy, len + 1);
    free(copy);
}

static int tls_cert_cb(SSL *ssl, void *arg) {
    tls_wrap_t *w = tls_wrap_of_ssl(ssl);
    if (!w || !SSL_is_server(ssl) || !w->cert_cb_enabled) {
        return 1;
    }
    if (w->cert_cb_state == TLS_CERT_CB_DONE) {
        return 1;
    }
    if (w->cert_cb_state == TLS_CERT_CB_IDLE) {
        w->cert_cb_state = TLS_CERT_CB_RUNNING;
    }
    return -1;
}

static int tls_alpn_select_cb(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                              const unsigned char *in, unsigned int inlen, void *arg) {
    tls_wrap_t *w = tls_wrap_of_ssl(ssl);
    if (!w) {
        return SSL_TLSEXT_ERR_NOACK;
    }
    if (w->alpn_js && w->obj) {
        /* ALPNCallback: JS picks one of the client's protocols (or none). */
        JSContextRef ctx = rt_env_get()->ctx;
        JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
        unsigned n = 0;
        for (unsigned int i = 0; i < inlen;) {
            unsigned int l = in[i];
            if (i + 1 + l > inlen) {
                break;
            }
            JSObjectSetPropertyAtIndex(ctx, list, n++,
                                       rt_string_from_utf8(ctx, (const char *)in + i + 1, l),
                                       NULL);
            i += 1 + l;
        }
        JSValueRef fn = rt_get(ctx, w->obj, "onalpnselect");
        if (!tls_is_function(ctx, fn)) {
            return SSL_TLSEXT_ERR_NOACK;
        }
        JSValueRef e = NULL;
        JSValueRef args[1] = {list};
        JSValueRef r = JSObjectCallAsFunction(ctx, (JSObjectRef)fn, w->obj, 1, args, &e);
        if (e || !r || !JSValueIsNumber(ctx, r)) {
            return SSL_TLSEXT_ERR_ALERT_FATAL;
        }
        double idx = rt_num(ctx, r);
        /* The index of the chosen protocol in the client's list. */
        unsigned k = 0;
        for (unsigned int i = 0; i < inlen; k++) {
            unsigned int l = in[i];
            if (i + 1 + l > inlen) {
                break;
            }
            if ((double)k == idx) {
                *out = in + i + 1;
                *outlen = (unsigned char)l;
                return SSL_TLSEXT_ERR_OK;
            }
            i += 1 + l;
        }
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    if (!w->alpn) {
        return SSL_TLSEXT_ERR_NOACK;
    }
    unsigned char *sel = NULL;
    unsigned char sel_len = 0;
    int r = SSL_select_next_proto(&sel, &sel_len, w->alpn, (unsigned)w->alpn_len, in, inlen);
    if (r != OPENSSL_NPN_NEGOTIATED) {
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    *out = sel;
    *outlen = sel_len;
    return SSL_TLSEXT_ERR_OK;
}

static int tls_verify_cb(int ok, X509_STORE_CTX *store) {
    /* The result is kept in the session; JS decides (rejectUnauthorized). */
    return 1;
}

/* ---- TLSWrap methods ---- */

/* wrap(parent, secureContext, isServer) -> TLSWrap. parent is a stream handle (read and
 * written natively) or a JS object with readStart/readStop/shutdown/close/writeEncrypted. */
static JSValueRef tls_wrap_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef parent = rt_arg(ctx, argc, argv, 0);
    JSValueRef ctx_obj = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsObject(ctx, parent)) {
        return rt_throw_type_error(ctx, exc, "parent must be an object");
    }
    SSL_CTX *sc = tls_ctx_of(ctx, ctx_obj, exc);
    if (!sc) {
        return NULL;
    }
    bool is_server = rt_bool(ctx, rt_arg(ctx, argc, argv, 2));
    SSL *ssl = SSL_new(sc);
    if (!ssl) {
        return tls_throw_openssl(ctx, exc, "SSL_new failed");
    }
    BIO *rbio = BIO_new(BIO_s_mem());
    BIO *wbio = BIO_new(BIO_s_mem());
    if (!rbio || !wbio) {
        BIO_free(rbio);
        BIO_free(wbio);
        SSL_free(ssl);
        return tls_throw_openssl(ctx, exc, "BIO_new failed");
    }
    BIO_set_mem_eof_return(rbio, -1);
    BIO_set_mem_eof_return(wbio, -1);
    SSL_set_bio(ssl, rbio, wbio);
    tls_wrap_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    w->ssl = ssl;
    w->rbio = rbio;
    w->wbio = wbio;
    w->is_server = is_server;
    w->session_events = true;
    w->eof_status = UV_EOF;
    SSL_set_ex_data(ssl, tls_ex_index, w);
    if (is_server) {
        SSL_set_accept_state(ssl);
        SSL_set_verify(ssl, SSL_VERIFY_NONE, tls_verify_cb);
    } else {
        SSL_set_connect_state(ssl);
        SSL_set_verify(ssl, SSL_VERIFY_NONE, tls_verify_cb);
    }
    w->consumer.on_read = tls_consumer_on_read;
    w->consumer.on_detach = tls_consumer_on_detach;
    JSObjectRef obj = JSObjectMake(ctx, tls_wrap_class, w);
    w->obj = obj;
    JSValueProtect(ctx, obj);
    w->parent = (JSObjectRef)parent;
    JSValueProtect(ctx, parent);
    w->ctx_obj = (JSObjectRef)ctx_obj;
    JSValueProtect(ctx, ctx_obj);
    w->stream = rt_stream_wrap_stream(ctx, parent);
    if (w->stream && rt_stream_wrap_consume(ctx, parent, &w->consumer) != 0) {
        /* Someone else consumes it: fall back to reads through JS (receive()). */
        w->stream = NULL;
    }
    return obj;
}

#define TLS_WRAP_PROLOGUE()                                                                        \
    tls_wrap_t *w = tls_wrap_this(ctx, self, exc);                                                 \
    if (!w) {                                                                                      \
        return NULL;                                                                               \
    }

/* start(): begins the handshake (a client sends its hello) and the parent's reads. */
static JSValueRef tls_wrap_start(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (w->started || !w->ssl || w->closing) {
        return JSValueMakeUndefined(ctx);
    }
    w->started = true;
    tls_update_parent_reading(w, exc);
    if (*exc) {
        return NULL;
    }
    tls_cycle(w, exc);
    return *exc ? NULL : JSValueMakeUndefined(ctx);
}

/* receive(bytes): ciphertext from a parent whose reads come through JS. */
static JSValueRef tls_wrap_receive(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    size_t len;
    uint8_t *bytes = rt_bytes(ctx, rt_arg(ctx, argc, argv, 0), &len);
    if (!w->rbio || w->closing || len == 0 || !bytes) {
        return JSValueMakeUndefined(ctx);
    }
    BIO_write(w->rbio, bytes, (int)len);
    tls_cycle(w, exc);
    return *exc ? NULL : JSValueMakeUndefined(ctx);
}

/* receiveEnd(status): the parent reached EOF (UV_EOF) or failed. */
static JSValueRef tls_wrap_receive_end(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (w->eof_pending || w->closing) {
        return JSValueMakeUndefined(ctx);
    }
    w->eof_pending = true;
    w->eof_status = (int)rt_arg_int(ctx, argc, argv, 0);
    if (!w->ssl || !w->started || w->failed) {
        w->eof_delivered = true;
        JSValueRef args[1] = {JSValueMakeNumber(ctx, w->eof_status)};
        w->depth++;
        tls_emit(w, "onread", 1, args, exc);
        w->depth--;
        tls_maybe_free(w);
        return *exc ? NULL : JSValueMakeUndefined(ctx);
    }
    tls_cycle(w, exc);
    return *exc ? NULL : JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_read_start(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (w->closing) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    if (w->reading) {
        return JSValueMakeNumber(ctx, 0);
    }
    w->reading = true;
    tls_update_parent_reading(w, exc);
    if (*exc) {
        return NULL;
    }
    if (w->handshake_done && w->ssl &&
        (SSL_pending(w->ssl) > 0 || BIO_ctrl_pending(w->rbio) > 0 || w->eof_pending)) {
        tls_cycle(w, exc);
        if (*exc) {
            return NULL;
        }
    }
    return JSValueMakeNumber(ctx, 0);
}

static JSValueRef tls_wrap_read_stop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (w->closing) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    w->reading = false;
    tls_update_parent_reading(w, exc);
    return *exc ? NULL : JSValueMakeNumber(ctx, 0);
}

/* Writes plaintext for a JS request: now, or after the handshake. Returns 0 or a uv error. */
static int tls_write_plain(JSContextRef ctx, tls_wrap_t *w, JSObjectRef req, const char *data,
                           size_t len, JSValueRef *exc) {
    if (!w->ssl || w->closing || w->failed) {
        return UV_EBADF;
    }
    if (!w->handshake_done || w->pending_head) {
        tls_pending_t *p = malloc(sizeof(*p) + len);
        if (!p) {
            return UV_ENOMEM;
        }
        p->next = NULL;
        p->req = req;
        JSValueProtect(ctx, req);
        p->len = len;
        if (len) {
            memcpy(p->data, data, len);
        }
        if (w->pending_tail) {
            w->pending_tail->next = p;
        } else {
            w->pending_head = p;
        }
        w->pending_tail = p;
        rt_stream_write_result(len, true);
        return 0;
    }
    int err = tls_encrypt(w, data, len);
    if (err) {
        return err;
    }
    bool sync;
    err = tls_flush(w, req, &sync, exc);
    if (err) {
        return err;
    }
    rt_stream_write_result(len, !sync);
    return 0;
}

static bool tls_check_req(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                          JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) {
        rt_throw_type_error(ctx, exc, "req must be an object");
        return false;
    }
    return true;
}

static JSValueRef tls_wrap_write_buffer(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (!tls_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    JSValueRef data = rt_arg(ctx, argc, argv, 1);
    size_t len;
    uint8_t *bytes = rt_bytes(ctx, data, &len);
    if (!bytes && JSValueGetTypedArrayType(ctx, data, NULL) == kJSTypedArrayTypeNone) {
        return rt_throw_type_error(ctx, exc, "data must be a TypedArray or DataView");
    }
    int err = tls_write_plain(ctx, w, (JSObjectRef)argv[0], (const char *)bytes, len, exc);
    return *exc ? NULL : JSValueMakeNumber(ctx, err);
}

static JSValueRef tls_wrap_write_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (!tls_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    size_t len;
    char *s = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &len, exc);
    if (!s) {
        return NULL;
    }
    int err = tls_write_plain(ctx, w, (JSObjectRef)argv[0], s, len, exc);
    free(s);
    return *exc ? NULL : JSValueMakeNumber(ctx, err);
}

/* writev(req, chunks): the chunks are joined into one write. */
static JSValueRef tls_wrap_writev(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (!tls_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    JSValueRef list = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsArray(ctx, list)) {
        return rt_throw_type_error(ctx, exc, "chunks must be an array");
    }
    double n = rt_num(ctx, rt_get(ctx, (JSObjectRef)list, "length"));
    if (!(n >= 0 && n <= 1 << 20)) {
        return rt_throw_type_error(ctx, exc, "chunks must be an array");
    }
    size_t count = (size_t)n;
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        size_t len;
        JSValueRef c = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        if (!rt_bytes(ctx, c, &len) &&
            (!c || JSValueGetTypedArrayType(ctx, c, NULL) == kJSTypedArrayTypeNone)) {
            return rt_throw_type_error(ctx, exc, "chunks[%zu] must be a TypedArray", i);
        }
        total += len;
    }
    char *joined = malloc(total ? total : 1);
    if (!joined) {
        return JSValueMakeNumber(ctx, UV_ENOMEM);
    }
    size_t off = 0;
    for (size_t i = 0; i < count; i++) {
        size_t len;
        JSValueRef c = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        uint8_t *b = rt_bytes(ctx, c, &len);
        if (b && len && off + len <= total) {
            memcpy(joined + off, b, len);
            off += len;
        }
    }
    int err = tls_write_plain(ctx, w, (JSObjectRef)argv[0], joined, off, exc);
    free(joined);
    return *exc ? NULL : JSValueMakeNumber(ctx, err);
}

static void tls_shutdown_cb(uv_shutdown_t *req, int status) {
    tls_shutdown_t *sr = req->data;
    tls_wrap_t *w = sr->w;
    rt_env_t *env = rt_env_get();
    JSObjectRef js_req = sr->js_req;
    free(sr);
    w->refs--;
    w->depth++;
    JSValueRef fn = rt_get(env->ctx, js_req, "oncomplete");
    if (tls_is_function(env->ctx, fn)) {
        JSValueRef args[1] = {JSValueMakeNumber(env->ctx, status)};
        rt_make_callback(env, (JSObjectRef)fn, js_req, 1, args);
    }
    JSValueUnprotect(env->ctx, js_req);
    w->depth--;
    tls_maybe_free(w);
}

/* Sends close_notify and shuts the parent's write side. Returns 0 (req completes later) or a
 * uv error. */
static int tls_do_shutdown(tls_wrap_t *w, JSObjectRef req, JSValueRef *exc) {
    JSContextRef ctx = rt_env_get()->ctx;
    if (w->ssl && w->handshake_done && !w->failed) {
        ERR_clear_error();
        SSL_shutdown(w->ssl);
        ERR_clear_error();
        bool sync;
        tls_flush(w, NULL, &sync, exc);
    }
    if (!w->parent || w->closing) {
        return UV_EBADF;
    }
    if (!w->stream) {
        JSValueRef args[1] = {req};
        JSValueRef r = tls_call_parent(w, "shutdown", 1, args, exc);
        return r && JSValueIsNumber(ctx, r) ? (int)rt_num(ctx, r) : 0;
    }
    tls_shutdown_t *sr = calloc(1, sizeof(*sr));
    RT_CHECK(sr != NULL);
    sr->w = w;
    sr->js_req = req;
    sr->req.data = sr;
    int err = uv_shutdown(&sr->req, w->stream, tls_shutdown_cb);
    if (err) {
        free(sr);
        return err;
    }
    JSValueProtect(ctx, req);
    w->refs++;
    return 0;
}

/* shutdown(req) -> 0 or a uv error; req.oncomplete(status) follows. */
static JSValueRef tls_wrap_shutdown(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (!tls_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    if (w->closing) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    if (!w->handshake_done && (w->failed || w->eof_pending || !w->ssl)) {
        tls_abort_pending(w, exc);
        if (*exc) {
            return NULL;
        }
    }
    if (w->pending_head ||
        (!w->handshake_done && w->ssl && !w->failed && !w->eof_pending && w->started)) {
        if (w->shutdown_req) {
            return JSValueMakeNumber(ctx, UV_EALREADY);
        }
        w->shutdown_req = (JSObjectRef)argv[0];
        JSValueProtect(ctx, argv[0]);
        return JSValueMakeNumber(ctx, 0);
    }
    int err = tls_do_shutdown(w, (JSObjectRef)argv[0], exc);
    return *exc ? NULL : JSValueMakeNumber(ctx, err);
}

/* close([callback]): closes the parent (callback runs when it is closed) and ends the
 * session. */
static JSValueRef tls_wrap_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (w->closing) {
        return JSValueMakeUndefined(ctx);
    }
    w->closing = true;
    rt_stream_wrap_unconsume(&w->consumer);
    tls_release_pending(ctx, w);
    JSObjectRef parent = w->parent;
    if (parent) {
        JSValueRef cb = rt_arg(ctx, argc, argv, 0);
        JSValueRef e = NULL;
        tls_call_parent(w, "close", 1, &cb, &e);
        w->parent = NULL;
        w->stream = NULL;
        JSValueUnprotect(ctx, parent);
    }
    if (w->ctx_obj) {
        JSValueUnprotect(ctx, w->ctx_obj);
        w->ctx_obj = NULL;
    }
    if (w->sni_ctx) {
        JSValueUnprotect(ctx, w->sni_ctx);
        w->sni_ctx = NULL;
    }
    if (w->obj) {
        JSValueUnprotect(ctx, w->obj);
    }
    tls_maybe_free(w);
    return JSValueMakeUndefined(ctx);
}

/* destroySSL(): frees the session early (the socket is done with it). */
static JSValueRef tls_wrap_destroy_ssl(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (w->depth == 0 && w->closing) {
        tls_free_ssl(w);
    }
    return JSValueMakeUndefined(ctx);
}

#define TLS_SSL_PROLOGUE()                                                                         \
    TLS_WRAP_PROLOGUE();                                                                           \
    if (!w->ssl) {                                                                                 \
        return JSValueMakeUndefined(ctx);                                                          \
    }

/* setVerifyMode(requestCert, rejectUnauthorized) for servers. */
static JSValueRef tls_wrap_set_verify_mode(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    int mode = SSL_VERIFY_NONE;
    if (w->is_server && rt_bool(ctx, rt_arg(ctx, argc, argv, 0))) {
        mode = SSL_VERIFY_PEER | SSL_VERIFY_CLIENT_ONCE;
        if (rt_bool(ctx, rt_arg(ctx, argc, argv, 1))) {
            mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        }
    }
    SSL_set_verify(w->ssl, mode, tls_verify_cb);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_set_servername(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    char *name = tls_arg_str(ctx, argc, argv, 0, exc);
    if (!name) {
        return NULL;
    }
    SSL_set_tlsext_host_name(w->ssl, name);
    ERR_clear_error();
    free(name);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_get_servername(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    const char *sn = w->ssl ? SSL_get_servername(w->ssl, TLSEXT_NAMETYPE_host_name) : NULL;
    return sn ? rt_string_from_cstr(ctx, sn) : JSValueMakeBoolean(ctx, false);
}

/* setALPNProtocols(wire): the client's offer, or the server's preference list. */
static JSValueRef tls_wrap_set_alpn(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    size_t len;
    uint8_t *bytes = rt_bytes(ctx, rt_arg(ctx, argc, argv, 0), &len);
    if (!bytes || len == 0 || len > 65535) {
        return JSValueMakeUndefined(ctx);
    }
    if (w->is_server) {
        free(w->alpn);
        w->alpn = malloc(len);
        RT_CHECK(w->alpn != NULL);
        memcpy(w->alpn, bytes, len);
        w->alpn_len = len;
    } else {
        SSL_set_alpn_protos(w->ssl, bytes, (unsigned)len);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_enable_alpn_cb(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    w->alpn_js = true;
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_get_alpn(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    const unsigned char *p = NULL;
    unsigned int len = 0;
    if (w->ssl) {
        SSL_get0_alpn_selected(w->ssl, &p, &len);
    }
    if (!p || len == 0) {
        return JSValueMakeBoolean(ctx, false);
    }
    return rt_string_from_utf8(ctx, (const char *)p, len);
}

static JSValueRef tls_wrap_enable_cert_cb(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    w->cert_cb_enabled = true;
    return JSValueMakeUndefined(ctx);
}

/* setSecureContext(ctx): switches a server session to another context (SNI). */
static JSValueRef tls_wrap_set_secure_context(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                              size_t argc, const JSValueRef argv[],
                                              JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    SSL_CTX *sc = tls_ctx_of(ctx, v, exc);
    if (!sc) {
        return NULL;
    }
    SSL_set_SSL_CTX(w->ssl, sc);
    if (w->sni_ctx) {
        JSValueUnprotect(ctx, w->sni_ctx);
    }
    w->sni_ctx = (JSObjectRef)v;
    JSValueProtect(ctx, v);
    return JSValueMakeUndefined(ctx);
}

/* certCbDone(): the SNI callback finished; resume the handshake. */
static JSValueRef tls_wrap_cert_cb_done(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    w->cert_cb_state = TLS_CERT_CB_DONE;
    tls_cycle(w, exc);
    return *exc ? NULL : JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_get_session(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    SSL_SESSION *sess = SSL_get_session(w->ssl);
    if (!sess) {
        return JSValueMakeUndefined(ctx);
    }
    int len = i2d_SSL_SESSION(sess, NULL);
    if (len <= 0) {
        return JSValueMakeUndefined(ctx);
    }
    uint8_t *out;
    JSObjectRef a = rt_uint8array_new(ctx, (size_t)len, &out, exc);
    if (!a) {
        return NULL;
    }
    i2d_SSL_SESSION(sess, &out);
    return a;
}

static JSValueRef tls_wrap_set_session(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    size_t len;
    const unsigned char *bytes = rt_bytes(ctx, rt_arg(ctx, argc, argv, 0), &len);
    if (!bytes || len == 0 || len > INT32_MAX) {
        return rt_throw_code(ctx, exc, "Error", "ERR_INVALID_ARG_VALUE", "Bad session");
    }
    SSL_SESSION *sess = d2i_SSL_SESSION(NULL, &bytes, (long)len);
    if (!sess) {
        ERR_clear_error();
        return rt_throw_code(ctx, exc, "Error", "ERR_INVALID_ARG_VALUE", "Bad session");
    }
    int ok = SSL_set_session(w->ssl, sess);
    SSL_SESSION_free(sess);
    ERR_clear_error();
    if (ok != 1) {
        return rt_throw_code(ctx, exc, "Error", "ERR_INVALID_ARG_VALUE", "SSL_set_session error");
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_is_session_reused(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    return JSValueMakeBoolean(ctx, w->ssl && SSL_session_reused(w->ssl));
}

static JSValueRef tls_wrap_get_tls_ticket(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    SSL_SESSION *sess = SSL_get_session(w->ssl);
    const unsigned char *tick = NULL;
    size_t len = 0;
    if (sess) {
        SSL_SESSION_get0_ticket(sess, &tick, &len);
    }
    if (!tick || !len) {
        return JSValueMakeUndefined(ctx);
    }
    return tls_bytes_value(ctx, tick, len);
}

/* The name node gives an X509_V_ERR_* code. */
static const char *tls_verify_code(long err) {
    switch (err) {
#define TLS_V(name)                                                                                \
    case X509_V_ERR_##name: return #name;
        TLS_V(UNABLE_TO_GET_ISSUER_CERT)
        TLS_V(UNABLE_TO_GET_CRL)
        TLS_V(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
        TLS_V(UNABLE_TO_DECRYPT_CRL_SIGNATURE)
        TLS_V(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
        TLS_V(CERT_SIGNATURE_FAILURE)
        TLS_V(CRL_SIGNATURE_FAILURE)
        TLS_V(CERT_NOT_YET_VALID)
        TLS_V(CERT_HAS_EXPIRED)
        TLS_V(CRL_NOT_YET_VALID)
        TLS_V(CRL_HAS_EXPIRED)
        TLS_V(ERROR_IN_CERT_NOT_BEFORE_FIELD)
        TLS_V(ERROR_IN_CERT_NOT_AFTER_FIELD)
        TLS_V(ERROR_IN_CRL_LAST_UPDATE_FIELD)
        TLS_V(ERROR_IN_CRL_NEXT_UPDATE_FIELD)
        TLS_V(OUT_OF_MEM)
        TLS_V(DEPTH_ZERO_SELF_SIGNED_CERT)
        TLS_V(SELF_SIGNED_CERT_IN_CHAIN)
        TLS_V(UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
        TLS_V(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
        TLS_V(CERT_CHAIN_TOO_LONG)
        TLS_V(CERT_REVOKED)
        TLS_V(INVALID_CA)
        TLS_V(PATH_LENGTH_EXCEEDED)
        TLS_V(INVALID_PURPOSE)
        TLS_V(CERT_UNTRUSTED)
        TLS_V(CERT_REJECTED)
        TLS_V(HOSTNAME_MISMATCH)
#undef TLS_V
    default: return "UNSPECIFIED";
    }
}

/* verifyError() -> null, or an Error with node's code for the peer certificate's problem. */
static JSValueRef tls_wrap_verify_error(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (!w->ssl) {
        return JSValueMakeNull(ctx);
    }
    long err;
    X509 *peer = SSL_get1_peer_certificate(w->ssl);
    if (peer) {
        X509_free(peer);
        err = SSL_get_verify_result(w->ssl);
    } else {
        err = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
    }
    if (err == X509_V_OK) {
        return JSValueMakeNull(ctx);
    }
    JSValueRef args[1] = {rt_string_from_cstr(ctx, X509_verify_cert_error_string(err))};
    JSObjectRef e = JSObjectMakeError(ctx, 1, args, NULL);
    rt_set_str(ctx, e, "code", tls_verify_code(err));
    return e;
}

/* getPeerCertificate(detailed) -> the peer's certificate object (with the issuer chain when
 * detailed), or undefined. */
static JSValueRef tls_wrap_get_peer_certificate(JSContextRef ctx, JSObjectRef fn,
                                                JSObjectRef self, size_t argc,
                                                const JSValueRef argv[], JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    bool detailed = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    X509 *leaf = SSL_get1_peer_certificate(w->ssl);
    if (!leaf) {
        return JSValueMakeUndefined(ctx);
    }
    JSObjectRef result = tls_cert_object(ctx, leaf);
    if (detailed) {
        STACK_OF(X509) *chain = SSL_get0_verified_chain(w->ssl);
        if (!chain || sk_X509_num(chain) == 0) {
            chain = SSL_get_peer_cert_chain(w->ssl);
        }
        X509 *cur = leaf;
        JSObjectRef cur_obj = result;
        int n = chain ? sk_X509_num(chain) : 0;
        /* Follow issuers through the chain; a self-issued certificate is its own issuer. */
        for (int depth = 0; depth < 16; depth++) {
            if (X509_check_issued(cur, cur) == X509_V_OK) {
                rt_set(ctx, cur_obj, "issuerCertificate", cur_obj);
                break;
            }
            X509 *next = NULL;
            for (int i = 0; i < n; i++) {
                X509 *c = sk_X509_value(chain, i);
                if (c != cur && X509_cmp(c, cur) != 0 && X509_check_issued(c, cur) == X509_V_OK) {
                    next = c;
                    break;
                }
            }
            if (!next) {
                break;
            }
            JSObjectRef next_obj = tls_cert_object(ctx, next);
            rt_set(ctx, cur_obj, "issuerCertificate", next_obj);
            cur = next;
            cur_obj = next_obj;
        }
        ERR_clear_error();
    }
    X509_free(leaf);
    return result;
}

static JSValueRef tls_wrap_get_certificate(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    X509 *x = SSL_get_certificate(w->ssl);
    if (!x) {
        return JSValueMakeUndefined(ctx);
    }
    return tls_cert_object(ctx, x);
}

static JSValueRef tls_wrap_get_cipher(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    const SSL_CIPHER *c = SSL_get_current_cipher(w->ssl);
    if (!c) {
        return JSValueMakeUndefined(ctx);
    }
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    rt_set_str(ctx, o, "name", SSL_CIPHER_get_name(c));
    const char *std = SSL_CIPHER_standard_name(c);
    rt_set_str(ctx, o, "standardName", std ? std : SSL_CIPHER_get_name(c));
    rt_set_str(ctx, o, "version", SSL_CIPHER_get_version(c));
    return o;
}

static JSValueRef tls_wrap_get_protocol(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    if (!w->ssl) {
        return JSValueMakeNull(ctx);
    }
    return rt_string_from_cstr(ctx, SSL_get_version(w->ssl));
}

static JSValueRef tls_wrap_get_finished_common(JSContextRef ctx, JSObjectRef self,
                                               JSValueRef *exc, bool peer) {
    TLS_SSL_PROLOGUE();
    unsigned char buf[EVP_MAX_MD_SIZE * 2];
    size_t len = peer ? SSL_get_peer_finished(w->ssl, buf, sizeof(buf))
                      : SSL_get_finished(w->ssl, buf, sizeof(buf));
    if (len == 0 || len > sizeof(buf)) {
        return JSValueMakeUndefined(ctx);
    }
    return tls_bytes_value(ctx, buf, len);
}

static JSValueRef tls_wrap_get_finished(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return tls_wrap_get_finished_common(ctx, self, exc, false);
}

static JSValueRef tls_wrap_get_peer_finished(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    return tls_wrap_get_finished_common(ctx, self, exc, true);
}

/* exportKeyingMaterial(length, label, context?) -> bytes (RFC 5705). */
static JSValueRef tls_wrap_export_keying_material(JSContextRef ctx, JSObjectRef fn,
                                                  JSObjectRef self, size_t argc,
                                                  const JSValueRef argv[], JSValueRef *exc) {
    TLS_SSL_PROLOGUE();
    int64_t len = rt_arg_int(ctx, argc, argv, 0);
    if (len <= 0 || len > (1 << 20)) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE",
                             "The value of \"length\" is out of range.");
    }
    size_t label_len;
    char *label = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &label_len, exc);
    if (!label) {
        return NULL;
    }
    JSValueRef cv = rt_arg(ctx, argc, argv, 2);
    size_t clen = 0;
    uint8_t *cbytes = JSValueIsUndefined(ctx, cv) ? NULL : rt_bytes(ctx, cv, &clen);
    uint8_t *out;
    JSObjectRef a = rt_uint8array_new(ctx, (size_t)len, &out, exc);
    if (!a) {
        free(label);
        return NULL;
    }
    ERR_clear_error();
    int ok = SSL_export_keying_material(w->ssl, out, (size_t)len, label, label_len,
                                        cbytes ? cbytes : (const uint8_t *)"", clen,
                                        cbytes != NULL || !JSValueIsUndefined(ctx, cv));
    free(label);
    if (ok != 1) {
        return tls_throw_openssl(ctx, exc, "Key export failed");
    }
    return a;
}

static JSValueRef tls_wrap_get_ephemeral_key_info(JSContextRef ctx, JSObjectRef fn,
                                                  JSObjectRef self, size_t argc,
                                                  const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    if (!w->ssl || w->is_server) {
        return o;
    }
    EVP_PKEY *key = NULL;
    if (!SSL_get_peer_tmp_key(w->ssl, &key) || !key) {
        ERR_clear_error();
        return o;
    }
    int id = EVP_PKEY_get_base_id(key);
    int bits = EVP_PKEY_get_bits(key);
    if (id == EVP_PKEY_DH) {
        rt_set_str(ctx, o, "type", "DH");
        rt_set_num(ctx, o, "size", bits);
    } else if (id == EVP_PKEY_EC || id == EVP_PKEY_X25519 || id == EVP_PKEY_X448) {
        rt_set_str(ctx, o, "type", "ECDH");
        if (id == EVP_PKEY_EC) {
            char group[80];
            size_t glen = 0;
            if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group,
                                               sizeof(group), &glen)) {
                rt_set_str(ctx, o, "name", group);
            }
        } else {
            rt_set_str(ctx, o, "name", id == EVP_PKEY_X25519 ? "X25519" : "X448");
        }
        rt_set_num(ctx, o, "size", bits);
    }
    EVP_PKEY_free(key);
    ERR_clear_error();
    return o;
}

static JSValueRef tls_wrap_set_max_send_fragment(JSContextRef ctx, JSObjectRef fn,
                                                 JSObjectRef self, size_t argc,
                                                 const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    int64_t n = rt_arg_int(ctx, argc, argv, 0);
    bool ok = w->ssl && n >= 512 && n <= 16384 && SSL_set_max_send_fragment(w->ssl, n) == 1;
    ERR_clear_error();
    return JSValueMakeNumber(ctx, ok ? 1 : 0);
}

static JSValueRef tls_wrap_enable_keylog(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    w->keylog = true;
    return JSValueMakeUndefined(ctx);
}

static JSValueRef tls_wrap_get_shared_sigalgs(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                              size_t argc, const JSValueRef argv[],
                                              JSValueRef *exc) {
    TLS_WRAP_PROLOGUE();
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    if (!w->ssl) {
        return list;
    }
    int n = SSL_get_shared_sigalgs(w->ssl, 0, NULL, NULL, NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        int sign_nid = 0, hash_nid = 0;
        unsigned char rhash = 0, rsig = 0;
        SSL_get_shared_sigalgs(w->ssl, i, &sign_nid, &hash_nid, NULL, &rsig, &rhash);
        char buf[96];
        const char *sign = OBJ_nid2sn(sign_nid);
        const char *hash = OBJ_nid2sn(hash_nid);
        if (sign_nid == EVP_PKEY_RSA_PSS) {
            snprintf(buf, sizeof(buf), "RSA-PSS+%s", hash ? hash : "UNDEF");
        } else if (sign_nid == EVP_PKEY_RSA) {
            snprintf(buf, sizeof(buf), "RSA+%s", hash ? hash : "UNDEF");
        } else if (sign_nid == EVP_PKEY_EC) {
            snprintf(buf, sizeof(buf), "ECDSA+%s", hash ? hash : "UNDEF");
        } else {
            snprintf(buf, sizeof(buf), "%s", sign ? sign : "UNDEF");
        }
        JSObjectSetPropertyAtIndex(ctx, list, (unsigned)i, rt_string_from_cstr(ctx, buf), NULL);
    }
    return list;
}

static JSValueRef tls_wrap_get_write_queue_size(JSContextRef ctx, JSObjectRef obj,
                                                JSStringRef name, JSValueRef *exc) {
    tls_wrap_t *w = JSObjectGetPrivate(obj);
    if (!w || !w->stream || w->closing) {
        return JSValueMakeNumber(ctx, 0);
    }
    return JSValueMakeNumber(ctx, (double)w->stream->write_queue_size);
}

static const JSStaticValue tls_wrap_values[] = {
    {"writeQueueSize", tls_wrap_get_write_queue_size, NULL,
     kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
    {0, 0, 0, 0},
};

static const JSStaticFunction tls_wrap_methods[] = {
    {"start", tls_wrap_start, RT_FN_ATTRS},
    {"receive", tls_wrap_receive, RT_FN_ATTRS},
    {"receiveEnd", tls_wrap_receive_end, RT_FN_ATTRS},
    {"readStart", tls_wrap_read_start, RT_FN_ATTRS},
    {"readStop", tls_wrap_read_stop, RT_FN_ATTRS},
    {"writeBuffer", tls_wrap_write_buffer, RT_FN_ATTRS},
    {"writeUtf8String", tls_wrap_write_utf8, RT_FN_ATTRS},
    {"writev", tls_wrap_writev, RT_FN_ATTRS},
    {"shutdown", tls_wrap_shutdown, RT_FN_ATTRS},
    {"close", tls_wrap_close, RT_FN_ATTRS},
    {"destroySSL", tls_wrap_destroy_ssl, RT_FN_ATTRS},
    {"setVerifyMode", tls_wrap_set_verify_mode, RT_FN_ATTRS},
    {"setServername", tls_wrap_set_servername, RT_FN_ATTRS},
    {"getServername", tls_wrap_get_servername, RT_FN_ATTRS},
    {"setALPNProtocols", tls_wrap_set_alpn, RT_FN_ATTRS},
    {"enableALPNCallback", tls_wrap_enable_alpn_cb, RT_FN_ATTRS},
    {"getALPNNegotiatedProtocol", tls_wrap_get_alpn, RT_FN_ATTRS},
    {"enableCertCb", tls_wrap_enable_cert_cb, RT_FN_ATTRS},
    {"setSecureContext", tls_wrap_set_secure_context, RT_FN_ATTRS},
    {"certCbDone", tls_wrap_cert_cb_done, RT_FN_ATTRS},
    {"getSession", tls_wrap_get_session, RT_FN_ATTRS},
    {"setSession", tls_wrap_set_session, RT_FN_ATTRS},
    {"isSessionReused", tls_wrap_is_session_reused, RT_FN_ATTRS},
    {"getTLSTicket", tls_wrap_get_tls_ticket, RT_FN_ATTRS},
    {"verifyError", tls_wrap_verify_error, RT_FN_ATTRS},
    {"getPeerCertificate", tls_wrap_get_peer_certificate, RT_FN_ATTRS},
    {"getCertificate", tls_wrap_get_certificate, RT_FN_ATTRS},
    {"getCipher", tls_wrap_get_cipher, RT_FN_ATTRS},
    {"getProtocol", tls_wrap_get_protocol, RT_FN_ATTRS},
    {"getFinished", tls_wrap_get_finished, RT_FN_ATTRS},
    {"getPeerFinished", tls_wrap_get_peer_finished, RT_FN_ATTRS},
    {"exportKeyingMaterial", tls_wrap_export_keying_material, RT_FN_ATTRS},
    {"getEphemeralKeyInfo", tls_wrap_get_ephemeral_key_info, RT_FN_ATTRS},
    {"setMaxSendFragment", tls_wrap_set_max_send_fragment, RT_FN_ATTRS},
    {"enableKeylogCallback", tls_wrap_enable_keylog, RT_FN_ATTRS},
    {"getSharedSigalgs", tls_wrap_get_shared_sigalgs, RT_FN_ATTRS},
    {0, 0, 0},
};

/* ---- module functions ---- */

/* getSSLCiphers() -> the names of the ciphers a default context offers. */
static JSValueRef tls_get_ssl_ciphers(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    SSL_CTX *sc = SSL_CTX_new(TLS_method());
    SSL *ssl = sc ? SSL_new(sc) : NULL;
    if (ssl) {
        STACK_OF(SSL_CIPHER) *ciphers = SSL_get_ciphers(ssl);
        for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); i++) {
            const SSL_CIPHER *c = sk_SSL_CIPHER_value(ciphers, i);
            JSObjectSetPropertyAtIndex(ctx, list, (unsigned)i,
                                       rt_string_from_cstr(ctx, SSL_CIPHER_get_name(c)), NULL);
        }
    }
    SSL_free(ssl);
    SSL_CTX_free(sc);
    ERR_clear_error();
    return list;
}

/* getRootCertificates() -> the system's trusted certificates as PEM strings. */
static JSValueRef tls_get_root_certificates(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    const char *file = tls_root_file();
    BIO *in = file ? BIO_new_file(file, "r") : NULL;
    if (!in) {
        ERR_clear_error();
        return list;
    }
    unsigned n = 0;
    X509 *x;
    while ((x = PEM_read_bio_X509_AUX(in, NULL, NULL, NULL)) != NULL) {
        BIO *out = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(out, x);
        JSObjectSetPropertyAtIndex(ctx, list, n++, tls_bio_string(ctx, out), NULL);
        BIO_free(out);
        X509_free(x);
    }
    BIO_free(in);
    ERR_clear_error();
    return list;
}

static const JSStaticFunction tls_functions[] = {
    {"wrap", tls_wrap_new, RT_FN_ATTRS},
    {"getSSLCiphers", tls_get_ssl_ciphers, RT_FN_ATTRS},
    {"getRootCertificates", tls_get_root_certificates, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_tls_wrap_init(rt_env_t *env, JSObjectRef target) {
    if (!tls_ctx_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "SecureContext";
        def.staticFunctions = tls_ctx_methods;
        def.finalize = tls_ctx_finalize;
        tls_ctx_class = JSClassCreate(&def);

        JSClassDefinition wdef = kJSClassDefinitionEmpty;
        wdef.className = "TLSWrap";
        wdef.staticFunctions = tls_wrap_methods;
        wdef.staticValues = tls_wrap_values;
        wdef.finalize = tls_wrap_finalize;
        tls_wrap_class = JSClassCreate(&wdef);

        tls_ex_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    }
    rt_define_functions(env, target, tls_functions);
    rt_set(env->ctx, target, "SecureContext",
           JSObjectMakeConstructor(env->ctx, tls_ctx_class, tls_ctx_new));
    JSObjectRef constants = JSObjectMake(env->ctx, NULL, NULL);
    rt_set_num(env->ctx, constants, "TLS1_VERSION", TLS1_VERSION);
    rt_set_num(env->ctx, constants, "TLS1_1_VERSION", TLS1_1_VERSION);
    rt_set_num(env->ctx, constants, "TLS1_2_VERSION", TLS1_2_VERSION);
    rt_set_num(env->ctx, constants, "TLS1_3_VERSION", TLS1_3_VERSION);
    rt_set(env->ctx, target, "constants", constants);
}
