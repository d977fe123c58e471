/* zlib.c: the `zlib` internal binding: Zlib (deflate/inflate/gzip/gunzip/raw/unzip) and
 * BrotliEncoder/BrotliDecoder stream handles that compress chunk by chunk on the libuv thread
 * pool or synchronously, plus crc32 and the zlib/brotli constants, used by lib/zlib.js. */
#include "rt/rt.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <libdeflate.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Exported by the engine (JSBasePrivate.h): tells the GC about memory held outside its heap, so
 * unreferenced handles with large compression states get collected soon enough. */
void JSReportExtraMemoryCost(JSContextRef ctx, size_t size);

/* Modes, numbered as node's zlib.constants. */
enum {
    ZL_NONE = 0,
    ZL_DEFLATE = 1,
    ZL_INFLATE,
    ZL_GZIP,
    ZL_GUNZIP,
    ZL_DEFLATERAW,
    ZL_INFLATERAW,
    ZL_UNZIP,
    ZL_BROTLI_DECODE,
    ZL_BROTLI_ENCODE,
};

#define ZL_BROTLI_PARAMS 10

typedef struct {
    int mode;      /* the current mode (UNZIP turns into GUNZIP or INFLATE on the header) */
    int orig_mode; /* the mode given to the constructor; reset() returns to it */
    bool initialized;
    bool write_in_progress;
    bool pending_close;
    bool closed;
    JSObjectRef obj; /* the handle; protected only while an async write runs */
    uint32_t *write_result; /* [availOutAfter, availInAfter] in the writeState array */
    JSObjectRef process_cb; /* kept alive by a property of obj */

    /* zlib */
    z_stream strm;
    bool strm_live; /* deflateInit2/inflateInit2 succeeded and End was not called */
    int level, window_bits, mem_level, strategy;
    uint8_t *dict;
    size_t dict_len;
    int err;
    unsigned gzip_id_bytes_read;

    /* brotli */
    BrotliEncoderState *enc;
    BrotliDecoderState *dec;
    uint32_t brotli_params[ZL_BROTLI_PARAMS];
    bool brotli_ok;
    BrotliDecoderResult dec_result;
    BrotliDecoderErrorCode dec_error;

    /* the current write */
    int flush;
    const uint8_t *next_in;
    size_t avail_in;
    uint8_t *next_out;
    size_t avail_out;
    JSValueRef in_obj, out_obj; /* protected during an async write */
    uv_work_t work;

    /* parallel deflate (see zl_pz_start) */
    bool pz_ok;      /* the settings allow it: deflate, gzip or raw, 32 KB window, no dictionary */
    bool pz_waiting; /* the current async write waits for a segment to finish */
    struct zl_pz *pz;
} zl_t;

static JSClassRef zl_class;

static bool zl_is_brotli(int mode) {
    return mode == ZL_BROTLI_DECODE || mode == ZL_BROTLI_ENCODE;
}

static bool zl_is_deflate(int mode) {
    return mode == ZL_DEFLATE || mode == ZL_GZIP || mode == ZL_DEFLATERAW;
}

static void zl_pz_detach(zl_t *z);

/* Frees the compression state (not the struct). Safe to call twice. */
static void zl_free_streams(zl_t *z) {
    zl_pz_detach(z);
    if (z->strm_live) {
        if (zl_is_deflate(z->orig_mode)) {
            deflateEnd(&z->strm);
        } else {
            inflateEnd(&z->strm);
        }
        z->strm_live = false;
    }
    if (z->enc) {
        BrotliEncoderDestroyInstance(z->enc);
        z->enc = NULL;
    }
    if (z->dec) {
        BrotliDecoderDestroyInstance(z->dec);
        z->dec = NULL;
    }
    free(z->dict);
    z->dict = NULL;
    z->dict_len = 0;
}

static void zl_finalize(JSObjectRef obj) {
    zl_t *z = JSObjectGetPrivate(obj);
    if (!z) {
        return;
    }
    /* A handle with a write in flight is protected, so it is never finalized mid-write. */
    zl_free_streams(z);
    free(z);
}

static zl_t *zl_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    if (!self || !JSValueIsObjectOfClass(ctx, self, zl_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate(self);
}

static JSObjectRef zl_construct(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc, bool brotli) {
    double m = rt_arg_num(ctx, argc, argv, 0);
    int mode = (m >= ZL_DEFLATE && m <= ZL_BROTLI_ENCODE) ? (int)m : ZL_NONE;
    if (mode == ZL_NONE || zl_is_brotli(mode) != brotli) {
        rt_throw_type_error(ctx, exc, "Bad argument");
        return NULL;
    }
    zl_t *z = calloc(1, sizeof(*z));
    RT_CHECK(z != NULL);
    z->mode = z->orig_mode = mode;
    z->obj = JSObjectMake(ctx, zl_class, z);
    return z->obj;
}

static JSObjectRef zl_new_zlib(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    return zl_construct(ctx, ctor, argc, argv, exc, false);
}

static JSObjectRef zl_new_brotli(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    return zl_construct(ctx, ctor, argc, argv, exc, true);
}

/* Keeps v alive for as long as the handle: a hidden, fixed property of obj. */
static void zl_keep(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef v) {
    JSStringRef s = rt_jsstr(name);
    JSObjectSetProperty(ctx, obj, s, v,
                        kJSPropertyAttributeDontEnum | kJSPropertyAttributeDontDelete, NULL);
    JSStringRelease(s);
}

/* Reads the writeState Uint32Array and the process callback shared by both init forms. */
static bool zl_init_common(JSContextRef ctx, zl_t *z, JSObjectRef self, JSValueRef state,
                           JSValueRef cb, JSValueRef *exc) {
    if (!JSValueIsObject(ctx, state) ||
        JSValueGetTypedArrayType(ctx, state, NULL) != kJSTypedArrayTypeUint32Array) {
        rt_throw_type_error(ctx, exc, "writeState must be a Uint32Array");
        return false;
    }
    size_t len = 0;
    uint8_t *p = rt_bytes(ctx, state, &len);
    if (!p || len < 2 * sizeof(uint32_t)) {
        rt_throw_type_error(ctx, exc, "writeState must hold two values");
        return false;
    }
    if (!JSValueIsObject(ctx, cb) || !JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        rt_throw_type_error(ctx, exc, "processCallback must be a function");
        return false;
    }
    zl_keep(ctx, self, "\x01writeState", state);
    zl_keep(ctx, self, "\x01processCallback", cb);
    z->write_result = (uint32_t *)p;
    z->process_cb = (JSObjectRef)cb;
    return true;
}

/* (Re)creates the zlib stream from the stored settings. Returns a zlib code. */
static int zl_zlib_start(zl_t *z) {
    int wb = z->window_bits;
    int err;
    memset(&z->strm, 0, sizeof(z->strm));
    switch (z->mode) {
    case ZL_GZIP:
    case ZL_GUNZIP:
        wb += 16;
        break;
    case ZL_UNZIP:
        wb += 32;
        break;
    case ZL_DEFLATERAW:
    case ZL_INFLATERAW:
        wb = -wb;
        break;
    default:
        break;
    }
    if (zl_is_deflate(z->mode)) {
        err = deflateInit2(&z->strm, z->level, Z_DEFLATED, wb, z->mem_level, z->strategy);
    } else {
        err = inflateInit2(&z->strm, wb);
    }
    if (err != Z_OK) {
        return err;
    }
    z->strm_live = true;
    if (z->dict_len) {
        if (z->mode == ZL_DEFLATE || z->mode == ZL_DEFLATERAW) {
            err = deflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
        } else if (z->mode == ZL_INFLATERAW) {
            err = inflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
        }
    }
    return err;
}

/* init(windowBits, level, memLevel, strategy, writeState, processCallback, dictionary):
 * returns 0, or the zlib error code when the stream could not be set up. */
static JSValueRef zl_init(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                          const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z) {
        return NULL;
    }
    if (zl_is_brotli(z->orig_mode)) {
        return rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    if (z->initialized || z->closed) {
        return rt_throw_code(ctx, exc, "Error", "ERR_INVALID_STATE",
                             "zlib handle already initialized");
    }
    double wb = rt_arg_num(ctx, argc, argv, 0);
    double level = rt_arg_num(ctx, argc, argv, 1);
    double mem = rt_arg_num(ctx, argc, argv, 2);
    double strategy = rt_arg_num(ctx, argc, argv, 3);
    if (!(wb >= 0 && wb <= 15) || !(level >= -1 && level <= 9) || !(mem >= 1 && mem <= 9) ||
        !(strategy >= 0 && strategy <= 4)) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE",
                             "invalid zlib parameters");
    }
    if (!zl_init_common(ctx, z, self, rt_arg(ctx, argc, argv, 4), rt_arg(ctx, argc, argv, 5),
                        exc)) {
        return NULL;
    }
    z->window_bits = (int)wb;
    z->level = (int)level;
    z->mem_level = (int)mem;
    z->strategy = (int)strategy;
    /* zlib refuses a 256-byte window for raw deflate (and rounds it up for the zlib wrapper). */
    if (z->window_bits == 8 && (z->mode == ZL_DEFLATERAW || z->mode == ZL_GZIP)) {
        z->window_bits = 9;
    }
    size_t dlen = 0;
    uint8_t *d = rt_bytes(ctx, rt_arg(ctx, argc, argv, 6), &dlen);
    if (d && dlen) {
        z->dict = malloc(dlen);
        RT_CHECK(z->dict != NULL);
        memcpy(z->dict, d, dlen);
        z->dict_len = dlen;
    }
    int err = zl_zlib_start(z);
    if (err != Z_OK) {
        zl_free_streams(z);
        return JSValueMakeNumber(ctx, err);
    }
    z->pz_ok = zl_is_deflate(z->mode) && z->window_bits == 15 && z->dict_len == 0 &&
               z->level != 0;
    /* zlib.h's memory figures: deflate (1 << (wb + 2)) + (1 << (memLevel + 9)), inflate
     * 1 << wb plus about 7 KB. */
    int wbits = z->window_bits ? z->window_bits : 15;
    size_t cost = zl_is_deflate(z->mode)
                      ? ((size_t)1 << (wbits + 2)) + ((size_t)1 << (z->mem_level + 9))
                      : ((size_t)1 << wbits) + 7168;
    JSReportExtraMemoryCost(ctx, cost);
    z->initialized = true;
    z->err = Z_OK;
    return JSValueMakeNumber(ctx, 0);
}

