/* env.c: the runtime environment: JS context creation and the helpers bindings share. */
#include "rt/rt.h"
#include "rt/internal.h"

#include <dlfcn.h>
#include <jsc/jsc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local rt_env_t *env_current;

rt_env_t *rt_env_get(void) {
    return env_current;
}

void rt__check_failed(const char *expr, const char *file, int line) {
    fprintf(stderr, "cairn: internal check failed: %s (%s:%d)\n", expr, file, line);
    abort();
}

/* ---- strings ---- */

size_t rt_utf8_to_utf16(const char *src, size_t len, uint16_t *out) {
    const uint8_t *s = (const uint8_t *)src;
    size_t i = 0, n = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            out[n++] = c;
            i++;
            continue;
        }
        uint32_t cp;
        size_t need;
        uint8_t lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            cp = c & 0x0F;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            cp = c & 0x07;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            out[n++] = 0xFFFD;
            i++;
            continue;
        }
        i++;
        size_t k = 0;
        for (; k < need; k++) {
            if (i >= len || s[i] < lo || s[i] > hi) {
                break;
            }
            cp = (cp << 6) | (s[i] & 0x3F);
            lo = 0x80;
            hi = 0xBF;
            i++;
        }
        if (k < need) {
            out[n++] = 0xFFFD;
            continue;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[n++] = (uint16_t)(0xD800 + (cp >> 10));
            out[n++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out[n++] = (uint16_t)cp;
        }
    }
    return n;
}

size_t rt_utf16_to_utf8(const uint16_t *s, size_t len, char *out) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        /* ASCII runs, eight units at a time */
        while (i + 8 <= len && rt_ascii8(s + i)) {
            rt_pack8(s + i, out + n);
            i += 8;
            n += 8;
        }
        if (i >= len) {
            break;
        }
        uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return n;
}

JSValueRef rt_string_from_utf8(JSContextRef ctx, const char *s, size_t len) {
    uint16_t stackbuf[256];
    uint16_t *buf = len <= 256 ? stackbuf : malloc(len * sizeof(uint16_t));
    RT_CHECK(buf != NULL);
    size_t n = rt_utf8_to_utf16(s, len, buf);
    JSStringRef str = JSStringCreateWithCharacters(buf, n);
    if (buf != stackbuf) {
        free(buf);
    }
    JSValueRef v = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return v;
}

JSValueRef rt_string_from_cstr(JSContextRef ctx, const char *s) {
    return rt_string_from_utf8(ctx, s, strlen(s));
}

JSStringRef rt_jsstr(const char *s) {
    return JSStringCreateWithUTF8CString(s);
}

char *rt_jsstring_to_utf8(JSStringRef str, size_t *len) {
    size_t n = JSStringGetLength(str);
    const JSChar *chars = JSStringGetCharactersPtr(str);
    char *out = malloc(n * 3 + 1);
    RT_CHECK(out != NULL);
    size_t m = rt_utf16_to_utf8(chars, n, out);
    out[m] = 0;
    if (len) {
        *len = m;
    }
    return out;
}

