/* worker.c: the `worker` binding: worker_threads' threads, each with its own libuv loop, engine
 * context group and runtime environment, started like the main thread (rt_start). */
#include "binding/messaging.h"
#include "rt/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Exported by the engine but absent from its public headers. */
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                         JSShouldTerminateCallback callback, void *context);

/* JSC::VM::ensureTerminationException(): the engine's uncatchable termination exception (a C++
 * member of the VM a context group is; exported by the library, absent from the C API). Weak:
 * without it process.exit() in a worker throws a catchable value instead. */
void *_ZN3JSC2VM26ensureTerminationExceptionEv(void *vm) __attribute__((weak));

/* How much CPU time one JS entry of a worker may run before it checks for terminate(). */
#define WORKER_CHECK_SECONDS 0.05

typedef struct worker worker_t;

/* Shared by the parent thread (which owns the handle) and the worker thread. Fields marked
 * (lock) are read or written under `lock`. */
struct worker {
    uv_thread_t tid;
    uv_mutex_t lock;
    uv_async_t parent_async; /* parent's loop: the worker thread ended */
    uv_async_t child_async;  /* worker's loop: stop requested */
    uv_loop_t loop;          /* the worker's loop */
    atomic_bool terminate;   /* stop requested; read by the engine's watchdog callback */
    bool child_ready;        /* (lock) child_async may be signalled */
    bool child_done;         /* (lock) the thread has finished its work */
    int exit_code;           /* (lock) set with child_done */
    int init_error;          /* (lock) set with child_done: the thread could not start (UV_E*) */
    int thread_id;
    size_t stack_size;
    int argc;
    char **argv;
    rt_msg_end_t *ends[2]; /* the worker's ends of the public and internal channels */
    /* Worker thread only: the file descriptors fs opened (trackUnmanagedFds), closed when the
     * thread ends. */
    int *fds;
    size_t nfds;
    size_t fds_cap;
    /* Parent side only. */
    JSObjectRef obj;     /* protected while the thread runs */
    JSObjectRef on_exit; /* protected while the thread runs */
    worker_t *next;      /* the parent thread's running workers */
    bool joined;
    bool closed;
    bool finalized;
};

/* Created once, under the binding-init lock; shared by all threads. */
static JSClassRef worker_class;
static atomic_int worker_next_id = 1;
/* The workers this thread started that have not been joined yet. */
static _Thread_local worker_t *worker_children;

static void worker_unlist(worker_t *w) {
    for (worker_t **p = &worker_children; *p; p = &(*p)->next) {
        if (*p == w) {
            *p = w->next;
            break;
        }
    }
    w->next = NULL;
}

/* ---- the worker thread ---- */

static bool worker_should_terminate(JSContextRef ctx, void *data) {
    worker_t *w = data;
    if (!atomic_load(&w->terminate)) {
        /* The engine does not restart its timer after a false answer unless the limit is set
         * again here. */
        JSContextGroupSetExecutionTimeLimit(JSContextGetGroup(ctx), WORKER_CHECK_SECONDS,
                                            worker_should_terminate, w);
        return false;
    }
    rt_env_t *env = rt_env_get();
    if (env && !env->stopping) {
        env->stopping = true;
        env->exit_code = 1;
    }
    if (env) {
        uv_stop(env->loop);
    }
    return true;
}

static void worker_on_stop_request(uv_async_t *h) {
    rt_env_t *env = rt_env_get();
    if (!env->stopping) {
        env->stopping = true;
        env->exit_code = 1;
    }
    uv_stop(env->loop);
}

static void worker_walk_close(uv_handle_t *h, void *arg) {
    if (!uv_is_closing(h)) {
        uv_close(h, NULL);
    }
}

static void worker_request_stop(worker_t *w) {
    atomic_store(&w->terminate, true);
    uv_mutex_lock(&w->lock);
    if (w->child_ready) {
        uv_async_send(&w->child_async);
    }
    uv_mutex_unlock(&w->lock);
}

