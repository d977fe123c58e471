/* fs.c: the `fs` internal binding: file-system calls run inline (sync) or on libuv's pool. */
#include "rt/rt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Every call is described by an fs_job_t. The JS function fills in the inputs; when its last
 * argument (`req`) is a function the job runs on libuv's thread pool and that function is
 * called back with (err) or (null, result); otherwise the job runs inline and the result is
 * returned (or the error thrown). The job body only uses synchronous uv_fs_* calls, so both
 * paths share one implementation and a sync call never touches the event loop.
 */

enum {
    FS_ACCESS,
    FS_OPEN,
    FS_CLOSE,
    FS_READ,
    FS_WRITE,
    FS_READV,
    FS_WRITEV,
    FS_STAT,
    FS_LSTAT,
    FS_FSTAT,
    FS_STATFS,
    FS_MKDIR,
    FS_MKDIRP,
    FS_MKDTEMP,
    FS_READDIR,
    FS_RMDIR,
    FS_UNLINK,
    FS_RENAME,
    FS_LINK,
    FS_SYMLINK,
    FS_COPYFILE,
    FS_READLINK,
    FS_REALPATH,
    FS_REALPATH_WALK,
    FS_CHMOD,
    FS_FCHMOD,
    FS_CHOWN,
    FS_FCHOWN,
    FS_LCHOWN,
    FS_UTIMES,
    FS_FUTIMES,
    FS_LUTIMES,
    FS_FTRUNCATE,
    FS_FSYNC,
    FS_FDATASYNC,
    FS_READFILE,
    FS_WRITEFILE,
    FS_RMRF,
};

/* How a finished job's result becomes a JS value. */
enum {
    FS_RES_UNDEFINED,
    FS_RES_INT,
    FS_RES_STAT,
    FS_RES_STATFS,
    FS_RES_STR,     /* out (or undefined when NULL), as a string or a Uint8Array */
    FS_RES_DIRENTS, /* names (+ types) */
    FS_RES_DATA,    /* data as a Uint8Array, or as a string when utf8 */
};

/* A pseudo error code (positive, never a libuv one): the file is larger than 2 GiB. */
#define FS_ERR_TOO_LARGE 1
/* The largest buffer readFile produces (kIoMaxLength in Node). */
#define FS_MAX_READ ((uint64_t)INT32_MAX)

typedef struct fs_job {
    uv_work_t work;
    rt_env_t *env;
    JSObjectRef cb;     /* protected while queued; NULL when run inline */
    JSObjectRef *keeps; /* buffers the job reads or writes; protected until fs_job_free */
    size_t nkeeps;
    int op;
    int res;
    /* inputs */
    char *path;
    char *dest;
    int fd;
    int flags;
    int mode;
    int64_t pos;
    int64_t len;
    double atime;
    double mtime;
    uv_buf_t buf1;
    uv_buf_t *bufs;
    size_t nbufs;
    uint8_t *owned; /* input bytes owned by the job (a converted string) */
    bool bigint;
    bool as_buffer;
    bool with_types;
    bool is_fd;
    bool utf8;
    bool no_entry_ok;
    bool flush;
    const char *scandir_name; /* the syscall a failed scandir reports ("scandir", "opendir") */
    /* outputs */
    int err;
    const char *syscall;
    bool err_no_path;
    char *err_path; /* owned; overrides path/dest in the error when set */
    int64_t result;
    uint64_t size;
    uv_stat_t st;
    uv_statfs_t sfs;
    char *out;
    char **names;
    uint8_t *types;
    size_t count;
    uint8_t *data;
    size_t data_len;
    size_t data_cap; /* the size data was allocated with (rt_bytes_alloc) */
} fs_job_t;

static uint8_t fs_empty_byte;

/* Jobs queued on the thread pool and not yet called back (process._getActiveRequests). */
static _Thread_local uint32_t fs_in_flight;

/* One finished job kept per thread for the next (a synchronous call then allocates none);
 * a thread-specific value, so that a worker thread's is freed when the thread ends. */
static pthread_key_t fs_spare_key;
static uv_once_t fs_spare_once = UV_ONCE_INIT;

static void fs_spare_key_create(void) {
    RT_CHECK(pthread_key_create(&fs_spare_key, free) == 0);
}

static fs_job_t *fs_job_new(int op, int res) {
    fs_job_t *j = pthread_getspecific(fs_spare_key);
    if (j != NULL) {
        pthread_setspecific(fs_spare_key, NULL);
        memset(j, 0, sizeof(*j));
    } else {
        j = calloc(1, sizeof(*j));
        RT_CHECK(j != NULL);
    }
    j->op = op;
    j->res = res;
    j->fd = -1;
    j->pos = -1;
    return j;
}

static void fs_job_free(fs_job_t *j) {
    for (size_t i = 0; i < j->nkeeps; i++) {
        JSValueUnprotect(rt_env_get()->ctx, j->keeps[i]);
    }
    free(j->path);
    free(j->dest);
    free(j->bufs);
    free(j->owned);
    free(j->err_path);
    free(j->out);
    for (size_t i = 0; i < j->count; i++) {
        free(j->names[i]);
    }
    free(j->names);
    free(j->types);
    rt_bytes_free(j->data, j->data_cap);
    free(j->keeps);
    if (pthread_getspecific(fs_spare_key) == NULL) {
        pthread_setspecific(fs_spare_key, j);
    } else {
        free(j);
    }
}

/* ---- the job bodies (any thread; no engine calls) ---- */

/* Records a failure whose message names the job's path (and dest). */
static void fs_fail(fs_job_t *j, int err, const char *syscall) {
    j->err = err;
    j->syscall = syscall;
}

/* Records a failure whose message names no path ("EBADF: bad file descriptor, read"). */
static void fs_fail_nopath(fs_job_t *j, int err, const char *syscall) {
    j->err = err;
    j->syscall = syscall;
    j->err_no_path = true;
}

/* Records a failure on another path than the job's own (a component, a child). */
static void fs_fail_at(fs_job_t *j, int err, const char *syscall, const char *path) {
    j->err = err;
    j->syscall = syscall;
    free(j->err_path);
    j->err_path = strdup(path);
    RT_CHECK(j->err_path != NULL);
}

static char *fs_strdup(const char *s) {
    char *d = strdup(s);
    RT_CHECK(d != NULL);
    return d;
}

static char *fs_join(const char *dir, const char *name) {
    size_t a = strlen(dir);
    size_t b = strlen(name);
    char *p = malloc(a + b + 2);
    RT_CHECK(p != NULL);
    memcpy(p, dir, a);
    size_t n = a;
    if (n == 0 || p[n - 1] != '/') {
        p[n++] = '/';
    }
    memcpy(p + n, name, b + 1);
    return p;
}

/* The parent of path as a new string, or NULL at the root ("/" or a single component). */
static char *fs_parent(const char *path) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') {
        n--;
    }
    while (n > 0 && path[n - 1] != '/') {
        n--;
    }
    if (n == 0) {
        return NULL;
    }
    while (n > 1 && path[n - 1] == '/') {
        n--;
    }
    if (n == strlen(path)) {
        return NULL;
    }
    char *p = malloc(n + 1);
    RT_CHECK(p != NULL);
    memcpy(p, path, n);
    p[n] = '\0';
    return p;
}

static int fs_is_dir(const char *path) {
    uv_fs_t req;
    int r = uv_fs_stat(NULL, &req, path, NULL);
    int dir = r == 0 && S_ISDIR(req.statbuf.st_mode);
    uv_fs_req_cleanup(&req);
    return dir;
}

/* mkdir -p: creates path and its missing parents; *first receives the topmost one created. */
static int fs_mkdirp(const char *path, int mode, char **first) {
    uv_fs_t req;
    int r = uv_fs_mkdir(NULL, &req, path, mode, NULL);
    uv_fs_req_cleanup(&req);
    if (r == UV_ENOENT) {
        char *parent = fs_parent(path);
        if (parent == NULL) {
            return r;
        }
        r = fs_mkdirp(parent, mode, first);
        free(parent);
        if (r < 0) {
            return r;
        }
        r = uv_fs_mkdir(NULL, &req, path, mode, NULL);
        uv_fs_req_cleanup(&req);
    }
    if (r == 0) {
        if (*first == NULL) {
            *first = fs_strdup(path);
        }
        return 0;
    }
    if (r == UV_EEXIST) {
        if (fs_is_dir(path)) {
            return 0;
        }
        /* An existing non-directory: the path itself gives EEXIST, a parent ENOTDIR. */
        return r;
    }
    return r;
}

static void fs_run_mkdirp(fs_job_t *j) {
    char *first = NULL;
    int r = fs_mkdirp(j->path, j->mode, &first);
    if (r == UV_EEXIST) {
        /* A parent that is a file makes the whole path ENOTDIR, as in Node. */
        uv_fs_t req;
        int s = uv_fs_stat(NULL, &req, j->path, NULL);
        uv_fs_req_cleanup(&req);
        if (s == UV_ENOTDIR) {
            r = UV_ENOTDIR;
        }
    }
    if (r < 0) {
        free(first);
        fs_fail(j, r, "mkdir");
        return;
    }
    j->out = first;
}

