"""Seed 000 (the Python API's MultithreadedTableWriter chapter), example by example.

Each example's code is the documented code with only the server address
changed ("localhost", 8848 become HOST, PORT: the suite's server listens on
a free port); its printed output is checked against the documented output.
Thread ids and object addresses differ from run to run, so the threadStatus
rows and the "<... object at 0x...>" lines are checked by shape.
"""

import re

import pytest


def status_fields(text):
    """The "name : value" lines of a printed MultithreadedTableWriterStatus."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"^\s*(errorCode|errorInfo|isExiting|sentRows|unsentRows|sendFailedRows)\s*:\s?(.*)$", line)
        if m:
            out.setdefault(m.group(1), []).append(m.group(2).strip())
    return out


def thread_rows(text):
    """The threadStatus rows (threadId, sentRows, unsentRows, sendFailedRows) of each printed status."""
    rows = []
    for line in text.splitlines():
        f = line.split()
        if len(f) == 4 and all(x.isdigit() for x in f):
            rows.append([int(x) for x in f])
    return rows


def test_insert_and_column_count_error(host, port, capsys):
    # 2.4 insert: 10 rows into a shared in-memory table through 5 threads by date, one row short
    HOST, PORT = host, port
    import numpy as np
    import pandas as pd
    import dolphindb as ddb
    import random

    s = ddb.Session()
    s.connect(HOST, PORT, "admin", "123456")

    script = """
        t = table(1000:0, `date`ticker`price, [DATE,SYMBOL,LONG]);
        share t as tglobal;
    """
    s.run(script)

    writer = ddb.MultithreadedTableWriter(
        HOST, PORT, "admin", "123456", dbPath="", tableName="tglobal",
        batchSize=10, throttle=1, threadCount=5, partitionCol="date"
    )

    for i in range(10):
        if i == 3:
            res = writer.insert(np.datetime64(f'2022-03-2{i%6}'), random.randint(1,10000))
        else:
            res = writer.insert(np.datetime64(f'2022-03-2{i%6}'), "AAAA", random.randint(1,10000))
        if res.hasError():
            print("insert error: ", res.errorInfo)

    writer.waitForThreadCompletion()
    print(s.run("""select count(*) from tglobal"""))

    assert capsys.readouterr().out == (
        "insert error:  Column counts don't match 3\n"
        "   count\n"
        "0      9\n"
    )
    s.run("undef(`tglobal, SHARED)")


def create_valuedb3(HOST, PORT):
    # 4. step 1, verbatim (5. starts with the same script)
    import numpy as np
    import pandas as pd
    import dolphindb as ddb
    import time
    import random

    s = ddb.Session()
    s.connect(HOST, PORT, "admin", "123456")

    script = """
        dbName = 'dfs://valuedb3';
        if(exists(dbName)){
            dropDatabase(dbName);
        }
        datetest=table(1000:0,`date`symbol`id,[DATE,SYMBOL,INT]);
        db = database(directory=dbName, partitionType=HASH, partitionScheme=[INT, 10]);
        pt=db.createPartitionedTable(datetest,'pdatetest','id');
    """
    s.run(script)
    return s