/* Applies the stored brotli parameters to a fresh instance. Returns false if one is refused. */
static bool zl_brotli_start(zl_t *z) {
    if (z->orig_mode == ZL_BROTLI_ENCODE) {
        z->enc = BrotliEncoderCreateInstance(NULL, NULL, NULL);
        if (!z->enc) {
            return false;
        }
        for (int i = 0; i < ZL_BROTLI_PARAMS; i++) {
            if (z->brotli_params[i] != UINT32_MAX &&
                !BrotliEncoderSetParameter(z->enc, (BrotliEncoderParameter)i,
                                           z->brotli_params[i])) {
                return false;
            }
        }
    } else {
        z->dec = BrotliDecoderCreateInstance(NULL, NULL, NULL);
        if (!z->dec) {
            return false;
        }
        for (int i = 0; i < ZL_BROTLI_PARAMS; i++) {
            if (z->brotli_params[i] != UINT32_MAX &&
                !BrotliDecoderSetParameter(z->dec, (BrotliDecoderParameter)i,
                                           z->brotli_params[i])) {
                return false;
            }
        }
    }
    z->brotli_ok = true;
    z->dec_result = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
    z->dec_error = BROTLI_DECODER_NO_ERROR;
    return true;
}

/* init(params: Uint32Array, writeState, processCallback) on a Brotli handle: true on success;
 * false when a parameter is refused (params[i] == 0xFFFFFFFF means "unset"). */
static JSValueRef zl_brotli_init(JSContextRef ctx, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc, zl_t *z) {
    JSValueRef params = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, params) ||
        JSValueGetTypedArrayType(ctx, params, NULL) != kJSTypedArrayTypeUint32Array) {
        return rt_throw_type_error(ctx, exc, "params must be a Uint32Array");
    }
    if (!zl_init_common(ctx, z, self, rt_arg(ctx, argc, argv, 1), rt_arg(ctx, argc, argv, 2),
                        exc)) {
        return NULL;
    }
    size_t plen = 0;
    uint32_t *p = (uint32_t *)rt_bytes(ctx, params, &plen);
    plen /= sizeof(uint32_t);
    for (size_t i = 0; i < ZL_BROTLI_PARAMS; i++) {
        z->brotli_params[i] = (p && i < plen) ? p[i] : UINT32_MAX;
    }
    /* Parameters beyond the ones this brotli knows must be unset. */
    for (size_t i = ZL_BROTLI_PARAMS; p && i < plen; i++) {
        if (p[i] != UINT32_MAX) {
            return JSValueMakeBoolean(ctx, false);
        }
    }
    if (!zl_brotli_start(z)) {
        zl_free_streams(z);
        return JSValueMakeBoolean(ctx, false);
    }
    /* Brotli allocates as it goes; this is a floor for the GC's estimate. */
    JSReportExtraMemoryCost(ctx, z->enc ? 512 * 1024 : 64 * 1024);
    z->initialized = true;
    return JSValueMakeBoolean(ctx, true);
}

static JSValueRef zl_init_any(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z) {
        return NULL;
    }
    if (!zl_is_brotli(z->orig_mode)) {
        return zl_init(ctx, fn, self, argc, argv, exc);
    }
    if (z->initialized || z->closed) {
        return rt_throw_code(ctx, exc, "Error", "ERR_INVALID_STATE",
                             "zlib handle already initialized");
    }
    return zl_brotli_init(ctx, self, argc, argv, exc, z);
}

/* ---- the work itself (runs on a pool thread for async writes: no engine calls) ---- */

static void zl_zlib_work(zl_t *z) {
    z_stream *s = &z->strm;
    s->next_in = (Bytef *)z->next_in;
    s->avail_in = (uInt)z->avail_in;
    s->next_out = z->next_out;
    s->avail_out = (uInt)z->avail_out;
    int err;
    if (zl_is_deflate(z->mode)) {
        err = deflate(s, z->flush);
    } else {
        if (z->mode == ZL_UNZIP && s->avail_in > 0) {
            /* Peek at the magic bytes (possibly split across writes): a gzip stream may hold
             * several members, the zlib format only one. */
            size_t i = 0;
            if (z->gzip_id_bytes_read == 0) {
                if (s->next_in[0] == 0x1f) {
                    z->gzip_id_bytes_read = 1;
                    i = 1;
                } else {
                    z->mode = ZL_INFLATE;
                }
            }
            if (z->mode == ZL_UNZIP && z->gzip_id_bytes_read == 1 && i < s->avail_in) {
                if (s->next_in[i] == 0x8b) {
                    z->gzip_id_bytes_read = 2;
                    z->mode = ZL_GUNZIP;
                } else {
                    z->mode = ZL_INFLATE;
                }
            }
        }
        err = inflate(s, z->flush);
        if (z->mode != ZL_INFLATERAW && err == Z_NEED_DICT && z->dict_len) {
            err = inflateSetDictionary(s, z->dict, (uInt)z->dict_len);
            if (err == Z_OK) {
                err = inflate(s, z->flush);
            } else if (err == Z_DATA_ERROR) {
                /* Reported as a bad dictionary below. */
                err = Z_NEED_DICT;
            }
        }
        /* More input after a finished gzip member: the next member, or garbage (which then
         * fails its header check). Trailing zero bytes are padding and end the stream. */
        while (s->avail_in > 0 && z->mode == ZL_GUNZIP && err == Z_STREAM_END &&
               s->next_in[0] != 0x00) {
            inflateReset(s);
            err = inflate(s, z->flush);
        }
    }
    z->err = err;
    z->next_in = s->next_in;
    z->avail_in = s->avail_in;
    z->next_out = s->next_out;
    z->avail_out = s->avail_out;
}

static void zl_brotli_work(zl_t *z) {
    if (z->enc) {
        z->brotli_ok = BrotliEncoderCompressStream(z->enc, (BrotliEncoderOperation)z->flush,
                                                   &z->avail_in, &z->next_in, &z->avail_out,
                                                   &z->next_out, NULL);
    } else if (z->dec) {
        z->dec_result = BrotliDecoderDecompressStream(z->dec, &z->avail_in, &z->next_in,
                                                      &z->avail_out, &z->next_out, NULL);
        if (z->dec_result == BROTLI_DECODER_RESULT_ERROR) {
            z->dec_error = BrotliDecoderGetErrorCode(z->dec);
        }
    }
}

static void zl_do_work(zl_t *z) {
    if (zl_is_brotli(z->orig_mode)) {
        zl_brotli_work(z);
    } else {
        zl_zlib_work(z);
    }
}

/* The brotli decoder error name as node's brotli spells it ("_ERROR_FORMAT_PADDING_1"); older
 * libraries' BrotliDecoderErrorString drops the prefix. */
static const char *zl_brotli_error_name(BrotliDecoderErrorCode code) {
    switch ((int)code) {
#define ZL_BROTLI_ERROR_CASE(PREFIX, NAME, CODE)                                                   \
    case CODE:                                                                                     \
        return #PREFIX #NAME;
#define ZL_NOTHING
        BROTLI_DECODER_ERROR_CODES_LIST(ZL_BROTLI_ERROR_CASE, ZL_NOTHING)
#undef ZL_BROTLI_ERROR_CASE
#undef ZL_NOTHING
    default:
        return "_ERROR_UNKNOWN";
    }
}

