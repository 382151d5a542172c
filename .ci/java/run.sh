#!/usr/bin/env bash
# Builds porpoise, starts it in memory on a free local port and runs the
# Java API's suite (interop/java, Maven with com.dolphindb:dolphindb-javaapi
# pinned in its pom.xml: DBConnection, the appenders, pools, block reads,
# MultithreadedTableWriter and ThreadedClient subscribe) against it.
# Exits non-zero when the build, the dependency download or a test fails.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../porpoise.sh"
require mvn
start_porpoise

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
