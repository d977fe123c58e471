/* test-url.c: src/url: the WHATWG URL parser on fixed inputs (special and opaque URLs, relative
 * resolution, file URLs and drive letters, hosts, percent-encoding sets), the component
 * offsets, the setters and domain to ASCII/Unicode. */
#include "test.h"
#include "url/url.h"

#include <string.h>

static url_parser_t tp;

/* Parses input (against base, or none) and returns the href, or "FAIL". */
static const char *parse(const char *input, const char *base) {
    static char out[1024];
    int rc = url_parse(&tp, input, strlen(input), base, base ? strlen(base) : 0);
    if (rc != URL_OK) {
        return "FAIL";
    }
    size_t n = tp.href.len < sizeof(out) - 1 ? tp.href.len : sizeof(out) - 1;
    memcpy(out, tp.href.p, n);
    out[n] = 0;
    return out;
}

/* Applies a setter to href and returns the new href ("FAIL" when href does not parse). */
static const char *set(const char *href, url_setter_t which, const char *value) {
    static char out[1024];
    url_set(&tp, href, strlen(href), which, value, strlen(value));
    if (tp.href.len == 0) {
        return "FAIL";
    }
    size_t n = tp.href.len < sizeof(out) - 1 ? tp.href.len : sizeof(out) - 1;
    memcpy(out, tp.href.p, n);
    out[n] = 0;
    return out;
}

#define EQ(a, b) CHECK(strcmp((a), (b)) == 0)

TEST(url_parse_special_and_opaque) {
    EQ(parse("HTTP://User:Pa ss@EXAMPLE.com:80/a/../b/./c?q r#f g", NULL),
       "http://User:Pa%20ss@example.com/b/c?q%20r#f%20g");
    EQ(parse("  https://example.com:0443/\t\n ", NULL), "https://example.com/");
    EQ(parse("https://example.com:0081/", NULL), "https://example.com:81/");
    EQ(parse("https://example.com:65536/", NULL), "FAIL");
    EQ(parse("https://@example.com/", NULL), "https://example.com/");
    EQ(parse("https://a@b@c/", NULL), "https://a%40b@c/");
    EQ(parse("https:/\\/example.com", NULL), "https://example.com/");
    EQ(parse("mailto:someone@example.com", NULL), "mailto:someone@example.com");
    EQ(parse("sc:opaque  ?q", NULL), "sc:opaque %20?q");
    EQ(parse("sc://h/p?a'b", NULL), "sc://h/p?a'b");
    EQ(parse("http://h/p?a'b", NULL), "http://h/p?a%27b");
    EQ(parse("http://h/^`{}", NULL), "http://h/%5E%60%7B%7D");
    EQ(parse("web+demo:/.//not-a-host/", NULL), "web+demo:/.//not-a-host/");
    EQ(parse("sc://ñ/", NULL), "sc://%C3%B1/");
    EQ(parse("sc://a b/", NULL), "FAIL");
    EQ(parse("", NULL), "FAIL");
    EQ(parse("http://", NULL), "FAIL");
    EQ(parse("http://h/\xe2\x82\xac", NULL), "http://h/%E2%82%AC");
}

TEST(url_parse_relative) {
    const char *base = "http://u:p@h:8/a/b/c?q#f";
    EQ(parse("d", base), "http://u:p@h:8/a/b/d");
    EQ(parse("../d", base), "http://u:p@h:8/a/d");
    EQ(parse("/d", base), "http://u:p@h:8/d");
    EQ(parse("//x/y", base), "http://x/y");
    EQ(parse("?z", base), "http://u:p@h:8/a/b/c?z");
    EQ(parse("#z", base), "http://u:p@h:8/a/b/c?q#z");
    EQ(parse("", base), "http://u:p@h:8/a/b/c?q");
    EQ(parse("https:x", base), "https://x/");
    EQ(parse("http:x", base), "http://u:p@h:8/a/b/x");
    EQ(parse("#x", "sc:opaque"), "sc:opaque#x");
    EQ(parse("x", "sc:opaque"), "FAIL");
    EQ(parse("x", "not a url"), "FAIL");
    EQ(parse("..", "sc://h/a/b"), "sc://h/");
}

