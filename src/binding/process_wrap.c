/* process_wrap.c: the `process_wrap` binding: a Process handle that spawns a child on the main
 * loop (rt_child_spawn), reports its exit through onexit, and signals it (child_process.spawn). */
#include "binding/spawn_options.h"
#include "binding/stream_wrap.h"
#include "rt/child.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    rt_child_t child;
    JSObjectRef obj;      /* protected from the spawn until the close callback */
    JSObjectRef close_cb; /* protected while set */
    bool initialized;     /* the spawn ran (even if it failed): the handle must be closed */
    bool closing;
    bool closed;
    bool finalized;
} process_wrap_t;

static JSClassRef process_wrap_class;

static void process_wrap_free_if_done(process_wrap_t *w) {
    if (w->finalized && (!w->initialized || w->closed)) {
        free(w);
    }
}

static void process_wrap_finalize(JSObjectRef obj) {
    process_wrap_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    /* A spawned handle stays protected until closed; an open one is finalized only at
     * context teardown, and then the struct is left to the exiting process. */
    w->finalized = true;
    w->obj = NULL;
    process_wrap_free_if_done(w);
}

static process_wrap_t *process_wrap_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    if (!self || !JSValueIsObjectOfClass(ctx, self, process_wrap_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate(self);
}

static JSObjectRef process_wrap_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                    const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    w->obj = JSObjectMake(ctx, process_wrap_class, w);
    return w->obj;
}

/* Calls handle.onexit(exitStatus, termSignal). */
static void process_wrap_exit_cb(rt_child_t *child, int64_t status, int sig) {
    process_wrap_t *w = child->data;
    rt_env_t *env = rt_env_get();
    if (!w->obj) {
        return;
    }
    JSValueRef fn = rt_get(env->ctx, w->obj, "onexit");
    if (JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        JSValueRef args[2] = {JSValueMakeNumber(env->ctx, (double)status),
                              JSValueMakeNumber(env->ctx, sig)};
        rt_make_callback(env, (JSObjectRef)fn, w->obj, 2, args);
    }
}

static bool process_wrap_type_is(JSContextRef ctx, JSObjectRef ent, const char *type) {
    JSValueRef t = rt_get(ctx, ent, "type");
    if (!JSValueIsString(ctx, t)) {
        return false;
    }
    JSStringRef want = rt_jsstr(type);
    JSStringRef have = JSValueToStringCopy(ctx, t, NULL);
    bool eq = have && JSStringIsEqual(want, have);
    JSStringRelease(want);
    if (have) {
        JSStringRelease(have);
    }
    return eq;
}

/* Fills one stdio container from { type, handle, fd }: type is 'ignore', 'pipe', 'overlapped',
 * 'inherit', 'fd' or 'wrap'. 'pipe' and 'wrap' take a Pipe/TTY handle object. */
static int process_wrap_stdio(JSContextRef ctx, JSValueRef v, size_t i, uv_stdio_container_t *c) {
    c->flags = UV_IGNORE;
    if (!JSValueIsObject(ctx, v)) {
        return 0;
    }
    JSObjectRef ent = (JSObjectRef)v;
    /* 'overlapped' only matters on Windows; elsewhere it is a plain pipe. */
    if (process_wrap_type_is(ctx, ent, "pipe") || process_wrap_type_is(ctx, ent, "overlapped")) {
        uv_stream_t *s = rt_stream_wrap_stream(ctx, rt_get(ctx, ent, "handle"));
        if (!s) {
            return UV_EINVAL;
        }
        c->flags = UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE;
        c->data.stream = s;
    } else if (process_wrap_type_is(ctx, ent, "wrap")) {
        uv_stream_t *s = rt_stream_wrap_stream(ctx, rt_get(ctx, ent, "handle"));
        if (!s) {
            return UV_EINVAL;
        }
        c->flags = UV_INHERIT_STREAM;
        c->data.stream = s;
    } else if (process_wrap_type_is(ctx, ent, "inherit")) {
        c->flags = UV_INHERIT_FD;
        c->data.fd = (int)i;
    } else if (process_wrap_type_is(ctx, ent, "fd")) {
        double fd = rt_num(ctx, rt_get(ctx, ent, "fd"));
        if (!(fd >= 0 && fd <= INT32_MAX)) {
            return UV_EINVAL;
        }
        c->flags = UV_INHERIT_FD;
        c->data.fd = (int)fd;
    }
    return 0;
}

/* spawn(options) -> 0 or a uv error (ENOENT, EACCES, ...). options: { file, args, cwd,
 * envPairs, stdio: [...], detached, uid, gid }. On success handle.pid is set; either way the
 * handle must be closed with close(). */
