/* test-http-parser.c: src/http/parser.c: messages, framing, keep-alive, upgrades, splits at
 * every byte and the request-smuggling vectors, with node 22's (llhttp's) error codes. */
#include "http/parser.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

/* A trace of the events: "B" begin, "U/x" url, "S OK" status, "Hname=value" header,
 * "C1.1 m1 u0 k1" headers complete, "Dbytes" body (pieces merged), "M" complete. */
typedef struct {
    char out[4096];
    size_t n;
    int hc_result; /* what on_headers_complete returns (-1: 2 for upgrades, else 0) */
    int last_body;
} rec_t;

static void rec_put(rec_t *r, const char *s, size_t n) {
    if (r->n + n + 1 < sizeof(r->out)) {
        memcpy(r->out + r->n, s, n);
        r->n += n;
        r->out[r->n] = 0;
    }
}
static void rec_str(rec_t *r, const char *s) {
    rec_put(r, s, strlen(s));
}
static void rec_ev(rec_t *r, const char *tag) {
    if (r->n) {
        rec_str(r, " ");
    }
    rec_str(r, tag);
    r->last_body = 0;
}

static int rec_begin(http_parser_t *p) {
    rec_ev(p->data, "B");
    return 0;
}
static int rec_url(http_parser_t *p, const char *at, size_t n) {
    rec_ev(p->data, "U");
    rec_put(p->data, at, n);
    return 0;
}
static int rec_status(http_parser_t *p, const char *at, size_t n) {
    rec_ev(p->data, "S");
    rec_put(p->data, at, n);
    return 0;
}
static int rec_header(http_parser_t *p, const char *name, size_t nn, const char *v, size_t vn) {
    rec_t *r = p->data;
    if (name) {
        rec_ev(r, "H");
        rec_put(r, name, nn);
        rec_str(r, "=");
    }
    rec_put(r, v, vn);
    return 0;
}
static int rec_headers_complete(http_parser_t *p) {
    rec_t *r = p->data;
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "C%u.%u m%u s%u u%u k%d", p->http_major, p->http_minor,
             p->method, p->status_code, p->upgrade, http_should_keep_alive(p));
    rec_ev(r, tmp);
    if (r->hc_result < 0) {
        return p->upgrade ? 2 : 0;
    }
    return r->hc_result;
}
static int rec_body(http_parser_t *p, const char *at, size_t n) {
    rec_t *r = p->data;
    if (!r->last_body) {
        rec_ev(r, "D");
        r->last_body = 1;
    }
    rec_put(r, at, n);
    return 0;
}
static int rec_complete(http_parser_t *p) {
    rec_ev(p->data, "M");
    return 0;
}

static const http_parser_settings_t rec_settings = {
    rec_begin, rec_url, rec_status, rec_header, rec_headers_complete, rec_body, rec_complete,
};

/* Parses the pieces of s cut at the given offsets (ascending, ended by 0); appends "E<code>"
 * on an error and "R<n>" with the bytes taken after an upgrade. Returns the error. */
static http_errno_t parse_cuts(rec_t *r, http_type_t type, uint16_t lenient, const char *s,
                               size_t len, const size_t *cuts) {
    http_parser_t p;
    memset(&p, 0, sizeof(p));
    p.data = r;
    http_parser_init(&p, type, &rec_settings, 0, lenient);
    size_t pos = 0;
    http_errno_t err = HPE_OK;
    for (size_t k = 0;; k++) {
        size_t end = cuts && cuts[k] ? cuts[k] : len;
        size_t got = http_parser_execute(&p, s + pos, end - pos);
        if (p.error == HPE_PAUSED_UPGRADE) {
            char tmp[32];
            snprintf(tmp, sizeof(tmp), "R%zu", pos + got);
            rec_ev(r, tmp);
            err = p.error;
            break;
        }
        if (p.error != HPE_OK) {
            err = p.error;
            rec_ev(r, "E");
            rec_str(r, http_errno_name(p.error));
            break;
        }
        CHECK(got == end - pos);
        pos = end;
        if (end == len) {
            break;
        }
    }
    if (err == HPE_OK && http_parser_finish(&p) != HPE_OK) {
        err = p.error;
        rec_ev(r, "F");
        rec_str(r, http_errno_name(p.error));
    }
    http_parser_free(&p);
    return err;
}

static const char *trace(http_type_t type, uint16_t lenient, int hc, const char *s) {
    static rec_t r;
    memset(&r, 0, sizeof(r));
    r.hc_result = hc;
    parse_cuts(&r, type, lenient, s, strlen(s), NULL);
    return r.out;
}

