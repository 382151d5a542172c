package storage

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func memStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

var chunkA = ChunkID{DB: "dfs://test", Table: "OQ", Partition: "/20240101/Key1"}

func ints(xs ...int32) *value.Vector { return value.NewInts(xs) }

func syms(xs ...string) *value.Vector { return value.NewStrings(value.Symbol, xs) }

func typed(t value.Type, xs ...int64) *value.Vector {
	v := value.NewVector(t, 0, len(xs))
	for _, x := range xs {
		v.AppendScalar(value.NewTyped(t, x))
	}
	return v
}

func commit(t testing.TB, s *Store, c ChunkID, cols []*value.Vector, opts ChunkOptions) {
	t.Helper()
	tx := s.Begin()
	require.NoError(t, tx.Append(c, nil, cols, opts))
	require.NoError(t, tx.Commit())
}

func read(t testing.TB, s *Store, c ChunkID, schema ...value.Type) []*value.Vector {
	t.Helper()
	out, err := s.ReadChunk(c, nil, schema)
	require.NoError(t, err)
	return out
}

func repeat(v *value.Vector, times int) *value.Vector {
	out := value.NewVector(v.T, 0, v.Len()*times)
	out.Scale = v.Scale
	for range times {
		out.AppendVector(v)
	}
	return out
}

func TestRoundTripTypes(t *testing.T) {
	b16 := func(xs ...byte) [16]byte {
		var b [16]byte
		copy(b[:], xs)
		return b
	}
	dec128 := [16]byte{15: 0x80} // DECIMAL128 NULL
	cases := []struct {
		name string
		v    *value.Vector
	}{
		{"BOOL", &value.Vector{T: value.Bool, I8: []int8{1, 0, value.NullInt8}}},
		{"CHAR", &value.Vector{T: value.Char, I8: []int8{97, -127, value.NullInt8, 127}}},
		{"SHORT", &value.Vector{T: value.Short, I16: []int16{1, -32767, value.NullInt16, 32767}}},
		{"INT", ints(1, -2147483647, value.NullInt32, 2147483647)},
		{"LONG", value.NewLongs([]int64{1, math.MinInt64 + 1, value.NullInt64, math.MaxInt64})},
		{"DATE", typed(value.Date, 19723, int64(value.NullInt32), -1)},
		{"MONTH", typed(value.Month, 24288, int64(value.NullInt32))},
		{"TIME", typed(value.Time, 48610008, int64(value.NullInt32))},
		{"MINUTE", typed(value.Minute, 810, int64(value.NullInt32))},
		{"SECOND", typed(value.Second, 48610, int64(value.NullInt32))},
		{"DATETIME", typed(value.DateTime, 1339594210, int64(value.NullInt32))},
		{"TIMESTAMP", typed(value.Timestamp, 1339594210008, value.NullInt64)},
		{"NANOTIME", typed(value.NanoTime, 48610008007006, value.NullInt64)},
		{"NANOTIMESTAMP", typed(value.NanoTimestamp, 1339594210008007006, value.NullInt64)},
		{"DATEHOUR", typed(value.DateHour, 372109, int64(value.NullInt32))},
		{"FLOAT", &value.Vector{T: value.Float, F32: []float32{2.1, value.NullFloat32, -0.5, math.MaxFloat32}}},
		{"DOUBLE", value.NewDoubles([]float64{2.1, value.NullFloat64, -1e300, math.SmallestNonzeroFloat64})},
		{"SYMBOL", syms("AAPL", "", "MSFT", "AAPL", "日本")},
		{"STRING", value.NewStrings(value.String, []string{"Hello", "", "a\x00b", "日本語"})},
		{"BLOB", value.NewStrings(value.Blob, []string{"\x00\x01\x02", "", string(make([]byte, 300))})},
		{"UUID", &value.Vector{T: value.UUID, B16: [][16]byte{b16(1, 2, 3), {}, {15: 0xff}}}},
		{"IPADDR", &value.Vector{T: value.IPAddr, B16: [][16]byte{b16(192, 168, 1, 13), {}}}},
		{"INT128", &value.Vector{T: value.Int128, B16: [][16]byte{b16(0xe1, 0xff), {}}}},
		{"DECIMAL32", &value.Vector{T: value.Decimal32, Scale: 2, I32: []int32{314, value.NullInt32, -1}}},
		{"DECIMAL64", &value.Vector{T: value.Decimal64, Scale: 4, I64: []int64{31415, value.NullInt64}}},
		{"DECIMAL128", &value.Vector{T: value.Decimal128, Scale: 10, B16: [][16]byte{b16(7), dec128}}},
		{"COMPLEX", &value.Vector{T: value.Complex, F64: []float64{1, 2, value.NullFloat64, value.NullFloat64}}},
		{"INT[]", &value.Vector{T: value.Int + value.ArrayOffset, I32: []int32{1, 2, value.NullInt32, 4}, Offsets: []int64{2, 2, 4}}},
		{"DOUBLE[]", &value.Vector{T: value.Double + value.ArrayOffset, F64: []float64{1.5}, Offsets: []int64{0, 1}}},
	}
	s := memStore(t)
	for _, tc := range cases {
		for _, times := range []int{1, 1000} { // tiny (stored raw) and LZ4-compressed
			t.Run(fmt.Sprintf("%s/x%d", tc.name, times), func(t *testing.T) {
				c := ChunkID{DB: "dfs://types", Table: tc.name, Partition: "/" + strconv.Itoa(times)}
				v := repeat(tc.v, times)
				commit(t, s, c, []*value.Vector{v, ints(slices.Repeat([]int32{7}, v.Len())...)}, ChunkOptions{})
				got := read(t, s, c, v.T, value.Int)
				if v.T == value.Symbol {
					require.NotNil(t, got[0].Syms, "SYMBOL reads coded")
					require.Equal(t, v.Strings(), got[0].Strings())
				} else {
					require.Equal(t, v, got[0])
				}
				require.Equal(t, v.Len(), got[1].Len())
				for i := range v.Len() {
					if !v.T.IsArray() {
						require.Equal(t, v.IsNull(i), got[0].IsNull(i), "row %d", i)
					}
				}
			})
		}
	}
}