static JSValueRef process_wrap_spawn(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = process_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) {
        return rt_throw_type_error(ctx, exc, "options must be an object");
    }
    if (w->initialized) {
        return rt_throw_type_error(ctx, exc, "The process was already spawned");
    }
    JSObjectRef opts = (JSObjectRef)argv[0];
    uv_process_options_t po;
    memset(&po, 0, sizeof(po));
    char *file = NULL, *cwd = NULL;
    char **args = NULL, **env = NULL;
    uv_stdio_container_t *stdio = NULL;
    JSValueRef result = NULL;

    JSValueRef filev = rt_get(ctx, opts, "file");
    if (!JSValueIsString(ctx, filev)) {
        rt_throw_type_error(ctx, exc, "options.file must be a string");
        goto done;
    }
    file = rt_to_utf8(ctx, filev, NULL, exc);
    if (!file) {
        goto done;
    }
    args = rt_strings_from_array(ctx, rt_get(ctx, opts, "args"), exc);
    if (*exc) {
        goto done;
    }
    env = rt_strings_from_array(ctx, rt_get(ctx, opts, "envPairs"), exc);
    if (*exc) {
        goto done;
    }
    JSValueRef cwdv = rt_get(ctx, opts, "cwd");
    /* An empty cwd means "no change", as in Node. */
    if (JSValueIsString(ctx, cwdv) && rt_bool(ctx, cwdv)) {
        cwd = rt_to_utf8(ctx, cwdv, NULL, exc);
        if (!cwd) {
            goto done;
        }
    }
    JSValueRef stdiov = rt_get(ctx, opts, "stdio");
    size_t nstdio = 0;
    if (JSValueIsArray(ctx, stdiov)) {
        double d = rt_num(ctx, rt_get(ctx, (JSObjectRef)stdiov, "length"));
        nstdio = d >= 0 && d <= 1024 ? (size_t)d : 0;
    }
    stdio = calloc(nstdio ? nstdio : 1, sizeof(*stdio));
    RT_CHECK(stdio != NULL);
    for (size_t i = 0; i < nstdio; i++) {
        JSValueRef ent = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)stdiov, (unsigned)i, NULL);
        int err = process_wrap_stdio(ctx, ent, i, &stdio[i]);
        if (err) {
            result = JSValueMakeNumber(ctx, err);
            goto done;
        }
    }
    po.file = file;
    po.args = args;
    po.env = env;
    po.cwd = cwd;
    po.stdio = stdio;
    po.stdio_count = (int)nstdio;
    spawn_options_apply_ids(ctx, opts, &po);
    if (!args) {
        /* argv[0] defaults to the file. */
        args = calloc(2, sizeof(char *));
        RT_CHECK(args != NULL);
        args[0] = strdup(file);
        RT_CHECK(args[0] != NULL);
        po.args = args;
    }
    w->child.data = w;
    int err = rt_child_spawn(rt_env_get()->loop, &w->child, &po, process_wrap_exit_cb);
    /* The handle is initialized even when the spawn fails: from here it must be closed. */
    w->initialized = true;
    JSValueProtect(ctx, w->obj);
    if (err == 0) {
        rt_set_num(ctx, self, "pid", w->child.pid);
    }
    result = JSValueMakeNumber(ctx, err);

done:
    free(stdio);
    free(file);
    free(cwd);
    rt_strings_free(args);
    rt_strings_free(env);
    return result;
}

/* kill(signal) -> 0 or a uv error (ESRCH once the child is gone). */
static JSValueRef process_wrap_kill(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                    const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = process_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    int64_t sig = rt_arg_int(ctx, argc, argv, 0);
    if (!w->initialized || w->closing || sig < 0 || sig > 64) {
        return JSValueMakeNumber(ctx, w->initialized && !w->closing ? UV_EINVAL : UV_ESRCH);
    }
    return JSValueMakeNumber(ctx, rt_child_kill(&w->child, (int)sig));
}

static void process_wrap_close_cb(uv_handle_t *h) {
    process_wrap_t *w = ((rt_child_t *)h->data)->data;
    rt_env_t *env = rt_env_get();
    w->closed = true;
    JSObjectRef cb = w->close_cb;
    w->close_cb = NULL;
    if (cb && w->obj) {
        rt_make_callback(env, cb, w->obj, 0, NULL);
    }
    if (cb) {
        JSValueUnprotect(env->ctx, cb);
    }
    if (w->obj) {
        JSValueUnprotect(env->ctx, w->obj);
    } else {
        process_wrap_free_if_done(w);
    }
}

static JSValueRef process_wrap_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = process_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->initialized || w->closing) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef cb = rt_arg(ctx, argc, argv, 0);
    if (JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        w->close_cb = (JSObjectRef)cb;
        JSValueProtect(ctx, cb);
    }
    w->closing = true;
    rt_child_close(&w->child, process_wrap_close_cb);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef process_wrap_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = process_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->initialized && !w->closing) {
        uv_ref(rt_child_handle(&w->child));
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef process_wrap_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = process_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->initialized && !w->closing) {
        uv_unref(rt_child_handle(&w->child));
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef process_wrap_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    process_wrap_t *w = process_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    bool ref = w->initialized && !w->closing && uv_has_ref(rt_child_handle(&w->child));
    return JSValueMakeBoolean(ctx, ref);
}

static const JSStaticFunction process_wrap_methods[] = {
    {"spawn", process_wrap_spawn, RT_FN_ATTRS},
    {"kill", process_wrap_kill, RT_FN_ATTRS},
    {"close", process_wrap_close, RT_FN_ATTRS},
    {"ref", process_wrap_ref, RT_FN_ATTRS},
    {"unref", process_wrap_unref, RT_FN_ATTRS},
    {"hasRef", process_wrap_has_ref, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_process_wrap_init(rt_env_t *env, JSObjectRef target) {
    if (!process_wrap_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "Process";
        def.staticFunctions = process_wrap_methods;
        def.finalize = process_wrap_finalize;
        process_wrap_class = JSClassCreate(&def);
    }
    JSObjectRef ctor = JSObjectMakeConstructor(env->ctx, process_wrap_class, process_wrap_new);
    rt_set(env->ctx, target, "Process", ctor);
}
