#!/usr/bin/env bash
# Request throughput of a minimal Spring Boot 4 service (bench/spring-app, GET /api/products/{id}) with
# dreamnet-spring-boot-starter's filter against without it, wrk -t1 -c16 on loopback, alternating rounds:
#   plain     the service without the starter
#   off       with the starter, dreamnet.web.enabled=false (no filter, no interceptor)
#   filter    with the starter as it comes: the filter (tracking, in-flight count, gates) and the overload
#             interceptor, protection off
#   overload  the same with dreamnet.overload on (a limit far above the load: nothing refused, every request
#             classified, admitted and released)
# Usage: bench/spring-filter.sh [SECONDS] [ROUNDS]  (builds the jars with bench/spring-app/build.sh when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/bench/spring-app/target"
seconds="${1:-10}"
rounds="${2:-3}"
port=5079
. "$root/bench/spring-ready.sh"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
ensure_jars
data="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT
cat >"$data/overload.yaml" <<'YAML'
enabled: true
limit: {initial: 400, min: 200, max: 1000}
criticality:
  routes:
    GET /api/products/{id}: critical
YAML

variant() { # name: jar and arguments
  case "$1" in
    plain) echo "$app/plain.jar" ;;
    off) echo "$app/dreamnet.jar --dreamnet.web.enabled=false" ;;
    filter) echo "$app/dreamnet.jar" ;;
    overload) echo "$app/dreamnet.jar --dreamnet.overload=$data/overload.yaml" ;;
  esac
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # name: prints "req/s cpu-us-per-request"
  local args pid url="http://127.0.0.1:$port/api/products/1"
  read -r -a args <<<"$(variant "$1")"
  (cd "$data" && exec java -Xmx128m -jar "${args[0]}" --server.port="$port" "${args[@]:1}") >"$data/$1.log" 2>&1 &
  pid=$!
  await_ready "$pid" "$port" "$data/$1.log" 0.1
  wrk -t1 -c16 -d"${seconds}s" "$url" >/dev/null # warm-up
  local before after rps requests
  before=$(cpu_ticks "$pid")
  wrk -t1 -c16 -d"${seconds}s" --latency "$url" >"$data/$1.txt"
  after=$(cpu_ticks "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rps=$(awk '/Requests\/sec/ {print $2}' "$data/$1.txt")
  requests=$(awk '/requests in/ {print $1}' "$data/$1.txt")
  if grep -q "Non-2xx" "$data/$1.txt"; then echo "$1: non-2xx answers: $(grep Non-2xx "$data/$1.txt")" >&2; fi
  echo "$rps $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))"
}

names=(plain off filter overload)
declare -A sum
echo "load average before: $(cat /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  # Rotate the order each round so no variant always runs first.
  order=("${names[@]:$(( (round - 1) % 4 ))}" "${names[@]:0:$(( (round - 1) % 4 ))}")
  line="round $round:"
  for name in "${order[@]}"; do
    read -r rps cpu <<<"$(measure "$name")"
    sum[$name]=$(awk -v a="${sum[$name]:-0}" -v b="$rps" 'BEGIN {print a + b}')
    line="$line $name $rps req/s ($cpu us CPU/req);"
  done
  echo "$line"
done
echo "load average after: $(cat /proc/loadavg)"
for name in "${names[@]}"; do
  mean=$(awk -v s="${sum[$name]}" -v n="$rounds" 'BEGIN {printf "%.0f", s / n}')
  ratio=$(awk -v s="${sum[$name]}" -v p="${sum[plain]}" 'BEGIN {printf "%.1f", 100 * s / p}')
  echo "$name: mean $mean req/s, $ratio% of plain"
done
