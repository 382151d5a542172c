package partition

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func day(y, m, d int) int64 { return value.DaysFromCivil(y, m, d) }

func month(y, m int) int64 { return int64(y)*12 + int64(m) - 1 }

func typed(t value.Type, xs ...int64) *value.Vector {
	v := value.NewVector(t, 0, len(xs))
	for _, x := range xs {
		v.AppendScalar(value.NewTyped(t, x))
	}
	return v
}

func closed(t value.Type, lo, hi int64) Interval {
	return Interval{Lo: value.NewTyped(t, lo), Hi: value.NewTyped(t, hi)}
}

func str(s string) *value.Scalar { return &value.Scalar{T: value.String, S: s} }

func which(mask []bool) []int {
	out := []int{}
	for i, k := range mask {
		if k {
			out = append(out, i)
		}
	}
	return out
}

// mustDomain panics on a constructor error: the schemes here are valid.
func mustDomain[D Domain](d D, err error) Domain {
	if err != nil {
		panic(err)
	}
	return d
}

func TestPartitionsIn(t *testing.T) {
	rangeInt := mustDomain(NewRange(typed(value.Int, 0, 10, 20, 30)))
	rangeMonth := mustDomain(NewRange(typed(value.Month, month(2024, 1), month(2024, 2), month(2024, 3), month(2024, 4))))
	valueMonth := mustDomain(NewValue(typed(value.Month, month(2024, 3), month(2024, 1), month(2024, 2))))
	hashInt := mustDomain(NewHash(value.Int, 4))
	hashMonth := mustDomain(NewHash(value.Month, 5))
	list := mustDomain(NewList([]*value.Vector{typed(value.Int, 1, 2), typed(value.Int, 3), typed(value.Int, 5, 6)}))
	rangeStr := mustDomain(NewRange(value.NewStrings(value.String, []string{"a", "g", "n", "z"})))
	listStr := mustDomain(NewList([]*value.Vector{syms("A", "B"), syms("C")}))
	valueSecond := mustDomain(NewValue(typed(value.Second, 0, 3600)))
	hashStr := mustDomain(NewHash(value.Symbol, 3))

	for _, tc := range []struct {
		name string
		d    Domain
		col  value.Type
		iv   Interval
		want []int // nil: can't tell
	}{
		{"range lower bound inclusive", rangeInt, value.Int, closed(value.Int, 10, 10), []int{1}},
		{"range upper bound exclusive", rangeInt, value.Int, Interval{Lo: value.NewInt(0), Hi: value.NewInt(10), HiOpen: true}, []int{0}},
		{"range across a boundary", rangeInt, value.Int, closed(value.Int, 9, 10), []int{0, 1}},
		{"range past the last boundary", rangeInt, value.Int, Interval{Lo: value.NewInt(30)}, []int{}},
		{"range below the first boundary", rangeInt, value.Int, Interval{Hi: value.NewInt(0), HiOpen: true}, []int{}},
		{"range open ends with nothing between", rangeInt, value.Int, Interval{Lo: value.NewInt(9), Hi: value.NewInt(10), LoOpen: true, HiOpen: true}, []int{}},
		{"range unbounded", rangeInt, value.Int, Interval{}, []int{0, 1, 2}},
		{"range from a narrower column", rangeInt, value.Short, closed(value.Short, 25, 100), []int{2}},
		{"range from a wider column", rangeInt, value.Long, closed(value.Long, math.MinInt64+1, 5), []int{0}},
		{"month range from dates", rangeMonth, value.Date, closed(value.Date, day(2024, 1, 31), day(2024, 1, 31)), []int{0}},
		{"month range across months", rangeMonth, value.Date, closed(value.Date, day(2024, 1, 31), day(2024, 2, 1)), []int{0, 1}},
		{"month range after the scheme", rangeMonth, value.Date, Interval{Lo: value.NewTyped(value.Date, day(2024, 4, 1))}, []int{}},
		{"month range, open end on a month's first day", rangeMonth, value.Date, Interval{Hi: value.NewTyped(value.Date, day(2024, 2, 1)), HiOpen: true}, []int{0}},
		{"month values from dates", valueMonth, value.Date, closed(value.Date, day(2024, 2, 10), day(2024, 3, 10)), []int{0, 2}},
		{"hash small interval", hashInt, value.Int, closed(value.Int, 1, 2), []int{1, 2}},
		{"hash negative values", hashInt, value.Int, closed(value.Int, -1, -1), []int{int((uint32(math.MaxUint32)) % 4)}},
		{"hash interval wider than the buckets", hashInt, value.Int, closed(value.Int, 0, 100), []int{0, 1, 2, 3}},
		{"hash interval too wide to hash", hashInt, value.Int, Interval{}, nil},
		{"hash month of dates", hashMonth, value.Date, closed(value.Date, day(2024, 1, 5), day(2024, 1, 25)), []int{int(month(2024, 1) % 5)}},
		{"hash strings", hashStr, value.Symbol, Interval{Lo: str("a")}, nil},
		{"list", list, value.Int, closed(value.Int, 2, 3), []int{0, 1}},
		{"list gap", list, value.Int, closed(value.Int, 4, 4), []int{}},
		{"string range point", rangeStr, value.String, Interval{Lo: str("g"), Hi: str("g")}, []int{1}},
		{"string range open top at a boundary", rangeStr, value.Symbol, Interval{Lo: str("f"), Hi: str("g"), HiOpen: true}, []int{0}},
		{"string range past the end", rangeStr, value.String, Interval{Lo: str("z")}, []int{}},
		{"string list", listStr, value.String, Interval{Lo: str("B"), Hi: str("C"), LoOpen: true}, []int{1}},
		{"time of day from date-times keeps no order", valueSecond, value.DateTime, closed(value.DateTime, 0, 10), nil},
		{"column type the scheme can't map", rangeInt, value.Date, closed(value.Date, 0, 10), nil},
		{"end of another type", rangeInt, value.Int, Interval{Lo: str("a")}, nil},
		{"NULL end", rangeInt, value.Int, Interval{Lo: value.NullScalar(value.Int)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mask, ok := PartitionsIn(tc.d, tc.col, tc.iv)
			if tc.want == nil {
				require.False(t, ok)
				return
			}
			require.True(t, ok)
			require.Len(t, mask, tc.d.Len())
			require.Equal(t, tc.want, which(mask))
		})
	}

	c, err := NewCompo(rangeInt, hashInt)
	require.NoError(t, err)
	_, ok := PartitionsIn(c, value.Int, Interval{})
	require.False(t, ok, "COMPO is pruned level by level")
}