static void worker_on_parent_close(uv_handle_t *h);

/* Stops and joins every worker this thread started (its own teardown). */
static void worker_stop_children(void) {
    while (worker_children) {
        worker_t *w = worker_children;
        worker_children = w->next;
        w->next = NULL;
        worker_request_stop(w);
        uv_thread_join(&w->tid);
        w->joined = true;
        uv_close((uv_handle_t *)&w->parent_async, worker_on_parent_close);
    }
}

static uv_once_t worker_start_once = UV_ONCE_INIT;
static uv_mutex_t worker_start_lock;

static void worker_start_lock_init(void) {
    RT_CHECK(uv_mutex_init(&worker_start_lock) == 0);
}

/* 0 if a few file descriptors are free (probed by duplicating fd), else UV_EMFILE or the
 * like. */
static int worker_reserve_fds(int fd) {
    enum { WORKER_SPARE_FDS = 4 };
    int fds[WORKER_SPARE_FDS];
    int n = 0;
    int err = 0;
    for (; n < WORKER_SPARE_FDS; n++) {
        fds[n] = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (fds[n] < 0) {
            err = -errno;
            break;
        }
    }
    while (n > 0) {
        close(fds[--n]);
    }
    return err;
}

static void worker_thread_main(void *arg) {
    worker_t *w = arg;
    /* Both can fail when the process is out of file descriptors: the worker then ends with
     * ERR_WORKER_INIT_FAILED. The first async handle makes the loop's wakeup descriptor, so
     * later ones on this loop do not fail. */
    int err = uv_loop_init(&w->loop);
    if (err == 0) {
        err = uv_async_init(&w->loop, &w->child_async, worker_on_stop_request);
        if (err) {
            uv_loop_close(&w->loop);
        }
    }
    if (err == 0) {
        /* GLib aborts when it cannot make the thread's wakeup descriptor: make sure a few are
         * free first, and keep other starting workers from taking them meanwhile. */
        uv_once(&worker_start_once, worker_start_lock_init);
        uv_mutex_lock(&worker_start_lock);
        err = worker_reserve_fds(uv_backend_fd(&w->loop));
        if (err == 0) {
            rt_runloop_prepare_thread(); /* before the group: the engine adopts its context */
        }
        uv_mutex_unlock(&worker_start_lock);
        if (err) {
            uv_close((uv_handle_t *)&w->child_async, NULL);
            uv_run(&w->loop, UV_RUN_NOWAIT);
            uv_loop_close(&w->loop);
        }
    }
    if (err) {
        uv_mutex_lock(&w->lock);
        w->exit_code = 1;
        w->init_error = err;
        w->child_done = true;
        uv_async_send(&w->parent_async);
        uv_mutex_unlock(&w->lock);
        return;
    }
    uv_unref((uv_handle_t *)&w->child_async);
    JSContextGroupRef group = JSContextGroupCreate();
    rt_env_t *env = rt_env_create(&w->loop, group, w->argc, w->argv);
    env->worker = w;
    uv_mutex_lock(&w->lock);
    w->child_ready = true;
    uv_mutex_unlock(&w->lock);
    /* The contextify binding clears the group's time limit when it starts; clearing it in the
     * middle of a VM entry leaves the engine's deadline armed without a callback, which
     * then ends that entry. Start it before arming the limit. */
    rt_binding_get(env, "contextify");
    JSContextGroupSetExecutionTimeLimit(group, WORKER_CHECK_SECONDS, worker_should_terminate, w);

    int code = 1;
    if (!atomic_load(&w->terminate)) {
        JSContextRef ctx = env->ctx;
        JSObjectRef options = JSObjectMake(ctx, NULL, NULL);
        JSObjectRef info = JSObjectMake(ctx, NULL, NULL);
        rt_set_num(ctx, info, "threadId", w->thread_id);
        rt_set(ctx, options, "worker", info);
        rt_set(ctx, options, "args", JSObjectMakeArray(ctx, 0, NULL, NULL));
        rt_set(ctx, options, "execArgv", JSObjectMakeArray(ctx, 0, NULL, NULL));
        code = rt_start(env, options);
    }

    /* Teardown: no more JS; close every handle, then the engine, then the loop. */
    env->stopping = true;
    env->exiting = true;
    for (int i = 0; i < 2; i++) {
        if (w->ends[i]) {
            rt_msg_end_release(w->ends[i]);
            w->ends[i] = NULL;
        }
    }
    rt_msg_links_teardown();
    for (size_t i = 0; i < w->nfds; i++) {
        close(w->fds[i]);
    }
    free(w->fds);
    w->fds = NULL;
    w->nfds = 0;
    worker_stop_children();
    rt_msg_loans_teardown();
    uv_mutex_lock(&w->lock);
    w->child_ready = false;
    uv_mutex_unlock(&w->lock);
    uv_walk(&w->loop, worker_walk_close, NULL);
    /* A stop request may have left the loop's stop flag set: the first run clears it. */
    uv_run(&w->loop, UV_RUN_NOWAIT);
    uv_run(&w->loop, UV_RUN_DEFAULT);
    if (rt_msg_engine_pinned()) {
        /* Other threads may still use SharedArrayBuffer memory this engine owns: keep it
         * (its loop is closed; nothing runs there again). */
        env->stopping = true;
    } else {
        rt_free(env);
        JSContextGroupRelease(group);
    }
    if (uv_loop_close(&w->loop) != 0) {
        /* Finalizers closed more handles: let those close callbacks run (they no longer
         * reach JS), then give up on the loop rather than block. */
        uv_run(&w->loop, UV_RUN_NOWAIT);
        uv_loop_close(&w->loop);
    }

    uv_mutex_lock(&w->lock);
    w->exit_code = code;
    w->child_done = true;
    uv_async_send(&w->parent_async);
    uv_mutex_unlock(&w->lock);
}

