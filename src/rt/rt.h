/* rt.h: the runtime core API shared by src/rt and src/binding. */
#ifndef CAIRN_RT_H
#define CAIRN_RT_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#define CAIRN_VERSION "0.1.0"
/* The Node.js version cairn reports in process.version (the behaviour it targets). */
#define CAIRN_NODE_VERSION "22.23.3"

/* Attributes for functions defined on binding objects. */
#define RT_FN_ATTRS (kJSPropertyAttributeDontEnum)

/* Aborts on a broken invariant of the C side; never used for input from JS. */
#define RT_CHECK(expr)                                                                             \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            rt__check_failed(#expr, __FILE__, __LINE__);                                           \
        }                                                                                          \
    } while (0)

typedef struct rt_env rt_env_t;

/* One runtime instance: a JS context and the libuv loop it runs on. */
struct rt_env {
    JSGlobalContextRef ctx;
    JSObjectRef global;
    uv_loop_t *loop;
    int argc;
    char **argv;
    /* JS functions installed by the bootstrap (protected while set). */
    JSObjectRef tick_callback;       /* drains process.nextTick and rejections */
    JSObjectRef callback_trampoline; /* (fn, this, ...args): calls fn, then drains ticks */
    JSObjectRef emit_before_exit;    /* emits process 'beforeExit' */
    JSObjectRef emit_exit;           /* emits process 'exit'; returns the exit code */
    JSObjectRef fix_error_stack;     /* (error): gives an error node's stack layout */
    JSObjectRef fatal_exception;  /* handles an uncaught exception; returns true if handled */
    JSObjectRef exit_hook;        /* runs once right before the process exits (--cpu-prof) */
    JSObjectRef binding_cache;    /* name -> binding object */
    bool exiting;
    int exit_code;
    JSContextGroupRef group; /* a worker's own context group; NULL on the main thread */
    void *worker;            /* the worker thread's state (src/binding/worker.c), or NULL */
    bool stopping;           /* a worker is stopping: no more JS runs on this thread */
    void *runloop;           /* the engine's GLib run loop driven from libuv (runloop.c) */
};

/* The environment of the calling thread. Never NULL once rt_new() has run. */
rt_env_t *rt_env_get(void);
/* While the count (changed by delta) is above zero, engine work a JS promise waits for
 * (async WebAssembly compilation) keeps the loop alive (src/rt/runloop.c). */
void rt_runloop_keep_alive(rt_env_t *env, int delta);

void rt__check_failed(const char *expr, const char *file, int line);

/* ---- strings ---- */

/* A new JS string from `len` bytes of UTF-8 (invalid sequences become U+FFFD). */
JSValueRef rt_string_from_utf8(JSContextRef ctx, const char *s, size_t len);
/* A new JS string from a NUL-terminated UTF-8 C string. */
JSValueRef rt_string_from_cstr(JSContextRef ctx, const char *s);
/* ToString(v) as malloc'd NUL-terminated UTF-8 (lone surrogates become U+FFFD); *len (may be
 * NULL) gets the byte length. Returns NULL and sets *exc if ToString throws. Caller frees. */
char *rt_to_utf8(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc);
/* Decodes len bytes of UTF-8 into out (room for len units) with WHATWG replacement
 * semantics; returns the number of UTF-16 units written. */
size_t rt_utf8_to_utf16(const char *s, size_t len, uint16_t *out);
/* Whether the eight UTF-16 units at s are all ASCII (two 8-byte loads). */
static inline bool rt_ascii8(const uint16_t *s) {
    uint64_t a;
    uint64_t b;
    __builtin_memcpy(&a, s, 8);
    __builtin_memcpy(&b, s + 4, 8);
    return ((a | b) & 0xFF80FF80FF80FF80ull) == 0;
}

