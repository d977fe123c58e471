/* profiler.c: the `profiler` internal binding, the engine's sampling profiler behind
 * --cpu-prof (lib/internal/cpu_profile.js turns its samples into a .cpuprofile file).
 *
 *   start()                starts sampling the calling thread's engine; false if it cannot
 *   take()                 the samples so far as the engine's JSON text (and clears them)
 *   onExit(fn)             fn() runs once just before the process exits, whatever the path
 *                          (natural end, process.exit(), a fatal error) */
#include "rt/rt.h"
#include "rt/internal.h"

/* JavaScriptCore's private C API (JSContextRefPrivate.h), exported by the library. */
bool JSContextGroupEnableSamplingProfiler(JSContextGroupRef group);
JSStringRef JSContextGroupTakeSamplesFromSamplingProfiler(JSContextGroupRef group);

static JSValueRef profiler_start(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    /* The interval (engine option sampleInterval) is set by src/main.c before the engine
     * starts: its options are read-only afterwards. */
    bool ok = JSContextGroupEnableSamplingProfiler(JSContextGetGroup(ctx));
    return JSValueMakeBoolean(ctx, ok);
}

static JSValueRef profiler_take(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    JSStringRef json = JSContextGroupTakeSamplesFromSamplingProfiler(JSContextGetGroup(ctx));
    if (json == NULL) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef r = JSValueMakeString(ctx, json);
    JSStringRelease(json);
    return r;
}

static JSValueRef profiler_on_exit(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    rt_env_t *env = rt_env_get();
    JSValueRef hook = rt_arg(ctx, argc, argv, 0);
    if (env->exit_hook) {
        JSValueUnprotect(ctx, env->exit_hook);
        env->exit_hook = NULL;
    }
    if (JSValueIsObject(ctx, hook) && JSObjectIsFunction(ctx, (JSObjectRef)hook)) {
        env->exit_hook = (JSObjectRef)hook;
        JSValueProtect(ctx, hook);
    }
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction profiler_functions[] = {
    {"start", profiler_start, RT_FN_ATTRS},
    {"take", profiler_take, RT_FN_ATTRS},
    {"onExit", profiler_on_exit, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_profiler_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, profiler_functions);
}
