package ordstat

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// sizes are the series lengths the random tests try.
var sizes = []int{0, 1, 2, 10, 1000}

// tiedSample is n doubles with many ties, infinities and both zeros, and
// with nulls NULL and NaN.
func tiedSample(rng *rand.Rand, n int, nulls bool) []float64 {
	special := []float64{math.Inf(-1), math.Inf(1), 0, math.Copysign(0, -1)}
	if nulls {
		special = append(special, value.NullFloat64, math.NaN())
	}
	xs := make([]float64, n)
	for i := range xs {
		switch rng.IntN(6) {
		case 0:
			xs[i] = special[rng.IntN(len(special))]
		case 1:
			xs[i] = rng.Float64()*100 - 50
		default:
			xs[i] = float64(rng.IntN(20)) / 4
		}
	}
	return xs
}

// refKendall is the quadratic pair count KendallTauB replaced.
func refKendall(xs, ys []float64) (float64, bool) {
	n := len(xs)
	var c, d, tx, ty float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := (xs[i] - xs[j]) * (ys[i] - ys[j])
			switch {
			case s > 0:
				c++
			case s < 0:
				d++
			default:
				if xs[i] == xs[j] && ys[i] != ys[j] {
					tx++
				}
				if ys[i] == ys[j] && xs[i] != xs[j] {
					ty++
				}
			}
		}
	}
	den := math.Sqrt((c + d + tx) * (c + d + ty))
	return (c - d) / den, n > 1 && den != 0
}

// Knight's count gives the pairwise count's tau-b on ties in x, y and
// both, infinities and both zeros (kendall drops NULL pairs before).
func TestKendallMatchesPairCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for _, n := range sizes {
		for round := range 5 {
			xs, ys := tiedSample(rng, n, false), tiedSample(rng, n, false)
			if round == 4 {
				copy(ys, xs) // tau 1, or undefined when all tie
			}
			want, wok := refKendall(xs, ys)
			got, ok := KendallTauB(xs, ys)
			require.Equal(t, wok, ok, "n=%d round %d", n, round)
			if ok {
				require.Equal(t, math.Float64bits(want), math.Float64bits(got), "n=%d round %d: %v vs %v", n, round, want, got)
			}
		}
	}
}

// The cases the pair count got wrong or that pin the formula.
func TestKendallCases(t *testing.T) {
	for _, c := range []struct {
		xs, ys []float64
		want   float64
		ok     bool
	}{
		{nil, nil, 0, false},
		{[]float64{1}, []float64{2}, 0, false},
		{[]float64{1, 2, 3}, []float64{3, 2, 1}, -1, true},
		{[]float64{1, 1, 1}, []float64{1, 2, 3}, 0, false},
		// tau-b of scipy.stats.kendalltau([1,2,2,3], [1,3,2,2]): c=3, d=1, tx=1, ty=1
		{[]float64{1, 2, 2, 3}, []float64{1, 3, 2, 2}, 0.4, true},
		// differences whose product underflows to 0 still order the pair:
		// the pair count saw a tie in neither and no pair at all
		{[]float64{0, 1e-200}, []float64{0, 1e-200}, 1, true},
	} {
		t.Run(fmt.Sprint(c.xs, c.ys), func(t *testing.T) {
			got, ok := KendallTauB(c.xs, c.ys)
			require.Equal(t, c.ok, ok)
			if ok {
				require.InDelta(t, c.want, got, 1e-15)
			}
		})
	}
}
