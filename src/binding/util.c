/* util.c: the `util` internal binding: engine-backed type checks and the Promise, Proxy and
 * iterator introspection that node:util's inspect and util.types need.
 *
 * JavaScriptCore's C API has no Promise-state, Proxy-handler or iterator-preview functions. On
 * 64-bit builds a JSValueRef of an object is the JSCell pointer, the cell header holds the
 * JSType byte at offset 5, and promises, proxies and Map/Set iterators keep their internal
 * fields inline after the butterfly word. The binding checks all of this once per thread
 * against objects whose contents it knows (calibration); if anything differs it reads
 * nothing and the JS side falls back to what it can do without the engine's help. */
#include "rt/rt.h"

#include <stdlib.h>
#include <string.h>

/* Exported by the engine but missing from its public headers. */
JSObjectRef JSObjectGetProxyTarget(JSObjectRef object);

/* Byte offset of the JSType in a JSCell header. */
#define UTIL_TYPE_OFFSET 5
/* Index (in 8-byte words) of the first inline internal field of a JSInternalFieldObject. */
#define UTIL_FIELD0 2

typedef struct {
    bool checked;
    int promise_type;   /* -1 when the layout did not match */
    int proxy_type;
    int map_iter_type;
    int set_iter_type;
    int map_type;
    int set_type;
    bool shapes;        /* the structure id at the head of a cell tells shapes apart */
} util_layout_t;

static _Thread_local util_layout_t util_layout;

static uint64_t util_bits(JSValueRef v) {
    return (uint64_t)(uintptr_t)v;
}

static int util_cell_type(JSContextRef ctx, JSValueRef v) {
    if (!v || !JSValueIsObject(ctx, v)) {
        return -1;
    }
    return ((const uint8_t *)v)[UTIL_TYPE_OFFSET];
}

static uint64_t util_field(JSValueRef obj, size_t i) {
    return ((const uint64_t *)obj)[UTIL_FIELD0 + i];
}

static bool util_is_int(uint64_t bits) {
    return (bits & RT_NUMBER_TAG) == RT_NUMBER_TAG;
}

static int32_t util_int(uint64_t bits) {
    return (int32_t)(uint32_t)(bits & 0xffffffffu);
}

static JSValueRef util_index(JSContextRef ctx, JSObjectRef arr, unsigned i) {
    return JSObjectGetPropertyAtIndex(ctx, arr, i, NULL);
}

/* Evaluates one of the calibration scripts below: the object it gives, or NULL if it threw or
 * gave a primitive. */
static JSObjectRef util_eval_object(JSContextRef ctx, const char *src) {
    JSStringRef script = JSStringCreateWithUTF8CString(src);
    JSValueRef exc = NULL;
    JSValueRef res = JSEvaluateScript(ctx, script, NULL, NULL, 1, &exc);
    JSStringRelease(script);
    if (exc != NULL || res == NULL || !JSValueIsObject(ctx, res)) {
        return NULL;
    }
    return (JSObjectRef)res;
}

static uint32_t util_shape(JSValueRef v) {
    uint32_t id;
    __builtin_memcpy(&id, (const void *)v, sizeof(id));
    return id;
}

/* Shapes: a cell starts with the 32-bit id of its structure (its prototype and named
 * properties). Views made alike share one, a view given a property moves to another, and
 * two views that differ in a property's value do not. */
static void util_check_shapes(JSContextRef ctx) {
    static const char src[] =
        "(function () {"
        "  const a = new Uint8Array(4), b = new Uint8Array(new ArrayBuffer(64), 8, 16),"
        "        c = new Uint8Array(4), d = new Uint8Array(4), e = new Uint8Array(4);"
        "  c.x = 1; d.x = 2; e.y = 1;"
        "  return [a, b, c, d, e, new Uint16Array(4), {}];"
        "})()";
    JSObjectRef res = util_eval_object(ctx, src);
    if (res == NULL) {
        return;
    }
    uint32_t id[7];
    for (unsigned i = 0; i < 7; i++) {
        JSValueRef x = util_index(ctx, res, i);
        if (!JSValueIsObject(ctx, x)) {
            return;
        }
        id[i] = util_shape(x);
    }
    util_layout.shapes = id[0] != 0 && id[0] == id[1] && id[2] == id[3] && id[0] != id[2] &&
                         id[2] != id[4] && id[0] != id[4] && id[0] != id[5] && id[0] != id[6];
}