size_t rt_latin1_to_utf8(const uint8_t *s, size_t len, char *out) {
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        /* ASCII runs, eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) {
                break;
            }
            __builtin_memcpy(out + n, &w, 8);
            i += 8;
            n += 8;
        }
        if (i >= len) {
            break;
        }
        uint8_t c = s[i++];
        if (c < 0x80) {
            out[n++] = (char)c;
        } else {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return n;
}

/* Reading a string's characters in place (rt_string_view). On 64-bit builds a string value is
 * a pointer to the engine's string cell: its type byte at offset 5, then at offset 8 either a
 * rope (low bit set) or a pointer to the shared character buffer (WTF's StringImpl: 32-bit
 * reference count, 32-bit length, character pointer, 32-bit flags whose bit 2 marks Latin-1).
 * env_check_string_layout checks all of it against strings of known contents once, when the
 * first context is made; when anything differs the API's copy is used instead. */
#define ENV_STR_TYPE_OFFSET 5
#define ENV_STR_FIBER_OFFSET 8
#define ENV_IMPL_LENGTH_OFFSET 4
#define ENV_IMPL_DATA_OFFSET 8
#define ENV_IMPL_FLAGS_OFFSET 16
#define ENV_IMPL_FLAG_8BIT 0x4u

/* A value that is a pointer to an engine cell (not a number, boolean, null or undefined). */
static bool env_is_cell(JSValueRef v) {
    uint64_t bits = (uint64_t)(uintptr_t)v;
    return (bits & (RT_NUMBER_TAG | 0x2u)) == 0 && bits != 0;
}

static bool env_string_direct;
static uint8_t env_string_type;

static bool env_string_view(JSValueRef v, rt_strview_t *out) {
    if (!env_is_cell(v)) {
        return false;
    }
    const uint8_t *cell = (const uint8_t *)v;
    if (cell[ENV_STR_TYPE_OFFSET] != env_string_type) {
        return false;
    }
    uintptr_t fiber;
    __builtin_memcpy(&fiber, cell + ENV_STR_FIBER_OFFSET, sizeof(fiber));
    if ((fiber & 1) != 0 || fiber == 0) {
        return false; /* a rope */
    }
    const uint8_t *impl = (const uint8_t *)fiber;
    uint32_t len;
    uint32_t flags;
    __builtin_memcpy(&len, impl + ENV_IMPL_LENGTH_OFFSET, sizeof(len));
    __builtin_memcpy(&out->chars, impl + ENV_IMPL_DATA_OFFSET, sizeof(out->chars));
    __builtin_memcpy(&flags, impl + ENV_IMPL_FLAGS_OFFSET, sizeof(flags));
    out->len = len;
    out->is8 = (flags & ENV_IMPL_FLAG_8BIT) != 0;
    return len == 0 || out->chars != NULL;
}

bool rt_string_view(JSValueRef v, rt_strview_t *out) {
    return env_string_direct && env_string_view(v, out);
}

static void env_check_string_layout(JSContextRef ctx) {
    static const char *const samples[] = { "cairn", "path/to/some-file.txt", "\xc3\xa9t\xc3\xa9",
                                           "a\xe4\xb8\xad" "b", "\xf0\x9f\x98\x80" };
    static const uint16_t wide[][4] = { { 0 }, { 0 }, { 0xe9, 't', 0xe9 }, { 'a', 0x4e2d, 'b' },
                                        { 0xd83d, 0xde00 } };
    if (sizeof(void *) != 8 || !rt__value_bits) {
        return;
    }
    JSStringRef probe = JSStringCreateWithUTF8CString("x");
    JSValueRef pv = JSValueMakeString(ctx, probe);
    JSStringRelease(probe);
    env_string_type = ((const uint8_t *)pv)[ENV_STR_TYPE_OFFSET];
    bool ok = true;
    bool seen8 = false;
    bool seen16 = false;
    for (size_t i = 0; ok && i < sizeof(samples) / sizeof(samples[0]); i++) {
        JSStringRef str = JSStringCreateWithUTF8CString(samples[i]);
        JSValueRef v = JSValueMakeString(ctx, str);
        size_t n = JSStringGetLength(str);
        const JSChar *units = JSStringGetCharactersPtr(str);
        rt_strview_t sv;
        ok = env_string_view(v, &sv) && sv.len == n;
        for (size_t k = 0; ok && k < n; k++) {
            uint16_t c = sv.is8 ? ((const uint8_t *)sv.chars)[k] : ((const uint16_t *)sv.chars)[k];
            ok = c == units[k] && (i < 2 || c == wide[i][k]);
        }
        seen8 |= ok && sv.is8;
        seen16 |= ok && !sv.is8;
        JSStringRelease(str);
    }
    env_string_direct = ok && seen8 && seen16;
}

bool rt_string_view_joined(JSContextRef ctx, JSValueRef v, rt_strview_t *out) {
    if (rt_string_view(v, out)) {
        return true;
    }
    if (!env_string_direct || !JSValueIsString(ctx, v)) {
        return false;
    }
    /* A concatenation not yet joined: the engine's copy joins it in place, and the joined
     * characters are then read as they are. */
    JSStringRef joined = JSValueToStringCopy(ctx, v, NULL);
    if (joined != NULL) {
        JSStringRelease(joined);
    }
    return rt_string_view(v, out);
}

size_t rt_strview_to_utf8(const rt_strview_t *sv, char *out) {
    return sv->is8 ? rt_latin1_to_utf8(sv->chars, sv->len, out)
                   : rt_utf16_to_utf8(sv->chars, sv->len, out);
}

char *rt_to_utf8(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc) {
    rt_strview_t sv;
    if (rt_string_view_joined(ctx, v, &sv)) {
        char *out = malloc(sv.len * 3 + 1);
        RT_CHECK(out != NULL);
        size_t m = rt_strview_to_utf8(&sv, out);
        out[m] = 0;
        if (len) {
            *len = m;
        }
        return out;
    }
    JSValueRef e = NULL;
    JSStringRef str = JSValueToStringCopy(ctx, v, &e);
    if (!str) {
        if (exc) {
            *exc = e;
        }
        return NULL;
    }
    char *out = rt_jsstring_to_utf8(str, len);
    JSStringRelease(str);
    return out;
}

/* ---- objects ---- */

JSValueRef rt_get(JSContextRef ctx, JSObjectRef obj, const char *name) {
    JSStringRef s = rt_jsstr(name);
    JSValueRef v = JSObjectGetProperty(ctx, obj, s, NULL);
    JSStringRelease(s);
    return v ? v : JSValueMakeUndefined(ctx);
}

void rt_set(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef value) {
    JSStringRef s = rt_jsstr(name);
    JSObjectSetProperty(ctx, obj, s, value, kJSPropertyAttributeNone, NULL);
    JSStringRelease(s);
}

void rt_set_num(JSContextRef ctx, JSObjectRef obj, const char *name, double value) {
    rt_set(ctx, obj, name, JSValueMakeNumber(ctx, value));
}

void rt_set_str(JSContextRef ctx, JSObjectRef obj, const char *name, const char *value) {
    rt_set(ctx, obj, name, rt_string_from_cstr(ctx, value));
}

void rt_set_bool(JSContextRef ctx, JSObjectRef obj, const char *name, bool value) {
    rt_set(ctx, obj, name, JSValueMakeBoolean(ctx, value));
}

void rt_define_functions(rt_env_t *env, JSObjectRef target, const JSStaticFunction *fns) {
    for (const JSStaticFunction *f = fns; f->name; f++) {
        JSStringRef name = rt_jsstr(f->name);
        JSObjectRef fn = JSObjectMakeFunctionWithCallback(env->ctx, name, f->callAsFunction);
        JSObjectSetProperty(env->ctx, target, name, fn, f->attributes, NULL);
        JSStringRelease(name);
    }
}

char **rt_strings_from_array(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    if (!v || !JSValueIsObject(ctx, v)) {
        return NULL;
    }
    JSObjectRef o = (JSObjectRef)v;
    double d = rt_num(ctx, rt_get(ctx, o, "length"));
    size_t n = d >= 0 && d <= (1 << 20) ? (size_t)d : 0;
    char **out = calloc(n + 1, sizeof(char *));
    RT_CHECK(out != NULL);
    for (size_t i = 0; i < n; i++) {
        JSValueRef e = JSObjectGetPropertyAtIndex(ctx, o, (unsigned)i, exc);
        out[i] = e && !*exc ? rt_to_utf8(ctx, e, NULL, exc) : NULL;
        if (!out[i]) {
            rt_strings_free(out);
            return NULL;
        }
    }
    return out;
}

void rt_strings_free(char **v) {
    if (!v) {
        return;
    }
    for (char **p = v; *p; p++) {
        free(*p);
    }
    free(v);
}

JSValueRef rt_arg(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    return i < argc ? argv[i] : JSValueMakeUndefined(ctx);
}

double rt_arg_num(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    if (i >= argc) {
        return 0;
    }
    return rt_num(ctx, argv[i]);
}

int64_t rt_arg_int(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    double d = rt_arg_num(ctx, argc, argv, i);
    if (d != d) {
        return 0;
    }
    if (d >= 9.2e18) {
        return INT64_MAX;
    }
    if (d <= -9.2e18) {
        return INT64_MIN;
    }
    return (int64_t)d;
}

/* ---- bytes ---- */

/* A DataView's bytes: the engine reports no typed-array type for it, but its typed-array
 * accessors accept any ArrayBufferView. (Reading `buffer`, `byteOffset` and `byteLength`
 * through JS ran getters user code can replace: a fresh ArrayBuffer nothing keeps alive, or a
 * length past the end of the real one.) */
static uint8_t *env_dataview_bytes(JSContextRef ctx, JSObjectRef o, size_t *len) {
    JSValueRef e = NULL;
    uint8_t *base = JSObjectGetTypedArrayBytesPtr(ctx, o, &e);
    if (!base || e) {
        return NULL;
    }
    size_t off = JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
    *len = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
    return base + off;
}

/* Typed arrays read in place (rt_bytes). Each API call that asks a view for its bytes takes
 * the engine's lock (four calls, about 1,900 instructions, for one Buffer argument). A view
 * cell holds, after the header and the butterfly, a pointer to its first element (offset
 * already applied), its length in elements, its byte offset, and a mode word. Only views
 * whose elements live in an ArrayBuffer are read in place: the mode word tells them from
 * small views kept in the engine's heap and from views that follow a resizable buffer's
 * length. The API moves a heap-kept view's elements into an ArrayBuffer the first time it is
 * asked, after which the pointer stays put; so such a view goes through the API once.
 * env_check_view_layout compares these words with the API's answers for every typed-array
 * kind (small, at an offset, larger) when the first context is made, and checks that a view
 * kept in the engine's heap has another mode word; if anything differs the API is always
 * asked. */
#define ENV_VIEW_VECTOR_WORD 2
#define ENV_VIEW_LENGTH_WORD 3
#define ENV_VIEW_MODE_WORD 5
static uint8_t env_view_elem_size[256]; /* by cell type byte; 0: not a known view kind */
static uint64_t env_view_mode;           /* the mode word of a view over an ArrayBuffer */
static bool env_view_direct;

static uint8_t *env_view_bytes(JSValueRef v, size_t *len) {
    if (!env_is_cell(v)) {
        return NULL;
    }
    const uint64_t *w = (const uint64_t *)v;
    uint8_t size = env_view_elem_size[((const uint8_t *)v)[ENV_STR_TYPE_OFFSET]];
    if (size == 0 || w[ENV_VIEW_MODE_WORD] != env_view_mode) {
        return NULL;
    }
    *len = (size_t)w[ENV_VIEW_LENGTH_WORD] * size;
    return (uint8_t *)(uintptr_t)w[ENV_VIEW_VECTOR_WORD];
}

static void env_check_view_layout(JSContextRef ctx) {
    static const JSTypedArrayType kinds[] = {
        kJSTypedArrayTypeInt8Array,    kJSTypedArrayTypeUint8Array,
        kJSTypedArrayTypeUint8ClampedArray, kJSTypedArrayTypeInt16Array,
        kJSTypedArrayTypeUint16Array,  kJSTypedArrayTypeInt32Array,
        kJSTypedArrayTypeUint32Array,  kJSTypedArrayTypeFloat32Array,
        kJSTypedArrayTypeFloat64Array, kJSTypedArrayTypeBigInt64Array,
        kJSTypedArrayTypeBigUint64Array,
    };
    enum { NKINDS = sizeof(kinds) / sizeof(kinds[0]), PER_KIND = 3 };
    if (sizeof(void *) != 8 || !rt__value_bits) {
        return;
    }
    /* Per kind: a small view, a view at an offset into an ArrayBuffer, and a larger one. */
    JSObjectRef views[NKINDS * PER_KIND];
    for (size_t k = 0; k < NKINDS; k++) {
        JSObjectRef ab = JSObjectGetTypedArrayBuffer(
            ctx, JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, 256, NULL), NULL);
        views[k * PER_KIND] = JSObjectMakeTypedArray(ctx, kinds[k], 3, NULL);
        views[k * PER_KIND + 1] =
            ab ? JSObjectMakeTypedArrayWithArrayBufferAndOffset(ctx, kinds[k], ab, 24, 5, NULL)
               : NULL;
        views[k * PER_KIND + 2] = JSObjectMakeTypedArray(ctx, kinds[k], 1000, NULL);
        for (size_t i = 0; i < PER_KIND; i++) {
            if (views[k * PER_KIND + i] == NULL) {
                return;
            }
        }
    }
    /* A small view made by a script (the API's own are made over an ArrayBuffer) and not yet
     * asked must not look like one over an ArrayBuffer: its elements would move when the API
     * is asked. */
    JSStringRef src = JSStringCreateWithUTF8CString("new Uint8Array(3)");
    JSValueRef heap_view = JSEvaluateScript(ctx, src, NULL, NULL, 1, NULL);
    JSStringRelease(src);
    if (heap_view == NULL || !env_is_cell(heap_view)) {
        return;
    }
    uint64_t heap_mode = ((const uint64_t *)heap_view)[ENV_VIEW_MODE_WORD];
    uint8_t sizes[256] = {0};
    uint64_t mode = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < NKINDS * PER_KIND; i++) {
        JSObjectRef o = views[i];
        uint8_t *base = JSObjectGetTypedArrayBytesPtr(ctx, o, NULL);
        size_t off = JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
        size_t blen = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
        size_t n = JSObjectGetTypedArrayLength(ctx, o, NULL);
        const uint64_t *w = (const uint64_t *)o;
        uint8_t type = ((const uint8_t *)o)[ENV_STR_TYPE_OFFSET];
        size_t size = n ? blen / n : 0;
        if (i == 0) {
            mode = w[ENV_VIEW_MODE_WORD];
        }
        ok = base != NULL && n > 0 && size > 0 && size <= 8 && blen == n * size &&
             w[ENV_VIEW_VECTOR_WORD] == (uint64_t)(uintptr_t)(base + off) &&
             w[ENV_VIEW_LENGTH_WORD] == n && w[ENV_VIEW_MODE_WORD] == mode &&
             (sizes[type] == 0 || sizes[type] == size);
        sizes[type] = (uint8_t)size;
    }
    /* Kinds must be told apart by their type byte: eleven kinds, eleven bytes. */
    unsigned distinct = 0;
    for (unsigned t = 0; t < 256; t++) {
        distinct += sizes[t] != 0;
    }
    if (!ok || distinct != NKINDS || heap_mode == mode) {
        return;
    }
    memcpy(env_view_elem_size, sizes, sizeof(sizes));
    env_view_mode = mode;
    env_view_direct = true;
}

