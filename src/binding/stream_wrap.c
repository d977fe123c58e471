/* stream_wrap.c: the `stream_wrap` binding: Pipe, TTY and TCP handles over libuv streams
 * (read, write, shutdown, close; bind, listen, connect for sockets), the native half of child
 * process stdio, IPC channels (which also carry handles: uv_write2 out, pending handles in), stdin
 * and node:net. */
#include "binding/stream_wrap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { STREAM_WRAP_PIPE, STREAM_WRAP_TTY, STREAM_WRAP_TCP };
/* Pipe types, as Node's pipe_wrap.constants. */
enum { STREAM_WRAP_SOCKET = 0, STREAM_WRAP_SERVER = 1, STREAM_WRAP_IPC = 2 };

typedef struct stream_wrap {
    union {
        uv_handle_t handle;
        uv_stream_t stream;
        uv_pipe_t pipe;
        uv_tty_t tty;
        uv_tcp_t tcp;
    } h;
    JSObjectRef obj;      /* protected from init until the close callback */
    JSObjectRef close_cb; /* protected while set */
    int kind;
    int type; /* STREAM_WRAP_SOCKET, _SERVER or _IPC, from the constructor */
    bool initialized; /* the uv handle exists and must be closed */
    bool closing;
    bool closed;
    bool finalized;
    rt_stream_consumer_t *consumer; /* reads go to C (see stream_wrap.h), or NULL */
    /* Links in the list of open handles (for getActiveHandles). */
    struct stream_wrap *prev;
    struct stream_wrap *next;
} stream_wrap_t;

/* Every initialized handle that is not yet closed. */
static _Thread_local stream_wrap_t *stream_wrap_open_list;

static void stream_wrap_unlink(stream_wrap_t *w) {
    if (w->prev) {
        w->prev->next = w->next;
    } else if (stream_wrap_open_list == w) {
        stream_wrap_open_list = w->next;
    }
    if (w->next) {
        w->next->prev = w->prev;
    }
    w->prev = w->next = NULL;
}

/* A write or shutdown in flight: keeps its request object and its data alive. */
typedef struct {
    union {
        uv_write_t write;
        uv_shutdown_t shutdown;
        uv_connect_t connect;
    } r;
    JSObjectRef req_obj;  /* protected */
    JSValueRef data;      /* protected, or NULL */
    char *copy;           /* owned bytes (strings), or NULL */
    JSObjectRef send_obj; /* the handle object sent along (IPC), protected, or NULL */
    uv_pipe_t *send_tmp;  /* a pipe over a dup of a sent descriptor, closed when done, or NULL */
} stream_wrap_req_t;

static JSClassRef stream_wrap_base_class;
static JSClassRef stream_wrap_pipe_class;
static JSClassRef stream_wrap_tty_class;
static JSClassRef stream_wrap_tcp_class;

#define STREAM_WRAP_READ_SIZE 65536

static void stream_wrap_free_if_done(stream_wrap_t *w) {
    if (w->finalized && (!w->initialized || w->closed)) {
        free(w);
    }
}

static void stream_wrap_finalize(JSObjectRef obj) {
    stream_wrap_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    /* An initialized handle is protected until closed, so an open one is only finalized at
     * context teardown: then the struct is left to the exiting process. */
    w->finalized = true;
    w->obj = NULL;
    stream_wrap_free_if_done(w);
}

/* The live wrap behind `self`, or NULL after throwing a TypeError. */
static stream_wrap_t *stream_wrap_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    if (!self || !JSValueIsObjectOfClass(ctx, self, stream_wrap_base_class)) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
        return NULL;
    }
    stream_wrap_t *w = JSObjectGetPrivate(self);
    if (!w) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

/* True while libuv calls on the handle are allowed. */
static bool stream_wrap_usable(stream_wrap_t *w) {
    return w->initialized && !w->closing;
}

uv_stream_t *rt_stream_wrap_stream(JSContextRef ctx, JSValueRef v) {
    if (!v || !JSValueIsObjectOfClass(ctx, v, stream_wrap_base_class)) {
        return NULL;
    }
    stream_wrap_t *w = JSObjectGetPrivate((JSObjectRef)v);
    return w && stream_wrap_usable(w) ? &w->h.stream : NULL;
}

static JSObjectRef stream_wrap_make(JSContextRef ctx, JSClassRef cls, int kind) {
    stream_wrap_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    w->kind = kind;
    JSObjectRef obj = JSObjectMake(ctx, cls, w);
    w->obj = obj;
    w->h.handle.data = w;
    return obj;
}

static void stream_wrap_set_initialized(JSContextRef ctx, stream_wrap_t *w) {
    w->initialized = true;
    w->prev = NULL;
    w->next = stream_wrap_open_list;
    if (stream_wrap_open_list) {
        stream_wrap_open_list->prev = w;
    }
    stream_wrap_open_list = w;
    w->h.handle.data = w;
    JSValueProtect(ctx, w->obj);
}

/* new Pipe(type): type is 0 (socket), 1 (server) or 2 (IPC). */
static JSObjectRef stream_wrap_pipe_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                        const JSValueRef argv[], JSValueRef *exc) {
    int64_t type = rt_arg_int(ctx, argc, argv, 0);
    JSObjectRef obj = stream_wrap_make(ctx, stream_wrap_pipe_class, STREAM_WRAP_PIPE);
    stream_wrap_t *w = JSObjectGetPrivate(obj);
    w->type = (int)type;
    int err = uv_pipe_init(rt_env_get()->loop, &w->h.pipe, type == STREAM_WRAP_IPC);
    if (err) {
        rt_throw_uv(ctx, exc, err, "uv_pipe_init", NULL, NULL);
        return NULL;
    }
    stream_wrap_set_initialized(ctx, w);
    return obj;
}

/* new TTY(fd): throws the uv error when fd is not usable as a terminal stream. */
static JSObjectRef stream_wrap_tty_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                       const JSValueRef argv[], JSValueRef *exc) {
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (fd < 0 || fd > INT32_MAX) {
        rt_throw_uv(ctx, exc, UV_EBADF, "uv_tty_init", NULL, NULL);
        return NULL;
    }
    JSObjectRef obj = stream_wrap_make(ctx, stream_wrap_tty_class, STREAM_WRAP_TTY);
    stream_wrap_t *w = JSObjectGetPrivate(obj);
    int err = uv_tty_init(rt_env_get()->loop, &w->h.tty, (int)fd, 0);
    if (err) {
        rt_throw_uv(ctx, exc, err, "uv_tty_init", NULL, NULL);
        return NULL;
    }
    stream_wrap_set_initialized(ctx, w);
    return obj;
}

/* ---- reading ---- */

/* Reads that go to a C consumer land in one buffer per thread: the consumer is done with the
 * bytes when on_read returns, and reads never nest. */
static _Thread_local char *stream_wrap_consume_buf;

static void stream_wrap_alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    stream_wrap_t *w = h->data;
    if (w->consumer) {
        if (!stream_wrap_consume_buf) {
            stream_wrap_consume_buf = malloc(STREAM_WRAP_READ_SIZE);
        }
        if (stream_wrap_consume_buf) {
            buf->base = stream_wrap_consume_buf;
            buf->len = STREAM_WRAP_READ_SIZE;
            return;
        }
    }
    buf->base = malloc(STREAM_WRAP_READ_SIZE);
    buf->len = buf->base ? STREAM_WRAP_READ_SIZE : 0;
}

