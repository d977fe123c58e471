/* Byte storage for buffers the runtime hands to the engine, which frees them with the buffer;
 * left uninitialised. Blocks under BYTES_MAP_MIN are malloc blocks. Bigger ones, which malloc
 * would give a mapping of their own anyway (its threshold stops at 32 MiB), are mapped here, so
 * that a block the caller fills at once (a whole file read: rt_bytes_alloc_filled) can have
 * all its pages made by the mapping call (MAP_POPULATE) instead of a page fault per 4 KiB page
 * as the read walks them: readFileSync of a 50 MB file took 40% less time. Filled blocks from
 * 1 MiB have their pages made by MADV_POPULATE_WRITE, which saves less (13%) but leaves the
 * block to malloc, which may reuse pages a freed block already faulted in.
 *
 * Tried: transparent huge pages for blocks of several MB made readFileSync of 50 MB 3x faster
 * on an idle machine but up to 2x slower on a busy one (the kernel yields while clearing each
 * 2 MiB page); a mapping of its own per block from 1 MiB made repeated 1 MB allocUnsafe 1.5x
 * slower. */
#include "rt/rt.h"
#include <jsc/jsc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14; older kernels refuse it and nothing changes */
#endif

#define BYTES_MAP_MIN ((size_t)32 << 20)
#define BYTES_POPULATE_MIN ((size_t)1 << 20)

static void *bytes_alloc(size_t n, bool filled) {
    if (n >= BYTES_MAP_MIN) {
        void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | (filled ? MAP_POPULATE : 0), -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    uint8_t *p = malloc(n ? n : 1);
    if (p != NULL && filled && n >= BYTES_POPULATE_MIN) {
        uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
        uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
        uintptr_t end = ((uintptr_t)p + n) & ~(page - 1);
        madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    return p;
}

void *rt_bytes_alloc(size_t n) {
    return bytes_alloc(n, false);
}

void *rt_bytes_alloc_filled(size_t n) {
    return bytes_alloc(n, true);
}

void rt_bytes_free(void *p, size_t n) {
    if (p != NULL && n >= BYTES_MAP_MIN) {
        munmap(p, n);
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
