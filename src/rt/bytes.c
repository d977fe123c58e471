/* Byte storage for buffers the runtime hands to the engine: plain malloc blocks (left
 * uninitialised by rt_bytes_alloc) that the engine frees with the buffer. One place to
 * change how big buffers are backed: transparent huge pages were tried for blocks of
 * several MB and made readFileSync of 50 MB 3x faster on an idle machine but up to 2x
 * slower on a busy one (the kernel yields while clearing each 2 MiB page). */
#include "rt/rt.h"
#include <jsc/jsc.h>
#include <stdint.h>
#include <stdlib.h>

void *rt_bytes_alloc(size_t n) {
    return malloc(n ? n : 1);
}

void rt_bytes_free(void *p, size_t n) {
    (void)n;
    free(p);
}

static void bytes_deallocate(void *bytes, void *size) {
    rt_bytes_free(bytes, (size_t)(uintptr_t)size);
}

JSObjectRef rt_array_buffer_take(JSContextRef ctx, void *p, size_t n, JSValueRef *exc) {
    return JSObjectMakeArrayBufferWithBytesNoCopy(ctx, p, n, bytes_deallocate,
                                                  (void *)(uintptr_t)n, exc);
}

JSObjectRef rt_uint8array_take_bytes(JSContextRef ctx, void *p, size_t alloc_len, size_t len,
                                     JSValueRef *exc) {
    return JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeUint8Array, p, len,
                                                 bytes_deallocate, (void *)(uintptr_t)alloc_len,
                                                 exc);
}