// TestIntEncodings checks that each integer encoding is chosen where it
// pays and round-trips, including wrapping deltas.
func TestIntEncodings(t *testing.T) {
	const n = 100_000
	rng := rand.New(rand.NewPCG(3, 4))
	asc := make([]int64, n)
	random := make([]int64, n)
	wrap := make([]int64, n)
	same := make([]int64, n)
	for i := range n {
		asc[i] = 1700000000000 + int64(i)*7 + int64(rng.IntN(3))
		random[i] = int64(rng.Uint64())
		wrap[i] = []int64{math.MaxInt64, math.MinInt64 + 1, value.NullInt64, 0}[i%4] + int64(i/4%3)
		same[i] = 42
	}
	asc32 := make([]int32, n)
	for i := range asc32 {
		asc32[i] = int32(asc[i] / 1000)
	}
	cases := []struct {
		name string
		v    *value.Vector
		enc  byte
	}{
		{"ascending", value.NewLongs(asc), encDeltaLZ4},
		{"ascending32", &value.Vector{T: value.Second, I32: asc32}, encDeltaLZ4},
		{"random", value.NewLongs(random), encRaw},
		{"wrapping", value.NewLongs(wrap), encLZ4},
		{"constant", &value.Vector{T: value.Timestamp, I64: same}, encLZ4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := new(encoder)
			val := e.encodeVector(tc.v)
			require.Equal(t, tc.enc, val[2], "encoding")
			b := newColBuf(tc.v.T, 0)
			require.NoError(t, b.decode(val, n))
			require.Equal(t, tc.v, b.v)
			// and through a store
			s := memStore(t)
			commit(t, s, chunkA, []*value.Vector{tc.v}, ChunkOptions{})
			require.Equal(t, tc.v, read(t, s, chunkA, tc.v.T)[0])
		})
	}
}

func TestUnsupportedType(t *testing.T) {
	s := memStore(t)
	tx := s.Begin()
	defer tx.Rollback()
	err := tx.Append(chunkA, nil, []*value.Vector{value.NewTuple([]value.Value{value.NewInt(1)})}, ChunkOptions{})
	require.ErrorContains(t, err, "cannot be stored")
}

func TestOLAPOrder(t *testing.T) {
	s := memStore(t)
	other := ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/20240102/Key0"}
	commit(t, s, chunkA, []*value.Vector{ints(3, 1, 2), syms("c", "a", "b")}, ChunkOptions{})
	tx := s.Begin()
	require.NoError(t, tx.Append(chunkA, []string{"x", "y"}, []*value.Vector{ints(9, 8), syms("z", "a")}, ChunkOptions{}))
	require.NoError(t, tx.Append(other, []string{"x", "y"}, []*value.Vector{ints(100), syms("q")}, ChunkOptions{}))
	require.NoError(t, tx.Append(chunkA, []string{"x", "y"}, []*value.Vector{ints(0), syms("")}, ChunkOptions{}))
	require.NoError(t, tx.Commit())
	commit(t, s, chunkA, []*value.Vector{ints(5), syms("b")}, ChunkOptions{})

	got := read(t, s, chunkA, value.Int, value.Symbol)
	require.Equal(t, []int32{3, 1, 2, 9, 8, 0, 5}, got[0].I32)
	require.Equal(t, []string{"c", "a", "b", "z", "a", "", "b"}, got[1].Strings())
	got2 := read(t, s, other, value.Int, value.Symbol)
	require.Equal(t, []int32{100}, got2[0].I32)
	require.Equal(t, []string{"q"}, got2[1].Strings())

	m, ok, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, ChunkMeta{Rows: 7, Cols: 2, Blocks: 4, Symbols: 4}, m)

	// column subset, reordered and repeated
	sub, err := s.ReadChunk(chunkA, []int{1, 0, 1}, []value.Type{value.Int, value.Symbol})
	require.NoError(t, err)
	require.Equal(t, got[1].Strings(), sub[0].Strings())
	require.Equal(t, got[0].I32, sub[1].I32)
	require.Equal(t, sub[0], sub[2])
	require.NotSame(t, sub[0], sub[2])

	none, err := s.ReadChunk(chunkA, []int{}, []value.Type{value.Int, value.Symbol})
	require.NoError(t, err)
	require.Empty(t, none)

	parts, err := s.ListChunks(chunkA.DB, chunkA.Table)
	require.NoError(t, err)
	require.Equal(t, []string{"/20240101/Key1", "/20240102/Key0"}, parts)
}

