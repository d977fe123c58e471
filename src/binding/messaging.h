/* messaging.h: the cross-thread message channel shared by messaging.c and worker.c. */
#ifndef CAIRN_BINDING_MESSAGING_H
#define CAIRN_BINDING_MESSAGING_H

#include "rt/rt.h"

/* One end of a channel. Messages posted on an end go to the queue of the other end, which
 * any thread may own; a lock guards the queues, and an owner's uv_async_t wakes its loop. */
typedef struct rt_msg_end rt_msg_end_t;

/* Makes a channel; *a and *b receive its two ends, each owned by the caller (release with
 * rt_msg_end_release or hand to rt_msg_link_wrap). */
void rt_msg_channel_new(rt_msg_end_t **a, rt_msg_end_t **b);
/* Closes an end (its peer sees the close) and drops the caller's reference. */
void rt_msg_end_release(rt_msg_end_t *end);
/* A link object of this thread for end (takes ownership of end): post/receive/close/ref/
 * unref/hasRef/setHandler, woken by the calling thread's loop. */
JSObjectRef rt_msg_link_wrap(JSContextRef ctx, rt_msg_end_t *end);
/* Takes the end away from a link object of this thread (the link closes, the end stays
 * open). Returns NULL and sets *exc if v is not an attached link. */
rt_msg_end_t *rt_msg_link_detach(JSContextRef ctx, JSValueRef v, JSValueRef *exc);
/* Closes every link of this thread without calling into JS (thread teardown). */
void rt_msg_links_teardown(void);
/* Thread teardown, after the links and the thread's own workers are gone: ArrayBuffer
 * storage this thread lent that nobody received yet is copied so the engine can go; storage
 * another thread still uses pins the engine (rt_msg_engine_pinned). */
void rt_msg_loans_teardown(void);
/* Whether this thread shared SharedArrayBuffer memory, or lent transferred ArrayBuffer
 * storage still in use, to other threads: its engine must then outlive the thread. */
bool rt_msg_engine_pinned(void);

#endif
