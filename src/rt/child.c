/*
 * child.c: child processes started with clone(CLONE_VM | CLONE_VFORK), as posix_spawn does,
 * instead of libuv's fork(). fork copies the parent's page tables, and the engine's heap is
 * mapped in small pieces: with 250 MB of heap a spawn took 13 ms (node: 3 ms). The child here
 * runs on its own stack in the parent's memory until it calls execve, so nothing is copied.
 *
 * The child does what libuv's does, in the same order: signal handlers back to the default,
 * setsid when detached, the stdio fds, cwd, an empty signal mask, then execve, searching the
 * PATH of the child's environment and running a script without #! through /bin/sh. It may
 * only make system calls and touch its own stack: no malloc, no locks. A failing step stores
 * errno where the parent reads it once the child has exited.
 *
 * The exit is watched through a pidfd (CLONE_PIDFD) on the loop. uid/gid (setuid in a child
 * that shares the parent's memory would signal the parent's threads) and kernels without
 * CLONE_PIDFD go through uv_spawn.
 */
#include "rt/child.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif

enum { CHILD_FAILED, CHILD_UV, CHILD_PIDFD };

/* The child's stack: its frames are small, a path buffer is the largest thing on it. */
#define CHILD_STACK_SIZE (256 * 1024)

/* The child's functions run on a stack the address sanitizer does not know: keep them out of
 * its instrumentation (it would warn on the way to _exit). */
#define CHILD_FN __attribute__((no_sanitize_address))

/* Set once clone(CLONE_PIDFD) is refused (kernels before 5.2, seccomp): uv_spawn from then on. */
static volatile int child_no_pidfd;

/* What the child reads: the parent's memory, which the parent leaves alone while it waits. */
typedef struct {
    const uv_process_options_t *po;
    const char *path; /* PATH to search, or NULL when the file name has a slash */
    int *fds;         /* per child fd 0..nfds-1: the parent's fd to give it, or -1; the child
                       * changes this copy */
    int nfds;
    char **sh_argv; /* "/bin/sh", <script>, args[1..]: for a file execve calls ENOEXEC */
    char **env;
    volatile int err; /* errno of the step that failed */
} child_job_t;

/* execve, and for a file without #! (ENOEXEC) the shell with the file as its script. */
CHILD_FN static void child_exec_file(child_job_t *j, const char *file) {
    execve(file, j->po->args, j->env);
    if (errno == ENOEXEC) {
        j->sh_argv[1] = (char *)file;
        execve("/bin/sh", j->sh_argv, j->env);
    }
}

/* Runs the file, searching j->path as execvp does; returns the errno to report. */
CHILD_FN static int child_exec(child_job_t *j) {
    const char *file = j->po->file;
    if (!j->path) {
        child_exec_file(j, file);
        return errno;
    }
    size_t flen = strlen(file);
    if (flen > NAME_MAX) {
        return ENAMETOOLONG; /* no directory can hold it (node says so too) */
    }
    char buf[PATH_MAX];
    bool eacces = false;
    for (const char *p = j->path;;) {
        const char *end = strchrnul(p, ':');
        size_t dlen = (size_t)(end - p);
        if (dlen + flen + 2 <= sizeof(buf)) {
            memcpy(buf, p, dlen);
            size_t at = dlen;
            if (dlen > 0) {
                buf[at++] = '/'; /* an empty entry is the current directory */
            }
            memcpy(buf + at, file, flen + 1);
            child_exec_file(j, buf);
            switch (errno) {
            case EACCES:
                eacces = true;
                break;
            case ENOENT:
            case ENOTDIR:
            case ESTALE:
            case ENODEV:
            case ETIMEDOUT:
                break;
            default:
                return errno;
            }
        }
        if (*end == '\0') {
            break;
        }
        p = end + 1;
    }
    return eacces ? EACCES : ENOENT;
}

/* Gives fd the open file use (-1: /dev/null for fds 0-2, nothing above); blocking for 0-2. */
CHILD_FN static int child_set_fd(int fd, int use) {
    bool opened = false;
    if (use < 0) {
        close(fd);
        use = open("/dev/null", (fd == 0 ? O_RDONLY : O_RDWR) | O_CLOEXEC);
        if (use < 0) {
            return -1;
        }
        opened = true;
    }
    if (use == fd) {
        int fl = fcntl(fd, F_GETFD);
        if (fl < 0 || fcntl(fd, F_SETFD, fl & ~FD_CLOEXEC) < 0) {
            return -1;
        }
    } else if (dup2(use, fd) < 0) {
        return -1;
    }
    if (fd <= 2) {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0 && (fl & O_NONBLOCK)) {
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        }
    }
    if (opened && use != fd) {
        close(use);
    }
    return 0;
}

