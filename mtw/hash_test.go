package mtw

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/partition/hashvectors"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// tsvCell builds the cell of a hash-buckets.tsv literal.
func tsvCell(t *testing.T, typ, lit string) (value.Type, cell) {
	ty, ok := value.TypeByName(typ)
	require.True(t, ok, typ)
	if lit == "NULL" {
		return ty, cell{null: true}
	}
	switch ty {
	case value.Int, value.Long, value.Short, value.Char:
		n, err := strconv.ParseInt(lit, 10, 64)
		require.NoError(t, err)
		return ty, cell{i: n}
	case value.Date, value.Timestamp:
		s, err := cast.ParseTemporal(lit)
		require.NoError(t, err, lit)
		require.Equal(t, ty, s.T, lit)
		return ty, cell{i: s.I}
	case value.String, value.Symbol:
		c, err := convert(lit, ty, 0)
		require.NoError(t, err)
		return ty, c
	case value.UUID, value.Int128, value.IPAddr:
		c, err := convert(lit, ty, 0)
		require.NoError(t, err, lit)
		return ty, c
	}
	t.Fatalf("unhandled type %s", typ)
	return 0, cell{}
}

// TestHashBucketVectors checks every row of the spec's hash-buckets.tsv
// (the partition package's copy), through mtw's cells and its Go-value
// conversion.
func TestHashBucketVectors(t *testing.T) {
	for _, r := range hashvectors.Load(t, "../partition/testdata/hash-buckets.tsv") {
		ty, c := tsvCell(t, r.Type, r.Value)
		require.Equal(t, r.Bucket, hashCell(ty, &c, r.Buckets), r.Line)
		// The same value given as a Go value routes the same way.
		if r.Value != "NULL" && ty != value.Date && ty != value.Timestamp {
			var x any = r.Value
			if ty.Category() == value.CatIntegral {
				n, _ := strconv.ParseInt(r.Value, 10, 64)
				x = n
			}
			c2, err := convert(x, ty, 0)
			require.NoError(t, err, r.Line)
			require.Equal(t, r.Bucket, hashCell(ty, &c2, r.Buckets), r.Line)
		}
	}
}

// TestHashCellBytes16 checks that a 16-byte cell hashes as its 16 bytes
// (partition's TestMurmur2 checks Murmur2 itself).
func TestHashCellBytes16(t *testing.T) {
	var b [16]byte
	copy(b[:], "0123456789abcdef")
	require.Equal(t, int(partition.Murmur2(b[:])%7), hashCell(value.UUID, &cell{b: b}, 7))
}

func TestHashDocExamples(t *testing.T) {
	// DolphinDB's hashBucket reference page.
	for i, v := range []int64{34, 45, 67} {
		c := cell{i: v}
		require.Equal(t, []int{4, 5, 7}[i], hashCell(value.Int, &c, 10))
	}
	for i, s := range strings.Split("AAPL TSLA GS MS GE BA UAL WMT", " ") {
		c := cell{s: s}
		require.Equal(t, []int{9, 4, 1, 8, 3, 7, 5, 2}[i], hashCell(value.Symbol, &c, 10), s)
		require.Equal(t, []int{9, 4, 1, 8, 3, 7, 5, 2}[i], hashCell(value.String, &c, 10), s)
	}
	// Not hashable / constant types.
	c := cell{f: 1.5}
	require.Equal(t, -1, hashCell(value.Double, &c, 10))
	require.Equal(t, 0, hashCell(value.Decimal64, &cell{i: 5}, 10))
	require.Equal(t, -1, hashCell(value.Int, &cell{i: 5}, 0))
	// BOOL hashes like CHAR.
	require.Equal(t, 1, hashCell(value.Bool, &cell{i: 1}, 10))
	require.Equal(t, -1, hashCell(value.Bool, &cell{null: true}, 10))
}

