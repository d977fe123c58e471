/* stream_wrap.c: the `stream_wrap` binding: Pipe and TTY handles over libuv streams (read,
 * write, shutdown, close), the native half of child process stdio, IPC channels and stdin. */
#include "binding/stream_wrap.h"

#include <stdlib.h>
#include <string.h>

enum { STREAM_WRAP_PIPE, STREAM_WRAP_TTY };
/* Pipe types, as Node's pipe_wrap.constants. */
enum { STREAM_WRAP_SOCKET = 0, STREAM_WRAP_SERVER = 1, STREAM_WRAP_IPC = 2 };

typedef struct stream_wrap {
    union {
        uv_handle_t handle;
        uv_stream_t stream;
        uv_pipe_t pipe;
        uv_tty_t tty;
    } h;
    JSObjectRef obj;      /* protected from init until the close callback */
    JSObjectRef close_cb; /* protected while set */
    int kind;
    bool initialized; /* the uv handle exists and must be closed */
    bool closing;
    bool closed;
    bool finalized;
} stream_wrap_t;

/* A write or shutdown in flight: keeps its request object and its data alive. */
typedef struct {
    union {
        uv_write_t write;
        uv_shutdown_t shutdown;
    } r;
    JSObjectRef req_obj; /* protected */
    JSValueRef data;     /* protected, or NULL */
    char *copy;          /* owned bytes (strings), or NULL */
    uv_buf_t *bufs;      /* owned when more than one */
} stream_wrap_req_t;

static JSClassRef stream_wrap_base_class;
static JSClassRef stream_wrap_pipe_class;
static JSClassRef stream_wrap_tty_class;

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
    w->h.handle.data = w;
    JSValueProtect(ctx, w->obj);
}

/* new Pipe(type): type is 0 (socket), 1 (server) or 2 (IPC). */
static JSObjectRef stream_wrap_pipe_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                        const JSValueRef argv[], JSValueRef *exc) {
    int64_t type = rt_arg_int(ctx, argc, argv, 0);
    JSObjectRef obj = stream_wrap_make(ctx, stream_wrap_pipe_class, STREAM_WRAP_PIPE);
    stream_wrap_t *w = JSObjectGetPrivate(obj);
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

static void stream_wrap_alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    buf->base = malloc(STREAM_WRAP_READ_SIZE);
    buf->len = buf->base ? STREAM_WRAP_READ_SIZE : 0;
}

static void stream_wrap_call(stream_wrap_t *w, const char *name, size_t argc,
                             const JSValueRef argv[]) {
    rt_env_t *env = rt_env_get();
    if (!w->obj) {
        return;
    }
    JSValueRef fn = rt_get(env->ctx, w->obj, name);
    if (JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        rt_make_callback(env, (JSObjectRef)fn, w->obj, argc, argv);
    }
}

/* Calls handle.onread(nread, chunk): chunk is a Uint8Array when nread > 0; a negative nread
 * is a uv error code (UV_EOF at the end). */
static void stream_wrap_on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
    stream_wrap_t *w = s->data;
    rt_env_t *env = rt_env_get();
    if (nread == 0) {
        free(buf->base);
        return;
    }
    if (nread < 0) {
        free(buf->base);
        JSValueRef args[1] = {JSValueMakeNumber(env->ctx, (double)nread)};
        stream_wrap_call(w, "onread", 1, args);
        return;
    }
    char *data = buf->base;
    if ((size_t)nread < STREAM_WRAP_READ_SIZE / 2) {
        char *shrunk = realloc(data, (size_t)nread);
        if (shrunk) {
            data = shrunk;
        }
    }
    JSObjectRef chunk = rt_uint8array_take(env->ctx, (uint8_t *)data, (size_t)nread, NULL);
    if (!chunk) {
        return;
    }
    JSValueRef args[2] = {JSValueMakeNumber(env->ctx, (double)nread), chunk};
    stream_wrap_call(w, "onread", 2, args);
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
    free(r->copy);
    free(r->bufs);
    free(r);
}

/* Calls req.oncomplete(status) and releases the request. */
static void stream_wrap_req_done(stream_wrap_req_t *r, int status) {
    rt_env_t *env = rt_env_get();
    JSValueRef fn = rt_get(env->ctx, r->req_obj, "oncomplete");
    JSObjectRef req_obj = r->req_obj;
    JSValueProtect(env->ctx, req_obj);
    stream_wrap_req_free(env->ctx, r);
    if (JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        JSValueRef args[1] = {JSValueMakeNumber(env->ctx, status)};
        rt_make_callback(env, (JSObjectRef)fn, req_obj, 1, args);
    }
    JSValueUnprotect(env->ctx, req_obj);
}

static void stream_wrap_write_cb(uv_write_t *req, int status) {
    stream_wrap_req_done(req->data, status);
}

/* Writes bufs: what the kernel takes at once is written now (req.async = false when that is
 * everything); the rest is queued and req.oncomplete(status) is called when it is done.
 * Takes ownership of r. Returns 0 or a uv error (then r is freed and nothing is called). */
