/* cares_wrap.c: the `cares_wrap` binding: name lookups through libuv's thread pool
 * (getaddrinfo, getnameinfo) for dns.lookup and dns.lookupService, and DNS queries through a
 * c-ares channel driven by the loop (ChannelWrap) for dns.Resolver and the resolve* family. */
#include "rt/rt.h"

#include <arpa/inet.h>
#include <ares.h>
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

/* ---- DNS queries: a c-ares channel per Resolver, driven by the libuv loop ---- */

/* node's code for setServers() while queries are pending (not a c-ares code). */
#define CARES_ESETSRVPENDING (-1000)
/* Longest name or string c-ares hands back that is converted on the stack. */
#define CARES_STACK_CHARS 512

enum {
    CARES_Q_A,
    CARES_Q_AAAA,
    CARES_Q_ANY,
    CARES_Q_CAA,
    CARES_Q_CNAME,
    CARES_Q_MX,
    CARES_Q_NAPTR,
    CARES_Q_NS,
    CARES_Q_PTR,
    CARES_Q_SOA,
    CARES_Q_SRV,
    CARES_Q_TLSA,
    CARES_Q_TXT,
    CARES_Q_REVERSE,
};

/* DNS record types (RFC 1035 and later). */
enum {
    CARES_T_A = 1,
    CARES_T_NS = 2,
    CARES_T_CNAME = 5,
    CARES_T_SOA = 6,
    CARES_T_PTR = 12,
    CARES_T_MX = 15,
    CARES_T_TXT = 16,
    CARES_T_AAAA = 28,
    CARES_T_SRV = 33,
    CARES_T_NAPTR = 35,
    CARES_T_TLSA = 52,
    CARES_T_ANY = 255,
    CARES_T_CAA = 257,
};

typedef struct cares_channel cares_channel_t;

/* A socket c-ares watches, with the poll handle that watches it for c-ares. */
typedef struct cares_poll {
    uv_poll_t poll;
    ares_socket_t fd;
    cares_channel_t *ch;
    struct cares_poll *next;
} cares_poll_t;

struct cares_channel {
    ares_channel channel;
    JSObjectRef obj;  /* protected while queries are held */
    uv_timer_t *timer; /* malloc'd; freed by its close callback */
    cares_poll_t *polls;
    unsigned active;  /* queries c-ares has not answered yet */
    unsigned held;    /* queries whose oncomplete has not run yet */
    bool destroying;
};

/* A query: from ares_query() until req.oncomplete has run. */
typedef struct cares_query {
    struct cares_query *next;
    cares_channel_t *ch;
    JSObjectRef req_obj; /* protected */
    JSValueRef result;   /* protected: the names of a reverse lookup, or NULL */
    unsigned char *answer;
    int alen;
    int kind;
    int status;
    bool ttl;
} cares_query_t;

static JSClassRef cares_channel_class;
/* Answered queries waiting for the check phase (node delivers them like an immediate). */
static _Thread_local cares_query_t *cares_done_head;
static _Thread_local cares_query_t *cares_done_tail;
static _Thread_local uv_check_t cares_check;
static _Thread_local uv_idle_t cares_idle;
static _Thread_local bool cares_check_ready;

static const char *const cares_error_codes[] = {
    "",
    "ENODATA",
    "EFORMERR",
    "ESERVFAIL",
    "ENOTFOUND",
    "ENOTIMP",
    "EREFUSED",
    "EBADQUERY",
    "EBADNAME",
    "EBADFAMILY",
    "EBADRESP",
    "ECONNREFUSED",
    "ETIMEOUT",
    "EOF",
    "EFILE",
    "ENOMEM",
    "EDESTRUCTION",
    "EBADSTR",
    "EBADFLAGS",
    "ENONAME",
    "EBADHINTS",
    "ENOTINITIALIZED",
    "ELOADIPHLPAPI",
    "EADDRGETNETWORKPARAMS",
    "ECANCELLED",
};

static const char *cares_error_code(int status) {
    if (status > 0 && (size_t)status < sizeof(cares_error_codes) / sizeof(cares_error_codes[0])) {
        return cares_error_codes[status];
    }
    return "UNKNOWN_ARES_ERROR";
}

/* A JS string of len Latin-1 bytes (node reads DNS text as one-byte strings). */
static JSValueRef cares_latin1(JSContextRef ctx, const unsigned char *s, size_t len) {
    JSChar stack[CARES_STACK_CHARS];
    stack[0] = 0;
    JSChar *units = len <= CARES_STACK_CHARS ? stack : malloc(len * sizeof(JSChar));
    RT_CHECK(units != NULL);
    for (size_t i = 0; i < len; i++) {
        units[i] = s[i];
    }
    JSStringRef str = JSStringCreateWithCharacters(units, len);
    if (units != stack) {
        free(units);
    }
    JSValueRef v = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return v;
}

static JSValueRef cares_cstr(JSContextRef ctx, const char *s) {
    return cares_latin1(ctx, (const unsigned char *)(s ? s : ""), s ? strlen(s) : 0);
}

static void cares_push(JSContextRef ctx, JSObjectRef list, JSValueRef v) {
    double n = rt_num(ctx, rt_get(ctx, list, "length"));
    JSObjectSetPropertyAtIndex(ctx, list, (unsigned)n, v, NULL);
}

/* ---- the loop side ---- */

static void cares_update_timer(cares_channel_t *ch);

static void cares_poll_close_cb(uv_handle_t *h) {
    free(h->data);
}

/* Closes h, whose close callback frees mem; a worker thread's teardown may have closed it
 * already (and run its loop to the end), then mem is freed here. */
static void cares_close_or_free(uv_handle_t *h, uv_close_cb cb, void *mem) {
    if (uv_is_closing(h)) {
        free(mem);
    } else {
        uv_close(h, cb);
    }
}

