"""Sessions in the Oracle and MySQL dialects through the Python API's
sqlStd (dolphindb.settings.SqlStd, sent with every request): Oracle's
decode and ||, MySQL's sysdate(), and DolphinDB's own mode unchanged."""

import dolphindb as ddb
import pytest
from dolphindb.settings import SqlStd


def _session(host, port, std):
    s = ddb.session(sqlStd=std)
    assert s.connect(host, port, "admin", "123456")
    return s


def test_oracle_decode_and_concatenation(host, port):
    s = _session(host, port, SqlStd.Oracle)
    try:
        s.run("employees = table(1 2 3 as employee_id, `IT_PROG`FI_ACCOUNT`SA_REP as job_id)")
        df = s.run("select employee_id || ':' || job_id as label, "
                   "DECODE(job_id, 'IT_PROG', 'Programmer', 'FI_ACCOUNT', 'Accountant', 'Others') as title "
                   "from employees -- Oracle's comment")
        assert list(df["label"]) == ["1:IT_PROG", "2:FI_ACCOUNT", "3:SA_REP"]
        assert list(df["title"]) == ["Programmer", "Accountant", "Others"]
        assert s.run("nvl(NULL, 'none')") == "none"
    finally:
        s.close()


def test_mysql_sysdate(host, port):
    s = _session(host, port, SqlStd.MySQL)
    try:
        assert s.run("sysdate() + 1") == s.run("today() + 1")
    finally:
        s.close()


def test_dolphindb_mode_unchanged(host, port):
    s = _session(host, port, SqlStd.DolphinDB)
    try:
        assert s.run("true || false")
        with pytest.raises(RuntimeError, match="Cannot recognize the token decode"):
            s.run("decode(1, 1, 'one')")
    finally:
        s.close()
