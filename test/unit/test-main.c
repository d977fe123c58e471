/* test-main.c: runs every TEST listed in test-list.h; prints "unit: N passed, N failed". */
#include "test-list.h"
#include "test.h"

#include <string.h>

int test_failures;

#define DECLARE(name) void test_##name(void);
TEST_LIST(DECLARE)
#undef DECLARE

int main(int argc, char **argv) {
    int passed = 0, failed = 0;
#define RUN(name)                                                                                  \
    if (argc < 2 || strcmp(argv[1], #name) == 0) {                                                 \
        int before = test_failures;                                                                \
        test_##name();                                                                             \
        if (test_failures == before) {                                                             \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            fprintf(stderr, "FAIL %s\n", #name);                                                   \
        }                                                                                          \
    }
    TEST_LIST(RUN)
#undef RUN
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