/* Writes eight ASCII UTF-16 units (rt_ascii8(s) holds) to out as eight bytes. */
static inline void rt_pack8(const uint16_t *s, void *out) {
    uint64_t a;
    uint64_t b;
    __builtin_memcpy(&a, s, 8);
    __builtin_memcpy(&b, s + 4, 8);
    uint64_t lo = (a & 0xFF) | ((a >> 8) & 0xFF00) | ((a >> 16) & 0xFF0000) |
                  ((a >> 24) & 0xFF000000);
    uint64_t hi = (b & 0xFF) | ((b >> 8) & 0xFF00) | ((b >> 16) & 0xFF0000) |
                  ((b >> 24) & 0xFF000000);
    uint64_t packed = lo | (hi << 32);
    __builtin_memcpy(out, &packed, 8);
}

/* Encodes UTF-16 into out (room for 3 * len bytes); lone surrogates become U+FFFD.
 * Returns the bytes written (no NUL is added). */
size_t rt_utf16_to_utf8(const uint16_t *s, size_t len, char *out);
/* The characters of a string value, read in place: Latin-1 bytes (is8) or UTF-16 units. */
typedef struct {
    const void *chars;
    size_t len;
    bool is8;
} rt_strview_t;
/* Fills *out when v is a string whose characters the engine holds flat (not a rope still to be
 * joined) and its layout was recognised at startup; the view lasts while v is alive and no JS
 * runs. Otherwise returns false: use JSValueToStringCopy. No engine lock is taken. */
bool rt_string_view(JSValueRef v, rt_strview_t *out);
/* As rt_string_view, but a string still made of joined pieces is first joined by the engine
 * (in place; that takes its lock). False only for non-strings or an unrecognised layout. */
bool rt_string_view_joined(JSContextRef ctx, JSValueRef v, rt_strview_t *out);
/* Encodes the view as UTF-8 into out (room for 3 * len bytes; lone surrogates become U+FFFD);
 * returns the bytes written (no NUL is added). */
size_t rt_strview_to_utf8(const rt_strview_t *sv, char *out);
/* Encodes len Latin-1 bytes into out (room for 2 * len bytes); returns the bytes written. */
size_t rt_latin1_to_utf8(const uint8_t *s, size_t len, char *out);
/* A JSStringRef's text as malloc'd NUL-terminated UTF-8; *len (may be NULL) gets its length. */
char *rt_jsstring_to_utf8(JSStringRef str, size_t *len);
/* A JSStringRef for a C string literal; the caller releases it. */
JSStringRef rt_jsstr(const char *s);

/* ---- objects ---- */

/* obj[name]; returns undefined on a missing property. */
JSValueRef rt_get(JSContextRef ctx, JSObjectRef obj, const char *name);
/* obj[name] = value (plain data property; errors are swallowed). */
void rt_set(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef value);
void rt_set_num(JSContextRef ctx, JSObjectRef obj, const char *name, double value);
void rt_set_str(JSContextRef ctx, JSObjectRef obj, const char *name, const char *value);
void rt_set_bool(JSContextRef ctx, JSObjectRef obj, const char *name, bool value);
/* Defines every function of a { name, callback, attributes } table (ended by a NULL name)
 * on target. */
void rt_define_functions(rt_env_t *env, JSObjectRef target, const JSStaticFunction *fns);

/* An array-like of strings as a NULL-terminated malloc'd vector of UTF-8 strings. Returns
 * NULL when v is not an object, or (with *exc set) when a conversion threw. Free it with
 * rt_strings_free. */
char **rt_strings_from_array(JSContextRef ctx, JSValueRef v, JSValueRef *exc);
void rt_strings_free(char **v);

/* ---- numbers and arguments ---- */

/* On 64-bit builds a JSValueRef that is not an object or string is the engine's NaN-boxed
 * value itself: an int32 under RT_NUMBER_TAG, any other double offset by 2^49, and four fixed
 * words for false, true, undefined and null. Whether this engine does so is checked once,
 * when the first context is made (rt__value_bits); rt_num and rt_bool read such values
 * without an engine call. (JSValueToNumber and JSValueToBoolean take the engine's lock: about
 * a thousand instructions each from inside a binding call.) */
