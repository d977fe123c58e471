/* http_parser.c: the `http_parser` binding: node's HTTPParser over src/http/parser.c, used by
 * lib/_http_*.js (contract: docs/http.md). */
#include "binding/stream_wrap.h"
#include "http/parser.h"
#include "rt/rt.h"

#include <stdlib.h>
#include <string.h>

enum {
    HP_ON_MESSAGE_BEGIN = 0,
    HP_ON_HEADERS = 1,
    HP_ON_HEADERS_COMPLETE = 2,
    HP_ON_BODY = 3,
    HP_ON_MESSAGE_COMPLETE = 4,
    HP_ON_EXECUTE = 5,
    HP_ON_TIMEOUT = 6,
};

/* node flushes header pairs to kOnHeaders when the 32nd field starts. */
#define HP_MAX_PAIRS 31

typedef struct {
    uint32_t off;
    uint32_t len;
} hp_span_t;

typedef struct {
    http_parser_t p;
    JSObjectRef obj;
    bool initialized;
    bool in_execute;
    bool have_flushed;
    bool headers_completed;
    int pending_pause; /* pause()/resume() called inside execute: 1 or -1 */
    /* The loop time (ms) when the current message began, 0 between messages: what the server's
     * header and request timeouts look at (parser.messageStart). */
    double msg_start;
    /* During execute: the context and an exception a callback threw (protected). */
    JSContextRef ctx;
    JSValueRef exception;
    const char *cur_data;
    size_t cur_len;
    /* Bytes a callback gave execute() while it ran (a socket pushing data from an
     * 'information' listener): parsed once the running call's own bytes are done. */
    char *queued;
    size_t queued_len;
    /* The bytes of the url, status message and header pairs of the current section, each
     * followed by a NUL; spans index into it. */
    char *store;
    size_t store_len;
    size_t store_cap;
    hp_span_t url;
    hp_span_t status;
    hp_span_t pairs[HP_MAX_PAIRS * 2];
    unsigned npairs;
    /* consume() */
    rt_stream_consumer_t consumer;
    bool protected_obj;
} hp_t;

static JSClassRef hp_class;
static _Thread_local JSObjectRef hp_exec_fn;     /* runs a consumed read inside rt_make_callback */
static _Thread_local JSObjectRef hp_buffer_proto; /* Buffer.prototype, looked up on first use */
/* lib/_http_common's kOnHeadersComplete and its 8-argument twin (upgrade and keep-alive packed
 * in one flags argument): the engine passes up to 8 arguments without a heap allocation, so
 * when a parser has the usual callback, the twin is called instead. */
static _Thread_local JSObjectRef hp_headers_complete9;
static _Thread_local JSObjectRef hp_headers_complete8;

/* ---- strings ---- */

/* Header names and values common enough to keep as JS strings. */
static const char *const hp_common[] = {
    "Host", "host", "Content-Length", "content-length", "Connection", "connection",
    "Content-Type", "content-type", "User-Agent", "user-agent", "Accept", "accept",
    "Accept-Encoding", "accept-encoding", "Accept-Language", "accept-language",
    "Transfer-Encoding", "transfer-encoding", "Cookie", "cookie", "Date", "date",
    "Cache-Control", "cache-control", "Keep-Alive", "keep-alive", "Upgrade", "upgrade",
    "Authorization", "authorization", "Origin", "origin", "Referer", "referer", "Server",
    "server", "Location", "location", "Set-Cookie", "set-cookie", "Expect", "expect",
    "close", "chunked", "*/*", "gzip, deflate", "gzip, deflate, br", "100-continue",
    "text/plain", "text/html", "application/json", "localhost", "OK", "/", "", "0",
};
#define HP_COMMON_COUNT (sizeof(hp_common) / sizeof(hp_common[0]))
static _Thread_local JSValueRef hp_common_values[HP_COMMON_COUNT];
static uint8_t hp_common_len[HP_COMMON_COUNT];

/* The last HP_RECENT distinct short strings made (a client's Host and User-Agent values, a
 * url asked for again and again), kept as JS strings: most requests of a connection repeat
 * them, and making a JS string is the dearest part of handing a header to JS. */
#define HP_RECENT 16
#define HP_RECENT_MAX 64
typedef struct {
    uint8_t len;
    char bytes[HP_RECENT_MAX];
    JSValueRef value; /* protected while cached */
} hp_recent_t;
static _Thread_local hp_recent_t hp_recent[HP_RECENT];
static _Thread_local unsigned hp_recent_next;

