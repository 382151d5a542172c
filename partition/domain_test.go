package partition

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func dates(ds ...int32) *value.Vector { return &value.Vector{T: value.Date, I32: ds} }

func dateRange(from, to int32) *value.Vector {
	v := &value.Vector{T: value.Date}
	for d := from; d <= to; d++ {
		v.I32 = append(v.I32, d)
	}
	return v
}

func ts(y, m, d, hh, mm, ss, ms int) int64 {
	return value.DaysFromCivil(y, m, d)*86400000 + int64(((hh*60+mm)*60+ss)*1000+ms)
}

func syms(xs ...string) *value.Vector { return value.NewStrings(value.Symbol, xs) }

func TestPartitionTypeNumbers(t *testing.T) {
	// DolphinDB's SEQ/VALUE/RANGE/LIST/COMPO/HASH constants.
	require.Equal(t, []PartitionType{0, 1, 2, 3, 4, 5}, []PartitionType{SEQ, VALUE, RANGE, LIST, COMPO, HASH})
	require.Equal(t, "HASH", HASH.String())
}

func TestSchemeTypeValidation(t *testing.T) {
	cases := []struct {
		p   PartitionType
		t   value.Type
		err string
	}{
		{RANGE, value.Double, "The data type DOUBLE can't be used for a partition column"},
		{VALUE, value.Float, "The data type FLOAT can't be used for a partition column"},
		{VALUE, value.Long, "The data type LONG can't be used for a partition column"},
		{VALUE, value.Timestamp, "The data type TIMESTAMP can't be used for a partition column"},
		{VALUE, value.UUID, "The data type UUID can't be used for a partition column"},
		{VALUE, value.Bool, "The data type BOOL can't be used for a partition column"},
		{HASH, value.Double, "The data type DOUBLE can't be used for a partition column"},
		{HASH, value.Long, ""},
		{HASH, value.UUID, ""},
		{HASH, value.IPAddr, ""},
		{HASH, value.Int128, ""},
		{HASH, value.Symbol, ""},
		{LIST, value.String, ""},
	}
	for _, c := range cases {
		err := CheckSchemeType(c.p, c.t)
		if c.err == "" {
			require.NoError(t, err, "%s %s", c.p, c.t)
		} else {
			require.EqualError(t, err, c.err)
		}
	}
	for _, ty := range []value.Type{value.Char, value.Short, value.Int, value.Date, value.Month, value.Time,
		value.Minute, value.Second, value.DateTime, value.DateHour, value.String, value.Symbol} {
		for _, p := range []PartitionType{VALUE, RANGE, LIST, HASH} {
			require.NoError(t, CheckSchemeType(p, ty), "%s %s", p, ty)
		}
	}
	// database("dfs://rangedb1", RANGE, 0.0 5.0 10.0) [D].
	_, err := NewRange(value.NewDoubles([]float64{0, 5, 10}))
	require.EqualError(t, err, "The data type DOUBLE can't be used for a partition column")
	_, err = NewHash(value.Double, 3)
	require.EqualError(t, err, "The data type DOUBLE can't be used for a partition column")
}

func TestColumnTypeCompatibility(t *testing.T) {
	month, err := NewValue(&value.Vector{T: value.Month, I32: []int32{2024 * 12}})
	require.NoError(t, err)
	for _, ok := range []value.Type{value.Month, value.Date, value.DateTime, value.Timestamp, value.NanoTimestamp, value.DateHour} {
		require.NoError(t, CheckColumnType(month, ok), ok)
	}
	require.ErrorIs(t, CheckColumnType(month, value.Int), ErrCategory)
	require.ErrorIs(t, CheckColumnType(month, value.Time), ErrTemporalCast)

	day, err := NewValue(dates(date(2024, 1, 1)))
	require.NoError(t, err)
	require.ErrorIs(t, CheckColumnType(day, value.Month), ErrTemporalCast)
	require.NoError(t, CheckColumnType(day, value.Timestamp))
	_, err = day.Map(value.NewStrings(value.String, []string{"2024.01.01"}))
	require.ErrorIs(t, err, ErrCategory)
	require.EqualError(t, err, "Data category incompatible.")

	ints, err := NewValue(value.NewInts([]int32{1, 2}))
	require.NoError(t, err)
	require.NoError(t, CheckColumnType(ints, value.Short))
	require.NoError(t, CheckColumnType(ints, value.Long))
	require.ErrorIs(t, CheckColumnType(ints, value.Double), ErrCategory)
	require.ErrorIs(t, CheckColumnType(ints, value.Symbol), ErrCategory)

	str, err := NewValue(syms("A"))
	require.NoError(t, err)
	require.NoError(t, CheckColumnType(str, value.String))
	require.ErrorIs(t, CheckColumnType(str, value.Int), ErrCategory)

	h, err := NewHash(value.UUID, 4)
	require.NoError(t, err)
	require.NoError(t, CheckColumnType(h, value.UUID))
	require.ErrorIs(t, CheckColumnType(h, value.Int128), ErrCategory)

	tod, err := NewValue(&value.Vector{T: value.Second, I32: []int32{3600}})
	require.NoError(t, err)
	require.NoError(t, CheckColumnType(tod, value.Time))
	require.NoError(t, CheckColumnType(tod, value.Timestamp))
	require.ErrorIs(t, CheckColumnType(tod, value.Minute), ErrTemporalCast)
	require.ErrorIs(t, CheckColumnType(tod, value.Date), ErrTemporalCast)
}

