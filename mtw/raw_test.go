package mtw

import (
	"context"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
)

type (
	myInt16  int16
	myString string
	myBool   bool
	myUint   uint
	myInts   []int16
)

// rawRows are values beyond convertRows that exercise every kind the
// queue stores and every path of detach; back is what GetUnwrittenData
// returns when it is not the value itself.
func rawRows() []struct {
	convertRow
	back any
} {
	ts := time.Date(2022, 3, 23, 9, 30, 0, 123456789, time.UTC)
	cst := time.FixedZone("CST", 8*3600)
	p := 5
	pp := &p
	var nilInt *int
	s := struct{ A int }{1}
	m := map[string]int{"a": 1}
	arrT := value.Timestamp + value.ArrayOffset
	type row = convertRow
	return []struct {
		convertRow
		back any
	}{
		{row{uint(7), value.Long, 0, "7", false}, nil},
		{row{uint8(200), value.Short, 0, "200", false}, nil},
		{row{uint8(200), value.Char, 0, "short cannot be converted because it exceeds the range of CHAR", true}, nil},
		{row{uint16(7), value.Int, 0, "7", false}, nil},
		{row{uint32(7), value.Int, 0, "7", false}, nil},
		{row{uint64(7), value.Int, 0, "7", false}, nil},
		{row{int16(-3), value.Short, 0, "-3", false}, nil},
		{row{int64(5), value.Int, 0, "5", false}, nil},
		{row{int64(5), value.Timestamp, 0, "1970.01.01T00:00:00.005", false}, nil},
		{row{int32(5), value.Timestamp, 0, "1970.01.01T00:00:00.005", false}, nil},
		{row{int32(5), value.Date, 0, "1970.01.06", false}, nil},
		{row{5, value.Second, 0, "00:00:05", false}, nil},
		{row{math.MinInt32, value.Int, 0, "", false}, nil},
		{row{int64(math.MaxInt32) + 1, value.Int, 0, "long cannot be converted because it exceeds the range of INT", true}, nil},
		{row{float32(2.5), value.Double, 0, "2.5", false}, nil},
		{row{math.NaN(), value.Double, 0, "", false}, nil},
		{row{2.5, value.Decimal32, 1, "2.5", false}, nil},
		{row{time.Duration(90 * time.Second), value.Second, 0, "00:01:30", false}, nil},
		{row{ts.In(cst), value.Timestamp, 0, "2022.03.23T17:30:00.123", false}, nil},
		{row{time.Date(1000000000, 1, 1, 0, 0, 0, 0, time.UTC), value.Timestamp, 0, "nanotimestamp cannot be converted because it exceeds the range of TIMESTAMP", true}, nil},
		{row{ts, value.Date, 0, "2022.03.23", false}, nil},
		{row{"", value.Symbol, 0, "", false}, nil},
		{row{"", value.Int, 0, "", false}, nil},
		{row{"x", value.Blob, 0, "x", false}, nil},
		{row{nil, value.Double, 0, "", false}, nil},
		{row{true, value.Bool, 0, "true", false}, nil},
		// Named types and pointers, through reflect.
		{row{myInt16(-4), value.Int, 0, "-4", false}, nil},
		{row{myString("x"), value.Symbol, 0, "x", false}, nil},
		{row{myBool(true), value.Bool, 0, "true", false}, nil},
		{row{myUint(9), value.Long, 0, "9", false}, nil},
		{row{&p, value.Long, 0, "5", false}, nil},
		{row{&pp, value.Int, 0, "5", false}, nil},
		{row{nilInt, value.Int, 0, "", false}, nil},
		{row{&ts, value.Timestamp, 0, "2022.03.23T09:30:00.123", false}, nil},
		{row{(*time.Time)(nil), value.Date, 0, "", false}, nil},
		{row{&Decimal{Unscaled: big.NewInt(5), Scale: 1}, value.Decimal32, 2, "0.50", false}, nil},
		{row{&[]int32{1}, value.Int, 0, "Cannot convert list to INT", true}, nil},
		// Array vectors.
		{row{[]int32{1, 2}, value.Int + value.ArrayOffset, 0, "[1,2]", false}, nil},
		{row{myInts{1, 2}, value.Int + value.ArrayOffset, 0, "[1,2]", false}, nil},
		{row{[3]int32{1, 2, 3}, value.Int + value.ArrayOffset, 0, "[1,2,3]", false}, nil},
		{row{[2]time.Time{ts, ts}, arrT, 0, "[2022.03.23T09:30:00.123,2022.03.23T09:30:00.123]", false}, nil},
		{row{[1]*int{&p}, value.Int + value.ArrayOffset, 0, "[5]", false}, nil},
		{row{[]any{1, "x"}, value.Int + value.ArrayOffset, 0, "Cannot convert string to INT", true}, nil},
		{row{5, value.Int + value.ArrayOffset, 0, "Cannot convert long to INT[]", true}, nil},
		// Types no column accepts come back as zero values, except what
		// pointers point to, which is copied.
		{row{s, value.Int, 0, "Cannot convert struct { A int } to INT", true}, struct{ A int }{}},
		{row{&s, value.Int, 0, "Cannot convert struct { A int } to INT", true}, nil},
		{row{m, value.Symbol, 0, "Cannot convert map[string]int to SYMBOL", true}, map[string]int(nil)},
		{row{[1]map[string]int{m}, value.Int + value.ArrayOffset, 0, "Cannot convert map[string]int to INT", true}, [1]map[string]int{}},
		{row{&s, value.Int + value.ArrayOffset, 0, "Cannot convert *struct { A int } to INT[]", true}, nil},
	}
}

