/* uv.c: the `uv` internal binding: libuv error names and messages (util.getSystemErrorName,
 * util.getSystemErrorMap, system error formatting) and the UV_* error constants. */
#include "rt/rt.h"

#include <math.h>
#include <stdio.h>

/* errName(code): libuv's name for an error code ('ENOENT'); "Unknown system error N" for a
 * code libuv does not know. Also exported as `errname`, node's spelling. */
static JSValueRef uv_binding_err_name(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double d = rt_arg_num(ctx, argc, argv, 0);
    if (!isfinite(d) || d != trunc(d) || d < -2147483648.0 || d > 2147483647.0) {
        return rt_throw_type_error(ctx, exc, "err must be an int32");
    }
    char buf[64];
    uv_err_name_r((int)d, buf, sizeof(buf));
    return rt_string_from_cstr(ctx, buf);
}

/* errMessage(code) (also getErrorMessage): libuv's message for an error code ('no such file or directory'). */
static JSValueRef uv_binding_err_message(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double d = rt_arg_num(ctx, argc, argv, 0);
    if (!isfinite(d) || d != trunc(d) || d < -2147483648.0 || d > 2147483647.0) {
        return rt_throw_type_error(ctx, exc, "err must be an int32");
    }
    char buf[128];
    uv_strerror_r((int)d, buf, sizeof(buf));
    return rt_string_from_cstr(ctx, buf);
}

typedef struct {
    int code;
    const char *name;
    const char *message;
} uv_binding_error_t;

#define UV_BINDING_ERROR_ENTRY(name, msg) {UV_##name, #name, msg},
static const uv_binding_error_t uv_binding_errors[] = {UV_ERRNO_MAP(UV_BINDING_ERROR_ENTRY){
    0, NULL, NULL}};
#undef UV_BINDING_ERROR_ENTRY

/* getErrorMap(): a Map of code -> [name, message] for every libuv error. */
static JSValueRef uv_binding_get_error_map(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    JSObjectRef global = JSContextGetGlobalObject(ctx);
    JSValueRef map_ctor = rt_get(ctx, global, "Map");
    if (!JSValueIsObject(ctx, map_ctor)) {
        return rt_throw_type_error(ctx, exc, "Map is not available");
    }
    JSObjectRef map = JSObjectCallAsConstructor(ctx, (JSObjectRef)map_ctor, 0, NULL, exc);
    if (!map) {
        return NULL;
    }
    JSValueRef set = rt_get(ctx, map, "set");
    if (!JSValueIsObject(ctx, set)) {
        return rt_throw_type_error(ctx, exc, "Map.prototype.set is not available");
    }
    for (const uv_binding_error_t *e = uv_binding_errors; e->name; e++) {
        JSValueRef pair[2] = {rt_string_from_cstr(ctx, e->name),
                              rt_string_from_cstr(ctx, e->message)};
        JSObjectRef arr = JSObjectMakeArray(ctx, 2, pair, exc);
        if (!arr) {
            return NULL;
        }
        JSValueRef args[2] = {JSValueMakeNumber(ctx, e->code), arr};
        if (!JSObjectCallAsFunction(ctx, (JSObjectRef)set, map, 2, args, exc)) {
            return NULL;
        }
    }
    return map;
}

static const JSStaticFunction uv_binding_functions[] = {
    {"errName", uv_binding_err_name, RT_FN_ATTRS},
    {"errname", uv_binding_err_name, RT_FN_ATTRS},
    {"errMessage", uv_binding_err_message, RT_FN_ATTRS},
    {"getErrorMessage", uv_binding_err_message, RT_FN_ATTRS},
    {"getErrorMap", uv_binding_get_error_map, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_uv_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, uv_binding_functions);
    char name[64];
    for (const uv_binding_error_t *e = uv_binding_errors; e->name; e++) {
        snprintf(name, sizeof(name), "UV_%s", e->name);
        rt_set_num(env->ctx, target, name, e->code);
    }
}