/* ---- the parent's handle ---- */

static void worker_free(worker_t *w) {
    for (int i = 0; i < 2; i++) {
        if (w->ends[i]) {
            rt_msg_end_release(w->ends[i]);
        }
    }
    uv_mutex_destroy(&w->lock);
    free(w);
}

static void worker_finalize(JSObjectRef obj) {
    worker_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    if (w->closed) {
        worker_free(w);
    } else {
        w->finalized = true;
    }
}

static void worker_on_parent_close(uv_handle_t *h) {
    worker_t *w = h->data;
    rt_env_t *env = rt_env_get();
    w->closed = true;
    JSObjectRef on_exit = w->on_exit;
    w->on_exit = NULL;
    if (on_exit) {
        JSValueUnprotect(env->ctx, on_exit);
    }
    if (w->finalized) {
        worker_free(w);
        return;
    }
    JSValueUnprotect(env->ctx, w->obj);
}

static void worker_on_child_done(uv_async_t *h) {
    worker_t *w = h->data;
    uv_mutex_lock(&w->lock);
    bool done = w->child_done;
    int code = w->exit_code;
    int init_error = w->init_error;
    uv_mutex_unlock(&w->lock);
    if (!done || w->joined) {
        return;
    }
    uv_thread_join(&w->tid);
    w->joined = true;
    worker_unlist(w);
    rt_env_t *env = rt_env_get();
    if (w->on_exit) {
        JSValueRef args[2] = {JSValueMakeNumber(env->ctx, code), JSValueMakeUndefined(env->ctx)};
        if (init_error) {
            args[1] = rt_string_from_cstr(env->ctx, uv_err_name(init_error));
        }
        rt_make_callback(env, w->on_exit, w->obj, init_error ? 2 : 1, args);
    }
    uv_close((uv_handle_t *)&w->parent_async, worker_on_parent_close);
}

