/* process.c: the `process` binding: process state, ids, resources, env and exiting. */
#include "rt/internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

extern char **environ;

/* ---- process.env: an object whose properties are the environment ---- */

static JSValueRef process_env_get(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                  JSValueRef *exc) {
    char *key = rt_jsstring_to_utf8(name, NULL);
    const char *v = getenv(key);
    free(key);
    if (!v) {
        return NULL; /* fall through to the prototype (toString, hasOwnProperty...) */
    }
    return rt_string_from_cstr(ctx, v);
}

static bool process_env_has(JSContextRef ctx, JSObjectRef obj, JSStringRef name) {
    char *key = rt_jsstring_to_utf8(name, NULL);
    bool has = getenv(key) != NULL;
    free(key);
    return has;
}

static bool process_env_set(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef value,
                            JSValueRef *exc) {
    if (JSValueIsSymbol(ctx, value)) {
        rt_throw_type_error(ctx, exc, "Cannot convert a Symbol value to a string");
        return true;
    }
    char *v = rt_to_utf8(ctx, value, NULL, exc);
    if (!v) {
        return true;
    }
    char *key = rt_jsstring_to_utf8(name, NULL);
    if (key[0] && !strchr(key, '=')) {
        setenv(key, v, 1);
    }
    free(key);
    free(v);
    return true;
}

static bool process_env_delete(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                               JSValueRef *exc) {
    char *key = rt_jsstring_to_utf8(name, NULL);
    unsetenv(key);
    free(key);
    return true;
}

static void process_env_names(JSContextRef ctx, JSObjectRef obj,
                              JSPropertyNameAccumulatorRef names) {
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) {
            continue;
        }
        size_t n = (size_t)(eq - *e);
        char *key = strndup(*e, n);
        JSStringRef s = rt_jsstr(key);
        JSPropertyNameAccumulatorAddName(names, s);
        JSStringRelease(s);
        free(key);
    }
}

static JSObjectRef process_make_env(JSContextRef ctx) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "Object";
    def.getProperty = process_env_get;
    def.hasProperty = process_env_has;
    def.setProperty = process_env_set;
    def.deleteProperty = process_env_delete;
    def.getPropertyNames = process_env_names;
    JSClassRef cls = JSClassCreate(&def);
    JSObjectRef o = JSObjectMake(ctx, cls, NULL);
    JSClassRelease(cls);
    return o;
}

/* ---- functions ---- */

#define PROCESS_FN(name)                                                                           \
    static JSValueRef name(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,        \
                           const JSValueRef argv[], JSValueRef *exc)

PROCESS_FN(process_cwd) {
    char buf[4096];
    size_t len = sizeof(buf);
    int err = uv_cwd(buf, &len);
    if (err) {
        return rt_throw_uv(ctx, exc, err, "uv_cwd", NULL, NULL);
    }
    return rt_string_from_utf8(ctx, buf, len);
}

/* Bumped by every successful chdir of the process: workers cache process.cwd() until it
 * changes. Read from JS through cwdGeneration()'s Int32Array with Atomics.load. */
static int32_t process_cwd_generation;

/* cwdGeneration() -> an Int32Array over the process-wide chdir counter. */
PROCESS_FN(process_cwd_generation_view) {
    return JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeInt32Array,
                                                 &process_cwd_generation,
                                                 sizeof(process_cwd_generation), NULL, NULL, exc);
}

/* splitNodeOptions(text) -> the words of a NODE_OPTIONS value, split as at startup. */
PROCESS_FN(process_split_node_options) {
    char *text = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!text) {
        return NULL;
    }
    int count = 0;
    char **words = rt_split_node_options("", text, &count);
    free(text);
    JSObjectRef list = JSObjectMakeArray(ctx, 0, NULL, NULL);
    if (words) {
        for (int i = 1; i < count; i++) {
            JSObjectSetPropertyAtIndex(ctx, list, (unsigned)(i - 1),
                                       rt_string_from_cstr(ctx, words[i]), NULL);
        }
        free(words[1]);
        free(words);
    }
    return list;
}