TEST(url_parse_file) {
    EQ(parse("file:///C|/x", NULL), "file:///C:/x");
    EQ(parse("file://localhost/x", NULL), "file:///x");
    EQ(parse("file:c:\\x\\..\\..\\y", NULL), "file:///c:/y");
    EQ(parse("/d", "file:///C:/a/b"), "file:///C:/d");
    EQ(parse("..", "file:///C:/"), "file:///C:/");
    EQ(parse("?x", "file:///a/b"), "file:///a/b?x");
    EQ(parse("file://host/share", NULL), "file://host/share");
    EQ(parse("file://user@host/", NULL), "FAIL");
    EQ(parse("file:", NULL), "file:///");
}

TEST(url_parse_hosts) {
    EQ(parse("http://0x7f.1/", NULL), "http://127.0.0.1/");
    EQ(parse("http://4294967295/", NULL), "http://255.255.255.255/");
    EQ(parse("http://4294967296/", NULL), "FAIL");
    EQ(parse("http://1.2.3.4.5/", NULL), "FAIL");
    EQ(parse("http://1.2.3.09/", NULL), "FAIL");
    EQ(parse("http://foo.09/", NULL), "FAIL");
    EQ(parse("http://09.foo/", NULL), "http://09.foo/");
    EQ(parse("http://[0:0:0:0:0:0:0:1]/", NULL), "http://[::1]/");
    EQ(parse("http://[1:0:0:2:0:0:0:3]/", NULL), "http://[1:0:0:2::3]/");
    EQ(parse("http://[::ffff:1.2.3.4]/", NULL), "http://[::ffff:102:304]/");
    EQ(parse("http://[::1::]/", NULL), "FAIL");
    EQ(parse("http://[1:2:3:4:5:6:7:8:9]/", NULL), "FAIL");
    EQ(parse("http://%41.com/", NULL), "http://a.com/");
    EQ(parse("http://a%00b/", NULL), "FAIL");
    EQ(parse("http://a<b/", NULL), "FAIL");
    EQ(parse("http://1%00\xc3\xa9/", NULL), "FAIL"); /* ICU would drop the NUL */
    EQ(parse("http://Bücher.example/", NULL), "http://xn--bcher-kva.example/");
    EQ(parse("http://faß.de/", NULL), "http://xn--fa-hia.de/");
    EQ(parse("http://\xef\xbc\xa1.com/", NULL), "http://a.com/"); /* fullwidth A */
    EQ(parse("http://\xef\xb7\x90/", NULL), "FAIL");                /* U+FDD0 */
    EQ(parse("http://ex\xe1\xba\x9e.com/", NULL), "http://xn--ex-hia.com/"); /* U+1E9E -> ß */
    EQ(parse("http://\xe1\x82\xa0.com/", NULL), "http://xn--rkj.com/"); /* Georgian capital */
    EQ(parse("http://a\xc2\xad" "b/", NULL), "http://ab/");              /* soft hyphen */
    EQ(parse("http://\xff/", NULL), "FAIL");                            /* not UTF-8 */
    EQ(parse("http://<\xcc\xb8/", NULL), "http://xn--gdh/"); /* '<' + U+0338 is U+226E */
    EQ(parse("http://a<b/", NULL), "FAIL");
    EQ(parse("http://1%00\xc3\xa9/", NULL), "FAIL"); /* ICU would drop the NUL */
    /* ASCII "xn--" labels: the standard only lowercases them; node 22 checks them */
    EQ(parse("http://XN--A/", NULL), "http://xn--a/");
    tp.check_ascii_punycode = true;
    EQ(parse("http://xn--a/", NULL), "FAIL");
    EQ(parse("http://xn--bcher-kva.example/", NULL), "http://xn--bcher-kva.example/");
    tp.check_ascii_punycode = false;
}

