"""useSSL=True / enableSSL=True: TLS on the server's one port."""

import dolphindb as ddb


def test_ssl_session_and_writer(host, port, writer_round_trip):
    s = ddb.session(enableSSL=True)
    assert s.connect(host, port, "admin", "123456")
    assert s.run("sum(1..10)") == 55
    assert s.run("table(1..3 as a)")["a"].tolist() == [1, 2, 3]
    writer_round_trip(s, "tls", useSSL=True)
    s.close()
