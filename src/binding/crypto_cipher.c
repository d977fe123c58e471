/* crypto_cipher.c: symmetric ciphers for the `crypto` binding (the CipherHandle behind
 * Cipheriv/Decipheriv, with node's AEAD rules for GCM, CCM, OCB and ChaCha20-Poly1305),
 * getCipherInfo, and RSA public/private encryption. */
#include "crypto.h"

#include <ctype.h>
#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    EVP_CIPHER_CTX *ctx;
    int mode;
    bool decrypt;
    bool aead;
    bool chacha;
    int tag_len;          /* -1: not given */
    uint8_t tag[16];      /* encrypt: the computed tag; decrypt: the expected one */
    bool tag_pending;     /* decrypt: a tag to hand to OpenSSL before the next step */
    bool ccm_len_set;     /* CCM: the message length went to OpenSSL */
    bool auth_failed;     /* CCM decrypt: update found a bad tag */
    bool ccm_updated;     /* CCM: the one update() it allows happened */
    bool finalized;
} cipher_t;

static JSClassRef cipher_class;
static uv_once_t cipher_once = UV_ONCE_INIT;

static void cipher_finalize(JSObjectRef obj) {
    cipher_t *c = JSObjectGetPrivate(obj);
    if (c) {
        EVP_CIPHER_CTX_free(c->ctx);
        OPENSSL_cleanse(c, sizeof(*c));
        free(c);
    }
}

static void cipher_class_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "CipherHandle";
    def.finalize = cipher_finalize;
    cipher_class = JSClassCreate(&def);
}

