/* crypto_keys.c: asymmetric keys for the `crypto` binding: the KeyObjectHandle class over an
 * EVP_PKEY, parsing and exporting PEM/DER, key components for JWK, key details, key pair
 * generation on the thread pool, and prime generation/checking. */
#include "crypto.h"

#include <limits.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>

/* ---- the handle class ---- */

typedef struct {
    EVP_PKEY *pkey;
    bool priv;
} keys_handle_t;

static JSClassRef keys_class;
static uv_once_t keys_once = UV_ONCE_INIT;

static void keys_finalize(JSObjectRef obj) {
    keys_handle_t *h = JSObjectGetPrivate(obj);
    if (h) {
        EVP_PKEY_free(h->pkey);
        free(h);
    }
}

static void keys_class_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "KeyObjectHandle";
    def.finalize = keys_finalize;
    keys_class = JSClassCreate(&def);
}

EVP_PKEY *rt__crypto_key_of(JSContextRef ctx, JSValueRef v, bool *is_private) {
    uv_once(&keys_once, keys_class_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, keys_class)) {
        return NULL;
    }
    keys_handle_t *h = JSObjectGetPrivate((JSObjectRef)v);
    if (!h) {
        return NULL;
    }
    if (is_private) {
        *is_private = h->priv;
    }
    return h->pkey;
}

JSObjectRef rt__crypto_key_wrap(JSContextRef ctx, EVP_PKEY *pkey, bool is_private) {
    uv_once(&keys_once, keys_class_init);
    keys_handle_t *h = malloc(sizeof(*h));
    RT_CHECK(h != NULL);
    EVP_PKEY_up_ref(pkey);
    h->pkey = pkey;
    h->priv = is_private;
    return JSObjectMake(ctx, keys_class, h);
}

/* The handle argv[i] or a thrown TypeError. */
static EVP_PKEY *keys_arg(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                          bool *is_private, JSValueRef *exc) {
    EVP_PKEY *pkey = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, i), is_private);
    if (!pkey) {
        rt_throw_type_error(ctx, exc, "argument %zu must be a key handle", i);
    }
    return pkey;
}

uint8_t *rt__crypto_arg_dup(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                            size_t *len, JSValueRef *exc) {
    const uint8_t *data;
    char *owned;
    *len = 0;
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (JSValueIsUndefined(ctx, v) || JSValueIsNull(ctx, v)) {
        return NULL;
    }
    if (!rt__crypto_arg_bytes(ctx, argc, argv, i, &data, len, &owned, exc)) {
        return NULL;
    }
    if (owned) {
        return (uint8_t *)owned;
    }
    uint8_t *copy = malloc(*len ? *len : 1);
    RT_CHECK(copy != NULL);
    memcpy(copy, data, *len);
    return copy;
}

char *rt__crypto_arg_str(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                         JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (!JSValueIsString(ctx, v)) {
        return NULL;
    }
    return rt_to_utf8(ctx, v, NULL, exc);
}

/* ---- parsing ---- */

static int keys_no_passphrase_cb(char *buf, int size, int rwflag, void *u) {
    (void)buf;
    (void)size;
    (void)rwflag;
    (void)u;
    return -1;
}

/* Decodes a key with OpenSSL's decoders. input: "PEM" or "DER"; structure and keytype may
 * be NULL. */
static EVP_PKEY *keys_decode(const uint8_t *data, size_t len, const char *input,
                             const char *structure, const char *keytype, int selection,
                             const uint8_t *pass, size_t pass_len) {
    EVP_PKEY *pkey = NULL;
    OSSL_DECODER_CTX *dctx =
        OSSL_DECODER_CTX_new_for_pkey(&pkey, input, structure, keytype, selection, NULL, NULL);
    if (!dctx) {
        return NULL;
    }
    if (pass) {
        OSSL_DECODER_CTX_set_passphrase(dctx, pass_len ? pass : (const uint8_t *)"", pass_len);
    } else {
        OSSL_DECODER_CTX_set_pem_password_cb(dctx, keys_no_passphrase_cb, NULL);
    }
    const unsigned char *p = data;
    size_t left = len;
    if (OSSL_DECODER_from_data(dctx, &p, &left) != 1) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    OSSL_DECODER_CTX_free(dctx);
    return pkey;
}

typedef struct {
    const uint8_t *pass;
    size_t len;
} keys_pass_t;

static int keys_pass_cb(char *buf, int size, int rwflag, void *u) {
    const keys_pass_t *p = u;
    if (!p || !p->pass || p->len > (size_t)size) {
        return -1;
    }
    memcpy(buf, p->pass, p->len);
    return (int)p->len;
}

/* A private key from the first PEM block that holds one (other blocks, such as EC
 * PARAMETERS, are skipped, as in node). */
static EVP_PKEY *keys_pem_private(const uint8_t *data, size_t len, const uint8_t *pass,
                                  size_t pass_len) {
    if (len > INT_MAX) {
        return NULL;
    }
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    keys_pass_t p = {pass, pass_len};
    EVP_PKEY *pkey = bio ? PEM_read_bio_PrivateKey(bio, NULL, keys_pass_cb, &p) : NULL;
    BIO_free(bio);
    return pkey;
}

static bool keys_has(const uint8_t *data, size_t len, const char *needle) {
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(data + i, needle, n) == 0) {
            return true;
        }
    }
    return false;
}

/* keyParse(data, isPrivate, format, type, passphrase): a KeyObjectHandle. format is 'pem'
 * or 'der'; type (DER) 'pkcs1' | 'spki' | 'pkcs8' | 'sec1'. Parsing a public key accepts
 * certificates and private keys too (the handle then holds only the public part). */