static JSValueRef hp_make_string(JSContextRef ctx, const char *s, size_t n);

/* A JS string of latin1 bytes; s[n] must be readable (the store puts a NUL there). */
static JSValueRef hp_string(JSContextRef ctx, const char *s, size_t n) {
    if (n <= 24) {
        for (size_t i = 0; i < HP_COMMON_COUNT; i++) {
            if (hp_common_len[i] == n && memcmp(hp_common[i], s, n) == 0) {
                return hp_common_values[i];
            }
        }
    }
    if (n == 0 || n > HP_RECENT_MAX) {
        return hp_make_string(ctx, s, n);
    }
    for (unsigned i = 0; i < HP_RECENT; i++) {
        if (hp_recent[i].len == n && memcmp(hp_recent[i].bytes, s, n) == 0) {
            return hp_recent[i].value;
        }
    }
    JSValueRef v = hp_make_string(ctx, s, n);
    hp_recent_t *slot = &hp_recent[hp_recent_next];
    hp_recent_next = (hp_recent_next + 1) % HP_RECENT;
    if (slot->value) {
        JSValueUnprotect(ctx, slot->value);
    }
    JSValueProtect(ctx, v);
    slot->value = v;
    slot->len = (uint8_t)n;
    memcpy(slot->bytes, s, n);
    return v;
}

static JSValueRef hp_make_string(JSContextRef ctx, const char *s, size_t n) {
    bool plain = true;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c == 0 || c >= 0x80) {
            plain = false;
            break;
        }
    }
    JSStringRef str;
    if (plain && s[n] == 0) {
        str = JSStringCreateWithUTF8CString(s);
    } else {
        JSChar stackbuf[256];
        JSChar *buf = n <= 256 ? stackbuf : malloc(n * sizeof(JSChar));
        RT_CHECK(buf != NULL);
        for (size_t i = 0; i < n; i++) {
            buf[i] = (uint8_t)s[i];
        }
        str = JSStringCreateWithCharacters(buf, n);
        if (buf != stackbuf) {
            free(buf);
        }
    }
    JSValueRef v = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return v;
}

static bool hp_store(hp_t *hp, const char *s, size_t n, hp_span_t *span) {
    if (hp->store_len + n + 1 > hp->store_cap) {
        size_t cap = hp->store_cap ? hp->store_cap : 1024;
        while (cap < hp->store_len + n + 1) {
            cap *= 2;
        }
        char *nb = realloc(hp->store, cap);
        if (!nb) {
            return false;
        }
        hp->store = nb;
        hp->store_cap = cap;
    }
    if (span->len == 0) {
        span->off = (uint32_t)hp->store_len;
    } else {
        /* appending to the last span (it ends the store) */
        hp->store_len--;
    }
    memcpy(hp->store + hp->store_len, s, n);
    hp->store_len += n;
    hp->store[hp->store_len++] = 0;
    span->len += (uint32_t)n;
    return true;
}

static JSValueRef hp_span_string(JSContextRef ctx, hp_t *hp, hp_span_t span) {
    if (span.len == 0) {
        return hp_common_values[HP_COMMON_COUNT - 2]; /* "" */
    }
    return hp_string(ctx, hp->store + span.off, span.len);
}

static JSObjectRef hp_headers_array(JSContextRef ctx, hp_t *hp) {
    JSValueRef vals[HP_MAX_PAIRS * 2];
    unsigned n = hp->npairs * 2;
    for (unsigned i = 0; i < n; i++) {
        vals[i] = hp_span_string(ctx, hp, hp->pairs[i]);
    }
    return JSObjectMakeArray(ctx, n, vals, NULL);
}

/* ---- calling JS from the parser ---- */

/* Calls this[slot](...args) if it is a function; returns its result, or NULL when it is not
 * a function or threw (the exception is kept and parsing stops). */