static void stream_wrap_free_read(const uv_buf_t *buf) {
    if (buf->base != stream_wrap_consume_buf) {
        free(buf->base);
    }
}

/* Property names set or read on every read and write. */
static _Thread_local JSStringRef stream_wrap_s_oncomplete;
static _Thread_local JSStringRef stream_wrap_s_onread;

static void stream_wrap_call_s(stream_wrap_t *w, JSStringRef name, size_t argc,
                               const JSValueRef argv[]) {
    rt_env_t *env = rt_env_get();
    if (!w->obj) {
        return;
    }
    JSValueRef fn = JSObjectGetProperty(env->ctx, w->obj, name, NULL);
    if (fn && JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        rt_make_callback(env, (JSObjectRef)fn, w->obj, argc, argv);
    }
}

static void stream_wrap_call(stream_wrap_t *w, const char *name, size_t argc,
                             const JSValueRef argv[]) {
    JSStringRef s = rt_jsstr(name);
    stream_wrap_call_s(w, s, argc, argv);
    JSStringRelease(s);
}

int rt_stream_wrap_consume(JSContextRef ctx, JSValueRef v, rt_stream_consumer_t *c) {
    if (!v || !JSValueIsObjectOfClass(ctx, v, stream_wrap_base_class)) {
        return UV_EINVAL;
    }
    stream_wrap_t *w = JSObjectGetPrivate((JSObjectRef)v);
    if (!w || !stream_wrap_usable(w) || w->consumer) {
        return UV_EINVAL;
    }
    w->consumer = c;
    c->stream = w;
    return 0;
}

void rt_stream_wrap_unconsume(rt_stream_consumer_t *c) {
    stream_wrap_t *w = c->stream;
    if (w) {
        w->consumer = NULL;
        c->stream = NULL;
    }
}

/* Detaches the consumer of a handle that starts closing. */
static void stream_wrap_detach(stream_wrap_t *w) {
    rt_stream_consumer_t *c = w->consumer;
    if (c) {
        w->consumer = NULL;
        c->stream = NULL;
        c->on_detach(c);
    }
}

static void stream_wrap_close_cb(uv_handle_t *h);

/* Frees a scratch pipe (see stream_wrap_accept_one and stream_wrap_send_parse). */
static void stream_wrap_tmp_close_cb(uv_handle_t *h) {
    free(h);
}


/* The handle a pending descriptor of an IPC pipe becomes: a new TCP or Pipe handle object, or
 * for a UDP socket the number of a descriptor the caller now owns (lib/ opens a UDP handle on
 * it). Returns NULL when the descriptor could not be taken. */
static JSValueRef stream_wrap_accept_one(rt_env_t *env, stream_wrap_t *w) {
    JSContextRef ctx = env->ctx;
    uv_handle_type type = uv_pipe_pending_type(&w->h.pipe);
    if (type == UV_TCP || type == UV_NAMED_PIPE) {
        JSObjectRef obj;
        stream_wrap_t *c;
        int err;
        if (type == UV_TCP) {
            obj = stream_wrap_make(ctx, stream_wrap_tcp_class, STREAM_WRAP_TCP);
            c = JSObjectGetPrivate(obj);
            err = uv_tcp_init(env->loop, &c->h.tcp);
        } else {
            obj = stream_wrap_make(ctx, stream_wrap_pipe_class, STREAM_WRAP_PIPE);
            c = JSObjectGetPrivate(obj);
            err = uv_pipe_init(env->loop, &c->h.pipe, 0);
        }
        if (err) {
            return NULL;
        }
        stream_wrap_set_initialized(ctx, c);
        err = uv_accept(&w->h.stream, &c->h.stream);
        if (err) {
            c->closing = true;
            uv_close(&c->h.handle, stream_wrap_close_cb);
            return NULL;
        }
        return obj;
    }
    /* Anything else (UDP) is taken through a scratch pipe and handed over as a descriptor. */
    uv_pipe_t *tmp = malloc(sizeof(*tmp));
    RT_CHECK(tmp != NULL);
    if (uv_pipe_init(env->loop, tmp, 0) != 0) {
        free(tmp);
        return NULL;
    }
    int fd = -1;
    uv_os_fd_t raw;
    if (uv_accept(&w->h.stream, (uv_stream_t *)tmp) == 0 &&
        uv_fileno((uv_handle_t *)tmp, &raw) == 0) {
        fd = dup(raw);
    }
    uv_close((uv_handle_t *)tmp, stream_wrap_tmp_close_cb);
    return fd >= 0 ? JSValueMakeNumber(ctx, fd) : NULL;
}

/* Accepts every descriptor that came with the last read of an IPC pipe; returns an array of
 * them (see stream_wrap_accept_one), or NULL when there are none. */
static JSValueRef stream_wrap_accept_pending(rt_env_t *env, stream_wrap_t *w) {
    if (w->kind != STREAM_WRAP_PIPE || !w->h.pipe.ipc || uv_pipe_pending_count(&w->h.pipe) <= 0) {
        return NULL;
    }
    JSObjectRef list = JSObjectMakeArray(env->ctx, 0, NULL, NULL);
    unsigned n = 0;
    while (uv_pipe_pending_count(&w->h.pipe) > 0) {
        JSValueRef h = stream_wrap_accept_one(env, w);
        if (!h) {
            h = JSValueMakeNull(env->ctx);
        }
        JSObjectSetPropertyAtIndex(env->ctx, list, n++, h, NULL);
    }
    return list;
}

/* Calls handle.onread(nread, chunk[, handles]): chunk is a Uint8Array when nread > 0; a
 * negative nread is a uv error code (UV_EOF at the end); handles lists what an IPC pipe
 * received along with the chunk. */
static void stream_wrap_on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
    stream_wrap_t *w = s->data;
    rt_env_t *env = rt_env_get();
    if (nread == 0) {
        stream_wrap_free_read(buf);
        return;
    }
    if (nread < 0) {
        stream_wrap_free_read(buf);
        JSValueRef args[1] = {JSValueMakeNumber(env->ctx, (double)nread)};
        stream_wrap_call_s(w, stream_wrap_s_onread, 1, args);
        return;
    }
    if (w->consumer) {
        w->consumer->on_read(w->consumer, buf->base, (size_t)nread);
        stream_wrap_free_read(buf);
        return;
    }
    char *data = buf->base;
    if (data == stream_wrap_consume_buf) {
        /* Not expected (the consumer cannot detach between alloc and read), but stay safe. */
        data = malloc((size_t)nread);
        if (!data) {
            return;
        }
        memcpy(data, buf->base, (size_t)nread);
    } else if ((size_t)nread < STREAM_WRAP_READ_SIZE / 2) {
        char *shrunk = realloc(data, (size_t)nread);
        if (shrunk) {
            data = shrunk;
        }
    }
    JSObjectRef chunk = rt_uint8array_take(env->ctx, (uint8_t *)data, (size_t)nread, NULL);
    if (!chunk) {
        return;
    }
    JSValueRef handles = stream_wrap_accept_pending(env, w);
    JSValueRef args[3] = {JSValueMakeNumber(env->ctx, (double)nread), chunk, handles};
    stream_wrap_call_s(w, stream_wrap_s_onread, handles ? 3 : 2, args);
}

