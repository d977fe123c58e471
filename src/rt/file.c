/* file.c: whole-file reads for the module loaders (CommonJS sources, ES modules, stdin). */
#include "rt/rt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int rt_read_fd(int fd, size_t cap, char **out, size_t *out_len) {
    size_t len = 0;
    cap = cap ? cap : 4096;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return UV_ENOMEM;
    }
    for (;;) {
        if (len + 1 >= cap) {
            char *p = realloc(buf, cap * 2);
            if (p == NULL) {
                free(buf);
                return UV_ENOMEM;
            }
            buf = p;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - 1 - len);
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
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

int rt_read_file(const char *path, bool regular_only, char **out, size_t *out_len) {
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
    if (S_ISDIR(st.st_mode) || (regular_only && !S_ISREG(st.st_mode))) {
        close(fd);
        return S_ISDIR(st.st_mode) ? UV_EISDIR : UV_EINVAL;
    }
    int err = rt_read_fd(fd, st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, out, out_len);
    close(fd);
    return err;
}
