/* messaging.c: the `messaging` binding: wakeup handles for MessagePorts and the
 * cross-thread channels behind ports that reach a worker (lib/internal/worker/io.js). */
#include "binding/messaging.h"

#include <stdlib.h>
#include <string.h>

/* Exported by the engine but absent from its public headers. */
void JSReportExtraMemoryCost(JSContextRef ctx, size_t size);

/* A wakeup handle: send() makes the loop call `callback` in its poll phase, like the
 * uv_async_t behind each of Node's MessagePorts. The callback returns true while it has
 * more to deliver in this round; each call is its own engine entry, so ticks and
 * microtasks run between messages. The handle is created ref'd: JS decides with
 * ref()/unref() whether a port keeps the process alive. */
typedef struct {
    uv_async_t handle;
    JSObjectRef obj;      /* the JS handle object; protected while the handle is open */
    JSObjectRef callback; /* protected while the handle is open */
    JSObjectRef on_close; /* protected between close() and the close callback */
    bool closing;
    bool closed;     /* the close callback ran */
    bool finalized;  /* the JS object is gone */
} messaging_async_t;

/* Created once, under the binding-init lock (src/rt/bindings.c); shared by all threads. */
static JSClassRef messaging_async_class;
static JSClassRef messaging_link_class;

static void messaging_async_finalize(JSObjectRef obj) {
    messaging_async_t *w = JSObjectGetPrivate(obj);
    if (!w) {
        return;
    }
    /* The object is protected while the handle is open, so the handle is closed here. */
    if (w->closed) {
        free(w);
    } else {
        w->finalized = true;
    }
}

static void messaging_async_on_close(uv_handle_t *h) {
    messaging_async_t *w = h->data;
    rt_env_t *env = rt_env_get();
    w->closed = true;
    JSObjectRef on_close = w->on_close;
    w->on_close = NULL;
    if (on_close) {
        rt_make_callback(env, on_close, w->obj, 0, NULL);
        JSValueUnprotect(env->ctx, on_close);
    }
    JSValueUnprotect(env->ctx, w->callback);
    /* The finalizer frees w once the object goes. */
    JSValueUnprotect(env->ctx, w->obj);
}

static void messaging_async_on_send(uv_async_t *h) {
    messaging_async_t *w = h->data;
    rt_env_t *env = rt_env_get();
    /* The JS side returns true while more messages of this round are waiting. */
    for (;;) {
        if (w->closing) {
            return;
        }
        JSValueRef r = rt_make_callback(env, w->callback, w->obj, 0, NULL);
        if (!r || !rt_bool(env->ctx, r)) {
            return;
        }
    }
}

static messaging_async_t *messaging_unwrap(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    messaging_async_t *w =
        self && JSValueIsObjectOfClass(ctx, self, messaging_async_class) ? JSObjectGetPrivate(self)
                                                                         : NULL;
    if (!w) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return w;
}

/* createAsync(callback) -> a handle object with send/ref/unref/hasRef/close. */
static JSValueRef messaging_create_async(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0]) ||
        !JSObjectIsFunction(ctx, (JSObjectRef)argv[0])) {
        return rt_throw_type_error(ctx, exc, "callback must be a function");
    }
    rt_env_t *env = rt_env_get();
    messaging_async_t *w = calloc(1, sizeof(*w));
    RT_CHECK(w != NULL);
    int err = uv_async_init(env->loop, &w->handle, messaging_async_on_send);
    if (err) {
        free(w);
        return rt_throw_uv(ctx, exc, err, "uv_async_init", NULL, NULL);
    }
    w->handle.data = w;
    w->obj = JSObjectMake(ctx, messaging_async_class, w);
    w->callback = (JSObjectRef)argv[0];
    JSValueProtect(ctx, w->obj);
    JSValueProtect(ctx, w->callback);
    return w->obj;
}