func TestValueDomainInts(t *testing.T) {
	// database(..., VALUE, 1..5), tableInsert 1..6: 6 is outside.
	d, err := NewValue(value.NewInts([]int32{1, 2, 3, 4, 5}))
	require.NoError(t, err)
	require.Equal(t, VALUE, d.Type())
	require.Equal(t, value.Int, d.SchemeType())
	require.Equal(t, 5, d.Len())
	got, err := d.Map(value.NewInts([]int32{1, 2, 3, 4, 5, 6}))
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1, 2, 3, 4, -1}, got)
	require.Equal(t, "1", d.PartitionName(0))

	_, err = d.Map(value.NewInts([]int32{1, value.NullInt32}))
	require.ErrorIs(t, err, ErrValueNull)
	require.EqualError(t, err, "The column used for value-partitioning cannot contain NULL values. RefId: S01001")
	require.Equal(t, "S01001", ErrValueNull.Code)

	// newValuePartitionPolicy=add / addValuePartitions.
	added, err := d.AddValues(value.NewInts([]int32{6, 6, 3}))
	require.NoError(t, err)
	require.Equal(t, 1, added)
	got, err = d.Map(value.NewInts([]int32{6, 1}))
	require.NoError(t, err)
	require.Equal(t, []int32{5, 0}, got)
	require.Equal(t, "6", d.PartitionName(5))
	_, err = d.AddValues(value.NewInts([]int32{value.NullInt32}))
	require.ErrorIs(t, err, ErrValueNull)

	// Prepending a value keeps old indexes; Scheme() is sorted.
	added, err = d.AddValues(value.NewInts([]int32{0}))
	require.NoError(t, err)
	require.Equal(t, 1, added)
	require.Equal(t, []int32{1, 2, 3, 4, 5, 6, 0}, d.Values().I32)
	require.Equal(t, []int32{0, 1, 2, 3, 4, 5, 6}, d.Scheme().I32)
	got, err = d.Map(value.NewInts([]int32{0, 1}))
	require.NoError(t, err)
	require.Equal(t, []int32{6, 0}, got)

	// Wider and narrower integral columns.
	got, err = d.Map(&value.Vector{T: value.Long, I64: []int64{3, 1 << 40, value.NullInt64 + 1}})
	require.NoError(t, err)
	require.Equal(t, []int32{2, -1, -1}, got)
	got, err = d.Map(&value.Vector{T: value.Char, I8: []int8{2, -5}})
	require.NoError(t, err)
	require.Equal(t, []int32{1, -1}, got)

	// Duplicates in the scheme collapse; NULL in the scheme is rejected.
	d2, err := NewValue(value.NewInts([]int32{3, 3, 4}))
	require.NoError(t, err)
	require.Equal(t, 2, d2.Len())
	_, err = NewValue(value.NewInts([]int32{3, value.NullInt32}))
	require.ErrorIs(t, err, ErrSchemeNull)

	// Sparse values use the map index, not the dense table.
	d3, err := NewValue(value.NewInts([]int32{-2000000000, 0, 2000000000}))
	require.NoError(t, err)
	require.Nil(t, d3.dense)
	got, err = d3.Map(value.NewInts([]int32{2000000000, 5, -2000000000}))
	require.NoError(t, err)
	require.Equal(t, []int32{2, -1, 0}, got)
	require.Equal(t, "-2000000000", d3.PartitionName(0))
	require.Equal(t, 0, d3.Index(value.NewInt(-2000000000)))
}