/* Checks the engine's object layout against known objects (once per thread). */
static void util_calibrate(JSContextRef ctx) {
    util_layout_t *l = &util_layout;
    if (l->checked) {
        return;
    }
    l->checked = true;
    l->promise_type = l->proxy_type = l->map_iter_type = l->set_iter_type = -1;
    l->map_type = l->set_type = -1;
    if (!rt__value_bits) { /* the value encoding, checked at startup (src/rt/env.c) */
        return;
    }
    static const char src[] =
        "(function () {"
        "  const m = new Map([[1, 2]]), s = new Set([3]), t = {}, h = {};"
        "  const r = Proxy.revocable({}, {}); r.revoke();"
        "  const pr = Promise.reject(43); pr.catch(() => {});"
        "  return [Promise.resolve(42), pr, new Promise(() => {}), m, m.entries(), s, s.values(),"
        "          t, h, new Proxy(t, h), r.proxy, {}];"
        "})()";
    JSObjectRef a = util_eval_object(ctx, src);
    if (a == NULL) {
        return;
    }
    JSValueRef v[12];
    for (unsigned i = 0; i < 12; i++) {
        v[i] = util_index(ctx, a, i);
        if (!JSValueIsObject(ctx, v[i])) {
            return;
        }
    }
    int plain = util_cell_type(ctx, v[11]);
    uint64_t n42 = util_bits(JSValueMakeNumber(ctx, 42));
    uint64_t n43 = util_bits(JSValueMakeNumber(ctx, 43));
    int pt = util_cell_type(ctx, v[0]);
    if (pt != plain && pt == util_cell_type(ctx, v[1]) && pt == util_cell_type(ctx, v[2]) &&
        util_is_int(util_field(v[0], 0)) && (util_int(util_field(v[0], 0)) & 3) == 1 &&
        util_field(v[0], 1) == n42 && util_is_int(util_field(v[1], 0)) &&
        (util_int(util_field(v[1], 0)) & 3) == 2 && util_field(v[1], 1) == n43 &&
        util_is_int(util_field(v[2], 0)) && (util_int(util_field(v[2], 0)) & 3) == 0) {
        l->promise_type = pt;
    }
    int mt = util_cell_type(ctx, v[3]), mit = util_cell_type(ctx, v[4]);
    int st = util_cell_type(ctx, v[5]), sit = util_cell_type(ctx, v[6]);
    if (mt != plain && st != plain && mt != st && mit != plain && sit != plain && mit != sit) {
        if (util_field(v[4], 1) == util_bits(v[3]) && util_is_int(util_field(v[4], 0)) &&
            util_int(util_field(v[4], 0)) == 0 && util_is_int(util_field(v[4], 3)) &&
            util_int(util_field(v[4], 3)) == 2 && util_field(v[6], 1) == util_bits(v[5]) &&
            util_is_int(util_field(v[6], 3)) && util_int(util_field(v[6], 3)) == 1) {
            l->map_type = mt;
            l->set_type = st;
            l->map_iter_type = mit;
            l->set_iter_type = sit;
        }
    }
    util_check_shapes(ctx);
    int xt = util_cell_type(ctx, v[9]);
    if (xt != plain && xt == util_cell_type(ctx, v[10]) && util_field(v[9], 0) == util_bits(v[7]) &&
        util_field(v[9], 1) == util_bits(v[8]) &&
        util_field(v[10], 1) == util_bits(JSValueMakeNull(ctx))) {
        l->proxy_type = xt;
    }
}

/* getCellType(value): the engine's type tag of an object (a small integer), or -1 for a
 * primitive. lib/internal/util/types.js compares it with the tags of known objects. */
static JSValueRef util_get_cell_type(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return JSValueMakeNumber(ctx, util_cell_type(ctx, rt_arg(ctx, argc, argv, 0)));
}

/* getPromiseDetails(promise): [state] or [state, result] (0 pending, 1 fulfilled,
 * 2 rejected); undefined if value is not a promise or the state cannot be read. */
static JSValueRef util_get_promise_details(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    util_calibrate(ctx);
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    int t = util_cell_type(ctx, v);
    if (t < 0 || t != util_layout.promise_type) {
        return JSValueMakeUndefined(ctx);
    }
    uint64_t flags = util_field(v, 0);
    if (!util_is_int(flags)) {
        return JSValueMakeUndefined(ctx);
    }
    int state = util_int(flags) & 3;
    JSValueRef out[2] = {JSValueMakeNumber(ctx, state), NULL};
    size_t n = 1;
    if (state == 1 || state == 2) {
        out[1] = (JSValueRef)(uintptr_t)util_field(v, 1);
        n = 2;
    }
    return JSObjectMakeArray(ctx, n, out, exc);
}

/* getProxyDetails(value, showProxy = true): undefined if value is not a Proxy; otherwise
 * [target, handler] (both null once revoked), or only the target when showProxy is false. */
static JSValueRef util_get_proxy_details(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    util_calibrate(ctx);
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    bool show = argc < 2 || rt_bool(ctx, argv[1]);
    int t = util_cell_type(ctx, v);
    if (t < 0) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef target, handler;
    if (util_layout.proxy_type >= 0) {
        if (t != util_layout.proxy_type) {
            return JSValueMakeUndefined(ctx);
        }
        handler = (JSValueRef)(uintptr_t)util_field(v, 1);
        if (JSValueIsNull(ctx, handler)) {
            target = JSValueMakeNull(ctx);
        } else {
            target = (JSValueRef)(uintptr_t)util_field(v, 0);
        }
    } else {
        /* Unknown layout: the public export gives the target (and also unwraps the global
         * object's proxy, which is not a Proxy for JS, so compare against the global). */
        JSObjectRef tgt = JSObjectGetProxyTarget((JSObjectRef)v);
        if (!tgt || JSValueIsStrictEqual(ctx, v, JSContextGetGlobalObject(ctx))) {
            return JSValueMakeUndefined(ctx);
        }
        target = tgt;
        handler = JSValueMakeNull(ctx);
    }
    if (!show) {
        return target;
    }
    JSValueRef out[2] = {target, handler};
    return JSObjectMakeArray(ctx, 2, out, exc);
}