static JSValueRef keys_parse(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 0, &data, &len, &owned, exc)) {
        return NULL;
    }
    bool want_private = rt_bool(ctx, rt_arg(ctx, argc, argv, 1));
    char *format = rt__crypto_arg_str(ctx, argc, argv, 2, exc);
    char *type = rt__crypto_arg_str(ctx, argc, argv, 3, exc);
    size_t pass_len = 0;
    uint8_t *pass = rt__crypto_arg_dup(ctx, argc, argv, 4, &pass_len, exc);
    if (*exc) {
        free(owned);
        free(format);
        free(type);
        free(pass);
        return NULL;
    }
    bool der = format && strcmp(format, "der") == 0;
    ERR_clear_error();
    EVP_PKEY *pkey = NULL;
    bool got_private = false;
    const char *fallback = "Failed to read asymmetric key";
    if (!der) {
        if (!want_private && keys_has(data, len, "-----BEGIN CERTIFICATE-----")) {
            BIO *bio = BIO_new_mem_buf(data, (int)(len > INT_MAX ? INT_MAX : len));
            X509 *x = bio ? PEM_read_bio_X509(bio, NULL, keys_no_passphrase_cb, NULL) : NULL;
            if (x) {
                pkey = X509_get_pubkey(x);
                X509_free(x);
            }
            BIO_free(bio);
        } else if (want_private || keys_has(data, len, "PRIVATE KEY-----")) {
            pkey = keys_pem_private(data, len, pass, pass_len);
            got_private = want_private && pkey != NULL;
        } else {
            {
                pkey = keys_decode(data, len, "PEM", NULL, NULL, EVP_PKEY_PUBLIC_KEY, NULL, 0);
            }
        }
    } else {
        const char *structure = NULL;
        const char *keytype = NULL;
        bool priv_form = want_private;
        if (type && strcmp(type, "spki") == 0) {
            structure = "SubjectPublicKeyInfo";
            priv_form = false;
        } else if (type && strcmp(type, "pkcs1") == 0) {
            structure = "type-specific";
            keytype = "RSA";
        } else if (type && strcmp(type, "sec1") == 0) {
            structure = "type-specific";
            keytype = "EC";
            priv_form = true;
        } else if (type && strcmp(type, "pkcs8") == 0) {
            priv_form = true;
        }
        if (!priv_form) {
            pkey = keys_decode(data, len, "DER", structure, keytype, EVP_PKEY_PUBLIC_KEY, NULL,
                               0);
        }
        if (!pkey && (priv_form || (type && strcmp(type, "pkcs1") == 0))) {
            if (!priv_form) {
                ERR_clear_error();
            }
            pkey = keys_decode(data, len, "DER", structure, keytype, EVP_PKEY_KEYPAIR, pass,
                               pass_len);
        }
        got_private = want_private && pkey != NULL;
    }
    free(owned);
    free(format);
    free(type);
    if (pass) {
        OPENSSL_cleanse(pass, pass_len);
        free(pass);
    }
    if (!pkey) {
        if (ERR_peek_error() == 0) {
            ERR_raise(ERR_LIB_OSSL_DECODER, ERR_R_UNSUPPORTED);
        }
        rt__crypto_throw_openssl(ctx, exc, fallback);
        /* Key parsing errors always carry the stack, as in node. */
        if (*exc && JSValueIsObject(ctx, *exc) &&
            JSValueIsUndefined(ctx, rt_get(ctx, (JSObjectRef)*exc, "opensslErrorStack"))) {
            JSValueRef msg = rt_get(ctx, (JSObjectRef)*exc, "message");
            rt_set(ctx, (JSObjectRef)*exc, "opensslErrorStack",
                   JSObjectMakeArray(ctx, 1, &msg, NULL));
        }
        return NULL;
    }
    ERR_clear_error();
    JSObjectRef h = rt__crypto_key_wrap(ctx, pkey, got_private);
    EVP_PKEY_free(pkey);
    return h;
}

/* ---- exporting ---- */

/* keyExport(handle, isPublic, format, type, cipher, passphrase): the encoded key as a
 * Uint8Array (PEM text or DER). */
static JSValueRef keys_export(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    bool priv;
    EVP_PKEY *pkey = keys_arg(ctx, argc, argv, 0, &priv, exc);
    if (!pkey) {
        return NULL;
    }
    bool as_public = rt_bool(ctx, rt_arg(ctx, argc, argv, 1)) || !priv;
    char *format = rt__crypto_arg_str(ctx, argc, argv, 2, exc);
    char *type = rt__crypto_arg_str(ctx, argc, argv, 3, exc);
    char *cipher_name = rt__crypto_arg_str(ctx, argc, argv, 4, exc);
    size_t pass_len = 0;
    uint8_t *pass = rt__crypto_arg_dup(ctx, argc, argv, 5, &pass_len, exc);
    JSValueRef result = NULL;
    if (*exc) {
        goto done;
    }
    bool der = format && strcmp(format, "der") == 0;
    const char *structure;
    if (as_public) {
        structure = type && strcmp(type, "pkcs1") == 0 ? "type-specific" : "SubjectPublicKeyInfo";
    } else if (type && (strcmp(type, "pkcs1") == 0 || strcmp(type, "sec1") == 0)) {
        structure = "type-specific";
    } else {
        structure = cipher_name ? "EncryptedPrivateKeyInfo" : "PrivateKeyInfo";
    }
    ERR_clear_error();
    const EVP_CIPHER *cipher = NULL;
    if (cipher_name && !as_public) {
        cipher = EVP_get_cipherbyname(cipher_name);
        if (!cipher) {
            rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
            goto done;
        }
    }
    uint8_t *out = NULL;
    size_t out_len = 0;
    bool ok;
    if (cipher && !der && strcmp(structure, "type-specific") == 0) {
        /* Traditional PEM encryption (Proc-Type/DEK-Info headers). */
        BIO *bio = BIO_new(BIO_s_mem());
        ok = bio && PEM_write_bio_PrivateKey_traditional(bio, pkey, cipher, pass,
                                                         (int)pass_len, NULL, NULL) == 1;
        if (ok) {
            char *p;
            long n = BIO_get_mem_data(bio, &p);
            out = malloc(n > 0 ? (size_t)n : 1);
            RT_CHECK(out != NULL);
            memcpy(out, p, (size_t)n);
            out_len = (size_t)n;
        }
        BIO_free(bio);
    } else {
        int selection = as_public ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR;
        OSSL_ENCODER_CTX *ectx = OSSL_ENCODER_CTX_new_for_pkey(pkey, selection,
                                                               der ? "DER" : "PEM", structure,
                                                               NULL);
        ok = ectx && OSSL_ENCODER_CTX_get_num_encoders(ectx) > 0;
        if (ok && cipher) {
            ok = OSSL_ENCODER_CTX_set_cipher(ectx, EVP_CIPHER_get0_name(cipher), NULL) == 1 &&
                 OSSL_ENCODER_CTX_set_passphrase(ectx, pass ? pass : (const uint8_t *)"",
                                                 pass_len) == 1;
        }
        ok = ok && OSSL_ENCODER_to_data(ectx, &out, &out_len) == 1;
        OSSL_ENCODER_CTX_free(ectx);
    }
    if (!ok) {
        OPENSSL_free(out);
        rt__crypto_throw_openssl(ctx, exc, "Failed to encode key");
        goto done;
    }
    result = rt__crypto_new_u8(ctx, out, out_len, exc);
    OPENSSL_clear_free(out, out_len);
done:
    free(format);
    free(type);
    free(cipher_name);
    if (pass) {
        OPENSSL_cleanse(pass, pass_len);
        free(pass);
    }
    return result;
}

