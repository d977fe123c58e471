/* parser.h: an incremental, zero-copy HTTP/1.1 request and response parser (pure C). */
#ifndef CAIRN_HTTP_PARSER_H
#define CAIRN_HTTP_PARSER_H

#include <stddef.h>
#include <stdint.h>

/* Error codes, numbered as llhttp's (the names are node's `err.code`); the last two are the
 * limits node adds on top of llhttp. */
#define HTTP_ERRNO_MAP(V)                                                                          \
    V(0, OK)                                                                                       \
    V(1, INTERNAL)                                                                                 \
    V(2, STRICT)                                                                                   \
    V(3, LF_EXPECTED)                                                                              \
    V(4, UNEXPECTED_CONTENT_LENGTH)                                                                \
    V(5, CLOSED_CONNECTION)                                                                        \
    V(6, INVALID_METHOD)                                                                           \
    V(7, INVALID_URL)                                                                              \
    V(8, INVALID_CONSTANT)                                                                         \
    V(9, INVALID_VERSION)                                                                          \
    V(10, INVALID_HEADER_TOKEN)                                                                    \
    V(11, INVALID_CONTENT_LENGTH)                                                                  \
    V(12, INVALID_CHUNK_SIZE)                                                                      \
    V(13, INVALID_STATUS)                                                                          \
    V(14, INVALID_EOF_STATE)                                                                       \
    V(15, INVALID_TRANSFER_ENCODING)                                                               \
    V(16, CB_MESSAGE_BEGIN)                                                                        \
    V(17, CB_HEADERS_COMPLETE)                                                                     \
    V(18, CB_MESSAGE_COMPLETE)                                                                     \
    V(21, PAUSED)                                                                                  \
    V(22, PAUSED_UPGRADE)                                                                          \
    V(23, PAUSED_H2_UPGRADE)                                                                       \
    V(24, USER)                                                                                    \
    V(25, CR_EXPECTED)                                                                             \
    V(30, UNEXPECTED_SPACE)                                                                        \
    V(100, HEADER_OVERFLOW)                                                                        \
    V(101, CHUNK_EXTENSIONS_OVERFLOW)

typedef enum {
#define HTTP_ERRNO_ENUM(n, name) HPE_##name = n,
    HTTP_ERRNO_MAP(HTTP_ERRNO_ENUM)
#undef HTTP_ERRNO_ENUM
} http_errno_t;

typedef enum { HTTP_REQUEST = 1, HTTP_RESPONSE = 2 } http_type_t;

/* Lenient flags, with node's values (HTTPParser.kLenient*). */
enum {
    HTTP_LENIENT_HEADERS = 1,             /* CTLs in values, obs-fold, space before a header */
    HTTP_LENIENT_CHUNKED_LENGTH = 2,      /* Content-Length together with Transfer-Encoding */
    HTTP_LENIENT_KEEP_ALIVE = 4,          /* parse on after a non-keep-alive message */
    HTTP_LENIENT_TRANSFER_ENCODING = 8,   /* `chunked` not last in a request's TE */
    HTTP_LENIENT_VERSION = 16,            /* any digit.digit version */
    HTTP_LENIENT_DATA_AFTER_CLOSE = 32,   /* ignore data after a non-keep-alive message */
    HTTP_LENIENT_OPTIONAL_LF_AFTER_CR = 64,
    HTTP_LENIENT_OPTIONAL_CRLF_AFTER_CHUNK = 128,
    HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF = 256,
    HTTP_LENIENT_SPACES_AFTER_CHUNK_SIZE = 512,
    HTTP_LENIENT_ALL = 1023,
};

/* Method ids: the index into http_method_names (node's `methods`/`allMethods` order). Ids
 * from HTTP_METHOD_COUNT up are RTSP methods and PRI, accepted only where llhttp does. */
enum { HTTP_METHOD_CONNECT = 5, HTTP_METHOD_HEAD = 2, HTTP_METHOD_COUNT = 35 };
extern const char *const http_method_names[HTTP_METHOD_COUNT];

typedef struct http_parser http_parser_t;

/* Callbacks. Each returns 0 to go on; anything else stops execute() with HPE_USER (a callback
 * may set its own code and reason first with http_parser_set_error). Spans point into the
 * buffer given to execute() or, when a token was split across calls, into the parser's own
 * buffer: either way they are valid only during the callback. Any callback may be NULL. */