static const char *zl_code_name(int err) {
    switch (err) {
    case Z_OK:
        return "Z_OK";
    case Z_STREAM_END:
        return "Z_STREAM_END";
    case Z_NEED_DICT:
        return "Z_NEED_DICT";
    case Z_ERRNO:
        return "Z_ERRNO";
    case Z_STREAM_ERROR:
        return "Z_STREAM_ERROR";
    case Z_DATA_ERROR:
        return "Z_DATA_ERROR";
    case Z_MEM_ERROR:
        return "Z_MEM_ERROR";
    case Z_BUF_ERROR:
        return "Z_BUF_ERROR";
    case Z_VERSION_ERROR:
        return "Z_VERSION_ERROR";
    default:
        return "Z_UNKNOWN_ERROR";
    }
}

typedef struct {
    const char *message;
    char code[64];
    int errnum;
} zl_error_t;

/* Whether the last step failed; fills e if so. Runs on the loop thread. */
static bool zl_failed(zl_t *z, zl_error_t *e) {
    if (zl_is_brotli(z->orig_mode)) {
        if (z->orig_mode == ZL_BROTLI_ENCODE) {
            if (z->brotli_ok) {
                return false;
            }
            e->message = "Compression failed";
            snprintf(e->code, sizeof(e->code), "ERR_BROTLI_COMPRESSION_FAILED");
            e->errnum = -1;
            return true;
        }
        if (z->dec_result == BROTLI_DECODER_RESULT_ERROR) {
            e->message = "Decompression failed";
            snprintf(e->code, sizeof(e->code), "ERR_%s", zl_brotli_error_name(z->dec_error));
            e->errnum = (int)z->dec_error;
            return true;
        }
        if (z->flush == BROTLI_OPERATION_FINISH &&
            z->dec_result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            e->message = "unexpected end of file";
            snprintf(e->code, sizeof(e->code), "Z_BUF_ERROR");
            e->errnum = Z_BUF_ERROR;
            return true;
        }
        return false;
    }
    const char *fallback;
    switch (z->err) {
    case Z_OK:
    case Z_BUF_ERROR:
        if (z->avail_out != 0 && z->flush == Z_FINISH) {
            fallback = "unexpected end of file";
            break;
        }
        return false;
    case Z_STREAM_END:
        return false;
    case Z_NEED_DICT:
        fallback = z->dict_len ? "Bad dictionary" : "Missing dictionary";
        break;
    default:
        fallback = "Zlib error";
        break;
    }
    e->message = z->strm.msg ? z->strm.msg : fallback;
    snprintf(e->code, sizeof(e->code), "%s", zl_code_name(z->err));
    e->errnum = z->err;
    return true;
}

/* Calls handle.onerror(message, errno, code); `async` picks the loop-entry form. Returns false
 * if a synchronous onerror threw (*exc set). */
static bool zl_emit_error(JSContextRef ctx, zl_t *z, const zl_error_t *e, bool async,
                          JSValueRef *exc) {
    JSValueRef fn = rt_get(ctx, z->obj, "onerror");
    if (!JSValueIsObject(ctx, fn) || !JSObjectIsFunction(ctx, (JSObjectRef)fn)) {
        return true;
    }
    JSValueRef args[3] = {rt_string_from_cstr(ctx, e->message),
                          JSValueMakeNumber(ctx, e->errnum), rt_string_from_cstr(ctx, e->code)};
    if (async) {
        rt_make_callback(rt_env_get(), (JSObjectRef)fn, z->obj, 3, args);
        return true;
    }
    JSObjectCallAsFunction(ctx, (JSObjectRef)fn, z->obj, 3, args, exc);
    return *exc == NULL;
}

static void zl_update_result(zl_t *z) {
    z->write_result[0] = (uint32_t)z->avail_out;
    z->write_result[1] = (uint32_t)z->avail_in;
}

/* Reads write()'s arguments into z. Returns false with *exc set on bad arguments. */
static bool zl_prepare_write(JSContextRef ctx, zl_t *z, size_t argc, const JSValueRef argv[],
                             JSValueRef *exc) {
    if (!z->initialized || z->closed) {
        rt_throw_code(ctx, exc, "Error", "ERR_INVALID_STATE", "zlib binding closed");
        return false;
    }
    if (z->write_in_progress) {
        rt_throw_code(ctx, exc, "Error", "ERR_INVALID_STATE", "write already in progress");
        return false;
    }
    double flush = rt_arg_num(ctx, argc, argv, 0);
    double max_flush = zl_is_brotli(z->orig_mode) ? BROTLI_OPERATION_EMIT_METADATA : Z_BLOCK;
    if (!(flush >= 0 && flush <= max_flush)) {
        rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE", "Invalid flush value");
        return false;
    }
    JSValueRef in = rt_arg(ctx, argc, argv, 1);
    JSValueRef out = rt_arg(ctx, argc, argv, 4);
    size_t in_total = 0, out_total = 0;
    uint8_t *in_p = NULL;
    if (!JSValueIsUndefined(ctx, in) && !JSValueIsNull(ctx, in)) {
        in_p = rt_bytes(ctx, in, &in_total);
        if (!in_p && !JSValueIsObject(ctx, in)) {
            rt_throw_type_error(ctx, exc, "Invalid input buffer");
            return false;
        }
    }
    uint8_t *out_p = rt_bytes(ctx, out, &out_total);
    if (!out_p && out_total == 0 && !JSValueIsObject(ctx, out)) {
        rt_throw_type_error(ctx, exc, "Invalid output buffer");
        return false;
    }
    double in_off = rt_arg_num(ctx, argc, argv, 2);
    double in_len = rt_arg_num(ctx, argc, argv, 3);
    double out_off = rt_arg_num(ctx, argc, argv, 5);
    double out_len = rt_arg_num(ctx, argc, argv, 6);
    if (!in_p) {
        in_off = in_len = 0;
    }
    if (!(in_off >= 0 && in_len >= 0 && in_off + in_len <= (double)in_total) ||
        !(out_off >= 0 && out_len >= 0 && out_off + out_len <= (double)out_total) ||
        in_len > UINT32_MAX || out_len > UINT32_MAX) {
        rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE", "Invalid buffer range");
        return false;
    }
    z->flush = (int)flush;
    z->next_in = in_p ? in_p + (size_t)in_off : NULL;
    z->avail_in = (size_t)in_len;
    z->next_out = out_p + (size_t)out_off;
    z->avail_out = (size_t)out_len;
    z->in_obj = in;
    z->out_obj = out;
    return true;
}

/* ---- parallel deflate ----
 *
 * zlib's deflate is what a long compressing stream spends its time in (three quarters of a
 * streamed gzip of 50 MB, and Debian's zlib needs about twice the CPU of the zlib node
 * bundles). Once an async stream has taken ZL_PZ_MIN bytes with Z_NO_FLUSH, it switches to
 * compressing segments of ZL_PZ_SEG bytes on the thread pool side by side, as pigz does: the
 * serial stream is flushed to a byte boundary (Z_SYNC_FLUSH), then each segment becomes raw
 * deflate blocks ending on a byte boundary without the final-block bit, and the last one
 * ends the stream. With the default strategy libdeflate compresses a segment (at the same
 * level, 2 to 3 times faster than zlib; zl_pz_chain makes its output a link of the chain);
 * otherwise zlib does, primed with the 32 KB before the segment as its dictionary. The check
 * value (crc32 or adler32) is combined from the segments' and the trailer written here. The
 * output is one well-formed stream of the same format; it is not byte-for-byte what the
 * serial stream would have produced (neither is node's zlib). Streams shorter than
 * ZL_PZ_MIN, sync writes and everything but deflate/gzip/raw with a 32 KB window and no
 * dictionary stay serial. All state but the compression itself lives on the loop thread. */

#define ZL_PZ_SEG ((size_t)512 << 10)
#define ZL_PZ_SCRATCH ((size_t)64 << 10)
#define ZL_PZ_DICT ((size_t)32 << 10)
#define ZL_PZ_SLOTS 3
#define ZL_PZ_MIN ((uLong)1 << 20)

enum { ZL_SLOT_FREE, ZL_SLOT_FILLING, ZL_SLOT_SEALED };

typedef struct zl_pz zl_pz_t;

typedef struct zl_pz_job zl_pz_job_t;

typedef struct {
    zl_pz_t *pz;
    zl_pz_job_t *job; /* the queued job compressing it, if any */
    int state;
    atomic_bool finished; /* set by the compressing thread once out is complete */
    bool failed;
    z_stream strm;
    bool strm_live;
    int strm_level, strm_strategy;
    int level, strategy, flush;
    struct libdeflate_compressor *ld; /* for the default strategy, at ld_level */
    int ld_level;
    z_stream inf; /* walks libdeflate's blocks (zl_pz_chain) */
    bool inf_live;
    uint8_t *scratch; /* inflate output nobody reads, ZL_PZ_SCRATCH bytes */
    uint8_t *in; /* dict_len dictionary bytes, then in_len input bytes */
    size_t dict_len, in_len;
    uint8_t *out;
    size_t out_cap, out_len, out_pos;
    uLong check;
} zl_slot_t;

struct zl_pz_job {
    uv_work_t work;
    zl_slot_t *slot;
};

