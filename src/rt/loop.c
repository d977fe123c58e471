/* loop.c: entering JS from the loop in Node's order, uncaught errors, and running to exit. */
#include "rt/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Thread_local int32_t rt__tick_info[RT_TICK_FIELDS];

/* How deep the C side is in rt_make_callback; ticks drain only at the outermost level. */
static _Thread_local int loop_depth;

void rt__ticks_drain(rt_env_t *env) {
    /* Every call below is an outermost engine entry, so microtasks drain after each:
     * ticks -> microtasks -> (new ticks) -> ... exactly as Node's processTicksAndRejections. */
    while (env->tick_callback && !env->stopping &&
           (rt__tick_info[RT_TICK_HAS_TICK] || rt__tick_info[RT_TICK_HAS_REJECTION])) {
        JSValueRef exc = NULL;
        loop_depth++;
        JSObjectCallAsFunction(env->ctx, env->tick_callback, NULL, 0, NULL, &exc);
        loop_depth--;
        if (exc) {
            rt_fatal_exception(env, exc);
        }
    }
}

JSValueRef rt_make_callback(rt_env_t *env, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[]) {
    JSValueRef exc = NULL;
    JSValueRef result;
    if (env->stopping) {
        /* A worker being stopped runs no more JS; callers that loop while the callback
         * asks for more see undefined and stop. */
        return JSValueMakeUndefined(env->ctx);
    }
    loop_depth++;
    if (env->callback_trampoline && loop_depth == 1) {
        /* The trampoline runs fn and then the ticks inside this same entry. */
        JSValueRef stack_args[8];
        JSValueRef *args = argc + 2 <= 8 ? stack_args : malloc((argc + 2) * sizeof(JSValueRef));
        RT_CHECK(args != NULL);
        args[0] = fn;
        args[1] = self ? (JSValueRef)self : JSValueMakeUndefined(env->ctx);
        for (size_t i = 0; i < argc; i++) {
            args[i + 2] = argv[i];
        }
        result = JSObjectCallAsFunction(env->ctx, env->callback_trampoline, NULL, argc + 2, args,
                                        &exc);
        if (args != stack_args) {
            free(args);
        }
    } else {
        result = JSObjectCallAsFunction(env->ctx, fn, self, argc, argv, &exc);
    }
    loop_depth--;
    if (exc) {
        rt_fatal_exception(env, exc);
        result = NULL;
    }
    if (loop_depth == 0) {
        rt__ticks_drain(env);
    }
    return result;
}

/* Ends the process; on a worker thread, ends only the worker (its loop stops and no more JS
 * runs there), with code as its exit code. */
static void loop_exit(rt_env_t *env, int code) {
    if (env->worker) {
        if (!env->stopping) {
            env->exit_code = code;
            env->stopping = true;
        }
        uv_stop(env->loop);
        return;
    }
    rt__really_exit(env, code);
}

void rt_fatal_exception(rt_env_t *env, JSValueRef exception) {
    if (env->stopping) {
        return;
    }
    if (env->fatal_exception) {
        JSValueRef exc = NULL;
        JSValueRef args[1] = {exception};
        loop_depth++;
        JSValueRef handled =
            JSObjectCallAsFunction(env->ctx, env->fatal_exception, NULL, 1, args, &exc);
        loop_depth--;
        if (env->stopping) {
            return;
        }
        if (!exc && handled && rt_bool(env->ctx, handled)) {
            return;
        }
        if (!exc) {
            /* The JS side printed it and emitted 'exit'; it normally exits itself. */
            loop_exit(env, env->exit_code ? env->exit_code : 1);
            return;
        }
        exception = exc;
        char *msg = rt_to_utf8(env->ctx, exception, NULL, NULL);
        fprintf(stderr, "%s\n", msg ? msg : "uncaught exception");
        free(msg);
        loop_exit(env, 7);
        return;
    }
    char *msg = rt_to_utf8(env->ctx, exception, NULL, NULL);
    JSValueRef stack = JSValueIsObject(env->ctx, exception)
                           ? rt_get(env->ctx, (JSObjectRef)exception, "stack")
                           : NULL;
    char *st = stack && JSValueIsString(env->ctx, stack) ? rt_to_utf8(env->ctx, stack, NULL, NULL)
                                                          : NULL;
    fprintf(stderr, "Uncaught %s\n%s\n", msg ? msg : "exception", st ? st : "");
    free(msg);
    free(st);
    loop_exit(env, 1);
}

_Noreturn void rt__really_exit(rt_env_t *env, int code) {
    if (env && env->exit_hook) {
        JSObjectRef hook = env->exit_hook;
        env->exit_hook = NULL;
        JSValueRef exc = NULL;
        JSObjectCallAsFunction(env->ctx, hook, NULL, 0, NULL, &exc);
    }
    fflush(stdout);
    fflush(stderr);
    _exit(code & 0xff);
}

static bool loop_call_hook(rt_env_t *env, JSObjectRef hook, JSValueRef *result) {
    if (!hook) {
        return false;
    }
    JSValueRef r = rt_make_callback(env, hook, NULL, 0, NULL);
    if (result) {
        *result = r;
    }
    return r != NULL;
}

int rt_run(rt_env_t *env) {
    for (;;) {
        uv_run(env->loop, UV_RUN_DEFAULT);
        if (env->stopping) {
            return env->exit_code;
        }
        loop_call_hook(env, env->emit_before_exit, NULL);
        if (env->stopping) {
            return env->exit_code;
        }
        if (!uv_loop_alive(env->loop)) {
            break;
        }
    }
    int code = rt_emit_exit(env);
    return env->stopping ? env->exit_code : code;
}

int rt_start(rt_env_t *env, JSObjectRef options) {
    int rc = rt_bootstrap(env, options);
    if (rc) {
        return rc;
    }
    if (env->stopping) {
        return env->exit_code;
    }
    return rt_run(env);
}

int rt_emit_exit(rt_env_t *env) {
    JSValueRef r = NULL;
    if (!loop_call_hook(env, env->emit_exit, &r) || !r) {
        return env->exit_code ? env->exit_code : 1;
    }
    return (int)rt_num(env->ctx, r);
}