func TestLargeAppendSplitsBlocks(t *testing.T) {
	s := memStore(t)
	n := 2*maxBlockRows + 17
	a := make([]int32, n)
	str := make([]string, n)
	for i := range a {
		a[i] = int32(i)
		str[i] = "s" + strconv.Itoa(i%1000)
	}
	commit(t, s, chunkA, []*value.Vector{ints(a...), value.NewStrings(value.String, str)}, ChunkOptions{})
	m, _, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.Equal(t, 3, m.Blocks)
	got := read(t, s, chunkA, value.Int, value.String)
	require.Equal(t, a, got[0].I32)
	require.Equal(t, str, got[1].Strings())
}

func TestTSDBKeepDuplicates(t *testing.T) {
	// sort columns: sym, sec; value column v identifies each row.
	commits := [][]*value.Vector{
		{syms("b", "a", "a", "a", "c"), typed(value.Second, 10, 10, 5, 10, int64(value.NullInt32)), ints(1, 2, 3, 4, 5)},
		{syms("a", "c", "b"), typed(value.Second, 10, 1, 9), ints(6, 7, 8)},
		{syms("a"), typed(value.Second, 10), ints(9)},
	}
	cases := []struct {
		keep KeepPolicy
		sym  []string
		sec  []int32
		v    []int32
	}{
		{KeepAll,
			[]string{"a", "a", "a", "a", "a", "b", "b", "c", "c"},
			[]int32{5, 10, 10, 10, 10, 9, 10, value.NullInt32, 1},
			[]int32{3, 2, 4, 6, 9, 8, 1, 5, 7}},
		{KeepFirst,
			[]string{"a", "a", "b", "b", "c", "c"},
			[]int32{5, 10, 9, 10, value.NullInt32, 1},
			[]int32{3, 2, 8, 1, 5, 7}},
		{KeepLast,
			[]string{"a", "a", "b", "b", "c", "c"},
			[]int32{5, 10, 9, 10, value.NullInt32, 1},
			[]int32{3, 9, 8, 1, 5, 7}},
	}
	for _, tc := range cases {
		t.Run(tc.keep.String(), func(t *testing.T) {
			s := memStore(t)
			opts := ChunkOptions{SortColumns: []int{0, 1}, KeepDuplicates: tc.keep}
			for _, cols := range commits {
				commit(t, s, chunkA, cols, opts)
			}
			got := read(t, s, chunkA, value.Symbol, value.Second, value.Int)
			require.Equal(t, tc.sym, got[0].Strings())
			require.Equal(t, tc.sec, got[1].I32)
			require.Equal(t, tc.v, got[2].I32)
			// the value column alone still comes back in sorted order
			only, err := s.ReadChunk(chunkA, []int{2}, []value.Type{value.Symbol, value.Second, value.Int})
			require.NoError(t, err)
			require.Equal(t, tc.v, only[0].I32)
			m, _, err := s.ChunkMeta(chunkA)
			require.NoError(t, err)
			require.Equal(t, []int{0, 1}, m.SortColumns)
			require.Equal(t, tc.keep, m.KeepDuplicates)
		})
	}
}

// TestTSDBAppendPaths writes time-ordered rows with a constant partition
// column through every Append sort path and compares with a reference.
func TestTSDBAppendPaths(t *testing.T) {
	const n = 8000
	rng := rand.New(rand.NewPCG(5, 6))
	date := make([]int32, n)
	sec := make([]int32, n)
	sym := make([]string, n)
	val := make([]int32, n)
	for i := range n {
		date[i] = 19724
		sec[i] = int32(34200 + i/3)
		sym[i] = "S" + strconv.Itoa(rng.IntN(7))
		val[i] = int32(i)
	}
	schema := []value.Type{value.Date, value.Second, value.Symbol, value.Int}
	cut := n/2 + 1
	part := func(lo, hi int) []*value.Vector {
		return []*value.Vector{{T: value.Date, I32: date[lo:hi]}, {T: value.Second, I32: sec[lo:hi]},
			syms(sym[lo:hi]...), ints(val[lo:hi]...)}
	}
	for _, sortCols := range [][]int{{2, 1}, {2}, {1, 2}, {0, 2}} {
		for _, keep := range []KeepPolicy{KeepAll, KeepFirst, KeepLast} {
			t.Run(fmt.Sprintf("%v/%s", sortCols, keep), func(t *testing.T) {
				s := memStore(t)
				opts := ChunkOptions{SortColumns: sortCols, KeepDuplicates: keep}
				commit(t, s, chunkA, part(0, cut), opts)
				commit(t, s, chunkA, part(cut, n), opts)
				got := read(t, s, chunkA, schema...)

				compare := func(a, b int32) int {
					for _, c := range sortCols {
						var x int
						switch c {
						case 0:
							x = cmp.Compare(date[a], date[b])
						case 1:
							x = cmp.Compare(sec[a], sec[b])
						case 2:
							x = cmp.Compare(sym[a], sym[b])
						}
						if x != 0 {
							return x
						}
					}
					return 0
				}
				want := stableKept(n, compare, keep)
				require.Equal(t, want, got[3].I32)
				for k, r := range want {
					require.Equal(t, date[r], got[0].I32[k])
					require.Equal(t, sec[r], got[1].I32[k])
					require.Equal(t, sym[r], got[2].StrAt(k))
				}
			})
		}
	}
}