func TestValueDomainStrings(t *testing.T) {
	d, err := NewValue(syms("AAPL", "IBM", "a:bc"))
	require.NoError(t, err)
	got, err := d.Map(value.NewStrings(value.String, []string{"IBM", "MSFT", "AAPL", "a:bc"}))
	require.NoError(t, err)
	require.Equal(t, []int32{1, -1, 0, 2}, got)
	require.Equal(t, "AAPL", d.PartitionName(0))
	require.Equal(t, "abc", d.PartitionName(2))
	require.Equal(t, "a:bc", d.DirName(2, false))

	_, err = d.Map(syms("IBM", ""))
	require.ErrorIs(t, err, ErrValueNull)
	for _, bad := range []string{"A B", "A\n", "\rA", "A\tB", "\x00", "A\x7f", " "} {
		_, err = d.Map(syms("IBM", bad))
		require.ErrorIs(t, err, ErrInvisibleChar, "%q", bad)
		require.EqualError(t, err, "A STRING or SYMBOL column used for value-partitioning cannot contain invisible characters. RefId:S01018")
	}
	require.Equal(t, "S01018", ErrInvisibleChar.Code)
	// Non-ASCII is visible.
	got, err = d.Map(syms("中文", "é"))
	require.NoError(t, err)
	require.Equal(t, []int32{-1, -1}, got)

	added, err := d.AddValues(value.NewStrings(value.String, []string{"?abc", "IBM"}))
	require.NoError(t, err)
	require.Equal(t, 1, added)
	require.Equal(t, "abc", d.PartitionName(3)) // shares a:bc's path (seed 001)
	_, err = d.AddValues(syms("x y"))
	require.ErrorIs(t, err, ErrInvisibleChar)
	require.Equal(t, []string{"?abc", "AAPL", "IBM", "a:bc"}, d.Scheme().Str)
}

func TestValueDomainTemporal(t *testing.T) {
	// DATE scheme: 2024.01.01..2024.01.03.
	d, err := NewValue(dateRange(date(2024, 1, 1), date(2024, 1, 3)))
	require.NoError(t, err)
	require.Equal(t, []string{"20240101", "20240102", "20240103"},
		[]string{d.PartitionName(0), d.PartitionName(1), d.PartitionName(2)})
	require.Equal(t, "20240101", d.DirName(0, false))

	got, err := d.Map(dates(date(2024, 1, 2), date(2023, 12, 31), date(2024, 1, 3)))
	require.NoError(t, err)
	require.Equal(t, []int32{1, -1, 2}, got)

	// DATE scheme with a TIMESTAMP column (cast to DATE, floor).
	tcol := &value.Vector{T: value.Timestamp, I64: []int64{
		ts(2024, 1, 1, 0, 0, 0, 0), ts(2024, 1, 2, 23, 59, 59, 999), ts(2024, 1, 3, 15, 0, 0, 0), ts(2024, 1, 4, 0, 0, 0, 0),
	}}
	got, err = d.Map(tcol)
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1, 2, -1}, got)
	_, err = d.Map(&value.Vector{T: value.Timestamp, I64: []int64{value.NullInt64}})
	require.ErrorIs(t, err, ErrValueNull)
	// DATETIME and NANOTIMESTAMP columns.
	got, err = d.Map(&value.Vector{T: value.DateTime, I32: []int32{int32(value.DaysFromCivil(2024, 1, 2)*86400 + 5)}})
	require.NoError(t, err)
	require.Equal(t, []int32{1}, got)
	got, err = d.Map(&value.Vector{T: value.NanoTimestamp, I64: []int64{value.DaysFromCivil(2024, 1, 3)*86400e9 + 1}})
	require.NoError(t, err)
	require.Equal(t, []int32{2}, got)

	// Negative timestamps floor to the previous day.
	d2, err := NewValue(dates(date(1969, 12, 31), date(1970, 1, 1)))
	require.NoError(t, err)
	got, err = d2.Map(&value.Vector{T: value.Timestamp, I64: []int64{-1, 0}})
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1}, got)
	require.Equal(t, "19691231", d2.PartitionName(0))

	// MONTH scheme 2000.01M..2000.03M with DATE/TIMESTAMP/DATETIME columns.
	m, err := NewValue(&value.Vector{T: value.Month, I32: []int32{2000 * 12, 2000*12 + 1, 2000*12 + 2}})
	require.NoError(t, err)
	require.Equal(t, "200001M", m.PartitionName(0))
	require.Equal(t, "200003M", m.PartitionName(2))
	got, err = m.Map(dates(date(2000, 1, 31), date(2000, 2, 1), date(2000, 3, 31), date(2000, 4, 1), date(1999, 12, 31)))
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1, 2, -1, -1}, got)
	got, err = m.Map(&value.Vector{T: value.Timestamp, I64: []int64{ts(2000, 2, 29, 23, 59, 59, 999)}})
	require.NoError(t, err)
	require.Equal(t, []int32{1}, got)
	got, err = m.Map(&value.Vector{T: value.DateTime, I32: []int32{int32(value.DaysFromCivil(2000, 3, 1) * 86400)}})
	require.NoError(t, err)
	require.Equal(t, []int32{2}, got)

	// addValuePartitions on a DATE level with a TIMESTAMP value.
	added, err := d.AddValues(&value.Vector{T: value.Timestamp, I64: []int64{ts(2024, 1, 4, 12, 0, 0, 0)}})
	require.NoError(t, err)
	require.Equal(t, 1, added)
	require.Equal(t, "20240104", d.PartitionName(3))
}

