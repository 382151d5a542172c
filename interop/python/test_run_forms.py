"""session.run of every data form and type, with the pickle protocol on and off.

Expected values are the Python objects the Python API documents for each
DolphinDB type (numpy scalars/arrays, Decimal, str for UUID/IPADDR/INT128,
bytes for BLOB, None/NaN/NaT for NULL); both protocols must give them.
"""

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

UUID = "5d212a78-cc48-e3b1-4235-b4d91473ee87"
I128 = "e1671797c52e15f763380b45e841ec32"

SCALARS = [
    ("true", True),
    ("00b", None),
    ("1c", 1),
    ("-3h", -3),
    ("7", 7),
    ("00i", None),
    ("9223372036854775807l", 9223372036854775807),
    ("2024.01.02", np.datetime64("2024-01-02", "D")),
    ("2024.01M", np.datetime64("2024-01", "M")),
    ("12:00:00.001", np.datetime64("1970-01-01T12:00:00.001", "ms")),
    ("12:00m", np.datetime64("1970-01-01T12:00", "m")),
    ("12:00:01", np.datetime64("1970-01-01T12:00:01", "s")),
    ("2024.01.02T12:00:01", np.datetime64("2024-01-02T12:00:01", "s")),
    ("2024.01.02T12:00:01.123", np.datetime64("2024-01-02T12:00:01.123", "ms")),
    ("12:00:01.123456789", np.datetime64("1970-01-01T12:00:01.123456789", "ns")),
    ("2024.01.02T12:00:01.123456789", np.datetime64("2024-01-02T12:00:01.123456789", "ns")),
    ("datehour('2024.01.02T12')", np.datetime64("2024-01-02T12", "h")),
    ("1.5f", 1.5),
    ("2.25", 2.25),
    ("00F", None),
    ("`sym", "sym"),
    ('"str"', "str"),
    (f"uuid('{UUID}')", UUID),
    ("ipaddr('192.168.1.1')", "192.168.1.1"),
    (f"int128('{I128}')", I128),
    ("blob('abc')", b"abc"),
    ("decimal32('3.14',2)", Decimal("3.14")),
    ("decimal64('3.14',4)", Decimal("3.1400")),
    ("decimal128('3.14',6)", Decimal("3.140000")),
    ("NULL", None),
]


@pytest.mark.parametrize("script,want", SCALARS, ids=[s for s, _ in SCALARS])
def test_scalar(any_session, script, want):
    got = any_session.run(script)
    if isinstance(want, np.datetime64):
        assert isinstance(got, np.datetime64) and got == want and got.dtype == want.dtype
    else:
        assert got == want and type(got) is type(want)


VECTORS = [
    ("[true, false, 00b]", np.array([True, False, None], dtype=object)),
    ("[true, false]", np.array([True, False])),
    ("[1c, 2c]", np.array([1, 2], dtype=np.int8)),
    ("[1c, 00c]", np.array([1.0, np.nan])),
    ("[1h, 2h]", np.array([1, 2], dtype=np.int16)),
    ("1 2 3", np.array([1, 2, 3], dtype=np.int32)),
    ("[1, NULL, 3]", np.array([1.0, np.nan, 3.0])),
    ("[1l, 2l]", np.array([1, 2], dtype=np.int64)),
    ("[1.5f, 00f]", np.array([1.5, np.nan], dtype=np.float32)),
    ("[1.5, NULL]", np.array([1.5, np.nan])),
    ("[2024.01.02, NULL]", np.array(["2024-01-02", "NaT"], dtype="datetime64[D]")),
    ("[2024.01M]", np.array(["2024-01"], dtype="datetime64[M]")),
    ("[12:00:00.001]", np.array(["1970-01-01T12:00:00.001"], dtype="datetime64[ms]")),
    ("[12:00m]", np.array(["1970-01-01T12:00"], dtype="datetime64[m]")),
    ("[12:00:01]", np.array(["1970-01-01T12:00:01"], dtype="datetime64[s]")),
    ("[2024.01.02T12:00:01]", np.array(["2024-01-02T12:00:01"], dtype="datetime64[s]")),
    ("[2024.01.02T12:00:01.123]", np.array(["2024-01-02T12:00:01.123"], dtype="datetime64[ms]")),
    ("[12:00:01.123456789]", np.array(["1970-01-01T12:00:01.123456789"], dtype="datetime64[ns]")),
    ("[2024.01.02T12:00:01.123456789]", np.array(["2024-01-02T12:00:01.123456789"], dtype="datetime64[ns]")),
    ("[datehour('2024.01.02T12')]", np.array(["2024-01-02T12"], dtype="datetime64[h]")),
    ("`a`b`c", np.array(["a", "b", "c"], dtype=object)),
    ("symbol(`a`b`a)", np.array(["a", "b", "a"], dtype=object)),
    ('["x", ""]', np.array(["x", ""], dtype=object)),
    (f"[uuid('{UUID}')]", np.array([UUID], dtype=object)),
    ("[ipaddr('1.2.3.4')]", np.array(["1.2.3.4"], dtype=object)),
    (f"[int128('{I128}')]", np.array([I128], dtype=object)),
    ("[blob('a'), blob('')]", np.array([b"a", b""], dtype=object)),
    ("decimal32([1.5, NULL], 2)", np.array([Decimal("1.50"), None], dtype=object)),
    ("decimal64(1.5 2.5, 3)", np.array([Decimal("1.500"), Decimal("2.500")], dtype=object)),
    ("decimal128(1.5 2.5, 3)", np.array([Decimal("1.500"), Decimal("2.500")], dtype=object)),
]


