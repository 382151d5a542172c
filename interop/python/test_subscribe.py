"""Subscribing to stream tables with the official Python API's
Session.subscribe: the server pushes the rows on the connection the
subscriber opened (enableStreaming() without a port)."""

import threading
import time

import numpy as np
import pandas as pd
import pytest

SCHEMA = "streamTable(10000:0, `time`sym`price`id, [TIMESTAMP,SYMBOL,DOUBLE,INT])"


def insert(s, name, first, n):
    """Appends n rows with ids first..first+n-1 to the stream table name."""
    s.run(f"ids = {first}..{first + n - 1}; "
          f"tableInsert({name}, 2024.01.01T00:00:00.000 + ids, take(`a`b`c, {n})[ids % 3], ids * 0.5, ids)")


class Collector:
    """A handler that keeps what it is given; wait() returns once `rows`
    rows (counted by `size`) came in, or fails after `timeout` seconds."""

    def __init__(self, size=lambda msg: 1):
        self.msgs, self.rows, self.size = [], 0, size
        self.cond = threading.Condition()

    def __call__(self, msg):
        with self.cond:
            self.msgs.append(msg)
            self.rows += self.size(msg)
            self.cond.notify_all()

    def wait(self, rows, timeout=10):
        with self.cond:
            assert self.cond.wait_for(lambda: self.rows >= rows, timeout), f"{self.rows} of {rows} rows"


@pytest.fixture
def stream(porpoise_server, pickle_session, unique):
    """A shared stream table and a session with streaming enabled;
    subscriptions left at the end are cancelled."""
    name = unique("trades")
    pickle_session.run(f"share {SCHEMA} as {name}; setStreamTableFilterColumn({name}, `sym)")
    sub = porpoise_server.session()
    sub.enableStreaming()
    yield name, sub
    for topic in sub.getSubscriptionTopics():
        host, port, table, action = topic.split("/")
        sub.unsubscribe(host, int(port), table, action)
    sub.close()
    wait_subscribers(pickle_session, name, 0)  # the server sees the connections close
    pickle_session.run(f"dropStreamTable(`{name})")


def subscribers(s, name):
    return s.run(f'exec count(*) from getStreamingStat().pubTables where tableName="{name}"')


def wait_subscribers(s, name, n, timeout=5):
    deadline = time.time() + timeout
    while subscribers(s, name) != n and time.time() < deadline:
        time.sleep(0.02)
    assert subscribers(s, name) == n


@pytest.mark.parametrize("offset,first", [(0, 0), (-1, 5), (3, 3)])
def test_every_row_once_in_order(stream, pickle_session, host, port, offset, first):
    name, sub = stream
    insert(pickle_session, name, 0, 5)
    got = Collector()
    sub.subscribe(host, port, got, name, "rows", offset=offset)
    insert(pickle_session, name, 5, 3000)
    got.wait(3005 - first)
    time.sleep(0.2)  # nothing more comes
    assert [row[3] for row in got.msgs] == list(range(first, 3005))
    t, sym, price, i = got.msgs[0]
    assert isinstance(t, np.datetime64) and t == np.datetime64("2024-01-01T00:00:00.000") + np.timedelta64(first, "ms")
    assert sym == "abc"[first % 3] and price == first * 0.5 and i == first


def test_msg_as_table_with_batch_size(stream, pickle_session, host, port):
    name, sub = stream
    got = Collector(size=len)
    sub.subscribe(host, port, got, name, "tables", offset=0, msgAsTable=True, batchSize=1000, throttle=0.1)
    insert(pickle_session, name, 0, 2500)
    got.wait(2500)
    assert all(isinstance(m, pd.DataFrame) for m in got.msgs)
    df = pd.concat(got.msgs, ignore_index=True)
    assert list(df.columns) == ["time", "sym", "price", "id"]
    assert df["id"].tolist() == list(range(2500))
    assert df["sym"].tolist() == [("abc")[i % 3] for i in range(2500)]
    assert df["price"].tolist() == [i * 0.5 for i in range(2500)]
    assert str(df["time"].dtype) == "datetime64[ns]"


def test_batches_of_rows(stream, pickle_session, host, port):
    name, sub = stream
    got = Collector(size=len)
    sub.subscribe(host, port, got, name, "batches", offset=-1, batchSize=100, throttle=0.1)
    insert(pickle_session, name, 0, 1000)
    got.wait(1000)
    assert all(isinstance(m, list) and len(m) <= 1000 for m in got.msgs)
    assert [row[3] for m in got.msgs for row in m] == list(range(1000))


def test_filter_and_unsubscribe(stream, pickle_session, host, port):
    name, sub = stream
    got = Collector()
    sub.subscribe(host, port, got, name, "onlyb", offset=0, filter=np.array(["b"]))
    assert subscribers(pickle_session, name) == 1
    insert(pickle_session, name, 0, 300)
    got.wait(100)
    assert [row[3] for row in got.msgs] == list(range(1, 300, 3))
    assert sub.getSubscriptionTopics() == [f"{host}/{port}/{name}/onlyb"]
    sub.unsubscribe(host, port, name, "onlyb")
    wait_subscribers(pickle_session, name, 0)
    insert(pickle_session, name, 300, 30)
    time.sleep(0.3)
    assert len(got.msgs) == 100


def test_two_actions_get_their_own_rows(stream, pickle_session, host, port):
    name, sub = stream
    first, second = Collector(), Collector()
    sub.subscribe(host, port, first, name, "one", offset=0)
    sub.subscribe(host, port, second, name, "two", offset=-1)
    insert(pickle_session, name, 0, 50)
    first.wait(50)
    second.wait(50)
    assert [r[3] for r in first.msgs] == [r[3] for r in second.msgs] == list(range(50))


def test_login_and_resubscribe_after_the_server_hangs_up(stream, pickle_session, host, port):
    name, sub = stream
    got = Collector()
    sub.subscribe(host, port, got, name, "resub", offset=0, userName="admin", password="123456", resub=True)
    insert(pickle_session, name, 0, 3)
    got.wait(3)
    site = pickle_session.run(f'exec subscriber from getStreamingStat().pubTables where tableName="{name}"')[0]
    # what the Java API's unsubscribe sends; the Python API, told to resubscribe, comes back
    stop = f'stopPublishTable("{site.split(":")[0]}", 0, "{name}", "resub")'
    pickle_session.run(stop)  # synchronous: none is left until the client is back
    wait_subscribers(pickle_session, name, 1, timeout=10)
    insert(pickle_session, name, 3, 2)
    got.wait(5)
    time.sleep(0.2)
    assert [row[3] for row in got.msgs] == [0, 1, 2, 3, 4]
    # 3.0.6.1's unsubscribe does not close the connection of a
    # resubscription (nor does closing the session): end it here
    sub.unsubscribe(host, port, name, "resub")
    pickle_session.run(stop)
