"""The pytest plugin: command-line options and fixtures.

Fixtures:

* ``porpoise_binary`` (session): path of the porpoise binary, built once.
* ``porpoise_server`` (session): an in-memory server on a free loopback port;
  ``.host``, ``.port``, ``.addr``, ``.session()``.
* ``porpoise_host`` / ``porpoise_port`` (session): its address.
* ``porpoise_session`` (function): a connected ``dolphindb.session`` (default
  options, so the pickle protocol is on), closed after the test.
* ``porpoise_factory`` (function): ``porpoise_factory(data_dir=None, args=[])``
  starts extra servers (e.g. with a data directory, to restart them); all
  are stopped after the test.
"""

from __future__ import annotations

import os

import pytest

from .server import PorpoiseServer, find_binary


def pytest_addoption(parser):
    group = parser.getgroup("porpoise")
    group.addoption("--porpoise-bin", default=None,
                    help="porpoise binary to run (default: $PORPOISE_BIN, else go build of the checkout, else PATH)")
    group.addoption("--porpoise-addr", default=None,
                    help="use a server already listening at HOST:PORT instead of starting one")


@pytest.fixture(scope="session")
def porpoise_binary(request, tmp_path_factory) -> str:
    return find_binary(request.config.getoption("--porpoise-bin"), str(tmp_path_factory.mktemp("porpoise-bin")))


class _External(PorpoiseServer):
    """A server someone else started (--porpoise-addr); never stopped here."""

    def __init__(self, addr: str):
        super().__init__(binary="")
        self.host, _, port = addr.rpartition(":")
        self.port = int(port)

    def start(self, port: int = 0, timeout: float = 30.0):
        return self

    def stop(self, timeout: float = 30.0) -> int:
        return 0


@pytest.fixture(scope="session")
def porpoise_server(request):
    addr = request.config.getoption("--porpoise-addr") or os.environ.get("PORPOISE_ADDR")
    if addr:
        yield _External(addr)
        return
    binary = request.getfixturevalue("porpoise_binary")
    srv = PorpoiseServer(binary).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def porpoise_host(porpoise_server) -> str:
    return porpoise_server.host


@pytest.fixture(scope="session")
def porpoise_port(porpoise_server) -> int:
    return porpoise_server.port


@pytest.fixture
def porpoise_session(porpoise_server):
    pytest.importorskip("dolphindb")
    s = porpoise_server.session()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def porpoise_factory(porpoise_binary, tmp_path):
    started = []

    def start(data_dir=None, args=None, port=0):
        srv = PorpoiseServer(porpoise_binary, data_dir=str(data_dir) if data_dir else None, extra_args=args)
        started.append(srv)
        return srv.start(port=port)

    try:
        yield start
    finally:
        for srv in started:
            srv.stop()
