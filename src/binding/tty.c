/* tty.c: the `tty` binding: terminal queries and blocking stdio writes for process.stdout. */
#include "rt/rt.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

static JSValueRef tty_isatty(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (fd < 0 || fd > INT32_MAX) {
        return JSValueMakeBoolean(ctx, false);
    }
    return JSValueMakeBoolean(ctx, isatty((int)fd) == 1);
}

/* guessHandleType(fd) -> 'TTY' | 'FILE' | 'PIPE' | 'TCP' | 'UDP' | 'UNKNOWN' */
static JSValueRef tty_guess_handle_type(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (fd < 0 || fd > INT32_MAX) {
        return rt_string_from_cstr(ctx, "INVALID");
    }
    const char *t;
    switch (uv_guess_handle((int)fd)) {
    case UV_TTY:
        t = "TTY";
        break;
    case UV_FILE:
        t = "FILE";
        break;
    case UV_NAMED_PIPE:
        t = "PIPE";
        break;
    case UV_TCP:
        t = "TCP";
        break;
    case UV_UDP:
        t = "UDP";
        break;
    default:
        t = "UNKNOWN";
    }
    return rt_string_from_cstr(ctx, t);
}

/* getWindowSize(fd) -> [columns, rows], or undefined when fd is not a terminal. */
static JSValueRef tty_get_window_size(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    struct winsize ws;
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    if (fd < 0 || fd > INT32_MAX || ioctl((int)fd, TIOCGWINSZ, &ws) != 0) {
        return JSValueMakeUndefined(ctx);
    }
    JSValueRef v[2] = {JSValueMakeNumber(ctx, ws.ws_col), JSValueMakeNumber(ctx, ws.ws_row)};
    return JSObjectMakeArray(ctx, 2, v, exc);
}

/* Writes all of buf to fd, waiting when the descriptor is non-blocking and full. */
static int tty_write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                struct pollfd p = {.fd = fd, .events = POLLOUT};
                poll(&p, 1, -1);
                continue;
            }
            return -errno;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* writeString(fd, string) -> undefined; throws a system error (EPIPE, EBADF...). */
static JSValueRef tty_write_string(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    size_t len;
    char *s = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &len, exc);
    if (!s) {
        return NULL;
    }
    int err = fd < 0 || fd > INT32_MAX ? UV_EBADF : tty_write_all((int)fd, s, len);
    free(s);
    if (err) {
        return rt_throw_uv(ctx, exc, err, "write", NULL, NULL);
    }
    return JSValueMakeUndefined(ctx);
}

/* writeBuffer(fd, typedArray) -> undefined. */
static JSValueRef tty_write_buffer(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    int64_t fd = rt_arg_int(ctx, argc, argv, 0);
    size_t len;
    uint8_t *p = rt_bytes(ctx, rt_arg(ctx, argc, argv, 1), &len);
    if (!p && len) {
        return rt_throw_type_error(ctx, exc, "buffer must be a TypedArray");
    }
    int err = fd < 0 || fd > INT32_MAX ? UV_EBADF : tty_write_all((int)fd, (char *)p, len);
    if (err) {
        return rt_throw_uv(ctx, exc, err, "write", NULL, NULL);
    }
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction tty_functions[] = {
    {"isatty", tty_isatty, RT_FN_ATTRS},
    {"guessHandleType", tty_guess_handle_type, RT_FN_ATTRS},
    {"getWindowSize", tty_get_window_size, RT_FN_ATTRS},
    {"writeString", tty_write_string, RT_FN_ATTRS},
    {"writeBuffer", tty_write_buffer, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_tty_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, tty_functions);
}