def test_dfs_write_error_and_rewrite(host, port, capsys):
    # 4. steps 1-5: write 100 rows, then a failing writer, then the unwritten rows again
    HOST, PORT = host, port
    import numpy as np
    import dolphindb as ddb
    import time
    import random

    s = create_valuedb3(HOST, PORT)

    # step 2
    writer = ddb.MultithreadedTableWriter(
        HOST, PORT, "admin", "123456", dbPath="dfs://valuedb3", tableName="pdatetest",
        batchSize=10000, throttle=1, threadCount=5, partitionCol="id", compressMethods=["LZ4","LZ4","DELTA"]
    )

    # step 3
    try:
        # 插入100行正确数据
        for i in range(100):
            res = writer.insert(random.randint(1,10000),"AAAAAAAB", random.randint(1,10000))
            if res.hasError():
                print("MTW insert error: ", res.errorInfo)
    except Exception as ex:
        # MTW 抛出异常
        print("MTW exit with exception: ", ex)
    # 等待 MTW 插入完成
    writer.waitForThreadCompletion()
    writeStatus = writer.getStatus()
    if writeStatus.succeed():
        print("Write successfully!")
    print("writeStatus: \n", writeStatus)
    print(s.run("select count(*) from pt"))

    out = capsys.readouterr().out
    assert out.startswith("Write successfully!\nwriteStatus: \n errorCode     : None\n errorInfo     : \n")
    f = status_fields(out)
    assert f["isExiting"] == ["True"] and f["sentRows"] == ["100"]
    assert f["unsentRows"] == ["0"] and f["sendFailedRows"] == ["0"]
    rows = thread_rows(out)
    assert len(rows) == 6 and rows[0] == [0, 0, 0, 0]
    assert sum(r[1] for r in rows[1:]) == 100
    assert re.search(r"<dolphindb\.\S*MultithreadedTableWriterStatus object at 0x[0-9a-f]+>", out)
    assert out.endswith("   count\n0    100\n")

    # step 4
    writer = ddb.MultithreadedTableWriter(
        HOST, PORT, "admin", "123456", dbPath="dfs://valuedb3", tableName="pdatetest",
        batchSize=10000, throttle=1, threadCount=5, partitionCol="id", compressMethods=["LZ4","LZ4","DELTA"]
    )

    try:
        # 插入100行正确数据 （类型和列数都正确），MTW正常运行
        for i in range(100):
            res = writer.insert(np.datetime64('2022-03-23'),"AAAAAAAB", random.randint(1,10000))
        # 插入10行类型错误数据，此时 MTW 并不会进行类型判断，这些数据能够进入 MTW 待转换队列
        # 直到转换线程对这些数据进行转换时，检测到类型不匹配，就会立刻终止 MTW 所有后台线程
        for i in range(10):
            res = writer.insert(np.datetime64('2022-03-23'),222, random.randint(1,10000))
            if res.hasError():
                # 此处不会执行到
                print("Insert wrong format data:\n", res)
        # 插入1行数据(列数不匹配)，MTW 立刻发现待插入数据列数与待插入表的列数不匹配，立刻返回错误信息，
        # 本条数据并不会进入待转换队列
        res = writer.insert(np.datetime64('2022-03-23'),"AAAAAAAB")
        if res.hasError():
            # 数据错误，插入列数不匹配数据
            print("Column counts don't match:\n", res)
        # sleep 1秒，等待 MTW 转换线程处理数据直至检测到第2次插入的10行数据类型不匹配
        # 此时 MTW 立刻终止所有线程，并修改状态为错误状态
        time.sleep(1)

        # 再插入1行正确数据，MTW 会因为工作线程终止而抛出异常，且不会写入该行数据
        res = writer.insert(np.datetime64('2022-03-23'),"AAAAAAAB", random.randint(1,10000))
        print("MTW has exited")
    except Exception as ex:
        # MTW 抛出异常
        print("MTW exit with exception %s" % ex)
    # 等待 MTW 插入完成
    writer.waitForThreadCompletion()
    writeStatus = writer.getStatus()
    if writeStatus.hasError():
        print("Error in writing:")
    print(writeStatus)
    print(s.run("select count(*) from pt"))

    out = capsys.readouterr().out
    assert out.startswith(
        "Column counts don't match:\n"
        " errorCode: A2\n"
        " errorInfo: Column counts don't match 3\n"
    )
    assert re.search(r"<dolphindb\.\S*ErrorCodeInfo object at 0x[0-9a-f]+>\n"
                     r"MTW exit with exception <Exception> in insert: thread is exiting.\n"
                     r"Error in writing:\nerrorCode     : A1\n", out)
    f = status_fields(out[out.index("Error in writing:"):])
    # the documented text is "Cannot convert long to SYMBOL"; the client
    # package (not the server) words the conversion error
    assert f["errorInfo"][0].startswith("Data conversion error: ")
    assert f["isExiting"] == ["True"] and f["sentRows"] == ["0"]
    assert int(f["unsentRows"][0]) + int(f["sendFailedRows"][0]) == 110
    assert out.endswith("   count\n0    100\n")

    # step 5
    if writeStatus.hasError():
        print("Error in writing:")
        unwrittendata = writer.getUnwrittenData()
        print("Unwrittendata: %d" % len(unwrittendata))
        # 重新构造新的 MTW 对象
        newwriter = ddb.MultithreadedTableWriter(
            HOST, PORT, "admin", "123456", dbPath="dfs://valuedb3", tableName="pdatetest",
            batchSize=10000, throttle=1, threadCount=5, partitionCol="id", compressMethods=["LZ4","LZ4","DELTA"]
        )
        try:
            # 修正失败数据后将失败数据重新写入 MTW
            for row in unwrittendata:
                row[1]="aaaaa"
            res = newwriter.insertUnwrittenData(unwrittendata)
            if res.hasError():
                print("Failed to write data again: \n", res)
        except Exception as ex:
            # MTW 抛出异常
            print("MTW exit with exception %s" % ex)
        finally:
            # 确保 newwriter工作线程结束运行
            newwriter.waitForThreadCompletion()
            writeStatus = newwriter.getStatus()
            print("Write again:\n", writeStatus)
    else:
        print("Write successfully:\n", writeStatus)

    print(s.run("select count(*) from pt"))

    out = capsys.readouterr().out
    assert out.startswith("Error in writing:\nUnwrittendata: 110\nWrite again:\n errorCode     : None\n")
    f = status_fields(out)
    assert f["sentRows"] == ["110"] and f["unsentRows"] == ["0"] and f["sendFailedRows"] == ["0"]
    rows = thread_rows(out)
    assert rows[0] == [0, 0, 0, 0] and sum(r[1] for r in rows[1:]) == 110
    assert out.endswith("   count\n0    210\n")
    # the rewritten rows carry the corrected symbol
    assert s.run("exec count(*) from loadTable('dfs://valuedb3', 'pdatetest') where symbol = 'aaaaa'") == 110


