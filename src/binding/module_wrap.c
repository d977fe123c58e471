/* module_wrap.c: the `module_wrap` binding: the ES-module transform of src/parser for
 * lib/internal/modules/esm (docs/esm.md section 1). */
#include "parser/transform.h"
#include "rt/rt.h"

#include <stdlib.h>
#include <string.h>

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

/* The module-mode result: [code, flags, meta]. */
static JSValueRef mw_module_result(JSContextRef ctx, const jsp_transform_result *r,
                                   JSValueRef *exc) {
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
    };
    return JSObjectMakeArray(ctx, sizeof(out) / sizeof(out[0]), out, exc);
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
    if (err == JSP_TRANSFORM_SYNTAX) {
        JSObjectRef o = mw_object(ctx);
        rt_set_str(ctx, o, "error", r.error.message);
        rt_set_num(ctx, o, "line", r.error.line);
        rt_set_num(ctx, o, "column", r.error.col);
        result = o;
    } else if (err != 0) {
        result = rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_MEMORY",
                               "Out of memory while transforming a module");
    } else if (flags == JSP_TRANSFORM_MODULE) {
        result = mw_module_result(ctx, &r, exc);
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

static const JSStaticFunction mw_functions[] = {
    {"transform", mw_transform, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_module_wrap_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, mw_functions);
}
