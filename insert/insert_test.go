package insert

import (
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestAcceptableMatrix(t *testing.T) {
	for _, tc := range []struct {
		dst, src value.Type
		mem, dfs bool
	}{
		{value.Int, value.Double, true, false},
		{value.Int, value.Char, true, true},
		{value.Int, value.Long, true, true},
		{value.Double, value.Int, true, true},
		{value.Int, value.String, false, false},
		{value.Symbol, value.String, true, true},
		{value.String, value.Symbol, true, true},
		{value.Timestamp, value.Date, true, true},
		{value.Date, value.Int, true, false},
		{value.Decimal64, value.Double, true, true},
		{value.Int, value.Void, true, true},
		{value.UUID, value.String, false, false},
	} {
		require.Equal(t, tc.mem, MemoryRules.Acceptable(tc.dst, tc.src), "memory %s <- %s", tc.dst, tc.src)
		require.Equal(t, tc.dfs, DFSRules.Acceptable(tc.dst, tc.src), "dfs %s <- %s", tc.dst, tc.src)
	}
}

func TestConvertColumnErrorTexts(t *testing.T) {
	src := value.NewStrings(value.String, []string{"str"})
	_, err := ConvertColumn(src, value.Int, 0, "id", MemoryRules)
	require.EqualError(t, err, "Failed to append data to column 'id' with error: Incompatible type. Expected: INT, Actual: STRING")
	_, err = ConvertColumn(value.NewDoubles([]float64{1.5}), value.Int, 0, "qty", DFSRules)
	require.EqualError(t, err, "The column [qty] expects type of INT, but the actual type is DOUBLE.")
}

func TestAppendIsAtomic(t *testing.T) {
	dst := value.NewTable([]string{"a", "b"}, []*value.Vector{value.NewInts(nil), value.NewInts(nil)})
	src := value.NewTable([]string{"a", "b"}, []*value.Vector{value.NewInts([]int32{1}), value.NewStrings(value.String, []string{"x"})})
	_, err := Append(dst, src)
	require.Error(t, err)
	require.Equal(t, 0, dst.Rows())
	_, err = Append(dst, value.NewTable([]string{"a"}, []*value.Vector{value.NewInts([]int32{1})}))
	require.ErrorIs(t, err, ErrColumnCount)
}

func TestKeyedCountsNewKeysOnly(t *testing.T) {
	dst := value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts([]int32{1}), value.NewInts([]int32{1})})
	dst.Kind, dst.KeyCols = value.KeyedTable, []int{0}
	require.True(t, dst.RebuildKeys())
	n, err := Append(dst, value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts([]int32{1, 2, 3, 3}), value.NewInts([]int32{7, 8, 9, 10})}))
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Equal(t, []int32{1, 2, 3}, dst.Cols[0].I32)
	require.Equal(t, []int32{7, 8, 10}, dst.Cols[1].I32)
}

func TestFromInsertValuesFillsMissingColumns(t *testing.T) {
	tb, err := FromInsertValues(Schema{Names: []string{"id", "sym", "val"}, Types: []value.Type{value.Int, value.Symbol, value.Double}},
		[]string{"val", "id"}, [][]value.Value{{value.NewDouble(7.6), value.NewInt(3)}}, MemoryRules)
	require.NoError(t, err)
	require.Equal(t, []int32{3}, tb.Cols[0].I32)
	require.True(t, tb.Cols[1].IsNull(0))
	require.Equal(t, []float64{7.6}, tb.Cols[2].F64)
	_, err = FromInsertValues(Schema{Names: []string{"a", "b"}, Types: []value.Type{value.Int, value.Int}}, nil, [][]value.Value{{value.NewInt(1)}}, MemoryRules)
	require.ErrorIs(t, err, ErrInsertColumnCount)
}

// The SYMBOL length limit applies to a coded column's rows, not to other
// strings its base holds.
func TestSymbolLimitCodedRows(t *testing.T) {
	long := strings.Repeat("x", maxSymbolBytes+1)
	_, err := applyLimits(value.NewSymbols([]string{"a", long}))
	require.Error(t, err)
	v, err := applyLimits(value.NewSymbols([]string{"a", "b", long}).Slice(0, 2))
	require.NoError(t, err)
	require.Equal(t, 2, v.Len())
	_, err = applyLimits(value.NewSymbols([]string{"a", "b"}))
	require.NoError(t, err)
}

// A coded STRING column is cut to the DFS limit like a plain one; with no
// long string in its base it is kept as it is (still coded).
func TestStringLimitCoded(t *testing.T) {
	long := strings.Repeat("x", maxStringBytes+1)
	cut := long[:maxStringBytes]
	for _, tc := range []struct {
		name  string
		v     *value.Vector
		want  []string
		keeps bool
	}{
		{"short", value.NewStrings(value.String, []string{"a", "b", "a"}).Coded(), []string{"a", "b", "a"}, true},
		{"long row", value.NewStrings(value.String, []string{"a", long, "", long}).Coded(), []string{"a", cut, "", cut}, false},
		{"long only in the base", value.NewStrings(value.String, []string{"a", "b", long}).Coded().Slice(0, 2), []string{"a", "b"}, false},
		{"plain long", value.NewStrings(value.String, []string{long, "a"}), []string{cut, "a"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := value.DeepCopy(tc.v).(*value.Vector)
			got, err := applyLimits(tc.v)
			require.NoError(t, err)
			require.Equal(t, value.String, got.T)
			require.Equal(t, tc.want, got.Strings())
			if tc.keeps {
				require.Same(t, tc.v, got)
			}
			require.Equal(t, src.Strings(), tc.v.Strings(), "the input is not changed")
		})
	}
}

// An upsert overwriting a row of an array-vector column replaces that row
// only, whatever the lengths of the old and new rows; it wrote the new
// row's cells at the old row's index into the flat cells, corrupting the
// row before it.
func TestUpsertArrayVectorRows(t *testing.T) {
	av := func(flat []float64, ends ...int64) *value.Vector {
		return &value.Vector{T: value.Double + value.ArrayOffset, F64: flat, Offsets: ends}
	}
	for _, tc := range []struct {
		name     string
		src      *value.Vector
		ids      []int32
		wantFlat []float64
		wantEnds []int64
		inserted int
		updated  int
	}{
		{"longer row, then a new key", av([]float64{10, 20, 5}, 2, 3), []int32{2, 3},
			[]float64{1, 2, 10, 20, 5}, []int64{2, 4, 5}, 1, 1},
		{"shorter row first", av([]float64{7}, 1), []int32{1},
			[]float64{7, 3}, []int64{1, 2}, 0, 1},
		{"a key new in the batch, updated later in it", av([]float64{4, 8, 9}, 1, 3), []int32{3, 3},
			[]float64{1, 2, 3, 8, 9}, []int64{2, 3, 5}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts([]int32{1, 2}), av([]float64{1, 2, 3}, 2, 3)})
			dst.Kind, dst.KeyCols = value.KeyedTable, []int{0}
			require.True(t, dst.RebuildKeys())
			res, err := Upsert(dst, value.NewTable([]string{"id", "v"}, []*value.Vector{value.NewInts(tc.ids), tc.src}), false)
			require.NoError(t, err)
			require.Equal(t, Result{Inserted: tc.inserted, Updated: tc.updated}, res)
			require.Equal(t, tc.wantFlat, dst.Cols[1].F64)
			require.Equal(t, tc.wantEnds, dst.Cols[1].Offsets)
		})
	}
}
