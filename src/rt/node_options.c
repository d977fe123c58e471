/* node_options.c: NODE_OPTIONS split into words as node splits it, for the command line
 * (src/main.c) and for the check of a worker's env.NODE_OPTIONS (process binding). */
#include "rt/rt.h"

#include <stdlib.h>
#include <string.h>

char **rt_split_node_options(const char *self, const char *s, int *count) {
    size_t n = strlen(s);
    char **out = calloc(n + 2, sizeof(char *));
    char *buf = malloc(n + 1);
    RT_CHECK(out != NULL && buf != NULL);
    int c = 0;
    out[c++] = (char *)self;
    size_t i = 0;
    char *w = buf;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
            i++;
        }
        if (i >= n) {
            break;
        }
        char *start = w;
        bool quoted = false;
        while (i < n && (quoted || (s[i] != ' ' && s[i] != '\t' && s[i] != '\n'))) {
            if (s[i] == '"') {
                quoted = !quoted;
                i++;
                continue;
            }
            if (quoted && s[i] == '\\' && i + 1 < n) {
                i++;
            }
            *w++ = s[i++];
        }
        *w++ = 0;
        out[c++] = start;
    }
    if (c == 1) {
        free(buf);
        free(out);
        return NULL;
    }
    *count = c;
    return out;
}