func TestTemporalNames(t *testing.T) {
	for _, c := range []struct {
		t    value.Type
		v    int64
		want string
	}{
		{value.Date, int64(date(2024, 1, 1)), "20240101"},
		{value.Month, 2024*12 + 0, "202401M"},
		{value.Month, 2000*12 + 11, "200012M"},
		{value.DateTime, value.DaysFromCivil(2012, 6, 13)*86400 + 13*3600 + 30*60 + 10, "20120613T133010"},
		{value.Second, 13*3600 + 30*60 + 10, "133010"},
		{value.Minute, 13*60 + 30, "1330m"},
		{value.Time, (13*3600+30*60+10)*1000 + 8, "133010008"},
		{value.DateHour, value.DaysFromCivil(2012, 6, 13)*24 + 13, "20120613T13"},
		{value.Int, -5, "-5"},
		{value.Char, 97, "97"},
	} {
		require.Equal(t, c.want, intName(c.t, c.v), "%s", c.t)
	}
}

func TestValueTimeOfDaySchemes(t *testing.T) {
	// SECOND scheme with TIME, NANOTIME and TIMESTAMP columns.
	d, err := NewValue(&value.Vector{T: value.Second, I32: []int32{0, 1, 3600}})
	require.NoError(t, err)
	got, err := d.Map(&value.Vector{T: value.Time, I32: []int32{999, 1000, 3600500, 7}})
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1, 2, 0}, got)
	got, err = d.Map(&value.Vector{T: value.NanoTime, I64: []int64{1e9 + 5}})
	require.NoError(t, err)
	require.Equal(t, []int32{1}, got)
	got, err = d.Map(&value.Vector{T: value.Timestamp, I64: []int64{ts(2024, 5, 6, 1, 0, 0, 250), -1000}})
	require.NoError(t, err)
	require.Equal(t, []int32{2, -1}, got) // -1000 ms = 23:59:59 of the previous day
	// MINUTE scheme with a DATEMINUTE column.
	mn, err := NewValue(&value.Vector{T: value.Minute, I32: []int32{90}})
	require.NoError(t, err)
	got, err = mn.Map(&value.Vector{T: value.DateMinute, I32: []int32{int32(3*1440 + 90)}})
	require.NoError(t, err)
	require.Equal(t, []int32{0}, got)
	// DATEHOUR scheme with a TIMESTAMP column.
	dh, err := NewValue(&value.Vector{T: value.DateHour, I32: []int32{int32(value.DaysFromCivil(2024, 1, 1) * 24)}})
	require.NoError(t, err)
	got, err = dh.Map(&value.Vector{T: value.Timestamp, I64: []int64{ts(2024, 1, 1, 0, 59, 59, 999), ts(2024, 1, 1, 1, 0, 0, 0)}})
	require.NoError(t, err)
	require.Equal(t, []int32{0, -1}, got)
	require.Equal(t, "20240101T00", dh.PartitionName(0))
}