struct zl_pz {
    zl_t *z; /* NULL once detached: queued jobs then only finish and free */
    zl_slot_t slots[ZL_PZ_SLOTS];
    unsigned head;     /* the oldest slot in use */
    unsigned count;    /* slots in use from head on; only the newest may be FILLING */
    unsigned inflight; /* queued jobs; the handle object is protected while there are any */
    int wrap;          /* ZL_GZIP, ZL_DEFLATE or ZL_DEFLATERAW */
    int mem_level;
    uint8_t tail[ZL_PZ_DICT]; /* the last input bytes: the next segment's dictionary */
    size_t tail_len;
    uLong check; /* crc32 or adler32 of the input handed out so far */
    uLong total; /* input bytes (the gzip trailer keeps them mod 2^32) */
    uint8_t *carry; /* the serial stream's flushed output, handed out first */
    size_t carry_len, carry_pos;
    uint8_t trailer[8];
    size_t trailer_len, trailer_pos;
    bool trailer_ready;
    bool finishing; /* the Z_FINISH segment is sealed */
    bool ended;     /* everything, trailer included, was handed out */
    bool flushed;   /* the current write's flush was applied */
    bool failed;
};

static void zl_pz_free(zl_pz_t *pz) {
    for (size_t i = 0; i < ZL_PZ_SLOTS; i++) {
        zl_slot_t *s = &pz->slots[i];
        if (s->strm_live) {
            deflateEnd(&s->strm);
        }
        if (s->inf_live) {
            inflateEnd(&s->inf);
        }
        if (s->ld) {
            libdeflate_free_compressor(s->ld);
        }
        free(s->scratch);
        free(s->in);
        free(s->out);
    }
    free(pz->carry);
    free(pz);
}

/* Drops z's parallel state; queued jobs finish on their own and the last one frees it. */
static void zl_pz_detach(zl_t *z) {
    zl_pz_t *pz = z->pz;
    if (!pz) {
        return;
    }
    z->pz = NULL;
    z->pz_waiting = false;
    pz->z = NULL;
    if (pz->inflight == 0) {
        zl_pz_free(pz);
    } else {
        JSValueUnprotect(rt_env_get()->ctx, z->obj);
    }
}

/* Compresses one sealed segment with zlib, primed with its dictionary. Returns a zlib code. */
static int zl_pz_run_zlib(zl_slot_t *s) {
    int err = Z_OK;
    if (!s->strm_live) {
        memset(&s->strm, 0, sizeof(s->strm));
        err = deflateInit2(&s->strm, s->level, Z_DEFLATED, -15, s->pz->mem_level, s->strategy);
        s->strm_live = err == Z_OK;
        s->strm_level = s->level;
        s->strm_strategy = s->strategy;
    } else {
        err = deflateReset(&s->strm);
        if (err == Z_OK && (s->strm_level != s->level || s->strm_strategy != s->strategy)) {
            err = deflateParams(&s->strm, s->level, s->strategy);
            s->strm_level = s->level;
            s->strm_strategy = s->strategy;
        }
    }
    if (err == Z_OK && s->dict_len) {
        err = deflateSetDictionary(&s->strm, s->in, (uInt)s->dict_len);
    }
    const uint8_t *data = s->in + s->dict_len;
    s->out_len = s->out_pos = 0;
    if (err == Z_OK) {
        size_t need = deflateBound(&s->strm, s->in_len) + 64;
        if (s->out_cap < need) {
            free(s->out);
            s->out = malloc(need);
            s->out_cap = s->out ? need : 0;
        }
        err = s->out ? Z_OK : Z_MEM_ERROR;
    }
    if (err == Z_OK) {
        s->strm.next_in = (Bytef *)data;
        s->strm.avail_in = (uInt)s->in_len;
        for (;;) {
            s->strm.next_out = s->out + s->out_len;
            s->strm.avail_out = (uInt)(s->out_cap - s->out_len);
            err = deflate(&s->strm, s->flush);
            s->out_len = s->out_cap - s->strm.avail_out;
            if (err != Z_OK && err != Z_STREAM_END && err != Z_BUF_ERROR) {
                break;
            }
            bool done = s->flush == Z_FINISH ? err == Z_STREAM_END
                                             : s->strm.avail_in == 0 && s->strm.avail_out != 0;
            if (done) {
                err = Z_OK;
                break;
            }
            /* The bound was short (it cannot be, but never trust it): grow. */
            size_t cap = s->out_cap * 2;
            uint8_t *grown = realloc(s->out, cap);
            if (!grown) {
                err = Z_MEM_ERROR;
                break;
            }
            s->out = grown;
            s->out_cap = cap;
        }
    }
    return err;
}

/* Makes libdeflate's output for a segment (a complete raw deflate stream) a link of the
 * chain: its last block loses the BFINAL bit and an empty stored block brings it to a byte
 * boundary, which is what zlib's Z_SYNC_FLUSH leaves. libdeflate does not say where its last
 * block starts, so zlib's inflate walks the blocks (Z_BLOCK stops at each boundary, and
 * data_type tells the unused bits and whether the block was the last); this also checks
 * the output. Returns false if anything looks wrong. */
static bool zl_pz_chain(zl_slot_t *s) {
    if (!s->inf_live) {
        memset(&s->inf, 0, sizeof(s->inf));
        if (inflateInit2(&s->inf, -15) != Z_OK) {
            return false;
        }
        s->inf_live = true;
    } else if (inflateReset(&s->inf) != Z_OK) {
        return false;
    }
    if (!s->scratch && !(s->scratch = malloc(ZL_PZ_SCRATCH))) {
        return false;
    }
    z_stream *st = &s->inf;
    st->next_in = s->out;
    st->avail_in = (uInt)s->out_len;
    size_t hdr = 0;        /* the byte holding the current block's BFINAL bit */
    unsigned mask = 1;     /* and the bit */
    size_t produced = 0;
    for (;;) {
        st->next_out = s->scratch;
        st->avail_out = (uInt)ZL_PZ_SCRATCH;
        int err = inflate(st, Z_BLOCK);
        produced += ZL_PZ_SCRATCH - st->avail_out;
        if (err != Z_OK || produced > s->in_len) {
            return false; /* Z_STREAM_END too: the last block's boundary comes first */
        }
        size_t used = (size_t)(st->next_in - s->out);
        unsigned pos = (unsigned)st->data_type & 7;
        if (st->data_type & 128) {
            if (st->data_type & 64) {
                /* The last block just ended, pos unused bits into byte used - 1. */
                if (produced != s->in_len || !(s->out[hdr] & mask) || used == 0) {
                    return false;
                }
                s->out[hdr] &= (uint8_t)~mask;
                if (pos) {
                    s->out[used - 1] &= (uint8_t)((1u << (8 - pos)) - 1);
                }
                s->out_len = used;
                /* The stored block's three header bits, then padding: all zero. */
                if (pos < 3) {
                    s->out[s->out_len++] = 0;
                }
                static const uint8_t empty_stored[4] = {0x00, 0x00, 0xff, 0xff};
                memcpy(s->out + s->out_len, empty_stored, 4);
                s->out_len += 4;
                return true;
            }
            hdr = pos ? used - 1 : used;
            mask = pos ? 0x100u >> pos : 1;
            if (hdr >= s->out_len) {
                return false;
            }
        } else if (st->avail_in == 0 && st->avail_out != 0) {
            return false; /* ran out of input inside a block */
        }
    }
}

/* Compresses the segment with libdeflate (the default strategy's output, 2 to 3 times
 * faster than zlib's). Returns false to fall back to zlib. */
static bool zl_pz_run_fast(zl_slot_t *s) {
    if (s->ld && s->ld_level != s->level) {
        libdeflate_free_compressor(s->ld);
        s->ld = NULL;
    }
    if (!s->ld) {
        s->ld = libdeflate_alloc_compressor(s->level);
        s->ld_level = s->level;
        if (!s->ld) {
            return false;
        }
    }
    size_t need = libdeflate_deflate_compress_bound(s->ld, s->in_len) + 8;
    if (s->out_cap < need) {
        free(s->out);
        s->out = malloc(need);
        s->out_cap = s->out ? need : 0;
        if (!s->out) {
            return false;
        }
    }
    s->out_pos = 0;
    s->out_len = libdeflate_deflate_compress(s->ld, s->in + s->dict_len, s->in_len, s->out,
                                             s->out_cap - 8);
    if (s->out_len == 0) {
        return false;
    }
    return s->flush == Z_FINISH ? true : zl_pz_chain(s);
}

/* Compresses one sealed segment. Runs on a pool thread, or inline for writeSync. */
static void zl_pz_run(zl_slot_t *s) {
    const uint8_t *data = s->in + s->dict_len;
    if (s->pz->wrap == ZL_GZIP) {
        s->check = crc32(0, data, (uInt)s->in_len);
    } else if (s->pz->wrap == ZL_DEFLATE) {
        s->check = adler32(1, data, (uInt)s->in_len);
    }
    int err = Z_OK;
    if (s->strategy != Z_DEFAULT_STRATEGY || s->level < 1 || s->level > 9 || !zl_pz_run_fast(s)) {
        err = zl_pz_run_zlib(s);
    }
    s->failed = err != Z_OK;
    atomic_store(&s->finished, true);
}