#define REQ(s) trace(HTTP_REQUEST, 0, -1, s)
#define RES(s) trace(HTTP_RESPONSE, 0, 0, s)
#define EXPECT(got, want)                                                                          \
    do {                                                                                           \
        const char *g_ = (got);                                                                    \
        if (strcmp(g_, (want)) != 0) {                                                             \
            fprintf(stderr, "  got:  %s\n  want: %s\n", g_, (want));                              \
        }                                                                                          \
        CHECK(strcmp(g_, (want)) == 0);                                                            \
    } while (0)

TEST(http_parser_requests_and_responses) {
    EXPECT(REQ("GET /a?b HTTP/1.1\r\nHost: x\r\nUser-Agent:  t  \r\n\r\n"),
           "B U/a?b HHost=x HUser-Agent=t C1.1 m1 s0 u0 k1 M");
    EXPECT(REQ("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"),
           "B U/ HContent-Length=5 C1.1 m3 s0 u0 k1 Dhello M");
    EXPECT(REQ("M-SEARCH * HTTP/1.1\r\n\r\n"), "B U* C1.1 m24 s0 u0 k1 M");
    EXPECT(REQ("GET http://a.b:80/x HTTP/1.1\r\n\r\n"), "B Uhttp://a.b:80/x C1.1 m1 s0 u0 k1 M");
    EXPECT(REQ("GET /\r\n"), "B U/ C0.9 m1 s0 u0 k0 M");
    EXPECT(RES("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"),
           "B SOK HContent-Length=2 C1.1 m0 s200 u0 k1 Dhi M");
    EXPECT(RES("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n"),
           "B S HContent-Length=0 C1.1 m0 s404 u0 k1 M");
    /* no length: the body runs to EOF, completed by finish() */
    EXPECT(RES("HTTP/1.1 200 OK\r\n\r\nabc"), "B SOK C1.1 m0 s200 u0 k0 Dabc M");
    /* 1xx, 204 and 304 have no body; a response to HEAD neither (callback returns 1) */
    EXPECT(RES("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No\r\nContent-Length: 5\r\n\r\n"),
           "B SContinue C1.1 m0 s100 u0 k1 M B SNo HContent-Length=5 C1.1 m0 s204 u0 k1 M");
    EXPECT(RES("HTTP/1.1 304 NM\r\n\r\n"), "B SNM C1.1 m0 s304 u0 k1 M");
    EXPECT(trace(HTTP_RESPONSE, 0, 1, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"),
           "B SOK HContent-Length=5 C1.1 m0 s200 u0 k1 M");
    EXPECT(RES("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1 200 OK\r\n"
               "Content-Length: 0\r\n\r\n"),
           "B SOK HContent-Length=1 C1.1 m0 s200 u0 k1 Dx M B SOK HContent-Length=0 C1.1 m0 "
           "s200 u0 k1 M");
    /* incomplete input */
    EXPECT(REQ("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"),
           "B U/ HContent-Length=5 C1.1 m3 s0 u0 k1 Dab FHPE_INVALID_EOF_STATE");
    EXPECT(REQ("GET / HT"), "B FHPE_INVALID_EOF_STATE");
}

TEST(http_parser_chunked_and_trailers) {
    EXPECT(REQ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
               "5;a=b;c=\"d \\\" e\"\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
               "0\r\nX-Sum: 1\r\nY:  2 \r\n\r\n"),
           "B U/ HTransfer-Encoding=chunked C1.1 m3 s0 u0 k1 "
           "Dhelloabcdefghijklmnopqrstuvwxyz HX-Sum=1 HY=2 M");
    EXPECT(REQ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"),
           "B U/ HTransfer-Encoding=gzip, chunked C1.1 m3 s0 u0 k1 Dhi M");
    /* a response whose codings do not end in chunked reads to EOF */
    EXPECT(RES("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n2\r\nhi"),
           "B SOK HTransfer-Encoding=chunked, gzip C1.1 m0 s200 u0 k0 D2\r\nhi M");
    EXPECT(REQ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nab"),
           "B U/ HTransfer-Encoding=chunked C1.1 m3 s0 u0 k1 Dab FHPE_INVALID_EOF_STATE");
}

