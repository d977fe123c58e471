/* udp_wrap.c: the `udp_wrap` binding: the UDP handle over libuv's uv_udp_t (bind, connect,
 * send, receive, socket options, multicast), the native half of node:dgram. */
#include "rt/rt.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Not a libuv flag before 1.49: asks bind() for SO_REUSEPORT, which this file sets itself. */
#define UDP_WRAP_REUSEPORT 0x10000
/* Room for the largest datagram (a UDP payload is at most 65507 bytes over IPv4). */
#define UDP_WRAP_READ_SIZE 65536
/* Buffer lists up to this long are built on the stack when sending. */
#define UDP_WRAP_STACK_BUFS 16

typedef struct udp_wrap {
    uv_udp_t udp;
    JSObjectRef obj;      /* protected from init until the close callback */
    JSObjectRef close_cb; /* protected while set */
    bool closing;
    bool closed;
    bool finalized;
    struct udp_wrap *prev;
    struct udp_wrap *next;
} udp_wrap_t;

/* A send in flight: keeps its request object and the buffers' owner alive. */
typedef struct {
    uv_udp_send_t req;
    JSObjectRef req_obj; /* protected */
    JSValueRef list;     /* protected */
    size_t size;
} udp_wrap_send_t;

static JSClassRef udp_wrap_class;
static JSClassRef udp_wrap_send_class;
/* Every handle that is not yet closed (for getActiveHandles). */
static _Thread_local udp_wrap_t *udp_wrap_open_list;

static void udp_wrap_unlink(udp_wrap_t *w) {
    if (w->prev) {
        w->prev->next = w->next;
    } else if (udp_wrap_open_list == w) {
        udp_wrap_open_list = w->next;
    }
    if (w->next) {
        w->next->prev = w->prev;
    }
    w->prev = w->next = NULL;
}

static void udp_wrap_finalize(JSObjectRef obj) {
    udp_wrap_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    /* An open handle is protected, so it is only finalized at context teardown: then the
     * struct is left to the exiting process. */
    w->finalized = true;
    w->obj = NULL;
    if (w->closed) {
        free(w);
    }
}

/* The live wrap behind `self`, or NULL after throwing a TypeError. */
static udp_wrap_t *udp_wrap_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    udp_wrap_t *w = NULL;
    if (self && JSValueIsObjectOfClass(ctx, self, udp_wrap_class)) {
        w = JSObjectGetPrivate(self);
    }
    if (!w) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

static bool udp_wrap_usable(const udp_wrap_t *w) {
    return !w->closing && !w->closed;
}

#define UDP_WRAP_PROLOGUE()                                                                        \
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);                                                 \
    if (!w) {                                                                                      \
        return NULL;                                                                               \
    }                                                                                              \
    if (!udp_wrap_usable(w)) {                                                                     \
        return JSValueMakeNumber(ctx, UV_EBADF);                                                   \
    }

/* new UDP() */
static JSObjectRef udp_wrap_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    int err = uv_udp_init(rt_env_get()->loop, &w->udp);
    if (err) {
        free(w);
        rt_throw_uv(ctx, exc, err, "uv_udp_init", NULL, NULL);
        return NULL;
    }
    JSObjectRef obj = JSObjectMake(ctx, udp_wrap_class, w);
    w->obj = obj;
    w->udp.data = w;
    w->next = udp_wrap_open_list;
    if (udp_wrap_open_list) {
        udp_wrap_open_list->prev = w;
    }
    udp_wrap_open_list = w;
    JSValueProtect(ctx, obj);
    return obj;
}

/* ---- addresses ---- */

/* Parses address (a string) and port into *out; returns 0 or a uv error. Sets *threw (and
 * *exc) when converting the address threw. */
