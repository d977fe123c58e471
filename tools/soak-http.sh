#!/usr/bin/env bash
# Soak test of the http hello server (../shared/bench/http/server.js text): about
# 1,000,000 keep-alive requests with wrk; prints RSS and open fds after the first
# ~100,000 and at the end, and wrk's error counts. Passes (exit 0) when the final
# RSS is within 10% of the early one, no request failed and no fd leaked.
#   tools/soak-http.sh build/cairn [total-requests]
set -u
RT="$1"; TOTAL="${2:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER="${BENCH_DIR:-$ROOT/../shared/bench}/http/server.js"
command -v wrk >/dev/null || { echo "soak: wrk is missing" >&2; exit 2; }
log="$(mktemp)"
BENCH_SERVER_TTL_MS=900000 "$RT" "$SERVER" text >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
port=""
for _ in $(seq 100); do port=$(awk '/^LISTENING/{print $2}' "$log"); [ -n "$port" ] && break; sleep 0.05; done
[ -n "$port" ] || { echo "soak: server did not start" >&2; exit 2; }
done_reqs=0; errors=0; early_rss=""; early_fds=""
run() { # seconds -> adds requests and errors
  local out; out="$(wrk -t1 -c50 -d"$1"s "http://127.0.0.1:$port/" 2>&1)"
  local n; n=$(printf '%s\n' "$out" | awk '/requests in/{print $1}')
  done_reqs=$((done_reqs + ${n:-0}))
  local e; e=$(printf '%s\n' "$out" |
    awk '/Socket errors/{gsub(",",""); s += $4+$6+$8+$10} /Non-2xx/{s += $NF} END{print s+0}')
  errors=$((errors + ${e:-0}))
}
rss() { awk '/VmRSS/{print $2}' /proc/$pid/status; }
fds() { ls /proc/$pid/fd | wc -l; }
while [ "$done_reqs" -lt $((TOTAL / 10)) ]; do run 2; done
sleep 0.5; early_rss=$(rss); early_fds=$(fds); early_reqs=$done_reqs
while [ "$done_reqs" -lt "$TOTAL" ]; do run 5; done
sleep 0.5; final_rss=$(rss); final_fds=$(fds)
echo "requests: $done_reqs (errors: $errors)"
echo "after $early_reqs: RSS ${early_rss} kB, fds $early_fds"
echo "after $done_reqs: RSS ${final_rss} kB, fds $final_fds"
growth=$(awk -v a="$early_rss" -v b="$final_rss" 'BEGIN{printf "%.1f", (b - a) * 100 / a}')
echo "RSS growth: ${growth}%"
ok=1
awk -v g="$growth" 'BEGIN{exit !(g <= 10)}' || ok=0
[ "$errors" -eq 0 ] || ok=0
[ "$final_fds" -le "$early_fds" ] || ok=0
[ $ok = 1 ] && echo "soak: ok" || { echo "soak: FAILED"; exit 1; }
