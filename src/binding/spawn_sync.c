/* spawn_sync.c: the `spawn_sync` binding: runs a child process to completion on a private
 * loop, feeding stdin and collecting stdout/stderr (child_process.spawnSync and friends). */
#include "rt/rt.h"
#include "binding/spawn_options.h"
#include "rt/child.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

typedef struct spawn_sync_pipe {
    uv_pipe_t pipe;
    struct spawn_sync_run *run;
    int fd;         /* child fd */
    bool readable;  /* the parent reads it (child output) */
    bool writable;  /* the parent writes it (child input) */
    uint8_t *input; /* bytes to write, owned */
    size_t input_len;
    uv_write_t write_req;
    uv_shutdown_t shutdown_req;
    uint8_t *out; /* collected output */
    size_t out_len, out_cap;
    bool active;
} spawn_sync_pipe_t;

typedef struct spawn_sync_run {
    uv_loop_t loop;
    rt_child_t child;
    uv_timer_t timer;
    spawn_sync_pipe_t *pipes;
    size_t npipes;
    double max_buffer;
    int kill_signal;
    bool exited;
    bool timed_out;
    bool killed;
    int64_t status;
    int term_signal;
    int error; /* first error (negative uv code), e.g. ENOBUFS when over maxBuffer */
    size_t total_out;
} spawn_sync_run_t;

static void spawn_sync_kill(spawn_sync_run_t *r) {
    if (!r->exited && !r->killed) {
        r->killed = true;
        rt_child_kill(&r->child, r->kill_signal);
    }
}

static void spawn_sync_close_pipe(spawn_sync_pipe_t *p) {
    if (p->active) {
        p->active = false;
        if (!uv_is_closing((uv_handle_t *)&p->pipe)) {
            uv_close((uv_handle_t *)&p->pipe, NULL);
        }
    }
}

static void spawn_sync_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    spawn_sync_pipe_t *p = h->data;
    if (p->out_cap - p->out_len < 65536) {
        size_t cap = p->out_cap ? p->out_cap * 2 : 65536;
        while (cap - p->out_len < 65536) {
            cap *= 2;
        }
        uint8_t *n = realloc(p->out, cap);
        RT_CHECK(n != NULL);
        p->out = n;
        p->out_cap = cap;
    }
    buf->base = (char *)p->out + p->out_len;
    buf->len = p->out_cap - p->out_len;
}

static void spawn_sync_on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
    spawn_sync_pipe_t *p = s->data;
    spawn_sync_run_t *r = p->run;
    if (nread > 0) {
        p->out_len += (size_t)nread;
        r->total_out += (size_t)nread;
        if (r->max_buffer > 0 && (double)p->out_len > r->max_buffer) {
            if (!r->error) {
                r->error = UV_ENOBUFS;
            }
            spawn_sync_kill(r);
            spawn_sync_close_pipe(p);
        }
    } else if (nread < 0) {
        if (nread != UV_EOF && !r->error) {
            r->error = (int)nread;
        }
        spawn_sync_close_pipe(p);
    }
}

static void spawn_sync_on_shutdown(uv_shutdown_t *req, int status) {
    spawn_sync_pipe_t *p = req->data;
    if (!p->readable) {
        spawn_sync_close_pipe(p);
    }
}

static void spawn_sync_on_write(uv_write_t *req, int status) {
    spawn_sync_pipe_t *p = req->data;
    if (status < 0 && status != UV_EPIPE && !p->run->error) {
        p->run->error = status;
    }
    if (!p->active) {
        return;
    }
    p->shutdown_req.data = p;
    if (uv_shutdown(&p->shutdown_req, (uv_stream_t *)&p->pipe, spawn_sync_on_shutdown) != 0) {
        spawn_sync_close_pipe(p);
    }
}

static void spawn_sync_on_exit(rt_child_t *child, int64_t status, int sig) {
    spawn_sync_run_t *r = child->data;
    r->exited = true;
    r->status = status;
    r->term_signal = sig;
    rt_child_close(child, NULL);
    if (uv_is_active((uv_handle_t *)&r->timer)) {
        uv_timer_stop(&r->timer);
    }
}

static void spawn_sync_on_timeout(uv_timer_t *t) {
    spawn_sync_run_t *r = t->data;
    r->timed_out = true;
    if (!r->error) {
        r->error = UV_ETIMEDOUT;
    }
    spawn_sync_kill(r);
}

static void spawn_sync_walk_close(uv_handle_t *h, void *arg) {
    if (!uv_is_closing(h)) {
        uv_close(h, NULL);
    }
}

/* spawn(options) -> { status, signal, output: [..per fd: Uint8Array | null], pid, error }
 * options: { file, args, cwd, envPairs, stdio: [{ type: 'pipe'|'ignore'|'inherit'|'fd',
 * readable, writable, input, fd }], timeout, maxBuffer, killSignal, detached, uid, gid,
 * windowsHide } */
