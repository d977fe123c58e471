/* bootstrap.c: runs lib/internal/bootstrap.js and keeps the hooks it returns. */
#include "rt/embed.h"
#include "rt/internal.h"

#include <stdio.h>
#include <stdlib.h>

/* JSC's unhandled-rejection hook: exported by the library but absent from its headers. */
void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx, JSObjectRef function,
                                                  JSValueRef *exception);

static JSObjectRef bootstrap_hook(rt_env_t *env, JSObjectRef hooks, const char *name) {
    JSValueRef v = rt_get(env->ctx, hooks, name);
    if (!JSValueIsObject(env->ctx, v)) {
        return NULL;
    }
    JSValueProtect(env->ctx, v);
    return (JSObjectRef)v;
}

static void bootstrap_report(rt_env_t *env, JSValueRef exc) {
    char *msg = rt_to_utf8(env->ctx, exc, NULL, NULL);
    JSValueRef stack =
        JSValueIsObject(env->ctx, exc) ? rt_get(env->ctx, (JSObjectRef)exc, "stack") : NULL;
    char *st = stack ? rt_to_utf8(env->ctx, stack, NULL, NULL) : NULL;
    fprintf(stderr, "cairn: bootstrap failed: %s\n%s\n", msg ? msg : "?", st ? st : "");
    free(msg);
    free(st);
}

int rt_bootstrap(rt_env_t *env, JSObjectRef options) {
    JSContextRef ctx = env->ctx;
    const rt_embed_t *e = rt_embed_find("internal/bootstrap");
    RT_CHECK(e != NULL);
    JSValueRef exc = NULL;
    JSValueRef fn = rt__eval_embedded(ctx, e, "node:internal/bootstrap", &exc);
    if (!fn) {
        bootstrap_report(env, exc);
        return 70;
    }
    JSStringRef ibname = rt_jsstr("internalBinding");
    JSObjectRef ib = JSObjectMakeFunctionWithCallback(ctx, ibname, rt__internal_binding);
    JSStringRelease(ibname);
    JSObjectRef tick_info = JSObjectMakeTypedArrayWithBytesNoCopy(
        ctx, kJSTypedArrayTypeInt32Array, rt__tick_info, sizeof(rt__tick_info), NULL, NULL, NULL);
    rt_set(ctx, options, "tickInfo", tick_info);
    JSValueRef args[2] = {ib, options};
    JSValueRef hooks = JSObjectCallAsFunction(ctx, (JSObjectRef)fn, NULL, 2, args, &exc);
    if (!hooks || !JSValueIsObject(ctx, hooks)) {
        bootstrap_report(env, exc ? exc : JSValueMakeUndefined(ctx));
        return 70;
    }
    JSObjectRef h = (JSObjectRef)hooks;
    env->tick_callback = bootstrap_hook(env, h, "tickCallback");
    env->callback_trampoline = bootstrap_hook(env, h, "callbackTrampoline");
    env->fatal_exception = bootstrap_hook(env, h, "fatalException");
    env->emit_before_exit = bootstrap_hook(env, h, "emitBeforeExit");
    env->emit_exit = bootstrap_hook(env, h, "emitExit");
    env->fix_error_stack = bootstrap_hook(env, h, "fixErrorStack");
    JSValueRef rejection = rt_get(ctx, h, "unhandledRejection");
    if (JSValueIsObject(ctx, rejection)) {
        JSGlobalContextSetUnhandledRejectionCallback(env->ctx, (JSObjectRef)rejection, NULL);
    }
    JSValueRef run_main = rt_get(ctx, h, "runMain");
    if (JSValueIsObject(ctx, run_main)) {
        rt_make_callback(env, (JSObjectRef)run_main, NULL, 0, NULL);
    }
    return 0;
}
