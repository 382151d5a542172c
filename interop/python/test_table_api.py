"""The Python API's Table and Database objects, loadText/loadTextEx/ploadText
and run's keyword arguments against Porpoise.

These objects build DolphinDB script on the client (Table.showSQL shows
it) and run it on the server; each test asserts what DolphinDB's manual
prints for that script (the page is named beside the data), or values
computed here from the data the test wrote.
"""

import os

import numpy as np
import pandas as pd
import pytest

import dolphindb as ddb
import dolphindb.settings as keys

# progr/sql/contextBy.md and groupby.md: the manual's t1.
TRADES = """
sym = `C`MS`MS`MS`IBM`IBM`C`C`C$SYMBOL
price= 49.6 29.46 29.52 30.02 174.97 175.23 50.76 50.32 51.29
qty = 2200 1900 2100 3200 6800 5400 1300 2500 8800
timestamp = [09:34:07,09:36:42,09:36:51,09:36:59,09:32:47,09:35:26,09:34:16,09:34:26,09:38:12]
{name} = table(timestamp, sym, qty, price)
"""


def _trades(s, name):
    s.run(TRADES.format(name=name))
    return s.loadTable(name)


def _times(df, col="timestamp"):
    return [t.strftime("%H:%M:%S") for t in df[col]]


def test_rows_cols_colnames_schema(any_session, unique):
    # the API manual's 4.1: t = table(1..5 as a, 2..6 as b)
    name = unique("props")
    any_session.run(f"{name} = table(1..5 as a, 2..6 as b)")
    t = any_session.table(data=name)
    assert t.rows == 5
    assert t.cols == 2
    assert t.colNames == ["a", "b"]
    assert t.schema["typeString"].tolist() == ["INT", "INT"]
    assert t.where("a > 2").rows == 3


