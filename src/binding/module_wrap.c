/* module_wrap.c: the `module_wrap` binding: the ES-module transform of src/parser for
 * lib/internal/modules/esm (docs/esm.md section 1). */
#include "parser/transform.h"
#include "rt/rt.h"

#include <stdlib.h>

static JSValueRef mw_str(JSContextRef ctx, jsp_slice s) {
    return rt_string_from_utf8(ctx, s.s, s.len);
}

/* Array elements are attached one by one, so none sits unreachable in C memory. */
static JSObjectRef mw_array(JSContextRef ctx, JSValueRef *exc) {
    return JSObjectMakeArray(ctx, 0, NULL, exc);
}

static JSObjectRef mw_requests(JSContextRef ctx, const jsp_transform_result *r, JSValueRef *exc) {
    JSObjectRef arr = mw_array(ctx, exc);
    for (size_t i = 0; arr && i < r->request_count; i++) {
        const jsp_request *q = &r->requests[i];
        JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
        JSObjectSetPropertyAtIndex(ctx, arr, (unsigned)i, o, NULL);
        rt_set(ctx, o, "specifier", mw_str(ctx, q->specifier));
        if (q->attribute_count == 0) {
            rt_set(ctx, o, "attributes", JSValueMakeNull(ctx));
            continue;
        }
        JSObjectRef attrs = JSObjectMake(ctx, NULL, NULL);
        rt_set(ctx, o, "attributes", attrs);
        for (size_t a = 0; a < q->attribute_count; a++) {
            JSValueRef key = mw_str(ctx, q->attributes[a].key);
            JSValueRef value = mw_str(ctx, q->attributes[a].value);
            JSObjectSetPropertyForKey(ctx, attrs, key, value, kJSPropertyAttributeNone, NULL);
        }
    }
    return arr;
}

static JSObjectRef mw_imports(JSContextRef ctx, const jsp_transform_result *r, JSValueRef *exc) {
    JSObjectRef arr = mw_array(ctx, exc);
    for (size_t i = 0; arr && i < r->import_count; i++) {
        JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
        JSObjectSetPropertyAtIndex(ctx, arr, (unsigned)i, o, NULL);
        rt_set_num(ctx, o, "request", (double)r->imports[i].request);
        rt_set(ctx, o, "name", mw_str(ctx, r->imports[i].name));
    }
    return arr;
}

static JSObjectRef mw_exports(JSContextRef ctx, const jsp_transform_result *r, JSValueRef *exc) {
    JSObjectRef arr = mw_array(ctx, exc);
    for (size_t i = 0; arr && i < r->export_count; i++) {
        JSObjectSetPropertyAtIndex(ctx, arr, (unsigned)i, mw_str(ctx, r->exports[i]), NULL);
    }
    return arr;
}

static JSObjectRef mw_indirect(JSContextRef ctx, const jsp_transform_result *r, JSValueRef *exc) {
    JSObjectRef arr = mw_array(ctx, exc);
    for (size_t i = 0; arr && i < r->indirect_count; i++) {
        JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
        JSObjectSetPropertyAtIndex(ctx, arr, (unsigned)i, o, NULL);
        rt_set(ctx, o, "name", mw_str(ctx, r->indirect[i].name));
        rt_set_num(ctx, o, "request", (double)r->indirect[i].request);
        rt_set(ctx, o, "importName", mw_str(ctx, r->indirect[i].import_name));
    }
    return arr;
}

static JSObjectRef mw_stars(JSContextRef ctx, const jsp_transform_result *r, JSValueRef *exc) {
    JSObjectRef arr = mw_array(ctx, exc);
    for (size_t i = 0; arr && i < r->star_count; i++) {
        JSObjectSetPropertyAtIndex(ctx, arr, (unsigned)i,
                                   JSValueMakeNumber(ctx, (double)r->stars[i]), NULL);
    }
    return arr;
}

/* transform(source, flags) -> { code, async, requests, imports, exports, indirect, stars,
 * meta, prefix }, or { error, line, column } for a syntax error. flags: 0 module, 1 CJS. */
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
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    if (err == JSP_TRANSFORM_SYNTAX) {
        rt_set_str(ctx, o, "error", r.error.message);
        rt_set_num(ctx, o, "line", r.error.line);
        rt_set_num(ctx, o, "column", r.error.col);
    } else if (err != 0) {
        jsp_transform_free(&r);
        free(src);
        return rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_MEMORY",
                             "Out of memory while transforming a module");
    } else {
        rt_set(ctx, o, "code", rt_string_from_utf8(ctx, r.code, r.code_len));
        rt_set_bool(ctx, o, "async", r.async != 0);
        rt_set(ctx, o, "requests", mw_requests(ctx, &r, NULL));
        rt_set(ctx, o, "imports", mw_imports(ctx, &r, NULL));
        rt_set(ctx, o, "exports", mw_exports(ctx, &r, NULL));
        rt_set(ctx, o, "indirect", mw_indirect(ctx, &r, NULL));
        rt_set(ctx, o, "stars", mw_stars(ctx, &r, NULL));
        rt_set_bool(ctx, o, "meta", r.meta != 0);
        rt_set_str(ctx, o, "prefix", r.prefix);
    }
    jsp_transform_free(&r);
    free(src);
    return o;
}

static const JSStaticFunction mw_functions[] = {
    {"transform", mw_transform, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_module_wrap_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, mw_functions);
}
