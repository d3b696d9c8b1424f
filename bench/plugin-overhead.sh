#!/usr/bin/env bash
# Throughput of a trivial Javalin route, GET /hello, with DreamNetPlugin registered against the same app without it
# (dev.dreamnet.bench.http.PluginOverheadApp), with wrk on loopback: client and both servers share this machine.
# Usage: bench/plugin-overhead.sh [SECONDS] [ROUNDS]  (builds bench/target/benchmarks.jar when it is missing or older
# than the sources it is built from)
# Each server is warmed up once for SECONDS; then each round measures each, alternating the order.
# WITH_JETTY=1 also measures the bare app on the plugin's Jetty settings alone (pool, minimum data rate, graceful stop).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-15}"
rounds="${2:-3}"
bench="$root/bench/target/benchmarks.jar"
heap=(-Xms256m -Xmx256m) # the plugin sizes its in-flight limit from the heap: 256 MB admits 32, wrk's connections
wrk=(wrk -t2 -c32 -d"${seconds}s" --latency)
apps=(bare plugin)
# WITH_JETTY=1 adds the bare app on the plugin's Jetty settings alone, to split the plugin's cost.
if [ "${WITH_JETTY:-}" = 1 ]; then apps=(bare jetty plugin); fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
. "$root/bench/bench-jar.sh"
data="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT

wait_for() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do sleep 0.1; done; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks

measure() { # name url pid; prints one line and leaves req/s in $data/name.rps
  local before after requests refused
  before=$(cpu_ticks "$3")
  "${wrk[@]}" "$2" >"$data/$1.txt"
  after=$(cpu_ticks "$3")
  awk '/Requests\/sec/ {print $2}' "$data/$1.txt" >"$data/$1.rps"
  requests=$(awk '/requests in/ {print $1}' "$data/$1.txt")
  refused=$(awk '/Non-2xx/ {print $5}' "$data/$1.txt")
  # Server CPU per request is far less sensitive than throughput to what else shares the cores.
  printf '  %-6s %9s req/s  p50 %-8s p99 %-8s server CPU %3d us/request%s\n' "$1" "$(cat "$data/$1.rps")" \
    "$(awk '/ 50%/ {print $2}' "$data/$1.txt")" "$(awk '/ 99%/ {print $2}' "$data/$1.txt")" \
    $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) "${refused:+  ($refused non-2xx answers!)}"
}

declare -A pid url
port=5091
for app in "${apps[@]}"; do
  java "${heap[@]}" -cp "$bench" dev.dreamnet.bench.http.PluginOverheadApp "$app" "$port" >"$data/$app.log" 2>&1 &
  pid[$app]=$!
  url[$app]=http://127.0.0.1:$port/hello
  port=$((port + 1))
done
for app in "${apps[@]}"; do wait_for "${url[$app]}"; done
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$1/status"; }
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), wrk and the servers all on it;"
echo "  throughput on so few cores moves with whatever else runs: compare within a round, and the CPU per request"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "java: $(java -version 2>&1 | head -1), ${heap[*]}; wrk: ${wrk[*]} <url>"
echo "warm-up: ${seconds} s each"
for app in "${apps[@]}"; do "${wrk[@]}" "${url[$app]}" >/dev/null; done
declare -A ratios
for round in $(seq 1 "$rounds"); do
  echo "round $round:"
  order=("${apps[@]}")
  if [ $((round % 2)) = 0 ]; then order=($(printf '%s\n' "${apps[@]}" | tac)); fi
  for app in "${order[@]}"; do measure "$app" "${url[$app]}" "${pid[$app]}"; done
  for app in "${apps[@]:1}"; do
    ratio=$(awk -v p="$(cat "$data/$app.rps")" -v b="$(cat "$data/bare.rps")" 'BEGIN {printf "%.1f", 100 * p / b}')
    echo "  $app / bare: ${ratio}%"
    ratios[$app]+="$ratio "
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{v[NR] = $1} END {printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for app in "${apps[@]:1}"; do
  bar=""; if [ "$app" = plugin ]; then bar=" (bar: at least 90%)"; fi
  echo "median $app / bare over $rounds rounds: $(median "${ratios[$app]}")%$bar"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
echo "resident memory after load:$(for app in "${apps[@]}"; do printf ' %s %s' "$app" "$(rss "${pid[$app]}")"; done)"