func TestRangeDomain(t *testing.T) {
	// mtw.md §4.4: RANGE [0,10,20,30] INT.
	d, err := NewRange(value.NewInts([]int32{0, 10, 20, 30}))
	require.NoError(t, err)
	require.Equal(t, RANGE, d.Type())
	require.Equal(t, 3, d.Len())
	got, err := d.Map(value.NewInts([]int32{-5, 0, 9, 10, 25, 30, value.NullInt32}))
	require.NoError(t, err)
	require.Equal(t, []int32{-1, 0, 0, 1, 2, -1, -1}, got)
	require.Equal(t, "0_10", d.PartitionName(0))
	require.Equal(t, "20_30", d.PartitionName(2))

	// seed 001: RANGE 1 3 5, ids 1..6 → 4 rows kept.
	r, err := NewRange(value.NewInts([]int32{1, 3, 5}))
	require.NoError(t, err)
	got, err = r.Map(value.NewInts([]int32{1, 2, 3, 4, 5, 6}))
	require.NoError(t, err)
	require.Equal(t, []int32{0, 0, 1, 1, -1, -1}, got)
	require.Equal(t, "1_3", r.PartitionName(0))

	// mtw.md §4.4: RANGE [2022.01.01,2022.02.01,2022.03.01].
	dr, err := NewRange(dates(date(2022, 1, 1), date(2022, 2, 1), date(2022, 3, 1)))
	require.NoError(t, err)
	got, err = dr.Map(dates(date(2022, 2, 28), date(2022, 3, 1)))
	require.NoError(t, err)
	require.Equal(t, []int32{1, -1}, got)
	require.Equal(t, "20220101_20220201", dr.PartitionName(0))
	// ... with a TIMESTAMP column.
	got, err = dr.Map(&value.Vector{T: value.Timestamp, I64: []int64{ts(2022, 2, 28, 23, 59, 59, 999), ts(2021, 12, 31, 23, 0, 0, 0)}})
	require.NoError(t, err)
	require.Equal(t, []int32{1, -1}, got)

	// Symbol ranges (string order).
	sr, err := NewRange(syms("A", "M", "ZZZZZ"))
	require.NoError(t, err)
	got, err = sr.Map(syms("AAPL", "A", "M", "MSFT", "ZZZZZ", "", "0", "Z"))
	require.NoError(t, err)
	require.Equal(t, []int32{0, 0, 1, 1, -1, -1, -1, 1}, got)
	require.Equal(t, "A_M", sr.PartitionName(0))

	// Invalid schemes.
	_, err = NewRange(value.NewInts([]int32{0, 10, 10}))
	require.ErrorIs(t, err, ErrRangeNotIncreasing)
	_, err = NewRange(value.NewInts([]int32{5, 3, 1}))
	require.ErrorIs(t, err, ErrRangeNotIncreasing)
	_, err = NewRange(value.NewInts([]int32{5}))
	require.ErrorIs(t, err, ErrRangeTooShort)
	_, err = NewRange(value.NewInts([]int32{5, value.NullInt32}))
	require.ErrorIs(t, err, ErrSchemeNull)
	_, err = NewRange(syms("B", "A"))
	require.ErrorIs(t, err, ErrRangeNotIncreasing)
}

func TestAddRanges(t *testing.T) {
	// addRangePartitions reference page: RANGE 0 50 101, add 101 150 200 250 → 3.
	d, err := NewRange(value.NewInts([]int32{0, 50, 101}))
	require.NoError(t, err)
	n, err := d.AddRanges(value.NewInts([]int32{101, 150, 200, 250}))
	require.NoError(t, err)
	require.Equal(t, 3, n)
	require.Equal(t, []int32{0, 50, 101, 150, 200, 250}, d.Boundaries().I32)
	got, err := d.Map(value.NewInts([]int32{120, 249, 250}))
	require.NoError(t, err)
	require.Equal(t, []int32{2, 4, -1}, got)
	require.Equal(t, "200_250", d.PartitionName(4))

	// S01002 page: RANGE 0 50 100; 50 100 150 200 overlaps; 100 150 200 → 2.
	d, err = NewRange(value.NewInts([]int32{0, 50, 100}))
	require.NoError(t, err)
	_, err = d.AddRanges(value.NewInts([]int32{50, 100, 150, 200}))
	require.ErrorIs(t, err, ErrRangeOverlap)
	require.EqualError(t, err, "Usage: addRangePartitions(dbHandle, newRanges, [level=0], [locations]). The new partition ranges specified in newRanges cannot overlap with the existing partition ranges. RefId: S01002")
	require.Equal(t, "S01002", ErrRangeOverlap.Code)
	require.Equal(t, 2, d.Len())
	n, err = d.AddRanges(value.NewInts([]int32{100, 150, 200}))
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Equal(t, 4, d.Len())

	// Gaps and unsorted ranges.
	_, err = d.AddRanges(value.NewInts([]int32{300, 400}))
	require.ErrorIs(t, err, ErrNewRangesStart)
	_, err = d.AddRanges(value.NewInts([]int32{200, 400, 300}))
	require.ErrorIs(t, err, ErrNewRangesOrder)
	require.Equal(t, 4, d.Len())

	// Strings.
	s, err := NewRange(syms("A", "M"))
	require.NoError(t, err)
	n, err = s.AddRanges(syms("M", "T", "ZZ"))
	require.NoError(t, err)
	require.Equal(t, 2, n)
	_, err = s.AddRanges(syms("B", "C"))
	require.ErrorIs(t, err, ErrRangeOverlap)
}

