#!/usr/bin/env bash
# The quick start on the embedded defaults, as a new developer runs it: `npm run dev` with no
# .env must serve the landing page within 60 s, and a second start must find the data again.
# Run by .ci/run and by .github/workflows/ci.yml.
set -euo pipefail
cd "$(dirname "$0")/.."

dev_port=3050
dev_up() {
  local started=$SECONDS
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$dev_port/")" = 200 ]; do
    if [ $((SECONDS - started)) -ge 60 ]; then echo "npm run dev did not serve / within 60 s" >&2; return 1; fi
    sleep 0.5
  done
  echo "landing page served after $((SECONDS - started)) s"
}
dev_stop() {
  kill -INT -- "-$dev_pid" 2>/dev/null || true
  wait "$dev_pid" 2>/dev/null || true
  # npm exits before the Next.js and database processes it started have finished closing.
  for _ in $(seq 40); do pgrep -g "$dev_pid" >/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$dev_pid" 2>/dev/null || true
}
trap 'dev_stop' EXIT
rm -rf .keel
PORT=$dev_port setsid npm run dev >/tmp/keel-ci-dev.log 2>&1 & dev_pid=$!
dev_up || { cat /tmp/keel-ci-dev.log; exit 1; }
curl -sf "http://localhost:$dev_port/api/health" >/dev/null
dev_stop
PORT=$dev_port setsid npm run dev >/tmp/keel-ci-dev.log 2>&1 & dev_pid=$!
dev_up || { cat /tmp/keel-ci-dev.log; exit 1; }
grep -q "database schema is up to date" /tmp/keel-ci-dev.log || { cat /tmp/keel-ci-dev.log; exit 1; }
dev_stop
trap - EXIT