PROCESS_FN(process_chdir) {
    char *dir = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!dir) {
        return NULL;
    }
    int err = uv_chdir(dir);
    if (err) {
        /* Node: "ENOENT: no such file or directory, chdir /cwd -> 'dir'" */
        char cwd[4096];
        size_t len = sizeof(cwd);
        if (uv_cwd(cwd, &len) != 0) {
            cwd[0] = 0;
        }
        char msg[8400];
        snprintf(msg, sizeof(msg), "%s: %s, chdir %s -> '%s'", uv_err_name(err),
                 uv_strerror(err), cwd, dir);
        JSValueRef a[1] = {rt_string_from_cstr(ctx, msg)};
        JSObjectRef e = JSObjectMakeError(ctx, 1, a, NULL);
        rt_set_num(ctx, e, "errno", err);
        rt_set_str(ctx, e, "code", uv_err_name(err));
        rt_set_str(ctx, e, "syscall", "chdir");
        rt_set_str(ctx, e, "path", cwd);
        rt_set_str(ctx, e, "dest", dir);
        free(dir);
        *exc = e;
        return NULL;
    }
    free(dir);
    __atomic_add_fetch(&process_cwd_generation, 1, __ATOMIC_SEQ_CST);
    return JSValueMakeUndefined(ctx);
}

PROCESS_FN(process_umask) {
    mode_t old;
    if (argc == 0 || JSValueIsUndefined(ctx, argv[0])) {
        old = umask(0);
        umask(old);
    } else {
        old = umask((mode_t)rt_arg_int(ctx, argc, argv, 0) & 0777);
    }
    return JSValueMakeNumber(ctx, old);
}

/* hrtimeBigInt() -> nanoseconds from an arbitrary fixed point, as a BigInt. */
PROCESS_FN(process_hrtime_bigint) {
    return JSBigIntCreateWithUInt64(ctx, uv_hrtime(), exc);
}

/* hrtime() -> nanoseconds as a Number (exact below 2^53 ns, about 104 days of uptime). */
PROCESS_FN(process_hrtime) {
    return JSValueMakeNumber(ctx, (double)uv_hrtime());
}

PROCESS_FN(process_rss) {
    size_t rss = 0;
    uv_resident_set_memory(&rss);
    return JSValueMakeNumber(ctx, (double)rss);
}

JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);

/* memoryUsage() -> { rss, heapTotal, heapUsed, external, arrayBuffers } */
PROCESS_FN(process_memory_usage) {
    size_t rss = 0;
    uv_resident_set_memory(&rss);
    JSObjectRef stats = JSGetMemoryUsageStatistics(ctx);
    double heap = 0, cap = 0, extra = 0;
    if (stats) {
        heap = rt_num(ctx, rt_get(ctx, stats, "heapSize"));
        cap = rt_num(ctx, rt_get(ctx, stats, "heapCapacity"));
        extra = rt_num(ctx, rt_get(ctx, stats, "extraMemorySize"));
    }
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    rt_set_num(ctx, o, "rss", (double)rss);
    rt_set_num(ctx, o, "heapTotal", cap == cap ? cap : 0);
    rt_set_num(ctx, o, "heapUsed", heap == heap ? heap : 0);
    rt_set_num(ctx, o, "external", extra == extra ? extra : 0);
    rt_set_num(ctx, o, "arrayBuffers", 0);
    return o;
}

