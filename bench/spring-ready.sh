# Sourced by the Spring Boot bench scripts.
# await_ready PID PORT LOG [POLL]: waits until the service on PORT answers 200 on /actuator/health/readiness, trying
# every POLL seconds (0.05); if process PID ends first, prints the end of LOG and exits.
await_ready() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/actuator/health/readiness")" = 200 ]; do
    kill -0 "$1" 2>/dev/null || { echo "the service exited before it was ready ($3): $(tail -5 "$3")" >&2; exit 1; }
    sleep "${4:-0.05}"
  done
}