TEST(http_parser_pipelining_and_keep_alive) {
    EXPECT(REQ("GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
               "\r\nGET /c HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
           "B U/a C1.1 m1 s0 u0 k1 M B U/b HContent-Length=2 C1.1 m3 s0 u0 k1 Dhi M "
           "B U/c HConnection=keep-alive C1.0 m1 s0 u0 k1 M");
    EXPECT(REQ("GET / HTTP/1.0\r\n\r\n"), "B U/ C1.0 m1 s0 u0 k0 M");
    EXPECT(REQ("GET / HTTP/1.1\r\nConnection: foo, Close\r\n\r\n"),
           "B U/ HConnection=foo, Close C1.1 m1 s0 u0 k0 M");
    /* after a message that closes the connection, only CR/LF may follow */
    EXPECT(REQ("GET / HTTP/1.1\r\nConnection: close\r\n\r\n\r\n"),
           "B U/ HConnection=close C1.1 m1 s0 u0 k0 M");
    EXPECT(REQ("GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n"),
           "B U/ HConnection=close C1.1 m1 s0 u0 k0 M EHPE_CLOSED_CONNECTION");
    EXPECT(trace(HTTP_REQUEST, HTTP_LENIENT_KEEP_ALIVE, -1,
                 "GET / HTTP/1.0\r\n\r\nGET /2 HTTP/1.1\r\n\r\n"),
           "B U/ C1.0 m1 s0 u0 k0 M B U/2 C1.1 m1 s0 u0 k1 M");
    EXPECT(RES("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"),
           "B SOK HContent-Length=0 C1.0 m0 s200 u0 k0 M");
    /* garbage after a message fails at once, also when one read brings 32 bytes or more of
     * it (a GET whose body was written anyway: node answers 400 and closes) */
    EXPECT(REQ("GET / HTTP/1.1\r\n\r\nhellohello"), "B U/ C1.1 m1 s0 u0 k1 M B EHPE_INVALID_METHOD");
    EXPECT(REQ("GET / HTTP/1.1\r\n\r\nhellohellohellohellohellohellohellohello"),
           "B U/ C1.1 m1 s0 u0 k1 M B EHPE_INVALID_METHOD");
    EXPECT(REQ("GETXGETXGETXGETXGETXGETXGETXGETXGETXGETX"), "B EHPE_INVALID_METHOD");
    EXPECT(RES("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nXTTP/1.1 200 OK......................."),
           "B SOK HContent-Length=0 C1.1 m0 s200 u0 k1 M B EHPE_INVALID_CONSTANT");
}

TEST(http_parser_upgrade_and_connect) {
    EXPECT(REQ("GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nxyz"),
           "B U/ HConnection=Upgrade HUpgrade=websocket C1.1 m1 s0 u1 k1 M R59");
    EXPECT(REQ("CONNECT a.b:443 HTTP/1.1\r\nHost: a.b:443\r\n\r\nTLS"),
           "B Ua.b:443 HHost=a.b:443 C1.1 m5 s0 u1 k1 M R43");
    /* Upgrade without Connection: upgrade is a plain request */
    EXPECT(REQ("GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n"),
           "B U/ HUpgrade=websocket C1.1 m1 s0 u0 k1 M");
    EXPECT(RES("HTTP/1.1 101 Switching\r\nConnection: upgrade\r\nUpgrade: ws\r\n\r\nraw"),
           "B SSwitching HConnection=upgrade HUpgrade=ws C1.1 m0 s101 u1 k1 M R60");
}

/* Every two-piece split of these streams gives the same events as the whole. */
TEST(http_parser_every_split_point) {
    static const struct {
        http_type_t type;
        const char *s;
    } streams[] = {
        {HTTP_REQUEST, "GET /abc?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"
                       "POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello\r\n"},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "5;ext=\"q\\\"x\";e2=v\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n"
                       "0\r\nTrailer: t\r\n\r\nGET / HTTP/1.0\r\n\r\n"},
        {HTTP_RESPONSE, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 204 No\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: ws\r\n\r\n\x81\x05"},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFoo: a\x01" "b\r\n\r\n"},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"},
    };
    for (size_t k = 0; k < sizeof(streams) / sizeof(streams[0]); k++) {
        const char *s = streams[k].s;
        size_t len = strlen(s);
        rec_t whole;
        memset(&whole, 0, sizeof(whole));
        whole.hc_result = -1;
        http_errno_t e = parse_cuts(&whole, streams[k].type, 0, s, len, NULL);
        CHECK(whole.n > 0);
        for (size_t cut = 1; cut < len; cut++) {
            rec_t r;
            memset(&r, 0, sizeof(r));
            r.hc_result = -1;
            size_t cuts[2] = {cut, 0};
            http_errno_t e2 = parse_cuts(&r, streams[k].type, 0, s, len, cuts);
            CHECK(e2 == e);
            if (strcmp(r.out, whole.out) != 0) {
                fprintf(stderr, "  stream %zu cut %zu:\n  %s\n  %s\n", k, cut, r.out, whole.out);
                CHECK(0);
            }
        }
        /* and one byte at a time */
        size_t *cuts = calloc(len + 1, sizeof(size_t));
        for (size_t i = 1; i < len; i++) {
            cuts[i - 1] = i;
        }
        rec_t r;
        memset(&r, 0, sizeof(r));
        r.hc_result = -1;
        CHECK(parse_cuts(&r, streams[k].type, 0, s, len, cuts) == e);
        CHECK(strcmp(r.out, whole.out) == 0);
        free(cuts);
    }
}