CHILD_FN static int child_main(void *arg) {
    child_job_t *j = arg;
    const uv_process_options_t *po = j->po;
    int *fds = j->fds;
    int n = j->nfds;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    /* The real-time signals are glibc's; libuv leaves them alone too. */
    for (int s = 1; s < 32; s++) {
        if (s != SIGKILL && s != SIGSTOP && sigaction(s, &dfl, NULL) != 0) {
            goto fail;
        }
    }
    if ((po->flags & UV_PROCESS_DETACHED) && setsid() < 0) {
        goto fail;
    }
    /* An fd below its slot may already be replaced when its turn comes (stdout and stderr
     * swapped): move those out of the way first. */
    for (int fd = 0; fd < n; fd++) {
        if (fds[fd] >= 0 && fds[fd] < fd) {
            fds[fd] = fcntl(fds[fd], F_DUPFD_CLOEXEC, n);
            if (fds[fd] < 0) {
                goto fail;
            }
        }
    }
    for (int fd = 0; fd < n; fd++) {
        if ((fds[fd] >= 0 || fd <= 2) && child_set_fd(fd, fds[fd]) != 0) {
            goto fail;
        }
    }
    if (po->cwd && chdir(po->cwd) != 0) {
        goto fail;
    }
    sigset_t none;
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) != 0) {
        goto fail;
    }
    j->err = child_exec(j);
    _exit(127);
fail:
    j->err = errno;
    _exit(127);
}

static void child_on_uv_exit(uv_process_t *p, int64_t status, int sig) {
    rt_child_t *c = p->data;
    c->exited = true;
    c->exit_cb(c, status, sig);
}

static int child_spawn_uv(uv_loop_t *loop, rt_child_t *c, const uv_process_options_t *po) {
    uv_process_options_t o = *po;
    o.exit_cb = child_on_uv_exit;
    c->kind = CHILD_UV;
    c->u.proc.data = c;
    int err = uv_spawn(loop, &c->u.proc, &o);
    c->u.proc.data = c;
    if (err == 0) {
        c->pid = c->u.proc.pid;
    }
    return err;
}

static void child_on_pidfd(uv_poll_t *h, int status, int events) {
    rt_child_t *c = h->data;
    int st = 0;
    pid_t r = waitpid(c->pid, &st, WNOHANG);
    if (r == 0 || (r < 0 && errno == EINTR)) {
        return;
    }
    uv_poll_stop(h);
    int64_t code = 0;
    int sig = 0;
    if (r == c->pid && WIFEXITED(st)) {
        code = WEXITSTATUS(st);
    } else if (r == c->pid && WIFSIGNALED(st)) {
        sig = WTERMSIG(st);
    }
    c->exited = true;
    c->exit_cb(c, code, sig);
}

/* The PATH the child searches: its own environment's, else ours; the default without one. */
static const char *child_path(const uv_process_options_t *po) {
    if (strchr(po->file, '/')) {
        return NULL;
    }
    const char *path = NULL;
    if (po->env) {
        for (char **e = po->env; *e; e++) {
            if (strncmp(*e, "PATH=", 5) == 0) {
                path = *e + 5;
                break;
            }
        }
    } else {
        path = getenv("PATH");
    }
    return path ? path : "/usr/bin:/bin";
}

/* The parent's side of each child fd: socketpairs for pipes. pairs[i] is -1 or the parent's
 * end; fds[i] what the child gets. */
static int child_stdio(const uv_process_options_t *po, int n, int *fds, int *pairs) {
    for (int i = 0; i < n; i++) {
        fds[i] = -1;
        pairs[i] = -1;
    }
    for (int i = 0; i < po->stdio_count; i++) {
        const uv_stdio_container_t *s = &po->stdio[i];
        if (s->flags & UV_CREATE_PIPE) {
            int sv[2];
            if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
                return -errno;
            }
            pairs[i] = sv[0];
            fds[i] = sv[1];
        } else if (s->flags & UV_INHERIT_FD) {
            fds[i] = s->data.fd;
        } else if (s->flags & UV_INHERIT_STREAM) {
            uv_os_fd_t fd;
            int err = uv_fileno((const uv_handle_t *)s->data.stream, &fd);
            if (err) {
                return err;
            }
            fds[i] = fd;
        }
    }
    return 0;
}

/* Closes the child's end of each socketpair, and the parent's too unless it goes on. */
static void child_close_pairs(const uv_process_options_t *po, int *fds, int *pairs,
                              bool keep_parent_ends) {
    for (int i = 0; i < po->stdio_count; i++) {
        if (pairs[i] >= 0) {
            close(fds[i]);
            if (!keep_parent_ends) {
                close(pairs[i]);
            }
        }
    }
}