static JSValueRef hp_call(hp_t *hp, int slot, size_t argc, const JSValueRef argv[], bool *threw) {
    JSContextRef ctx = hp->ctx;
    *threw = false;
    JSValueRef fn = JSObjectGetPropertyAtIndex(ctx, hp->obj, (unsigned)slot, NULL);
    if (!fn || !JSValueIsObject(ctx, fn) || !JSObjectIsFunction(ctx, (JSObjectRef)fn)) {
        return NULL;
    }
    JSValueRef exc = NULL;
    JSValueRef r = JSObjectCallAsFunction(ctx, (JSObjectRef)fn, hp->obj, argc, argv, &exc);
    if (exc) {
        if (!hp->exception) {
            hp->exception = exc;
            JSValueProtect(ctx, exc);
        }
        *threw = true;
        http_parser_set_error(&hp->p, HPE_USER, "JS Exception");
        return NULL;
    }
    return r;
}

static bool hp_flush(hp_t *hp) {
    JSContextRef ctx = hp->ctx;
    JSValueRef args[2] = {hp_headers_array(ctx, hp), hp_span_string(ctx, hp, hp->url)};
    hp->url.len = 0;
    hp->npairs = 0;
    hp->have_flushed = true;
    bool threw;
    hp_call(hp, HP_ON_HEADERS, 2, args, &threw);
    return !threw;
}

static int hp_on_message_begin(http_parser_t *p) {
    hp_t *hp = p->data;
    hp->url.len = hp->status.len = 0;
    hp->npairs = 0;
    hp->store_len = 0;
    hp->have_flushed = false;
    hp->headers_completed = false;
    hp->msg_start = (double)uv_now(rt_env_get()->loop);
    bool threw;
    hp_call(hp, HP_ON_MESSAGE_BEGIN, 0, NULL, &threw);
    return threw ? -1 : 0;
}

static int hp_on_url(http_parser_t *p, const char *at, size_t len) {
    hp_t *hp = p->data;
    return hp_store(hp, at, len, &hp->url) ? 0 : -1;
}

static int hp_on_status(http_parser_t *p, const char *at, size_t len) {
    hp_t *hp = p->data;
    return hp_store(hp, at, len, &hp->status) ? 0 : -1;
}

static int hp_on_header(http_parser_t *p, const char *name, size_t name_len, const char *value,
                        size_t value_len) {
    hp_t *hp = p->data;
    if (!name) {
        /* obs-fold continuation of the last value (which ends the store) */
        if (hp->npairs == 0) {
            return 0;
        }
        return hp_store(hp, value, value_len, &hp->pairs[hp->npairs * 2 - 1]) ? 0 : -1;
    }
    if (hp->npairs == HP_MAX_PAIRS && !hp_flush(hp)) {
        return -1;
    }
    hp_span_t *pair = &hp->pairs[hp->npairs * 2];
    pair[0].len = pair[1].len = 0;
    if (!hp_store(hp, name, name_len, &pair[0]) || !hp_store(hp, value, value_len, &pair[1])) {
        return -1;
    }
    hp->npairs++;
    return 0;
}

static int hp_on_headers_complete(http_parser_t *p) {
    hp_t *hp = p->data;
    JSContextRef ctx = hp->ctx;
    hp->headers_completed = true;
    bool flushed = hp->have_flushed;
    if (flushed && !hp_flush(hp)) {
        return -1;
    }
    JSValueRef undef = JSValueMakeUndefined(ctx);
    JSValueRef args[9];
    args[0] = JSValueMakeNumber(ctx, p->http_major);
    args[1] = JSValueMakeNumber(ctx, p->http_minor);
    args[2] = flushed ? undef : (JSValueRef)hp_headers_array(ctx, hp);
    if (p->type == HTTP_REQUEST) {
        args[3] = JSValueMakeNumber(ctx, p->method);
        args[4] = flushed ? undef : hp_span_string(ctx, hp, hp->url);
        args[5] = undef;
        args[6] = undef;
    } else {
        args[3] = undef;
        args[4] = undef;
        args[5] = JSValueMakeNumber(ctx, p->status_code);
        args[6] = hp_span_string(ctx, hp, hp->status);
    }
    args[7] = JSValueMakeBoolean(ctx, p->upgrade);
    args[8] = JSValueMakeBoolean(ctx, http_should_keep_alive(p));
    /* Trailers start a new list; the url stays (node passes it with flushed trailers). */
    hp->npairs = 0;
    bool threw = false;
    JSValueRef r;
    JSValueRef fn = JSObjectGetPropertyAtIndex(ctx, hp->obj, HP_ON_HEADERS_COMPLETE, NULL);
    if (fn && hp_headers_complete9 && fn == (JSValueRef)hp_headers_complete9) {
        int flags = (p->upgrade ? 1 : 0) | (http_should_keep_alive(p) ? 2 : 0);
        args[7] = JSValueMakeNumber(ctx, flags);
        JSValueRef e = NULL;
        r = JSObjectCallAsFunction(ctx, hp_headers_complete8, hp->obj, 8, args, &e);
        if (e) {
            if (!hp->exception) {
                hp->exception = e;
                JSValueProtect(ctx, e);
            }
            http_parser_set_error(&hp->p, HPE_USER, "JS Exception");
            threw = true;
        }
    } else {
        r = hp_call(hp, HP_ON_HEADERS_COMPLETE, 9, args, &threw);
    }
    if (threw) {
        return -1;
    }
    if (r && JSValueIsNumber(ctx, r)) {
        double d = rt_num(ctx, r);
        if (d == 1 || d == 2) {
            return (int)d;
        }
    }
    return 0;
}

