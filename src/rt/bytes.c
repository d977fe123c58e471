/* Byte storage for buffers the runtime hands to the engine.
 *
 * Small blocks come from malloc and are not cleared. Blocks of RT_BYTES_BIG or more are
 * anonymous mappings aligned to 2 MiB and marked for transparent huge pages: the kernel
 * then faults them in 2 MiB at a time instead of 4 KiB, which makes filling a fresh
 * 50 MB buffer (readFileSync, Buffer.alloc) several times cheaper. Mappings start zeroed. */
#include "rt/rt.h"
#include <jsc/jsc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define BYTES_HUGE_PAGE ((size_t)2 << 20)

static size_t bytes_map_len(size_t n) {
    return (n + BYTES_HUGE_PAGE - 1) & ~(BYTES_HUGE_PAGE - 1);
}

static void *bytes_map(size_t n) {
    size_t len = bytes_map_len(n);
    if (len < n) {
        return NULL;
    }
    uint8_t *raw = mmap(NULL, len + BYTES_HUGE_PAGE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) {
        return NULL;
    }
    uintptr_t start = ((uintptr_t)raw + BYTES_HUGE_PAGE - 1) & ~(uintptr_t)(BYTES_HUGE_PAGE - 1);
    size_t head = start - (uintptr_t)raw;
    if (head > 0) {
        munmap(raw, head);
    }
    size_t tail = BYTES_HUGE_PAGE - head;
    if (tail > 0) {
        munmap((uint8_t *)start + len, tail);
    }
#ifdef MADV_HUGEPAGE
    madvise((void *)start, len, MADV_HUGEPAGE);
#endif
    return (void *)start;
}

void *rt_bytes_alloc(size_t n) {
    if (n >= RT_BYTES_BIG) {
        return bytes_map(n);
    }
    return malloc(n ? n : 1);
}

void *rt_bytes_alloc_zeroed(size_t n) {
    if (n >= RT_BYTES_BIG) {
        return bytes_map(n);
    }
    return calloc(n ? n : 1, 1);
}

void rt_bytes_free(void *p, size_t n) {
    if (p == NULL) {
        return;
    }
    if (n >= RT_BYTES_BIG) {
        munmap(p, bytes_map_len(n));
    } else {
        free(p);
    }
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
