#!/usr/bin/env bash
# Builds porpoise, starts it in memory on a free local port and runs the
# Java API's MultithreadedTableWriter scenarios (interop/java, Maven with
# com.dolphindb:dolphindb-javaapi pinned in its pom.xml) against it.
# Exits non-zero when the build, the dependency download or a test fails.
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

command -v mvn >/dev/null || { echo "run.sh: mvn is required" >&2; exit 1; }

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
    exit 1
fi
echo "porpoise listening on $addr"

echo "--- mvn test (interop/java)"
status=0
(cd "$root/interop/java" && PORPOISE_HOST="${addr%:*}" PORPOISE_PORT="${addr##*:}" \
    mvn -B -q test -Dorg.slf4j.simpleLogger.defaultLogLevel=warn) || status=$?
if [[ -d "$root/interop/java/target/surefire-reports" ]]; then
    grep -h "Tests run" "$root/interop/java/target/surefire-reports/"*.txt || true
fi
rm -rf "$root/interop/java/target"
if [[ $status -ne 0 ]]; then
    echo "--- porpoise log"
    cat "$work/server.log"
fi
exit $status