/* Removes path and everything below it. ENOENT is not an error (the entry is gone). */
static int fs_rmrf(fs_job_t *j, const char *path) {
    uv_fs_t req;
    int r = uv_fs_lstat(NULL, &req, path, NULL);
    int is_dir = r == 0 && S_ISDIR(req.statbuf.st_mode);
    uv_fs_req_cleanup(&req);
    if (r == UV_ENOENT) {
        return 0;
    }
    if (r < 0) {
        fs_fail_at(j, r, "lstat", path);
        return r;
    }
    if (!is_dir) {
        r = uv_fs_unlink(NULL, &req, path, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0 && r != UV_ENOENT) {
            fs_fail_at(j, r, "unlink", path);
            return r;
        }
        return 0;
    }
    for (int attempt = 0;; attempt++) {
        r = uv_fs_scandir(NULL, &req, path, 0, NULL);
        if (r < 0) {
            uv_fs_req_cleanup(&req);
            if (r == UV_ENOENT) {
                return 0;
            }
            fs_fail_at(j, r, "scandir", path);
            return r;
        }
        uv_dirent_t ent;
        int failed = 0;
        while (uv_fs_scandir_next(&req, &ent) == 0) {
            char *child = fs_join(path, ent.name);
            failed = fs_rmrf(j, child);
            free(child);
            if (failed < 0) {
                break;
            }
        }
        uv_fs_req_cleanup(&req);
        if (failed < 0) {
            return failed;
        }
        r = uv_fs_rmdir(NULL, &req, path, NULL);
        uv_fs_req_cleanup(&req);
        if (r == 0 || r == UV_ENOENT) {
            return 0;
        }
        /* Something was created inside meanwhile: go round again a few times. */
        if ((r == UV_ENOTEMPTY || r == UV_EEXIST) && attempt < 3) {
            continue;
        }
        fs_fail_at(j, r, "rmdir", path);
        return r;
    }
}

/*
 * path.resolve(base, rel) for POSIX paths: rel is taken relative to the absolute base unless
 * it is absolute itself, and "." / ".." / repeated slashes are resolved lexically. Returns a
 * malloc'd absolute path without a trailing slash (except "/").
 */
static char *fs_resolve(const char *base, const char *rel) {
    size_t bl = rel[0] == '/' ? 0 : strlen(base);
    size_t rl = strlen(rel);
    char *in = malloc(bl + rl + 2);
    char *out = malloc(bl + rl + 2);
    RT_CHECK(in != NULL && out != NULL);
    memcpy(in, base, bl);
    in[bl] = '/';
    memcpy(in + bl + 1, rel, rl + 1);
    size_t n = 0;
    const char *s = in;
    while (*s != '\0') {
        while (*s == '/') {
            s++;
        }
        const char *e = s;
        while (*e != '\0' && *e != '/') {
            e++;
        }
        size_t len = (size_t)(e - s);
        if (len == 0 || (len == 1 && s[0] == '.')) {
            /* nothing */
        } else if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (n > 0 && out[n - 1] != '/') {
                n--;
            }
            if (n > 0) {
                n--;
            }
        } else {
            out[n++] = '/';
            memcpy(out + n, s, len);
            n += len;
        }
        s = e;
    }
    if (n == 0) {
        out[n++] = '/';
    }
    out[n] = '\0';
    free(in);
    return out;
}

/*
 * realpath as Node's JS implementation computes it: walk the components of the absolute path;
 * lstat each one, and replace a symlink by its target resolved *lexically* against the
 * directory holding it, then start over. Errors name the component (lstat, stat, readlink).
 * Components already known not to be links are not checked again; when the last stat saw a
 * pipe or socket the walk stops there (so /dev/stdin on a pipe resolves without an error).
 */
static void fs_run_realpath_walk(fs_job_t *j) {
    char *p = fs_resolve("/", j->path);
    size_t pos = 1;
    int expansions = 0;
    uint64_t last_mode = 0;
    char **known = NULL;
    size_t nknown = 0;
    uv_fs_t req;
    while (pos < strlen(p)) {
        const char *slash = strchr(p + pos, '/');
        size_t end = slash != NULL ? (size_t)(slash - p) : strlen(p);
        char *base = strndup(p, end);
        RT_CHECK(base != NULL);
        pos = slash != NULL ? end + 1 : end;
        bool is_known = false;
        for (size_t i = 0; i < nknown && !is_known; i++) {
            is_known = strcmp(known[i], base) == 0;
        }
        if (is_known) {
            free(base);
            if (S_ISFIFO(last_mode) || S_ISSOCK(last_mode)) {
                break;
            }
            continue;
        }
        int r = uv_fs_lstat(NULL, &req, base, NULL);
        if (r == 0) {
            last_mode = req.statbuf.st_mode;
        }
        uv_fs_req_cleanup(&req);
        if (r < 0) {
            fs_fail_at(j, r, "lstat", base);
            free(base);
            goto fail;
        }
        if (!S_ISLNK(last_mode)) {
            char **grown = realloc(known, (nknown + 1) * sizeof(*known));
            RT_CHECK(grown != NULL);
            known = grown;
            known[nknown++] = base;
            continue;
        }
        const char *syscall = "stat";
        if (++expansions > 1000) {
            r = UV_ELOOP;
        } else {
            r = uv_fs_stat(NULL, &req, base, NULL);
            if (r == 0) {
                last_mode = req.statbuf.st_mode;
            }
            uv_fs_req_cleanup(&req);
        }
        char *target = NULL;
        if (r == 0) {
            syscall = "readlink";
            r = uv_fs_readlink(NULL, &req, base, NULL);
            if (r == 0) {
                target = fs_strdup(req.ptr);
            }
            uv_fs_req_cleanup(&req);
        }
        if (r < 0) {
            fs_fail_at(j, r, syscall, base);
            free(base);
            goto fail;
        }
        char *prev = strndup(p, end - strlen(strrchr(base, '/') + 1));
        RT_CHECK(prev != NULL);
        char *resolved = fs_resolve(prev, target);
        char *next = fs_resolve(resolved, p + pos);
        free(resolved);
        free(target);
        free(base);
        free(prev);
        free(p);
        p = next;
        pos = 1;
    }
    j->out = p;
    p = NULL;
fail:
    free(p);
    for (size_t i = 0; i < nknown; i++) {
        free(known[i]);
    }
    free(known);
}

static void fs_run_readdir(fs_job_t *j) {
    uv_fs_t req;
    int r = uv_fs_scandir(NULL, &req, j->path, 0, NULL);
    if (r < 0) {
        uv_fs_req_cleanup(&req);
        fs_fail(j, r, j->scandir_name != NULL ? j->scandir_name : "scandir");
        return;
    }
    size_t cap = r > 0 ? (size_t)r : 1;
    j->names = malloc(cap * sizeof(*j->names));
    j->types = malloc(cap);
    RT_CHECK(j->names != NULL && j->types != NULL);
    uv_dirent_t ent;
    while (uv_fs_scandir_next(&req, &ent) == 0) {
        if (j->count == cap) {
            cap *= 2;
            j->names = realloc(j->names, cap * sizeof(*j->names));
            j->types = realloc(j->types, cap);
            RT_CHECK(j->names != NULL && j->types != NULL);
        }
        j->names[j->count] = fs_strdup(ent.name);
        j->types[j->count] = (uint8_t)ent.type;
        j->count++;
    }
    uv_fs_req_cleanup(&req);
}

static void fs_run_readfile(fs_job_t *j) {
    uv_fs_t req;
    int fd = j->fd;
    int r;
    if (!j->is_fd) {
        r = uv_fs_open(NULL, &req, j->path, j->flags, 0666, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0) {
            fs_fail(j, r, "open");
            return;
        }
        fd = r;
    }
    r = uv_fs_fstat(NULL, &req, fd, NULL);
    uint64_t size = 0;
    if (r == 0 && S_ISREG(req.statbuf.st_mode)) {
        size = req.statbuf.st_size;
    }
    uv_fs_req_cleanup(&req);
    if (r < 0) {
        fs_fail_nopath(j, r, "fstat");
        goto done;
    }
    if (size > FS_MAX_READ) {
        j->err = FS_ERR_TOO_LARGE;
        j->size = size;
        goto done;
    }
    size_t cap = size > 0 ? (size_t)size : 8192;
    uint8_t *data = rt_bytes_alloc_filled(cap);
    RT_CHECK(data != NULL);
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            if (size > 0) {
                break;
            }
            if (cap >= FS_MAX_READ) {
                rt_bytes_free(data, cap);
                j->err = FS_ERR_TOO_LARGE;
                j->size = len;
                goto done;
            }
            size_t grown_cap = cap * 2 > FS_MAX_READ ? (size_t)FS_MAX_READ : cap * 2;
            uint8_t *grown = rt_bytes_alloc(grown_cap);
            RT_CHECK(grown != NULL);
            memcpy(grown, data, len);
            rt_bytes_free(data, cap);
            data = grown;
            cap = grown_cap;
        }
        uv_buf_t b = uv_buf_init((char *)data + len, (unsigned int)(cap - len));
        r = uv_fs_read(NULL, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        if (r == UV_EINTR) {
            continue;
        }
        if (r < 0) {
            rt_bytes_free(data, cap);
            fs_fail_nopath(j, r, "read");
            goto done;
        }
        if (r == 0) {
            break;
        }
        len += (size_t)r;
    }
    j->data = data;
    j->data_len = len;
    j->data_cap = cap;
