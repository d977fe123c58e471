/* signal_wrap.c: the `signal_wrap` binding: libuv signal watchers for process signal events. */
#include "rt/rt.h"

#include <stdlib.h>

typedef struct signal_wrap {
    uv_signal_t handle;
    JSObjectRef callback; /* protected while the watcher lives */
    struct signal_wrap *next;
} signal_wrap_t;

/* This thread's watchers that stop() has not closed yet: stop() only closes an id found here,
 * so a stale or made-up number is ignored instead of being used as a pointer. */
static _Thread_local signal_wrap_t *signal_wrap_live;

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
    w->next = signal_wrap_live;
    signal_wrap_live = w;
    /* The pointer travels as a number: JS hands it back to stop(), which checks it. */
    return JSValueMakeNumber(ctx, (double)(uintptr_t)w);
}

static JSValueRef signal_wrap_stop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double id = rt_arg_num(ctx, argc, argv, 0);
    for (signal_wrap_t **p = &signal_wrap_live; *p != NULL; p = &(*p)->next) {
        signal_wrap_t *w = *p;
        if ((double)(uintptr_t)w == id) {
            *p = w->next;
            uv_close((uv_handle_t *)&w->handle, signal_wrap_on_close);
            break;
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
