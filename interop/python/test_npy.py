"""NumPy's .npy/.npz files between numpy and porpoise: loadNpy and
loadNpz read what numpy.save and numpy.savez write (the pages'
examples, C and Fortran order, every supported dtype), and numpy.load
reads what saveAsNpy writes."""

import numpy as np
import pytest


@pytest.fixture
def served(porpoise_factory, tmp_path):
    """A server whose file functions' home is tmp_path, and a session."""
    srv = porpoise_factory(data_dir=tmp_path)
    s = srv.session()
    yield tmp_path, s
    s.close()


def test_load_npy_examples(served):
    home, s = served
    # funcs/l/loadNpy.md
    np.save(home / "intVec.npy", np.array([5, 6, 1, 3, 4, 8]))
    np.save(home / "doubleMat.npy", np.array([[1.5, 5.6, -7.87], [-1.0, 3.4, 4.5]]))
    assert s.run('typestr(loadNpy("intVec.npy"))') == "FAST LONG VECTOR"
    assert s.run('loadNpy("intVec.npy")').tolist() == [5, 6, 1, 3, 4, 8]
    assert s.run('loadNpy("doubleMat.npy")[1]').tolist() == [5.6, 3.4]
    assert list(s.run('shape(loadNpy("doubleMat.npy"))')) == [2, 3]
    assert s.run('loadNpy("doubleMat.npy")[2][0]') == -7.87


@pytest.mark.parametrize("dtype,typestr", [
    (np.bool_, "BOOL"), (np.int8, "CHAR"), (np.int16, "SHORT"), (np.int32, "INT"),
    (np.int64, "LONG"), (np.float32, "FLOAT"), (np.float64, "DOUBLE"),
])
@pytest.mark.parametrize("order", ["C", "F"])
def test_load_npy_dtypes_and_orders(served, dtype, typestr, order):
    home, s = served
    a = np.asfortranarray(np.arange(12).reshape(3, 4) % 7, dtype=dtype) if order == "F" \
        else np.ascontiguousarray(np.arange(12).reshape(3, 4) % 7, dtype=dtype)
    np.save(home / "m.npy", a)
    assert s.run('typestr(loadNpy("m.npy"))').endswith(typestr + " MATRIX")
    # a matrix compares column by column: flatten in Fortran order
    assert s.run('flatten(loadNpy("m.npy"))').tolist() == a.flatten(order="F").tolist()
    np.save(home / "big.npy", a.astype(np.dtype(dtype).newbyteorder(">")))
    assert s.run('flatten(loadNpy("big.npy"))').tolist() == a.flatten(order="F").tolist()


def test_load_npy_nan_and_strings(served):
    home, s = served
    np.save(home / "nan.npy", np.array([1.5, np.nan, 2.5]))
    assert s.run('isNull(loadNpy("nan.npy"))').tolist() == [False, True, False]
    np.save(home / "str.npy", np.array(["133", "211", "3dds", "é5"]))
    assert s.run('loadNpy("str.npy")').tolist() == ["133", "211", "3dds", "é5"]
    np.save(home / "bytes.npy", np.array([b"ab", b"c"]))
    assert s.run('loadNpy("bytes.npy")').tolist() == ["ab", "c"]
    np.save(home / "u.npy", np.array([1, 2], dtype=np.uint16))
    with pytest.raises(RuntimeError, match="loadNpy doesn't support the NumPy data type <u2."):
        s.run('loadNpy("u.npy")')


def test_load_npz_example(served):
    home, s = served
    # funcs/l/loadNpz.md
    a = np.array([[[97, 98]]], dtype=np.int8)
    a1 = np.array(['133', '211', '3dds', 'ddd4', 'e5', 'w6'])
    b1 = np.array([[0.7, 0.8, 9.2], [0, np.nan, np.nan], [1.5, 2.8, 0.2]])
    c1 = np.array([[[0.2, 3.3], [1.9, 4.3]], [[5, 6], [1, 2]]])
    np.savez(home / "array_save.npz", char=a, a1=a1, b1=b1, c1=c1)
    s.run('d = loadNpz("array_save.npz")')
    assert sorted(s.run("d.keys()").tolist()) == ["a1", "b1", "c1", "char"]
    assert s.run('d["a1"]').tolist() == a1.tolist()
    assert s.run('typestr(d["char"][0])') == "FAST CHAR MATRIX"
    assert s.run('flatten(d["char"][0])').tolist() == [97, 98]
    assert s.run('isNull(flatten(d["b1"]))').tolist() == np.isnan(b1).flatten(order="F").tolist()
    assert s.run('size(d["c1"])') == 2
    assert s.run('flatten(d["c1"][0])').tolist() == [0.2, 1.9, 3.3, 4.3]
    assert s.run('flatten(d["c1"][1])').tolist() == [5, 1, 6, 2]
    np.savez_compressed(home / "z.npz", x=np.array([1.5, 2.5]))
    assert s.run('loadNpz("z.npz")["x"]').tolist() == [1.5, 2.5]


def test_numpy_loads_save_as_npy(served):
    home, s = served
    # funcs/s/saveAsNpy.md
    s.run('v = 1..1000; v.saveAsNpy("intVec.npy")')
    s.run('m = (1..1000 + 0.5)$20:50; m.saveAsNpy("doubleMat.npy")')
    v = np.load(home / "intVec.npy")
    m = np.load(home / "doubleMat.npy")
    assert v.dtype == np.int32 and v.tolist() == list(range(1, 1001))
    assert m.shape == (20, 50) and m.dtype == np.float64
    assert m[0, :3].tolist() == [1.5, 21.5, 41.5]
    assert m[19, 49] == 1000.5
    # NULL floating values become -inf (saveAsNpy.md)
    s.run('saveAsNpy(1.5 NULL 2.5, "nulls.npy")')
    assert np.load(home / "nulls.npy").tolist() == [1.5, float("-inf"), 2.5]
    for t in ["true false", "1c 2c", "1h 2h", "1 2", "1l 2l", "1.5f 2.5f", "1.5 2.5"]:
        s.run(f'saveAsNpy({t}, "t.npy")')
        assert s.run('loadNpy("t.npy")').tolist() == s.run(t).tolist()
        assert np.load(home / "t.npy").tolist() == s.run(t).tolist()
