/* os.c: the `os` internal binding (host, CPU, memory, network and user information through
 * libuv, and os.constants), used by lib/os.js. */
#include "rt/rt.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Functions that can fail take a trailing `ctx` object, as in node: on failure they fill it with
 * errno, code, message and syscall and return undefined, and lib/os.js throws ERR_SYSTEM_ERROR
 * from it. Without a ctx object they throw the plain system error instead. */
static JSValueRef os_fail(JSContextRef ctx, JSValueRef ctxobj, int err, const char *syscall,
                          JSValueRef *exc) {
    if (!JSValueIsObject(ctx, ctxobj)) {
        return rt_throw_uv(ctx, exc, err, syscall, NULL, NULL);
    }
    JSObjectRef o = (JSObjectRef)ctxobj;
    char name[64];
    char message[256];
    uv_err_name_r(err, name, sizeof(name));
    uv_strerror_r(err, message, sizeof(message));
    rt_set_num(ctx, o, "errno", err);
    rt_set_str(ctx, o, "code", name);
    rt_set_str(ctx, o, "message", message);
    rt_set_str(ctx, o, "syscall", syscall);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef os_get_hostname(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char name[UV_MAXHOSTNAMESIZE];
    size_t len = sizeof(name);
    int err = uv_os_gethostname(name, &len);
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), err, "uv_os_gethostname", exc);
    }
    return rt_string_from_utf8(ctx, name, len);
}

/* Calls a libuv function of the uv_os_homedir/uv_os_tmpdir shape, growing the buffer as
 * libuv asks (UV_ENOBUFS sets len to the size it needs). */
static JSValueRef os_path_call(JSContextRef ctx, int (*get)(char *, size_t *),
                               const char *syscall, JSValueRef ctxobj, JSValueRef *exc) {
    char small[1024];
    size_t len = sizeof(small);
    int err = get(small, &len);
    if (err == 0) {
        return rt_string_from_utf8(ctx, small, len);
    }
    if (err != UV_ENOBUFS) {
        return os_fail(ctx, ctxobj, err, syscall, exc);
    }
    char *big = malloc(len + 1);
    if (!big) {
        return os_fail(ctx, ctxobj, UV_ENOMEM, syscall, exc);
    }
    len += 1;
    err = get(big, &len);
    JSValueRef result = err == 0 ? rt_string_from_utf8(ctx, big, len)
                                 : os_fail(ctx, ctxobj, err, syscall, exc);
    free(big);
    return result;
}

static JSValueRef os_get_home_directory(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return os_path_call(ctx, uv_os_homedir, "uv_os_homedir", rt_arg(ctx, argc, argv, 0), exc);
}

static JSValueRef os_get_uptime(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double uptime;
    int err = uv_uptime(&uptime);
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), err, "uv_uptime", exc);
    }
    return JSValueMakeNumber(ctx, uptime);
}

static JSValueRef os_get_total_mem(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeNumber(ctx, (double)uv_get_total_memory());
}

static JSValueRef os_get_free_mem(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeNumber(ctx, (double)uv_get_free_memory());
}

static JSValueRef os_get_load_avg(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double avg[3];
    uv_loadavg(avg);
    JSValueRef values[3] = {JSValueMakeNumber(ctx, avg[0]), JSValueMakeNumber(ctx, avg[1]),
                            JSValueMakeNumber(ctx, avg[2])};
    return JSObjectMakeArray(ctx, 3, values, exc);
}

static JSValueRef os_get_available_parallelism(JSContextRef ctx, JSObjectRef fn,
                                               JSObjectRef self, size_t argc,
                                               const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeNumber(ctx, (double)uv_available_parallelism());
}

/* Protects v and returns it (for values kept in a malloc'd array until a JS array holds
 * them; the caller unprotects them). */
static JSValueRef os_protected(JSContextRef ctx, JSValueRef v) {
    JSValueProtect(ctx, v);
    return v;
}

