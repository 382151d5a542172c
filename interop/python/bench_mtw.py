"""Benchmark: 1M rows through the Python API's MultithreadedTableWriter into a
shared in-memory table and a DFS table, beside the same rows through
Porpoise's Go mtw (interop/mtwload), against one server in one run.

Not part of the test suite (pytest collects test_*.py only). Run from the
repository root after installing interop/python/requirements.txt and python/:

    python interop/python/bench_mtw.py [--rows 1000000] [--data-dir DIR]

Prints one line per case: rows, seconds, rows/s.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import dolphindb as ddb
import numpy as np

from pytest_porpoise import PorpoiseServer, find_binary

NAMES = ["AAPL", "MSFT", "IBM", "GOOG", "TSLA", "AMZN", "NVDA", "META"]
EPOCH_MS = 1704067200000
SCHEMA = "table(1:0, `id`sym`price`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP])"


def python_mtw(srv, db, table, rows, threads, part_col):
    w = ddb.MultithreadedTableWriter(srv.host, srv.port, "admin", "123456", dbPath=db, tableName=table,
                                     batchSize=10000, throttle=1, threadCount=threads, partitionCol=part_col)
    ts0 = np.datetime64(EPOCH_MS, "ms")
    one_ms = np.timedelta64(1, "ms")
    start = time.perf_counter()
    for i in range(rows):
        w.insert(i, NAMES[i & 7], i * 0.01, ts0 + i * one_ms)
    w.waitForThreadCompletion()
    elapsed = time.perf_counter() - start
    st = w.getStatus()
    if st.hasError() or st.sentRows != rows:
        raise RuntimeError(f"python writer failed: {st.errorInfo} (sent {st.sentRows})")
    return elapsed


def go_mtw(loader, srv, db, table, rows, threads, part_col):
    out = subprocess.run([loader, "-host", srv.host, "-port", str(srv.port), "-db", db, "-table", table,
                          "-rows", str(rows), "-batch", "10000", "-threads", str(threads),
                          "-partition-col", part_col], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--data-dir", default=None, help="server data directory (default: a temporary one)")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    work = tempfile.mkdtemp(prefix="mtw-bench-")
    loader = os.path.join(work, "mtwload")
    subprocess.run(["go", "build", "-o", loader, "./interop/mtwload"], cwd=root, check=True)
    srv = PorpoiseServer(find_binary(build_dir=work), data_dir=args.data_dir or os.path.join(work, "data")).start()
    s = srv.session()
    n = args.rows
    try:
        print(f"server {srv.addr}, data dir {srv.data_dir}, {n} rows per case")
        for impl, run in (("python", python_mtw), ("go", lambda *a: go_mtw(loader, *a))):
            mem = f"bench_{impl}"
            s.run(f"share {SCHEMA} as {mem}")
            secs = run(srv, "", mem, n, 1, "")
            assert s.run(f"exec count(*) from {mem}") == n
            print(f"{impl:6} mtw -> in-memory table (1 thread): {n} rows {secs:.2f} s {n / secs:,.0f} rows/s", flush=True)

            db = f"dfs://bench_{impl}"
            s.run(f"if(existsDatabase('{db}')) dropDatabase('{db}')\n"
                  f"db = database('{db}', HASH, [INT, 10]); db.createPartitionedTable({SCHEMA}, `pt, `id)")
            secs = run(srv, db, "pt", n, 5, "id")
            assert s.run(f"exec count(*) from loadTable('{db}', `pt)") == n
            print(f"{impl:6} mtw -> DFS table (5 threads by id):  {n} rows {secs:.2f} s {n / secs:,.0f} rows/s", flush=True)
    finally:
        s.close()
        srv.stop()


if __name__ == "__main__":
    sys.exit(main())
