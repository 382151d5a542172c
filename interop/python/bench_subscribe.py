"""Benchmark: rows/s a stream table delivers to a Python API subscriber
(Session.subscribe, rows pushed on the subscriber's connection) beside a
local subscribeTable in the same server, and the server's CPU time while
a subscriber is connected and nothing is appended.

Not part of the test suite (pytest collects test_*.py only). Run from the
repository root after installing interop/python/requirements.txt and python/:

    python interop/python/bench_subscribe.py [--rows 1000000]

Prints one line per case: rows, seconds, rows/s and the server's CPU time
(user+sys, appending included); then the idle CPU time.
"""

import argparse
import os
import sys
import tempfile
import threading
import time

import dolphindb as ddb

from pytest_porpoise import PorpoiseServer, find_binary

SCHEMA = "streamTable(1:0, `time`sym`price`id, [TIMESTAMP,SYMBOL,DOUBLE,INT])"
APPEND = ("n = {n}; ids = 0..(n-1); "
          "tableInsert({t}, 2024.01.01T00:00:00.000 + ids, take(`AAPL`MSFT`IBM`GOOG, n), ids * 0.01, ids)")


def cpu_seconds(pid):
    """User plus system CPU time of a process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Counter:
    def __init__(self, size):
        self.rows, self.size, self.done = 0, size, threading.Event()
        self.want = 0

    def __call__(self, msg):
        self.rows += self.size(msg)
        if self.rows >= self.want:
            self.done.set()


def local(s, n):
    s.run(f"share {SCHEMA} as st_local; share table(1:0, `time`sym`price`id, [TIMESTAMP,SYMBOL,DOUBLE,INT]) as sink; "
          "subscribeTable(tableName=`st_local, actionName=`bench, offset=-1, handler=append!{sink}, msgAsTable=true)")
    start = time.perf_counter()
    s.run(APPEND.format(n=n, t="st_local"))
    while s.run("exec count(*) from sink") < n:
        time.sleep(0.001)
    return time.perf_counter() - start


def remote(srv, s, n, name, **opts):
    s.run(f"share {SCHEMA} as {name}")
    sub = srv.session()
    sub.enableStreaming()
    as_table = opts.get("msgAsTable", False)
    batch = opts.get("batchSize", 0)
    c = Counter(len if (as_table or batch > 0) else (lambda m: 1))
    c.want = n
    sub.subscribe(srv.host, srv.port, c, name, "bench", offset=-1, **opts)
    time.sleep(0.2)
    start = time.perf_counter()
    s.run(APPEND.format(n=n, t=name))
    if not c.done.wait(300):
        raise RuntimeError(f"{c.rows} of {n} rows arrived")
    return time.perf_counter() - start, sub


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="sub-bench-")
    srv = PorpoiseServer(find_binary(build_dir=work)).start()
    s = srv.session()
    n = args.rows
    subs = []
    try:
        print(f"server {srv.addr}, {n} rows per case")
        cpu = cpu_seconds(srv.proc.pid)
        secs = local(s, n)
        cpu = cpu_seconds(srv.proc.pid) - cpu
        print(f"local subscribeTable (append!{{table}}, msgAsTable):  {n} rows {secs:.2f} s {n / secs:,.0f} rows/s, "
              f"server CPU {cpu:.2f} s")
        for label, name, opts in (
                ("python subscribe msgAsTable=True batchSize=10000", "st_tables", dict(msgAsTable=True, batchSize=10000, throttle=0.1)),
                ("python subscribe batchSize=10000 (lists of rows)", "st_batches", dict(batchSize=10000, throttle=0.1)),
                ("python subscribe row by row", "st_rows", {})):
            cpu = cpu_seconds(srv.proc.pid)
            secs, sub = remote(srv, s, n, name, **opts)
            cpu = cpu_seconds(srv.proc.pid) - cpu
            subs.append(sub)
            print(f"{label}: {n} rows {secs:.2f} s {n / secs:,.0f} rows/s, server CPU {cpu:.2f} s", flush=True)
        time.sleep(1)
        before = cpu_seconds(srv.proc.pid)
        time.sleep(10)
        idle = cpu_seconds(srv.proc.pid) - before
        print(f"server CPU time over 10 s with {len(subs)} idle subscribers: {idle:.2f} s")
    finally:
        for sub in subs:
            for topic in sub.getSubscriptionTopics():
                host, port, table, action = topic.split("/")
                sub.unsubscribe(host, int(port), table, action)
            sub.close()
        s.close()
        srv.stop()


if __name__ == "__main__":
    sys.exit(main())
