#!/usr/bin/env bash
# Start time of a minimal Spring Boot 4 service (web, actuator; bench/spring-app) with dreamnet-spring-boot-starter
# against without it: from launching `java -Xmx128m -jar` to the first 200 on /actuator/health/readiness, both
# executable jars, alternating which goes first in each round.
# Usage: bench/spring-start.sh [RUNS] [-- EXTRA JVM OR APP ARGUMENTS FOR THE DREAMNET JAR]
#   (builds the jars with bench/spring-app/build.sh when missing; REBUILD=1 to rebuild)
# CDS=1 uses a class-data sharing archive per jar (made by one training run, -XX:ArchiveClassesAtExit).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/bench/spring-app/target"
runs="${1:-10}"
shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")
port=5078
if [ "${REBUILD:-}" = 1 ] || [ ! -f "$app/plain.jar" ] || [ ! -f "$app/dreamnet.jar" ]; then
  "$root/bench/spring-app/build.sh"
fi
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

jvm() { # name: the JVM options of that jar
  local options=(-Xmx128m)
  if [ "${CDS:-}" = 1 ]; then options+=(-XX:SharedArchiveFile="$app/$1.jsa" -Xshare:auto); fi
  echo "${options[@]}"
}

cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

launch() { # name: prints milliseconds from launch to readiness, and the CPU time the JVM had used by then
  local extra_args=()
  [ "$1" = dreamnet ] && extra_args=("${extra[@]}")
  local start end pid
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  java $(jvm "$1") -jar "$app/$1.jar" --server.port="$port" "${extra_args[@]}" >"$app/$1.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$1 exited, see $app/$1.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  local cpu
  cpu=$(cpu_ms "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $cpu"
}

if [ "${CDS:-}" = 1 ]; then
  for name in plain dreamnet; do
    if [ ! -f "$app/$name.jsa" ]; then
      java -Xmx128m -XX:ArchiveClassesAtExit="$app/$name.jsa" -jar "$app/$name.jar" --server.port="$port" \
          >"$app/$name-cds.log" 2>&1 &
      pid=$!
      until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; do
        sleep 0.05
      done
      kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    fi
  done
fi

echo "load average before: $(cat /proc/loadavg)"
plain=(); dreamnet=(); plain_cpu=(); dreamnet_cpu=()
for run in $(seq 1 "$runs"); do
  if (( run % 2 )); then order=(plain dreamnet); else order=(dreamnet plain); fi
  for name in "${order[@]}"; do
    read -r ms cpu <<<"$(launch "$name")"
    if [ "$name" = plain ]; then plain+=("$ms"); plain_cpu+=("$cpu"); else dreamnet+=("$ms"); dreamnet_cpu+=("$cpu"); fi
  done
  echo "run $run: without ${plain[-1]} ms (CPU ${plain_cpu[-1]} ms), with the starter ${dreamnet[-1]} ms (CPU ${dreamnet_cpu[-1]} ms)"
done
echo "load average after: $(cat /proc/loadavg)"

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1; s+=$1} END {printf "median %d ms, mean %d ms, min %d, max %d", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), s/NR, a[1], a[NR]}'; }
echo "without the starter: $(stats "${plain[@]}"); CPU $(stats "${plain_cpu[@]}")"
echo "with the starter:    $(stats "${dreamnet[@]}"); CPU $(stats "${dreamnet_cpu[@]}")"
