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
/* Returns 8-byte aligned zeroed memory, or NULL when out of memory. */
void *jsp_arena_alloc(jsp_arena *a, size_t size);
void jsp_arena_free(jsp_arena *a);

#endif