func TestTSDBWideKeys(t *testing.T) {
	// Two full-range LONG sort columns need 128 key bits: comparison-sort path.
	s := memStore(t)
	opts := ChunkOptions{SortColumns: []int{0, 1}, KeepDuplicates: KeepLast}
	big := int64(math.MaxInt64)
	commit(t, s, chunkA, []*value.Vector{
		value.NewLongs([]int64{big, -big, 0, big}),
		value.NewLongs([]int64{-big, big, 1, -big}),
		ints(1, 2, 3, 4),
	}, opts)
	commit(t, s, chunkA, []*value.Vector{value.NewLongs([]int64{0}), value.NewLongs([]int64{1}), ints(5)}, opts)
	got := read(t, s, chunkA, value.Long, value.Long, value.Int)
	require.Equal(t, []int64{-big, 0, big}, got[0].I64)
	require.Equal(t, []int64{big, 1, -big}, got[1].I64)
	require.Equal(t, []int32{2, 5, 4}, got[2].I32)
}

// TestSortRowsMatchesReference checks every sort path (counting pass,
// packed radix, comparison sort) against a plain stable comparison sort on
// random data.
func TestSortRowsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	type keyCol struct {
		col     sortCol
		compare func(a, b int32) int
	}
	iters := 160
	if raceEnabled {
		iters = 48
	}
	for iter := range iters {
		n := 1 + rng.IntN(3000)
		if iter%40 == 0 {
			n = 1 + rng.IntN(60000)
		}
		keep := KeepPolicy(rng.IntN(3))
		nsym := 1 + rng.IntN(50)
		symText := make([]string, nsym)
		for i := range symText {
			symText[i] = strconv.Itoa(rng.IntN(1000))
		}
		ids := make([]int32, n)
		i64 := make([]int64, n)
		f64 := make([]float64, n)
		str := make([]string, n)
		asc := make([]int32, n) // time-ordered column
		small := make([]int8, n)
		wide := iter%4 == 0
		for i := range n {
			ids[i] = int32(rng.IntN(nsym))
			i64[i] = int64(rng.IntN(20)) - 10
			if wide {
				i64[i] = int64(rng.Uint64())
			}
			if rng.IntN(10) == 0 {
				i64[i] = value.NullInt64
			}
			f64[i] = float64(rng.IntN(7)) - 3
			if rng.IntN(10) == 0 {
				f64[i] = value.NullFloat64
			}
			str[i] = string(rune('a' + rng.IntN(5)))
			asc[i] = int32(i / 3)
			small[i] = int8(rng.IntN(5))
		}
		symCol := keyCol{sortCol{ids: ids, sym: func(id int32) string { return symText[id] }, nsym: nsym},
			func(a, b int32) int { return cmp.Compare(symText[ids[a]], symText[ids[b]]) }}
		i64Col := keyCol{sortCol{v: value.NewLongs(i64)}, func(a, b int32) int { return cmp.Compare(i64[a], i64[b]) }}
		f64Col := keyCol{sortCol{v: value.NewDoubles(f64)}, func(a, b int32) int { return cmp.Compare(f64[a], f64[b]) }}
		strCol := keyCol{sortCol{v: value.NewStrings(value.String, str)}, func(a, b int32) int { return cmp.Compare(str[a], str[b]) }}
		ascCol := keyCol{sortCol{v: &value.Vector{T: value.Second, I32: asc}}, func(a, b int32) int { return cmp.Compare(asc[a], asc[b]) }}
		smallCol := keyCol{sortCol{v: &value.Vector{T: value.Char, I8: small}}, func(a, b int32) int { return cmp.Compare(small[a], small[b]) }}
		var key []keyCol
		switch iter % 4 {
		case 0: // > 64 bits: comparison sort
			key = []keyCol{symCol, i64Col, f64Col, strCol, i64Col}
		case 1: // packed radix
			key = []keyCol{symCol, i64Col, f64Col, strCol}
		case 2: // sym + time-ordered column: counting pass on the sym rank
			key = []keyCol{symCol, ascCol}
		case 3: // narrow whole key: counting pass
			key = []keyCol{smallCol, symCol}
		}
		cols := make([]sortCol, len(key))
		for i, k := range key {
			cols[i] = k.col
		}
		compare := func(a, b int32) int {
			for _, k := range key {
				if c := k.compare(a, b); c != 0 {
					return c
				}
			}
			return 0
		}
		want := stableKept(n, compare, keep)
		ord := sortRows(cols, n, keep)
		if iter%4 >= 2 && keep == KeepAll && n > 1 && !slices.IsSortedFunc(ord.Permutation(), cmp.Compare[int32]) {
			require.NotNil(t, ord.Inv, "iteration %d should use the counting pass", iter)
		}
		got := ord.Permutation()
		if got == nil {
			got = make([]int32, n)
			for i := range got {
				got[i] = int32(i)
			}
		}
		require.Equal(t, want, got, "iteration %d n=%d keep=%s", iter, n, keep)
		// applying the order by scatter or gather gives the same rows
		if ord.Inv != nil {
			v := value.NewLongs(i64)
			require.Equal(t, gatherVec(v, got), scatterVec(v, ord.Inv))
		}
	}
}