#define RT_NUMBER_TAG 0xfffe000000000000ull
#define RT_DOUBLE_OFFSET (1ull << 49)
#define RT_VALUE_FALSE 0x06u
#define RT_VALUE_TRUE 0x07u
#define RT_VALUE_UNDEFINED 0x0au
#define RT_VALUE_NULL 0x02u
extern bool rt__value_bits;

/* ToNumber(v) (NaN if it throws). */
static inline double rt_num(JSContextRef ctx, JSValueRef v) {
    uint64_t bits = (uint64_t)(uintptr_t)v;
    if (rt__value_bits && (bits & RT_NUMBER_TAG) != 0) {
        if ((bits & RT_NUMBER_TAG) == RT_NUMBER_TAG) {
            return (double)(int32_t)(uint32_t)bits;
        }
        bits -= RT_DOUBLE_OFFSET;
        double d;
        __builtin_memcpy(&d, &bits, sizeof(d));
        return d;
    }
    return JSValueToNumber(ctx, v, NULL);
}

/* ToBoolean(v). */
static inline bool rt_bool(JSContextRef ctx, JSValueRef v) {
    uint64_t bits = (uint64_t)(uintptr_t)v;
    if (rt__value_bits) {
        if (bits == RT_VALUE_TRUE) {
            return true;
        }
        if (bits == RT_VALUE_FALSE || bits == RT_VALUE_UNDEFINED || bits == RT_VALUE_NULL) {
            return false;
        }
        if ((bits & RT_NUMBER_TAG) == RT_NUMBER_TAG) {
            return (uint32_t)bits != 0;
        }
    }
    return JSValueToBoolean(ctx, v);
}

/* argv[i] or undefined when i >= argc. */
JSValueRef rt_arg(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i);
/* ToNumber / ToInt64 of argv[i] (0 for a missing argument). */
double rt_arg_num(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i);
int64_t rt_arg_int(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i);

/* ---- bytes ---- */

/* The bytes of a TypedArray, DataView or ArrayBuffer value. Returns NULL (and sets *len 0)
 * if v is none of these; never throws. The pointer stays valid while v is alive and not
 * detached. */
uint8_t *rt_bytes(JSContextRef ctx, JSValueRef v, size_t *len);
/* A new Uint8Array of len bytes that owns data (malloc'd; freed with the array).
 * Takes ownership of data. Returns NULL and sets *exc on failure. */
JSObjectRef rt_uint8array_take(JSContextRef ctx, uint8_t *data, size_t len, JSValueRef *exc);
/* A new zero-filled Uint8Array of len bytes; *data (may be NULL) receives its bytes. */
JSObjectRef rt_uint8array_new(JSContextRef ctx, size_t len, uint8_t **data, JSValueRef *exc);

/* Splits a NODE_OPTIONS value like node: on whitespace, with "double quotes" and backslash
 * escapes inside them. Returns a malloc'd argv (argv[0] = self, argv[1] the start of one
 * malloc'd block holding every word) and its count; NULL when there are no words. */
char **rt_split_node_options(const char *self, const char *s, int *count);

/* Whole-file reads (src/rt/file.c): 0 and a malloc'd, NUL-terminated buffer, or a negative
 * errno (a uv error code). rt_read_fd reads to the end, waiting while a non-blocking
 * descriptor has no data (cap: first guess of the size), and does not close fd;
 * rt_read_file refuses directories (UV_EISDIR) and, with regular_only, anything but a
 * regular file (UV_EINVAL). */
int rt_read_fd(int fd, size_t cap, char **out, size_t *out_len);
int rt_read_file(const char *path, bool regular_only, char **out, size_t *out_len);

/* Byte blocks for engine-owned buffers (src/rt/bytes.c); rt_bytes_alloc leaves them
 * uninitialised. Free with the size given to the allocation. NULL when out of memory.
 * rt_bytes_alloc_filled: the same, for a block the caller is about to fill whole (its
 * pages are made up front). */