static JSValueRef stream_wrap_read_start(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    int err = uv_read_start(&w->h.stream, stream_wrap_alloc_cb, stream_wrap_on_read);
    return JSValueMakeNumber(ctx, err == UV_EALREADY ? 0 : err);
}

static JSValueRef stream_wrap_read_stop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    return JSValueMakeNumber(ctx, uv_read_stop(&w->h.stream));
}

/* ---- writing ---- */

static stream_wrap_req_t *stream_wrap_req_new(JSContextRef ctx, JSObjectRef req_obj) {
    stream_wrap_req_t *r = calloc(1, sizeof(*r));
    RT_CHECK(r != NULL);
    r->req_obj = req_obj;
    JSValueProtect(ctx, req_obj);
    return r;
}

static void stream_wrap_req_free(JSContextRef ctx, stream_wrap_req_t *r) {
    JSValueUnprotect(ctx, r->req_obj);
    if (r->data) {
        JSValueUnprotect(ctx, r->data);
    }
    if (r->send_obj) {
        JSValueUnprotect(ctx, r->send_obj);
    }
    if (r->send_tmp) {
        uv_close((uv_handle_t *)r->send_tmp, stream_wrap_tmp_close_cb);
    }
    free(r->copy);
    free(r);
}

/* Calls req.oncomplete(status) and releases the request. */
static void stream_wrap_req_done(stream_wrap_req_t *r, int status) {
    rt_env_t *env = rt_env_get();
    JSValueRef fn = JSObjectGetProperty(env->ctx, r->req_obj, stream_wrap_s_oncomplete, NULL);
    JSObjectRef req_obj = r->req_obj;
    JSValueProtect(env->ctx, req_obj);
    stream_wrap_req_free(env->ctx, r);
    if (fn && JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        JSValueRef args[1] = {JSValueMakeNumber(env->ctx, status)};
        rt_make_callback(env, (JSObjectRef)fn, req_obj, 1, args);
    }
    JSValueUnprotect(env->ctx, req_obj);
}

static void stream_wrap_write_cb(uv_write_t *req, int status) {
    stream_wrap_req_done(req->data, status);
}

/* Sets req.bytes and req.async, which lib/ reads after a write call. */
/* What the last write did, for lib/net.js and lib/internal/stream_base.js to read right after
 * the call: [0] the bytes it dispatched, [1] 1 when part of them is queued (req.oncomplete
 * follows), else 0. A Float64Array over this block (binding property writeState): setting two
 * properties on each request object instead cost 3% of a hello-world server's time. */
static _Thread_local double *stream_wrap_write_state;

void rt_stream_write_result(size_t total, bool async) {
    if (stream_wrap_write_state) {
        stream_wrap_write_state[0] = (double)total;
        stream_wrap_write_state[1] = async ? 1 : 0;
    }
}

/* Writes bufs (total bytes): what the kernel takes at once is written now (req.async = false
 * when that is everything, and then nothing is allocated); the rest is queued and
 * req.oncomplete(status) is called when it is done. The queued rest is kept alive by `keep`
 * (protected while queued: the object holding the bytes), or else copied, unless `owned` (a
 * malloc'd block holding all the bytes, freed here or when the write is done) can be queued
 * itself. Returns 0 or a uv error (then nothing is called). */
/* A handle sent along with a write on an IPC pipe. */
typedef struct {
    uv_stream_t *stream; /* what uv_write2 sends, or NULL for a plain write */
    JSObjectRef obj;     /* the handle object, kept alive until the write is done, or NULL */
    uv_pipe_t *tmp;      /* owned pipe over a dup of a raw descriptor (UDP sockets), or NULL */
} stream_wrap_send_t;

static int stream_wrap_write_bufs_send(JSContextRef ctx, stream_wrap_t *w, JSObjectRef req_obj,
                                       uv_buf_t *bufs, size_t nbufs, size_t total,
                                       JSValueRef keep, char *owned, stream_wrap_send_t *send);

static int stream_wrap_write_bufs(JSContextRef ctx, stream_wrap_t *w, JSObjectRef req_obj,
                                  uv_buf_t *bufs, size_t nbufs, size_t total, JSValueRef keep,
                                  char *owned) {
    return stream_wrap_write_bufs_send(ctx, w, req_obj, bufs, nbufs, total, keep, owned, NULL);
}

/* As stream_wrap_write_bufs, and sends send->stream along when set (never written directly);
 * takes ownership of send->tmp. */
static int stream_wrap_write_bufs_send(JSContextRef ctx, stream_wrap_t *w, JSObjectRef req_obj,
                                       uv_buf_t *bufs, size_t nbufs, size_t total,
                                       JSValueRef keep, char *owned, stream_wrap_send_t *send) {
    size_t skip = 0;
    bool sending = send && send->stream;
    /* IPC pipes may need to send handles in order, and a queued write must stay in order:
     * only try a direct write when nothing is queued. */
    if (!sending && w->h.stream.write_queue_size == 0 && nbufs > 0) {
        int n = uv_try_write(&w->h.stream, bufs, (unsigned)nbufs);
        if (n >= 0 && (size_t)n == total) {
            free(owned);
            rt_stream_write_result(total, false);
            return 0;
        }
        if (n > 0) {
            skip = (size_t)n;
        } else if (n != UV_EAGAIN && n != UV_ENOSYS) {
            free(owned);
            return n;
        }
    }
    size_t first = 0;
    while (first < nbufs && skip >= bufs[first].len) {
        skip -= bufs[first].len;
        first++;
    }
    if (first < nbufs) {
        bufs[first].base += skip;
        bufs[first].len -= skip;
    }
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, req_obj);
    uv_buf_t copy_buf;
    if (keep) {
        r->data = keep;
        JSValueProtect(ctx, keep);
        free(owned);
    } else if (owned) {
        r->copy = owned;
    } else {
        size_t rest = 0;
        for (size_t i = first; i < nbufs; i++) {
            rest += bufs[i].len;
        }
        r->copy = malloc(rest ? rest : 1);
        RT_CHECK(r->copy != NULL);
        size_t off = 0;
        for (size_t i = first; i < nbufs; i++) {
            memcpy(r->copy + off, bufs[i].base, bufs[i].len);
            off += bufs[i].len;
        }
        copy_buf = uv_buf_init(r->copy, (unsigned)rest);
        bufs = &copy_buf;
        nbufs = 1;
        first = 0;
    }
    rt_stream_write_result(total, true);
    r->r.write.data = r;
    int err;
    if (sending) {
        if (send->obj) {
            r->send_obj = send->obj;
            JSValueProtect(ctx, send->obj);
        }
        r->send_tmp = send->tmp;
        send->tmp = NULL;
        err = uv_write2(&r->r.write, &w->h.stream, bufs + first, (unsigned)(nbufs - first),
                        send->stream, stream_wrap_write_cb);
    } else {
        /* uv_write copies the array of bufs (not the bytes). */
        err = uv_write(&r->r.write, &w->h.stream, bufs + first, (unsigned)(nbufs - first),
                       stream_wrap_write_cb);
    }
    if (err) {
        stream_wrap_req_free(ctx, r);
    }
    return err;
}

