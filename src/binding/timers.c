/* timers.c: the `timers` binding: one libuv timer and the immediate check/idle handles that
 * drive lib/internal/timers.js, entering JS once per timer or immediate so microtasks run
 * between them as in Node. */
#include "rt/rt.h"

typedef struct {
    uv_timer_t timer;
    uv_check_t check;
    uv_idle_t idle;
    JSObjectRef process_timers;    /* (now) -> true: ran one, call again; else next expiry */
    JSObjectRef process_immediate; /* (first) -> true while more of this round remain */
    bool timer_ref;
} timers_state_t;

static _Thread_local timers_state_t timers_state;

static void timers_on_timer(uv_timer_t *h) {
    rt_env_t *env = rt_env_get();
    timers_state_t *st = &timers_state;
    if (!st->process_timers) {
        return;
    }
    for (;;) {
        JSValueRef now = JSValueMakeNumber(env->ctx, (double)uv_now(env->loop));
        JSValueRef r = rt_make_callback(env, st->process_timers, NULL, 1, &now);
        if (r && JSValueIsBoolean(env->ctx, r) && rt_bool(env->ctx, r)) {
            continue;
        }
        if (!r) {
            /* The callback threw and the error was handled: keep going with the rest. */
            continue;
        }
        double next = rt_num(env->ctx, r);
        if (next == 0 || next != next) {
            return;
        }
        double abs = next < 0 ? -next : next;
        double delay = abs - (double)uv_now(env->loop);
        uv_timer_start(&st->timer, timers_on_timer, delay > 1 ? (uint64_t)delay : 1, 0);
        if (next > 0) {
            uv_ref((uv_handle_t *)&st->timer);
        } else {
            uv_unref((uv_handle_t *)&st->timer);
        }
        return;
    }
}

static void timers_on_check(uv_check_t *h) {
    rt_env_t *env = rt_env_get();
    timers_state_t *st = &timers_state;
    if (!st->process_immediate) {
        return;
    }
    bool first = true;
    for (;;) {
        JSValueRef arg = JSValueMakeBoolean(env->ctx, first);
        first = false;
        JSValueRef r = rt_make_callback(env, st->process_immediate, NULL, 1, &arg);
        if (r && !rt_bool(env->ctx, r)) {
            return;
        }
    }
}

static void timers_on_idle(uv_idle_t *h) {
}

/* setup(processTimers, processImmediate) */
static JSValueRef timers_setup(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    timers_state_t *st = &timers_state;
    if (argc < 2 || !JSValueIsObject(ctx, argv[0]) || !JSValueIsObject(ctx, argv[1])) {
        return rt_throw_type_error(ctx, exc, "setup(processTimers, processImmediate)");
    }
    st->process_timers = (JSObjectRef)argv[0];
    st->process_immediate = (JSObjectRef)argv[1];
    JSValueProtect(ctx, argv[0]);
    JSValueProtect(ctx, argv[1]);
    return JSValueMakeUndefined(ctx);
}

/* scheduleTimer(ms): (re)arms the timer to fire in ms milliseconds. */
static JSValueRef timers_schedule(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    double ms = rt_arg_num(ctx, argc, argv, 0);
    if (!(ms >= 1)) {
        ms = 1;
    }
    uv_timer_start(&timers_state.timer, timers_on_timer, (uint64_t)ms, 0);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef timers_toggle_timer_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    if (argc > 0 && rt_bool(ctx, argv[0])) {
        uv_ref((uv_handle_t *)&timers_state.timer);
    } else {
        uv_unref((uv_handle_t *)&timers_state.timer);
    }
    return JSValueMakeUndefined(ctx);
}

/* toggleImmediateRef(on): while ref'd immediates wait, the poll phase must not block. */
static JSValueRef timers_toggle_immediate_ref(JSContextRef ctx, JSObjectRef fn,
                                              JSObjectRef self, size_t argc,
                                              const JSValueRef argv[], JSValueRef *exc) {
    if (argc > 0 && rt_bool(ctx, argv[0])) {
        uv_idle_start(&timers_state.idle, timers_on_idle);
    } else {
        uv_idle_stop(&timers_state.idle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef timers_get_now(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    /* Like node, timers start from the current time, not the loop's cached time. */
    uv_loop_t *loop = rt_env_get()->loop;
    uv_update_time(loop);
    return JSValueMakeNumber(ctx, (double)uv_now(loop));
}

static const JSStaticFunction timers_functions[] = {
    {"setup", timers_setup, RT_FN_ATTRS},
    {"scheduleTimer", timers_schedule, RT_FN_ATTRS},
    {"toggleTimerRef", timers_toggle_timer_ref, RT_FN_ATTRS},
    {"toggleImmediateRef", timers_toggle_immediate_ref, RT_FN_ATTRS},
    {"getLibuvNow", timers_get_now, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_timers_init(rt_env_t *env, JSObjectRef target) {
    timers_state_t *st = &timers_state;
    uv_timer_init(env->loop, &st->timer);
    /* lib/internal/timers.js refs it while a ref'd timer exists */
    uv_unref((uv_handle_t *)&st->timer);
    uv_check_init(env->loop, &st->check);
    uv_idle_init(env->loop, &st->idle);
    uv_check_start(&st->check, timers_on_check);
    uv_unref((uv_handle_t *)&st->check);
    rt_define_functions(env, target, timers_functions);
}
