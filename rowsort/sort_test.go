package rowsort

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// refCompare is the comparator order by used before this package: NULL
// smallest unless placed explicitly, other elements by value.CompareElems.
func refCompare(keys []*value.Vector, desc []bool, nulls []Nulls, a, b int) int {
	for i, k := range keys {
		na, nb := k.IsNull(a), k.IsNull(b)
		var c int
		switch {
		case na && nb:
		case na || nb:
			if nulls[i] != NullsLow {
				if (nulls[i] == NullsLast) == na {
					return 1
				}
				return -1
			}
			c = -1
			if nb {
				c = 1
			}
		default:
			c = value.CompareElems(k, a, b)
		}
		if desc[i] {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

func refPerm(keys []*value.Vector, desc []bool, nulls []Nulls, n int) []int32 {
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortStableFunc(perm, func(a, b int32) int { return refCompare(keys, desc, nulls, int(a), int(b)) })
	return perm
}

// randVector returns n random elements of type t from a small domain (so
// ties are common) or, when wide, from the whole range; about one in
// eight is NULL.
func randVector(r *rand.Rand, t value.Type, n int, wide bool) *value.Vector {
	span := int64(7)
	if wide {
		span = math.MaxInt64
	}
	val := func() int64 { return r.Int64N(span) - span/2 }
	null := func() bool { return r.IntN(8) == 0 }
	v := value.NewVector(t, n, n)
	for i := range n {
		switch t.Storage() {
		case value.StInt8:
			v.I8[i] = int8(val() % 100)
			if t == value.Bool {
				v.I8[i] = int8(r.IntN(2))
			}
			if null() {
				v.I8[i] = value.NullInt8
			}
		case value.StInt16:
			v.I16[i] = int16(val() % 30000)
			if null() {
				v.I16[i] = value.NullInt16
			}
		case value.StInt32:
			v.I32[i] = int32(val() % 2e9)
			if null() {
				v.I32[i] = value.NullInt32
			}
		case value.StInt64:
			v.I64[i] = val()
			if null() {
				v.I64[i] = value.NullInt64
			}
		case value.StFloat32, value.StFloat64:
			f := float64(val()) / 4
			switch r.IntN(10) {
			case 0:
				f = value.NullFloat64
			case 1:
				f = math.NaN()
			case 2:
				f = math.Copysign(0, -1)
			case 3:
				f = math.Inf(1)
			}
			if t.Storage() == value.StFloat64 {
				v.F64[i] = f
			} else if v.F32[i] = float32(f); f == value.NullFloat64 {
				v.F32[i] = value.NullFloat32
			}
		case value.StString:
			v.Str[i] = fmt.Sprint(val() % 50)
			if null() {
				v.Str[i] = ""
			}
		case value.StBytes16:
			x := val()
			for b := range 16 {
				v.B16[i][b] = byte(x >> (8 * (b % 8)))
			}
			if r.IntN(2) == 0 {
				v.B16[i][15] ^= 0x80
			}
			if null() {
				v.B16[i] = value.NullBytes16(t)
			}
		}
	}
	if t == value.Symbol {
		v = v.CodedAs(value.Symbol)
	}
	return v
}

var keyTypes = []value.Type{value.Bool, value.Char, value.Short, value.Int, value.Long, value.Date,
	value.Second, value.Timestamp, value.Float, value.Double, value.String, value.Symbol, value.Blob,
	value.Decimal32, value.Decimal64, value.Decimal128, value.Int128, value.UUID, value.IPAddr}

// TestSortMatchesComparator sorts random keys of every type, direction
// and NULL placement, one to three keys, and checks the permutation and
// every top-k against a stable sort by the old comparator.
func TestSortMatchesComparator(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for iter := range 3000 {
		n := r.IntN(40)
		if iter%10 == 0 {
			n = 2000 + r.IntN(3000) // counting, radix and heap paths
		}
		nk := 1 + r.IntN(3)
		vecs := make([]*value.Vector, nk)
		desc := make([]bool, nk)
		nulls := make([]Nulls, nk)
		keys := make([]Key, nk)
		var names []string
		for i := range vecs {
			tp := keyTypes[r.IntN(len(keyTypes))]
			vecs[i] = randVector(r, tp, n, r.IntN(4) == 0)
			desc[i] = r.IntN(2) == 0
			nulls[i] = Nulls(r.IntN(3))
			keys[i] = Column(vecs[i], desc[i], nulls[i])
			names = append(names, fmt.Sprintf("%s desc=%v nulls=%d", tp, desc[i], nulls[i]))
		}
		want := refPerm(vecs, desc, nulls, n)
		got := Sort(keys, n, KeepAll).Index(n)
		require.Equal(t, Ints(want), got, "iteration %d: %v", iter, names)
		k := r.IntN(n + 2)
		if iter%3 == 0 {
			k = r.IntN(n/16 + 1) // the heap
		}
		require.Equal(t, want[:min(k, n)], Top(keys, n, k), "iteration %d top %d: %v", iter, k, names)
		requireGroupTop(t, r, want, keys, n, fmt.Sprint(iter, names))
	}
}

// requireGroupTop checks GroupTop on random groups of the rows against
// want, the rows' stable order: each group's rows in that order, cut to
// the first k or the last -k.
func requireGroupTop(t *testing.T, r *rand.Rand, want []int32, keys []Key, n int, msg string) {
	groups := 1 + r.IntN(6)
	ids := make([]int32, n)
	for i := range ids {
		ids[i] = int32(r.IntN(groups))
	}
	for _, k := range []int{0, 1, 3, -1, -2, n + 1, -n - 1} {
		var perm []int32
		for g := range int32(groups) {
			var rows []int32
			for _, row := range want {
				if ids[row] == g {
					rows = append(rows, row)
				}
			}
			if k >= 0 {
				rows = rows[:min(k, len(rows))]
			} else {
				rows = rows[max(len(rows)+k, 0):]
			}
			perm = append(perm, rows...)
		}
		require.Equal(t, append([]int32{}, perm...), GroupTop(ids, groups, keys, n, k), "%s: k %d", msg, k)
	}
}

// TestSortOrders spells out the orders the comparator test cannot check
// against the old comparator, and a few it can.
func TestSortOrders(t *testing.T) {
	inf := math.Inf(1)
	null := value.NullFloat64
	cases := []struct {
		name  string
		v     *value.Vector
		desc  bool
		nulls Nulls
		want  []int
	}{
		{"int asc", value.NewInts([]int32{3, value.NullInt32, 1, 2}), false, NullsLow, []int{1, 2, 3, 0}},
		{"int desc", value.NewInts([]int32{3, value.NullInt32, 1, 2}), true, NullsLow, []int{0, 3, 2, 1}},
		{"int asc nulls last", value.NewInts([]int32{3, value.NullInt32, 1, 2}), false, NullsLast, []int{2, 3, 0, 1}},
		{"int desc nulls first", value.NewInts([]int32{3, value.NullInt32, 1, 2}), true, NullsFirst, []int{1, 0, 3, 2}},
		// DolphinDB: -inf sorts below NULL; NaN is NULL; -0 equals 0
		{"double -inf asc", value.NewDoubles([]float64{1, null, -inf, math.NaN(), inf}), false, NullsLow, []int{2, 1, 3, 0, 4}},
		{"double -inf desc", value.NewDoubles([]float64{1, null, -inf, math.NaN(), inf}), true, NullsLow, []int{4, 0, 1, 3, 2}},
		{"double -inf nulls last", value.NewDoubles([]float64{1, null, -inf, math.NaN(), inf}), false, NullsLast, []int{2, 0, 4, 1, 3}},
		{"double -0 stable", value.NewDoubles([]float64{0, math.Copysign(0, -1), 0}), false, NullsLow, []int{0, 1, 2}},
		{"string desc", value.NewStrings(value.String, []string{"b", "", "a", "b"}), true, NullsLow, []int{0, 3, 2, 1}},
		{"symbol nulls last", value.NewSymbols([]string{"b", "", "a", "b"}), false, NullsLast, []int{2, 0, 3, 1}},
		{"all null", value.NewInts([]int32{value.NullInt32, value.NullInt32}), true, NullsFirst, []int{0, 1}},
		{"tuple", &value.Vector{T: value.Any, Any: []value.Value{value.NewLong(3), value.NullScalar(value.Void), value.NewLong(1)}}, false, NullsLow, []int{1, 2, 0}},
		{"tuple desc", &value.Vector{T: value.Any, Any: []value.Value{value.NewLong(3), value.NullScalar(value.Void), value.NewLong(1)}}, true, NullsLow, []int{0, 2, 1}},
		{"void", &value.Vector{T: value.Void, I8: make([]int8, 3)}, false, NullsLow, []int{0, 1, 2}},
	}
	for _, c := range cases {
		n := c.v.Len()
		require.Equal(t, c.want, Sort([]Key{Column(c.v, c.desc, c.nulls)}, n, KeepAll).Index(n), c.name)
		require.Equal(t, c.want[:1], Ints(Top([]Key{Column(c.v, c.desc, c.nulls)}, n, 1)), c.name)
	}
}

// A coded SYMBOL key sorts by its texts, also after its base grew with
// texts that sort between the old ones (the base's cached ranks follow).
func TestSortCodedSymbolsGrownBase(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"", "b", "a", "ab", "B", "zz", "a\x00", "m"}
	strs := make([]string, 500)
	for i := range strs {
		strs[i] = words[r.IntN(len(words))]
	}
	v := value.NewSymbols(strs)
	for round := range 2 {
		for _, desc := range []bool{false, true} {
			want := make([]int, len(strs))
			for i := range want {
				want[i] = i
			}
			slices.SortStableFunc(want, func(i, j int) int {
				if desc {
					i, j = j, i
				}
				return strings.Compare(strs[i], strs[j])
			})
			require.Equal(t, want, Sort([]Key{Column(v, desc, NullsLow)}, len(strs), KeepAll).Index(len(strs)), "round %d desc %v", round, desc)
		}
		for _, w := range []string{"aa", "A", "c"} {
			v.AppendScalar(&value.Scalar{T: value.Symbol, S: w})
			strs = append(strs, w)
		}
	}
}

// TestSortKeep checks KeepFirst and KeepLast on packed and wide keys.
func TestSortKeep(t *testing.T) {
	cases := []struct {
		v           *value.Vector
		first, last []int32
	}{
		{value.NewInts([]int32{2, 1, 2, 1, 3}), []int32{1, 0, 4}, []int32{3, 2, 4}},
		{value.NewLongs([]int64{math.MaxInt64, -5, math.MaxInt64, -5, 0}), []int32{1, 4, 0}, []int32{3, 4, 2}},
	}
	for _, c := range cases {
		keys := []Key{Column(c.v, false, NullsLow), Column(value.NewDoubles([]float64{1, 1, 1, 1, 1}), false, NullsLow)}
		require.Equal(t, c.first, Sort(keys[:1], 5, KeepFirst).Permutation())
		require.Equal(t, c.last, Sort(keys[:1], 5, KeepLast).Permutation())
		require.Equal(t, c.first, Sort(keys, 5, KeepFirst).Permutation())
		require.Equal(t, c.last, Sort(keys, 5, KeepLast).Permutation())
	}
}

// FuzzSort checks random int and double columns against the comparator.
func FuzzSort(f *testing.F) {
	f.Add([]byte{3, 1, 2, 0, 255, 7}, uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		n := len(data) / 2
		ints := make([]int32, n)
		dbls := make([]float64, n)
		for i := range n {
			ints[i] = int32(int8(data[2*i]))
			if data[2*i] == 0x80 {
				ints[i] = value.NullInt32
			}
			dbls[i] = float64(int8(data[2*i+1])) / 3
			if data[2*i+1] == 0x80 {
				dbls[i] = math.NaN()
			}
		}
		vecs := []*value.Vector{value.NewInts(ints), value.NewDoubles(dbls)}
		desc := []bool{mode&1 != 0, mode&2 != 0}
		nulls := []Nulls{Nulls(mode >> 2 % 3), Nulls(mode >> 4 % 3)}
		keys := []Key{Column(vecs[0], desc[0], nulls[0]), Column(vecs[1], desc[1], nulls[1])}
		want := refPerm(vecs, desc, nulls, n)
		require.Equal(t, Ints(want), Sort(keys, n, KeepAll).Index(n))
		require.Equal(t, want[:n/2], Top(keys, n, n/2))
	})
}