static void cares_poll_cb(uv_poll_t *h, int status, int events) {
    cares_poll_t *p = h->data;
    cares_channel_t *ch = p->ch;
    if (!ch) {
        return;
    }
    ares_socket_t fd = p->fd;
    if (status < 0) {
        /* Let c-ares see the error on the socket. */
        ares_process_fd(ch->channel, fd, fd);
    } else {
        ares_process_fd(ch->channel, (events & UV_READABLE) ? fd : ARES_SOCKET_BAD,
                        (events & UV_WRITABLE) ? fd : ARES_SOCKET_BAD);
    }
    cares_update_timer(ch);
}

/* c-ares says which sockets to watch (read/write both 0: the socket is closing). */
static void cares_sock_state_cb(void *data, ares_socket_t fd, int readable, int writable) {
    cares_channel_t *ch = data;
    cares_poll_t **link = &ch->polls;
    while (*link && (*link)->fd != fd) {
        link = &(*link)->next;
    }
    cares_poll_t *p = *link;
    if (!readable && !writable) {
        if (p) {
            *link = p->next;
            p->ch = NULL;
            if (!uv_is_closing((uv_handle_t *)&p->poll)) {
                uv_poll_stop(&p->poll);
            }
            cares_close_or_free((uv_handle_t *)&p->poll, cares_poll_close_cb, p);
        }
        return;
    }
    if (!p) {
        p = calloc(1, sizeof(*p));
        RT_CHECK(p != NULL);
        if (uv_poll_init_socket(rt_env_get()->loop, &p->poll, fd) != 0) {
            free(p);
            return;
        }
        p->fd = fd;
        p->ch = ch;
        p->poll.data = p;
        p->next = ch->polls;
        ch->polls = p;
    }
    if (uv_is_closing((uv_handle_t *)&p->poll)) {
        return;
    }
    uv_poll_start(&p->poll, (readable ? UV_READABLE : 0) | (writable ? UV_WRITABLE : 0),
                  cares_poll_cb);
}