func TestHashDomain(t *testing.T) {
	d, err := NewHash(value.Int, 10)
	require.NoError(t, err)
	require.Equal(t, HASH, d.Type())
	require.Equal(t, 10, d.Len())
	require.Equal(t, "Key0", d.PartitionName(0))
	require.Equal(t, "Key9", d.PartitionName(9))
	// mtw.md §4.4: HASH 10 on INT: 12 → 2, -3 → 3.
	got, err := d.Map(value.NewInts([]int32{12, -3, value.NullInt32}))
	require.NoError(t, err)
	require.Equal(t, []int32{2, 3, -1}, got)
	// SHORT and LONG columns are converted to INT first.
	got, err = d.Map(&value.Vector{T: value.Short, I16: []int16{12, -3}})
	require.NoError(t, err)
	require.Equal(t, []int32{2, 3}, got)
	got, err = d.Map(&value.Vector{T: value.Long, I64: []int64{-3, 1 << 40}})
	require.NoError(t, err)
	require.Equal(t, []int32{3, -1}, got)

	// mtw.md §4.4: HASH 10 on SYMBOL: MSFT → 5.
	hs, err := NewHash(value.Symbol, 10)
	require.NoError(t, err)
	got, err = hs.Map(value.NewStrings(value.String, []string{"MSFT", "AAPL", ""}))
	require.NoError(t, err)
	require.Equal(t, []int32{5, 9, 0}, got)

	// [MONTH, 10] with a DATE column hashes the month (mtw.md §4.4).
	hm, err := NewHash(value.Month, 10)
	require.NoError(t, err)
	got, err = hm.Map(dates(date(2024, 1, 15), date(2024, 2, 1)))
	require.NoError(t, err)
	require.Equal(t, []int32{int32((2024 * 12) % 10), int32((2024*12 + 1) % 10)}, got)
	require.Equal(t, []int32{int32((2024 * 12) % 10)}, HashBucket(&value.Vector{T: value.Month, I32: []int32{2024 * 12}}, 10))

	// [LONG, 7] with an INT column hashes the LONG value.
	hl, err := NewHash(value.Long, 7)
	require.NoError(t, err)
	got, err = hl.Map(value.NewInts([]int32{-1}))
	require.NoError(t, err)
	require.Equal(t, []int32{int32(uint64(1<<64-1) % 7)}, got)
	require.NotEqual(t, HashBucket(value.NewInts([]int32{-1}), 7), got)

	// UUID.
	hu, err := NewHash(value.UUID, 10)
	require.NoError(t, err)
	got, err = hu.Map(&value.Vector{T: value.UUID, B16: [][16]byte{hex128(t, "5d212a78-cc48-e3b1-4235-b4d91473ee87"), {}}})
	require.NoError(t, err)
	require.Equal(t, []int32{8, 9}, got)

	_, err = NewHash(value.Int, 0)
	require.ErrorIs(t, err, ErrHashBuckets)
}