static int udp_wrap_parse_addr(JSContextRef ctx, JSValueRef addr, JSValueRef port, bool v6,
                               struct sockaddr_storage *out, JSValueRef *exc, bool *threw) {
    *threw = false;
    char *host = rt_to_utf8(ctx, addr, NULL, exc);
    if (!host) {
        *threw = true;
        return UV_EINVAL;
    }
    /* As node: ToUint32, then the low 16 bits (-1 is 65535, 70000 is 4464). */
    double p = rt_num(ctx, port);
    int iport = 0;
    if (p == p && p != 1.0 / 0.0 && p != -1.0 / 0.0) {
        iport = (int)((uint32_t)(int64_t)fmod(p < 0 ? ceil(p) : floor(p), 4294967296.0) & 0xffff);
    }
    memset(out, 0, sizeof(*out));
    int err = v6 ? uv_ip6_addr(host, iport, (struct sockaddr_in6 *)out)
                 : uv_ip4_addr(host, iport, (struct sockaddr_in *)out);
    free(host);
    return err;
}

/* Fills out.address / out.family / out.port from a socket address. */
static void udp_wrap_addr_to_js(JSContextRef ctx, const struct sockaddr *sa, JSObjectRef out) {
    char ip[INET6_ADDRSTRLEN + 1] = "";
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)sa;
        uv_ip6_name(a6, ip, sizeof(ip));
        if (a6->sin6_scope_id != 0) {
            /* A link-local address names its interface, as node does: fe80::1%eth0. */
            char full[INET6_ADDRSTRLEN + UV_IF_NAMESIZE + 2];
            char scope[UV_IF_NAMESIZE];
            size_t scope_len = sizeof(scope);
            if (uv_if_indextoname(a6->sin6_scope_id, scope, &scope_len) != 0) {
                snprintf(scope, sizeof(scope), "%u", (unsigned)a6->sin6_scope_id);
            }
            snprintf(full, sizeof(full), "%s%%%s", ip, scope);
            rt_set_str(ctx, out, "address", full);
        } else {
            rt_set_str(ctx, out, "address", ip);
        }
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

/* ---- bind, connect ---- */

/* Binds with SO_REUSEPORT: libuv 1.44 has no flag for it, so the socket is made here. */
static int udp_wrap_bind_reuseport(udp_wrap_t *w, const struct sockaddr *sa, unsigned flags) {
    uv_os_fd_t existing;
    if (uv_fileno((uv_handle_t *)&w->udp, &existing) != 0) {
        int fd = socket(sa->sa_family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0) {
            return -errno;
        }
        int err = uv_udp_open(&w->udp, fd);
        if (err) {
            close(fd);
            return err;
        }
        existing = fd;
    }
#ifdef SO_REUSEPORT
    int on = 1;
    if (setsockopt(existing, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0) {
        return -errno;
    }
#endif
    return uv_udp_bind(&w->udp, sa, flags);
}

static JSValueRef udp_wrap_bind_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                       const JSValueRef argv[], JSValueRef *exc, bool v6) {
    UDP_WRAP_PROLOGUE();
    struct sockaddr_storage ss;
    bool threw;
    int err = udp_wrap_parse_addr(ctx, rt_arg(ctx, argc, argv, 0), rt_arg(ctx, argc, argv, 1), v6,
                                  &ss, exc, &threw);
    if (threw) {
        return NULL;
    }
    if (err == 0) {
        unsigned flags = (unsigned)rt_arg_int(ctx, argc, argv, 2);
        unsigned uv_flags = flags & (UV_UDP_REUSEADDR | (v6 ? UV_UDP_IPV6ONLY : 0));
        if (flags & UDP_WRAP_REUSEPORT) {
            err = udp_wrap_bind_reuseport(w, (struct sockaddr *)&ss, uv_flags);
        } else {
            err = uv_udp_bind(&w->udp, (struct sockaddr *)&ss, uv_flags);
        }
    }
    return JSValueMakeNumber(ctx, err);
}

