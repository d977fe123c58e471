/* modules.c: the `modules` binding: the synchronous file queries of the module loader. */
#include "rt/rt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads fd to its end (waiting while a non-blocking descriptor has no data); returns 0 and a
 * malloc'd buffer, or a negative errno. Does not close fd. */
static int modules_read_all(int fd, size_t cap, char **out, size_t *out_len) {
    size_t len = 0;
    char *buf = malloc(cap);
    RT_CHECK(buf != NULL);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            RT_CHECK(buf != NULL);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                struct pollfd p = {.fd = fd, .events = POLLIN};
                poll(&p, 1, -1);
                continue;
            }
            int e = -errno;
            free(buf);
            return e;
        }
        if (n == 0) {
            break;
        }
        len += (size_t)n;
    }
    *out = buf;
    *out_len = len;
    return 0;
}

/* Reads a whole file; returns 0 and a malloc'd buffer, or a negative errno. */
static int modules_read_file(const char *path, char **out, size_t *out_len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -errno;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = -errno;
        close(fd);
        return e;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return UV_EISDIR;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    int err = modules_read_all(fd, cap, out, out_len);
    close(fd);
    return err;
}

/* readStdin() -> all of fd 0 as a string (UTF-8); throws Node's system error. */
static JSValueRef modules_read_stdin(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char *buf;
    size_t len;
    int err = modules_read_all(0, 65536, &buf, &len);
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
    int err = modules_read_file(path, &buf, &len);
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
