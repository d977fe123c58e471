/* stream_wrap.h: the stream handle shared by the `stream_wrap` and `process_wrap` bindings. */
#ifndef CAIRN_STREAM_WRAP_H
#define CAIRN_STREAM_WRAP_H

#include "rt/rt.h"

/* The libuv stream behind a Pipe or TTY handle object, for handing to uv_spawn as a child's
 * stdio. Returns NULL when v is not such an object, or its handle is closing or closed.
 * The stream stays owned by the handle object. */
uv_stream_t *rt_stream_wrap_stream(JSContextRef ctx, JSValueRef v);

#endif