static bool stream_wrap_check_req(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                  JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) {
        rt_throw_type_error(ctx, exc, "req must be an object");
        return false;
    }
    return true;
}

/* Reads the optional handle argument of a write on an IPC pipe into *send: a TCP or Pipe
 * handle object, or a descriptor number (a UDP socket), sent through a pipe over a dup of it.
 * Returns 0 or a uv error (then nothing is held). */
static int stream_wrap_send_parse(JSContextRef ctx, stream_wrap_t *w, JSValueRef v,
                                  stream_wrap_send_t *send) {
    send->stream = NULL;
    send->obj = NULL;
    send->tmp = NULL;
    if (!v || JSValueIsUndefined(ctx, v) || JSValueIsNull(ctx, v)) {
        return 0;
    }
    if (w->kind != STREAM_WRAP_PIPE || !w->h.pipe.ipc) {
        return UV_EINVAL;
    }
    if (JSValueIsNumber(ctx, v)) {
        double fd = rt_num(ctx, v);
        if (!(fd >= 0 && fd <= INT32_MAX)) {
            return UV_EBADF;
        }
        int copy = dup((int)fd);
        if (copy < 0) {
            return UV_EBADF;
        }
        uv_pipe_t *tmp = malloc(sizeof(*tmp));
        RT_CHECK(tmp != NULL);
        int err = uv_pipe_init(rt_env_get()->loop, tmp, 0);
        if (err) {
            close(copy);
            free(tmp);
            return err;
        }
        err = uv_pipe_open(tmp, copy);
        if (err) {
            close(copy);
            uv_close((uv_handle_t *)tmp, stream_wrap_tmp_close_cb);
            return err;
        }
        send->tmp = tmp;
        send->stream = (uv_stream_t *)tmp;
        return 0;
    }
    if (!JSValueIsObjectOfClass(ctx, v, stream_wrap_base_class)) {
        return UV_EINVAL;
    }
    stream_wrap_t *h = JSObjectGetPrivate((JSObjectRef)v);
    if (!h || !stream_wrap_usable(h) || h->kind == STREAM_WRAP_TTY) {
        return UV_EBADF;
    }
    send->stream = &h->h.stream;
    send->obj = (JSObjectRef)v;
    return 0;
}

/* writeBuffer(req, bytes[, sendHandle]) -> 0 or a uv error. */
static JSValueRef stream_wrap_write_buffer(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    JSValueRef data = rt_arg(ctx, argc, argv, 1);
    size_t len;
    uint8_t *bytes = rt_bytes(ctx, data, &len);
    if (!bytes && JSValueGetTypedArrayType(ctx, data, NULL) == kJSTypedArrayTypeNone) {
        return rt_throw_type_error(ctx, exc, "data must be a TypedArray or DataView");
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    stream_wrap_send_t send;
    int err = stream_wrap_send_parse(ctx, w, rt_arg(ctx, argc, argv, 2), &send);
    if (err) {
        return JSValueMakeNumber(ctx, err);
    }
    uv_buf_t buf = uv_buf_init((char *)(bytes ? bytes : (uint8_t *)""), (unsigned)len);
    return JSValueMakeNumber(ctx, stream_wrap_write_bufs_send(ctx, w, (JSObjectRef)argv[0], &buf,
                                                              1, len, data, NULL, &send));
}

/* Strings are encoded into one scratch buffer per thread when they fit; a write that the
 * kernel does not take at once copies what is left. */
#define STREAM_WRAP_SCRATCH_SIZE 65536
static _Thread_local char *stream_wrap_scratch;

/* Room for n bytes: the scratch buffer, or a malloc'd block (*owned set) for big strings. */
static char *stream_wrap_string_room(size_t n, char **owned) {
    *owned = NULL;
    if (n <= STREAM_WRAP_SCRATCH_SIZE) {
        if (!stream_wrap_scratch) {
            stream_wrap_scratch = malloc(STREAM_WRAP_SCRATCH_SIZE);
        }
        if (stream_wrap_scratch) {
            return stream_wrap_scratch;
        }
    }
    *owned = malloc(n ? n : 1);
    RT_CHECK(*owned != NULL);
    return *owned;
}

/* writeUtf8String(req, string[, sendHandle]) -> 0 or a uv error. Lone surrogates become
 * U+FFFD, as node. */
static JSValueRef stream_wrap_write_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    /* A string's characters are read in place (rt_string_view); anything else goes through
     * toString, which may run user code (which may write): done before taking the scratch
     * buffer. (The engine's own UTF-8 getter converts one character at a time: an http
     * response of 900 bytes was 6% of the server's time.) */
    JSValueRef text = rt_arg(ctx, argc, argv, 1);
    rt_strview_t view;
    JSStringRef str = NULL;
    if (!rt_string_view_joined(ctx, text, &view)) {
        str = JSValueToStringCopy(ctx, text, exc);
        if (!str) {
            return NULL;
        }
        view.len = JSStringGetLength(str);
        view.chars = view.len ? JSStringGetCharactersPtr(str) : NULL;
        view.is8 = false;
    }
    if (!stream_wrap_usable(w)) {
        if (str) {
            JSStringRelease(str);
        }
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    stream_wrap_send_t send;
    int err = stream_wrap_send_parse(ctx, w, rt_arg(ctx, argc, argv, 2), &send);
    if (err) {
        if (str) {
            JSStringRelease(str);
        }
        return JSValueMakeNumber(ctx, err);
    }
    char *owned;
    char *room = stream_wrap_string_room(view.len * 3, &owned);
    size_t len = view.chars ? rt_strview_to_utf8(&view, room) : 0;
    if (str) {
        JSStringRelease(str);
    }
    uv_buf_t buf = uv_buf_init(room, (unsigned)len);
    return JSValueMakeNumber(ctx, stream_wrap_write_bufs_send(ctx, w, (JSObjectRef)argv[0], &buf,
                                                              1, len, NULL, owned, &send));
}

/* writeLatin1String(req, string) -> 0 or a uv error: one byte per UTF-16 unit (its low 8
 * bits), as node's latin1 encoding. */
static JSValueRef stream_wrap_write_latin1(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    JSStringRef str = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 1), exc);
    if (!str) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        JSStringRelease(str);
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    size_t len = JSStringGetLength(str);
    const JSChar *chars = JSStringGetCharactersPtr(str);
    char *owned;
    char *room = stream_wrap_string_room(len, &owned);
    for (size_t i = 0; i < len; i++) {
        room[i] = (char)(chars[i] & 0xff);
    }
    JSStringRelease(str);
    uv_buf_t buf = uv_buf_init(room, (unsigned)len);
    return JSValueMakeNumber(
        ctx, stream_wrap_write_bufs(ctx, w, (JSObjectRef)argv[0], &buf, 1, len, NULL, owned));
}