done:
    if (!j->is_fd) {
        uv_fs_close(NULL, &req, fd, NULL);
        uv_fs_req_cleanup(&req);
    }
}

static void fs_run_writefile(fs_job_t *j) {
    uv_fs_t req;
    int fd = j->fd;
    int r;
    if (!j->is_fd) {
        r = uv_fs_open(NULL, &req, j->path, j->flags, j->mode, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0) {
            fs_fail(j, r, "open");
            return;
        }
        fd = r;
    }
    size_t off = 0;
    while (off < j->buf1.len) {
        uv_buf_t b = uv_buf_init(j->buf1.base + off, (unsigned int)(j->buf1.len - off));
        r = uv_fs_write(NULL, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        if (r == UV_EINTR) {
            continue;
        }
        if (r < 0) {
            fs_fail_nopath(j, r, "write");
            goto done;
        }
        off += (size_t)r;
    }
    if (j->flush) {
        r = uv_fs_fsync(NULL, &req, fd, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0) {
            fs_fail_nopath(j, r, "fsync");
            goto done;
        }
    }
done:
    if (!j->is_fd) {
        r = uv_fs_close(NULL, &req, fd, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0 && j->err == 0) {
            fs_fail_nopath(j, r, "close");
        }
    }
}

/* Finishes a plain uv_fs_* call: records the error or keeps the result, then cleans up. */
static void fs_done(fs_job_t *j, uv_fs_t *req, int r, const char *syscall, bool with_path) {
    if (r < 0) {
        if (with_path) {
            fs_fail(j, r, syscall);
        } else {
            fs_fail_nopath(j, r, syscall);
        }
    } else {
        j->result = r;
    }
    uv_fs_req_cleanup(req);
}

static void fs_run(fs_job_t *j) {
    uv_fs_t req;
    int r;
    switch (j->op) {
    case FS_ACCESS:
        r = uv_fs_access(NULL, &req, j->path, j->mode, NULL);
        fs_done(j, &req, r, "access", true);
        break;
    case FS_OPEN:
        r = uv_fs_open(NULL, &req, j->path, j->flags, j->mode, NULL);
        fs_done(j, &req, r, "open", true);
        break;
    case FS_CLOSE:
        r = uv_fs_close(NULL, &req, j->fd, NULL);
        fs_done(j, &req, r, "close", false);
        break;
    case FS_READ:
        r = uv_fs_read(NULL, &req, j->fd, &j->buf1, 1, j->pos, NULL);
        fs_done(j, &req, r, "read", false);
        break;
    case FS_WRITE:
        r = uv_fs_write(NULL, &req, j->fd, &j->buf1, 1, j->pos, NULL);
        fs_done(j, &req, r, "write", false);
        break;
    case FS_READV:
        r = uv_fs_read(NULL, &req, j->fd, j->bufs, (unsigned int)j->nbufs, j->pos, NULL);
        fs_done(j, &req, r, "read", false);
        break;
    case FS_WRITEV:
        r = uv_fs_write(NULL, &req, j->fd, j->bufs, (unsigned int)j->nbufs, j->pos, NULL);
        fs_done(j, &req, r, "write", false);
        break;
    case FS_STAT:
    case FS_LSTAT:
    case FS_FSTAT:
        if (j->op == FS_STAT) {
            r = uv_fs_stat(NULL, &req, j->path, NULL);
        } else if (j->op == FS_LSTAT) {
            r = uv_fs_lstat(NULL, &req, j->path, NULL);
        } else {
            r = uv_fs_fstat(NULL, &req, j->fd, NULL);
        }
        if (r == 0) {
            j->st = req.statbuf;
        }
        fs_done(j, &req, r, j->op == FS_STAT ? "stat" : j->op == FS_LSTAT ? "lstat" : "fstat",
                j->op != FS_FSTAT);
        break;
    case FS_STATFS:
        r = uv_fs_statfs(NULL, &req, j->path, NULL);
        if (r == 0 && req.ptr != NULL) {
            j->sfs = *(uv_statfs_t *)req.ptr;
        }
        fs_done(j, &req, r, "statfs", true);
        break;
    case FS_MKDIR:
        r = uv_fs_mkdir(NULL, &req, j->path, j->mode, NULL);
        fs_done(j, &req, r, "mkdir", true);
        break;
    case FS_MKDIRP:
        fs_run_mkdirp(j);
        break;
    case FS_MKDTEMP:
        r = uv_fs_mkdtemp(NULL, &req, j->path, NULL);
        if (r == 0 && req.path != NULL) {
            j->out = fs_strdup(req.path);
        }
        fs_done(j, &req, r, "mkdtemp", true);
        break;
    case FS_READDIR:
        fs_run_readdir(j);
        break;
    case FS_RMDIR:
        r = uv_fs_rmdir(NULL, &req, j->path, NULL);
        fs_done(j, &req, r, "rmdir", true);
        break;
    case FS_UNLINK:
        r = uv_fs_unlink(NULL, &req, j->path, NULL);
        fs_done(j, &req, r, "unlink", true);
        break;
    case FS_RENAME:
        r = uv_fs_rename(NULL, &req, j->path, j->dest, NULL);
        fs_done(j, &req, r, "rename", true);
        break;
    case FS_LINK:
        r = uv_fs_link(NULL, &req, j->path, j->dest, NULL);
        fs_done(j, &req, r, "link", true);
        break;
    case FS_SYMLINK:
        r = uv_fs_symlink(NULL, &req, j->path, j->dest, j->flags, NULL);
        fs_done(j, &req, r, "symlink", true);
        break;
    case FS_COPYFILE:
        r = uv_fs_copyfile(NULL, &req, j->path, j->dest, j->flags, NULL);
        fs_done(j, &req, r, "copyfile", true);
        break;
    case FS_READLINK:
    case FS_REALPATH:
        if (j->op == FS_READLINK) {
            r = uv_fs_readlink(NULL, &req, j->path, NULL);
        } else {
            r = uv_fs_realpath(NULL, &req, j->path, NULL);
        }
        if (r == 0 && req.ptr != NULL) {
            j->out = fs_strdup(req.ptr);
        }
        fs_done(j, &req, r, j->op == FS_READLINK ? "readlink" : "realpath", true);
        break;
    case FS_REALPATH_WALK:
        fs_run_realpath_walk(j);
        break;
    case FS_CHMOD:
        r = uv_fs_chmod(NULL, &req, j->path, j->mode, NULL);
        fs_done(j, &req, r, "chmod", true);
        break;
    case FS_FCHMOD:
        r = uv_fs_fchmod(NULL, &req, j->fd, j->mode, NULL);
        fs_done(j, &req, r, "fchmod", false);
        break;
    case FS_CHOWN:
        r = uv_fs_chown(NULL, &req, j->path, (uv_uid_t)j->pos, (uv_gid_t)j->len, NULL);
        fs_done(j, &req, r, "chown", true);
        break;
    case FS_FCHOWN:
        r = uv_fs_fchown(NULL, &req, j->fd, (uv_uid_t)j->pos, (uv_gid_t)j->len, NULL);
        fs_done(j, &req, r, "fchown", false);
        break;
    case FS_LCHOWN:
        r = uv_fs_lchown(NULL, &req, j->path, (uv_uid_t)j->pos, (uv_gid_t)j->len, NULL);
        fs_done(j, &req, r, "lchown", true);
        break;
    case FS_UTIMES:
        r = uv_fs_utime(NULL, &req, j->path, j->atime, j->mtime, NULL);
        fs_done(j, &req, r, "utime", true);
        break;
    case FS_FUTIMES:
        r = uv_fs_futime(NULL, &req, j->fd, j->atime, j->mtime, NULL);
        fs_done(j, &req, r, "futime", false);
        break;
    case FS_LUTIMES:
        r = uv_fs_lutime(NULL, &req, j->path, j->atime, j->mtime, NULL);
        fs_done(j, &req, r, "lutime", true);
        break;
    case FS_FTRUNCATE:
        r = uv_fs_ftruncate(NULL, &req, j->fd, j->len, NULL);
        fs_done(j, &req, r, "ftruncate", false);
        break;
    case FS_FSYNC:
        r = uv_fs_fsync(NULL, &req, j->fd, NULL);
        fs_done(j, &req, r, "fsync", false);
        break;
    case FS_FDATASYNC:
        r = uv_fs_fdatasync(NULL, &req, j->fd, NULL);
        fs_done(j, &req, r, "fdatasync", false);
        break;
    case FS_READFILE:
        fs_run_readfile(j);
        break;
    case FS_WRITEFILE:
        fs_run_writefile(j);
        break;
    case FS_RMRF:
        fs_rmrf(j, j->path);
        break;
    default:
        j->err = UV_ENOSYS;
        j->syscall = "fs";
        break;
    }
}

/* ---- results and errors (main thread) ---- */

static JSValueRef fs_path_value(JSContextRef ctx, const char *s, bool as_buffer, JSValueRef *exc) {
    if (!as_buffer) {
        return rt_string_from_cstr(ctx, s);
    }
    size_t n = strlen(s);
    uint8_t *data = NULL;
    JSObjectRef arr = rt_uint8array_new(ctx, n, &data, exc);
    if (arr == NULL) {
        return NULL;
    }
    if (n > 0) {
        memcpy(data, s, n);
    }
    return arr;
}

/* Sync stat results land in one array per thread and kind (binding.statValues and
 * binding.bigintStatValues; lib reads them at once), so a statSync allocates no array. Both
 * stay reachable from the binding object; their bytes, asked for once (which pins them), are
 * kept too: asking takes the engine's lock. */
static _Thread_local JSObjectRef fs_stat_shared[2];
static _Thread_local void *fs_stat_shared_bytes[2];

static JSValueRef fs_stat_value(JSContextRef ctx, const uv_stat_t *s, bool bigint, bool shared,
                                JSValueRef *exc) {
    int64_t v[18] = {
        (int64_t)s->st_dev,          (int64_t)s->st_mode,          (int64_t)s->st_nlink,
        (int64_t)s->st_uid,          (int64_t)s->st_gid,           (int64_t)s->st_rdev,
        (int64_t)s->st_blksize,      (int64_t)s->st_ino,           (int64_t)s->st_size,
        (int64_t)s->st_blocks,       s->st_atim.tv_sec,            s->st_atim.tv_nsec,
        s->st_mtim.tv_sec,           s->st_mtim.tv_nsec,           s->st_ctim.tv_sec,
        s->st_ctim.tv_nsec,          s->st_birthtim.tv_sec,        s->st_birthtim.tv_nsec,
    };
    JSObjectRef arr;
    void *p;
    if (shared) {
        arr = fs_stat_shared[bigint];
        p = fs_stat_shared_bytes[bigint];
    } else {
        arr = JSObjectMakeTypedArray(
            ctx, bigint ? kJSTypedArrayTypeBigInt64Array : kJSTypedArrayTypeFloat64Array, 18, exc);
        if (arr == NULL) {
            return NULL;
        }
        p = JSObjectGetTypedArrayBytesPtr(ctx, arr, exc);
        if (p == NULL) {
            return NULL;
        }
    }
    if (bigint) {
        memcpy(p, v, sizeof(v));
    } else {
        double *d = p;
        for (size_t i = 0; i < 18; i++) {
            d[i] = (double)v[i];
        }
    }
    return arr;
}

static JSValueRef fs_statfs_value(JSContextRef ctx, const uv_statfs_t *s, bool bigint,
                                  JSValueRef *exc) {
    int64_t v[7] = {
        (int64_t)s->f_type,   (int64_t)s->f_bsize, (int64_t)s->f_blocks, (int64_t)s->f_bfree,
        (int64_t)s->f_bavail, (int64_t)s->f_files, (int64_t)s->f_ffree,
    };
    JSObjectRef arr = JSObjectMakeTypedArray(
        ctx, bigint ? kJSTypedArrayTypeBigInt64Array : kJSTypedArrayTypeFloat64Array, 7, exc);
    if (arr == NULL) {
        return NULL;
    }
    void *p = JSObjectGetTypedArrayBytesPtr(ctx, arr, exc);
    if (p == NULL) {
        return NULL;
    }
    if (bigint) {
        memcpy(p, v, sizeof(v));
    } else {
        double *d = p;
        for (size_t i = 0; i < 7; i++) {
            d[i] = (double)v[i];
        }
    }
    return arr;
}

static JSValueRef fs_result(JSContextRef ctx, fs_job_t *j, JSValueRef *exc) {
    switch (j->res) {
    case FS_RES_INT:
        return JSValueMakeNumber(ctx, (double)j->result);
    case FS_RES_STAT:
        return fs_stat_value(ctx, &j->st, j->bigint, j->cb == NULL, exc);
    case FS_RES_STATFS:
        return fs_statfs_value(ctx, &j->sfs, j->bigint, exc);
    case FS_RES_STR:
        if (j->out == NULL) {
            return JSValueMakeUndefined(ctx);
        }
        return fs_path_value(ctx, j->out, j->as_buffer, exc);
    case FS_RES_DIRENTS: {
        /* Names as one string joined by NUL (lib splits it: one string instead of one per
         * entry), or an array of Uint8Arrays for the buffer encoding; types as a Uint8Array. */
        JSValueRef names;
        if (!j->as_buffer) {
            size_t total = 0;
            for (size_t i = 0; i < j->count; i++) {
                total += strlen(j->names[i]) + 1;
            }
            char *joined = malloc(total + 1);
            RT_CHECK(joined != NULL);
            size_t n = 0;
            for (size_t i = 0; i < j->count; i++) {
                size_t len = strlen(j->names[i]);
                memcpy(joined + n, j->names[i], len);
                n += len;
                joined[n++] = '\0';
            }
            names = rt_string_from_utf8(ctx, joined, n > 0 ? n - 1 : 0);
            free(joined);
        } else {
            JSObjectRef arr = JSObjectMakeArray(ctx, 0, NULL, exc);
            if (arr == NULL) {
                return NULL;
            }
            for (size_t i = 0; i < j->count; i++) {
                JSValueRef name = fs_path_value(ctx, j->names[i], true, exc);
                if (name == NULL) {
                    return NULL;
                }
                JSObjectSetPropertyAtIndex(ctx, arr, (unsigned)i, name, exc);
                if (*exc) {
                    return NULL;
                }
            }
            names = arr;
        }
        if (!j->with_types) {
            return names;
        }
        uint8_t *tp = NULL;
        JSObjectRef types = rt_uint8array_new(ctx, j->count, &tp, exc);
        if (types == NULL) {
            return NULL;
        }
        if (j->count > 0) {
            memcpy(tp, j->types, j->count);
        }
        JSValueRef pair[2] = { names, types };
        return JSObjectMakeArray(ctx, 2, pair, exc);
    }
    case FS_RES_DATA:
        if (j->utf8) {
            return rt_string_from_utf8(ctx, (const char *)j->data, j->data_len);
        } else {
            JSObjectRef arr = rt_uint8array_take_bytes(ctx, j->data, j->data_cap, j->data_len, exc);
            j->data = NULL; /* owned by the array now (or freed on failure) */
            return arr;
        }
    default:
        return JSValueMakeUndefined(ctx);
    }
}

static JSValueRef fs_error(JSContextRef ctx, fs_job_t *j) {
    if (j->err == FS_ERR_TOO_LARGE) {
        JSValueRef e = NULL;
        char size[32];
        snprintf(size, sizeof(size), "%llu", (unsigned long long)j->size);
        rt_throw_code(ctx, &e, "RangeError", "ERR_FS_FILE_TOO_LARGE",
                      "File size (%s) is greater than 2 GiB", size);
        return e;
    }
    if (j->err_path != NULL) {
        return rt_uv_error(ctx, j->err, j->syscall, j->err_path, NULL);
    }
    if (j->err_no_path) {
        return rt_uv_error(ctx, j->err, j->syscall, NULL, NULL);
    }
    return rt_uv_error(ctx, j->err, j->syscall, j->path, j->dest);
}

/* ---- running a job ---- */

static void fs_work_cb(uv_work_t *w) {
    fs_run((fs_job_t *)w->data);
}

static void fs_after_cb(uv_work_t *w, int status) {
    fs_job_t *j = w->data;
    rt_env_t *env = j->env;
    JSContextRef ctx = env->ctx;
    JSValueRef args[2] = { JSValueMakeNull(ctx), NULL };
    size_t argc = 1;
    if (status < 0 && j->err == 0) {
        fs_fail(j, status, j->syscall != NULL ? j->syscall : "fs");
    }
    if (j->err != 0) {
        args[0] = fs_error(ctx, j);
    } else {
        JSValueRef exc = NULL;
        JSValueRef v = fs_result(ctx, j, &exc);
        if (v == NULL) {
            args[0] = exc != NULL ? exc : JSValueMakeUndefined(ctx);
        } else if (!JSValueIsUndefined(ctx, v)) {
            args[1] = v;
            argc = 2;
        }
    }
    JSObjectRef cb = j->cb;
    fs_job_free(j);
    rt_make_callback(env, cb, NULL, argc, args);
    fs_in_flight--; /* listed as active until its callback returns, as in node */
    JSValueUnprotect(ctx, cb);
}

/* Runs j inline when req is not a function, or queues it; takes ownership of j. */
static JSValueRef fs_submit(JSContextRef ctx, fs_job_t *j, JSValueRef req, JSValueRef *exc) {
    if (req != NULL && JSValueIsObject(ctx, req) && JSObjectIsFunction(ctx, (JSObjectRef)req)) {
        rt_env_t *env = rt_env_get();
        j->env = env;
        j->cb = (JSObjectRef)req;
        j->work.data = j;
        int r = uv_queue_work(env->loop, &j->work, fs_work_cb, fs_after_cb);
        if (r < 0) {
            fs_job_free(j);
            return rt_throw_uv(ctx, exc, r, "uv_queue_work", NULL, NULL);
        }
        JSValueProtect(ctx, j->cb);
        fs_in_flight++;
        return JSValueMakeUndefined(ctx);
    }
    fs_run(j);
    JSValueRef ret;
    if (j->err != 0) {
        /* node 22: statSync also answers undefined for a path through a file (lstat throws) */
        if (j->no_entry_ok &&
            (j->err == UV_ENOENT || (j->err == UV_ENOTDIR && j->op == FS_STAT))) {
            ret = JSValueMakeUndefined(ctx);
        } else {
            *exc = fs_error(ctx, j);
            ret = NULL;
        }
    } else {
        ret = fs_result(ctx, j, exc);
    }
    fs_job_free(j);
    return ret;
}

/* ---- argument helpers ---- */

/* A path argument (string or bytes) as a malloc'd NUL-terminated string. */
static char *fs_arg_path(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i,
                         JSValueRef *exc) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (JSValueIsString(ctx, v)) {
        return rt_to_utf8(ctx, v, NULL, exc);
    }
    if (JSValueGetTypedArrayType(ctx, v, NULL) != kJSTypedArrayTypeNone) {
        size_t n = 0;
        uint8_t *b = rt_bytes(ctx, v, &n);
        char *s = malloc(n + 1);
        RT_CHECK(s != NULL);
        if (n > 0 && b != NULL) {
            memcpy(s, b, n);
        }
        s[n] = '\0';
        return s;
    }
    rt_throw_type_error(ctx, exc, "path must be a string or Uint8Array");
    return NULL;
}