static JSValueRef spawn_sync_spawn(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) {
        return rt_throw_type_error(ctx, exc, "options must be an object");
    }
    JSObjectRef opts = (JSObjectRef)argv[0];
    spawn_sync_run_t r;
    memset(&r, 0, sizeof(r));
    uv_process_options_t po;
    memset(&po, 0, sizeof(po));
    char *file = NULL, *cwd = NULL;
    char **args = NULL, **env = NULL;
    uv_stdio_container_t *stdio = NULL;
    JSObjectRef result = NULL;
    bool loop_ready = false;

    file = rt_to_utf8(ctx, rt_get(ctx, opts, "file"), NULL, exc);
    if (!file) {
        goto done;
    }
    args = rt_strings_from_array(ctx, rt_get(ctx, opts, "args"), exc);
    if (*exc) {
        goto done;
    }
    JSValueRef envv = rt_get(ctx, opts, "envPairs");
    if (JSValueIsObject(ctx, envv)) {
        env = rt_strings_from_array(ctx, envv, exc);
        if (*exc) {
            goto done;
        }
    }
    JSValueRef cwdv = rt_get(ctx, opts, "cwd");
    if (JSValueIsString(ctx, cwdv)) {
        cwd = rt_to_utf8(ctx, cwdv, NULL, exc);
    }
    double timeout = rt_num(ctx, rt_get(ctx, opts, "timeout"));
    r.max_buffer = rt_num(ctx, rt_get(ctx, opts, "maxBuffer"));
    if (r.max_buffer != r.max_buffer) {
        r.max_buffer = 0;
    }
    JSValueRef ks = rt_get(ctx, opts, "killSignal");
    r.kill_signal = JSValueIsNumber(ctx, ks) ? (int)rt_num(ctx, ks) : SIGTERM;

    JSValueRef stdiov = rt_get(ctx, opts, "stdio");
    size_t nstdio = 3;
    if (JSValueIsObject(ctx, stdiov)) {
        nstdio = (size_t)rt_num(ctx, rt_get(ctx, (JSObjectRef)stdiov, "length"));
        if (nstdio < 3) {
            nstdio = 3;
        }
        if (nstdio > 64) {
            nstdio = 64;
        }
    }
    stdio = calloc(nstdio, sizeof(*stdio));
    r.pipes = calloc(nstdio, sizeof(*r.pipes));
    RT_CHECK(stdio && r.pipes);
    r.npipes = nstdio;
    RT_CHECK(uv_loop_init(&r.loop) == 0);
    loop_ready = true;
    for (size_t i = 0; i < nstdio; i++) {
        spawn_sync_pipe_t *p = &r.pipes[i];
        p->run = &r;
        p->fd = (int)i;
        JSValueRef ent = JSValueIsObject(ctx, stdiov)
                             ? JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)stdiov, (unsigned)i, NULL)
                             : NULL;
        char *type = NULL;
        if (ent && JSValueIsObject(ctx, ent)) {
            type = rt_to_utf8(ctx, rt_get(ctx, (JSObjectRef)ent, "type"), NULL, NULL);
        }
        if (!type || strcmp(type, "ignore") == 0) {
            stdio[i].flags = UV_IGNORE;
        } else if (strcmp(type, "pipe") == 0) {
            JSObjectRef e = (JSObjectRef)ent;
            p->readable = rt_bool(ctx, rt_get(ctx, e, "readable"));
            p->writable = rt_bool(ctx, rt_get(ctx, e, "writable"));
            size_t len;
            uint8_t *in = rt_bytes(ctx, rt_get(ctx, e, "input"), &len);
            if (in && len) {
                p->input = malloc(len);
                RT_CHECK(p->input != NULL);
                memcpy(p->input, in, len);
                p->input_len = len;
            }
            uv_pipe_init(&r.loop, &p->pipe, 0);
            p->pipe.data = p;
            p->active = true;
            stdio[i].flags = UV_CREATE_PIPE | (p->readable ? UV_WRITABLE_PIPE : 0) |
                             (p->writable ? UV_READABLE_PIPE : 0);
            stdio[i].data.stream = (uv_stream_t *)&p->pipe;
        } else if (strcmp(type, "inherit") == 0) {
            stdio[i].flags = UV_INHERIT_FD;
            stdio[i].data.fd = (int)i;
        } else if (strcmp(type, "fd") == 0) {
            stdio[i].flags = UV_INHERIT_FD;
            stdio[i].data.fd = (int)rt_num(ctx, rt_get(ctx, (JSObjectRef)ent, "fd"));
        } else {
            stdio[i].flags = UV_IGNORE;
        }
        free(type);
    }

    po.file = file;
    po.args = args;
    po.env = env;
    po.cwd = cwd;
    po.stdio = stdio;
    po.stdio_count = (int)nstdio;
    spawn_options_apply_ids(ctx, opts, &po);
    r.child.data = &r;
    int err = rt_child_spawn(&r.loop, &r.child, &po, spawn_sync_on_exit);
    result = JSObjectMake(ctx, NULL, NULL);
    if (err) {
        r.error = err;
        uv_walk(&r.loop, spawn_sync_walk_close, NULL);
        uv_run(&r.loop, UV_RUN_DEFAULT);
        rt_set_num(ctx, result, "error", err);
        rt_set(ctx, result, "status", JSValueMakeNull(ctx));
        rt_set(ctx, result, "signal", JSValueMakeNull(ctx));
        rt_set(ctx, result, "output", JSValueMakeNull(ctx));
        rt_set_num(ctx, result, "pid", 0);
        goto done;
    }
    if (timeout > 0) {
        uv_timer_init(&r.loop, &r.timer);
        r.timer.data = &r;
        uv_timer_start(&r.timer, spawn_sync_on_timeout, (uint64_t)timeout, 0);
    }
    for (size_t i = 0; i < nstdio; i++) {
        spawn_sync_pipe_t *p = &r.pipes[i];
        if (!p->active) {
            continue;
        }
        if (p->readable) {
            uv_read_start((uv_stream_t *)&p->pipe, spawn_sync_alloc, spawn_sync_on_read);
        }
        if (p->writable) {
            if (p->input_len) {
                uv_buf_t b = uv_buf_init((char *)p->input, (unsigned)p->input_len);
                p->write_req.data = p;
                uv_write(&p->write_req, (uv_stream_t *)&p->pipe, &b, 1, spawn_sync_on_write);
            } else {
                p->shutdown_req.data = p;
                if (uv_shutdown(&p->shutdown_req, (uv_stream_t *)&p->pipe,
                                spawn_sync_on_shutdown) != 0) {
                    spawn_sync_close_pipe(p);
                }
            }
        } else if (!p->readable) {
            spawn_sync_close_pipe(p);
        }
    }
    uv_run(&r.loop, UV_RUN_DEFAULT);
    /* Anything left (a pipe held open by a grandchild): close it and finish. */
    uv_walk(&r.loop, spawn_sync_walk_close, NULL);
    uv_run(&r.loop, UV_RUN_DEFAULT);

    rt_set_num(ctx, result, "pid", r.child.pid);
    if (r.error) {
        rt_set_num(ctx, result, "error", r.error);
    }
    if (r.exited && r.term_signal == 0) {
        rt_set_num(ctx, result, "status", (double)r.status);
    } else {
        rt_set(ctx, result, "status", JSValueMakeNull(ctx));
    }
    rt_set(ctx, result, "signal",
           r.exited && r.term_signal ? JSValueMakeNumber(ctx, r.term_signal)
                                     : JSValueMakeNull(ctx));
    {
        JSValueRef *outs = calloc(nstdio, sizeof(JSValueRef));
        RT_CHECK(outs != NULL);
        for (size_t i = 0; i < nstdio; i++) {
            spawn_sync_pipe_t *p = &r.pipes[i];
            if (p->readable) {
                /* outs is on the C heap, which the collector does not scan: protect each
                 * array until the output array holds it (else a collection while making
                 * the next one freed its bytes). */
                outs[i] = rt_uint8array_take(ctx, p->out, p->out_len, NULL);
                JSValueProtect(ctx, outs[i]);
                p->out = NULL;
            } else {
                outs[i] = JSValueMakeNull(ctx);
            }
        }
        rt_set(ctx, result, "output", JSObjectMakeArray(ctx, nstdio, outs, NULL));
        for (size_t i = 0; i < nstdio; i++) {
            if (r.pipes[i].readable) {
                JSValueUnprotect(ctx, outs[i]);
            }
        }
        free(outs);
    }

done:
    if (loop_ready) {
        uv_walk(&r.loop, spawn_sync_walk_close, NULL);
        uv_run(&r.loop, UV_RUN_DEFAULT);
        uv_loop_close(&r.loop);
    }
    if (r.pipes) {
        for (size_t i = 0; i < r.npipes; i++) {
            free(r.pipes[i].input);
            free(r.pipes[i].out);
        }
    }
    free(r.pipes);
    free(stdio);
    free(file);
    free(cwd);
    rt_strings_free(args);
    rt_strings_free(env);
    return result;
}

static const JSStaticFunction spawn_sync_functions[] = {
    {"spawn", spawn_sync_spawn, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_spawn_sync_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, spawn_sync_functions);
}
