/* test-embed.c: the embedded lib/ table is sorted and every entry is found. */
#include "rt/embed.h"
#include "test.h"

#include <string.h>

TEST(embed_table_sorted) {
    size_t n = 0;
    for (; rt_embed_table[n].id; n++) {
        if (n > 0) {
            CHECK(strcmp(rt_embed_table[n - 1].id, rt_embed_table[n].id) < 0);
        }
        CHECK(rt_embed_find(rt_embed_table[n].id) == &rt_embed_table[n]);
    }
    CHECK(n > 10);
    CHECK(rt_embed_find("internal/bootstrap") != NULL);
    CHECK(rt_embed_find("no/such/module") == NULL);
}