static cipher_t *cipher_of(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    uv_once(&cipher_once, cipher_class_init);
    if (!v || !JSValueIsObjectOfClass(ctx, v, cipher_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

static bool cipher_is_aead_mode(int mode, const EVP_CIPHER *cipher) {
    return mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE ||
           mode == EVP_CIPH_OCB_MODE || EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
}

static bool cipher_valid_gcm_tag(int n) {
    return n == 4 || n == 8 || (n >= 12 && n <= 16);
}

/* The cipher called name; NULL if none (fetched, so the caller frees it). */
static EVP_CIPHER *cipher_fetch(const char *name) {
    const EVP_CIPHER *legacy = EVP_get_cipherbyname(name);
    if (!legacy) {
        ERR_clear_error();
        return NULL;
    }
    EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(legacy), NULL);
    ERR_clear_error();
    return c;
}

/* cipherNew(name, key, iv|null, decrypt, authTagLength): a CipherHandle. Throws node's
 * ERR_CRYPTO_UNKNOWN_CIPHER, ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_IV,
 * ERR_CRYPTO_INVALID_AUTH_TAG. */
static JSValueRef cipher_new(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&cipher_once, cipher_class_init);
    char *name = rt__crypto_arg_str(ctx, argc, argv, 0, exc);
    if (!name) {
        return *exc ? NULL : rt_throw_type_error(ctx, exc, "cipher must be a string");
    }
    EVP_CIPHER *cipher = cipher_fetch(name);
    if (!cipher) {
        free(name);
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
    }
    const uint8_t *key, *iv = NULL;
    size_t key_len, iv_len = 0;
    char *key_owned = NULL, *iv_owned = NULL;
    JSValueRef result = NULL;
    EVP_CIPHER_CTX *cctx = NULL;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 1, &key, &key_len, &key_owned, exc)) {
        goto done;
    }
    JSValueRef ivv = rt_arg(ctx, argc, argv, 2);
    bool has_iv = !JSValueIsNull(ctx, ivv) && !JSValueIsUndefined(ctx, ivv);
    if (has_iv && !rt__crypto_arg_bytes(ctx, argc, argv, 2, &iv, &iv_len, &iv_owned, exc)) {
        goto done;
    }
    bool decrypt = rt_bool(ctx, rt_arg(ctx, argc, argv, 3));
    JSValueRef tlv = rt_arg(ctx, argc, argv, 4);
    int tag_len = JSValueIsNumber(ctx, tlv) ? (int)rt_num(ctx, tlv) : -1;
    int mode = EVP_CIPHER_get_mode(cipher);
    bool chacha = EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
    bool aead = cipher_is_aead_mode(mode, cipher);
    int expected_iv = EVP_CIPHER_get_iv_length(cipher);
    if (mode == EVP_CIPH_WRAP_MODE && !has_iv) {
        /* Key wrap: the default IV. */
    } else if (aead) {
        bool ok_iv = has_iv && iv_len > 0;
        if (mode == EVP_CIPH_CCM_MODE) {
            ok_iv = ok_iv && iv_len >= 7 && iv_len <= 13;
        } else if (mode == EVP_CIPH_OCB_MODE) {
            ok_iv = ok_iv && iv_len <= 15;
        } else if (chacha) {
            ok_iv = ok_iv && iv_len <= 12;
        }
        if (!ok_iv) {
            rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_IV",
                          "Invalid initialization vector");
            goto done;
        }
    } else if ((has_iv ? (int)iv_len : 0) != expected_iv) {
        rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_IV",
                      "Invalid initialization vector");
        goto done;
    }
    if (aead) {
        if ((mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE) && tag_len < 0) {
            char *lower = name;
            for (char *p = lower; *p; p++) {
                *p = (char)tolower((unsigned char)*p);
            }
            rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                          "authTagLength required for %s", name);
            goto done;
        }
        if (tag_len >= 0) {
            bool valid;
            if (mode == EVP_CIPH_GCM_MODE) {
                valid = cipher_valid_gcm_tag(tag_len);
            } else if (mode == EVP_CIPH_CCM_MODE) {
                valid = tag_len >= 4 && tag_len <= 16 && tag_len % 2 == 0;
            } else {
                valid = tag_len >= 1 && tag_len <= 16;
            }
            if (!valid) {
                rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                              "Invalid authentication tag length: %d", tag_len);
                goto done;
            }
        } else if (mode != EVP_CIPH_GCM_MODE) {
            tag_len = 16;
        }
    }
    ERR_clear_error();
    cctx = EVP_CIPHER_CTX_new();
    if (!cctx || EVP_CipherInit_ex(cctx, cipher, NULL, NULL, NULL, decrypt ? 0 : 1) != 1) {
        rt__crypto_throw_openssl(ctx, exc, "Failed to initialize cipher");
        goto done;
    }
    if (mode == EVP_CIPH_WRAP_MODE) {
        EVP_CIPHER_CTX_set_flags(cctx, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    }
    if (aead && has_iv &&
        EVP_CIPHER_CTX_ctrl(cctx, EVP_CTRL_AEAD_SET_IVLEN, (int)iv_len, NULL) != 1) {
        ERR_clear_error();
        rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_IV",
                      "Invalid initialization vector");
        goto done;
    }
    if (aead && (mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE || chacha) &&
        EVP_CIPHER_CTX_ctrl(cctx, EVP_CTRL_AEAD_SET_TAG, tag_len, NULL) != 1) {
        ERR_clear_error();
        rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                      "Invalid authentication tag length: %d", tag_len);
        goto done;
    }
    if ((int)key_len != EVP_CIPHER_get_key_length(cipher) &&
        (key_len > INT_MAX || EVP_CIPHER_CTX_set_key_length(cctx, (int)key_len) != 1)) {
        ERR_clear_error();
        rt_throw_code(ctx, exc, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
        goto done;
    }
    if (EVP_CipherInit_ex(cctx, NULL, NULL, key, has_iv && iv_len ? iv : NULL,
                          decrypt ? 0 : 1) != 1) {
        rt__crypto_throw_openssl(ctx, exc, "Failed to initialize cipher");
        goto done;
    }
    cipher_t *c = calloc(1, sizeof(*c));
    RT_CHECK(c != NULL);
    c->ctx = cctx;
    cctx = NULL;
    c->mode = mode;
    c->decrypt = decrypt;
    c->aead = aead;
    c->chacha = chacha;
    c->tag_len = tag_len;
    result = JSObjectMake(ctx, cipher_class, c);
done:
    EVP_CIPHER_CTX_free(cctx);
    EVP_CIPHER_free(cipher);
    free(name);
    if (key_owned) {
        OPENSSL_cleanse(key_owned, key_len);
    }
    free(key_owned);
    free(iv_owned);
    return result;
}

/* Hands a pending decryption tag to OpenSSL (GCM/OCB/ChaCha take it any time before
 * final). */
static void cipher_pass_tag(cipher_t *c) {
    if (c->tag_pending && c->mode != EVP_CIPH_CCM_MODE) {
        EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_TAG, c->tag_len, c->tag);
        c->tag_pending = false;
    }
}