uint8_t *rt_bytes(JSContextRef ctx, JSValueRef v, size_t *len) {
    *len = 0;
    if (env_view_direct && v != NULL) {
        uint8_t *p = env_view_bytes(v, len);
        if (p != NULL) {
            return p;
        }
        *len = 0;
    }
    if (!v || !JSValueIsObject(ctx, v)) {
        return NULL;
    }
    JSObjectRef o = (JSObjectRef)v;
    JSTypedArrayType t = JSValueGetTypedArrayType(ctx, v, NULL);
    if (t == kJSTypedArrayTypeNone) {
        return env_dataview_bytes(ctx, o, len);
    }
    if (t == kJSTypedArrayTypeArrayBuffer) {
        *len = JSObjectGetArrayBufferByteLength(ctx, o, NULL);
        return JSObjectGetArrayBufferBytesPtr(ctx, o, NULL);
    }
    /* TypedArrays; DataView reports kJSTypedArrayTypeNone in older engines, handled below. */
    uint8_t *base = JSObjectGetTypedArrayBytesPtr(ctx, o, NULL);
    *len = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
    if (!base) {
        *len = 0;
        return NULL;
    }
    return base + JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
}

static void env_free_bytes(void *bytes, void *ctx) {
    (void)ctx;
    free(bytes);
}

