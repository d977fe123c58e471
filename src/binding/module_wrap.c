/* module_wrap.c: the `module_wrap` binding: the ES-module transform of src/parser for
 * lib/internal/modules/esm (docs/esm.md section 1). */
#include "parser/transform.h"
#include "rt/rt.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool mw_is_ascii(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80 || s[i] == 0) {
            return false;
        }
    }
    return true;
}

/* ASCII text without NULs becomes an 8-bit engine string (half the memory of the UTF-16
 * form, and the engine's faster lexer path); anything else goes through UTF-16. s[len]
 * must be a NUL. */
static JSValueRef mw_text(JSContextRef ctx, const char *s, size_t len) {
    if (!mw_is_ascii(s, len)) {
        return rt_string_from_utf8(ctx, s, len);
    }
    JSStringRef str = JSStringCreateWithUTF8CString(s);
    JSValueRef v = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return v;
}

/* Null prototype, so setters on Object.prototype never run. */
static JSObjectRef mw_object(JSContextRef ctx) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
    return o;
}

/* The metadata of a module is one string of NUL-separated fields (docs/esm.md 1): one
 * engine string per module instead of one per name, which the loader splits. */
typedef struct mw_buf {
    char *p;
    size_t len;
    size_t cap;
    bool failed;
    /* The rare fallback when a name holds a NUL: the fields go into this array. */
    JSContextRef ctx;
    JSObjectRef arr;
    unsigned n;
} mw_buf;

static void mw_put(mw_buf *b, const char *s, size_t len) {
    if (b->failed) {
        return;
    }
    if (b->arr != NULL) {
        JSObjectSetPropertyAtIndex(b->ctx, b->arr, b->n++, rt_string_from_utf8(b->ctx, s, len),
                                   NULL);
        return;
    }
    if (b->len + len + 2 > b->cap) {
        size_t cap = (b->cap + len + 2) * 2;
        char *p = realloc(b->p, cap);
        if (p == NULL) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, len);
    b->len += len;
    b->p[b->len++] = 0;
}

static void mw_put_num(mw_buf *b, size_t n) {
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    mw_put(b, tmp + i, sizeof(tmp) - i);
}

static void mw_put_slice(mw_buf *b, jsp_slice s) {
    /* A NUL inside a name (an escape in a string literal) would break the fields. */
    if (b->arr == NULL && memchr(s.s, 0, s.len) != NULL) {
        b->failed = true;
        return;
    }
    mw_put(b, s.s, s.len);
}

/* requests (specifier, attribute count, key, value...), imports (request, name),
 * exports (name), indirect (name, request, importName), stars (request): each list
 * preceded by its length. Returns false when a name holds a NUL or memory ran out. */
static bool mw_meta(const jsp_transform_result *r, mw_buf *b) {
    mw_put_num(b, r->request_count);
    for (size_t i = 0; i < r->request_count; i++) {
        const jsp_request *q = &r->requests[i];
        mw_put_slice(b, q->specifier);
        mw_put_num(b, q->attribute_count);
        for (size_t a = 0; a < q->attribute_count; a++) {
            mw_put_slice(b, q->attributes[a].key);
            mw_put_slice(b, q->attributes[a].value);
        }
    }
    mw_put_num(b, r->import_count);
    for (size_t i = 0; i < r->import_count; i++) {
        mw_put_num(b, r->imports[i].request);
        mw_put_slice(b, r->imports[i].name);
    }
    mw_put_num(b, r->export_count);
    for (size_t i = 0; i < r->export_count; i++) {
        mw_put_slice(b, r->exports[i]);
    }
    mw_put_num(b, r->indirect_count);
    for (size_t i = 0; i < r->indirect_count; i++) {
        mw_put_slice(b, r->indirect[i].name);
        mw_put_num(b, r->indirect[i].request);
        mw_put_slice(b, r->indirect[i].import_name);
    }
    mw_put_num(b, r->star_count);
    for (size_t i = 0; i < r->star_count; i++) {
        mw_put_num(b, r->stars[i]);
    }
    return !b->failed;
}

/* The module-mode result: [code, flags, meta], and with a number offset, [..., offset]. */
static JSValueRef mw_module_result(JSContextRef ctx, const jsp_transform_result *r,
                                   double offset, JSValueRef *exc) {
    mw_buf b = {.p = NULL};
    JSValueRef meta;
    if (mw_meta(r, &b)) {
        /* Drop the last separator; the loader splits on the others. */
        meta = rt_string_from_utf8(ctx, b.p, b.len - 1);
    } else {
        /* A NUL in a name (or no memory for the string): an array of the fields. */
        free(b.p);
        b = (mw_buf){.ctx = ctx, .arr = JSObjectMakeArray(ctx, 0, NULL, exc)};
        if (b.arr == NULL) {
            return NULL;
        }
        mw_meta(r, &b);
        meta = b.arr;
    }
    free(b.p);
    JSValueRef out[] = {
        mw_text(ctx, r->code, r->code_len),
        JSValueMakeNumber(ctx, (r->async ? 1 : 0) | (r->meta ? 2 : 0)),
        meta,
        JSValueMakeNumber(ctx, offset),
    };
    size_t n = sizeof(out) / sizeof(out[0]);
    return JSObjectMakeArray(ctx, isnan(offset) ? n - 1 : n, out, exc);
}

