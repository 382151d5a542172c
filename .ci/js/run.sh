#!/usr/bin/env bash
# Builds porpoise, starts it in memory on a free local port, runs the
# JavaScript API suite (node --test suite.mjs) against it and stops it.
# Exits non-zero when the build, the install or any test fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../porpoise.sh"
require node npm
start_porpoise

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
if [[ $status -ne 0 ]]; then
    echo "--- porpoise log"
    cat "$work/server.log"
fi
exit $status