def test_python_threads_share_one_writer(host, port, capsys, monkeypatch):
    # 5. Python 多线程调用: 10 Python threads insert 100 rows each into one MTW
    HOST, PORT = host, port
    import time as _time
    monkeypatch.setattr(_time, "sleep", lambda s: None)  # the example's 10 s pause stands for other work

    import numpy as np
    import pandas as pd
    import dolphindb as ddb
    import time
    import threading
    import random

    s = create_valuedb3(HOST, PORT)  # the example's set-up is 4.'s step 1

    writer = ddb.MultithreadedTableWriter(
        HOST, PORT, "admin", "123456", dbPath="dfs://valuedb3", tableName="pdatetest",
        batchSize=10000, throttle=1, threadCount=5, partitionCol="id", compressMethods=["LZ4","LZ4","DELTA"]
    )

    def insert_MTW(writer):
        try:
            # 插入100行正确数据
            for i in range(100):
                res = writer.insert(random.randint(1,10000),"AAAAAAAB", random.randint(1,10000))
        except Exception as ex:
            # MTW 抛出异常
            print("MTW exit with exception %s" % ex)

    # 创建 10 个线程，在线程中将数据写入MTW
    threads = []
    for i in range(10):
        threads.append(threading.Thread(target=insert_MTW, args=(writer,)))

    for thread in threads:
        thread.start()

    # 完成其他任务，此处用 sleep 模拟
    time.sleep(10)

    # 现在需要结束任务
    # 1 - 等待线程退出
    for thread in threads:
        thread.join()
    # 2 - 等待 MTW 线程结束
    writer.waitForThreadCompletion()
    # 3 - 检查写入结果
    writeStatus = writer.getStatus()
    print("writeStatus:\n", writeStatus)
    print(s.run("select count(*) from pt"))

    out = capsys.readouterr().out
    assert out.startswith("writeStatus:\n errorCode     : None\n errorInfo     : \n isExiting     : True\n"
                          " sentRows      : 1000\n unsentRows    : 0\n sendFailedRows: 0\n")
    rows = thread_rows(out)
    assert len(rows) == 6 and sum(r[1] for r in rows[1:]) == 1000
    assert out.endswith("   count\n0   1000\n")