JSObjectRef rt_uint8array_take(JSContextRef ctx, uint8_t *data, size_t len, JSValueRef *exc) {
    if (!data) {
        data = malloc(1);
        RT_CHECK(data != NULL);
    }
    return JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeUint8Array, data, len,
                                                 env_free_bytes, NULL, exc);
}

JSObjectRef rt_uint8array_new(JSContextRef ctx, size_t len, uint8_t **data, JSValueRef *exc) {
    uint8_t *buf = calloc(len ? len : 1, 1);
    if (!buf) {
        rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                      "Array buffer allocation failed");
        return NULL;
    }
    if (data) {
        *data = buf;
    }
    return rt_uint8array_take(ctx, buf, len, exc);
}

/* ---- errors ---- */

JSObjectRef rt_uv_error(JSContextRef ctx, int err, const char *syscall, const char *path,
                        const char *dest) {
    char msg[8192];
    int n = snprintf(msg, sizeof(msg), "%s: %s, %s", uv_err_name(err), uv_strerror(err), syscall);
    if (path && n >= 0 && (size_t)n < sizeof(msg)) {
        n += snprintf(msg + n, sizeof(msg) - (size_t)n, " '%s'", path);
    }
    if (dest && n >= 0 && (size_t)n < sizeof(msg)) {
        snprintf(msg + n, sizeof(msg) - (size_t)n, " -> '%s'", dest);
    }
    JSValueRef args[1] = {rt_string_from_cstr(ctx, msg)};
    JSObjectRef e = JSObjectMakeError(ctx, 1, args, NULL);
    rt_set_num(ctx, e, "errno", err);
    rt_set_str(ctx, e, "code", uv_err_name(err));
    rt_set_str(ctx, e, "syscall", syscall);
    if (path) {
        rt_set_str(ctx, e, "path", path);
    }
    if (dest) {
        rt_set_str(ctx, e, "dest", dest);
    }
    rt__fix_error_stack(ctx, e);
    return e;
}