static void cares_timer_cb(uv_timer_t *t) {
    cares_channel_t *ch = t->data;
    if (!ch) {
        return;
    }
    ares_process_fd(ch->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    cares_update_timer(ch);
}

/* Wakes the loop when c-ares next needs to time out or retry a query. */
static void cares_update_timer(cares_channel_t *ch) {
    if (ch->destroying) {
        return;
    }
    struct timeval tv;
    struct timeval *next = ch->active ? ares_timeout(ch->channel, NULL, &tv) : NULL;
    if (!next) {
        uv_timer_stop(ch->timer);
        return;
    }
    uint64_t ms = (uint64_t)next->tv_sec * 1000 + ((uint64_t)next->tv_usec + 999) / 1000;
    uv_timer_start(ch->timer, cares_timer_cb, ms, 0);
}

/* ---- parsing answers into node's shapes ---- */

static uint16_t cares_u16(const unsigned char *p) {
    return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t cares_u32(const unsigned char *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

typedef int (*cares_rr_fn)(JSContextRef ctx, const unsigned char *abuf, int alen,
                           const unsigned char *rdata, int rdlen, uint32_t ttl, void *ud);

/* Calls fn for every answer record of `type`. Returns ARES_SUCCESS, ARES_ENODATA when there
 * is none, ARES_EBADRESP for a malformed message, or fn's error. */
static int cares_each_answer(JSContextRef ctx, const unsigned char *abuf, int alen, int type,
                             cares_rr_fn fn, void *ud) {
    if (alen < 12) {
        return ARES_EBADRESP;
    }
    unsigned qdcount = cares_u16(abuf + 4);
    unsigned ancount = cares_u16(abuf + 6);
    const unsigned char *p = abuf + 12;
    const unsigned char *end = abuf + alen;
    for (unsigned i = 0; i < qdcount; i++) {
        char *name;
        long enclen;
        if (p >= end || ares_expand_name(p, abuf, alen, &name, &enclen) != ARES_SUCCESS) {
            return ARES_EBADRESP;
        }
        ares_free_string(name);
        p += enclen;
        if (end - p < 4) {
            return ARES_EBADRESP;
        }
        p += 4;
    }
    bool found = false;
    for (unsigned i = 0; i < ancount; i++) {
        char *name;
        long enclen;
        if (p >= end || ares_expand_name(p, abuf, alen, &name, &enclen) != ARES_SUCCESS) {
            return ARES_EBADRESP;
        }
        ares_free_string(name);
        p += enclen;
        if (end - p < 10) {
            return ARES_EBADRESP;
        }
        int rtype = cares_u16(p);
        uint32_t ttl = cares_u32(p + 4);
        int rdlen = cares_u16(p + 8);
        p += 10;
        if (end - p < rdlen) {
            return ARES_EBADRESP;
        }
        if (rtype == type) {
            found = true;
            int status = fn(ctx, abuf, alen, p, rdlen, ttl, ud);
            if (status != ARES_SUCCESS) {
                return status;
            }
        }
        p += rdlen;
    }
    return found ? ARES_SUCCESS : ARES_ENODATA;
}

/* Expands the name at *p inside rdata into a JS string; advances *p. */
static int cares_rr_name(JSContextRef ctx, const unsigned char *abuf, int alen,
                         const unsigned char **p, const unsigned char *rend, JSValueRef *out) {
    char *name;
    long enclen;
    if (*p >= rend || ares_expand_name(*p, abuf, alen, &name, &enclen) != ARES_SUCCESS) {
        return ARES_EBADRESP;
    }
    *out = cares_cstr(ctx, name);
    ares_free_string(name);
    *p += enclen;
    return *p > rend ? ARES_EBADRESP : ARES_SUCCESS;
}

typedef struct {
    JSObjectRef list;
    bool any;
    JSValueRef last; /* CNAME: the target of the last record */
} cares_walk_t;

static int cares_soa_rr(JSContextRef ctx, const unsigned char *abuf, int alen,
                        const unsigned char *rdata, int rdlen, uint32_t ttl, void *ud) {
    cares_walk_t *w = ud;
    const unsigned char *p = rdata;
    const unsigned char *rend = rdata + rdlen;
    JSValueRef nsname, hostmaster;
    if (cares_rr_name(ctx, abuf, alen, &p, rend, &nsname) != ARES_SUCCESS ||
        cares_rr_name(ctx, abuf, alen, &p, rend, &hostmaster) != ARES_SUCCESS || rend - p < 20) {
        return ARES_EBADRESP;
    }
    if (w->last) {
        return ARES_SUCCESS; /* The first SOA record is the answer. */
    }
    JSObjectRef soa = JSObjectMake(ctx, NULL, NULL);
    rt_set(ctx, soa, "nsname", nsname);
    rt_set(ctx, soa, "hostmaster", hostmaster);
    rt_set_num(ctx, soa, "serial", cares_u32(p));
    rt_set_num(ctx, soa, "refresh", cares_u32(p + 4));
    rt_set_num(ctx, soa, "retry", cares_u32(p + 8));
    rt_set_num(ctx, soa, "expire", cares_u32(p + 12));
    rt_set_num(ctx, soa, "minttl", cares_u32(p + 16));
    if (w->any) {
        rt_set_str(ctx, soa, "type", "SOA");
    }
    w->last = soa;
    return ARES_SUCCESS;
}

static int cares_cname_rr(JSContextRef ctx, const unsigned char *abuf, int alen,
                          const unsigned char *rdata, int rdlen, uint32_t ttl, void *ud) {
    cares_walk_t *w = ud;
    const unsigned char *p = rdata;
    return cares_rr_name(ctx, abuf, alen, &p, rdata + rdlen, &w->last);
}

static int cares_tlsa_rr(JSContextRef ctx, const unsigned char *abuf, int alen,
                         const unsigned char *rdata, int rdlen, uint32_t ttl, void *ud) {
    cares_walk_t *w = ud;
    if (rdlen < 3) {
        return ARES_EBADRESP;
    }
    JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
    rt_set_num(ctx, rec, "certUsage", rdata[0]);
    rt_set_num(ctx, rec, "selector", rdata[1]);
    rt_set_num(ctx, rec, "match", rdata[2]);
    size_t n = (size_t)rdlen - 3;
    uint8_t *bytes;
    JSObjectRef arr = rt_uint8array_new(ctx, n, &bytes, NULL);
    if (!arr) {
        return ARES_ENOMEM;
    }
    if (n) {
        memcpy(bytes, rdata + 3, n);
    }
    rt_set(ctx, rec, "data", JSObjectGetTypedArrayBuffer(ctx, arr, NULL));
    if (w->any) {
        rt_set_str(ctx, rec, "type", "TLSA");
    }
    cares_push(ctx, w->list, rec);
    return ARES_SUCCESS;
}

/* Appends { type: t, [key]: v } or v to list. */
static void cares_add(JSContextRef ctx, JSObjectRef list, bool any, const char *key,
                      JSValueRef v, const char *type) {
    if (any) {
        JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
        rt_set(ctx, rec, key, v);
        rt_set_str(ctx, rec, "type", type);
        v = rec;
    }
    cares_push(ctx, list, v);
}

#define CARES_MAX_ADDRTTLS 256

/* A / AAAA records (or, for ANY, a CNAME when the answer is an alias). */
static int cares_parse_addrs(JSContextRef ctx, const unsigned char *buf, int len, bool v6,
                             bool any, JSObjectRef list, JSObjectRef ttls) {
    struct hostent *host = NULL;
    struct ares_addrttl a4[CARES_MAX_ADDRTTLS];
    struct ares_addr6ttl a6[CARES_MAX_ADDRTTLS];
    int n = CARES_MAX_ADDRTTLS;
    int status = v6 ? ares_parse_aaaa_reply(buf, len, &host, a6, &n)
                    : ares_parse_a_reply(buf, len, &host, a4, &n);
    if (status != ARES_SUCCESS) {
        if (host) {
            ares_free_hostent(host);
        }
        return status;
    }
    if (any && !v6 && host->h_name && host->h_aliases && host->h_aliases[0]) {
        cares_add(ctx, list, true, "value", cares_cstr(ctx, host->h_name), "CNAME");
        ares_free_hostent(host);
        return ARES_SUCCESS;
    }
    for (int i = 0; i < n; i++) {
        char ip[INET6_ADDRSTRLEN];
        if (v6) {
            uv_inet_ntop(AF_INET6, &a6[i].ip6addr, ip, sizeof(ip));
        } else {
            uv_inet_ntop(AF_INET, &a4[i].ipaddr, ip, sizeof(ip));
        }
        uint32_t ttl = (uint32_t)(v6 ? a6[i].ttl : a4[i].ttl);
        if (any) {
            JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
            rt_set_str(ctx, rec, "address", ip);
            rt_set_num(ctx, rec, "ttl", ttl);
            rt_set_str(ctx, rec, "type", v6 ? "AAAA" : "A");
            cares_push(ctx, list, rec);
        } else {
            cares_push(ctx, list, rt_string_from_cstr(ctx, ip));
            if (ttls) {
                cares_push(ctx, ttls, JSValueMakeNumber(ctx, ttl));
            }
        }
    }
    ares_free_hostent(host);
    return ARES_SUCCESS;
}

/* NS and PTR names (c-ares lists them as the aliases of a hostent). */
static int cares_parse_names(JSContextRef ctx, const unsigned char *buf, int len, bool ptr,
                             bool any, JSObjectRef list) {
    struct hostent *host = NULL;
    int status = ptr ? ares_parse_ptr_reply(buf, len, NULL, 0, AF_INET, &host)
                     : ares_parse_ns_reply(buf, len, &host);
    if (status != ARES_SUCCESS) {
        if (host) {
            ares_free_hostent(host);
        }
        return status;
    }
    for (size_t i = 0; host->h_aliases && host->h_aliases[i]; i++) {
        cares_add(ctx, list, any, "value", cares_cstr(ctx, host->h_aliases[i]),
                  ptr ? "PTR" : "NS");
    }
    ares_free_hostent(host);
    return ARES_SUCCESS;
}

static int cares_parse_mx(JSContextRef ctx, const unsigned char *buf, int len, bool any,
                          JSObjectRef list) {
    struct ares_mx_reply *mx = NULL;
    int status = ares_parse_mx_reply(buf, len, &mx);
    if (status != ARES_SUCCESS) {
        return status;
    }
    for (struct ares_mx_reply *r = mx; r; r = r->next) {
        JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
        rt_set(ctx, rec, "exchange", cares_cstr(ctx, r->host));
        rt_set_num(ctx, rec, "priority", r->priority);
        if (any) {
            rt_set_str(ctx, rec, "type", "MX");
        }
        cares_push(ctx, list, rec);
    }
    ares_free_data(mx);
    return ARES_SUCCESS;
}

static int cares_parse_txt(JSContextRef ctx, const unsigned char *buf, int len, bool any,
                           JSObjectRef list) {
    struct ares_txt_ext *txt = NULL;
    int status = ares_parse_txt_reply_ext(buf, len, &txt);
    if (status != ARES_SUCCESS) {
        return status;
    }
    JSObjectRef entries = NULL;
    for (struct ares_txt_ext *r = txt; r; r = r->next) {
        if (!entries || r->record_start) {
            entries = JSObjectMakeArray(ctx, 0, NULL, NULL);
            cares_add(ctx, list, any, "entries", entries, "TXT");
        }
        cares_push(ctx, entries, cares_latin1(ctx, r->txt, r->length));
    }
    ares_free_data(txt);
    return ARES_SUCCESS;
}

static int cares_parse_srv(JSContextRef ctx, const unsigned char *buf, int len, bool any,
                           JSObjectRef list) {
    struct ares_srv_reply *srv = NULL;
    int status = ares_parse_srv_reply(buf, len, &srv);
    if (status != ARES_SUCCESS) {
        return status;
    }
    for (struct ares_srv_reply *r = srv; r; r = r->next) {
        JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
        rt_set(ctx, rec, "name", cares_cstr(ctx, r->host));
        rt_set_num(ctx, rec, "port", r->port);
        rt_set_num(ctx, rec, "priority", r->priority);
        rt_set_num(ctx, rec, "weight", r->weight);
        if (any) {
            rt_set_str(ctx, rec, "type", "SRV");
        }
        cares_push(ctx, list, rec);
    }
    ares_free_data(srv);
    return ARES_SUCCESS;
}

static int cares_parse_naptr(JSContextRef ctx, const unsigned char *buf, int len, bool any,
                             JSObjectRef list) {
    struct ares_naptr_reply *naptr = NULL;
    int status = ares_parse_naptr_reply(buf, len, &naptr);
    if (status != ARES_SUCCESS) {
        return status;
    }
    for (struct ares_naptr_reply *r = naptr; r; r = r->next) {
        JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
        rt_set(ctx, rec, "flags", cares_cstr(ctx, (const char *)r->flags));
        rt_set(ctx, rec, "service", cares_cstr(ctx, (const char *)r->service));
        rt_set(ctx, rec, "regexp", cares_cstr(ctx, (const char *)r->regexp));
        rt_set(ctx, rec, "replacement", cares_cstr(ctx, r->replacement));
        rt_set_num(ctx, rec, "order", r->order);
        rt_set_num(ctx, rec, "preference", r->preference);
        if (any) {
            rt_set_str(ctx, rec, "type", "NAPTR");
        }
        cares_push(ctx, list, rec);
    }
    ares_free_data(naptr);
    return ARES_SUCCESS;
}

static int cares_parse_caa(JSContextRef ctx, const unsigned char *buf, int len, bool any,
                           JSObjectRef list) {
    struct ares_caa_reply *caa = NULL;
    int status = ares_parse_caa_reply(buf, len, &caa);
    if (status != ARES_SUCCESS) {
        return status;
    }
    for (struct ares_caa_reply *r = caa; r; r = r->next) {
        JSObjectRef rec = JSObjectMake(ctx, NULL, NULL);
        rt_set_num(ctx, rec, "critical", r->critical);
        JSValueRef key = cares_latin1(ctx, r->property, r->plength);
        JSStringRef key_str = JSValueToStringCopy(ctx, key, NULL);
        if (key_str) {
            JSObjectSetProperty(ctx, rec, key_str, cares_latin1(ctx, r->value, r->length),
                                kJSPropertyAttributeNone, NULL);
            JSStringRelease(key_str);
        }
        if (any) {
            rt_set_str(ctx, rec, "type", "CAA");
        }
        cares_push(ctx, list, rec);
    }
    ares_free_data(caa);
    return ARES_SUCCESS;
}

/* Every record node reports for an ANY query, in node's order. */
static int cares_parse_any(JSContextRef ctx, const unsigned char *buf, int len, JSObjectRef list) {
    int status = cares_parse_addrs(ctx, buf, len, false, true, list, NULL);
#define CARES_ANY_STEP(expr)                                                                       \
    if (status == ARES_SUCCESS || status == ARES_ENODATA) {                                        \
        status = (expr);                                                                           \
    }
    CARES_ANY_STEP(cares_parse_addrs(ctx, buf, len, true, true, list, NULL));
    CARES_ANY_STEP(cares_parse_mx(ctx, buf, len, true, list));
    CARES_ANY_STEP(cares_parse_names(ctx, buf, len, false, true, list));
    CARES_ANY_STEP(cares_parse_txt(ctx, buf, len, true, list));
    CARES_ANY_STEP(cares_parse_srv(ctx, buf, len, true, list));
    CARES_ANY_STEP(cares_parse_names(ctx, buf, len, true, true, list));
    CARES_ANY_STEP(cares_parse_naptr(ctx, buf, len, true, list));
    cares_walk_t soa = {list, true, NULL};
    CARES_ANY_STEP(cares_each_answer(ctx, buf, len, CARES_T_SOA, cares_soa_rr, &soa));
    if (soa.last) {
        cares_push(ctx, list, soa.last);
    }
    CARES_ANY_STEP(cares_parse_caa(ctx, buf, len, true, list));
    cares_walk_t tlsa = {list, true, NULL};
    CARES_ANY_STEP(cares_each_answer(ctx, buf, len, CARES_T_TLSA, cares_tlsa_rr, &tlsa));
#undef CARES_ANY_STEP
    if (status != ARES_SUCCESS && status != ARES_ENODATA) {
        return status;
    }
    double n = rt_num(ctx, rt_get(ctx, list, "length"));
    return n > 0 ? ARES_SUCCESS : ARES_ENODATA;
}

/* Parses q's answer: *result gets the records (an object for SOA), *ttls the A/AAAA TTLs. */
static int cares_parse(JSContextRef ctx, cares_query_t *q, JSValueRef *result, JSValueRef *ttls) {
    const unsigned char *buf = q->answer;
    int len = q->alen;
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    *result = list;
    cares_walk_t walk = {list, false, NULL};
    int status;
    switch (q->kind) {
    case CARES_Q_A:
    case CARES_Q_AAAA: {
        JSObjectRef t = JSObjectMakeArray(ctx, 0, NULL, NULL);
        *ttls = t;
        return cares_parse_addrs(ctx, buf, len, q->kind == CARES_Q_AAAA, false, list, t);
    }
    case CARES_Q_ANY:
        return cares_parse_any(ctx, buf, len, list);
    case CARES_Q_CAA:
        return cares_parse_caa(ctx, buf, len, false, list);
    case CARES_Q_CNAME:
        status = cares_each_answer(ctx, buf, len, CARES_T_CNAME, cares_cname_rr, &walk);
        if (status == ARES_SUCCESS) {
            cares_push(ctx, list, walk.last);
        }
        return status;
    case CARES_Q_MX:
        return cares_parse_mx(ctx, buf, len, false, list);
    case CARES_Q_NAPTR:
        return cares_parse_naptr(ctx, buf, len, false, list);
    case CARES_Q_NS:
        return cares_parse_names(ctx, buf, len, false, false, list);
    case CARES_Q_PTR:
        return cares_parse_names(ctx, buf, len, true, false, list);
    case CARES_Q_SOA:
        status = cares_each_answer(ctx, buf, len, CARES_T_SOA, cares_soa_rr, &walk);
        if (status == ARES_SUCCESS) {
            *result = walk.last;
        }
        return status;
    case CARES_Q_SRV:
        return cares_parse_srv(ctx, buf, len, false, list);
    case CARES_Q_TLSA:
        return cares_each_answer(ctx, buf, len, CARES_T_TLSA, cares_tlsa_rr, &walk);
    case CARES_Q_TXT:
        return cares_parse_txt(ctx, buf, len, false, list);
    default:
        return ARES_ENOTIMP;
    }
}

/* ---- completion ---- */

static void cares_query_free(JSContextRef ctx, cares_query_t *q) {
    JSValueUnprotect(ctx, q->req_obj);
    if (q->result) {
        JSValueUnprotect(ctx, q->result);
    }
    free(q->answer);
    free(q);
}

/* Releases a channel's hold for one query (the last release lets it be collected). */
static void cares_release(JSContextRef ctx, cares_channel_t *ch) {
    if (--ch->held == 0) {
        JSValueUnprotect(ctx, ch->obj);
    }
}

/* Runs req.oncomplete(status, result[, ttls]) for every query answered before this check
 * phase: status is 0 or one of node's dns error codes ('ENOTFOUND'...). */
static void cares_check_cb(uv_check_t *h) {
    rt_env_t *env = rt_env_get();
    JSContextRef ctx = env->ctx;
    cares_query_t *q = cares_done_head;
    cares_done_head = cares_done_tail = NULL;
    uv_check_stop(&cares_check);
    uv_idle_stop(&cares_idle);
    while (q) {
        cares_query_t *next = q->next;
        JSValueRef args[3];
        size_t argc = 1;
        int status = q->status;
        JSValueRef result = JSValueMakeUndefined(ctx);
        JSValueRef ttls = NULL;
        if (status == ARES_SUCCESS) {
            if (q->kind == CARES_Q_REVERSE) {
                result = q->result;
            } else {
                status = cares_parse(ctx, q, &result, &ttls);
            }
        }
        if (status == ARES_SUCCESS) {
            args[0] = JSValueMakeNumber(ctx, 0);
            args[1] = result;
            argc = 2;
            if (ttls) {
                args[2] = ttls;
                argc = 3;
            }
        } else {
            args[0] = rt_string_from_cstr(ctx, cares_error_code(status));
        }
        JSObjectRef req_obj = q->req_obj;
        JSValueProtect(ctx, req_obj);
        cares_channel_t *ch = q->ch;
        JSValueRef fn = rt_get(ctx, req_obj, "oncomplete");
        if (JSValueIsObject(ctx, fn) && JSObjectIsFunction(ctx, (JSObjectRef)fn)) {
            rt_make_callback(env, (JSObjectRef)fn, req_obj, argc, args);
        }
        cares_query_free(ctx, q);
        JSValueUnprotect(ctx, req_obj);
        cares_release(ctx, ch);
        q = next;
    }
}

static void cares_idle_cb(uv_idle_t *h) {
}

/* Queues q for delivery in the next check phase. */
static void cares_finish(cares_query_t *q, int status) {
    q->status = status;
    q->ch->active--;
    q->next = NULL;
    if (cares_done_tail) {
        cares_done_tail->next = q;
    } else {
        cares_done_head = q;
    }
    cares_done_tail = q;
    if (!cares_check_ready) {
        uv_loop_t *loop = rt_env_get()->loop;
        uv_check_init(loop, &cares_check);
        uv_idle_init(loop, &cares_idle);
        cares_check_ready = true;
    }
    /* The idle handle keeps the poll phase from blocking while answers wait. */
    uv_check_start(&cares_check, cares_check_cb);
    uv_idle_start(&cares_idle, cares_idle_cb);
}

static void cares_query_cb(void *arg, int status, int timeouts, unsigned char *abuf, int alen) {
    cares_query_t *q = arg;
    if (q->ch->destroying) {
        /* Only reached from the finalizer, which runs with no query held. */
        q->ch->active--;
        return;
    }
    if (status == ARES_SUCCESS && abuf && alen > 0) {
        q->answer = malloc((size_t)alen);
        RT_CHECK(q->answer != NULL);
        memcpy(q->answer, abuf, (size_t)alen);
        q->alen = alen;
    } else if (status == ARES_SUCCESS) {
        status = ARES_EBADRESP;
    }
    cares_finish(q, status);
}

static void cares_hostent_cb(void *arg, int status, int timeouts, struct hostent *host) {
    cares_query_t *q = arg;
    if (q->ch->destroying) {
        q->ch->active--;
        return;
    }
    if (status == ARES_SUCCESS && host) {
        JSContextRef ctx = rt_env_get()->ctx;
        JSObjectRef names = JSObjectMakeArray(ctx, 0, NULL, NULL);
        for (size_t i = 0; host->h_aliases && host->h_aliases[i]; i++) {
            cares_push(ctx, names, cares_cstr(ctx, host->h_aliases[i]));
        }
        q->result = names;
        JSValueProtect(ctx, names);
    } else if (status == ARES_SUCCESS) {
        status = ARES_ENODATA;
    }
    cares_finish(q, status);
}

/* ---- the ChannelWrap class ---- */

static void cares_timer_close_cb(uv_handle_t *h) {
    free(h);
}

static void cares_channel_finalize(JSObjectRef obj) {
    cares_channel_t *ch = JSObjectGetPrivate(obj);
    if (!ch) {
        return;
    }
    /* A channel with held queries is protected, so none is in flight here. */
    ch->destroying = true;
    ares_destroy(ch->channel);
    for (cares_poll_t *p = ch->polls; p;) {
        cares_poll_t *next = p->next;
        p->ch = NULL;
        cares_close_or_free((uv_handle_t *)&p->poll, cares_poll_close_cb, p);
        p = next;
    }
    ch->timer->data = NULL;
    cares_close_or_free((uv_handle_t *)ch->timer, cares_timer_close_cb, ch->timer);
    free(ch);
}

static cares_channel_t *cares_channel_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    cares_channel_t *ch = NULL;
    if (self && JSValueIsObjectOfClass(ctx, self, cares_channel_class)) {
        ch = JSObjectGetPrivate(self);
    }
    if (!ch) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return ch;
}

/* new ChannelWrap(timeout, tries): timeout in ms (-1: c-ares' default). */
static JSObjectRef cares_channel_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                                     const JSValueRef argv[], JSValueRef *exc) {
    static _Thread_local bool library_ready;
    if (!library_ready) {
        int err = ares_library_init(ARES_LIB_INIT_ALL);
        if (err != ARES_SUCCESS) {
            rt_throw_code(ctx, exc, "Error", cares_error_code(err), "ares_library_init failed");
            return NULL;
        }
        library_ready = true;
    }
    int64_t timeout = rt_arg_int(ctx, argc, argv, 0);
    int64_t tries = argc > 1 ? rt_arg_int(ctx, argc, argv, 1) : 4;
    cares_channel_t *ch = calloc(1, sizeof(*ch));
    RT_CHECK(ch != NULL);
    struct ares_options opts;
    memset(&opts, 0, sizeof(opts));
    opts.flags = ARES_FLAG_NOCHECKRESP;
    opts.sock_state_cb = cares_sock_state_cb;
    opts.sock_state_cb_data = ch;
    int mask = ARES_OPT_FLAGS | ARES_OPT_SOCK_STATE_CB;
    if (timeout >= 0 && timeout <= INT32_MAX) {
        opts.timeout = (int)timeout;
        mask |= ARES_OPT_TIMEOUTMS;
    }
    if (tries >= 1 && tries <= INT32_MAX) {
        opts.tries = (int)tries;
        mask |= ARES_OPT_TRIES;
    }
    int err = ares_init_options(&ch->channel, &opts, mask);
    if (err != ARES_SUCCESS) {
        free(ch);
        rt_throw_code(ctx, exc, "Error", cares_error_code(err), "ares_init_options failed: %s",
                      ares_strerror(err));
        return NULL;
    }
    ch->timer = malloc(sizeof(*ch->timer));
    RT_CHECK(ch->timer != NULL);
    uv_timer_init(rt_env_get()->loop, ch->timer);
    ch->timer->data = ch;
    JSObjectRef obj = JSObjectMake(ctx, cares_channel_class, ch);
    ch->obj = obj;
    return obj;
}

/* Starts a query for req (protected until its oncomplete has run). */
static cares_query_t *cares_query_new(JSContextRef ctx, cares_channel_t *ch, JSObjectRef req,
                                      int kind) {
    cares_query_t *q = calloc(1, sizeof(*q));
    RT_CHECK(q != NULL);
    q->ch = ch;
    q->kind = kind;
    q->req_obj = req;
    JSValueProtect(ctx, req);
    if (ch->held++ == 0) {
        JSValueProtect(ctx, ch->obj);
    }
    ch->active++;
    return q;
}

static const int cares_query_types[] = {
    [CARES_Q_A] = CARES_T_A,         [CARES_Q_AAAA] = CARES_T_AAAA,
    [CARES_Q_ANY] = CARES_T_ANY,     [CARES_Q_CAA] = CARES_T_CAA,
    [CARES_Q_CNAME] = CARES_T_CNAME, [CARES_Q_MX] = CARES_T_MX,
    [CARES_Q_NAPTR] = CARES_T_NAPTR, [CARES_Q_NS] = CARES_T_NS,
    [CARES_Q_PTR] = CARES_T_PTR,     [CARES_Q_SOA] = CARES_T_SOA,
    [CARES_Q_SRV] = CARES_T_SRV,     [CARES_Q_TLSA] = CARES_T_TLSA,
    [CARES_Q_TXT] = CARES_T_TXT,
};

/* query<Type>(req, name, ttl) -> 0; then req.oncomplete(status, records[, ttls]). */
static JSValueRef cares_channel_query(JSContextRef ctx, JSObjectRef self, size_t argc,
                                      const JSValueRef argv[], JSValueRef *exc, int kind) {
    cares_channel_t *ch = cares_channel_this(ctx, self, exc);
    if (!ch) {
        return NULL;
    }
    JSValueRef req = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, req)) {
        return rt_throw_type_error(ctx, exc, "req must be an object");
    }
    size_t len;
    char *name = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &len, exc);
    if (!name) {
        return NULL;
    }
    cares_query_t *q = cares_query_new(ctx, ch, (JSObjectRef)req, kind);
    q->ttl = rt_bool(ctx, rt_arg(ctx, argc, argv, 2));
    if (strlen(name) != len) {
        /* c-ares cannot see past a NUL: such a name is not a DNS name. */
        cares_finish(q, ARES_EBADNAME);
    } else {
        ares_query(ch->channel, name, 1 /* C_IN */, cares_query_types[kind], cares_query_cb, q);
    }
    free(name);
    cares_update_timer(ch);
    return JSValueMakeNumber(ctx, 0);
}

