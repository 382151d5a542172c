#!/usr/bin/env bash
# Builds porpoise, starts it in memory on a free local port, starts
# chromedriver, and drives the web console in headless Chromium
# (node --test console.test.mjs). Installs Debian's chromium and
# chromium-driver when they are missing. Exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../porpoise.sh"

require node
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "--- installing chromium and chromium-driver"
    if [[ $(id -u) -eq 0 ]]; then sudo=; else sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi

start_porpoise

echo "--- starting chromedriver"
dport=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
chromedriver --port="$dport" --allowed-ips=127.0.0.1 >"$work/driver.log" 2>&1 &
dpid=$!
pids+=("$dpid")
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$dport/status" >/dev/null 2>&1 && break
    kill -0 "$dpid" 2>/dev/null || { cat "$work/driver.log" >&2; exit 1; }
    sleep 0.1
done

echo "--- node --test console.test.mjs"
status=0
PORPOISE_ADDR="$addr" CHROMEDRIVER_URL="http://127.0.0.1:$dport" CHROMIUM="$(command -v chromium)" \
    node --test --test-concurrency=1 "$here/console.test.mjs" || status=$?
if [[ $status -ne 0 ]]; then
    echo "--- server log"; cat "$work/server.log"
fi
exit $status
