/* contextify.c: the `contextify` internal binding behind node:vm: contexts (new global objects
 * in the main context's group, whose globals forward to a "sandbox" object), script evaluation
 * in them, the engine watchdog for timeouts, and the heap figures node:v8 reports.
 *
 * A context's global object belongs to a JSClassRef whose property callbacks look at the
 * sandbox first and fall through to the context's own builtins (Array, Object, JSON...) when
 * the sandbox lacks a name, so reads of globals see the sandbox and writes land on it, live,
 * like node's interceptors: names added to the sandbox later are globals inside, and writes
 * made later by the context's callbacks and timers reach the sandbox. Two engine facts need
 * help: a top-level `var` or function declaration gets a slot the callbacks never see unless
 * the global already has an own property of that name, so runScript() first gives the global
 * a placeholder for each name the script declares (varNames()); and the callbacks receive a
 * symbol key as its description, so the sandbox's symbol-keyed properties are mirrored onto
 * the global as forwarding accessors (before each run, and when code outside misses a name).
 * A Proxy in a global's prototype chain, which the engine refuses, is swapped for a stand-in
 * object by lib/vm.js (makeStandIn()), and defines on the global, which no callback sees,
 * reach the sandbox through hooks lib/vm.js installs on the context's Object and Reflect.
 *
 * Lifetimes: the global object holds the sandbox through a private property (a traced edge),
 * lib/vm.js maps sandbox -> global in a WeakMap, and no engine root is left behind, so a
 * context and its sandbox are collected together. The finalizer frees the C state. */
#include "parser/parser.h"
#include "rt/rt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Exported by the engine but missing from its public headers. */
JSGlobalContextRef JSObjectGetGlobalContext(JSObjectRef object);
bool JSObjectSetPrivateProperty(JSContextRef ctx, JSObjectRef object, JSStringRef name,
                                JSValueRef value);
JSValueRef JSObjectGetPrivateProperty(JSContextRef ctx, JSObjectRef object, JSStringRef name);
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
/* lib/vm.js's helpers, set by setHelpers(): mirrorSymbols(global, sandbox, description),
 * standInHas(proxy, name), standInGet(proxy, name) and Object.prototype.hasOwnProperty. */
static _Thread_local JSObjectRef contextify_mirror_fn;
static _Thread_local JSObjectRef contextify_has_own_fn;
static _Thread_local JSObjectRef contextify_stand_in_has_fn;
static _Thread_local JSObjectRef contextify_stand_in_get_fn;
/* Stand-ins for Proxy objects in a global's prototype chain (see makeStandIn()). */
static JSClassRef contextify_stand_in_class;
static JSStringRef contextify_proxy_key;

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

/* Gives the global forwarding accessors for the sandbox's own symbol-keyed properties (all of
 * them, or those whose description is `name`) that it lacks. `global` is what JS sees as the
 * global (JSContextGetGlobalObject()), never the object the callbacks receive: JS must not
 * get hold of that one (as `this` of a strict function it reads as undefined). The engine
 * hands the callbacks a symbol key as its description, so symbols cannot be forwarded by the
 * callbacks themselves. */
