/* crypto_sign.c: signatures for the `crypto` binding: the SignHandle behind Sign/Verify
 * (a running digest signed at the end) and one-shot sign/verify jobs (Ed25519/Ed448 too),
 * with RSA-PSS options and DER or IEEE P1363 encoding of DSA/ECDSA signatures. */
#include "crypto.h"

#include <limits.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    EVP_MD_CTX *mctx;
    const EVP_MD *md;
} sign_t;

static JSClassRef sign_class;
static uv_once_t sign_once = UV_ONCE_INIT;

static void sign_finalize(JSObjectRef obj) {
    sign_t *s = JSObjectGetPrivate(obj);
    if (s) {
        EVP_MD_CTX_free(s->mctx);
        free(s);
    }
}

static void sign_class_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "SignHandle";
    def.finalize = sign_finalize;
    sign_class = JSClassCreate(&def);
}

static sign_t *sign_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    uv_once(&sign_once, sign_class_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, sign_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

/* The byte length of each of r and s in a P1363 signature for pkey; 0 if not DSA/ECDSA. */
static size_t sign_p1363_half(EVP_PKEY *pkey) {
    int id = EVP_PKEY_get_base_id(pkey);
    if (id == EVP_PKEY_EC) {
        return (size_t)(EVP_PKEY_get_bits(pkey) + 7) / 8;
    }
    if (id == EVP_PKEY_DSA) {
        BIGNUM *q = NULL;
        size_t n = 0;
        if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) == 1) {
            n = (size_t)(BN_num_bits(q) + 7) / 8;
        }
        BN_free(q);
        return n;
    }
    return 0;
}

/* DER -> r||s in place into out (room for 2 * half). */
static bool sign_der_to_p1363(const uint8_t *der, size_t len, size_t half, uint8_t *out) {
    const unsigned char *p = der;
    ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, (long)len);
    if (!sig) {
        return false;
    }
    const BIGNUM *r, *s;
    ECDSA_SIG_get0(sig, &r, &s);
    bool ok = BN_bn2binpad(r, out, (int)half) > 0 && BN_bn2binpad(s, out + half, (int)half) > 0;
    ECDSA_SIG_free(sig);
    return ok;
}

/* r||s -> DER (malloc'd into *out). */
static bool sign_p1363_to_der(const uint8_t *sigbuf, size_t len, uint8_t **out,
                              size_t *out_len) {
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(sigbuf, (int)(len / 2), NULL);
    BIGNUM *s = BN_bin2bn(sigbuf + len / 2, (int)(len / 2), NULL);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
        ECDSA_SIG_free(sig);
        BN_free(r);
        BN_free(s);
        return false;
    }
    unsigned char *der = NULL;
    int n = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (n <= 0) {
        return false;
    }
    *out = malloc((size_t)n);
    RT_CHECK(*out != NULL);
    memcpy(*out, der, (size_t)n);
    *out_len = (size_t)n;
    OPENSSL_free(der);
    return true;
}

/* Applies padding and PSS salt length (INT_MIN: not given) to an RSA signing context. */
static bool sign_apply(EVP_PKEY_CTX *pctx, EVP_PKEY *pkey, int padding, int salt) {
    int id = EVP_PKEY_get_base_id(pkey);
    if (id != EVP_PKEY_RSA && id != EVP_PKEY_RSA_PSS) {
        return true;
    }
    if (padding == INT_MIN) {
        padding = id == EVP_PKEY_RSA_PSS ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
    }
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, padding) != 1) {
        return false;
    }
    if (padding == RSA_PKCS1_PSS_PADDING && salt != INT_MIN &&
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt) != 1) {
        return false;
    }
    return true;
}

/* signNew(digest): a SignHandle; null when there is no such digest. */
static JSValueRef sign_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&sign_once, sign_class_init);
    char *name = rt__crypto_arg_str(ctx, argc, argv, 0, exc);
    if (!name) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    const EVP_MD *md = rt__crypto_md_get(name);
    free(name);
    if (!md) {
        return JSValueMakeNull(ctx);
    }
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    if (!mctx || EVP_DigestInit_ex(mctx, md, NULL) != 1) {
        EVP_MD_CTX_free(mctx);
        ERR_clear_error();
        return JSValueMakeNull(ctx);
    }
    sign_t *s = malloc(sizeof(*s));
    RT_CHECK(s != NULL);
    s->mctx = mctx;
    s->md = md;
    return JSObjectMake(ctx, sign_class, s);
}