func TestListDomain(t *testing.T) {
	// mtw.md §4.4: LIST [[A,B],[C],[D,E]] SYMBOL.
	d, err := NewList([]*value.Vector{syms("A", "B"), syms("C"), syms("D", "E")})
	require.NoError(t, err)
	require.Equal(t, LIST, d.Type())
	require.Equal(t, 3, d.Len())
	got, err := d.Map(syms("A", "B", "C", "D", "E", "Z", ""))
	require.NoError(t, err)
	require.Equal(t, []int32{0, 0, 1, 2, 2, -1, -1}, got)
	require.Equal(t, "List0", d.PartitionName(0))
	require.Equal(t, "List2", d.PartitionName(2))

	// Int lists; NULL → -1.
	di, err := NewList([]*value.Vector{value.NewInts([]int32{1, 2}), value.NewInts([]int32{3})})
	require.NoError(t, err)
	got, err = di.Map(value.NewInts([]int32{3, 2, 4, value.NullInt32}))
	require.NoError(t, err)
	require.Equal(t, []int32{1, 0, -1, -1}, got)

	// NewDomain with a tuple scheme (vectors and a scalar).
	dd, err := NewDomain(LIST, value.NewTuple([]value.Value{syms("IBM", "ORCL", "MSFT"), syms("GOOG", "FB"), value.NewString("X")}))
	require.NoError(t, err)
	got, err = dd.Map(syms("FB", "MSFT", "X"))
	require.NoError(t, err)
	require.Equal(t, []int32{1, 0, 2}, got)

	_, err = NewList([]*value.Vector{value.NewDoubles([]float64{1})})
	require.EqualError(t, err, "The data type DOUBLE can't be used for a partition column")
}

func TestNewDomain(t *testing.T) {
	// HASH [INT, 10]: INT is the constant 4.
	d, err := NewDomain(HASH, value.NewInts([]int32{int32(value.Int), 10}))
	require.NoError(t, err)
	require.Equal(t, value.Int, d.SchemeType())
	require.Equal(t, 10, d.Len())
	d, err = NewDomain(HASH, value.NewTuple([]value.Value{value.NewInt(int32(value.Symbol)), value.NewInt(4)}))
	require.NoError(t, err)
	require.Equal(t, value.Symbol, d.SchemeType())
	_, err = NewDomain(HASH, value.NewInts([]int32{int32(value.Int), 0}))
	require.ErrorIs(t, err, ErrHashBuckets)

	d, err = NewDomain(VALUE, dates(date(2024, 1, 1)))
	require.NoError(t, err)
	require.Equal(t, VALUE, d.Type())
	d, err = NewDomain(RANGE, value.NewInts([]int32{0, 5, 10}))
	require.NoError(t, err)
	require.Equal(t, 2, d.Len())
	_, err = NewDomain(SEQ, value.NewInts([]int32{4}))
	require.Error(t, err)
}

