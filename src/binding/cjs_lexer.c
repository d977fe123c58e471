/* cjs_lexer.c: the `cjs_lexer` internal binding: parse(source) -> { exports, reexports }, the
 * CommonJS named exports src/parser/cjs_exports.c detects, for the ES module loader. */
#include "parser/cjs_exports.h"
#include "rt/rt.h"

#include <stdlib.h>

static JSObjectRef cjs_lexer_array(JSContextRef ctx, const jsp_cjs_str *v, size_t n,
                                   JSValueRef *exc) {
    if (n == 0) {
        return JSObjectMakeArray(ctx, 0, NULL, exc);
    }
    JSValueRef small[32] = {0};
    JSValueRef *vals = n <= 32 ? small : malloc(n * sizeof(*vals));
    if (vals == NULL) {
        rt_throw_type_error(ctx, exc, "out of memory");
        return NULL;
    }
    /* A malloc'd array is not scanned by the collector: protect its strings until the JS
     * array holds them (else making the next one could free them). */
    for (size_t i = 0; i < n; i++) {
        vals[i] = rt_string_from_utf8(ctx, v[i].str, v[i].len);
        if (vals != small) {
            JSValueProtect(ctx, vals[i]);
        }
    }
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, exc);
    if (vals != small) {
        for (size_t i = 0; i < n; i++) {
            JSValueUnprotect(ctx, vals[i]);
        }
        free(vals);
    }
    return arr;
}

/* parse(source): like node, a source that does not lex gives no names at all. */
static JSValueRef cjs_lexer_parse(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef src = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsString(ctx, src)) {
        return rt_throw_type_error(ctx, exc, "source must be a string");
    }
    size_t len;
    char *text = rt_to_utf8(ctx, src, &len, exc);
    if (text == NULL) {
        return NULL;
    }
    jsp_cjs_result r;
    int err = jsp_cjs_exports(text, len, &r);
    free(text);
    if (err == JSP_CJS_ENOMEM) {
        jsp_cjs_result_free(&r);
        return rt_throw_type_error(ctx, exc, "out of memory");
    }
    JSObjectRef out = JSObjectMake(ctx, NULL, NULL);
    /* Null prototype: setters user code puts on Object.prototype never see the result. */
    JSObjectSetPrototype(ctx, out, JSValueMakeNull(ctx));
    JSObjectRef exports = cjs_lexer_array(ctx, r.exports, r.n_exports, exc);
    JSObjectRef reexports = exports ? cjs_lexer_array(ctx, r.reexports, r.n_reexports, exc) : NULL;
    jsp_cjs_result_free(&r);
    if (exports == NULL || reexports == NULL) {
        return NULL;
    }
    rt_set(ctx, out, "exports", exports);
    rt_set(ctx, out, "reexports", reexports);
    return out;
}

static const JSStaticFunction cjs_lexer_functions[] = {
    {"parse", cjs_lexer_parse, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_cjs_lexer_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, cjs_lexer_functions);
}