/* Whether s is well-formed UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF): then the transform reads the file's bytes as they are. */
static bool mw_is_utf8(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (len - i <= n || s[i + 1] < lo || s[i + 1] > hi) {
            return false;
        }
        for (size_t k = 2; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n + 1;
    }
    return true;
}

/* The length in UTF-16 code units of s's text up to its first LF (or its end). */
static size_t mw_first_line_units(const char *s, size_t len) {
    size_t units = 0;
    for (size_t i = 0; i < len && s[i] != '\n'; i++) {
        unsigned char c = (unsigned char)s[i];
        units += (c & 0xC0) != 0x80; /* a lead or ASCII byte */
        units += c >= 0xF0;          /* a surrogate pair */
    }
    return units;
}

/* What transform() and transformFile() give when the transform failed: { error, line,
 * column } for a syntax error, else an out-of-memory RangeError thrown. */
static JSValueRef mw_transform_failed(JSContextRef ctx, int err, const jsp_transform_result *r,
                                      JSValueRef *exc) {
    if (err != JSP_TRANSFORM_SYNTAX) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_MEMORY",
                             "Out of memory while transforming a module");
    }
    JSObjectRef o = mw_object(ctx);
    rt_set_str(ctx, o, "error", r->error.message);
    rt_set_num(ctx, o, "line", r->error.line);
    rt_set_num(ctx, o, "column", r->error.col);
    return o;
}

/* transformFile(path): reads a module's file and transforms it in one step, without
 * making a string of its source. [code, flags, fields, offset] as transform() gives
 * (offset: how much longer the code's first line is than the source's, in UTF-16 units),
 * or { error, line, column }; undefined when the file is not a regular file of
 * well-formed UTF-8 (the loader then reads it as text). Throws readFileUtf8's errors. */
static JSValueRef mw_transform_file(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef arg = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsString(ctx, arg)) {
        return rt_throw_type_error(ctx, exc, "The \"path\" argument must be of type string");
    }
    char *path = rt_to_utf8(ctx, arg, NULL, exc);
    if (path == NULL) {
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0;
    int err = rt_read_file(path, true, &buf, &len);
    if (err == UV_EINVAL) {
        free(path);
        return JSValueMakeUndefined(ctx); /* a FIFO, a device...: read as text */
    }
    if (err != 0) {
        JSValueRef r = rt_throw_uv(ctx, exc, err, "open", path, NULL);
        free(path);
        return r;
    }
    free(path);
    const char *src = buf;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    if (!mw_is_utf8((const unsigned char *)src, len)) {
        free(buf);
        return JSValueMakeUndefined(ctx);
    }
    jsp_transform_result r;
    err = jsp_esm_transform(src, len, JSP_TRANSFORM_MODULE, &r);
    JSValueRef result;
    if (err != 0) {
        result = mw_transform_failed(ctx, err, &r, exc);
    } else {
        double offset = (double)mw_first_line_units(r.code, r.code_len) -
                        (double)mw_first_line_units(src, len);
        result = mw_module_result(ctx, &r, offset, exc);
    }
    jsp_transform_free(&r);
    free(buf);
    return result;
}

/* transform(source, flags): see docs/esm.md 1. flags 0 (module) gives
 * [code, async | meta << 1, fields]; flags 1 (CommonJS) gives { code, prefix }; a syntax
 * error gives { error, line, column }. */
static JSValueRef mw_transform(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef source = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsString(ctx, source)) {
        return rt_throw_type_error(ctx, exc, "The \"source\" argument must be of type string");
    }
    unsigned flags = rt_arg_int(ctx, argc, argv, 1) == 1 ? JSP_TRANSFORM_CJS
                                                         : JSP_TRANSFORM_MODULE;
    size_t len;
    char *src = rt_to_utf8(ctx, source, &len, exc);
    if (src == NULL) {
        return NULL;
    }
    jsp_transform_result r;
    int err = jsp_esm_transform(src, len, flags, &r);
    JSValueRef result;
    if (err != 0) {
        result = mw_transform_failed(ctx, err, &r, exc);
    } else if (flags == JSP_TRANSFORM_MODULE) {
        result = mw_module_result(ctx, &r, (double)NAN, exc);
    } else {
        JSObjectRef o = mw_object(ctx);
        rt_set(ctx, o, "code", mw_text(ctx, r.code, r.code_len));
        rt_set_str(ctx, o, "prefix", r.prefix);
        result = o;
    }
    jsp_transform_free(&r);
    free(src);
    return result;
}

/* lstat(path) -> 0 for a file (anything but a directory or a symbolic link), 1 for a
 * directory, 2 for a symbolic link, a negative errno otherwise: lets the resolver skip
 * realpath() for a file that is no link in a directory it has resolved already. */
static JSValueRef mw_lstat(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (path == NULL) {
        return NULL;
    }
    struct stat st;
    int r = lstat(path, &st);
    int err = errno;
    free(path);
    if (r != 0) {
        return JSValueMakeNumber(ctx, -err);
    }
    return JSValueMakeNumber(ctx, S_ISLNK(st.st_mode) ? 2 : S_ISDIR(st.st_mode) ? 1 : 0);
}

static const JSStaticFunction mw_functions[] = {
    {"transform", mw_transform, RT_FN_ATTRS},
    {"transformFile", mw_transform_file, RT_FN_ATTRS},
    {"lstat", mw_lstat, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_module_wrap_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, mw_functions);
}