/* bind(address, port, flags) / bind6(address, port, flags) -> 0 or a uv error. */
static JSValueRef udp_wrap_bind4(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_bind_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef udp_wrap_bind6(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_bind_common(ctx, self, argc, argv, exc, true);
}

static JSValueRef udp_wrap_connect_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                          const JSValueRef argv[], JSValueRef *exc, bool v6) {
    UDP_WRAP_PROLOGUE();
    struct sockaddr_storage ss;
    bool threw;
    int err = udp_wrap_parse_addr(ctx, rt_arg(ctx, argc, argv, 0), rt_arg(ctx, argc, argv, 1), v6,
                                  &ss, exc, &threw);
    if (threw) {
        return NULL;
    }
    if (err == 0) {
        err = uv_udp_connect(&w->udp, (struct sockaddr *)&ss);
    }
    return JSValueMakeNumber(ctx, err);
}

/* connect(address, port) / connect6(address, port) -> 0 or a uv error. */
static JSValueRef udp_wrap_connect4(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_connect_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef udp_wrap_connect6(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_connect_common(ctx, self, argc, argv, exc, true);
}

static JSValueRef udp_wrap_disconnect(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    return JSValueMakeNumber(ctx, uv_udp_connect(&w->udp, NULL));
}

/* open(fd) -> 0 or a uv error: adopts an existing datagram socket. */
static JSValueRef udp_wrap_open(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (fd < 0 || fd > INT32_MAX) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    return JSValueMakeNumber(ctx, uv_udp_open(&w->udp, (uv_os_sock_t)fd));
}

static JSValueRef udp_wrap_name_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                       const JSValueRef argv[], JSValueRef *exc, bool peer) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    JSValueRef out = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, out)) {
        return rt_throw_type_error(ctx, exc, "out must be an object");
    }
    if (!udp_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    struct sockaddr_storage ss;
    int len = sizeof(ss);
    int err = peer ? uv_udp_getpeername(&w->udp, (struct sockaddr *)&ss, &len)
                   : uv_udp_getsockname(&w->udp, (struct sockaddr *)&ss, &len);
    if (err == 0) {
        udp_wrap_addr_to_js(ctx, (struct sockaddr *)&ss, (JSObjectRef)out);
    }
    return JSValueMakeNumber(ctx, err);
}