/* ---- components (JWK, raw) ---- */

static void keys_set_bn(JSContextRef ctx, JSObjectRef o, const char *name, const BIGNUM *bn,
                        size_t pad, JSValueRef *exc) {
    if (!bn) {
        return;
    }
    size_t n = (size_t)BN_num_bytes(bn);
    if (pad < n) {
        pad = n;
    }
    uint8_t *buf = malloc(pad ? pad : 1);
    RT_CHECK(buf != NULL);
    BN_bn2binpad(bn, buf, (int)pad);
    rt_set(ctx, o, name, rt__crypto_new_u8(ctx, buf, pad, exc));
    OPENSSL_clear_free(buf, pad);
}

static void keys_set_bn_param(JSContextRef ctx, JSObjectRef o, const char *name,
                              EVP_PKEY *pkey, const char *param, size_t pad, JSValueRef *exc) {
    BIGNUM *bn = NULL;
    if (EVP_PKEY_get_bn_param(pkey, param, &bn) == 1) {
        keys_set_bn(ctx, o, name, bn, pad, exc);
    }
    BN_clear_free(bn);
}

static const char *keys_type_name(EVP_PKEY *pkey) {
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_DHX: return "dh";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    default: break;
    }
    if (EVP_PKEY_is_a(pkey, "DH") || EVP_PKEY_is_a(pkey, "DHX")) {
        return "dh";
    }
    return NULL;
}

static size_t keys_ec_field_bytes(EVP_PKEY *pkey) {
    char group[64];
    size_t glen = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                       &glen) != 1) {
        return (size_t)(EVP_PKEY_get_bits(pkey) + 7) / 8;
    }
    EC_GROUP *g = EC_GROUP_new_by_curve_name(OBJ_sn2nid(group));
    size_t n = g ? (size_t)(EC_GROUP_get_degree(g) + 7) / 8 : 0;
    EC_GROUP_free(g);
    return n;
}

/* keyComponents(handle, isPublic): { n, e, d, p, q, dp, dq, qi } (RSA), { curve, x, y, d }
 * (EC), { x, d } (OKP), { p, q, g, pub, priv } (DSA/DH) as Uint8Arrays. */
static JSValueRef keys_components(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    bool priv;
    EVP_PKEY *pkey = keys_arg(ctx, argc, argv, 0, &priv, exc);
    if (!pkey) {
        return NULL;
    }
    if (rt_bool(ctx, rt_arg(ctx, argc, argv, 1))) {
        priv = false;
    }
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    int id = EVP_PKEY_get_base_id(pkey);
    if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
        keys_set_bn_param(ctx, o, "n", pkey, OSSL_PKEY_PARAM_RSA_N, 0, exc);
        keys_set_bn_param(ctx, o, "e", pkey, OSSL_PKEY_PARAM_RSA_E, 0, exc);
        if (priv) {
            keys_set_bn_param(ctx, o, "d", pkey, OSSL_PKEY_PARAM_RSA_D, 0, exc);
            keys_set_bn_param(ctx, o, "p", pkey, OSSL_PKEY_PARAM_RSA_FACTOR1, 0, exc);
            keys_set_bn_param(ctx, o, "q", pkey, OSSL_PKEY_PARAM_RSA_FACTOR2, 0, exc);
            keys_set_bn_param(ctx, o, "dp", pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1, 0, exc);
            keys_set_bn_param(ctx, o, "dq", pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2, 0, exc);
            keys_set_bn_param(ctx, o, "qi", pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, 0, exc);
        }
    } else if (id == EVP_PKEY_EC) {
        char group[64];
        size_t glen = 0;
        if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group,
                                           sizeof(group), &glen) == 1) {
            rt_set_str(ctx, o, "curve", group);
        }
        size_t fb = keys_ec_field_bytes(pkey);
        keys_set_bn_param(ctx, o, "x", pkey, OSSL_PKEY_PARAM_EC_PUB_X, fb, exc);
        keys_set_bn_param(ctx, o, "y", pkey, OSSL_PKEY_PARAM_EC_PUB_Y, fb, exc);
        if (priv) {
            keys_set_bn_param(ctx, o, "d", pkey, OSSL_PKEY_PARAM_PRIV_KEY, fb, exc);
        }
    } else if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448 || id == EVP_PKEY_X25519 ||
               id == EVP_PKEY_X448) {
        uint8_t buf[64];
        size_t n = sizeof(buf);
        if (EVP_PKEY_get_raw_public_key(pkey, buf, &n) == 1) {
            rt_set(ctx, o, "x", rt__crypto_new_u8(ctx, buf, n, exc));
        }
        n = sizeof(buf);
        if (priv && EVP_PKEY_get_raw_private_key(pkey, buf, &n) == 1) {
            rt_set(ctx, o, "d", rt__crypto_new_u8(ctx, buf, n, exc));
            OPENSSL_cleanse(buf, sizeof(buf));
        }
    } else {
        keys_set_bn_param(ctx, o, "p", pkey, OSSL_PKEY_PARAM_FFC_P, 0, exc);
        keys_set_bn_param(ctx, o, "q", pkey, OSSL_PKEY_PARAM_FFC_Q, 0, exc);
        keys_set_bn_param(ctx, o, "g", pkey, OSSL_PKEY_PARAM_FFC_G, 0, exc);
        keys_set_bn_param(ctx, o, "pub", pkey, OSSL_PKEY_PARAM_PUB_KEY, 0, exc);
        if (priv) {
            keys_set_bn_param(ctx, o, "priv", pkey, OSSL_PKEY_PARAM_PRIV_KEY, 0, exc);
        }
    }
    ERR_clear_error();
    return *exc ? NULL : o;
}

