/* bindings.c: internalBinding(name): creates each native binding object once. */
#include "rt/internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    void (*init)(rt_env_t *env, JSObjectRef target);
} bindings_entry_t;

#define BINDINGS_ENTRY(n) {#n, rt_binding_##n##_init},
static const bindings_entry_t bindings_table[] = {RT_BINDINGS(BINDINGS_ENTRY){NULL, NULL}};
#undef BINDINGS_ENTRY

/* Binding inits run one at a time across threads, so the engine classes and tables a
 * binding creates on first use are made once and safely shared by worker threads. */
static uv_once_t bindings_once = UV_ONCE_INIT;
static uv_mutex_t bindings_lock;

static void bindings_lock_init(void) {
    RT_CHECK(uv_mutex_init_recursive(&bindings_lock) == 0);
}

JSObjectRef rt_binding_get(rt_env_t *env, const char *name) {
    JSValueRef cached = rt_get(env->ctx, env->binding_cache, name);
    if (JSValueIsObject(env->ctx, cached)) {
        return (JSObjectRef)cached;
    }
    for (const bindings_entry_t *b = bindings_table; b->name; b++) {
        if (strcmp(b->name, name) == 0) {
            JSObjectRef target = JSObjectMake(env->ctx, NULL, NULL);
            rt_set(env->ctx, env->binding_cache, name, target);
            uv_once(&bindings_once, bindings_lock_init);
            uv_mutex_lock(&bindings_lock);
            b->init(env, target);
            uv_mutex_unlock(&bindings_lock);
            return target;
        }
    }
    return NULL;
}

/* internalBinding(name) for lib/. */
JSValueRef rt__internal_binding(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    char *name = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!name) {
        return NULL;
    }
    JSObjectRef b = rt_binding_get(rt_env_get(), name);
    if (!b) {
        rt_throw_code(ctx, exc, "Error", "ERR_INVALID_MODULE", "No such binding: %s", name);
        free(name);
        return NULL;
    }
    free(name);
    return b;
}
