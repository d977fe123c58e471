/* crypto_dh.c: key agreement for the `crypto` binding: the ECDH and DiffieHellman handles
 * (node's classic stateful objects, on OpenSSL's EC_KEY and DH) and diffieHellman() over two
 * key objects. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "crypto.h"

#include <limits.h>
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <stdlib.h>
#include <string.h>

/* ---- ECDH ---- */

typedef struct {
    EC_KEY *key;
    const EC_GROUP *group;
} ecdh_t;

static JSClassRef ecdh_class;
static JSClassRef dh_class;
static uv_once_t dh_once = UV_ONCE_INIT;

static void ecdh_finalize(JSObjectRef obj) {
    ecdh_t *e = JSObjectGetPrivate(obj);
    if (e) {
        EC_KEY_free(e->key);
        free(e);
    }
}

static void dh_finalize(JSObjectRef obj) {
    DH *dh = JSObjectGetPrivate(obj);
    DH_free(dh);
}

static void dh_classes_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "ECDHHandle";
    def.finalize = ecdh_finalize;
    ecdh_class = JSClassCreate(&def);
    def.className = "DiffieHellmanHandle";
    def.finalize = dh_finalize;
    dh_class = JSClassCreate(&def);
}

static ecdh_t *ecdh_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    uv_once(&dh_once, dh_classes_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, ecdh_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

static int ecdh_curve_nid(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                          JSValueRef *exc) {
    char *name = rt__crypto_arg_str(ctx, argc, argv, i, exc);
    if (!name) {
        return NID_undef;
    }
    int nid = OBJ_sn2nid(name);
    if (nid == NID_undef) {
        nid = EC_curve_nist2nid(name);
    }
    free(name);
    return nid;
}

/* ecdhNew(curve): an ECDHHandle; null for an unknown curve. */
static JSValueRef ecdh_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&dh_once, dh_classes_init);
    int nid = ecdh_curve_nid(ctx, argc, argv, 0, exc);
    if (*exc) {
        return NULL;
    }
    EC_KEY *key = nid != NID_undef ? EC_KEY_new_by_curve_name(nid) : NULL;
    ERR_clear_error();
    if (!key) {
        return JSValueMakeNull(ctx);
    }
    ecdh_t *e = malloc(sizeof(*e));
    RT_CHECK(e != NULL);
    e->key = key;
    e->group = EC_KEY_get0_group(key);
    return JSObjectMake(ctx, ecdh_class, e);
}

static JSValueRef ecdh_generate_keys(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    ecdh_t *e = ecdh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!e) {
        return NULL;
    }
    if (EC_KEY_generate_key(e->key) != 1) {
        return rt__crypto_throw_openssl(ctx, exc, "Failed to generate key");
    }
    return JSValueMakeUndefined(ctx);
}

static EC_POINT *ecdh_point(const EC_GROUP *group, JSContextRef ctx, JSValueRef v) {
    size_t len;
    const uint8_t *p = rt_bytes(ctx, v, &len);
    EC_POINT *pt = EC_POINT_new(group);
    if (!pt || !p || EC_POINT_oct2point(group, pt, p, len, NULL) != 1) {
        EC_POINT_free(pt);
        ERR_clear_error();
        return NULL;
    }
    return pt;
}

/* ecdhComputeSecret(handle, publicKey): the shared secret; throws
 * ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY for a point not on the curve. */
static JSValueRef ecdh_compute_secret(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    ecdh_t *e = ecdh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!e) {
        return NULL;
    }
    EC_POINT *pt = ecdh_point(e->group, ctx, rt_arg(ctx, argc, argv, 1));
    if (!pt) {
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY",
                             "Public key is not valid for specified curve");
    }
    if (!EC_KEY_get0_private_key(e->key)) {
        EC_POINT_free(pt);
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_INVALID_STATE",
                             "Invalid state for operation computeSecret");
    }
    size_t n = (size_t)(EC_GROUP_get_degree(e->group) + 7) / 8;
    uint8_t *out = malloc(n ? n : 1);
    RT_CHECK(out != NULL);
    int r = ECDH_compute_key(out, n, pt, e->key, NULL);
    EC_POINT_free(pt);
    if (r <= 0) {
        free(out);
        return rt__crypto_throw_openssl(ctx, exc, "Failed to compute ECDH key");
    }
    return rt_uint8array_take(ctx, out, (size_t)r, exc);
}