void *rt_bytes_alloc(size_t n);
void *rt_bytes_alloc_filled(size_t n);
void rt_bytes_free(void *p, size_t n);
/* An ArrayBuffer of n bytes owning p (from rt_bytes_alloc(n)). */
JSObjectRef rt_array_buffer_take(JSContextRef ctx, void *p, size_t n, JSValueRef *exc);
/* A Uint8Array of the first len bytes of p, owning p (from rt_bytes_alloc(alloc_len)). */
JSObjectRef rt_uint8array_take_bytes(JSContextRef ctx, void *p, size_t alloc_len, size_t len,
                                     JSValueRef *exc);

/* ---- errors ---- */

/* Throws Node's system error for a libuv code: message "ENOENT: no such file or directory,
 * open 'a.txt'" (and " -> 'dest'"), with errno (negative), code, syscall, path, dest.
 * Sets *exc and returns NULL. path and dest may be NULL. */
JSValueRef rt_throw_uv(JSContextRef ctx, JSValueRef *exc, int err, const char *syscall,
                       const char *path, const char *dest);
/* The error object rt_throw_uv would throw, for passing to callbacks. */
JSObjectRef rt_uv_error(JSContextRef ctx, int err, const char *syscall, const char *path,
                        const char *dest);
/* Throws a TypeError (printf-style message). Sets *exc and returns NULL. */
JSValueRef rt_throw_type_error(JSContextRef ctx, JSValueRef *exc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Throws an Error of the given constructor name ("TypeError", "RangeError", "Error") with a
 * `code` property, like Node's internal errors. Sets *exc and returns NULL. */
JSValueRef rt_throw_code(JSContextRef ctx, JSValueRef *exc, const char *ctor, const char *code,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- calling into JS from the loop ---- */

/* Calls fn from a libuv callback (an outermost entry into JS): runs fn, then drains the
 * nextTick queue in the same entry, so microtasks run after the ticks as in Node. An
 * exception goes to the uncaught-exception path (which may exit the process). Returns the
 * result, or NULL if fn threw. */
JSValueRef rt_make_callback(rt_env_t *env, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[]);
/* Reports an uncaught exception: runs process 'uncaughtException' handling or prints it in
 * Node's layout and exits with code 1 (or 7 if the handler itself threw). */
void rt_fatal_exception(rt_env_t *env, JSValueRef exception);

/* ---- handles ---- */

/* Keeps `obj` alive while a libuv handle/request is active (JSValueProtect). */
void rt_protect(JSContextRef ctx, JSObjectRef obj);
void rt_unprotect(JSContextRef ctx, JSObjectRef obj);

/* ---- bindings ---- */

/* Every binding, as V(name). Each has `void rt_binding_<name>_init(rt_env_t *, JSObjectRef)`.
 * Keep the list sorted; add one line per binding. */
#define RT_BINDINGS(V)                                                                             \
    V(buffer)                                                                                      \
    V(builtins)                                                                                    \
    V(cares_wrap)                                                                                  \
    V(cjs_lexer)                                                                                   \
    V(contextify)                                                                                  \
    V(crypto)                                                                                      \
    V(fs)                                                                                          \
    V(http_parser)                                                                                 \
    V(messaging)                                                                                   \
    V(module_wrap)                                                                                 \
    V(modules)                                                                                     \
    V(os)                                                                                          \
    V(process)                                                                                     \
    V(process_wrap)                                                                                \
    V(profiler)                                                                                    \
    V(signal_wrap)                                                                                 \
    V(spawn_sync)                                                                                  \
    V(stream_wrap)                                                                                 \
    V(timers)                                                                                      \
    V(tls_wrap)                                                                                    \
    V(tty)                                                                                         \
    V(typescript)                                                                                  \
    V(udp_wrap)                                                                                    \
    V(url)                                                                                         \
    V(uv)                                                                                          \
    V(util)                                                                                        \
    V(worker)                                                                                      \
    V(zlib)

#define RT_DECLARE_BINDING(name) void rt_binding_##name##_init(rt_env_t *env, JSObjectRef target);
RT_BINDINGS(RT_DECLARE_BINDING)
#undef RT_DECLARE_BINDING

/* The binding object for `name` (created once, cached); NULL if there is none. */
JSObjectRef rt_binding_get(rt_env_t *env, const char *name);

#endif