/* CCM needs the tag before the key and the length before the data. */
static bool cipher_ccm_prepare(cipher_t *c, size_t len) {
    if (c->mode != EVP_CIPH_CCM_MODE || c->ccm_len_set) {
        return true;
    }
    if (c->decrypt && c->tag_pending) {
        EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_TAG, c->tag_len, c->tag);
        EVP_CipherInit_ex(c->ctx, NULL, NULL, NULL, NULL, 0);
        c->tag_pending = false;
    }
    int outl;
    if (len > INT_MAX || EVP_CipherUpdate(c->ctx, NULL, &outl, NULL, (int)len) != 1) {
        return false;
    }
    c->ccm_len_set = true;
    return true;
}

/* cipherUpdate(handle, data): the output so far (a Uint8Array). Throws on failure. */
static JSValueRef cipher_update(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    cipher_t *c = cipher_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!c) {
        return NULL;
    }
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 1, &data, &len, &owned, exc)) {
        return NULL;
    }
    JSValueRef result = NULL;
    ERR_clear_error();
    if (c->finalized || (c->mode == EVP_CIPH_CCM_MODE && c->ccm_updated)) {
        JSValueRef args[1] = {rt_string_from_cstr(ctx, "Trying to add data in unsupported state")};
        *exc = JSObjectMakeError(ctx, 1, args, NULL);
        goto done;
    }
    if (c->mode == EVP_CIPH_CCM_MODE) {
        c->ccm_updated = true;
    }
    if (!cipher_ccm_prepare(c, len)) {
        rt_throw_code(ctx, exc, "RangeError", "ERR_CRYPTO_INVALID_MESSAGELEN",
                      "Invalid message length");
        goto done;
    }
    cipher_pass_tag(c);
    if (len > INT_MAX - 64) {
        rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE", "data is too long");
        goto done;
    }
    size_t cap = len + (size_t)EVP_CIPHER_CTX_get_block_size(c->ctx) + 16;
    uint8_t *out = malloc(cap);
    RT_CHECK(out != NULL);
    int outl = 0;
    int r = EVP_CipherUpdate(c->ctx, out, &outl, data, (int)len);
    if (r != 1) {
        if (c->mode == EVP_CIPH_CCM_MODE && c->decrypt) {
            c->auth_failed = true;
            outl = 0;
            ERR_clear_error();
        } else {
            free(out);
            rt__crypto_throw_openssl(ctx, exc, "Trying to add data in unsupported state");
            goto done;
        }
    }
    result = rt_uint8array_take(ctx, out, (size_t)(outl < 0 ? 0 : outl), exc);
done:
    free(owned);
    return result;
}

/* cipherFinal(handle): the last output. Throws OpenSSL's error (bad decrypt, wrong final
 * block length) or, for a failed authentication, "Unsupported state or unable to
 * authenticate data". */
static JSValueRef cipher_final(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    cipher_t *c = cipher_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!c) {
        return NULL;
    }
    ERR_clear_error();
    if (c->finalized) {
        return rt_throw_code(ctx, exc, "Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state");
    }
    c->finalized = true;
    uint8_t out[64];
    int outl = 0;
    bool ok;
    if (c->mode == EVP_CIPH_CCM_MODE) {
        if (!c->ccm_len_set) {
            cipher_ccm_prepare(c, 0);
            int n;
            EVP_CipherUpdate(c->ctx, out, &n, (const uint8_t *)"", 0);
        }
        ok = !c->auth_failed;
        if (ok && !c->decrypt) {
            ok = EVP_CipherFinal_ex(c->ctx, out, &outl) == 1;
        }
    } else {
        if (c->aead && c->decrypt && c->tag_len < 0 && !c->tag_pending) {
            /* Decrypting without a tag never authenticates. */
            ok = false;
        } else {
            cipher_pass_tag(c);
            ok = EVP_CipherFinal_ex(c->ctx, out, &outl) == 1;
        }
    }
    if (ok && c->aead && !c->decrypt) {
        int n = c->tag_len < 0 ? 16 : c->tag_len;
        if (EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_GET_TAG, n, c->tag) == 1) {
            c->tag_len = n;
        }
    }
    if (!ok) {
        if (c->aead && c->decrypt) {
            ERR_clear_error();
            JSValueRef args[1] = {
                rt_string_from_cstr(ctx, "Unsupported state or unable to authenticate data")};
            *exc = JSObjectMakeError(ctx, 1, args, NULL);
            return NULL;
        }
        return rt__crypto_throw_openssl(ctx, exc,
                                        "Unsupported state or unable to authenticate data");
    }
    return rt__crypto_new_u8(ctx, out, (size_t)outl, exc);
}