static JSValueRef messaging_send(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->closing) {
        uv_async_send(&w->handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->closing) {
        uv_ref((uv_handle_t *)&w->handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (!w->closing) {
        uv_unref((uv_handle_t *)&w->handle);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, !w->closing && uv_has_ref((uv_handle_t *)&w->handle));
}

/* close([callback]): closes the handle; callback runs from the loop's close phase. */
static JSValueRef messaging_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    messaging_async_t *w = messaging_unwrap(ctx, self, exc);
    if (!w) {
        return NULL;
    }
    if (w->closing) {
        return JSValueMakeUndefined(ctx);
    }
    w->closing = true;
    if (argc > 0 && JSValueIsObject(ctx, argv[0]) &&
        JSObjectIsFunction(ctx, (JSObjectRef)argv[0])) {
        w->on_close = (JSObjectRef)argv[0];
        JSValueProtect(ctx, w->on_close);
    }
    uv_close((uv_handle_t *)&w->handle, messaging_async_on_close);
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction messaging_async_methods[] = {
    {"send", messaging_send, RT_FN_ATTRS},
    {"ref", messaging_ref, RT_FN_ATTRS},
    {"unref", messaging_unref, RT_FN_ATTRS},
    {"hasRef", messaging_has_ref, RT_FN_ATTRS},
    {"close", messaging_close, RT_FN_ATTRS},
    {0, 0, 0},
};

/* ---- cross-thread channels ---- */

typedef struct messaging_loan messaging_loan_t;

typedef struct messaging_msg {
    struct messaging_msg *next;
    uint8_t *data;
    size_t len;
    rt_msg_end_t **ends; /* ends travelling with the message, owned by it */
    size_t nends;
    messaging_loan_t **loans; /* transferred ArrayBuffer storage, owned by the message */
    size_t nloans;
    bool json; /* data is JSON text in UTF-16 (postValue), not serialized bytes */
} messaging_msg_t;

typedef struct messaging_chan messaging_chan_t;
typedef struct messaging_link messaging_link_t;

struct rt_msg_end {
    messaging_chan_t *chan;
    messaging_msg_t *head; /* messages posted by the peer, oldest first */
    messaging_msg_t *tail;
    messaging_link_t *owner; /* the link whose loop this end wakes; NULL while in transit */
    bool closed;
};

struct messaging_chan {
    rt_msg_end_t ends[2];
    int refs; /* ends not yet released */
};

/* A link: one end attached to the calling thread's loop. The JS side calls receive() from
 * the handler until it returns undefined (nothing queued) or null (the peer closed). */
struct messaging_link {
    uv_async_t async;
    rt_msg_end_t *end;   /* NULL once detached or closed */
    JSObjectRef obj;     /* protected while the handle is open */
    JSObjectRef handler; /* protected while set and the handle is open */
    /* Messages receive() took from the end's queue in one go and has not returned yet, so
     * the receiving thread does not take the lock once per message. */
    messaging_msg_t *inbox;
    messaging_msg_t *inbox_tail;
    messaging_link_t *prev;
    messaging_link_t *next;
    bool closing;
    bool closed;
    bool finalized;
};

/* One lock for every queue: messages are few and short-lived, contention is rare. */
static uv_once_t messaging_once = UV_ONCE_INIT;
static uv_mutex_t messaging_lock;
/* The open links of this thread, closed without JS when a worker's thread ends. */
static _Thread_local messaging_link_t *messaging_links;

static void messaging_once_init(void);

/* ---- transferred ArrayBuffers ----
 *
 * A transferred ArrayBuffer moves without a copy. The sender detaches its buffer with
 * ArrayBuffer.prototype.transfer(), whose result owns the same storage; a loan keeps that
 * result alive (protected, on the sender's thread) and the receiver wraps the same bytes with
 * JSObjectMakeArrayBufferWithBytesNoCopy. The storage belongs to the sender's engine, which
 * frees it only with that object, so the receiver's deallocator hands the loan back to the
 * lender's loop, which drops the object there. A message that is never delivered hands its
 * loans back the same way.
 *
 * Only the main thread's engine lives until the process ends. A worker's engine goes with its
 * thread, and with it the storage it lent, while the receiver may still use it: so storage a
 * worker lent is copied once by the receiver (and the loan returned at once), and when a
 * worker ends, loans nobody received yet get a private copy of their bytes. Nothing ever
 * pins a worker's engine for a loan, except a failed copy (rt_msg_engine_pinned). */
typedef struct messaging_lender messaging_lender_t;

struct messaging_loan {
    messaging_loan_t *prev; /* (lock) the lender's outstanding loans */
    messaging_loan_t *next;
    messaging_loan_t *next_returned; /* (lock) the lender's returned list */
    messaging_lender_t *lender;      /* (lock) NULL once ptr is a malloc'd copy of its own */
    JSObjectRef buf;                 /* the lender's buffer, protected until the loan returns */
    void *ptr;
    size_t len;
    bool received; /* (lock) a receiver wraps ptr, or is copying it (lender is a worker) */
};

/* One per thread that lent storage; freed once its thread ended and every loan returned. */
struct messaging_lender {
    uv_async_t async; /* the lender's loop: loans came back */
    JSContextRef ctx;
    messaging_loan_t *outstanding; /* (lock) */
    messaging_loan_t *returned;    /* (lock) */
    bool main_thread;              /* its engine lives until the process ends */
    bool gone;                     /* (lock) the thread ended */
    bool closed;                   /* (lock) async is closed */
};

static _Thread_local messaging_lender_t *messaging_lender;
/* This thread's engine owns storage a receiver on another thread still wraps. */
static _Thread_local bool messaging_lent_pinned;

static void messaging_lender_drain(messaging_lender_t *lender) {
    uv_mutex_lock(&messaging_lock);
    messaging_loan_t *q = lender->returned;
    lender->returned = NULL;
    uv_mutex_unlock(&messaging_lock);
    while (q) {
        messaging_loan_t *next = q->next_returned;
        JSValueUnprotect(lender->ctx, q->buf);
        free(q);
        q = next;
    }
}

static void messaging_lender_on_async(uv_async_t *h) {
    messaging_lender_drain(h->data);
}

static messaging_lender_t *messaging_lender_get(JSContextRef ctx) {
    if (messaging_lender) {
        return messaging_lender;
    }
    rt_env_t *env = rt_env_get();
    messaging_lender_t *lender = calloc(1, sizeof(*lender));
    RT_CHECK(lender != NULL);
    RT_CHECK(uv_async_init(env->loop, &lender->async, messaging_lender_on_async) == 0);
    lender->async.data = lender;
    uv_unref((uv_handle_t *)&lender->async);
    lender->ctx = env->ctx;
    lender->main_thread = env->worker == NULL;
    messaging_lender = lender;
    return lender;
}

static void messaging_loan_unlist_locked(messaging_loan_t *loan) {
    messaging_lender_t *lender = loan->lender;
    if (loan->prev) {
        loan->prev->next = loan->next;
    } else {
        lender->outstanding = loan->next;
    }
    if (loan->next) {
        loan->next->prev = loan->prev;
    }
    loan->prev = loan->next = NULL;
}

/* Lends the storage of buf, a buffer of this thread that nothing else refers to (the result
 * of transfer()). Returns NULL for an empty buffer. */
static messaging_loan_t *messaging_loan_new(JSContextRef ctx, JSObjectRef buf) {
    size_t len = JSObjectGetArrayBufferByteLength(ctx, buf, NULL);
    void *ptr = len ? JSObjectGetArrayBufferBytesPtr(ctx, buf, NULL) : NULL;
    if (!ptr) {
        return NULL;
    }
    messaging_lender_t *lender = messaging_lender_get(ctx);
    messaging_loan_t *loan = calloc(1, sizeof(*loan));
    RT_CHECK(loan != NULL);
    loan->buf = buf;
    loan->ptr = ptr;
    loan->len = len;
    JSValueProtect(ctx, buf);
    uv_mutex_lock(&messaging_lock);
    loan->lender = lender;
    loan->next = lender->outstanding;
    if (lender->outstanding) {
        lender->outstanding->prev = loan;
    }
    lender->outstanding = loan;
    uv_mutex_unlock(&messaging_lock);
    return loan;
}

/* Gives a loan back from any thread, also from inside a garbage collection: nothing here
 * calls into an engine. */
static void messaging_loan_return(messaging_loan_t *loan) {
    uv_mutex_lock(&messaging_lock);
    messaging_lender_t *lender = loan->lender;
    bool free_loan = true;
    bool free_lender = false;
    if (lender) {
        messaging_loan_unlist_locked(loan);
        if (!lender->gone) {
            loan->next_returned = lender->returned;
            lender->returned = loan;
            uv_async_send(&lender->async);
            free_loan = false;
        } else {
            free_lender = lender->closed && !lender->outstanding;
        }
    }
    uv_mutex_unlock(&messaging_lock);
    if (free_loan) {
        if (!lender) {
            free(loan->ptr);
        }
        free(loan);
    }
    if (free_lender) {
        free(lender);
    }
}

static void messaging_loan_dealloc(void *bytes, void *data) {
    messaging_loan_return(data);
}

static void messaging_free_dealloc(void *bytes, void *data) {
    free(bytes);
}

static void messaging_lender_on_close(uv_handle_t *h) {
    messaging_lender_t *lender = h->data;
    uv_mutex_lock(&messaging_lock);
    lender->closed = true;
    bool free_now = !lender->outstanding;
    uv_mutex_unlock(&messaging_lock);
    if (free_now) {
        free(lender);
    }
}

/* This thread ends: loans not received yet take a copy of their bytes; returned ones are
 * dropped. Sets messaging_lent_pinned when receivers still wrap this engine's storage. */
static void messaging_lender_teardown(void) {
    messaging_lender_t *lender = messaging_lender;
    if (!lender) {
        return;
    }
    messaging_lender = NULL;
    uv_mutex_lock(&messaging_lock);
    lender->gone = true;
    for (messaging_loan_t *loan = lender->outstanding, *next; loan; loan = next) {
        next = loan->next;
        if (loan->received) {
            continue;
        }
        void *copy = malloc(loan->len);
        if (!copy) {
            continue;
        }
        memcpy(copy, loan->ptr, loan->len);
        messaging_loan_unlist_locked(loan);
        loan->ptr = copy;
        loan->lender = NULL;
    }
    /* Receivers copying storage of this engine give it back soon: wait for them. */
    for (int spins = 0; lender->outstanding && spins < 10000; spins++) {
        bool copying = false;
        for (messaging_loan_t *loan = lender->outstanding; loan; loan = loan->next) {
            copying |= loan->received;
        }
        if (!copying) {
            break;
        }
        uv_mutex_unlock(&messaging_lock);
        uv_sleep(1);
        uv_mutex_lock(&messaging_lock);
    }
    messaging_lent_pinned = lender->outstanding != NULL;
    uv_mutex_unlock(&messaging_lock);
    messaging_lender_drain(lender);
    uv_close((uv_handle_t *)&lender->async, messaging_lender_on_close);
}

/* ---- channels ---- */

static rt_msg_end_t *messaging_peer(rt_msg_end_t *e) {
    return &e->chan->ends[e == &e->chan->ends[0] ? 1 : 0];
}

/* Called with the lock held. */
static void messaging_wake_locked(rt_msg_end_t *e) {
    if (e->owner) {
        uv_async_send(&e->owner->async);
    }
}

void rt_msg_channel_new(rt_msg_end_t **a, rt_msg_end_t **b) {
    uv_once(&messaging_once, messaging_once_init);
    messaging_chan_t *chan = calloc(1, sizeof(*chan));
    RT_CHECK(chan != NULL);
    chan->ends[0].chan = chan;
    chan->ends[1].chan = chan;
    chan->refs = 2;
    *a = &chan->ends[0];
    *b = &chan->ends[1];
}

static void messaging_msg_free(messaging_msg_t *m) {
    for (size_t i = 0; i < m->nends; i++) {
        rt_msg_end_release(m->ends[i]);
    }
    for (size_t i = 0; i < m->nloans; i++) {
        if (m->loans[i]) {
            messaging_loan_return(m->loans[i]);
        }
    }
    free(m->loans);
    free(m->ends);
    free(m->data);
    free(m);
}

void rt_msg_end_release(rt_msg_end_t *end) {
    uv_mutex_lock(&messaging_lock);
    messaging_msg_t *q = end->head;
    end->head = end->tail = NULL;
    end->closed = true;
    end->owner = NULL;
    messaging_wake_locked(messaging_peer(end));
    messaging_chan_t *chan = end->chan;
    bool last = --chan->refs == 0;
    uv_mutex_unlock(&messaging_lock);
    /* Queued messages may carry ends of other channels: release those outside the lock. */
    while (q) {
        messaging_msg_t *next = q->next;
        messaging_msg_free(q);
        q = next;
    }
    if (last) {
        free(chan);
    }
}

static void messaging_link_unlist(messaging_link_t *l) {
    if (l->prev) {
        l->prev->next = l->next;
    } else if (messaging_links == l) {
        messaging_links = l->next;
    }
    if (l->next) {
        l->next->prev = l->prev;
    }
    l->prev = l->next = NULL;
}

static void messaging_link_finalize(JSObjectRef obj) {
    messaging_link_t *l = JSObjectGetPrivate(obj);
    if (!l) {
        return;
    }
    if (l->closed) {
        free(l);
    } else {
        l->finalized = true;
    }
}

static void messaging_link_on_close(uv_handle_t *h) {
    messaging_link_t *l = h->data;
    rt_env_t *env = rt_env_get();
    l->closed = true;
    if (l->handler) {
        JSValueUnprotect(env->ctx, l->handler);
        l->handler = NULL;
    }
    if (l->finalized) {
        free(l);
        return;
    }
    /* The finalizer frees l once the object goes. */
    JSValueUnprotect(env->ctx, l->obj);
}

/* Closes the handle; with release the end closes too (else it was detached already). */
/* Puts the messages of l's inbox back in front of its end's queue (the end leaves l).
 * Called with the lock held. */
static void messaging_link_unread_locked(messaging_link_t *l) {
    if (!l->inbox) {
        return;
    }
    rt_msg_end_t *end = l->end;
    l->inbox_tail->next = end->head;
    if (!end->head) {
        end->tail = l->inbox_tail;
    }
    end->head = l->inbox;
    l->inbox = l->inbox_tail = NULL;
}

static void messaging_link_close(messaging_link_t *l) {
    if (l->closing) {
        return;
    }
    l->closing = true;
    messaging_link_unlist(l);
    rt_msg_end_t *end = l->end;
    if (end) {
        uv_mutex_lock(&messaging_lock);
        messaging_link_unread_locked(l);
        end->owner = NULL;
        l->end = NULL;
        uv_mutex_unlock(&messaging_lock);
        rt_msg_end_release(end);
    }
    uv_close((uv_handle_t *)&l->async, messaging_link_on_close);
}

void rt_msg_links_teardown(void) {
    while (messaging_links) {
        messaging_link_close(messaging_links);
    }
}

void rt_msg_loans_teardown(void) {
    messaging_lender_teardown();
}

static void messaging_link_on_async(uv_async_t *h) {
    messaging_link_t *l = h->data;
    rt_env_t *env = rt_env_get();
    /* The handler returns true while it has more to deliver in this round. */
    for (;;) {
        if (l->closing || !l->handler || env->exiting) {
            return;
        }
        JSValueRef r = rt_make_callback(env, l->handler, l->obj, 0, NULL);
        if (!r || !rt_bool(env->ctx, r)) {
            return;
        }
    }
}

JSObjectRef rt_msg_link_wrap(JSContextRef ctx, rt_msg_end_t *end) {
    uv_once(&messaging_once, messaging_once_init);
    rt_env_t *env = rt_env_get();
    messaging_link_t *l = calloc(1, sizeof(*l));
    RT_CHECK(l != NULL);
    RT_CHECK(uv_async_init(env->loop, &l->async, messaging_link_on_async) == 0);
    l->async.data = l;
    uv_unref((uv_handle_t *)&l->async);
    l->obj = JSObjectMake(ctx, messaging_link_class, l);
    JSValueProtect(ctx, l->obj);
    l->next = messaging_links;
    if (messaging_links) {
        messaging_links->prev = l;
    }
    messaging_links = l;
    uv_mutex_lock(&messaging_lock);
    l->end = end;
    end->owner = l;
    if (end->head || messaging_peer(end)->closed) {
        uv_async_send(&l->async);
    }
    uv_mutex_unlock(&messaging_lock);
    return l->obj;
}

static messaging_link_t *messaging_link_of(JSContextRef ctx, JSValueRef v) {
    if (!v || !JSValueIsObjectOfClass(ctx, v, messaging_link_class)) {
        return NULL;
    }
    return JSObjectGetPrivate((JSObjectRef)v);
}

rt_msg_end_t *rt_msg_link_detach(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    uv_once(&messaging_once, messaging_once_init);
    messaging_link_t *l = messaging_link_of(ctx, v);
    if (!l || l->closing || !l->end) {
        rt_throw_type_error(ctx, exc, "The port is not open");
        return NULL;
    }
    uv_mutex_lock(&messaging_lock);
    messaging_link_unread_locked(l);
    rt_msg_end_t *end = l->end;
    end->owner = NULL;
    l->end = NULL;
    uv_mutex_unlock(&messaging_lock);
    messaging_link_close(l);
    return end;
}

static messaging_link_t *messaging_link_unwrap(JSContextRef ctx, JSObjectRef self,
                                               JSValueRef *exc) {
    messaging_link_t *l = messaging_link_of(ctx, self);
    if (!l) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return l;
}

/* Queues m for the peer of l's end and wakes it; frees m and returns false if the peer is
 * gone. */
static bool messaging_link_queue(messaging_link_t *l, messaging_msg_t *m) {
    uv_mutex_lock(&messaging_lock);
    rt_msg_end_t *peer = l->end ? messaging_peer(l->end) : NULL;
    bool queued = peer && !peer->closed;
    if (queued) {
        if (peer->tail) {
            /* The receiver was woken for the first queued message and drains the queue
             * until it is empty (or wakes itself again): no wakeup per message. */
            peer->tail->next = m;
        } else {
            peer->head = m;
            messaging_wake_locked(peer);
        }
        peer->tail = m;
    }
    uv_mutex_unlock(&messaging_lock);
    if (!queued) {
        messaging_msg_free(m);
    }
    return queued;
}

/* The length of an array argument (0 for anything else), bounded. */
static size_t messaging_list_length(JSContextRef ctx, JSValueRef list) {
    if (!JSValueIsObject(ctx, list)) {
        return 0;
    }
    double d = rt_num(ctx, rt_get(ctx, (JSObjectRef)list, "length"));
    return d >= 0 && d <= 65536 ? (size_t)d : 0;
}

/* post(bytes, links, buffers): queues a copy of bytes for the peer, with the ends of the given
 * links (which close here) and the storage of the given ArrayBuffers (lent, not copied: each
 * must be a buffer nothing else refers to, the result of transfer()). Returns false if the
 * peer is gone (the message is dropped). */
static JSValueRef messaging_link_post(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    JSValueRef data = rt_arg(ctx, argc, argv, 0);
    if (JSValueGetTypedArrayType(ctx, data, NULL) == kJSTypedArrayTypeNone) {
        return rt_throw_type_error(ctx, exc, "The message must be a Uint8Array");
    }
    size_t len = 0;
    uint8_t *bytes = rt_bytes(ctx, data, &len);
    JSValueRef list = rt_arg(ctx, argc, argv, 1);
    size_t n = messaging_list_length(ctx, list);
    /* Check every link and buffer before taking any, so a bad list changes nothing. */
    for (size_t i = 0; i < n; i++) {
        JSValueRef v = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
        messaging_link_t *t = messaging_link_of(ctx, v);
        if (!t || t == l || t->closing || !t->end) {
            return rt_throw_type_error(ctx, exc, "A transferred port is not open");
        }
    }
    JSValueRef buffers = rt_arg(ctx, argc, argv, 2);
    size_t nb = messaging_list_length(ctx, buffers);
    for (size_t i = 0; i < nb; i++) {
        JSValueRef v = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)buffers, (unsigned)i, NULL);
        if (JSValueGetTypedArrayType(ctx, v, NULL) != kJSTypedArrayTypeArrayBuffer) {
            return rt_throw_type_error(ctx, exc, "A transferred buffer is not an ArrayBuffer");
        }
    }
    if (!l->end || l->closing) {
        return JSValueMakeBoolean(ctx, false);
    }
    messaging_msg_t *m = calloc(1, sizeof(*m));
    RT_CHECK(m != NULL);
    m->data = malloc(len ? len : 1);
    RT_CHECK(m->data != NULL);
    if (len) {
        memcpy(m->data, bytes, len);
    }
    m->len = len;
    if (n) {
        m->ends = calloc(n, sizeof(rt_msg_end_t *));
        RT_CHECK(m->ends != NULL);
        for (size_t i = 0; i < n; i++) {
            JSValueRef v = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, NULL);
            JSValueRef ignored = NULL;
            rt_msg_end_t *e =
                messaging_link_of(ctx, v) ? rt_msg_link_detach(ctx, v, &ignored) : NULL;
            if (e) {
                m->ends[m->nends++] = e;
            }
        }
    }
    if (nb) {
        m->loans = calloc(nb, sizeof(messaging_loan_t *));
        RT_CHECK(m->loans != NULL);
        for (size_t i = 0; i < nb; i++) {
            JSValueRef v =
                JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)buffers, (unsigned)i, NULL);
            m->loans[i] = messaging_loan_new(ctx, (JSObjectRef)v);
        }
        m->nloans = nb;
    }
    return JSValueMakeBoolean(ctx, messaging_link_queue(l, m));
}