static void contextify_mirror_symbols(JSContextRef ctx, JSObjectRef global, contextify_t *c,
                                      JSStringRef name) {
    if (!contextify_mirror_fn || !c->sandbox) {
        return;
    }
    JSValueRef args[3] = {global, c->sandbox,
                          name ? JSValueMakeString(ctx, name) : JSValueMakeUndefined(ctx)};
    c->bypass++;
    JSValueRef exc = NULL;
    JSObjectCallAsFunction(ctx, contextify_mirror_fn, NULL, 3, args, &exc);
    c->bypass--;
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
        /* Code outside the context may be reading a symbol the sandbox has (code inside gets
         * the mirrors made before each run): mirror it now, and the lookup that continues
         * after this callback finds it. */
        if (JSContextGetGlobalContext(ctx) != c->ctx) {
            contextify_mirror_symbols(ctx, JSContextGetGlobalObject(c->ctx), c, name);
        }
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
    /* A name the global has itself (a declaration, a define) is written there too, as node
     * does: its value shows again if the sandbox loses the name. */
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

/* ---- stand-ins for proxies ---- */

/* The engine refuses to run a script in a global whose prototype chain holds a Proxy
 * ("Proxy is not allowed in the global prototype chain."), which jsdom builds (its
 * WindowProperties object). lib/vm.js then puts a stand-in in the proxy's place: an object
 * whose own properties are whatever the proxy's getOwnPropertyDescriptor trap reports, and
 * whose prototype is the proxy's. */

static JSValueRef contextify_stand_in_call(JSContextRef ctx, JSObjectRef helper, JSObjectRef obj,
                                           JSStringRef name, JSValueRef *exc) {
    if (!helper) {
        return NULL;
    }
    JSValueRef proxy = JSObjectGetPrivateProperty(ctx, obj, contextify_proxy_key);
    if (!proxy || !JSValueIsObject(ctx, proxy)) {
        return NULL;
    }
    JSValueRef args[2] = {proxy, JSValueMakeString(ctx, name)};
    return JSObjectCallAsFunction(ctx, helper, NULL, 2, args, exc);
}

static bool contextify_stand_in_has(JSContextRef ctx, JSObjectRef obj, JSStringRef name) {
    JSValueRef exc = NULL;
    JSValueRef r = contextify_stand_in_call(ctx, contextify_stand_in_has_fn, obj, name, &exc);
    return r && !exc && rt_bool(ctx, r);
}

static JSValueRef contextify_stand_in_get(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                          JSValueRef *exc) {
    return contextify_stand_in_call(ctx, contextify_stand_in_get_fn, obj, name, exc);
}

/* ---- top-level declarations ---- */

/* The engine gives a top-level `var` or function declaration a slot of its own, which reads
 * and writes bypass the callbacks, unless the global already has an own property of that
 * name (its check does not consult the callbacks). So before a script runs in a context, each
 * name the script declares at top level gets an own placeholder on the global: the
 * declaration then lands on the property, and every access to it goes through the callbacks
 * to the sandbox, as in node (where the global keeps its own copy too). */

typedef struct {
    JSContextRef ctx;
    JSObjectRef arr;
    unsigned n;
} contextify_names_t;

static void contextify_add_name(const jsp_node *id, void *ud) {
    contextify_names_t *names = ud;
    if (id->kind != JSP_N_IDENT) {
        return;
    }
    JSObjectSetPropertyAtIndex(names->ctx, names->arr, names->n++,
                               rt_string_from_utf8(names->ctx, id->str, id->len), NULL);
}

static void contextify_walk_stmt(const jsp_node *n, contextify_names_t *names, int depth);

static void contextify_walk_list(const jsp_node *n, contextify_names_t *names, int depth) {
    for (; n != NULL; n = n->next) {
        contextify_walk_stmt(n, names, depth);
    }
}

/* Collects the VarScopedDeclarations of a statement: `var` anywhere outside functions, and
 * function declarations (in blocks too: sloppy code hoists them to the global, Annex B). */
static void contextify_walk_stmt(const jsp_node *n, contextify_names_t *names, int depth) {
    if (n == NULL || depth > 1000) {
        return;
    }
    depth++;
    switch (n->kind) {
    case JSP_N_VAR_DECL:
        if (n->op == JSP_KW_VAR) {
            for (const jsp_node *d = n->a; d != NULL; d = d->next) {
                jsp_for_each_bound_name(d->a, contextify_add_name, names);
            }
        }
        break;
    case JSP_N_FUNCTION:
        if ((n->flags & JSP_NF_DECL) && n->a != NULL) {
            contextify_add_name(n->a, names);
        }
        break;
    case JSP_N_BLOCK:
        contextify_walk_list(n->a, names, depth);
        break;
    case JSP_N_IF:
        contextify_walk_stmt(n->b, names, depth);
        contextify_walk_stmt(n->c, names, depth);
        break;
    case JSP_N_FOR:
    case JSP_N_FOR_IN:
    case JSP_N_FOR_OF:
        contextify_walk_stmt(n->a, names, depth);
        contextify_walk_stmt(n->d, names, depth);
        break;
    case JSP_N_WHILE:
    case JSP_N_DO_WHILE:
    case JSP_N_WITH:
        contextify_walk_stmt(n->d, names, depth);
        break;
    case JSP_N_SWITCH:
        for (const jsp_node *k = n->b; k != NULL; k = k->next) {
            contextify_walk_list(k->b, names, depth);
        }
        break;
    case JSP_N_TRY:
        contextify_walk_stmt(n->a, names, depth);
        if (n->b != NULL) {
            contextify_walk_stmt(n->b->b, names, depth);
        }
        contextify_walk_stmt(n->c, names, depth);
        break;
    case JSP_N_LABELED:
        contextify_walk_stmt(n->b, names, depth);
        break;
    default:
        break;
    }
}

/* Gives the global an own placeholder for each name in `names` (an array of strings) it
 * lacks. Contexts without a sandbox need them too: the engine leaves the slots out of the
 * global's property names when the global has callbacks. */
static void contextify_declare(JSContextRef ctx, JSObjectRef global, contextify_t *c,
                               JSValueRef names_v) {
    if (!JSValueIsObject(ctx, names_v)) {
        return;
    }
    JSObjectRef names = (JSObjectRef)names_v;
    JSValueRef len_v = rt_get(ctx, names, "length");
    double len = len_v ? rt_num(ctx, len_v) : 0;
    if (!(len > 0)) {
        return;
    }
    /* With the callbacks bypassed, hasOwnProperty sees only the global's real properties. */
    if (!contextify_has_own_fn) {
        return;
    }
    c->bypass++;
    for (unsigned i = 0; i < (unsigned)len && i < 1u << 20; i++) {
        JSValueRef exc = NULL;
        JSValueRef name = JSObjectGetPropertyAtIndex(ctx, names, i, &exc);
        if (exc || !JSValueIsString(ctx, name)) {
            continue;
        }
        JSValueRef own = JSObjectCallAsFunction(ctx, contextify_has_own_fn, global, 1, &name, &exc);
        if (exc || !own || rt_bool(ctx, own)) {
            continue;
        }
        JSStringRef key = JSValueToStringCopy(ctx, name, &exc);
        if (!key) {
            continue;
        }
        /* What a declaration makes: enumerable, not configurable. */
        JSObjectSetProperty(c->ctx, global, key, JSValueMakeUndefined(ctx),
                            kJSPropertyAttributeDontDelete, &exc);
        JSStringRelease(key);
    }
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
    if (argc > 2 && !rt_bool(ctx, argv[2])) {
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

/* runScript(context|null, source, filename, line, names) -> the script's completion value;
 * names are the script's top-level declarations (varNames()), given placeholders first. Errors
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
        JSObjectRef global = JSContextGetGlobalObject(c->ctx);
        contextify_declare(ctx, global, c, rt_arg(ctx, argc, argv, 4));
        contextify_mirror_symbols(ctx, global, c, NULL);
    }
    JSValueRef r = JSEvaluateScript(target, src, NULL, url, start, exc);
    JSStringRelease(src);
    JSStringRelease(url);
    return r;
}

/* varNames(source) -> the names a script declares with `var` and function declarations at
 * top level, or null when the parser does not accept the source. */
static JSValueRef contextify_var_names(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    char *src = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), &len, exc);
    if (!src) {
        return NULL;
    }
    jsp_ast *ast = jsp_parse(src, len, JSP_GOAL_SCRIPT, 0);
    JSValueRef r = JSValueMakeNull(ctx);
    if (ast != NULL && ast->ok && ast->program != NULL) {
        contextify_names_t names = {ctx, JSObjectMakeArray(ctx, 0, NULL, NULL), 0};
        if (names.arr != NULL) {
            contextify_walk_list(ast->program->a, &names, 0);
            r = names.arr;
        }
    }
    if (ast != NULL) {
        jsp_ast_free(ast);
    }
    free(src);
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

/* setHelpers(mirrorSymbols, standInHas, standInGet, hasOwnProperty): the JS functions the
 * binding calls, captured before user code could replace them. */
static JSValueRef contextify_set_helpers(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSObjectRef *slots[] = {&contextify_mirror_fn, &contextify_stand_in_has_fn,
                            &contextify_stand_in_get_fn, &contextify_has_own_fn};
    for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
        JSValueRef f = rt_arg(ctx, argc, argv, i);
        if (!JSValueIsObject(ctx, f) || !JSObjectIsFunction(ctx, (JSObjectRef)f)) {
            return rt_throw_type_error(ctx, exc, "setHelpers() takes functions");
        }
    }
    for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
        if (*slots[i]) {
            JSValueUnprotect(ctx, *slots[i]);
        }
        *slots[i] = (JSObjectRef)argv[i];
        JSValueProtect(ctx, *slots[i]);
    }
    return JSValueMakeUndefined(ctx);
}

