/* arena.c: a chain of blocks; allocations bump a pointer and are never freed one by one. */
#include "parser/arena.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#define ARENA_HUGE (2u * 1024 * 1024)
#endif

struct jsp_arena_block {
    jsp_arena_block *next;
    size_t size;
    int mapped; /* from arena_map(): freed with munmap */
};

#ifdef ARENA_HUGE
/* A zeroed block of `size` bytes (a multiple of ARENA_HUGE) aligned to ARENA_HUGE and
 * advised to use transparent huge pages: a large parse touches ~10 bytes of tree per
 * byte of source, and faulting that in 4 KiB pages would cost more than the parse. */
static void *arena_map(size_t size) {
    size_t span = size + ARENA_HUGE;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        return NULL;
    }
    uintptr_t start = ((uintptr_t)raw + ARENA_HUGE - 1) & ~(uintptr_t)(ARENA_HUGE - 1);
    size_t head = start - (uintptr_t)raw;
    if (head) {
        munmap(raw, head);
    }
    if (span - head > size) {
        munmap((char *)start + size, span - head - size);
    }
#ifdef MADV_HUGEPAGE
    madvise((void *)start, size, MADV_HUGEPAGE);
#endif
    return (void *)start;
}
#endif

/* Blocks start small (most modules are small) and double up to 4 MiB, so a large
 * file takes few blocks. Every block is zeroed memory (calloc, pages the kernel
 * zeroes, or the spare block below, cleared when it was put back), so allocations
 * need no memset. */
#define ARENA_FIRST_BLOCK (32 * 1024)
#define ARENA_MAX_BLOCK (4 * 1024 * 1024)

/* One first-size block kept from the last parse, zeroed again, for the next: a graph of
 * small modules then costs no calloc of the whole block per module (only the bytes a parse
 * used are cleared). Shared by all threads through an atomic exchange; it stays reachable
 * from here, so it is not a leak at exit. */
static _Atomic(jsp_arena_block *) arena_spare;

void jsp_arena_init(jsp_arena *a) {
    memset(a, 0, sizeof(*a));
}

void *jsp_arena_alloc_block(jsp_arena *a, size_t size) {
    size_t header = (sizeof(jsp_arena_block) + 7) & ~(size_t)7;
    size_t want = a->head == NULL ? ARENA_FIRST_BLOCK : a->head->size * 2;
    if (want > ARENA_MAX_BLOCK) {
        want = ARENA_MAX_BLOCK;
    }
    if (want < size + header) {
        want = size + header;
    }
    jsp_arena_block *b = NULL;
    int mapped = 0;
    if (want == ARENA_FIRST_BLOCK) {
        b = atomic_exchange(&arena_spare, NULL);
    }
#ifdef ARENA_HUGE
    if (want >= ARENA_HUGE) {
        want = (want + ARENA_HUGE - 1) & ~(size_t)(ARENA_HUGE - 1);
        b = arena_map(want);
        mapped = b != NULL;
    }
#endif
    if (b == NULL) {
        b = calloc(1, want);
    }
    if (b == NULL) {
        a->failed = 1;
        return NULL;
    }
    b->mapped = mapped;
    b->next = a->head;
    b->size = want;
    a->head = b;
    a->cur = (char *)b + header;
    a->end = (char *)b + want;
    void *p = a->cur;
    a->cur += size;
    return p;
}

void jsp_arena_free(jsp_arena *a) {
    jsp_arena_block *b = a->head;
    while (b != NULL) {
        jsp_arena_block *next = b->next;
        if (!b->mapped && b->size == ARENA_FIRST_BLOCK && atomic_load(&arena_spare) == NULL) {
            /* Only the current block is used up to a->cur; an older one may be full. */
            char *used_end = b == a->head ? a->cur : (char *)b + b->size;
            size_t header = (sizeof(jsp_arena_block) + 7) & ~(size_t)7;
            memset((char *)b + header, 0, (size_t)(used_end - ((char *)b + header)));
            jsp_arena_block *expected = NULL;
            if (atomic_compare_exchange_strong(&arena_spare, &expected, b)) {
                b = next;
                continue;
            }
        }
#ifdef ARENA_HUGE
        if (b->mapped) {
            munmap(b, b->size);
            b = next;
            continue;
        }
#endif
        free(b);
        b = next;
    }
    memset(a, 0, sizeof(*a));
}
