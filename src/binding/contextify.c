/* contextify.c: the `contextify` internal binding behind node:vm: contexts (new global objects
 * in the main context's group, whose globals forward to a "sandbox" object), script evaluation
 * in them, the engine watchdog for timeouts, and the heap figures node:v8 reports.
 *
 * A context's global object belongs to a JSClassRef whose property callbacks look at the
 * sandbox first and fall through to the context's own builtins (Array, Object, JSON...) when
 * the sandbox lacks a name, so reads of globals see the sandbox and writes land on it, like
 * node's interceptors. The engine keeps top-level `var` and function declarations in slots
 * that reads do not route through the callbacks, so before each run the binding copies the
 * sandbox's names onto the global (a name that already exists there makes a later `var` of
 * the same name use the callbacks) and refreshes slots whose sandbox value changed.
 *
 * Lifetimes: the global object holds the sandbox through a private property (a traced edge),
 * lib/vm.js maps sandbox -> global in a WeakMap, and no engine root is left behind, so a
 * context and its sandbox are collected together. The finalizer frees the C state. */
#include "rt/rt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Exported by the engine but missing from its public headers. */
JSGlobalContextRef JSObjectGetGlobalContext(JSObjectRef object);
bool JSObjectSetPrivateProperty(JSContextRef ctx, JSObjectRef object, JSStringRef name,
                                JSValueRef value);
JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);
void JSGlobalContextSetEvalEnabled(JSGlobalContextRef ctx, bool enabled, JSStringRef message);
typedef bool (*contextify_should_terminate_t)(JSContextRef ctx, void *context);
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                         contextify_should_terminate_t callback, void *context);
void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

typedef struct {
    JSGlobalContextRef ctx;
    /* The object the context's globals forward to; NULL for a context made with
     * vm.constants.DONT_CONTEXTIFY. Kept alive by a private property of the global. */
    JSObjectRef sandbox;
    /* While > 0 the callbacks fall through, so the binding can see the global's own state. */
    int bypass;
} contextify_t;

static JSClassRef contextify_global_class;
static _Thread_local bool contextify_watchdog_fired;

static contextify_t *contextify_of(JSObjectRef obj) {
    return obj ? JSObjectGetPrivate(obj) : NULL;
}

/* ---- the global object's callbacks ---- */

/* Whether name is "__proto__" (without making a string to compare with). */
static bool contextify_is_proto(JSStringRef name) {
    static const char proto[] = "__proto__";
    if (JSStringGetLength(name) != sizeof(proto) - 1) {
        return false;
    }
    const JSChar *chars = JSStringGetCharactersPtr(name);
    for (size_t i = 0; i < sizeof(proto) - 1; i++) {
        if (chars[i] != (JSChar)proto[i]) {
            return false;
        }
    }
    return true;
}

static bool contextify_forwards(contextify_t *c, JSStringRef name) {
    if (!c || !c->sandbox || c->bypass) {
        return false;
    }
    /* "__proto__" is the global's own prototype link, never a sandbox name. */
    return !contextify_is_proto(name);
}

static JSValueRef contextify_get_property(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                          JSValueRef *exc) {
    contextify_t *c = contextify_of(obj);
    if (!contextify_forwards(c, name)) {
        return NULL;
    }
    /* One lookup in the common case; only an undefined value needs to know whether the
     * sandbox has the name at all. */
    JSValueRef v = JSObjectGetProperty(ctx, c->sandbox, name, exc);
    if (!v || *exc) {
        return v;
    }
    if (JSValueIsUndefined(ctx, v) && !JSObjectHasProperty(ctx, c->sandbox, name)) {
        return NULL;
    }
    return v;
}

static bool contextify_set_property(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                    JSValueRef value, JSValueRef *exc) {
    contextify_t *c = contextify_of(obj);
    if (!contextify_forwards(c, name)) {
        return false;
    }
    JSObjectSetProperty(ctx, c->sandbox, name, value, kJSPropertyAttributeNone, exc);
    if (*exc) {
        return true;
    }
    /* A name the global has itself (a `var` slot, a copy made before the run) is written
     * there too, so code reading the slot directly sees the new value. */
    c->bypass++;
    bool own = JSObjectHasProperty(ctx, obj, name);
    c->bypass--;
    return !own;
}