/* ecdhGetPublicKey(handle, form): the encoded public point; undefined without keys. */
static JSValueRef ecdh_get_public_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    ecdh_t *e = ecdh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!e) {
        return NULL;
    }
    const EC_POINT *pt = EC_KEY_get0_public_key(e->key);
    if (!pt) {
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_OPERATION_FAILED",
                             "Failed to get ECDH public key");
    }
    point_conversion_form_t form = (point_conversion_form_t)rt_arg_int(ctx, argc, argv, 1);
    size_t n = EC_POINT_point2oct(e->group, pt, form, NULL, 0, NULL);
    uint8_t *out = malloc(n ? n : 1);
    RT_CHECK(out != NULL);
    EC_POINT_point2oct(e->group, pt, form, out, n, NULL);
    return rt_uint8array_take(ctx, out, n, exc);
}

static JSValueRef ecdh_get_private_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    ecdh_t *e = ecdh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!e) {
        return NULL;
    }
    const BIGNUM *bn = EC_KEY_get0_private_key(e->key);
    if (!bn) {
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_OPERATION_FAILED",
                             "Failed to get ECDH private key");
    }
    size_t n = (size_t)(EC_GROUP_order_bits(e->group) + 7) / 8;
    if ((size_t)BN_num_bytes(bn) > n) {
        n = (size_t)BN_num_bytes(bn);
    }
    uint8_t *out = malloc(n ? n : 1);
    RT_CHECK(out != NULL);
    BN_bn2binpad(bn, out, (int)n);
    return rt_uint8array_take(ctx, out, n, exc);
}

/* ecdhSetPrivateKey(handle, bytes): sets the private key and derives the public one; throws
 * ERR_CRYPTO_INVALID_KEYTYPE when out of range. */
static JSValueRef ecdh_set_private_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    ecdh_t *e = ecdh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!e) {
        return NULL;
    }
    size_t len;
    const uint8_t *p = rt_bytes(ctx, rt_arg(ctx, argc, argv, 1), &len);
    BIGNUM *bn = p && len <= INT_MAX ? BN_bin2bn(p, (int)len, NULL) : NULL;
    const BIGNUM *order = EC_GROUP_get0_order(e->group);
    if (!bn || BN_is_zero(bn) || BN_is_negative(bn) || BN_cmp(bn, order) >= 0) {
        BN_clear_free(bn);
        return rt_throw_code(ctx, exc, "RangeError", "ERR_CRYPTO_INVALID_KEYTYPE",
                             "Private key is not valid for specified curve.");
    }
    EC_KEY *key = EC_KEY_new_by_curve_name(EC_GROUP_get_curve_name(e->group));
    EC_POINT *pub = key ? EC_POINT_new(e->group) : NULL;
    bool ok = pub && EC_KEY_set_private_key(key, bn) == 1 &&
              EC_POINT_mul(e->group, pub, bn, NULL, NULL, NULL) == 1 &&
              EC_KEY_set_public_key(key, pub) == 1;
    EC_POINT_free(pub);
    BN_clear_free(bn);
    if (!ok) {
        EC_KEY_free(key);
        return rt__crypto_throw_openssl(ctx, exc, "Failed to convert BN to a private key");
    }
    EC_KEY_free(e->key);
    e->key = key;
    e->group = EC_KEY_get0_group(key);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef ecdh_set_public_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    ecdh_t *e = ecdh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!e) {
        return NULL;
    }
    EC_POINT *pt = ecdh_point(e->group, ctx, rt_arg(ctx, argc, argv, 1));
    if (!pt || EC_KEY_set_public_key(e->key, pt) != 1) {
        EC_POINT_free(pt);
        ERR_clear_error();
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_OPERATION_FAILED",
                             "Failed to convert Buffer to EC_POINT");
    }
    EC_POINT_free(pt);
    return JSValueMakeUndefined(ctx);
}

/* ecdhConvertKey(key, curve, form): the point re-encoded; null for an unknown curve; throws
 * for a bad point. */