JSValueRef rt_throw_uv(JSContextRef ctx, JSValueRef *exc, int err, const char *syscall,
                       const char *path, const char *dest) {
    *exc = rt_uv_error(ctx, err, syscall, path, dest);
    return NULL;
}

static JSValueRef env_throw_v(JSContextRef ctx, JSValueRef *exc, const char *ctor,
                              const char *code, const char *fmt, va_list ap) {
    char msg[4096];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    JSObjectRef global = JSContextGetGlobalObject(ctx);
    JSValueRef c = rt_get(ctx, global, ctor);
    JSValueRef args[1] = {rt_string_from_cstr(ctx, msg)};
    JSObjectRef e = NULL;
    if (JSValueIsObject(ctx, c)) {
        e = JSObjectCallAsConstructor(ctx, (JSObjectRef)c, 1, args, NULL);
    }
    if (!e) {
        e = JSObjectMakeError(ctx, 1, args, NULL);
    }
    if (code) {
        rt_set_str(ctx, e, "code", code);
    }
    rt__fix_error_stack(ctx, e);
    *exc = e;
    return NULL;
}

JSValueRef rt_throw_type_error(JSContextRef ctx, JSValueRef *exc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    env_throw_v(ctx, exc, "TypeError", NULL, fmt, ap);
    va_end(ap);
    return NULL;
}

