"""enableHighAvailability: a single server answers the HA handshake as a
one-node cluster, and with two servers listed the writer moves to the
other when one is stopped."""

import time

import dolphindb as ddb


def test_ha_session_and_writer(host, port, writer_round_trip):
    site = f"{host}:{port}"
    s = ddb.session()
    assert s.connect(host, port, "admin", "123456", highAvailability=True, highAvailabilitySites=[site])
    perf = s.run("rpc(getControllerAlias(), getClusterPerf)")
    assert perf["host"].tolist() == [host] and perf["port"].tolist() == [port] and perf["mode"].tolist() == [0]
    assert s.run("getNodeHost()") == host and s.run("getNodePort()") == port
    writer_round_trip(s, "ha", enableHighAvailability=True, highAvailabilitySites=[site], threadCount=1)
    s.close()


def wait_sent(w, n, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        st = w.getStatus()
        if st.sentRows == n and st.unsentRows == 0:
            return
        time.sleep(0.02)
    raise AssertionError(f"writer sent {w.getStatus().sentRows} of {n} rows")


def test_writer_fails_over_to_the_other_server(porpoise_factory):
    a, b = porpoise_factory(), porpoise_factory()
    for srv in (a, b):
        s = srv.session()
        s.run("share table(1000:0, `id`v, [INT, DOUBLE]) as fo")
        s.close()
    sites = [a.addr, b.addr]
    w = ddb.MultithreadedTableWriter(a.host, a.port, "admin", "123456", "", "fo", enableHighAvailability=True,
                                     highAvailabilitySites=sites, batchSize=1, throttle=0.01, threadCount=1)
    first = 50
    for i in range(first):
        assert not w.insert(i, float(i)).hasError()
    wait_sent(w, first)
    sa = a.session()
    assert sa.run("exec count(*) from fo") == first
    sa.close()
    a.kill()  # mid-write: the writer holds a connection to a
    total = 120
    for i in range(first, total):
        assert not w.insert(i, float(i)).hasError()
    w.waitForThreadCompletion()
    st = w.getStatus()
    assert st.succeed(), st.errorInfo
    assert st.sentRows == total
    sb = b.session()
    assert sb.run("exec count(*) from fo") == total - first
    assert sb.run("exec min(id) from fo") == first
    sb.close()
