/* builtins.c: the `builtins` binding: compiles embedded lib/ sources and user code wrappers. */
#include "rt/embed.h"
#include "rt/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const rt_embed_t *rt_embed_find(const char *id) {
    size_t lo = 0, hi = 0;
    while (rt_embed_table[hi].id) {
        hi++;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(rt_embed_table[mid].id, id);
        if (c == 0) {
            return &rt_embed_table[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* Evaluates `head + body + tail` as a script named url and returns its value (a function).
 * The head stays on the body's first line so line numbers match the file. */
static JSValueRef builtins_compile_wrapped(JSContextRef ctx, const char *head,
                                          const char *body, size_t body_len, const char *tail,
                                          const char *url, JSValueRef *exc) {
    size_t hl = strlen(head), tl = strlen(tail);
    size_t total = hl + body_len + tl;
    uint16_t *buf = malloc((total + 1) * sizeof(uint16_t));
    RT_CHECK(buf != NULL);
    size_t n = rt_utf8_to_utf16(head, hl, buf);
    n += rt_utf8_to_utf16(body, body_len, buf + n);
    n += rt_utf8_to_utf16(tail, tl, buf + n);
    JSStringRef src = JSStringCreateWithCharacters(buf, n);
    free(buf);
    JSStringRef surl = rt_jsstr(url);
    JSValueRef fn = JSEvaluateScript(ctx, src, NULL, surl, 1, exc);
    JSStringRelease(src);
    JSStringRelease(surl);
    return fn;
}

/* From JavaScriptCore's JSScriptRefPrivate.h (exported, not in the public headers). */
typedef struct OpaqueJSScript *JSScriptRef;
JSScriptRef JSScriptCreateReferencingImmortalASCIIText(JSContextGroupRef group, JSStringRef url,
                                                       int startingLineNumber, const char *source,
                                                       size_t length, JSStringRef *errorMessage,
                                                       int *errorLine);
void JSScriptRelease(JSScriptRef script);
JSValueRef JSScriptEvaluate(JSContextRef ctx, JSScriptRef script, JSValueRef thisValue,
                            JSValueRef *exception);

JSValueRef rt__eval_embedded(JSContextRef ctx, const rt_embed_t *e, const char *url,
                             JSValueRef *exc) {
    JSStringRef surl = rt_jsstr(url);
    JSStringRef err = NULL;
    int err_line = 0;
    /* The embedded text is static ASCII: the engine reads it in place, without a copy. */
    JSScriptRef script = JSScriptCreateReferencingImmortalASCIIText(
        JSContextGetGroup(ctx), surl, 1, e->src, e->len, &err, &err_line);
    JSStringRelease(surl);
    if (!script) {
        char *msg = err ? rt_jsstring_to_utf8(err, NULL) : NULL;
        rt_throw_code(ctx, exc, "SyntaxError", NULL, "%s:%d: %s", url, err_line,
                      msg ? msg : "syntax error");
        free(msg);
        if (err) {
            JSStringRelease(err);
        }
        return NULL;
    }
    JSValueRef v = JSScriptEvaluate(ctx, script, NULL, exc);
    JSScriptRelease(script);
    return v;
}

/* compile(id) -> the module wrapper function of an embedded lib/ file, or undefined. */
static JSValueRef builtins_compile(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                   size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    char *id = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), NULL, exc);
    if (!id) {
        return NULL;
    }
    const rt_embed_t *e = rt_embed_find(id);
    if (!e) {
        free(id);
        return JSValueMakeUndefined(ctx);
    }
    char url[512];
    snprintf(url, sizeof(url), "node:%s", id);
    free(id);
    return rt__eval_embedded(ctx, e, url, exc);
}

/* list() -> every embedded id. */
static JSValueRef builtins_list(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    size_t n = 0;
    while (rt_embed_table[n].id) {
        n++;
    }
    JSValueRef *vals = malloc((n + 1) * sizeof(JSValueRef));
    RT_CHECK(vals != NULL);
    /* vals is not scanned by the collector: protect each string until the array holds it. */
    for (size_t i = 0; i < n; i++) {
        vals[i] = rt_string_from_cstr(ctx, rt_embed_table[i].id);
        JSValueProtect(ctx, vals[i]);
    }
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, exc);
    for (size_t i = 0; i < n; i++) {
        JSValueUnprotect(ctx, vals[i]);
    }
    free(vals);
    return arr;
}

/* compileFunction(source, filename, head) -> the value of `head + source + "\n})"`; head opens
 * a function expression such as "(function (exports, require, module, __filename, __dirname) {".
 * A SyntaxError is thrown with the file's line numbers. */
static JSValueRef builtins_compile_function(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                            size_t argc, const JSValueRef argv[],
                                            JSValueRef *exc) {
    size_t len;
    char *src = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 0), &len, exc);
    if (!src) {
        return NULL;
    }
    char *name = rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 1), NULL, exc);
    char *head = name ? rt_to_utf8(ctx, rt_arg(ctx, argc, argv, 2), NULL, exc) : NULL;
    JSValueRef r = NULL;
    if (head) {
        r = builtins_compile_wrapped(ctx, head, src, len, "\n})", name, exc);
    }
    free(src);
    free(name);
    free(head);
    return r;
}

/* Runs a (source, filename) script through evaluate (true) or only a syntax check. */
static JSValueRef builtins_script(JSContextRef ctx, size_t argc, const JSValueRef argv[],
                                  JSValueRef *exc, bool evaluate) {
    JSStringRef src = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 0), exc);
    if (!src) {
        return NULL;
    }
    JSStringRef name = JSValueToStringCopy(ctx, rt_arg(ctx, argc, argv, 1), exc);
    if (!name) {
        JSStringRelease(src);
        return NULL;
    }
    JSValueRef r;
    if (evaluate) {
        r = JSEvaluateScript(ctx, src, NULL, name, 1, exc);
    } else {
        JSCheckScriptSyntax(ctx, src, name, 1, exc);
        r = *exc ? NULL : JSValueMakeUndefined(ctx);
    }
    JSStringRelease(src);
    JSStringRelease(name);
    return r;
}

/* evalScript(source, filename) -> the completion value of a global script. */
static JSValueRef builtins_eval_script(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                       size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return builtins_script(ctx, argc, argv, exc, true);
}

/* checkSyntax(source, filename) -> undefined, or throws the SyntaxError. */
static JSValueRef builtins_check_syntax(JSContextRef ctx, JSObjectRef fn, JSObjectRef self,
                                        size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    return builtins_script(ctx, argc, argv, exc, false);
}

static const JSStaticFunction builtins_functions[] = {
    {"compile", builtins_compile, RT_FN_ATTRS},
    {"list", builtins_list, RT_FN_ATTRS},
    {"compileFunction", builtins_compile_function, RT_FN_ATTRS},
    {"evalScript", builtins_eval_script, RT_FN_ATTRS},
    {"checkSyntax", builtins_check_syntax, RT_FN_ATTRS},
    {0, 0, 0},
};

void rt_binding_builtins_init(rt_env_t *env, JSObjectRef target) {
    rt_define_functions(env, target, builtins_functions);
}
