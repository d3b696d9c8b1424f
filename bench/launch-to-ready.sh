#!/usr/bin/env bash
# Time from launching the runnable jar to /health/ready answering 200, on embedded defaults.
# Usage: bench/launch-to-ready.sh [RUNS]   (builds nothing: run ./dreamnet --version once first, which
# also prepares the class-data sharing archive the launcher uses; the script uses it the same way)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/cli/target/dreamnet.jar"
runs="${1:-5}"
port=5077
. "$root/bench/spring-ready.sh"
[ -f "$jar" ] || { echo "build the jar first: ./dreamnet --version" >&2; exit 1; }
archive="$root/cli/target/dreamnet.jsa"
share=()
if [ -f "$archive" ] && [ "${NO_CDS:-}" != 1 ]; then share=(-XX:SharedArchiveFile="$archive" -Xshare:auto); fi
echo "class-data sharing archive: ${share[*]:-none}"

for run in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  start=$(date +%s%N)
  java -Xmx128m "${share[@]}" -jar "$jar" serve --port "$port" --data-dir "$data" --graph "$root/deploy/graph.json" >/dev/null 2>&1 &
  pid=$!
  until ready_now "$port" /health/ready; do # polling that costs the start being timed almost no CPU
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; exit 1; }
    pause 0.01
  done
  end=$(date +%s%N)
  echo "run $run: launch to ready $(( (end - start) / 1000000 )) ms (fresh data dir)"
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
done
