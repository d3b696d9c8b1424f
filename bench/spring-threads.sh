#!/usr/bin/env bash
# CPU time of each thread of a start of bench/spring-app, at readiness, with dreamnet-spring-boot-starter and without
# it: where a start's CPU goes (the main thread, the JIT compilers, the collector), read exactly from
# /proc/PID/task/*/stat rather than sampled. Threads that ended before readiness (Spring Boot's background
# pre-initialisation) are not counted.
# Usage: bench/spring-threads.sh [STARTS]   (APP=reference for the issue's service; CDS=1 EXTRACT=1 for the extracted
#   layout with class-data sharing, archives made as bench/spring-start.sh makes them; run that first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/bench/spring-app/target"
starts="${1:-3}"
prefix="${APP:+$APP-}"
port=5078
. "$root/bench/spring-ready.sh"
ensure_jars "${prefix}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)

threads() { # name: prints "ms thread" per thread group (numbered threads summed), the largest first
  local jar="$app/$prefix$1.jar" options=(-Xmx128m)
  if [ "${EXTRACT:-}" = 1 ]; then jar="$app/extracted/$prefix$1/$prefix$1.jar"; fi
  if [ "${CDS:-}" = 1 ]; then options+=(-XX:SharedArchiveFile="$app/$prefix$1${EXTRACT:+-extracted}.jsa"); fi
  local dir; dir="$(mktemp -d "$work/$1.XXXX")"
  (cd "$dir" && exec java "${options[@]}" -jar "$jar" --server.port="$port") >"$dir/out.log" 2>&1 &
  local pid=$!
  await_ready "$pid" "$port" "$dir/out.log" 0.01
  for task in /proc/"$pid"/task/*; do
    awk -v t="$tick" -v name="$(cat "$task/comm")" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t), name}' \
        "$task/stat"
  done | awk '{ms = $1; $1 = ""; sub(/^ /, ""); gsub(/[0-9]+$/, "#"); s[$0] += ms} END {for (k in s) print s[k], k}' \
      | sort -rn
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

for start in $(seq 1 "$starts"); do
  for name in plain dreamnet; do
    threads "$name" >"$work/$name-$start.txt"
    printf '%-9s start %d: total %5d ms; %s\n' "$name" "$start" "$(awk '{s += $1} END {print s}' "$work/$name-$start.txt")" \
        "$(head -4 "$work/$name-$start.txt" | awk '{ms = $1; $1 = ""; printf "%s%s %d ms", sep, substr($0, 2), ms; sep = ", "}')"
  done
done
