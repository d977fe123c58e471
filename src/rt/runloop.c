/* runloop.c: drives the engine's own run loop from libuv.
 *
 * JavaScriptCore's GLib port schedules some of its work on the calling thread's GMainContext
 * instead of running it at once: FinalizationRegistry callbacks, the results of async
 * WebAssembly compilation (WebAssembly.instantiate/compile), and its GC timers. Nothing
 * iterates that context unless the embedder does, so without this file those callbacks never
 * run. Each thread with an environment gets:
 *   - poll handles on the context's own descriptors: GLib signals its wakeup eventfd whenever
 *     a source becomes due sooner (the engine scheduling work, from this thread or from a
 *     compiler thread), and libuv then dispatches what is ready;
 *   - a timer for the context's next due source (the engine's GC timers).
 * Nothing runs per loop iteration, so an idle context costs nothing.
 * All handles are unref'd: the engine's pending work does not keep a process alive, as in node
 * (where FinalizationRegistry cleanup is best-effort too). */
#include "rt/internal.h"

#include <glib.h>
#include <stdlib.h>

#define RUNLOOP_MAX_FDS 4

typedef struct rt_runloop {
    GMainContext *ctx;
    uv_timer_t timer;
    uv_poll_t polls[RUNLOOP_MAX_FDS];
    int npolls;
    int keep_alive; /* engine work JS waits for (a pending WebAssembly.compile) */
} rt_runloop_t;

/* One GLib iteration without blocking; `readable`: libuv saw the context's descriptors
 * readable. Returns the ms until the next source is due (-1 when none is); the context's
 * descriptors go to fds (room for RUNLOOP_MAX_FDS) and their count to *nfds. */
static gint runloop_iterate(rt_runloop_t *r, bool readable, GPollFD *fds, gint *nfds) {
    *nfds = 0;
    if (!g_main_context_acquire(r->ctx)) {
        return -1;
    }
    gint prio = 0;
    gint timeout = -1;
    g_main_context_prepare(r->ctx, &prio);
    gint n = g_main_context_query(r->ctx, prio, &timeout, fds, RUNLOOP_MAX_FDS);
    if (n > RUNLOOP_MAX_FDS) {
        n = RUNLOOP_MAX_FDS;
    }
    /* libuv did the polling: when it saw a descriptor readable, GLib drains its wakeup fd. */
    for (gint i = 0; i < n; i++) {
        fds[i].revents = readable ? (fds[i].events & G_IO_IN) : 0;
    }
    if (g_main_context_check(r->ctx, prio, fds, n)) {
        g_main_context_dispatch(r->ctx);
    }
    g_main_context_release(r->ctx);
    *nfds = n;
    return timeout;
}

static void runloop_run(rt_runloop_t *r, bool readable);

static void runloop_on_timer(uv_timer_t *h) {
    runloop_run(h->data, false);
}

static void runloop_run(rt_runloop_t *r, bool readable) {
    /* Dispatching can make more sources ready (a callback scheduling another task). */
    gint timeout = -1;
    GPollFD fds[RUNLOOP_MAX_FDS];
    gint nfds;
    for (int i = 0; i < 4; i++) {
        timeout = runloop_iterate(r, readable && i == 0, fds, &nfds);
        if (timeout != 0) {
            break;
        }
    }
    if (timeout >= 0) {
        /* Due later (or still ready): wake the loop then, without blocking past it. */
        uv_timer_start(&r->timer, runloop_on_timer, (uint64_t)timeout, 0);
    }
}

static void runloop_on_poll(uv_poll_t *h, int status, int events) {
    (void)status;
    (void)events;
    runloop_run(h->data, true);
}

static _Thread_local GMainContext *runloop_thread_ctx;

/* WTF::RunLoop::initializeMain(), exported by the engine library (no C API has it): the
 * engine's GC timers reach WTF's MemoryPressureHandler, which is built on the main run loop
 * and crashes when that was never made. */
void runloop_wtf_initialize_main(void) __asm__("_ZN3WTF7RunLoop14initializeMainEv");

void rt_runloop_prepare_main_thread(void) {
    rt_runloop_prepare_thread();
    runloop_wtf_initialize_main();
}

void rt_runloop_prepare_thread(void) {
    if (runloop_thread_ctx != NULL) {
        return;
    }
    /* The engine's run loop adopts the thread-default context when there is one, so this
     * must happen before the thread's first context group exists. */
    GMainContext *ctx = g_main_context_get_thread_default();
    if (ctx == NULL) {
        ctx = g_main_context_new();
        g_main_context_push_thread_default(ctx);
    } else {
        g_main_context_ref(ctx);
    }
    runloop_thread_ctx = ctx;
}

void rt_runloop_start(rt_env_t *env) {
    rt_runloop_t *r = calloc(1, sizeof(*r));
    RT_CHECK(r != NULL);
    rt_runloop_prepare_thread();
    r->ctx = g_main_context_ref(runloop_thread_ctx);
    RT_CHECK(uv_timer_init(env->loop, &r->timer) == 0);
    r->timer.data = r;
    uv_unref((uv_handle_t *)&r->timer);

    /* One iteration finds the context's descriptors (its wakeup eventfd) to watch. */
    GPollFD fds[RUNLOOP_MAX_FDS];
    gint n;
    runloop_iterate(r, false, fds, &n);
    for (gint i = 0; i < n; i++) {
        uv_poll_t *p = &r->polls[r->npolls];
        if (uv_poll_init(env->loop, p, fds[i].fd) != 0) {
            continue;
        }
        p->data = r;
        uv_poll_start(p, UV_READABLE, runloop_on_poll);
        uv_unref((uv_handle_t *)p);
        r->npolls++;
    }
    env->runloop = r;
}

void rt_runloop_keep_alive(rt_env_t *env, int delta) {
    rt_runloop_t *r = env->runloop;
    if (r == NULL) {
        return;
    }
    bool was = r->keep_alive > 0;
    r->keep_alive += delta;
    if (r->keep_alive < 0) {
        r->keep_alive = 0;
    }
    bool is = r->keep_alive > 0;
    if (was == is) {
        return;
    }
    /* The work finishes on another thread, which wakes the context through its descriptor. */
    for (int i = 0; i < r->npolls; i++) {
        if (is) {
            uv_ref((uv_handle_t *)&r->polls[i]);
        } else {
            uv_unref((uv_handle_t *)&r->polls[i]);
        }
    }
}

void rt_runloop_free(rt_env_t *env) {
    rt_runloop_t *r = env->runloop;
    if (r == NULL) {
        return;
    }
    env->runloop = NULL;
    g_main_context_unref(r->ctx);
    if (runloop_thread_ctx != NULL) {
        g_main_context_pop_thread_default(runloop_thread_ctx);
        g_main_context_unref(runloop_thread_ctx);
        runloop_thread_ctx = NULL;
    }
    /* The handles were closed with the loop (workers close every handle before rt_free). */
    free(r);
}