/* Adds o[name] (bytes) to bld as a BIGNUM param; false if absent. */
static bool keys_bld_bn(JSContextRef ctx, OSSL_PARAM_BLD *bld, JSObjectRef o, const char *name,
                        const char *param, BIGNUM **keep) {
    size_t len;
    uint8_t *p = rt_bytes(ctx, rt_get(ctx, o, name), &len);
    if (!p) {
        return false;
    }
    BIGNUM *bn = BN_bin2bn(p, (int)len, NULL);
    if (!bn) {
        return false;
    }
    *keep = bn;
    return OSSL_PARAM_BLD_push_BN(bld, param, bn) == 1;
}

/* keyFromComponents(type, isPrivate, fields): a KeyObjectHandle from components (see
 * keyComponents; EC may give `point` instead of x/y). type: 'rsa', 'ec', 'ed25519', ...
 * Returns undefined when the components do not make a valid key. */
static JSValueRef keys_from_components(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char type[32] = "";
    JSValueRef tv = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsString(ctx, tv)) {
        return rt_throw_type_error(ctx, exc, "type must be a string");
    }
    char *t = rt_to_utf8(ctx, tv, NULL, exc);
    if (!t) {
        return NULL;
    }
    snprintf(type, sizeof(type), "%s", t);
    free(t);
    bool priv = rt_bool(ctx, rt_arg(ctx, argc, argv, 1));
    JSValueRef fv = rt_arg(ctx, argc, argv, 2);
    if (!JSValueIsObject(ctx, fv)) {
        return rt_throw_type_error(ctx, exc, "fields must be an object");
    }
    JSObjectRef f = (JSObjectRef)fv;
    ERR_clear_error();
    EVP_PKEY *pkey = NULL;
    if (strcmp(type, "ed25519") == 0 || strcmp(type, "ed448") == 0 ||
        strcmp(type, "x25519") == 0 || strcmp(type, "x448") == 0) {
        const char *name = type[0] == 'e' ? (type[2] == '2' ? "ED25519" : "ED448")
                                          : (type[1] == '2' ? "X25519" : "X448");
        size_t len;
        uint8_t *p = rt_bytes(ctx, rt_get(ctx, f, priv ? "d" : "x"), &len);
        if (p) {
            pkey = priv ? EVP_PKEY_new_raw_private_key_ex(NULL, name, NULL, p, len)
                        : EVP_PKEY_new_raw_public_key_ex(NULL, name, NULL, p, len);
        }
        ERR_clear_error();
        if (!pkey) {
            return JSValueMakeUndefined(ctx);
        }
        JSObjectRef h = rt__crypto_key_wrap(ctx, pkey, priv);
        EVP_PKEY_free(pkey);
        return h;
    }
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    BIGNUM *bns[8] = {0};
    uint8_t *point = NULL;
    char *curve = NULL;
    const char *keymgmt = NULL;
    bool ok = bld != NULL;
    if (ok && strcmp(type, "rsa") == 0) {
        keymgmt = "RSA";
        ok = keys_bld_bn(ctx, bld, f, "n", OSSL_PKEY_PARAM_RSA_N, &bns[0]) &&
             keys_bld_bn(ctx, bld, f, "e", OSSL_PKEY_PARAM_RSA_E, &bns[1]);
        if (ok && priv) {
            ok = keys_bld_bn(ctx, bld, f, "d", OSSL_PKEY_PARAM_RSA_D, &bns[2]);
            if (ok && keys_bld_bn(ctx, bld, f, "p", OSSL_PKEY_PARAM_RSA_FACTOR1, &bns[3])) {
                ok = keys_bld_bn(ctx, bld, f, "q", OSSL_PKEY_PARAM_RSA_FACTOR2, &bns[4]) &&
                     keys_bld_bn(ctx, bld, f, "dp", OSSL_PKEY_PARAM_RSA_EXPONENT1, &bns[5]) &&
                     keys_bld_bn(ctx, bld, f, "dq", OSSL_PKEY_PARAM_RSA_EXPONENT2, &bns[6]) &&
                     keys_bld_bn(ctx, bld, f, "qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1, &bns[7]);
            }
        }
    } else if (ok && strcmp(type, "ec") == 0) {
        keymgmt = "EC";
        curve = rt_to_utf8(ctx, rt_get(ctx, f, "curve"), NULL, exc);
        ok = curve != NULL;
        EC_GROUP *g = ok ? EC_GROUP_new_by_curve_name(OBJ_sn2nid(curve)) : NULL;
        ok = ok && g && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, curve, 0);
        size_t plen = 0;
        uint8_t *pp = rt_bytes(ctx, rt_get(ctx, f, "point"), &plen);
        size_t xl, yl;
        uint8_t *x = rt_bytes(ctx, rt_get(ctx, f, "x"), &xl);
        uint8_t *y = rt_bytes(ctx, rt_get(ctx, f, "y"), &yl);
        size_t fb = g ? (size_t)(EC_GROUP_get_degree(g) + 7) / 8 : 0;
        if (ok && !pp && x && y) {
            if (xl != fb || yl != fb) {
                ok = false;
            } else {
                plen = 1 + xl + yl;
                point = malloc(plen);
                RT_CHECK(point != NULL);
                point[0] = 4;
                memcpy(point + 1, x, xl);
                memcpy(point + 1 + xl, y, yl);
                pp = point;
            }
        }
        if (ok && pp) {
            /* The point must lie on the curve. */
            EC_POINT *pt = EC_POINT_new(g);
            ok = pt && EC_POINT_oct2point(g, pt, pp, plen, NULL) == 1 &&
                 !EC_POINT_is_at_infinity(g, pt);
            EC_POINT_free(pt);
            ok = ok && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pp, plen);
        } else if (!priv) {
            ok = false;
        }
        if (ok && priv) {
            ok = keys_bld_bn(ctx, bld, f, "d", OSSL_PKEY_PARAM_PRIV_KEY, &bns[0]);
            if (ok && !pp) {
                /* Derive the public point from the private scalar. */
                EC_POINT *pt = EC_POINT_new(g);
                ok = pt && EC_POINT_mul(g, pt, bns[0], NULL, NULL, NULL) == 1;
                size_t n = ok ? EC_POINT_point2oct(g, pt, POINT_CONVERSION_UNCOMPRESSED, NULL,
                                                   0, NULL)
                              : 0;
                if (n > 0) {
                    point = malloc(n);
                    RT_CHECK(point != NULL);
                    EC_POINT_point2oct(g, pt, POINT_CONVERSION_UNCOMPRESSED, point, n, NULL);
                    ok = OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point,
                                                          n) == 1;
                } else {
                    ok = false;
                }
                EC_POINT_free(pt);
            }
        }
        EC_GROUP_free(g);
    } else if (ok && (strcmp(type, "dsa") == 0 || strcmp(type, "dh") == 0)) {
        keymgmt = type[1] == 's' ? "DSA" : "DH";
        ok = keys_bld_bn(ctx, bld, f, "p", OSSL_PKEY_PARAM_FFC_P, &bns[0]) &&
             keys_bld_bn(ctx, bld, f, "g", OSSL_PKEY_PARAM_FFC_G, &bns[1]);
        keys_bld_bn(ctx, bld, f, "q", OSSL_PKEY_PARAM_FFC_Q, &bns[2]);
        keys_bld_bn(ctx, bld, f, "pub", OSSL_PKEY_PARAM_PUB_KEY, &bns[3]);
        if (ok && priv) {
            ok = keys_bld_bn(ctx, bld, f, "priv", OSSL_PKEY_PARAM_PRIV_KEY, &bns[4]);
        }
    } else {
        ok = false;
    }
    OSSL_PARAM *params = ok ? OSSL_PARAM_BLD_to_param(bld) : NULL;
    EVP_PKEY_CTX *pctx = params ? EVP_PKEY_CTX_new_from_name(NULL, keymgmt, NULL) : NULL;
    ok = pctx && EVP_PKEY_fromdata_init(pctx) == 1 &&
         EVP_PKEY_fromdata(pctx, &pkey, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                           params) == 1;
    if (ok && priv && strcmp(type, "ec") == 0) {
        /* The public point must belong to the private scalar. */
        EVP_PKEY_CTX *cctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
        ok = cctx && EVP_PKEY_pairwise_check(cctx) == 1;
        EVP_PKEY_CTX_free(cctx);
    }
    EVP_PKEY_CTX_free(pctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    for (size_t i = 0; i < 8; i++) {
        BN_clear_free(bns[i]);
    }
    free(point);
    free(curve);
    ERR_clear_error();
    if (*exc) {
        EVP_PKEY_free(pkey);
        return NULL;
    }
    if (!ok || !pkey) {
        EVP_PKEY_free(pkey);
        return JSValueMakeUndefined(ctx);
    }
    JSObjectRef h = rt__crypto_key_wrap(ctx, pkey, priv);
    EVP_PKEY_free(pkey);
    return h;
}