JSValueRef rt_throw_code(JSContextRef ctx, JSValueRef *exc, const char *ctor, const char *code,
                         const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    env_throw_v(ctx, exc, ctor, code, fmt, ap);
    va_end(ap);
    return NULL;
}

/* ---- handles ---- */

void rt_protect(JSContextRef ctx, JSObjectRef obj) {
    JSValueProtect(ctx, obj);
}

void rt_unprotect(JSContextRef ctx, JSObjectRef obj) {
    JSValueUnprotect(ctx, obj);
}

/* ---- environment ---- */

#define ENV_SMALL_HEAP_SIZE (2u << 20)

/* The engine's allocator (libpas) hands pages back to the system once they have been unused
 * for 300 ms, checking every 100 ms. A busy server frees and reuses the same pages (the
 * collector's 16 KiB blocks) all the time: under the http benchmark that was about 800
 * madvise calls a second on the main thread plus the page faults that refill them. Pages
 * are kept for 3 s instead (docs/design-notes.md "Heap size"). Looked up by name: the
 * variable is libpas's, not part of the engine's API, and may be absent. */
#define ENV_PAGE_KEEP_NS (3000ull * 1000 * 1000)

static void env_tune_allocator(void) {
    uint64_t *keep = dlsym(RTLD_DEFAULT, "pas_scavenger_max_epoch_delta");
    if (keep != NULL && *keep < ENV_PAGE_KEEP_NS) {
        *keep = ENV_PAGE_KEEP_NS;
    }
}

static void env_set_engine_options(void) {
    env_tune_allocator();
    jsc_options_set_boolean("useSharedArrayBuffer", TRUE);
    /* V8 keeps every frame; proper tail calls would drop callers from stacks. */
    jsc_options_set_boolean("useTailCalls", FALSE);
    /* A context group made through the C API gets the engine's "small heap" sizing: a
     * collection after every 1 MiB allocated. Loading a few hundred modules then ran two
     * collections (about 13% of its instructions), and a 100 MB stream copy some fifty, half
     * of them full ones (64 KiB chunks count as allocation). (jsc_options_set_size leaves
     * size options at 0 in this engine version; the uint setter stores them.) The value
     * trades speed for resident memory under load: docs/design-notes.md "Heap size".
     * JSC_smallHeapSize in the environment still wins. */
    if (getenv("JSC_smallHeapSize") == NULL) {
        jsc_options_set_uint("smallHeapSize", ENV_SMALL_HEAP_SIZE);
    }
}

bool rt__value_bits;