/* getsockname(out) / getpeername(out) -> 0 or a uv error. */
static JSValueRef udp_wrap_getsockname(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_name_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef udp_wrap_getpeername(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_name_common(ctx, self, argc, argv, exc, true);
}

/* ---- sending ---- */

static void udp_wrap_send_free(JSContextRef ctx, udp_wrap_send_t *s) {
    JSValueUnprotect(ctx, s->req_obj);
    JSValueUnprotect(ctx, s->list);
    free(s);
}

/* Calls req.oncomplete(status, sent) when the request has one. */
static void udp_wrap_send_cb(uv_udp_send_t *req, int status) {
    udp_wrap_send_t *s = req->data;
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    JSObjectRef req_obj = s->req_obj;
    JSValueProtect(ctx, req_obj);
    size_t size = s->size;
    udp_wrap_send_free(ctx, s);
    JSValueRef fn = rt_get(ctx, req_obj, "oncomplete");
    if (JSValueIsObject(ctx, fn) && JSObjectIsFunction(ctx, (JSObjectRef)fn)) {
        JSValueRef args[2] = {JSValueMakeNumber(ctx, status),
                              JSValueMakeNumber(ctx, status == 0 ? (double)size : 0)};
        rt_make_callback(env, (JSObjectRef)fn, req_obj, 2, args);
    }
    JSValueUnprotect(ctx, req_obj);
}

/* send(req, list, count, port, address, hasCallback) sends to an address;
 * send(req, list, count, hasCallback) sends on a connected socket (send6 is the IPv6 form).
 * list holds Uint8Arrays. Returns size + 1 when the datagram went out at once (no callback
 * follows), 0 when it is queued (req.oncomplete(status, sent) follows), or a uv error. */
static JSValueRef udp_wrap_send_common(JSContextRef ctx, JSObjectRef self, size_t argc,
                                       const JSValueRef argv[], JSValueRef *exc, bool v6) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    JSValueRef req = rt_arg(ctx, argc, argv, 0);
    JSValueRef list = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsObject(ctx, req)) {
        return rt_throw_type_error(ctx, exc, "req must be an object");
    }
    if (!JSValueIsArray(ctx, list)) {
        return rt_throw_type_error(ctx, exc, "list must be an array");
    }
    double n = rt_arg_num(ctx, argc, argv, 2);
    double len = rt_num(ctx, rt_get(ctx, (JSObjectRef)list, "length"));
    if (!(n >= 0 && n <= len && n <= 1024)) {
        return rt_throw_type_error(ctx, exc, "count is out of range");
    }
    if (!udp_wrap_usable(w)) {
        return JSValueMakeNumber(ctx, UV_EBADF);
    }
    bool connected = argc <= 4;
    struct sockaddr_storage ss;
    if (!connected) {
        bool threw;
        int err = udp_wrap_parse_addr(ctx, rt_arg(ctx, argc, argv, 4), rt_arg(ctx, argc, argv, 3),
                                      v6, &ss, exc, &threw);
        if (threw) {
            return NULL;
        }
        if (err) {
            return JSValueMakeNumber(ctx, err);
        }
    }
    size_t nbufs = (size_t)n;
    /* libuv copies the buffer list into its request, so it only has to live for this call. */
    uv_buf_t stack_bufs[UDP_WRAP_STACK_BUFS];
    uv_buf_t *bufs = nbufs <= UDP_WRAP_STACK_BUFS ? stack_bufs : calloc(nbufs, sizeof(uv_buf_t));
    RT_CHECK(bufs != NULL);
    bufs[0] = uv_buf_init((char *)"", 0);
    size_t total = 0;
    for (size_t i = 0; i < nbufs; i++) {
        JSValueRef c = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        size_t blen;
        uint8_t *bytes = rt_bytes(ctx, c, &blen);
        if (!bytes && (!c || JSValueGetTypedArrayType(ctx, c, NULL) == kJSTypedArrayTypeNone)) {
            if (bufs != stack_bufs) {
                free(bufs);
            }
            return rt_throw_type_error(ctx, exc, "list[%zu] must be a TypedArray", i);
        }
        bufs[i] = uv_buf_init((char *)(bytes ? bytes : (uint8_t *)""), (unsigned)blen);
        total += blen;
    }
    const struct sockaddr *addr = connected ? NULL : (struct sockaddr *)&ss;
    unsigned count = nbufs == 0 ? 1 : (unsigned)nbufs;
    int err = 0;
    /* A datagram goes out whole or not at all: try it now when nothing is queued. */
    if (w->udp.send_queue_count == 0) {
        int sent = uv_udp_try_send(&w->udp, bufs, count, addr);
        if (sent >= 0) {
            if (bufs != stack_bufs) {
                free(bufs);
            }
            return JSValueMakeNumber(ctx, (double)total + 1);
        }
        if (sent != UV_EAGAIN && sent != UV_ENOSYS) {
            err = sent;
        }
    }
    if (err == 0) {
        udp_wrap_send_t *s = calloc(1, sizeof(*s));
        RT_CHECK(s != NULL);
        s->size = total;
        s->req_obj = (JSObjectRef)req;
        JSValueProtect(ctx, req);
        /* The list holds the chunks, so protecting it keeps their bytes alive. */
        s->list = list;
        JSValueProtect(ctx, list);
        s->req.data = s;
        err = uv_udp_send(&s->req, &w->udp, bufs, count, addr, udp_wrap_send_cb);
        if (err) {
            udp_wrap_send_free(ctx, s);
        }
    }
    if (bufs != stack_bufs) {
        free(bufs);
    }
    return JSValueMakeNumber(ctx, err);
}

