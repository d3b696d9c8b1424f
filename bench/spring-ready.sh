# Sourced by the bench scripts that time a start: waiting for readiness, and the Spring Boot jars they start.
# await_ready PID PORT LOG [POLL]: waits until the service on PORT answers 200 on /actuator/health/readiness, trying
# every POLL seconds (0.05); if process PID ends first, prints the end of LOG and exits.
await_ready() {
  until ready_now "$2"; do
    kill -0 "$1" 2>/dev/null || { echo "the service exited before it was ready ($3): $(tail -5 "$3")" >&2; exit 1; }
    pause "${4:-0.05}"
  done
}

# ready_now PORT [PATH]: whether PATH (/actuator/health/readiness) answers 200. Through bash's /dev/tcp and builtins only: a curl, a
# sleep and a subshell per poll cost about 26 ms of CPU each on a 2-core machine, so polling every 10 ms took about
# 70% of a core from the start being timed; this costs about 0.6 ms a poll.
ready_now() {
  local status=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "${2:-/actuator/health/readiness}" >&3
  read -r _ status _ <&3 || true
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}

# pause SECONDS: sleeps without starting a process (a read that times out on a pipe nobody writes to).
pause() {
  if [ -z "${pause_fd:-}" ]; then
    local fifo
    fifo="$(mktemp -u)"
    mkfifo "$fifo"
    exec {pause_fd}<>"$fifo"
    rm -f "$fifo"
  fi
  read -r -t "$1" -u "$pause_fd" _ || true
}

# ensure_jars [PREFIX]: builds bench/spring-app's jars (bench/spring-app/build.sh) when PREFIXplain.jar or
# PREFIXdreamnet.jar is missing, or when REBUILD=1.
ensure_jars() {
  local target bench
  bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  target="$bench/spring-app/target"
  if [ "${REBUILD:-}" = 1 ] || [ ! -f "$target/${1:-}plain.jar" ] || [ ! -f "$target/${1:-}dreamnet.jar" ]; then
    "$bench/spring-app/build.sh"
  fi
}

# async_profiler DIR: prints the path of async-profiler's library (4.1, fetched from Maven Central into bench/target the
# first time) and writes DIR/Attach.java, which loads that library into a running JVM with the given options
# (`java DIR/Attach.java PID LIBRARY "stop,file=...,collapsed"` stops it and writes its samples, as async-profiler's own
# asprof would; the Maven Central artifact has only the library).
async_profiler() {
  local bench library
  bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  library="$bench/target/async-profiler/linux-x64/libasyncProfiler.so"
  if [ ! -f "$library" ]; then
    mvn -B -q -Dstyle.color=never dependency:get -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 >&2
    mkdir -p "$bench/target/async-profiler"
    unzip -oq "$HOME/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1-linux-x64.jar" \
        -d "$bench/target/async-profiler"
  fi
  cat >"$1/Attach.java" <<'JAVA'
public class Attach {
    public static void main(String[] args) throws Exception {
        com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
JAVA
  echo "$library"
}
