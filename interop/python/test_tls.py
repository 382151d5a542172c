"""useSSL=True / enableSSL=True: TLS on the server's one port."""

import dolphindb as ddb


def test_ssl_session_and_writer(host, port, unique):
    s = ddb.session(enableSSL=True)
    assert s.connect(host, port, "admin", "123456")
    assert s.run("sum(1..10)") == 55
    assert s.run("table(1..3 as a)")["a"].tolist() == [1, 2, 3]
    name = unique("tls")
    s.run(f"share table(1000:0, `id`v, [INT, DOUBLE]) as {name}")
    w = ddb.MultithreadedTableWriter(host, port, "admin", "123456", "", name, useSSL=True,
                                     batchSize=10, throttle=0.05)
    for i in range(100):
        assert not w.insert(i, i * 1.0).hasError()
    w.waitForThreadCompletion()
    assert w.getStatus().succeed()
    assert s.run(f"exec count(*) from {name}") == 100
    s.close()