static JSValueRef udp_wrap_send4(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_send_common(ctx, self, argc, argv, exc, false);
}

static JSValueRef udp_wrap_send6(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_send_common(ctx, self, argc, argv, exc, true);
}

/* ---- receiving ---- */

static void udp_wrap_alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    buf->base = malloc(UDP_WRAP_READ_SIZE);
    buf->len = buf->base ? UDP_WRAP_READ_SIZE : 0;
}

static void udp_wrap_call(udp_wrap_t *w, size_t argc, const JSValueRef argv[]) {
    rt_env_t *env = rt_env_get();
    if (!w->obj) {
        return;
    }
    JSValueRef fn = rt_get(env->ctx, w->obj, "onmessage");
    if (JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        rt_make_callback(env, (JSObjectRef)fn, w->obj, argc, argv);
    }
}

/* Calls handle.onmessage(nread, handle, bytes, rinfo) for a datagram (nread may be 0 for an
 * empty one), or handle.onmessage(error, handle) for a receive error. */
static void udp_wrap_on_recv(uv_udp_t *h, ssize_t nread, const uv_buf_t *buf,
                             const struct sockaddr *addr, unsigned flags) {
    udp_wrap_t *w = h->data;
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    if (nread == 0 && addr == NULL) {
        /* Nothing more to read right now. */
        free(buf->base);
        return;
    }
    if (nread < 0) {
        free(buf->base);
        if (!w->obj) {
            return;
        }
        JSValueRef args[2] = {JSValueMakeNumber(ctx, (double)nread), w->obj};
        udp_wrap_call(w, 2, args);
        return;
    }
    if (!w->obj) {
        free(buf->base);
        return;
    }
    char *data = buf->base;
    if ((size_t)nread < UDP_WRAP_READ_SIZE / 2) {
        char *shrunk = realloc(data, nread ? (size_t)nread : 1);
        if (shrunk) {
            data = shrunk;
        }
    }
    JSObjectRef bytes = rt_uint8array_take(ctx, (uint8_t *)data, (size_t)nread, NULL);
    if (!bytes) {
        return;
    }
    JSObjectRef rinfo = JSObjectMake(ctx, NULL, NULL);
    udp_wrap_addr_to_js(ctx, addr, rinfo);
    JSValueRef args[4] = {JSValueMakeNumber(ctx, (double)nread), w->obj, bytes, rinfo};
    udp_wrap_call(w, 4, args);
}

static JSValueRef udp_wrap_recv_start(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    int err = uv_udp_recv_start(&w->udp, udp_wrap_alloc_cb, udp_wrap_on_recv);
    return JSValueMakeNumber(ctx, err == UV_EALREADY ? 0 : err);
}

static JSValueRef udp_wrap_recv_stop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    return JSValueMakeNumber(ctx, uv_udp_recv_stop(&w->udp));
}

/* ---- options ---- */

static JSValueRef udp_wrap_set_broadcast(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    bool on = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    return JSValueMakeNumber(ctx, uv_udp_set_broadcast(&w->udp, on));
}

static JSValueRef udp_wrap_set_multicast_loopback(JSContextRef ctx, JSObjectRef fn,
                                                  JSObjectRef self, size_t argc,
                                                  const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    bool on = rt_bool(ctx, rt_arg(ctx, argc, argv, 0));
    return JSValueMakeNumber(ctx, uv_udp_set_multicast_loop(&w->udp, on));
}

static JSValueRef udp_wrap_set_ttl(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    int64_t ttl = rt_arg_int(ctx, argc, argv, 0);
    if (ttl < 0 || ttl > 255) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    return JSValueMakeNumber(ctx, uv_udp_set_ttl(&w->udp, (int)ttl));
}