static worker_t *worker_unwrap(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    worker_t *w = self && JSValueIsObjectOfClass(ctx, self, worker_class) ? JSObjectGetPrivate(self)
                                                                         : NULL;
    if (!w) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

/* create(publicLink, internalLink, onExit, stackSizeMb) -> handle: starts a worker thread that
 * gets the ends of both links (they close here). onExit(code[, initError]) runs once the thread
 * ended; initError, the uv error name, says the thread could not set up its loop. */
static JSValueRef worker_create(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef on_exit = rt_arg(ctx, argc, argv, 2);
    if (!JSValueIsObject(ctx, on_exit) || !JSObjectIsFunction(ctx, (JSObjectRef)on_exit)) {
        return rt_throw_type_error(ctx, exc, "onExit must be a function");
    }
    double mb = rt_arg_num(ctx, argc, argv, 3);
    rt_msg_end_t *ends[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        ends[i] = rt_msg_link_detach(ctx, rt_arg(ctx, argc, argv, (size_t)i), exc);
        if (!ends[i]) {
            if (i == 1) {
                rt_msg_end_release(ends[0]);
            }
            return NULL;
        }
    }
    rt_env_t *env = rt_env_get();
    worker_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    RT_CHECK(uv_mutex_init(&w->lock) == 0);
    w->ends[0] = ends[0];
    w->ends[1] = ends[1];
    w->argc = env->argc;
    w->argv = env->argv;
    w->thread_id = atomic_fetch_add(&worker_next_id, 1);
    /* node's default stack for a worker is 4 MB; leave room for the engine's own margin. */
    if (!(mb > 0) || mb > 1024) {
        mb = 4;
    }
    w->stack_size = (size_t)(mb * 1024 * 1024) + 256 * 1024;
    int err = uv_async_init(env->loop, &w->parent_async, worker_on_child_done);
    if (err) {
        worker_free(w);
        return rt_throw_uv(ctx, exc, err, "uv_async_init", NULL, NULL);
    }
    w->parent_async.data = w;
    w->obj = JSObjectMake(ctx, worker_class, w);
    w->on_exit = (JSObjectRef)on_exit;
    JSValueProtect(ctx, w->obj);
    JSValueProtect(ctx, w->on_exit);
    uv_thread_options_t opts;
    opts.flags = UV_THREAD_HAS_STACK_SIZE;
    opts.stack_size = w->stack_size;
    err = uv_thread_create_ex(&w->tid, &opts, worker_thread_main, w);
    if (err) {
        /* Nothing started: report it as an exit that never ran. */
        w->joined = true;
        JSObjectRef obj = w->obj;
        uv_close((uv_handle_t *)&w->parent_async, worker_on_parent_close);
        (void)obj;
        return rt_throw_uv(ctx, exc, err, "uv_thread_create", NULL, NULL);
    }
    w->next = worker_children;
    worker_children = w;
    rt_set_num(ctx, w->obj, "threadId", w->thread_id);
    return w->obj;
}

static JSValueRef worker_terminate(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    worker_t *w = worker_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->joined) {
        worker_request_stop(w);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef worker_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    worker_t *w = worker_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->joined) {
        uv_ref((uv_handle_t *)&w->parent_async);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef worker_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    worker_t *w = worker_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->joined) {
        uv_unref((uv_handle_t *)&w->parent_async);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef worker_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    worker_t *w = worker_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, !w->joined && uv_has_ref((uv_handle_t *)&w->parent_async));
}

static const JSStaticFunction worker_methods[] = {
    {"terminate", worker_terminate, RT_FN_ATTRS},
    {"ref", worker_ref, RT_FN_ATTRS},
    {"unref", worker_unref, RT_FN_ATTRS},
    {"hasRef", worker_has_ref, RT_FN_ATTRS},
    {0, 0, 0},
};

/* ---- inside a worker ---- */

/* takeLinks() -> [publicLink, internalLink] for this worker's ends (once). */
static JSValueRef worker_take_links(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    rt_env_t *env = rt_env_get();
    worker_t *w = env->worker;
    if (!w || !w->ends[0] || !w->ends[1]) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef items[2] = {rt_msg_link_wrap(ctx, w->ends[0]), rt_msg_link_wrap(ctx, w->ends[1])};
    w->ends[0] = NULL;
    w->ends[1] = NULL;
    return JSObjectMakeArray(ctx, 2, items, NULL);
}