/* postValue(value): queues value as JSON text. The value must be made only of plain
 * objects, dense arrays, strings, booleans, null and finite numbers other than -0, and not
 * be null itself (a structured clone the caller checked): for such small messages the
 * engine's own JSON writer and reader are the fastest way across. Returns false if the peer
 * is gone. */
static JSValueRef messaging_link_post_value(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    if (!l->end || l->closing) {
        return JSValueMakeBoolean(ctx, false);
    }
    JSStringRef text = JSValueCreateJSONString(ctx, rt_arg(ctx, argc, argv, 0), 0, exc);
    if (!text) {
        if (!*exc) {
            return rt_throw_type_error(ctx, exc, "The message cannot be written as JSON");
        }
        return NULL;
    }
    size_t len = JSStringGetLength(text) * sizeof(JSChar);
    messaging_msg_t *m = calloc(1, sizeof(*m));
    RT_CHECK(m != NULL);
    m->data = malloc(len ? len : 1);
    RT_CHECK(m->data != NULL);
    if (len) {
        memcpy(m->data, JSStringGetCharactersPtr(text), len);
    }
    JSStringRelease(text);
    m->len = len;
    m->json = true;
    return JSValueMakeBoolean(ctx, messaging_link_queue(l, m));
}

/* receive() -> the oldest message: the value itself for one posted with postValue() (never
 * a typed array, null or undefined), else its bytes, a Uint8Array, with properties `links`
 * and `buffers` when it carries ports or ArrayBuffers (an empty transferred buffer comes as
 * undefined);
 * undefined when none is queued; null when none is queued and none can come (the peer or
 * this end closed). */
