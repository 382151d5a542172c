package window

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// segmentArgs are argument lists for a segmented call of spec over n
// rows (T ascending inside each segment, X and Y with NULLs, NaN and
// ties), one per window and minPeriods tried.
func segmentArgs(rng *rand.Rand, spec *funcs.Spec, starts []int, xt value.Type) [][]value.Value {
	n := starts[len(starts)-1]
	col := func() *value.Vector {
		xs := randomDoubles(rng, n, false)
		if xt == value.Int {
			is := make([]int32, n)
			for i, x := range xs {
				is[i] = int32(x)
				if funcs.IsNullF(x) {
					is[i] = value.NullInt32
				}
			}
			return value.NewInts(is)
		}
		return value.NewDoubles(xs)
	}
	ts := make([]int64, n)
	for k := 0; k+1 < len(starts); k++ {
		for i := starts[k] + 1; i < starts[k+1]; i++ {
			ts[i] = ts[i-1] + int64(rng.Intn(4))
		}
	}
	var out [][]value.Value
	for _, w := range []int64{1, 3, 8} {
		for _, minP := range []int64{0, 2} {
			var args []value.Value
			for _, p := range spec.Params {
				switch p {
				case "T":
					args = append(args, &value.Vector{T: value.Timestamp, I64: ts})
				case "X", "Y":
					args = append(args, col())
				case "window":
					args = append(args, value.NewInt(int32(w)))
				case "minPeriods":
					if minP > 0 {
						args = append(args, value.NewInt(int32(minP)))
					}
				case "biased":
					args = append(args, value.NewBool(w == 3))
				}
			}
			out = append(out, args)
		}
	}
	return out
}

// TestSegmentedMatchesPerSegment checks every segmented moving function
// against its Fn called on each segment's rows, the results joined:
// what context by computed before it called the segmented form.
func TestSegmentedMatchesPerSegment(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	starts := []int{0, 1, 2, 9, 40, 41, 90, 150}
	tested := 0
	for _, spec := range funcs.All() {
		if spec.Segmented == nil {
			continue
		}
		tested++
		for _, xt := range []value.Type{value.Double, value.Int} {
			for _, args := range segmentArgs(rng, spec, starts, xt) {
				got, ok, err := spec.Segmented(nil, args, starts)
				require.NoError(t, err, spec.Name)
				require.True(t, ok, spec.Name)
				g := got.(*value.Vector)
				var parts []value.Value
				for k := 0; k+1 < len(starts); k++ {
					seg := make([]value.Value, len(args))
					for i, a := range args {
						seg[i] = a
						if v, isVec := a.(*value.Vector); isVec {
							seg[i] = v.Slice(starts[k], starts[k+1])
						}
					}
					r, err := spec.Fn(nil, seg)
					require.NoError(t, err, spec.Name)
					parts = append(parts, r)
				}
				for k, p := range parts {
					want := p.(*value.Vector)
					require.Equal(t, want.T, g.T, spec.Name)
					for r := range want.Len() {
						i := starts[k] + r
						require.Equal(t, want.IsNull(r), g.IsNull(i), "%s %s row %d %v", spec.Name, xt, i, args[1:])
						if !want.IsNull(r) {
							require.Equal(t, want.At(r), g.At(i), "%s %s row %d %v", spec.Name, xt, i, args[1:])
						}
					}
				}
			}
		}
	}
	require.Greater(t, tested, 30)
}
