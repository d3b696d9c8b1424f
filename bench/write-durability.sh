#!/usr/bin/env bash
# What durability on commit costs the embedded database: POST /api/dreams throughput and latency with wrk
# (1 thread, 4 connections) against `dreamnet serve` on the embedded H2 file, once with H2's default
# commit delay (WRITE_DELAY=500 ms, the behaviour before) and once durable on commit (WRITE_DELAY=0, the
# default now), alternating which goes first, each on a fresh data directory.
# Usage: bench/write-durability.sh [SECONDS] [ROUNDS]  (builds nothing: run `mvn -B -DskipTests package` first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-10}"
rounds="${2:-2}"
jar="$root/cli/target/dreamnet.jar"
[ -f "$jar" ] || { echo "missing $jar: mvn -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title": "a dream to keep", "body": "measured by bench/write-durability.sh"}'
LUA

measure() { # name write-delay port
  local data="$work/$1-$RANDOM"
  mkdir -p "$data"
  java -Xmx128m -XX:+ExitOnOutOfMemoryError -jar "$jar" serve --port "$3" --data-dir "$data" \
    --graph "$root/deploy/graph.json" --queues "$root/config/queues.yaml" \
    --db "jdbc:h2:file:$data/dreamnet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=$2" >"$work/$1.log" 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$3/health/ready")" = 200 ]; do sleep 0.1; done
  wrk -t1 -c4 -d"${seconds}s" -s "$work/post.lua" "http://127.0.0.1:$3/api/dreams" >/dev/null
  wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$3/api/dreams" >"$work/$1.txt"
  echo "$1 (WRITE_DELAY=$2): $(awk '/Requests\/sec/ {print $2}' "$work/$1.txt") writes/s," \
    "p50 $(awk '/ 50%/ {print $2}' "$work/$1.txt"), p99 $(awk '/ 99%/ {print $2}' "$work/$1.txt")," \
    "non-2xx: $(awk '/Non-2xx/ {print $5}' "$work/$1.txt")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, load $(uptime | sed 's/.*load average: //'), $(java -version 2>&1 | head -1)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    measure delayed 500 5091; measure durable 0 5092
  else
    measure durable 0 5092; measure delayed 500 5091
  fi
done