func TestReopenPersistsEverything(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir})
	require.NoError(t, err)
	require.NoError(t, s.PutDatabase("dfs://test", []byte("scheme")))
	require.NoError(t, s.PutTable("dfs://test", "OQ", []byte("schema")))
	commit(t, s, chunkA, []*value.Vector{syms("x", "y", "x"), ints(1, 2, 3)}, ChunkOptions{SortColumns: []int{0}})
	tx := s.Begin()
	lastID := tx.ID()
	tx.Rollback()
	require.NoError(t, s.Close())

	s, err = Open(Options{Dir: dir})
	require.NoError(t, err)
	meta, ok, err := s.GetDatabase("dfs://test")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, []byte("scheme"), meta)
	meta, ok, err = s.GetTable("dfs://test", "OQ")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, []byte("schema"), meta)
	got := read(t, s, chunkA, value.Symbol, value.Int)
	require.Equal(t, []string{"x", "x", "y"}, got[0].Strings())
	require.Equal(t, []int32{1, 3, 2}, got[1].I32)

	// the symbol base is loaded from disk and extended
	tx = s.Begin()
	require.Greater(t, tx.ID(), lastID)
	require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{syms("z", "x", "a"), ints(4, 5, 6)}, ChunkOptions{SortColumns: []int{0}}))
	require.NoError(t, tx.Commit())
	got = read(t, s, chunkA, value.Symbol, value.Int)
	require.Equal(t, []string{"a", "x", "x", "x", "y", "z"}, got[0].Strings())
	require.Equal(t, []int32{6, 1, 3, 5, 2, 4}, got[1].I32)
	m, _, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.Equal(t, 4, m.Symbols)
	lastID = s.Begin().ID()
	require.NoError(t, s.Close())

	// a store that is not closed cleanly still never reuses an id
	s, err = Open(Options{Dir: dir})
	require.NoError(t, err)
	got = read(t, s, chunkA, value.Symbol, value.Int)
	require.Equal(t, []string{"a", "x", "x", "x", "y", "z"}, got[0].Strings())
	id := s.Begin().ID()
	require.Equal(t, lastID+1, id)
	s.lastTxn = s.reservedTxn // simulate a crash: the exact counter is not recorded
	require.NoError(t, s.db.Close())
	s, err = Open(Options{Dir: dir})
	require.NoError(t, err)
	defer s.Close()
	require.Greater(t, s.Begin().ID(), id)
}

func TestLockConflictText(t *testing.T) {
	s := memStore(t)
	t1, t2 := s.Begin(), s.Begin()
	require.NoError(t, t1.Lock(chunkA))
	require.NoError(t, t1.Lock(chunkA)) // re-entrant
	err := t2.Lock(chunkA)
	require.EqualError(t, err, fmt.Sprintf("The openChunks operation failed because the chunk '/test/20240101/Key1/OQ' is currently locked and in use by transaction %d.", t1.ID()))
	var le *LockError
	require.True(t, errors.As(err, &le))
	require.Equal(t, t1.ID(), le.Txn)
	// Append locks implicitly and fails the same way
	require.EqualError(t, t2.Append(chunkA, nil, []*value.Vector{ints(1)}, ChunkOptions{}), err.Error())
	// an unpartitioned table's path
	require.Equal(t, "/db/t", ChunkID{DB: "dfs://db", Table: "t"}.Path())

	require.NoError(t, t1.Append(chunkA, nil, []*value.Vector{ints(1)}, ChunkOptions{}))
	require.NoError(t, t1.Commit())
	require.NoError(t, t2.Lock(chunkA))
	t2.Rollback()
	require.ErrorIs(t, t2.Lock(chunkA), ErrTxnDone)
}

