#!/bin/sh
# Cluster HTTP benchmark: node22 and a cairn binary back to back, each as a
# single process and as a 2-worker cluster (bench/cluster/server.js), loaded by
# wrk (1 thread, 50 connections). Prints requests/s, the cluster speed-up of
# each runtime and cairn's cluster throughput relative to node22's.
#   tools/bench-cluster.sh build-cluster/cairn [duration-seconds] [runs]
set -u
CAIRN=${1:?usage: tools/bench-cluster.sh path/to/cairn [seconds] [runs]}
DUR=${2:-5}
RUNS=${3:-3}
NODE=${NODE:-node22}
WORKERS=${WORKERS:-2}
CONNS=${CONNS:-50}
HERE=$(cd "$(dirname "$0")/.." && pwd)
SERVER="$HERE/bench/cluster/server.js"
case "$CAIRN" in /*) ;; *) CAIRN="$(pwd)/$CAIRN" ;; esac
command -v wrk > /dev/null || { echo "wrk not found (Debian package 'wrk')" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# cpu_ticks PID... -> the user+system clock ticks used so far by those processes
cpu_ticks() {
  t=0
  for p in "$@"; do
    v=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2> /dev/null)
    t=$((t + ${v:-0}))
  done
  echo "$t"
}

# measure RUNTIME MODE -> appends "best-requests/s requests-per-cpu-second" to
# $TMP/results (not printed: a command substitution's subshell would run the
# EXIT trap and remove $TMP): the
# best of RUNS runs, and over all runs the requests served per second of CPU
# time the server processes (primary and workers) used, a figure that other
# load on the machine disturbs less.
measure() {
  log="$TMP/server.log"
  "$1" "$SERVER" "$2" "$WORKERS" > "$log" 2>&1 &
  pid=$!
  port=
  i=0
  while [ $i -lt 300 ]; do
    port=$(sed -n 's/^LISTENING \([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
    i=$((i + 1))
  done
  if [ -z "$port" ]; then
    echo "server did not start: $(head -3 "$log")" >&2
    kill "$pid" 2> /dev/null
    echo "0 0" >> "$TMP/results"
    return
  fi
  wrk -t1 -c"$CONNS" -d1s "http://127.0.0.1:$port/" > /dev/null 2>&1
  best=0
  r=0
  pids="$pid $(pgrep -P "$pid" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  t0=$(cpu_ticks $pids)
  reqs=0
  while [ $r -lt "$RUNS" ]; do
    wrk -t1 -c"$CONNS" -d"${DUR}s" "http://127.0.0.1:$port/" > "$TMP/wrk.out" 2>&1
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$TMP/wrk.out")
    if [ -z "$rps" ]; then
      echo "$1 $2: wrk failed: $(tail -3 "$TMP/wrk.out"); server: $(tail -3 "$log")" >&2
    fi
    best=$(awk -v a="$best" -v b="${rps:-0}" 'BEGIN { print (b > a) ? b : a }')
    n=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$TMP/wrk.out")
    reqs=$((reqs + ${n:-0}))
    r=$((r + 1))
  done
  # shellcheck disable=SC2086
  t1=$(cpu_ticks $pids)
  kill "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  hz=$(getconf CLK_TCK)
  echo "$best $(awk -v n="$reqs" -v t=$((t1 - t0)) -v hz="$hz" 'BEGIN { print (t > 0) ? n * hz / t : 0 }')" >> "$TMP/results"
}

echo "cluster http hello world: wrk -t1 -c$CONNS -d${DUR}s, best of $RUNS, $WORKERS workers"
measure "$NODE" single
measure "$NODE" cluster
measure "$CAIRN" single
measure "$CAIRN" cluster
# shellcheck disable=SC2046
set -- $(cat "$TMP/results")
awk -v n1="$1" -v n1c="$2" -v nc="$3" -v ncc="$4" -v c1="$5" -v c1c="$6" -v cc="$7" -v ccc="$8" 'BEGIN {
  printf "%-8s %11s %12s %9s %15s %15s\n", "runtime", "single rps", "cluster rps", "speed-up",
         "single req/cpu-s", "cluster req/cpu-s"
  printf "%-8s %11.0f %12.0f %8.2fx %15.0f %15.0f\n", "node22", n1, nc, (n1 > 0 ? nc / n1 : 0), n1c, ncc
  printf "%-8s %11.0f %12.0f %8.2fx %15.0f %15.0f\n", "cairn", c1, cc, (c1 > 0 ? cc / c1 : 0), c1c, ccc
  printf "cairn cluster / node22 cluster: %.2fx requests/s, %.2fx requests per CPU second\n",
         (nc > 0 ? cc / nc : 0), (ncc > 0 ? ccc / ncc : 0)
}'
