#!/usr/bin/env bash
# Browser tests of the web pages: builds the server, starts it with demo
# data on a free port in a temporary directory, drives Debian's Chromium
# against it with Node's test runner, and stops the server whatever
# happens. The exit code is the tests'.
#
#   e2e/run.sh                  run the tests
#   SCREENSHOTS=1 e2e/run.sh    also write docs/screenshots/<page>-<lang>.png
#   CHROMIUM=/path e2e/run.sh   another Chromium than /usr/bin/chromium
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM: install Debian's package (apt-get install -y chromium fonts-noto-core) or set CHROMIUM"
command -v go >/dev/null 2>&1 || fail "go is not installed: the server is built from source"
command -v node >/dev/null 2>&1 || fail "node is not installed: Node.js 20 or later is needed"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' ||
  fail "Node.js $(node --version) is too old: playwright-core needs 20 or later"

if [ ! -d e2e/node_modules ]; then
  echo "e2e: installing the pinned packages (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund) || fail "npm ci failed in e2e/"
fi

tmp=$(mktemp -d)
pid=""
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "e2e: building the server"
go build -o "$tmp/accord" ./cmd/accord

port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
base="http://127.0.0.1:$port"
mkdir "$tmp/data"

echo "e2e: starting the demo server on $base"
ACCORD_LISTEN="127.0.0.1:$port" \
ACCORD_DATA_DIR="$tmp/data" \
ACCORD_EMAIL_VERIFICATION=false \
ACCORD_BASE_URL="$base" \
  "$tmp/accord" serve --demo >"$tmp/server.log" 2>&1 &
pid=$!

ready() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$base/readyz"; }
for _ in $(seq 1 120); do
  ready && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "the server stopped before it was ready"; }
  sleep 0.5
done
ready || { tail -n 50 "$tmp/server.log" >&2; fail "the server was not ready at $base/readyz within 60 seconds"; }

export ACCORD_E2E_BASE_URL="$base"
# The demo accounts' passwords are printed at start, new each time; tests
# that act as staff read them from here.
export ACCORD_E2E_SERVER_LOG="$tmp/server.log"
# Tests that need a server configured otherwise (email verification on,
# as by default) start their own from this binary.
export ACCORD_E2E_BINARY="$tmp/accord"
status=0
# The files are named one by one: Node 20 and Node 22+ read a directory
# argument differently (a path, or a glob pattern).
node --test e2e/tests/*.test.mjs || status=$?

if [ "${SCREENSHOTS:-0}" = 1 ]; then
  node e2e/screenshots.mjs || { [ "$status" -ne 0 ] || status=1; }
fi

if [ "$status" -ne 0 ]; then
  echo "e2e: tests failed; the server's last log lines:" >&2
  tail -n 30 "$tmp/server.log" >&2
fi
exit "$status"