static void zl_pz_work_cb(uv_work_t *w) {
    zl_pz_run(((zl_pz_job_t *)w->data)->slot);
}

static bool zl_pz_progress(zl_t *z, bool sync);
static void zl_complete_write(zl_t *z, int status);

static void zl_pz_after_cb(uv_work_t *w, int status) {
    zl_pz_job_t *job = w->data;
    zl_pz_t *pz = job->slot->pz;
    if (status < 0 && !atomic_load(&job->slot->finished)) {
        zl_pz_run(job->slot); /* cancelled before it ran, and not run elsewhere */
    }
    if (job->slot->job == job) {
        job->slot->job = NULL;
    }
    free(job);
    pz->inflight--;
    zl_t *z = pz->z;
    if (!z) {
        if (pz->inflight == 0) {
            zl_pz_free(pz);
        }
        return;
    }
    JSObjectRef obj = z->obj;
    bool release = pz->inflight == 0;
    if (z->write_in_progress && z->pz_waiting) {
        z->pz_waiting = false;
        if (zl_pz_progress(z, false)) {
            zl_complete_write(z, 0);
        } else {
            z->pz_waiting = true;
        }
    }
    if (release) {
        JSValueUnprotect(rt_env_get()->ctx, obj);
    }
}

/* Hands the filled slot s to a pool thread (or compresses it now when sync). */
static void zl_pz_seal(zl_t *z, zl_slot_t *s, int flush, bool sync) {
    zl_pz_t *pz = z->pz;
    s->state = ZL_SLOT_SEALED;
    s->flush = flush;
    s->level = z->level < 0 ? 6 : z->level;
    s->strategy = z->strategy;
    atomic_store(&s->finished, false);
    /* The next segment's dictionary; none after a full flush, as zlib resets it there. */
    size_t keep = s->in_len < ZL_PZ_DICT ? s->in_len : ZL_PZ_DICT;
    if (flush == Z_FULL_FLUSH) {
        pz->tail_len = 0;
    } else if (keep == ZL_PZ_DICT) {
        memcpy(pz->tail, s->in + s->dict_len + s->in_len - keep, keep);
        pz->tail_len = keep;
    } else if (keep) {
        /* A short segment: the dictionary is the end of the old one plus all of it. */
        size_t old = pz->tail_len + keep > ZL_PZ_DICT ? ZL_PZ_DICT - keep : pz->tail_len;
        memmove(pz->tail, pz->tail + pz->tail_len - old, old);
        memcpy(pz->tail + old, s->in + s->dict_len, keep);
        pz->tail_len = old + keep;
    }
    s->job = NULL;
    zl_pz_job_t *job = sync ? NULL : malloc(sizeof(*job));
    if (job) {
        job->slot = s;
        s->job = job;
        job->work.data = job;
        if (uv_queue_work(rt_env_get()->loop, &job->work, zl_pz_work_cb, zl_pz_after_cb) == 0) {
            if (pz->inflight++ == 0) {
                JSValueProtect(rt_env_get()->ctx, z->obj);
            }
            return;
        }
        s->job = NULL;
        free(job);
    }
    zl_pz_run(s);
}

/* The slot being filled, or a fresh one primed with the dictionary; NULL if all are busy. */
static zl_slot_t *zl_pz_filling(zl_pz_t *pz) {
    if (pz->count > 0) {
        zl_slot_t *last = &pz->slots[(pz->head + pz->count - 1) % ZL_PZ_SLOTS];
        if (last->state == ZL_SLOT_FILLING) {
            return last;
        }
    }
    if (pz->count == ZL_PZ_SLOTS) {
        return NULL;
    }
    zl_slot_t *s = &pz->slots[(pz->head + pz->count) % ZL_PZ_SLOTS];
    if (!s->in) {
        s->in = malloc(ZL_PZ_DICT + ZL_PZ_SEG);
        if (!s->in) {
            pz->failed = true;
            return NULL;
        }
    }
    memcpy(s->in, pz->tail, pz->tail_len);
    s->dict_len = pz->tail_len;
    s->in_len = 0;
    s->state = ZL_SLOT_FILLING;
    pz->count++;
    return s;
}

static void zl_pz_put(zl_t *z, const uint8_t *p, size_t *len, size_t *pos) {
    size_t n = *len - *pos;
    if (n > z->avail_out) {
        n = z->avail_out;
    }
    memcpy(z->next_out, p + *pos, n);
    z->next_out += n;
    z->avail_out -= n;
    *pos += n;
}

/* Moves finished output, in order, into the write's output buffer. */
static void zl_pz_drain(zl_t *z) {
    zl_pz_t *pz = z->pz;
    if (pz->carry_pos < pz->carry_len) {
        zl_pz_put(z, pz->carry, &pz->carry_len, &pz->carry_pos);
    }
    while (pz->count > 0 && z->avail_out > 0 && pz->carry_pos == pz->carry_len) {
        zl_slot_t *s = &pz->slots[pz->head];
        if (s->state != ZL_SLOT_SEALED || !atomic_load(&s->finished)) {
            break;
        }
        if (s->failed) {
            pz->failed = true;
            return;
        }
        zl_pz_put(z, s->out, &s->out_len, &s->out_pos);
        if (s->out_pos < s->out_len) {
            break;
        }
        if (pz->wrap == ZL_GZIP) {
            pz->check = crc32_combine(pz->check, s->check, (z_off_t)s->in_len);
        } else if (pz->wrap == ZL_DEFLATE) {
            pz->check = adler32_combine(pz->check, s->check, (z_off_t)s->in_len);
        }
        if (s->flush == Z_FINISH) {
            uint8_t *t = pz->trailer;
            if (pz->wrap == ZL_GZIP) {
                for (int i = 0; i < 4; i++) {
                    t[i] = (uint8_t)(pz->check >> (8 * i));
                    t[4 + i] = (uint8_t)(pz->total >> (8 * i));
                }
                pz->trailer_len = 8;
            } else if (pz->wrap == ZL_DEFLATE) {
                for (int i = 0; i < 4; i++) {
                    t[i] = (uint8_t)(pz->check >> (24 - 8 * i));
                }
                pz->trailer_len = 4;
            }
            pz->trailer_ready = true;
        }
        s->state = ZL_SLOT_FREE;
        pz->head = (pz->head + 1) % ZL_PZ_SLOTS;
        pz->count--;
    }
    if (pz->trailer_ready && !pz->ended) {
        zl_pz_put(z, pz->trailer, &pz->trailer_len, &pz->trailer_pos);
        pz->ended = pz->trailer_pos == pz->trailer_len;
    }
}

/* Advances the current write: takes input, seals segments, hands out output. Returns true
 * when the write is complete (z->err set); false when it must wait for a queued segment
 * (never when sync: then it waits here). */
static bool zl_pz_progress(zl_t *z, bool sync) {
    zl_pz_t *pz = z->pz;
    for (;;) {
        zl_pz_drain(z);
        if (pz->failed) {
            z->err = Z_MEM_ERROR;
            return true;
        }
        if (pz->ended) {
            /* As zlib after the end: Z_STREAM_END for Z_FINISH, nothing taken otherwise. */
            z->err = z->flush == Z_FINISH ? Z_STREAM_END : Z_BUF_ERROR;
            return true;
        }
        if (z->avail_out == 0) {
            z->err = Z_OK;
            return true;
        }
        while (z->avail_in > 0 && !pz->finishing) {
            zl_slot_t *s = zl_pz_filling(pz);
            if (!s) {
                break;
            }
            size_t n = ZL_PZ_SEG - s->in_len;
            if (n > z->avail_in) {
                n = z->avail_in;
            }
            memcpy(s->in + s->dict_len + s->in_len, z->next_in, n);
            s->in_len += n;
            z->next_in += n;
            z->avail_in -= n;
            pz->total += n;
            if (s->in_len == ZL_PZ_SEG) {
                zl_pz_seal(z, s, Z_SYNC_FLUSH, sync);
            }
        }
        if (pz->failed) {
            continue;
        }
        if (z->avail_in == 0 && z->flush != Z_NO_FLUSH && !pz->flushed) {
            zl_slot_t *s = pz->finishing ? NULL : zl_pz_filling(pz);
            if (s && z->flush == Z_FINISH) {
                zl_pz_seal(z, s, Z_FINISH, sync);
                pz->finishing = true;
                pz->flushed = true;
            } else if (s) {
                /* Partial and block flushes become sync flushes: stronger, still valid. */
                if (s->in_len) {
                    zl_pz_seal(z, s, z->flush == Z_FULL_FLUSH ? Z_FULL_FLUSH : Z_SYNC_FLUSH, sync);
                } else {
                    s->state = ZL_SLOT_FREE;
                    pz->count--;
                }
                pz->flushed = true;
            } else if (pz->finishing) {
                pz->flushed = true;
            }
            if (pz->flushed) {
                continue;
            }
            /* Every slot is busy: wait for the oldest, below. */
        }
        if (z->avail_in == 0) {
            if (z->flush == Z_NO_FLUSH) {
                z->err = Z_OK;
                return true;
            }
            if (z->flush != Z_FINISH && pz->flushed) {
                /* Done once every sealed segment is handed out. */
                zl_slot_t *last = pz->count ? &pz->slots[(pz->head + pz->count - 1) % ZL_PZ_SLOTS]
                                            : NULL;
                bool sealed_all = !last || (pz->count == 1 && last->state == ZL_SLOT_FILLING);
                if (sealed_all && pz->carry_pos == pz->carry_len) {
                    z->err = Z_OK;
                    return true;
                }
            }
        }
        /* Wait for the oldest segment. */
        zl_slot_t *h = pz->count ? &pz->slots[pz->head] : NULL;
        if (!h || h->state != ZL_SLOT_SEALED) {
            /* Nothing to wait for (cannot happen): end the write rather than hang. */
            z->err = Z_OK;
            return true;
        }
        if (!atomic_load(&h->finished)) {
            if (!sync) {
                return false;
            }
            /* A job still in the queue is taken back and run here; its after-callback
             * then only reports the cancellation. */
            if (h->job && uv_cancel((uv_req_t *)&h->job->work) == 0) {
                zl_pz_run(h);
            }
            while (!atomic_load(&h->finished)) {
                sched_yield();
            }
        }
    }
}