/* A Buffer holding a copy of len bytes. */
static JSObjectRef hp_buffer(JSContextRef ctx, const char *at, size_t len, JSValueRef *exc) {
    uint8_t *bytes = NULL;
    JSObjectRef buf = rt_uint8array_new(ctx, len, &bytes, exc);
    if (!buf) {
        return NULL;
    }
    if (len) {
        memcpy(bytes, at, len);
    }
    if (!hp_buffer_proto) {
        JSValueRef b = rt_get(ctx, rt_env_get()->global, "Buffer");
        if (JSValueIsObject(ctx, b)) {
            JSValueRef proto = rt_get(ctx, (JSObjectRef)b, "prototype");
            if (JSValueIsObject(ctx, proto)) {
                hp_buffer_proto = (JSObjectRef)proto;
                JSValueProtect(ctx, proto);
            }
        }
    }
    if (hp_buffer_proto) {
        JSObjectSetPrototype(ctx, buf, hp_buffer_proto);
    }
    return buf;
}

static int hp_on_body(http_parser_t *p, const char *at, size_t len) {
    hp_t *hp = p->data;
    JSObjectRef buf = hp_buffer(hp->ctx, at, len, NULL);
    if (!buf) {
        return -1;
    }
    JSValueRef args[1] = {buf};
    bool threw;
    hp_call(hp, HP_ON_BODY, 1, args, &threw);
    return threw ? -1 : 0;
}

static int hp_on_message_complete(http_parser_t *p) {
    hp_t *hp = p->data;
    hp->msg_start = 0;
    if (hp->npairs > 0 && !hp_flush(hp)) {
        return -1;
    }
    bool threw;
    hp_call(hp, HP_ON_MESSAGE_COMPLETE, 0, NULL, &threw);
    return threw ? -1 : 0;
}

static const http_parser_settings_t hp_settings = {
    .on_message_begin = hp_on_message_begin,
    .on_url = hp_on_url,
    .on_status = hp_on_status,
    .on_header = hp_on_header,
    .on_headers_complete = hp_on_headers_complete,
    .on_body = hp_on_body,
    .on_message_complete = hp_on_message_complete,
};

/* ---- the object ---- */

static void hp_finalize(JSObjectRef obj) {
    hp_t *hp = JSObjectGetPrivate(obj);
    if (!hp) {
        return;
    }
    rt_stream_wrap_unconsume(&hp->consumer);
    http_parser_free(&hp->p);
    free(hp->store);
    free(hp->queued);
    free(hp);
}

static hp_t *hp_this(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    hp_t *hp = self && JSValueIsObjectOfClass(ctx, self, hp_class) ? JSObjectGetPrivate(self)
                                                                    : NULL;
    if (!hp) {
        rt_throw_type_error(ctx, exc, "Illegal invocation");
    }
    return hp;
}

static JSObjectRef hp_new(JSContextRef ctx, JSObjectRef ctor, size_t argc,
                          const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = calloc(1, sizeof(*hp));
    RT_CHECK(hp != NULL);
    JSObjectRef obj = JSObjectMake(ctx, hp_class, hp);
    hp->obj = obj;
    hp->p.data = hp;
    return obj;
}