/* writev(req, chunks) -> 0 or a uv error; chunks is an array of TypedArrays. */
static JSValueRef stream_wrap_writev(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    JSValueRef list = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsArray(ctx, list)) {
        return rt_throw_type_error(ctx, exc, "chunks must be an array");
    }
    double n = rt_num(ctx, rt_get(ctx, (JSObjectRef)list, "length"));
    if (!(n >= 0 && n <= 1 << 20)) {
        return rt_throw_type_error(ctx, exc, "chunks must be an array");
    }
    size_t nbufs = (size_t)n;
    uv_buf_t stack_bufs[16];
    uv_buf_t *bufs = nbufs <= 16 ? stack_bufs : calloc(nbufs, sizeof(uv_buf_t));
    RT_CHECK(bufs != NULL);
    size_t total = 0;
    for (size_t i = 0; i < nbufs; i++) {
        JSValueRef c = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        size_t len;
        uint8_t *bytes = rt_bytes(ctx, c, &len);
        if (!bytes && len == 0 &&
            (!c || JSValueGetTypedArrayType(ctx, c, NULL) == kJSTypedArrayTypeNone)) {
            if (bufs != stack_bufs) {
                free(bufs);
            }
            return rt_throw_type_error(ctx, exc, "chunks[%zu] must be a TypedArray", i);
        }
        bufs[i] = uv_buf_init((char *)(bytes ? bytes : (uint8_t *)""), (unsigned)len);
        total += len;
    }
    int err = UV_EBADF;
    if (stream_wrap_usable(w)) {
        /* The array holds the chunks, so protecting it keeps their bytes alive. */
        err = stream_wrap_write_bufs(ctx, w, (JSObjectRef)argv[0], bufs, nbufs, total, list, NULL);
    }
    if (bufs != stack_bufs) {
        free(bufs);
    }
    return JSValueMakeNumber(ctx, err);
}

static void stream_wrap_shutdown_cb(uv_shutdown_t *req, int status) {
    stream_wrap_req_done(req->data, status);
}

/* shutdown(req) -> 0 or a uv error; req.oncomplete(status) follows when the write side is
 * closed. */
static JSValueRef stream_wrap_shutdown(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->r.shutdown.data = r;
    int err = uv_shutdown(&r->r.shutdown, &w->h.stream, stream_wrap_shutdown_cb);
    if (err) {
        stream_wrap_req_free(ctx, r);
    }
    return JSValueMakeNumber(ctx, err);
}

/* ---- lifetime ---- */

static void stream_wrap_close_cb(uv_handle_t *h) {
    stream_wrap_t *w = h->data;
    rt_env_t *env = rt_env_get();
    w->closed = true;
    stream_wrap_unlink(w);
    JSObjectRef cb = w->close_cb;
    w->close_cb = NULL;
    if (cb && w->obj) {
        rt_make_callback(env, cb, w->obj, 0, NULL);
    }
    if (cb) {
        JSValueUnprotect(env->ctx, cb);
    }
    if (w->obj) {
        /* May run the finalizer (and free w) on a later GC, never inside this call. */
        JSValueUnprotect(env->ctx, w->obj);
    } else {
        stream_wrap_free_if_done(w);
    }
}

/* close([callback]): closes the handle; callback runs from the close phase. */
static JSValueRef stream_wrap_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                    const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef cb = rt_arg(ctx, argc, argv, 0);
    if (JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        w->close_cb = (JSObjectRef)cb;
        JSValueProtect(ctx, cb);
    }
    w->closing = true;
    stream_wrap_detach(w);
    uv_close(&w->h.handle, stream_wrap_close_cb);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef stream_wrap_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (stream_wrap_usable(w)) {
        uv_ref(&w->h.handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef stream_wrap_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                    const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (stream_wrap_usable(w)) {
        uv_unref(&w->h.handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef stream_wrap_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, stream_wrap_usable(w) && uv_has_ref(&w->h.handle));
}

static JSValueRef stream_wrap_set_blocking(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    bool on = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    return JSValueMakeNumber(ctx, uv_stream_set_blocking(&w->h.stream, on));
}

/* ---- pipes ---- */

/* open(fd) -> 0 or a uv error: adopts an existing descriptor. */
static JSValueRef stream_wrap_open(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (w->kind != STREAM_WRAP_PIPE || !stream_wrap_usable(w) || fd < 0 || fd > INT32_MAX) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    return JSValueMakeNumber(ctx, uv_pipe_open(&w->h.pipe, (int)fd));
}

/* ---- terminals ---- */

static JSValueRef stream_wrap_set_raw_mode(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->kind != STREAM_WRAP_TTY || !stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    bool raw = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    return JSValueMakeNumber(
        ctx, uv_tty_set_mode(&w->h.tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL));
}

/* getWindowSize(array) -> 0 or a uv error; fills array[0] (columns) and array[1] (rows). */
static JSValueRef stream_wrap_get_window_size(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                              size_t argc, const JSValueRef argv[],
                                              JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    JSValueRef out = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, out)) {
        return rt_throw_type_error(ctx, exc, "size must be an array");
    }
    if (w->kind != STREAM_WRAP_TTY || !stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    int width, height;
    int err = uv_tty_get_winsize(&w->h.tty, &width, &height);
    if (err == 0) {
        JSObjectSetPropertyAtIndex(ctx, (JSObjectRef)out, 0, JSValueMakeNumber(ctx, width), NULL);
        JSObjectSetPropertyAtIndex(ctx, (JSObjectRef)out, 1, JSValueMakeNumber(ctx, height), NULL);
    }
    return JSValueMakeNumber(ctx, err);
}

/* ---- sockets (TCP, and Pipe servers and clients) ---- */

/* new TCP(type): type is 0 (socket) or 1 (server). */
static JSObjectRef stream_wrap_tcp_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                       const JSValueRef argv[], JSValueRef *exc) {
    JSObjectRef obj = stream_wrap_make(ctx, stream_wrap_tcp_class, STREAM_WRAP_TCP);
    stream_wrap_t *w = JSObjectGetPrivate(obj);
    w->type = (int)rt_arg_int(ctx, argc, argv, 0);
    int err = uv_tcp_init(rt_env_get()->loop, &w->h.tcp);
    if (err) {
        rt_throw_uv(ctx, exc, err, "uv_tcp_init", NULL, NULL);
        return NULL;
    }
    stream_wrap_set_initialized(ctx, w);
    return obj;
}

/* The live TCP wrap behind `self`, or NULL with *err set (after a TypeError for a non-wrap). */
static stream_wrap_t *stream_wrap_tcp_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc,
                                           int *err) {
    *err = 0;
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->kind != STREAM_WRAP_TCP || !stream_wrap_usable(w)) {
        *err = UV_EBADF;
        return NULL;
    }
    return w;
}

#define STREAM_WRAP_TCP_PROLOGUE()                                                                 \
    int err_;                                                                                      \
    stream_wrap_t *w = stream_wrap_tcp_this(ctx, self, exc, &err_);                                \
    if (!w) {                                                                                      \
        return err_ ? JSValueMakeNumber(ctx, err_) : NULL;                                         \
    }