/* Switches z to parallel deflate if it qualifies: an async Z_NO_FLUSH write on a stream
 * that has taken ZL_PZ_MIN bytes. Leaves z serial if it cannot start; a failure once the
 * serial stream was flushed is reported by the write. */
static void zl_pz_start(zl_t *z) {
    if (z->pz || !z->pz_ok || !z->strm_live || z->flush != Z_NO_FLUSH ||
        z->strm.total_in < ZL_PZ_MIN || z->err != Z_OK || z->mode != z->orig_mode) {
        return;
    }
    zl_pz_t *pz = calloc(1, sizeof(*pz));
    size_t cap = 256 << 10; /* more than zlib ever holds back at memLevel 9 */
    uint8_t *carry = pz ? malloc(cap) : NULL;
    z_stream *st = &z->strm;
    uInt dict_len = 0;
    /* The last 32 KB of input (lookahead included, so the same before and after a flush). */
    if (!carry || deflateGetDictionary(st, pz->tail, &dict_len) != Z_OK ||
        dict_len > ZL_PZ_DICT) {
        free(carry);
        free(pz);
        return;
    }
    for (size_t i = 0; i < ZL_PZ_SLOTS; i++) {
        pz->slots[i].pz = pz;
    }
    pz->carry = carry;
    pz->wrap = z->mode;
    pz->mem_level = z->mem_level;
    st->next_in = NULL;
    st->avail_in = 0;
    for (;;) {
        st->next_out = pz->carry + pz->carry_len;
        st->avail_out = (uInt)(cap - pz->carry_len);
        int err = deflate(st, Z_SYNC_FLUSH);
        pz->carry_len = cap - st->avail_out;
        if (err != Z_OK && err != Z_BUF_ERROR) {
            pz->failed = true; /* reported by the write as a zlib error */
            break;
        }
        if (st->avail_out != 0) {
            break;
        }
        uint8_t *grown = realloc(pz->carry, cap * 2);
        if (!grown) {
            pz->failed = true;
            break;
        }
        pz->carry = grown;
        cap *= 2;
    }
    pz->tail_len = dict_len;
    pz->check = st->adler;
    pz->total = st->total_in;
    pz->z = z;
    z->pz = pz;
}

static JSValueRef zl_write_sync(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z || !zl_prepare_write(ctx, z, argc, argv, exc)) {
        return NULL;
    }
    if (z->pz) {
        z->pz->flushed = false;
        zl_pz_progress(z, true);
    } else {
        zl_do_work(z);
    }
    zl_error_t e;
    if (zl_failed(z, &e)) {
        if (!zl_emit_error(ctx, z, &e, false, exc)) {
            return NULL;
        }
        return JSValueMakeUndefined(ctx);
    }
    zl_update_result(z);
    return JSValueMakeUndefined(ctx);
}

static void zl_work_cb(uv_work_t *w) {
    zl_do_work(w->data);
}

/* Ends the current async write: reports the result (or error) to JS. */
static void zl_complete_write(zl_t *z, int status) {
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    JSObjectRef obj = z->obj;
    z->write_in_progress = false;
    JSValueUnprotect(ctx, z->in_obj);
    JSValueUnprotect(ctx, z->out_obj);
    z->in_obj = z->out_obj = NULL;
    if (z->pending_close || status < 0) {
        z->pending_close = false;
        z->closed = true;
        zl_free_streams(z);
        JSValueUnprotect(ctx, obj);
        return;
    }
    zl_error_t e;
    if (zl_failed(z, &e)) {
        zl_emit_error(ctx, z, &e, true, NULL);
    } else {
        zl_update_result(z);
        rt_make_callback(env, z->process_cb, obj, 0, NULL);
    }
    /* close() may have been called from the callback while it ran. */
    if (z->pending_close) {
        z->pending_close = false;
        z->closed = true;
        zl_free_streams(z);
    }
    JSValueUnprotect(ctx, obj);
}

static void zl_after_work_cb(uv_work_t *w, int status) {
    zl_complete_write(w->data, status);
}

static void zl_pz_tick_cb(uv_work_t *w) {
    (void)w;
}

/* A parallel write starts here, on the loop thread, after write() returned. */
static void zl_pz_tick_after_cb(uv_work_t *w, int status) {
    zl_t *z = w->data;
    if (status == 0 && z->pz && !z->pending_close && !zl_pz_progress(z, false)) {
        z->pz_waiting = true;
        return;
    }
    zl_complete_write(z, status);
}

static JSValueRef zl_write(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z || !zl_prepare_write(ctx, z, argc, argv, exc)) {
        return NULL;
    }
    rt_env_t *env = rt_env_get();
    z->work.data = z;
    zl_pz_start(z);
    if (z->pz) {
        z->pz->flushed = false;
    }
    int r = z->pz ? uv_queue_work(env->loop, &z->work, zl_pz_tick_cb, zl_pz_tick_after_cb)
                  : uv_queue_work(env->loop, &z->work, zl_work_cb, zl_after_work_cb);
    if (r < 0) {
        return rt_throw_uv(ctx, exc, r, "uv_queue_work", NULL, NULL);
    }
    z->write_in_progress = true;
    JSValueProtect(ctx, z->obj);
    JSValueProtect(ctx, z->in_obj);
    JSValueProtect(ctx, z->out_obj);
    return JSValueMakeUndefined(ctx);
}

/* params(level, strategy): changes deflate's level and strategy mid-stream. */
static JSValueRef zl_params(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z) {
        return NULL;
    }
    if (!z->initialized || z->closed || z->write_in_progress || !z->strm_live) {
        return JSValueMakeUndefined(ctx);
    }
    double level = rt_arg_num(ctx, argc, argv, 0);
    double strategy = rt_arg_num(ctx, argc, argv, 1);
    if (!(level >= -1 && level <= 9) || !(strategy >= 0 && strategy <= 4)) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE",
                             "invalid zlib parameters");
    }
    if (!zl_is_deflate(z->mode)) {
        return JSValueMakeUndefined(ctx);
    }
    if (z->pz) {
        /* Segments sealed from now on use them. */
        z->level = (int)level;
        z->strategy = (int)strategy;
        return JSValueMakeUndefined(ctx);
    }
    z->err = deflateParams(&z->strm, (int)level, (int)strategy);
    if (z->err != Z_OK && z->err != Z_BUF_ERROR) {
        zl_error_t e = {.message = "Failed to set parameters", .errnum = z->err};
        snprintf(e.code, sizeof(e.code), "%s", zl_code_name(z->err));
        if (!zl_emit_error(ctx, z, &e, false, exc)) {
            return NULL;
        }
        return JSValueMakeUndefined(ctx);
    }
    z->level = (int)level;
    z->strategy = (int)strategy;
    return JSValueMakeUndefined(ctx);
}