#define CARES_QUERY_FN(fname, kind)                                                                \
    static JSValueRef fname(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,       \
                            const JSValueRef argv[], JSValueRef *exc) {                            \
        return cares_channel_query(ctx, self, argc, argv, exc, kind);                              \
    }
CARES_QUERY_FN(cares_query_a, CARES_Q_A)
CARES_QUERY_FN(cares_query_aaaa, CARES_Q_AAAA)
CARES_QUERY_FN(cares_query_any, CARES_Q_ANY)
CARES_QUERY_FN(cares_query_caa, CARES_Q_CAA)
CARES_QUERY_FN(cares_query_cname, CARES_Q_CNAME)
CARES_QUERY_FN(cares_query_mx, CARES_Q_MX)
CARES_QUERY_FN(cares_query_naptr, CARES_Q_NAPTR)
CARES_QUERY_FN(cares_query_ns, CARES_Q_NS)
CARES_QUERY_FN(cares_query_ptr, CARES_Q_PTR)
CARES_QUERY_FN(cares_query_soa, CARES_Q_SOA)
CARES_QUERY_FN(cares_query_srv, CARES_Q_SRV)
CARES_QUERY_FN(cares_query_tlsa, CARES_Q_TLSA)
CARES_QUERY_FN(cares_query_txt, CARES_Q_TXT)
#undef CARES_QUERY_FN

