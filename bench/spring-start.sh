#!/usr/bin/env bash
# Start time of a minimal Spring Boot 4 service (web, actuator; bench/spring-app) with dreamnet-spring-boot-starter
# against without it: from launching `java -Xmx128m -jar` to the first 200 on /actuator/health/readiness, both
# executable jars, alternating which goes first in each round.
# The last line gives each run's difference (with the starter minus without), as a median and its middle half.
# Usage: bench/spring-start.sh [RUNS] [-- EXTRA APP ARGUMENTS FOR THE DREAMNET JAR]
#   DREAMNET_JVM="-Dx=y ..." adds JVM options to the dreamnet jar only.
#   (builds the jars with bench/spring-app/build.sh when missing; REBUILD=1 to rebuild)
# CDS=1 uses a class-data sharing archive per jar (made by one training run, -XX:ArchiveClassesAtExit).
# APP=reference measures the service the issue's goal names instead: web, actuator, Resilience4j and JDBC with H2.
# APP=migrated measures that service moved from Resilience4j to DreamNet: the starter in place of Resilience4j and
# its AspectJ starter, against the service with Resilience4j (what a team that adopts DreamNet for its breakers sees).
# APP=embedded measures DreamNet's runtime alone, started by hand before Spring (-Dbench.embedded=true, no starter), in
# the reference service: what the runtime costs a start, apart from the starter's Spring part.
# EXTRACT=1 runs each jar as Spring Boot's efficient-deployment layout instead
# (`java -Djarmode=tools -jar X.jar extract`: the application's jar and its libraries side by side, read by the JVM's
# own class loader); with CDS=1, the archive is made from that layout, as Spring Boot documents for class-data sharing.
# Each start runs in a new empty directory, as a container's first start: DreamNet's store (./dreamnet-data) does not
# exist yet, and it is not opened unless something is written to it. RESTART=1 starts each jar in the same directory
# every time, after one start of the dreamnet jar there that writes to the store (an operator turns brownout on and
# off), so the store exists and is opened, and what it holds restored, before readiness at every measured start.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/bench/spring-app/target"
runs="${1:-10}"
shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")
port=5078
. "$root/bench/spring-ready.sh"
prefix="${APP:+$APP-}"
ensure_jars "${prefix}"
runs_dir="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$runs_dir"' EXIT
layout="${EXTRACT:+-extracted}"

launch_jar() { # name: the jar to launch, extracted first with EXTRACT=1
  if [ "${EXTRACT:-}" = 1 ]; then
    local dir="$app/extracted/$prefix$1"
    if [ ! -f "$dir/$prefix$1.jar" ] || [ "$app/$prefix$1.jar" -nt "$dir/$prefix$1.jar" ]; then
      rm -rf "$dir"
      java -Djarmode=tools -jar "$app/$prefix$1.jar" extract --destination "$dir" >/dev/null
    fi
    echo "$dir/$prefix$1.jar"
  else
    echo "$app/$prefix$1.jar"
  fi
}
# Extracted now, so that no measured start includes the extraction.
if [ "${EXTRACT:-}" = 1 ]; then launch_jar plain >/dev/null; launch_jar dreamnet >/dev/null; fi

jvm() { # name: the JVM options of that jar (DREAMNET_JVM: more, for the dreamnet jar only)
  local options=(-Xmx128m)
  # shellcheck disable=SC2206
  if [ "$1" = dreamnet ] && [ -n "${DREAMNET_JVM:-}" ]; then options+=($DREAMNET_JVM); fi
  if [ "$1" = dreamnet ] && [ "$prefix" = embedded- ]; then options+=(-Dbench.embedded=true); fi
  if [ "${CDS:-}" = 1 ]; then options+=(-XX:SharedArchiveFile="$app/$prefix$1$layout.jsa" -Xshare:auto); fi
  echo "${options[@]}"
}

cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

launch() { # name: prints milliseconds from launch to readiness, and the CPU time the JVM had used by then
  local extra_args=()
  [ "$1" = dreamnet ] && extra_args=("${extra[@]}")
  local start end pid
  local dir="$runs_dir/$1"
  [ "${RESTART:-}" = 1 ] || dir="$(mktemp -d "$runs_dir/$1.XXXX")"
  mkdir -p "$dir"
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  (cd "$dir" && exec java $(jvm "$1") -jar "$(launch_jar "$1")" --server.port="$port" "${extra_args[@]}") \
      >"$app/$prefix$1.log" 2>&1 &
  pid=$!
  await_ready "$pid" "$port" "$app/$prefix$1.log" 0.01
  end=$(date +%s%N)
  local cpu
  cpu=$(cpu_ms "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $cpu"
}

if [ "${CDS:-}" = 1 ]; then
  for name in plain dreamnet; do
    if [ ! -f "$app/$prefix$name$layout.jsa" ]; then
      (cd "$runs_dir" && exec java -Xmx128m -XX:ArchiveClassesAtExit="$app/$prefix$name$layout.jsa" \
          -jar "$(launch_jar "$name")" --server.port="$port") >"$app/$prefix$name-cds.log" 2>&1 &
      pid=$!
      await_ready "$pid" "$port" "$app/$prefix$name-cds.log"
      kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    fi
  done
fi

if [ "${RESTART:-}" = 1 ]; then # the store, written once, as an application that has run before
  mkdir -p "$runs_dir/dreamnet"
  (cd "$runs_dir/dreamnet" && exec java -Xmx128m -jar "$(launch_jar dreamnet)" --server.port="$port" \
      --management.endpoints.web.exposure.include=health,dreamnet --dreamnet.tokens.admin=bench-seed) \
      >"$app/${prefix}dreamnet-seed.log" 2>&1 &
  pid=$!
  await_ready "$pid" "$port" "$app/${prefix}dreamnet-seed.log"
  for enabled in true false; do
    curl -sf -o /dev/null -X POST -H 'Authorization: Bearer bench-seed' -H 'Content-Type: application/json' \
        -d "{\"enabled\": $enabled, \"reason\": \"bench: a store written before\"}" \
        "http://127.0.0.1:$port/actuator/dreamnet/modes/brownout"
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  [ -d "$runs_dir/dreamnet/dreamnet-data" ] || { echo "the store was not written, see $app/${prefix}dreamnet-seed.log" >&2; exit 1; }
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
# Each run's two starts ran side by side in time, so their difference cancels what the machine did in that run; the
# median of those differences, and the middle half of them, say more on a noisy machine than two medians apart.
paired() { # plain values, then "--", then the dreamnet values
  local -a a=() b=(); local seen=0
  for v in "$@"; do if [ "$v" = -- ]; then seen=1; elif (( seen )); then b+=("$v"); else a+=("$v"); fi; done
  for i in "${!a[@]}"; do echo $(( b[i] - a[i] )); done | sort -n | awk '{d[NR]=$1} END {
    printf "median %+d ms, middle half %+d to %+d ms (%d runs)", (NR%2 ? d[(NR+1)/2] : (d[NR/2]+d[NR/2+1])/2),
        d[int((NR+3)/4)], d[int((3*NR+3)/4)], NR}'
}
echo "difference, run by run: wall $(paired "${plain[@]}" -- "${dreamnet[@]}"); CPU $(paired "${plain_cpu[@]}" -- "${dreamnet_cpu[@]}")"
