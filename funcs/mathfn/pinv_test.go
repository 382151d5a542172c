package mathfn

import (
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

func TestPinv(t *testing.T) {
	for _, c := range []struct {
		name string
		a    *mat.Dense
		want []float64 // row-major
	}{
		{"an invertible matrix is inverted", mat.NewDense(2, 2, []float64{4, 7, 2, 6}), []float64{0.6, -0.7, -0.2, 0.4}},
		{"a singular matrix drops its zero singular value", mat.NewDense(2, 2, []float64{1, 1, 1, 1}), []float64{0.25, 0.25, 0.25, 0.25}},
		{"a wide matrix gives its minimum-norm right inverse", mat.NewDense(1, 2, []float64{3, 4}), []float64{0.12, 0.16}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Pinv(c.a)
			require.InDeltaSlice(t, c.want, got.RawMatrix().Data, 1e-12)
		})
	}
}
