/* child.h: starting child processes without copying the parent's page tables (child.c). */
#ifndef CAIRN_RT_CHILD_H
#define CAIRN_RT_CHILD_H

#include "rt/rt.h"

typedef struct rt_child rt_child_t;
/* The child exited: status is its exit code, term_signal the signal that ended it (or 0). */
typedef void (*rt_child_exit_cb)(rt_child_t *c, int64_t status, int term_signal);

/*
 * A child process and the loop handle that waits for it. The handle is a uv_poll_t on a
 * pidfd when the child was started by rt_child_spawn's own clone(CLONE_VM | CLONE_VFORK), a
 * uv_process_t when it went through uv_spawn (uid/gid given, or no pidfd support), and an
 * idle handle that never starts when the spawn failed; in every case it must be closed with
 * rt_child_close. handle.data points to the rt_child_t; data is the owner's.
 */
struct rt_child {
    union {
        uv_handle_t handle;
        uv_process_t proc;
        uv_poll_t poll;
        uv_idle_t idle;
    } u;
    int kind;
    int pid;
    int pidfd;
    bool exited;
    rt_child_exit_cb exit_cb;
    void *data;
};

/* Starts po->file as uv_spawn does (the same stdio, cwd, env, PATH lookup, detached, uid/gid
 * and errors; po->exit_cb is ignored: exit_cb is called instead). 0 or a uv error such as
 * UV_ENOENT; either way the handle has been initialized and must be closed. */
int rt_child_spawn(uv_loop_t *loop, rt_child_t *c, const uv_process_options_t *po,
                   rt_child_exit_cb exit_cb);
/* Sends a signal: 0, or UV_ESRCH once the child is gone. */
int rt_child_kill(rt_child_t *c, int sig);
/* Closes the handle (cb as for uv_close) and the pidfd. */
void rt_child_close(rt_child_t *c, uv_close_cb cb);

static inline uv_handle_t *rt_child_handle(rt_child_t *c) {
    return &c->u.handle;
}

#endif
