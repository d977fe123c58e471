/* main.c: the cairn command line: options, the entry point and the exit code. */
#include "rt/internal.h"

#include <jsc/jsc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { OPT_BOOL, OPT_VALUE, OPT_LIST } main_opt_kind_t;

typedef struct {
    const char *name;  /* long form, with the dashes */
    const char *alias; /* short form or NULL */
    main_opt_kind_t kind;
    const char *key; /* property of the options object */
} main_opt_t;

/* The runtime options cairn understands. Options node accepts that change nothing here
 * (engine tuning) are accepted and ignored; anything else is a bad option (exit 9). */
static const main_opt_t main_opts[] = {
    {"--eval", "-e", OPT_VALUE, "eval"},
    {"--print", "-p", OPT_VALUE, "print"},
    {"--require", "-r", OPT_LIST, "require"},
    {"--import", NULL, OPT_LIST, "import"},
    {"--check", "-c", OPT_BOOL, "check"},
    {"--interactive", "-i", OPT_BOOL, "interactive"},
    {"--version", "-v", OPT_BOOL, "version"},
    {"--help", "-h", OPT_BOOL, "help"},
    {"--input-type", NULL, OPT_VALUE, "inputType"},
    {"--conditions", "-C", OPT_LIST, "conditions"},
    {"--no-warnings", NULL, OPT_BOOL, "noWarnings"},
    {"--disable-warning", NULL, OPT_LIST, "disableWarning"},
    {"--no-deprecation", NULL, OPT_BOOL, "noDeprecation"},
    {"--throw-deprecation", NULL, OPT_BOOL, "throwDeprecation"},
    {"--trace-deprecation", NULL, OPT_BOOL, "traceDeprecation"},
    {"--pending-deprecation", NULL, OPT_BOOL, "pendingDeprecation"},
    {"--trace-warnings", NULL, OPT_BOOL, "traceWarnings"},
    {"--trace-uncaught", NULL, OPT_BOOL, "traceUncaught"},
    {"--redirect-warnings", NULL, OPT_VALUE, "redirectWarnings"},
    {"--unhandled-rejections", NULL, OPT_VALUE, "unhandledRejections"},
    {"--expose-gc", NULL, OPT_BOOL, "exposeGc"},
    {"--expose_gc", NULL, OPT_BOOL, "exposeGc"},
    {"--expose-internals", NULL, OPT_BOOL, "exposeInternals"},
    {"--expose_internals", NULL, OPT_BOOL, "exposeInternals"},
    {"--title", NULL, OPT_VALUE, "title"},
    {"--preserve-symlinks", NULL, OPT_BOOL, "preserveSymlinks"},
    {"--preserve-symlinks-main", NULL, OPT_BOOL, "preserveSymlinksMain"},
    {"--stack-trace-limit", NULL, OPT_VALUE, "stackTraceLimit"},
    {"--max-old-space-size", NULL, OPT_VALUE, NULL},
    {"--max-semi-space-size", NULL, OPT_VALUE, NULL},
    {"--stack-size", NULL, OPT_VALUE, NULL},
    {"--perf-basic-prof", NULL, OPT_BOOL, NULL},
    {"--perf-basic-prof-only-functions", NULL, OPT_BOOL, NULL},
    {"--perf-prof", NULL, OPT_BOOL, NULL},
    {"--perf-prof-unwinding-info", NULL, OPT_BOOL, NULL},
    {"--interpreted-frames-native-stack", NULL, OPT_BOOL, NULL},
    /* V8 tuning flags: nothing to tune in this engine. */
    {"--no-concurrent-array-buffer-sweeping", NULL, OPT_BOOL, NULL},
    {"--no-experimental-fetch", NULL, OPT_BOOL, "noFetch"},
    {"--no-experimental-websocket", NULL, OPT_BOOL, "noWebsocket"},
    {"--no-experimental-global-webcrypto", NULL, OPT_BOOL, "noGlobalWebcrypto"},
    {"--experimental-vm-modules", NULL, OPT_BOOL, NULL},
    {"--abort-on-uncaught-exception", NULL, OPT_BOOL, "abortOnUncaughtException"},
    {"--zero-fill-buffers", NULL, OPT_BOOL, "zeroFillBuffers"},
    {"--enable-source-maps", NULL, OPT_BOOL, NULL},
    {"--no-addons", NULL, OPT_BOOL, "noAddons"},
    {"--no-global-search-paths", NULL, OPT_BOOL, "noGlobalSearchPaths"},
    {"--experimental-require-module", NULL, OPT_BOOL, NULL},
    {"--experimental-strip-types", NULL, OPT_BOOL, NULL},
    {"--experimental-transform-types", NULL, OPT_BOOL, NULL},
    {"--no-experimental-strip-types", NULL, OPT_BOOL, "noStripTypes"},
    {"--no-experimental-require-module", NULL, OPT_BOOL, NULL},
    {"--experimental-default-type", NULL, OPT_VALUE, "defaultType"},
    {"--env-file", NULL, OPT_LIST, "envFile"},
    {"--max-http-header-size", NULL, OPT_VALUE, "maxHttpHeaderSize"},
    {"--test", NULL, OPT_BOOL, "test"},
    {"--cpu-prof", NULL, OPT_BOOL, "cpuProf"},
    {"--cpu-prof-dir", NULL, OPT_VALUE, "cpuProfDir"},
    {"--cpu-prof-name", NULL, OPT_VALUE, "cpuProfName"},
    {"--cpu-prof-interval", NULL, OPT_VALUE, "cpuProfInterval"},
    {"--dns-result-order", NULL, OPT_VALUE, "dnsResultOrder"},
    {"--network-family-autoselection", NULL, OPT_BOOL, NULL},
    {"--no-network-family-autoselection", NULL, OPT_BOOL, NULL},
    {"--network-family-autoselection-attempt-timeout", NULL, OPT_VALUE, NULL},
    {NULL, NULL, OPT_BOOL, NULL},
};