/* Parses address (a string) and port into *out as IPv4 or IPv6; returns 0 or a uv error. */
static int stream_wrap_parse_addr(JSContextRef ctx, JSValueRef addr, JSValueRef port, bool v6,
                                  struct sockaddr_storage *out, JSValueRef *exc, bool *threw) {
    *threw = false;
    char *host = rt_to_utf8(ctx, addr, NULL, exc);
    if (!host) {
        *threw = true;
        return UV_EINVAL;
    }
    double p = rt_num(ctx, port);
    int iport = (p >= 0 && p <= 65535) ? (int)p : 0;
    int err = v6 ? uv_ip6_addr(host, iport, (struct sockaddr_in6 *)out)
                 : uv_ip4_addr(host, iport, (struct sockaddr_in *)out);
    free(host);
    return err;
}

static JSValueRef stream_wrap_bind_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                          const JSValueRef argv[], JSValueRef *exc, bool v6) {
    STREAM_WRAP_TCP_PROLOGUE();
    struct sockaddr_storage ss;
    bool threw;
    int err = stream_wrap_parse_addr(ctx, rt_arg(ctx, argc, argv, 0), rt_arg(ctx, argc, argv, 1),
                                     v6, &ss, exc, &threw);
    if (threw) {
        return NULL;
    }
    if (err == 0) {
        unsigned flags = (unsigned)rt_arg_int(ctx, argc, argv, 2);
        err = uv_tcp_bind(&w->h.tcp, (struct sockaddr *)&ss, v6 ? (flags & UV_TCP_IPV6ONLY) : 0);
    }
    return JSValueMakeNumber(ctx, err);
}

/* bind(address, port) / bind6(address, port, flags) -> 0 or a uv error. */
static JSValueRef stream_wrap_bind4(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return stream_wrap_bind_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef stream_wrap_bind6(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return stream_wrap_bind_common(ctx, self, argc, argv, exc, true);
}

static void stream_wrap_connect_cb(uv_connect_t *req, int status) {
    stream_wrap_req_t *r = req->data;
    rt_env_t *env = rt_env_get();
    stream_wrap_t *w = req->handle->data;
    JSValueRef fn = JSObjectGetProperty(env->ctx, r->req_obj, stream_wrap_s_oncomplete, NULL);
    JSObjectRef req_obj = r->req_obj;
    JSValueProtect(env->ctx, req_obj);
    stream_wrap_req_free(env->ctx, r);
    if (w->obj && JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        bool ok = status == 0;
        JSValueRef args[5] = {JSValueMakeNumber(env->ctx, status), w->obj, req_obj,
                              JSValueMakeBoolean(env->ctx, ok), JSValueMakeBoolean(env->ctx, ok)};
        rt_make_callback(env, (JSObjectRef)fn, req_obj, 5, args);
    }
    JSValueUnprotect(env->ctx, req_obj);
}

static JSValueRef stream_wrap_connect_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                             const JSValueRef argv[], JSValueRef *exc, bool v6) {
    STREAM_WRAP_TCP_PROLOGUE();
    if (!stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    struct sockaddr_storage ss;
    bool threw;
    int err = stream_wrap_parse_addr(ctx, rt_arg(ctx, argc, argv, 1), rt_arg(ctx, argc, argv, 2),
                                     v6, &ss, exc, &threw);
    if (threw) {
        return NULL;
    }
    if (err) {
        return JSValueMakeNumber(ctx, err);
    }
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->r.connect.data = r;
    err = uv_tcp_connect(&r->r.connect, &w->h.tcp, (struct sockaddr *)&ss, stream_wrap_connect_cb);
    if (err) {
        stream_wrap_req_free(ctx, r);
    }
    return JSValueMakeNumber(ctx, err);
}

/* connect(req, address, port) / connect6(...) -> 0 or a uv error; then
 * req.oncomplete(status, handle, req, readable, writable). */
static JSValueRef stream_wrap_connect4(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return stream_wrap_connect_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef stream_wrap_connect6(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return stream_wrap_connect_common(ctx, self, argc, argv, exc, true);
}

/* Fills out.address / out.family / out.port from a socket address. */
static void stream_wrap_addr_to_js(JSContextRef ctx, const struct sockaddr *sa, JSObjectRef out) {
    char ip[INET6_ADDRSTRLEN + 1] = "";
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)sa;
        uv_ip6_name(a6, ip, sizeof(ip));
        rt_set_str(ctx, out, "address", ip);
        rt_set_str(ctx, out, "family", "IPv6");
        rt_set_num(ctx, out, "port", ntohs(a6->sin6_port));
    } else if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *a4 = (const struct sockaddr_in *)sa;
        uv_ip4_name(a4, ip, sizeof(ip));
        rt_set_str(ctx, out, "address", ip);
        rt_set_str(ctx, out, "family", "IPv4");
        rt_set_num(ctx, out, "port", ntohs(a4->sin_port));
    }
}

static JSValueRef stream_wrap_name_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                          const JSValueRef argv[], JSValueRef *exc, bool peer) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    JSValueRef out = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, out)) {
        return rt_throw_type_error(ctx, exc, "out must be an object");
    }
    if (!stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    int err;
    if (w->kind == STREAM_WRAP_TCP) {
        struct sockaddr_storage ss;
        int len = sizeof(ss);
        err = peer ? uv_tcp_getpeername(&w->h.tcp, (struct sockaddr *)&ss, &len)
                   : uv_tcp_getsockname(&w->h.tcp, (struct sockaddr *)&ss, &len);
        if (err == 0) {
            stream_wrap_addr_to_js(ctx, (struct sockaddr *)&ss, (JSObjectRef)out);
        }
    } else if (w->kind == STREAM_WRAP_PIPE) {
        char buf[4096];
        size_t len = sizeof(buf);
        err = peer ? uv_pipe_getpeername(&w->h.pipe, buf, &len)
                   : uv_pipe_getsockname(&w->h.pipe, buf, &len);
        if (err == 0) {
            rt_set(ctx, (JSObjectRef)out, "address", rt_string_from_utf8(ctx, buf, len));
        }
    } else {
        err = UV_EINVAL;
    }
    return JSValueMakeNumber(ctx, err);
}

