/* cares_wrap.c: the `cares_wrap` binding: name lookups through libuv's thread pool
 * (getaddrinfo, getnameinfo), the native half of dns.lookup and dns.lookupService. */
#include "rt/rt.h"

#include <netdb.h>
#include <stdlib.h>
#include <string.h>

/* A lookup in flight: keeps its request object alive until oncomplete has run. */
typedef struct {
    union {
        uv_getaddrinfo_t addr;
        uv_getnameinfo_t name;
    } r;
    JSObjectRef req_obj; /* protected */
    int order;           /* 0: as resolved, 4: IPv4 first, 6: IPv6 first */
} cares_wrap_req_t;

static cares_wrap_req_t *cares_wrap_req_new(JSContextRef ctx, JSObjectRef req_obj) {
    cares_wrap_req_t *r = calloc(1, sizeof(*r));
    RT_CHECK(r != NULL);
    r->req_obj = req_obj;
    JSValueProtect(ctx, req_obj);
    return r;
}

static void cares_wrap_complete(cares_wrap_req_t *r, size_t argc, const JSValueRef argv[]) {
    rt_env_t *env = rt_env_get();
    JSValueRef fn = rt_get(env->ctx, r->req_obj, "oncomplete");
    if (JSValueIsObject(env->ctx, fn) && JSObjectIsFunction(env->ctx, (JSObjectRef)fn)) {
        rt_make_callback(env, (JSObjectRef)fn, r->req_obj, argc, argv);
    }
    JSValueUnprotect(env->ctx, r->req_obj);
    free(r);
}

/* Appends the addresses of `family` (0: any) in res to list. */
static unsigned cares_wrap_append(JSContextRef ctx, JSObjectRef list, unsigned n,
                                  const struct addrinfo *res, int family) {
    for (const struct addrinfo *p = res; p; p = p->ai_next) {
        if (p->ai_socktype != SOCK_STREAM && p->ai_socktype != 0) {
            continue;
        }
        char ip[INET6_ADDRSTRLEN + 1];
        if (p->ai_family == AF_INET && (family == 0 || family == AF_INET)) {
            uv_ip4_name((const struct sockaddr_in *)p->ai_addr, ip, sizeof(ip));
        } else if (p->ai_family == AF_INET6 && (family == 0 || family == AF_INET6)) {
            uv_ip6_name((const struct sockaddr_in6 *)p->ai_addr, ip, sizeof(ip));
        } else {
            continue;
        }
        JSObjectSetPropertyAtIndex(ctx, list, n++, rt_string_from_cstr(ctx, ip), NULL);
    }
    return n;
}

static void cares_wrap_addrinfo_cb(uv_getaddrinfo_t *req, int status, struct addrinfo *res) {
    cares_wrap_req_t *r = req->data;
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    if (status == 0) {
        unsigned n = 0;
        if (r->order == 4) {
            n = cares_wrap_append(ctx, list, n, res, AF_INET);
            cares_wrap_append(ctx, list, n, res, AF_INET6);
        } else if (r->order == 6) {
            n = cares_wrap_append(ctx, list, n, res, AF_INET6);
            cares_wrap_append(ctx, list, n, res, AF_INET);
        } else {
            n = cares_wrap_append(ctx, list, n, res, 0);
        }
        if (n == 0) {
            status = UV_EAI_NODATA;
        }
    }
    uv_freeaddrinfo(res);
    JSValueRef args[2] = {JSValueMakeNumber(ctx, status), list};
    cares_wrap_complete(r, 2, args);
}

/* getaddrinfo(req, hostname, family, hints, order) -> 0 or a uv error; then
 * req.oncomplete(status, addresses). family is 0, 4 or 6; order 0 (verbatim), 4 or 6. */
static JSValueRef cares_wrap_getaddrinfo(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) {
        return rt_throw_type_error(ctx, exc, "req must be an object");
    }
    char *host = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), NULL, exc);
    if (!host) {
        return NULL;
    }
    int64_t family = rt_arg_int(ctx, argc, argv, 2);
    struct addrinfo hints;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = (int)rt_arg_int(ctx, argc, argv, 3);
    cares_wrap_req_t *r = cares_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->order = (int)rt_arg_int(ctx, argc, argv, 4);
    r->r.addr.data = r;
    int err = uv_getaddrinfo(rt_env_get()->loop, &r->r.addr, cares_wrap_addrinfo_cb, host, NULL,
                             &hints);
    free(host);
    if (err) {
        JSValueUnprotect(ctx, r->req_obj);
        free(r);
    }
    return JSValueMakeNumber(ctx, err);
}

static void cares_wrap_nameinfo_cb(uv_getnameinfo_t *req, int status, const char *hostname,
                                   const char *service) {
    cares_wrap_req_t *r = req->data;
    JSContextRef ctx = rt_env_get()->ctx;
    JSValueRef args[3] = {JSValueMakeNumber(ctx, status),
                          status == 0 ? rt_string_from_cstr(ctx, hostname)
                                      : JSValueMakeUndefined(ctx),
                          status == 0 ? rt_string_from_cstr(ctx, service)
                                      : JSValueMakeUndefined(ctx)};
    cares_wrap_complete(r, 3, args);
}

/* getnameinfo(req, address, port) -> 0 or a uv error; then
 * req.oncomplete(status, hostname, service). */
static JSValueRef cares_wrap_getnameinfo(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) {
        return rt_throw_type_error(ctx, exc, "req must be an object");
    }
    char *host = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), NULL, exc);
    if (!host) {
        return NULL;
    }
    int64_t port = rt_arg_int(ctx, argc, argv, 2);
    if (port < 0 || port > 65535) {
        port = 0;
    }
    struct sockaddr_storage ss;
    if (uv_ip4_addr(host, (int)port, (struct sockaddr_in *)&ss) != 0 &&
        uv_ip6_addr(host, (int)port, (struct sockaddr_in6 *)&ss) != 0) {
        free(host);
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    free(host);
    cares_wrap_req_t *r = cares_wrap_req_new(ctx, (JSObjectRef)argv[0]);
    r->r.name.data = r;
    int err = uv_getnameinfo(rt_env_get()->loop, &r->r.name, cares_wrap_nameinfo_cb,
                             (struct sockaddr *)&ss, NI_NAMEREQD);
    if (err) {
        JSValueUnprotect(ctx, r->req_obj);
        free(r);
    }
    return JSValueMakeNumber(ctx, err);
}

static const JSStaticFunction cares_wrap_functions[] = {
    {"getaddrinfo", cares_wrap_getaddrinfo, RT_FN_ATTRS},
    {"getnameinfo", cares_wrap_getnameinfo, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_cares_wrap_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, cares_wrap_functions);
    rt_set_num(env->ctx, target, "AI_ADDRCONFIG", AI_ADDRCONFIG);
    rt_set_num(env->ctx, target, "AI_ALL", AI_ALL);
    rt_set_num(env->ctx, target, "AI_V4MAPPED", AI_V4MAPPED);
}