static int fs_arg_int(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    double d = rt_arg_num(ctx, argc, argv, i);
    if (d != d || d < INT_MIN || d > INT_MAX) {
        return -1;
    }
    return (int)d;
}

/* A file position: a number or a bigint; anything negative or missing means "current". */
static int64_t fs_arg_pos(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    JSValueRef v = rt_arg(ctx, argc, argv, i);
    if (JSValueIsBigInt(ctx, v)) {
        int64_t p = JSValueToInt64(ctx, v, NULL);
        return p < 0 ? -1 : p;
    }
    if (!JSValueIsNumber(ctx, v)) {
        return -1;
    }
    double d = rt_num(ctx, v);
    if (!(d >= 0) || d > 9007199254740991.0) {
        return -1;
    }
    return (int64_t)d;
}

static bool fs_arg_bool(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    return rt_bool(ctx, rt_arg(ctx, argc, argv, i));
}

static JSValueRef fs_arg_req(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    return rt_arg(ctx, argc, argv, i);
}

/* The bytes of a buffer argument (a TypedArray, DataView or ArrayBuffer); throws TypeError for
 * anything that is not an object. */
static uint8_t *fs_arg_bytes(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc) {
    *len = 0;
    uint8_t *p = rt_bytes(ctx, v, len);
    if (p != NULL) {
        return p;
    }
    *len = 0;
    if (!JSValueIsObject(ctx, v)) {
        rt_throw_type_error(ctx, exc, "buffer must be a TypedArray, DataView or ArrayBuffer");
        return NULL;
    }
    /* A DataView is an ArrayBufferView the typed-array type query does not report. */
    JSObjectRef o = (JSObjectRef)v;
    JSValueRef e = NULL;
    uint8_t *base = JSObjectGetTypedArrayBytesPtr(ctx, o, &e);
    if (base != NULL && e == NULL) {
        *len = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
        return base + JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
    }
    return &fs_empty_byte;
}

