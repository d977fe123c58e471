#!/usr/bin/env bash
# CPU time the http benchmark server spends per request, with the server pinned to one core
# and wrk to the other: steadier on a shared machine than requests/s.
#   tools/http-cpu.sh BINARY [text|json] [seconds]   (after a 1 s warm-up)
# Prints "<µs of server CPU per request> <requests>". Needs taskset and wrk; the server is
# ../shared/bench/http/server.js.
set -u
BIN=$1; MODE=${2:-text}; DUR=${3:-4}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER="${BENCH_DIR:-$ROOT/../shared/bench}/http/server.js"
OUT=$(mktemp)
taskset -c 0 "$BIN" "$SERVER" "$MODE" > "$OUT" 2>&1 &
PID=$!
for _ in $(seq 100); do grep -q LISTENING "$OUT" && break; sleep 0.05; done
PORT=$(awk '/LISTENING/{print $2}' "$OUT")
taskset -c 1 wrk -t1 -c50 -d1s "http://127.0.0.1:$PORT/" > /dev/null
T0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
REQ=$(taskset -c 1 wrk -t1 -c50 -d"${DUR}s" "http://127.0.0.1:$PORT/" | awk '/requests in/{print $1}')
T1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
kill "$PID"; wait "$PID" 2>/dev/null; rm -f "$OUT"
awk -v a="$T0" -v b="$T1" -v n="$REQ" -v t="$(getconf CLK_TCK)" \
  'BEGIN { printf "%.1f %d\n", (b - a) / t * 1e6 / n, n }'