func TestLockWaitChunkMode(t *testing.T) {
	s := memStore(t)
	t1 := s.Begin()
	require.NoError(t, t1.Append(chunkA, nil, []*value.Vector{ints(1)}, ChunkOptions{}))

	// a waiter that gives up reports the lock error
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var le *LockError
	require.ErrorAs(t, s.Begin().LockWait(ctx, chunkA), &le)
	require.Equal(t, t1.ID(), le.Txn)

	t2 := s.Begin()
	got := make(chan error, 1)
	go func() {
		if err := t2.LockWait(context.Background(), chunkA); err != nil {
			got <- err
			return
		}
		if err := t2.Append(chunkA, nil, []*value.Vector{ints(2)}, ChunkOptions{}); err != nil {
			got <- err
			return
		}
		got <- t2.Commit()
	}()
	select {
	case err := <-got:
		t.Fatalf("LockWait returned while the chunk was held: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	require.NoError(t, t1.Commit())
	require.NoError(t, <-got)
	require.Equal(t, []int32{1, 2}, read(t, s, chunkA, value.Int)[0].I32)
}

func TestConcurrentChunkWriters(t *testing.T) {
	// CHUNK-mode semantics: 3 jobs x 100 single-row txns into one chunk and
	// one job per private chunk; every row lands.
	s := memStore(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for j := range 6 {
		wg.Go(func() {
			c := chunkA
			if j >= 3 {
				c.Partition = fmt.Sprintf("/p%d", j)
			}
			for i := range 100 {
				tx := s.Begin()
				if err := tx.LockWait(context.Background(), c); err != nil {
					errs <- err
					return
				}
				if err := tx.Append(c, nil, []*value.Vector{ints(int32(j*1000 + i)), syms(fmt.Sprintf("s%d", i%7))}, ChunkOptions{}); err != nil {
					errs <- err
					return
				}
				if err := tx.Commit(); err != nil {
					errs <- err
					return
				}
				if _, err := s.ReadChunk(c, nil, []value.Type{value.Int, value.Symbol}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	got := read(t, s, chunkA, value.Int, value.Symbol)
	require.Equal(t, 300, got[0].Len())
	for i, v := range got[0].I32 {
		require.Equal(t, fmt.Sprintf("s%d", v%1000%7), got[1].StrAt(i))
	}
	parts, err := s.ListChunks(chunkA.DB, chunkA.Table)
	require.NoError(t, err)
	require.Len(t, parts, 4)
}

func TestRollbackLeavesNothing(t *testing.T) {
	s := memStore(t)
	tx := s.Begin()
	require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{syms("a", "b"), ints(1, 2)}, ChunkOptions{}))
	tx.Rollback()
	require.ErrorIs(t, tx.Commit(), ErrTxnDone)
	_, ok, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.False(t, ok)
	parts, err := s.ListChunks(chunkA.DB, chunkA.Table)
	require.NoError(t, err)
	require.Empty(t, parts)
	got := read(t, s, chunkA, value.Symbol, value.Int)
	require.Equal(t, 0, got[0].Len())

	// the lock is free and the rolled-back symbols left no trace
	commit(t, s, chunkA, []*value.Vector{syms("b"), ints(3)}, ChunkOptions{})
	got = read(t, s, chunkA, value.Symbol, value.Int)
	require.Equal(t, []string{"b"}, got[0].Strings())
	m, _, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.Equal(t, 1, m.Symbols)

	// an empty transaction commits nothing
	require.NoError(t, s.Begin().Commit())
}

func TestSymbaseLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("2M symbols")
	}
	s := memStore(t)
	strs := make([]string, MaxSymbols+1)
	for i := range strs {
		strs[i] = "s" + strconv.Itoa(i)
	}
	other := ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/other"}

	// MaxSymbols+1 distinct symbols in one append: error, nothing written
	tx := s.Begin()
	require.NoError(t, tx.Append(other, nil, []*value.Vector{syms("ok")}, ChunkOptions{}))
	err := tx.Append(chunkA, nil, []*value.Vector{syms(strs...)}, ChunkOptions{})
	require.EqualError(t, err, "One symbase's size can't exceed 2097152.")
	require.ErrorIs(t, err, ErrSymbaseFull)
	tx.Rollback()
	_, ok, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.False(t, ok)
	_, ok, err = s.ChunkMeta(other)
	require.NoError(t, err)
	require.False(t, ok)

	if raceEnabled {
		t.Log("skipping the exact-fill half under -race (minutes of instrumented map work)")
		return
	}
	// exactly MaxSymbols fit, across two SYMBOL columns sharing the base
	half := MaxSymbols / 2
	commit(t, s, chunkA, []*value.Vector{syms(strs[:half]...), syms(strs[half:MaxSymbols]...)}, ChunkOptions{})
	tx = s.Begin()
	err = tx.Append(chunkA, nil, []*value.Vector{syms("s1", strs[MaxSymbols]), syms("s2", "s3")}, ChunkOptions{})
	require.ErrorIs(t, err, ErrSymbaseFull)
	// the failed append left the transaction usable; known symbols still fit
	require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{syms("s1"), syms("")}, ChunkOptions{}))
	require.NoError(t, tx.Commit())
	m, _, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.Equal(t, MaxSymbols, m.Symbols)
	require.Equal(t, int64(half+1), m.Rows)
	got := read(t, s, chunkA, value.Symbol, value.Symbol)
	require.Equal(t, "s1", got[0].StrAt(half))
	require.Equal(t, "", got[1].StrAt(half))
	require.Equal(t, strs[half:MaxSymbols], got[1].Strings()[:half])
}

func TestFewerColumnsReadNull(t *testing.T) {
	for _, opts := range []ChunkOptions{{}, {SortColumns: []int{0}}} {
		t.Run(fmt.Sprintf("sort=%v", opts.SortColumns), func(t *testing.T) {
			s := memStore(t)
			commit(t, s, chunkA, []*value.Vector{ints(1, 2)}, opts)
			commit(t, s, chunkA, []*value.Vector{ints(3), syms("x"), value.NewDoubles([]float64{1.5})}, opts)
			m, _, err := s.ChunkMeta(chunkA)
			require.NoError(t, err)
			require.Equal(t, 3, m.Cols)
			got := read(t, s, chunkA, value.Int, value.Symbol, value.Double, value.String)
			require.Equal(t, []int32{1, 2, 3}, got[0].I32)
			require.Equal(t, []string{"", "", "x"}, got[1].Strings())
			require.Equal(t, []float64{value.NullFloat64, value.NullFloat64, 1.5}, got[2].F64)
			require.Equal(t, []string{"", "", ""}, got[3].Strings()) // never written
			// a type that does not match what was stored is refused
			_, err = s.ReadChunk(chunkA, nil, []value.Type{value.Long})
			require.ErrorContains(t, err, "cannot be read as LONG")
		})
	}
}

func TestCatalogAndDrops(t *testing.T) {
	s := memStore(t)
	for _, db := range []string{"dfs://a", "dfs://ab", "dfs://b"} {
		require.NoError(t, s.PutDatabase(db, []byte(db)))
		for _, tb := range []string{"t1", "t2"} {
			require.NoError(t, s.PutTable(db, tb, []byte(db+tb)))
			for _, p := range []string{"/1", "/2"} {
				commit(t, s, ChunkID{DB: db, Table: tb, Partition: p}, []*value.Vector{syms(db + tb + p)}, ChunkOptions{})
			}
		}
	}
	dbs, err := s.ListDatabases()
	require.NoError(t, err)
	require.Equal(t, []string{"dfs://a", "dfs://ab", "dfs://b"}, dbs)
	tables, err := s.ListTables("dfs://a")
	require.NoError(t, err)
	require.Equal(t, []string{"t1", "t2"}, tables)
	require.NoError(t, s.PutTable("dfs://a", "t1", []byte("v2")))
	meta, _, err := s.GetTable("dfs://a", "t1")
	require.NoError(t, err)
	require.Equal(t, []byte("v2"), meta)
	_, ok, err := s.GetTable("dfs://a", "nope")
	require.NoError(t, err)
	require.False(t, ok)
	require.ErrorContains(t, s.PutTable("dfs://a", "x\x00y", nil), "NUL")

	// drops refuse while a chunk they cover is locked
	tx := s.Begin()
	require.NoError(t, tx.Lock(ChunkID{DB: "dfs://a", Table: "t2", Partition: "/2"}))
	var le *LockError
	require.ErrorAs(t, s.DropDatabase("dfs://a"), &le)
	require.Equal(t, "/a/2/t2", le.Path)
	require.ErrorAs(t, s.DropTable("dfs://a", "t2"), &le)
	require.ErrorAs(t, s.DropChunk(ChunkID{DB: "dfs://a", Table: "t2", Partition: "/2"}), &le)
	tx.Rollback()

	chunks := func(db, tb string) []string {
		p, err := s.ListChunks(db, tb)
		require.NoError(t, err)
		return p
	}
	require.NoError(t, s.DropChunk(ChunkID{DB: "dfs://a", Table: "t1", Partition: "/1"}))
	require.Equal(t, []string{"/2"}, chunks("dfs://a", "t1"))
	require.NoError(t, s.DropTable("dfs://a", "t2"))
	require.Empty(t, chunks("dfs://a", "t2"))
	tables, err = s.ListTables("dfs://a")
	require.NoError(t, err)
	require.Equal(t, []string{"t1"}, tables)

	require.NoError(t, s.DropDatabase("dfs://a"))
	dbs, err = s.ListDatabases()
	require.NoError(t, err)
	require.Equal(t, []string{"dfs://ab", "dfs://b"}, dbs)
	tables, err = s.ListTables("dfs://a")
	require.NoError(t, err)
	require.Empty(t, tables)
	require.Empty(t, chunks("dfs://a", "t1"))
	_, ok, err = s.GetDatabase("dfs://a")
	require.NoError(t, err)
	require.False(t, ok)
	// neighbours with a common name prefix are untouched
	require.Equal(t, []string{"/1", "/2"}, chunks("dfs://ab", "t1"))
	got := read(t, s, ChunkID{DB: "dfs://ab", Table: "t2", Partition: "/2"}, value.Symbol)
	require.Equal(t, []string{"dfs://abt2/2"}, got[0].Strings())

	// a dropped chunk can be recreated from scratch (fresh symbol base)
	c := ChunkID{DB: "dfs://a", Table: "t1", Partition: "/2"}
	commit(t, s, c, []*value.Vector{syms("new")}, ChunkOptions{})
	require.Equal(t, []string{"new"}, read(t, s, c, value.Symbol)[0].Strings())
	m, _, err := s.ChunkMeta(c)
	require.NoError(t, err)
	require.Equal(t, ChunkMeta{Rows: 1, Cols: 1, Blocks: 1, Symbols: 1}, m)
}

func TestClosedStore(t *testing.T) {
	s, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	tx := s.Begin()
	require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{ints(1)}, ChunkOptions{}))
	require.NoError(t, s.Close())
	require.ErrorIs(t, tx.Commit(), ErrClosed)
	require.ErrorIs(t, s.Close(), ErrClosed)
	_, err = s.ReadChunk(chunkA, nil, []value.Type{value.Int})
	require.ErrorIs(t, err, ErrClosed)
	require.ErrorIs(t, s.Begin().Lock(chunkA), ErrClosed)
}