static bool contextify_delete_property(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                       JSValueRef *exc) {
    contextify_t *c = contextify_of(obj);
    if (!contextify_forwards(c, name) || !JSObjectHasProperty(ctx, c->sandbox, name)) {
        return false;
    }
    if (!JSObjectDeleteProperty(ctx, c->sandbox, name, exc) || *exc) {
        return true;
    }
    c->bypass++;
    JSObjectDeleteProperty(ctx, obj, name, NULL);
    c->bypass--;
    return true;
}

static void contextify_get_property_names(JSContextRef ctx, JSObjectRef obj,
                                          JSPropertyNameAccumulatorRef names) {
    contextify_t *c = contextify_of(obj);
    if (!c || !c->sandbox || c->bypass) {
        return;
    }
    JSPropertyNameArrayRef a = JSObjectCopyPropertyNames(ctx, c->sandbox);
    size_t n = JSPropertyNameArrayGetCount(a);
    for (size_t i = 0; i < n; i++) {
        JSPropertyNameAccumulatorAddName(names, JSPropertyNameArrayGetNameAtIndex(a, i));
    }
    JSPropertyNameArrayRelease(a);
}

static void contextify_finalize(JSObjectRef obj) {
    free(JSObjectGetPrivate(obj));
}

/* Brings the global's own copies of sandbox names up to date before code runs in it. */
static void contextify_sync(JSContextRef ctx, JSObjectRef global, contextify_t *c) {
    if (!c->sandbox) {
        return;
    }
    JSPropertyNameArrayRef a = JSObjectCopyPropertyNames(ctx, c->sandbox);
    size_t n = JSPropertyNameArrayGetCount(a);
    c->bypass++;
    for (size_t i = 0; i < n; i++) {
        JSStringRef name = JSPropertyNameArrayGetNameAtIndex(a, i);
        if (contextify_is_proto(name)) {
            continue;
        }
        JSValueRef exc = NULL;
        JSValueRef v = JSObjectGetProperty(ctx, c->sandbox, name, &exc);
        if (exc || !v) {
            continue;
        }
        /* An absent name reads as undefined: a sandbox value of undefined needs no copy,
         * since a `var` slot made for it would read the same. */
        JSValueRef old = JSObjectGetProperty(ctx, global, name, &exc);
        if (exc || (old && JSValueIsStrictEqual(ctx, old, v))) {
            continue;
        }
        JSObjectSetProperty(ctx, global, name, v, kJSPropertyAttributeNone, &exc);
    }
    c->bypass--;
    JSPropertyNameArrayRelease(a);
}

/* Gives the sandbox the enumerable properties code defined on the global itself (with
 * Object.defineProperty, which the callbacks do not see). */
static void contextify_copy_back(JSContextRef ctx, JSObjectRef global, contextify_t *c) {
    if (!c->sandbox) {
        return;
    }
    c->bypass++;
    JSPropertyNameArrayRef a = JSObjectCopyPropertyNames(ctx, global);
    size_t n = JSPropertyNameArrayGetCount(a);
    for (size_t i = 0; i < n; i++) {
        JSStringRef name = JSPropertyNameArrayGetNameAtIndex(a, i);
        if (JSObjectHasProperty(ctx, c->sandbox, name)) {
            continue;
        }
        JSValueRef exc = NULL;
        JSValueRef v = JSObjectGetProperty(ctx, global, name, &exc);
        if (!exc && v) {
            JSObjectSetProperty(ctx, c->sandbox, name, v, kJSPropertyAttributeNone, &exc);
        }
    }
    JSPropertyNameArrayRelease(a);
    c->bypass--;
}

/* ---- functions ---- */

/* The context of a global made by makeContext(), or NULL. */
static contextify_t *contextify_arg_context(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                            size_t i) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (!JSValueIsObjectOfClass(ctx, v, contextify_global_class)) {
        return NULL;
    }
    return contextify_of((JSObjectRef)v);
}

/* makeContext(sandbox|null, name, allowStrings) -> the new context's global object. With a null
 * sandbox the global is an ordinary one (vm.constants.DONT_CONTEXTIFY); allowStrings false
 * makes eval() and new Function() throw an EvalError. */
