/* url.c: the `url` internal binding, the WHATWG URL parser of src/url for lib/internal/url.js:
 * parse, canParse, update (setters), domainToASCII/Unicode and format. Results are the href
 * string plus component offsets written to one shared Uint32Array (`urlComponents`). */
#include "rt/rt.h"
#include "url/url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per thread (workers have their own): the reused parser and conversion buffers. */
typedef struct {
    url_parser_t p;
    char *in[2];
    size_t in_cap[2];
    uint16_t *u16;
    size_t u16_cap;
    uint32_t *components; /* the shared Uint32Array's bytes (9 entries) */
} url_state_t;

static _Thread_local url_state_t url_st;

/* Node 22 checks the "xn--" labels of ASCII domains ("https://xn--a/" is invalid), and node's
 * own tests (test-whatwg-url-custom-parsing, test-whatwg-url-toascii) expect that; the current
 * URL Standard (and WPT since 2025) only lowercases ASCII domains. Build with
 * -DURL_NODE22_PUNYCODE=0 for the standard's behaviour. */
#ifndef URL_NODE22_PUNYCODE
#define URL_NODE22_PUNYCODE 1
#endif

/* ToString(v) as UTF-8 (lone surrogates become U+FFFD) into url_st.in[slot]. */
static bool url_arg_utf8(JSContextRef ctx, JSValueRef v, int slot, size_t *len, JSValueRef *exc) {
    JSStringRef s = JSValueToStringCopy(ctx, v, exc);
    if (!s) {
        return false;
    }
    size_t n = JSStringGetLength(s);
    const JSChar *chars = JSStringGetCharactersPtr(s);
    size_t need = n * 3 + 1;
    if (need > url_st.in_cap[slot]) {
        size_t cap = need < 256 ? 256 : need;
        char *np = realloc(url_st.in[slot], cap);
        if (!np) {
            JSStringRelease(s);
            rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                          "Failed to allocate memory");
            return false;
        }
        url_st.in[slot] = np;
        url_st.in_cap[slot] = cap;
    }
    char *o = url_st.in[slot];
    size_t i = 0;
    while (i < n && chars[i] < 0x80) {
        o[i] = (char)chars[i];
        i++;
    }
    size_t m = i;
    if (i < n) {
        m += rt_utf16_to_utf8(chars + i, n - i, o + i);
    }
    JSStringRelease(s);
    *len = m;
    return true;
}

/* A JS string from ASCII bytes. */
static JSValueRef url_ascii_string(JSContextRef ctx, const char *s, size_t n) {
    if (n > url_st.u16_cap) {
        size_t cap = n < 256 ? 256 : n * 2;
        uint16_t *np = realloc(url_st.u16, cap * sizeof(uint16_t));
        if (!np) {
            return rt_string_from_utf8(ctx, s, n);
        }
        url_st.u16 = np;
        url_st.u16_cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        url_st.u16[i] = (unsigned char)s[i];
    }
    JSStringRef str = JSStringCreateWithCharacters(url_st.u16, n);
    JSValueRef v = JSValueMakeString(ctx, str);
    JSStringRelease(str);
    return v;
}

static JSValueRef url_oom(JSContextRef ctx, JSValueRef *exc) {
    return rt_throw_code(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED",
                         "Failed to allocate memory");
}

static void url_export_components(void) {
    const url_components_t *k = &url_st.p.comp;
    uint32_t *o = url_st.components;
    if (!o) {
        return;
    }
    o[0] = k->protocol_end;
    o[1] = k->username_end;
    o[2] = k->host_start;
    o[3] = k->host_end;
    o[4] = k->port;
    o[5] = k->pathname_start;
    o[6] = k->search_start;
    o[7] = k->hash_start;
    o[8] = k->scheme_type;
}

/* Parses argv[0] against argv[1] (when not undefined); returns the result code. */
static int url_do_parse(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc,
                        bool *threw) {
    *threw = false;
    size_t len, blen = 0;
    if (!url_arg_utf8(ctx, rt_arg(ctx, argc, argv, 0), 0, &len, exc)) {
        *threw = true;
        return URL_FAILURE;
    }
    JSValueRef base = rt_arg(ctx, argc, argv, 1);
    bool has_base = !JSValueIsUndefined(ctx, base);
    if (has_base && !url_arg_utf8(ctx, base, 1, &blen, exc)) {
        *threw = true;
        return URL_FAILURE;
    }
    return url_parse(&url_st.p, url_st.in[0], len, has_base ? url_st.in[1] : NULL, blen);
}

/* parse(input, base?): the href (offsets in urlComponents), or undefined when invalid. */
static JSValueRef url_binding_parse(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                    size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    bool threw;
    int rc = url_do_parse(ctx, argc, argv, exc, &threw);
    if (threw) {
        return NULL;
    }
    if (rc == URL_ENOMEM) {
        return url_oom(ctx, exc);
    }
    if (rc != URL_OK) {
        return JSValueMakeUndefined(ctx);
    }
    url_export_components();
    return url_ascii_string(ctx, url_st.p.href.p, url_st.p.href.len);
}

