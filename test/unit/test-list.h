/* Every C unit test, as V(name). */
#define TEST_LIST(V)                                                                               \
    V(utf8_ascii)                                                                                  \
    V(utf8_multibyte)                                                                              \
    V(utf8_invalid_sequences)                                                                      \
    V(utf16_lone_surrogates)                                                                       \
    V(embed_table_sorted)
