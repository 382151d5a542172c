package decomp

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// robustnessWeights reads the residuals' two middle order statistics by
// selection: the weights are those the full sort gave, for odd and even
// lengths, ties and NaN residuals included.
func TestRobustnessWeightsMatchSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 9))
	for _, n := range []int{1, 2, 7, 10, 101, 1000} {
		for _, withNaN := range []bool{false, true} {
			y, fit := make([]float64, n), make([]float64, n)
			for i := range y {
				y[i], fit[i] = float64(rng.IntN(30)), rng.NormFloat64()*5
			}
			if withNaN {
				fit[n/2] = math.NaN()
			}
			r := make([]float64, n)
			for i := range r {
				r[i] = math.Abs(y[i] - fit[i])
			}
			slices.Sort(r)
			cmad := 3 * (r[n/2] + r[n-n/2-1])
			want := make([]float64, n)
			for i := range want {
				x := math.Abs(y[i] - fit[i])
				switch {
				case x <= 0.001*cmad:
					want[i] = 1
				case x <= 0.999*cmad:
					q := 1 - (x/cmad)*(x/cmad)
					want[i] = q * q
				}
			}
			got := make([]float64, n)
			robustnessWeights(y, fit, got)
			require.Equal(t, want, got, "n=%d nan=%v", n, withNaN)
		}
	}
}

// stl, esd and seasonalEsd stop on a cancelled request (STL's passes
// take a second over 200K points, the ESD steps up to one per point).
func TestDecompositionsStopWhenCancelled(t *testing.T) {
	ys := make([]float64, 3000)
	for i := range ys {
		ys[i] = math.Sin(float64(i)) + float64(i%7)
	}
	y := value.NewDoubles(ys)
	fakeenv.RequireStops(t, stl, []value.Value{y, value.NewInt(7), value.NewString("periodic")})
	fakeenv.RequireStops(t, seasonalEsd, []value.Value{y, value.NewInt(7)})
	fakeenv.RequireStops(t, esd, []value.Value{y})
}