/* signUpdate(handle, data). */
static JSValueRef sign_update(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    sign_t *s = sign_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!s) {
        return NULL;
    }
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 1, &data, &len, &owned, exc)) {
        return NULL;
    }
    bool ok = s->mctx && EVP_DigestUpdate(s->mctx, data, len) == 1;
    free(owned);
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, ok);
}

static int sign_arg_opt(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    return JSValueIsNumber(ctx, v) ? (int)rt_num(ctx, v) : INT_MIN;
}

/* The digest so far; the handle is spent afterwards. */
static bool sign_take_digest(sign_t *s, uint8_t *out, unsigned int *n) {
    if (!s->mctx) {
        return false;
    }
    bool ok = EVP_DigestFinal_ex(s->mctx, out, n) == 1;
    EVP_MD_CTX_free(s->mctx);
    s->mctx = NULL;
    return ok;
}

/* Sign/Verify digest first, which Ed25519/Ed448 cannot take. */
static bool sign_streamable(JSContextRef ctx, EVP_PKEY *pkey, JSValueRef *exc) {
    int id = EVP_PKEY_get_base_id(pkey);
    if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448) {
        rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_UNSUPPORTED_OPERATION",
                      "Unsupported crypto operation");
        return false;
    }
    return true;
}

/* signFinal(handle, key, padding, saltLength, dsaEncoding): the signature. */
static JSValueRef sign_final(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    sign_t *s = sign_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!s) {
        return NULL;
    }
    EVP_PKEY *pkey = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 1), NULL);
    if (!pkey) {
        return rt_throw_type_error(ctx, exc, "key must be a key handle");
    }
    if (!sign_streamable(ctx, pkey, exc)) {
        return NULL;
    }
    int padding = sign_arg_opt(ctx, argc, argv, 2);
    int salt = sign_arg_opt(ctx, argc, argv, 3);
    bool p1363 = rt_arg_int(ctx, argc, argv, 4) == 1;
    ERR_clear_error();
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    if (!sign_take_digest(s, digest, &dlen)) {
        return rt__crypto_throw_openssl(ctx, exc, "Not initialised");
    }
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    size_t sig_len = 0;
    uint8_t *sig = NULL;
    bool ok = pctx && EVP_PKEY_sign_init(pctx) == 1 && sign_apply(pctx, pkey, padding, salt) &&
              EVP_PKEY_CTX_set_signature_md(pctx, s->md) == 1 &&
              EVP_PKEY_sign(pctx, NULL, &sig_len, digest, dlen) == 1;
    if (ok) {
        sig = malloc(sig_len ? sig_len : 1);
        RT_CHECK(sig != NULL);
        ok = EVP_PKEY_sign(pctx, sig, &sig_len, digest, dlen) == 1;
    }
    EVP_PKEY_CTX_free(pctx);
    if (!ok) {
        free(sig);
        return rt__crypto_throw_openssl(ctx, exc, "Sign failed");
    }
    size_t half = p1363 ? sign_p1363_half(pkey) : 0;
    if (half) {
        uint8_t *conv = malloc(2 * half);
        RT_CHECK(conv != NULL);
        if (!sign_der_to_p1363(sig, sig_len, half, conv)) {
            free(conv);
            free(sig);
            return rt__crypto_throw_openssl(ctx, exc, "Sign failed");
        }
        free(sig);
        sig = conv;
        sig_len = 2 * half;
    }
    ERR_clear_error();
    return rt_uint8array_take(ctx, sig, sig_len, exc);
}

/* The DER signature to verify: sig itself or its P1363 form converted (*owned). False
 * when a P1363 signature has the wrong length (it cannot verify). */