/* getsockname(out) / getpeername(out) -> 0 or a uv error. */
static JSValueRef stream_wrap_getsockname(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return stream_wrap_name_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef stream_wrap_getpeername(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return stream_wrap_name_common(ctx, self, argc, argv, exc, true);
}

static JSValueRef stream_wrap_set_no_delay(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    STREAM_WRAP_TCP_PROLOGUE();
    bool on = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    return JSValueMakeNumber(ctx, uv_tcp_nodelay(&w->h.tcp, on));
}

/* setKeepAlive(enable, delaySeconds) -> 0 or a uv error. */
static JSValueRef stream_wrap_set_keep_alive(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    STREAM_WRAP_TCP_PROLOGUE();
    bool on = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    int64_t delay = rt_arg_int(ctx, argc, argv, 1);
    if (delay < 1) {
        delay = 1;
    } else if (delay > INT32_MAX) {
        delay = INT32_MAX;
    }
    return JSValueMakeNumber(ctx, uv_tcp_keepalive(&w->h.tcp, on, (unsigned)delay));
}

static JSValueRef stream_wrap_tcp_open(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    STREAM_WRAP_TCP_PROLOGUE();
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (fd < 0 || fd > INT32_MAX) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    return JSValueMakeNumber(ctx, uv_tcp_open(&w->h.tcp, (uv_os_sock_t)fd));
}

/* reset([callback]): closes the connection with a RST; callback runs from the close phase. */
static JSValueRef stream_wrap_reset(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    STREAM_WRAP_TCP_PROLOGUE();
    JSValueRef cb = rt_arg(ctx, argc, argv, 0);
    int err = uv_tcp_close_reset(&w->h.tcp, stream_wrap_close_cb);
    if (err) {
        return JSValueMakeNumber(ctx, err);
    }
    if (JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        w->close_cb = (JSObjectRef)cb;
        JSValueProtect(ctx, cb);
    }
    w->closing = true;
    stream_wrap_detach(w);
    return JSValueMakeNumber(ctx, 0);
}

/* Accepts a pending connection into a new handle of the server's kind and calls
 * server.onconnection(status, client). */
static void stream_wrap_connection_cb(uv_stream_t *server, int status) {
    stream_wrap_t *w = server->data;
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    if (!w->obj) {
        return;
    }
    if (status < 0) {
        JSValueRef args[1] = {JSValueMakeNumber(ctx, status)};
        stream_wrap_call(w, "onconnection", 1, args);
        return;
    }
    JSObjectRef client_obj;
    stream_wrap_t *c;
    int err;
    if (w->kind == STREAM_WRAP_TCP) {
        client_obj = stream_wrap_make(ctx, stream_wrap_tcp_class, STREAM_WRAP_TCP);
        c = JSObjectGetPrivate(client_obj);
        err = uv_tcp_init(env->loop, &c->h.tcp);
    } else {
        client_obj = stream_wrap_make(ctx, stream_wrap_pipe_class, STREAM_WRAP_PIPE);
        c = JSObjectGetPrivate(client_obj);
        err = uv_pipe_init(env->loop, &c->h.pipe, 0);
    }
    if (err == 0) {
        stream_wrap_set_initialized(ctx, c);
        err = uv_accept(server, &c->h.stream);
        if (err) {
            c->closing = true;
            uv_close(&c->h.handle, stream_wrap_close_cb);
        }
    }
    if (err) {
        JSValueRef args[1] = {JSValueMakeNumber(ctx, err)};
        stream_wrap_call(w, "onconnection", 1, args);
        return;
    }
    JSValueRef args[2] = {JSValueMakeNumber(ctx, 0), client_obj};
    stream_wrap_call(w, "onconnection", 2, args);
}

/* listen(backlog) -> 0 or a uv error; connections arrive at handle.onconnection. */
static JSValueRef stream_wrap_listen(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->kind == STREAM_WRAP_TTY || !stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    int64_t backlog = rt_arg_int(ctx, argc, argv, 0);
    if (backlog < 0 || backlog > INT32_MAX) {
        backlog = 511;
    }
    return JSValueMakeNumber(ctx, uv_listen(&w->h.stream, (int)backlog,
                                            stream_wrap_connection_cb));
}

/* Pipe bind(path) -> 0 or a uv error. */
static JSValueRef stream_wrap_pipe_bind(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    size_t len;
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), &len, exc);
    if (!path) {
        return NULL;
    }
    int err = UV_EINVAL;
    if (w->kind == STREAM_WRAP_PIPE && stream_wrap_usable(w)) {
        err = strlen(path) == len ? uv_pipe_bind(&w->h.pipe, path) : UV_EINVAL;
    }
    free(path);
    return JSValueMakeNumber(ctx, err);
}

/* Pipe connect(req, path) -> 0 or a uv error; then req.oncomplete(status, handle, req, r, w). */
static JSValueRef stream_wrap_pipe_connect(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    size_t len;
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &len, exc);
    if (!path) {
        return NULL;
    }
    if (w->kind != STREAM_WRAP_PIPE || !stream_wrap_usable(w)) {
        free(path);
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    if (strlen(path) != len) {
        free(path);
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->r.connect.data = r;
    uv_pipe_connect(&r->r.connect, &w->h.pipe, path, stream_wrap_connect_cb);
    free(path);
    return JSValueMakeNumber(ctx, 0);
}

/* Pipe fchmod(mode) -> 0 or a uv error; mode is UV_READABLE | UV_WRITABLE bits. */
static JSValueRef stream_wrap_pipe_chmod(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->kind != STREAM_WRAP_PIPE || !stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    return JSValueMakeNumber(ctx, uv_pipe_chmod(&w->h.pipe, (int)rt_arg_int(ctx, argc, argv, 0)));
}

/* ---- properties ---- */

static JSValueRef stream_wrap_get_fd(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                     JSValueRef *exc) {
    stream_wrap_t *w = JSObjectGetPrivate(obj);
    uv_os_fd_t fd;
    if (!w || !stream_wrap_usable(w) || uv_fileno(&w->h.handle, &fd) != 0) {
        return JSValueMakeNumber(ctx, -1);
    }
    return JSValueMakeNumber(ctx, fd);
}

static JSValueRef stream_wrap_get_write_queue_size(JSContextRef ctx, JSObjectRef obj,
                                                   JSStringRef name, JSValueRef *exc) {
    stream_wrap_t *w = JSObjectGetPrivate(obj);
    if (!w || !stream_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, 0);
    }
    return JSValueMakeNumber(ctx, (double)w->h.stream.write_queue_size);
}