/* getCPUs(ctx): a flat array, 7 entries per CPU: model, speed, user, nice, sys, idle, irq. */
static JSValueRef os_get_cpus(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    uv_cpu_info_t *cpus;
    int count;
    int err = uv_cpu_info(&cpus, &count);
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), err, "uv_cpu_info", exc);
    }
    size_t n = (size_t)count * 7;
    JSValueRef *values = malloc((n ? n : 1) * sizeof(JSValueRef));
    if (!values) {
        uv_free_cpu_info(cpus, count);
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), UV_ENOMEM, "uv_cpu_info", exc);
    }
    for (int i = 0; i < count; i++) {
        const uv_cpu_info_t *c = &cpus[i];
        JSValueRef *v = values + (size_t)i * 7;
        /* values is not scanned by the collector: the string stays protected until the
         * array holds it. */
        v[0] = os_protected(ctx, rt_string_from_cstr(ctx, c->model ? c->model : ""));
        v[1] = JSValueMakeNumber(ctx, c->speed);
        v[2] = JSValueMakeNumber(ctx, (double)c->cpu_times.user);
        v[3] = JSValueMakeNumber(ctx, (double)c->cpu_times.nice);
        v[4] = JSValueMakeNumber(ctx, (double)c->cpu_times.sys);
        v[5] = JSValueMakeNumber(ctx, (double)c->cpu_times.idle);
        v[6] = JSValueMakeNumber(ctx, (double)c->cpu_times.irq);
    }
    uv_free_cpu_info(cpus, count);
    JSObjectRef arr = JSObjectMakeArray(ctx, n, values, exc);
    for (size_t i = 0; i < n; i += 7) {
        JSValueUnprotect(ctx, values[i]);
    }
    free(values);
    return arr;
}

/* getInterfaceAddresses(ctx): a flat array, 7 entries per address: name, address, netmask,
 * family ('IPv4'/'IPv6'), mac, internal, scopeid (-1 for IPv4). */
static JSValueRef os_get_interface_addresses(JSContextRef ctx, JSObjectRef fn,
                                             JSObjectRef self, size_t argc,
                                             const JSValueRef argv[], JSValueRef *exc) {
    uv_interface_address_t *ifs;
    int count;
    int err = uv_interface_addresses(&ifs, &count);
    if (err == UV_ENOSYS) {
        return JSObjectMakeArray(ctx, 0, NULL, exc);
    }
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), err, "uv_interface_addresses", exc);
    }
    size_t n = (size_t)count * 7;
    JSValueRef *values = malloc((n ? n : 1) * sizeof(JSValueRef));
    if (!values) {
        uv_free_interface_addresses(ifs, count);
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), UV_ENOMEM, "uv_interface_addresses",
                       exc);
    }
    for (int i = 0; i < count; i++) {
        const uv_interface_address_t *a = &ifs[i];
        JSValueRef *v = values + (size_t)i * 7;
        char ip[INET6_ADDRSTRLEN] = "";
        char mask[INET6_ADDRSTRLEN] = "";
        const char *family;
        double scopeid = -1;
        if (a->address.address4.sin_family == AF_INET) {
            uv_ip4_name(&a->address.address4, ip, sizeof(ip));
            uv_ip4_name(&a->netmask.netmask4, mask, sizeof(mask));
            family = "IPv4";
        } else if (a->address.address4.sin_family == AF_INET6) {
            uv_ip6_name(&a->address.address6, ip, sizeof(ip));
            uv_ip6_name(&a->netmask.netmask6, mask, sizeof(mask));
            family = "IPv6";
            scopeid = a->address.address6.sin6_scope_id;
        } else {
            snprintf(ip, sizeof(ip), "<unknown>");
            family = "unknown";
        }
        char mac[18];
        const unsigned char *p = (const unsigned char *)a->phys_addr;
        snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4],
                 p[5]);
        /* values is not scanned by the collector: each string stays protected until the
         * array holds it. */
        v[0] = os_protected(ctx, rt_string_from_cstr(ctx, a->name ? a->name : ""));
        v[1] = os_protected(ctx, rt_string_from_cstr(ctx, ip));
        v[2] = os_protected(ctx, rt_string_from_cstr(ctx, mask));
        v[3] = os_protected(ctx, rt_string_from_cstr(ctx, family));
        v[4] = os_protected(ctx, rt_string_from_cstr(ctx, mac));
        v[5] = JSValueMakeBoolean(ctx, a->is_internal);
        v[6] = JSValueMakeNumber(ctx, scopeid);
    }
    uv_free_interface_addresses(ifs, count);
    JSObjectRef arr = JSObjectMakeArray(ctx, n, values, exc);
    for (size_t i = 0; i < n; i += 7) {
        for (size_t k = 0; k < 5; k++) {
            JSValueUnprotect(ctx, values[i + k]);
        }
    }
    free(values);
    return arr;
}