static JSValueRef udp_wrap_set_multicast_ttl(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    int64_t ttl = rt_arg_int(ctx, argc, argv, 0);
    if (ttl < 0 || ttl > 255) {
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    return JSValueMakeNumber(ctx, uv_udp_set_multicast_ttl(&w->udp, (int)ttl));
}

/* A string argument as malloc'd UTF-8, or NULL for undefined/null (or when ToString threw:
 * *threw then says so). */
static char *udp_wrap_opt_string(JSContextRef ctx, JSValueRef v, JSValueRef *exc, bool *threw) {
    *threw = false;
    if (JSValueIsUndefined(ctx, v) || JSValueIsNull(ctx, v)) {
        return NULL;
    }
    char *s = rt_to_utf8(ctx, v, NULL, exc);
    if (!s) {
        *threw = true;
    }
    return s;
}

static JSValueRef udp_wrap_set_multicast_interface(JSContextRef ctx, JSObjectRef fn,
                                                   JSObjectRef self, size_t argc,
                                                   const JSValueRef argv[], JSValueRef *exc) {
    UDP_WRAP_PROLOGUE();
    char *iface = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!iface) {
        return NULL;
    }
    int err = uv_udp_set_multicast_interface(&w->udp, iface);
    free(iface);
    return JSValueMakeNumber(ctx, err);
}

static JSValueRef udp_wrap_membership(JSContextRef ctx, JSObjectRef self, size_t argc,
                                      const JSValueRef argv[], JSValueRef *exc,
                                      uv_membership which) {
    UDP_WRAP_PROLOGUE();
    char *group = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!group) {
        return NULL;
    }
    bool threw;
    char *iface = udp_wrap_opt_string(ctx, rt_arg(ctx, argc, argv, 1), exc, &threw);
    if (threw) {
        free(group);
        return NULL;
    }
    int err = uv_udp_set_membership(&w->udp, group, iface, which);
    free(group);
    free(iface);
    return JSValueMakeNumber(ctx, err);
}

/* addMembership(group, iface) / dropMembership(group, iface) -> 0 or a uv error. */
static JSValueRef udp_wrap_add_membership(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_membership(ctx, self, argc, argv, exc, UV_JOIN_GROUP);
}

static JSValueRef udp_wrap_drop_membership(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_membership(ctx, self, argc, argv, exc, UV_LEAVE_GROUP);
}

static JSValueRef udp_wrap_ssm(JSContextRef ctx, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc, uv_membership which) {
    UDP_WRAP_PROLOGUE();
    char *source = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!source) {
        return NULL;
    }
    char *group = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), NULL, exc);
    if (!group) {
        free(source);
        return NULL;
    }
    bool threw;
    char *iface = udp_wrap_opt_string(ctx, rt_arg(ctx, argc, argv, 2), exc, &threw);
    if (threw) {
        free(source);
        free(group);
        return NULL;
    }
    int err = uv_udp_set_source_membership(&w->udp, group, iface, source, which);
    free(source);
    free(group);
    free(iface);
    return JSValueMakeNumber(ctx, err);
}

/* addSourceSpecificMembership(source, group, iface) and the drop form. */
static JSValueRef udp_wrap_add_ssm(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_ssm(ctx, self, argc, argv, exc, UV_JOIN_GROUP);
}

static JSValueRef udp_wrap_drop_ssm(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return udp_wrap_ssm(ctx, self, argc, argv, exc, UV_LEAVE_GROUP);
}

/* bufferSize(size, isRecv, ctx) -> the buffer size (size 0 reads it, otherwise sets it), or
 * undefined after filling ctx with { errno, code, message, syscall }. */
