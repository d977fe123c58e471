/* arena.h: the bump allocator behind one parse; everything is freed at once. */
#ifndef JSP_ARENA_H
#define JSP_ARENA_H

#include <stddef.h>

typedef struct jsp_arena_block jsp_arena_block;

typedef struct jsp_arena {
    jsp_arena_block *head;
    char *cur;
    char *end;
    int failed; /* set once an allocation failed (out of memory) */
} jsp_arena;

void jsp_arena_init(jsp_arena *a);
/* The slow path of jsp_arena_alloc(): takes a new block. */
void *jsp_arena_alloc_block(jsp_arena *a, size_t size);

/* Returns 8-byte aligned zeroed memory, or NULL when out of memory. */
static inline void *jsp_arena_alloc(jsp_arena *a, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (a->cur != NULL && (size_t)(a->end - a->cur) >= size) {
        void *p = a->cur;
        a->cur += size;
        return p;
    }
    return jsp_arena_alloc_block(a, size);
}
void jsp_arena_free(jsp_arena *a);

#endif