static JSValueRef ecdh_convert_key(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int nid = ecdh_curve_nid(ctx, argc, argv, 1, exc);
    if (*exc) {
        return NULL;
    }
    EC_GROUP *g = nid != NID_undef ? EC_GROUP_new_by_curve_name(nid) : NULL;
    if (!g) {
        ERR_clear_error();
        return JSValueMakeNull(ctx);
    }
    EC_POINT *pt = ecdh_point(g, ctx, rt_arg(ctx, argc, argv, 0));
    if (!pt) {
        EC_GROUP_free(g);
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_OPERATION_FAILED",
                             "Failed to convert Buffer to EC_POINT");
    }
    point_conversion_form_t form = (point_conversion_form_t)rt_arg_int(ctx, argc, argv, 2);
    size_t n = EC_POINT_point2oct(g, pt, form, NULL, 0, NULL);
    uint8_t *out = malloc(n ? n : 1);
    RT_CHECK(out != NULL);
    EC_POINT_point2oct(g, pt, form, out, n, NULL);
    EC_POINT_free(pt);
    EC_GROUP_free(g);
    return rt_uint8array_take(ctx, out, n, exc);
}

/* ---- DiffieHellman ---- */

static DH *dh_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    uv_once(&dh_once, dh_classes_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, dh_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

static BIGNUM *dh_arg_bn(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    size_t len;
    const uint8_t *p = rt_bytes(ctx, rt_arg(ctx, argc, argv, i), &len);
    if (!p) {
        if (JSValueIsObject(ctx, rt_arg(ctx, argc, argv, i))) {
            return BN_new(); /* an empty buffer: zero */
        }
        return NULL;
    }
    return len <= INT_MAX ? BN_bin2bn(p, (int)len, NULL) : NULL;
}

/* dhNew(primeOrBits, generator): a DiffieHellmanHandle. A number generates a prime of that
 * many bits; the generator is a number or big-endian bytes. */
static JSValueRef dh_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                         const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&dh_once, dh_classes_init);
    DH *dh = DH_new();
    RT_CHECK(dh != NULL);
    JSValueRef pv = rt_arg(ctx, argc, argv, 0);
    JSValueRef gv = rt_arg(ctx, argc, argv, 1);
    ERR_clear_error();
    if (JSValueIsNumber(ctx, pv)) {
        int bits = (int)rt_num(ctx, pv);
        int g = JSValueIsNumber(ctx, gv) ? (int)rt_num(ctx, gv) : 2;
        if (bits < 2) {
            DH_free(dh);
            ERR_raise(ERR_LIB_BN, BN_R_BITS_TOO_SMALL);
            return rt__crypto_throw_openssl(ctx, exc, "Initialization failed");
        }
        if (g < 2) {
            DH_free(dh);
            ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
            return rt__crypto_throw_openssl(ctx, exc, "Initialization failed");
        }
        if (DH_generate_parameters_ex(dh, bits, g, NULL) != 1) {
            DH_free(dh);
            return rt__crypto_throw_openssl(ctx, exc, "Initialization failed");
        }
    } else {
        BIGNUM *p = dh_arg_bn(ctx, argc, argv, 0);
        BIGNUM *g;
        if (JSValueIsNumber(ctx, gv)) {
            g = BN_new();
            RT_CHECK(g != NULL);
            BN_set_word(g, (BN_ULONG)rt_num(ctx, gv));
        } else {
            g = dh_arg_bn(ctx, argc, argv, 1);
        }
        if (!p || !g) {
            BN_free(p);
            BN_free(g);
            DH_free(dh);
            return rt_throw_type_error(ctx, exc, "bad prime or generator");
        }
        if (BN_is_zero(g) || BN_is_one(g) || BN_is_negative(g)) {
            BN_free(p);
            BN_free(g);
            DH_free(dh);
            ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
            return rt__crypto_throw_openssl(ctx, exc, "Initialization failed");
        }
        if (BN_num_bits(p) < 2) {
            BN_free(p);
            BN_free(g);
            DH_free(dh);
            ERR_raise(ERR_LIB_DH, DH_R_MODULUS_TOO_SMALL);
            return rt__crypto_throw_openssl(ctx, exc, "Initialization failed");
        }
        DH_set0_pqg(dh, p, NULL, g);
    }
    return JSObjectMake(ctx, dh_class, dh);
}