/* Each vector and the code node 22 gives it (checked against node's llhttp). */
TEST(http_parser_smuggling_vectors) {
    static const struct {
        http_type_t type;
        const char *s;
        http_errno_t want;
    } vectors[] = {
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
         HPE_INVALID_TRANSFER_ENCODING},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
         HPE_INVALID_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
         HPE_UNEXPECTED_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n",
         HPE_UNEXPECTED_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\n",
         HPE_INVALID_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", HPE_INVALID_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\n", HPE_INVALID_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length:\r\n\r\n", HPE_INVALID_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n",
         HPE_INVALID_CONTENT_LENGTH},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
         HPE_INVALID_TRANSFER_ENCODING},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n",
         HPE_INVALID_TRANSFER_ENCODING},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                       "Transfer-Encoding: gzip\r\n\r\n",
         HPE_INVALID_TRANSFER_ENCODING},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunkedx\r\n\r\n",
         HPE_INVALID_TRANSFER_ENCODING},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding:\r\n\r\n",
         HPE_INVALID_TRANSFER_ENCODING},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "FFFFFFFFFFFFFFFFF\r\n",
         HPE_INVALID_CHUNK_SIZE},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3x\r\nabc\r\n",
         HPE_INVALID_CHUNK_SIZE},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n",
         HPE_INVALID_CHUNK_SIZE},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n",
         HPE_INVALID_CHUNK_SIZE},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a\rb\r\nabc\r\n",
         HPE_STRICT},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a b\r\nabc\r\n",
         HPE_STRICT},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n",
         HPE_STRICT},
        {HTTP_REQUEST, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n",
         HPE_CR_EXPECTED},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFoo: a\r\n b\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFoo: a\0b\r\n\r\n", HPE_OK}, /* see below */
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFoo: a\x01" "b\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFoo: a\x7f" "b\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFoo : a\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nContent-Length : 1\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nFo(o: a\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\n: a\r\n\r\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\n Foo: a\r\n\r\n", HPE_UNEXPECTED_SPACE},
        {HTTP_REQUEST, "GET / HTTP/1.1\rHost: a\r\n\r\n", HPE_STRICT},
        {HTTP_REQUEST, "GET /a\rb HTTP/1.1\r\n\r\n", HPE_INVALID_URL},
        {HTTP_REQUEST, "GET / HTTP/1.1\nHost: a\n\n", HPE_INVALID_VERSION},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nHost: a\n\r\n", HPE_CR_EXPECTED},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nHost: a\r\n\n", HPE_INVALID_HEADER_TOKEN},
        {HTTP_REQUEST, "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", HPE_LF_EXPECTED},
        {HTTP_RESPONSE, "HTTP/1.1 200 OK\nContent-Length: 0\n\n", HPE_CR_EXPECTED},
        {HTTP_REQUEST, "GET /\x7f HTTP/1.1\r\n\r\n", HPE_INVALID_URL},
        {HTTP_REQUEST, "GET /\t HTTP/1.1\r\n\r\n", HPE_INVALID_URL},
        {HTTP_REQUEST, "FOO / HTTP/1.1\r\n\r\n", HPE_INVALID_METHOD},
        {HTTP_REQUEST, "get / HTTP/1.1\r\n\r\n", HPE_INVALID_METHOD},
        {HTTP_REQUEST, "GET\t/ HTTP/1.1\r\n\r\n", HPE_INVALID_METHOD},
        {HTTP_REQUEST, "GET / HTTP/1.2\r\n\r\n", HPE_INVALID_VERSION},
        {HTTP_REQUEST, "GET / HTTP/11.1\r\n\r\n", HPE_INVALID_VERSION},
        {HTTP_REQUEST, "GET / HTTX/1.1\r\n\r\n", HPE_INVALID_CONSTANT},
        {HTTP_REQUEST, "DESCRIBE / HTTP/1.1\r\n\r\n", HPE_INVALID_CONSTANT},
        {HTTP_RESPONSE, "HTTP/1.1 2x0 OK\r\n\r\n", HPE_INVALID_STATUS},
        {HTTP_RESPONSE, "HTTP/1.1 2000 OK\r\n\r\n", HPE_INVALID_STATUS},
        {HTTP_RESPONSE, "HTTP/1.1 200 OK\rX\r\n\r\n", HPE_STRICT},
        {HTTP_REQUEST, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", HPE_PAUSED_H2_UPGRADE},
    };
    for (size_t k = 0; k < sizeof(vectors) / sizeof(vectors[0]); k++) {
        rec_t r;
        memset(&r, 0, sizeof(r));
        const char *s = vectors[k].s;
        /* the NUL vector is measured with its real length */
        size_t len = strlen(s);
        http_errno_t want = vectors[k].want;
        if (want == HPE_OK) {
            len = strlen(s) + 1 + strlen(s + strlen(s) + 1);
            want = HPE_INVALID_HEADER_TOKEN;
        }
        http_errno_t got = parse_cuts(&r, vectors[k].type, 0, s, len, NULL);
        if (got != want) {
            fprintf(stderr, "  vector %zu: got %s, want %s\n", k, http_errno_name(got),
                    http_errno_name(want));
        }
        CHECK(got == want);
    }
    /* lenient flags */
    EXPECT(trace(HTTP_REQUEST, HTTP_LENIENT_HEADERS, -1, "GET / HTTP/1.1\r\nFoo: a\r\n b\r\n\r\n"),
           "B U/ HFoo=a b C1.1 m1 s0 u0 k1 M");
    EXPECT(trace(HTTP_REQUEST, HTTP_LENIENT_HEADERS, -1, "GET / HTTP/1.1\r\nFoo: a\x01\r\n\r\n"),
           "B U/ HFoo=a\x01 C1.1 m1 s0 u0 k1 M");
    EXPECT(trace(HTTP_REQUEST, HTTP_LENIENT_CHUNKED_LENGTH, -1,
                 "POST / HTTP/1.1\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "1\r\na\r\n0\r\n\r\n"),
           "B U/ HContent-Length=9 HTransfer-Encoding=chunked C1.1 m3 s0 u0 k1 Da M");
    EXPECT(trace(HTTP_REQUEST, HTTP_LENIENT_OPTIONAL_CR_BEFORE_LF, -1, "GET / HTTP/1.1\nA: b\n\n"),
           "B U/ HA=b C1.1 m1 s0 u0 k1 M");
}