/* getHostByAddr(req, ip) -> 0, or UV_EINVAL when ip is not an address; then
 * req.oncomplete(status, hostnames). */
static JSValueRef cares_get_host_by_addr(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cares_channel_t *ch = cares_channel_this(ctx, self, exc);
    if (!ch) {
        return NULL;
    }
    JSValueRef req = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, req)) {
        return rt_throw_type_error(ctx, exc, "req must be an object");
    }
    char *ip = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), NULL, exc);
    if (!ip) {
        return NULL;
    }
    unsigned char addr[16];
    int family;
    int addrlen;
    if (uv_inet_pton(AF_INET, ip, addr) == 0) {
        family = AF_INET;
        addrlen = 4;
    } else if (uv_inet_pton(AF_INET6, ip, addr) == 0) {
        family = AF_INET6;
        addrlen = 16;
    } else {
        free(ip);
        return JSValueMakeNumber(ctx, UV_EINVAL);
    }
    free(ip);
    cares_query_t *q = cares_query_new(ctx, ch, (JSObjectRef)req, CARES_Q_REVERSE);
    ares_gethostbyaddr(ch->channel, addr, addrlen, family, cares_hostent_cb, q);
    cares_update_timer(ch);
    return JSValueMakeNumber(ctx, 0);
}