static const JSStaticValue stream_wrap_values[] = {
    {"fd", stream_wrap_get_fd, NULL, kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
    {"writeQueueSize", stream_wrap_get_write_queue_size, NULL,
     kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
    {0, 0, 0, 0},
};

static const JSStaticFunction stream_wrap_methods[] = {
    {"readStart", stream_wrap_read_start, RT_FN_ATTRS},
    {"readStop", stream_wrap_read_stop, RT_FN_ATTRS},
    {"writeBuffer", stream_wrap_write_buffer, RT_FN_ATTRS},
    {"writeUtf8String", stream_wrap_write_utf8, RT_FN_ATTRS},
    {"writeLatin1String", stream_wrap_write_latin1, RT_FN_ATTRS},
    {"writev", stream_wrap_writev, RT_FN_ATTRS},
    {"shutdown", stream_wrap_shutdown, RT_FN_ATTRS},
    {"close", stream_wrap_close, RT_FN_ATTRS},
    {"ref", stream_wrap_ref, RT_FN_ATTRS},
    {"unref", stream_wrap_unref, RT_FN_ATTRS},
    {"hasRef", stream_wrap_has_ref, RT_FN_ATTRS},
    {"setBlocking", stream_wrap_set_blocking, RT_FN_ATTRS},
    {0, 0, 0},
};

static const JSStaticFunction stream_wrap_pipe_methods[] = {
    {"open", stream_wrap_open, RT_FN_ATTRS},
    {"bind", stream_wrap_pipe_bind, RT_FN_ATTRS},
    {"listen", stream_wrap_listen, RT_FN_ATTRS},
    {"connect", stream_wrap_pipe_connect, RT_FN_ATTRS},
    {"fchmod", stream_wrap_pipe_chmod, RT_FN_ATTRS},
    {0, 0, 0},
};

static const JSStaticFunction stream_wrap_tty_methods[] = {
    {"setRawMode", stream_wrap_set_raw_mode, RT_FN_ATTRS},
    {"getWindowSize", stream_wrap_get_window_size, RT_FN_ATTRS},
    {0, 0, 0},
};

static const JSStaticFunction stream_wrap_tcp_methods[] = {
    {"open", stream_wrap_tcp_open, RT_FN_ATTRS},
    {"bind", stream_wrap_bind4, RT_FN_ATTRS},
    {"bind6", stream_wrap_bind6, RT_FN_ATTRS},
    {"listen", stream_wrap_listen, RT_FN_ATTRS},
    {"connect", stream_wrap_connect4, RT_FN_ATTRS},
    {"connect6", stream_wrap_connect6, RT_FN_ATTRS},
    {"getsockname", stream_wrap_getsockname, RT_FN_ATTRS},
    {"getpeername", stream_wrap_getpeername, RT_FN_ATTRS},
    {"setNoDelay", stream_wrap_set_no_delay, RT_FN_ATTRS},
    {"setKeepAlive", stream_wrap_set_keep_alive, RT_FN_ATTRS},
    {"reset", stream_wrap_reset, RT_FN_ATTRS},
    {0, 0, 0},
};

static void stream_wrap_classes_init(void) {
    if (stream_wrap_base_class) {
        return;
    }
    JSClassDefinition base = kJSClassDefinitionEmpty;
    base.className = "StreamBase";
    base.staticFunctions = stream_wrap_methods;
    base.staticValues = stream_wrap_values;
    base.finalize = stream_wrap_finalize;
    stream_wrap_base_class = JSClassCreate(&base);

    JSClassDefinition pipe = kJSClassDefinitionEmpty;
    pipe.className = "Pipe";
    pipe.parentClass = stream_wrap_base_class;
    pipe.staticFunctions = stream_wrap_pipe_methods;
    stream_wrap_pipe_class = JSClassCreate(&pipe);

    JSClassDefinition tty = kJSClassDefinitionEmpty;
    tty.className = "TTY";
    tty.parentClass = stream_wrap_base_class;
    tty.staticFunctions = stream_wrap_tty_methods;
    stream_wrap_tty_class = JSClassCreate(&tty);

    JSClassDefinition tcp = kJSClassDefinitionEmpty;
    tcp.className = "TCP";
    tcp.parentClass = stream_wrap_base_class;
    tcp.staticFunctions = stream_wrap_tcp_methods;
    stream_wrap_tcp_class = JSClassCreate(&tcp);
}

static void stream_wrap_define_ctor(rt_env_t *env, JSObjectRef target, const char *name,
                                    JSClassRef cls, JSObjectCallAsConstructorCallback cb) {
    JSObjectRef ctor = JSObjectMakeConstructor(env->ctx, cls, cb);
    rt_set(env->ctx, target, name, ctor);
}

/* getActiveHandles() -> the handle objects that are open and ref'd (they keep the loop
 * alive), newest first. */
static JSValueRef stream_wrap_get_active_handles(JSContextRef ctx, JSObjectRef fn,
                                                 JSObjectRef self, size_t argc,
                                                 const JSValueRef argv[], JSValueRef *exc) {
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    unsigned n = 0;
    for (stream_wrap_t *w = stream_wrap_open_list; w; w = w->next) {
        if (w->obj && stream_wrap_usable(w) && uv_has_ref(&w->h.handle)) {
            JSObjectSetPropertyAtIndex(ctx, list, n++, w->obj, NULL);
        }
    }
    return list;
}

/* getActiveHandlesInfo() -> the resource names of those handles, as node's
 * process.getActiveResourcesInfo() lists them ('TCPSocketWrap', 'PipeWrap', ...). */
static JSValueRef stream_wrap_get_active_handles_info(JSContextRef ctx, JSObjectRef fn,
                                                      JSObjectRef self, size_t argc,
                                                      const JSValueRef argv[], JSValueRef *exc) {
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    unsigned n = 0;
    for (stream_wrap_t *w = stream_wrap_open_list; w; w = w->next) {
        if (!stream_wrap_usable(w) || !uv_has_ref(&w->h.handle)) {
            continue;
        }
        bool server = w->type == STREAM_WRAP_SERVER;
        const char *name;
        if (w->kind == STREAM_WRAP_TTY) {
            name = "TTYWrap";
        } else if (w->kind == STREAM_WRAP_TCP) {
            name = server ? "TCPServerWrap" : "TCPSocketWrap";
        } else {
            name = server ? "PipeServerWrap" : "PipeWrap";
        }
        JSObjectSetPropertyAtIndex(ctx, list, n++, rt_string_from_cstr(ctx, name), NULL);
    }
    return list;
}

static const JSStaticFunction stream_wrap_functions[] = {
    {"getActiveHandles", stream_wrap_get_active_handles, RT_FN_ATTRS},
    {"getActiveHandlesInfo", stream_wrap_get_active_handles_info, RT_FN_ATTRS},
    {0, 0, 0},
};

static void stream_wrap_state_free(void *bytes, void *unused) {
    free(bytes);
}

void rt_binding_stream_wrap_init(rt_env_t *env, JSObjectRef target) {
    if (!stream_wrap_s_oncomplete) {
        stream_wrap_s_oncomplete = rt_jsstr("oncomplete");
        stream_wrap_s_onread = rt_jsstr("onread");
    }
    rt_define_functions(env, target, stream_wrap_functions);
    /* Freed with the array when the context goes; the binding object (cached for the
     * context's life) keeps it until then. */
    stream_wrap_write_state = calloc(2, sizeof(double));
    RT_CHECK(stream_wrap_write_state != NULL);
    rt_set(env->ctx, target, "writeState",
           JSObjectMakeTypedArrayWithBytesNoCopy(env->ctx, kJSTypedArrayTypeFloat64Array,
                                                 stream_wrap_write_state, 2 * sizeof(double),
                                                 stream_wrap_state_free, NULL, NULL));
    stream_wrap_classes_init();
    stream_wrap_define_ctor(env, target, "Pipe", stream_wrap_pipe_class, stream_wrap_pipe_new);
    stream_wrap_define_ctor(env, target, "TTY", stream_wrap_tty_class, stream_wrap_tty_new);
    stream_wrap_define_ctor(env, target, "TCP", stream_wrap_tcp_class, stream_wrap_tcp_new);
    JSObjectRef constants = JSObjectMake(env->ctx, NULL, NULL);
    rt_set_num(env->ctx, constants, "SOCKET", STREAM_WRAP_SOCKET);
    rt_set_num(env->ctx, constants, "SERVER", STREAM_WRAP_SERVER);
    rt_set_num(env->ctx, constants, "IPC", STREAM_WRAP_IPC);
    rt_set_num(env->ctx, constants, "UV_TCP_IPV6ONLY", UV_TCP_IPV6ONLY);
    rt_set_num(env->ctx, constants, "UV_READABLE", UV_READABLE);
    rt_set_num(env->ctx, constants, "UV_WRITABLE", UV_WRITABLE);
    rt_set(env->ctx, target, "constants", constants);
}
