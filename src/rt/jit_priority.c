/* jit_priority.c: the engine's compiler threads give way to the event loop and the I/O pool.
 *
 * JavaScriptCore compiles hot functions on its own "JITWorker" threads at the same priority
 * as the thread running JS. On a machine with few cores that compile work competes with the
 * libuv thread pool and the loop thread: a 100 MB stream.pipeline copy on two cores makes
 * about 65 optimizing compiles (70 ms of CPU in a 250 ms run), and each read or write that
 * waits behind one adds to the copy's time. At nice 10 those threads still get any core that
 * is free, so a program computing on the loop thread keeps the same optimizing speed; they
 * only yield when every core is busy (docs/design-notes.md "Compiler threads").
 *
 * With a single usable CPU yielding would starve the compiler behind the loop thread (a ray
 * tracer ran 15% slower), so nothing changes there.
 *
 * The engine names each such thread with prctl(PR_SET_NAME) from the thread itself, and
 * offers no other hook: this file defines prctl, which the dynamic linker binds the
 * engine's (and every other library's) calls to. It passes every call straight to the
 * system call, as the C library's own wrapper does. */
#include "rt/internal.h"

#include <stdarg.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define JIT_NICE 10

/* Runs on the compiler thread that just named itself; once per such thread. */
static void jit_priority_lower(void) {
    pid_t tid = (pid_t)syscall(SYS_gettid);
    /* The main thread names itself too (process.title goes through PR_SET_NAME): a title
     * that happens to start with the engine's thread name must not slow the loop down. */
    if (tid != getpid() && uv_available_parallelism() > 1) {
        setpriority(PRIO_PROCESS, (id_t)tid, JIT_NICE);
    }
}

int prctl(int option, ...) {
    va_list ap;
    va_start(ap, option);
    unsigned long a2 = va_arg(ap, unsigned long);
    unsigned long a3 = va_arg(ap, unsigned long);
    unsigned long a4 = va_arg(ap, unsigned long);
    unsigned long a5 = va_arg(ap, unsigned long);
    va_end(ap);
    long r = syscall(SYS_prctl, option, a2, a3, a4, a5);
    if (r == 0 && option == PR_SET_NAME && a2 != 0 &&
        strncmp((const char *)a2, "JITWorker", 9) == 0) {
        jit_priority_lower();
    }
    return (int)r;
}