// A TSDB append larger than a block is sorted as a whole before it is
// cut, so its stored blocks follow each other in key order and a read
// needs no sort (sortRows returns the identity on them), with SYMBOL and
// numeric sort columns and with duplicates dropped before the cut.
func TestTSDBAppendBlocksInKeyOrder(t *testing.T) {
	n := 2*maxBlockRows + 17
	sym := make([]string, n)
	sec := make([]int32, n)
	v := make([]int32, n)
	for i := range v {
		sym[i] = "s" + strconv.Itoa((n-i)%7)
		sec[i] = int32((i * 7919) % 300007)
		v[i] = int32(i)
	}
	for _, keep := range []KeepPolicy{KeepAll, KeepFirst, KeepLast} {
		s := memStore(t)
		opts := ChunkOptions{SortColumns: []int{0, 1}, KeepDuplicates: keep}
		commit(t, s, chunkA, []*value.Vector{value.NewStrings(value.Symbol, sym), {T: value.Second, I32: sec}, value.NewInts(v)}, opts)

		p := chunkPrefix(chunkA)
		it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: p, UpperBound: prefixEnd(p)})
		require.NoError(t, err)
		need := []*colBuf{newColBuf(value.Symbol, n), newColBuf(value.Second, n), nil}
		require.NoError(t, readBlocks(it, p, need))
		m, ok, err := s.ChunkMeta(chunkA)
		require.NoError(t, err)
		require.True(t, ok)
		base, err := readSymbols(it, p, m.Symbols)
		require.NoError(t, err)
		require.NoError(t, it.Close())
		require.Greater(t, m.Blocks, 1, "keep=%s", keep)
		keys := []sortCol{{ids: need[0].ids, sym: func(id int32) string { return base[id] }, nsym: len(base)}, {v: need[1].v}}
		require.True(t, sortRows(keys, need[1].v.Len(), keep).Identity(), "keep=%s: stored blocks out of key order", keep)

		want := read(t, s, chunkA, value.Symbol, value.Second, value.Int)
		require.Equal(t, int(m.Rows), want[0].Len())
	}
}