/* Node's spelling of a digest name ("sha256" for OpenSSL's "SHA2-256"). */
static const char *keys_md_name(const char *name) {
    EVP_MD *md = EVP_MD_fetch(NULL, name, NULL);
    const char *ln = md ? OBJ_nid2ln(EVP_MD_get_type(md)) : NULL;
    EVP_MD_free(md);
    ERR_clear_error();
    return ln ? ln : name;
}

/* keyInfo(handle): { type, private, bits, modulusLength, publicExponent (hex string),
 * divisorLength, namedCurve, hashAlgorithm, mgf1HashAlgorithm, saltLength, size }. */
static JSValueRef keys_info(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[], JSValueRef *exc) {
    bool priv;
    EVP_PKEY *pkey = keys_arg(ctx, argc, argv, 0, &priv, exc);
    if (!pkey) {
        return NULL;
    }
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    const char *type = keys_type_name(pkey);
    if (type) {
        rt_set_str(ctx, o, "type", type);
    }
    rt_set_bool(ctx, o, "private", priv);
    rt_set_num(ctx, o, "bits", EVP_PKEY_get_bits(pkey));
    rt_set_num(ctx, o, "size", EVP_PKEY_get_size(pkey));
    int id = EVP_PKEY_get_base_id(pkey);
    if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
        rt_set_num(ctx, o, "modulusLength", EVP_PKEY_get_bits(pkey));
        BIGNUM *e = NULL;
        if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
            char *hex = BN_bn2hex(e);
            if (hex) {
                rt_set_str(ctx, o, "publicExponent", hex);
                OPENSSL_free(hex);
            }
        }
        BN_free(e);
        if (id == EVP_PKEY_RSA_PSS) {
            char md[64];
            size_t n;
            if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_RSA_DIGEST, md, sizeof(md),
                                               &n) == 1) {
                rt_set_str(ctx, o, "hashAlgorithm", keys_md_name(md));
                if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_RSA_MGF1_DIGEST, md,
                                                   sizeof(md), &n) == 1) {
                    rt_set_str(ctx, o, "mgf1HashAlgorithm", keys_md_name(md));
                }
                int salt = 0;
                if (EVP_PKEY_get_int_param(pkey, OSSL_PKEY_PARAM_RSA_PSS_SALTLEN, &salt) == 1) {
                    rt_set_num(ctx, o, "saltLength", salt);
                }
            }
        }
    } else if (id == EVP_PKEY_DSA) {
        rt_set_num(ctx, o, "modulusLength", EVP_PKEY_get_bits(pkey));
        BIGNUM *q = NULL;
        if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) == 1) {
            rt_set_num(ctx, o, "divisorLength", BN_num_bits(q));
        }
        BN_free(q);
    } else if (id == EVP_PKEY_EC) {
        char group[64];
        size_t n;
        if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group,
                                           sizeof(group), &n) == 1) {
            rt_set_str(ctx, o, "namedCurve", group);
        }
    }
    ERR_clear_error();
    return o;
}

