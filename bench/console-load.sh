#!/usr/bin/env bash
# The operator console's first load on loopback, in a real browser: Debian's headless chromium driven through
# chromium-driver's WebDriver HTTP API with curl (no Selenium, no build). Each run is a fresh browser (empty cache).
# Reports Navigation Timing (DOMContentLoaded, load event), the page's own "console-first-render" mark (the first
# data on screen: every API read answered and rendered), and the page weight (document and assets, as transferred).
# Usage: bench/console-load.sh [RUNS] [BASE_URL]
#   Without BASE_URL it starts the runnable jar (./dreamnet --version builds it) on a free loopback port.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
base="${2:-}"
command -v chromedriver >/dev/null || { echo "install chromium and chromium-driver first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed to read the WebDriver answers" >&2; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$base" ]; then
  jar="$root/cli/target/dreamnet.jar"
  [ -f "$jar" ] || { echo "build the jar first: ./dreamnet --version" >&2; exit 1; }
  java -Xmx128m -jar "$jar" serve --host 127.0.0.1 --port 0 --data-dir "$work/data" --graph "$root/deploy/graph.json" \
      >"$work/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    port="$(sed -n 's|^DreamNet listening on http://[^:]*:\([0-9]*\).*|\1|p' "$work/server.log")"
    [ -n "$port" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] && break
    sleep 0.1
  done
  [ -n "${port:-}" ] || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  base="http://127.0.0.1:$port"
fi

driver_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
chromedriver --port="$driver_port" >"$work/driver.log" 2>&1 &
pids+=($!)
wd="http://127.0.0.1:$driver_port"
until curl -sf "$wd/status" >/dev/null; do sleep 0.1; done

json() { python3 -c "import json,sys; v=json.load(sys.stdin)['value']; print($1)"; }
caps='{"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"/usr/bin/chromium",
  "args":["--headless=new","--no-sandbox","--disable-dev-shm-usage","--disable-gpu","--window-size=1280,800"]}}}}'
measure='
  var nav = performance.getEntriesByType("navigation")[0];
  var mark = performance.getEntriesByName("console-first-render")[0];
  if (!mark || !nav || nav.loadEventEnd === 0) { return null; }
  var bytes = nav.transferSize, decoded = nav.decodedBodySize, assets = 0;
  performance.getEntriesByType("resource").forEach(function (r) {
    if (r.initiatorType !== "fetch") { bytes += r.transferSize; decoded += r.decodedBodySize; assets++; }
  });
  return [Math.round(nav.domContentLoadedEventEnd), Math.round(nav.loadEventEnd), Math.round(mark.startTime), bytes,
    decoded, assets + 1];'
script=$(python3 -c 'import json,sys; print(json.dumps({"script": sys.argv[1], "args": []}))' "$measure")

echo "console: $base/console, $runs fresh browser(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  session=$(curl -sf -X POST -H 'Content-Type: application/json' -d "$caps" "$wd/session" | json 'v["sessionId"]')
  curl -sf -X POST -H 'Content-Type: application/json' -d "{\"url\":\"$base/console\"}" "$wd/session/$session/url" >/dev/null
  result=None
  for _ in $(seq 1 100); do
    result=$(curl -sf -X POST -H 'Content-Type: application/json' -d "$script" "$wd/session/$session/execute/sync" | json 'v')
    [ "$result" != None ] && break
    sleep 0.1
  done
  curl -sf -X DELETE "$wd/session/$session" >/dev/null
  echo "$result" | python3 -c "import sys,ast; d,l,f,b,u,n=ast.literal_eval(sys.stdin.read()); \
print(f'run $run: DOMContentLoaded {d} ms, load {l} ms, first data on screen {f} ms, page weight {b/1024:.1f} KB \
transferred ({u/1024:.1f} KB uncompressed) in {n} files')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
