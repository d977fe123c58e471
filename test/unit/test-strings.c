/* test-strings.c: UTF-8 <-> UTF-16 conversion in src/rt/env.c. */
#include "rt/rt.h"
#include "test.h"

#include <string.h>

TEST(utf8_ascii) {
    uint16_t out[8];
    size_t n = rt_utf8_to_utf16("abc", 3, out);
    CHECK(n == 3);
    CHECK(out[0] == 'a' && out[2] == 'c');
}

TEST(utf8_multibyte) {
    /* "é€😀" */
    const char s[] = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    uint16_t out[16];
    size_t n = rt_utf8_to_utf16(s, sizeof(s) - 1, out);
    CHECK(n == 4);
    CHECK(out[0] == 0xE9 && out[1] == 0x20AC && out[2] == 0xD83D && out[3] == 0xDE00);
    char back[32];
    size_t m = rt_utf16_to_utf8(out, n, back);
    CHECK(m == sizeof(s) - 1 && memcmp(back, s, m) == 0);
}

TEST(utf8_invalid_sequences) {
    uint16_t out[16];
    /* a lone continuation byte, a truncated 3-byte sequence, an overlong encoding */
    size_t n = rt_utf8_to_utf16("\x80" "a" "\xe2\x82" "b" "\xc0\xaf", 7, out);
    CHECK(n == 6);
    CHECK(out[0] == 0xFFFD && out[1] == 'a' && out[2] == 0xFFFD && out[3] == 'b');
    CHECK(out[4] == 0xFFFD && out[5] == 0xFFFD);
}

TEST(utf16_lone_surrogates) {
    const uint16_t s[] = {0xD800, 'x', 0xDC00};
    char out[16];
    size_t m = rt_utf16_to_utf8(s, 3, out);
    CHECK(m == 7);
    CHECK(memcmp(out, "\xef\xbf\xbd" "x" "\xef\xbf\xbd", 7) == 0);
}