/* initialize(type, resource, maxHeaderSize, lenientFlags) */
static JSValueRef hp_initialize(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    int64_t type = rt_arg_int(ctx, argc, argv, 0);
    if (type != HTTP_REQUEST && type != HTTP_RESPONSE) {
        return rt_throw_type_error(ctx, exc, "Invalid parser type");
    }
    if (hp->in_execute) {
        return rt_throw_type_error(ctx, exc, "Parser is executing");
    }
    int64_t max = rt_arg_int(ctx, argc, argv, 2);
    int64_t lenient = rt_arg_int(ctx, argc, argv, 3);
    if (max < 0 || max > UINT32_MAX) {
        max = 0;
    }
    http_parser_init(&hp->p, (http_type_t)type, &hp_settings, (uint32_t)max,
                     (uint16_t)(lenient & HTTP_LENIENT_ALL));
    hp->p.data = hp;
    hp->initialized = true;
    hp->have_flushed = false;
    hp->headers_completed = false;
    hp->npairs = 0;
    hp->url.len = hp->status.len = 0;
    hp->store_len = 0;
    hp->pending_pause = 0;
    hp->msg_start = 0;
    return JSValueMakeUndefined(ctx);
}

/* The Error node gives for a parse error: message 'Parse Error', bytesParsed, code, reason. */
static JSObjectRef hp_parse_error(JSContextRef ctx, hp_t *hp, size_t parsed) {
    JSValueRef msg = rt_string_from_cstr(ctx, "Parse Error");
    JSObjectRef err = JSObjectMakeError(ctx, 1, &msg, NULL);
    rt_set_num(ctx, err, "bytesParsed", (double)parsed);
    rt_set_str(ctx, err, "code", http_errno_name(hp->p.error));
    rt_set_str(ctx, err, "reason", hp->p.reason ? hp->p.reason : "");
    return err;
}

/* One pass of the parser over data (finish: the end of input); pause()/resume() calls made
 * by callbacks take effect after it. Returns the bytes parsed; *err gets the outcome. */
static size_t hp_pass(hp_t *hp, const char *data, size_t len, bool finish, http_errno_t *err) {
    hp->in_execute = true;
    hp->cur_data = data;
    hp->cur_len = len;
    size_t n = 0;
    if (finish) {
        *err = http_parser_finish(&hp->p);
    } else {
        n = http_parser_execute(&hp->p, data, len);
        *err = hp->p.error;
    }
    hp->in_execute = false;
    if (hp->pending_pause) {
        if (hp->pending_pause > 0) {
            http_parser_pause(&hp->p);
        } else {
            http_parser_resume(&hp->p);
        }
        hp->pending_pause = 0;
    }
    return n;
}

/* Parses the bytes queued by nested execute() calls while the parser can go on (*err is
 * HPE_OK on entry). Returns the bytes parsed of the last queued piece. */
static size_t hp_drain_queue(hp_t *hp, http_errno_t *err) {
    size_t n = 0;
    while (hp->queued_len > 0 && *err == HPE_OK && hp->p.error == HPE_OK && !hp->exception) {
        char *q = hp->queued;
        size_t qn = hp->queued_len;
        hp->queued = NULL;
        hp->queued_len = 0;
        n = hp_pass(hp, q, qn, false, err);
        free(q);
    }
    return n;
}

/* Runs the parser over data: the number of bytes parsed, a parse Error, or NULL with *exc
 * set when a callback threw. A call made from inside a callback of a running one (node
 * allows it) queues its bytes and reports them parsed. */
static JSValueRef hp_run(JSContextRef ctx, hp_t *hp, const char *data, size_t len, bool finish,
                         bool keep_current, JSValueRef *exc) {
    if (hp->in_execute) {
        if (finish) {
            return rt_throw_type_error(ctx, exc, "Parser is already executing");
        }
        if (len > 0) {
            char *grown = realloc(hp->queued, hp->queued_len + len);
            RT_CHECK(grown != NULL);
            memcpy(grown + hp->queued_len, data, len);
            hp->queued = grown;
            hp->queued_len += len;
        }
        return JSValueMakeNumber(ctx, (double)len);
    }
    hp->ctx = ctx;
    http_errno_t err = HPE_OK;
    hp_drain_queue(hp, &err); /* left by a call that ended paused */
    size_t n = 0;
    if (err == HPE_OK) {
        n = hp_pass(hp, data, len, finish, &err);
    }
    bool queued = hp->queued_len > 0;
    size_t qn = hp_drain_queue(hp, &err);
    if (keep_current) {
        hp->cur_data = data;
        hp->cur_len = len;
    } else {
        hp->cur_data = NULL;
        hp->cur_len = 0;
    }
    if (hp->exception) {
        *exc = hp->exception;
        JSValueUnprotect(ctx, hp->exception);
        hp->exception = NULL;
        return NULL;
    }
    if (err == HPE_PAUSED_UPGRADE) {
        http_parser_resume(&hp->p);
        return JSValueMakeNumber(ctx, (double)n);
    }
    if (err != HPE_OK) {
        return hp_parse_error(ctx, hp, queued ? qn : n);
    }
    if (finish) {
        return JSValueMakeUndefined(ctx);
    }
    return JSValueMakeNumber(ctx, (double)n);
}