/* getOSInformation(ctx): [sysname, version, release, machine]. */
static JSValueRef os_get_os_information(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    uv_utsname_t info;
    int err = uv_os_uname(&info);
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), err, "uv_os_uname", exc);
    }
    JSValueRef values[4] = {rt_string_from_cstr(ctx, info.sysname),
                            rt_string_from_cstr(ctx, info.version),
                            rt_string_from_cstr(ctx, info.release),
                            rt_string_from_cstr(ctx, info.machine)};
    return JSObjectMakeArray(ctx, 4, values, exc);
}

/* getUserInfo(ctx): { uid, gid, username, homedir, shell } of the effective user. */
static JSValueRef os_get_user_info(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    uv_passwd_t pwd;
    int err = uv_os_get_passwd(&pwd);
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 0), err, "uv_os_get_passwd", exc);
    }
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
    rt_set_num(ctx, o, "uid", (double)(long)pwd.uid);
    rt_set_num(ctx, o, "gid", (double)(long)pwd.gid);
    rt_set_str(ctx, o, "username", pwd.username ? pwd.username : "");
    rt_set_str(ctx, o, "homedir", pwd.homedir ? pwd.homedir : "");
    if (pwd.shell) {
        rt_set_str(ctx, o, "shell", pwd.shell);
    } else {
        rt_set(ctx, o, "shell", JSValueMakeNull(ctx));
    }
    uv_os_free_passwd(&pwd);
    return o;
}

/* A pid argument: lib/os.js has validated it as an int32 already. */
static int os_arg_int32(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    int64_t v = rt_arg_int(ctx, argc, argv, i);
    if (v < INT32_MIN || v > INT32_MAX) {
        return 0;
    }
    return (int)v;
}

/* setPriority(pid, priority, ctx): 0, or the libuv error (after filling ctx). */
static JSValueRef os_set_priority(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int pid = os_arg_int32(ctx, argc, argv, 0);
    int priority = os_arg_int32(ctx, argc, argv, 1);
    int err = uv_os_setpriority((uv_pid_t)pid, priority);
    if (err < 0) {
        if (!os_fail(ctx, rt_arg(ctx, argc, argv, 2), err, "uv_os_setpriority", exc)) {
            return NULL;
        }
    }
    return JSValueMakeNumber(ctx, err);
}

/* getPriority(pid, ctx): the priority, or undefined (after filling ctx). */
static JSValueRef os_get_priority(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int pid = os_arg_int32(ctx, argc, argv, 0);
    int priority;
    int err = uv_os_getpriority((uv_pid_t)pid, &priority);
    if (err < 0) {
        return os_fail(ctx, rt_arg(ctx, argc, argv, 1), err, "uv_os_getpriority", exc);
    }
    return JSValueMakeNumber(ctx, priority);
}

static const JSStaticFunction os_functions[] = {
    {"getHostname", os_get_hostname, RT_FN_ATTRS},
    {"getHomeDirectory", os_get_home_directory, RT_FN_ATTRS},
    {"getUptime", os_get_uptime, RT_FN_ATTRS},
    {"getTotalMem", os_get_total_mem, RT_FN_ATTRS},
    {"getFreeMem", os_get_free_mem, RT_FN_ATTRS},
    {"getLoadAvg", os_get_load_avg, RT_FN_ATTRS},
    {"getAvailableParallelism", os_get_available_parallelism, RT_FN_ATTRS},
    {"getCPUs", os_get_cpus, RT_FN_ATTRS},
    {"getInterfaceAddresses", os_get_interface_addresses, RT_FN_ATTRS},
    {"getOSInformation", os_get_os_information, RT_FN_ATTRS},
    {"getUserInfo", os_get_user_info, RT_FN_ATTRS},
    {"setPriority", os_set_priority, RT_FN_ATTRS},
    {"getPriority", os_get_priority, RT_FN_ATTRS},
    {0, 0, 0},
};

