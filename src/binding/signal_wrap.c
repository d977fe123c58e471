/* signal_wrap.c: the `signal_wrap` binding: libuv signal watchers for process signal events. */
#include "rt/rt.h"

#include <stdlib.h>

typedef struct {
    uv_signal_t handle;
    JSObjectRef callback; /* protected while the watcher lives */
} signal_wrap_t;

static void signal_wrap_on_signal(uv_signal_t *h, int signum) {
    signal_wrap_t *w = h->data;
    rt_env_t *env = rt_env_get();
    JSValueRef arg = JSValueMakeNumber(env->ctx, signum);
    rt_make_callback(env, w->callback, NULL, 1, &arg);
}

static void signal_wrap_on_close(uv_handle_t *h) {
    signal_wrap_t *w = h->data;
    JSValueUnprotect(rt_env_get()->ctx, w->callback);
    free(w);
}

/* start(signum, callback) -> a handle id (number), or a negative uv error code. */
static JSValueRef signal_wrap_start(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int signum = (int)rt_arg_int(ctx, argc, argv, 0);
    if (argc < 2 || !JSValueIsObject(ctx, argv[1]) ||
        !JSObjectIsFunction(ctx, (JSObjectRef)argv[1])) {
        return rt_throw_type_error(ctx, exc, "callback must be a function");
    }
    signal_wrap_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    rt_env_t *env = rt_env_get();
    uv_signal_init(env->loop, &w->handle);
    w->handle.data = w;
    w->callback = (JSObjectRef)argv[1];
    JSValueProtect(ctx, w->callback);
    int err = uv_signal_start(&w->handle, signal_wrap_on_signal, signum);
    if (err) {
        uv_close((uv_handle_t *)&w->handle, signal_wrap_on_close);
        return JSValueMakeNumber(ctx, err);
    }
    /* A signal listener does not keep the process alive. */
    uv_unref((uv_handle_t *)&w->handle);
    /* The pointer travels as a number: JS only hands it back to stop(). */
    return JSValueMakeNumber(ctx, (double)(uintptr_t)w);
}

static JSValueRef signal_wrap_stop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double id = rt_arg_num(ctx, argc, argv, 0);
    if (id > 0) {
        signal_wrap_t *w = (signal_wrap_t *)(uintptr_t)id;
        if (!uv_is_closing((uv_handle_t *)&w->handle)) {
            uv_close((uv_handle_t *)&w->handle, signal_wrap_on_close);
        }
    }
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction signal_wrap_functions[] = {
    {"start", signal_wrap_start, RT_FN_ATTRS},
    {"stop", signal_wrap_stop, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_signal_wrap_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, signal_wrap_functions);
}