/* keyEquals(a, b): whether both handles hold the same key. */
static JSValueRef keys_equals(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    EVP_PKEY *a = keys_arg(ctx, argc, argv, 0, NULL, exc);
    EVP_PKEY *b = a ? keys_arg(ctx, argc, argv, 1, NULL, exc) : NULL;
    if (!b) {
        return NULL;
    }
    bool eq = EVP_PKEY_eq(a, b) == 1;
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, eq);
}

/* keyPublic(handle): a handle for the same key that exposes only the public part. */
static JSValueRef keys_public(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    EVP_PKEY *pkey = keys_arg(ctx, argc, argv, 0, NULL, exc);
    return pkey ? rt__crypto_key_wrap(ctx, pkey, false) : NULL;
}

/* keyEcPoint(handle, form): the public point of an EC key (form: 2 compressed, 4
 * uncompressed, 6 hybrid). */
static JSValueRef keys_ec_point(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    EVP_PKEY *pkey = keys_arg(ctx, argc, argv, 0, NULL, exc);
    if (!pkey) {
        return NULL;
    }
    int form = (int)rt_arg_int(ctx, argc, argv, 1);
    uint8_t buf[256];
    size_t n = 0;
    char group[64];
    size_t glen;
    if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_EC ||
        EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                       &glen) != 1 ||
        EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, buf, sizeof(buf), &n) !=
            1) {
        ERR_clear_error();
        return rt_throw_type_error(ctx, exc, "not an EC key");
    }
    EC_GROUP *g = EC_GROUP_new_by_curve_name(OBJ_sn2nid(group));
    EC_POINT *pt = g ? EC_POINT_new(g) : NULL;
    uint8_t out[256];
    size_t out_len = 0;
    if (pt && EC_POINT_oct2point(g, pt, buf, n, NULL) == 1) {
        out_len = EC_POINT_point2oct(g, pt, (point_conversion_form_t)form, out, sizeof(out),
                                     NULL);
    }
    EC_POINT_free(pt);
    EC_GROUP_free(g);
    ERR_clear_error();
    return rt__crypto_new_u8(ctx, out, out_len, exc);
}

/* ---- key pair generation ---- */

typedef struct {
    rt_crypto_job_t base;
    char type[16];
    uint32_t bits;
    uint32_t divisor_bits;
    BIGNUM *exponent;
    char md[64];
    char mgf1_md[64];
    int salt_len; /* -1: unset */
    char curve[64];
    int param_encoding; /* OPENSSL_EC_NAMED_CURVE or OPENSSL_EC_EXPLICIT_CURVE */
    char group[32];
    BIGNUM *prime;
    uint32_t prime_bits;
    uint32_t generator;
    EVP_PKEY *pkey;
} keys_gen_job_t;

static void keys_gen_destroy(rt_crypto_job_t *base) {
    keys_gen_job_t *j = (keys_gen_job_t *)base;
    BN_free(j->exponent);
    BN_free(j->prime);
    EVP_PKEY_free(j->pkey);
    free(j);
}

static JSValueRef keys_gen_finish(JSContextRef ctx, rt_crypto_job_t *base, JSValueRef *exc) {
    keys_gen_job_t *j = (keys_gen_job_t *)base;
    return rt__crypto_key_wrap(ctx, j->pkey, true);
}

/* Node's DH group names -> the RFC 2409/3526 primes (NULL for an unknown name). */
static BIGNUM *keys_dh_group_prime(const char *name) {
    if (strcmp(name, "modp1") == 0) return BN_get_rfc2409_prime_768(NULL);
    if (strcmp(name, "modp2") == 0) return BN_get_rfc2409_prime_1024(NULL);
    if (strcmp(name, "modp5") == 0) return BN_get_rfc3526_prime_1536(NULL);
    if (strcmp(name, "modp14") == 0) return BN_get_rfc3526_prime_2048(NULL);
    if (strcmp(name, "modp15") == 0) return BN_get_rfc3526_prime_3072(NULL);
    if (strcmp(name, "modp16") == 0) return BN_get_rfc3526_prime_4096(NULL);
    if (strcmp(name, "modp17") == 0) return BN_get_rfc3526_prime_6144(NULL);
    if (strcmp(name, "modp18") == 0) return BN_get_rfc3526_prime_8192(NULL);
    return NULL;
}