/* resourceUsage() -> [16 numbers] in Node's field order; cpuUsage reads the first two. */
PROCESS_FN(process_resource_usage) {
    uv_rusage_t ru;
    int err = uv_getrusage(&ru);
    if (err) {
        return rt_throw_uv(ctx, exc, err, "uv_getrusage", NULL, NULL);
    }
    double f[16] = {
        (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec,
        (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec,
        (double)ru.ru_maxrss,
        (double)ru.ru_ixrss,
        (double)ru.ru_idrss,
        (double)ru.ru_isrss,
        (double)ru.ru_minflt,
        (double)ru.ru_majflt,
        (double)ru.ru_nswap,
        (double)ru.ru_inblock,
        (double)ru.ru_oublock,
        (double)ru.ru_msgsnd,
        (double)ru.ru_msgrcv,
        (double)ru.ru_nsignals,
        (double)ru.ru_nvcsw,
        (double)ru.ru_nivcsw,
    };
    JSValueRef v[16];
    for (int i = 0; i < 16; i++) {
        v[i] = JSValueMakeNumber(ctx, f[i]);
    }
    return JSObjectMakeArray(ctx, 16, v, exc);
}

PROCESS_FN(process_uptime) {
    double up = 0;
    uv_uptime(&up);
    return JSValueMakeNumber(ctx, up);
}

PROCESS_FN(process_really_exit) {
    rt__really_exit(rt_env_get(), (int)rt_arg_int(ctx, argc, argv, 0));
}

PROCESS_FN(process_abort) {
    fflush(stdout);
    fflush(stderr);
    abort();
}

PROCESS_FN(process_kill) {
    int64_t pid = rt_arg_int(ctx, argc, argv, 0);
    int64_t sig = rt_arg_int(ctx, argc, argv, 1);
    int err = uv_kill((int)pid, (int)sig);
    return JSValueMakeNumber(ctx, err);
}

/* One limit file of a cgroup: its value, UINT64_MAX for "max" or a v1 "unlimited" value
 * (the kernel's page-counter maximum), or 0 when it cannot be read. */
static uint64_t process_cgroup_limit(const char *dir, const char *file) {
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        return 0;
    }
    char buf[64] = {0};
    bool ok = fgets(buf, sizeof(buf), f) != NULL;
    fclose(f);
    if (!ok) {
        return 0;
    }
    if (strncmp(buf, "max", 3) == 0) {
        return UINT64_MAX;
    }
    unsigned long long v = strtoull(buf, NULL, 10);
    return v >= 0x7FFFFFFFFFFFF000ULL ? UINT64_MAX : (uint64_t)v;
}

/* The smaller of two limits where 0 means "unknown". */
static uint64_t process_min_limit(uint64_t a, uint64_t b) {
    if (a == 0) {
        return b;
    }
    if (b == 0) {
        return a;
    }
    return a < b ? a : b;
}

/* constrainedMemory(): the memory limit of the process's cgroup (v1 memory controller or
 * v2 unified: the lower of the soft and hard limits), UINT64_MAX when it sets none, 0 when
 * there is no cgroup to ask. */
PROCESS_FN(process_constrained_memory) {
    FILE *f = fopen("/proc/self/cgroup", "re");
    if (f == NULL) {
        return JSValueMakeNumber(ctx, 0);
    }
    char line[PATH_MAX];
    char v1[PATH_MAX] = "";
    char v2[PATH_MAX] = "";
    bool have_v1 = false, have_v2 = false;
    while (fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        const char *rest = strchr(line, ':');
        if (rest == NULL) {
            continue;
        }
        if (strncmp(rest, "::", 2) == 0) {
            snprintf(v2, sizeof(v2), "/sys/fs/cgroup%s", rest + 2);
            have_v2 = true;
        } else if (strncmp(rest, ":memory:", 8) == 0) {
            snprintf(v1, sizeof(v1), "/sys/fs/cgroup/memory%s", rest + 8);
            have_v1 = true;
        }
    }
    fclose(f);
    uint64_t limit = 0;
    if (have_v1) {
        limit = process_min_limit(process_cgroup_limit(v1, "memory.soft_limit_in_bytes"),
                                  process_cgroup_limit(v1, "memory.limit_in_bytes"));
    } else if (have_v2) {
        limit = process_min_limit(process_cgroup_limit(v2, "memory.high"),
                                  process_cgroup_limit(v2, "memory.max"));
    }
    return JSValueMakeNumber(ctx, (double)limit);
}

PROCESS_FN(process_get_ids) {
    JSValueRef v[5] = {
        JSValueMakeNumber(ctx, getuid()),  JSValueMakeNumber(ctx, geteuid()),
        JSValueMakeNumber(ctx, getgid()),  JSValueMakeNumber(ctx, getegid()),
        JSValueMakeNumber(ctx, getppid()),
    };
    return JSObjectMakeArray(ctx, 5, v, exc);
}

PROCESS_FN(process_get_groups) {
    gid_t groups[256];
    int n = getgroups(256, groups);
    if (n < 0) {
        n = 0;
    }
    JSValueRef v[257];
    for (int i = 0; i < n; i++) {
        v[i] = JSValueMakeNumber(ctx, groups[i]);
    }
    return JSObjectMakeArray(ctx, (size_t)n, v, exc);
}

PROCESS_FN(process_get_title) {
    char buf[1024];
    if (uv_get_process_title(buf, sizeof(buf)) != 0) {
        return rt_string_from_cstr(ctx, "cairn");
    }
    return rt_string_from_cstr(ctx, buf);
}

PROCESS_FN(process_set_title) {
    char *t = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!t) {
        return NULL;
    }
    uv_set_process_title(t);
    free(t);
    return JSValueMakeUndefined(ctx);
}

/* dlopenProbe(filename): whether the shared object at filename loads. Returns null when it
 * does (it is unloaded again), else the loader's message ("x.node: file too short"). Symbols
 * are bound at once, so an addon that needs the Node-API fails without running its
 * constructors; cairn cannot run addons, the caller decides what to throw. */