/* getIteratorState(iterator): [iteratedMapOrSet, nextIndex, kind (0 keys, 1 values,
 * 2 entries), isMap] for a Map or Set iterator; undefined otherwise. */
static JSValueRef util_get_iterator_state(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[],
                                          JSValueRef *exc) {
    util_calibrate(ctx);
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    int t = util_cell_type(ctx, v);
    if (t < 0 || util_layout.map_iter_type < 0 ||
        (t != util_layout.map_iter_type && t != util_layout.set_iter_type)) {
        return JSValueMakeUndefined(ctx);
    }
    bool is_map = t == util_layout.map_iter_type;
    uint64_t iterated = util_field(v, 1), index = util_field(v, 0), kind = util_field(v, 3);
    /* The iterated object must be a cell pointer of the expected type. */
    if (iterated == 0 || (iterated >> 48) != 0 || (iterated & 7) != 0 || !util_is_int(index) ||
        !util_is_int(kind)) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef coll = (JSValueRef)(uintptr_t)iterated;
    if (util_cell_type(ctx, coll) != (is_map ? util_layout.map_type : util_layout.set_type)) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef out[4] = {coll, JSValueMakeNumber(ctx, util_int(index)),
                         JSValueMakeNumber(ctx, util_int(kind)), JSValueMakeBoolean(ctx, is_map)};
    return JSObjectMakeArray(ctx, 4, out, exc);
}

/* getShape(object): a number naming the object's shape (its prototype and the names and
 * attributes of its named properties), or -1 when shapes cannot be read. Objects with equal
 * shapes have the same named properties; the id of a shape no live object has may be reused,
 * so a caller keeps an object of each shape it remembers. */
static JSValueRef util_get_shape(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                 size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    util_calibrate(ctx);
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    if (!util_layout.shapes || !JSValueIsObject(ctx, v)) {
        return JSValueMakeNumber(ctx, -1);
    }
    return JSValueMakeNumber(ctx, util_shape(v));
}

/* isConstructor(fn): whether fn can be called with `new`. */
static JSValueRef util_is_constructor(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    bool r = JSValueIsObject(ctx, v) && JSObjectIsConstructor(ctx, (JSObjectRef)v);
    return JSValueMakeBoolean(ctx, r);
}

/* guessHandleType(fd): 'TCP', 'TTY', 'UDP', 'FILE', 'PIPE' or 'UNKNOWN' (libuv's guess). */
static JSValueRef util_guess_handle_type(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[],
                                         JSValueRef *exc) {
    double d = rt_arg_num(ctx, argc, argv, 0);
    if (!(d >= 0 && d <= 2147483647.0) || d != (double)(int)d) {
        return rt_throw_type_error(ctx, exc, "fd must be a non-negative int32");
    }
    const char *name;
    switch (uv_guess_handle((uv_file)d)) {
    case UV_TCP:
        name = "TCP";
        break;
    case UV_TTY:
        name = "TTY";
        break;
    case UV_UDP:
        name = "UDP";
        break;
    case UV_FILE:
        name = "FILE";
        break;
    case UV_NAMED_PIPE:
        name = "PIPE";
        break;
    default:
        name = "UNKNOWN";
        break;
    }
    return rt_string_from_cstr(ctx, name);
}

/* sleep(ms): blocks the thread (used by tests). */
static JSValueRef util_sleep(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    double ms = rt_arg_num(ctx, argc, argv, 0);
    if (ms > 0 && ms < 4294967296.0) {
        uv_sleep((unsigned int)ms);
    }
    return JSValueMakeUndefined(ctx);
}

/* engineWorkRef(delta): see rt_runloop_keep_alive. */
static JSValueRef util_engine_work_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    rt_runloop_keep_alive(rt_env_get(), (int)rt_arg_num(ctx, argc, argv, 0));
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction util_functions[] = {
    {"engineWorkRef", util_engine_work_ref, RT_FN_ATTRS},
    {"getCellType", util_get_cell_type, RT_FN_ATTRS},
    {"getShape", util_get_shape, RT_FN_ATTRS},
    {"getPromiseDetails", util_get_promise_details, RT_FN_ATTRS},
    {"getProxyDetails", util_get_proxy_details, RT_FN_ATTRS},
    {"getIteratorState", util_get_iterator_state, RT_FN_ATTRS},
    {"isConstructor", util_is_constructor, RT_FN_ATTRS},
    {"guessHandleType", util_guess_handle_type, RT_FN_ATTRS},
    {"sleep", util_sleep, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_util_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, util_functions);
    rt_set_num(env->ctx, target, "kPending", 0);
    rt_set_num(env->ctx, target, "kFulfilled", 1);
    rt_set_num(env->ctx, target, "kRejected", 2);
}
