# Sourced by the Spring Boot bench scripts: waiting for readiness, and the jars they start.
# await_ready PID PORT LOG [POLL]: waits until the service on PORT answers 200 on /actuator/health/readiness, trying
# every POLL seconds (0.05); if process PID ends first, prints the end of LOG and exits.
await_ready() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/actuator/health/readiness")" = 200 ]; do
    kill -0 "$1" 2>/dev/null || { echo "the service exited before it was ready ($3): $(tail -5 "$3")" >&2; exit 1; }
    sleep "${4:-0.05}"
  done
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
