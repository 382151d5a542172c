#!/usr/bin/env bash
# Installs the official DolphinDB Python API (pinned in
# interop/python/requirements.txt) and the repository's pytest plugin
# (python/) into a fresh virtualenv, builds porpoise once, and runs the
# plugin's own tests and the Python interop suite; each starts its server
# through the plugin. Any failure, and a run that collects no test
# (pytest exit 5), fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../porpoise.sh"

py=${PYTHON:-python3}
require "$py"
build_porpoise
export PORPOISE_BIN="$work/porpoise"

echo "--- installing the Python API and the pytest plugin"
"$py" -m venv "$work/venv"
pip="$work/venv/bin/pip"
"$pip" install --quiet --disable-pip-version-check -r "$root/interop/python/requirements.txt"
"$pip" install --quiet --disable-pip-version-check "$root/python"

run_pytest() {
    local status=0
    (cd "$1" && "$work/venv/bin/python" -m pytest -p no:cacheprovider -q "${@:2}") || status=$?
    if [[ $status -eq 5 ]]; then
        echo "run.sh: pytest collected no test in $1" >&2
    fi
    return $status
}

echo "--- pytest python/tests (the plugin's own tests)"
run_pytest "$root/python/tests"

echo "--- pytest interop/python"
run_pytest "$root/interop/python"
