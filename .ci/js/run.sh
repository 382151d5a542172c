#!/usr/bin/env bash
# Builds porpoise, starts it in memory on a free local port, runs the
# JavaScript API suite (node --test suite.mjs) against it and stops it.
# Exits non-zero when the build, the install or any test fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
pid=

cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

command -v node >/dev/null || { echo "run.sh: node is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "run.sh: npm is required" >&2; exit 1; }

echo "--- building porpoise"
(cd "$root" && go build -o "$work/porpoise" ./cmd/porpoise)

echo "--- starting porpoise --in-memory"
"$work/porpoise" --in-memory --addr 127.0.0.1:0 >"$work/server.log" 2>&1 &
pid=$!
addr=
for _ in $(seq 1 100); do
    addr=$(sed -n 's/^porpoise listening on \([^ ]*\).*/\1/p' "$work/server.log" | head -n1)
    [[ -n "$addr" ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "run.sh: porpoise exited" >&2
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$addr" ]]; then
    echo "run.sh: porpoise did not start listening" >&2
    cat "$work/server.log" >&2
    exit 1
fi
echo "porpoise listening on $addr"

echo "--- installing the JavaScript API"
cd "$here"
if [[ -f package-lock.json ]]; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
else
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error
fi

echo "--- node --test suite.mjs"
status=0
PORPOISE_ADDR="$addr" node --test suite.mjs || status=$?

kill -TERM "$pid"
if ! wait "$pid"; then
    echo "run.sh: porpoise did not stop cleanly" >&2
    status=1
fi
pid=
if [[ $status -ne 0 ]]; then
    echo "--- porpoise log"
    cat "$work/server.log"
fi
exit $status