// TestRoutingExamples checks mtw.md §4.4's routing table: key, then the
// writer for threadCount 3 and 5.
func TestRoutingExamples(t *testing.T) {
	date := func(s string) *cell {
		v, err := cast.ParseTemporal(s)
		require.NoError(t, err)
		return &cell{i: v.I}
	}
	valueDate, err := newDomain(partition.VALUE, value.Date, value.Date, nil)
	require.NoError(t, err)
	valueDateFromTS, err := newDomain(partition.VALUE, value.Timestamp, value.Date, nil)
	require.NoError(t, err)
	valueSym, err := newDomain(partition.VALUE, value.Symbol, value.Symbol, nil)
	require.NoError(t, err)
	valueInt, err := newDomain(partition.VALUE, value.Int, value.Int, nil)
	require.NoError(t, err)
	hashInt, err := newDomain(partition.HASH, value.Int, value.Int, value.NewInt(10))
	require.NoError(t, err)
	hashSym, err := newDomain(partition.HASH, value.Symbol, value.Symbol, value.NewInt(10))
	require.NoError(t, err)
	rangeInt, err := newDomain(partition.RANGE, value.Int, value.Int, value.NewInts([]int32{0, 10, 20, 30}))
	require.NoError(t, err)
	rd, err := cast.To(value.NewStrings(value.String, []string{"2022.01.01", "2022.02.01", "2022.03.01"}), value.Date, 0)
	require.NoError(t, err)
	rangeDate, err := newDomain(partition.RANGE, value.Date, value.Date, rd)
	require.NoError(t, err)
	list := value.NewTuple([]value.Value{
		value.NewStrings(value.Symbol, []string{"A", "B"}),
		value.NewStrings(value.Symbol, []string{"C"}),
		value.NewStrings(value.Symbol, []string{"D", "E"}),
	})
	listSym, err := newDomain(partition.LIST, value.Symbol, value.Symbol, list)
	require.NoError(t, err)
	// Our server reports a LIST scheme on a SYMBOL column as STRING.
	listStr, err := newDomain(partition.LIST, value.Symbol, value.String, list)
	require.NoError(t, err)

	type row struct {
		d      router
		c      *cell
		key    int
		n3, n5 int
	}
	tsNoon, err := cast.ParseTemporal("2022.03.23T15:00:00.000")
	require.NoError(t, err)
	rows := []row{
		{valueDate, date("2022.03.20"), 19071, 0, 1},
		{valueDate, date("2022.03.23"), 19074, 0, 4},
		{valueDateFromTS, &cell{i: tsNoon.I}, 19074, 0, 4},
		{valueDate, &cell{null: true}, -1, 0, 0},
		{valueSym, &cell{s: "GOOG"}, 845546, 2, 1},
		{valueInt, &cell{i: -1}, 1048575, 0, 0},
		{hashInt, &cell{i: 12}, 2, 2, 2},
		{hashInt, &cell{i: -3}, 3, 0, 3},
		{hashSym, &cell{s: "MSFT"}, 5, 2, 0},
		{rangeInt, &cell{i: -5}, -1, 0, 0},
		{rangeInt, &cell{i: 0}, 0, 0, 0},
		{rangeInt, &cell{i: 9}, 0, 0, 0},
		{rangeInt, &cell{i: 10}, 1, 1, 1},
		{rangeInt, &cell{i: 25}, 2, 2, 2},
		{rangeInt, &cell{i: 30}, -1, 0, 0},
		{rangeInt, &cell{null: true}, -1, 0, 0},
		{rangeInt, &cell{i: int64(value.NullInt32)}, -1, 0, 0},
		{rangeDate, date("2022.02.28"), 1, 1, 1},
		{rangeDate, date("2022.03.01"), -1, 0, 0},
	}
	for _, s := range []string{"A", "B", "C", "D", "E", "Z"} {
		k := map[string]int{"A": 0, "B": 0, "C": 1, "D": 2, "E": 2, "Z": -1}[s]
		w := max(k, 0)
		rows = append(rows, row{listSym, &cell{s: s}, k, w % 3, w % 5}, row{listStr, &cell{s: s}, k, w % 3, w % 5})
	}
	for i, r := range rows {
		k, err := r.d.key(*r.c)
		require.NoError(t, err, "row %d", i)
		require.Equal(t, r.key, k, "row %d", i)
		require.Equal(t, r.n3, max(k, 0)%3, "row %d", i)
		require.Equal(t, r.n5, max(k, 0)%5, "row %d", i)
	}
	// In-memory table, partitionCol DATE, threadCount 5.
	k, _ := (&hashRouter{t: value.Date, n: 5}).key(*date("2022.03.20"))
	require.Equal(t, 1, k)

	// HASH on a MONTH scheme over a DATE column casts first.
	hashMonth, err := newDomain(partition.HASH, value.Date, value.Month, value.NewInt(10))
	require.NoError(t, err)
	k, err = hashMonth.key(*date("2022.03.20"))
	require.NoError(t, err)
	require.Equal(t, (2022*12+2)%10, k)

	// Errors of the C++ domains.
	valueLong, err := newDomain(partition.VALUE, value.Long, value.Long, nil)
	require.NoError(t, err)
	_, err = valueLong.key(cell{i: 1})
	require.EqualError(t, err, ddberr.Errorf("Long type value can't be used as a partition column.").Error())
	mismatch, err := newDomain(partition.HASH, value.String, value.Int, value.NewInt(10))
	require.NoError(t, err)
	_, err = mismatch.key(cell{s: "x"})
	require.EqualError(t, err, ddberr.Errorf("Data category incompatible.").Error())
	// A MINUTE column can't be cast to a DATE scheme.
	dateRange, err := newDomain(partition.RANGE, value.Minute, value.Date, value.NewVector(value.Date, 0, 0))
	require.NoError(t, err)
	_, err = dateRange.key(cell{i: 1})
	require.EqualError(t, err, ddberr.Errorf("Can't convert partition column").Error())
	_, err = newDomain(partition.SEQ, value.Int, value.Int, nil)
	require.EqualError(t, err, ddberr.Errorf("Unsupported partition type %s", "SEQ").Error())
}