// TestPartitionsInCoversMap checks the promise pruning relies on: every
// value in an interval that Map routes to a partition finds that partition
// kept.
func TestPartitionsInCoversMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := day(2024, 1, 1)
	domains := []struct {
		d    Domain
		col  value.Type
		pick func() int64 // a column value near the scheme
	}{
		{mustDomain(NewRange(typed(value.Int, -50, 0, 7, 40, 41, 100))), value.Int, func() int64 { return r.Int64N(200) - 100 }},
		{mustDomain(NewRange(typed(value.Int, -50, 0, 7, 40, 41, 100))), value.Long, func() int64 { return r.Int64N(200) - 100 }},
		{mustDomain(NewRange(typed(value.Date, base, base+10, base+40))), value.Timestamp, func() int64 { return (base-5)*86400000 + r.Int64N(50*86400000) }},
		{mustDomain(NewRange(typed(value.Month, month(2024, 1), month(2024, 3), month(2024, 4)))), value.Date, func() int64 { return base - 40 + r.Int64N(200) }},
		{mustDomain(NewValue(typed(value.Month, month(2024, 2), month(2024, 1), month(2024, 5)))), value.DateTime, func() int64 { return (base-10)*86400 + r.Int64N(200*86400) }},
		{mustDomain(NewValue(typed(value.Int, 5, -3, 8, 100))), value.Short, func() int64 { return r.Int64N(220) - 110 }},
		{mustDomain(NewHash(value.Int, 7)), value.Int, func() int64 { return r.Int64N(200) - 100 }},
		{mustDomain(NewHash(value.Long, 6)), value.Int, func() int64 { return r.Int64N(200) - 100 }},
		{mustDomain(NewHash(value.Long, 6)), value.Long, func() int64 { return r.Int64N(200) - 100 }},
		{mustDomain(NewHash(value.Date, 5)), value.Timestamp, func() int64 { return base*86400000 + r.Int64N(30*86400000) - 15*86400000 }},
		{mustDomain(NewHash(value.Month, 4)), value.Date, func() int64 { return base + r.Int64N(400) - 200 }},
		{mustDomain(NewHash(value.Short, 3)), value.Short, func() int64 { return r.Int64N(200) - 100 }},
		{mustDomain(NewList([]*value.Vector{typed(value.Int, 1, 9), typed(value.Int, 3), typed(value.Int, -4, 6)})), value.Int, func() int64 { return r.Int64N(20) - 10 }},
		{mustDomain(NewValue(typed(value.Minute, 0, 60, 61, 1439))), value.Second, func() int64 { return r.Int64N(86400) }},
	}
	for di, dc := range domains {
		for range 300 {
			a, b := dc.pick(), dc.pick()
			if a > b {
				a, b = b, a
			}
			iv := closed(dc.col, a, b)
			iv.LoOpen, iv.HiOpen = r.IntN(2) == 0, r.IntN(2) == 0
			switch r.IntN(4) {
			case 0:
				iv.Lo = nil
			case 1:
				iv.Hi = nil
			}
			mask, ok := PartitionsIn(dc.d, dc.col, iv)
			if !ok {
				// only HASH gives up, and only on a half-open interval
				require.Equal(t, HASH, dc.d.Type(), "domain %d", di)
				require.True(t, iv.Lo == nil || iv.Hi == nil, "domain %d", di)
				continue
			}
			for range 40 {
				v := dc.pick()
				if iv.Lo != nil && (v < iv.Lo.I || (v == iv.Lo.I && iv.LoOpen)) {
					continue
				}
				if iv.Hi != nil && (v > iv.Hi.I || (v == iv.Hi.I && iv.HiOpen)) {
					continue
				}
				idx, err := dc.d.Map(typed(dc.col, v))
				require.NoError(t, err)
				if idx[0] >= 0 {
					require.True(t, mask[idx[0]], "domain %d: %d in %+v maps to %d, not kept", di, v, iv, idx[0])
				}
			}
		}
	}
}