static JSValueRef udp_wrap_buffer_size(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    JSValueRef out = rt_arg(ctx, argc, argv, 2);
    if (!JSValueIsObject(ctx, out)) {
        return rt_throw_type_error(ctx, exc, "ctx must be an object");
    }
    bool recv = rt_bool(ctx, rt_arg(ctx, argc, argv, 1));
    const char *syscall = recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
    int64_t size = rt_arg_int(ctx, argc, argv, 0);
    int value = size < 0 || size > INT32_MAX ? 0 : (int)size;
    int err = UV_EBADF;
    if (udp_wrap_usable(w)) {
        err = recv ? uv_recv_buffer_size((uv_handle_t *)&w->udp, &value)
                   : uv_send_buffer_size((uv_handle_t *)&w->udp, &value);
    }
    if (err) {
        rt_set_num(ctx, (JSObjectRef)out, "errno", err);
        rt_set_str(ctx, (JSObjectRef)out, "code", uv_err_name(err));
        rt_set_str(ctx, (JSObjectRef)out, "message", uv_strerror(err));
        rt_set_str(ctx, (JSObjectRef)out, "syscall", syscall);
        return JSValueMakeUndefined(ctx);
    }
    return JSValueMakeNumber(ctx, value);
}

static JSValueRef udp_wrap_get_send_queue_size(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                               size_t argc, const JSValueRef argv[],
                                               JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeNumber(ctx, udp_wrap_usable(w) ? (double)w->udp.send_queue_size : 0);
}

static JSValueRef udp_wrap_get_send_queue_count(JSContextRef ctx, JSObjectRef fn,
                                                JSObjectRef self, size_t argc,
                                                const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeNumber(ctx, udp_wrap_usable(w) ? (double)w->udp.send_queue_count : 0);
}

/* ---- lifetime ---- */

static void udp_wrap_close_cb(uv_handle_t *h) {
    udp_wrap_t *w = h->data;
    rt_env_t *env = rt_env_get();
    w->closed = true;
    udp_wrap_unlink(w);
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
    } else if (w->finalized) {
        free(w);
    }
}