PROCESS_FN(process_dlopen_probe) {
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!path) {
        return NULL;
    }
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    free(path);
    if (lib) {
        dlclose(lib);
        return JSValueMakeNull(ctx);
    }
    const char *msg = dlerror();
    return rt_string_from_cstr(ctx, msg ? msg : "dlopen failed");
}

/* Exported by the engine but not declared in its public headers. */
void JSSynchronousGarbageCollectForDebugging(JSContextRef ctx);
void JSSynchronousEdenCollectForDebugging(JSContextRef ctx);

/* gc(minor): a synchronous collection for --expose-gc's gc() (lib/internal/bootstrap/
 * globals.js): of the whole heap, or with minor true of the young objects only, as
 * gc({ type: 'minor' }) is in node (JSGarbageCollect only hints that one would be welcome). */
PROCESS_FN(process_gc) {
    if (rt_bool(ctx, rt_arg(ctx, argc, argv, 0))) {
        JSSynchronousEdenCollectForDebugging(ctx);
    } else {
        JSSynchronousGarbageCollectForDebugging(ctx);
    }
    return JSValueMakeUndefined(ctx);
}

/* setExitCode(n): the code used if the process ends on an uncaught error path. */
PROCESS_FN(process_set_exit_code) {
    rt_env_get()->exit_code = (int)rt_arg_int(ctx, argc, argv, 0);
    return JSValueMakeUndefined(ctx);
}

/* Resolves a user (is_group false) or group name or number to an id; returns -1 if unknown. */
static int64_t process_resolve_id(JSContextRef ctx, JSValueRef v, bool is_group) {
    if (JSValueIsNumber(ctx, v)) {
        return (int64_t)rt_num(ctx, v);
    }
    char *name = rt_to_utf8(ctx, v, NULL, NULL);
    if (!name) {
        return -1;
    }
    int64_t id = -1;
    char buf[16384];
    if (is_group) {
        struct group g, *gp = NULL;
        if (getgrnam_r(name, &g, buf, sizeof(buf), &gp) == 0 && gp) {
            id = gp->gr_gid;
        }
    } else {
        struct passwd p, *pp = NULL;
        if (getpwnam_r(name, &p, buf, sizeof(buf), &pp) == 0 && pp) {
            id = pp->pw_uid;
        }
    }
    free(name);
    return id;
}

/* setId(which, id) with which 'uid' | 'gid' | 'euid' | 'egid' -> 0, a negative errno, or
 * 1 when the name is unknown. */
PROCESS_FN(process_set_id) {
    char *which = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!which) {
        return NULL;
    }
    bool group = strcmp(which, "gid") == 0 || strcmp(which, "egid") == 0;
    int64_t id = process_resolve_id(ctx, rt_arg(ctx, argc, argv, 1), group);
    int r = 0;
    if (id < 0 || id > UINT32_MAX) {
        r = 1;
    } else if (strcmp(which, "uid") == 0) {
        r = setuid((uid_t)id);
    } else if (strcmp(which, "gid") == 0) {
        r = setgid((gid_t)id);
    } else if (strcmp(which, "euid") == 0) {
        r = seteuid((uid_t)id);
    } else {
        r = setegid((gid_t)id);
    }
    if (r < 0) {
        r = -errno;
    }
    free(which);
    return JSValueMakeNumber(ctx, r);
}

/* setGroups(array of ids or names) -> 0, a negative errno, or the 1-based index of an
 * unknown name. */
PROCESS_FN(process_set_groups) {
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, v)) {
        return rt_throw_type_error(ctx, exc, "groups must be an array");
    }
    size_t n = (size_t)rt_num(ctx, rt_get(ctx, (JSObjectRef)v, "length"));
    if (n > 65536) {
        n = 65536;
    }
    gid_t *gids = calloc(n + 1, sizeof(gid_t));
    RT_CHECK(gids != NULL);
    for (size_t i = 0; i < n; i++) {
        JSValueRef e = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)v, (unsigned)i, NULL);
        int64_t id = process_resolve_id(ctx, e, true);
        if (id < 0) {
            free(gids);
            return JSValueMakeNumber(ctx, (double)(i + 1));
        }
        gids[i] = (gid_t)id;
    }
    int r = setgroups(n, gids) < 0 ? -errno : 0;
    free(gids);
    return JSValueMakeNumber(ctx, r);
}