func isNaN(x any) bool {
	f, ok := x.(float64)
	return ok && f != f
}

func rawValue(t *testing.T, x any) rawVal {
	t.Helper()
	rc := &rawCol{}
	rc.put(x)
	rd := rawReader{rc: rc}
	return rd.next(0)
}

// TestRawMatchesConvert: a queued value converts, by toCell and by the
// column loop's direct paths, exactly as Convert converts the value, and
// comes back from the queue as inserted.
func TestRawMatchesConvert(t *testing.T) {
	rows := convertRows()
	backs := make([]any, len(rows))
	for _, r := range rawRows() {
		rows = append(rows, r.convertRow)
		backs = append(backs, r.back)
	}
	for i, r := range rows {
		v := rawValue(t, r.x)
		back := v.value()
		switch {
		case backs[i] != nil:
			require.Equal(t, backs[i], back, "row %d", i)
		case r.x == nil:
			require.Nil(t, back, "row %d", i)
		case isNaN(r.x):
			require.True(t, math.IsNaN(back.(float64)), "row %d", i)
		default:
			require.Equal(t, r.x, back, "row %d: %T", i, r.x)
		}

		want := value.NewVector(r.t, 0, 1)
		want.Scale = r.scale
		c, wantErr := convert(r.x, r.t, r.scale)
		if wantErr == nil {
			appendCell(want, &c)
		}
		c2, err := v.toCell(r.t, r.scale)
		if r.err {
			require.EqualError(t, wantErr, r.want, "row %d", i)
			require.EqualError(t, err, r.want, "row %d", i)
		} else {
			require.NoError(t, wantErr, "row %d", i)
			require.NoError(t, err, "row %d", i)
			got := value.NewVector(r.t, 0, 1)
			got.Scale = r.scale
			appendCell(got, &c2)
			require.Equal(t, want, got, "row %d", i)
		}

		rc := &rawCol{}
		rc.put(r.x)
		got := value.NewVector(r.t, 0, 1)
		got.Scale = r.scale
		err = convertColumn(rc, &column{t: r.t, scale: r.scale}, 1, nil, []*value.Vector{got})
		if r.err {
			require.EqualError(t, err, r.want, "row %d", i)
			continue
		}
		require.NoError(t, err, "row %d", i)
		require.Equal(t, want, got, "row %d: %v → %s", i, r.x, r.t)
		if r.want != "" && !r.t.IsArray() {
			require.Equal(t, r.want, got.At(0).String(), "row %d", i)
		}
	}
}

// TestDetachCopies: the queue keeps copies, so changing a value after
// Insert does not change the row.
func TestDetachCopies(t *testing.T) {
	n := 5
	d := &Decimal{Unscaled: big.NewInt(1), Scale: 0}
	arr := [2]int{1, 2}
	vals := []any{&n, d, arr, myInts{1}}
	rc := &rawCol{}
	for _, x := range vals {
		rc.put(x)
	}
	n, d.Scale, arr[0] = 6, 3, 9
	rd := rawReader{rc: rc}
	require.Equal(t, 5, *rd.next(0).value().(*int))
	require.Equal(t, int32(0), rd.next(1).value().(*Decimal).Scale)
	require.Equal(t, [2]int{1, 2}, rd.next(2).value())
	require.Equal(t, myInts{1}, rd.next(3).value())
}