static JSValueRef messaging_link_receive(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    if (!l->end) {
        return JSValueMakeNull(ctx);
    }
    bool closed = false;
    if (!l->inbox) {
        uv_mutex_lock(&messaging_lock);
        rt_msg_end_t *end = l->end;
        l->inbox = end->head;
        l->inbox_tail = end->tail;
        end->head = end->tail = NULL;
        closed = end->closed || messaging_peer(end)->closed;
        uv_mutex_unlock(&messaging_lock);
    }
    messaging_msg_t *m = l->inbox;
    if (!m) {
        return closed ? JSValueMakeNull(ctx) : JSValueMakeUndefined(ctx);
    }
    l->inbox = m->next;
    if (!l->inbox) {
        l->inbox_tail = NULL;
    }
    m->next = NULL;
    if (m->nloans) {
        /* From here on the bytes are used here: the lender no longer copies them away. */
        uv_mutex_lock(&messaging_lock);
        for (size_t i = 0; i < m->nloans; i++) {
            if (m->loans[i]) {
                m->loans[i]->received = true;
            }
        }
        uv_mutex_unlock(&messaging_lock);
    }
    if (m->json) {
        JSStringRef text = JSStringCreateWithCharacters((const JSChar *)m->data,
                                                        m->len / sizeof(JSChar));
        JSValueRef value = JSValueMakeFromJSONString(ctx, text);
        JSStringRelease(text);
        free(m->data);
        free(m);
        if (!value) {
            return rt_throw_type_error(ctx, exc, "Unable to deserialize cloned data.");
        }
        return value;
    }
    JSObjectRef bytes = rt_uint8array_take(ctx, m->data, m->len, NULL);
    if (!m->nends && !m->nloans) {
        free(m);
        return bytes;
    }
    size_t n = m->nends > m->nloans ? m->nends : m->nloans;
    JSValueRef stack_items[8];
    JSValueRef *items = n <= 8 ? stack_items : malloc(n * sizeof(JSValueRef));
    RT_CHECK(items != NULL);
    for (size_t i = 0; i < m->nends; i++) {
        items[i] = rt_msg_link_wrap(ctx, m->ends[i]);
    }
    JSObjectRef links = JSObjectMakeArray(ctx, m->nends, items, NULL);
    for (size_t i = 0; i < m->nloans; i++) {
        messaging_loan_t *loan = m->loans[i];
        items[i] = JSValueMakeUndefined(ctx);
        if (!loan) {
            continue;
        }
        JSValueRef err = NULL;
        JSObjectRef ab;
        size_t len = loan->len;
        if (loan->lender && !loan->lender->main_thread) {
            /* A worker lent it: its engine may go before this buffer does (see above). */
            void *copy = malloc(loan->len);
            ab = copy ? JSObjectMakeArrayBufferWithBytesNoCopy(ctx, copy, loan->len,
                                                                messaging_free_dealloc, NULL, &err)
                      : NULL;
            if (ab) {
                memcpy(copy, loan->ptr, loan->len);
            } else {
                free(copy);
            }
            messaging_loan_return(loan);
            loan = NULL;
        } else {
            ab = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, loan->ptr, loan->len,
                                                         messaging_loan_dealloc, loan, &err);
        }
        if (ab) {
            /* The engine does not count memory it did not allocate: tell it, so a receiver
             * that drops such buffers collects them (and their lender frees them) soon. */
            JSReportExtraMemoryCost(ctx, len);
            items[i] = ab;
            /* A malloc'd items is not scanned by the collector: protect the buffer until the
             * array holds it (else making the next one could free it, and hand its storage
             * back). The links are protected while open. */
            if (items != stack_items) {
                JSValueProtect(ctx, ab);
            }
        } else if (loan) {
            messaging_loan_return(loan);
        }
    }
    JSObjectRef loans = JSObjectMakeArray(ctx, m->nloans, items, NULL);
    if (items != stack_items) {
        for (size_t i = 0; i < m->nloans; i++) {
            JSValueUnprotect(ctx, items[i]);
        }
        free(items);
    }
    rt_set(ctx, bytes, "links", links);
    rt_set(ctx, bytes, "buffers", loans);
    free(m->loans);
    free(m->ends);
    free(m);
    return bytes;
}

