/* stream_wrap.h: the stream handle shared by the `stream_wrap` and `process_wrap` bindings. */
#ifndef CAIRN_STREAM_WRAP_H
#define CAIRN_STREAM_WRAP_H

#include "rt/rt.h"

/* The libuv stream behind a Pipe or TTY handle object, for handing to uv_spawn as a child's
 * stdio. Returns NULL when v is not such an object, or its handle is closing or closed.
 * The stream stays owned by the handle object. */
uv_stream_t *rt_stream_wrap_stream(JSContextRef ctx, JSValueRef v);

/* A C consumer of a stream handle's reads (the HTTP parser's consume()): while attached, each
 * successful read goes to on_read instead of the handle's JS onread (errors and EOF still go
 * to onread). When the handle closes, the consumer is detached and on_detach is called. */
typedef struct rt_stream_consumer rt_stream_consumer_t;
struct rt_stream_consumer {
    /* data is valid only during the call. */
    void (*on_read)(rt_stream_consumer_t *c, const char *data, size_t len);
    void (*on_detach)(rt_stream_consumer_t *c);
    void *stream; /* the attached handle's private struct; NULL when detached */
};

/* Attaches c to the Pipe/TCP/TTY handle object v. Returns 0, or UV_EINVAL when v is not a
 * usable handle or already has a consumer. c must stay valid until detached. */
/* Records what a JS write request just did, for lib/net.js to read from the binding's
 * writeState: the bytes dispatched, and whether part of them is queued (oncomplete follows).
 * Every handle class net.Socket writes through (stream_wrap's, tls_wrap's) calls it. */
void rt_stream_write_result(size_t total, bool async);

int rt_stream_wrap_consume(JSContextRef ctx, JSValueRef v, rt_stream_consumer_t *c);
/* Detaches c from its handle (nothing if it is not attached); on_detach is not called. */
void rt_stream_wrap_unconsume(rt_stream_consumer_t *c);

#endif