/* getServers() -> [[ip, port], ...] */
static JSValueRef cares_get_servers(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cares_channel_t *ch = cares_channel_this(ctx, self, exc);
    if (!ch) {
        return NULL;
    }
    struct ares_addr_port_node *servers = NULL;
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    if (ares_get_servers_ports(ch->channel, &servers) != ARES_SUCCESS) {
        return list;
    }
    unsigned n = 0;
    for (struct ares_addr_port_node *s = servers; s; s = s->next) {
        char ip[INET6_ADDRSTRLEN];
        if (uv_inet_ntop(s->family, &s->addr, ip, sizeof(ip)) != 0) {
            continue;
        }
        JSValueRef pair[2] = {rt_string_from_cstr(ctx, ip),
                              JSValueMakeNumber(ctx, s->udp_port ? s->udp_port : 53)};
        JSObjectSetPropertyAtIndex(ctx, list, n++, JSObjectMakeArray(ctx, 2, pair, NULL), NULL);
    }
    ares_free_data(servers);
    return list;
}

/* setServers([[family, ip, port], ...]) -> 0, a c-ares error, or -1000 (queries pending). */
static JSValueRef cares_set_servers(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cares_channel_t *ch = cares_channel_this(ctx, self, exc);
    if (!ch) {
        return NULL;
    }
    JSValueRef list = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsArray(ctx, list)) {
        return rt_throw_type_error(ctx, exc, "servers must be an array");
    }
    if (ch->active) {
        return JSValueMakeNumber(ctx, CARES_ESETSRVPENDING);
    }
    double n = rt_num(ctx, rt_get(ctx, (JSObjectRef)list, "length"));
    if (!(n >= 0 && n <= 1 << 16)) {
        return rt_throw_type_error(ctx, exc, "servers must be an array");
    }
    size_t count = (size_t)n;
    struct ares_addr_port_node *nodes = calloc(count ? count : 1, sizeof(*nodes));
    RT_CHECK(nodes != NULL);
    int err = ARES_SUCCESS;
    for (size_t i = 0; i < count && err == ARES_SUCCESS; i++) {
        JSValueRef e = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        if (!JSValueIsObject(ctx, e)) {
            err = ARES_EBADSTR;
            break;
        }
        JSObjectRef entry = (JSObjectRef)e;
        double family = rt_num(ctx, JSObjectGetPropertyAtIndex(ctx, entry, 0, NULL));
        char *ip = rt_to_utf8(ctx, JSObjectGetPropertyAtIndex(ctx, entry, 1, NULL), NULL, exc);
        if (!ip) {
            free(nodes);
            return NULL;
        }
        double port = rt_num(ctx, JSObjectGetPropertyAtIndex(ctx, entry, 2, NULL));
        int iport = port == port && port >= 0 ? (int)((uint64_t)port & 0xffff) : 53;
        struct ares_addr_port_node *node = &nodes[i];
        if (family == 6) {
            node->family = AF_INET6;
            err = uv_inet_pton(AF_INET6, ip, &node->addr.addr6) == 0 ? ARES_SUCCESS : ARES_EBADSTR;
        } else {
            node->family = AF_INET;
            err = uv_inet_pton(AF_INET, ip, &node->addr.addr4) == 0 ? ARES_SUCCESS : ARES_EBADSTR;
        }
        node->udp_port = iport;
        node->tcp_port = iport;
        node->next = i + 1 < count ? &nodes[i + 1] : NULL;
        free(ip);
    }
    if (err == ARES_SUCCESS) {
        err = ares_set_servers_ports(ch->channel, count ? nodes : NULL);
    }
    free(nodes);
    return JSValueMakeNumber(ctx, err);
}