static bool sign_verify_input(EVP_PKEY *pkey, bool p1363, const uint8_t *sig, size_t len,
                              const uint8_t **der, size_t *der_len, uint8_t **owned) {
    *owned = NULL;
    *der = sig;
    *der_len = len;
    size_t half = p1363 ? sign_p1363_half(pkey) : 0;
    if (!half) {
        return true;
    }
    if (len != 2 * half || !sign_p1363_to_der(sig, len, owned, der_len)) {
        return false;
    }
    *der = *owned;
    return true;
}

/* verifyFinal(handle, key, signature, padding, saltLength, dsaEncoding): true/false. */
static JSValueRef sign_verify_final(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    sign_t *s = sign_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!s) {
        return NULL;
    }
    EVP_PKEY *pkey = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 1), NULL);
    if (!pkey) {
        return rt_throw_type_error(ctx, exc, "key must be a key handle");
    }
    if (!sign_streamable(ctx, pkey, exc)) {
        return NULL;
    }
    size_t sig_len;
    const uint8_t *sig = rt_bytes(ctx, rt_arg(ctx, argc, argv, 2), &sig_len);
    if (!sig) {
        sig = (const uint8_t *)"";
        sig_len = 0;
    }
    int padding = sign_arg_opt(ctx, argc, argv, 3);
    int salt = sign_arg_opt(ctx, argc, argv, 4);
    bool p1363 = rt_arg_int(ctx, argc, argv, 5) == 1;
    ERR_clear_error();
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    if (!sign_take_digest(s, digest, &dlen)) {
        return rt__crypto_throw_openssl(ctx, exc, "Not initialised");
    }
    const uint8_t *der;
    size_t der_len;
    uint8_t *owned;
    if (!sign_verify_input(pkey, p1363, sig, sig_len, &der, &der_len, &owned)) {
        ERR_clear_error();
        return JSValueMakeBoolean(ctx, false);
    }
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    bool init = pctx && EVP_PKEY_verify_init(pctx) == 1 &&
                sign_apply(pctx, pkey, padding, salt) &&
                EVP_PKEY_CTX_set_signature_md(pctx, s->md) == 1;
    int r = init ? EVP_PKEY_verify(pctx, der, der_len, digest, dlen) : -1;
    EVP_PKEY_CTX_free(pctx);
    free(owned);
    if (!init) {
        return rt__crypto_throw_openssl(ctx, exc, "Verify failed");
    }
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, r == 1);
}

/* ---- one-shot jobs ---- */

typedef struct {
    rt_crypto_job_t base;
    bool verify;
    EVP_PKEY *pkey;
    const EVP_MD *md;
    int padding, salt;
    bool p1363;
    uint8_t *data;
    size_t data_len;
    uint8_t *sig; /* verify: the signature; sign: the result */
    size_t sig_len;
    bool result;
} sign_job_t;

static void sign_job_destroy(rt_crypto_job_t *base) {
    sign_job_t *j = (sign_job_t *)base;
    EVP_PKEY_free(j->pkey);
    free(j->data);
    free(j->sig);
    free(j);
}

static bool sign_job_run(rt_crypto_job_t *base) {
    sign_job_t *j = (sign_job_t *)base;
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    bool ok;
    if (j->verify) {
        const uint8_t *der;
        size_t der_len;
        uint8_t *owned;
        if (!sign_verify_input(j->pkey, j->p1363, j->sig, j->sig_len, &der, &der_len, &owned)) {
            EVP_MD_CTX_free(mctx);
            j->result = false;
            return true;
        }
        ok = mctx && EVP_DigestVerifyInit_ex(mctx, &pctx, j->md ? EVP_MD_get0_name(j->md) : NULL,
                                             NULL, NULL, j->pkey, NULL) == 1 &&
             sign_apply(pctx, j->pkey, j->padding, j->salt);
        if (ok) {
            j->result = EVP_DigestVerify(mctx, der, der_len, j->data, j->data_len) == 1;
            ERR_clear_error();
        }
        free(owned);
    } else {
        size_t len = 0;
        ok = mctx && EVP_DigestSignInit_ex(mctx, &pctx, j->md ? EVP_MD_get0_name(j->md) : NULL,
                                           NULL, NULL, j->pkey, NULL) == 1 &&
             sign_apply(pctx, j->pkey, j->padding, j->salt) &&
             EVP_DigestSign(mctx, NULL, &len, j->data, j->data_len) == 1;
        if (ok) {
            j->sig = malloc(len ? len : 1);
            RT_CHECK(j->sig != NULL);
            ok = EVP_DigestSign(mctx, j->sig, &len, j->data, j->data_len) == 1;
            j->sig_len = len;
        }
        size_t half = ok && j->p1363 ? sign_p1363_half(j->pkey) : 0;
        if (half) {
            uint8_t *conv = malloc(2 * half);
            RT_CHECK(conv != NULL);
            ok = sign_der_to_p1363(j->sig, j->sig_len, half, conv);
            free(j->sig);
            j->sig = conv;
            j->sig_len = 2 * half;
        }
    }
    EVP_MD_CTX_free(mctx);
    return ok;
}