/* ---- os.constants ---- */

typedef struct {
    const char *name;
    int value;
} os_constant_t;

/* Signals in node's order (os.constants.signals keys are enumerated in this order). */
static const os_constant_t os_signals[] = {
#ifdef SIGHUP
    {"SIGHUP", SIGHUP},
#endif
#ifdef SIGINT
    {"SIGINT", SIGINT},
#endif
#ifdef SIGQUIT
    {"SIGQUIT", SIGQUIT},
#endif
#ifdef SIGILL
    {"SIGILL", SIGILL},
#endif
#ifdef SIGTRAP
    {"SIGTRAP", SIGTRAP},
#endif
#ifdef SIGABRT
    {"SIGABRT", SIGABRT},
#endif
#ifdef SIGIOT
    {"SIGIOT", SIGIOT},
#endif
#ifdef SIGBUS
    {"SIGBUS", SIGBUS},
#endif
#ifdef SIGFPE
    {"SIGFPE", SIGFPE},
#endif
#ifdef SIGKILL
    {"SIGKILL", SIGKILL},
#endif
#ifdef SIGUSR1
    {"SIGUSR1", SIGUSR1},
#endif
#ifdef SIGSEGV
    {"SIGSEGV", SIGSEGV},
#endif
#ifdef SIGUSR2
    {"SIGUSR2", SIGUSR2},
#endif
#ifdef SIGPIPE
    {"SIGPIPE", SIGPIPE},
#endif
#ifdef SIGALRM
    {"SIGALRM", SIGALRM},
#endif
#ifdef SIGTERM
    {"SIGTERM", SIGTERM},
#endif
#ifdef SIGCHLD
    {"SIGCHLD", SIGCHLD},
#endif
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
#ifdef SIGCONT
    {"SIGCONT", SIGCONT},
#endif
#ifdef SIGSTOP
    {"SIGSTOP", SIGSTOP},
#endif
#ifdef SIGTSTP
    {"SIGTSTP", SIGTSTP},
#endif
#ifdef SIGTTIN
    {"SIGTTIN", SIGTTIN},
#endif
#ifdef SIGTTOU
    {"SIGTTOU", SIGTTOU},
#endif
#ifdef SIGURG
    {"SIGURG", SIGURG},
#endif
#ifdef SIGXCPU
    {"SIGXCPU", SIGXCPU},
#endif
#ifdef SIGXFSZ
    {"SIGXFSZ", SIGXFSZ},
#endif
#ifdef SIGVTALRM
    {"SIGVTALRM", SIGVTALRM},
#endif
#ifdef SIGPROF
    {"SIGPROF", SIGPROF},
#endif
#ifdef SIGWINCH
    {"SIGWINCH", SIGWINCH},
#endif
#ifdef SIGIO
    {"SIGIO", SIGIO},
#endif
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
#ifdef SIGLOST
    {"SIGLOST", SIGLOST},
#endif
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
#ifdef SIGINFO
    {"SIGINFO", SIGINFO},
#endif
#ifdef SIGSYS
    {"SIGSYS", SIGSYS},
#endif
#ifdef SIGUNUSED
    {"SIGUNUSED", SIGUNUSED},
#endif
    {NULL, 0},
};

