"""DolphinDB's access model through the official Python API: a created
user logs in (plain and SCRAM users) and is refused a table it lacks
TABLE_READ for, with DolphinDB's text."""

import dolphindb as ddb
import pytest


def _login(host, port, user, password):
    s = ddb.session()
    assert s.connect(host, port, user, password)
    return s


def _admin(host, port):
    return _login(host, port, "admin", "123456")


def _admin_and_user(host, port, unique, prefix, create_args=""):
    """An admin session and a user it created with password Pw123456 and
    createUser's further arguments create_args."""
    admin = _admin(host, port)
    user = unique(prefix)
    admin.run(f'createUser("{user}", "Pw123456"{create_args})')
    return admin, user


def test_created_user_reads_granted_table_only(host, port, unique):
    admin, user = _admin_and_user(host, port, unique, "reader")
    db = "dfs://" + unique("acl")
    admin.run(f'''db = database("{db}", VALUE, 1..3)
        t = table(1..3 as id, 1.5 2.5 3.5 as v)
        db.createPartitionedTable(t, "pt", "id").append!(t)
        db.createPartitionedTable(t, "pub", "id").append!(t)
        grant("{user}", TABLE_READ, "{db}/pub")''')

    s = _login(host, port, user, "Pw123456")
    assert s.run("getCurrentSessionAndUser()")[1] == user
    assert s.run(f'exec count(*) from loadTable("{db}", "pub")') == 3
    with pytest.raises(RuntimeError, match=f"<NoPrivilege>Not granted to read table {db}/pt"):
        s.run(f'select * from loadTable("{db}", "pt")')
    with pytest.raises(RuntimeError, match=f"<NoPrivilege>Not granted to write data to table {db}/pub"):
        s.run(f'loadTable("{db}", "pub").append!(table(1 as id, 0.5 as v))')
    with pytest.raises(RuntimeError, match="Only administrators execute function getUserList"):
        s.run("getUserList()")
    s.close()
    admin.close()


def test_scram_user_logs_in(host, port, unique):
    admin, user = _admin_and_user(host, port, unique, "scram", ', , false, "scram"')
    s = _login(host, port, user, "Pw123456")
    assert s.run("getCurrentSessionAndUser()")[1] == user
    s.close()
    admin.close()


def test_wrong_password_is_refused(host, port, unique):
    admin, user = _admin_and_user(host, port, unique, "pw")
    s = ddb.session()
    # connect logs the server's "The user name or password is incorrect."
    # and reports the failure as False.
    assert not s.connect(host, port, user, "wrong")
    assert s.connect(host, port, user, "Pw123456")
    s.close()
    admin.close()
