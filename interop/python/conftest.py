"""Shared fixtures of the Python interop suite.

The server comes from the pytest-porpoise plugin (python/ in this
repository): one in-memory porpoise for the whole run, HOST/PORT for the
examples that open their own connections.
"""

import itertools
import uuid

import dolphindb as ddb
import pytest

_names = itertools.count()
_run = uuid.uuid4().hex[:6]  # names differ between runs against one server


@pytest.fixture(scope="session")
def host(porpoise_server):
    return porpoise_server.host


@pytest.fixture(scope="session")
def port(porpoise_server):
    return porpoise_server.port


@pytest.fixture
def pickle_session(porpoise_server):
    """A session on the pickle protocol (the API's default until 3.0;
    3.0's default is PROTOCOL_DDB, the binary form)."""
    s = porpoise_server.session(enablePickle=True)
    yield s
    s.close()


@pytest.fixture
def plain_session(porpoise_server):
    s = porpoise_server.session(enablePickle=False)
    yield s
    s.close()


@pytest.fixture(params=[True, False], ids=["pickle", "nopickle"])
def any_session(request, porpoise_server):
    s = porpoise_server.session(enablePickle=request.param)
    yield s
    s.close()


@pytest.fixture
def unique():
    """A fresh name suffix, so tests sharing the server never collide."""
    return lambda prefix: f"{prefix}{_run}_{next(_names)}"


@pytest.fixture
def writer_round_trip(host, port, unique):
    """Shares a new (id INT, v DOUBLE) table through session s, writes 100
    rows into it with a MultithreadedTableWriter given the options, and
    checks that s counts them."""
    def run(s, prefix, **options):
        name = unique(prefix)
        s.run(f"share table(1000:0, `id`v, [INT, DOUBLE]) as {name}")
        w = ddb.MultithreadedTableWriter(host, port, "admin", "123456", "", name,
                                         batchSize=10, throttle=0.05, **options)
        for i in range(100):
            assert not w.insert(i, i * 0.5).hasError()
        w.waitForThreadCompletion()
        assert w.getStatus().succeed()
        assert s.run(f"exec count(*) from {name}") == 100
    return run