static JSValueRef zl_reset(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z) {
        return NULL;
    }
    if (!z->initialized || z->closed || z->write_in_progress) {
        return JSValueMakeUndefined(ctx);
    }
    zl_error_t e = {.message = "Failed to reset stream", .errnum = Z_STREAM_ERROR};
    bool ok;
    if (zl_is_brotli(z->orig_mode)) {
        if (z->enc) {
            BrotliEncoderDestroyInstance(z->enc);
            z->enc = NULL;
        }
        if (z->dec) {
            BrotliDecoderDestroyInstance(z->dec);
            z->dec = NULL;
        }
        ok = zl_brotli_start(z);
        snprintf(e.code, sizeof(e.code), "ERR_BROTLI_INITIALIZATION_FAILED");
        e.message = "Initialization failed";
        e.errnum = -1;
    } else {
        zl_pz_detach(z);
        z->mode = z->orig_mode;
        z->gzip_id_bytes_read = 0;
        z->err = zl_is_deflate(z->mode) ? deflateReset(&z->strm) : inflateReset(&z->strm);
        if (z->err == Z_OK && z->dict_len &&
            (z->mode == ZL_DEFLATE || z->mode == ZL_DEFLATERAW)) {
            z->err = deflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
        } else if (z->err == Z_OK && z->dict_len && z->mode == ZL_INFLATERAW) {
            z->err = inflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
        }
        ok = z->err == Z_OK;
        snprintf(e.code, sizeof(e.code), "%s", zl_code_name(z->err));
        e.errnum = z->err;
    }
    if (!ok && !zl_emit_error(ctx, z, &e, false, exc)) {
        return NULL;
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef zl_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    zl_t *z = zl_this(ctx, self, exc);
    if (!z) {
        return NULL;
    }
    if (z->write_in_progress) {
        z->pending_close = true;
        return JSValueMakeUndefined(ctx);
    }
    z->closed = true;
    zl_free_streams(z);
    return JSValueMakeUndefined(ctx);
}

/* Brotli has no params(); a call is ignored, as in node. */
static const JSStaticFunction zl_methods[] = {
    {"init", zl_init_any, RT_FN_ATTRS},
    {"write", zl_write, RT_FN_ATTRS},
    {"writeSync", zl_write_sync, RT_FN_ATTRS},
    {"params", zl_params, RT_FN_ATTRS},
    {"reset", zl_reset, RT_FN_ATTRS},
    {"close", zl_close, RT_FN_ATTRS},
    {0, 0, 0},
};

/* crc32(data, value): zlib's crc32 of a buffer or of a string's UTF-8, continuing from value. */
static JSValueRef zl_crc32(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef data = rt_arg(ctx, argc, argv, 0);
    double v = rt_arg_num(ctx, argc, argv, 1);
    uLong crc = (v >= 0 && v <= UINT32_MAX) ? (uLong)v : 0;
    if (JSValueIsString(ctx, data)) {
        size_t len = 0;
        char *s = rt_to_utf8(ctx, data, &len, exc);
        if (!s) {
            return NULL;
        }
        const uint8_t *p = (const uint8_t *)s;
        while (len > 0) {
            uInt n = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
            crc = crc32(crc, p, n);
            p += n;
            len -= n;
        }
        free(s);
        return JSValueMakeNumber(ctx, (double)crc);
    }
    size_t len = 0;
    const uint8_t *p = rt_bytes(ctx, data, &len);
    if (!p && !JSValueIsObject(ctx, data)) {
        return rt_throw_type_error(ctx, exc, "data must be a string or a buffer");
    }
    while (p && len > 0) {
        uInt n = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
        crc = crc32(crc, p, n);
        p += n;
        len -= n;
    }
    return JSValueMakeNumber(ctx, (double)crc);
}

static JSValueRef zl_compress_one_shot(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc);

static const JSStaticFunction zl_functions[] = {
    {"crc32", zl_crc32, RT_FN_ATTRS},
    {"compressOneShot", zl_compress_one_shot, RT_FN_ATTRS},
    {0, 0, 0},
};

/* ---- one-shot compression and decompression of large buffers ----
 *
 * zlib's deflate is the slowest part of a one-shot gzipSync/deflateSync on a big buffer; for
 * whole buffers libdeflate produces a valid stream of the same format about 2.5x faster, and
 * decompresses about twice as fast. Decompression takes only input that is exactly one
 * complete stream; anything else (several gzip members, trailing bytes, bad data, output
 * over the limit) reports "unavailable" and the caller streams through zlib, which gives
 * node's results and errors. */

enum { ZL_ONESHOT_INFLATE = 3 }; /* kinds from here up decompress: 3 zlib, 4 gzip, 5 raw */

typedef struct {
    uv_work_t work;
    int kind; /* 0 zlib, 1 gzip, 2 raw deflate; +ZL_ONESHOT_INFLATE to decompress */
    int level;
    size_t limit; /* decompression: the most output accepted */
    const uint8_t *in;
    size_t in_len;
    uint8_t *out;
    size_t out_len;
    JSValueRef input; /* protected while queued */
    JSObjectRef cb;   /* protected while queued */
} zl_oneshot_t;

/* Decompresses j->in into a malloc'd j->out (NULL when unavailable). Thread-safe. */
static void zl_oneshot_inflate(zl_oneshot_t *j) {
    int kind = j->kind - ZL_ONESHOT_INFLATE;
    size_t cap = j->in_len * 4;
    if (kind == 1 && j->in_len >= 18) {
        /* ISIZE: the uncompressed size mod 2^32, the last four bytes of a gzip member */
        const uint8_t *t = j->in + j->in_len - 4;
        cap = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
    }
    if (cap < 65536) {
        cap = 65536;
    }
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) {
        return;
    }
    for (;;) {
        if (cap > j->limit) {
            cap = j->limit;
        }
        uint8_t *out = malloc(cap ? cap : 1);
        if (!out) {
            break;
        }
        size_t in_used = 0, out_len = 0;
        enum libdeflate_result r =
            kind == 0   ? libdeflate_zlib_decompress_ex(d, j->in, j->in_len, out, cap, &in_used,
                                                        &out_len)
            : kind == 1 ? libdeflate_gzip_decompress_ex(d, j->in, j->in_len, out, cap, &in_used,
                                                        &out_len)
                        : libdeflate_deflate_decompress_ex(d, j->in, j->in_len, out, cap,
                                                           &in_used, &out_len);
        if (r == LIBDEFLATE_SUCCESS && in_used == j->in_len) {
            uint8_t *shrunk = out_len < cap ? realloc(out, out_len ? out_len : 1) : out;
            j->out = shrunk ? shrunk : out;
            j->out_len = out_len;
            break;
        }
        free(out);
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE || cap >= j->limit || cap > SIZE_MAX / 2) {
            break;
        }
        cap *= 2;
    }
    libdeflate_free_decompressor(d);
}

/* Compresses (or decompresses) j->in into a malloc'd j->out (NULL on failure). Thread-safe. */
static void zl_oneshot_run(zl_oneshot_t *j) {
    if (j->kind >= ZL_ONESHOT_INFLATE) {
        zl_oneshot_inflate(j);
        return;
    }
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(j->level);
    if (!c) {
        return;
    }
    size_t cap = j->kind == 0   ? libdeflate_zlib_compress_bound(c, j->in_len)
                 : j->kind == 1 ? libdeflate_gzip_compress_bound(c, j->in_len)
                                : libdeflate_deflate_compress_bound(c, j->in_len);
    uint8_t *out = malloc(cap ? cap : 1);
    size_t n = 0;
    if (out) {
        n = j->kind == 0   ? libdeflate_zlib_compress(c, j->in, j->in_len, out, cap)
            : j->kind == 1 ? libdeflate_gzip_compress(c, j->in, j->in_len, out, cap)
                           : libdeflate_deflate_compress(c, j->in, j->in_len, out, cap);
    }
    libdeflate_free_compressor(c);
    if (n == 0) {
        free(out);
        return;
    }
    uint8_t *shrunk = realloc(out, n);
    j->out = shrunk ? shrunk : out;
    j->out_len = n;
}

/* The result as a Uint8Array that owns j->out, or undefined. */
static JSValueRef zl_oneshot_result(JSContextRef ctx, zl_oneshot_t *j) {
    if (!j->out) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef exc = NULL;
    JSObjectRef u8 = rt_uint8array_take(ctx, j->out, j->out_len, &exc);
    j->out = NULL;
    return u8 ? (JSValueRef)u8 : JSValueMakeUndefined(ctx);
}

static void zl_oneshot_work_cb(uv_work_t *w) {
    zl_oneshot_run(w->data);
}

static void zl_oneshot_after_cb(uv_work_t *w, int status) {
    zl_oneshot_t *j = w->data;
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    JSValueRef arg = zl_oneshot_result(ctx, j);
    JSObjectRef cb = j->cb;
    JSValueUnprotect(ctx, j->input);
    free(j->out);
    free(j);
    rt_make_callback(env, cb, NULL, 1, &arg);
    JSValueUnprotect(ctx, cb);
}

/* compressOneShot(mode, param, input[, callback]): the whole input compressed as DEFLATE, GZIP
 * or DEFLATERAW at level param (1..9, -1: 6), or decompressed as INFLATE, GUNZIP, UNZIP (by its
 * header) or INFLATERAW into at most param bytes. Without a callback it returns a new
 * Uint8Array, or undefined when this path is unavailable (the caller then streams through
 * zlib). With one, it returns false when unavailable, else true and later calls
 * callback(Uint8Array | undefined) from the thread pool. */