/* execute(buffer) */
static JSValueRef hp_execute(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    if (!hp->initialized) {
        return rt_throw_type_error(ctx, exc, "Parser is not initialized");
    }
    size_t len = 0;
    uint8_t *data = argc > 0 ? rt_bytes(ctx, argv[0], &len) : NULL;
    if (!data && (argc == 0 || !JSValueIsObject(ctx, argv[0]))) {
        return rt_throw_type_error(ctx, exc, "The \"buffer\" argument must be a Buffer");
    }
    return hp_run(ctx, hp, (const char *)data, len, false, false, exc);
}

static JSValueRef hp_finish(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    if (!hp->initialized) {
        return JSValueMakeUndefined(ctx);
    }
    return hp_run(ctx, hp, NULL, 0, true, false, exc);
}

static JSValueRef hp_pause_or_resume(JSContextRef ctx, JSObjectRef self, JSValueRef *exc,
                                     bool pause) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    if (hp->in_execute) {
        hp->pending_pause = pause ? 1 : -1;
    } else if (pause) {
        http_parser_pause(&hp->p);
    } else {
        http_parser_resume(&hp->p);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef hp_pause(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    return hp_pause_or_resume(ctx, self, exc, true);
}

static JSValueRef hp_resume(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                            const JSValueRef argv[], JSValueRef *exc) {
    return hp_pause_or_resume(ctx, self, exc, false);
}

/* getCurrentBuffer(): a copy of the bytes of the execute call in progress. */
static JSValueRef hp_get_current_buffer(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    JSObjectRef buf = hp_buffer(ctx, hp->cur_data, hp->cur_len, exc);
    return buf;
}

/* ---- consume ---- */

static void hp_release(hp_t *hp) {
    if (hp->protected_obj) {
        hp->protected_obj = false;
        JSValueUnprotect(rt_env_get()->ctx, hp->obj);
    }
}

static void hp_on_detach(rt_stream_consumer_t *c) {
    hp_t *hp = (hp_t *)((char *)c - offsetof(hp_t, consumer));
    hp_release(hp);
}

/* The native function rt_make_callback runs for a consumed read: parses the read and calls
 * kOnExecute(result), all in one callback scope (ticks drain after it, as in node). */
static JSValueRef hp_exec_read(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = self && JSValueIsObjectOfClass(ctx, self, hp_class) ? JSObjectGetPrivate(self)
                                                                    : NULL;
    if (!hp || !hp->initialized) {
        return JSValueMakeUndefined(ctx);
    }
    const char *data = hp->cur_data;
    size_t len = hp->cur_len;
    /* The read stays the current buffer during kOnExecute (getCurrentBuffer gives the bytes
     * after an upgrade, or the raw packet of an error). */
    JSValueRef r = hp_run(ctx, hp, data, len, false, true, exc);
    if (r) {
        JSValueRef cb = JSObjectGetPropertyAtIndex(ctx, hp->obj, HP_ON_EXECUTE, NULL);
        if (cb && JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
            JSValueRef args[2] = {r, JSValueMakeUndefined(ctx)};
            JSObjectCallAsFunction(ctx, (JSObjectRef)cb, hp->obj, 2, args, exc);
        }
    }
    hp->cur_data = NULL;
    hp->cur_len = 0;
    return r ? JSValueMakeUndefined(ctx) : NULL;
}

static void hp_on_read(rt_stream_consumer_t *c, const char *data, size_t len) {
    hp_t *hp = (hp_t *)((char *)c - offsetof(hp_t, consumer));
    rt_env_t *env = rt_env_get();
    /* JS may unconsume (and drop the parser) inside: obj, on this stack, stays a root of the
     * engine's conservative scan for the call. */
    JSObjectRef obj = hp->obj;
    hp->cur_data = data;
    hp->cur_len = len;
    rt_make_callback(env, hp_exec_fn, obj, 0, NULL);
}

/* consume(handle): the handle's reads go to this parser in C. */
static JSValueRef hp_consume(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                             const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    if (hp->consumer.stream) {
        return JSValueMakeUndefined(ctx);
    }
    hp->consumer.on_read = hp_on_read;
    hp->consumer.on_detach = hp_on_detach;
    if (rt_stream_wrap_consume(ctx, rt_arg(ctx, argc, argv, 0), &hp->consumer) != 0) {
        return rt_throw_type_error(ctx, exc, "The handle cannot be consumed");
    }
    if (!hp->protected_obj) {
        hp->protected_obj = true;
        JSValueProtect(ctx, hp->obj);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef hp_unconsume(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    rt_stream_wrap_unconsume(&hp->consumer);
    hp_release(hp);
    return JSValueMakeUndefined(ctx);
}

/* close(): the parser is done (node frees it); free() and remove() have nothing to do here. */
static JSValueRef hp_close(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                           const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    if (!hp) {
        return NULL;
    }
    rt_stream_wrap_unconsume(&hp->consumer);
    hp_release(hp);
    if (!hp->in_execute) {
        hp->initialized = false;
        http_parser_free(&hp->p);
    }
    return JSValueMakeUndefined(ctx);
}

static JSValueRef hp_noop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                          const JSValueRef argv[], JSValueRef *exc) {
    return hp_this(ctx, self, exc) ? JSValueMakeUndefined(ctx) : NULL;
}

static JSValueRef hp_header_count(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                  size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    hp_t *hp = hp_this(ctx, self, exc);
    return hp ? JSValueMakeNumber(ctx, hp->npairs) : NULL;
}

static JSValueRef hp_get_headers_completed(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                           JSValueRef *exc) {
    hp_t *hp = JSObjectGetPrivate(obj);
    return JSValueMakeBoolean(ctx, hp && hp->headers_completed);
}

/* setHeadersCompleteFast(fn9, fn8): see hp_headers_complete9. */
static JSValueRef hp_set_headers_complete_fast(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                               size_t argc, const JSValueRef argv[],
                                               JSValueRef *exc) {
    JSValueRef f9 = rt_arg(ctx, argc, argv, 0);
    JSValueRef f8 = rt_arg(ctx, argc, argv, 1);
    if (!JSValueIsObject(ctx, f9) || !JSObjectIsFunction(ctx, (JSObjectRef)f9) ||
        !JSValueIsObject(ctx, f8) || !JSObjectIsFunction(ctx, (JSObjectRef)f8)) {
        return rt_throw_type_error(ctx, exc, "The callbacks must be functions");
    }
    if (hp_headers_complete9) {
        JSValueUnprotect(ctx, hp_headers_complete9);
        JSValueUnprotect(ctx, hp_headers_complete8);
    }
    hp_headers_complete9 = (JSObjectRef)f9;
    hp_headers_complete8 = (JSObjectRef)f8;
    JSValueProtect(ctx, f9);
    JSValueProtect(ctx, f8);
    return JSValueMakeUndefined(ctx);
}

static const JSStaticFunction hp_methods[] = {
    {"initialize", hp_initialize, RT_FN_ATTRS},
    {"execute", hp_execute, RT_FN_ATTRS},
    {"finish", hp_finish, RT_FN_ATTRS},
    {"pause", hp_pause, RT_FN_ATTRS},
    {"resume", hp_resume, RT_FN_ATTRS},
    {"consume", hp_consume, RT_FN_ATTRS},
    {"unconsume", hp_unconsume, RT_FN_ATTRS},
    {"getCurrentBuffer", hp_get_current_buffer, RT_FN_ATTRS},
    {"close", hp_close, RT_FN_ATTRS},
    {"free", hp_noop, RT_FN_ATTRS},
    {"remove", hp_noop, RT_FN_ATTRS},
    {"headerCount", hp_header_count, RT_FN_ATTRS},
    {0, 0, 0},
};

static JSValueRef hp_get_message_start(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                       JSValueRef *exc) {
    hp_t *hp = JSObjectGetPrivate(obj);
    return JSValueMakeNumber(ctx, hp ? hp->msg_start : 0);
}

static bool hp_set_message_start(JSContextRef ctx, JSObjectRef obj, JSStringRef name,
                                 JSValueRef value, JSValueRef *exc) {
    hp_t *hp = JSObjectGetPrivate(obj);
    double d = JSValueToNumber(ctx, value, exc);
    if (hp) {
        hp->msg_start = d == d ? d : 0;
    }
    return true;
}

static const JSStaticValue hp_values[] = {
    {"headersCompleted", hp_get_headers_completed, NULL,
     kJSPropertyAttributeDontEnum | kJSPropertyAttributeReadOnly},
    {"messageStart", hp_get_message_start, hp_set_message_start, kJSPropertyAttributeDontEnum},
    {0, 0, 0, 0},
};

static JSObjectRef hp_string_array(JSContextRef ctx, const char *const *names, size_t n) {
    JSValueRef vals[HTTP_METHOD_COUNT];
    for (size_t i = 0; i < n; i++) {
        vals[i] = rt_string_from_cstr(ctx, names[i]);
    }
    return JSObjectMakeArray(ctx, n, vals, NULL);
}

void rt_binding_http_parser_init(rt_env_t *env, JSObjectRef target) {
    JSContextRef ctx = env->ctx;
    if (!hp_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "HTTPParser";
        def.finalize = hp_finalize;
        def.staticFunctions = hp_methods;
        def.staticValues = hp_values;
        hp_class = JSClassCreate(&def);
    }
    for (size_t i = 0; i < HP_COMMON_COUNT; i++) {
        hp_common_len[i] = (uint8_t)strlen(hp_common[i]);
        hp_common_values[i] = rt_string_from_cstr(ctx, hp_common[i]);
        JSValueProtect(ctx, hp_common_values[i]);
    }
    JSStringRef exec_name = rt_jsstr("executeRead");
    hp_exec_fn = JSObjectMakeFunctionWithCallback(ctx, exec_name, hp_exec_read);
    JSStringRelease(exec_name);
    JSValueProtect(ctx, hp_exec_fn);

    JSObjectRef ctor = JSObjectMakeConstructor(ctx, hp_class, hp_new);
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"REQUEST", HTTP_REQUEST},
        {"RESPONSE", HTTP_RESPONSE},
        {"kOnMessageBegin", HP_ON_MESSAGE_BEGIN},
        {"kOnHeaders", HP_ON_HEADERS},
        {"kOnHeadersComplete", HP_ON_HEADERS_COMPLETE},
        {"kOnBody", HP_ON_BODY},
        {"kOnMessageComplete", HP_ON_MESSAGE_COMPLETE},
        {"kOnExecute", HP_ON_EXECUTE},
        {"kOnTimeout", HP_ON_TIMEOUT},
        {"kLenientNone", 0},
        {"kLenientHeaders", HTTP_LENIENT_HEADERS},
        {"kLenientChunkedLength", HTTP_LENIENT_CHUNKED_LENGTH},
        {"kLenientKeepAlive", HTTP_LENIENT_KEEP_ALIVE},
        {"kLenientTransferEncoding", HTTP_LENIENT_TRANSFER_ENCODING},
        {"kLenientVersion", HTTP_LENIENT_VERSION},
        {"kLenientDataAfterClose", HTTP_LENIENT_DATA_AFTER_CLOSE},
        {"kLenientOptionalLFAfterCR", HTTP_LENIENT_OPTIONAL_LF_AFTER_CR},
        {"kLenientOptionalCRLFAfterChunk", HTTP_LENIENT_OPTIONAL_CRLF_AFTER_CHUNK},
        {"kLenientOptionalCRBeforeLF", HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF},
        {"kLenientSpacesAfterChunkSize", HTTP_LENIENT_SPACES_AFTER_CHUNK_SIZE},
        {"kLenientAll", HTTP_LENIENT_ALL},
    };
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        rt_set_num(ctx, ctor, constants[i].name, constants[i].value);
    }
    rt_set(ctx, target, "HTTPParser", ctor);
    JSStringRef fast_name = rt_jsstr("setHeadersCompleteFast");
    rt_set(ctx, target, "setHeadersCompleteFast",
           JSObjectMakeFunctionWithCallback(ctx, fast_name, hp_set_headers_complete_fast));
    JSStringRelease(fast_name);
    rt_set(ctx, target, "methods", hp_string_array(ctx, http_method_names, HTTP_METHOD_COUNT));
    rt_set(ctx, target, "allMethods",
           hp_string_array(ctx, http_method_names, HTTP_METHOD_COUNT));
}
