/* arena.c: a chain of blocks; allocations bump a pointer and are never freed one by one. */
#include "parser/arena.h"

#include <stdlib.h>
#include <string.h>

struct jsp_arena_block {
    jsp_arena_block *next;
    size_t size;
};

#define ARENA_BLOCK_SIZE (64 * 1024)

void jsp_arena_init(jsp_arena *a) {
    memset(a, 0, sizeof(*a));
}

void *jsp_arena_alloc(jsp_arena *a, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if ((size_t)(a->end - a->cur) < size || a->cur == NULL) {
        size_t want = size + sizeof(jsp_arena_block) + 8;
        if (want < ARENA_BLOCK_SIZE) {
            want = ARENA_BLOCK_SIZE;
        }
        jsp_arena_block *b = malloc(want);
        if (b == NULL) {
            a->failed = 1;
            return NULL;
        }
        b->next = a->head;
        b->size = want;
        a->head = b;
        a->cur = (char *)b + ((sizeof(jsp_arena_block) + 7) & ~(size_t)7);
        a->end = (char *)b + want;
    }
    void *p = a->cur;
    a->cur += size;
    memset(p, 0, size);
    return p;
}

void jsp_arena_free(jsp_arena *a) {
    jsp_arena_block *b = a->head;
    while (b != NULL) {
        jsp_arena_block *next = b->next;
        free(b);
        b = next;
    }
    memset(a, 0, sizeof(*a));
}
