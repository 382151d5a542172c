package window

import (
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// randomColumns are columns of small values (many ties) with NULLs, and
// NaN in the floating ones, of each storage the typed loops take.
func randomColumns(rng *rand.Rand, n int) []*value.Vector {
	i32, i64, f64, f32, i8 := make([]int32, n), make([]int64, n), make([]float64, n), make([]float32, n), make([]int8, n)
	for i := range n {
		r := rng.Intn(9) - 4
		i32[i], i64[i], f64[i], f32[i], i8[i] = int32(r), int64(r)*1e12, float64(r)/4, float32(r)/4, int8(r)
		if r == 0 && rng.Intn(2) == 0 {
			f64[i], f32[i] = math.Copysign(0, -1), float32(math.Copysign(0, -1))
		}
		switch rng.Intn(6) {
		case 0:
			i32[i], i64[i], f64[i], f32[i], i8[i] = value.NullInt32, value.NullInt64, value.NullFloat64, value.NullFloat32, value.NullInt8
		case 1:
			f64[i], f32[i] = math.NaN(), float32(math.NaN())
		}
	}
	return []*value.Vector{
		value.NewInts(i32), {T: value.Timestamp, I64: i64}, value.NewDoubles(f64), {T: value.Float, F32: f32}, {T: value.Char, I8: i8},
	}
}

// TestTypedExtremeMatchesReference checks mmax/mmin/mimax/mimin's typed
// deque against pickExtreme's comparison of boxed elements, and mcount's
// typed count against counting IsNull, over every frame kind.
func TestTypedExtremeMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	const n = 700
	for name, f := range testFrames(rng, n) {
		for _, v := range randomColumns(rng, n) {
			for _, dir := range []int{1, -1} {
				want := pickExtreme(dir)(v, f)
				got, err := extremeColumn(dir)(v, f)
				require.NoError(t, err)
				require.Equal(t, v.T, got.T)
				gotIdx, err := extremeIndexColumn(dir)(v, f)
				require.NoError(t, err)
				for i, j := range want {
					if j < 0 {
						require.True(t, got.IsNull(i), "%s %s dir %d row %d", name, v.T, dir, i)
						require.Equal(t, value.NullInt32, gotIdx.I32[i])
						continue
					}
					require.Equal(t, 0, value.CompareAcross(v, j, got, i), "%s %s dir %d row %d", name, v.T, dir, i)
					if v.T == value.Double {
						// the first extreme: -0 and +0 as they come
						require.Equal(t, math.Signbit(v.F64[j]), math.Signbit(got.F64[i]), "%s dir %d row %d", name, dir, i)
					}
					require.Equal(t, int32(j-f.lo[i]), gotIdx.I32[i], "%s %s dir %d row %d", name, v.T, dir, i)
				}
			}
			for _, minP := range []int{0, 2} {
				got := countColumn(v, f, minP)
				for i := range n {
					cnt := 0
					for j := f.lo[i]; j <= i; j++ {
						if !v.IsNull(j) {
							cnt++
						}
					}
					if cnt < minP {
						require.Equal(t, value.NullInt32, got.I32[i], "%s %s row %d", name, v.T, i)
					} else {
						require.Equal(t, int32(cnt), got.I32[i], "%s %s row %d", name, v.T, i)
					}
				}
			}
		}
	}
}

// TestRankRowsMatchesRankCounts checks mrank's one-pass counts against
// stats.RankCounts and RankOf for every option, NULLs and NaN (both NULL)
// and -Inf among the values.
func TestRankRowsMatchesRankCounts(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	const n = 500
	xs := randomDoubles(rng, n, true)
	for name, f := range testFrames(rng, n) {
		for _, asc := range []bool{true, false} {
			for _, ignoreNA := range []bool{true, false} {
				for _, ties := range []string{"min", "max", "average", "first"} {
					for _, percent := range []bool{false, true} {
						o := stats.RankOptions{Ascending: asc, IgnoreNA: ignoreNA, Ties: ties, Percent: percent}
						got := make([]float64, n)
						rankRows(xs, f, o, got)
						for i, x := range xs {
							want := value.NullFloat64
							if f.ready[i] && !(funcs.IsNullF(x) && ignoreNA) {
								less, equal, cnt, valid := stats.RankCounts(x, xs[f.lo[i]:i+1], o)
								if valid >= float64(f.minCount) {
									want = stats.RankOf(x, less, equal, cnt, o)
								}
							}
							require.Equal(t, want, got[i], "%s %+v row %d", name, o, i)
						}
					}
				}
			}
		}
	}
}

// randomDoubles are n small whole values (many ties) with NULLs and NaN
// among them, and -inf with infs.
func randomDoubles(rng *rand.Rand, n int, infs bool) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		switch r := rng.Intn(8); {
		case r == 0:
			xs[i] = value.NullFloat64
		case r == 1:
			xs[i] = math.NaN()
		case r == 2 && infs:
			xs[i] = math.Inf(-1)
		default:
			xs[i] = float64(rng.Intn(9) - 4)
		}
	}
	return xs
}