TEST(http_parser_header_limit) {
    /* node counts url, names and values and fails at >= maxHeaderSize */
    char *s = malloc(20000);
    for (int extra = 0; extra < 2; extra++) {
        /* "/" + "X" + value: 16383 bytes is fine, 16384 is not */
        size_t vlen = 16384 - 2 - 1 + (size_t)extra;
        strcpy(s, "GET / HTTP/1.1\r\nX: ");
        size_t n = strlen(s);
        memset(s + n, 'v', vlen);
        strcpy(s + n + vlen, "\r\n\r\n");
        for (int split = 0; split < 2; split++) {
            rec_t r;
            memset(&r, 0, sizeof(r));
            size_t cuts[2] = {n + 100, 0};
            http_errno_t e = parse_cuts(&r, HTTP_REQUEST, 0, s, strlen(s), split ? cuts : NULL);
            CHECK(e == (extra ? HPE_HEADER_OVERFLOW : HPE_OK));
        }
    }
    /* a line that never ends is bounded too */
    memset(s, 'a', 19999);
    memcpy(s, "GET /", 5);
    http_parser_t p;
    memset(&p, 0, sizeof(p));
    rec_t r;
    memset(&r, 0, sizeof(r));
    p.data = &r;
    http_parser_init(&p, HTTP_REQUEST, &rec_settings, 0, 0);
    for (size_t i = 0; i < 19999 && p.error == HPE_OK; i += 1000) {
        http_parser_execute(&p, s + i, 1000);
    }
    CHECK(p.error == HPE_HEADER_OVERFLOW);
    CHECK(p.buf_cap <= 32768);
    http_parser_free(&p);
    free(s);
}