/* Protects v (whose bytes the job uses) until fs_job_free: from the moment it is kept, since
 * the keeps array is not scanned by the collector and v may be held by nothing else (a getter
 * of a writev list returning a fresh Buffer, collected while reading the next element). */
static void fs_keep(fs_job_t *j, JSValueRef v) {
    JSObjectRef *k = realloc(j->keeps, (j->nkeeps + 1) * sizeof(*k));
    RT_CHECK(k != NULL);
    j->keeps = k;
    j->keeps[j->nkeeps++] = (JSObjectRef)v;
    JSValueProtect(rt_env_get()->ctx, v);
}

/* ---- the JS functions ---- */

#define FS_FN(name)                                                                                \
    static JSValueRef name(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,        \
                           const JSValueRef argv[], JSValueRef *exc)

/* Jobs on one path and nothing else: (path, req). */
static JSValueRef fs_path_only(JSContextRef ctx, int op, int res, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(op, res);
    j->path = path;
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 1), exc);
}

/* Jobs on one fd and nothing else: (fd, req). */
static JSValueRef fs_fd_only(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                             JSValueRef *exc) {
    fs_job_t *j = fs_job_new(op, FS_RES_UNDEFINED);
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 1), exc);
}

/* Jobs on two paths: (path, dest, req). */
static JSValueRef fs_two_paths(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                               size_t req_index, JSValueRef *exc) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    char *dest = fs_arg_path(ctx, argc, argv, 1, exc);
    if (dest == NULL) {
        free(path);
        return NULL;
    }
    fs_job_t *j = fs_job_new(op, FS_RES_UNDEFINED);
    j->path = path;
    j->dest = dest;
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, req_index), exc);
}

/* access(path, mode, req) */
FS_FN(fs_access) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_ACCESS, FS_RES_UNDEFINED);
    j->path = path;
    j->mode = fs_arg_int(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

/* exists(path) -> boolean; synchronous only. */
FS_FN(fs_exists) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    uv_fs_t req;
    int r = uv_fs_access(NULL, &req, path, F_OK, NULL);
    uv_fs_req_cleanup(&req);
    free(path);
    return JSValueMakeBoolean(ctx, r == 0);
}

/* open(path, flags, mode, req) -> fd */
FS_FN(fs_open) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_OPEN, FS_RES_INT);
    j->path = path;
    j->flags = fs_arg_int(ctx, argc, argv, 1);
    j->mode = fs_arg_int(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

FS_FN(fs_close) {
    return fs_fd_only(ctx, FS_CLOSE, argc, argv, exc);
}

/* read/write(fd, buffer, offset, length, position, req) -> bytes */
static JSValueRef fs_rw(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                        JSValueRef *exc) {
    JSValueRef bufv = rt_arg(ctx, argc, argv, 1);
    size_t blen;
    uint8_t *b = fs_arg_bytes(ctx, bufv, &blen, exc);
    if (b == NULL) {
        return NULL;
    }
    double off = rt_arg_num(ctx, argc, argv, 2);
    double len = rt_arg_num(ctx, argc, argv, 3);
    if (!(off >= 0) || !(len >= 0) || off > (double)blen || len > (double)blen - off ||
        len > (double)UINT_MAX) {
        return rt_throw_code(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE",
                             "offset and length are out of the buffer's bounds");
    }
    fs_job_t *j = fs_job_new(op, FS_RES_INT);
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    j->buf1 = uv_buf_init((char *)b + (size_t)off, (unsigned int)len);
    j->pos = fs_arg_pos(ctx, argc, argv, 4);
    fs_keep(j, bufv);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 5), exc);
}

FS_FN(fs_read) {
    return fs_rw(ctx, FS_READ, argc, argv, exc);
}

FS_FN(fs_write) {
    return fs_rw(ctx, FS_WRITE, argc, argv, exc);
}

