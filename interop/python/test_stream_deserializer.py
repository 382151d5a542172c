"""Heterogeneous stream tables with the official Python API: replay writes
the rows of tables of different schemas into one stream table (timestamp,
key, BLOB msgBody), and a subscription given a streamDeserializer gets each
row back as its own table's row, with its types, followed by its key."""

import time

import dolphindb as ddb
import numpy as np
import pytest

from test_subscribe import Collector

N = 6


@pytest.fixture
def hetero(porpoise_server, pickle_session, unique):
    """Two shared tables of different schemas and a DFS table, replayed into
    a heterogeneous stream table (not yet filled: the caller replays)."""
    s = pickle_session
    out, t1, t2, db = unique("outTables"), unique("pt1"), unique("pt2"), "dfs://" + unique("sdb")
    s.run(f"""
share streamTable(100:0, `timestampv`sym`blob`price1, [TIMESTAMP, SYMBOL, BLOB, DOUBLE]) as {out}
n = {N}
table1 = table(100:0, `datetimev`timestampv`sym`price1`price2`qty`tag`amt`vols,
    [DATETIME, TIMESTAMP, SYMBOL, DOUBLE, DOUBLE, INT, STRING, DECIMAL64(3), INT[]])
table2 = table(100:0, `datetimev`timestampv`sym`price1, [DATETIME, TIMESTAMP, SYMBOL, DOUBLE])
tableInsert(table1, 2012.01.01T01:21:23 + 1..n, 2018.12.01T01:21:23.000 + 1..n, take(`a`b`c, n),
    0.5 + 1..n, 100.25 + 1..n, [1, NULL, 3, 4, 5, 6], "t" + string(1..n), decimal64(1.125 + 1..n, 3),
    arrayVector(1..n, 1..n))
tableInsert(table2, 2012.01.01T01:21:23 + 1..n, 2018.12.01T01:21:23.000 + 1..n + 10, take(`x`y`z, n), 1000.5 + 1..n)
share table1 as {t1}
share table2 as {t2}
db = database("{db}", VALUE, `x`y`z)
pt = db.createPartitionedTable(table2, `pt, `sym)
pt.append!(table2)
""")
    yield s, out, t1, t2, db
    s.run(f"undef(`{t1}`{t2}, SHARED); dropStreamTable(`{out}); dropDatabase('{db}')")


def replay(s, out, inputs):
    s.run(f"replay(inputTables=dict(['msg1', 'msg2'], [{inputs[0]}, {inputs[1]}]), outputTables=`{out}, "
          f"dateColumn=`timestampv, timeColumn=`timestampv)")


def check_rows(got):
    msg1 = [m for m in got.msgs if m[-1] == "msg1"]
    msg2 = [m for m in got.msgs if m[-1] == "msg2"]
    assert len(msg1) == N and len(msg2) == N
    for i, row in enumerate(msg1, start=1):
        dt, ts, sym, p1, p2, qty, tag, amt, vols, key = row
        assert dt == np.datetime64("2012-01-01T01:21:23") + np.timedelta64(i, "s")
        assert ts == np.datetime64("2018-12-01T01:21:23.000") + np.timedelta64(i, "ms")
        assert sym == "abc"[(i - 1) % 3] and p1 == 0.5 + i and p2 == 100.25 + i
        assert (qty is None or np.isnan(qty)) if i == 2 else qty == i
        assert tag == f"t{i}"
        assert str(amt) == f"{1.125 + i:.3f}"
        assert list(vols) == [i]
    for i, row in enumerate(msg2, start=1):
        dt, ts, sym, p1, key = row
        assert ts == np.datetime64("2018-12-01T01:21:23.000") + np.timedelta64(i + 10, "ms")
        assert sym == "xyz"[(i - 1) % 3] and p1 == 1000.5 + i
    # the stream is in time order: all of msg1 (times +1..+6 ms) first
    assert [m[-1] for m in got.msgs] == ["msg1"] * N + ["msg2"] * N


def test_deserializer_by_shared_table_names(hetero, porpoise_server, host, port):
    s, out, t1, t2, _ = hetero
    replay(s, out, [t1, t2])
    sub = porpoise_server.session()
    sub.enableStreaming()
    try:
        sd = ddb.streamDeserializer({"msg1": t1, "msg2": t2}, session=s)
        got = Collector()
        sub.subscribe(host, port, got, out, "hetero", offset=0, msgAsTable=False, streamDeserializer=sd)
        got.wait(2 * N)
        time.sleep(0.2)
        check_rows(got)
    finally:
        sub.unsubscribe(host, port, out, "hetero")
        sub.close()


def test_deserializer_by_dfs_table_and_in_batches(hetero, porpoise_server, host, port):
    s, out, t1, _, db = hetero
    replay(s, out, [t1, f"(select * from loadTable('{db}', `pt))"])
    sub = porpoise_server.session()
    sub.enableStreaming()
    try:
        sd = ddb.streamDeserializer({"msg1": ["", t1], "msg2": [db, "pt"]}, session=s)
        got = Collector(size=len)
        sub.subscribe(host, port, got, out, "heteroBatch", offset=0, batchSize=4, throttle=0.1,
                      msgAsTable=False, streamDeserializer=sd)
        got.wait(2 * N)
        time.sleep(0.2)
        got.batches, got.msgs = got.msgs, [row for batch in got.msgs for row in batch]
        assert all(len(batch) <= 4 for batch in got.batches)
        check_rows(got)
    finally:
        sub.unsubscribe(host, port, out, "heteroBatch")
        sub.close()