static bool keys_gen_run(rt_crypto_job_t *base) {
    keys_gen_job_t *j = (keys_gen_job_t *)base;
    EVP_PKEY_CTX *ctx = NULL;
    EVP_PKEY *params = NULL;
    bool ok = false;
    if (strcmp(j->type, "rsa") == 0 || strcmp(j->type, "rsa-pss") == 0) {
        ctx = EVP_PKEY_CTX_new_from_name(NULL, j->type[3] ? "RSA-PSS" : "RSA", NULL);
        ok = ctx && EVP_PKEY_keygen_init(ctx) == 1 &&
             EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, (int)j->bits) == 1 &&
             (!j->exponent || EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, j->exponent) == 1);
        if (ok && j->type[3]) {
            if (j->md[0]) {
                ok = EVP_PKEY_CTX_set_rsa_pss_keygen_md_name(ctx, j->md, NULL) == 1;
            }
            if (ok && (j->mgf1_md[0] || j->md[0])) {
                ok = EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md_name(
                         ctx, j->mgf1_md[0] ? j->mgf1_md : j->md) == 1;
            }
            if (ok && j->salt_len >= 0) {
                ok = EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx, j->salt_len) == 1;
            }
        }
    } else if (strcmp(j->type, "dsa") == 0) {
        EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(NULL, "DSA", NULL);
        ok = pctx && EVP_PKEY_paramgen_init(pctx) == 1 &&
             EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx, (int)j->bits) == 1 &&
             (j->divisor_bits == 0 ||
              EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx, (int)j->divisor_bits) == 1) &&
             EVP_PKEY_paramgen(pctx, &params) == 1;
        EVP_PKEY_CTX_free(pctx);
        ctx = ok ? EVP_PKEY_CTX_new_from_pkey(NULL, params, NULL) : NULL;
        ok = ctx && EVP_PKEY_keygen_init(ctx) == 1;
    } else if (strcmp(j->type, "ec") == 0) {
        int nid = OBJ_sn2nid(j->curve);
        if (nid == NID_undef) {
            nid = EC_curve_nist2nid(j->curve);
        }
        ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
        ok = nid != NID_undef && ctx && EVP_PKEY_keygen_init(ctx) == 1 &&
             EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, nid) == 1 &&
             EVP_PKEY_CTX_set_ec_param_enc(ctx, j->param_encoding) == 1;
    } else if (strcmp(j->type, "dh") == 0) {
        if (j->group[0] && !j->prime) {
            /* The group's prime with generator 2, as node builds it. */
            j->prime = keys_dh_group_prime(j->group);
            j->generator = 2;
            if (!j->prime) {
                return false;
            }
        }
        {
            if (j->prime) {
                OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
                BIGNUM *g = BN_new();
                ok = bld && g && BN_set_word(g, j->generator) == 1 &&
                     OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, j->prime) == 1 &&
                     OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, g) == 1;
                OSSL_PARAM *prm = ok ? OSSL_PARAM_BLD_to_param(bld) : NULL;
                EVP_PKEY_CTX *pctx = prm ? EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL) : NULL;
                ok = pctx && EVP_PKEY_fromdata_init(pctx) == 1 &&
                     EVP_PKEY_fromdata(pctx, &params, EVP_PKEY_KEY_PARAMETERS, prm) == 1;
                EVP_PKEY_CTX_free(pctx);
                OSSL_PARAM_free(prm);
                OSSL_PARAM_BLD_free(bld);
                BN_free(g);
            } else {
                EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL);
                OSSL_PARAM p[2] = {
                    OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_FFC_TYPE, "generator", 0),
                    OSSL_PARAM_construct_end(),
                };
                ok = pctx && EVP_PKEY_paramgen_init(pctx) == 1 &&
                     EVP_PKEY_CTX_set_params(pctx, p) == 1 &&
                     EVP_PKEY_CTX_set_dh_paramgen_prime_len(pctx, (int)j->prime_bits) == 1 &&
                     EVP_PKEY_CTX_set_dh_paramgen_generator(pctx, (int)j->generator) == 1 &&
                     EVP_PKEY_paramgen(pctx, &params) == 1;
                EVP_PKEY_CTX_free(pctx);
            }
            ctx = ok ? EVP_PKEY_CTX_new_from_pkey(NULL, params, NULL) : NULL;
            ok = ctx && EVP_PKEY_keygen_init(ctx) == 1;
        }
    } else {
        const char *name = strcmp(j->type, "ed25519") == 0 ? "ED25519"
                           : strcmp(j->type, "ed448") == 0 ? "ED448"
                           : strcmp(j->type, "x25519") == 0 ? "X25519"
                           : strcmp(j->type, "x448") == 0  ? "X448"
                                                            : NULL;
        ctx = name ? EVP_PKEY_CTX_new_from_name(NULL, name, NULL) : NULL;
        ok = ctx && EVP_PKEY_keygen_init(ctx) == 1;
    }
    ok = ok && EVP_PKEY_keygen(ctx, &j->pkey) == 1;
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(params);
    return ok;
}

static void keys_copy_str(JSContextRef ctx, JSObjectRef o, const char *name, char *buf,
                          size_t size) {
    JSValueRef v = rt_get(ctx, o, name);
    buf[0] = '\0';
    if (JSValueIsString(ctx, v)) {
        char *s = rt_to_utf8(ctx, v, NULL, NULL);
        if (s) {
            snprintf(buf, size, "%s", s);
            free(s);
        }
    }
}

static BIGNUM *keys_get_bn(JSContextRef ctx, JSObjectRef o, const char *name) {
    size_t len;
    uint8_t *p = rt_bytes(ctx, rt_get(ctx, o, name), &len);
    return p ? BN_bin2bn(p, (int)len, NULL) : NULL;
}

/* keyGenerate(type, options, cb?): a private KeyObjectHandle (the key pair). options:
 * { modulusLength, publicExponent (bytes), hash, mgf1Hash, saltLength, divisorLength,
 * namedCurve, explicitCurve, group, prime (bytes), primeLength, generator }. */
static JSValueRef keys_generate(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef ov = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsObject(ctx, ov)) {
        return rt_throw_type_error(ctx, exc, "options must be an object");
    }
    JSObjectRef o = (JSObjectRef)ov;
    keys_gen_job_t *j = calloc(1, sizeof(*j));
    RT_CHECK(j != NULL);
    j->base.run = keys_gen_run;
    j->base.finish = keys_gen_finish;
    j->base.destroy = keys_gen_destroy;
    j->base.failure = "Key generation job failed";
    char *t = rt__crypto_arg_str(ctx, argc, argv, 0, exc);
    if (!t) {
        free(j);
        return *exc ? NULL : rt_throw_type_error(ctx, exc, "type must be a string");
    }
    snprintf(j->type, sizeof(j->type), "%s", t);
    free(t);
    j->bits = (uint32_t)rt_num(ctx, rt_get(ctx, o, "modulusLength"));
    JSValueRef dv = rt_get(ctx, o, "divisorLength");
    j->divisor_bits = JSValueIsNumber(ctx, dv) ? (uint32_t)rt_num(ctx, dv) : 0;
    j->exponent = keys_get_bn(ctx, o, "publicExponent");
    keys_copy_str(ctx, o, "hash", j->md, sizeof(j->md));
    keys_copy_str(ctx, o, "mgf1Hash", j->mgf1_md, sizeof(j->mgf1_md));
    JSValueRef sv = rt_get(ctx, o, "saltLength");
    j->salt_len = JSValueIsNumber(ctx, sv) ? (int)rt_num(ctx, sv) : -1;
    keys_copy_str(ctx, o, "namedCurve", j->curve, sizeof(j->curve));
    j->param_encoding = rt_bool(ctx, rt_get(ctx, o, "explicitCurve"))
                            ? OPENSSL_EC_EXPLICIT_CURVE
                            : OPENSSL_EC_NAMED_CURVE;
    keys_copy_str(ctx, o, "group", j->group, sizeof(j->group));
    j->prime = keys_get_bn(ctx, o, "prime");
    j->prime_bits = (uint32_t)rt_num(ctx, rt_get(ctx, o, "primeLength"));
    JSValueRef gv = rt_get(ctx, o, "generator");
    j->generator = JSValueIsNumber(ctx, gv) ? (uint32_t)rt_num(ctx, gv) : 2;
    return rt__crypto_job_submit(ctx, &j->base, rt_arg(ctx, argc, argv, 2), exc);
}

