/* embed.h: the table of lib/ sources compiled into the binary by tools/embed. */
#ifndef CAIRN_EMBED_H
#define CAIRN_EMBED_H

#include <stddef.h>

typedef struct {
    const char *id;  /* builtin id: "fs", "internal/errors" */
    const char *src; /* UTF-8 source text */
    size_t len;
} rt_embed_t;

/* Sorted by id; ended by an entry with a NULL id. */
extern const rt_embed_t rt_embed_table[];

/* The entry for id, or NULL. */
const rt_embed_t *rt_embed_find(const char *id);

#endif