func TestCompoDomain(t *testing.T) {
	// COMPO [VALUE 2024.01.01..2024.01.03, HASH [SYMBOL,4]] (seed 002).
	v, err := NewValue(dateRange(date(2024, 1, 1), date(2024, 1, 3)))
	require.NoError(t, err)
	h, err := NewHash(value.Symbol, 4)
	require.NoError(t, err)
	c, err := NewCompo(v, h)
	require.NoError(t, err)
	require.Equal(t, COMPO, c.Type())
	require.Equal(t, 12, c.Len())
	require.Equal(t, value.Void, c.SchemeType())

	symCol := syms("A", "B", "C", "D", "E", "F")
	hb := HashBucket(symCol, 4)
	dateCol := dates(date(2024, 1, 1), date(2024, 1, 2), date(2024, 1, 3), date(2024, 1, 4), date(2024, 1, 1), date(2024, 1, 2))
	got, err := c.MapColumns([]*value.Vector{dateCol, symCol})
	require.NoError(t, err)
	want := []int32{0*4 + hb[0], 1*4 + hb[1], 2*4 + hb[2], -1, 0*4 + hb[4], 1*4 + hb[5]}
	require.Equal(t, want, got)

	// Map with a tuple of level columns.
	got2, err := c.Map(value.NewTuple([]value.Value{dateCol, symCol}))
	require.NoError(t, err)
	require.Equal(t, got, got2)

	// Names: /test/20240101/Key1/OQ is the chunk of partition (2024.01.01, Key1).
	require.Equal(t, "20240101/Key1", c.PartitionName(1))
	require.Equal(t, []int{2, 3}, c.Split(11))
	require.Equal(t, 11, c.ID(2, 3))
	require.Equal(t, "20240103/Key3", c.PartitionName(11))

	// Per-level results for the policies, then Combine.
	levels, err := c.MapLevels([]*value.Vector{dateCol, symCol})
	require.NoError(t, err)
	require.Equal(t, []int32{0, 1, 2, -1, 0, 1}, levels[0])
	require.Equal(t, hb, levels[1])
	require.Equal(t, got, c.Combine(levels))

	// newValuePartitionPolicy=add on the VALUE level, then remap.
	added, err := c.Level(0).(*Value).AddValues(dates(date(2024, 1, 4)))
	require.NoError(t, err)
	require.Equal(t, 1, added)
	got, err = c.MapColumns([]*value.Vector{dateCol, symCol})
	require.NoError(t, err)
	require.Equal(t, 3*4+hb[3], got[3])
	require.Equal(t, "20240104/Key"+string(rune('0'+hb[3])), c.PartitionName(int(got[3])))

	// A TIMESTAMP first-level column is cast to DATE.
	got, err = c.MapColumns([]*value.Vector{{T: value.Timestamp, I64: []int64{ts(2024, 1, 2, 9, 30, 0, 0)}}, syms("A")})
	require.NoError(t, err)
	require.Equal(t, []int32{1*4 + hb[0]}, got)

	// Level errors surface.
	_, err = c.MapColumns([]*value.Vector{dates(value.NullInt32), syms("A")})
	require.ErrorIs(t, err, ErrValueNull)
	_, err = c.MapColumns([]*value.Vector{dateCol})
	require.ErrorIs(t, err, ErrCompoColumns)
	_, err = c.MapColumns([]*value.Vector{dateCol, syms("A")})
	require.ErrorIs(t, err, ErrCompoColumns)
	require.NoError(t, c.CheckColumnTypes([]value.Type{value.Timestamp, value.String}))
	require.ErrorIs(t, c.CheckColumnTypes([]value.Type{value.Int, value.String}), ErrCategory)

	// Three levels: VALUE date × RANGE id × LIST sym.
	r, err := NewRange(value.NewInts([]int32{0, 50, 100, 150}))
	require.NoError(t, err)
	l, err := NewList([]*value.Vector{syms("A"), syms("B", "C")})
	require.NoError(t, err)
	c3, err := NewCompo(v, r, l)
	require.NoError(t, err)
	require.Equal(t, 4*3*2, c3.Len())
	got, err = c3.MapColumns([]*value.Vector{dates(date(2024, 1, 2), date(2024, 1, 2)), value.NewInts([]int32{60, 60}), syms("C", "Z")})
	require.NoError(t, err)
	require.Equal(t, []int32{int32((1*3+1)*2 + 1), -1}, got)
	require.Equal(t, "20240102/50_100/List1", c3.PartitionName(int(got[0])))
	require.Equal(t, []int{1, 1, 1}, c3.Split(int(got[0])))

	// Invalid COMPO.
	_, err = NewCompo(v)
	require.ErrorIs(t, err, ErrCompoLevels)
	_, err = NewCompo(v, r, l, h)
	require.ErrorIs(t, err, ErrCompoLevels)
	_, err = NewCompo(v, c)
	require.ErrorIs(t, err, ErrCompoLevels)
	require.ErrorIs(t, CheckColumnType(c, value.Int), ErrCompoColumns)
}

func TestPathName(t *testing.T) {
	for _, c := range []struct {
		in     string
		ignore bool
		want   string
	}{
		{`//a\b*c<>`, true, "-a-b-c--"}, // seed 001
		{`//a\b*c<>`, false, "-a-b-c--"},
		{"a:bc", true, "abc"}, // seed 001
		{"a:bc", false, "a:bc"},
		{"?abc", true, "abc"}, // seed 001
		{"a.b:c", true, "abc"},
		{"a.b:c", false, "a.b:c"},
		{"a/b", true, "a-b"},
		{"*x?", true, "x-"},
		{"<a>", false, "a-"},
		{"AAPL", true, "AAPL"},
		{"中文", true, "中文"},
	} {
		require.Equal(t, c.want, PathName(c.in, c.ignore), "%q %v", c.in, c.ignore)
	}
}

func TestErrorsAreComparable(t *testing.T) {
	var e *Error
	require.True(t, errors.As(ErrNotInScheme, &e))
	require.Equal(t, "S01016", e.Code)
	require.Equal(t, "Some of the data being written is not defined in the partitioning scheme of the target database. RefId:S01016", ErrNotInScheme.Error())
}