def test_uploaded_table_select_where_sort_top_limit(any_session, unique):
    name = unique("up")
    df = pd.DataFrame({"id": np.array([10, 8, 5, 6, 7, 9, 1, 4, 2, 3], dtype=np.int32),
                       "value": np.arange(10, dtype=np.int64)})
    t = any_session.table(data=df, tableAliasName=name)
    assert t.tableName() == name
    assert t.select(["id", "value"]).where("id > 5").sort("id", ascending=False).toDF()["id"].tolist() == [10, 9, 8, 7, 6]
    assert t.select("*").where("id > 2").where("value < 5").toDF()["id"].tolist() == [10, 8, 5, 6, 7]
    # top is taken after order by (progr/sql/top.md)
    got = t.top(3).sort("id").toDF()
    assert got["id"].tolist() == [1, 2, 3] and got["value"].tolist() == [6, 8, 9]
    assert t.top(3).where("id > 5").toDF()["id"].tolist() == [10, 8, 6]
    assert t.select("*").limit(2).toDF()["id"].tolist() == [10, 8]
    # limit [2, 5]: five rows from row 2 (progr/sql/limit.md)
    assert t.select("*").limit([2, 5]).toDF()["id"].tolist() == [5, 6, 7, 9, 1]
    assert t.sort(["id"], ascending=[False]).exec("id").toDF().tolist() == [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    # several conditions in one string, as the API manual's where example
    assert t.select("id").where("id > 3, value < 4").toDF()["id"].tolist() == [10, 8, 5, 6]
    assert t.execute("sum(value)") == 45
    rows = t.select(["id", "value"]).where("value >= 8").toList()
    assert [list(c) for c in rows] == [[2, 3], [8, 9]]


def test_filter_cond_and_vectors(pickle_session, unique):
    t = pickle_session.table(data=pd.DataFrame({"a": np.array([1, 2, 3, 4], dtype=np.int32)}),
                             tableAliasName=unique("fc"))
    assert t[(t.a < 2) | (t.a > 3)].toDF()["a"].tolist() == [1, 4]
    assert t[t.a >= 3].toDF()["a"].tolist() == [3, 4]


def test_exec(any_session, unique):
    # progr/sql/exec.md: one column is a vector, an aggregate a scalar,
    # several columns a table
    t = _trades(any_session, unique("ex"))
    assert t.exec("count(price)").toDF() == 9
    assert t.exec("price").toDF().tolist() == [49.6, 29.46, 29.52, 30.02, 174.97, 175.23, 50.76, 50.32, 51.29]
    both = t.exec(["price", "qty"]).toDF()
    assert list(both.columns) == ["price", "qty"] and both["qty"].tolist()[:2] == [2200, 1900]
    assert t.execute("sym").tolist() == ["C", "MS", "MS", "MS", "IBM", "IBM", "C", "C", "C"]


def test_groupby_having_agg(any_session, unique):
    t = _trades(any_session, unique("gb"))
    # progr/sql/groupby.md: select count(sym) as counts from t1 group by sym
    got = t.select("count(sym) as counts").groupby("sym").toDF().sort_values("sym")
    assert got["sym"].tolist() == ["C", "IBM", "MS"] and got["counts"].tolist() == [4, 2, 3]
    # select avg(qty) from t1 group by sym: C 3700, MS 2400, IBM 6100
    got = dict(t.select("avg(qty)").groupby("sym").toDF()[["sym", "avg_qty"]].values)
    assert got == {"C": 3700, "MS": 2400, "IBM": 6100}
    # select wavg(price, qty) as vwap, sum(qty) from t1 group by sym
    got = t.select(["wavg(price, qty) as vwap", "sum(qty)"]).groupby("sym").toDF().set_index("sym")
    assert got.loc["C", "vwap"] == pytest.approx(50.828378)
    assert got.loc["IBM", "vwap"] == pytest.approx(175.085082)
    assert got.loc["MS", "sum_qty"] == 7200
    got = t.select("sum(qty)").groupby("sym").having("sum(qty) > 10000").toDF().sort_values("sym")
    assert got["sym"].tolist() == ["C", "IBM"]
    got = t.select("sum(qty)").groupby("sym").sort("sym", ascending=False).toDF()
    assert got["sym"].tolist() == ["MS", "IBM", "C"]
    got = t.select(["qty", "price"]).groupby("sym").agg({"qty": ["sum", "max"], "price": "min"}).toDF().set_index("sym")
    assert got.loc["C", ["sum_qty", "max_qty", "min_price"]].tolist() == [14800, 8800, 49.6]
    got = t.groupby("sym").agg2([ddb.wsum, ddb.wavg], [("price", "qty")]).toDF().set_index("sym")
    assert got.loc["MS", "wsum_price"] == pytest.approx(29.46 * 1900 + 29.52 * 2100 + 30.02 * 3200)
    assert got.loc["IBM", "wavg_price"] == pytest.approx(175.085082)
    got = t.select("qty").groupby("sym").sum().toDF().set_index("sym")
    assert got["sum_qty"].to_dict() == {"C": 14800, "IBM": 12200, "MS": 7200}


def test_contextby_csort_top_limit_having(any_session, unique):
    t = _trades(any_session, unique("cb"))
    # progr/sql/contextBy.md: select top 2 * from t1 context by sym csort timestamp desc
    got = t.select("*").contextby("sym").csort("timestamp", ascending=False).top(2).toDF()
    assert got["sym"].tolist() == ["C", "C", "IBM", "IBM", "MS", "MS"]
    assert _times(got) == ["09:38:12", "09:34:26", "09:35:26", "09:32:47", "09:36:59", "09:36:51"]
    assert got["qty"].tolist() == [8800, 2500, 5400, 6800, 3200, 2100]
    # select * from t1 context by sym csort qty limit -2
    got = t.select("*").contextby("sym").csort("qty").limit(-2).toDF()
    assert got["qty"].tolist() == [2500, 8800, 5400, 6800, 2100, 3200]
    assert got["price"].tolist() == [50.32, 51.29, 175.23, 174.97, 29.52, 30.02]
    got = t.select(["sym", "cumsum(qty)"]).contextby("sym").toDF()
    assert got["sym"].tolist() == ["C", "C", "C", "C", "IBM", "IBM", "MS", "MS", "MS"]
    assert got["cumsum_qty"].tolist() == [2200, 3500, 6000, 14800, 6800, 12200, 1900, 4000, 7200]
    got = t.select("qty").contextby("sym").cumsum().toDF()
    assert got["cumsum_qty"].tolist() == [2200, 3500, 6000, 14800, 6800, 12200, 1900, 4000, 7200]
    got = t.contextby("sym").having("sum(qty) > 10000").toDF()
    assert got["sym"].tolist() == ["C"] * 4 + ["IBM"] * 2
    assert t.contextby("sym").top(1).toDF()["qty"].tolist() == [2200, 6800, 1900]


def test_pivotby(any_session, unique):
    # progr/sql/pivotBy.md 例1
    name = unique("pv")
    any_session.run(f"""
        sym = `C`MS`MS`MS`IBM`IBM`C`C`C
        price= 49.6 29.46 29.52 30.02 174.97 175.23 50.76 50.32 51.29
        qty = 2200 1900 2100 3200 6800 5400 1300 2500 8800
        timestamp = [09:34:07,09:35:42,09:36:51,09:36:59,09:35:47,09:36:26,09:34:16,09:35:26,09:36:12]
        {name} = table(timestamp, sym, qty, price)""")
    t = any_session.loadTable(name)
    # select price from t2 pivot by timestamp.minute(), sym
    got = t.pivotby("timestamp.minute()", "sym", "price").toDF()
    assert list(got.columns) == ["minute_timestamp", "C", "IBM", "MS"]
    assert got["C"].tolist() == [50.76, 50.32, 51.29]
    assert np.isnan(got["IBM"][0]) and got["IBM"].tolist()[1:] == [174.97, 175.23]
    assert np.isnan(got["MS"][0]) and got["MS"].tolist()[1:] == [29.46, 30.02]
    wide = t.pivotby("timestamp", "sym", "price").toDF()
    assert len(wide) == 9 and wide["C"].count() == 4
    # exec count(price) from t2 pivot by timestamp.minute(), sym: a matrix
    m, rows, cols = t.exec("count(price)").pivotby("timestamp.minute()", "sym").toDF()
    assert list(cols) == ["C", "IBM", "MS"]
    assert [str(r)[-5:] for r in rows] == ["09:34", "09:35", "09:36"]
    np.testing.assert_array_equal(m, np.array([[2, np.nan, np.nan], [1, 1, 1], [1, 1, 2]]))


def test_update_delete_execute(any_session, unique):
    t = _trades(any_session, unique("ud"))
    t.update(["price"], ["price*10"]).where("sym=`C").execute()
    assert t.exec("price").toDF().tolist() == pytest.approx(
        [496, 29.46, 29.52, 30.02, 174.97, 175.23, 507.6, 503.2, 512.9])
    t.update(["qty", "price"], ["qty+1", "0.0"]).where("sym=`IBM").where("qty>6000").execute()
    got = t.select(["qty", "price"]).where("sym=`IBM").toDF()
    assert got["qty"].tolist() == [6801, 5400] and got["price"].tolist() == [0.0, 175.23]
    pending = t.delete().where("qty > 3000")
    assert t.rows == 9  # nothing runs before execute
    pending.execute()
    assert t.rows == 5
    assert t.exec("qty").toDF().tolist() == [2200, 1900, 2100, 1300, 2500]
    t.delete().where("sym=`MS").where("qty < 2000").execute()
    assert t.rows == 4
    t.contextby("sym").update(["price"], ["cumsum(qty)"]).execute()
    assert t.select(["sym", "price"]).where("sym=`C").toDF()["price"].tolist() == [2200, 3500, 6000]
    t.delete().execute()
    assert t.rows == 0


def test_drop_rename_append_executeas(any_session, unique):
    name = unique("dr")
    t = _trades(any_session, name)
    assert t.drop(["price", "qty"]).colNames == ["timestamp", "sym"]
    other = _trades(any_session, unique("dr2"))
    with pytest.raises(RuntimeError):
        other.drop("nosuch")
    empty = unique("empty")
    any_session.run(f"{empty} = select * from {name} where 1=0")
    target = any_session.table(data=empty)
    target.append(any_session.table(data=name))
    assert target.rows == 9
    saved = other.select(["sym", "qty"]).where("qty > 5000").executeAs(unique("as"))
    assert saved.toDF()["qty"].tolist() == [6800, 5400, 8800]
    new = unique("rn")
    other.rename(new)
    assert other.tableName() == new
    assert any_session.run(f"exec count(*) from {new}") == 9


def test_merge_joins(any_session, unique):
    # progr/sql/equijoin.md, leftjoin.md and fulljoin.md: t1 and t2
    l, r = unique("jl"), unique("jr")
    any_session.run(f"""
        {l} = table(1 2 3 3 as id, 7.8 4.6 5.1 0.1 as value)
        {r} = table(5 3 1 as id, 300 500 800 as qty)""")
    t1, t2 = any_session.table(data=l), any_session.table(data=r)
    got = t1.merge(t2, on="id").toDF()
    assert got["id"].tolist() == [1, 3, 3] and got["value"].tolist() == [7.8, 5.1, 0.1]
    assert got["qty"].tolist() == [800, 500, 500]
    got = t1.merge(t2, how="left", on="id").select(["id", "value", "qty"]).toDF()
    assert got["id"].tolist() == [1, 2, 3, 3] and got["qty"].fillna(-1).tolist() == [800, -1, 500, 500]
    got = t2.merge(t1, how="left semi", on="id").select(["id", "value", "qty"]).toDF()
    assert got["id"].tolist() == [5, 3, 1] and got["value"].fillna(-1).tolist() == [-1, 5.1, 7.8]
    got = t1.merge(t2, how="outer", on="id").toDF()
    assert list(got.columns) == ["id", "value", f"{r}_id", "qty"]
    assert got["value"].fillna(-1).tolist() == [7.8, 4.6, 5.1, 0.1, -1]
    assert got[f"{r}_id"].fillna(-1).tolist() == [1, -1, 3, 3, 5]
    # how='right' is lj with the sides swapped
    got = t1.merge(t2, how="right", on="id").select(["id", "value", "qty"]).toDF()
    assert got["id"].tolist() == [5, 3, 3, 1] and got["value"].fillna(-1).tolist() == [-1, 5.1, 0.1, 7.8]
    # different key names (API manual's merge example 2); the result keeps the left keys
    k = unique("jk")
    any_session.run(f"{k} = table(5 3 1 as key, 300 500 800 as qty)")
    got = t1.merge(any_session.table(data=k), left_on="id", right_on="key").toDF()
    assert list(got.columns) == ["id", "value", "qty"] and got["qty"].tolist() == [800, 500, 500]
    # merging a query: the API wraps it as a subquery
    got = t1.select(["id", "value"]).where("value > 1").merge(t2, on="id").sort("value").toDF()
    assert got["value"].tolist() == [5.1, 7.8]
    assert t1.merge(t2, on="id").where("qty > 600").rows == 1


def test_merge_asof_window_cross(any_session, unique):
    # progr/sql/asofjoin.md
    l, r = unique("al"), unique("ar")
    any_session.run(f"""
        {l} = table(2015.01.01+(0 31 59 90 120) as date, 1.2 7.8 4.6 5.1 9.5 as value)
        {r} = table(2015.02.01+(0 15 89 89) as date, 1..4 as qty)""")
    got = any_session.table(data=l).merge_asof(any_session.table(data=r), on="date").toDF()
    assert got["qty"].fillna(-1).tolist() == [-1, 1, 2, 2, 4]
    assert [str(d)[:10] for d in got[f"{r}_date"].dropna()] == ["2015-02-01", "2015-02-16", "2015-02-16", "2015-05-01"]
    # progr/sql/windowjoin.md 例1 (a window of -5:0 over SECOND is -5s:0s)
    l, r = unique("wl"), unique("wr")
    any_session.run(f"""
        {l} = table(`A`A`B as sym, 09:56:06 09:56:07 09:56:06 as time, 10.6 10.7 20.6 as price)
        {r} = table(take(`A,10) join take(`B,10) as sym, take(09:56:00+1..10,20) as time, (10+(1..10)\\10-0.05) join (20+(1..10)\\10-0.05) as bid, (10+(1..10)\\10+0.05) join (20+(1..10)\\10+0.05) as offer, take(100 300 800 200 600, 20) as volume)""")
    t1, t2 = any_session.table(data=l), any_session.table(data=r)
    got = t1.merge_window(t2, -5, 0, "avg(bid)", on=["sym", "time"]).toDF()
    assert got["avg_bid"].tolist() == pytest.approx([10.3, 10.4, 20.3])
    got = t1.merge_window(t2, -5, -1, ["wavg(bid,volume)", "wavg(offer,volume)"], on=["sym", "time"]).toDF()
    assert got["wavg_bid"].tolist() == pytest.approx([10.295, 10.32, 20.295])
    assert got["wavg_offer"].tolist() == pytest.approx([10.395, 10.42, 20.395])
    # prevailing (pwj) adds the last quote before a window only when none
    # sits on its left boundary; every window here has one, so pwj is wj
    got = t1.merge_window(t2, -5, 0, "avg(bid)", on=["sym", "time"], prevailing=True).toDF()
    assert got["avg_bid"].tolist() == pytest.approx([10.3, 10.4, 20.3])
    # progr/sql/crossjoin.md
    a, b = unique("ca"), unique("cb")
    any_session.run(f"{a} = table(2010 2011 2012 as year); {b} = table(`IBM`C`AAPL as Ticker)")
    got = any_session.table(data=a).merge_cross(any_session.table(data=b)).toDF()
    assert got["year"].tolist() == [2010] * 3 + [2011] * 3 + [2012] * 3
    assert got["Ticker"].tolist() == ["IBM", "C", "AAPL"] * 3
    assert any_session.table(data=a).merge_cross(any_session.table(data=b)).where("year>2010").rows == 6


def test_ols_on_partitioned_table(pickle_session, unique):
    # Table.ols over a DFS table sends olsEx(sqlDS(<select ...>), Y, X, true, 2)
    path = unique("dfs://ols")
    x = np.array([100, 200, 50, 10, 70, 30])
    y = np.array([3.0, 3.3, 3.2, 3.1, 2.9, 3.4])
    pickle_session.run(f"""
        src = table(`X`Z`X`Z`X`Z as sym, 100 200 50 10 70 30 as size, 3.0 3.3 3.2 3.1 2.9 3.4 as price)
        db = database("{path}", VALUE, `X`Z)
        db.createPartitionedTable(src, `pt, `sym).append!(src)""")
    pt = pickle_session.loadTable("pt", dbPath=path)
    res = pt.select(["size", "price"]).ols("price", ["size"])
    beta, *_ = np.linalg.lstsq(np.column_stack([np.ones(len(x)), x]), y, rcond=None)
    coef = res["Coefficient"]
    assert coef["factor"].tolist() == ["intercept", "size"]
    assert coef["beta"].tolist() == pytest.approx(beta.tolist())
    stat = dict(res["RegressionStat"].values)
    resid = y - (beta[0] + beta[1] * x)
    r2 = 1 - (resid ** 2).sum() / ((y - y.mean()) ** 2).sum()
    assert stat["R2"] == pytest.approx(r2) and stat["Observations"] == 6
    anova = res["ANOVA"].set_index("Breakdown")
    assert anova.loc["Residual", "DF"] == 4 and anova.loc["Regression", "DF"] == 1


def test_database_objects_and_tables(any_session, unique):
    s = any_session
    path = unique("dfs://dbobj")
    dates = np.array(pd.date_range(start="20220101", end="20220105"), dtype="datetime64[D]")
    db = s.database(dbName=unique("db"), partitionType=keys.VALUE, partitions=dates, dbPath=path, engine="TSDB")
    assert s.run(db._getDbName()) == f"DB[{path}]"
    assert s.existsDatabase(path)
    schema_name = unique("schema")
    s.run(f"{schema_name} = table(100:0, `SecurityID`TradeDate`TotalVolumeTrade`TotalValueTrade, [SYMBOL, DATE, INT, DOUBLE])")
    # the API manual's createPartitionedTable 例1
    pt = db.createPartitionedTable(s.table(data=schema_name), "pt", partitionColumns="TradeDate",
                                   sortColumns=["SecurityID", "TradeDate"], keepDuplicates="ALL",
                                   sortKeyMappingFunction=["hashBucket{,5}"])
    defs = s.run(f'schema(loadTable("{path}", "pt"))')["colDefs"]
    assert defs["name"].tolist() == ["SecurityID", "TradeDate", "TotalVolumeTrade", "TotalValueTrade"]
    assert defs["typeString"].tolist() == ["SYMBOL", "DATE", "INT", "DOUBLE"]
    rows = unique("rows")
    s.run(f"{rows} = table(`a`b`c`d as SecurityID, 2022.01.01 2022.01.02 2022.01.02 2022.01.03 as TradeDate, 1 2 3 4 as TotalVolumeTrade, 1.5 2.5 3.5 4.5 as TotalValueTrade)")
    pt.append(s.table(data=rows))  # tableInsert through the table object
    assert pt.rows == 4
    assert s.existsTable(path, "pt") and not s.existsTable(path, "nosuch")
    got = pt.select("sum(TotalVolumeTrade)").groupby("TradeDate").toDF()
    assert got["sum_TotalVolumeTrade"].tolist() == [1, 5, 4]
    dim = db.createTable(s.table(data=schema_name), "dim", sortColumns="SecurityID")
    dim.append(s.table(data=rows))
    assert dim.rows == 4
    # a table loaded from a database as the schema of new tables (DolphinDB
    # takes any table; Porpoise refused a loadTable handle before)
    loaded = s.loadTable("pt", dbPath=path)
    copy = db.createPartitionedTable(loaded, "copy", "TradeDate", sortColumns=["SecurityID", "TradeDate"])
    assert copy.colNames == ["SecurityID", "TradeDate", "TotalVolumeTrade", "TotalValueTrade"] and copy.rows == 0
    other = s.database(partitionType=keys.VALUE, partitions=[1, 2, 3], dbPath=unique("dfs://dbobj2"))
    assert other.createTable(loaded, "dim2").schema["typeString"].tolist() == ["SYMBOL", "DATE", "INT", "DOUBLE"]
    # loadTableBySQL: the rows the query keeps, as an in-memory table
    part = s.loadTableBySQL(tableName="pt", dbPath=path, sql="select * from pt where TotalVolumeTrade > 1")
    assert sorted(part.toDF()["SecurityID"].tolist()) == ["b", "c", "d"]
    s.dropPartition(path, ["2022.01.02"], tableName="pt")
    assert s.run(f'exec SecurityID from loadTable("{path}", "pt") order by SecurityID').tolist() == ["a", "d"]
    s.dropPartition(path, "2022.01.03")  # every table of the partition
    assert s.run(f'exec count(*) from loadTable("{path}", "pt")') == 1
    s.dropTable(path, "pt")
    assert not s.existsTable(path, "pt")
    s.dropDatabase(path)
    assert not s.existsDatabase(path)


def test_database_partition_schemes(pickle_session, unique):
    s = pickle_session

    def scheme(db):
        return s.run(f"schema({db._getDbName()})")

    rng = s.database(partitionType=keys.RANGE, partitions=[1, 11, 21], dbPath=unique("dfs://rng"))
    assert scheme(rng)["partitionSchema"].tolist() == [1, 11, 21]
    lst = s.database(partitionType=keys.LIST, partitions=[["IBM", "ORCL", "MSFT"], ["GOOG", "FB"]], dbPath=unique("dfs://lst"))
    assert [sorted(p) for p in scheme(lst)["partitionSchema"]] == [["IBM", "MSFT", "ORCL"], ["FB", "GOOG"]]
    hsh = s.database(partitionType=keys.HASH, partitions=[keys.DT_INT, 3], dbPath=unique("dfs://hsh"))
    assert scheme(hsh)["partitionSchema"] == 3
    months = np.array(["2012-01", "2012-02", "2012-03"], dtype="datetime64[M]")
    mon = s.database(partitionType=keys.VALUE, partitions=months, dbPath=unique("dfs://mon"))
    assert [str(m) for m in scheme(mon)["partitionSchema"]] == ["2012-01", "2012-02", "2012-03"]
    db1 = s.database(partitionType=keys.VALUE, partitions=np.array(["2012-01-01", "2012-01-06"], dtype="datetime64[D]"))
    db2 = s.database(partitionType=keys.RANGE, partitions=[1, 6, 11])
    compo = s.database(partitionType=keys.COMPO, partitions=[db1, db2], dbPath=unique("dfs://compo"))
    assert scheme(compo)["partitionTypeName"].tolist() == ["VALUE", "RANGE"]
    chunk = s.database(partitionType=keys.VALUE, partitions=[1, 2], dbPath=unique("dfs://atom"), atomic="CHUNK")
    assert scheme(chunk)["atomic"] == "CHUNK"
    pk = s.database(partitionType=keys.VALUE, partitions=[1, 2, 3], dbPath=unique("dfs://pkey"), engine="PKEY")
    src = unique("pksrc")
    s.run(f"{src} = table(1:0, `id`v, [INT, DOUBLE])")
    t = pk.createPartitionedTable(s.table(data=src), "pt", "id", primaryKey="id")
    s.run(f"{src}_rows = table(1 1 2 as id, 1.0 2.0 3.0 as v)")
    t.append(s.table(data=f"{src}_rows"))
    # rows with one primary key are one row, the last written
    assert t.sort("id").toDF()["v"].tolist() == [2.0, 3.0]


def _write_csv(s, unique, text, ext="csv"):
    # server and client share the machine: the file goes in the server's home
    path = os.path.join(s.run("getHomeDir()"), unique("text") + "." + ext)
    with open(path, "w") as f:
        f.write(text)
    return path


CSV = """TICKER,date,VOL,PRC,BID,ASK
AMZN,1997.05.15,6029815,23.5,23.5,23.625
AMZN,1997.05.16,1232226,20.75,20.5,21
NFLX,2002.05.23,7507079,16.75,16.75,16.85
NVDA,1999.01.22,5702636,19.6875,19.625,19.6875
NFLX,2002.05.24,797783,16.94,16.94,16.95
"""


def test_load_text_and_ploadtext(any_session, unique):
    path = _write_csv(any_session, unique, CSV)
    t = any_session.loadText(path)
    assert t.schema["typeString"].tolist() == ["SYMBOL", "DATE", "INT", "DOUBLE", "DOUBLE", "DOUBLE"]
    df = t.toDF()
    assert df["TICKER"].tolist() == ["AMZN", "AMZN", "NFLX", "NVDA", "NFLX"]
    assert df["VOL"].tolist() == [6029815, 1232226, 7507079, 5702636, 797783]
    assert [str(d)[:10] for d in df["date"]] == ["1997-05-15", "1997-05-16", "2002-05-23", "1999-01-22", "2002-05-24"]
    got = t.select(["sum(VOL)"]).groupby("TICKER").toDF().set_index("TICKER")["sum_VOL"].to_dict()
    assert got == {"AMZN": 7262041, "NFLX": 8304862, "NVDA": 5702636}
    p = any_session.ploadText(path)
    assert p.rows == 5 and sorted(p.toDF()["PRC"].tolist()) == sorted(df["PRC"].tolist())
    semi = _write_csv(any_session, unique, "id;name\n1;ab\n2;cd\n", "txt")
    got = any_session.loadText(semi, delimiter=";").toDF()
    assert got["id"].tolist() == [1, 2] and got["name"].tolist() == ["ab", "cd"]
    assert any_session.ploadText(semi, delimiter=";").rows == 2


def test_load_text_ex(any_session, unique):
    path = _write_csv(any_session, unique, CSV)
    db = unique("dfs://ltx")
    any_session.database(dbName=unique("ltxdb"), partitionType=keys.VALUE, partitions=["AMZN", "NFLX", "NVDA"], dbPath=db)
    trade = any_session.loadTextEx(dbPath=db, partitionColumns=["TICKER"], tableName="trade", remoteFilePath=path)
    assert trade.rows == 5
    assert any_session.run(f'exec sum(VOL) from loadTable("{db}", "trade")') == 6029815 + 1232226 + 7507079 + 5702636 + 797783
    got = trade.select(["sum(VOL)", "sum(PRC)"]).groupby(["TICKER"]).toDF().set_index("TICKER")
    assert got.loc["NFLX", "sum_VOL"] == 8304862 and got.loc["NFLX", "sum_PRC"] == pytest.approx(33.69)
    got = trade.select("count(ASK)").groupby("TICKER").having("count(ASK) > 1").toDF()
    assert sorted(got["TICKER"].tolist()) == ["AMZN", "NFLX"]
    tsdb = unique("dfs://ltxt")
    any_session.database(partitionType=keys.VALUE, partitions=["AMZN", "NFLX", "NVDA"], dbPath=tsdb, engine="TSDB")
    trade = any_session.loadTextEx(dbPath=tsdb, partitionColumns=["TICKER"], tableName="trade", remoteFilePath=path,
                                   sortColumns=["TICKER", "date"])
    assert any_session.run(f'schema(loadTable("{tsdb}", "trade")).sortColumns').tolist() == ["TICKER", "date"]
    assert trade.select("*").where("TICKER=`NVDA").toDF()["VOL"].tolist() == [5702636]


def test_run_keyword_arguments(any_session, unique):
    s = any_session
    assert s.run("1+1", priority=8) == 2
    assert s.run("sum(1..10)", parallelism=2) == 55
    assert s.run("add", 1, 2, priority=0, parallelism=1) == 3
    keep, gone = unique("keep"), unique("gone")
    s.run(f"{keep} = 1")
    # clearMemory releases the variables that run created
    assert s.run(f"{gone} = 5; {gone} * 2", clearMemory=True) == 10
    assert s.run(f"defined(['{gone}', '{keep}'])").tolist() == [False, True]
    reader = s.run("table(1..20000 as a, take(`x`y, 20000) as b)", fetchSize=8192)
    blocks = []
    while reader.hasNext():
        blocks.append(reader.read())
    assert [len(b) for b in blocks] == [8192, 8192, 3616]
    assert sum(int(b["a"].sum()) for b in blocks) == 20000 * 20001 // 2
    assert s.run("1") == 1  # the session is usable after the last block
    reader = s.run("table(1..20000 as a)", fetchSize=8192)
    assert len(reader.read()) == 8192
    reader.skipAll()
    assert s.run("2") == 2


def test_fetch_size_of_a_scalar_fails_on_the_client(porpoise_server):
    # the API refuses a fetchSize for a script that returns no table (its
    # own text); the session cannot run more after, so it gets its own
    s = porpoise_server.session()
    try:
        with pytest.raises(RuntimeError, match="Fetch size can only be set when executing scripts that return a table"):
            s.run("1..10", fetchSize=8192)
    finally:
        s.close()


def test_run_file(any_session, unique, tmp_path):
    fn = unique("addTen")
    script = tmp_path / "script.dos"
    script.write_text(f"def {fn}(x){{ return x + 10 }}\nzz = {fn}(5)\nzz * 2\n")
    assert any_session.runFile(str(script)) == 30
    assert any_session.run(f"{fn}(1)") == 11
    name_only = tmp_path / "call.dos"
    name_only.write_text("add")
    assert any_session.runFile(str(name_only), 3, 4) == 7
