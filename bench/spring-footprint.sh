#!/usr/bin/env bash
# What a start of bench/spring-app loads before readiness, with dreamnet-spring-boot-starter against without it,
# counted rather than timed: the classes loaded (-Xlog:class+load), DreamNet's own classes and lambdas among them, and
# the jar probes made to load classes (calls to URLClassPath$Loader.getResource, each one nested jar asked for one
# class, counted by async-profiler). The counts come out the same at every start of a jar, so they show a change in
# the starter's footprint on a machine too noisy to time it (bench/spring-start.sh times it).
# Usage: bench/spring-footprint.sh   (APP=reference for the service the issue's goal names; KEEP=DIR keeps each start's
#   class list and probe counts in DIR, to compare what the two starts loaded; the jars are built with
#   bench/spring-app/build.sh when missing; async-profiler 4.1 comes from Maven Central the first time)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/bench/spring-app/target"
prefix="${APP:+$APP-}"
port=5078
. "$root/bench/spring-ready.sh"
ensure_jars "${prefix}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP:-}" ] && cp -r "$work" "$KEEP"; rm -rf "$work"' EXIT

profiler="$(async_profiler "$work")"

count() { # name: prints classes loaded, DreamNet's classes, DreamNet's lambdas and jar probes by readiness
  local dir="$work/$1"
  mkdir -p "$dir"
  local options=(-Xmx128m)
  if [ "$1" = dreamnet ] && [ "$prefix" = embedded- ]; then options+=(-Dbench.embedded=true); fi
  (cd "$dir" && exec java "${options[@]}" -Xlog:class+load=info:file="$dir/classes.log" \
      -agentpath:"$profiler"=start,event='jdk.internal.loader.URLClassPath$Loader.getResource',interval=1 \
      -jar "$app/$prefix$1.jar" --server.port="$port") >"$dir/out.log" 2>&1 &
  local pid=$!
  await_ready "$pid" "$port" "$dir/out.log"
  # What was loaded and probed by readiness, not what the readiness probes and shutting down add.
  java "$work/Attach.java" "$pid" "$profiler" "stop,file=$dir/probes.txt,collapsed"
  cp "$dir/classes.log" "$dir/ready.log"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  local classes ours lambdas probes
  classes=$(wc -l <"$dir/ready.log")
  ours=$(awk '{print $2}' "$dir/ready.log" | grep '^dev\.dreamnet\.' | grep -v -c -E '\$\$Lambda|^dev\.dreamnet\.bench\.' || true)
  lambdas=$(awk '{print $2}' "$dir/ready.log" | grep '^dev\.dreamnet\.' | grep -c '\$\$Lambda' || true)
  probes=$(awk '{s += $NF} END {print s + 0}' "$dir/probes.txt")
  echo "$classes $ours $lambdas $probes"
}

read -r plain_classes _ _ plain_probes <<<"$(count plain)"
read -r classes ours lambdas probes <<<"$(count dreamnet)"
echo "without the starter: $plain_classes classes loaded, $plain_probes jar probes"
echo "with the starter:    $classes classes loaded ($ours DreamNet classes, $lambdas DreamNet lambdas), $probes jar probes"
printf 'difference: %+d classes, %+d jar probes\n' $((classes - plain_classes)) $((probes - plain_probes))
