#!/usr/bin/env bash
# Where a start of bench/spring-app spends its CPU, with dreamnet-spring-boot-starter against without it, sampled by
# async-profiler (event=itimer, per thread) from launch to the first 200 on /actuator/health/readiness, over STARTS
# alternating starts of each jar. Prints the mean CPU per start of each thread group and, for the main thread, of each
# phase of Spring's start (configuration classes parsed, singletons made, web server created, ...) and the part of it
# spent in DreamNet's own frames, the largest differences first. It tells where a difference goes, which a start's wall
# time cannot; the rows still move by tens of milliseconds from one series to the next on a busy machine, except the
# rows "in DreamNet's frames", which only the starter's jar has and which are steady.
# Usage: bench/spring-profile.sh [STARTS]   (6 by default; APP=reference for the service the issue's goal names;
#   KEEP=DIR keeps the collapsed stacks; needs python3; async-profiler 4.1 comes from Maven Central the first time)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/bench/spring-app/target"
starts="${1:-6}"
prefix="${APP:+$APP-}"
port=5078
. "$root/bench/spring-ready.sh"
ensure_jars "${prefix}"
command -v python3 >/dev/null || { echo "python3 is needed to add up the samples" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP:-}" ] && cp -r "$work" "$KEEP"; rm -rf "$work"' EXIT

profiler="$(async_profiler "$work")"

for i in $(seq 1 "$starts"); do
  for name in plain dreamnet; do
    dir="$(mktemp -d "$work/$name-$i.XXXX")"
    (cd "$dir" && exec java -Xmx128m -agentpath:"$profiler"=start,event=itimer,interval=4ms,threads \
        -jar "$app/$prefix$name.jar" --server.port="$port") >"$dir/out.log" 2>&1 &
    pid=$!
    await_ready "$pid" "$port" "$dir/out.log" 0.02
    java "$work/Attach.java" "$pid" "$profiler" "stop,file=$work/$name-$i.txt,collapsed"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$dir"
  done
done

python3 - "$work" <<'PY'
import collections, glob, re, sys

work = sys.argv[1]
# Spring's phases of a start, by a frame on the main thread's stack, the first that matches.
PHASES = [("ConfigurationClassParser", "configuration classes parsed"), ("createWebServer", "web server created"),
          ("preInstantiateSingletons", "singletons made"), ("registerBeanPostProcessors", "post-processors made"),
          ("invokeBeanFactoryPostProcessors", "bean factory post-processed"), ("finishRefresh", "refresh finished"),
          ("prepareEnvironment", "environment prepared"), ("SpringApplication.run", "rest of the run"),
          ("Launcher.launch", "launcher")]
OURS = re.compile(r"dev/dreamnet/(runtime|core|spring|config|jdbc)/")

def add_up(name):
    """Sample counts per row, and how many starts they came from."""
    rows, files = collections.Counter(), glob.glob(f"{work}/{name}-*.txt")
    for path in files:
        for line in open(path):
            stack, count = line.rstrip().rsplit(" ", 1)
            frames, count = stack.split(";"), int(count)
            thread = re.sub(r"\d+", "#", frames[0].strip("[]").split(" tid=")[0])
            # The main thread is renamed when main() returns, as Spring Boot's does once the context is started.
            main = thread in ("main", "DestroyJavaVM")
            rows["thread " + ("main" if main else thread)] += count
            if main:
                phase = next((label for frame, label in PHASES if any(frame in f for f in frames)), "other")
                rows["main: " + phase] += count
                if any(OURS.match(f) for f in frames):
                    rows["main: " + phase + ", in DreamNet's frames"] += count
    return rows, len(files)

plain, plain_starts = add_up("plain")
ours, our_starts = add_up("dreamnet")
# One sample per 4 ms of a thread's CPU, the interval asked for (a kernel ticking at 250 Hz gives no finer one).
tick = 4
print(f"mean CPU per start (ms), {plain_starts} starts of each jar; itimer samples of {tick} ms")
print(f"{'':62s} {'without':>8s} {'with':>8s} {'diff':>7s}")
for key in sorted(set(plain) | set(ours), key=lambda k: (not k.startswith("thread"),
                                                          -(ours[k] / our_starts - plain[k] / plain_starts))):
    without, with_ = plain[key] / plain_starts * tick, ours[key] / our_starts * tick
    if abs(with_ - without) >= 5 or key == "thread main":
        print(f"{key:62s} {without:8.0f} {with_:8.0f} {with_ - without:+7.0f}")
PY
