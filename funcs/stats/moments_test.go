package stats

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// momentCases cover every storage the typed paths read, with NULLs
// (and NaN, a NULL for floating types), all-NULL and empty vectors.
func momentCases() map[string]*value.Vector {
	return map[string]*value.Vector{
		"INT":             value.NewInts([]int32{3, value.NullInt32, 7, -2, 10}),
		"INT all NULL":    value.NewInts([]int32{value.NullInt32, value.NullInt32}),
		"INT empty":       value.NewInts([]int32{}),
		"INT one":         value.NewInts([]int32{5}),
		"INT past INT":    value.NewInts([]int32{math.MaxInt32 - 1, math.MaxInt32 - 1}),
		"LONG":            value.NewLongs([]int64{1 << 40, value.NullInt64, 3}),
		"SHORT":           {T: value.Short, I16: []int16{1, 2, value.NullInt16}},
		"CHAR":            {T: value.Char, I8: []int8{1, value.NullInt8, 100}},
		"BOOL":            {T: value.Bool, I8: []int8{1, 0, value.NullInt8, 1}},
		"DOUBLE":          value.NewDoubles([]float64{1.5, value.NullFloat64, math.NaN(), -2.25, 8}),
		"DOUBLE all NULL": value.NewDoubles([]float64{value.NullFloat64}),
		"FLOAT":           {T: value.Float, F32: []float32{1.5, value.NullFloat32, 2.5}},
	}
}

// doubleAggOf is the conversion path the typed reducers must agree with.
func doubleAggOf(f func([]float64) (float64, bool)) reducer { return doubleAgg("t", f) }

// TestTypedMomentsMatchConversionPath: avg, var, std, varp, stdp and sum
// give the same results from the typed storage as from the DOUBLE
// conversion (the path DECIMAL still takes).
func TestTypedMomentsMatchConversionPath(t *testing.T) {
	slowVar := func(ddof int, root bool) reducer {
		return doubleAggOf(func(xs []float64) (float64, bool) {
			v, ok := Variance(xs, ddof)
			if root {
				v = math.Sqrt(v)
			}
			return v, ok
		})
	}
	slowAvg := doubleAggOf(func(xs []float64) (float64, bool) { return Mean(xs), len(xs) > 0 })
	failing := func(*value.Vector) (value.Value, error) {
		t.Fatal("typed path fell back to the conversion path")
		return nil, nil
	}
	for name, v := range momentCases() {
		t.Run(name, func(t *testing.T) {
			check := func(fast, slow reducer) {
				got, err := fast(v)
				require.NoError(t, err)
				want, err := slow(v)
				require.NoError(t, err)
				gs, ws := got.(*value.Scalar), want.(*value.Scalar)
				require.Equal(t, ws.T, gs.T)
				require.Equal(t, ws.Null, gs.Null, "got %s want %s", gs, ws)
				if !ws.Null {
					require.InDelta(t, ws.F, gs.F, 1e-9*math.Max(1, math.Abs(ws.F)))
				}
			}
			check(meanReducer(failing), slowAvg)
			for _, ddof := range []int{0, 1} {
				for _, root := range []bool{false, true} {
					check(varianceReducer(ddof, root, failing), slowVar(ddof, root))
				}
			}
		})
	}
}

// TestTypedSum: sum keeps INT (LONG past INT's range or for LONG input),
// gives DOUBLE for floating input and NULL when nothing is summed.
func TestTypedSum(t *testing.T) {
	want := map[string]string{
		"INT": "18", "INT all NULL": "", "INT empty": "", "INT one": "5", "INT past INT": "4294967292",
		"LONG": "1099511627779", "SHORT": "3", "CHAR": "101", "BOOL": "2",
		"DOUBLE": "7.25", "DOUBLE all NULL": "", "FLOAT": "4",
	}
	types := map[string]value.Type{"INT past INT": value.Long, "LONG": value.Long, "DOUBLE": value.Double, "DOUBLE all NULL": value.Double, "FLOAT": value.Double}
	for name, v := range momentCases() {
		r, err := sumReducer(v)
		require.NoError(t, err, name)
		s := r.(*value.Scalar)
		wt, ok := types[name]
		if !ok {
			wt = value.Int
		}
		require.Equal(t, wt, s.T, name)
		require.Equal(t, want[name], s.String(), name)
	}
}
