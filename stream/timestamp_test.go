package stream_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

var _ insert.Stamper = (*stream.Table)(nil)

// TestTimestampColumn: after SetTimestampColumn every append leaves the
// last column out and finds it filled, in the column's own type, with the
// local time of the append, and a subscriber-visible row count.
func TestTimestampColumn(t *testing.T) {
	for _, tc := range []struct {
		typ   value.Type
		local func(time.Time) int64
	}{
		{value.Timestamp, func(n time.Time) int64 { _, off := n.Zone(); return n.UnixMilli() + int64(off)*1000 }},
		{value.NanoTimestamp, func(n time.Time) int64 { _, off := n.Zone(); return n.UnixNano() + int64(off)*1e9 }},
		{value.Date, func(n time.Time) int64 { return int64(value.DaysFromCivil(n.Year(), int(n.Month()), n.Day())) }},
		{value.Second, func(n time.Time) int64 { return int64(n.Hour()*3600 + n.Minute()*60 + n.Second()) }},
	} {
		t.Run(tc.typ.String(), func(t *testing.T) {
			tbl := stream.Mark(value.NewTable([]string{"id", "ts"}, []*value.Vector{value.NewVector(value.Int, 0, 0), value.NewVector(tc.typ, 0, 0)}))
			p := stream.Of(tbl)
			_, stamped := p.Stamp()
			require.False(t, stamped)
			require.NoError(t, p.SetTimestampColumn(tbl, "ts"))
			require.Error(t, p.SetTimestampColumn(tbl, "ts"), "set once")

			before := time.Now()
			n, err := insert.Append(tbl, value.NewTable([]string{"id"}, []*value.Vector{value.NewInts([]int32{1, 2, 3})}))
			after := time.Now()
			require.NoError(t, err)
			require.Equal(t, 3, n)
			col := tbl.Cols[1]
			require.Equal(t, tc.typ, col.T)
			require.Equal(t, 3, col.Len())
			for i := 0; i < 3; i++ {
				got := col.Elem(i).(*value.Scalar).I
				require.GreaterOrEqual(t, got, tc.local(before))
				require.LessOrEqual(t, got, tc.local(after))
			}

			_, err = insert.Append(tbl, value.NewTable([]string{"id", "ts"}, []*value.Vector{value.NewInts([]int32{4}), value.NewVector(tc.typ, 1, 1)}))
			require.ErrorIs(t, err, insert.ErrColumnCount, "the data can't include the time column")
			require.Equal(t, 3, tbl.Rows())
		})
	}
}

func TestTimestampColumnRules(t *testing.T) {
	tbl := stream.Mark(value.NewTable([]string{"t", "x"}, []*value.Vector{value.NewVector(value.Timestamp, 0, 0), value.NewVector(value.Double, 0, 0)}))
	p := stream.Of(tbl)
	require.ErrorContains(t, p.SetTimestampColumn(tbl, "t"), "last column")
	require.ErrorContains(t, p.SetTimestampColumn(tbl, "nosuch"), "last column")
	require.ErrorContains(t, p.SetTimestampColumn(tbl, "x"), "temporal type")
	_, stamped := p.Stamp()
	require.False(t, stamped, "a refused column leaves the table unstamped")
}

// BenchmarkAppendTimestamp compares appends of 1024-row batches to a
// stream table with and without a time column filled per batch.
func BenchmarkAppendTimestamp(b *testing.B) {
	ids := make([]int32, 1024)
	prices := make([]float64, 1024)
	batch := value.NewTable([]string{"id", "price"}, []*value.Vector{value.NewInts(ids), value.NewDoubles(prices)})
	for _, stamped := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "stamped"}[stamped]
		b.Run(name, func(b *testing.B) {
			cols := []*value.Vector{value.NewVector(value.Int, 0, 0), value.NewVector(value.Double, 0, 0), value.NewVector(value.Timestamp, 0, 0)}
			tbl := stream.Mark(value.NewTable([]string{"id", "price", "ts"}, cols))
			src := batch
			if stamped {
				require.NoError(b, stream.Of(tbl).SetTimestampColumn(tbl, "ts"))
			} else {
				src = value.NewTable([]string{"id", "price", "ts"}, append(batch.Cols[:2:2], value.NewVector(value.Timestamp, 1024, 1024)))
			}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if tbl.Rows() > 1<<20 {
					for _, c := range tbl.Cols {
						*c = *c.Slice(0, 0)
					}
				}
				if _, err := insert.Append(tbl, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
