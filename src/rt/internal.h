/* internal.h: functions of the runtime core used only inside src/rt and src/main.c. */
#ifndef CAIRN_RT_INTERNAL_H
#define CAIRN_RT_INTERNAL_H

#include "rt/embed.h"
#include "rt/rt.h"

/* Creates the environment of the main thread: a context and the default loop. */
rt_env_t *rt_new(int argc, char **argv);
/* Creates the environment of the calling thread on loop, with a context in group (NULL: a
 * group of its own), and makes it the thread's current environment. */
rt_env_t *rt_env_create(uv_loop_t *loop, JSContextGroupRef group, int argc, char **argv);
/* Releases the context and frees env. */
void rt_free(rt_env_t *env);
/* Gives the calling thread the GLib context the engine's run loop will use; call before the
 * thread's first context group is created (idempotent). */
void rt_runloop_prepare_thread(void);
/* The same for the main thread, which also becomes the engine's main run loop. */
void rt_runloop_prepare_main_thread(void);
/* Drives the engine's GLib run loop of the calling thread from env's libuv loop
 * (FinalizationRegistry callbacks, async WebAssembly results); see runloop.c. */
void rt_runloop_start(rt_env_t *env);
/* Frees what rt_runloop_start made once the loop's handles are closed. */
void rt_runloop_free(rt_env_t *env);

/* Runs lib/internal/bootstrap.js with the CLI's request (an object built by main.c).
 * Returns 0, or the exit code if the process must stop. */
int rt_bootstrap(rt_env_t *env, JSObjectRef options);
/* Starts an instance: the bootstrap (which runs the entry), then the loop to the end.
 * Returns the exit code; the main thread and worker threads both start here. */
int rt_start(rt_env_t *env, JSObjectRef options);
/* Runs the loop until it has nothing left, with beforeExit handling; then emits 'exit'.
 * Returns the process exit code. */
int rt_run(rt_env_t *env);
/* Emits 'exit' (once) and returns the exit code to use. */
int rt_emit_exit(rt_env_t *env);

/* Gives an error object Node's `stack` layout. */
void rt__fix_error_stack(JSContextRef ctx, JSObjectRef error);
/* Runs nextTicks and pending rejections until none are left. */
void rt__ticks_drain(rt_env_t *env);
/* Flushes stdio and exits the process now. */
_Noreturn void rt__really_exit(rt_env_t *env, int code);

/* Evaluates an embedded lib/ module (a complete wrapper expression) and returns its value. */
JSValueRef rt__eval_embedded(JSContextRef ctx, const rt_embed_t *e, const char *url,
                             JSValueRef *exc);
/* The internalBinding(name) function. */
JSValueRef rt__internal_binding(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc);

/* State shared with JS through a typed array (see lib/internal/process/task_queues.js). */
enum { RT_TICK_HAS_TICK = 0, RT_TICK_HAS_REJECTION = 1, RT_TICK_FIELDS = 2 };
extern _Thread_local int32_t rt__tick_info[RT_TICK_FIELDS];

#endif