/* makeStandIn(proxy) -> a new object whose own properties are those the proxy reports (its
 * prototype is set by the caller). */
static JSValueRef contextify_make_stand_in(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef proxy = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, proxy)) {
        return rt_throw_type_error(ctx, exc, "proxy must be an object");
    }
    JSObjectRef o = JSObjectMake(ctx, contextify_stand_in_class, NULL);
    JSObjectSetPrivateProperty(ctx, o, contextify_proxy_key, proxy);
    return o;
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
    {"varNames", contextify_var_names, RT_FN_ATTRS},
    {"setHelpers", contextify_set_helpers, RT_FN_ATTRS},
    {"makeStandIn", contextify_make_stand_in, RT_FN_ATTRS},
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
        JSClassDefinition sdef = kJSClassDefinitionEmpty;
        sdef.className = "Object";
        sdef.hasProperty = contextify_stand_in_has;
        sdef.getProperty = contextify_stand_in_get;
        contextify_stand_in_class = JSClassCreate(&sdef);
        contextify_proxy_key = rt_jsstr("proxy");
    }
    /* The engine arms a time limit only for VM entries that start after its watchdog exists:
     * create it now (without a limit) so later timeouts work. */
    JSContextGroupSetExecutionTimeLimit(JSContextGetGroup(env->ctx), INFINITY, NULL, NULL);
    JSContextGroupClearExecutionTimeLimit(JSContextGetGroup(env->ctx));
    rt_define_functions(env, target, contextify_functions);
}