static JSValueRef messaging_link_set_handler(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                             size_t argc, const JSValueRef argv[],
                                             JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    JSValueRef h = rt_arg(ctx, argc, argv, 0);
    if (!JSValueIsObject(ctx, h) || !JSObjectIsFunction(ctx, (JSObjectRef)h)) {
        return rt_throw_type_error(ctx, exc, "handler must be a function");
    }
    if (l->closing) {
        return JSValueMakeUndefined(ctx);
    }
    if (l->handler) {
        JSValueUnprotect(ctx, l->handler);
    }
    l->handler = (JSObjectRef)h;
    JSValueProtect(ctx, h);
    /* Messages may have arrived before anyone listened. */
    uv_async_send(&l->async);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_link_close_fn(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                          size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    messaging_link_close(l);
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_link_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    if (!l->closing) {
        uv_ref((uv_handle_t *)&l->async);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_link_unref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    if (!l->closing) {
        uv_unref((uv_handle_t *)&l->async);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef messaging_link_has_ref(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    messaging_link_t *l = messaging_link_unwrap(ctx, self, exc);
    if (!l) {
        return NULL;
    }
    return JSValueMakeBoolean(ctx, !l->closing && uv_has_ref((uv_handle_t *)&l->async));
}

static const JSStaticFunction messaging_link_methods[] = {
    {"post", messaging_link_post, RT_FN_ATTRS},
    {"postValue", messaging_link_post_value, RT_FN_ATTRS},
    {"receive", messaging_link_receive, RT_FN_ATTRS},
    {"setHandler", messaging_link_set_handler, RT_FN_ATTRS},
    {"close", messaging_link_close_fn, RT_FN_ATTRS},
    {"ref", messaging_link_ref, RT_FN_ATTRS},
    {"unref", messaging_link_unref, RT_FN_ATTRS},
    {"hasRef", messaging_link_has_ref, RT_FN_ATTRS},
    {0, 0, 0},
};

static void messaging_once_init(void) {
    RT_CHECK(uv_mutex_init(&messaging_lock) == 0);
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "MessagingAsync";
    def.staticFunctions = messaging_async_methods;
    def.finalize = messaging_async_finalize;
    messaging_async_class = JSClassCreate(&def);
    JSClassDefinition ldef = kJSClassDefinitionEmpty;
    ldef.className = "MessagingLink";
    ldef.staticFunctions = messaging_link_methods;
    ldef.finalize = messaging_link_finalize;
    messaging_link_class = JSClassCreate(&ldef);
}

/* ---- shared memory: SharedArrayBuffer contents seen from other threads ---- */

/* The engine's C API cannot make a SharedArrayBuffer over existing memory, so another thread
 * sees an ArrayBuffer over the same bytes. A region is never freed: the engine that owns it
 * stays alive until the process ends (a worker that shared memory keeps its engine). */
typedef struct {
    uint8_t *ptr;
    size_t len;
} messaging_region_t;

static messaging_region_t *messaging_regions; /* under messaging_lock */
static size_t messaging_nregions;
static size_t messaging_cap_regions;
/* This thread's engine owns memory another thread may be using. */
static _Thread_local bool messaging_pinned;

bool rt_msg_engine_pinned(void) {
    return messaging_pinned || messaging_lent_pinned;
}

/* shareMemory(sharedArrayBuffer) -> the region id other threads open it by. */
static JSValueRef messaging_share_memory(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                         size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&messaging_once, messaging_once_init);
    JSValueRef v = rt_arg(ctx, argc, argv, 0);
    if (JSValueGetTypedArrayType(ctx, v, NULL) != kJSTypedArrayTypeArrayBuffer) {
        return rt_throw_type_error(ctx, exc, "Expected a SharedArrayBuffer");
    }
    uint8_t *ptr = JSObjectGetArrayBufferBytesPtr(ctx, (JSObjectRef)v, NULL);
    size_t len = JSObjectGetArrayBufferByteLength(ctx, (JSObjectRef)v, NULL);
    if (!ptr || !len) {
        return JSValueMakeNumber(ctx, -1);
    }
    messaging_pinned = true;
    uv_mutex_lock(&messaging_lock);
    size_t id = 0;
    for (; id < messaging_nregions; id++) {
        if (messaging_regions[id].ptr == ptr && messaging_regions[id].len == len) {
            break;
        }
    }
    if (id == messaging_nregions) {
        if (messaging_nregions == messaging_cap_regions) {
            size_t cap = messaging_cap_regions ? messaging_cap_regions * 2 : 16;
            messaging_region_t *r = realloc(messaging_regions, cap * sizeof(*r));
            RT_CHECK(r != NULL);
            messaging_regions = r;
            messaging_cap_regions = cap;
        }
        messaging_regions[id].ptr = ptr;
        messaging_regions[id].len = len;
        messaging_nregions++;
    }
    uv_mutex_unlock(&messaging_lock);
    return JSValueMakeNumber(ctx, (double)id);
}

/* openMemory(id) -> an ArrayBuffer over a shared region's bytes (not copied). */
static JSValueRef messaging_open_memory(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    uv_once(&messaging_once, messaging_once_init);
    int64_t id = rt_arg_int(ctx, argc, argv, 0);
    uv_mutex_lock(&messaging_lock);
    messaging_region_t r = {NULL, 0};
    if (id >= 0 && (size_t)id < messaging_nregions) {
        r = messaging_regions[id];
    }
    uv_mutex_unlock(&messaging_lock);
    if (!r.ptr) {
        return rt_throw_type_error(ctx, exc, "No such shared memory");
    }
    return JSObjectMakeArrayBufferWithBytesNoCopy(ctx, r.ptr, r.len, NULL, NULL, exc);
}

/* ---- BroadcastChannel across threads ---- */

/* Every open BroadcastChannel of every thread has an entry: a link end that receives what
 * channels of the same name on other threads post. The entry keeps the other end of that
 * end's channel, so the end never sees its peer close. */
typedef struct messaging_bc {
    struct messaging_bc *next;
    char *name;
    uv_thread_t thread;
    rt_msg_end_t *end;   /* the receiving end (owned by a link) */
    rt_msg_end_t *other; /* held here only */
} messaging_bc_t;

static messaging_bc_t *messaging_bcs; /* under messaging_lock */

/* joinBroadcast(name) -> a link that receives the channel's messages from other threads. */
static JSValueRef messaging_join_broadcast(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    char *name = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!name) {
        return NULL;
    }
    rt_msg_end_t *a;
    rt_msg_end_t *b;
    rt_msg_channel_new(&a, &b);
    messaging_bc_t *bc = calloc(1, sizeof(*bc));
    RT_CHECK(bc != NULL);
    bc->name = name;
    bc->thread = uv_thread_self();
    bc->end = a;
    bc->other = b;
    JSObjectRef link = rt_msg_link_wrap(ctx, a);
    uv_mutex_lock(&messaging_lock);
    bc->next = messaging_bcs;
    messaging_bcs = bc;
    uv_mutex_unlock(&messaging_lock);
    return link;
}

/* broadcast(name, bytes): queues a copy of bytes for every open channel of that name on
 * other threads. */
static JSValueRef messaging_broadcast(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                      size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char *name = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!name) {
        return NULL;
    }
    size_t len = 0;
    uint8_t *bytes = rt_bytes(ctx, rt_arg(ctx, argc, argv, 1), &len);
    if (!bytes && len) {
        free(name);
        return rt_throw_type_error(ctx, exc, "The message must be a Uint8Array");
    }
    uv_thread_t me = uv_thread_self();
    messaging_bc_t *dead = NULL;
    uv_mutex_lock(&messaging_lock);
    for (messaging_bc_t **p = &messaging_bcs; *p;) {
        messaging_bc_t *bc = *p;
        if (bc->end->closed) {
            /* Its link closed: drop the entry (released outside the lock). */
            *p = bc->next;
            bc->next = dead;
            dead = bc;
            continue;
        }
        p = &bc->next;
        if (uv_thread_equal(&bc->thread, &me) || strcmp(bc->name, name) != 0) {
            continue;
        }
        messaging_msg_t *m = calloc(1, sizeof(*m));
        RT_CHECK(m != NULL);
        m->data = malloc(len ? len : 1);
        RT_CHECK(m->data != NULL);
        if (len) {
            memcpy(m->data, bytes, len);
        }
        m->len = len;
        if (bc->end->tail) {
            bc->end->tail->next = m;
        } else {
            bc->end->head = m;
        }
        bc->end->tail = m;
        messaging_wake_locked(bc->end);
    }
    uv_mutex_unlock(&messaging_lock);
    while (dead) {
        messaging_bc_t *next = dead->next;
        rt_msg_end_release(dead->other);
        free(dead->name);
        free(dead);
        dead = next;
    }
    free(name);
    return JSValueMakeUndefined(ctx);
}

/* hasBroadcastPeers(name) -> whether another thread has an open channel of that name. */
static JSValueRef messaging_has_broadcast_peers(JSContextRef ctx, JSObjectRef fn,
                                                JSObjectRef self, size_t argc,
                                                const JSValueRef argv[], JSValueRef *exc) {
    char *name = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!name) {
        return NULL;
    }
    uv_thread_t me = uv_thread_self();
    bool found = false;
    uv_mutex_lock(&messaging_lock);
    for (messaging_bc_t *bc = messaging_bcs; bc && !found; bc = bc->next) {
        found = !bc->end->closed && !uv_thread_equal(&bc->thread, &me) &&
                strcmp(bc->name, name) == 0;
    }
    uv_mutex_unlock(&messaging_lock);
    free(name);
    return JSValueMakeBoolean(ctx, found);
}