@pytest.mark.parametrize("script,want", VECTORS, ids=[s for s, _ in VECTORS])
def test_vector(any_session, script, want):
    got = any_session.run(script)
    assert isinstance(got, np.ndarray)
    assert got.dtype == want.dtype
    if want.dtype.kind == "f":
        np.testing.assert_array_equal(got, want)
    else:
        assert got.tolist() == want.tolist()


def test_array_vector(any_session):
    got = any_session.run("arrayVector(2 3, 1 2 3)")
    assert got.dtype == object and len(got) == 2
    np.testing.assert_array_equal(got[0], np.array([1, 2], dtype=np.int32))
    np.testing.assert_array_equal(got[1], np.array([3], dtype=np.int32))


def test_other_forms(any_session):
    assert any_session.run("1:3") == [1, 3]
    assert any_session.run("set(1 2 3)") == {1, 2, 3}
    assert any_session.run("dict(`a`b, 1 2)") == {"a": 1, "b": 2}
    assert any_session.run("dict(INT, DOUBLE)") == {}
    assert any_session.run("dict(`a`b, symbol(`x`y))") == {"a": "x", "b": "y"}
    assert any_session.run("[1, `a, 2.5]") == [1, "a", 2.5]
    assert any_session.run("x = 1") is None


def test_table_of_every_pickled_type(request, any_session):
    df = any_session.run("""table(
        1..3 as i, [1, NULL, 3] as inull, [true, false, true] as b, [true, false, NULL] as bnull,
        [1c, 2c, 3c] as c, [1h, NULL, 3h] as h, [1l, 2l, 3l] as l,
        [1.5f, NULL, 2f] as f, [1.5, 2.5, NULL] as d,
        `x`y`z as s, symbol(`p`q`p) as sym,
        2024.01.01 + 0..2 as dt, 2024.01M + 0..2 as mo, 12:00:00.001 + 0..2 as tm,
        12:00m + 0..2 as mi, 12:00:00 + 0..2 as se, 2024.01.01T00:00:00 + 0..2 as dtm,
        2024.01.01T00:00:00.001 + 0..2 as ts, 12:00:00.000000001 + 0..2 as nt,
        2024.01.01T00:00:00.000000001 + 0..2 as nts,
        datehour(2024.01.01T00:00:00 + 3600 * 0..2) as dh, [2024.01.01, NULL, 2024.01.03] as dtnull)""")
    ns = "datetime64[ns]"
    want = pd.DataFrame({
        "i": np.array([1, 2, 3], dtype=np.int32),
        "inull": [1.0, np.nan, 3.0],
        "b": [True, False, True],
        "bnull": np.array([True, False, None], dtype=object),
        "c": np.array([1, 2, 3], dtype=np.int8),
        "h": [1.0, np.nan, 3.0],
        "l": np.array([1, 2, 3], dtype=np.int64),
        "f": np.array([1.5, np.nan, 2.0], dtype=np.float32),
        "d": [1.5, 2.5, np.nan],
        "s": np.array(["x", "y", "z"], dtype=object),
        "sym": np.array(["p", "q", "p"], dtype=object),
        "dt": np.array(["2024-01-01", "2024-01-02", "2024-01-03"], dtype=ns),
        # DolphinDB pickles MONTH as datetime64[M], which pandas keeps
        # as datetime64[s]; the binary form gives datetime64[ns]
        "mo": np.array(["2024-01-01", "2024-02-01", "2024-03-01"],
                       dtype="datetime64[s]" if request.node.callspec.params["any_session"] else ns),
        "tm": np.array(["1970-01-01T12:00:00.001", "1970-01-01T12:00:00.002", "1970-01-01T12:00:00.003"], dtype=ns),
        "mi": np.array(["1970-01-01T12:00", "1970-01-01T12:01", "1970-01-01T12:02"], dtype=ns),
        "se": np.array(["1970-01-01T12:00:00", "1970-01-01T12:00:01", "1970-01-01T12:00:02"], dtype=ns),
        "dtm": np.array(["2024-01-01T00:00:00", "2024-01-01T00:00:01", "2024-01-01T00:00:02"], dtype=ns),
        "ts": np.array(["2024-01-01T00:00:00.001", "2024-01-01T00:00:00.002", "2024-01-01T00:00:00.003"], dtype=ns),
        "nt": np.array(["1970-01-01T12:00:00.000000001", "1970-01-01T12:00:00.000000002",
                        "1970-01-01T12:00:00.000000003"], dtype=ns),
        "nts": np.array(["2024-01-01T00:00:00.000000001", "2024-01-01T00:00:00.000000002",
                         "2024-01-01T00:00:00.000000003"], dtype=ns),
        "dh": np.array(["2024-01-01T00", "2024-01-01T01", "2024-01-01T02"], dtype=ns),
        "dtnull": np.array(["2024-01-01", "NaT", "2024-01-03"], dtype=ns),
    })
    assert_frame_equal(df, want)