/* ---- primes ---- */

typedef struct {
    rt_crypto_job_t base;
    uint32_t bits;
    bool safe;
    BIGNUM *add;
    BIGNUM *rem;
    BIGNUM *candidate; /* check: the number; generate: the result */
    int checks;
    bool result;
} keys_prime_job_t;

static void keys_prime_destroy(rt_crypto_job_t *base) {
    keys_prime_job_t *j = (keys_prime_job_t *)base;
    BN_free(j->add);
    BN_free(j->rem);
    BN_free(j->candidate);
    free(j);
}

static bool keys_prime_gen_run(rt_crypto_job_t *base) {
    keys_prime_job_t *j = (keys_prime_job_t *)base;
    j->candidate = BN_new();
    BN_CTX *bctx = BN_CTX_new();
    bool ok = j->candidate && bctx &&
              BN_generate_prime_ex2(j->candidate, (int)j->bits, j->safe ? 1 : 0, j->add, j->rem,
                                    NULL, bctx) == 1;
    BN_CTX_free(bctx);
    return ok;
}

static JSValueRef keys_prime_gen_finish(JSContextRef ctx, rt_crypto_job_t *base,
                                        JSValueRef *exc) {
    keys_prime_job_t *j = (keys_prime_job_t *)base;
    size_t n = (size_t)BN_num_bytes(j->candidate);
    uint8_t *buf = malloc(n ? n : 1);
    RT_CHECK(buf != NULL);
    BN_bn2bin(j->candidate, buf);
    JSObjectRef u8 = rt_uint8array_take(ctx, buf, n, exc);
    return u8 ? JSObjectGetTypedArrayBuffer(ctx, u8, exc) : NULL;
}

static bool keys_prime_check_run(rt_crypto_job_t *base) {
    keys_prime_job_t *j = (keys_prime_job_t *)base;
    BN_CTX *bctx = BN_CTX_new();
    int r = bctx ? BN_check_prime(j->candidate, bctx, NULL) : -1;
    BN_CTX_free(bctx);
    j->result = r == 1;
    return r >= 0;
}

static JSValueRef keys_prime_check_finish(JSContextRef ctx, rt_crypto_job_t *base,
                                          JSValueRef *exc) {
    return JSValueMakeBoolean(ctx, ((keys_prime_job_t *)base)->result);
}

static BIGNUM *keys_arg_bn(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    size_t len;
    uint8_t *p = rt_bytes(ctx, rt_arg(ctx, argc, argv, i), &len);
    return p ? BN_bin2bn(p, (int)len, NULL) : NULL;
}

/* generatePrime(bits, safe, add (bytes|undefined), rem, cb?): an ArrayBuffer (big-endian). */
static JSValueRef keys_generate_prime(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    keys_prime_job_t *j = calloc(1, sizeof(*j));
    RT_CHECK(j != NULL);
    j->base.run = keys_prime_gen_run;
    j->base.finish = keys_prime_gen_finish;
    j->base.destroy = keys_prime_destroy;
    j->base.failure = "Prime generation job failed";
    j->bits = (uint32_t)rt_arg_int(ctx, argc, argv, 0);
    j->safe = rt_bool(ctx, rt_arg(ctx, argc, argv, 1));
    j->add = keys_arg_bn(ctx, argc, argv, 2);
    j->rem = keys_arg_bn(ctx, argc, argv, 3);
    return rt__crypto_job_submit(ctx, &j->base, rt_arg(ctx, argc, argv, 4), exc);
}

/* checkPrime(bytes, checks, cb?): whether the big-endian number is (probably) prime. */
static JSValueRef keys_check_prime(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    BIGNUM *bn = keys_arg_bn(ctx, argc, argv, 0);
    if (!bn) {
        return rt_throw_type_error(ctx, exc, "candidate must be a buffer");
    }
    keys_prime_job_t *j = calloc(1, sizeof(*j));
    RT_CHECK(j != NULL);
    j->base.run = keys_prime_check_run;
    j->base.finish = keys_prime_check_finish;
    j->base.destroy = keys_prime_destroy;
    j->base.failure = "Check prime job failed";
    j->candidate = bn;
    j->checks = (int)rt_arg_int(ctx, argc, argv, 1);
    return rt__crypto_job_submit(ctx, &j->base, rt_arg(ctx, argc, argv, 2), exc);
}

static const JSStaticFunction keys_functions[] = {
    {"keyParse", keys_parse, RT_FN_ATTRS},
    {"keyExport", keys_export, RT_FN_ATTRS},
    {"keyComponents", keys_components, RT_FN_ATTRS},
    {"keyFromComponents", keys_from_components, RT_FN_ATTRS},
    {"keyInfo", keys_info, RT_FN_ATTRS},
    {"keyEquals", keys_equals, RT_FN_ATTRS},
    {"keyPublic", keys_public, RT_FN_ATTRS},
    {"keyEcPoint", keys_ec_point, RT_FN_ATTRS},
    {"keyGenerate", keys_generate, RT_FN_ATTRS},
    {"generatePrime", keys_generate_prime, RT_FN_ATTRS},
    {"checkPrime", keys_check_prime, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt__crypto_keys_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, keys_functions);
}