// ReadChunk hands SYMBOL columns over coded: the stored ids as codes of
// one base per chunk, shared by later reads (grown in place by the
// symbols commits add), and an unordered read of a TSDB ALL chunk
// returns its rows in storage order without the sort column; FIRST/LAST
// chunks are still sorted and deduplicated.
func TestReadChunkCodedUnordered(t *testing.T) {
	for _, keep := range []KeepPolicy{KeepAll, KeepLast} {
		s := memStore(t)
		opts := ChunkOptions{SortColumns: []int{1}, KeepDuplicates: keep}
		commit(t, s, chunkA, []*value.Vector{syms("b", "", "a"), typed(value.Second, 30, 10, 20), ints(1, 2, 3)}, opts)
		schema := []value.Type{value.Symbol, value.Second, value.Int}
		first, err := s.ReadChunk(chunkA, []int{0}, schema)
		require.NoError(t, err)
		require.Equal(t, []string{"", "b", "a"}, first[0].Syms.Strs(), "the chunk's base, ids as codes")
		require.Equal(t, []int32{0, 2, 1}, first[0].I32)
		commit(t, s, chunkA, []*value.Vector{syms("c", "a"), typed(value.Second, 5, 10), ints(4, 5)}, opts)
		want, err := s.ReadChunk(chunkA, []int{0, 2}, schema)
		require.NoError(t, err)
		require.Same(t, first[0].Syms, want[0].Syms, "the cached base grew")
		require.Equal(t, []string{"", "b", "a", "c"}, want[0].Syms.Strs())
		if keep == KeepAll {
			require.Equal(t, []string{"c", "", "a", "a", "b"}, want[0].Strings())
		} else {
			require.Equal(t, []string{"c", "a", "a", "b"}, want[0].Strings())
		}

		out, err := s.ReadChunkWith(chunkA, []int{2}, schema, ReadOptions{Unordered: true})
		require.NoError(t, err)
		if keep == KeepAll {
			require.Equal(t, []int32{2, 3, 1, 4, 5}, out[0].I32, "blocks in commit order, rows as each append sorted them")
		} else {
			require.Equal(t, want[1].I32, out[0].I32)
		}
	}
}

// A coded STRING column is stored as the same bytes as its texts and reads
// back as a plain STRING column, in write order and sorted by a TSDB sort
// column (the encoder reorders its codes).
func TestCodedStringColumn(t *testing.T) {
	strs := []string{"b", "", "a", "b", "ccc", "a"}
	coded := value.NewStrings(value.String, strs).Coded()
	plain := value.NewStrings(value.String, strs)
	e := new(encoder)
	require.Equal(t, append([]byte(nil), e.encodeVector(plain)...), e.encodeVector(coded))

	s := memStore(t)
	commit(t, s, chunkA, []*value.Vector{ints(6, 5, 4, 3, 2, 1), coded}, ChunkOptions{})
	got := read(t, s, chunkA, value.Int, value.String)
	require.Equal(t, plain, got[1])

	sorted := ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/20240102/Key0"}
	commit(t, s, sorted, []*value.Vector{ints(6, 5, 4, 3, 2, 1), coded}, ChunkOptions{SortColumns: []int{0}})
	got = read(t, s, sorted, value.Int, value.String)
	require.Equal(t, []string{"a", "ccc", "b", "a", "", "b"}, got[1].Strings())
}
