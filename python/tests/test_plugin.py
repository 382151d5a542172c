"""The plugin's own tests: the fixtures start, serve and stop a real server."""

import socket

import pytest

from pytest_porpoise import PorpoiseServer


def _roundtrip(host, port, script="1+1"):
    """Runs a script over the raw binary protocol and returns the reply's status line."""
    body = f"script\n{script}".encode()
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(b"API2 0 " + str(len(body)).encode() + b"\n" + body)
        f = s.makefile("rb")
        header = f.readline().decode().split()
        status = f.readline().decode().rstrip("\n")
        return header, status


def test_server_listens_on_loopback(porpoise_server, porpoise_host, porpoise_port):
    assert porpoise_host == "127.0.0.1"
    assert porpoise_port > 0
    header, status = _roundtrip(porpoise_host, porpoise_port)
    assert header[1:] == ["1", "1"]
    assert status == "OK"


def test_errors_come_back(porpoise_server):
    _, status = _roundtrip(porpoise_server.host, porpoise_server.port, "undefinedThing + 1")
    assert status != "OK"


def test_factory_restart_keeps_dfs_data(porpoise_factory, tmp_path):
    pytest.importorskip("dolphindb")
    srv = porpoise_factory(data_dir=tmp_path / "data")
    s = srv.session()
    s.run("db = database('dfs://plug', VALUE, 1..3); t = table(1..3 as k, 4..6 as v);"
          "db.createPartitionedTable(t, `pt, `k).append!(t)")
    s.close()
    srv.restart()
    s = srv.session()
    assert s.run("exec count(*) from loadTable('dfs://plug', `pt)") == 3
    s.close()


def test_stop_ends_the_process(porpoise_binary):
    srv = PorpoiseServer(porpoise_binary).start()
    host, port = srv.host, srv.port
    assert srv.stop() == 0
    with pytest.raises(OSError):
        socket.create_connection((host, port), timeout=2).close()


def test_session_fixture(porpoise_session):
    pytest.importorskip("dolphindb")
    assert porpoise_session.run("sum(1..10)") == 55