/* setLocalAddress(ip[, ip2]): one IPv4 and/or one IPv6 source address for queries. */
static JSValueRef cares_set_local_address(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    cares_channel_t *ch = cares_channel_this(ctx, self, exc);
    if (!ch) {
        return NULL;
    }
    int types[2] = {0, 0};
    unsigned char addrs[2][16];
    size_t count = argc > 1 && !JSValueIsUndefined(ctx, argv[1]) ? 2 : 1;
    for (size_t i = 0; i < count; i++) {
        char *ip = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, i), NULL, exc);
        if (!ip) {
            return NULL;
        }
        if (uv_inet_pton(AF_INET, ip, addrs[i]) == 0) {
            types[i] = 4;
        } else if (uv_inet_pton(AF_INET6, ip, addrs[i]) == 0) {
            types[i] = 6;
        }
        free(ip);
        if (types[i] == 0) {
            return rt_throw_code(ctx, exc, "TypeError", "ERR_INVALID_ARG_VALUE",
                                 "Invalid IP address.");
        }
    }
    if (count == 2 && types[0] == types[1]) {
        return rt_throw_code(ctx, exc, "TypeError", "ERR_INVALID_ARG_VALUE",
                             "Cannot specify two IPv%d addresses.", types[0]);
    }
    bool set4 = false;
    bool set6 = false;
    for (size_t i = 0; i < count; i++) {
        if (types[i] == 4) {
            uint32_t a;
            memcpy(&a, addrs[i], 4);
            ares_set_local_ip4(ch->channel, ntohl(a));
            set4 = true;
        } else {
            ares_set_local_ip6(ch->channel, addrs[i]);
            set6 = true;
        }
    }
    /* A single address clears the other family's. */
    if (!set4) {
        ares_set_local_ip4(ch->channel, 0);
    }
    if (!set6) {
        unsigned char zero[16] = {0};
        ares_set_local_ip6(ch->channel, zero);
    }
    return JSValueMakeUndefined(ctx);
}