/* Node's group names -> the RFC 2409/3526 primes. */
static BIGNUM *dh_group_prime(const char *name) {
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

/* dhNewGroup(name): a handle for a predefined group; null for an unknown name. */
static JSValueRef dh_new_group(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&dh_once, dh_classes_init);
    char *name = rt__crypto_arg_str(ctx, argc, argv, 0, exc);
    if (!name) {
        return *exc ? NULL : JSValueMakeNull(ctx);
    }
    BIGNUM *p = dh_group_prime(name);
    free(name);
    if (!p) {
        return JSValueMakeNull(ctx);
    }
    BIGNUM *g = BN_new();
    RT_CHECK(g != NULL);
    BN_set_word(g, 2);
    DH *dh = DH_new();
    RT_CHECK(dh != NULL);
    DH_set0_pqg(dh, p, NULL, g);
    return JSObjectMake(ctx, dh_class, dh);
}

static JSValueRef dh_bn_result(JSContextRef ctx, const BIGNUM *bn, const char *what,
                               JSValueRef *exc) {
    if (!bn) {
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_INVALID_STATE",
                             "%s is not set", what);
    }
    size_t n = (size_t)BN_num_bytes(bn);
    uint8_t *out = malloc(n ? n : 1);
    RT_CHECK(out != NULL);
    BN_bn2bin(bn, out);
    return rt_uint8array_take(ctx, out, n, exc);
}

static JSValueRef dh_generate_keys(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    DH *dh = dh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!dh) {
        return NULL;
    }
    ERR_clear_error();
    if (DH_generate_key(dh) != 1) {
        return rt__crypto_throw_openssl(ctx, exc, "Key generation failed");
    }
    return dh_bn_result(ctx, DH_get0_pub_key(dh), "Public key", exc);
}

/* dhGet(handle, what): 0 prime, 1 generator, 2 public key, 3 private key. */
static JSValueRef dh_get(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                         const JSValueRef argv[], JSValueRef *exc) {
    DH *dh = dh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!dh) {
        return NULL;
    }
    switch (rt_arg_int(ctx, argc, argv, 1)) {
    case 0: return dh_bn_result(ctx, DH_get0_p(dh), "Prime", exc);
    case 1: return dh_bn_result(ctx, DH_get0_g(dh), "Generator", exc);
    case 2:
        if (!DH_get0_pub_key(dh)) {
            return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_INVALID_STATE",
                                 "No public key - did you forget to generate one?");
        }
        return dh_bn_result(ctx, DH_get0_pub_key(dh), "Public key", exc);
    default:
        if (!DH_get0_priv_key(dh)) {
            return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_INVALID_STATE",
                                 "No private key - did you forget to generate one?");
        }
        return dh_bn_result(ctx, DH_get0_priv_key(dh), "Private key", exc);
    }
}

/* dhSet(handle, what, bytes): 2 public key, 3 private key. */
static JSValueRef dh_set(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                         const JSValueRef argv[], JSValueRef *exc) {
    DH *dh = dh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!dh) {
        return NULL;
    }
    BIGNUM *bn = dh_arg_bn(ctx, argc, argv, 2);
    if (!bn) {
        return rt_throw_type_error(ctx, exc, "key must be a buffer");
    }
    if (rt_arg_int(ctx, argc, argv, 1) == 2) {
        DH_set0_key(dh, bn, NULL);
    } else {
        DH_set0_key(dh, NULL, bn);
    }
    return JSValueMakeUndefined(ctx);
}

/* dhComputeSecret(handle, otherPublicKey): the secret, left-padded to the prime's size. */
static JSValueRef dh_compute_secret(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    DH *dh = dh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!dh) {
        return NULL;
    }
    BIGNUM *pub = dh_arg_bn(ctx, argc, argv, 1);
    if (!pub) {
        return rt_throw_type_error(ctx, exc, "key must be a buffer");
    }
    ERR_clear_error();
    int codes = 0;
    if (DH_check_pub_key(dh, pub, &codes) != 1 || codes != 0) {
        BN_free(pub);
        ERR_clear_error();
        if (codes & DH_CHECK_PUBKEY_TOO_SMALL) {
            return rt_throw_code(ctx, exc, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN",
                                 "Supplied key is too small");
        }
        return rt_throw_code(ctx, exc, "RangeError", "ERR_CRYPTO_INVALID_KEYTYPE",
                             "Unspecified validation error");
    }
    if (!DH_get0_priv_key(dh)) {
        BN_free(pub);
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_INVALID_STATE",
                             "Invalid state for operation computeSecret");
    }
    size_t n = (size_t)DH_size(dh);
    uint8_t *out = malloc(n ? n : 1);
    RT_CHECK(out != NULL);
    int r = DH_compute_key_padded(out, pub, dh);
    BN_free(pub);
    if (r < 0) {
        free(out);
        return rt__crypto_throw_openssl(ctx, exc, "Failed to compute DH key");
    }
    return rt_uint8array_take(ctx, out, (size_t)r, exc);
}

