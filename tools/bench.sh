#!/usr/bin/env bash
# make bench: runs ../shared/bench with cairn beside node in one run.
#   tools/bench.sh build/cairn [category...]   (default: startup memory)
# NODE=/path/to/node picks the node to compare with (default: node22 if
# installed, else node on PATH).
set -u
CAIRN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${BENCH_DIR:-$ROOT/../shared/bench}"
[ -x "$BENCH/run.sh" ] || { echo "bench: $BENCH/run.sh not found" >&2; exit 2; }
NODE="${NODE:-$(command -v node22 || command -v node)}"
for tool in hyperfine wrk; do
  command -v "$tool" >/dev/null || { echo "bench: installing $tool" >&2;
    apt-get install -y -qq "$tool" >/dev/null 2>&1 || true; }
done
[ $# -gt 0 ] || set -- startup memory
RUNTIMES="node=$NODE cairn=$CAIRN" "$BENCH/run.sh" "$@"
# The project's own benchmarks of a category (bench/<category>/), e.g. gzip and
# TextEncoder/TextDecoder of 50 MB under buffer.
for cat in "$@"; do
  if [ -d "$ROOT/bench/$cat" ]; then
    echo; echo "## project benchmarks: $cat"
    NODE="$NODE" "$ROOT/tools/bench-project.sh" "$CAIRN" "$cat"
  fi
done