static JSValueRef contextify_make_context(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef sb = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsNull(ctx, sb) && !JSValueIsObject(ctx, sb)) {
        return rt_throw_type_error(ctx, exc, "sandbox must be an object or null");
    }
    contextify_t *c = calloc(1, sizeof(*c));
    RT_CHECK(c != NULL);
    JSGlobalContextRef inner =
        JSGlobalContextCreateInGroup(JSContextGetGroup(ctx), contextify_global_class);
    c->ctx = inner;
    JSObjectRef global = JSContextGetGlobalObject(inner);
    RT_CHECK(JSObjectSetPrivate(global, c));
    if (JSValueIsObject(ctx, sb)) {
        JSStringRef key = rt_jsstr("sandbox");
        JSObjectSetPrivateProperty(inner, global, key, sb);
        JSStringRelease(key);
        c->sandbox = (JSObjectRef)sb;
    }
    if (argc > 1 && JSValueIsString(ctx, argv[1])) {
        JSStringRef name = JSValueToStringCopy(ctx, argv[1], NULL);
        if (name) {
            JSGlobalContextSetName(inner, name);
            JSStringRelease(name);
        }
    }
    if (argc > 2 && !JSValueToBoolean(ctx, argv[2])) {
        JSStringRef msg = rt_jsstr("Code generation from strings disallowed for this context");
        JSGlobalContextSetEvalEnabled(inner, false, msg);
        JSStringRelease(msg);
    }
    /* From here the global lives as long as something references it (the WeakMap entry of
     * its sandbox, functions made inside it); the engine root of the create call goes. */
    JSGlobalContextRelease(inner);
    return global;
}

/* The context to run in: argv[i] a context global, or anything else for the main context. */
static JSContextRef contextify_target(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                      size_t i, contextify_t **out) {
    contextify_t *c = contextify_arg_context(ctx, argc, argv, i);
    *out = c;
    if (c) {
        return c->ctx;
    }
    rt_env_t *env = rt_env_get();
    return env ? env->ctx : ctx;
}

/* runScript(context|null, source, filename, line) -> the script's completion value. Errors
 * the script throws come out as they are (objects of the context they were made in). */
static JSValueRef contextify_run_script(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    contextify_t *c;
    JSContextRef target = contextify_target(ctx, argc, argv, 0, &c);
    JSStringRef src = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 1), exc);
    if (!src) {
        return NULL;
    }
    JSStringRef url = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 2), exc);
    if (!url) {
        JSStringRelease(src);
        return NULL;
    }
    double line = rt_arg_num(ctx, argc, argv, 3);
    int start = line >= 1 && line < 2147483647.0 ? (int)line : 1;
    if (c) {
        contextify_sync(ctx, JSContextGetGlobalObject(c->ctx), c);
    }
    JSValueRef r = JSEvaluateScript(target, src, NULL, url, start, exc);
    JSStringRelease(src);
    JSStringRelease(url);
    if (c) {
        contextify_copy_back(ctx, JSContextGetGlobalObject(c->ctx), c);
    }
    return r;
}

/* checkSyntax(source, filename, line) -> undefined, or throws the SyntaxError. */
static JSValueRef contextify_check_syntax(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSStringRef src = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!src) {
        return NULL;
    }
    JSStringRef url = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 1), exc);
    if (!url) {
        JSStringRelease(src);
        return NULL;
    }
    double line = rt_arg_num(ctx, argc, argv, 2);
    int start = line >= 1 && line < 2147483647.0 ? (int)line : 1;
    rt_env_t *env = rt_env_get();
    JSCheckScriptSyntax(env ? env->ctx : ctx, src, url, start, exc);
    JSStringRelease(src);
    JSStringRelease(url);
    return *exc ? NULL : JSValueMakeUndefined(ctx);
}

/* globalOf(context|null) -> the global object code in that context sees. */
static JSValueRef contextify_global_of(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    contextify_t *c;
    JSContextRef target = contextify_target(ctx, argc, argv, 0, &c);
    return JSContextGetGlobalObject(target);
}

/* isContextGlobal(value) -> whether value is a global made by makeContext(). */
static JSValueRef contextify_is_context_global(JSContextRef ctx, JSObjectRef fn,
                                               JSObjectRef self, size_t argc,
                                               const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeBoolean(ctx, contextify_arg_context(ctx, argc, argv, 0) != NULL);
}

