/* messaging.c: the `messaging` binding: a libuv async handle per MessagePort (lib/internal/worker/io.js). */
#include "rt/rt.h"

#include <stdlib.h>

/* A wakeup handle: send() makes the loop call `callback` in its poll phase, like the
 * uv_async_t behind each of Node's MessagePorts. The callback returns true while it has
 * more to deliver in this round; each call is its own engine entry, so ticks and
 * microtasks run between messages. The handle is created ref'd: JS decides with
 * ref()/unref() whether a port keeps the process alive. */
typedef struct {
    uv_async_t handle;
    JSObjectRef obj;      /* the JS handle object; protected while the handle is open */
    JSObjectRef callback; /* protected while the handle is open */
    JSObjectRef on_close; /* protected between close() and the close callback */
    bool closing;
    bool closed;     /* the close callback ran */
    bool finalized;  /* the JS object is gone */
} messaging_async_t;

static JSClassRef messaging_async_class;

static void messaging_async_finalize(JSObjectRef obj) {
    messaging_async_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    /* The object is protected while the handle is open, so the handle is closed here. */
    if (w->closed) {
        free(w);
    } else {
        w->finalized = true;
    }
}

static void messaging_async_on_close(uv_handle_t *h) {
    messaging_async_t *w = h->data;
    rt_env_t *env = rt_env_get();
    w->closed = true;
    JSObjectRef on_close = w->on_close;
    w->on_close = NULL;
    if (on_close) {
        rt_make_callback(env, on_close, w->obj, 0, NULL);
        JSValueUnprotect(env->ctx, on_close);
    }
    JSValueUnprotect(env->ctx, w->callback);
    /* The finalizer frees w once the object goes. */
    JSValueUnprotect(env->ctx, w->obj);
}

static void messaging_async_on_send(uv_async_t *h) {
    messaging_async_t *w = h->data;
    rt_env_t *env = rt_env_get();
    /* The JS side returns true while more messages of this round are waiting. */
    for (;;) {
        if (w->closing) {
            return;
        }
        JSValueRef r = rt_make_callback(env, w->callback, w->obj, 0, NULL);
        if (!r || !JSValueToBoolean(env->ctx, r)) {
            return;
        }
    }
}

static messaging_async_t *messaging_unwrap(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    messaging_async_t *w =
        self && JSValueIsObjectOfClass(ctx, self, messaging_async_class) ? JSObjectGetPrivate(self)
                                                                         : NULL;
    if (!w) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

/* createAsync(callback) -> a handle object with send/ref/unref/hasRef/close. */
static JSValueRef messaging_create_async(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0]) ||
        !JSObjectIsFunction(ctx, (JSObjectRef)argv[0])) {
        return rt_throw_type_error(ctx, exc, "callback must be a function");
    }
    rt_env_t *env = rt_env_get();
    messaging_async_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    int err = uv_async_init(env->loop, &w->handle, messaging_async_on_send);
    if (err) {
        free(w);
        return rt_throw_uv(ctx, exc, err, "uv_async_init", NULL, NULL);
    }
    w->handle.data = w;
    w->obj = JSObjectMake(ctx, messaging_async_class, w);
    w->callback = (JSObjectRef)argv[0];
    JSValueProtect(ctx, w->obj);
    JSValueProtect(ctx, w->callback);
    return w->obj;
}

static JSValueRef messaging_send(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->closing) {
        uv_async_send(&w->handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->closing) {
        uv_ref((uv_handle_t *)&w->handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->closing) {
        uv_unref((uv_handle_t *)&w->handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, !w->closing && uv_has_ref((uv_handle_t *)&w->handle));
}

/* close([callback]): closes the handle; callback runs from the loop's close phase. */
static JSValueRef messaging_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->closing) {
        return JSValueMakeUndefined(ctx);
    }
    w->closing = true;
    if (argc > 0 && JSValueIsObject(ctx, argv[0]) &&
        JSObjectIsFunction(ctx, (JSObjectRef)argv[0])) {
        w->on_close = (JSObjectRef)argv[0];
        JSValueProtect(ctx, w->on_close);
    }
    uv_close((uv_handle_t *)&w->handle, messaging_async_on_close);
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction messaging_async_methods[] = {
    {"send", messaging_send, RT_FN_ATTRS},
    {"ref", messaging_ref, RT_FN_ATTRS},
    {"unref", messaging_unref, RT_FN_ATTRS},
    {"hasRef", messaging_has_ref, RT_FN_ATTRS},
    {"close", messaging_close, RT_FN_ATTRS},
    {0, 0, 0},
};

static const JSStaticFunction messaging_functions[] = {
    {"createAsync", messaging_create_async, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_messaging_init(rt_env_t *env, JSObjectRef target) {
    if (!messaging_async_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "MessagingAsync";
        def.staticFunctions = messaging_async_methods;
        def.finalize = messaging_async_finalize;
        messaging_async_class = JSClassCreate(&def);
    }
    rt_define_functions(env, target, messaging_functions);
}