/* canParse(input, base?): whether it parses. */
static JSValueRef url_binding_can_parse(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    bool threw;
    int rc = url_do_parse(ctx, argc, argv, exc, &threw);
    if (threw) {
        return NULL;
    }
    if (rc == URL_ENOMEM) {
        return url_oom(ctx, exc);
    }
    return JSValueMakeBoolean(ctx, rc == URL_OK);
}

/* update(href, which, value): the new href (offsets in urlComponents), or false when the href
 * setter's value does not parse. Other setters that refuse a value return the href as it is
 * now (the standard may have changed part of it). */
static JSValueRef url_binding_update(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t len, vlen;
    int which = (int)rt_arg_int(ctx, argc, argv, 1);
    if (which < URL_SET_HREF || which > URL_SET_HASH) {
        return rt_throw_type_error(ctx, exc, "invalid setter");
    }
    if (!url_arg_utf8(ctx, rt_arg(ctx, argc, argv, 0), 0, &len, exc) ||
        !url_arg_utf8(ctx, rt_arg(ctx, argc, argv, 2), 1, &vlen, exc)) {
        return NULL;
    }
    int rc = url_set(&url_st.p, url_st.in[0], len, (url_setter_t)which, url_st.in[1], vlen);
    if (rc == URL_ENOMEM) {
        return url_oom(ctx, exc);
    }
    if (rc != URL_OK && (which == URL_SET_HREF || url_st.p.href.len == 0)) {
        return JSValueMakeBoolean(ctx, false);
    }
    url_export_components();
    return url_ascii_string(ctx, url_st.p.href.p, url_st.p.href.len);
}

/* The host of "ws://x" after its hostname setter took argv[0] ('' when refused), like node. */
static int url_domain(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc,
                      const char **host, size_t *host_len) {
    size_t vlen;
    if (!url_arg_utf8(ctx, rt_arg(ctx, argc, argv, 0), 1, &vlen, exc)) {
        return -1;
    }
    int rc = url_set(&url_st.p, "ws://x", 6, URL_SET_HOSTNAME, url_st.in[1], vlen);
    if (rc == URL_ENOMEM) {
        url_oom(ctx, exc);
        return -1;
    }
    if (rc != URL_OK) {
        *host = "";
        *host_len = 0;
        return 0;
    }
    *host = url_st.p.href.p + url_st.p.comp.host_start;
    *host_len = url_st.p.comp.host_end - url_st.p.comp.host_start;
    return 0;
}

static JSValueRef url_binding_domain_to_ascii(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                              size_t argc, const JSValueRef argv[],
                                              JSValueRef *exc) {
    const char *host;
    size_t n;
    if (url_domain(ctx, argc, argv, exc, &host, &n) < 0) {
        return NULL;
    }
    return url_ascii_string(ctx, host, n);
}

static JSValueRef url_binding_domain_to_unicode(JSContextRef ctx, JSObjectRef fn,
                                                JSObjectRef self, size_t argc,
                                                const JSValueRef argv[], JSValueRef *exc) {
    const char *host;
    size_t n;
    if (url_domain(ctx, argc, argv, exc, &host, &n) < 0) {
        return NULL;
    }
    url_str_t *out = &url_st.p.tmp2;
    if (url_domain_to_unicode(host, n, out) != URL_OK) {
        return url_oom(ctx, exc);
    }
    return rt_string_from_utf8(ctx, out->p, out->len);
}

/* toASCII(domain): UTS #46 ToASCII without the URL host checks (legacy url.parse); ''
 * when invalid. */