/* cipherSetAutoPadding(handle, on): false once final() ran. */
static JSValueRef cipher_set_auto_padding(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    cipher_t *c = cipher_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!c) {
        return NULL;
    }
    if (c->finalized) {
        return JSValueMakeBoolean(ctx, false);
    }
    EVP_CIPHER_CTX_set_padding(c->ctx, rt_bool(ctx, rt_arg(ctx, argc, argv, 1)));
    return JSValueMakeBoolean(ctx, true);
}

/* cipherSetAAD(handle, data, plaintextLength): false when not allowed (non-AEAD cipher,
 * after final, CCM without a length). */
static JSValueRef cipher_set_aad(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                 size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cipher_t *c = cipher_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!c) {
        return NULL;
    }
    if (!c->aead || c->finalized) {
        return JSValueMakeBoolean(ctx, false);
    }
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 1, &data, &len, &owned, exc)) {
        return NULL;
    }
    ERR_clear_error();
    bool ok = true;
    if (c->mode == EVP_CIPH_CCM_MODE) {
        JSValueRef plv = rt_arg(ctx, argc, argv, 2);
        if (!JSValueIsNumber(ctx, plv)) {
            free(owned);
            return rt_throw_code(ctx, exc, "TypeError", "ERR_MISSING_ARGS",
                                 "options.plaintextLength required for CCM mode with AAD");
        }
        double pl = rt_num(ctx, plv);
        if (!(pl >= 0) || pl > INT_MAX) {
            ok = false;
        } else {
            ok = cipher_ccm_prepare(c, (size_t)pl);
        }
    }
    int outl;
    ok = ok && len <= INT_MAX && EVP_CipherUpdate(c->ctx, NULL, &outl, data, (int)len) == 1;
    free(owned);
    ERR_clear_error();
    return JSValueMakeBoolean(ctx, ok);
}

/* cipherGetAuthTag(handle): the tag after final() of an AEAD encryption, else undefined. */
static JSValueRef cipher_get_auth_tag(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cipher_t *c = cipher_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!c) {
        return NULL;
    }
    if (c->decrypt || !c->aead || !c->finalized || c->tag_len <= 0) {
        return JSValueMakeUndefined(ctx);
    }
    return rt__crypto_new_u8(ctx, c->tag, (size_t)c->tag_len, exc);
}

/* cipherSetAuthTag(handle, tag): 0 on success, 1 when not allowed now (not a decipher,
 * already set, or after final); throws ERR_CRYPTO_INVALID_AUTH_TAG on a bad length. */
static JSValueRef cipher_set_auth_tag(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cipher_t *c = cipher_of(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!c) {
        return NULL;
    }
    size_t len;
    const uint8_t *tag = rt_bytes(ctx, rt_arg(ctx, argc, argv, 1), &len);
    if (!tag) {
        len = 0;
    }
    if (!c->decrypt || !c->aead || c->finalized || c->tag_pending) {
        return JSValueMakeNumber(ctx, 1);
    }
    bool valid;
    if (c->mode == EVP_CIPH_GCM_MODE) {
        valid = c->tag_len < 0 ? cipher_valid_gcm_tag((int)len) : (int)len == c->tag_len;
    } else {
        valid = (int)len == c->tag_len;
    }
    if (!valid) {
        return rt_throw_code(ctx, exc, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG",
                             "Invalid authentication tag length: %zu", len);
    }
    c->tag_len = (int)len;
    memcpy(c->tag, tag, len);
    c->tag_pending = true;
    return JSValueMakeNumber(ctx, 0);
}

/* getCipherInfo(nameOrNid, keyLength, ivLength): { name, nid, blockSize, ivLength,
 * keyLength, mode } or undefined. */