def test_status_object_fields(host, port):
    # 2.7 getStatus: the documented attributes and methods
    import dolphindb as ddb

    s = ddb.Session()
    s.connect(host, port, "admin", "123456")
    s.run("share table(1000:0, `id`v, [INT, DOUBLE]) as st_fields")
    writer = ddb.MultithreadedTableWriter(host, port, "admin", "123456", dbPath="", tableName="st_fields",
                                          batchSize=5, throttle=0.01, threadCount=1)
    for i in range(12):
        assert writer.insert(i, i * 1.5).succeed()
    writer.waitForThreadCompletion()
    st = writer.getStatus()
    assert st.succeed() and not st.hasError()
    assert st.isExiting is True
    assert (st.errorCode, st.sentRows, st.unsentRows, st.sendFailedRows) == ("", 12, 0, 0)
    assert len(st.threadStatus) == 2
    assert writer.getUnwrittenData() == []
    assert s.run("exec sum(v) from st_fields") == pytest.approx(sum(i * 1.5 for i in range(12)))
    s.run("undef(`st_fields, SHARED)")


def test_construction_example_upsert(host, port):
    # 2.3 构造示例: Upsert mode with modeOption, 3 threads by date, LZ4/DELTA per column
    import numpy as np
    import dolphindb as ddb

    s = ddb.Session()
    s.connect(host, port, "admin", "123456")
    s.run("""
        if(existsDatabase('dfs://testMTW')) dropDatabase('dfs://testMTW')
        db = database('dfs://testMTW', VALUE, 2022.01.01..2022.01.03)
        t = table(1000:0, `index`date`sym`qty, [LONG, DATE, SYMBOL, INT])
        db.createPartitionedTable(t, `pt, `date)
    """)
    HOST, PORT = host, port
    writer = ddb.MultithreadedTableWriter(
        HOST, PORT, "admin", "123456", "dfs://testMTW", "pt", batchSize=2, throttle=0.01,
        threadCount=3, partitionCol="date", compressMethods=["LZ4", "DELTA", "LZ4", "DELTA"],
        mode="Upsert", modeOption=["true", "`index"]
    )
    for i in range(6):
        assert not writer.insert(i, np.datetime64("2022-01-01") + np.timedelta64(i % 3, "D"), "A", i).hasError()
    writer.waitForThreadCompletion()
    assert writer.getStatus().succeed()
    # the same keys again: qty updated, a NULL qty ignored (ignoreNull=true), one new key
    writer = ddb.MultithreadedTableWriter(
        HOST, PORT, "admin", "123456", "dfs://testMTW", "pt", batchSize=2, throttle=0.01,
        threadCount=3, partitionCol="date", compressMethods=["LZ4", "DELTA", "LZ4", "DELTA"],
        mode="Upsert", modeOption=["true", "`index"]
    )
    for i in range(6):
        assert not writer.insert(i, np.datetime64("2022-01-01") + np.timedelta64(i % 3, "D"), "B",
                                 None if i == 0 else 100 + i).hasError()
    assert not writer.insert(6, np.datetime64("2022-01-01"), "C", 7).hasError()
    writer.waitForThreadCompletion()
    st = writer.getStatus()
    assert st.succeed(), st.errorInfo
    df = s.run("select * from loadTable('dfs://testMTW', `pt) order by index")
    assert df["index"].tolist() == list(range(7))
    assert df["qty"].tolist() == [0, 101, 102, 103, 104, 105, 7]
    assert df["sym"].tolist() == ["B"] * 6 + ["C"]