typedef struct {
    int (*on_message_begin)(http_parser_t *p);
    /* The whole request target (requests) or reason phrase (responses), once. */
    int (*on_url)(http_parser_t *p, const char *at, size_t len);
    int (*on_status)(http_parser_t *p, const char *at, size_t len);
    /* One complete header (or trailer) field: name as sent, value without surrounding OWS.
     * name == NULL: an obs-fold continuation (lenient only) to append to the last value. */
    int (*on_header)(http_parser_t *p, const char *name, size_t name_len, const char *value,
                     size_t value_len);
    /* Returns 0 (normal), 1 (no body: response to HEAD), 2 (no body, upgrade: stop) or a
     * negative number (error HPE_CB_HEADERS_COMPLETE). */
    int (*on_headers_complete)(http_parser_t *p);
    int (*on_body)(http_parser_t *p, const char *at, size_t len);
    int (*on_message_complete)(http_parser_t *p);
} http_parser_settings_t;

/* The parser state: a fixed-size struct (embed it anywhere) plus one buffer for tokens split
 * across execute() calls, allocated on first need, reused, bounded by max_header_size. The
 * fields below the line are private. */
struct http_parser {
    void *data; /* for the caller */
    const http_parser_settings_t *settings;
    /* The current message, valid from on_headers_complete on. */
    uint8_t http_major;
    uint8_t http_minor;
    uint8_t method;        /* requests: an index into http_method_names (or above) */
    uint8_t upgrade;       /* Upgrade/CONNECT */
    uint16_t status_code;  /* responses */
    uint16_t flags;
    uint64_t content_length;
    http_errno_t error;
    const char *reason;    /* static text, llhttp's wording */
    size_t error_pos;      /* bytes of the failing execute() call parsed before the error */
    /* ---- private ---- */
    uint8_t type;
    uint8_t state;
    uint8_t in_trailers;
    uint8_t paused;
    uint8_t skip_lf;
    uint8_t fold_ws_len;
    uint8_t last_value_empty;
    uint8_t after_header; /* a header line was the last line (obs-fold may follow) */
    uint16_t lenient;
    uint32_t max_header_size;
    uint32_t header_bytes; /* counted like node: url, status, names and values */
    uint32_t ext_bytes;    /* chunk extension bytes of the current chunk */
    char fold_ws[14];
    char *buf;             /* the partial line */
    size_t buf_len;
    size_t buf_cap;
    const char *cur;       /* the execute() buffer */
};

/* Sets p up for a stream of messages of `type`. max_header_size 0 means 16384. Keeps p's
 * buffer if it has one (re-initializing is cheap). */
void http_parser_init(http_parser_t *p, http_type_t type, const http_parser_settings_t *settings,
                      uint32_t max_header_size, uint16_t lenient);
/* Frees the parser's buffer (p itself belongs to the caller). */
void http_parser_free(http_parser_t *p);
/* Parses len bytes. Returns the bytes consumed: len, or less when p->error is set
 * (p->error_pos then). HPE_PAUSED_UPGRADE: the message before the upgrade is complete and the
 * rest of data belongs to the new protocol; the parser is ready for a new message. Once an
 * error is set, execute() consumes nothing until http_parser_init. */
size_t http_parser_execute(http_parser_t *p, const char *data, size_t len);
/* Signals the end of the input. Completes a body that runs to EOF. Returns HPE_OK or
 * HPE_INVALID_EOF_STATE (with p->error/reason set) when a message was cut short. */
http_errno_t http_parser_finish(http_parser_t *p);
/* From a callback: stop execute() after this callback with HPE_PAUSED; outside execute(): the
 * next execute() returns 0 with HPE_PAUSED. http_parser_resume clears it. */
void http_parser_pause(http_parser_t *p);
void http_parser_resume(http_parser_t *p);
/* Sets the error code and reason a failing callback reports. */
void http_parser_set_error(http_parser_t *p, http_errno_t err, const char *reason);
/* Per HTTP version and Connection, whether the connection stays open after this message. */
int http_should_keep_alive(const http_parser_t *p);
/* "HPE_INVALID_METHOD" etc. */
const char *http_errno_name(http_errno_t err);

#endif