static JSValueRef zl_compress_one_shot(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double mode = rt_arg_num(ctx, argc, argv, 0);
    double level = rt_arg_num(ctx, argc, argv, 1);
    JSValueRef input = rt_arg(ctx, argc, argv, 2);
    JSValueRef cb = rt_arg(ctx, argc, argv, 3);
    bool async = JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb);
    size_t in_len = 0;
    const uint8_t *in = rt_bytes(ctx, input, &in_len);
    int kind = mode == ZL_DEFLATE ? 0 : mode == ZL_GZIP ? 1 : mode == ZL_DEFLATERAW ? 2 : -1;
    if (mode == ZL_UNZIP && in && in_len >= 2) {
        mode = in[0] == 0x1f && in[1] == 0x8b ? ZL_GUNZIP : ZL_INFLATE;
    }
    if (mode == ZL_INFLATE || mode == ZL_GUNZIP || mode == ZL_INFLATERAW) {
        kind = ZL_ONESHOT_INFLATE + (mode == ZL_INFLATE ? 0 : mode == ZL_GUNZIP ? 1 : 2);
    } else if (level == -1) {
        level = 6;
    }
    bool level_ok = kind >= ZL_ONESHOT_INFLATE ? level >= 1 : level >= 1 && level <= 9;
    if (kind < 0 || !level_ok || !in) {
        return async ? JSValueMakeBoolean(ctx, false) : JSValueMakeUndefined(ctx);
    }
    zl_oneshot_t *j = calloc(1, sizeof(*j));
    RT_CHECK(j != NULL);
    j->kind = kind;
    j->level = kind < ZL_ONESHOT_INFLATE ? (int)level : 0;
    j->limit = level < 9007199254740992.0 ? (size_t)level : SIZE_MAX;
    j->in = in;
    j->in_len = in_len;
    if (!async) {
        zl_oneshot_run(j);
        JSValueRef result = zl_oneshot_result(ctx, j);
        free(j);
        return result;
    }
    rt_env_t *env = rt_env_get();
    j->work.data = j;
    j->input = input;
    j->cb = (JSObjectRef)cb;
    int r = uv_queue_work(env->loop, &j->work, zl_oneshot_work_cb, zl_oneshot_after_cb);
    if (r < 0) {
        free(j);
        return JSValueMakeBoolean(ctx, false);
    }
    JSValueProtect(ctx, input);
    JSValueProtect(ctx, cb);
    return JSValueMakeBoolean(ctx, true);
}

typedef struct {
    const char *name;
    double value;
} zl_const_t;

/* node's zlib.constants, in node's order, from the headers of the linked libraries. */
static const zl_const_t zl_constants[] = {
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_OK", Z_OK},
    {"Z_STREAM_END", Z_STREAM_END},
    {"Z_NEED_DICT", Z_NEED_DICT},
    {"Z_ERRNO", Z_ERRNO},
    {"Z_STREAM_ERROR", Z_STREAM_ERROR},
    {"Z_DATA_ERROR", Z_DATA_ERROR},
    {"Z_MEM_ERROR", Z_MEM_ERROR},
    {"Z_BUF_ERROR", Z_BUF_ERROR},
    {"Z_VERSION_ERROR", Z_VERSION_ERROR},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"ZLIB_VERNUM", ZLIB_VERNUM},
    {"DEFLATE", ZL_DEFLATE},
    {"INFLATE", ZL_INFLATE},
    {"GZIP", ZL_GZIP},
    {"GUNZIP", ZL_GUNZIP},
    {"DEFLATERAW", ZL_DEFLATERAW},
    {"INFLATERAW", ZL_INFLATERAW},
    {"UNZIP", ZL_UNZIP},
    {"BROTLI_DECODE", ZL_BROTLI_DECODE},
    {"BROTLI_ENCODE", ZL_BROTLI_ENCODE},
    {"Z_MIN_WINDOWBITS", 8},
    {"Z_MAX_WINDOWBITS", 15},
    {"Z_DEFAULT_WINDOWBITS", 15},
    {"Z_MIN_CHUNK", 64},
    {"Z_MAX_CHUNK", 1.0 / 0.0},
    {"Z_DEFAULT_CHUNK", 16 * 1024},
    {"Z_MIN_MEMLEVEL", 1},
    {"Z_MAX_MEMLEVEL", 9},
    {"Z_DEFAULT_MEMLEVEL", 8},
    {"Z_MIN_LEVEL", -1},
    {"Z_MAX_LEVEL", 9},
    {"Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION},
    {"BROTLI_OPERATION_PROCESS", BROTLI_OPERATION_PROCESS},
    {"BROTLI_OPERATION_FLUSH", BROTLI_OPERATION_FLUSH},
    {"BROTLI_OPERATION_FINISH", BROTLI_OPERATION_FINISH},
    {"BROTLI_OPERATION_EMIT_METADATA", BROTLI_OPERATION_EMIT_METADATA},
    {"BROTLI_PARAM_MODE", BROTLI_PARAM_MODE},
    {"BROTLI_MODE_GENERIC", BROTLI_MODE_GENERIC},
    {"BROTLI_MODE_TEXT", BROTLI_MODE_TEXT},
    {"BROTLI_MODE_FONT", BROTLI_MODE_FONT},
    {"BROTLI_DEFAULT_MODE", BROTLI_DEFAULT_MODE},
    {"BROTLI_PARAM_QUALITY", BROTLI_PARAM_QUALITY},
    {"BROTLI_MIN_QUALITY", BROTLI_MIN_QUALITY},
    {"BROTLI_MAX_QUALITY", BROTLI_MAX_QUALITY},
    {"BROTLI_DEFAULT_QUALITY", BROTLI_DEFAULT_QUALITY},
    {"BROTLI_PARAM_LGWIN", BROTLI_PARAM_LGWIN},
    {"BROTLI_MIN_WINDOW_BITS", BROTLI_MIN_WINDOW_BITS},
    {"BROTLI_MAX_WINDOW_BITS", BROTLI_MAX_WINDOW_BITS},
    {"BROTLI_LARGE_MAX_WINDOW_BITS", BROTLI_LARGE_MAX_WINDOW_BITS},
    {"BROTLI_DEFAULT_WINDOW", BROTLI_DEFAULT_WINDOW},
    {"BROTLI_PARAM_LGBLOCK", BROTLI_PARAM_LGBLOCK},
    {"BROTLI_MIN_INPUT_BLOCK_BITS", BROTLI_MIN_INPUT_BLOCK_BITS},
    {"BROTLI_MAX_INPUT_BLOCK_BITS", BROTLI_MAX_INPUT_BLOCK_BITS},
    {"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING",
     BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING},
    {"BROTLI_PARAM_SIZE_HINT", BROTLI_PARAM_SIZE_HINT},
    {"BROTLI_PARAM_LARGE_WINDOW", BROTLI_PARAM_LARGE_WINDOW},
    {"BROTLI_PARAM_NPOSTFIX", BROTLI_PARAM_NPOSTFIX},
    {"BROTLI_PARAM_NDIRECT", BROTLI_PARAM_NDIRECT},
    {"BROTLI_DECODER_RESULT_ERROR", BROTLI_DECODER_RESULT_ERROR},
    {"BROTLI_DECODER_RESULT_SUCCESS", BROTLI_DECODER_RESULT_SUCCESS},
    {"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT},
    {"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT},
    {"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION",
     BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION},
    {"BROTLI_DECODER_PARAM_LARGE_WINDOW", BROTLI_DECODER_PARAM_LARGE_WINDOW},
#define ZL_BROTLI_ERROR_CONST(PREFIX, NAME, CODE) {"BROTLI_DECODER" #PREFIX #NAME, CODE},
#define ZL_NOTHING
    BROTLI_DECODER_ERROR_CODES_LIST(ZL_BROTLI_ERROR_CONST, ZL_NOTHING)
#undef ZL_BROTLI_ERROR_CONST
#undef ZL_NOTHING
    {NULL, 0},
};

void rt_binding_zlib_init(rt_env_t *env, JSObjectRef target) {
    JSContextRef ctx = env->ctx;
    if (!zl_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "Zlib";
        def.staticFunctions = zl_methods;
        def.finalize = zl_finalize;
        zl_class = JSClassCreate(&def);
    }
    rt_set(ctx, target, "Zlib", JSObjectMakeConstructor(ctx, zl_class, zl_new_zlib));
    JSObjectRef brotli_enc = JSObjectMakeConstructor(ctx, zl_class, zl_new_brotli);
    rt_set(ctx, target, "BrotliEncoder", brotli_enc);
    rt_set(ctx, target, "BrotliDecoder", JSObjectMakeConstructor(ctx, zl_class, zl_new_brotli));
    rt_define_functions(env, target, zl_functions);
    JSObjectRef constants = JSObjectMake(ctx, NULL, NULL);
    for (const zl_const_t *c = zl_constants; c->name; c++) {
        rt_set_num(ctx, constants, c->name, c->value);
    }
    rt_set(ctx, target, "constants", constants);
    rt_set_str(ctx, target, "zlibVersion", zlibVersion());
    uint32_t bv = BrotliEncoderVersion();
    char bver[32];
    snprintf(bver, sizeof(bver), "%u.%u.%u", bv >> 24, (bv >> 12) & 0xfff, bv & 0xfff);
    rt_set_str(ctx, target, "brotliVersion", bver);
}