static JSValueRef url_binding_to_ascii(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t vlen;
    if (!url_arg_utf8(ctx, rt_arg(ctx, argc, argv, 0), 1, &vlen, exc)) {
        return NULL;
    }
    url_parser_t *p = &url_st.p;
    p->oom = false;
    url_str_t *out = &p->tmp2;
    out->len = 0;
    bool ascii = true;
    for (size_t i = 0; i < vlen; i++) {
        ascii &= (unsigned char)url_st.in[1][i] < 0x80;
    }
    int rc = URL_OK;
    if (ascii && memmem(url_st.in[1], vlen, "xn--", 4) == NULL &&
        memmem(url_st.in[1], vlen, "XN--", 4) == NULL) {
        for (size_t i = 0; i < vlen; i++) {
            char c = url_st.in[1][i];
            url__append_c(p, out, (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c);
        }
    } else {
        rc = url__idna_to_ascii(p, url_st.in[1], vlen, out);
    }
    if (rc == URL_ENOMEM || p->oom) {
        return url_oom(ctx, exc);
    }
    return rc == URL_OK ? rt_string_from_utf8(ctx, out->p, out->len)
                        : url_ascii_string(ctx, "", 0);
}

/* format(href, fragment, unicode, search, auth): node's url.format(URL, options). */
static JSValueRef url_binding_format(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                     size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    size_t len;
    if (!url_arg_utf8(ctx, rt_arg(ctx, argc, argv, 0), 0, &len, exc)) {
        return NULL;
    }
    bool fragment = rt_bool(ctx, rt_arg(ctx, argc, argv, 1));
    bool unicode = rt_bool(ctx, rt_arg(ctx, argc, argv, 2));
    bool search = rt_bool(ctx, rt_arg(ctx, argc, argv, 3));
    bool auth = rt_bool(ctx, rt_arg(ctx, argc, argv, 4));
    url_parser_t *p = &url_st.p;
    int rc = url_parse(p, url_st.in[0], len, NULL, 0);
    if (rc == URL_ENOMEM) {
        return url_oom(ctx, exc);
    }
    if (rc != URL_OK) {
        return rt_arg(ctx, argc, argv, 0);
    }
    url_record_t *r = &p->rec;
    if (!fragment) {
        r->has_fragment = false;
    }
    if (!search) {
        r->has_query = false;
    }
    if (!auth) {
        r->username.len = r->password.len = 0;
    }
    /* Serialize by hand so the host may be Unicode. */
    url_str_t out = {0};
    url_str_t host = {0};
    p->oom = false;
    url__append(p, &out, r->scheme.p, r->scheme.len);
    url__append_c(p, &out, ':');
    if (r->has_host) {
        url__append(p, &out, "//", 2);
        if (r->username.len || r->password.len) {
            url__append(p, &out, r->username.p, r->username.len);
            if (r->password.len) {
                url__append_c(p, &out, ':');
                url__append(p, &out, r->password.p, r->password.len);
            }
            url__append_c(p, &out, '@');
        }
        if (unicode && url_domain_to_unicode(r->host.p, r->host.len, &host) == URL_OK) {
            url__append(p, &out, host.p, host.len);
        } else {
            url__append(p, &out, r->host.p, r->host.len);
        }
        if (r->port >= 0) {
            char num[16];
            int n = snprintf(num, sizeof(num), ":%d", (int)r->port);
            url__append(p, &out, num, (size_t)n);
        }
    } else if (!r->opaque && r->path.len > 1 && r->path.p[1] == '/') {
        url__append(p, &out, "/.", 2);
    }
    url__append(p, &out, r->path.p, r->path.len);
    if (r->has_query) {
        url__append_c(p, &out, '?');
        url__append(p, &out, r->query.p, r->query.len);
    }
    if (r->has_fragment) {
        url__append_c(p, &out, '#');
        url__append(p, &out, r->fragment.p, r->fragment.len);
    }
    JSValueRef v = p->oom ? url_oom(ctx, exc) : rt_string_from_utf8(ctx, out.p, out.len);
    url__str_free(&out);
    url__str_free(&host);
    return v;
}

static const JSStaticFunction url_functions[] = {
    {"parse", url_binding_parse, RT_FN_ATTRS},
    {"canParse", url_binding_can_parse, RT_FN_ATTRS},
    {"update", url_binding_update, RT_FN_ATTRS},
    {"domainToASCII", url_binding_domain_to_ascii, RT_FN_ATTRS},
    {"domainToUnicode", url_binding_domain_to_unicode, RT_FN_ATTRS},
    {"format", url_binding_format, RT_FN_ATTRS},
    {"toASCII", url_binding_to_ascii, RT_FN_ATTRS},
    {0, 0, 0},
};

/* Frees the thread's parser state with the components array (when its context goes). */
static void url_components_free(void *bytes, void *ctx) {
    if (url_st.components == bytes) {
        url_parser_free(&url_st.p);
        free(url_st.in[0]);
        free(url_st.in[1]);
        free(url_st.u16);
        memset(&url_st, 0, sizeof(url_st));
        url_st.p.check_ascii_punycode = URL_NODE22_PUNYCODE;
    }
    free(bytes);
}

void rt_binding_url_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, url_functions);
    JSContextRef ctx = env->ctx;
    uint32_t *bytes = calloc(9, sizeof(uint32_t));
    RT_CHECK(bytes != NULL);
    JSValueRef exc = NULL;
    JSObjectRef arr = JSObjectMakeTypedArrayWithBytesNoCopy(
        ctx, kJSTypedArrayTypeUint32Array, bytes, 9 * sizeof(uint32_t), url_components_free,
        NULL, &exc);
    RT_CHECK(arr != NULL);
    url_st.components = bytes;
    url_st.p.check_ascii_punycode = URL_NODE22_PUNYCODE;
    rt_set(ctx, target, "urlComponents", arr);
}
