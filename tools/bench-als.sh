#!/usr/bin/env bash
# Cost of an active AsyncLocalStorage on the http hello-world server: requests/s
# of bench/http/als-server.js plain vs als, for cairn and node, interleaved.
#   tools/bench-als.sh build/cairn      (RUNS, default 3; DURATION s, default 5)
set -u
CAIRN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE="${NODE:-$(command -v node22 || command -v node)}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-5}"
command -v wrk >/dev/null || { echo "bench-als: wrk is missing (make deps / apt-get install wrk)" >&2; exit 2; }
out="$(mktemp)"
serve() { # runtime mode -> requests/s
  local log; log="$(mktemp)"
  "$1" "$ROOT/bench/http/als-server.js" "$2" >"$log" 2>&1 &
  local pid=$! port=""
  for _ in $(seq 100); do port=$(awk '/^LISTENING/{print $2}' "$log"); [ -n "$port" ] && break; sleep 0.05; done
  if [ -n "$port" ]; then
    wrk -t1 -c50 -d1s "http://127.0.0.1:$port/" >/dev/null 2>&1
    wrk -t1 -c50 -d"${DURATION}s" "http://127.0.0.1:$port/" 2>/dev/null | awk '/Requests\/sec/{print $2}'
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"
}
for ((i = 0; i < RUNS; i++)); do
  for rt in node cairn; do
    bin=$NODE; [ $rt = cairn ] && bin=$CAIRN
    for mode in plain als; do echo "$rt $mode $(serve "$bin" $mode)" >>"$out"; done
  done
done
awk '{ v[$1 " " $2] = v[$1 " " $2] " " $3 }
  function median(s,   a, n, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    print "| runtime | plain req/s | with AsyncLocalStorage | cost |"
    print "| --- | ---: | ---: | ---: |"
    for (r = 1; r <= 2; r++) {
      rt = r == 1 ? "node" : "cairn"
      p = median(v[rt " plain"]); a = median(v[rt " als"])
      printf "| %s | %.0f | %.0f | %.1f%% |\n", rt, p, a, (p > 0 ? (1 - a / p) * 100 : 0)
    }
  }' "$out"
rm -f "$out"