func TestPartitionsOf(t *testing.T) {
	valueDate := mustDomain(NewValue(typed(value.Date, day(2024, 1, 1), day(2024, 1, 2), day(2024, 1, 3))))
	valueSym := mustDomain(NewValue(syms("A", "B")))
	rangeMonth := mustDomain(NewRange(typed(value.Month, month(2024, 1), month(2024, 2), month(2024, 3))))
	hashStr := mustDomain(NewHash(value.String, 4))
	hashDate := mustDomain(NewHash(value.Date, 3))
	list := mustDomain(NewList([]*value.Vector{typed(value.Int, 1, 2), typed(value.Int, 3)}))

	null := value.NullScalar(value.Date)
	for _, tc := range []struct {
		name string
		d    Domain
		vals *value.Vector
		want []int
	}{
		{"value", valueDate, typed(value.Date, day(2024, 1, 3), day(2024, 1, 1), day(2025, 1, 1)), []int{0, 2}},
		{"value NULL holds nothing", valueDate, null.Vector(), []int{}},
		{"value strings with invisible characters hold nothing", valueSym, value.NewStrings(value.String, []string{"A", "B C", ""}), []int{0}},
		{"range converts to the scheme type", rangeMonth, typed(value.Date, day(2024, 2, 29)), []int{1}},
		{"range past the last boundary", rangeMonth, typed(value.Date, day(2024, 3, 1)), []int{}},
		{"range NULL", rangeMonth, typed(value.Date, int64(value.NullInt32)), []int{}},
		{"hash the converted value", hashDate, typed(value.Timestamp, day(2024, 1, 5)*86400000+5), []int{int(day(2024, 1, 5) % 3)}},
		{"hash integral NULL", hashDate, null.Vector(), []int{}},
		{"hash the empty string into bucket 0", hashStr, value.NewStrings(value.String, []string{""}), []int{0}},
		{"list", list, typed(value.Int, 3, 4), []int{1}},
		{"empty", list, typed(value.Int), []int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mask, err := PartitionsOf(tc.d, tc.vals)
			require.NoError(t, err)
			require.Len(t, mask, tc.d.Len())
			require.Equal(t, tc.want, which(mask))
		})
	}

	_, err := PartitionsOf(valueDate, value.NewStrings(value.String, []string{"x"}))
	require.ErrorIs(t, err, ErrCategory)
}