/* realmGlobal(object) -> the global object of the context object was made in. */
static JSValueRef contextify_realm_global(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, v)) {
        return JSValueMakeUndefined(ctx);
    }
    JSGlobalContextRef g = JSObjectGetGlobalContext((JSObjectRef)v);
    return g ? JSContextGetGlobalObject(g) : JSValueMakeUndefined(ctx);
}

static bool contextify_on_watchdog(JSContextRef ctx, void *data) {
    contextify_watchdog_fired = true;
    /* The JS that would clear the limit is being terminated: clear it here, or it would
     * apply to the next turn too. */
    JSContextGroupClearExecutionTimeLimit(JSContextGetGroup(ctx));
    return true;
}

/* startWatchdog(ms): the engine ends all running JS (up to the outermost entry) after ms of
 * CPU time. The last resort of a timeout for code the instrumentation cannot interrupt. */
static JSValueRef contextify_start_watchdog(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    double ms = rt_arg_num(ctx, argc, argv, 0);
    if (!(ms > 0) || isinf(ms)) {
        return JSValueMakeUndefined(ctx);
    }
    JSContextGroupSetExecutionTimeLimit(JSContextGetGroup(ctx), ms / 1000.0,
                                        contextify_on_watchdog, NULL);
    return JSValueMakeUndefined(ctx);
}

/* stopWatchdog(): disarms the watchdog. */
static JSValueRef contextify_stop_watchdog(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    JSContextGroupClearExecutionTimeLimit(JSContextGetGroup(ctx));
    return JSValueMakeUndefined(ctx);
}

/* takeWatchdogFired() -> whether the watchdog ended a turn since the last call. */
static JSValueRef contextify_take_watchdog_fired(JSContextRef ctx, JSObjectRef fn,
                                                 JSObjectRef self, size_t argc,
                                                 const JSValueRef argv[], JSValueRef *exc) {
    bool fired = contextify_watchdog_fired;
    contextify_watchdog_fired = false;
    return JSValueMakeBoolean(ctx, fired);
}

/* heapStatistics() -> the engine's memory figures: { heapSize, heapCapacity, extraMemorySize,
 * objectCount, protectedObjectCount, globalObjectCount, ... }. */
static JSValueRef contextify_heap_statistics(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    JSObjectRef r = JSGetMemoryUsageStatistics(ctx);
    return r ? (JSValueRef)r : JSValueMakeUndefined(ctx);
}

static const JSStaticFunction contextify_functions[] = {
    {"makeContext", contextify_make_context, RT_FN_ATTRS},
    {"runScript", contextify_run_script, RT_FN_ATTRS},
    {"checkSyntax", contextify_check_syntax, RT_FN_ATTRS},
    {"globalOf", contextify_global_of, RT_FN_ATTRS},
    {"isContextGlobal", contextify_is_context_global, RT_FN_ATTRS},
    {"realmGlobal", contextify_realm_global, RT_FN_ATTRS},
    {"startWatchdog", contextify_start_watchdog, RT_FN_ATTRS},
    {"stopWatchdog", contextify_stop_watchdog, RT_FN_ATTRS},
    {"takeWatchdogFired", contextify_take_watchdog_fired, RT_FN_ATTRS},
    {"heapStatistics", contextify_heap_statistics, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_contextify_init(rt_env_t *env, JSObjectRef target) {
    if (!contextify_global_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "Object";
        def.getProperty = contextify_get_property;
        def.setProperty = contextify_set_property;
        def.deleteProperty = contextify_delete_property;
        def.getPropertyNames = contextify_get_property_names;
        def.finalize = contextify_finalize;
        contextify_global_class = JSClassCreate(&def);
    }
    /* The engine arms a time limit only for VM entries that start after its watchdog exists:
     * create it now (without a limit) so later timeouts work. */
    JSContextGroupSetExecutionTimeLimit(JSContextGetGroup(env->ctx), INFINITY, NULL, NULL);
    JSContextGroupClearExecutionTimeLimit(JSContextGetGroup(env->ctx));
    rt_define_functions(env, target, contextify_functions);
}