/* cancel(): every pending query completes with ECANCELLED. */
static JSValueRef cares_cancel(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    cares_channel_t *ch = cares_channel_this(ctx, self, exc);
    if (!ch) {
        return NULL;
    }
    ares_cancel(ch->channel);
    cares_update_timer(ch);
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction cares_channel_methods[] = {
    {"queryA", cares_query_a, RT_FN_ATTRS},
    {"queryAaaa", cares_query_aaaa, RT_FN_ATTRS},
    {"queryAny", cares_query_any, RT_FN_ATTRS},
    {"queryCaa", cares_query_caa, RT_FN_ATTRS},
    {"queryCname", cares_query_cname, RT_FN_ATTRS},
    {"queryMx", cares_query_mx, RT_FN_ATTRS},
    {"queryNaptr", cares_query_naptr, RT_FN_ATTRS},
    {"queryNs", cares_query_ns, RT_FN_ATTRS},
    {"queryPtr", cares_query_ptr, RT_FN_ATTRS},
    {"querySoa", cares_query_soa, RT_FN_ATTRS},
    {"querySrv", cares_query_srv, RT_FN_ATTRS},
    {"queryTlsa", cares_query_tlsa, RT_FN_ATTRS},
    {"queryTxt", cares_query_txt, RT_FN_ATTRS},
    {"getHostByAddr", cares_get_host_by_addr, RT_FN_ATTRS},
    {"getServers", cares_get_servers, RT_FN_ATTRS},
    {"setServers", cares_set_servers, RT_FN_ATTRS},
    {"setLocalAddress", cares_set_local_address, RT_FN_ATTRS},
    {"cancel", cares_cancel, RT_FN_ATTRS},
    {0, 0, 0},
};

/* strerror(code) -> the message of a c-ares code (or of node's -1000). */
static JSValueRef cares_strerror(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    int64_t code = rt_arg_int(ctx, argc, argv, 0);
    if (code == CARES_ESETSRVPENDING) {
        return rt_string_from_cstr(ctx, "There are pending queries.");
    }
    return rt_string_from_cstr(ctx, ares_strerror((int)code));
}

static const JSStaticFunction cares_wrap_functions[] = {
    {"getaddrinfo", cares_wrap_getaddrinfo, RT_FN_ATTRS},
    {"getnameinfo", cares_wrap_getnameinfo, RT_FN_ATTRS},
    {"strerror", cares_strerror, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_cares_wrap_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, cares_wrap_functions);
    rt_set_num(env->ctx, target, "AI_ADDRCONFIG", AI_ADDRCONFIG);
    rt_set_num(env->ctx, target, "AI_ALL", AI_ALL);
    rt_set_num(env->ctx, target, "AI_V4MAPPED", AI_V4MAPPED);
    if (!cares_channel_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "ChannelWrap";
        def.staticFunctions = cares_channel_methods;
        def.finalize = cares_channel_finalize;
        cares_channel_class = JSClassCreate(&def);
    }
    rt_set(env->ctx, target, "ChannelWrap",
           JSObjectMakeConstructor(env->ctx, cares_channel_class, cares_channel_new));
}
