/* test.h: a minimal C unit-test harness: TEST(name) bodies with CHECK()s. */
#ifndef CAIRN_TEST_H
#define CAIRN_TEST_H

#include <stdio.h>

extern int test_failures;

#define TEST(name) void test_##name(void)
#define CHECK(expr)                                                                                \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #expr);             \
            test_failures++;                                                                       \
        }                                                                                          \
    } while (0)

#endif