/* Options node refuses in NODE_OPTIONS. */
static bool main_env_forbidden(const main_opt_t *o) {
    static const char *const forbidden[] = {
        "--eval", "--print", "--check", "--interactive", "--version", "--help", "--test",
        "--expose-internals", "--expose_internals", NULL,
    };
    for (const char *const *f = forbidden; *f; f++) {
        if (strcmp(o->name, *f) == 0) {
            return true;
        }
    }
    return false;
}

static const main_opt_t *main_find_opt(const char *arg, size_t len) {
    for (const main_opt_t *o = main_opts; o->name; o++) {
        if ((strlen(o->name) == len && strncmp(o->name, arg, len) == 0) ||
            (o->alias && strlen(o->alias) == len && strncmp(o->alias, arg, len) == 0)) {
            return o;
        }
    }
    return NULL;
}

static void main_push(JSContextRef ctx, JSObjectRef arr, const char *s) {
    JSValueRef lenv = rt_get(ctx, arr, "length");
    unsigned idx = (unsigned)JSValueToNumber(ctx, lenv, NULL);
    JSObjectSetPropertyAtIndex(ctx, arr, idx, rt_string_from_cstr(ctx, s), NULL);
}

static JSObjectRef main_array(JSContextRef ctx) {
    return JSObjectMakeArray(ctx, 0, NULL, NULL);
}

/* Parses argv into the options object; returns 0, or an exit code (9 for a bad option).
 * With from_env, argv comes from NODE_OPTIONS: nothing goes to execArgv and node's
 * NODE_OPTIONS rules apply. lists holds the list-valued options across both calls. */
static int main_parse(rt_env_t *env, JSObjectRef options, JSObjectRef lists, int argc,
                      char **argv, int *exec_end, bool from_env) {
    JSContextRef ctx = env->ctx;
    JSValueRef existing = rt_get(ctx, options, "execArgv");
    JSObjectRef exec_argv =
        JSValueIsObject(ctx, existing) ? (JSObjectRef)existing : main_array(ctx);
    rt_set(ctx, options, "execArgv", exec_argv);
    const char *self = argv[0];
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (from_env && (a[0] != '-' || strcmp(a, "-") == 0)) {
            /* node ignores stray words in NODE_OPTIONS */
            continue;
        }
        if (strcmp(a, "--") == 0) {
            /* Ends the options; like node, execArgv does not keep it. */
            i++;
            break;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            break;
        }
        if (strcmp(a, "-pe") == 0 || strcmp(a, "-ep") == 0) {
            /* node's combined form: print the result of the code that follows */
            a = "-p";
        }
        const char *eq = strchr(a, '=');
        size_t nlen = eq && a[1] == '-' ? (size_t)(eq - a) : strlen(a);
        /* node accepts --foo_bar for --foo-bar */
        char norm[128];
        if (nlen < sizeof(norm)) {
            memcpy(norm, a, nlen);
            norm[nlen] = 0;
            for (size_t k = 2; k < nlen; k++) {
                if (norm[k] == '_') {
                    norm[k] = '-';
                }
            }
        } else {
            norm[0] = 0;
        }
        const main_opt_t *o = main_find_opt(norm, strlen(norm));
        if (from_env && (!o || main_env_forbidden(o))) {
            fprintf(stderr, "%s: %s is not allowed in NODE_OPTIONS\n", self, norm);
            return 9;
        }
        if (!o) {
            fprintf(stderr, "%s: bad option: %s\n", argv[0], a);
            return 9;
        }
        if (!from_env) {
            main_push(ctx, exec_argv, argv[i]);
        }
        if (o->kind == OPT_BOOL) {
            if (eq && a[1] == '-') {
                fprintf(stderr, "%s: %s does not take an argument\n", argv[0], norm);
                return 9;
            }
            if (o->key) {
                rt_set_bool(ctx, options, o->key, true);
            }
            continue;
        }
        const char *val;
        if (eq && a[1] == '-') {
            val = eq + 1;
        } else if (i + 1 < argc) {
            val = argv[++i];
            if (!from_env) {
                main_push(ctx, exec_argv, val);
            }
        } else {
            fprintf(stderr, "%s: %s requires an argument\n", argv[0], a);
            return 9;
        }
        if (!o->key) {
            continue;
        }
        if (o->kind == OPT_VALUE) {
            rt_set_str(ctx, options, o->key, val);
        } else {
            JSValueRef list = rt_get(ctx, lists, o->key);
            if (!JSValueIsObject(ctx, list)) {
                list = main_array(ctx);
                rt_set(ctx, lists, o->key, list);
                rt_set(ctx, options, o->key, list);
            }
            main_push(ctx, (JSObjectRef)list, val);
        }
        /* -e / -p end option parsing for what follows only in the sense that the rest
         * are script arguments once a non-option is seen; keep scanning. */
    }
    *exec_end = i;
    return 0;
}