/* Whether values the engine makes carry the encoding rt_num and rt_bool read (see rt.h): a
 * sample of int32s, doubles and the four fixed words, compared bit for bit. */
static void env_check_number_encoding(JSContextRef ctx) {
    static const double samples[] = { 0, 42, -1, 2147483647.0, -2147483648.0, 2147483648.0,
                                       1.5, -0.0, 1e300, -4.9e-324, 1.0 / 0.0, -1.0 / 0.0 };
    if (sizeof(void *) != 8) {
        return;
    }
    for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
        double d = samples[i];
        uint64_t want;
        if (d >= INT32_MIN && d <= INT32_MAX && d == (int32_t)d && !(d == 0 && __builtin_signbit(d))) {
            want = RT_NUMBER_TAG | (uint32_t)(int32_t)d;
        } else {
            __builtin_memcpy(&want, &d, sizeof(want));
            want += RT_DOUBLE_OFFSET;
        }
        if ((uint64_t)(uintptr_t)JSValueMakeNumber(ctx, d) != want) {
            return;
        }
    }
    if ((uintptr_t)JSValueMakeBoolean(ctx, false) != RT_VALUE_FALSE ||
        (uintptr_t)JSValueMakeBoolean(ctx, true) != RT_VALUE_TRUE ||
        (uintptr_t)JSValueMakeUndefined(ctx) != RT_VALUE_UNDEFINED ||
        (uintptr_t)JSValueMakeNull(ctx) != RT_VALUE_NULL) {
        return;
    }
    JSValueRef nan = JSValueMakeNumber(ctx, 0.0 / 0.0);
    uint64_t bits = (uint64_t)(uintptr_t)nan;
    if ((bits & RT_NUMBER_TAG) == 0 || (bits & RT_NUMBER_TAG) == RT_NUMBER_TAG) {
        return;
    }
    rt__value_bits = true;
    double back = rt_num(ctx, nan);
    rt__value_bits = back != back;
}

rt_env_t *rt_new(int argc, char **argv) {
    rt_runloop_prepare_main_thread();
    rt_env_t *env = rt_env_create(uv_default_loop(), NULL, argc, argv);
    env_check_number_encoding(env->ctx); /* before any worker thread exists */
    env_check_string_layout(env->ctx);
    env_check_view_layout(env->ctx);
    /* As node: descriptors inherited from the parent, and those the engine opened for itself
     * while starting (two of /dev/urandom), do not pass on to child processes. */
    uv_disable_stdio_inheritance();
    return env;
}

rt_env_t *rt_env_create(uv_loop_t *loop, JSContextGroupRef group, int argc, char **argv) {
    rt_env_t *env = calloc(1, sizeof(*env));
    RT_CHECK(env != NULL);
    env_current = env;
    env->loop = loop;
    env->argc = argc;
    env->argv = argv;
    env->group = group;
    rt_runloop_prepare_thread();
    /* Engine options must be set before the first context exists. */
    static uv_once_t options_once = UV_ONCE_INIT;
    uv_once(&options_once, env_set_engine_options);
    env->ctx = JSGlobalContextCreateInGroup(group, NULL);
    rt_runloop_start(env);
    env->global = JSContextGetGlobalObject(env->ctx);
    env->binding_cache = JSObjectMake(env->ctx, NULL, NULL);
    JSValueProtect(env->ctx, env->binding_cache);
    return env;
}

void rt_free(rt_env_t *env) {
    JSObjectRef hooks[] = {env->tick_callback,    env->callback_trampoline, env->emit_before_exit,
                           env->emit_exit,        env->fix_error_stack,     env->fatal_exception,
                           env->exit_hook};
    for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
        if (hooks[i]) {
            JSValueUnprotect(env->ctx, hooks[i]);
        }
    }
    JSValueUnprotect(env->ctx, env->binding_cache);
    JSGlobalContextRelease(env->ctx);
    rt_runloop_free(env);
    env_current = NULL;
    free(env);
}

void rt__fix_error_stack(JSContextRef ctx, JSObjectRef error) {
    /* Errors made in C skip the JS constructors: give them node's stack layout too. */
    rt_env_t *env = rt_env_get();
    if (env && env->fix_error_stack) {
        JSValueRef arg = error;
        JSObjectCallAsFunction(ctx, env->fix_error_stack, NULL, 1, &arg, NULL);
    }
}