static JSValueRef cipher_get_info(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    const EVP_CIPHER *legacy = NULL;
    if (JSValueIsNumber(ctx, v)) {
        legacy = EVP_get_cipherbynid((int)rt_num(ctx, v));
    } else {
        char *name = rt__crypto_arg_str(ctx, argc, argv, 0, exc);
        if (!name) {
            return NULL;
        }
        legacy = EVP_get_cipherbyname(name);
        free(name);
    }
    if (!legacy) {
        ERR_clear_error();
        return JSValueMakeUndefined(ctx);
    }
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(legacy), NULL);
    ERR_clear_error();
    if (!cipher) {
        return JSValueMakeUndefined(ctx);
    }
    int mode = EVP_CIPHER_get_mode(cipher);
    int iv_len = EVP_CIPHER_get_iv_length(cipher);
    int key_len = EVP_CIPHER_get_key_length(cipher);
    JSValueRef klv = rt_arg(ctx, argc, argv, 1);
    JSValueRef ivv = rt_arg(ctx, argc, argv, 2);
    JSValueRef result = JSValueMakeUndefined(ctx);
    if (JSValueIsNumber(ctx, klv)) {
        int want = (int)rt_num(ctx, klv);
        if (want != key_len) {
            EVP_CIPHER_CTX *cctx = EVP_CIPHER_CTX_new();
            bool ok = cctx && EVP_CipherInit_ex(cctx, cipher, NULL, NULL, NULL, 1) == 1 &&
                      EVP_CIPHER_CTX_set_key_length(cctx, want) == 1;
            EVP_CIPHER_CTX_free(cctx);
            ERR_clear_error();
            if (!ok) {
                goto done;
            }
            key_len = want;
        }
    }
    if (JSValueIsNumber(ctx, ivv)) {
        int want = (int)rt_num(ctx, ivv);
        if (want != iv_len) {
            bool ok;
            if (mode == EVP_CIPH_CCM_MODE) {
                ok = want >= 7 && want <= 13;
            } else if (mode == EVP_CIPH_GCM_MODE) {
                ok = want > 0;
            } else if (mode == EVP_CIPH_OCB_MODE) {
                ok = want > 0 && want <= 15;
            } else {
                ok = false;
            }
            if (!ok) {
                goto done;
            }
            iv_len = want;
        }
    }
    {
        const char *mode_name;
        switch (mode) {
        case EVP_CIPH_CBC_MODE: mode_name = "cbc"; break;
        case EVP_CIPH_CCM_MODE: mode_name = "ccm"; break;
        case EVP_CIPH_CFB_MODE: mode_name = "cfb"; break;
        case EVP_CIPH_CTR_MODE: mode_name = "ctr"; break;
        case EVP_CIPH_ECB_MODE: mode_name = "ecb"; break;
        case EVP_CIPH_GCM_MODE: mode_name = "gcm"; break;
        case EVP_CIPH_OCB_MODE: mode_name = "ocb"; break;
        case EVP_CIPH_OFB_MODE: mode_name = "ofb"; break;
        case EVP_CIPH_STREAM_CIPHER: mode_name = "stream"; break;
        case EVP_CIPH_WRAP_MODE: mode_name = "wrap"; break;
        case EVP_CIPH_XTS_MODE: mode_name = "xts"; break;
        default: mode_name = NULL; break;
        }
        JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
        if (mode_name) {
            rt_set_str(ctx, o, "mode", mode_name);
        }
        int nid = EVP_CIPHER_get_nid(cipher);
        const char *sn = OBJ_nid2sn(nid);
        char lower[80];
        snprintf(lower, sizeof(lower), "%s", sn ? sn : EVP_CIPHER_get0_name(cipher));
        for (char *p = lower; *p; p++) {
            *p = (char)tolower((unsigned char)*p);
        }
        rt_set_str(ctx, o, "name", lower);
        rt_set_num(ctx, o, "nid", nid);
        if (mode != EVP_CIPH_STREAM_CIPHER) {
            rt_set_num(ctx, o, "blockSize", EVP_CIPHER_get_block_size(cipher));
        }
        if (iv_len != 0) {
            rt_set_num(ctx, o, "ivLength", iv_len);
        }
        rt_set_num(ctx, o, "keyLength", key_len);
        result = o;
    }
done:
    EVP_CIPHER_free(cipher);
    return result;
}

/* ---- RSA encryption ---- */

/* rsaCipher(op, handle, data, padding, oaepHash, oaepLabel): op 0 publicEncrypt,
 * 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt. */