/* dhVerifyError(handle): DH_check's flags. */
static JSValueRef dh_verify_error(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    DH *dh = dh_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!dh) {
        return NULL;
    }
    int codes = 0;
    DH_check(dh, &codes);
    ERR_clear_error();
    return JSValueMakeNumber(ctx, codes);
}

/* keyDerive(privateHandle, publicHandle): EVP_PKEY_derive (ECDH, X25519, X448, DH). */
static JSValueRef dh_key_derive(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    EVP_PKEY *priv = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 0), NULL);
    EVP_PKEY *pub = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 1), NULL);
    if (!priv || !pub) {
        return rt_throw_type_error(ctx, exc, "keys must be key handles");
    }
    ERR_clear_error();
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_pkey(NULL, priv, NULL);
    size_t len = 0;
    bool ok = pctx && EVP_PKEY_derive_init(pctx) == 1;
    if (ok && EVP_PKEY_is_a(priv, "DH")) {
        EVP_PKEY_CTX_set_dh_pad(pctx, 1);
    }
    ok = ok && EVP_PKEY_derive_set_peer(pctx, pub) == 1 &&
         EVP_PKEY_derive(pctx, NULL, &len) == 1;
    uint8_t *out = NULL;
    if (ok) {
        out = malloc(len ? len : 1);
        RT_CHECK(out != NULL);
        ok = EVP_PKEY_derive(pctx, out, &len) == 1;
    }
    EVP_PKEY_CTX_free(pctx);
    if (!ok) {
        free(out);
        return rt__crypto_throw_openssl(ctx, exc, "Failed to derive key");
    }
    return rt_uint8array_take(ctx, out, len, exc);
}

/* setEngine(id, flags): makes an OpenSSL engine the default for flags; false when there is
 * no such engine. (Engines are deprecated OpenSSL API, like the DH and EC_KEY calls
 * above.) */
static JSValueRef dh_set_engine(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    char *id = rt__crypto_arg_str(ctx, argc, argv, 0, exc);
    if (!id) {
        return *exc ? NULL : rt_throw_type_error(ctx, exc, "id must be a string");
    }
    unsigned int flags = (unsigned int)rt_arg_int(ctx, argc, argv, 1);
    ENGINE *e = ENGINE_by_id(id);
    free(id);
    bool ok = false;
    if (e) {
        ok = ENGINE_set_default(e, flags) == 1;
        ENGINE_free(e);
    }
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, ok);
}

static const JSStaticFunction dh_functions[] = {
    {"setEngine", dh_set_engine, RT_FN_ATTRS},
    {"ecdhNew", ecdh_new, RT_FN_ATTRS},
    {"ecdhGenerateKeys", ecdh_generate_keys, RT_FN_ATTRS},
    {"ecdhComputeSecret", ecdh_compute_secret, RT_FN_ATTRS},
    {"ecdhGetPublicKey", ecdh_get_public_key, RT_FN_ATTRS},
    {"ecdhGetPrivateKey", ecdh_get_private_key, RT_FN_ATTRS},
    {"ecdhSetPrivateKey", ecdh_set_private_key, RT_FN_ATTRS},
    {"ecdhSetPublicKey", ecdh_set_public_key, RT_FN_ATTRS},
    {"ecdhConvertKey", ecdh_convert_key, RT_FN_ATTRS},
    {"dhNew", dh_new, RT_FN_ATTRS},
    {"dhNewGroup", dh_new_group, RT_FN_ATTRS},
    {"dhGenerateKeys", dh_generate_keys, RT_FN_ATTRS},
    {"dhGet", dh_get, RT_FN_ATTRS},
    {"dhSet", dh_set, RT_FN_ATTRS},
    {"dhComputeSecret", dh_compute_secret, RT_FN_ATTRS},
    {"dhVerifyError", dh_verify_error, RT_FN_ATTRS},
    {"keyDerive", dh_key_derive, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt__crypto_dh_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, dh_functions);
}