/* errno values in node's order. */
#define OS_ERRNO_LIST(V)                                                                           \
    V(E2BIG) V(EACCES) V(EADDRINUSE) V(EADDRNOTAVAIL) V(EAFNOSUPPORT) V(EAGAIN) V(EALREADY)        \
    V(EBADF) V(EBADMSG) V(EBUSY) V(ECANCELED) V(ECHILD) V(ECONNABORTED) V(ECONNREFUSED)           \
    V(ECONNRESET) V(EDEADLK) V(EDESTADDRREQ) V(EDOM) V(EDQUOT) V(EEXIST) V(EFAULT) V(EFBIG)       \
    V(EHOSTUNREACH) V(EIDRM) V(EILSEQ) V(EINPROGRESS) V(EINTR) V(EINVAL) V(EIO) V(EISCONN)       \
    V(EISDIR) V(ELOOP) V(EMFILE) V(EMLINK) V(EMSGSIZE) V(EMULTIHOP) V(ENAMETOOLONG)              \
    V(ENETDOWN) V(ENETRESET) V(ENETUNREACH) V(ENFILE) V(ENOBUFS) V(ENODATA) V(ENODEV) V(ENOENT)  \
    V(ENOEXEC) V(ENOLCK) V(ENOLINK) V(ENOMEM) V(ENOMSG) V(ENOPROTOOPT) V(ENOSPC) V(ENOSR)        \
    V(ENOSTR) V(ENOSYS) V(ENOTCONN) V(ENOTDIR) V(ENOTEMPTY) V(ENOTSOCK) V(ENOTSUP) V(ENOTTY)     \
    V(ENXIO) V(EOPNOTSUPP) V(EOVERFLOW) V(EPERM) V(EPIPE) V(EPROTO) V(EPROTONOSUPPORT)           \
    V(EPROTOTYPE) V(ERANGE) V(EROFS) V(ESPIPE) V(ESRCH) V(ESTALE) V(ETIME) V(ETIMEDOUT)          \
    V(ETXTBSY) V(EWOULDBLOCK) V(EXDEV)

#define OS_ERRNO_ENTRY(name) {#name, name},
static const os_constant_t os_errnos[] = {OS_ERRNO_LIST(OS_ERRNO_ENTRY){NULL, 0}};
#undef OS_ERRNO_ENTRY

static const os_constant_t os_priorities[] = {
    {"PRIORITY_LOW", UV_PRIORITY_LOW},
    {"PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL},
    {"PRIORITY_NORMAL", UV_PRIORITY_NORMAL},
    {"PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL},
    {"PRIORITY_HIGH", UV_PRIORITY_HIGH},
    {"PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST},
    {NULL, 0},
};

static const os_constant_t os_dlopen[] = {
#ifdef RTLD_LAZY
    {"RTLD_LAZY", RTLD_LAZY},
#endif
#ifdef RTLD_NOW
    {"RTLD_NOW", RTLD_NOW},
#endif
#ifdef RTLD_GLOBAL
    {"RTLD_GLOBAL", RTLD_GLOBAL},
#endif
#ifdef RTLD_LOCAL
    {"RTLD_LOCAL", RTLD_LOCAL},
#endif
#ifdef RTLD_DEEPBIND
    {"RTLD_DEEPBIND", RTLD_DEEPBIND},
#endif
    {NULL, 0},
};

/* A null-prototype object holding the table's name -> value pairs. */
static JSObjectRef os_constants_object(JSContextRef ctx, const os_constant_t *table) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
    for (const os_constant_t *c = table; table && c->name; c++) {
        rt_set_num(ctx, o, c->name, c->value);
    }
    return o;
}

void rt_binding_os_init(rt_env_t *env, JSObjectRef target) {
    JSContextRef ctx = env->ctx;
    rt_define_functions(env, target, os_functions);
    JSObjectRef constants = os_constants_object(ctx, NULL);
    rt_set_num(ctx, constants, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
    rt_set(ctx, constants, "dlopen", os_constants_object(ctx, os_dlopen));
    rt_set(ctx, constants, "errno", os_constants_object(ctx, os_errnos));
    rt_set(ctx, constants, "signals", os_constants_object(ctx, os_signals));
    rt_set(ctx, constants, "priority", os_constants_object(ctx, os_priorities));
    rt_set(ctx, target, "constants", constants);
}