def test_table_of_binary_and_decimal_types(any_session):
    df = any_session.run(f"""table([uuid('{UUID}')] as u, [ipaddr('1.2.3.4')] as ip,
        [int128('{I128}')] as i128, [decimal32('1.5',2)] as d32,
        [decimal64('1.5',3)] as d64, [decimal128('1.5',4)] as d128, arrayVector([2], 1 2) as av)""")
    assert df["u"].tolist() == [UUID]
    assert df["ip"].tolist() == ["1.2.3.4"]
    assert df["i128"].tolist() == [I128]
    assert df["d32"].tolist() == [Decimal("1.50")]
    assert df["d64"].tolist() == [Decimal("1.500")]
    assert df["d128"].tolist() == [Decimal("1.5000")]
    assert df["av"][0].tolist() == [1, 2]


def test_blob_tables_only_in_the_binary_form(pickle_session, plain_session):
    script = "table([blob('x')] as bl, [1] as i)"
    assert plain_session.run(script)["bl"].tolist() == [b"x"]
    with pytest.raises(RuntimeError, match="not support BLOB"):
        pickle_session.run(script)
    assert pickle_session.run("1 + 1") == 2


def test_empty_table_keeps_dtypes(any_session):
    df = any_session.run("table(1:0, `a`b`c, [INT, STRING, TIMESTAMP])")
    assert len(df) == 0
    assert list(df.dtypes) == [np.dtype(np.int32), np.dtype(object), np.dtype("datetime64[ns]")]


def test_pickled_and_binary_tables_agree(pickle_session, plain_session):
    script = "t = table(take(1..7, 50000) as id, take(`a`b`c, 50000) as s, take([1.5, NULL], 50000) as v); t"
    assert_frame_equal(pickle_session.run(script), plain_session.run(script))
    as_list = pickle_session.run(script, pickleTableToList=True)
    plain = plain_session.run(script, pickleTableToList=True)
    assert len(as_list) == len(plain) == 3
    for a, b in zip(as_list, plain):
        np.testing.assert_array_equal(a, b)


def test_errors_come_back_as_server_responses(any_session):
    with pytest.raises(RuntimeError, match="Server Response"):
        any_session.run("undefinedVariableXYZ + 1")


def test_fetch_size_reads_blocks(any_session):
    br = any_session.run("table(1..20000 as a, take(`x`y, 20000) as b)", fetchSize=8192)
    blocks = []
    while br.hasNext():
        blocks.append(br.read())
    assert [len(b) for b in blocks] == [8192, 8192, 3616]
    assert pd.concat(blocks)["a"].tolist() == list(range(1, 20001))
    assert any_session.run("1+1") == 2
    assert [len(b) for b in any_session.run("table(1:0, `a, [INT])", fetchSize=8192)] == [0]
