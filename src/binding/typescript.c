/* typescript.c: the `typescript` internal binding: strip(source, isModule) -> the JavaScript
 * src/parser/typescript.c makes of a TypeScript source, or { error, line, column } for a
 * syntax error. isModule: true (Module goal), false (a CommonJS body) or undefined (try
 * CommonJS, then Module, as node's syntax detection does). */
#include "parser/typescript.h"
#include "rt/rt.h"

#include <string.h>
#include <stdlib.h>

static JSValueRef typescript_strip(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef src = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsString(ctx, src)) {
        return rt_throw_type_error(ctx, exc, "source must be a string");
    }
    JSValueRef mode = rt_arg(ctx, argc, argv, 1);
    int detect = JSValueIsUndefined(ctx, mode);
    int module = !detect && rt_bool(ctx, mode);
    size_t len;
    char *text = rt_to_utf8(ctx, src, &len, exc);
    if (text == NULL) {
        return NULL;
    }
    jsp_ts_result r;
    int err = jsp_ts_strip(text, len, module ? JSP_TS_MODULE : 0, &r);
    if (err == 1 && detect) {
        jsp_ts_result m;
        if (jsp_ts_strip(text, len, JSP_TS_MODULE, &m) == 0) {
            jsp_ts_result_free(&r);
            r = m;
            err = 0;
        } else {
            if (m.error.offset > r.error.offset) {
                r.error = m.error; /* the goal that parsed further says what is wrong */
            }
            jsp_ts_result_free(&m);
        }
    }
    free(text);
    if (err < 0) {
        jsp_ts_result_free(&r);
        return rt_throw_type_error(ctx, exc, "out of memory");
    }
    if (err) {
        JSObjectRef out = JSObjectMake(ctx, NULL, NULL);
        const char *msg = r.error.message;
        rt_set(ctx, out, "error", rt_string_from_utf8(ctx, msg, strlen(msg)));
        rt_set(ctx, out, "line", JSValueMakeNumber(ctx, r.error.line));
        rt_set(ctx, out, "column", JSValueMakeNumber(ctx, r.error.col));
        jsp_ts_result_free(&r);
        return out;
    }
    JSValueRef code = rt_string_from_utf8(ctx, r.code, r.len);
    jsp_ts_result_free(&r);
    return code;
}

static const JSStaticFunction typescript_functions[] = {
    {"strip", typescript_strip, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_typescript_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, typescript_functions);
}