/* node: the --cpu-prof-* options mean nothing without --cpu-prof. */
static int main_check_cpu_prof(JSContextRef ctx, JSObjectRef options, const char *self) {
    static const char *const deps[][2] = {{"cpuProfDir", "--cpu-prof-dir"},
                                          {"cpuProfName", "--cpu-prof-name"},
                                          {"cpuProfInterval", "--cpu-prof-interval"}};
    if (rt_bool(ctx, rt_get(ctx, options, "cpuProf"))) {
        return 0;
    }
    for (size_t i = 0; i < sizeof(deps) / sizeof(deps[0]); i++) {
        if (!JSValueIsUndefined(ctx, rt_get(ctx, options, deps[i][0]))) {
            fprintf(stderr, "%s: %s must be used with --cpu-prof\n", self, deps[i][1]);
            return 9;
        }
    }
    return 0;
}

/* --cpu-prof-interval sets an engine option, and those are read-only once the engine has
 * started: it is looked for before the rest of the command line is parsed. */
static void main_engine_options(int argc, char **argv) {
    static const char name[] = "--cpu-prof-interval";
    for (int i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
        const char *val = NULL;
        if (strcmp(argv[i], name) == 0 && i + 1 < argc) {
            val = argv[i + 1];
        } else if (strncmp(argv[i], name, sizeof(name) - 1) == 0 &&
                   argv[i][sizeof(name) - 1] == '=') {
            val = argv[i] + sizeof(name);
        }
        long us = val ? strtol(val, NULL, 10) : 0;
        if (us > 0 && us <= 1000000000L) {
            jsc_options_set_uint("sampleInterval", (guint)us);
        }
    }
}

int main(int argc, char **argv) {
    argv = uv_setup_args(argc, argv);
    main_engine_options(argc, argv);
    /* Like node: writes to a closed pipe fail with EPIPE instead of killing the process, and
     * files past the size limit fail with EFBIG. */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    rt_env_t *env = rt_new(argc, argv);
    JSContextRef ctx = env->ctx;
    JSObjectRef options = JSObjectMake(ctx, NULL, NULL);
    JSObjectRef lists = JSObjectMake(ctx, NULL, NULL);
    int exec_end = 1;
    int rc = 0;
    const char *env_opts = getenv("NODE_OPTIONS");
    if (env_opts && *env_opts) {
        int env_argc = 0;
        char **env_argv = rt_split_node_options(argv[0], env_opts, &env_argc);
        if (env_argv) {
            int env_end = 1;
            rc = main_parse(env, options, lists, env_argc, env_argv, &env_end, true);
            free(env_argv[1]);
            free(env_argv);
            if (rc) {
                return rc;
            }
        }
    }
    rc = main_parse(env, options, lists, argc, argv, &exec_end, false);
    if (rc) {
        return rc;
    }
    rc = main_check_cpu_prof(ctx, options, argv[0]);
    if (rc) {
        return rc;
    }
    JSObjectRef rest = main_array(ctx);
    for (int i = exec_end; i < argc; i++) {
        main_push(ctx, rest, argv[i]);
    }
    rt_set(ctx, options, "args", rest);
    rt__really_exit(env, rt_start(env, options));
}
