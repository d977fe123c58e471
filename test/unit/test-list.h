/* Every C unit test, as V(name). */
#define TEST_LIST(V)                                                                               \
    V(parser_lex_tokens_and_positions)                                                             \
    V(parser_lex_line_terminators_and_utf16_columns)                                               \
    V(parser_lex_punctuators)                                                                      \
    V(parser_lex_numbers)                                                                          \
    V(parser_lex_strings)                                                                          \
    V(parser_lex_templates)                                                                        \
    V(parser_lex_regexp_rescan)                                                                    \
    V(parser_lex_comments_hashbang_html)                                                           \
    V(parser_lex_identifiers)                                                                      \
    V(parser_precedence)                                                                           \
    V(parser_regexp_vs_division)                                                                   \
    V(parser_templates)                                                                            \
    V(parser_asi)                                                                                  \
    V(parser_statements_accept)                                                                    \
    V(parser_statements_reject)                                                                    \
    V(parser_import_forms)                                                                         \
    V(parser_export_forms)                                                                         \
    V(parser_module_goal)                                                                          \
    V(parser_error_positions)                                                                      \
    V(parser_node_positions)                                                                       \
    V(parser_deep_nesting_is_an_error)                                                             \
    V(parser_resolve_imports)                                                                      \
    V(parser_top_level_redeclarations)                                                             \
    V(utf8_ascii)                                                                                  \
    V(utf8_multibyte)                                                                              \
    V(utf8_invalid_sequences)                                                                      \
    V(utf16_lone_surrogates)                                                                       \
    V(embed_table_sorted)