/* exit(code): ends this worker (process.exit inside a worker): no more JS runs here. Throws
 * to unwind the caller; the engine's watchdog stops any code that catches it. */
static JSValueRef worker_exit(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    rt_env_t *env = rt_env_get();
    worker_t *w = env->worker;
    if (!w) {
        return rt_throw_type_error(ctx, exc, "Not a worker thread");
    }
    if (!env->stopping) {
        env->stopping = true;
        env->exit_code = (int)rt_arg_int(ctx, argc, argv, 0);
    }
    atomic_store(&w->terminate, true);
    uv_stop(env->loop);
    if (_ZN3JSC2VM26ensureTerminationExceptionEv) {
        /* A host function's exception that is the engine's Exception cell itself is thrown as
         * is: as the termination exception, no catch or finally block of the caller runs. */
        *exc = (JSValueRef)_ZN3JSC2VM26ensureTerminationExceptionEv((void *)JSContextGetGroup(ctx));
    } else {
        *exc = rt_string_from_cstr(ctx, "JavaScript execution terminated.");
    }
    return NULL;
}

/* trackFd(fd) -> false if fd was tracked already (opened twice), else tracks it. */
static JSValueRef worker_track_fd(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    worker_t *w = rt_env_get()->worker;
    int fd = (int)rt_arg_int(ctx, argc, argv, 0);
    if (!w || fd < 0) {
        return JSValueMakeBoolean(ctx, true);
    }
    for (size_t i = 0; i < w->nfds; i++) {
        if (w->fds[i] == fd) {
            return JSValueMakeBoolean(ctx, false);
        }
    }
    if (w->nfds == w->fds_cap) {
        size_t cap = w->fds_cap ? w->fds_cap * 2 : 16;
        int *fds = realloc(w->fds, cap * sizeof(*fds));
        if (!fds) {
            return rt_throw_uv(ctx, exc, UV_ENOMEM, "realloc", NULL, NULL);
        }
        w->fds = fds;
        w->fds_cap = cap;
    }
    w->fds[w->nfds++] = fd;
    return JSValueMakeBoolean(ctx, true);
}

/* untrackFd(fd) -> false if fd was not tracked, else stops tracking it. */
static JSValueRef worker_untrack_fd(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    worker_t *w = rt_env_get()->worker;
    int fd = (int)rt_arg_int(ctx, argc, argv, 0);
    if (!w) {
        return JSValueMakeBoolean(ctx, true);
    }
    for (size_t i = 0; i < w->nfds; i++) {
        if (w->fds[i] == fd) {
            w->fds[i] = w->fds[--w->nfds];
            return JSValueMakeBoolean(ctx, true);
        }
    }
    return JSValueMakeBoolean(ctx, false);
}

static JSValueRef worker_is_main_thread(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeBoolean(ctx, rt_env_get()->worker == NULL);
}

static const JSStaticFunction worker_functions[] = {
    {"create", worker_create, RT_FN_ATTRS},
    {"takeLinks", worker_take_links, RT_FN_ATTRS},
    {"exit", worker_exit, RT_FN_ATTRS},
    {"isMainThread", worker_is_main_thread, RT_FN_ATTRS},
    {"trackFd", worker_track_fd, RT_FN_ATTRS},
    {"untrackFd", worker_untrack_fd, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_worker_init(rt_env_t *env, JSObjectRef target) {
    if (!worker_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "WorkerHandle";
        def.staticFunctions = worker_methods;
        def.finalize = worker_finalize;
        worker_class = JSClassCreate(&def);
    }
    rt_define_functions(env, target, worker_functions);
    worker_t *w = env->worker;
    rt_set_num(env->ctx, target, "threadId", w ? w->thread_id : 0);
}