/* createChannel() -> [link, link]: a cross-thread channel with both ends on this thread. */
static JSValueRef messaging_create_channel(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                           size_t argc, const JSValueRef argv[],
                                           JSValueRef *exc) {
    rt_msg_end_t *a;
    rt_msg_end_t *b;
    rt_msg_channel_new(&a, &b);
    JSValueRef items[2] = {rt_msg_link_wrap(ctx, a), rt_msg_link_wrap(ctx, b)};
    return JSObjectMakeArray(ctx, 2, items, NULL);
}

static const JSStaticFunction messaging_functions[] = {
    {"createAsync", messaging_create_async, RT_FN_ATTRS},
    {"createChannel", messaging_create_channel, RT_FN_ATTRS},
    {"shareMemory", messaging_share_memory, RT_FN_ATTRS},
    {"joinBroadcast", messaging_join_broadcast, RT_FN_ATTRS},
    {"broadcast", messaging_broadcast, RT_FN_ATTRS},
    {"hasBroadcastPeers", messaging_has_broadcast_peers, RT_FN_ATTRS},
    {"openMemory", messaging_open_memory, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_messaging_init(rt_env_t *env, JSObjectRef target) {
    uv_once(&messaging_once, messaging_once_init);
    rt_define_functions(env, target, messaging_functions);
}