static int stream_wrap_do_write(JSContextRef ctx, stream_wrap_t *w, stream_wrap_req_t *r,
                                uv_buf_t *bufs, size_t nbufs, size_t total) {
    rt_set_num(ctx, r->req_obj, "bytes", (double)total);
    size_t skip = 0;
    /* IPC pipes may need to send handles in order, and a queued write must stay in order:
     * only try a direct write when nothing is queued. */
    if (w->h.stream.write_queue_size == 0 && nbufs > 0) {
        int n = uv_try_write(&w->h.stream, bufs, (unsigned)nbufs);
        if (n == (int)total) {
            rt_set_bool(ctx, r->req_obj, "async", false);
            stream_wrap_req_free(ctx, r);
            return 0;
        }
        if (n > 0) {
            skip = (size_t)n;
        } else if (n != UV_EAGAIN && n != UV_ENOSYS) {
            stream_wrap_req_free(ctx, r);
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
    rt_set_bool(ctx, r->req_obj, "async", true);
    r->r.write.data = r;
    int err = uv_write(&r->r.write, &w->h.stream, bufs + first, (unsigned)(nbufs - first),
                       stream_wrap_write_cb);
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

/* writeBuffer(req, bytes) -> 0 or a uv error. */
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
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->data = data;
    JSValueProtect(ctx, data);
    uv_buf_t buf = uv_buf_init((char *)(bytes ? bytes : (uint8_t *)""), (unsigned)len);
    return JSValueMakeNumber(ctx, stream_wrap_do_write(ctx, w, r, &buf, 1, len));
}

/* writeUtf8String(req, string) -> 0 or a uv error. */
static JSValueRef stream_wrap_write_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    stream_wrap_t *w = stream_wrap_this(ctx, self, exc);
    if (!w || !stream_wrap_check_req(ctx, argc, argv, exc)) {
        return NULL;
    }
    size_t len;
    char *s = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &len, exc);
    if (!s) {
        return NULL;
    }
    if (!stream_wrap_usable(w)) {
        free(s);
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->copy = s;
    uv_buf_t buf = uv_buf_init(s, (unsigned)len);
    return JSValueMakeNumber(ctx, stream_wrap_do_write(ctx, w, r, &buf, 1, len));
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
    double n = JSValueToNumber(ctx, rt_get(ctx, (JSObjectRef)list, "length"), NULL);
    if (!(n >= 0 && n <= 1 << 20)) {
        return rt_throw_type_error(ctx, exc, "chunks must be an array");
    }
    size_t nbufs = (size_t)n;
    uv_buf_t *bufs = calloc(nbufs ? nbufs : 1, sizeof(uv_buf_t));
    RT_CHECK(bufs != NULL);
    size_t total = 0;
    for (size_t i = 0; i < nbufs; i++) {
        JSValueRef c = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        size_t len;
        uint8_t *bytes = rt_bytes(ctx, c, &len);
        if (!bytes && len == 0 &&
            (!c || JSValueGetTypedArrayType(ctx, c, NULL) == kJSTypedArrayTypeNone)) {
            free(bufs);
            return rt_throw_type_error(ctx, exc, "chunks[%zu] must be a TypedArray", i);
        }
        bufs[i] = uv_buf_init((char *)(bytes ? bytes : (uint8_t *)""), (unsigned)len);
        total += len;
    }
    if (!stream_wrap_usable(w)) {
        free(bufs);
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    stream_wrap_req_t *r = stream_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    /* The array holds the chunks, so protecting it keeps their bytes alive. */
    r->data = list;
    JSValueProtect(ctx, list);
    r->bufs = bufs;
    return JSValueMakeNumber(ctx, stream_wrap_do_write(ctx, w, r, bufs, nbufs, total));
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
    bool on = JSValueToBoolean(ctx, rt_arg(ctx, argc, argv, 0));
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
    bool raw = JSValueToBoolean(ctx, rt_arg(ctx, argc, argv, 0));
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
    {0, 0, 0},
};

static const JSStaticFunction stream_wrap_tty_methods[] = {
    {"setRawMode", stream_wrap_set_raw_mode, RT_FN_ATTRS},
    {"getWindowSize", stream_wrap_get_window_size, RT_FN_ATTRS},
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
}

static void stream_wrap_define_ctor(rt_env_t *env, JSObjectRef target, const char *name,
                                    JSClassRef cls, JSObjectCallAsConstructorCallback cb) {
    JSObjectRef ctor = JSObjectMakeConstructor(env->ctx, cls, cb);
    rt_set(env->ctx, target, name, ctor);
}

void rt_binding_stream_wrap_init(rt_env_t *env, JSObjectRef target) {
    stream_wrap_classes_init();
    stream_wrap_define_ctor(env, target, "Pipe", stream_wrap_pipe_class, stream_wrap_pipe_new);
    stream_wrap_define_ctor(env, target, "TTY", stream_wrap_tty_class, stream_wrap_tty_new);
    JSObjectRef constants = JSObjectMake(env->ctx, NULL, NULL);
    rt_set_num(env->ctx, constants, "SOCKET", STREAM_WRAP_SOCKET);
    rt_set_num(env->ctx, constants, "SERVER", STREAM_WRAP_SERVER);
    rt_set_num(env->ctx, constants, "IPC", STREAM_WRAP_IPC);
    rt_set(env->ctx, target, "constants", constants);
}