/* initGroups(user, extraGroup) -> 0, a negative errno, 1 (unknown user) or 2 (unknown group).
 * Like node, an unknown group is reported before an unknown user. */
PROCESS_FN(process_init_groups) {
    int64_t gid = process_resolve_id(ctx, rt_arg(ctx, argc, argv, 1), true);
    if (gid < 0) {
        return JSValueMakeNumber(ctx, 2);
    }
    JSValueRef user = rt_arg(ctx, argc, argv, 0);
    char *name = NULL;
    if (JSValueIsNumber(ctx, user)) {
        char buf[16384];
        struct passwd p, *pp = NULL;
        uid_t uid = (uid_t)rt_num(ctx, user);
        if (getpwuid_r(uid, &p, buf, sizeof(buf), &pp) == 0 && pp) {
            name = strdup(pp->pw_name);
        }
    } else if (process_resolve_id(ctx, user, false) >= 0) {
        name = rt_to_utf8(ctx, user, NULL, NULL);
    }
    if (!name) {
        return JSValueMakeNumber(ctx, 1);
    }
    int r = initgroups(name, (gid_t)gid) < 0 ? -errno : 0;
    free(name);
    return JSValueMakeNumber(ctx, r);
}

static const JSStaticFunction process_functions[] = {
    {"setId", process_set_id, RT_FN_ATTRS},
    {"constrainedMemory", process_constrained_memory, RT_FN_ATTRS},
    {"setGroups", process_set_groups, RT_FN_ATTRS},
    {"initGroups", process_init_groups, RT_FN_ATTRS},
    {"cwd", process_cwd, RT_FN_ATTRS},
    {"chdir", process_chdir, RT_FN_ATTRS},
    {"cwdGeneration", process_cwd_generation_view, RT_FN_ATTRS},
    {"splitNodeOptions", process_split_node_options, RT_FN_ATTRS},
    {"umask", process_umask, RT_FN_ATTRS},
    {"hrtime", process_hrtime, RT_FN_ATTRS},
    {"hrtimeBigInt", process_hrtime_bigint, RT_FN_ATTRS},
    {"rss", process_rss, RT_FN_ATTRS},
    {"memoryUsage", process_memory_usage, RT_FN_ATTRS},
    {"resourceUsage", process_resource_usage, RT_FN_ATTRS},
    {"uptime", process_uptime, RT_FN_ATTRS},
    {"reallyExit", process_really_exit, RT_FN_ATTRS},
    {"abort", process_abort, RT_FN_ATTRS},
    {"kill", process_kill, RT_FN_ATTRS},
    {"getIds", process_get_ids, RT_FN_ATTRS},
    {"getGroups", process_get_groups, RT_FN_ATTRS},
    {"getTitle", process_get_title, RT_FN_ATTRS},
    {"setTitle", process_set_title, RT_FN_ATTRS},
    {"gc", process_gc, RT_FN_ATTRS},
    {"dlopenProbe", process_dlopen_probe, RT_FN_ATTRS},
    {"setExitCode", process_set_exit_code, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_process_init(rt_env_t *env, JSObjectRef target) {
    JSContextRef ctx = env->ctx;
    rt_define_functions(env, target, process_functions);
    rt_set(ctx, target, "env", process_make_env(ctx));
    char exe[4096];
    size_t len = sizeof(exe);
    if (uv_exepath(exe, &len) == 0) {
        rt_set(ctx, target, "execPath", rt_string_from_utf8(ctx, exe, len));
    } else {
        rt_set_str(ctx, target, "execPath", env->argv[0]);
    }
    rt_set_num(ctx, target, "pid", uv_os_getpid());
    JSObjectRef argv = JSObjectMakeArray(ctx, 0, NULL, NULL);
    for (int i = 0; i < env->argc; i++) {
        JSObjectSetPropertyAtIndex(ctx, argv, (unsigned)i, rt_string_from_cstr(ctx, env->argv[i]),
                                   NULL);
    }
    rt_set(ctx, target, "rawArgv", argv);
    JSObjectRef versions = JSObjectMake(ctx, NULL, NULL);
    rt_set_str(ctx, versions, "uv", uv_version_string());
    rt_set_str(ctx, versions, "zlib", zlibVersion());
    const char *ossl = OpenSSL_version(OPENSSL_VERSION_STRING);
    rt_set_str(ctx, versions, "openssl", ossl ? ossl : "3");
    rt_set(ctx, target, "versions", versions);
}