static JSValueRef cipher_rsa(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    int op = (int)rt_arg_int(ctx, argc, argv, 0);
    EVP_PKEY *pkey = rt__crypto_key_of(ctx, rt_arg(ctx, argc, argv, 1), NULL);
    if (!pkey) {
        return rt_throw_type_error(ctx, exc, "key must be a key handle");
    }
    const uint8_t *data;
    size_t len;
    char *owned;
    if (!rt__crypto_arg_bytes(ctx, argc, argv, 2, &data, &len, &owned, exc)) {
        return NULL;
    }
    int padding = (int)rt_arg_int(ctx, argc, argv, 3);
    char *md_name = rt__crypto_arg_str(ctx, argc, argv, 4, exc);
    size_t label_len = 0;
    uint8_t *label = rt__crypto_arg_dup(ctx, argc, argv, 5, &label_len, exc);
    JSValueRef result = NULL;
    uint8_t *out = NULL;
    EVP_PKEY_CTX *pctx = NULL;
    if (*exc) {
        goto done;
    }
    ERR_clear_error();
    const EVP_MD *md = NULL;
    if (md_name) {
        md = rt__crypto_md_get(md_name);
        if (!md) {
            rt_throw_code(ctx, exc, "Error", "ERR_OSSL_EVP_INVALID_DIGEST",
                          "Invalid digest used");
            goto done;
        }
    }
    pctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    int r;
    switch (op) {
    case 0: r = pctx ? EVP_PKEY_encrypt_init(pctx) : 0; break;
    case 1: r = pctx ? EVP_PKEY_decrypt_init(pctx) : 0; break;
    case 2: r = pctx ? EVP_PKEY_sign_init(pctx) : 0; break;
    default: r = pctx ? EVP_PKEY_verify_recover_init(pctx) : 0; break;
    }
    if (r != 1 || EVP_PKEY_CTX_set_rsa_padding(pctx, padding) != 1) {
        rt__crypto_throw_openssl(ctx, exc, "Failed to initialize RSA operation");
        goto done;
    }
    if (padding == RSA_PKCS1_OAEP_PADDING) {
        if (md && EVP_PKEY_CTX_set_rsa_oaep_md(pctx, md) != 1) {
            rt__crypto_throw_openssl(ctx, exc, "Failed to set OAEP digest");
            goto done;
        }
        if (label && label_len > 0) {
            uint8_t *copy = OPENSSL_memdup(label, label_len);
            if (!copy || EVP_PKEY_CTX_set0_rsa_oaep_label(pctx, copy, (int)label_len) != 1) {
                OPENSSL_free(copy);
                rt__crypto_throw_openssl(ctx, exc, "Failed to set OAEP label");
                goto done;
            }
        }
    }
    size_t out_len = 0;
    switch (op) {
    case 0: r = EVP_PKEY_encrypt(pctx, NULL, &out_len, data, len); break;
    case 1: r = EVP_PKEY_decrypt(pctx, NULL, &out_len, data, len); break;
    case 2: r = EVP_PKEY_sign(pctx, NULL, &out_len, data, len); break;
    default: r = EVP_PKEY_verify_recover(pctx, NULL, &out_len, data, len); break;
    }
    if (r == 1) {
        out = malloc(out_len ? out_len : 1);
        RT_CHECK(out != NULL);
        switch (op) {
        case 0: r = EVP_PKEY_encrypt(pctx, out, &out_len, data, len); break;
        case 1: r = EVP_PKEY_decrypt(pctx, out, &out_len, data, len); break;
        case 2: r = EVP_PKEY_sign(pctx, out, &out_len, data, len); break;
        default: r = EVP_PKEY_verify_recover(pctx, out, &out_len, data, len); break;
        }
    }
    if (r != 1) {
        rt__crypto_throw_openssl(ctx, exc, "RSA operation failed");
        goto done;
    }
    result = rt_uint8array_take(ctx, out, out_len, exc);
    out = NULL;
done:
    EVP_PKEY_CTX_free(pctx);
    free(out);
    free(owned);
    free(md_name);
    free(label);
    ERR_clear_error();
    return result;
}

static const JSStaticFunction cipher_functions[] = {
    {"cipherNew", cipher_new, RT_FN_ATTRS},
    {"cipherUpdate", cipher_update, RT_FN_ATTRS},
    {"cipherFinal", cipher_final, RT_FN_ATTRS},
    {"cipherSetAutoPadding", cipher_set_auto_padding, RT_FN_ATTRS},
    {"cipherSetAAD", cipher_set_aad, RT_FN_ATTRS},
    {"cipherGetAuthTag", cipher_get_auth_tag, RT_FN_ATTRS},
    {"cipherSetAuthTag", cipher_set_auth_tag, RT_FN_ATTRS},
    {"getCipherInfo", cipher_get_info, RT_FN_ATTRS},
    {"rsaCipher", cipher_rsa, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt__crypto_cipher_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, cipher_functions);
}
