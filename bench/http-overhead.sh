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

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks

measure() { # name url pid
  wrk -t1 -c16 -d"${seconds}s" "$2" >/dev/null
  local rps before after requests
  before=$(cpu_ticks "$3")
  rps=$(wrk -t1 -c16 -d"${seconds}s" --latency "$2" | tee "$data/$1.txt" | awk '/Requests\/sec/ {print $2}')
  after=$(cpu_ticks "$3")
  requests=$(awk '/requests in/ {print $1}' "$data/$1.txt")
  # Server CPU per request is far less sensitive than throughput to what else shares the cores.
  echo "$1: $rps req/s  (p99 $(awk '/ 99%/ {print $2}' "$data/$1.txt")), server CPU $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) us/request"
}

java -Xmx128m -cp "$bench" dev.dreamnet.bench.http.BareJavalin 5081 >/dev/null 2>&1 &
bare_pid=$!
java -Xmx128m -jar "$jar" serve --port 5082 --data-dir "$data" --graph "$root/deploy/graph.json" \
  --queues "$root/config/queues.yaml" --flags "$root/config/feature-flags.yaml" >/dev/null 2>&1 &
dreamnet_pid=$!
wait_for http://127.0.0.1:5081/health/live
wait_for http://127.0.0.1:5082/health/ready
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$1/status"; }
echo "machine: $(nproc) cores, load $(uptime | sed 's/.*load average: //')"
echo "resident memory at rest: bare $(rss "$bare_pid"), dreamnet $(rss "$dreamnet_pid") (-Xmx128m)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    measure bare http://127.0.0.1:5081/health/live "$bare_pid"; measure dreamnet http://127.0.0.1:5082/health/live "$dreamnet_pid"
  else
    measure dreamnet http://127.0.0.1:5082/health/live "$dreamnet_pid"; measure bare http://127.0.0.1:5081/health/live "$bare_pid"
  fi
done
echo "resident memory after load: bare $(rss "$bare_pid"), dreamnet $(rss "$dreamnet_pid")"
