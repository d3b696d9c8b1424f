#!/usr/bin/env bash
# Open-loop overload benchmark (issue 17): each guard in turn on a fresh OverloadTarget JVM (Javalin + DreamNetPlugin,
# GET /work/{critical,default,sheddable} each one pg_sleep(0.01) on a 4-connection PostgreSQL pool), driven by
# OpenLoop at a constant arrival rate: steps of 0.5x..3x the pool's measured capacity, then a recovery phase at 0.8x,
# with a 10/20/70 CRITICAL/DEFAULT/SHEDDABLE mix and a liveness probe every 10 ms. Generator and server share this
# machine. Prints each contender's tables, then one comparison against the goals.
# Usage: bench/overload.sh [GUARD...]   (default: none bulkhead netflix dreamnet; builds bench/target/benchmarks.jar
# when it is missing or older than the sources it is built from)
# Environment: STEP_SECONDS (10), STEPS (0.5,1,1.5,2,3), RECOVERY_SECONDS (15), MIX (10,20,70), POOL (4),
# CAPACITY (default: the first target's calibration, then the same for every contender), JDBC (the test database).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench/target/benchmarks.jar"
guards=("$@")
[ ${#guards[@]} -gt 0 ] || guards=(none bulkhead netflix dreamnet)
heap=(-Xms256m -Xmx256m)
pool="${POOL:-4}"
capacity="${CAPACITY:-}"
load=(--steps "${STEPS:-0.5,1,1.5,2,3}" --step-seconds "${STEP_SECONDS:-10}" --warm-up-seconds 10
  --recovery 0.8 --recovery-seconds "${RECOVERY_SECONDS:-15}" --mix "${MIX:-10,20,70}" --timeout-ms 2000 --probe-ms 10)
. "$root/bench/bench-jar.sh"
data="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), generator, servers and"
echo "  PostgreSQL all on it; java: $(java -version 2>&1 | head -1), ${heap[*]} for each side"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
port=5111
for guard in "${guards[@]}"; do
  log="$data/$guard.target.log"
  args=(--guard "$guard" --port "$port" --pool "$pool")
  [ "$guard" != dreamnet ] || args+=(--overload "$root/bench/overload.yaml")
  [ -z "${JDBC:-}" ] || args+=(--jdbc "$JDBC")
  java "${heap[@]}" -cp "$bench" dev.dreamnet.bench.overload.OverloadTarget "${args[@]}" >"$log" 2>&1 &
  target=$!
  until grep -q '^listening' "$log"; do
    if ! kill -0 "$target" 2>/dev/null; then
      echo "== $guard: the target did not start:"; grep -m3 -E 'Exception|not runnable|OverloadTarget' "$log" || tail -5 "$log"
      printf '%s\tnot runnable\n' "$guard" >>"$data/summary.tsv"
      continue 2
    fi
    sleep 0.2
  done
  measured=$(sed -n 's/^capacity: \([0-9]*\) req\/s.*/\1/p' "$log")
  capacity="${capacity:-$measured}"
  echo
  echo "== $guard target: $(grep '^guard:' "$log"); its calibration $measured req/s, offered steps from $capacity req/s"
  echo "   load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java "${heap[@]}" -cp "$bench" dev.dreamnet.bench.overload.OpenLoop --url "http://127.0.0.1:$port" \
    --capacity "$capacity" --name "$guard" --summary "$data/summary.tsv" "${load[@]}"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$target"; wait "$target" 2>/dev/null || true
  port=$((port + 1))
done

echo
echo "== side by side at 3x (goals: goodput >= 90% of peak, CRITICAL p99 <= 2x unloaded, >= 95% of refusals SHEDDABLE,"
echo "   liveness p99 < 50 ms, full goodput <= 10 s after the overload)"
awk -F'\t' 'function mark(ok) { return ok ? " " : "!" }
  BEGIN { printf "%-9s %7s %8s %6s %13s %11s %7s %8s %7s %7s %10s %10s %8s %8s\n", "guard", "peak/s", "3x 2xx/s",
    "share", "crit p99 0.5x", "crit p99 3x", "ratio", "refused", "shed", "failed", "live p99", "live worst", "recovery",
    "lag p99" }
  $2 == "not runnable" { printf "%-9s not runnable on this build\n", $1; next }
  { printf "%-9s %7s %8s %5.0f%%%s %10s ms %8s ms %6sx%s %8s %5.1f%%%s %7s %7s ms%s %7s ms %8s%s %5s ms\n",
      $1, $3, $4, 100 * $5, mark($5 >= 0.9), $6, $7, $8, mark($8 <= 2), $9, ($10 == "NaN" ? 0 : 100 * $10),
      mark($10 != "NaN" && $10 >= 0.95), $11, $12, mark($12 < 50), $13, ($14 < 0 ? "never" : $14 " s"),
      mark($14 >= 0 && $14 <= 10), $15 }' "$data/summary.tsv"
echo "(! marks a missed goal; failed = client timeouts, connection errors and other statuses at 3x)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