/* writeString(fd, string, position, req) -> bytes; the string is written as UTF-8. */
FS_FN(fs_write_string) {
    size_t n = 0;
    char *s = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), &n, exc);
    if (s == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_WRITE, FS_RES_INT);
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    j->owned = (uint8_t *)s;
    j->buf1 = uv_buf_init(s, (unsigned int)n);
    j->pos = fs_arg_pos(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

/* readv/writev(fd, buffers, position, req) -> bytes */
static JSValueRef fs_rwv(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                         JSValueRef *exc) {
    JSValueRef listv = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsArray(ctx, listv)) {
        return rt_throw_type_error(ctx, exc, "buffers must be an array");
    }
    JSObjectRef list = (JSObjectRef)listv;
    double nd = rt_num(ctx, rt_get(ctx, list, "length"));
    size_t n = nd > 0 && nd < 1e9 ? (size_t)nd : 0;
    fs_job_t *j = fs_job_new(op, FS_RES_INT);
    j->bufs = calloc(n > 0 ? n : 1, sizeof(uv_buf_t));
    RT_CHECK(j->bufs != NULL);
    j->nbufs = n;
    for (size_t i = 0; i < n; i++) {
        JSValueRef v = JSObjectGetPropertyAtIndex(ctx, list, (unsigned)i, exc);
        if (v == NULL || *exc != NULL) {
            fs_job_free(j);
            return NULL;
        }
        size_t blen;
        uint8_t *b = fs_arg_bytes(ctx, v, &blen, exc);
        if (b == NULL || blen > UINT_MAX) {
            fs_job_free(j);
            return b == NULL ? NULL : rt_throw_type_error(ctx, exc, "buffer too large");
        }
        j->bufs[i] = uv_buf_init((char *)b, (unsigned int)blen);
        fs_keep(j, v);
    }
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    j->pos = fs_arg_pos(ctx, argc, argv, 2);
    if (n == 0) {
        /* Nothing to transfer; libuv rejects zero buffers, Node reports 0 bytes. */
        j->bufs[0] = uv_buf_init((char *)&fs_empty_byte, 0);
        j->nbufs = 1;
    }
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

FS_FN(fs_readv) {
    return fs_rwv(ctx, FS_READV, argc, argv, exc);
}

FS_FN(fs_writev) {
    return fs_rwv(ctx, FS_WRITEV, argc, argv, exc);
}

/* stat/lstat(path, bigint, req, throwIfNoEntry) -> Float64Array|BigInt64Array (18 values) */
static JSValueRef fs_stat_path(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                               JSValueRef *exc) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(op, FS_RES_STAT);
    j->path = path;
    j->bigint = fs_arg_bool(ctx, argc, argv, 1);
    JSValueRef t = rt_arg(ctx, argc, argv, 3);
    j->no_entry_ok = JSValueIsBoolean(ctx, t) && !rt_bool(ctx, t);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

FS_FN(fs_stat) {
    return fs_stat_path(ctx, FS_STAT, argc, argv, exc);
}

FS_FN(fs_lstat) {
    return fs_stat_path(ctx, FS_LSTAT, argc, argv, exc);
}

/* fstat(fd, bigint, req) */
FS_FN(fs_fstat) {
    fs_job_t *j = fs_job_new(FS_FSTAT, FS_RES_STAT);
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    j->bigint = fs_arg_bool(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

/* statfs(path, bigint, req) -> 7 values: type bsize blocks bfree bavail files ffree */
FS_FN(fs_statfs) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_STATFS, FS_RES_STATFS);
    j->path = path;
    j->bigint = fs_arg_bool(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

/* mkdir(path, mode, recursive, req) -> first directory created (recursive) or undefined */
FS_FN(fs_mkdir) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    bool recursive = fs_arg_bool(ctx, argc, argv, 2);
    fs_job_t *j = fs_job_new(recursive ? FS_MKDIRP : FS_MKDIR, FS_RES_STR);
    j->path = path;
    j->mode = fs_arg_int(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

/* mkdtemp(prefix, asBuffer, req) -> the new directory */
FS_FN(fs_mkdtemp) {
    char *prefix = fs_arg_path(ctx, argc, argv, 0, exc);
    if (prefix == NULL) {
        return NULL;
    }
    size_t n = strlen(prefix);
    char *tpl = malloc(n + 7);
    RT_CHECK(tpl != NULL);
    memcpy(tpl, prefix, n);
    memcpy(tpl + n, "XXXXXX", 7);
    free(prefix);
    fs_job_t *j = fs_job_new(FS_MKDTEMP, FS_RES_STR);
    j->path = tpl;
    j->as_buffer = fs_arg_bool(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

/* readdir(path, asBuffer, withTypes, req) -> names, or [names, types] */
FS_FN(fs_readdir) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_READDIR, FS_RES_DIRENTS);
    j->path = path;
    j->as_buffer = fs_arg_bool(ctx, argc, argv, 1);
    j->with_types = fs_arg_bool(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

/* opendir(path, asBuffer, req) -> [names, types]; a listing reported as `opendir`. */
FS_FN(fs_opendir) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_READDIR, FS_RES_DIRENTS);
    j->path = path;
    j->as_buffer = fs_arg_bool(ctx, argc, argv, 1);
    j->with_types = true;
    j->scandir_name = "opendir";
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

FS_FN(fs_rmdir) {
    return fs_path_only(ctx, FS_RMDIR, FS_RES_UNDEFINED, argc, argv, exc);
}

FS_FN(fs_unlink) {
    return fs_path_only(ctx, FS_UNLINK, FS_RES_UNDEFINED, argc, argv, exc);
}

/* rmrf(path, req): removes a tree; a missing entry is not an error. */
FS_FN(fs_rm_tree) {
    return fs_path_only(ctx, FS_RMRF, FS_RES_UNDEFINED, argc, argv, exc);
}

FS_FN(fs_rename) {
    return fs_two_paths(ctx, FS_RENAME, argc, argv, 2, exc);
}

FS_FN(fs_link) {
    return fs_two_paths(ctx, FS_LINK, argc, argv, 2, exc);
}

/* symlink(target, path, flags, req) */
FS_FN(fs_symlink) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    char *dest = fs_arg_path(ctx, argc, argv, 1, exc);
    if (dest == NULL) {
        free(path);
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_SYMLINK, FS_RES_UNDEFINED);
    j->path = path;
    j->dest = dest;
    j->flags = fs_arg_int(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

/* copyFile(src, dest, mode, req) */
FS_FN(fs_copy_file) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    char *dest = fs_arg_path(ctx, argc, argv, 1, exc);
    if (dest == NULL) {
        free(path);
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_COPYFILE, FS_RES_UNDEFINED);
    j->path = path;
    j->dest = dest;
    j->flags = fs_arg_int(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

/* readlink/realpath/realpathWalk(path, asBuffer, req) */
static JSValueRef fs_path_to_path(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                                  JSValueRef *exc) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(op, FS_RES_STR);
    j->path = path;
    j->as_buffer = fs_arg_bool(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

FS_FN(fs_readlink) {
    return fs_path_to_path(ctx, FS_READLINK, argc, argv, exc);
}

FS_FN(fs_realpath) {
    return fs_path_to_path(ctx, FS_REALPATH, argc, argv, exc);
}

FS_FN(fs_realpath_walk) {
    return fs_path_to_path(ctx, FS_REALPATH_WALK, argc, argv, exc);
}

/* chmod(path, mode, req) / fchmod(fd, mode, req) */
FS_FN(fs_chmod) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    fs_job_t *j = fs_job_new(FS_CHMOD, FS_RES_UNDEFINED);
    j->path = path;
    j->mode = fs_arg_int(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

FS_FN(fs_fchmod) {
    fs_job_t *j = fs_job_new(FS_FCHMOD, FS_RES_UNDEFINED);
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    j->mode = fs_arg_int(ctx, argc, argv, 1);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

/* chown/lchown(path, uid, gid, req) / fchown(fd, uid, gid, req); uid/gid in pos/len. */
static JSValueRef fs_chown_common(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                                  JSValueRef *exc) {
    fs_job_t *j = fs_job_new(op, FS_RES_UNDEFINED);
    if (op == FS_FCHOWN) {
        j->fd = fs_arg_int(ctx, argc, argv, 0);
    } else {
        j->path = fs_arg_path(ctx, argc, argv, 0, exc);
        if (j->path == NULL) {
            fs_job_free(j);
            return NULL;
        }
    }
    j->pos = (int64_t)(uint32_t)rt_arg_int(ctx, argc, argv, 1);
    j->len = (int64_t)(uint32_t)rt_arg_int(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

FS_FN(fs_chown) {
    return fs_chown_common(ctx, FS_CHOWN, argc, argv, exc);
}

FS_FN(fs_fchown) {
    return fs_chown_common(ctx, FS_FCHOWN, argc, argv, exc);
}

FS_FN(fs_lchown) {
    return fs_chown_common(ctx, FS_LCHOWN, argc, argv, exc);
}

/* utimes/lutimes(path, atime, mtime, req) / futimes(fd, atime, mtime, req); seconds. */
static JSValueRef fs_utimes_common(JSContextRef ctx, int op, size_t argc, const JSValueRef argv[],
                                   JSValueRef *exc) {
    fs_job_t *j = fs_job_new(op, FS_RES_UNDEFINED);
    if (op == FS_FUTIMES) {
        j->fd = fs_arg_int(ctx, argc, argv, 0);
    } else {
        j->path = fs_arg_path(ctx, argc, argv, 0, exc);
        if (j->path == NULL) {
            fs_job_free(j);
            return NULL;
        }
    }
    j->atime = rt_arg_num(ctx, argc, argv, 1);
    j->mtime = rt_arg_num(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

FS_FN(fs_utimes) {
    return fs_utimes_common(ctx, FS_UTIMES, argc, argv, exc);
}

FS_FN(fs_futimes) {
    return fs_utimes_common(ctx, FS_FUTIMES, argc, argv, exc);
}

FS_FN(fs_lutimes) {
    return fs_utimes_common(ctx, FS_LUTIMES, argc, argv, exc);
}

/* ftruncate(fd, len, req) */
FS_FN(fs_ftruncate) {
    fs_job_t *j = fs_job_new(FS_FTRUNCATE, FS_RES_UNDEFINED);
    j->fd = fs_arg_int(ctx, argc, argv, 0);
    double len = rt_arg_num(ctx, argc, argv, 1);
    j->len = len > 0 && len < 9007199254740992.0 ? (int64_t)len : 0;
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 2), exc);
}

FS_FN(fs_fsync) {
    return fs_fd_only(ctx, FS_FSYNC, argc, argv, exc);
}

FS_FN(fs_fdatasync) {
    return fs_fd_only(ctx, FS_FDATASYNC, argc, argv, exc);
}

/* readFile(pathOrFd, flags, utf8, req) -> Uint8Array, or a string when utf8 */
FS_FN(fs_read_file) {
    fs_job_t *j = fs_job_new(FS_READFILE, FS_RES_DATA);
    JSValueRef target = rt_arg(ctx, argc, argv, 0);
    if (JSValueIsNumber(ctx, target)) {
        j->is_fd = true;
        j->fd = fs_arg_int(ctx, argc, argv, 0);
    } else {
        j->path = fs_arg_path(ctx, argc, argv, 0, exc);
        if (j->path == NULL) {
            fs_job_free(j);
            return NULL;
        }
    }
    j->flags = fs_arg_int(ctx, argc, argv, 1);
    j->utf8 = fs_arg_bool(ctx, argc, argv, 2);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 3), exc);
}

/* writeFile(pathOrFd, data, flags, mode, flush, req); data is a string (UTF-8) or bytes. */
FS_FN(fs_write_file) {
    fs_job_t *j = fs_job_new(FS_WRITEFILE, FS_RES_UNDEFINED);
    JSValueRef target = rt_arg(ctx, argc, argv, 0);
    if (JSValueIsNumber(ctx, target)) {
        j->is_fd = true;
        j->fd = fs_arg_int(ctx, argc, argv, 0);
    } else {
        j->path = fs_arg_path(ctx, argc, argv, 0, exc);
        if (j->path == NULL) {
            fs_job_free(j);
            return NULL;
        }
    }
    JSValueRef data = rt_arg(ctx, argc, argv, 1);
    if (JSValueIsString(ctx, data)) {
        size_t n = 0;
        char *s = rt_to_utf8(ctx, data, &n, exc);
        if (s == NULL) {
            fs_job_free(j);
            return NULL;
        }
        j->owned = (uint8_t *)s;
        j->buf1 = uv_buf_init(s, (unsigned int)n);
    } else {
        size_t n;
        uint8_t *b = fs_arg_bytes(ctx, data, &n, exc);
        if (b == NULL) {
            fs_job_free(j);
            return NULL;
        }
        j->buf1 = uv_buf_init((char *)b, (unsigned int)n);
        fs_keep(j, data);
    }
    j->flags = fs_arg_int(ctx, argc, argv, 2);
    j->mode = fs_arg_int(ctx, argc, argv, 3);
    j->flush = fs_arg_bool(ctx, argc, argv, 4);
    return fs_submit(ctx, j, fs_arg_req(ctx, argc, argv, 5), exc);
}


/* ---- watchers: fs.watch (uv_fs_event) and fs.watchFile (uv_fs_poll) ---- */

/*
 * A watcher is an engine object whose private data is an fs_watch_t. While the libuv handle is
 * open the struct protects the object (and so its callback); close() calls uv_close, whose
 * callback unprotects it; the finalizer frees the struct once the handle is closed.
 */
typedef struct {
    union {
        uv_handle_t handle;
        uv_fs_event_t event;
        uv_fs_poll_t poll;
    } h;
    rt_env_t *env;
    JSObjectRef obj;
    JSObjectRef cb;
    bool open;    /* initialised and not yet closed */
    bool closing; /* uv_close called, close callback pending */
    bool as_buffer;
    bool bigint;
    char *path;
} fs_watch_t;

static _Thread_local JSClassRef fs_watch_class;

static void fs_watch_finalize(JSObjectRef obj) {
    fs_watch_t *w = JSObjectGetPrivate(obj);
    if (w == NULL) {
        return;
    }
    JSObjectSetPrivate(obj, NULL);
    if (w->open || w->closing) {
        /* Unreachable: an open handle keeps its object protected. Leak rather than crash. */
        return;
    }
    free(w->path);
    free(w);
}

static void fs_watch_close_cb(uv_handle_t *h) {
    fs_watch_t *w = h->data;
    w->closing = false;
    JSContextRef ctx = w->env->ctx;
    JSObjectRef cb = w->cb;
    JSObjectRef obj = w->obj;
    w->cb = NULL;
    if (cb != NULL) {
        JSValueUnprotect(ctx, cb);
    }
    JSValueUnprotect(ctx, obj);
}

static fs_watch_t *fs_watch_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    fs_watch_t *w = JSValueIsObjectOfClass(ctx, self, fs_watch_class) ? JSObjectGetPrivate(self)
                                                                       : NULL;
    if (w == NULL) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

static JSValueRef fs_watch_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    fs_watch_t *w = fs_watch_this(ctx, self, exc);
    if (w == NULL) {
        return NULL;
    }
    if (w->open) {
        w->open = false;
        w->closing = true;
        uv_close(&w->h.handle, fs_watch_close_cb);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef fs_watch_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    fs_watch_t *w = fs_watch_this(ctx, self, exc);
    if (w == NULL) {
        return NULL;
    }
    if (w->open) {
        uv_ref(&w->h.handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef fs_watch_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    fs_watch_t *w = fs_watch_this(ctx, self, exc);
    if (w == NULL) {
        return NULL;
    }
    if (w->open) {
        uv_unref(&w->h.handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef fs_watch_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    fs_watch_t *w = fs_watch_this(ctx, self, exc);
    if (w == NULL) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, w->open && uv_has_ref(&w->h.handle));
}

static const JSStaticFunction fs_watch_methods[] = {
    { "close", fs_watch_close, RT_FN_ATTRS },
    { "ref", fs_watch_ref, RT_FN_ATTRS },
    { "unref", fs_watch_unref, RT_FN_ATTRS },
    { "hasRef", fs_watch_has_ref, RT_FN_ATTRS },
    { 0, 0, 0 },
};

static fs_watch_t *fs_watch_new(JSContextRef ctx, JSObjectRef *obj_out) {
    if (fs_watch_class == NULL) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "FSWatcherHandle";
        def.staticFunctions = fs_watch_methods;
        def.finalize = fs_watch_finalize;
        fs_watch_class = JSClassCreate(&def);
    }
    fs_watch_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    w->env = rt_env_get();
    w->h.handle.data = w;
    JSObjectRef obj = JSObjectMake(ctx, fs_watch_class, w);
    w->obj = obj;
    *obj_out = obj;
    return w;
}

/* Marks w open: protects its object and callback until the handle is closed. */
static void fs_watch_opened(JSContextRef ctx, fs_watch_t *w, JSObjectRef cb, bool persistent) {
    w->open = true;
    w->cb = cb;
    JSValueProtect(ctx, cb);
    JSValueProtect(ctx, w->obj);
    if (!persistent) {
        uv_unref(&w->h.handle);
    }
}

static void fs_event_cb(uv_fs_event_t *h, const char *filename, int events, int status) {
    fs_watch_t *w = h->data;
    if (!w->open) {
        return;
    }
    rt_env_t *env = w->env;
    JSContextRef ctx = env->ctx;
    JSValueRef args[3];
    if (status < 0) {
        args[0] = rt_uv_error(ctx, status, "watch", w->path, NULL);
        args[1] = JSValueMakeUndefined(ctx);
        args[2] = JSValueMakeUndefined(ctx);
    } else {
        args[0] = JSValueMakeNull(ctx);
        args[1] = rt_string_from_cstr(ctx, (events & UV_RENAME) ? "rename" : "change");
        if (filename == NULL) {
            args[2] = JSValueMakeNull(ctx);
        } else {
            JSValueRef e = NULL;
            args[2] = fs_path_value(ctx, filename, w->as_buffer, &e);
            if (args[2] == NULL) {
                args[2] = JSValueMakeNull(ctx);
            }
        }
    }
    rt_make_callback(env, w->cb, w->obj, 3, args);
}

/* watch(path, persistent, recursive, asBuffer, onchange) -> handle; throws on failure. */
FS_FN(fs_watch) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    JSValueRef cb = rt_arg(ctx, argc, argv, 4);
    if (!JSValueIsObject(ctx, cb) || !JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        free(path);
        return rt_throw_type_error(ctx, exc, "onchange must be a function");
    }
    JSObjectRef obj;
    fs_watch_t *w = fs_watch_new(ctx, &obj);
    w->path = path;
    w->as_buffer = fs_arg_bool(ctx, argc, argv, 3);
    int r = uv_fs_event_init(w->env->loop, &w->h.event);
    if (r < 0) {
        return rt_throw_uv(ctx, exc, r, "watch", path, NULL);
    }
    unsigned int flags = fs_arg_bool(ctx, argc, argv, 2) ? UV_FS_EVENT_RECURSIVE : 0;
    r = uv_fs_event_start(&w->h.event, fs_event_cb, path, flags);
    if (r < 0) {
        /* The handle is initialised: close it before reporting, and keep the object alive
         * until the close callback has run. */
        w->closing = true;
        JSValueProtect(ctx, obj);
        uv_close(&w->h.handle, fs_watch_close_cb);
        return rt_throw_uv(ctx, exc, r, "watch", path, NULL);
    }
    fs_watch_opened(ctx, w, (JSObjectRef)cb, fs_arg_bool(ctx, argc, argv, 1));
    return obj;
}

static void fs_poll_cb(uv_fs_poll_t *h, int status, const uv_stat_t *prev,
                       const uv_stat_t *curr) {
    fs_watch_t *w = h->data;
    if (!w->open) {
        return;
    }
    rt_env_t *env = w->env;
    JSContextRef ctx = env->ctx;
    JSValueRef e = NULL;
    JSValueRef args[3];
    args[0] = JSValueMakeNumber(ctx, status);
    args[1] = fs_stat_value(ctx, curr, w->bigint, false, &e);
    args[2] = fs_stat_value(ctx, prev, w->bigint, false, &e);
    if (args[1] == NULL || args[2] == NULL) {
        return;
    }
    rt_make_callback(env, w->cb, w->obj, 3, args);
}

/* watchFile(path, persistent, interval, bigint, onchange) -> handle;
 * onchange(status, curr, prev) with the binding's stat arrays. */
FS_FN(fs_watch_file) {
    char *path = fs_arg_path(ctx, argc, argv, 0, exc);
    if (path == NULL) {
        return NULL;
    }
    JSValueRef cb = rt_arg(ctx, argc, argv, 4);
    if (!JSValueIsObject(ctx, cb) || !JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
        free(path);
        return rt_throw_type_error(ctx, exc, "onchange must be a function");
    }
    /* 0 polls as often as libuv can (it takes 0 as 1 ms), as in node */
    double interval = rt_arg_num(ctx, argc, argv, 2);
    if (!(interval >= 0) || interval > (double)UINT_MAX) {
        interval = 5007;
    }
    JSObjectRef obj;
    fs_watch_t *w = fs_watch_new(ctx, &obj);
    w->path = path;
    w->bigint = fs_arg_bool(ctx, argc, argv, 3);
    int r = uv_fs_poll_init(w->env->loop, &w->h.poll);
    if (r < 0) {
        return rt_throw_uv(ctx, exc, r, "watch", path, NULL);
    }
    r = uv_fs_poll_start(&w->h.poll, fs_poll_cb, path, (unsigned int)interval);
    if (r < 0) {
        w->closing = true;
        JSValueProtect(ctx, obj);
        uv_close(&w->h.handle, fs_watch_close_cb);
        return rt_throw_uv(ctx, exc, r, "watch", path, NULL);
    }
    fs_watch_opened(ctx, w, (JSObjectRef)cb, fs_arg_bool(ctx, argc, argv, 1));
    return obj;
}

FS_FN(fs_pending_requests) {
    return JSValueMakeNumber(ctx, fs_in_flight);
}

static const JSStaticFunction fs_functions[] = {
    { "pendingRequests", fs_pending_requests, RT_FN_ATTRS },
    { "access", fs_access, RT_FN_ATTRS },
    { "exists", fs_exists, RT_FN_ATTRS },
    { "open", fs_open, RT_FN_ATTRS },
    { "close", fs_close, RT_FN_ATTRS },
    { "read", fs_read, RT_FN_ATTRS },
    { "write", fs_write, RT_FN_ATTRS },
    { "writeString", fs_write_string, RT_FN_ATTRS },
    { "readv", fs_readv, RT_FN_ATTRS },
    { "writev", fs_writev, RT_FN_ATTRS },
    { "stat", fs_stat, RT_FN_ATTRS },
    { "lstat", fs_lstat, RT_FN_ATTRS },
    { "fstat", fs_fstat, RT_FN_ATTRS },
    { "statfs", fs_statfs, RT_FN_ATTRS },
    { "mkdir", fs_mkdir, RT_FN_ATTRS },
    { "mkdtemp", fs_mkdtemp, RT_FN_ATTRS },
    { "readdir", fs_readdir, RT_FN_ATTRS },
    { "opendir", fs_opendir, RT_FN_ATTRS },
    { "rmdir", fs_rmdir, RT_FN_ATTRS },
    { "unlink", fs_unlink, RT_FN_ATTRS },
    { "rmrf", fs_rm_tree, RT_FN_ATTRS },
    { "rename", fs_rename, RT_FN_ATTRS },
    { "link", fs_link, RT_FN_ATTRS },
    { "symlink", fs_symlink, RT_FN_ATTRS },
    { "copyFile", fs_copy_file, RT_FN_ATTRS },
    { "readlink", fs_readlink, RT_FN_ATTRS },
    { "realpath", fs_realpath, RT_FN_ATTRS },
    { "realpathWalk", fs_realpath_walk, RT_FN_ATTRS },
    { "chmod", fs_chmod, RT_FN_ATTRS },
    { "fchmod", fs_fchmod, RT_FN_ATTRS },
    { "chown", fs_chown, RT_FN_ATTRS },
    { "fchown", fs_fchown, RT_FN_ATTRS },
    { "lchown", fs_lchown, RT_FN_ATTRS },
    { "utimes", fs_utimes, RT_FN_ATTRS },
    { "futimes", fs_futimes, RT_FN_ATTRS },
    { "lutimes", fs_lutimes, RT_FN_ATTRS },
    { "ftruncate", fs_ftruncate, RT_FN_ATTRS },
    { "fsync", fs_fsync, RT_FN_ATTRS },
    { "fdatasync", fs_fdatasync, RT_FN_ATTRS },
    { "readFile", fs_read_file, RT_FN_ATTRS },
    { "writeFile", fs_write_file, RT_FN_ATTRS },
    { "watch", fs_watch, RT_FN_ATTRS },
    { "watchFile", fs_watch_file, RT_FN_ATTRS },
    { 0, 0, 0 },
};

/* fs.constants, in Node's order. */
static void fs_define_constants(JSContextRef ctx, JSObjectRef target) {
    JSObjectRef c = JSObjectMake(ctx, NULL, NULL);
#define FS_CONST(name, value) rt_set_num(ctx, c, name, (double)(value))
    FS_CONST("UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR);
    FS_CONST("UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION);
    FS_CONST("O_RDONLY", O_RDONLY);
    FS_CONST("O_WRONLY", O_WRONLY);
    FS_CONST("O_RDWR", O_RDWR);
    FS_CONST("UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN);
    FS_CONST("UV_DIRENT_FILE", UV_DIRENT_FILE);
    FS_CONST("UV_DIRENT_DIR", UV_DIRENT_DIR);
    FS_CONST("UV_DIRENT_LINK", UV_DIRENT_LINK);
    FS_CONST("UV_DIRENT_FIFO", UV_DIRENT_FIFO);
    FS_CONST("UV_DIRENT_SOCKET", UV_DIRENT_SOCKET);
    FS_CONST("UV_DIRENT_CHAR", UV_DIRENT_CHAR);
    FS_CONST("UV_DIRENT_BLOCK", UV_DIRENT_BLOCK);
    FS_CONST("EXTENSIONLESS_FORMAT_JAVASCRIPT", 0);
    FS_CONST("EXTENSIONLESS_FORMAT_WASM", 1);
    FS_CONST("S_IFMT", S_IFMT);
    FS_CONST("S_IFREG", S_IFREG);
    FS_CONST("S_IFDIR", S_IFDIR);
    FS_CONST("S_IFCHR", S_IFCHR);
    FS_CONST("S_IFBLK", S_IFBLK);
    FS_CONST("S_IFIFO", S_IFIFO);
    FS_CONST("S_IFLNK", S_IFLNK);
    FS_CONST("S_IFSOCK", S_IFSOCK);
    FS_CONST("O_CREAT", O_CREAT);
    FS_CONST("O_EXCL", O_EXCL);
    FS_CONST("UV_FS_O_FILEMAP", 0);
    FS_CONST("O_NOCTTY", O_NOCTTY);
    FS_CONST("O_TRUNC", O_TRUNC);
    FS_CONST("O_APPEND", O_APPEND);
    FS_CONST("O_DIRECTORY", O_DIRECTORY);
#ifdef O_NOATIME
    FS_CONST("O_NOATIME", O_NOATIME);
#endif
    FS_CONST("O_NOFOLLOW", O_NOFOLLOW);
    FS_CONST("O_SYNC", O_SYNC);
    FS_CONST("O_DSYNC", O_DSYNC);
#ifdef O_DIRECT
    FS_CONST("O_DIRECT", O_DIRECT);
#endif
    FS_CONST("O_NONBLOCK", O_NONBLOCK);
    FS_CONST("S_IRWXU", S_IRWXU);
    FS_CONST("S_IRUSR", S_IRUSR);
    FS_CONST("S_IWUSR", S_IWUSR);
    FS_CONST("S_IXUSR", S_IXUSR);
    FS_CONST("S_IRWXG", S_IRWXG);
    FS_CONST("S_IRGRP", S_IRGRP);
    FS_CONST("S_IWGRP", S_IWGRP);
    FS_CONST("S_IXGRP", S_IXGRP);
    FS_CONST("S_IRWXO", S_IRWXO);
    FS_CONST("S_IROTH", S_IROTH);
    FS_CONST("S_IWOTH", S_IWOTH);
    FS_CONST("S_IXOTH", S_IXOTH);
    FS_CONST("F_OK", F_OK);
    FS_CONST("R_OK", R_OK);
    FS_CONST("W_OK", W_OK);
    FS_CONST("X_OK", X_OK);
    FS_CONST("UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
    FS_CONST("COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
    FS_CONST("UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
    FS_CONST("COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
    FS_CONST("UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE);
    FS_CONST("COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE);
#undef FS_CONST
    rt_set(ctx, target, "constants", c);
}

void rt_binding_fs_init(rt_env_t *env, JSObjectRef target) {
    uv_once(&fs_spare_once, fs_spare_key_create);
    rt_define_functions(env, target, fs_functions);
    fs_define_constants(env->ctx, target);
    JSContextRef ctx = env->ctx;
    /* Each array is put on the binding object (which keeps it alive) before the next
     * allocation: the thread-local slots are not scanned by the collector. */
    fs_stat_shared[0] = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeFloat64Array, 18, NULL);
    RT_CHECK(fs_stat_shared[0] != NULL);
    rt_set(ctx, target, "statValues", fs_stat_shared[0]);
    fs_stat_shared[1] = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeBigInt64Array, 18, NULL);
    RT_CHECK(fs_stat_shared[1] != NULL);
    rt_set(ctx, target, "bigintStatValues", fs_stat_shared[1]);
    for (int i = 0; i < 2; i++) {
        fs_stat_shared_bytes[i] = JSObjectGetTypedArrayBytesPtr(ctx, fs_stat_shared[i], NULL);
        RT_CHECK(fs_stat_shared_bytes[i] != NULL);
    }
}
