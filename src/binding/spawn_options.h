/* spawn_options.h: the uv_process_options_t flags both spawn bindings read from JS. */
#ifndef CAIRN_SPAWN_OPTIONS_H
#define CAIRN_SPAWN_OPTIONS_H

#include "rt/rt.h"

/* Sets detached/uid/gid on po from the options object (absent or non-number: unchanged). */
static inline void spawn_options_apply_ids(JSContextRef ctx, JSObjectRef opts,
                                           uv_process_options_t *po) {
    if (rt_bool(ctx, rt_get(ctx, opts, "detached"))) {
        po->flags |= UV_PROCESS_DETACHED;
    }
    JSValueRef uid = rt_get(ctx, opts, "uid");
    if (JSValueIsNumber(ctx, uid)) {
        po->flags |= UV_PROCESS_SETUID;
        po->uid = (uv_uid_t)rt_num(ctx, uid);
    }
    JSValueRef gid = rt_get(ctx, opts, "gid");
    if (JSValueIsNumber(ctx, gid)) {
        po->flags |= UV_PROCESS_SETGID;
        po->gid = (uv_gid_t)rt_num(ctx, gid);
    }
}

#endif