static JSValueRef sign_job_finish(JSContextRef ctx, rt_crypto_job_t *base, JSValueRef *exc) {
    sign_job_t *j = (sign_job_t *)base;
    if (j->verify) {
        return JSValueMakeBoolean(ctx, j->result);
    }
    uint8_t *sig = j->sig;
    j->sig = NULL;
    return rt_uint8array_take(ctx, sig, j->sig_len, exc);
}

/* signOneShot(key, digest|null, data, padding, saltLength, dsaEncoding, cb?) and
 * verifyOneShot(key, digest|null, data, signature, padding, saltLength, dsaEncoding, cb?). */
static JSValueRef sign_one_shot_common(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                       bool verify, JSValueRef *exc) {
    EVP_PKEY *pkey = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 0), NULL);
    if (!pkey) {
        return rt_throw_type_error(ctx, exc, "key must be a key handle");
    }
    const EVP_MD *md = NULL;
    char *name = rt__crypto_arg_str(ctx, argc, argv, 1, exc);
    if (name) {
        md = rt__crypto_md_get(name);
        free(name);
        if (!md) {
            return rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_DIGEST",
                                 "Invalid digest");
        }
    }
    sign_job_t *j = calloc(1, sizeof(*j));
    RT_CHECK(j != NULL);
    j->base.run = sign_job_run;
    j->base.finish = sign_job_finish;
    j->base.destroy = sign_job_destroy;
    j->base.failure = verify ? "Verify failed" : "Sign failed";
    j->base.decorate = true;
    j->verify = verify;
    EVP_PKEY_up_ref(pkey);
    j->pkey = pkey;
    j->md = md;
    size_t i = 2;
    j->data = rt__crypto_arg_dup(ctx, argc, argv, i++, &j->data_len, exc);
    if (!*exc && !j->data) {
        j->data = malloc(1);
    }
    if (verify && !*exc) {
        j->sig = rt__crypto_arg_dup(ctx, argc, argv, i++, &j->sig_len, exc);
        if (!*exc && !j->sig) {
            j->sig = malloc(1);
        }
    }
    if (*exc) {
        sign_job_destroy(&j->base);
        return NULL;
    }
    j->padding = sign_arg_opt(ctx, argc, argv, i++);
    j->salt = sign_arg_opt(ctx, argc, argv, i++);
    j->p1363 = rt_arg_int(ctx, argc, argv, i++) == 1;
    return rt__crypto_job_submit(ctx, &j->base, rt_arg(ctx, argc, argv, i), exc);
}

static JSValueRef sign_one_shot(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    return sign_one_shot_common(ctx, argc, argv, false, exc);
}

static JSValueRef verify_one_shot(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return sign_one_shot_common(ctx, argc, argv, true, exc);
}

static const JSStaticFunction sign_functions[] = {
    {"signNew", sign_new, RT_FN_ATTRS},
    {"signUpdate", sign_update, RT_FN_ATTRS},
    {"signFinal", sign_final, RT_FN_ATTRS},
    {"verifyFinal", sign_verify_final, RT_FN_ATTRS},
    {"signOneShot", sign_one_shot, RT_FN_ATTRS},
    {"verifyOneShot", verify_one_shot, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt__crypto_sign_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, sign_functions);
}