/* Kills and reaps a child that cannot be handed to the loop. */
static void child_abandon(rt_child_t *c) {
    kill(c->pid, SIGKILL);
    while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR) {
    }
    close(c->pidfd);
    c->pidfd = -1;
    c->pid = 0;
}

int rt_child_spawn(uv_loop_t *loop, rt_child_t *c, const uv_process_options_t *po,
                   rt_child_exit_cb exit_cb) {
    c->exit_cb = exit_cb;
    c->pid = 0;
    c->pidfd = -1;
    c->exited = false;
    if (child_no_pidfd || (po->flags & (UV_PROCESS_SETUID | UV_PROCESS_SETGID))) {
        return child_spawn_uv(loop, c, po);
    }
    int n = po->stdio_count > 3 ? po->stdio_count : 3;
    int *fds = malloc(2 * (size_t)n * sizeof(int));
    RT_CHECK(fds != NULL);
    int *pairs = fds + n;
    char **sh_argv = NULL;
    void *stack = MAP_FAILED;
    int err = child_stdio(po, n, fds, pairs);
    if (err) {
        child_close_pairs(po, fds, pairs, false);
        goto fail;
    }
    size_t argc = 0;
    while (po->args && po->args[argc]) {
        argc++;
    }
    sh_argv = calloc((argc ? argc : 1) + 2, sizeof(char *)); /* ends with NULL */
    RT_CHECK(sh_argv != NULL);
    sh_argv[0] = "/bin/sh";
    for (size_t i = 1; i < argc; i++) {
        sh_argv[i + 1] = po->args[i];
    }
    stack = mmap(NULL, CHILD_STACK_SIZE, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        err = -errno;
        child_close_pairs(po, fds, pairs, false);
        goto fail;
    }
    child_job_t job = {
        .po = po,
        .path = child_path(po),
        .fds = fds,
        .nfds = n,
        .sh_argv = sh_argv,
        .env = po->env ? po->env : environ,
        .err = 0,
    };
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int pidfd = -1;
    pid_t pid = clone(child_main, (char *)stack + CHILD_STACK_SIZE,
                      CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, &job, &pidfd);
    int clone_errno = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        child_close_pairs(po, fds, pairs, false);
        /* EINVAL: no CLONE_PIDFD (before 5.2); EPERM/ENOSYS: a seccomp filter refusing this
         * clone. fork through libuv from then on. */
        if (clone_errno == EINVAL || clone_errno == EPERM || clone_errno == ENOSYS) {
            child_no_pidfd = 1;
            munmap(stack, CHILD_STACK_SIZE);
            free(sh_argv);
            free(fds);
            return child_spawn_uv(loop, c, po);
        }
        err = -clone_errno;
        goto fail;
    }
    c->pid = pid;
    c->pidfd = pidfd;
    if (job.err) {
        /* The child has exited: reap it. */
        err = -job.err;
        child_close_pairs(po, fds, pairs, false);
        child_abandon(c);
        goto fail;
    }
    child_close_pairs(po, fds, pairs, true);
    for (int i = 0; i < po->stdio_count; i++) {
        if (pairs[i] < 0) {
            continue;
        }
        if (err == 0) {
            err = uv_pipe_open((uv_pipe_t *)po->stdio[i].data.stream, pairs[i]);
        }
        if (err) {
            close(pairs[i]); /* not taken by a stream */
        }
    }
    if (err == 0) {
        err = uv_poll_init(loop, &c->u.poll, pidfd);
    }
    if (err) {
        child_abandon(c);
        goto fail;
    }
    c->kind = CHILD_PIDFD;
    c->u.poll.data = c;
    uv_poll_start(&c->u.poll, UV_READABLE, child_on_pidfd);
    munmap(stack, CHILD_STACK_SIZE);
    free(sh_argv);
    free(fds);
    return 0;

fail:
    if (stack != MAP_FAILED) {
        munmap(stack, CHILD_STACK_SIZE);
    }
    free(sh_argv);
    free(fds);
    c->kind = CHILD_FAILED;
    uv_idle_init(loop, &c->u.idle);
    c->u.idle.data = c;
    return err;
}

int rt_child_kill(rt_child_t *c, int sig) {
    if (c->kind == CHILD_UV) {
        return uv_process_kill(&c->u.proc, sig);
    }
    if (c->kind != CHILD_PIDFD) {
        return UV_ESRCH;
    }
    if (syscall(SYS_pidfd_send_signal, c->pidfd, sig, NULL, 0) != 0) {
        return -errno;
    }
    return 0;
}

void rt_child_close(rt_child_t *c, uv_close_cb cb) {
    uv_close(&c->u.handle, cb);
    /* uv_close has taken the pidfd out of the loop's epoll set: it can go now. */
    if (c->pidfd >= 0) {
        close(c->pidfd);
        c->pidfd = -1;
    }
}
