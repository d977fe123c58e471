/* modules.c: the `modules` binding: the synchronous file queries of the module loader. */
#include "rt/rt.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

/* readStdin() -> all of fd 0 as a string (UTF-8); throws Node's system error. */
static JSValueRef modules_read_stdin(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char *buf;
    size_t len;
    int err = rt_read_fd(0, 65536, &buf, &len);
    if (err) {
        return rt_throw_uv(ctx, exc, err, "read", NULL, NULL);
    }
    JSValueRef s = rt_string_from_utf8(ctx, buf, len);
    free(buf);
    return s;
}

/* Reads argv[0]'s file as a string without a UTF-8 BOM; when it cannot be read, throws
 * Node's system error, or returns undefined if optional. */
static JSValueRef modules_read_text(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                    JSValueRef *exc, bool optional) {
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!path) {
        return NULL;
    }
    char *buf;
    size_t len;
    int err = rt_read_file(path, false, &buf, &len);
    if (err) {
        JSValueRef r = optional ? JSValueMakeUndefined(ctx)
                                : rt_throw_uv(ctx, exc, err, "open", path, NULL);
        free(path);
        return r;
    }
    free(path);
    size_t off = len >= 3 && (uint8_t)buf[0] == 0xEF && (uint8_t)buf[1] == 0xBB &&
                         (uint8_t)buf[2] == 0xBF
                     ? 3
                     : 0;
    JSValueRef s = rt_string_from_utf8(ctx, buf + off, len - off);
    free(buf);
    return s;
}

/* readFileUtf8(path) -> string; throws Node's system error. */
static JSValueRef modules_read_file_utf8(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return modules_read_text(ctx, argc, argv, exc, false);
}

/* readOptional(path) -> the file's text, or undefined when it cannot be read. */
static JSValueRef modules_read_optional(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return modules_read_text(ctx, argc, argv, exc, true);
}

/* stat(path) -> 0 for a file, 1 for a directory, a negative errno otherwise. */
static JSValueRef modules_stat(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!path) {
        return NULL;
    }
    struct stat st;
    int r = stat(path, &st);
    free(path);
    if (r != 0) {
        return JSValueMakeNumber(ctx, -errno);
    }
    return JSValueMakeNumber(ctx, S_ISDIR(st.st_mode) ? 1 : 0);
}

/* realpath(path) -> the canonical path; throws Node's system error. */
static JSValueRef modules_realpath(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char *path = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!path) {
        return NULL;
    }
    char *r = realpath(path, NULL);
    if (!r) {
        rt_throw_uv(ctx, exc, -errno, "realpath", path, NULL);
        free(path);
        return NULL;
    }
    free(path);
    JSValueRef s = rt_string_from_cstr(ctx, r);
    free(r);
    return s;
}

static const JSStaticFunction modules_functions[] = {
    {"readFileUtf8", modules_read_file_utf8, RT_FN_ATTRS},
    {"readOptional", modules_read_optional, RT_FN_ATTRS},
    {"readStdin", modules_read_stdin, RT_FN_ATTRS},
    {"stat", modules_stat, RT_FN_ATTRS},
    {"realpath", modules_realpath, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_modules_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, modules_functions);
}