/* close([callback]): closes the handle; callback runs from the close phase. */
static JSValueRef udp_wrap_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!udp_wrap_usable(w)) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef cb = rt_arg(ctx, argc, argv, 0);
    if (JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        w->close_cb = (JSObjectRef)cb;
        JSValueProtect(ctx, cb);
    }
    w->closing = true;
    uv_close((uv_handle_t *)&w->udp, udp_wrap_close_cb);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef udp_wrap_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (udp_wrap_usable(w)) {
        uv_ref((uv_handle_t *)&w->udp);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef udp_wrap_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (udp_wrap_usable(w)) {
        uv_unref((uv_handle_t *)&w->udp);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef udp_wrap_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    udp_wrap_t *w = udp_wrap_this(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, udp_wrap_usable(w) && uv_has_ref((uv_handle_t *)&w->udp));
}

static JSValueRef udp_wrap_get_fd(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                  JSValueRef *exc) {
    udp_wrap_t *w = JSObjectGetPrivate(obj);
    uv_os_fd_t fd;
    if (!w || !udp_wrap_usable(w) || uv_fileno((uv_handle_t *)&w->udp, &fd) != 0) {
        return JSValueMakeNumber(ctx, -1);
    }
    return JSValueMakeNumber(ctx, fd);
}

static const JSStaticValue udp_wrap_values[] = {
    {"fd", udp_wrap_get_fd, NULL, kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
    {0, 0, 0, 0},
};

static const JSStaticFunction udp_wrap_methods[] = {
    {"open", udp_wrap_open, RT_FN_ATTRS},
    {"bind", udp_wrap_bind4, RT_FN_ATTRS},
    {"bind6", udp_wrap_bind6, RT_FN_ATTRS},
    {"connect", udp_wrap_connect4, RT_FN_ATTRS},
    {"connect6", udp_wrap_connect6, RT_FN_ATTRS},
    {"disconnect", udp_wrap_disconnect, RT_FN_ATTRS},
    {"send", udp_wrap_send4, RT_FN_ATTRS},
    {"send6", udp_wrap_send6, RT_FN_ATTRS},
    {"recvStart", udp_wrap_recv_start, RT_FN_ATTRS},
    {"recvStop", udp_wrap_recv_stop, RT_FN_ATTRS},
    {"getsockname", udp_wrap_getsockname, RT_FN_ATTRS},
    {"getpeername", udp_wrap_getpeername, RT_FN_ATTRS},
    {"setBroadcast", udp_wrap_set_broadcast, RT_FN_ATTRS},
    {"setTTL", udp_wrap_set_ttl, RT_FN_ATTRS},
    {"setMulticastTTL", udp_wrap_set_multicast_ttl, RT_FN_ATTRS},
    {"setMulticastLoopback", udp_wrap_set_multicast_loopback, RT_FN_ATTRS},
    {"setMulticastInterface", udp_wrap_set_multicast_interface, RT_FN_ATTRS},
    {"addMembership", udp_wrap_add_membership, RT_FN_ATTRS},
    {"dropMembership", udp_wrap_drop_membership, RT_FN_ATTRS},
    {"addSourceSpecificMembership", udp_wrap_add_ssm, RT_FN_ATTRS},
    {"dropSourceSpecificMembership", udp_wrap_drop_ssm, RT_FN_ATTRS},
    {"bufferSize", udp_wrap_buffer_size, RT_FN_ATTRS},
    {"getSendQueueSize", udp_wrap_get_send_queue_size, RT_FN_ATTRS},
    {"getSendQueueCount", udp_wrap_get_send_queue_count, RT_FN_ATTRS},
    {"close", udp_wrap_close, RT_FN_ATTRS},
    {"ref", udp_wrap_ref, RT_FN_ATTRS},
    {"unref", udp_wrap_unref, RT_FN_ATTRS},
    {"hasRef", udp_wrap_has_ref, RT_FN_ATTRS},
    {0, 0, 0},
};

/* new SendWrap(): a plain request object (lib/dgram.js sets its fields). */
static JSObjectRef udp_wrap_send_wrap_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                          const JSValueRef argv[], JSValueRef *exc) {
    return JSObjectMake(ctx, udp_wrap_send_class, NULL);
}

/* getActiveHandles() -> the UDP handle objects that are open and ref'd, newest first. */
static JSValueRef udp_wrap_get_active_handles(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                              size_t argc, const JSValueRef argv[],
                                              JSValueRef *exc) {
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    unsigned n = 0;
    for (udp_wrap_t *w = udp_wrap_open_list; w; w = w->next) {
        if (w->obj && udp_wrap_usable(w) && uv_has_ref((uv_handle_t *)&w->udp)) {
            JSObjectSetPropertyAtIndex(ctx, list, n++, w->obj, NULL);
        }
    }
    return list;
}

static const JSStaticFunction udp_wrap_functions[] = {
    {"getActiveHandles", udp_wrap_get_active_handles, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_udp_wrap_init(rt_env_t *env, JSObjectRef target) {
    JSContextRef ctx = env->ctx;
    if (!udp_wrap_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "UDP";
        def.staticFunctions = udp_wrap_methods;
        def.staticValues = udp_wrap_values;
        def.finalize = udp_wrap_finalize;
        udp_wrap_class = JSClassCreate(&def);
        JSClassDefinition send = kJSClassDefinitionEmpty;
        send.className = "SendWrap";
        udp_wrap_send_class = JSClassCreate(&send);
    }
    rt_define_functions(env, target, udp_wrap_functions);
    rt_set(ctx, target, "UDP", JSObjectMakeConstructor(ctx, udp_wrap_class, udp_wrap_new));
    rt_set(ctx, target, "SendWrap",
           JSObjectMakeConstructor(ctx, udp_wrap_send_class, udp_wrap_send_wrap_new));
    JSObjectRef constants = JSObjectMake(ctx, NULL, NULL);
    rt_set_num(ctx, constants, "UV_UDP_IPV6ONLY", UV_UDP_IPV6ONLY);
    rt_set_num(ctx, constants, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
    rt_set_num(ctx, constants, "UV_UDP_REUSEPORT", UDP_WRAP_REUSEPORT);
    rt_set(ctx, target, "constants", constants);
}