// TestFirstFailureInRowOrder: the column-wise conversion reports the
// failure a row-by-row conversion meets first (routing column first in
// each row, then the others in order).
func TestFirstFailureInRowOrder(t *testing.T) {
	cols := []column{{name: "date", t: value.Date}, {name: "sym", t: value.Symbol}, {name: "id", t: value.Int}}
	for _, tc := range []struct {
		name   string
		routed bool
		rows   [][]any
		want   string
	}{
		{"earlier row, later column", true, [][]any{{19000, "A", 1.5}, {19000, 222, 1}}, "Cannot convert double to INT"},
		{"first column", true, [][]any{{1.5, "A", 1}, {19000, "B", "z"}}, "Cannot convert double to DATE"},
		{"routing column first", true, [][]any{{1.5, 222, 1}}, "Cannot convert long to SYMBOL"},
		{"not routed", false, [][]any{{19000, "A", "x"}, {1.5, "A", 1}}, "Cannot convert string to INT"},
		{"last row", false, [][]any{{19000, "A", 1}, {19000, "A", 2}, {19000, "A", nil}, {19000, "A", 1 << 40}},
			"long cannot be converted because it exceeds the range of INT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &Writer{cols: cols, ncols: 3, pcol: -1, threads: make([]*writerThread, 1)}
			if tc.routed {
				w.threads = make([]*writerThread, 2)
				w.pcol, w.route = 1, &hashRouter{t: value.Symbol, n: 2}
			}
			for _, r := range tc.rows {
				w.queueRow(r)
			}
			staging := []*batch{w.newBatch(), w.newBatch()}
			_, err := w.convertSegment(w.segs[0], staging, nil)
			require.Error(t, err)
			require.EqualError(t, w.firstFailure(w.segs[0]), tc.want)
		})
	}
}

var benchSink = [8]string{"AAPL", "MSFT", "IBM", "GOOG", "TSLA", "AMZN", "NVDA", "META"}

// TestInsertDoesNotAllocate: Insert keeps no reference to its
// arguments, so the caller's Go values need no heap allocation.
func TestInsertDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	ts := server.RunT(t)
	setupTables(t, ts)
	w := idleWriter(t, ts, "tglobal")
	release := w.HoldConversion()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	allocs := testing.AllocsPerRun(10000, func() {
		i++
		w.Insert(t0.Add(time.Duration(i)*time.Hour), benchSink[i&7], i*1000)
	})
	require.Zero(t, allocs)
	release()
	w.WaitForThreadCompletion()
	st := w.GetStatus()
	require.True(t, st.Succeed(), st.String())
	require.Equal(t, i, st.SentRows)
}

// TestUnwrittenDataAsInserted: rows not converted yet come back as
// inserted, whatever their Go types.
func TestUnwrittenDataAsInserted(t *testing.T) {
	ts := server.RunT(t)
	setupTables(t, ts)
	w := idleWriter(t, ts, "tglobal")
	release := w.HoldConversion()
	defer release()
	p := int64(3)
	tm := time.Now()
	rows := [][]any{
		{tm, "A", 1},
		{19000, myString("B"), &p},
		{nil, []byte("C"), uint8(4)},
		{"2022.01.01", 1.5, float32(2)},
		{time.Second, true, Decimal{Unscaled: big.NewInt(5)}},
	}
	for _, r := range rows {
		require.True(t, w.Insert(r...).Succeed())
	}
	require.Equal(t, len(rows), w.GetStatus().ThreadStatus[0].UnsentRows)
	require.Equal(t, rows, w.GetUnwrittenData())
	require.Equal(t, 0, w.GetStatus().UnsentRows)
}

// Insert copies slice arguments: a caller that reuses its buffer after
// Insert returns does not change the queued row.
func TestInsertCopiesBuffers(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	testkit.Query(t, c, "share table(1:0, `id`b, [INT, BLOB]) as blobs")
	w := idleWriter(t, ts, "blobs")
	buf := []byte("first")
	require.True(t, w.Insert(int32(1), buf).Succeed())
	copy(buf, "XXXXX")
	require.True(t, w.Insert(int32(2), buf).Succeed())
	w.WaitForThreadCompletion()
	st := w.GetStatus()
	require.True(t, st.Succeed(), st.String())
	v, err := c.Run(context.Background(), "exec b from blobs order by id")
	require.NoError(t, err)
	require.Equal(t, []string{"first", "XXXXX"}, v.(*value.Vector).Str)
}

// A panic in the conversion goroutine becomes the writer's error instead
// of ending the program.
func TestCatchPanic(t *testing.T) {
	var err error
	func() {
		defer catchPanic(&err)
		var m map[string]int
		m["x"] = 1 // assignment to a nil map panics
	}()
	require.ErrorContains(t, err, "internal error: assignment to entry in nil map")
}
