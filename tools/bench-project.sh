#!/usr/bin/env bash
# The project's own benchmarks (bench/<category>/*.js that print `RESULT name ms`),
# run beside node in one run, interleaved: a markdown table of medians and ratios.
#   tools/bench-project.sh build/cairn [category...]   (default: buffer)
# RUNS (default 3) runs per runtime; NODE picks node (default node22, else node).
set -u
CAIRN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE="${NODE:-$(command -v node22 || command -v node)}"
RUNS="${RUNS:-3}"
[ $# -gt 0 ] || set -- buffer
out="$(mktemp)"
for cat in "$@"; do
  for f in "$ROOT/bench/$cat"/*.js; do
    [ -f "$f" ] || continue
    grep -q "RESULT" "$f" || continue
    for ((i = 0; i < RUNS; i++)); do
      for rt in node cairn; do
        bin=$NODE; [ $rt = cairn ] && bin=$CAIRN
        timeout 300 "$bin" "$f" 2>/dev/null | awk -v rt=$rt '/^RESULT /{print rt, $2, $3}' >>"$out" ||
          echo "bench: $rt failed on $f" >&2
      done
    done
  done
done
echo "| benchmark | node (ms) | cairn (ms) | cairn/node |"
echo "| --- | ---: | ---: | ---: |"
awk '{ v[$2 " " $1] = v[$2 " " $1] " " $3; names[$2] = 1 }
  function median(s,   a, n, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (m in names) {
      nd = median(v[m " node"]); cr = median(v[m " cairn"])
      printf "| %s | %.1f | %.1f | %.2fx |\n", m, nd, cr, (nd > 0 ? cr / nd : 0)
    }
  }' "$out" | sort
rm -f "$out"
