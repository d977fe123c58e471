/* crypto.h: helpers shared by the files of the `crypto` binding (crypto.c and the
 * crypto_*.c files that add the cipher, key, signature, key-agreement and X509 functions). */
#ifndef CAIRN_BINDING_CRYPTO_H
#define CAIRN_BINDING_CRYPTO_H

#include "rt/rt.h"

#include <openssl/evp.h>

/* Up to this many queued OpenSSL errors are reported (node's opensslErrorStack). */
#define CRYPTO_MAX_ERRORS 8

typedef struct {
    unsigned long codes[CRYPTO_MAX_ERRORS];
    size_t count;
} crypto_errors_t;

/* Empties this thread's OpenSSL error queue into errs (earliest first). */
void rt__crypto_errors_capture(crypto_errors_t *errs);
/* Node's error for captured OpenSSL errors (message of the earliest; code, library, reason,
 * opensslErrorStack when decorate); a plain Error with fallback when there are none. */
JSObjectRef rt__crypto_error_from(JSContextRef ctx, const crypto_errors_t *errs,
                                  const char *fallback, bool decorate);
/* Throws the errors queued on this thread as rt__crypto_error_from does. Returns NULL. */
JSValueRef rt__crypto_throw_openssl(JSContextRef ctx, JSValueRef *exc, const char *fallback);
/* argv[i] as bytes: a string as UTF-8 (malloc'd into *owned, which the caller frees) or a
 * TypedArray/ArrayBuffer (borrowed). Returns false and throws on another type. */
bool rt__crypto_arg_bytes(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                          const uint8_t **data, size_t *len, char **owned, JSValueRef *exc);
/* The digest called name (any OpenSSL alias), valid for the process's life; NULL if none. */
const EVP_MD *rt__crypto_md_get(const char *name);
/* A new Uint8Array holding a copy of len bytes. */
JSValueRef rt__crypto_new_u8(JSContextRef ctx, const uint8_t *data, size_t len,
                             JSValueRef *exc);
bool rt__crypto_is_function(JSContextRef ctx, JSValueRef v);

/* A job run on the thread pool (callback given) or inline (then the result is returned or
 * thrown). run() works off the loop thread and returns false on failure (errors queued on
 * the thread are captured); finish() builds the JS result on the loop thread; destroy()
 * frees the job. */
typedef struct rt_crypto_job rt_crypto_job_t;
struct rt_crypto_job {
    uv_work_t work;
    rt_env_t *env;
    JSObjectRef cb;
    bool (*run)(rt_crypto_job_t *j);
    JSValueRef (*finish)(JSContextRef ctx, rt_crypto_job_t *j, JSValueRef *exc);
    void (*destroy)(rt_crypto_job_t *j);
    const char *failure; /* message when run() failed without OpenSSL errors */
    bool decorate;       /* give the error code/library/reason */
    bool ok;
    crypto_errors_t errs;
};
/* Runs j (see above); takes ownership. cb: a function or undefined. */
JSValueRef rt__crypto_job_submit(JSContextRef ctx, rt_crypto_job_t *j, JSValueRef cb,
                                 JSValueRef *exc);

/* ---- keys (crypto_keys.c) ---- */

/* The EVP_PKEY of a KeyObjectHandle value (borrowed), or NULL (without throwing) when v is
 * not one. *is_private (may be NULL) says whether the handle holds the private part. */
EVP_PKEY *rt__crypto_key_of(JSContextRef ctx, JSValueRef v, bool *is_private);
/* A new KeyObjectHandle for pkey (takes a reference of its own). */
JSObjectRef rt__crypto_key_wrap(JSContextRef ctx, EVP_PKEY *pkey, bool is_private);
/* A malloc'd copy of argv[i]'s bytes (strings as UTF-8); NULL and *exc set on error. An
 * undefined/null argument gives NULL without throwing when optional. */
uint8_t *rt__crypto_arg_dup(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                            size_t *len, JSValueRef *exc);
/* argv[i] as a NUL-terminated malloc'd string, or NULL for undefined/null. */
char *rt__crypto_arg_str(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                         JSValueRef *exc);

/* ---- certificates (crypto_x509.c) ---- */

typedef struct x509_st X509;
/* The X509 of an X509Handle value (borrowed; an X509Certificate keeps its handle under the
 * kHandle symbol of lib/internal/crypto/util.js), or NULL when v is not one. */
X509 *rt__crypto_x509_of(JSContextRef ctx, JSValueRef v);
/* A new X509Handle for x (takes a reference of its own); lib/ makes an X509Certificate of it
 * with internal/crypto/x509's fromHandle(). */
JSObjectRef rt__crypto_x509_wrap(JSContextRef ctx, X509 *x);

void rt__crypto_keys_init(rt_env_t *env, JSObjectRef target);
void rt__crypto_cipher_init(rt_env_t *env, JSObjectRef target);
void rt__crypto_sign_init(rt_env_t *env, JSObjectRef target);
void rt__crypto_dh_init(rt_env_t *env, JSObjectRef target);
void rt__crypto_x509_init(rt_env_t *env, JSObjectRef target);

#endif