TEST(url_components) {
    EQ(parse("https://user:pw@example.com:8080/a/b?q=1#h", NULL),
       "https://user:pw@example.com:8080/a/b?q=1#h");
    const url_components_t *k = &tp.comp;
    CHECK(k->protocol_end == 6 && k->username_end == 12 && k->host_start == 15);
    CHECK(k->host_end == 27 && k->port == 8080 && k->pathname_start == 32);
    CHECK(k->search_start == 36 && k->hash_start == 40 && k->scheme_type == URL_SCHEME_HTTPS);
    EQ(parse("sc:x", NULL), "sc:x");
    CHECK(k->host_start == 3 && k->host_end == 3 && k->pathname_start == 3);
    CHECK(k->port == URL_OMITTED && k->search_start == URL_OMITTED && k->hash_start == URL_OMITTED);
    CHECK(k->scheme_type == URL_SCHEME_NOT_SPECIAL);
    EQ(parse("web+demo:/.//p", NULL), "web+demo:/.//p");
    CHECK(k->pathname_start == 11);
}

TEST(url_setters) {
    EQ(set("http://h/", URL_SET_PROTOCOL, "https"), "https://h/");
    EQ(set("http://h:443/", URL_SET_PROTOCOL, "https"), "https://h/");
    EQ(set("http://h/", URL_SET_PROTOCOL, "sc"), "http://h/");
    EQ(set("file:///x", URL_SET_PROTOCOL, "http"), "file:///x");
    EQ(set("http://h/", URL_SET_USERNAME, "a b:@"), "http://a%20b%3A%40@h/");
    EQ(set("http://h/", URL_SET_PASSWORD, "p"), "http://:p@h/");
    EQ(set("file:///x", URL_SET_USERNAME, "u"), "file:///x");
    EQ(set("http://h/p", URL_SET_HOST, "x:81"), "http://x:81/p");
    EQ(set("http://h/p", URL_SET_HOST, "example.com:65536"), "http://example.com/p");
    EQ(set("http://h/p", URL_SET_HOSTNAME, "x:81"), "http://h/p");
    EQ(set("http://h/p", URL_SET_HOSTNAME, ""), "http://h/p");
    EQ(set("sc:opaque", URL_SET_HOST, "x"), "sc:opaque");
    EQ(set("http://h/", URL_SET_PORT, "8080abc"), "http://h:8080/");
    EQ(set("http://h:1/", URL_SET_PORT, ""), "http://h/");
    EQ(set("http://h:1/", URL_SET_PORT, "x"), "http://h:1/");
    EQ(set("http://h/a", URL_SET_PATHNAME, "b c/../d?#"), "http://h/d%3F%23");
    EQ(set("sc:/a", URL_SET_PATHNAME, ""), "sc:/");
    EQ(set("http://h/?x#y", URL_SET_SEARCH, "?a #b"), "http://h/?a%20%23b#y");
    EQ(set("http://h/?x#y", URL_SET_SEARCH, ""), "http://h/#y");
    EQ(set("http://h/#y", URL_SET_HASH, "#a b"), "http://h/#a%20b");
    EQ(set("sc:space  #f", URL_SET_HASH, ""), "sc:space %20");
    EQ(set("http://h/", URL_SET_HREF, "sc:x"), "sc:x");
    CHECK(url_set(&tp, "http://h/", 9, URL_SET_HREF, "::", 2) == URL_FAILURE);
    EQ(set("not a url", URL_SET_HASH, "x"), "FAIL");
}

TEST(url_domain_to_unicode) {
    url_str_t out = {0};
    CHECK(url_domain_to_unicode("xn--bcher-kva.example", 21, &out) == URL_OK);
    CHECK(out.len == 15 && memcmp(out.p, "b\xc3\xbc" "cher.example", 15) == 0);
    CHECK(url_domain_to_unicode("xn--99999999999.xn--.b", 22, &out) == URL_OK);
    CHECK(out.len == 22 && memcmp(out.p, "xn--99999999999.xn--.b", 22) == 0);
    CHECK(url_domain_to_unicode("", 0, &out) == URL_OK && out.len == 0);
    url__str_free(&out);
}

TEST(url_parser_reuse_and_free) {
    for (int i = 0; i < 1000; i++) {
        parse(i % 2 ? "https://example.com/a/b/c?d#e" : "http://\xc3\xa9.x/", NULL);
    }
    EQ(parse("http://a/", NULL), "http://a/");
    url_parser_free(&tp);
    url_parser_init(&tp);
    EQ(parse("http://a/", NULL), "http://a/");
    url_parser_free(&tp);
}
