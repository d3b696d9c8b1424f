#!/usr/bin/env bash
# Throughput of the full middleware stack (request tracking, in-flight count, traffic gate, kill-switch
# gate, error mapping) against bare Javalin on the same endpoint, GET /health/live, with wrk on loopback.
# Usage: bench/http-overhead.sh [SECONDS] [ROUNDS]  (builds nothing: run `mvn -B -DskipTests package` first)
# Each round measures both, alternating which goes first; each run is preceded by a warm-up of the same length.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-10}"
rounds="${2:-2}"
jar="$root/cli/target/dreamnet.jar"
bench="$root/bench/target/benchmarks.jar"
for f in "$jar" "$bench"; do [ -f "$f" ] || { echo "missing $f: mvn -B -DskipTests package" >&2; exit 1; }; done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
data="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT

wait_for() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do sleep 0.1; done; }

measure() { # name url
  wrk -t1 -c16 -d"${seconds}s" "$2" >/dev/null
  local rps
  rps=$(wrk -t1 -c16 -d"${seconds}s" --latency "$2" | tee "$data/$1.txt" | awk '/Requests\/sec/ {print $2}')
  echo "$1: $rps req/s  (p99 $(awk '/ 99%/ {print $2}' "$data/$1.txt"))"
}

java -Xmx128m -cp "$bench" dev.dreamnet.bench.http.BareJavalin 5081 >/dev/null 2>&1 &
java -Xmx128m -jar "$jar" serve --port 5082 --data-dir "$data" --graph "$root/deploy/graph.json" >/dev/null 2>&1 &
wait_for http://127.0.0.1:5081/health/live
wait_for http://127.0.0.1:5082/health/ready
echo "machine: $(nproc) cores, load $(uptime | sed 's/.*load average: //')"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    measure bare http://127.0.0.1:5081/health/live; measure dreamnet http://127.0.0.1:5082/health/live
  else
    measure dreamnet http://127.0.0.1:5082/health/live; measure bare http://127.0.0.1:5081/health/live
  fi
done
