# Sourced by the .ci/*/run.sh scripts, so each builds and starts porpoise
# the same way: sets root (the checkout) and work (a temporary directory),
# and on exit stops every process it was handed in pids and removes work.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
pids=()

stop_started() {
    local p
    for p in "${pids[@]}"; do
        if kill -0 "$p" 2>/dev/null; then
            kill -TERM "$p" 2>/dev/null || true
            wait "$p" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap stop_started EXIT

# require exits unless every named command is on the PATH.
require() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null || { echo "run.sh: $c is required" >&2; exit 1; }
    done
}

# build_porpoise builds the server into $work/porpoise.
build_porpoise() {
    echo "--- building porpoise"
    (cd "$root" && go build -o "$work/porpoise" ./cmd/porpoise)
}

# start_porpoise builds porpoise and starts it in memory on a free local
# port, logging to $work/server.log; sets pid and addr (host:port) and
# exits when the server does not come up within ten seconds.
start_porpoise() {
    build_porpoise
    echo "--- starting porpoise --in-memory"
    "$work/porpoise" --in-memory --addr 127.0.0.1:0 >"$work/server.log" 2>&1 &
    pid=$!
    pids+=("$pid")
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
}
